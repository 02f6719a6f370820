"""Questions keep the word that says what they ask, and a topic named alone gets its answer.

Alexa hands an AMAZON.SearchQuery slot only the words after its carrier: "why did my back
go" arrives as "did my back go". The how/why/when/what/where/which carriers are intents of
their own, so the skill puts the question word back before matching.
"""

from __future__ import annotations

import pytest
from back_relief.simulator.conversation import Device

from tests.conversation.talk import content


@pytest.mark.parametrize(
    ("said", "answer_id"),
    [
        ("why did this happen", "causes"),
        ("what made my back do this", "causes"),
        ("where do i push to loosen it up", "self_massage"),
        ("what is a back spasm exactly", "spasm_feel"),
        ("physio", "physio"),
        ("what about acupuncture", "acupuncture"),
        ("mattress please", "mattress"),
    ],
)
def test_a_spoken_question_gets_the_answer_its_question_word_asks_for(
    device: Device, said: str, answer_id: str
) -> None:
    device.launch()
    reply = device.say(said)
    assert content().answers[answer_id]["say"][:40] in reply.text, reply.text
    assert not reply.ends_session


def test_a_red_flag_said_in_a_question_still_gets_the_emergency_number(device: Device) -> None:
    device.launch()
    reply = device.say("why have both my legs gone numb")
    assert "nine one one" in reply.text, reply.text


def test_time_left_with_nothing_running_says_how_long_ice_stays_on(device: Device) -> None:
    """They may be timing the pack with an Alexa timer of their own: the useful answer is how
    long ice stays on, and yes starts a timed ice session."""
    device.launch()
    reply = device.say("when do i take the ice off")
    assert content().answers["ice_duration"]["say"] in reply.text, reply.text
    started = device.say("yes")
    assert "ice session" in started.text and not started.ends_session
    device.say("next")
    during = device.say("how much longer")
    assert content().answers["ice_duration"]["say"] not in during.text  # in a routine: its own
