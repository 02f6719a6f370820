"""Untimed guards for what `make model` precomputes so that Lambda's INIT does not build it.

Each precomputed table is only a cache of what the code would build from the shipped content:
it must equal that, be taken only when it was built from the very data at hand, and a stale or
unreadable one must be rebuilt from source, never used.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from back_relief.content import loader, matcher, matcher_tables
from back_relief.safety import prefilter, triage
from back_relief.safety.concepts import Concepts
from back_relief.safety.triage import TriageRules, assess


def _questions(answers: dict[str, Any]) -> list[str]:
    """Every keyword as a question, and some inside a longer turn."""
    keywords = sorted({k for a in answers.values() for k in a.get("keywords", ())})
    return keywords + [f"what about {k} and my back, mate" for k in keywords[::5]]


def _same_tables(stored: matcher.AnswerMatcher, built: matcher.AnswerMatcher) -> None:
    for name in ("_weight", "_home", "_one_word", "_exact", "_order", "_needs", "_things"):
        assert getattr(stored, name) == getattr(built, name), name
    assert stored._fallback == built._fallback
    assert set(stored._index) == set(built._index)
    for word, phrases in built._index.items():
        assert stored._index.get(word, ()) == phrases, word  # same phrases, same order
    assert stored._index.get("no-such-word", ()) == ()


def test_every_locale_takes_the_shipped_matcher_tables_and_they_equal_the_built_ones() -> None:
    for code in loader.LOCALES:
        answers = loader.load(code).answers
        assert matcher_tables.stored(answers) is not None, f"{code}: stale? `make model`"
        shipped = matcher.AnswerMatcher(answers)
        assert isinstance(shipped._index, matcher._PackedIndex)  # the tables were taken
        from_source = matcher.AnswerMatcher(answers, known={})  # tokenised and built here
        assert not isinstance(from_source._index, matcher._PackedIndex)
        _same_tables(shipped, from_source)
    questions = _questions(answers)
    assert [shipped.match(q) for q in questions] == [from_source.match(q) for q in questions]


def test_tables_built_from_other_answers_are_not_used() -> None:
    answers = copy.deepcopy(loader.load("en-GB").answers)
    first = next(iter(answers.values()))
    first["keywords"] = [*first.get("keywords", ()), "wobbly kneecap"]
    assert matcher_tables.stored(answers) is None
    changed = matcher.AnswerMatcher(answers)
    assert not isinstance(changed._index, matcher._PackedIndex)
    _same_tables(changed, matcher.AnswerMatcher(answers, known={}))
    assert changed.match("wobbly kneecap") == next(iter(answers))


@pytest.mark.parametrize("body", ["", "{", "[]", '{"tables": [{"inputs": "x"}]}', "\x00\xff"])
def test_an_unreadable_tables_file_is_rebuilt_from_source(
    body: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "matcher_tables.json"
    path.write_text(body, encoding="latin-1")
    monkeypatch.setattr(matcher_tables, "TABLES", str(path))
    matcher_tables._entries.cache_clear()
    try:
        answers = loader.load("en-US").answers
        assert matcher_tables.stored(answers) is None
        rebuilt = matcher.AnswerMatcher(answers)
        _same_tables(rebuilt, matcher.AnswerMatcher(answers, known={}))
    finally:
        matcher_tables._entries.cache_clear()


def test_the_tables_file_is_what_make_model_writes() -> None:
    assert Path(matcher_tables.TABLES).read_text(encoding="utf-8") == loader.matcher_tables_text()


# ------------------------------------------------------------------ triage start tables

DATA = loader.load("en-US").rules_source


def _eager() -> TriageRules:
    """Rules built with no index at all: every start table built from the analysed sources."""
    rules = TriageRules._build(DATA["triggers"], DATA["pattern_words"], {})
    concepts = Concepts.build(DATA, triage._expand_pattern, {})
    return TriageRules(rules.triggers, rules.by_start, rules.always, rules.by_id, concepts)


def _same_start_tables(a: TriageRules, b: TriageRules) -> None:
    assert (dict(a.by_start), a.always) == (dict(b.by_start), b.always)
    assert [t.starts for t in a.triggers] == [t.starts for t in b.triggers]
    ca, cb = a.concepts, b.concepts
    assert ca is not None and cb is not None
    assert (dict(ca.by_start), ca.always) == (dict(cb.by_start), cb.always)
    assert [c.starts for c in ca.concepts] == [c.starts for c in cb.concepts]


def test_the_start_tables_read_off_the_stored_groups_equal_the_ones_built_from_source(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(triage, "_COMPILED", {})
    taken = []
    real = prefilter.group_masks

    def spying(all_starts: Any) -> Any:
        found = real(all_starts)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(triage, "group_masks", spying)
    monkeypatch.setattr("back_relief.safety.concepts.group_masks", spying)
    shipped = TriageRules.from_data(DATA)
    assert taken == [True, True], "triage_index.json stale? `make model`"
    assert not any(isinstance(t.own, frozenset) for t in shipped.triggers)  # none analysed
    _same_start_tables(shipped, _eager())


def test_one_stale_entry_means_the_start_tables_are_built_not_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index, refined, alternatives = prefilter.load_index()
    stale = next(key for key in index if key.startswith("concept:"))
    # A stale hash, with groups that would hide every text if they were used.
    index[stale] = (index[stale][0][::-1], prefilter.StoredStarts([], []))
    monkeypatch.setattr(triage, "load_index", lambda: (index, refined, alternatives))
    monkeypatch.setattr(triage, "_COMPILED", {})
    mixed = TriageRules.from_data(DATA)
    assert mixed.concepts is not None
    owns = {c.name: c.own for c in mixed.concepts.concepts}
    assert isinstance(owns.pop(stale.removeprefix("concept:")), frozenset)  # analysed again
    assert all(isinstance(own, prefilter.StoredStarts) for own in owns.values())  # the rest used
    _same_start_tables(mixed, _eager())
    for text in ("i wet myself", "both my legs have gone numb", "how long should i ice my back"):
        assert assess(mixed, [text]) == assess(_eager(), [text]), text
