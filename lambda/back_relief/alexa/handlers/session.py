"""Launch, yes/no follow-ups, built-in intents, session end, forget-me and errors."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components.exception_components import AbstractExceptionHandler
from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ...routines import engine
from ...routines.engine import Nav, Relaunch, State
from ...safety.triage import Tier
from ...store import StoreError, StoreFactory
from .. import ssml
from ..first import early
from ..interceptors import TURN, get_turn, log_fields
from ..turn import Turn
from .base import intent_name, request_type, respond
from .routines import apply, create_reminder, run
from .safety import CONFIRM, add_safety_net, answer_confirmation, red_flag_text, say_warning_signs

log = logging.getLogger("back_relief")


class LaunchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == "LaunchRequest"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        if turn.store_failed:
            turn.say("store_unavailable")
        launches = int(turn.profile.get("launches", 0))
        turn.profile["launches"] = launches + 1
        turn.dirty = True
        if not turn.profile.get("welcomed"):
            turn.say("welcome_first")
            turn.profile["welcomed"] = True
        elif turn.state.routine is None:
            lines: list[str] = turn.content.messages["reminder_lines"]
            turn.say("welcome_back")
            turn.reply.say(lines[launches % len(lines)])
        effects = turn.run(Relaunch())
        if effects:
            apply(handler_input, turn, effects)
            if turn.state.pending == "resume" and turn.routine is not None:
                turn.reply.ask(turn.content.message("routine_carry_on", name=turn.routine.name))
        else:
            turn.say("what_next")
            turn.reply.ask(turn.content.message("what_next_reprompt"))
        return respond(handler_input)


class YesNoHandler(AbstractRequestHandler):
    """A bare yes or no answers whatever the previous turn asked (Turn.pending_in)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in ("AMAZON.YesIntent", "AMAZON.NoIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        yes = intent_name(handler_input) == "AMAZON.YesIntent"
        pending = turn.pending_in or ""
        kind, _, arg = pending.partition(":")
        if kind == CONFIRM:
            answer_confirmation(turn, arg, yes)
            return respond(handler_input)
        if kind == "resume" and yes:
            return run(handler_input, Nav("resume"))
        if kind == "offer" and yes:
            return run(handler_input, engine.Start(arg))
        if kind == "reminder" and yes and arg in turn.content.routines:
            create_reminder(handler_input, turn, arg)
            return respond(handler_input)
        if kind == "warning_more" and yes:
            turn.reply.say(turn.content.warning_signs["more"])
        elif kind == "symptom_warning" and yes:
            say_warning_signs(turn)
        elif kind == "gap_alternative" and yes:
            turn.say("cold_gap_choice")
            turn.set_pending("gap_alternative")
            turn.reply.ask(turn.content.message("cold_gap_choice"))
        elif kind == "reminder":
            turn.say("reminder_manual")
            turn.reply.end()
        elif kind == "warning_more":
            turn.say("warning_more_decline")
        elif pending:
            turn.say("offer_declined")
            turn.say("anything_else")
        else:
            turn.say("what_next")
            turn.reply.ask(turn.content.message("what_next_reprompt"))
        return respond(handler_input)


class HelpHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "AMAZON.HelpIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        turn.say("help")
        if turn.routine is not None:
            return run(handler_input, Nav("where"))
        turn.reply.ask(turn.content.message("help_reprompt"))
        return respond(handler_input)


class StopHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in (
            "AMAZON.StopIntent",
            "AMAZON.CancelIntent",
            "AMAZON.NavigateHomeIntent",
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        return run(handler_input, Nav("stop"))


class FallbackHandler(AbstractRequestHandler):
    """AMAZON.FallbackIntent, and any intent name this skill does not know."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == "IntentRequest"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        in_routine = turn.state.routine is not None
        turn.say("fallback_routine" if in_routine else "fallback")
        add_safety_net(handler_input, turn)  # FallbackIntent carries no words for triage
        turn.set_pending(turn.pending_in)  # a stray word must not lose the open question
        turn.reply.ask(turn.content.message("fallback_reprompt"))
        return respond(handler_input)


class ForgetMeHandler(AbstractRequestHandler):
    def __init__(self, store: StoreFactory) -> None:
        self._store = store

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "ForgetMeIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        if forget(self._store, turn):
            turn.say("forget_done")
            turn.reply.end()
        else:
            turn.say("forget_failed")
        return respond(handler_input)


def forget(store: StoreFactory, turn: Turn) -> bool:
    if not turn.user_key:  # no key could be made (no secret): nothing can be found to delete
        return False
    try:
        store().delete(turn.user_key)
    except StoreError:
        log.warning("store_delete_failed")
        return False
    turn.forgotten = True
    turn.state = State()
    return True


class SessionEndedHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == "SessionEndedRequest"

    def handle(self, handler_input: HandlerInput) -> Response:
        request = handler_input.request_envelope.request
        error = getattr(request, "error", None)
        if error is not None:
            log.warning(
                "session_ended_error", extra={"error": str(getattr(error, "object_type", ""))}
            )
        return handler_input.response_builder.response


class SkillDisabledHandler(AbstractRequestHandler):
    """The user disabled the skill: delete what we kept about them (issue 9)."""

    def __init__(self, store: StoreFactory) -> None:
        self._store = store

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == "AlexaSkillEvent.SkillDisabled"

    def handle(self, handler_input: HandlerInput) -> Response:
        forget(self._store, get_turn(handler_input))
        return handler_input.response_builder.response


class UnhandledRequestHandler(AbstractRequestHandler):
    """Request types we don't use (e.g. reminder events): acknowledge quietly."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


class CalmErrorHandler(AbstractExceptionHandler):
    """Last resort: a calm sorry, and a log line with the error type only (no user text)."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        turn = handler_input.attributes_manager.request_attributes.get(TURN)
        fields = log_fields(handler_input, turn if isinstance(turn, Turn) else None)
        log.error("handler_error", extra=fields | {"error": type(exception).__name__})
        builder = handler_input.response_builder
        triage = early(handler_input)
        if triage.red_flag and triage.finding is not None:
            # Whatever broke, a red flag still gets its line (the emergency number included).
            _, text = red_flag_text(triage.content, triage.finding)
            builder.speak(ssml.speak([ssml.escape(text)]))
            emergency = triage.finding.tier == Tier.EMERGENCY
            if not emergency:
                reprompt = triage.content.message("anything_else_reprompt")
                builder.ask(ssml.speak([ssml.escape(reprompt)]))
            return builder.set_should_end_session(emergency).response
        content = triage.content
        builder.speak(ssml.speak([ssml.escape(content.message("error"))]))
        builder.ask(ssml.speak([ssml.escape(content.message("error_reprompt"))]))
        return builder.response
