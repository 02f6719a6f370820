"""Launch, yes/no follow-ups, built-in intents, session end, forget-me and errors."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components.exception_components import AbstractExceptionHandler
from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ...routines import engine
from ...routines.engine import Nav, Relaunch, State, abandon
from ...safety.tiers import Tier
from ...store import StoreError, StoreFactory
from .. import pending, ssml
from ..effects import perform
from ..first import early
from ..interceptors import TURN, get_turn, log_fields
from ..turn import Turn
from .answers import say_answer
from .base import intent_name, request_type, respond
from .routines import create_reminder, run, say_reminder_words, start
from .safety import (
    add_safety_net,
    answer_confirmation,
    ask_again,
    red_flag_text,
    say_warning_signs,
)

log = logging.getLogger("back_relief")


class LaunchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == "LaunchRequest"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        if turn.sync.failed:
            turn.say("store_unavailable")
        launches = int(turn.profile.get("launches", 0))
        turn.profile["launches"] = launches + 1
        turn.sync.dirty = True
        first = not turn.profile.get("welcomed")
        if first:
            turn.say("welcome_first")
            turn.profile["welcomed"] = True
        elif turn.state.routine is None:
            # One breath: a short greeting and one rotating reminder line.
            lines: list[str] = turn.content.messages["reminder_lines"]
            turn.say("welcome_back")
            turn.reply.say(lines[launches % len(lines)])
        if turn.routine is not None:
            perform(handler_input, turn, Relaunch())
        else:
            turn.say("what_short")
            turn.reply.ask(turn.content.message("what_next_reprompt"))
        return respond(handler_input)


class YesNoHandler(AbstractRequestHandler):
    """A bare yes or no answers whatever the previous turn asked (Turn.pending_in).

    With no question open, "yes", "okay" or "carry on" in a routine mean keep going."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in ("AMAZON.YesIntent", "AMAZON.NoIntent")

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        yes = intent_name(handler_input) == "AMAZON.YesIntent"
        asked = turn.pending_in
        match asked:
            case pending.ConfirmRedFlag():
                answer_confirmation(turn, asked, yes)
            case pending.Resume() if yes:
                return run(handler_input, Nav("repeat"))
            case pending.Offer(routine) if yes and routine in turn.content.routines:
                return start(handler_input, routine)
            case pending.Reminder(routine) if routine in turn.content.routines:
                if not yes:
                    say_reminder_words(turn, "reminder_manual", routine)
                else:
                    create_reminder(handler_input, turn, routine)
            case pending.Gentler() if yes:
                return run(handler_input, engine.Gentler())
            case pending.Gentler() | pending.StopOffer() if not yes:
                _pain_declined(turn, asked)
            case pending.StopOffer():
                return run(handler_input, Nav("stop"))
            case pending.Hear(answer) if yes and answer in turn.content.answers:
                say_answer(turn, answer)
            case pending.WarningMore() if yes:
                turn.reply.say(turn.content.warning_signs["more"])
            case pending.WarningMore():
                turn.say("warning_more_decline")
            case pending.SymptomWarning() if yes:
                say_warning_signs(turn)
            case pending.GapAlternative() if yes:
                turn.say("cold_gap_choice")
                turn.ask(pending.GapAlternative(), turn.content.message("cold_gap_choice"))
            case None if turn.routine is not None and yes:
                return run(handler_input, Nav("continue"))
            case None:
                turn.say("what_next")
                turn.reply.ask(turn.content.message("what_next_reprompt"))
            case _:
                turn.say("offer_declined")
                turn.say("anything_else")
        return respond(handler_input)


def _pain_declined(turn: Turn, asked: pending.Pending) -> None:
    """No to "a gentler stretch?" means stop; no to "stop here?" means carry on later."""
    if isinstance(asked, pending.Gentler):
        turn.say("pain_rest")
        turn.set_state(abandon(turn.state, turn.now, turn.content.routines))
        turn.reply.end()
    else:
        turn.say("pain_continue")
        turn.reply.ask(turn.content.message("step_reprompt"))


class HelpHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "AMAZON.HelpIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        if turn.routine is not None:
            turn.say("help_routine")
            return run(handler_input, Nav("where"))
        turn.say("help")
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


class ThanksHandler(AbstractRequestHandler):
    """ "Thanks, that helped": answered, then whatever was going on goes on. In a routine the
    step waits for next; a red-flag question stays open (asked again: thanks is not an answer);
    any other offer is taken as politely declined, and the thanks ends the session."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "ThanksIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        turn.say("thanks")
        if ask_again(turn):
            return respond(handler_input)
        if turn.routine is not None:
            turn.pending = turn.pending_in
            turn.say("step_reprompt")
            turn.reply.ask(turn.content.message("step_reprompt"))
        else:
            turn.say("goodbye")
            turn.reply.end()
        return respond(handler_input)


class FallbackHandler(AbstractRequestHandler):
    """AMAZON.FallbackIntent, and any intent name this skill does not know."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == "IntentRequest"

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        # "maybe", "kind of": no words reach us, and an open red-flag question (with its
        # number) matters more than the menu.
        if ask_again(turn, "confirm_again"):
            return respond(handler_input)
        in_routine = turn.state.routine is not None
        turn.say("fallback_routine" if in_routine else "fallback")
        add_safety_net(handler_input, turn)  # FallbackIntent carries no words for triage
        turn.pending = turn.pending_in  # a stray word must not lose the open question
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
    turn.sync.forgotten = True
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
