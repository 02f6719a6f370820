"""Red flags first: a tier found in any slot text answers before any other handler."""

from __future__ import annotations

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ...routines.engine import abandon
from ...safety.triage import Tier
from ..interceptors import get_turn
from ..pending import WarningMore
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
        tier = TIER_KEYS[turn.finding.tier]
        trigger = turn.content.triggers.get(turn.finding.trigger, {})
        text = trigger.get("say") or turn.content.tiers[tier]["say"]
        turn.reply.say(text)
        turn.reply.card = (turn.content.tiers[tier]["title"], text)
        if turn.finding.tier == Tier.EMERGENCY:
            # No routine in the same breath as an emergency line (reference 1.3): drop the
            # routine, but leave any Alexa timer running — it still says "take the ice off".
            turn.set_state(abandon(turn.state, turn.now, turn.content.routines))
            turn.reply.end()
        else:
            turn.reply.ask(turn.content.message("anything_else_reprompt"))
        return respond(handler_input)


def say_warning_signs(turn: Turn) -> None:
    signs = turn.content.warning_signs
    turn.reply.say(signs["part1"])
    turn.reply.say(signs["part2"])
    turn.reply.card = (signs["title"], f"{signs['part1']} {signs['part2']}")
    turn.ask(WarningMore(), signs["reprompt"])


def answer_confirmation(turn: Turn, trigger_id: str, yes: bool) -> None:
    """The answer to a yes/no question that confirms a possible red flag (ConfirmRedFlag):
    yes gets that trigger's tier answer, no gets the warning signs."""
    trigger = turn.content.triggers.get(trigger_id)
    if not yes or trigger is None:
        say_warning_signs(turn)
        return
    key = str(trigger.get("tier", ""))
    key = key if key in turn.content.tiers else "same_day"
    text = trigger.get("say") or turn.content.tiers[key]["say"]
    turn.reply.say(text)
    turn.reply.card = (turn.content.tiers[key]["title"], text)
    if key == "emergency":
        turn.set_state(abandon(turn.state, turn.now, turn.content.routines))
        turn.reply.end()
    else:
        turn.reply.ask(turn.content.message("anything_else_reprompt"))


class WarningSignsHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "WarningSignsIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        say_warning_signs(get_turn(handler_input))
        return respond(handler_input)
