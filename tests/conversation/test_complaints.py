"""The commonest things said on the floor are complaints, not questions (issue 12: "it hurts,
what do I do" in its many forms), and the commonest reason given for a day in bed is work.
Round 26's classes, each in sentences of our own.

SymptomIntent's carriers are the back pain itself ("my back hurts and {Symptom}", "ow
{Symptom}"), so Alexa sends only what follows: "so bad" for "my back hurts so bad". Before round
26 those few words fit no answer and got only the offer of the warning signs. And "i can't come
in to work" reached the skill as "can't come in to work", which read with "i've" or "the" put
back ("i've can't come in") the red-flag model took for the "can't go" of a blocked bladder.
"""

from __future__ import annotations

from back_relief.simulator.conversation import Device

from tests.conversation.talk import content


def test_a_complaint_said_after_the_back_pain_gets_what_helps(device: Device) -> None:
    relief = content().answers["relief_overview"]["say"][:40]
    for words in ("my back hurts so bad", "ow ugh this is awful"):
        device.launch()
        reply = device.say(words)
        assert relief in reply.text, (words, reply.text)


def test_a_day_off_work_is_no_bladder_emergency(device: Device) -> None:
    emergency = content().tiers["emergency"]["say"][:40]  # the answer, not the safety net
    for words in ("i can't come in to work today, my back", "i won't be able to go out tonight"):
        device.launch()
        reply = device.say(words)
        assert emergency not in reply.text, (words, reply.text)
    device.launch()
    assert emergency in device.say("i can't go, i've been trying since lunch").text
