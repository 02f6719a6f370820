"""The one place where the engine's effects become a reply.

`perform` is a loop over events, not recursion: an effect that needs the Alexa API (a timer)
makes the call here and its outcome goes back into the queue as an event like any other.
Questions the engine asks (Ask, OfferReminder) become the turn's pending value plus an
explicit reprompt from the content; nothing is cut out of prose.
"""

from __future__ import annotations

from collections import deque

from ask_sdk_core.handler_input import HandlerInput

from ..routines import engine
from ..routines.events import (
    Ask,
    CancelTimer,
    Count,
    Effect,
    EndSession,
    Event,
    OfferReminder,
    Say,
    StartTimer,
)
from . import pending, services
from .steps import count_ssml, step_text
from .turn import Turn

# An event's effects may call the API at most once (one timer), whose outcome is one more
# event: a queue this long means a bug, and the loop stops rather than spin.
MAX_EVENTS = 4


def perform(handler_input: HandlerInput, turn: Turn, first: Event) -> None:
    events: deque[Event] = deque([first])
    handled = 0
    while events and handled < MAX_EVENTS:
        handled += 1
        for effect in turn.run(events.popleft()):
            outcome = _apply(handler_input, turn, effect)
            if outcome is not None:
                events.append(outcome)


def _apply(handler_input: HandlerInput, turn: Turn, effect: Effect) -> Event | None:
    if isinstance(effect, StartTimer):
        return _start_timer(handler_input, turn, effect)
    if isinstance(effect, CancelTimer):
        if turn.permissions.get(services.TIMERS_SCOPE) and turn.affords_api_call():
            services.cancel_timer(handler_input, effect.timer_id)
    else:
        render(turn, effect)
    return None


def render(turn: Turn, effect: Effect) -> None:
    """Speech and session control for one effect that needs no API."""
    content, reply = turn.content, turn.reply
    if isinstance(effect, Say):
        if effect.key in ("step", "paced"):
            routine = turn.routine
            if routine is not None:
                said = step_text(routine, turn.state, content)
                reply.ssml(said.paced if effect.key == "paced" else said.ssml)
        elif effect.key == "text":
            reply.say(str(effect.params["text"]))
        else:
            turn.say(effect.key, **effect.params)
    elif isinstance(effect, Count):
        reply.ssml(count_ssml(effect.seconds, content))
    elif isinstance(effect, EndSession):
        reply.end()
    elif isinstance(effect, OfferReminder):
        routine = content.routines[effect.routine]
        turn.say("reminder_offer", hours=effect.hours)
        turn.ask(
            pending.Reminder(routine.id),
            content.message("reminder_offer_reprompt", hours=effect.hours),
        )
    elif isinstance(effect, Ask):
        _ask(turn, effect)


def _ask(turn: Turn, effect: Ask) -> None:
    content, routine = turn.content, turn.routine
    if effect.question == "resume" and routine is not None:
        turn.ask(pending.Resume(), content.message("routine_carry_on", name=routine.name))
    elif effect.question == "gap_alternative":
        turn.ask(pending.GapAlternative(), content.message("cold_gap_choice"))
    elif effect.question == "gentler" and routine is not None:
        reprompt = content.message("pain_gentler_reprompt", **effect.params)
        turn.ask(pending.Gentler(routine.id), reprompt)
    elif effect.question == "stop_offer":
        turn.ask(pending.StopOffer(), content.message("pain_stop_offer"))


def _start_timer(handler_input: HandlerInput, turn: Turn, timer: StartTimer) -> Event | None:
    if not turn.permissions.get(services.TIMERS_SCOPE):
        routine = turn.routine
        pack = routine.pack_for(turn.state.step) if routine else ""
        turn.say("timer_permission_reason", pack=pack)
        turn.reply.directives.append(services.ask_for(services.TIMERS_SCOPE))
        turn.reply.awaiting_consent = True
        return None  # the outcome arrives as the next request (Connections.Response)
    timer_id = None
    if turn.affords_api_call():
        timer_id = services.create_timer(
            handler_input, timer.seconds, timer.label, timer.announce, turn.content.locale
        )
    if timer_id is None:
        return engine.TimerUnavailable("error")
    return engine.TimerStarted(timer_id)
