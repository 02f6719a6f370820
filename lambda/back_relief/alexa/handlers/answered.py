"""A red-flag question answered in words rather than a bare yes or no."""

from __future__ import annotations

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ..interceptors import get_turn, slot_texts
from ..pending import ConfirmRedFlag
from ..turn import Turn
from .base import respond
from .safety import answer_confirmation


class RedFlagAnswerHandler(AbstractRequestHandler):
    """A red-flag question answered in words, not a bare yes or no: "yes both", "yeah, around
    my bum", "no, just the one", "not really", "I think so". Alexa sends these as free text (or
    a stretch's name: "only the left"), and they were answered as a new question ("both" got
    the contrast answer). The words that open the reply answer the question; unsure words count
    as yes, as a clinician would take them. A sign said in the words was already answered by
    RedFlagHandler; words that answer nothing (a new question) are handled as any other."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        turn = get_turn(handler_input)
        asked = turn.pending_in
        return isinstance(asked, ConfirmRedFlag) and _answered(handler_input, turn) is not None

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        asked = turn.pending_in
        yes = _answered(handler_input, turn)
        if isinstance(asked, ConfirmRedFlag) and yes is not None:
            answer_confirmation(turn, asked, yes)
        return respond(handler_input)


def _answered(handler_input: HandlerInput, turn: Turn) -> bool | None:
    """The answer the words give; a "no" that goes on to words with a sign of their own to
    ask about ("no, my bladder feels strange though") is not taken as an answer."""
    asked = turn.pending_in
    trigger = (
        turn.content.triggers.get(asked.trigger) if isinstance(asked, ConfirmRedFlag) else None
    )
    yes = said_yes(slot_texts(handler_input), str((trigger or {}).get("ask", "")))
    if yes is False:
        from ...safety.triage import clarify

        if clarify(turn.content.triage, slot_texts(handler_input, turn.content.carriers)):
            return None
    return yes


# How people answer a yes/no question in words. Doubt first: a red flag that may be there is
# answered as one that is (and "i do not know" is not "i do not").
_UNSURE = (
    "not sure", "i am not sure", "i do not know", "do not know", "dunno", "maybe", "possibly",
    "probably", "perhaps", "i think so", "i think it is", "i guess", "sort of", "kind of",
)  # fmt: skip
# A denial.
_DENIALS = (
    "not really", "not at all", "not that", "i do not", "do not", "i am not",
    "i have not", "it is not", "it does not", "they are not", "they do not", "neither",
    "nothing",
)  # fmt: skip
# One side only ("just the one", "only my left leg"): "no" to a question about both legs, but
# "yes" to one about either leg (E7: one leg giving way is the sign), whatever word opens it.
_ONE_SIDE = (
    "only the", "only one", "only my", "only on", "just the", "just one", "just my", "just on",
    "one leg", "one side", "left leg", "right leg", "left side", "right side", "left one",
    "right one",
)  # fmt: skip
# An affirming opening that is not "yes".
_AFFIRMS = (
    "both", "i do", "i am", "i have", "it is", "it does", "they are", "they do", "a bit",
    "a little",
)  # fmt: skip


def said_yes(texts: list[str], question: str = "") -> bool | None:
    """What words answer a yes/no `question` with: True, False, or None when they do not open
    with an answer, or a "no" goes on with "but" ("no, but now it is my other leg too")."""
    from ...safety.affirmed import NO, YES
    from ...text import normalise

    words = normalise(next((t for t in texts if t), "")).split()
    said = " ".join(words) + " "

    def opens(openings: tuple[str, ...]) -> bool:
        return any(said.startswith(f"{opening} ") for opening in openings)

    if not words:
        return None
    if words == ["so"]:
        # All a "... so" answer keeps once Alexa strips a sample's carrier ("i think {Symptom}"):
        # "i think so", "i guess so", "i hope so" (a "not" would have stayed in the words).
        return True
    if any(f" {side} " in f" {said}" for side in _ONE_SIDE):
        asks = set(normalise(question).split())
        if "both" in asks:
            return None if " but " in said else False
        return True if "either" in asks else None
    if words[0] in YES or opens(_UNSURE):
        return True
    if words[0] in NO or opens(_DENIALS):
        return None if " but " in said else False
    return True if opens(_AFFIRMS) else None
