"""When there is no Alexa timer (consent refused, API errors, a hung API) the user times it."""

from __future__ import annotations

import pytest
from back_relief.simulator.conversation import Device

from tests.conversation.talk import (
    READ_TIMEOUT_S,
    TIMERS,
    Rig,
    ice_to_timer,
    numbers,
    said,
    steps_spoken,
)


@pytest.mark.parametrize("answer", ["DENIED", "NOT_ANSWERED"])
def test_refused_consent_means_own_timer_and_time_left_still_answers(
    rig: Rig, device: Device, answer: str
) -> None:
    assert ice_to_timer(device).consent_scope == TIMERS
    manual = device.consent(answer)
    assert rig.timer_attempts() == 0
    assert said(manual, "timer_manual", minutes=15)  # set your own 15 minute timer
    assert manual.ends_session

    device.wait(5 * 60)
    left = device.say("how much time is left")
    assert {5, 10} <= numbers(left.text)  # 5 minutes on, 10 to go

    device.wait(10 * 60)
    up = device.say("how much time is left")
    assert said(up, "time_up", pack="ice")
    assert steps_spoken(up, "ice") == [4]
    assert rig.timer_attempts() == 0
    assert rig.api.invalid == []


def _fail(rig: Rig, how: str) -> None:
    if how == "hang":
        rig.api.hang_next(4 * READ_TIMEOUT_S)
    else:
        rig.api.fail_next(int(how))


@pytest.mark.parametrize("how", ["401", "500", "429", "hang"])
def test_failed_timer_creation_tells_user_to_time_it_and_routine_stays_consistent(
    rig: Rig, device: Device, how: str
) -> None:
    device.granted.add(TIMERS)
    device.launch()
    device.say("start an ice session")
    device.say("next")
    device.say("next")
    _fail(rig, how)
    # A hang lasts 4x the client's read timeout, then the fake would create the timer: hearing
    # "couldn't set" (not "set") proves the client gave up first, with no clock in the test.
    failed = device.say("next")

    if how != "hang":  # a hung call is recorded only when the fake finally answers
        assert rig.timer_attempts() == 1
        assert rig.timers_created() == []
    assert said(failed, "timer_failed", minutes=15)
    assert not said(failed, "timer_set", minutes=15)
    assert failed.ends_session
    assert rig.api.invalid == []
    assert rig.state(device).status == "timing"

    device.wait(4 * 60)
    left = device.say("how much time is left")
    assert {4, 11} <= numbers(left.text)

    moved = device.say("next")
    assert steps_spoken(moved, "ice") == [4]
    assert rig.state(device).step == 4


def test_failing_timer_delete_does_not_break_stop(rig: Rig, device: Device) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    assert len(rig.api.timers) == 1
    device.wait(5 * 60)
    rig.api.fail_next(500)
    stopped = device.say("stop")
    assert said(stopped, "routine_stop")
    assert stopped.ends_session
    deletes = rig.calls("DELETE", "/v1/alerts/timers/")
    assert [d.status for d in deletes] == [500]
    assert rig.state(device).routine is None
    assert rig.api.invalid == []
