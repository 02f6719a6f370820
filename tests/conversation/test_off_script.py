"""Off the script (issue 14): what people really say mid-routine, and what they need.

Ice never over 20 minutes whatever the navigation, an early leave says take it off, a
refused timer needs no phone, "okay" keeps the routine going, pain stops the exercise (a red
flag still gets the emergency answer), and a returning user's timer is two turns away.
"""

from __future__ import annotations

import re

import pytest
from back_relief.simulator.conversation import Device

from tests.conversation.breath import check_turn, hands_needed
from tests.conversation.talk import (
    TIMERS,
    Rig,
    content,
    ice_to_timer,
    said,
    steps_spoken,
)

ICE_TIMED = content().routines["ice"].first_timed()


def _timer_seconds(rig: Rig) -> list[int]:
    found = []
    for body in rig.timers_created():
        match = re.fullmatch(r"PT(?:(\d+)M)?(?:(\d+)S)?", body["duration"])
        assert match, body["duration"]
        found.append(int(match[1] or 0) * 60 + int(match[2] or 0))
    return found


def test_back_then_next_ten_minutes_in_never_adds_up_to_more_than_fifteen(
    rig: Rig, device: Device
) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(10 * 60)
    device.launch()
    back = device.say("go back")
    assert re.search(r"take the ice off", back.text, re.I) and "skin" in back.text.lower()
    device.say("next")
    assert sum(_timer_seconds(rig)) <= 20 * 60
    assert _timer_seconds(rig)[-1] == 5 * 60  # what is left of the 15, not a fresh timer
    relaunch = device.launch()
    assert not re.search(r"\b14 to go\b", relaunch.text)


def test_leaving_the_timer_early_says_take_it_off_and_check_the_skin(
    rig: Rig, device: Device
) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(5 * 60)
    device.launch()
    moved = device.say("next")
    assert said(moved, "left_early", pack="ice")
    assert steps_spoken(moved, "ice") == [ICE_TIMED + 1]


@pytest.mark.parametrize("answer", ["DENIED", "NOT_ANSWERED"])
def test_a_refused_timer_gets_the_words_to_ask_alexa_and_no_phone(
    rig: Rig, device: Device, answer: str
) -> None:
    ice_to_timer(device)
    manual = device.consent(answer)
    check_turn(manual, None, 50, answer)
    assert "alexa, set a timer for 15 minutes" in manual.text.lower()
    assert "open back relief" in manual.text.lower()
    assert not hands_needed(manual.text)
    assert manual.ends_session


def test_a_declined_reminder_gets_the_words_to_ask_alexa(rig: Rig, device: Device) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(15 * 60)
    device.launch()
    device.say("next")
    offer = device.say("next")
    assert said(offer, "reminder_offer", hours=2)
    declined = device.say("no")
    assert "alexa, remind me in 2 hours" in declined.text.lower()
    assert not hands_needed(declined.text)


def test_a_returning_user_has_a_running_timer_the_next_day_in_two_turns(
    rig: Rig, device: Device
) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(15 * 60)
    device.launch()
    device.say("stop")
    device.wait(24 * 3600)
    before = len(rig.timers_created())
    check = device.say("start my ice")  # "Alexa, ask back relief to start my ice"
    check_turn(check, None, 50, "quick check")
    assert check.keeps_session and len(rig.timers_created()) == before
    timed = device.say("yes")
    assert len(rig.timers_created()) == before + 1
    assert rig.state(device).status == "timing"
    assert timed.ends_session


@pytest.mark.parametrize("word", ["okay", "yes", "carry on", "continue"])
def test_okay_with_nothing_asked_continues_the_routine(rig: Rig, device: Device, word: str) -> None:
    device.launch()
    device.say("start a heat session")
    moved = device.say(word)
    assert steps_spoken(moved, "heat") == [1]
    assert not said(moved, "what_next")


@pytest.mark.parametrize("words", ["ouch", "that hurts", "this is making it worse"])
def test_pain_mid_stretch_stops_it_and_offers_a_gentler_one(
    rig: Rig, device: Device, words: str
) -> None:
    routine = content().routines["stretches"]
    device.launch()
    device.say("start stretches")
    device.say("next")
    device.say("next")
    hurt = device.say(words)
    check_turn(hurt, None, 50, words)
    assert said(hurt, "pain_stop")
    assert steps_spoken(hurt, "stretches") == []  # the exercise does not go on
    assert rig.state(device).status == "paused"
    name = routine.steps[routine.index_of(routine.gentler)].title.lower()
    assert name in hurt.text and name in hurt.reprompt  # the reprompt asks the same question
    gentler = device.say("yes")
    assert steps_spoken(gentler, "stretches") == [routine.index_of(routine.gentler)]


def test_a_red_flag_mid_stretch_still_gets_the_emergency_answer(rig: Rig, device: Device) -> None:
    device.launch()
    device.say("start stretches")
    device.say("next")
    flagged = device.say("it hurts and i can't feel my bottom")
    assert "local emergency number" in flagged.text
    assert not said(flagged, "pain_stop")


def test_pick_a_stretch_and_the_seated_version(rig: Rig, device: Device) -> None:
    routine = content().routines["stretches"]
    device.launch()
    device.say("start stretches")
    picked = device.say("do the knee rolls")
    assert steps_spoken(picked, "stretches") == [routine.index_of("knee_rolls")]
    seated = device.say("the chair version")
    assert steps_spoken(seated, "stretches") == [routine.index_of(routine.seated[0])]
    reps = device.say("ready")
    check_turn(reps, seated, 50, "paced reps")
    assert steps_spoken(device.say("next"), "stretches") == [routine.index_of(routine.seated[1])]


@pytest.mark.parametrize(
    "ask", ["how much time is left", "how long have i got left", "time left", "how much longer"]
)
def test_one_shot_time_left_and_stop_from_outside_the_skill(
    rig: Rig, device: Device, ask: str
) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(4 * 60)
    left = device.say(ask)  # a new session: "Alexa, ask back relief how much time is left"
    assert said(left, "time_left", pack="ice", elapsed=4, remaining=11)
    device.wait(60)
    stopped = device.say("stop")
    assert said(stopped, "routine_stop") and said(stopped, "check_skin")
    assert rig.state(device).routine is None


@pytest.mark.parametrize("routine", ["ice", "heat", "stretches", "massage"])
def test_one_shot_start_from_outside_the_skill(rig: Rig, device: Device, routine: str) -> None:
    started = device.intent("StartRoutineIntent", {"Routine": (routine, routine)})
    assert steps_spoken(started, routine) == [0]
    assert started.keeps_session


def test_pain_with_the_ice_on_takes_it_off_in_one_breath(rig: Rig, device: Device) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(4 * 60)
    hurt = device.say("ouch")
    check_turn(hurt, None, 50, "pain with ice on")
    assert said(hurt, "left_early", pack="ice") and said(hurt, "pain_stop")
    assert rig.state(device).status == "paused"
    stopped = device.say("yes")  # "would you like to stop here?"
    assert said(stopped, "routine_stop") and stopped.ends_session
    assert rig.state(device).routine is None


def test_an_emergency_with_the_ice_on_still_counts_the_ice(rig: Rig, device: Device) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(6 * 60)
    flagged = device.say("i can't feel my bottom")
    assert "local emergency number" in flagged.text
    assert rig.state(device).routine is None
    device.wait(30 * 60)
    again = device.say("start an ice session")
    assert said(again, "cold_gap_warning", ago=30)


def test_thanks_is_answered_and_never_loses_the_routine_or_a_red_flag_question(
    device: Device,
) -> None:
    # Mid-routine: welcomed, and the step still waits for next.
    device.launch()
    device.say("start an ice session")
    thanked = device.say("thanks that helped")
    assert "welcome" in thanked.text.lower() and "didn't catch" not in thanked.text
    assert thanked.keeps_session and "next" in thanked.reprompt.lower()
    assert steps_spoken(device.say("next"), "ice") == [1]
    device.say("stop")
    # A red-flag question stays open: asked again, and yes still gets the emergency line.
    device.launch()
    asked = device.say("my wee has been a bit strange since yesterday")
    again = device.say("thank you")
    assert asked.text.split()[-1] in again.text and again.keeps_session
    assert "call nine one one now" in device.say("yes").text
    # With nothing going on, thanks is a goodbye, not "Sorry, I didn't catch that".
    device.launch()
    device.say("how long should i ice my back")
    closing = device.say("cheers, that was really helpful")
    assert "welcome" in closing.text.lower() and closing.ends_session
