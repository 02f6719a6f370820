"""A whole ice session on one device: consent, timer, relaunches, the ring, finish, reminder."""

from __future__ import annotations

from back_relief.simulator.conversation import Device

from tests.conversation.talk import (
    REMINDERS,
    TIMERS,
    Rig,
    announce_text,
    ice_to_timer,
    numbers,
    said,
    steps_spoken,
    walk,
)


def test_full_ice_session_with_timer_consent_ring_and_reminder(rig: Rig, device: Device) -> None:
    welcome = device.launch()
    assert said(welcome, "welcome_first")
    assert not welcome.ends_session

    timed = ice_to_timer(device)
    assert steps_spoken(timed, "ice") == [3]
    assert 15 in numbers(timed.text)
    # Voice consent: Alexa takes the dialog, so no reprompt and shouldEndSession left unset.
    assert timed.consent_scope == TIMERS
    assert timed.reprompt == ""
    assert "shouldEndSession" not in timed.response
    assert rig.timer_attempts() == 0

    set_reply = device.consent("ACCEPTED")
    [timer] = rig.timers_created()
    assert timer["duration"] == "PT15M"
    assert timer["timerLabel"].strip()
    announce = announce_text(timer).lower()
    assert "ice off" in announce and "skin" in announce
    assert rig.api.invalid == []
    assert said(set_reply, "timer_set", minutes=15)
    assert set_reply.ends_session

    assert device.wait(12 * 60) == []
    during = device.launch()
    assert {12, 3} <= numbers(during.text)  # 12 minutes on, 3 to go
    assert steps_spoken(during, "ice") == []

    rung = device.wait(3 * 60)
    assert len(rung) == 1 and "ice off" in rung[0].lower()

    after = device.launch()
    assert said(after, "time_up", pack="ice")
    assert steps_spoken(after, "ice") == [4]  # check your skin
    assert not after.ends_session

    assert steps_spoken(device.say("next"), "ice") == [5]
    done = device.say("next")
    assert said(done, "routine_done", name="ice session")
    assert said(done, "reminder_offer", hours=2)
    assert done.reprompt and not done.ends_session

    asked = device.say("yes")
    assert asked.consent_scope == REMINDERS
    assert "shouldEndSession" not in asked.response

    reminded = device.consent("ACCEPTED")
    [reminder] = rig.reminders_created()
    assert reminder["trigger"] == {"type": "SCHEDULED_RELATIVE", "offsetInSeconds": 7200}
    assert 2 in numbers(reminded.text)
    assert reminded.ends_session
    assert rig.api.invalid == []
    assert rig.state(device).routine is None


def test_timer_starts_without_a_consent_question_when_permission_is_granted(
    rig: Rig, device: Device
) -> None:
    device.granted.add(TIMERS)
    timed = ice_to_timer(device)
    assert timed.consent_scope is None
    assert not any(d.get("type") == "Connections.SendRequest" for d in timed.directives)
    [timer] = rig.timers_created()
    assert timer["duration"] == "PT15M"
    assert said(timed, "timer_set", minutes=15)
    assert timed.ends_session
    assert rig.api.invalid == []


def test_reminder_is_set_at_once_when_reminders_permission_is_granted(
    rig: Rig, device: Device
) -> None:
    device.granted |= {TIMERS, REMINDERS}
    ice_to_timer(device)
    device.wait(15 * 60)
    device.launch()
    walk(device, "next", 2)
    reminded = device.say("yes")
    assert reminded.consent_scope is None
    assert [r["trigger"]["offsetInSeconds"] for r in rig.reminders_created()] == [7200]
    assert said(reminded, "reminder_set", hours=2)
    assert reminded.ends_session
