"""Fault injection on the Alexa Timers and Reminders APIs, through the simulator's FakeAlexaApi.

The conversation suite already covers timer creation failing with 401, 429, 500 or hanging and a
failing timer delete (tests/conversation/test_timer_fallbacks.py); this adds what it does not:
a 403, a failure right after voice consent, and every failure of the Reminders API. Each time the
user hears what could not be done and the routine state stays as the engine left it.
"""

from __future__ import annotations

import pytest
from back_relief.simulator.conversation import Device

from tests.conversation.talk import (
    READ_TIMEOUT_S,
    REMINDERS,
    TIMERS,
    Rig,
    ice_to_timer,
    said,
    walk,
)

pytestmark = pytest.mark.integration


def _fail(rig: Rig, how: str) -> None:
    if how == "hang":
        rig.api.hang_next(4 * READ_TIMEOUT_S)
    else:
        rig.api.fail_next(int(how))


def test_timer_creation_refused_with_403_tells_the_user_to_time_it(
    rig: Rig, device: Device
) -> None:
    device.granted.add(TIMERS)
    device.launch()
    device.say("start an ice session")
    walk(device, "next", 2)
    rig.api.fail_next(403)
    failed = device.say("next")
    assert said(failed, "timer_failed", minutes=15)
    assert rig.timers_created() == []
    assert rig.state(device).status == "timing"
    assert rig.api.invalid == []


def test_timer_failing_right_after_voice_consent_tells_the_user_to_time_it(
    rig: Rig, device: Device
) -> None:
    assert ice_to_timer(device).consent_scope == TIMERS
    rig.api.fail_next(500)
    failed = device.consent("ACCEPTED")
    assert said(failed, "timer_failed", minutes=15)
    assert rig.timer_attempts() == 1 and rig.timers_created() == []
    assert rig.state(device).status == "timing"
    device.wait(5 * 60)
    left = device.say("how much time is left")
    assert said(left, "time_left", pack="ice", elapsed=5, remaining=10)


def _finish_ice(device: Device) -> None:
    ice_to_timer(device)
    device.wait(15 * 60)
    device.launch()
    done = walk(device, "next", 2)
    assert said(done, "reminder_offer", hours=2)


@pytest.mark.parametrize("how", ["401", "403", "429", "500", "hang"])
def test_failed_reminder_is_spoken_and_the_finished_routine_stays_finished(
    rig: Rig, device: Device, how: str
) -> None:
    device.granted |= {TIMERS, REMINDERS}
    _finish_ice(device)
    _fail(rig, how)
    reply = device.say("yes")
    assert said(reply, "reminder_failed", hours=2, name="ice session")
    assert not said(reply, "reminder_set", hours=2)
    assert reply.ends_session
    assert rig.reminders_created() == []
    assert rig.state(device).routine is None
    assert rig.api.invalid == []


def test_reminder_failing_right_after_voice_consent_is_spoken(rig: Rig, device: Device) -> None:
    device.granted.add(TIMERS)
    _finish_ice(device)
    assert device.say("yes").consent_scope == REMINDERS
    rig.api.fail_next(500)
    reply = device.consent("ACCEPTED")
    assert said(reply, "reminder_failed", hours=2, name="ice session")
    assert reply.ends_session
    assert rig.reminders_created() == []
    assert rig.api.invalid == []
