"""Red flags first: a tier found in any slot text answers before any other handler."""

from __future__ import annotations

from dataclasses import dataclass

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.exceptions import AttributesManagerException
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ...content.loader import Content
from ...routines.engine import abandon
from ...safety.tiers import TIER_NAMES, Finding, Tier
from ..first import early
from ..interceptors import get_turn, slot_texts
from ..pending import ConfirmRedFlag, SymptomWarning, WarningMore
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
        finding = turn.finding
        assert finding is not None
        # Recall first: "unable to pass motion and the pain is severe" is a within-days
        # finding that also touches an emergency sign; the advice stands, and one question
        # settles the rest.
        unsettled = (
            unsettled_trigger(handler_input, turn) if finding.tier < Tier.EMERGENCY else None
        )
        if finding.tier < Tier.EMERGENCY and unsettled is None:
            # Not an emergency: the question asked is still answered, after the advice.
            from .answers import say_advice_and_answer, say_same_day_and_answer  # (a cycle)

            title, advice = red_flag_text(turn.content, finding)
            if finding.tier == Tier.WITHIN_DAYS:
                answered = say_advice_and_answer(handler_input, turn, title, advice)
            else:
                answered = say_same_day_and_answer(
                    handler_input, turn, finding.trigger, title, advice
                )
            if answered:
                return respond(handler_input)
        say_finding(turn, finding)
        if unsettled is not None:
            ask_confirmation(turn, unsettled, advised=finding.trigger)
        return respond(handler_input)


def say_finding(turn: Turn, finding: Finding) -> None:
    """The tier's answer (or the trigger's own line) for a settled finding."""
    title, text = red_flag_text(turn.content, finding)
    turn.reply.say(text)
    turn.reply.card = (title, text)
    if finding.tier == Tier.EMERGENCY:
        # No routine in the same breath as an emergency line (reference 1.3): drop the
        # routine, but leave any Alexa timer running — it still says "take the ice off".
        # (Still counting any cold that was on, so the two-hour gap holds afterwards.)
        turn.set_state(abandon(turn.state, turn.now, turn.content.routines))
        turn.reply.end()
    else:
        turn.reply.ask(turn.content.message("anything_else_reprompt"))


def red_flag_text(content: Content, finding: Finding) -> tuple[str, str]:
    """(card title, spoken line) for a finding: the answer the trigger names (R12's crisis
    line), else the trigger's own line, else its tier's."""
    tier = TIER_KEYS[finding.tier]
    trigger = content.triggers.get(finding.trigger, {})
    answer_id = trigger.get("answer")
    answer = content.answers.get(str(answer_id)) if answer_id else None
    if answer is not None:
        return str(answer["title"]), str(answer["say"])
    return content.tiers[tier]["title"], str(trigger.get("say") or content.tiers[tier]["say"])


# ---------------------------------------------------------------- recall first: ask, don't guess


def unsettled_trigger(handler_input: HandlerInput, turn: Turn) -> str | None:
    """The trigger whose yes/no question the request's words call for: they touch a warning
    sign without settling it ("my wee has been strange"). None when nothing is unsettled."""
    from ...safety.triage import clarify  # loaded with the rules (alexa/first.py)

    # The learnt second opinion only where no rule found a tier: a finding stands.
    texts = slot_texts(handler_input, turn.content.carriers)
    found = turn.finding is not None and turn.finding.tier > Tier.NONE
    unsettled = clarify(turn.content.triage, texts, learnt=not found)
    if unsettled is None and found:
        # A same-day or within-days rule fired on words that may still hold an emergency
        # sign (held-out emergencies got same-day advice): the model, far surer than where
        # nothing fired, may ask that sign's question after the advice.
        from ...safety.flagger import beside_same_day

        beside = beside_same_day(texts)
        if beside in turn.content.triggers and _fits_beside(turn, beside):
            unsettled = beside
    return unsettled if unsettled in turn.content.triggers else None


@dataclass(frozen=True)
class Check:
    """A warning sign's question the free-text handler owes: `learnt` when the model named it
    (no rule: it may follow the answer asked for), `hedge` when below its MARGIN (only ever
    beside the normal reply, never instead of it)."""

    trigger: str
    learnt: bool = False
    hedge: bool = False


def free_text_check(handler_input: HandlerInput, turn: Turn) -> Check | None:
    """The question a free-text turn with no finding owes: a rule's (asked alone, as always),
    else the learnt model's at MARGIN, else its hedge at HEDGE; None when nothing is owed."""
    from ...safety import flagger  # loaded with the rules' free-text path
    from ...safety.triage import clarify

    texts = slot_texts(handler_input, turn.content.carriers)
    rule = clarify(turn.content.triage, texts, learnt=False)
    if rule is not None:
        return Check(rule) if rule in turn.content.triggers else None
    # Asked at MARGIN on any reading (a restored carrier word too, as clarify() always did);
    # hedged only on the words as said: a carrier put in front of words it never started
    # ("i have hang on i need a wee") lifts everyday words into the hedge, and the hedge was
    # chosen on rows as written (flag_cv.py). One scoring per reading serves both.
    said = set(slot_texts(handler_input))
    # Triage read the same texts first (and any an intent implies after them): its leads serve.
    known = early(handler_input).leads
    found = known[: len(texts)] if known is not None and len(known) >= len(texts) else None
    read = [
        (raw in said, lead)
        for raw, lead in zip(texts, found or flagger.raw_leads(texts), strict=True)
    ]
    lead = max((r for _, r in read if r), key=lambda r: r[1], default=None)
    if lead is not None and lead[1] < flagger.MARGIN:
        lead = max((r for as_said, r in read if as_said and r), key=lambda r: r[1], default=None)
    if lead is None or lead[0] not in turn.content.triggers or lead[1] < flagger.HEDGE:
        return None
    return Check(lead[0], learnt=True, hedge=lead[1] < flagger.MARGIN)


def say_beside(turn: Turn, check: Check, lead: str, title: str | None = None) -> bool:
    """The reply (an answer whole: a cut would drop the sentences that are often its safety
    caveats) with the sign's question and number after it, the lead-in dropped if that makes it
    fit one breath: a benign asker keeps the answer and hears one sentence more; "yes" gets the
    sign's answer. False (nothing said) when it does not fit."""
    from .answers import ONE_BREATH_WORDS  # (a cycle)

    question, spoken = _question(turn, check.trigger)
    shapes = (f"{lead} {turn.content.message('check_beside')} {spoken}", f"{lead} {spoken}")
    said = next((s for s in shapes if len(s.split()) <= ONE_BREATH_WORDS), None)
    if said is None:
        return False
    turn.reply.say(said)
    if title is not None:
        turn.reply.card = (title, said)
    turn.ask(ConfirmRedFlag(check.trigger), question)
    return True


def say_checked(turn: Turn, check: Check, answer_id: str | None, symptom: bool) -> bool:
    """A free-text turn that owes a sign's question: a rule's comes alone (as always); the
    model's follows the answer asked for (or, for a symptom with no answer, a kind word) when
    they fit one breath; else at MARGIN it comes alone (a red flag's number beats the answer)
    and a hedge gives way (False: the normal reply, which keeps the answer)."""
    if check.learnt:
        said = None
        if answer_id is not None:
            answer = turn.content.answers[answer_id]
            said = say_beside(turn, check, str(answer["say"]), str(answer["title"]))
        elif symptom:
            # A kind word (its first sentence), not its advice: the question is the point.
            kind = turn.content.message("symptom_no_flag").split(". ")[0].rstrip(".") + "."
            said = say_beside(turn, check, kind)
        if said:
            return True
        if check.hedge:
            return False
    ask_confirmation(turn, check.trigger)
    return True


def _fits_beside(turn: Turn, trigger_id: str) -> bool:
    """The finding's advice, the sign's question and the number fit one breath (hands-free:
    the mic closes after one reprompt); if not, the advice stands alone, as it always did."""
    from .answers import ONE_BREATH_WORDS  # (a cycle)

    assert turn.finding is not None
    said = f"{red_flag_text(turn.content, turn.finding)[1]} {_question(turn, trigger_id)[1]}"
    return len(said.split()) <= ONE_BREATH_WORDS


def _question(turn: Turn, trigger_id: str) -> tuple[str, str]:
    """A trigger's yes/no question, and as spoken: with its tier's "If so, call ... now"."""
    trigger = turn.content.triggers[trigger_id]
    question = str(trigger["ask"])
    if_so = turn.content.tiers.get(str(trigger.get("tier")), {}).get("if_so")
    return question, f"{question} {if_so}" if if_so else question


def _tier(turn: Turn, trigger_id: str, unknown: Tier) -> Tier:
    """A trigger's tier; `unknown` for an id the content does not have."""
    spec = turn.content.triggers.get(trigger_id, {})
    return TIER_NAMES.get(str(spec.get("tier", "")), unknown)


def ask_confirmation(turn: Turn, trigger_id: str, advised: str = "none") -> None:
    """Words touched a warning sign without settling it: one short yes/no question, and what to
    do if the answer is yes, so that a person who cannot answer before the mic closes has still
    heard the number. The reprompt is the question alone. `advised`: the trigger whose (lesser)
    advice this reply has already given; a "no" repeats it."""
    question, spoken = _question(turn, trigger_id)
    turn.reply.say(spoken)
    turn.ask(ConfirmRedFlag(trigger_id, advised), question)


def ask_again(turn: Turn, lead_in: str | None = None) -> bool:
    """The red-flag question the last reply left open, asked again (after `lead_in`, a message
    key): a thanks, or words Alexa could not place, are not its answer. False when none is open."""
    asked = turn.pending_in
    if not (isinstance(asked, ConfirmRedFlag) and asked.trigger in turn.content.triggers):
        return False
    if lead_in is not None:
        turn.say(lead_in)
    ask_confirmation(turn, asked.trigger, asked.advised)
    return True


def answer_confirmation(turn: Turn, asked: ConfirmRedFlag, yes: bool) -> None:
    """The user's yes or no to ask_confirmation. Yes gets that trigger's tier answer;
    an id we do not know (a stale or altered session) still gets the emergency line. No after
    same-day or within-days advice repeats that advice: "most back pain isn't serious" would
    undo "get medical advice today"."""
    if yes:
        say_finding(turn, Finding(_tier(turn, asked.trigger, Tier.EMERGENCY), asked.trigger))
        return
    tier = _tier(turn, asked.advised, Tier.NONE)
    if Tier.NONE < tier < Tier.EMERGENCY:
        # The advice actually given (a trigger's own line: "call your maternity unit now"),
        # not its tier's, which could say "today" where it said "now".
        turn.say("confirm_no_advised")
        turn.reply.say(red_flag_text(turn.content, Finding(tier, asked.advised))[1])
        turn.reply.ask(turn.content.message("anything_else_reprompt"))
        return
    turn.say("confirm_no")
    turn.ask(SymptomWarning(), turn.content.message("symptom_no_flag_reprompt"))


# ---------------------------------------------------------------- safety net, once per session

NET_SAID = "safety_net_said"


def add_safety_net(handler_input: HandlerInput, turn: Turn) -> None:
    """The warning signs and the emergency number in one sentence, once per session: said
    with replies that heard no words (FallbackIntent) or found no answer, where triage could
    not have caught a red flag. Tracked in session attributes, never in the store."""
    try:
        attributes = handler_input.attributes_manager.session_attributes
    except AttributesManagerException:  # no session: say it; there is nowhere to remember it
        attributes = None
    if isinstance(attributes, dict):
        if attributes.get(NET_SAID):
            return
        attributes[NET_SAID] = True
    turn.reply.say(turn.content.warning_signs["net"])


def say_warning_signs(turn: Turn) -> None:
    signs = turn.content.warning_signs
    turn.reply.say(signs["part1"])
    turn.reply.say(signs["part2"])
    turn.reply.card = (signs["title"], f"{signs['part1']} {signs['part2']}")
    turn.ask(WarningMore(), signs["reprompt"])


class WarningSignsHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) == "WarningSignsIntent"

    def handle(self, handler_input: HandlerInput) -> Response:
        say_warning_signs(get_turn(handler_input))
        return respond(handler_input)
