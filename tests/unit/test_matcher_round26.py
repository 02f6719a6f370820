"""Round 26's classes of asking (answers_dev26: fillers, myth checks, follow-ups said cold,
complaints that imply a question, brand names), each in our own sentences: how often a medicine
or a gel may go on is a dose question (R1), never the ice's gap; a shop sells what is named; the
words people use for hopelessness reach the crisis line (R12) and the pain's own words do not.
The matcher as the skill ships it."""

from __future__ import annotations

import pytest
from back_relief.content import loader
from back_relief.content.matcher import AnswerMatcher, in_crisis


@pytest.fixture(scope="module")
def matcher() -> AnswerMatcher:
    return loader.load(loader.DEFAULT_LOCALE).matcher


CASES: list[tuple[str, str]] = [
    ("how many times a day can i rub the deep heat in", "doses"),
    ("when am i allowed my next ibuprofen", "doses"),
    ("how often can i put the cold pack back on", "ice_frequency"),
    ("torn between naproxen and paracetamol, can't decide", "medicine_choice"),
    ("the drugstore has a lumbar brace on sale, worth it", "back_brace"),
    ("should i nip to the chemist for something", "painkillers|medicine_choice"),
    ("it's just a spasm, isn't it, or something more", "is_it_serious"),
]


@pytest.mark.parametrize(("question", "topic"), CASES)
def test_round26_classes_reach_their_topic(
    matcher: AnswerMatcher, question: str, topic: str
) -> None:
    assert matcher.match(question) in topic.split("|")


def test_hopelessness_reaches_the_crisis_line_and_the_pains_words_do_not() -> None:
    for words in (
        "honestly i just want to vanish",
        "i can't see the point in carrying on",
        "i'm in such a dark place tonight",
        "i want everything to end for good",
        "i don't feel safe with myself",
        "sometimes i feel like harming myself",
    ):
        assert in_crisis(words), words
    for words in (
        "i just want the pain to end for good",
        "no point going to the gp is there",
        "i wish this spasm would vanish",
        "i don't feel like hurting myself, just my back hurts",
    ):
        assert not in_crisis(words), words
