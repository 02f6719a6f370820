"""A concept's regex searched one alternative at a time, compiling only those a text can reach.

A concept regex is " (?:A1|A2|...|An)\\b": at each position the engine tries A1, then A2...,
and finditer takes the leftmost match, then goes on from its end. Searching each alternative
as its own " (?:Ai)\\b" and taking, at each step, the leftmost next match (the lowest i on a
tie) yields exactly the same matches, as long as the alternatives left out cannot match
anywhere in the text. That is what the index tells us (per alternative: the starts it can
begin with and a group of strings one of which it needs, branches.py), so the first text that
needs a 1 KB concept compiles the 40 characters of it that its words can reach.

Build time: branches.alternatives_entry() (stored in triage_index.json under "alts"). Run
time: Alternatives.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .prefilter import (
    OwnStarts,
    own_starts,
    start_places,
    unpack_ints,
)

HEAD, TAIL = " (?:", r")\b"  # how concepts.concept_sources wraps every concept pattern
TRIGGER_TAIL = ")"  # triggers (triage._trigger_source) end their group with no \b


def split(source: str) -> list[str] | None:
    """The alternative sources of a concept or trigger regex source, each wrapped as the
    whole is, or None when it has one alternative (or is shaped like neither)."""
    found = spans(source)
    if found is None:
        return None
    return [wrapped(source, begin, end) for begin, end in found]


def spans(source: str) -> list[tuple[int, int]] | None:
    """Where split()'s alternatives lie in the source (begin, end), or None as for split."""
    for tail in (TAIL, TRIGGER_TAIL):
        if source.startswith(HEAD) and source.endswith(tail):
            found = _split(source, len(HEAD), len(source) - len(tail))
            return found if len(found) > 1 else None
    return None


def wrapped(source: str, begin: int, end: int) -> str:
    tail = TAIL if source.endswith(TAIL) else TRIGGER_TAIL
    return HEAD + source[begin:end] + tail


def _structure(body: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each "(", ")" and "|" of a pattern that
    is not escaped or inside a character class: all that splitting needs to see."""
    depth, i, in_class = 0, 0, False
    while i < len(body):
        char = body[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if body[i + 1 : i + 2] == "]":
                i += 1  # "[]...]": a leading ] is a member, not the end
        elif char in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[char]
            yield i, char, depth
        i += 1


def _split(source: str, begin: int, end: int) -> list[tuple[int, int]]:
    """Top-level alternatives of the pattern source[begin:end], as spans; a pattern that is
    one whole (?:...) group is opened first ("(?:a|b)" alone reads as "a|b")."""
    body = source[begin:end]
    parts, start = [], 0
    for i, char, depth in _structure(body):
        if char == "|" and depth == 0:
            parts.append((begin + start, begin + i))
            start = i + 1
    parts.append((begin + start, end))
    if len(parts) == 1 and body.startswith("(?:") and _one_group(body):
        return _split(source, begin + 3, end - 1)
    # An alternative that is itself one whole group is its alternatives, in the same place:
    # "(?:a|b)|c" is "a|b|c" (each tried in turn at a position, the first that matches wins),
    # so a macro's words (a pattern word used alone) are pieces of their own, and a text
    # compiles the few it reaches, not the whole word list.
    opened: list[tuple[int, int]] = []
    for first, last in parts:
        part = source[first:last]
        if len(parts) > 1 and part.startswith("(?:") and _one_group(part):
            opened += _split(source, first, last)
        else:
            opened.append((first, last))
    return opened


def _one_group(body: str) -> bool:
    """Whether the whole body is a single group: its first "(" closes at the very end."""
    for i, char, depth in _structure(body):
        if char == ")" and depth == 0:
            return i == len(body) - 1
    return False


class Alternatives:
    """One concept's or trigger's alternatives at run time, each compiled the first time a
    text needs it. The stored entry is read on first use, and then only as far as texts need:
    a start's mask when a text first brings that start, an alternative's needs when its start
    first selects it, its source when it is first searched (a first red flag reaches dozens of
    entries, and reading each whole cost it ~0.5 ms)."""

    __slots__ = (
        "_at",
        "_count",
        "_cuts",
        "_lines",
        "_masks",
        "_needs",
        "_own",
        "_raw",
        "_regexes",
        "_source",
        "_where",
        "starts",
    )

    def __init__(self, own: OwnStarts, source: str, raw: dict[str, Any]) -> None:
        self._own = own  # the starts, made into a set on first use (prefilter.StoredStarts)
        self.starts: frozenset[str] = frozenset()
        self._raw: dict[str, Any] | None = raw
        self._source = source
        self._count = 0  # alternatives read from the entry (0: search the whole regex)
        self._where: dict[str, int] = {}  # start -> its place in the stored listing
        self._masks: list[str] = []  # per place, the packed mask of alternatives
        self._at: dict[str, int] = {}  # the masks read so far
        self._lines: list[str] = []  # per alternative, its packed needs
        self._needs: list[tuple[str, ...] | None] = []  # those read so far
        self._cuts: list[int] = []  # where each alternative lies in the source
        self._regexes: list[re.Pattern[str] | None] = []

    def _read(self) -> None:
        # Everything is assigned before _raw is cleared, so a thread that finds _raw cleared
        # finds the lookups whole (two threads may both read: same result).
        entry = self._raw
        if entry is None:
            return
        self.starts = own_starts(self._own) or frozenset()
        places = start_places(self._own)  # what the stored masks follow (None: nothing)
        try:
            count = int(entry["count"])
            lines = entry["needs"].split("\n") if count else []
            masks = entry["at"].split(",") if entry["at"] else []
            cuts = unpack_ints(entry["cuts"])
        except (KeyError, TypeError, ValueError, AttributeError):
            count, lines, masks, cuts = 0, [], [], []
        fits = len(lines) == count and len(cuts) == 2 * count and len(masks) == len(places or ())
        if count and places and fits:
            self._lines, self._masks, self._cuts = lines, masks, cuts
            self._where = places
            self._needs, self._regexes = [None] * count, [None] * count
            self._count = count
        # else not what was indexed: wanted() says "all" and the whole regex is searched
        self._raw = None

    def wanted(self, spaced: str, text_starts: frozenset[str]) -> list[int] | None:
        """The alternatives that could match somewhere in this text, in order; None: search
        the whole regex instead (the entry did not fit, or every alternative is wanted)."""
        if self._raw is not None:
            self._read()
        count = self._count
        if not count:
            return None
        mask = 0
        at = self._at
        try:
            for start in self.starts.intersection(text_starts):
                found = at.get(start)
                if found is None:  # a start no text brought before: read its mask now
                    found = at[start] = int(self._masks[self._where[start]], 16)
                mask |= found
        except (KeyError, ValueError):
            return None  # an unreadable mask: search the whole regex
        if mask >> count:
            return None  # a mask naming alternatives the entry does not have
        wanted = []
        every = self._needs
        while mask:  # the set bits, lowest (the regex's first alternative) first
            low = mask & -mask
            mask ^= low
            bit = low.bit_length() - 1
            needs = every[bit]
            if needs is None:  # read the first time a text's starts select it
                line = self._lines[bit]
                needs = every[bit] = tuple(line.split("\t")) if line else ()
            if not needs:
                wanted.append(bit)
                continue
            for text in needs:  # a plain loop: cheaper than any() over a generator
                if text in spaced:
                    wanted.append(bit)
                    break
        return None if len(wanted) == count else wanted

    def finditer(self, spaced: str, wanted: list[int]) -> Iterator[re.Match[str]]:
        """The matches the whole regex's finditer would give, from these alternatives."""
        self._read()
        regexes = []
        for bit in wanted:
            regex = self._regexes[bit]
            if regex is None:
                begin, end = self._cuts[2 * bit], self._cuts[2 * bit + 1]
                regex = self._regexes[bit] = re.compile(wrapped(self._source, begin, end))
            regexes.append(regex)
        if len(regexes) == 1:  # most texts reach one: its own matches are the regex's
            return regexes[0].finditer(spaced)
        if not regexes:
            return iter(())
        return _merged(spaced, regexes)


def _merged(spaced: str, regexes: list[re.Pattern[str]]) -> Iterator[re.Match[str]]:
    """The leftmost next match of any of these alternatives, the earliest on a tie: what one
    regex of them all would find, step by step."""
    pending = [regex.search(spaced) for regex in regexes]
    pos = 0
    while True:
        best = None
        for k, regex in enumerate(regexes):
            found = pending[k]
            if found is not None and found.start() < pos:
                found = pending[k] = regex.search(spaced, pos)
            if found is not None and (best is None or found.start() < best.start()):
                best = found  # on a tie the earlier alternative wins, as in the regex
        if best is None:
            return
        yield best
        pos = best.end()  # never empty: every alternative begins with a space


# Searches by alternatives before a regex is compiled whole: at least this many, and as many
# as it has characters. Compiling costs ~0.7 us a character (a 6 KB trigger: ~4 ms, in one
# request) and searching by alternatives ~0.5 us more than one search of the whole (measured
# on red flags and questions), so by then the searches have paid about what compiling costs;
# compiled at the 16th, a trigger a few texts reach cost one of them its 4 ms for nothing.
_SPLIT_USES = 16


class LazyRegex:
    """A concept's or trigger's regex, compiled the first time a text needs it (most
    containers only ever need a few, and compiling all of them would double a cold start),
    and until then searched by the alternatives the text's words reach, so the first text
    that needs a 2 KB trigger compiles the few dozen characters of it that can match.
    Two threads racing here both compile the same source; either result is the same."""

    __slots__ = ("_regex", "_split_left", "alternatives", "source")

    def __init__(
        self, source: str, regex: re.Pattern[str] | None, alternatives: Alternatives | None
    ) -> None:
        self.source, self._regex = source, regex
        self.alternatives = alternatives  # None: always search the whole regex
        self._split_left = max(_SPLIT_USES, len(source))  # searches by alternatives left

    @property
    def regex(self) -> re.Pattern[str]:
        regex = self._regex
        if regex is None:
            regex = self._regex = re.compile(self.source)
        return regex

    @property
    def compiled(self) -> bool:
        return self._regex is not None

    def finditer(
        self, spaced: str, text_starts: frozenset[str] | None = None
    ) -> Iterator[re.Match[str]]:
        """The whole regex's matches. text_starts: the text's word_starts, to search only the
        alternatives they reach (the same matches); None: search the whole regex."""
        split, wanted = self.alternatives, None
        if text_starts is not None and split is not None and self._regex is None:
            # One a container keeps needing is compiled whole once its searches by
            # alternatives have cost about what compiling it does (_SPLIT_USES).
            self._split_left -= 1
            if self._split_left >= 0:
                wanted = split.wanted(spaced, text_starts)
        if split is not None and wanted is not None:
            return split.finditer(spaced, wanted)
        return self.regex.finditer(spaced)
