"""Everyday words that share a sound or a name with a warning sign (round 28): said to the skill
as a person in a spasm says them, they get what was asked for, and the sign itself still alarms.

"Hot and cold" names the contrast routine as often as a fever (U1), and reaches the skill as a
Routine slot's whole value; "what to do with myself" was once read as a heard "wet myself" (E1).
"""

from __future__ import annotations

from back_relief.simulator.conversation import Device

from tests.conversation.talk import content, steps_spoken


def test_a_hot_and_cold_session_starts_the_routine_without_medical_advice(device: Device) -> None:
    device.launch()
    reply = device.say("start a hot and cold session")
    assert steps_spoken(reply, "contrast") == [0], reply.text
    assert "medical advice today" not in reply.text


def test_not_knowing_what_to_do_with_oneself_is_no_wet_bladder(device: Device) -> None:
    emergency = str(content().tiers["emergency"]["say"]).split(". ", 1)[0]
    device.launch()
    calm = device.say("i honestly don't know what to do with myself it's that sore")
    assert emergency not in calm.text, calm.text
    device.launch()
    sign = device.say("i think i wit myself and i didn't even feel it")
    assert emergency in sign.text, sign.text
