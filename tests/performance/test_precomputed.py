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
