"""Round 28's classes of asking (answers_dev28: fragments, rambles, either/or, worried asks,
recogniser damage), each in our own sentences. The matcher as the skill ships it."""

from __future__ import annotations

import pytest
from back_relief.content import loader
from back_relief.content.matcher import AnswerMatcher


@pytest.fixture(scope="module")
def matcher() -> AnswerMatcher:
    return loader.load(loader.DEFAULT_LOCALE).matcher


CASES: list[tuple[str, str]] = [
    # Two medicines, one or the other: choosing medicines (R9), not whether to take one (T20).
    ("would you go for nurofen or panadol", "medicine_choice"),
    ("is the voltaren gel or the tablets the way to go", "medicine_choice"),
    # ... and one medicine, or none named: still the general medicine line.
    ("what can i take for a spasm", "painkillers"),
    ("will a couple of aspirin make any difference", "painkillers"),
    ("is it fine to take a couple of panadol", "painkillers"),  # "can I take painkillers" (T20)
    ("how soon can i have more paracetamol", "doses"),
    # A name said letter by letter, as a recogniser writes it.
    ("would an m r i show what's wrong", "scans"),
    ("is this one for the gee pee", "when_see_doctor"),
    # "expect to" is no expecting a baby.
    ("when can i expect to be back on my feet", "how_long_lasts"),
    ("should i just push through it and carry on", "rest_or_move"),
    ("is my voice being recorded right now", "privacy"),
    ("the doctor says to book in with a physio, will that help", "physio"),
    # Someone else taking a medicine of their own is the medicine line; only a loan is R9's.
    ("my dad's back has gone, can he take ibuprofen", "painkillers"),
    ("can he take my diazepam", "someone_elses_medicine"),
    # Stairs are where a fall happens, not a fall: carrying up them is lifting.
    ("is it safe to carry the shopping up the stairs", "lifting"),
    # Recurrence asked why is its causes (T25); asked how to stop, its prevention (T28).
    ("how come it keeps going on me every winter", "causes"),
    ("how do i stop it from coming back next time", "prevention"),
]


@pytest.mark.parametrize(("question", "topic"), CASES)
def test_round28_classes_reach_their_topic(
    matcher: AnswerMatcher, question: str, topic: str
) -> None:
    assert matcher.match(question) in topic.split("|")
