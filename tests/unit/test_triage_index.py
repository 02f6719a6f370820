"""The generated prefilter index (safety/triage_index.json) and lazily compiled triage regexes.

Neither may change a finding: the index is only a cache of what triage would compute, and a
regex compiled on first use is the same regex compiled up front.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from back_relief.safety import build_index, prefilter, triage
from back_relief.safety.triage import Finding, Tier, TriageRules, assess, matching_triggers

from tests.unit.test_triage import DATA, EXAMPLES, HELD_OUT, MORE_PHRASINGS

SOURCES = triage.trigger_sources(DATA)
TRIGGERS, WORDS = DATA["triggers"], DATA["pattern_words"]


def eager() -> TriageRules:
    """Rules built without the index, so every trigger is analysed and compiled up front."""
    return TriageRules._build(TRIGGERS, WORDS, {})


def lazy() -> TriageRules:
    """A fresh (uncached) copy of what from_data builds from the shipped index."""
    return TriageRules._build(TRIGGERS, WORDS, prefilter.read_index())


def texts() -> list[str]:
    """Every example, the held-out table and 3,000 seeded random phrases from their words."""
    found = [e for _, e, _ in EXAMPLES] + [t for t, _ in HELD_OUT + MORE_PHRASINGS]
    vocab = sorted({w for _, e, _ in EXAMPLES for w in triage.normalise(e).split()})
    vocab += ["no", "not", "never", "but", "and", "both", "legs", "can", "could", "i", "am"]
    rng = random.Random(20261126)
    found += [" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 12))) for _ in range(3_000)]
    return found


def same_shape(a: TriageRules, b: TriageRules) -> None:
    assert [(t.id, t.tier, t.source, t.starts) for t in a.triggers] == [
        (t.id, t.tier, t.source, t.starts) for t in b.triggers
    ]
    assert dict(a.by_start) == dict(b.by_start)
    assert (a.always, dict(a.by_id)) == (b.always, dict(b.by_id))


@pytest.fixture
def compiles(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Trigger regex sources passed to re.compile while the test runs, in order."""
    seen: list[str] = []
    real = re.compile

    def counting(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        if pattern in SOURCES.values():
            seen.append(pattern)
        return real(pattern, flags)

    monkeypatch.setattr(re, "compile", counting)
    yield seen


# ------------------------------------------------------------------ (a) the index is fresh


def test_index_file_is_fresh() -> None:
    assert Path(prefilter.INDEX_PATH).read_text(encoding="utf-8") == build_index.render(), (
        "run `make model`"
    )
    index = prefilter.read_index()
    assert set(index) == set(SOURCES)
    for trigger_id, source in SOURCES.items():
        stored_hash, starts = index[trigger_id]
        assert stored_hash == prefilter.source_hash(source), trigger_id
        assert starts == prefilter.starts(source), trigger_id


def test_check_mode_reports_a_stale_index(tmp_path: Path) -> None:
    path = tmp_path / "triage_index.json"
    assert build_index.main(["--check"], path=path) == 1  # missing
    assert build_index.main([], path=path) == 0
    assert build_index.main(["--check"], path=path) == 0
    path.write_text(path.read_text(encoding="utf-8").replace(" numb", " numm"), encoding="utf-8")
    assert build_index.main(["--check"], path=path) == 1


def test_from_data_uses_the_shipped_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(triage, "_COMPILED", {})
    rules = TriageRules.from_data(DATA)
    assert not any(t.compiled for t in rules.triggers)  # only the index could say where to look
    same_shape(rules, eager())
    assert TriageRules.from_data(DATA) is rules


# ------------------------------------------------------------------ (b) stale or missing


def _stale_index() -> dict[str, tuple[str, prefilter.Starts]]:
    # Hashes of other sources, with starts that would hide every red flag if they were used.
    return {tid: (prefilter.source_hash(s + " "), frozenset()) for tid, s in SOURCES.items()}


@pytest.mark.parametrize("index", [{}, "stale"], ids=["missing", "stale"])
def test_missing_or_stale_index_falls_back_to_the_same_rules(index: Any) -> None:
    fallback = TriageRules._build(TRIGGERS, WORDS, _stale_index() if index == "stale" else {})
    assert all(t.compiled for t in fallback.triggers)  # a bad pattern still fails at load
    fresh = lazy()
    same_shape(fallback, fresh)
    for text in texts():
        assert assess(fallback, [text]) == assess(fresh, [text]), text


def test_one_stale_entry_is_recomputed_and_the_rest_used() -> None:
    index = prefilter.read_index()
    index["E1"] = (index["E1"][0][::-1], frozenset())
    mixed = TriageRules._build(TRIGGERS, WORDS, index)
    same_shape(mixed, eager())
    assert [t.id for t in mixed.triggers if t.compiled] == ["E1"]
    assert assess(mixed, ["i wet myself"]) == Finding(Tier.EMERGENCY, "E1")


@pytest.mark.parametrize("body", ["", "{", "[]", '{"triggers": {"E1": {}}}', "\x00\xff"])
def test_unreadable_index_file_falls_back(
    body: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "triage_index.json"
    path.write_text(body, encoding="latin-1")
    assert prefilter.read_index(path) == {}
    monkeypatch.setattr(prefilter, "INDEX_PATH", str(path))
    monkeypatch.setattr(triage, "_COMPILED", {})
    rules = TriageRules.from_data(DATA)
    same_shape(rules, eager())
    assert assess(rules, ["i can't feel my legs"]) == assess(eager(), ["i can't feel my legs"])


# ------------------------------------------------------------------ (c) lazy == eager


def test_lazy_rules_give_the_same_findings_as_eager_ones() -> None:
    up_front, on_demand = eager(), lazy()
    same_shape(up_front, on_demand)
    phrases = texts()
    for text in phrases:
        assert assess(on_demand, [text]) == assess(up_front, [text]), text
    rng = random.Random(7)
    ids = [*SOURCES, " u3 ", "X9", "e10"]
    for _ in range(500):
        group = [rng.choice(phrases) for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.3:
            group.insert(rng.randrange(len(group) + 1), rng.choice(ids))
        assert assess(on_demand, group) == assess(up_front, group), group
    for text in phrases[:1_000]:
        assert matching_triggers(on_demand, text) == matching_triggers(up_front, text), text


# ------------------------------------------------------------------ (d) nothing compiled early


def test_building_rules_compiles_nothing_until_a_text_needs_it(compiles: list[str]) -> None:
    rules = lazy()
    assert compiles == []
    assert rules.always == 0  # no trigger is searched whatever the text (else see below)

    # Resolved ids and texts no trigger can start in need no regex at all.
    assert assess(rules, ["E4", "zzz qqq", "", "?!"]) == Finding(Tier.EMERGENCY, "E4")
    assert compiles == []

    # A benign text is searched only by the triggers its words could start: only those compile.
    text = " " + triage.normalise("how long should i ice my back")
    mask = rules.candidates(text)
    assert assess(rules, [text]) is None
    wanted = {t.source for bit, t in enumerate(rules.triggers) if mask >> bit & 1}
    assert set(compiles) == wanted and len(compiles) == len(wanted)
    assert len(wanted) < len(rules.triggers)

    # A red flag compiles what it needs, once; asking again compiles nothing more.
    before = len(compiles)
    assert assess(rules, ["i wet myself"]) == Finding(Tier.EMERGENCY, "E1")
    assert SOURCES["E1"] in compiles[before:]
    after = len(compiles)
    both = ["i wet myself", "how long should i ice my back"]
    assert assess(rules, both) == Finding(Tier.EMERGENCY, "E1")
    assert len(compiles) == after
    compiled = {t.id for t in rules.triggers if t.compiled}
    assert compiled == {tid for tid, s in SOURCES.items() if s in compiles}
