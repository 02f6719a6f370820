"""Touches on the Echo Show screen: the step screen's Next / Repeat / Stop buttons, and the
launch screen's suggestions.

A step button sends Alexa.Presentation.APL.UserEvent with arguments ["nav", action]; it runs
the very same routine event as the spoken command. A suggestion sends ["say", id]; before
anything else reads the request, TouchAsSpeech replaces it with the IntentRequest that saying
the suggestion's words makes, so triage, handlers and the reply are those of the spoken
request by construction: touch and voice can never disagree.
"""

from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components.request_components import (
    AbstractRequestHandler,
    AbstractRequestInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import DialogState, Intent, IntentConfirmationStatus, IntentRequest, Slot
from ask_sdk_model.response import Response
from ask_sdk_model.slot_confirmation_status import SlotConfirmationStatus

from ...content import loader
from ...routines.engine import Nav
from ..interceptors import get_turn
from . import routines
from .base import request_type, respond

USER_EVENT = "Alexa.Presentation.APL.UserEvent"
TOUCH_ACTIONS: dict[str, Nav] = {
    "next": Nav("next"),
    "previous": Nav("previous"),
    "repeat": Nav("repeat"),
    "stop": Nav("stop"),
}


def touch_action(arguments: Any) -> Nav | None:
    """The routine command a UserEvent asks for; None for anything we did not send."""
    if not isinstance(arguments, list) or len(arguments) != 2 or arguments[0] != "nav":
        return None
    action = arguments[1]
    return TOUCH_ACTIONS.get(action) if isinstance(action, str) else None


def spoken_request(request: Any) -> IntentRequest | None:
    """The IntentRequest Alexa sends for a touched suggestion's words; None for any other
    touch. Slot values are resolved ids, as Alexa resolves the spoken synonyms to them."""
    arguments = getattr(request, "arguments", None)
    if not isinstance(arguments, list) or len(arguments) != 2 or arguments[0] != "say":
        return None
    content = loader.load(getattr(request, "locale", None))
    # Screens and the entity-resolution models (~1.5 ms) load on the first touch, not at INIT.
    from ask_sdk_model.slu.entityresolution import (
        Resolution,
        Resolutions,
        Status,
        StatusCode,
        Value,
        ValueWrapper,
    )

    from .. import apl

    chosen = next((s for s in apl.suggestions(content) if s["id"] == arguments[1]), None)
    if chosen is None:
        return None
    slots = {
        name: Slot(
            name=name,
            value=value,
            confirmation_status=SlotConfirmationStatus.NONE,
            resolutions=Resolutions(
                resolutions_per_authority=[
                    Resolution(
                        authority=f"back-relief.{name}",
                        status=Status(code=StatusCode.ER_SUCCESS_MATCH),
                        values=[ValueWrapper(value=Value(name=value, id=value))],
                    )
                ]
            ),
        )
        for name, value in (chosen.get("slots") or {}).items()
    }
    intent = Intent(
        name=chosen["intent"], confirmation_status=IntentConfirmationStatus.NONE, slots=slots
    )
    return IntentRequest(
        request_id=getattr(request, "request_id", None),
        timestamp=getattr(request, "timestamp", None),
        locale=getattr(request, "locale", None),
        dialog_state=DialogState.COMPLETED,
        intent=intent,
    )


class TouchAsSpeech(AbstractRequestInterceptor):
    """Registered before LoadTurn: a touched suggestion becomes the spoken request."""

    def process(self, handler_input: HandlerInput) -> None:
        if request_type(handler_input) != USER_EVENT:
            return
        spoken = spoken_request(handler_input.request_envelope.request)
        if spoken is not None:
            handler_input.request_envelope.request = spoken


class TouchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return request_type(handler_input) == USER_EVENT

    def handle(self, handler_input: HandlerInput) -> Response:
        arguments = getattr(handler_input.request_envelope.request, "arguments", None)
        event = touch_action(arguments)
        if event is not None:
            return routines.run(handler_input, event)
        # An old or foreign document's event: answer helpfully rather than fail.
        turn = get_turn(handler_input)
        if turn.routine is not None:
            turn.say("screen_touch_unknown")
            turn.reply.ask(turn.content.message("step_reprompt"))
        else:
            turn.say("what_next")
            turn.reply.ask(turn.content.message("what_next_reprompt"))
        return respond(handler_input)
