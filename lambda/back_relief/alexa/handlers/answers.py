"""Spoken answers: one per answer intent, free-text questions, and stretch how-tos."""

from __future__ import annotations

from collections.abc import Sequence

from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ...content.loader import WARNING_SIGNS, Content
from ...routines.model import Routine
from ...text import normalise
from ..first import QUESTION_WORDS
from ..interceptors import get_turn
from ..pending import Hear, Offer, Resume, SymptomWarning
from ..turn import Turn
from .base import intent_name, respond, slot
from .safety import add_safety_net, free_text_check, say_checked, say_warning_signs

ROUTINE_STATUSES = ("active", "paused", "timing")


def say_answer(turn: Turn, answer_id: str) -> None:
    if answer_id == WARNING_SIGNS:  # asked in words: the same turn as WarningSignsIntent's
        say_warning_signs(turn)
        return
    answer = turn.content.answers[answer_id]
    offer = answer.get("offer")
    say_with_offer(turn, answer["title"], answer["say"], answer.get("ask"), offer)


def say_with_offer(turn: Turn, title: str, text: str, ask: str | None, offer: str | None) -> None:
    """Speak an answer and, outside a routine, its offer's question (content's `ask`, which
    is also the reprompt). Mid-routine the question gives way to "carry on?"."""
    routine = routine_in_progress(turn)
    if routine is None and ask:
        text = f"{text} {ask}"
    turn.reply.say(text)
    turn.reply.card = (title, text)
    if routine is not None:
        ask_carry_on(turn, routine)
    elif offer and ask:
        turn.ask(Offer(offer), ask)


def routine_in_progress(turn: Turn) -> Routine | None:
    return turn.routine if turn.state.status in ROUTINE_STATUSES else None


def ask_carry_on(turn: Turn, routine: Routine) -> None:
    """After an answer mid-routine: offer to carry on with it."""
    question = turn.content.message("routine_carry_on", name=routine.name)
    turn.reply.say(question)
    turn.ask(Resume(), question)


class AnswerHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in get_turn(handler_input).content.intent_answers

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        say_answer(turn, turn.content.intent_answers[intent_name(handler_input)])
        return respond(handler_input)


# The free-text intents and the slot holding their words. TopicIntent's slot resolves to an
# answer id when a topic is named alone ("physio?"); other words in it are read as a question.
FREE_TEXT_SLOTS = {
    "QuestionIntent": "Query",
    "SymptomIntent": "Symptom",
    "TopicIntent": "Topic",
    "AskHowIntent": "Query",
    "AskWhyIntent": "Query",
    "AskWhenIntent": "Query",
    "AskWhatIntent": "Query",
    "AskWhereIntent": "Query",
    "AskWhichIntent": "Query",
}


def asked(name: str, text: str | None) -> str:
    """The question as said: the slot's words with the carrier's question word put back."""
    word = QUESTION_WORDS.get(name)
    return f"{word} {text}" if word and text else text or ""


class FreeTextHandler(AbstractRequestHandler):
    """The catch-all question and symptom intents carry raw text: find the best answer."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in FREE_TEXT_SLOTS

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        name = intent_name(handler_input)
        said, named = slot(handler_input, FREE_TEXT_SLOTS[name])
        text = asked(name, said)
        # Recall first: words that touch a warning sign without settling it get one yes/no
        # question (a settled finding was answered by RedFlagHandler); the learnt model's
        # follows the answer asked for when both fit one breath (handlers/safety.py).
        check = free_text_check(handler_input, turn)
        if check and check.hedge and routine_in_progress(turn) is not None:
            # Mid-routine the reply's one question is "carry on?": a hedge (below the model's
            # MARGIN) gives way to it; a rule's question or the model's at MARGIN does not.
            check = None
        alone = check is not None and not check.learnt  # the red-flag path: no matcher
        answer_id = None if alone else question_answer(turn.content, name, said, named)
        if answer_id is None and not alone and name == "SymptomIntent" and said:
            answer_id = _complaint_answer(turn.content, said)
        if check and say_checked(turn, check, answer_id, name == "SymptomIntent"):
            return respond(handler_input)
        if answer_id:
            say_answer(turn, answer_id)
        elif name == "SymptomIntent":
            turn.say("symptom_no_flag")
            turn.ask(SymptomWarning(), turn.content.message("symptom_no_flag_reprompt"))
        else:
            say_no_answer(handler_input, turn, text)
        return respond(handler_input)


# After within-days advice ("book an appointment in the next few days"), this mostly says it
# again: a topic whose need the words say answers instead.
_SAID_BY_WITHIN_DAYS = ("when_see_doctor",)
# After same-day advice, these would blur it ("most back pain isn't serious", "see a doctor if
# it isn't improving after a week"): the advice is their answer.
_SAID_BY_SAME_DAY = ("when_see_doctor", "is_it_serious")
# One breath (hands-free): the most words a reply may hold (tests/conversation/breath.py).
ONE_BREATH_WORDS = 50


def asked_answer(handler_input: HandlerInput, turn: Turn) -> str | None:
    """The answer this request's words point to: an answer intent's own, a topic named alone,
    or the matcher's pick for free text (question word put back). A statement ("these spasms
    keep coming back") is read the same way: what it is about is what the person needs."""
    name = intent_name(handler_input)
    if name not in FREE_TEXT_SLOTS:
        return turn.content.intent_answers.get(name)
    return question_answer(turn.content, name, *slot(handler_input, FREE_TEXT_SLOTS[name]))


def besides_answer(handler_input: HandlerInput, turn: Turn, answer_id: str) -> str | None:
    """The free text's next topic after ``answer_id`` (None: an answer intent, or none near)."""
    name = intent_name(handler_input)
    if name not in FREE_TEXT_SLOTS:
        return None
    said, _ = slot(handler_input, FREE_TEXT_SLOTS[name])
    return turn.content.matcher.besides(asked(name, said), answer_id) if said else None


# Many of SymptomIntent's carriers are the back pain itself ("my back hurts and {Symptom}",
# "ow {Symptom}"): Alexa sends "so bad" for "my back hurts so bad", "this is awful" for "ugh this
# is awful". A few words of pain or its severity (triage's own concepts) that fit no answer alone
# are read with the back pain put back, so the commonest thing said on the floor gets what helps.
# Others keep the offer of the warning signs: "about this" may be all that is left of "should I
# be worried about this" (another carrier), where "most back pain isn't serious" is the answer.
_COMPLAINT = "my back hurts"
_COMPLAINT_WORDS = 4
_COMPLAINT_CONCEPTS = frozenset(("pain", "severe"))


def _complaint_answer(content: Content, said: str) -> str | None:
    concepts = content.triage.concepts
    if len(said.split()) > _COMPLAINT_WORDS or concepts is None:
        return None
    # said(): the prefilter and this request's reading, not every concept read afresh
    if not concepts.said(" " + normalise(said), concepts.mask(_COMPLAINT_CONCEPTS)):
        return None
    return content.matcher.match(f"{_COMPLAINT} {said}")


def question_answer(content: Content, name: str, said: str | None, named: str | None) -> str | None:
    """The answer free text asks for: the topic its slot resolved to, else the matcher's pick
    for its words with the carrier's question word put back. QuestionIntent's carrier is not
    known ("i'm", "my", ... voice.toml), so its words are also read with each restored carrier
    in front, and the reading that fits an answer best decides."""
    if named in content.answers:
        return named
    if not said:
        return None
    if name == "QuestionIntent":
        return content.matcher.match_readings(said, content.carriers)
    return content.matcher.match(asked(name, said))


def say_advice_and_answer(handler_input: HandlerInput, turn: Turn, title: str, advice: str) -> bool:
    """A within-days finding in words that also point to an answer ("it's been a week, what can
    I do for it?", "these spasms keep coming back"): the advice and the answer in one breath, so
    that booking an appointment does not leave the person on the floor without the self-care
    their words were about. `advice` is the tier's whole line; its first sentence (reference
    3.3) goes before the answer when both fit one breath; else the answer goes first with the
    short booking line after it; an answer too long for either gets the whole line and a
    yes/no offer of the answer. False (nothing said): the words point to no answer."""
    answer_id = asked_answer(handler_input, turn)
    if answer_id in _SAID_BY_WITHIN_DAYS:
        # The advice already books the doctor: "it's been ten days, when will it ease off?" asks
        # how long it lasts, a topic whose need the words say; none said, the doctor answer stays.
        answer_id = besides_answer(handler_input, turn, answer_id) or answer_id
    if answer_id is None:
        return False
    answer = turn.content.answers[answer_id]
    shapes = (
        f"{advice.split('. ', 1)[0].rstrip('.')}. {answer['say']}",
        f"{answer['say']} {turn.content.message('advice_after_answer')}",
    )
    if _say_first_that_fits(turn, title, shapes):
        return True
    _offer_answer(turn, title, advice, answer_id)
    return True


def _say_first_that_fits(turn: Turn, title: str, shapes: Sequence[str]) -> bool:
    """Say the first of these replies that fits one breath; False when none does."""
    text = next((t for t in shapes if len(t.split()) <= ONE_BREATH_WORDS), None)
    if text is None:
        return False
    turn.reply.say(text)
    turn.reply.card = (title, text)
    turn.reply.ask(turn.content.message("anything_else_reprompt"))
    return True


def _offer_answer(turn: Turn, title: str, advice: str, answer_id: str) -> None:
    """The whole advice, then the answer offered as a yes/no for the next turn."""
    offer = turn.content.message(
        "advice_offer_answer", topic=turn.content.answers[answer_id]["topic"]
    )
    turn.reply.say(f"{advice} {offer}")
    turn.reply.card = (title, advice)
    turn.ask(Hear(answer_id), offer)


def say_same_day_and_answer(
    handler_input: HandlerInput, turn: Turn, trigger: str, title: str, advice: str
) -> bool:
    """A same-day finding in words that also ask something ("it kills when I sneeze, is that
    normal?", "I'm on steroids, can I stretch?"): the whole advice first, then the answer in
    the same breath; never a routine offer (reference 3.2: only if asked, after the advice).
    An answer that is this very trigger's advice (answers.toml `triage`) is said instead of
    the generic line, with its escalation sentence. Too long for one breath: the advice and a
    yes/no offer of the answer. False (nothing said): the words point to no answer."""
    answer_id = asked_answer(handler_input, turn)
    asked_for = answer_id is not None and answer_id not in _SAID_BY_SAME_DAY
    if not asked_for:
        # Nothing else asked ("coughing's making it heaps worse", "should I worry"): the
        # trigger's own answer, where it has one, says why the advice is given.
        answers = turn.content.answers
        answer_id = next((a for a in answers if answers[a].get("triage") == trigger), None)
    if answer_id is None:
        return False
    answer = turn.content.answers[answer_id]
    shapes = [f"{advice} {answer['say']}"]
    if answer.get("triage") == trigger:
        shapes.insert(0, f"{answer['say']} {advice.rsplit('. ', 1)[-1]}")
    # "I'm on steroids, can I stretch?": the answer's own "please get medical advice today"
    # (osteoporosis: "if new pain followed a fall ...") is the advice just said; without it,
    # advice and answer fit one breath, where the whole answer would only have been offered.
    unsaid = _unsaid(str(answer["say"]), advice)
    if unsaid != answer["say"]:
        shapes.append(f"{advice} {unsaid}")
    if _say_first_that_fits(turn, title, shapes):
        return True
    offer = turn.content.message("advice_offer_answer", topic=answer["topic"])
    if not asked_for or len(f"{advice} {offer}".split()) > ONE_BREATH_WORDS:
        return False  # a long same-day line (en-CA) is said alone, whole
    _offer_answer(turn, title, advice, answer_id)
    return True


def _unsaid(answer: str, advice: str) -> str:
    """The answer's sentences that do not repeat the advice: none that is one of its sentences
    or tells, as its first does, to get medical advice today; always the answer's first."""
    told = advice.split(". ", 1)[0].lower().removeprefix("please ").rstrip(".")
    first, *rest = answer.split(". ")
    kept = [s for s in rest if s.rstrip(".") not in advice and told not in s.lower()]
    return ". ".join([first, *kept]) if kept else first.rstrip(".") + "."


# Offered when nothing comes close: the commonest things people on the floor need.
_DEFAULT_TOPICS = ("relief_overview", "ice_or_heat")


def say_no_answer(handler_input: HandlerInput, turn: Turn, text: str) -> None:
    """Never a dead end: name the two nearest topics, offer a heat session as a yes/no,
    and (once per session) the warning signs with the emergency number."""
    topics = [t for t in turn.content.matcher.nearest(text) if t in turn.content.answers]
    topics += [t for t in _DEFAULT_TOPICS if t not in topics]
    first, second = (str(turn.content.answers[t]["topic"]) for t in topics[:2])
    routine = routine_in_progress(turn)
    # One question per turn: mid-routine it is "carry on?", not also a heat session.
    turn.say("no_answer_topics" if routine else "no_answer_offer", first=first, second=second)
    add_safety_net(handler_input, turn)
    if routine is not None:
        ask_carry_on(turn, routine)
    else:
        reprompt = turn.content.message("no_answer_offer_reprompt", first=first, second=second)
        turn.ask(Offer("heat"), reprompt)


def answer_open_slot(handler_input: HandlerInput, raw: str | None) -> Response | None:
    """A custom slot is open: words that are no value of it ("what is sciatica" in the
    Stretch slot, "ice pack good idea" in Routine) are a question. The matcher's answer, if it
    has one, beats "which one?"; None leaves the handler to ask."""
    turn = get_turn(handler_input)
    answer_id = turn.content.matcher.match(raw) if raw else None
    if not answer_id:
        return None
    say_answer(turn, answer_id)
    return respond(handler_input)


STRETCH_INTENTS = {"StretchHowToIntent"}


class StretchHowToHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return intent_name(handler_input) in STRETCH_INTENTS

    def handle(self, handler_input: HandlerInput) -> Response:
        turn = get_turn(handler_input)
        raw, stretch_id = slot(handler_input, "Stretch")
        step = turn.content.stretches.get(stretch_id or "")
        # Every sample asks to have the slot explained ("what is", "tell me about", "how do
        # I do"): an unknown name is read as that question ("what is a back spasm exactly").
        asked_what = f"what is {raw}" if raw else None
        answered = answer_open_slot(handler_input, asked_what) if step is None else None
        if answered is not None:
            return answered
        if step is None:
            steps = turn.content.routines["stretches"].steps
            names = ", ".join(s.title for s in steps if s.id)
            turn.say("stretch_list", names=names)
            turn.reply.ask(turn.content.message("stretch_list", names=names))
            return respond(handler_input)
        text = turn.content.message(
            "stretch_howto",
            title=step.title,
            start=step.start,
            movement=step.movement,
            seconds=step.seconds,
            reps=step.reps,
            each_side=turn.content.message("each_side") if step.sides else "",
            breathing=step.breathing,
            stop_if=step.stop_if,
        )
        ask = turn.content.message("stretch_howto_ask")
        say_with_offer(turn, step.title, text, ask, "stretches")
        return respond(handler_input)
