"""One breath (issue 14 item 6): every routine, every answer, every locale, walked turn by turn.

Limits: first-launch welcome 45 words with its safety line; a relaunch greeting 20; any
routine turn, help, the warning signs (and their "more") 50, not counting paced counts; no
sentence twice in a turn or in two adjacent turns; nothing that needs hands. The longest
figures are printed (run with -s) for the closing note.
"""

from __future__ import annotations

from back_relief.content import loader
from back_relief.simulator.conversation import Device, Reply

from tests.conversation.breath import Longest, check_turn
from tests.conversation.talk import REMINDERS, TIMERS, Rig

LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
FIRST, RELAUNCH, TURN = 45, 20, 50


def _device(rig: Rig, locale: str, who: str) -> Device:
    device = rig.device(user_id=f"amzn1.ask.account.{locale}.{who}")
    device.locale = locale
    rig.api.clock = lambda: device.now
    return device


def _walk_routine(
    rig: Rig, device: Device, routine_id: str, longest: Longest, consent: str = "ACCEPTED"
) -> None:
    where = f"{device.locale} {routine_id} (timer {consent})"
    previous: Reply | None = None
    reply = device.intent("StartRoutineIntent", {"Routine": (routine_id, routine_id)})
    for turn in range(60):
        longest.note("routine turn", check_turn(reply, previous, TURN, f"{where} #{turn}"), where)
        previous = reply
        state = rig.state(device)
        if reply.consent_scope == TIMERS:
            reply = device.consent(consent)
        elif reply.consent_scope == REMINDERS:
            reply = device.consent("DENIED")
        elif state.status == "timing":
            device.wait(state.timer_seconds)  # the timer rings; the user opens the skill
            reply = device.launch()
        elif state.routine is None and reply.keeps_session:
            reply = device.say("no")  # a reminder offer
        elif state.routine is None:
            return
        else:
            reply = device.say("next")
    raise AssertionError(f"{where}: the routine never ended")


def test_every_routine_and_answer_fits_one_breath_in_every_locale(rig: Rig) -> None:
    longest = Longest()
    for locale in LOCALES:
        content = loader.load(locale)
        for routine_id in content.routines:
            device = _device(rig, locale, routine_id)
            device.granted.add(TIMERS)
            first = device.launch()
            longest.note("first launch", check_turn(first, None, FIRST, locale), locale)
            _walk_routine(rig, device, routine_id, longest)
            device.wait(3 * 3600)
            again = device.launch()
            longest.note("relaunch", check_turn(again, None, RELAUNCH, locale), locale)
            refused = _device(rig, locale, f"{routine_id}-refused")
            refused.launch()
            _walk_routine(rig, refused, routine_id, longest, consent="DENIED")

        device = _device(rig, locale, "answers")
        device.launch()
        for intent, answer_id in sorted(content.intent_answers.items()):
            device.wait(60)
            reply = device.intent(intent)
            where = f"{locale} answer {answer_id}"
            longest.note("answer", check_turn(reply, None, TURN, where), where)
        # Mid-routine an answer ends on "carry on?" instead of its own offer: still one breath.
        device.wait(60)
        for intent, answer_id in sorted(content.intent_answers.items()):
            if rig.state(device).routine is None:  # a red-flag answer ends the routine
                device.intent("StartRoutineIntent", {"Routine": ("heat", "heat")})
            reply = device.intent(intent)
            where = f"{locale} answer {answer_id} mid-routine"
            longest.note("answer mid-routine", check_turn(reply, None, TURN, where), where)
        in_routine = device.say("help")
        longest.note("help in a routine", check_turn(in_routine, None, TURN, locale), locale)
        device.say("stop")
        device.wait(60)
        help_reply = device.say("help")
        longest.note("help", check_turn(help_reply, None, TURN, locale), locale)
        device.wait(60)
        signs = device.say("what are the warning signs")
        longest.note("warning signs", check_turn(signs, None, TURN, locale), locale)
        more = device.say("yes")
        longest.note("warning signs more", check_turn(more, signs, TURN, locale), locale)
    print("\nlongest (words):")
    for kind, (count, where) in sorted(longest.seen.items()):
        print(f"  {kind}: {count} ({where})")
    assert set(longest.seen) >= {"first launch", "relaunch", "routine turn", "answer", "help"}
