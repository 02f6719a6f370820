"""Every routine walked end to end with next, repeat and go back."""

from __future__ import annotations

import re

from back_relief.alexa.ssml import MAX_AUDIO_SECONDS, audio_seconds
from back_relief.simulator.conversation import Device, Reply

from tests.conversation.talk import (
    TIMERS,
    Rig,
    announce_text,
    break_seconds,
    content,
    numbers,
    said,
    spoken_counts,
    steps_spoken,
)


def _mentions(text: str, word: str) -> bool:
    return re.search(rf"\b{word}\b", text, re.I) is not None


def _assert_paced_hold(reply: Reply, seconds: int) -> None:
    """A hold is paced in speech: legal breaks, spoken counts up to its length."""
    breaks = break_seconds(reply.ssml)
    assert breaks and max(breaks) <= 10
    assert sum(breaks) >= seconds
    assert spoken_counts(reply)[-1] == seconds
    assert audio_seconds(reply.ssml) < MAX_AUDIO_SECONDS


def test_heat_session_walks_with_repeat_back_and_a_heat_timer(rig: Rig, device: Device) -> None:
    device.granted.add(TIMERS)
    device.launch()
    assert steps_spoken(device.say("start a heat session"), "heat") == [0]
    assert steps_spoken(device.say("repeat"), "heat") == [0]
    assert steps_spoken(device.say("next"), "heat") == [1]
    assert steps_spoken(device.say("go back"), "heat") == [0]
    for index in (1, 2, 3):
        assert steps_spoken(device.say("next"), "heat") == [index]
    timed = device.say("next")
    assert steps_spoken(timed, "heat") == [4]
    assert _mentions(timed.text, "heat") and not _mentions(timed.text, "ice")
    [timer] = rig.timers_created()
    assert timer["duration"] == "PT15M"
    assert "heat off" in announce_text(timer).lower()
    assert not _mentions(announce_text(timer), "ice")
    assert timed.ends_session

    [rung] = device.wait(15 * 60)
    assert "heat off" in rung.lower()
    after = device.launch()
    assert said(after, "time_up", pack="heat")
    assert steps_spoken(after, "heat") == [5]
    assert steps_spoken(device.say("next"), "heat") == [6]
    done = device.say("next")
    assert said(done, "routine_done", name="heat session")
    # Heat may be used up to three times a day: no two-hour reminder (reference 5.2).
    assert not said(done, "reminder_offer", hours=2)
    assert done.ends_session
    assert rig.reminders_created() == []
    assert rig.api.invalid == []


def test_contrast_times_heat_then_ice_with_a_paced_minute_between(rig: Rig, device: Device) -> None:
    device.granted.add(TIMERS)
    device.launch()
    assert steps_spoken(device.say("start a contrast session"), "contrast") == [0]
    assert steps_spoken(device.say("next"), "contrast") == [1]
    assert steps_spoken(device.say("go back"), "contrast") == [0]
    assert steps_spoken(device.say("next"), "contrast") == [1]
    warm = device.say("next")
    assert steps_spoken(warm, "contrast") == [2]
    assert warm.ends_session

    [rung] = device.wait(15 * 60)
    assert "heat off" in rung.lower()
    rest = device.launch()
    assert said(rest, "time_up", pack="heat")
    assert steps_spoken(rest, "contrast") == [3]
    _assert_paced_hold(rest, 60)
    assert spoken_counts(rest) == [10, 20, 30, 40, 50, 60]
    again = device.say("repeat")
    assert steps_spoken(again, "contrast") == [3]
    _assert_paced_hold(again, 60)

    cold = device.say("next")
    assert steps_spoken(cold, "contrast") == [4]
    assert cold.ends_session
    timers = rig.timers_created()
    assert [t["duration"] for t in timers] == ["PT15M", "PT15M"]
    assert "heat off" in announce_text(timers[0]).lower()
    assert "ice off" in announce_text(timers[1]).lower()

    [rung] = device.wait(15 * 60)
    assert "ice off" in rung.lower()
    after = device.launch()
    assert said(after, "time_up", pack="ice")
    assert steps_spoken(after, "contrast") == [5]
    assert steps_spoken(device.say("next"), "contrast") == [6]
    done = device.say("next")
    assert said(done, "routine_done", name="contrast session")
    assert said(done, "reminder_offer", hours=2)
    assert rig.api.invalid == []


def test_massage_paces_its_holds_states_the_pulse_rule_and_stops_after_three_spots(
    rig: Rig, device: Device
) -> None:
    device.launch()
    assert steps_spoken(device.say("start a massage"), "massage") == [0]
    assert steps_spoken(device.say("next"), "massage") == [1]
    pulse = device.say("next")
    assert steps_spoken(pulse, "massage") == [2]
    assert _mentions(pulse.text, "pulse")

    spots = 0
    reply = device.say("next")
    for spot in range(3):
        press = reply
        assert steps_spoken(press, "massage") == [3]
        _assert_paced_hold(press, 30)
        spots += 1
        circles = device.say("next")
        assert steps_spoken(circles, "massage") == [4]
        _assert_paced_hold(circles, 60)
        if spot == 0:  # go back and repeat work on a hold too
            assert steps_spoken(device.say("go back"), "massage") == [3]
            assert steps_spoken(device.say("next"), "massage") == [4]
            assert steps_spoken(device.say("repeat"), "massage") == [4]
        next_spot = device.say("next")
        assert steps_spoken(next_spot, "massage") == [5]
        assert _mentions(next_spot.text, "pulse")  # a short pulse check at each new spot
        reply = device.say("next")
        if spot < 2:  # the long pulse and stop rules are not read again
            assert steps_spoken(reply, "massage") == [3]
            assert content().routines["massage"].steps[2].say not in reply.text

    assert spots == 3
    assert content().routines["massage"].steps[5].after_loops in reply.text
    assert said(reply, "routine_done", name="self-massage")
    assert reply.ends_session
    assert rig.state(device).routine is None
    assert rig.timer_attempts() == 0


def test_stretches_pace_six_stretches_with_position_repeat_and_go_back(
    rig: Rig, device: Device
) -> None:
    routine = content().routines["stretches"]
    total = len(routine.steps)
    device.launch()
    assert steps_spoken(device.say("start stretches"), "stretches") == [0]
    caution = device.say("next")
    assert steps_spoken(caution, "stretches") == [1]
    assert {"osteoporosis", "operation", "pregnancy"} <= set(re.findall(r"\w+", caution.text))
    paced = 0
    first = 2
    for index in range(first, first + 6):
        stretch = routine.steps[index]
        position = device.say("next")
        assert steps_spoken(position, "stretches") == [index], position.text
        assert not spoken_counts(position)  # time to get into position first
        reply = device.say("ready")
        assert steps_spoken(reply, "stretches") == []
        breaks = break_seconds(reply.ssml)
        assert breaks and max(breaks) <= 10
        counts = spoken_counts(reply)
        holds = stretch.reps * (2 if stretch.sides else 1)
        assert counts.count(stretch.seconds) == holds
        # After every hold the way back, once, ending one sentence: "; 3 to go." or "." at the end.
        endings = re.findall(re.escape(stretch.back) + r"(\W*)", reply.text)
        assert [e.strip() for e in endings] == [";"] * (holds - 1) + ["."], reply.text
        assert not re.search(r"[.;,]\s*[.;,]", reply.text), reply.text  # no "lower it.;"
        assert audio_seconds(reply.ssml) < MAX_AUDIO_SECONDS
        paced += 1

        where = device.say("which step am I on")
        assert said(where, "routine_position", step=index + 1, total=total, name="stretches")
        assert {index + 1, total} <= numbers(where.text)
        repeated = device.say("repeat")
        assert repeated.ssml == reply.ssml
        if index > first:
            assert steps_spoken(device.say("go back"), "stretches") == [index - 1]
            assert steps_spoken(device.say("skip"), "stretches") == [index]  # skip its reps
            assert device.say("ready").ssml == reply.ssml

    assert paced == 6
    assert steps_spoken(device.say("next"), "stretches") == [total - 1]
    done = device.say("next")
    assert said(done, "routine_done", name="stretches")
    assert done.ends_session
    assert rig.timer_attempts() == 0
