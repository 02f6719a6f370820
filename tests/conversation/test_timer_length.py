"""A chosen session length is kept within the safe 10 to 20 minutes."""

from __future__ import annotations

from typing import Any

import pytest
from back_relief.simulator.conversation import Device, Reply

from tests.conversation.talk import TIMERS, Rig, numbers, said, steps_spoken, walk


def _start(device: Device, how: str, minutes: int) -> Reply:
    device.granted.add(TIMERS)
    device.launch()
    if how == "voice":
        return device.say(f"start an ice session for {minutes} minutes")
    slots: dict[str, Any] = {"Routine": ("ice session", "ice"), "Minutes": str(minutes)}
    return device.intent("StartRoutineIntent", slots)


@pytest.mark.parametrize("how", ["voice", "intent"])
def test_twenty_five_minutes_is_clamped_to_twenty_with_a_spoken_note(
    rig: Rig, device: Device, how: str
) -> None:
    started = _start(device, how, 25)
    assert said(started, "minutes_clamped", minutes=20)
    assert steps_spoken(started, "ice") == [0]
    timed = walk(device, "next", 3)
    assert steps_spoken(timed, "ice", minutes=20) == [3]
    assert 20 in numbers(timed.text) and 25 not in numbers(timed.text)
    assert [t["duration"] for t in rig.timers_created()] == ["PT20M"]
    assert rig.api.invalid == []


@pytest.mark.parametrize("how", ["voice", "intent"])
def test_ten_minutes_is_honoured(rig: Rig, device: Device, how: str) -> None:
    started = _start(device, how, 10)
    assert not said(started, "minutes_clamped", minutes=10)
    timed = walk(device, "next", 3)
    assert steps_spoken(timed, "ice", minutes=10) == [3]
    assert said(timed, "timer_set", minutes=10)
    assert [t["duration"] for t in rig.timers_created()] == ["PT10M"]

    device.wait(4 * 60)
    assert {4, 6} <= numbers(device.launch().text)  # 4 minutes on, 6 to go
