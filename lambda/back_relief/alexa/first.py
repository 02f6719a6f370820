"""Triage before anything else: on the request alone, before the store, the Alexa API or
anything that can fail for reasons outside the user's words.

TriageFirst is the first request interceptor. It reads the slots, assesses them against
content that cannot fail to load (loader.safe_load) and leaves the result for LoadTurn, which
then skips the store entirely for a red flag. CalmErrorHandler and lambda_handler's answer to
an unreadable envelope read the same finding, so even a crash answers a red flag with it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from ask_sdk_core.dispatch_components.request_components import AbstractRequestInterceptor
from ask_sdk_core.handler_input import HandlerInput

from ..content import loader
from ..safety.tiers import Finding, Tier
from ..text import word_set
from ..values import Value

log = logging.getLogger("back_relief")
TRIAGE = "triage"
# The question word each of these intents' carrier dropped: "why" + "did my back go".
QUESTION_WORDS = {
    "AskHowIntent": "how",
    "AskWhyIntent": "why",
    "AskWhenIntent": "when",
    "AskWhatIntent": "what",
    "AskWhereIntent": "where",
    "AskWhichIntent": "which",
}


class Early(Value):
    content: loader.Content
    finding: Finding | None
    # The learnt model's lead per text (flagger.leads), where triage read them (no rule found a
    # tier): the free-text handler's look at the same words reuses them.
    leads: tuple[tuple[str, float] | None, ...] | None = None

    @property
    def red_flag(self) -> bool:
        return self.finding is not None and self.finding.tier > Tier.NONE


def slot_texts(handler_input: HandlerInput, carriers: tuple[str, ...] = ()) -> list[str]:
    """Everything the user said that reached us: raw slot values and resolved ids.

    A free-text Query arrives without the word that started it ("my legs gave way" comes as
    "legs gave way"), so it is also read with each possible first word put back."""
    intent = getattr(handler_input.request_envelope.request, "intent", None)
    slots = (getattr(intent, "slots", None) or {}).values()
    found = ((s.name, s.value, _sdk_ids(s)) for s in slots if s is not None)
    return _texts(found, carriers, getattr(intent, "name", None))


def _texts(
    slots: Iterable[tuple[object, object, list[str]]], carriers: Iterable[str], intent_name: object
) -> list[str]:
    """(slot name, raw value, resolved ids) per slot -> the texts triage reads, in order.

    A wh-question's lost first word is its question word, and "what now", "why me" are whole
    questions: a statement's first word ("it's", "i'm") is put back only where the words could
    be a statement routed there (more than one word), or "what now" is read as "it's now", a
    heard "it's numb", and asked about numbness."""
    question = intent_name in QUESTION_WORDS
    texts: list[str] = []
    for name, value, ids in slots:
        if isinstance(value, str):
            texts.append(value)
            if name == "Query" and not (question and len(value.split()) < 2):
                texts.extend(f"{c} {value}" for c in _openers(value, carriers))
        texts.extend(ids)
    return texts


# "should we buy a new mattress" arrives as "we buy a new mattress": the words have their
# subject, and a carrier put back ("my we buy", "the we buy") would be read as a wee (text.py
# reads "my we" as "my wee") and asked the bladder question. "we" stays a heard wee, carriers
# and all, where what follows fits a wee and not the pronoun: "we is strange", "we keeps
# leaking", "we smelt funny", "we can not come out", "we just will not come".
_WE_FITS_WEE = word_set(
    "is was has had does been just not will would wont won can could cannot and came went "
    "smell smelt smelled looked felt seemed stung burnt hurt leaked ran kept colour color"
)
_NOT_VERBS = frozenset(("us", "always", "sometimes", "perhaps", "as", "thus"))


# Before a modal or helping verb, the word Alexa took off was a subject: "can't come in today"
# was "i can't ...", "he can't ..." (only "i" is put back). "i've can't come in", "the can't
# come in" are no sentences, and read as one the red-flag model took them for the "can't go"
# of a blocked bladder, past SURE (round 26: a day off work got the emergency answer).
_HELPING = word_set(
    "can can't cant cannot could couldn't couldnt will won't wont would wouldn't wouldnt "
    "should shouldn't shouldnt must mustn't do don't dont does doesn't doesnt did didn't didnt "
    "may might shall"
)


def _openers(value: str, carriers: Iterable[str]) -> list[str]:
    """The statement openers that may be put back before these words: none before "we" used
    as the pronoun ("we buy a new mattress"), only "i" before a helping verb, else all."""
    words = value.lower().split()
    first, after = [*words, "", ""][:2]
    if (
        first == "we"
        and after
        and not (after in _WE_FITS_WEE or (after.endswith("s") and after not in _NOT_VERBS))
    ):
        return []
    if first in _HELPING:
        return [c for c in carriers if c == "i"]
    return list(carriers)


def _sdk_ids(slot: Any) -> list[str]:
    resolutions = getattr(slot.resolutions, "resolutions_per_authority", None) or []
    return [
        str(resolved.id)
        for authority in resolutions
        for value in getattr(authority, "values", None) or []
        if (resolved := getattr(value, "value", None)) is not None and resolved.id
    ]


def implied(content: loader.Content, handler_input: HandlerInput) -> list[str]:
    """A trigger id that the intent itself implies ("it hurts when I sneeze" has no slot)."""
    intent = getattr(handler_input.request_envelope.request, "intent", None)
    return _implied(content, getattr(intent, "name", ""))


def _implied(content: loader.Content, intent_name: object) -> list[str]:
    answer_id = content.intent_answers.get(str(intent_name or ""))
    trigger = content.answers[answer_id].get("triage") if answer_id else None
    return [str(trigger)] if trigger else []


def early(handler_input: HandlerInput) -> Early:
    """The request's triage result: TriageFirst's, or worked out now if it did not run."""
    found = handler_input.attributes_manager.request_attributes.get(TRIAGE)
    if isinstance(found, Early):
        return found
    result = _assess(handler_input)
    handler_input.attributes_manager.request_attributes[TRIAGE] = result
    return result


def _assess(handler_input: HandlerInput) -> Early:
    content = loader.safe_load(getattr(handler_input.request_envelope.request, "locale", None))
    try:
        texts = slot_texts(handler_input, content.carriers) + implied(content, handler_input)
        # No words (a launch, a touch-free navigation intent): nothing to find, and the
        # rules are not built for nothing (Content.triage).
        return Early(content, *_assessed(content, texts)) if texts else Early(content, None)
    except Exception as error:  # logged; the turn goes on without a finding rather than crash
        log.error("triage_failed", extra={"error": type(error).__name__})
        return Early(content, None)


def assess(content: loader.Content, texts: list[str]) -> Finding | None:
    """triage.assess with the content's rules, then the learnt model where it is far surer
    (below). The rules' machinery (regex analysis, concepts, prefilters) is imported with the
    rules, on the first words to assess: a launch has none."""
    return _assessed(content, texts)[0]


def _assessed(
    content: loader.Content, texts: list[str]
) -> tuple[Finding | None, tuple[tuple[str, float] | None, ...] | None]:
    """assess(), and the model's leads per text where it read them."""
    from ..safety.flagger import RAISE, raw_leads, sure
    from ..safety.triage import assess as assess_rules

    found = assess_rules(content.triage, texts)
    if found is not None and found.tier < Tier.EMERGENCY:
        # Same-day or within-days advice for what the learnt model is all but certain is an
        # emergency (flagger.RAISE: no other development row of a writer it never saw led so
        # far): the emergency answer, not the advice.
        trigger = sure(raw_leads(texts), RAISE)
        if trigger in content.triggers:
            return Finding(Tier.EMERGENCY, trigger), None
    if found is not None:
        return found, None
    # No rule found a tier: the learnt second opinion, where it is far surer than it ever was of
    # a benign sentence (flagger.SURE), names the emergency itself, but only in words where the
    # rules saw no sign at all (a recogniser's slip, words no rule holds). Where they saw one and
    # read it as no report ("keeps asking if my legs are numb and they aren't"), and below SURE,
    # the handlers ask.
    from ..safety.triage import names_a_sign

    read = tuple(raw_leads(texts))
    trigger = sure(read)
    if trigger not in content.triggers or names_a_sign(content.triage, texts):
        return None, read
    return Finding(Tier.EMERGENCY, trigger), read


class TriageFirst(AbstractRequestInterceptor):
    """Registered before LoadTurn, so no store or API failure can come before triage."""

    def process(self, handler_input: HandlerInput) -> None:
        early(handler_input)


def raw_early(event: Any) -> Early | None:
    """Triage on a raw envelope dict that ask-sdk could not read. None if nothing was found."""
    request = event.get("request") if isinstance(event, dict) else None
    if not isinstance(request, dict):
        return None
    locale = request.get("locale")
    content = loader.safe_load(locale if isinstance(locale, str) else None)
    intent = request.get("intent")
    intent = intent if isinstance(intent, dict) else {}
    slots = intent.get("slots")
    found = slots.values() if isinstance(slots, dict) else ()
    texts = _implied(content, intent.get("name")) + _texts(
        ((s.get("name"), s.get("value"), _resolved_ids(s)) for s in found if isinstance(s, dict)),
        content.carriers,
        intent.get("name"),
    )
    try:
        finding = Early(content, assess(content, texts))
    except Exception as error:
        log.error("triage_failed", extra={"error": type(error).__name__})
        return None
    return finding if finding.red_flag else None


def _resolved_ids(slot: dict[str, Any]) -> list[str]:
    resolutions = slot.get("resolutions")
    authorities = (
        resolutions.get("resolutionsPerAuthority") if isinstance(resolutions, dict) else None
    )
    ids: list[str] = []
    for authority in authorities if isinstance(authorities, list) else ():
        values = authority.get("values") if isinstance(authority, dict) else None
        for value in values if isinstance(values, list) else ():
            inner = value.get("value") if isinstance(value, dict) else None
            resolved = inner.get("id") if isinstance(inner, dict) else None
            if isinstance(resolved, str) and resolved:
                ids.append(resolved)
    return ids
