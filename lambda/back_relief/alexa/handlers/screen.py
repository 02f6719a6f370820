"""Touches on the Echo Show screen: the Next / Repeat / Stop buttons of the step screen.

A button sends Alexa.Presentation.APL.UserEvent with arguments ["nav", action]; it runs the
very same routine event as the spoken command, so touch and voice can never disagree.
"""

from __future__ import annotations

from typing import Any

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

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
