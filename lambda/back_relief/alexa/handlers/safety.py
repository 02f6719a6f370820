"""Red flags first: a tier found in any slot text answers before any other handler."""

from __future__ import annotations

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ...content.loader import Content
from ...routines.engine import State
from ...safety.triage import Finding, Tier
from ..interceptors import get_turn
from ..turn import Turn
from .base import intent_name, respond

TIER_KEYS = {
    Tier.EMERGENCY: "emergency",
    Tier.SAME_DAY: "same_day",
    Tier.WITHIN_DAYS: "within_days",
}


class RedFlagHandler(AbstractRequestHandler):
    """Runs before every other handler (registered first)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        turn = get_turn(handler_input)
        return turn.finding is not None and turn.finding.tier > Tier.NONE

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        assert turn.finding is not None
        title, text = red_flag_text(turn.content, turn.finding)
        turn.reply.say(text)
        turn.reply.card = (title, text)
        if turn.finding.tier == Tier.EMERGENCY:
            # No routine in the same breath as an emergency line (reference 1.3): drop the
            # routine, but leave any Alexa timer running — it still says "take the ice off".
            turn.set_state(State(last_cold_end=turn.state.last_cold_end))
            turn.reply.end()
        else:
            turn.reply.ask(turn.content.message("anything_else_reprompt"))
        return respond(handler_input)


def red_flag_text(content: Content, finding: Finding) -> tuple[str, str]:
    """(card title, spoken line) for a finding: the trigger's own line, else its tier's."""
    tier = TIER_KEYS[finding.tier]
    trigger = content.triggers.get(finding.trigger, {})
    return content.tiers[tier]["title"], str(trigger.get("say") or content.tiers[tier]["say"])


def say_warning_signs(turn: Turn) -> None:
    signs = turn.content.warning_signs
    turn.reply.say(signs["part1"])
    turn.reply.say(signs["part2"])
    turn.reply.card = (signs["title"], f"{signs['part1']} {signs['part2']}")
    turn.set_pending("warning_more")
    turn.reply.ask(signs["part2"].split(". ")[-1])


class WarningSignsHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "WarningSignsIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        say_warning_signs(get_turn(handler_input))
        return respond(handler_input)
