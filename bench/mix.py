"""A realistic request mix: whole conversations, as Alexa would send them.

Each conversation carries the session attributes of one response into the next request, as
Alexa does, so routines really advance. Users and locales rotate, so the store holds many
users and every locale's content is in play. The mix (by request count) is about a fifth
launches, a fifth questions (a third of them free text), a third routine steps (an ice session
that sets and cancels a real timer on the local fake Alexa API among them), and the rest red
flags and endings.

Every request has a kind, so latencies can be compared kind by kind: the first request of a
kind in a fresh process against the warm median of the same kind.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from tests.builders import envelopes

LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
USERS = 60
TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
# Words the skill only says when it failed: a benchmark of apologies would be meaningless.
FAILURE_MARKS = ("something went wrong",)

# The kinds whose first request after INIT is held to its warm median.
LAUNCH, QUESTION, RED_FLAG, TIMER, OTHER = "launch", "question", "red_flag", "timer", "other"
FIRST_KINDS = (LAUNCH, QUESTION, RED_FLAG, TIMER)
# Free text (what Alexa sends when no intent matched): the answer matcher and triage run.
QUESTIONS = (
    "can i go to work with a bad back",
    "is a hot bath ok for my back",
    "how long does a back spasm usually last",
    "what painkillers can i take for this",
    "should i stay in bed",
)
RED_FLAGS = (
    "i wet myself and did not notice",
    "i cannot feel my bottom when i wipe",
    "i have a fever and my back is burning",
    "both my legs are going weak",
)

Step = tuple[str, dict[str, Any] | None]  # intent name (or a request type), slots

STOP: Step = ("AMAZON.StopIntent", None)
END: Step = ("SessionEndedRequest", None)
NEXT: Step = ("AMAZON.NextIntent", None)


def _routine(routine_id: str, nexts: int) -> list[Step]:
    start: Step = ("StartRoutineIntent", {"Routine": (routine_id, routine_id)})
    return [start, *[NEXT] * nexts]


def free_text(text: str) -> Step:
    return ("QuestionIntent", {"Query": text})


# An ice session: its fourth step sets a 15-minute timer, and moving on cancels it again (so the
# fake's ten-live-timers limit is never reached). Each run needs a user without a recent ice
# session (the skill keeps a gap between cold sessions): see conversations().
ICE_TIMER: list[Step] = [*_routine("ice", 3), NEXT, STOP]
ICE_TIMER_STEP = 3  # index in ICE_TIMER of the request that creates the timer
# A free-text question and a free-text red flag; each run takes the next texts of the lists.
FREE_TEXT: list[Step] = [free_text(QUESTIONS[0]), free_text(RED_FLAGS[0])]

CONVERSATIONS: tuple[list[Step], ...] = (
    [("IceOrHeatIntent", None), ("HeatHowLongIntent", None), STOP],
    [*_routine("stretches", 4), ("AMAZON.RepeatIntent", None), STOP],
    [("SymptomIntent", {"Symptom": ("i wet myself", "E1")})],
    [("QuestionIntent", {"Query": "can i go to work with a bad back"}), ("IceOrHeatIntent", None)],
    [*_routine("massage", 2), ("SymptomIntent", {"Symptom": ("i have a fever", "U1")}), END],
    [("AMAZON.HelpIntent", None), ("WarningSignsIntent", None), STOP],
    [("SleepPositionIntent", None), *_routine("stretches", 2), STOP],
    ICE_TIMER,
    FREE_TEXT,
)


@dataclass
class Api:
    """Where the Alexa APIs answer (the local fake) and the token it expects."""

    endpoint: str
    token: str


def kind_of(step: Step, sets_timer: bool) -> str:
    name = step[0]
    if name == "LaunchRequest":
        return LAUNCH
    if sets_timer:
        return TIMER
    if name == "QuestionIntent":
        query = str((step[1] or {}).get("Query", ""))
        return RED_FLAG if query in RED_FLAGS else QUESTION
    return OTHER


def request(
    step: Step, user: str, locale: str, attributes: dict[str, Any], api: Api | None
) -> dict[str, Any]:
    name, slots = step
    common: dict[str, Any] = {"user_id": user, "locale": locale}
    if api is not None:
        common.update(api_endpoint=api.endpoint, token=api.token, granted=(TIMERS_SCOPE,))
    if name == "LaunchRequest":
        return envelopes.launch(**common)
    if name == "SessionEndedRequest":
        return envelopes.session_ended(new=False, attributes=attributes, **common)
    return envelopes.intent(name, slots, new=False, attributes=attributes, **common)


def conversations(start: int = 0) -> Iterator[tuple[str, str, list[Step], int]]:
    """An endless, deterministic stream of (user, locale, steps, index of the step that sets a
    timer or -1); each conversation begins with a launch."""
    for n in itertools.count(start):
        steps = CONVERSATIONS[n % len(CONVERSATIONS)]
        # Ice sessions get a user of their own; the others share USERS returning users.
        user = f"amzn1.ask.account.BENCH{n if steps is ICE_TIMER else n % USERS:03d}"
        timer_at = 1 + ICE_TIMER_STEP if steps is ICE_TIMER else -1
        if steps is FREE_TEXT:
            question, red_flag = QUESTIONS[n % len(QUESTIONS)], RED_FLAGS[n % len(RED_FLAGS)]
            steps = [free_text(question), free_text(red_flag)]
        yield user, LOCALES[n % len(LOCALES)], [("LaunchRequest", None), *steps], timer_at


def requests(
    count: int, start: int = 0, api: Api | None = None
) -> Iterator[tuple[dict[str, Any], dict[str, Any], str]]:
    """`count` (envelope, session, kind) triples; after sending one, `carry` its response.

    Without `api`, envelopes point at the real Alexa API with no permission granted, so the
    ice session's timer step asks for consent instead of calling out.
    """
    sent = 0
    for user, locale, steps, timer_at in conversations(start):
        session: dict[str, Any] = {}
        for index, step in enumerate(steps):
            if sent == count:
                return
            event = request(step, user, locale, dict(session), api)
            yield event, session, kind_of(step, sets_timer=index == timer_at)
            sent += 1


def carry(session: dict[str, Any], response: dict[str, Any]) -> None:
    """What Alexa does between turns: the next request brings back the session attributes."""
    session.clear()
    session.update(response.get("sessionAttributes") or {})


def failed(response: dict[str, Any]) -> bool:
    """True when a response is not a proper answer (no speech for a live request, or an apology)."""
    body = response.get("response")
    if not isinstance(body, dict):
        return True
    speech = str((body.get("outputSpeech") or {}).get("ssml", "")).lower()
    return any(mark in speech for mark in FAILURE_MARKS)
