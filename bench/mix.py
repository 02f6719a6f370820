"""A realistic request mix: whole conversations, as Alexa would send them.

Each conversation carries the session attributes of one response into the next request, as
Alexa does, so routines really advance. Users and locales rotate, so the store holds many
users and every locale's content is in play. The mix (by request count) is about a quarter
launches, a quarter questions, a third routine steps, and the rest red flags and endings.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from tests.builders import envelopes

LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
USERS = 60
# Words the skill only says when it failed: a benchmark of apologies would be meaningless.
FAILURE_MARKS = ("something went wrong",)

Step = tuple[str, dict[str, Any] | None]  # intent name (or a request type), slots

STOP: Step = ("AMAZON.StopIntent", None)
END: Step = ("SessionEndedRequest", None)


def _routine(routine_id: str, nexts: int) -> list[Step]:
    start: Step = ("StartRoutineIntent", {"Routine": (routine_id, routine_id)})
    return [start, *[("AMAZON.NextIntent", None)] * nexts]


CONVERSATIONS: tuple[list[Step], ...] = (
    [("IceOrHeatIntent", None), ("HeatHowLongIntent", None), STOP],
    [*_routine("stretches", 4), ("AMAZON.RepeatIntent", None), STOP],
    [("SymptomIntent", {"Symptom": ("i wet myself", "E1")})],
    [("QuestionIntent", {"Query": "can i go to work with a bad back"}), ("IceHowLongIntent", None)],
    [*_routine("massage", 2), ("SymptomIntent", {"Symptom": ("i have a fever", "U1")}), END],
    [("AMAZON.HelpIntent", None), ("WarningSignsIntent", None), STOP],
    [("SleepPositionIntent", None), *_routine("stretches", 2), STOP],
)


def _request(step: Step, user: str, locale: str, attributes: dict[str, Any]) -> dict[str, Any]:
    name, slots = step
    common: dict[str, Any] = {"user_id": user, "locale": locale}
    if name == "LaunchRequest":
        return envelopes.launch(**common)
    if name == "SessionEndedRequest":
        return envelopes.session_ended(new=False, attributes=attributes, **common)
    return envelopes.intent(name, slots, new=False, attributes=attributes, **common)


def conversations(start: int = 0) -> Iterator[tuple[str, str, list[Step]]]:
    """An endless, deterministic stream of (user, locale, steps); each begins with a launch."""
    for n in itertools.count(start):
        steps = CONVERSATIONS[n % len(CONVERSATIONS)]
        user = f"amzn1.ask.account.BENCH{n % USERS:03d}"
        yield user, LOCALES[n % len(LOCALES)], [("LaunchRequest", None), *steps]


def requests(count: int, start: int = 0) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """`count` (envelope, session) pairs; after sending one, `carry` its response into session."""
    sent = 0
    for user, locale, steps in conversations(start):
        session: dict[str, Any] = {}
        for step in steps:
            if sent == count:
                return
            yield _request(step, user, locale, dict(session)), session
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
