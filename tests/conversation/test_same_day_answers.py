"""A same-day sign said with a question gets the advice and the answer in one breath (round 27).

"I'm on steroids, can I do the stretches?" is long-term steroids with back pain (U10: advice
today) and a question the osteoporosis answer (R8) is for. That answer ends "if new pain
followed a fall, please get medical advice today", which the advice has just said: said whole,
the two were too long for one breath and the answer was only offered. The repeat is left out.
"""

from __future__ import annotations

from back_relief.alexa.handlers.answers import ONE_BREATH_WORDS
from back_relief.simulator.conversation import Device

from tests.conversation.breath import words
from tests.conversation.talk import content


def test_steroids_and_a_question_get_the_advice_then_the_answer(device: Device) -> None:
    advice = str(content().tiers["same_day"]["say"])
    answer = str(content().answers["osteoporosis"]["say"])
    first, repeat = answer.split(". ", 1)
    device.launch()
    reply = device.say("i've taken prednisone for years, am i ok to do stretches")
    assert reply.text.startswith(advice.split(". ", 1)[0]), reply.text
    assert first in reply.text and repeat not in reply.text, reply.text
    assert words(reply.text) <= ONE_BREATH_WORDS


def test_a_same_day_sign_with_its_own_answer_gets_it_though_nothing_else_is_asked(
    device: Device,
) -> None:
    """Pain worse on coughing is U5, whose own answer (T39) says why the advice is given; "should
    I worry" asks nothing that answer does not settle, and used to get the generic line alone."""
    own = str(content().answers["cough_sneeze"]["say"]).split(". ", 1)[0]
    device.launch()
    reply = device.say("every cough really kills my back, should i worry")
    assert reply.text.startswith(own) and "medical advice today" in reply.text, reply.text
    assert words(reply.text) <= ONE_BREATH_WORDS
