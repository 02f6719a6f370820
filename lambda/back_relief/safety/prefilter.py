"""Word-start prefilter for triage: which texts a trigger's regex could possibly match.

Most requests say nothing alarming, and running ~35 regexes over them costs far more than a
set lookup. So each trigger records every way (up to KEY characters, from the leading space)
a match can begin, read off the regex source by the stdlib's own parser; a text is only
searched by triggers whose starts occur at one of its word starts. Anything the analysis does
not understand ends a start early (matching more texts, never fewer), so the filter cannot
hide a red flag.

The analysis costs about as much as compiling the regexes, so `make model` runs it once
(back_relief.safety.build_index) and writes triage_index.json; at run time a trigger's starts
come from there when the hash of its regex source matches, and are computed otherwise.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any

from ..sha import sha256_hex

INDEX_PATH = os.path.join(os.path.dirname(__file__), "triage_index.json")

_sre: Any = importlib.import_module("re._parser")  # the stdlib's own parser (3.11+)
KEY = 8
_CLASS = 10  # wider classes ([a-z0-9] in gaps) end a start: they would only bloat the index
_CAP = 4000  # open starts per step; beyond it they stop growing, never go missing
# Bump when the analysis below changes what it produces: every stored entry then goes stale.
# 2: second stage (branches.py); 3: concept alternatives; 4: packed; 5: cuts, triggers; 6: groups;
# 7: whole-group alternatives opened, needs past the leading words, short words last
_VERSION = 7

ANALYSIS = {"version": _VERSION, "key": KEY, "class": _CLASS, "cap": _CAP}
_STAMP = json.dumps(ANALYSIS, sort_keys=True)
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})

Starts = frozenset[str] | None  # None: a match could begin anyhow, so always search


def _charset(items: Any) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if str(op) == "LITERAL":
            chars.add(chr(av))
        elif str(op) == "RANGE":
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return chars


def extend(items: Any, starts: set[str]) -> tuple[set[str], set[str]]:
    """Carry open starts through a parsed sequence: (still open, finished)."""
    done: set[str] = set()
    for op, av in items:
        name = str(op)
        chars = _charset(av) if name == "IN" else None
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            starts = {s + chr(av) for s in starts}
        elif chars is not None and len(chars) <= _CLASS and len(starts) * len(chars) <= _CAP:
            starts = {s + c for s in starts for c in chars}
        elif name == "BRANCH":
            branches = [extend(branch, starts) for branch in av[1]]
            starts = set().union(*(b[0] for b in branches))
            done = done.union(*(b[1] for b in branches))
        elif name == "SUBPATTERN":
            starts, finished = extend(av[-1], starts)
            done |= finished
        elif name in _REPEATS:
            low, high, sub = av
            current, starts = starts, set()
            for count in range(KEY + 1):
                if count >= low:
                    starts |= current
                if count >= high or not current:
                    break
                current, finished = extend(sub, current)
                done |= finished
        else:  # \w, ., a large class...: a start can be known only this far
            done |= starts
            starts = set()
        done |= {s for s in starts if len(s) >= KEY}
        starts = {s for s in starts if len(s) < KEY}
        if len(starts) > _CAP:  # stop refining; shorter starts are still true starts
            done |= starts
            starts = set()
        if not starts:
            break
    return starts, done


def starts(source: str) -> Starts:
    """Every prefix a match of this regex source can begin with, or None."""
    try:
        still_open, finished = extend(_sre.parse(source), {""})
    except Exception:  # a future parser we cannot read: search always, never miss
        return None
    return finish(still_open, finished)


def finish(still_open: set[str], finished: set[str]) -> Starts:
    """The starts extend() found, or None when they are too many or too short to filter by."""
    found = {s[:KEY] for s in still_open | finished}
    if len(found) > 10 * _CAP or any(len(s) < 2 for s in found):
        return None
    return frozenset(found)


def source_hash(source: str) -> str:
    """Names a regex source together with the analysis that read it. Sixteen hex digits: it
    tells an edited source from the indexed one (no adversary picks the sources), and the
    index holds one per entry, in the zip."""
    return sha256_hex(f"{_STAMP}\n{source}".encode())[:16]


# A regex's refinement as stored: a group index for each of its starts (sorted), and the groups
# (packed: pack_ints, pack_groups).
Refinement = tuple[str, str]


class StoredStarts:
    """An entry's starts as triage_index.json stores them: each start once, in the group of
    the entries that can begin there, and each entry the list of its groups, which give the
    start tables directly (group_masks) without a pass over every entry's starts."""

    __slots__ = ("_found", "_listed", "_places", "groups", "ids")

    def __init__(self, groups: Sequence[list[str]], ids: list[int]) -> None:
        self.groups, self.ids = groups, ids
        self._found: frozenset[str] | None = None
        self._listed: list[str] | None = None
        self._places: dict[str, int] | None = None

    def get(self) -> frozenset[str]:
        found = self._found  # two threads may both make it: the same set
        if found is None:
            found = self._found = frozenset(chain.from_iterable([self.groups[g] for g in self.ids]))
        return found

    def listed(self) -> list[str]:
        """The starts in stored order (group by group): what the entry's "at" is aligned to."""
        listed = self._listed
        if listed is None:
            listed = self._listed = list(chain.from_iterable([self.groups[g] for g in self.ids]))
        return listed

    def places(self) -> dict[str, int]:
        """Each start's place in listed(): made the first time a text reaches the entry, once
        for its refinement and its alternatives alike."""
        places = self._places
        if places is None:
            listed = self.listed()
            places = self._places = dict(zip(listed, range(len(listed)), strict=True))
        return places


OwnStarts = frozenset[str] | StoredStarts  # an entry's starts, computed or as stored


def own_starts(found: OwnStarts | None) -> Starts:
    return found.get() if isinstance(found, StoredStarts) else found


def start_places(found: OwnStarts) -> dict[str, int] | None:
    """Each of an entry's starts -> its place in the order its stored "at" follows; None for
    computed starts, which no stored "at" was made for (the caller then falls back to what
    never hides a match)."""
    return found.places() if isinstance(found, StoredStarts) else None


# Lists are packed into one JSON string each: INIT parses the whole index, and thousands of
# small JSON values cost it about a millisecond; second-stage data is unpacked only when a text
# first reaches its trigger or concept. Texts are normalised (a-z, 0-9, spaces), so tabs and
# newlines are free to separate.
def pack_ints(values: list[int]) -> str:
    return ",".join(format(v, "x") for v in values)


def unpack_ints(packed: str) -> list[int]:
    return [int(v, 16) for v in packed.split(",")] if packed else []


def pack_groups(groups: list[list[str]]) -> str:
    for group in groups:
        if any("\t" in text or "\n" in text for text in group) or not all(group):
            raise ValueError(f"cannot pack {group!r}")
    return "\n".join("\t".join(group) for group in groups)


def unpack_groups(packed: str, count: int) -> list[list[str]]:
    """count: how many groups were packed (one empty group packs as "", like none)."""
    lines = packed.split("\n") if count else []
    return [line.split("\t") if line else [] for line in lines]


def load_index(
    path: str | os.PathLike[str] | None = None,
) -> tuple[
    dict[str, tuple[str, OwnStarts | None]],
    dict[str, Refinement],
    dict[str, dict[str, Any]],
]:
    """trigger id -> (source hash, starts); trigger id -> its refinement (branches.py) and
    concept key -> its alternatives (alternatives.py), for the entries that have them; all
    empty when the file is missing or unreadable."""
    try:
        with open(path or INDEX_PATH, "rb") as fh:
            stored = json.load(fh)
        groups = unpack_groups(stored["starts"], 1)
        index: dict[str, tuple[str, OwnStarts | None]] = {}
        refined: dict[str, Refinement] = {}
        alternatives: dict[str, dict[str, Any]] = {}
        count = len(groups)
        for tid, entry in stored["triggers"].items():
            ids = entry["groups"]
            if ids and not (min(ids) >= 0 and max(ids) < count):
                raise ValueError(f"{tid}: no such group")
            found = None if ids is None else StoredStarts(groups, ids)
            if found is not None:
                # Made now, not when a text first reaches the entry: a first red flag reaches
                # dozens, and measured lazily it paid ~0.3 ms more than when INIT made them.
                found.get(), found.listed()
            index[tid] = (entry["hash"], found)
            if found is not None and "at" in entry:
                refined[tid] = (entry["at"], entry["needs"])  # read on first use
            if found is not None and "alts" in entry:
                alternatives[tid] = entry["alts"]
        return index, refined, alternatives
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, {}, {}


def read_index(path: str | os.PathLike[str] | None = None) -> dict[str, tuple[str, Starts]]:
    """trigger id -> (source hash, starts); empty when the file is missing or unreadable."""
    return {tid: (key, own_starts(found)) for tid, (key, found) in load_index(path)[0].items()}


def render_index(sources: Mapping[str, str], origin: str) -> str:
    """The index file for these trigger regex sources: one trigger per line, diffable."""
    from .branches import alternatives_entry, refinement

    found = {trigger_id: starts(source) for trigger_id, source in sources.items()}
    groups, ids = start_groups(list(found.values()))
    # Each entry's per-start data follows its starts as listed, group by group (no sorting at
    # run time: StoredStarts.listed).
    listed = [[start for group in of for start in groups[group]] for of in ids]
    lines = []
    for item, ((trigger_id, source), own) in enumerate(
        zip(sources.items(), found.values(), strict=True)
    ):
        entry: dict[str, Any] = {
            "hash": source_hash(source),
            "groups": None if own is None else ids[item],
        }
        refined = refinement(source, own, listed[item])
        if refined is not None:
            packed, at = refined
            entry["needs"], entry["at"] = pack_groups(packed), pack_ints(at)
        alternatives = alternatives_entry(source, own, listed[item])
        if alternatives is not None:
            entry["alts"] = alternatives
        lines.append(f"    {json.dumps(trigger_id)}: {json.dumps(entry)}")
    return (
        "{\n"
        f'  "generated_by": "python -m back_relief.safety.build_index from {origin}",\n'
        f'  "analysis": {json.dumps(ANALYSIS)},\n'
        f'  "starts": {json.dumps(pack_groups(groups))},\n'
        '  "triggers": {\n' + ",\n".join(lines) + "\n  }\n}\n"
    )


def start_groups(all_starts: Sequence[Starts]) -> tuple[list[list[str]], list[list[int]]]:
    """Every start once, grouped by the items that can begin there (each group sorted, the
    groups in a fixed order), and for each item the groups that make up its starts."""
    owners: dict[str, list[int]] = {}
    for item, found in enumerate(all_starts):
        for start in found or ():
            owners.setdefault(start, []).append(item)
    by_owners: dict[tuple[int, ...], list[str]] = {}
    for start, owned_by in owners.items():
        by_owners.setdefault(tuple(owned_by), []).append(start)
    keys = sorted(by_owners)
    ids: list[list[int]] = [[] for _ in all_starts]
    for group, key in enumerate(keys):
        for item in key:
            ids[item].append(group)
    return [sorted(by_owners[key]) for key in keys], ids


def set_bits(mask: int) -> list[int]:
    """The bits set in a mask of items in priority order (start_masks' bit i = item i), lowest
    first."""
    bits = []
    while mask:
        bits.append((mask & -mask).bit_length() - 1)
        mask &= mask - 1
    return bits


def group_masks(all_starts: Sequence[OwnStarts | None]) -> tuple[dict[str, int], int] | None:
    """What start_masks gives, read off the stored groups without a pass over every start:
    a group's starts can begin exactly the items that list it. None when some item's starts
    were computed, not stored (a stale entry): start_masks then builds the tables."""
    stored = [found for found in all_starts if found is not None]
    if not stored or not all(isinstance(found, StoredStarts) for found in stored):
        return None
    groups = stored[0].groups if isinstance(stored[0], StoredStarts) else []
    masks = [0] * len(groups)
    always = 0
    for bit, found in enumerate(all_starts):
        if found is None:
            always |= 1 << bit
            continue
        if not isinstance(found, StoredStarts) or found.groups is not groups:
            return None  # two readings of the index: never mixed
        for group in found.ids:
            masks[group] |= 1 << bit
    by_start: dict[str, int] = {}
    for group, mask in enumerate(masks):
        if mask:
            by_start.update(dict.fromkeys(groups[group], mask))
    return by_start, always


def start_masks(all_starts: Iterable[Starts]) -> tuple[dict[str, int], int]:
    """For items in priority order (bit i = item i): word-start text -> bit mask of the items
    that can match there, and the mask of those searched whatever the text."""
    by_start: dict[str, int] = {}
    always = 0
    for bit, item_starts in enumerate(all_starts):
        mask = 1 << bit
        if item_starts is None:
            always |= mask
        for start in item_starts or ():
            by_start[start] = by_start.get(start, 0) | mask
    return by_start, always


def word_starts(spaced: str) -> list[str]:
    """The beginning of a text at each word start, at every length a start can have. A list,
    not a generator: every text of every request is read this way, and a generator's frames
    cost a third of it."""
    found: list[str] = []
    at = spaced.find(" ")
    while at != -1:
        chunk = spaced[at : at + KEY]
        found += [chunk[:n] for n in range(2, len(chunk) + 1)]
        at = spaced.find(" ", at + 1)
    return found
