"""The two-hour rule between cold sessions, stopping at any point, and forget me."""

from __future__ import annotations

import pytest
from back_relief.simulator.conversation import Device
from back_relief.store import EMPTY

from tests.conversation.talk import TIMERS, Rig, ice_to_timer, numbers, said, steps_spoken, walk


def _finish_ice(device: Device) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(15 * 60)
    device.launch()  # time's up: the ice comes off now
    walk(device, "next", 2)
    assert device.say("no").ends_session


@pytest.mark.parametrize("routine", ["ice session", "contrast session"])
def test_cold_session_within_two_hours_is_discouraged_with_an_alternative(
    rig: Rig, device: Device, routine: str
) -> None:
    _finish_ice(device)
    attempts = rig.timer_attempts()
    device.wait(30 * 60)
    device.launch()
    warned = device.say(f"start a {routine}")
    assert said(warned, "cold_gap_warning", ago=30)
    assert 30 in numbers(warned.text)
    assert "heat" in warned.text.lower() and "stretch" in warned.text.lower()
    assert not warned.ends_session and warned.reprompt
    assert rig.state(device).routine is None

    choice = device.say("yes")
    assert said(choice, "cold_gap_choice")
    heat = device.say("heat")
    assert steps_spoken(heat, "heat") == [0]
    assert rig.timer_attempts() == attempts


def test_cold_session_two_hours_after_the_last_is_allowed(rig: Rig, device: Device) -> None:
    _finish_ice(device)
    device.wait(30 * 60)
    device.launch()
    assert said(device.say("start an ice session"), "cold_gap_warning", ago=30)
    device.wait(90 * 60)
    again = ice_to_timer(device)
    assert steps_spoken(again, "ice") == [3]
    assert [t["duration"] for t in rig.timers_created()] == ["PT15M", "PT15M"]


@pytest.mark.parametrize(
    ("start", "nexts", "words"),
    [
        ("start an ice session", 1, "stop"),
        ("start a massage", 3, "stop"),  # during a paced hold
        ("start stretches", 2, "cancel"),
        ("start a heat session", 3, "stop"),  # before the timer step
    ],
)
def test_stop_at_any_step_says_take_off_any_pack_and_clears_progress(
    rig: Rig, device: Device, start: str, nexts: int, words: str
) -> None:
    device.launch()
    device.say(start)
    walk(device, "next", nexts)
    stopped = device.say(words)
    assert said(stopped, "routine_stop")
    assert stopped.ends_session
    assert rig.state(device).routine is None
    assert rig.calls("DELETE", "/v1/alerts/timers") == []


@pytest.mark.parametrize(("start", "nexts"), [("start an ice session", 3), ("contrast", 2)])
def test_stop_during_a_timer_cancels_it(rig: Rig, device: Device, start: str, nexts: int) -> None:
    device.granted.add(TIMERS)
    device.launch()
    device.say(start)
    walk(device, "next", nexts)
    [timer_id] = list(rig.api.timers)
    device.wait(6 * 60)
    stopped = device.say("stop")
    assert said(stopped, "routine_stop")
    assert stopped.ends_session
    deletes = rig.calls("DELETE", "/v1/alerts/timers")
    assert [(d.path, d.status) for d in deletes] == [(f"/v1/alerts/timers/{timer_id}", 200)]
    assert rig.api.timers == {}
    assert device.wait(20 * 60) == []  # nothing rings after a stop
    assert rig.api.invalid == []


def test_forget_me_deletes_the_record_and_the_next_launch_is_a_first_launch(
    rig: Rig, device: Device
) -> None:
    device.launch()
    device.say("start an ice session")
    device.say("next")
    device.wait(0)
    assert rig.record(device).version > 0

    device.launch()
    forgotten = device.say("forget me")
    assert said(forgotten, "forget_done")
    assert forgotten.ends_session
    assert rig.record(device) == EMPTY

    fresh = device.launch()
    assert said(fresh, "welcome_first")  # the disclaimer again: the welcomed flag went too
    assert not said(fresh, "routine_resume_offer", step=2, name="ice session")
    assert rig.state(device).routine is None
