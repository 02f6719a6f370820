"""Fault injection on DynamoDB under the skill, and the time budget of one turn.

Faults come three ways: dynalite stopped mid-conversation (a dead server), a small fake DynamoDB
endpoint that throttles or hangs (so the store client's real retries and timeouts run), and the
same endpoint answering from a script, for answers a real server cannot be made to give on cue
(a conditional-check conflict on exactly one write). Alexa API faults are in
test_faults_alexa_api.py.

Wall-clock limits are not asserted (they flake on a busy machine). The time budget is checked
on the configuration instead: the worst case the configured timeouts and retries allow.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from back_relief.alexa import turn as turn_module
from back_relief.alexa.api_client import BoundedApiClient
from back_relief.alexa.services import TIMERS_SCOPE
from back_relief.alexa.turn import user_key
from back_relief.routines.engine import State
from back_relief.simulator.conversation import Device
from back_relief.simulator.fake_alexa_api import FakeAlexaApi
from back_relief.skill import TURN_BUDGET_SECONDS, build
from back_relief.store import ConflictError, StoreError
from back_relief.store.dynamodb import DynamoDBStore
from back_relief.store.local import LocalStore

from tests.builders import envelopes
from tests.builders.skill import check_response, invoke
from tests.conversation.talk import content, said, steps_spoken
from tests.integration.conftest import DynaliteServer, unique_table_name

TEMPLATE = Path(__file__).resolve().parents[2] / "template.yaml"

pytestmark = pytest.mark.integration

ALEXA_DEADLINE_S = 8.0
# The most Alexa API calls one turn makes: moving between two timed steps cancels one timer
# and starts the next (a reminder is a single call, in a turn with no timer calls).
MAX_API_CALLS_PER_TURN = 2


# ------------------------------------------------------------------ DynamoDB: helpers


def progress(reply: Any) -> State:
    attributes = reply.raw.get("sessionAttributes") or {}
    return State.from_dict((attributes.get("progress") or {}).get("state") or {})


def dynamo_device(store: DynamoDBStore) -> Device:
    skill = build(store=lambda: store)
    return Device(handler=lambda event: check_response(invoke(skill, event)))


Answer = tuple[int, dict[str, Any]]  # HTTP status, JSON body


def error(code: str, status: int = 400) -> Answer:
    return status, {"__type": f"com.amazonaws.dynamodb.v20120810#{code}", "message": code}


@dataclass
class FakeDynamo:
    """A DynamoDB endpoint that answers every call with throttling, hangs past the timeout, or
    ("script") gives the queued answers in order."""

    mode: str
    calls: list[str] = field(default_factory=list)
    script: list[Answer] = field(default_factory=list)
    _closing: threading.Event = field(default_factory=threading.Event)
    _server: ThreadingHTTPServer | None = None

    @property
    def endpoint(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeDynamo:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                fake.calls.append(self.headers.get("X-Amz-Target", "").split(".")[-1])
                if fake.mode == "hang":
                    fake._closing.wait(5)  # longer than the store's 1.5 s read timeout
                if fake.mode == "script":
                    status, answer = fake.script.pop(0) if fake.script else error("Unscripted")
                else:
                    status, answer = error("ProvisionedThroughputExceededException")
                body = json.dumps(answer).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/x-amz-json-1.0")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:
                    pass  # the client gave up waiting

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._closing.set()
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()


@dataclass
class Stubbed:
    store: DynamoDBStore
    fake: FakeDynamo

    def answer(self, *answers: Answer) -> None:
        self.fake.script.extend(answers)

    @property
    def calls(self) -> list[str]:
        return self.fake.calls

    def assert_no_pending_responses(self) -> None:
        assert self.fake.script == []


@pytest.fixture
def stubbed() -> Iterator[Stubbed]:
    """A DynamoDBStore on an endpoint that answers only what the test queued."""
    with FakeDynamo("script") as fake:
        yield Stubbed(DynamoDBStore("progress", endpoint_url=fake.endpoint), fake)


def item(user: str, state: dict[str, Any], version: int, now: float) -> dict[str, Any]:
    data = {"state": state, "profile": {"welcomed": True, "launches": 1}, "seq": version}
    return {
        "Item": {
            "id": {"S": user_key(user)},
            "data": {"S": json.dumps(data)},
            "version": {"N": str(version)},
            "expires_at": {"N": str(int(now) + 3600)},
        }
    }


# ------------------------------------------------------------------ DynamoDB: dead, throttled, hung


def test_dynalite_stopped_mid_routine_is_spoken_and_the_routine_goes_on(
    dynalite_server: DynaliteServer,
) -> None:
    table = unique_table_name()
    store = DynamoDBStore(table, endpoint_url=dynalite_server.endpoint)
    store.create_table()
    device = dynamo_device(store)
    device.launch()
    assert steps_spoken(device.say("start a heat session"), "heat") == [0]
    assert steps_spoken(device.say("next"), "heat") == [1]

    dynalite_server.stop()
    for index in (2, 3):
        reply = device.say("next")
        assert steps_spoken(reply, "heat") == [index]
        assert said(reply, "save_failed")
        assert not reply.ends_session
        assert (progress(reply).routine, progress(reply).step) == ("heat", index)

    # A new session cannot know their place: it says so and starts fresh, without an error.
    fresh = device.launch()
    assert said(fresh, "store_unavailable")
    assert not said(fresh, "error")
    assert steps_spoken(device.say("start a massage"), "massage") == [0]


@pytest.mark.parametrize("mode", ["throttle", "hang"])
def test_throttled_or_hung_store_is_tried_twice_then_spoken_and_not_written(mode: str) -> None:
    with FakeDynamo(mode) as fake:
        device = dynamo_device(DynamoDBStore("progress", endpoint_url=fake.endpoint))
        opened = device.launch()
        assert said(opened, "store_unavailable")
        assert not opened.ends_session
        assert not said(opened, "error")
    # The load is tried exactly twice; after it failed, no write is attempted.
    assert fake.calls == ["GetItem", "GetItem"]


def test_throttled_save_is_spoken_and_progress_rides_in_the_session(stubbed: Stubbed) -> None:
    throttled = error("ProvisionedThroughputExceededException")
    stubbed.answer((200, {}), throttled, throttled)
    device = dynamo_device(stubbed.store)
    opened = device.launch()
    assert said(opened, "save_failed")
    assert not said(opened, "error")
    stubbed.assert_no_pending_responses()
    assert stubbed.calls == ["GetItem", "PutItem", "PutItem"]  # throttling is retried once


def test_conditional_check_conflict_rereads_once_and_tells_the_user_where_they_are(
    stubbed: Stubbed,
) -> None:
    device = dynamo_device(stubbed.store)
    state = State(routine="stretches", step=1, status="active").to_dict()
    # Another device said "next" meanwhile and saved version 4, at step index 2.
    theirs = State(routine="stretches", step=2, status="active").to_dict()
    stubbed.answer(
        (200, item(device.user_id, state, 3, device.now)),
        error("ConditionalCheckFailedException"),
        (200, item(device.user_id, theirs, 4, device.now)),
    )
    reply = device.say("next")
    assert steps_spoken(reply, "stretches") == [2]
    # Re-running this "next" on their record would skip a step nobody heard: theirs stands,
    # and the user hears where they are.
    total = len(content().routines["stretches"].steps)
    name = content().routines["stretches"].name
    assert said(reply, "store_conflict_moved", step=3, total=total, name=name)
    assert not said(reply, "save_failed")
    assert not said(reply, "error")
    stubbed.assert_no_pending_responses()
    assert stubbed.calls == ["GetItem", "PutItem", "GetItem"]  # one re-read, no overwrite


def test_conflict_maps_to_conflict_error_and_throttling_to_store_error(stubbed: Stubbed) -> None:
    throttled = error("ThrottlingException")
    stubbed.answer(error("ConditionalCheckFailedException"), throttled, throttled)
    with pytest.raises(ConflictError):
        stubbed.store.save("key", {"seq": 1}, expected_version=3, now=0)
    with pytest.raises(StoreError) as info:
        stubbed.store.load("key")
    assert not isinstance(info.value, ConflictError)
    assert stubbed.calls == ["PutItem", "GetItem", "GetItem"]


def test_failing_delete_on_forget_me_is_spoken_and_keeps_listening(stubbed: Stubbed) -> None:
    device = dynamo_device(stubbed.store)
    failed = error("InternalServerError", 500)
    stubbed.answer((200, {}), (200, {}), (200, {}), failed, failed)
    device.launch()
    reply = device.say("forget me")
    assert said(reply, "forget_failed")
    assert not said(reply, "forget_done")
    assert not reply.ends_session
    stubbed.assert_no_pending_responses()
    assert stubbed.calls == ["GetItem", "PutItem", "GetItem", "DeleteItem", "DeleteItem"]


def test_failing_delete_on_skill_disabled_answers_quietly(stubbed: Stubbed) -> None:
    device = dynamo_device(stubbed.store)
    failed = error("InternalServerError", 500)
    stubbed.answer((200, {}), failed, failed)
    reply = device.handler(envelopes.envelope({"type": "AlexaSkillEvent.SkillDisabled"}))
    assert not (reply.get("response") or {}).get("outputSpeech")


# ------------------------------------------------------------------ the 8-second budget


def store_worst_case_s(store: DynamoDBStore) -> float:
    """One store call at worst: every attempt waits out both timeouts, plus the most backoff
    the client can sleep (rand(0, 1) * 2 ** i before retry i + 1, at most 20 s)."""
    client = store._client
    backoff = sum(min(2.0**i, 20.0) for i in range(client.attempts - 1))
    return client.attempts * (client.connect_timeout + client.read_timeout) + backoff


def api_call_worst_case_s() -> float:
    connect, read = BoundedApiClient().timeout
    return float(connect) + float(read)


@pytest.fixture
def default_store() -> DynamoDBStore:
    return DynamoDBStore("progress", endpoint_url="http://127.0.0.1:9")


def test_a_dead_store_alone_leaves_the_turn_inside_alexas_8_s(default_store: DynamoDBStore) -> None:
    # After a failed load the write is skipped (see test_throttled_or_hung_store_...), so a
    # dead store costs one bounded call; the Alexa API answers at once in this scenario.
    assert store_worst_case_s(default_store) < ALEXA_DEADLINE_S


def test_a_hung_alexa_api_alone_leaves_the_turn_inside_alexas_8_s() -> None:
    assert MAX_API_CALLS_PER_TURN * api_call_worst_case_s() < ALEXA_DEADLINE_S


def test_the_store_declares_the_worst_case_its_client_config_implies(
    default_store: DynamoDBStore,
) -> None:
    assert default_store.worst_case_seconds == pytest.approx(store_worst_case_s(default_store))


def test_worst_case_turn_fits_the_lambda_timeout_and_alexas_8_s(
    default_store: DynamoDBStore,
) -> None:
    # The load always runs; every later call (timers, reminders, the save) starts only if its
    # own worst case still fits in TURN_BUDGET_SECONDS, so a turn ends by the later of the two.
    timeout = yaml.safe_load(TEMPLATE.read_text().replace("!", ""))["Globals"]["Function"][
        "Timeout"
    ]
    worst = max(store_worst_case_s(default_store), TURN_BUDGET_SECONDS)
    assert worst < timeout < ALEXA_DEADLINE_S
    assert api_call_worst_case_s() < TURN_BUDGET_SECONDS


def test_a_turn_out_of_time_skips_the_timer_and_the_save_and_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    store = LocalStore(tmp_path)
    with FakeAlexaApi() as api:
        device = Device(handler=lambda e: invoke(build(store=lambda: store), e), api=api)
        api.clock = lambda: device.now
        device.granted.add(TIMERS_SCOPE)
        device.launch()
        device.say("start an ice session")
        device.say("next")
        device.say("next")
        # From here on every turn has already used its whole budget (a slow API or store).
        monkeypatch.setattr(turn_module, "clock", lambda: float("inf"))
        reply = device.say("next")
    assert not [r for r in api.requests if r.method == "POST"], "no timer call without time"
    assert "couldn't set the timer" in reply.text
    assert "couldn't save your progress" in reply.text
