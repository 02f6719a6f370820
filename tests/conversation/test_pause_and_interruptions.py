"""Pausing and resuming later, and side questions in the middle of a routine."""

from __future__ import annotations

from back_relief.simulator.conversation import Device

from tests.conversation.talk import (
    TIMERS,
    Rig,
    content,
    ice_to_timer,
    numbers,
    said,
    steps_spoken,
    walk,
)


def test_pause_then_relaunch_offers_resume_at_the_same_step_and_start_over_goes_to_step_one(
    rig: Rig, device: Device
) -> None:
    device.launch()
    device.say("start stretches")
    on_step = walk(device, "next", 2)
    assert steps_spoken(on_step, "stretches") == [2]

    paused = device.say("pause")
    assert said(paused, "routine_paused")
    assert paused.ends_session
    assert rig.state(device).status == "paused"

    device.wait(10 * 60)
    offer = device.launch()
    assert said(offer, "routine_resume_offer", step=3, name="stretches")
    assert not offer.ends_session and offer.reprompt
    assert steps_spoken(offer, "stretches") == []

    resumed = device.say("yes")
    assert steps_spoken(resumed, "stretches") == [2]
    assert rig.state(device).status == "active"

    again = device.say("start over")
    assert steps_spoken(again, "stretches") == [0]
    where = device.say("which step am I on")
    total = len(content().routines["stretches"].steps)
    assert said(where, "routine_position", step=1, total=total, name="stretches")
    assert steps_spoken(device.say("next"), "stretches") == [1]


def test_declining_resume_keeps_progress_for_later(rig: Rig, device: Device) -> None:
    device.launch()
    device.say("start a massage")
    device.say("next")
    device.say("pause")
    device.launch()
    declined = device.say("no")
    assert not steps_spoken(declined, "massage")
    assert rig.state(device).routine == "massage"
    assert rig.state(device).step == 1


def test_ice_question_mid_timer_is_answered_then_offers_to_carry_on(
    rig: Rig, device: Device
) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(5 * 60)

    answer = device.say("how long should I ice")
    assert answer.text.endswith(content().message("routine_carry_on", name="ice session"))
    assert answer.text.count("?") == 1  # no second offer such as "Shall I time an ice session?"
    assert answer.reprompt and not answer.ends_session
    assert 15 in numbers(answer.text) or "fifteen" in answer.text.lower()

    back = device.say("yes")
    assert {5, 10} <= numbers(back.text)  # 5 minutes on, 10 to go
    assert len(rig.timers_created()) == 1  # carrying on does not start a second timer
    assert rig.state(device).status == "timing"


def test_walking_question_mid_stretches_is_answered_then_offers_to_carry_on(
    rig: Rig, device: Device
) -> None:
    device.launch()
    device.say("start stretches")
    walk(device, "next", 2)

    answer = device.say("is walking good")
    assert "walk" in answer.text.lower()
    assert said(answer, "routine_carry_on", name="stretches")
    assert answer.text.count("?") == 1
    assert not answer.ends_session

    back = device.say("yes")
    assert steps_spoken(back, "stretches") == [2]
    device.say("ready")  # the stretch's paced reps
    assert steps_spoken(device.say("next"), "stretches") == [3]


def test_stretch_how_to_offers_the_stretches_alone_and_only_carries_on_mid_routine(
    rig: Rig, device: Device
) -> None:
    offer = content().message("stretch_howto_ask")
    device.launch()
    alone = device.say("how do I do a pelvic tilt")
    assert "pelvic tilt" in alone.text.lower()
    assert alone.text.endswith(offer) and alone.reprompt == offer
    started = device.say("yes")
    assert steps_spoken(started, "stretches") == [0]
    assert rig.state(device).routine == "stretches"

    walk(device, "next", 2)
    mid = device.say("how do I do a pelvic tilt")
    assert "pelvic tilt" in mid.text.lower()
    assert offer not in mid.text and mid.reprompt != offer
    assert mid.text.endswith(content().message("routine_carry_on", name="stretches"))
    assert mid.text.count("?") == 1
    assert steps_spoken(device.say("yes"), "stretches") == [2]
