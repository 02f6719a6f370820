"""Guided routines: start, navigate, pick a stretch, pain, and the consent round trips.

Every handler here turns the request into one engine event and hands it to effects.perform.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ...routines import engine
from ...routines.engine import Nav
from ...text import word_set
from .. import pending, services
from ..effects import perform
from ..interceptors import get_turn, slot_texts
from ..turn import Turn
from .answers import FREE_TEXT_SLOTS, answer_open_slot, say_answer
from .base import intent_name, request_type, respond, slot

NAV_INTENTS: dict[str, str] = {
    "AMAZON.NextIntent": "next",
    "AMAZON.PreviousIntent": "previous",
    "AMAZON.RepeatIntent": "repeat",
    "AMAZON.PauseIntent": "pause",
    # "continue", "carry on": keep going (a paused routine says its step again)
    "AMAZON.ResumeIntent": "continue",
    "AMAZON.StartOverIntent": "start_over",
    "SkipIntent": "skip",
    "TimeLeftIntent": "time_left",
    "WhichStepIntent": "where",
}
PAIN_INTENT = "ExercisePainIntent"
# Time left with no routine going: the ice session is the skill's commonest timed step.
IDLE_TIME_LEFT_ANSWER = "ice_duration"


def run(handler_input: HandlerInput, event: engine.Event) -> Response:
    turn = get_turn(handler_input)
    if turn.sync.failed and turn.routine is None and isinstance(event, Nav):
        # Their progress is out of reach: "no timer" or "no routine" would be a guess told
        # as fact, and a pack may be on, so a stop still says to take it off.
        turn.say("routine_stop" if event.action == "stop" else "store_unavailable")
        turn.reply.end()
        return respond(handler_input)
    perform(handler_input, turn, event)
    _note_practiced(turn)
    return respond(handler_input)


def _note_practiced(turn: Turn) -> None:
    """Once a user reaches a timed step, next time they may skip to it (the fast path)."""
    if turn.state.status != "timing" or turn.state.routine is None:
        return
    practiced = _practiced(turn)
    if turn.state.routine not in practiced:
        turn.profile["practiced"] = " ".join(sorted(practiced | {turn.state.routine}))
        turn.sync.dirty = True


def _practiced(turn: Turn) -> set[str]:
    """The routines this user has reached a timed step of (stored as space-separated ids)."""
    return set(str(turn.profile.get("practiced", "")).split())


def start(handler_input: HandlerInput, routine_id: str, minutes: int | None = None) -> Response:
    turn = get_turn(handler_input)
    quick = routine_id in _practiced(turn)
    return run(handler_input, engine.Start(routine_id, minutes, quick=quick))


_TELL_ME = word_set("tips tip advice info information ideas idea guidance facts help")


class StartRoutineHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "StartRoutineIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        raw, routine_id = slot(handler_input, "Routine")
        if routine_id not in turn.content.routines:
            # A name is a word or two ("frozen towel"): that is still a routine asked for by
            # name; three words or more ("rub it where") may be a question, and so are words
            # that ask to be told ("massage tips", "ice advice").
            said = (raw or "").lower().split()
            question = len(said) >= 3 or bool(_TELL_ME.intersection(said))
            answered = answer_open_slot(handler_input, raw) if question else None
            if answered is not None:
                return answered
            turn.say("which_routine")
            turn.reply.ask(turn.content.message("which_routine_reprompt"))
            return respond(handler_input)
        raw_minutes, _ = slot(handler_input, "Minutes")
        minutes = int(raw_minutes) if raw_minutes and raw_minutes.isdigit() else None
        return start(handler_input, str(routine_id), minutes)


class NavigationHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in NAV_INTENTS

    def handle(self, handler_input: HandlerInput) -> Response:
        action = NAV_INTENTS[intent_name(handler_input)]
        turn = get_turn(handler_input)
        if action == "time_left" and turn.routine is None and not turn.sync.failed:
            # "When do I take the ice off?" with nothing of ours running: they may be timing
            # it themselves (an Alexa timer), so the answer is how long ice stays on.
            turn.say("no_timer")
            say_answer(turn, IDLE_TIME_LEFT_ANSWER)
            return respond(handler_input)
        return run(handler_input, Nav(action))  # type: ignore[arg-type]


class PickStretchHandler(AbstractRequestHandler):
    """ "Do the knee rolls", "just the cat-cow": one stretch by name."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "PickStretchIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        raw, stretch_id = slot(handler_input, "Stretch")
        if not stretch_id or stretch_id not in turn.content.stretches:
            answered = answer_open_slot(handler_input, raw)
            if answered is not None:
                return answered
            turn.say("stretch_unknown")
            turn.reply.ask(turn.content.message("stretch_unknown"))
            return respond(handler_input)
        return run(handler_input, engine.Pick("stretches", (stretch_id,)))


class SeatedVersionHandler(AbstractRequestHandler):
    """ "The chair version": the stretches that need no floor."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "SeatedVersionIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        stretches = get_turn(handler_input).content.routines["stretches"]
        return run(handler_input, engine.Pick(stretches.id, stretches.seated))


def hurts(turn: Turn, texts: list[str]) -> bool:
    """Whether the user's words say the exercise hurts (content: messages.pain_words)."""
    words: list[str] = turn.content.messages["pain_words"]
    said = " " + " ".join(re.findall(r"[a-z']+", " ".join(texts).lower())) + " "
    return any(f" {word} " in said for word in words)


class ExercisePainHandler(AbstractRequestHandler):
    """ "Ouch", "that hurts", "this is making it worse" mid-routine: stop that exercise.

    Registered after the red-flag handler, so triage has already read the same words."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        name = intent_name(handler_input)
        if name == PAIN_INTENT:
            return True
        turn = get_turn(handler_input)
        if turn.routine is None or name not in FREE_TEXT_SLOTS:
            return False
        return hurts(turn, slot_texts(handler_input, turn.content.carriers))

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        if turn.routine is None:
            turn.say("symptom_no_flag")
            turn.ask(pending.SymptomWarning(), turn.content.message("symptom_no_flag_reprompt"))
            return respond(handler_input)
        return run(handler_input, engine.Pain())


class ConsentResponseHandler(AbstractRequestHandler):
    """Connections.Response to our AskFor: ACCEPTED / DENIED / NOT_ANSWERED."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == "Connections.Response"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        request = handler_input.request_envelope.request
        payload = getattr(request, "payload", None) or {}
        status = str(payload.get("status", "NOT_ANSWERED")) if isinstance(payload, dict) else ""
        scope = payload.get("permissionScope") if isinstance(payload, dict) else None
        accepted = status == "ACCEPTED"
        if scope == services.REMINDERS_SCOPE:
            routine_id = str(turn.profile.get("reminder_for") or "")
            turn.permissions[services.REMINDERS_SCOPE] = accepted
            if routine_id in turn.content.routines:
                if accepted:
                    create_reminder(handler_input, turn, routine_id)
                else:
                    say_reminder_words(turn, "reminder_manual", routine_id)
            else:
                turn.say("what_next")
                turn.reply.ask(turn.content.message("what_next_reprompt"))
            return respond(handler_input)
        turn.permissions[services.TIMERS_SCOPE] = accepted
        if accepted:
            event: engine.Event = engine.PermissionGranted()
        else:
            event = engine.TimerUnavailable("denied" if status == "DENIED" else "not_answered")
        waiting = turn.state.status == "timing" and turn.state.awaiting_timer
        if not waiting:  # a replayed or stray response: nothing is waiting for it
            turn.say("what_next")
            turn.reply.ask(turn.content.message("what_next_reprompt"))
        return run(handler_input, event)


def say_reminder_words(turn: Turn, key: str, routine_id: str) -> None:
    """No reminder from us: tell them the words that ask Alexa for one."""
    routine = turn.content.routines[routine_id]
    turn.say(key, hours=routine.reminder_hours, name=routine.name)
    turn.profile.pop("reminder_for", None)
    turn.sync.dirty = True
    turn.reply.end()


def create_reminder(handler_input: HandlerInput, turn: Turn, routine_id: str) -> None:
    routine = turn.content.routines[routine_id]
    if not turn.permissions.get(services.REMINDERS_SCOPE):
        turn.profile["reminder_for"] = routine_id
        turn.sync.dirty = True
        turn.reply.directives.append(services.ask_for(services.REMINDERS_SCOPE))
        turn.reply.awaiting_consent = True
        return
    now = datetime.fromtimestamp(turn.now, UTC).replace(tzinfo=None)
    text = turn.content.message("reminder_text", name=routine.name)
    ok = turn.affords_api_call() and services.create_reminder(
        handler_input, routine.reminder_hours * 3600, text, turn.content.locale, now
    )
    if not ok:
        say_reminder_words(turn, "reminder_failed", routine_id)
        return
    turn.say("reminder_set", hours=routine.reminder_hours)
    turn.profile.pop("reminder_for", None)
    turn.reply.end()
