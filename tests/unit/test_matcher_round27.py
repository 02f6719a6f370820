"""Round 27's classes of asking (answers_dev27: commands, permission asks, slang, situations),
each in our own sentences: a building site is a place, not sitting; "what i've done to it" asks
what is wrong (T36's refusal to diagnose), as "what have i done" does; a sickie is time off work.
The matcher as the skill ships it."""

from __future__ import annotations

import pytest
from back_relief.content import loader
from back_relief.content.matcher import AnswerMatcher


@pytest.fixture(scope="module")
def matcher() -> AnswerMatcher:
    return loader.load(loader.DEFAULT_LOCALE).matcher


CASES: list[tuple[str, str]] = [
    ("is a brace alright on a work site", "back_brace"),
    ("any idea what i have done to it this time", "diagnosis"),
    ("is it ok to pull a sickie tomorrow", "work"),
]


@pytest.mark.parametrize(("question", "topic"), CASES)
def test_round27_classes_reach_their_topic(
    matcher: AnswerMatcher, question: str, topic: str
) -> None:
    assert matcher.match(question) in topic.split("|")
