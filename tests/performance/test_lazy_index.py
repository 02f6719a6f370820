"""Untimed guards for the triage index's lazy reading (safety/alternatives.py, branches.py):
a first red flag reaches dozens of stored entries, so each is read only as far as a text needs,
and a regex is compiled whole only once its searches by alternatives have paid for it. Neither
may change what is found (tests/unit/test_triage_alternatives.py checks that)."""

from __future__ import annotations

import re

from back_relief.safety import alternatives, prefilter
from back_relief.safety.prefilter import word_starts
from back_relief.safety.triage import normalise

from tests.unit.test_triage_alternatives import RULES, phrases, spans


def _big_trigger() -> tuple[str, str, object, dict[str, object], str]:
    """The largest indexed trigger, and a text whose words reach some of its alternatives only."""
    index, _, stored = prefilter.load_index()
    by_size = sorted(RULES.triggers, key=lambda t: -len(t.source))
    for trigger in by_size:
        own, entry = index[trigger.id][1], stored.get(trigger.id)
        if own is None or entry is None:
            continue
        probe = alternatives.Alternatives(own, trigger.source, entry)
        for text in phrases():
            spaced = " " + normalise(text)
            if probe.wanted(spaced, frozenset(word_starts(spaced))):
                return trigger.id, trigger.source, own, entry, spaced
    raise AssertionError("no indexed trigger is reached by alternatives")


def test_stored_entries_are_read_only_as_far_as_a_text_needs() -> None:
    """Untimed guard: a first red flag reaches dozens of entries, and reading each whole (every
    start's mask, every alternative's needs) cost it about a millisecond."""
    trigger_id, source, own, entry, spaced = _big_trigger()
    split = alternatives.Alternatives(own, source, entry)  # type: ignore[arg-type]
    wanted = split.wanted(spaced, frozenset(word_starts(spaced)))
    assert wanted
    read_needs = sum(needs is not None for needs in split._needs)
    assert read_needs < len(split._needs), trigger_id
    assert len(split._at) < len(split._where), trigger_id
    refiner = RULES.triggers[RULES.by_id[trigger_id]].refiner
    if refiner is not None:
        fresh = type(refiner)(own, prefilter.load_index()[1][trigger_id])  # type: ignore[arg-type]
        start = next(s for s in word_starts(spaced) if s in split.starts)
        assert fresh.group(start) == refiner.group(start)
        assert len(fresh._groups) <= 1


def test_a_regex_is_compiled_whole_only_once_its_searches_have_paid_for_it() -> None:
    """Untimed guard (alternatives.LazyRegex): searched by alternatives as many times as it has
    characters, then compiled whole; the matches are the whole regex's either way."""
    _, source, own, entry, spaced = _big_trigger()
    lazy = alternatives.LazyRegex(
        source,
        None,
        alternatives.Alternatives(own, source, entry),  # type: ignore[arg-type]
    )
    starts = frozenset(word_starts(spaced))
    expected = spans(re.compile(source).finditer(spaced))
    for _ in range(len(source)):
        assert spans(lazy.finditer(spaced, starts)) == expected
    assert not lazy.compiled
    assert spans(lazy.finditer(spaced, starts)) == expected
    assert lazy.compiled
