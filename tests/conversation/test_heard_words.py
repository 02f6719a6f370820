"""What the simulated device hears reaches the skill as Alexa would send it.

Words outside a custom slot's list arrive with ER_SUCCESS_NO_MATCH and no id; a routine
goes on when people give commands in their own words, with filler and the wake word.
"""

from __future__ import annotations

from typing import Any

from back_relief.simulator.conversation import Device

from tests.conversation.talk import Rig, said, steps_spoken


def test_unlisted_slot_words_arrive_unresolved_and_the_skill_asks_which_routine(rig: Rig) -> None:
    sent: list[dict[str, Any]] = []

    def handler(event: dict[str, Any]) -> dict[str, Any]:
        sent.append(event)
        return rig.handler(event)

    device = Device(handler=handler, api=rig.api)
    device.launch()
    reply = device.say("start a frozen towel session")
    slot = sent[-1]["request"]["intent"]["slots"]["Routine"]
    assert slot["value"] == "frozen towel"
    authority = slot["resolutions"]["resolutionsPerAuthority"][0]
    assert authority["status"]["code"] == "ER_SUCCESS_NO_MATCH"
    assert "values" not in authority
    assert said(reply, "which_routine")
    assert not reply.ends_session


def test_a_routine_follows_commands_in_the_users_own_words(device: Device) -> None:
    device.launch()
    first = device.say("alexa, um, start my stretches please")
    assert steps_spoken(first, "stretches")[:1] == [0], first.text
    assert steps_spoken(device.say("okay next one please"), "stretches") == [1]
    assert steps_spoken(device.say("nest"), "stretches") == [2]  # a recogniser's slip
    assert steps_spoken(device.say("can you go back please"), "stretches") == [1]
    assert steps_spoken(device.say("say that again please"), "stretches") == [1]
