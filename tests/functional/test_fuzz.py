"""Thousands of hostile envelopes through the real lambda_handler: it must always answer well.

Seeded and bounded: the same envelopes every run, a few seconds on a laptop. Every reply must be
a dict that deserializes to a ResponseEnvelope with well-formed SSML inside Alexa's limits, with
no error text and no user text in what is spoken or shown. Nothing may escape lambda_handler:
on Lambda an exception is what Alexa reads out as "there was a problem with the skill".
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from back_relief import skill as skill_module
from back_relief.alexa.api_client import BoundedApiClient
from back_relief.alexa.services import TIMERS_SCOPE
from back_relief.content import loader
from back_relief.simulator.fake_alexa_api import FakeAlexaApi
from back_relief.skill import build
from back_relief.store.local import LocalStore

from tests.builders import envelopes
from tests.builders.fuzz import MARKER, EnvelopeFuzzer, request_type
from tests.builders.skill import check_response, plain

SEED = 20_240_909
FUZZ_ENVELOPES = 3_000
# Request types whose answers Alexa never speaks: a response to them must stay silent.
SILENT_TYPES = {"SessionEndedRequest", "AlexaSkillEvent.SkillDisabled"}
EXAMPLES_PER_PROBLEM = 2


@pytest.fixture
def fake_api() -> Iterator[FakeAlexaApi]:
    with FakeAlexaApi() as api:
        yield api


@pytest.fixture
def handler(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The module's real lambda_handler, over a skill on an in-memory store."""
    store = LocalStore(":memory:")
    built = build(store=lambda: store, api_client=BoundedApiClient(read_timeout=0.5))
    monkeypatch.setattr(skill_module, "_skill", lambda: built)
    yield skill_module.lambda_handler


def _problems(event: dict[str, Any], result: Any) -> list[str]:
    """What is wrong with one reply (empty when it is fine)."""
    if not isinstance(result, dict):
        return [f"lambda_handler returned {type(result).__name__}"]
    try:
        check_response(result)
    except AssertionError as error:
        return [f"invalid response: {str(error)[:160]}"]
    response = result.get("response") or {}
    spoken = [
        str((response.get("outputSpeech") or {}).get("ssml", "")),
        str(((response.get("reprompt") or {}).get("outputSpeech") or {}).get("ssml", "")),
        json.dumps(response.get("card") or {}),
    ]
    problems = []
    for text in spoken:
        if MARKER in text or "Traceback" in text or "<audio" in text:
            problems.append(f"user or error text reached the reply: {text[:120]!r}")
    if request_type(event) in SILENT_TYPES and response.get("outputSpeech"):
        problems.append(f"{request_type(event)} got speech")
    return problems


def test_hostile_envelopes_always_get_a_valid_calm_answer(
    handler: Any, fake_api: FakeAlexaApi, record_property: Any
) -> None:
    fuzzer = EnvelopeFuzzer(SEED, api_endpoint=fake_api.endpoint, api_token=fake_api.token)
    fake_api.clock = lambda: fuzzer.now
    problems: dict[str, list[str]] = {}
    kinds: Counter[str] = Counter()
    sorry = loader.load("en-US").message("error")
    spoken = apologies = sent = 0
    for _ in range(FUZZ_ENVELOPES):
        event = fuzzer.envelope()
        sent += 1
        kinds[str(request_type(event))] += 1
        try:
            result = handler(event, None)
        except Exception as error:  # the point of the test: record, keep going, report all
            found = [f"{type(error).__name__} escaped lambda_handler: {str(error)[:120]}"]
            result = None
        else:
            found = _problems(event, result)
            fuzzer.feed(fuzzer.last_user, result)
            speech = ((result.get("response") or {}).get("outputSpeech") or {}).get("ssml")
            if speech:
                spoken += 1
                apologies += sorry in plain(str(speech))
        for problem in found:
            examples = problems.setdefault(problem, [])
            if len(examples) < EXAMPLES_PER_PROBLEM:
                examples.append(json.dumps(event)[:600])

    record_property("fuzz_envelopes", sent)
    print(
        f"\nfuzz: {sent} hostile envelopes through lambda_handler ({spoken} spoken replies, "
        f"{apologies} calm apologies); request types: {dict(kinds.most_common(8))}"
    )
    report = "\n".join(f"{p}\n    e.g. {ex}" for p, exs in problems.items() for ex in exs)
    assert not problems, f"{len(problems)} kinds of bad reply:\n{report}"
    assert sent == FUZZ_ENVELOPES
    # The fuzz must explore the skill, not just its error path.
    assert spoken > FUZZ_ENVELOPES // 2
    assert apologies < spoken // 5
    assert fake_api.requests, "no envelope reached the Timers or Reminders API"


# ------------------------------------------------------------------ the cases the fuzz found

SORRY = loader.load("en-US").message("error")


@pytest.mark.parametrize(
    ("request_body", "speaks"),
    [
        ({"type": "Foo.NewRequestType"}, False),  # newer than ask-sdk: it cannot deserialize
        ({"type": "SessionEndedRequest", "reason": "NOPE"}, False),
        ({"type": "LaunchRequest", "timestamp": "yesterday"}, True),
        ({"type": "IntentRequest", "intent": {"name": "X", "slots": []}}, True),
        ({"type": "IntentRequest", "dialogState": "<speak>", "intent": {"name": "X"}}, True),
    ],
    ids=["unknown-type", "bad-reason", "bad-timestamp", "slots-list", "bad-dialog-state"],
)
def test_envelopes_ask_sdk_cannot_read_get_a_calm_answer_not_an_exception(
    handler: Any, request_body: dict[str, Any], speaks: bool
) -> None:
    event = envelopes.envelope({"type": "LaunchRequest"}, new=False)
    event["request"] |= request_body
    reply = check_response(handler(event, None))
    speech = (reply["response"].get("outputSpeech") or {}).get("ssml")
    if speaks:
        assert plain(str(speech)) == SORRY
        assert reply["response"]["shouldEndSession"] is False
    else:
        assert speech is None


@pytest.mark.parametrize("missing", ["context", "System"])
def test_an_envelope_without_a_system_context_gets_a_calm_answer(
    handler: Any, missing: str
) -> None:
    event = envelopes.launch()
    if missing == "context":
        del event["context"]
    else:
        del event["context"]["System"]
    reply = check_response(handler(event, None))
    assert plain(reply["response"]["outputSpeech"]["ssml"]) == SORRY


@pytest.mark.parametrize(
    "progress",
    [
        {"seq": "9", "state": {}, "profile": {}},
        {"seq": 99, "state": [], "profile": {}},
        {"seq": 99, "state": {}, "profile": {"launches": "many", "welcomed": []}},
        {"seq": 99, "state": {}, "profile": {"reminder_for": ["ice"], "note": "my bladder"}},
    ],
    ids=["seq-str", "state-list", "profile-types", "profile-extra"],
)
def test_hostile_session_progress_is_ignored_not_trusted(
    handler: Any, progress: dict[str, Any]
) -> None:
    event = envelopes.launch(new=False, attributes={"progress": progress})
    reply = check_response(handler(event, None))
    text = plain(reply["response"]["outputSpeech"]["ssml"])
    assert SORRY not in text
    kept = reply["sessionAttributes"]["progress"]
    assert set(kept["profile"]) <= {"launches", "welcomed", "reminder_for"}
    assert "my bladder" not in json.dumps(reply)


def test_a_replayed_consent_answer_with_nothing_pending_is_answered_calmly(
    handler: Any, fake_api: FakeAlexaApi
) -> None:
    event = envelopes.consent(
        "ACCEPTED", TIMERS_SCOPE, new=False, api_endpoint=fake_api.endpoint, token=fake_api.token
    )
    reply = check_response(handler(event, None))
    text = plain(reply["response"]["outputSpeech"]["ssml"])
    assert loader.load("en-US").message("what_next") in text
    assert reply["response"]["shouldEndSession"] is False
    assert fake_api.requests == []  # no timer from a consent nobody asked for
