"""A partner or carer asks for the person on the floor ("should we ...", "does he need ..."),
short asks name a topic with a word for being told ("massage tips?", "danger signs?").
Round 25's classes (answers_dev25), each in sentences of our own.

Alexa drops the word that opened a free-text question: "should we buy a new mattress" reaches
the skill as "we buy a new mattress". Before round 25 a statement's opening word put back in
front of it ("my we buy ...") was read as a heard "my wee", and every "should we" or "can we"
question got the bladder question instead of its answer.
"""

from __future__ import annotations

from back_relief.simulator.conversation import Device

from tests.conversation.talk import content, said


def _answered(device: Device, words: str, answer_id: str) -> None:
    device.launch()
    reply = device.say(words)
    assert content().answers[answer_id]["say"][:40] in reply.text, (words, reply.text)
    pending = reply.attributes.get("pending") or {}
    assert pending.get("kind") != "confirm_red_flag", (words, "asked a sign's question")


def test_a_carers_we_question_gets_its_answer_not_the_bladder_question(device: Device) -> None:
    _answered(device, "should we get her a firmer mattress", "mattress")
    _answered(device, "can we put a heat pack on him", "ice_or_heat")


def test_a_heard_wee_after_a_dropped_my_still_gets_the_emergency_answer(device: Device) -> None:
    # "my wee keeps leaking out" heard as "my we ...": the pronoun cannot take "keeps".
    device.launch()
    reply = device.say("my we keeps leaking out")
    assert "nine one one" in reply.text, reply.text


def test_whether_someone_needs_the_emergency_room_reads_the_warning_signs(
    device: Device,
) -> None:
    device.launch()
    reply = device.say("does she need the emergency room for a back spasm")
    assert content().warning_signs["part1"][:40] in reply.text, reply.text
    assert "can't make calls" not in reply.text, reply.text


def test_a_routine_word_with_a_word_for_advice_gets_the_advice(device: Device) -> None:
    _answered(device, "stretching tips", "stretches")
    device.launch()
    assert said(device.say("start the zumba"), "which_routine")


def test_a_word_for_danger_before_signs_reads_the_warning_signs(device: Device) -> None:
    device.launch()
    reply = device.say("danger signs")
    assert reply.intent == "WarningSignsIntent"
    assert "nine one one" in reply.text
