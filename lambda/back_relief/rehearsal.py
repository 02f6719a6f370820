"""Lambda's INIT rehearsal: one short conversation answered on a spare skill before the first
real request, so that request costs what every later one does.

What a first request would otherwise pay: ask-sdk imports model classes by name while reading
a request and while calling the Timers API; content builds its answer matcher on the first
free-text question; and CPython specialises code as it first runs it. The conversation walks
each of those paths once: a launch, help, a question, an ice session up to the step that sets
a timer, and a red flag (the question builds the answer matcher). It runs against a
throwaway in-memory store and an in-process Timers API, so nothing leaves the process and
nothing is written anywhere.

Free text goes through triage as a user's would: read again behind each restored carrier
word, both prefilter stages, the concept search. That used to compile ~10 KB of red-flag regex
(the carriers alone reached 9 of 33 triggers), too much for INIT, so the first free-text
request paid it (issue 16). The prefilter's second stage (safety/branches.py) and concepts
searched one alternative at a time (safety/alternatives.py) leave these two texts a few
hundred characters of regex to compile, so both a question and a red flag are rehearsed.
"""

from __future__ import annotations

import json
import os
from typing import Any

from ask_sdk_model.services.api_client import ApiClient
from ask_sdk_model.services.api_client_request import ApiClientRequest
from ask_sdk_model.services.api_client_response import ApiClientResponse

from .store.base import EMPTY, ConflictError, Record

TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
_TIME = "2020-01-01T00:00:00.000Z"


class ScratchStore:
    """The rehearsal's store: a dict with the store's versioning rules. Not LocalStore(":memory:")
    because deployed INIT would then load sqlite3 for nothing."""

    worst_case_seconds = 0.0

    def __init__(self) -> None:
        self._records: dict[str, Record] = {}

    def load(self, user_key: str) -> Record:
        return self._records.get(user_key, EMPTY)

    def save(self, user_key: str, data: dict[str, Any], expected_version: int, now: float) -> int:
        if self.load(user_key).version != expected_version:
            raise ConflictError(f"version {expected_version} is stale")
        # A copy through JSON, as a real store keeps it.
        self._records[user_key] = Record(json.loads(json.dumps(data)), expected_version + 1)
        return expected_version + 1

    def delete(self, user_key: str) -> None:
        self._records.pop(user_key, None)


class LocalTimersApi(ApiClient):
    """Answers Timers API calls as Alexa does (a created timer, an empty delete), in-process."""

    worst_case_seconds = 0.0

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        if request.method != "POST":
            return ApiClientResponse(headers=[], status_code=204, body="")
        timer = {
            "id": "init",
            "status": "ON",
            "duration": "PT15M",
            "timerLabel": "init",
            "createdTime": _TIME,
            "updatedTime": _TIME,
            "triggerTime": _TIME,
        }
        headers = [("Content-Type", "application/json")]
        return ApiClientResponse(headers=headers, status_code=200, body=json.dumps(timer))


def _slot(name: str, value: str, resolved: str | None) -> dict[str, Any]:
    slot: dict[str, Any] = {"name": name, "value": value, "confirmationStatus": "NONE"}
    if resolved is not None:
        slot["resolutions"] = {
            "resolutionsPerAuthority": [
                {
                    "authority": "init",
                    "status": {"code": "ER_SUCCESS_MATCH"},
                    "values": [{"value": {"name": value, "id": resolved}}],
                }
            ]
        }
    return slot


def _intent(name: str, slots: dict[str, tuple[str, str | None]] | None = None) -> dict[str, Any]:
    built = {key: _slot(key, value, resolved) for key, (value, resolved) in (slots or {}).items()}
    return {
        "type": "IntentRequest",
        "dialogState": "COMPLETED",
        "intent": {"name": name, "confirmationStatus": "NONE", "slots": built},
    }


# The rehearsed conversation, in order; each request carries the previous answer's session.
# An everyday question whose words reach few triage regexes: the rehearsal's job is the paths every
# question takes (the matcher's build, carriers, both prefilter stages, the concept search). A
# question that reaches more (round 6's "is it ok to drive with my back like this" compiled ten,
# ~8 KB) adds their compiling to every cold start for no user: a real question compiles what
# its own words reach.
MATCHER_TEXT = "when should i see a doctor"
RED_FLAG_TEXT = "i wet myself"
# A same-day sign: its advice, then the question asked answered after it, and the red-flag
# model's look beside a finding: a path no emergency and no plain question takes.
SAME_DAY_TEXT = "the pain wakes me up at night"
CONVERSATION: tuple[dict[str, Any], ...] = (
    {"type": "LaunchRequest"},
    _intent("AMAZON.HelpIntent", {"init": ("init", "init")}),
    # A free-text question: the answer matcher and triage's whole free-text path (carriers,
    # both prefilter stages, the concept search), which compiles only the few small regexes
    # these words reach (the second prefilter stage keeps carriers from reaching any).
    _intent("QuestionIntent", {"Query": (MATCHER_TEXT, None)}),
    _intent("QuestionIntent", {"Query": (SAME_DAY_TEXT, None)}),
    _intent("StartRoutineIntent", {"Routine": ("ice", "ice")}),
    _intent("AMAZON.NextIntent"),
    _intent("AMAZON.NextIntent"),
    _intent("AMAZON.NextIntent"),  # sets the timer: the Timers API call
    # A red flag in the user's own words, mid-routine: the emergency answer from free text,
    # and the routine ended with its timer cancelled (last: it ends the session).
    _intent("QuestionIntent", {"Query": (RED_FLAG_TEXT, None)}),
)


def envelope(request: dict[str, Any], locale: str, attributes: dict[str, Any]) -> dict[str, Any]:
    new = request["type"] == "LaunchRequest"
    # On Lambda SKILL_ID is set and the skill refuses any other id: rehearse as this skill.
    skill_id = os.environ.get("SKILL_ID") or "init"
    return {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": "init",
            "application": {"applicationId": skill_id},
            "user": {"userId": "init"},
            "attributes": {} if new else attributes,
        },
        "context": {
            "System": {
                "application": {"applicationId": skill_id},
                "user": {
                    "userId": "init",
                    "permissions": {"scopes": {TIMERS_SCOPE: {"status": "GRANTED"}}},
                },
                "device": {"deviceId": "init", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
                "apiAccessToken": "init",
            }
        },
        "request": {
            "requestId": "init",
            "timestamp": "2020-01-01T00:00:00Z",
            "locale": locale,
            **request,
        },
    }
