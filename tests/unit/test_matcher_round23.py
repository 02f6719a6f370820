"""Round 23's class of asking (a new writer's answers_dev20 rows, checked against every other
development writer): a reason asked of a thing named after the question word ("why would a
foam roller make it worse", "why wouldn't a TENS help") is that thing's answer, which says why;
the bare "why" is not a cause of its own. Beside each, a look-alike that must keep the causes
answer: the back itself asked about, a spasm that keeps coming back (the causes answer's own
need), a story told before the "why". Our own sentences, none of any data set; the matcher as
the skill ships it (the learnt ranker's second opinion included)."""

from __future__ import annotations

import pytest
from back_relief.content import loader
from back_relief.content.matcher import AnswerMatcher


@pytest.fixture(scope="module")
def matcher() -> AnswerMatcher:
    return loader.load(loader.DEFAULT_LOCALE).matcher


CASES: list[tuple[str, str]] = [
    # A thing named after "why": its own answer (each got the causes answer before).
    ("why would a foam roller make it worse", "foam_roller"),
    ("why would tens not help me", "tens"),
    ("why do they say a brace is a bad idea", "back_brace"),
    # ... and the look-alikes that ask what caused it.
    ("why does my back keep going into spasm", "causes"),
    ("why does this keep coming back", "causes"),
    ("why do i keep getting spasms every winter", "causes"),
    ("why did it go when i was only sitting at my desk", "causes"),
    ("why would my back do this to me", "causes"),
]


@pytest.mark.parametrize(("question", "expected"), CASES)
def test_a_reason_asked_of_a_named_thing_is_that_things_answer(
    matcher: AnswerMatcher, question: str, expected: str
) -> None:
    assert matcher.match(question) == expected
