"""Second stage of the triage prefilter: which alternative of a regex a text could reach.

A trigger's word starts (prefilter.py) are a union over all its alternatives, and a few of
those starts are words that every free text carries: the skill reads each free text again with
"i", "my", "i'm"... put back in front (content carriers), so " i have " and " it is " select a
third of the triggers for any question at all, and the first such question in a container
compiled ~10 KB of regex it could never match. Here each top-level alternative of a regex is
read separately: the starts it can begin with, and the literal text it cannot match without
("needs": groups of strings, at least one of each group occurring in the text). A trigger stays
a candidate only when one alternative that can begin at one of the text's word starts also has
everything it needs in the text. Like the starts, "needs" are read off the stdlib's own parse
of the regex and only ever under-state what a match contains, so the filter still never hides a
red flag; it only drops searches that could not have found anything.

Build time only (`make model` stores the result in triage_index.json); at run time a text is
checked with holds().
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from typing import Any

from .alternatives import spans, wrapped
from .prefilter import (
    OwnStarts,
    Refinement,
    Starts,
    extend,
    finish,
    pack_groups,
    pack_ints,
    set_bits,
    start_places,
)
from .prefilter import starts as starts_of

_sre: Any = importlib.import_module("re._parser")
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})
_MIN_LITERAL = 3  # shorter runs (" a ") are in nearly every text: not worth a check
_SHORT_WORD = 2  # letters: "is", "it", "my", "to", "in" are in most texts
_MAX_GROUPS = 1  # per alternative: its most selective group is what the index keeps

Needs = tuple[tuple[str, ...], ...]  # every group must have one string in the text


def _alternatives(items: list[Any]) -> list[list[Any]]:
    """Split a parsed sequence at its first top-level alternation: prefix + alt + suffix for
    each alternative (itself split the same way), groups inlined on the way."""
    for at, (op, av) in enumerate(items):
        name = str(op)
        if name == "SUBPATTERN":  # inline the group: only its items matter here
            return _alternatives(items[:at] + list(av[-1]) + items[at + 1 :])
        if name == "BRANCH":
            prefix, suffix = items[:at], items[at + 1 :]
            alts = [alt for branch in av[1] for alt in _alternatives(list(branch))]
            return [prefix + alt + suffix for alt in alts]
    return [items]


def _needs(items: Sequence[Any], shortest: int = _MIN_LITERAL) -> list[frozenset[str]]:
    """Groups of strings a match of this sequence must contain (one of each group), each
    string at least `shortest` characters."""
    groups: list[frozenset[str]] = []
    run = ""
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run += chr(av)
            continue
        if name in _ZERO_WIDTH:
            continue  # consumes nothing: the literal text on either side stays adjacent
        if len(run) >= shortest:
            groups.append(frozenset({run}))
        run = ""
        if name == "SUBPATTERN":
            groups += _needs(av[-1], shortest)
        elif name == "BRANCH":
            picks: set[str] = set()
            for alt in av[1]:
                alt_groups = _needs(alt, shortest)
                if not alt_groups:
                    break  # this alternative needs nothing we can name: neither does the branch
                best: frozenset[str] = min(alt_groups, key=_weakness)
                picks |= best
            else:
                groups.append(frozenset(picks))
        elif name in _REPEATS and av[0] >= 1:
            groups += _needs(av[2], shortest)
    if len(run) >= shortest:
        groups.append(frozenset({run}))
    return groups


def _weakness(group: frozenset[str]) -> tuple[bool, int, int, tuple[str, ...]]:
    """Fewer and longer strings rule out more texts (then by text: the index is stable); a
    group that one short word satisfies ("my ", " is ", " to ") rules out almost none, however
    few its strings, so any other group goes first."""
    shortest = min(len(s.strip()) for s in group)
    return shortest <= _SHORT_WORD, len(group), -min(len(s) for s in group), tuple(sorted(group))


def analyse(source: str) -> list[tuple[Starts, Needs]]:
    """Each top-level alternative of a regex source: (its starts, what it needs)."""
    found = []
    for alt in _alternatives(list(_sre.parse(source))):
        still_open, finished = extend(alt, {""})
        # The leading words are what the starts already checked: look past them when the
        # rest needs anything ("i have ~ lost ~ weight": "weight", not "i have").
        lead = 0
        while lead < len(alt) and str(alt[lead][0]) in {"LITERAL", *_ZERO_WIDTH}:
            lead += 1
        # Past the leading words, a two-letter word ("bm", "op") rules out more texts than
        # the leading words again: they are what every text reaching this start holds.
        rest = alt[lead:]
        needed = _needs(rest) or _needs(rest, 2) or _needs(alt)
        groups = sorted(set(needed), key=_weakness)[:_MAX_GROUPS]
        needs = tuple(tuple(sorted(g)) for g in groups)
        found.append((finish(still_open, finished), needs))
    return found


def refinement(
    source: str, starts: Starts, listed: Sequence[str] | None = None
) -> tuple[list[list[str]], list[int]] | None:
    """What triage_index.json stores for one regex: for each of its starts (sorted), the index
    of a group of strings one of which a text must contain for the regex to match there (the
    pooled needs of every alternative that can begin at that start), and the groups. None: no
    refinement (no starts, or an alternative that needs nothing we can name)."""
    if starts is None:
        return None
    alternatives = analyse(source)
    if any(not needs for _, needs in alternatives):
        return None
    groups: dict[tuple[str, ...], int] = {}
    at = []
    for start in sorted(starts) if listed is None else listed:
        pooled: set[str] = set()
        for own, needs in alternatives:
            if _can_begin(own, start):
                pooled.update(needs[0])
        group = tuple(sorted(_shortest(pooled)))
        at.append(groups.setdefault(group, len(groups)))
    return [list(group) for group in groups], at


def _can_begin(own: Starts, start: str) -> bool:
    """Whether an alternative with these starts (None: anywhere) can begin where a text holds
    `start`: both are prefixes of the same matched text, so one is a prefix of the other."""
    return own is None or any(start.startswith(s) or s.startswith(start) for s in own)


def _shortest(strings: set[str]) -> set[str]:
    """Drop a string when a shorter one inside it is there: finding that one is enough."""
    return {s for s in strings if not any(o != s and o in s for o in strings)}


class Refiner:
    """One regex's refinement as stored in triage_index.json (at, groups, for its listed
    starts), read the first time a text reaches the regex, and then only as far as the starts
    texts bring: a first red flag reaches dozens of regexes with thousands of starts between
    them, and reading every start's group cost it ~1 ms (the same groups, read one by one)."""

    __slots__ = ("_at", "_groups", "_lines", "_raw", "_starts", "_where")

    def __init__(self, starts: OwnStarts, raw: Refinement):
        self._starts = starts
        self._raw: Refinement | None = raw
        self._where: dict[str, int] = {}  # start -> its place in the stored listing
        self._at: list[str] = []  # per place, the packed index of its group
        self._lines: list[str] = []  # the packed groups
        self._groups: dict[int, tuple[str, ...]] = {}  # those read so far

    def _open(self) -> None:
        raw = self._raw  # cleared last: a thread that finds it cleared finds the rest whole
        if raw is None:
            return
        packed_at, packed_groups = raw
        places = start_places(self._starts)
        at = packed_at.split(",") if packed_at else []
        if places is not None and len(at) == len(places):
            self._at, self._lines, self._where = at, packed_groups.split("\n"), places
        # else not what was stored for these starts: every start says "" (any text will do)
        self._raw = None

    def group(self, start: str) -> tuple[str, ...]:
        """The strings one of which a text must hold for the regex to match at this start
        ("" for a start the entry does not know or cannot read: any text will do)."""
        self._open()
        where = self._where.get(start)
        if where is None:
            return ("",)
        try:
            index = int(self._at[where], 16)
        except ValueError:
            return ("",)
        found = self._groups.get(index)
        if found is None:
            if not 0 <= index < len(self._lines):
                return ("",)
            line = self._lines[index]
            found = self._groups[index] = tuple(line.split("\t")) if line else ()
        return found


Conditions = tuple[tuple[int, tuple[str, ...] | None], ...]


def second_stage(
    spaced: str,
    text_starts: frozenset[str],
    by_start: Mapping[str, int],
    cache: dict[str, Conditions],
    items: Sequence[Any],
    limit: int = -1,
) -> int:
    """Bit mask of the items (triggers or concepts, each with a .refiner) worth searching a
    text with: those a start of the text reaches (by_start) whose condition there the text
    meets. cache: start -> its conditions, filled as texts bring new starts (bounded by the
    index: only starts some item has are kept). limit: the items asked about (a bit mask)."""
    done = ~limit  # the items found, and those not asked about
    get = by_start.get
    for start in text_starts:
        hit = get(start, 0)
        if not hit & ~done:
            continue
        conditions = cache.get(start)
        if conditions is None:
            conditions = cache[start] = _conditions(items, start, hit)
        for bit, group in conditions:
            if done >> bit & 1:
                continue
            if group is None:
                done |= 1 << bit
                continue
            # A plain loop, not any() over a generator: this runs for every text (each carrier
            # reading too), a few hundred times, and a generator's setup costs more than its test.
            for text in group:
                if text in spaced:
                    done |= 1 << bit
                    break
    return done & limit


def _conditions(items: Sequence[Any], start: str, hit: int) -> Conditions:
    found = []
    for bit in set_bits(hit):
        refiner: Refiner | None = items[bit].refiner
        found.append((bit, None if refiner is None else refiner.group(start)))
    return tuple(found)


def alternatives_entry(
    source: str, own_starts: Starts, listed: Sequence[str] | None = None
) -> dict[str, Any] | None:
    """What the index stores for one concept or trigger: per alternative the strings it
    needs (one of them; empty: none known), for each of its starts (sorted) the bit mask of
    the alternatives that can begin there (one that can begin anywhere is in every mask)."""
    cut = spans(source)
    if cut is None or own_starts is None:
        return None
    parts = [wrapped(source, begin, end) for begin, end in cut]
    needs: list[list[str]] = []
    found: list[Starts] = []
    for part in parts:
        found.append(starts_of(part))
        alternatives = analyse(part)
        pooled: set[str] = set()
        for _, groups in alternatives:
            pooled.update(groups[0] if groups else ())
        known = all(groups for _, groups in alternatives)
        needs.append(sorted(pooled) if known else [])
    at = []
    for start in sorted(own_starts) if listed is None else listed:
        mask = 0
        for bit, own in enumerate(found):
            if _can_begin(own, start):
                mask |= 1 << bit
        at.append(mask)
    # Where each alternative lies, so run time slices the source instead of parsing it.
    cuts = pack_ints([i for span in cut for i in span])
    return {"count": len(needs), "needs": pack_groups(needs), "at": pack_ints(at), "cuts": cuts}


__all__ = [
    "Conditions",
    "Needs",
    "Refiner",
    "alternatives_entry",
    "analyse",
    "refinement",
    "second_stage",
]
