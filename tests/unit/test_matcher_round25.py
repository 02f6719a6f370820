"""Round 25's classes of asking (answers_dev25: carers, comparisons, terse asks), each in our
own sentences beside a look-alike that must keep its topic: which painkiller to take, or whether
one is all right, stays the painkiller answer (T20: "What painkiller should I take?"); lasting
harm asks whether it is serious; "be like this" asks how long it lasts; whether someone needs the
emergency room asks for the warning signs, never the "I can't make calls" reply a request gets.
The matcher as the skill ships it."""

from __future__ import annotations

import pytest
from back_relief.content import loader
from back_relief.content.matcher import AnswerMatcher


@pytest.fixture(scope="module")
def matcher() -> AnswerMatcher:
    return loader.load(loader.DEFAULT_LOCALE).matcher


CASES: list[tuple[str, str]] = [
    ("is paracetamol all right for a spasm", "painkillers"),
    ("which painkiller should my wife take", "painkillers|someone_elses_medicine"),
    ("can a bad spasm cause lasting damage", "is_it_serious"),
    ("how long is he going to be like this", "how_long_lasts"),
    ("does she need the emergency room with this", "warning_signs"),
    ("call an ambulance for me", "call_for_me"),
]


@pytest.mark.parametrize(("question", "topic"), CASES)
def test_round25_classes_reach_their_topic(
    matcher: AnswerMatcher, question: str, topic: str
) -> None:
    assert matcher.match(question) in topic.split("|")
