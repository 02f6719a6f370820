"""What the skill writes down about a person: log lines and stored rows, read as an attacker would.

One full conversation (a red-flag phrase, a free-text question, an ice session with its Alexa
timer, "forget me") runs through the real skill; then every log line and every byte of the
sqlite store is searched for what the user said, who they are and their API token.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from back_relief.alexa.api_client import BoundedApiClient
from back_relief.alexa.turn import user_key
from back_relief.logs import FIELDS, JsonFormatter
from back_relief.routines.engine import State
from back_relief.simulator.conversation import Device
from back_relief.simulator.fake_alexa_api import FakeAlexaApi
from back_relief.skill import build
from back_relief.store.local import LocalStore

from tests.builders import envelopes
from tests.builders.skill import check_response, invoke
from tests.conversation.talk import TIMERS, ice_to_timer

USER_ID = "amzn1.ask.account.PRIVACYTESTUSERAE7QX2"
RED_FLAG = "since yesterday I can't control my bladder and my legs are numb"
QUESTION = "is it safe to put a zanzibar hot water bottle on my back overnight"
# Words only the user said: none of them may be written down anywhere.
USER_WORDS = ("bladder", "zanzibar", "overnight", "since yesterday", RED_FLAG, QUESTION)
LOG_KEYS = {"time", "level", "event", *FIELDS}
ROW_KEYS = {"state", "profile", "seq"}
# "practiced": which routines the user has been through (for the fast path), no health data.
PROFILE_KEYS = {"launches", "welcomed", "reminder_for", "practiced"}


@pytest.fixture
def api() -> Iterator[FakeAlexaApi]:
    with FakeAlexaApi() as fake:
        yield fake


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


class CapturedStdout:
    """What the skill printed to stdout (its JSON log handler's stream), via pytest's capsys."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self._capsys = capsys
        self._seen = ""

    def getvalue(self) -> str:
        self._seen += self._capsys.readouterr().out
        return self._seen


@pytest.fixture
def log_stream(capsys: pytest.CaptureFixture[str]) -> CapturedStdout:
    return CapturedStdout(capsys)


@pytest.fixture
def device(
    data_dir: Path, api: FakeAlexaApi, log_stream: CapturedStdout, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Device]:
    """A device talking to a skill whose own JSON log handler writes into `log_stream`."""
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    store = LocalStore(data_dir)
    skill = build(store=lambda: store, api_client=BoundedApiClient(read_timeout=0.5))
    # The handler logs.configure installed writes to stdout (as on Lambda): capture it.
    ours = logging.getLogger("back_relief")
    assert [h for h in ours.handlers if isinstance(h.formatter, JsonFormatter)]
    dev = Device(handler=lambda event: check_response(invoke(skill, event)), api=api)
    dev.user_id = USER_ID
    api.clock = lambda: dev.now
    yield dev


def rows(data_dir: Path) -> list[tuple[str, dict[str, Any], int, int]]:
    with sqlite3.connect(data_dir / "back_relief.sqlite3") as db:
        found = db.execute("SELECT user_key, data, version, expires_at FROM progress").fetchall()
    return [(key, json.loads(data), version, expires) for key, data, version, expires in found]


def converse(device: Device) -> None:
    """The whole conversation: red flag, free question, a timed ice session, its finish."""
    device.launch()
    alarm = device.intent("SymptomIntent", {"Symptom": RED_FLAG})
    assert "nine one one" in alarm.text  # the red-flag path really ran
    device.launch()
    device.intent("QuestionIntent", {"Query": QUESTION})
    device.granted.add(TIMERS)
    timed = ice_to_timer(device)
    assert timed.ends_session
    device.wait(15 * 60)
    device.launch()
    device.say("next")


def log_lines(text: str) -> list[dict[str, Any]]:
    lines = [line for line in text.splitlines() if line.strip()]
    parsed = []
    for line in lines:
        entry = json.loads(line)  # every line is one JSON object: nothing unstructured
        assert isinstance(entry, dict), line
        parsed.append(entry)
    return parsed


def test_logs_hold_only_whitelisted_fields_and_nothing_the_user_said(
    device: Device, api: FakeAlexaApi, log_stream: CapturedStdout
) -> None:
    converse(device)
    device.launch()
    assert "deleted" in device.say("forget me").text.lower()
    out = log_stream.getvalue()
    entries = log_lines(out)

    requests = [e for e in entries if e.get("event") == "request"]
    assert len(requests) >= 10, "each turn should log one request line"
    for entry in entries:
        assert set(entry) <= LOG_KEYS, f"unexpected log keys {set(entry) - LOG_KEYS}"
    for entry in requests:
        assert entry["request_id"].startswith("amzn1.echo-api.request.")
        assert entry["locale"] == "en-US"
        assert isinstance(entry["duration_ms"], float | int)
        if entry["category"] == "triage":
            # A red flag is answered without the user key: no handle sits next to "triage".
            assert "user" not in entry
            continue
        # A prefix of the keyed hash, enough to follow one user through the log.
        assert entry["user"] == user_key(USER_ID)[: len(entry["user"])]
        assert len(entry["user"]) <= 16
    # A coarse category per turn, never the intent, whose name is a health topic.
    assert {e["category"] for e in requests} == {"triage", "answer", "routine", "session"}
    assert re.search(r"\w+Intent\b", out) is None, "an intent name reached the logs"

    forbidden = [USER_ID, "PRIVACYTESTUSER", api.token, "sim-device", *USER_WORDS]
    for secret in forbidden:
        assert secret.lower() not in out.lower(), f"{secret!r} reached the logs"
    assert user_key(USER_ID) not in out  # not even the full hash


def test_error_logs_carry_the_error_class_only(
    device: Device, api: FakeAlexaApi, log_stream: CapturedStdout
) -> None:
    device.granted.add(TIMERS)
    device.launch()
    api.fail_next(500)
    ice_to_timer(device)  # the timer call fails: a warning with the error class
    entries = log_lines(log_stream.getvalue())
    failures = [e for e in entries if e["event"] == "timer_create_failed"]
    assert failures and all(e.get("error") for e in failures)
    assert all(set(e) <= LOG_KEYS for e in entries)
    assert api.token not in json.dumps(entries)


def test_stored_rows_hold_only_routine_state_and_timestamps(
    device: Device, api: FakeAlexaApi, data_dir: Path
) -> None:
    converse(device)
    [(key, data, version, expires_at)] = rows(data_dir)
    assert key == user_key(USER_ID) and key != USER_ID
    assert USER_ID not in key
    assert version >= 1 and expires_at > device.now
    assert set(data) == ROW_KEYS
    assert set(data["state"]) == set(State.__dataclass_fields__)
    assert State.from_dict(data["state"]).to_dict() == data["state"]  # well typed, as written
    assert set(data["profile"]) <= PROFILE_KEYS
    stored = json.dumps(data).lower()
    for secret in (USER_ID, api.token, "sim-device", *USER_WORDS):
        assert secret.lower() not in stored, f"{secret!r} was stored"
    # Strings in the state are ids chosen by the skill (routine, pending offer, timer id).
    strings = [v for v in data["state"].values() if isinstance(v, str)]
    assert all(len(s) <= 64 and " " not in s for s in strings), strings


def test_the_sqlite_files_never_contain_the_user_id_or_their_words(
    device: Device, api: FakeAlexaApi, data_dir: Path
) -> None:
    converse(device)
    files = [p for p in data_dir.iterdir() if p.is_file()]  # the database, its WAL and shm
    assert files
    secrets = (USER_ID, api.token, *USER_WORDS)
    for path in files:
        raw = path.read_bytes().lower()
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-le"):
                needle = secret.lower().encode(encoding)
                assert needle not in raw, f"{secret!r} is in {path.name} ({encoding})"


def test_forget_me_deletes_the_row(device: Device, data_dir: Path) -> None:
    converse(device)
    assert len(rows(data_dir)) == 1
    device.launch()
    reply = device.say("forget me")
    assert reply.ends_session
    assert rows(data_dir) == []


def test_skill_disabled_deletes_the_row(device: Device, data_dir: Path) -> None:
    other = "amzn1.ask.account.SOMEONEELSE"
    converse(device)
    device.user_id = other
    device.launch()
    device.say("start stretches")
    assert len(rows(data_dir)) == 2

    event = envelopes.envelope({"type": "AlexaSkillEvent.SkillDisabled"}, user_id=USER_ID)
    reply = device.handler(event)
    assert not (reply.get("response") or {}).get("outputSpeech")
    assert [key for key, *_ in rows(data_dir)] == [user_key(other)]  # only theirs is left
