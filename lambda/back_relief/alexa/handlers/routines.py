"""Guided routines: start, navigate, and the timer/reminder consent round trips."""

from __future__ import annotations

from datetime import UTC, datetime

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ...routines import engine
from ...routines.engine import CancelTimer, Effect, Nav, StartTimer
from .. import services
from ..interceptors import get_turn
from ..turn import Turn
from .base import intent_name, request_type, respond, slot

NAV_INTENTS: dict[str, str] = {
    "AMAZON.NextIntent": "next",
    "AMAZON.PreviousIntent": "previous",
    "AMAZON.RepeatIntent": "repeat",
    "AMAZON.PauseIntent": "pause",
    "AMAZON.ResumeIntent": "resume",
    "AMAZON.StartOverIntent": "start_over",
    "SkipIntent": "skip",
    "TimeLeftIntent": "time_left",
    "WhichStepIntent": "where",
}


def apply(handler_input: HandlerInput, turn: Turn, effects: list[Effect]) -> None:
    """Render effects; timer effects call the Timers API and feed the outcome back in."""
    for effect in effects:
        if isinstance(effect, StartTimer):
            turn.render([])
            _start_timer(handler_input, turn, effect)
        elif isinstance(effect, CancelTimer):
            if turn.permissions.get(services.TIMERS_SCOPE) and turn.affords(turn.api_worst_seconds):
                services.cancel_timer(handler_input, effect.timer_id)
        else:
            turn.render([effect])


def run(handler_input: HandlerInput, event: engine.Event) -> Response:
    turn = get_turn(handler_input)
    if turn.store_failed and turn.routine is None and isinstance(event, Nav):
        # Their progress is out of reach: "no timer" or "no routine" would be a guess told
        # as fact, and a pack may be on, so a stop still says to take it off.
        turn.say("routine_stop" if event.action == "stop" else "store_unavailable")
        turn.reply.end()
        return respond(handler_input)
    apply(handler_input, turn, turn.run(event))
    return respond(handler_input)


def _start_timer(handler_input: HandlerInput, turn: Turn, timer: StartTimer) -> None:
    if not turn.permissions.get(services.TIMERS_SCOPE):
        routine = turn.routine
        pack = routine.pack_for(turn.state.step) if routine else ""
        turn.say("timer_permission_reason", pack=pack)
        turn.reply.directives.append(services.ask_for(services.TIMERS_SCOPE))
        turn.reply.awaiting_consent = True
        return
    timer_id = None
    if turn.affords(turn.api_worst_seconds):
        timer_id = services.create_timer(
            handler_input, timer.seconds, timer.label, timer.announce, turn.content.locale
        )
    outcome: engine.Event = (
        engine.TimerStarted(timer_id) if timer_id is not None else engine.TimerUnavailable("error")
    )
    apply(handler_input, turn, turn.run(outcome))


class StartRoutineHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "StartRoutineIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        _, routine_id = slot(handler_input, "Routine")
        if routine_id not in turn.content.routines:
            turn.say("which_routine")
            turn.reply.ask(turn.content.message("which_routine_reprompt"))
            return respond(handler_input)
        raw_minutes, _ = slot(handler_input, "Minutes")
        minutes = int(raw_minutes) if raw_minutes and raw_minutes.isdigit() else None
        return run(handler_input, engine.Start(str(routine_id), minutes))


class NavigationHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in NAV_INTENTS

    def handle(self, handler_input: HandlerInput) -> Response:
        action = NAV_INTENTS[intent_name(handler_input)]
        return run(handler_input, Nav(action))  # type: ignore[arg-type]


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
            routine_id = turn.profile.get("reminder_for") or ""
            turn.permissions[services.REMINDERS_SCOPE] = accepted
            if accepted and routine_id in turn.content.routines:
                create_reminder(handler_input, turn, routine_id)
            else:
                turn.say("reminder_manual")
                turn.reply.end()
            return respond(handler_input)
        turn.permissions[services.TIMERS_SCOPE] = accepted
        if accepted:
            event: engine.Event = engine.PermissionGranted()
        else:
            event = engine.TimerUnavailable("denied" if status == "DENIED" else "not_answered")
        effects = turn.run(event)
        if not effects:  # a replayed or stray response: nothing is waiting for it
            turn.say("what_next")
            turn.reply.ask(turn.content.message("what_next_reprompt"))
        apply(handler_input, turn, effects)
        return respond(handler_input)


def create_reminder(handler_input: HandlerInput, turn: Turn, routine_id: str) -> None:
    routine = turn.content.routines[routine_id]
    if not turn.permissions.get(services.REMINDERS_SCOPE):
        turn.profile["reminder_for"] = routine_id
        turn.dirty = True
        turn.reply.directives.append(services.ask_for(services.REMINDERS_SCOPE))
        turn.reply.awaiting_consent = True
        return
    now = datetime.fromtimestamp(turn.now, UTC).replace(tzinfo=None)
    text = turn.content.message("reminder_text", name=routine.name)
    ok = turn.affords(turn.api_worst_seconds) and services.create_reminder(
        handler_input, routine.reminder_hours * 3600, text, turn.content.locale, now
    )
    turn.say("reminder_set" if ok else "reminder_failed", hours=routine.reminder_hours)
    turn.profile.pop("reminder_for", None)
    turn.reply.end()
