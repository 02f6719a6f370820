"""Shared pieces for handlers: matching requests and turning a Turn's Reply into a Response."""

from __future__ import annotations

from typing import Any

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response
from ask_sdk_model.ui.simple_card import SimpleCard

from ...content.numbers import digits
from .. import ssml
from ..interceptors import get_turn
from ..turn import Turn


def request_type(handler_input: HandlerInput) -> str:
    return str(getattr(handler_input.request_envelope.request, "object_type", "") or "")


def intent_name(handler_input: HandlerInput) -> str:
    if request_type(handler_input) != "IntentRequest":
        return ""
    intent = getattr(handler_input.request_envelope.request, "intent", None)
    return str(getattr(intent, "name", "") or "")


def slot(handler_input: HandlerInput, name: str) -> tuple[str | None, str | None]:
    """(raw value, resolved id) of a slot; either may be None."""
    intent = getattr(handler_input.request_envelope.request, "intent", None)
    found: Any = (getattr(intent, "slots", None) or {}).get(name)
    if found is None:
        return None, None
    value = found.value if isinstance(found.value, str) and found.value.strip() else None
    for authority in getattr(found.resolutions, "resolutions_per_authority", None) or []:
        code = getattr(getattr(authority.status, "code", None), "value", None)
        resolved: Any = getattr((authority.values or [None])[0], "value", None)
        resolved_id = getattr(resolved, "id", None)
        if code == "ER_SUCCESS_MATCH" and resolved_id is not None:
            return value, str(resolved_id)
    return value, None


def screen_supported(handler_input: HandlerInput) -> bool:
    """Whether the device shows APL screens (apl.supported, without importing the screens)."""
    context = handler_input.request_envelope.context
    device = getattr(getattr(context, "system", None), "device", None)
    interfaces = getattr(device, "supported_interfaces", None)
    return getattr(interfaces, "alexa_presentation_apl", None) is not None


def respond(handler_input: HandlerInput) -> Response:
    """Build the response from the Turn: speech, reprompt, card, directives, session end."""
    turn = get_turn(handler_input)
    reply = turn.reply
    if reply.awaiting_consent:
        reply.reprompt, reply.end_session = None, None
    elif reply.end_session is None:
        _default_listening(turn)
    builder = handler_input.response_builder
    speech = ssml.speak(reply.speech)
    builder.speak(speech)
    if reply.reprompt and not reply.end_session:
        builder.ask(ssml.speak([ssml.escape(reply.reprompt)]))
    for directive in reply.directives:
        builder.add_directive(directive)
    if screen_supported(handler_input):
        # Screens (apl, layout, fit: ~2 ms of a cold start) load on the first APL device's turn.
        from .. import apl

        screen = apl.directive(turn)
        if screen:
            builder.add_directive(screen)
    if reply.card:
        title, text = reply.card
        footer = turn.content.message("card_footer")
        # A card is read, not heard: numbers as digits (999, 911), as on screens.
        builder.set_card(SimpleCard(title=title, content=digits(f"{text}\n\n{footer}")))
    if reply.end_session is not None:
        builder.set_should_end_session(reply.end_session)
    return builder.response


def _default_listening(turn: Turn) -> None:
    """Keep the mic open with a useful reprompt, except after a one-shot answer."""
    reply = turn.reply
    if turn.state.routine and turn.state.status in ("active", "paused"):
        reply.ask(turn.content.message("step_reprompt"))
    elif turn.new_session and turn.pending is None:
        reply.end()
    else:
        reply.ask(turn.content.message("anything_else_reprompt"))
