"""A local stand-in for the Alexa Timers and Reminders REST APIs (stdlib only).

The simulator and the tests point the skill's real ask-sdk service clients at it, so every body the
skill would send to Alexa is checked as strictly as the real API documents it. Sources for the
rules: developer.amazon.com "Timers REST API Reference", "Best Practices for Timers" (two-hour
limit, ten timers, unique labels), "Reminders REST API Reference", and the ask-sdk-model classes.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
import uuid
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

MAX_TIMER_SECONDS = 2 * 60 * 60
MAX_LABEL_CHARS = 256
MAX_LIVE_TIMERS = 10
_DURATION = re.compile(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?")
_LOCALE = re.compile(r"[a-z]{2}-[A-Z]{2}")
_RECURRENCE = {"freq", "byDay", "interval", "startDateTime", "endDateTime", "recurrenceRules"}
Json = dict[str, Any]


class BodyError(ValueError):
    """A request body the real API would answer with 400."""


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    body: Any
    status: int
    error: str = ""


def _object(value: Any, where: str, required: Iterable[str], optional: Iterable[str] = ()) -> Json:
    if not isinstance(value, dict):
        raise BodyError(f"{where} must be an object")
    required = tuple(required)
    unknown = sorted(set(value) - set(required) - set(optional))
    if unknown:
        raise BodyError(f"{where} has unknown field(s) {unknown}")
    missing = [key for key in required if key not in value]
    if missing:
        raise BodyError(f"{where} is missing {missing}")
    return value


def _text(value: Any, where: str, max_chars: int | None = None) -> str:
    if not isinstance(value, str) or not value.strip():
        raise BodyError(f"{where} must be a non-empty string")
    if max_chars is not None and len(value) > max_chars:
        raise BodyError(f"{where} is longer than {max_chars} characters")
    return value


def _choice(value: Any, where: str, allowed: Collection[str]) -> str:
    if value not in allowed:
        raise BodyError(f"{where} must be one of {sorted(allowed)}, got {value!r}")
    return str(value)


def _localized(value: Any, where: str, optional: Iterable[str] = ()) -> None:
    if not isinstance(value, list) or not value:
        raise BodyError(f"{where} must be a non-empty list")
    for index, item in enumerate(value):
        entry = _object(item, f"{where}[{index}]", ("locale", "text"), optional)
        if not isinstance(entry["locale"], str) or not _LOCALE.fullmatch(entry["locale"]):
            raise BodyError(f"{where}[{index}].locale must look like en-US")
        _text(entry["text"], f"{where}[{index}].text")


def duration_seconds(value: Any) -> int:
    """Seconds in an ISO-8601 timer duration such as PT15M (the only form timers use)."""
    match = _DURATION.fullmatch(value) if isinstance(value, str) else None
    if match is None or value == "PT":
        raise BodyError(f"duration must be an ISO-8601 duration like PT15M, got {value!r}")
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def iso_time(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _timestamp(value: Any, where: str) -> datetime:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    raise BodyError(f"{where} must be an ISO-8601 date-time, got {value!r}")


def validate_timer(body: Any) -> int:
    """Check a create-timer body; return its duration in seconds."""
    _object(body, "body", ("duration", "creationBehavior", "triggeringBehavior"), ("timerLabel",))
    seconds = duration_seconds(body["duration"])
    if not 0 < seconds <= MAX_TIMER_SECONDS:
        raise BodyError(f"duration must be more than zero and at most PT2H, got {body['duration']}")
    if "timerLabel" in body:
        _text(body["timerLabel"], "timerLabel", MAX_LABEL_CHARS)
    creation = _object(body["creationBehavior"], "creationBehavior", ("displayExperience",))
    display = _object(creation["displayExperience"], "displayExperience", ("visibility",))
    _choice(display["visibility"], "visibility", ("VISIBLE", "HIDDEN"))
    triggering = _object(
        body["triggeringBehavior"], "triggeringBehavior", ("operation", "notificationConfig")
    )
    operation = triggering["operation"]
    kind = _choice(
        operation.get("type") if isinstance(operation, dict) else None,
        "operation.type",
        ("ANNOUNCE", "NOTIFY_ONLY", "LAUNCH_TASK"),
    )
    if kind == "ANNOUNCE":
        _object(operation, "operation", ("type", "textToAnnounce"))
        _localized(operation["textToAnnounce"], "textToAnnounce")
    elif kind == "NOTIFY_ONLY":
        _object(operation, "operation", ("type",))
    else:
        _object(operation, "operation", ("type", "textToConfirm", "task"))
        _localized(operation["textToConfirm"], "textToConfirm")
        if any("%s" not in item["text"] for item in operation["textToConfirm"]):
            raise BodyError("textToConfirm text must contain the %s placeholder")
        task = _object(operation["task"], "task", ("name", "version"), ("input",))
        _text(task["name"], "task.name")
        _text(task["version"], "task.version")
    config = _object(triggering["notificationConfig"], "notificationConfig", ("playAudible",))
    if not isinstance(config["playAudible"], bool):
        raise BodyError("notificationConfig.playAudible must be a boolean")
    return seconds


def validate_reminder(body: Any) -> None:
    _object(body, "body", ("requestTime", "trigger", "alertInfo"), ("pushNotification",))
    _timestamp(body["requestTime"], "requestTime")
    trigger = body["trigger"]
    kind = _choice(
        trigger.get("type") if isinstance(trigger, dict) else None,
        "trigger.type",
        ("SCHEDULED_RELATIVE", "SCHEDULED_ABSOLUTE"),
    )
    if kind == "SCHEDULED_RELATIVE":
        _object(trigger, "trigger", ("type", "offsetInSeconds"), ("timeZoneId",))
        offset = trigger["offsetInSeconds"]
        if isinstance(offset, bool) or not isinstance(offset, int) or offset <= 0:
            raise BodyError("trigger.offsetInSeconds must be a positive integer")
    else:
        _object(trigger, "trigger", ("type", "scheduledTime"), ("timeZoneId", "recurrence"))
        # Alexa reads scheduledTime as local time in timeZoneId; an offset or Z is rejected.
        if _timestamp(trigger["scheduledTime"], "trigger.scheduledTime").tzinfo is not None:
            raise BodyError("trigger.scheduledTime must not carry a time zone offset")
        if "timeZoneId" in trigger:
            _text(trigger["timeZoneId"], "trigger.timeZoneId")
        if "recurrence" in trigger:
            _object(trigger["recurrence"], "recurrence", (), _RECURRENCE)
    alert = _object(body["alertInfo"], "alertInfo", ("spokenInfo",))
    spoken = _object(alert["spokenInfo"], "spokenInfo", ("content",))
    _localized(spoken["content"], "spokenInfo.content", ("ssml",))
    if "pushNotification" in body:
        push = _object(body["pushNotification"], "pushNotification", ("status",))
        _choice(push["status"], "pushNotification.status", ("ENABLED", "DISABLED"))


class FakeAlexaApi:
    """Timers and Reminders API on 127.0.0.1 with a random port, for one test or one REPL run.

    ``requests`` records every call; ``invalid`` only those real Alexa would refuse because the
    skill did something wrong (bad body, bad token, unknown route), so tests can assert it stays
    empty. ``fail_next`` and ``hang_next`` script outages; they are never counted as invalid.
    """

    def __init__(self, clock: Callable[[], float] = time.time, token: str | None = None) -> None:
        self.clock = clock
        self.token = token or secrets.token_urlsafe(16)
        self.requests: list[RecordedRequest] = []
        self.invalid: list[RecordedRequest] = []
        self.timers: dict[str, Json] = {}
        self.fired: list[Json] = []
        self.reminders: dict[str, Json] = {}
        self._trigger_at: dict[str, float] = {}
        self._bodies: dict[str, Json] = {}
        self._failures: list[int] = []
        self._hangs: list[float] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def endpoint(self) -> str:
        if self._server is None:
            raise RuntimeError("FakeAlexaApi is not started; use it as a context manager")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> FakeAlexaApi:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                auth = self.headers.get("Authorization", "")
                status, payload = fake.handle(self.command, self.path, auth, raw)
                data = b"" if payload is None else json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (hang_next); nothing left to tell it

            do_GET = do_POST = do_PUT = do_DELETE = _serve

            def log_message(self, format: str, *args: Any) -> None:
                pass  # requests are in fake.requests; stderr noise would drown test output

        self._closing.clear()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # A short poll keeps stop() (and so every test using the fake) from waiting half a second.
        serve = {"poll_interval": 0.02}
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs=serve, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._closing.set()  # wakes handlers sleeping in hang_next
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> FakeAlexaApi:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def fail_next(self, status: int, times: int = 1) -> None:
        with self._lock:
            self._failures.extend([status] * times)

    def hang_next(self, seconds: float, times: int = 1) -> None:
        with self._lock:
            self._hangs.extend([seconds] * times)

    def pop_due(self) -> list[Json]:
        """Timers whose trigger time has passed on the clock: they ring and leave ``timers``."""
        with self._lock:
            return self._expire()

    def handle(self, method: str, path: str, auth: str, raw: bytes) -> tuple[int, Json | None]:
        """Answer one request; the HTTP layer only moves bytes."""
        with self._lock:
            hang = self._hangs.pop(0) if self._hangs else 0.0
        if hang:
            self._closing.wait(hang)
        with self._lock:
            body: Any = None
            try:
                body = json.loads(raw) if raw else None
                status, payload = self._route(method, path.split("?")[0], auth, body)
                problem = ""
            except BodyError as error:
                status, payload, problem = 400, _error("INVALID_REQUEST", str(error)), str(error)
            except _Refused as refused:
                status, payload, problem = refused.status, refused.payload, refused.problem
            except ValueError as error:
                status, payload = 400, _error("INVALID_JSON", str(error))
                problem, body = f"body is not JSON: {error}", raw.decode(errors="replace")
            record = RecordedRequest(method, path, body, status, problem)
            self.requests.append(record)
            if problem:
                self.invalid.append(record)
            return status, payload

    def _route(self, method: str, path: str, auth: str, body: Any) -> tuple[int, Json | None]:
        if self._failures:
            status = self._failures.pop(0)
            return status, _error("INJECTED_FAILURE", f"fail_next({status})")
        if auth != f"Bearer {self.token}":
            raise _Refused(401, "INVALID_BEARER_TOKEN", "missing or wrong bearer token")
        self._expire()
        parts = path.strip("/").split("/")
        if parts[:3] == ["v1", "alerts", "timers"]:
            return self._timers_route(method, parts[3:], body)
        if parts[:3] == ["v1", "alerts", "reminders"]:
            return self._reminders_route(method, parts[3:], body)
        raise _Refused(404, "NOT_FOUND", f"no such route {method} {path}")

    def _timers_route(self, method: str, rest: list[str], body: Any) -> tuple[int, Json | None]:
        if not rest and method == "POST":
            return 200, self._create_timer(body)
        if not rest and method == "GET":
            timers = sorted(self.timers.values(), key=lambda t: duration_seconds(t["duration"]))
            return 200, {"timers": timers, "totalCount": len(timers), "nextToken": None}
        if not rest and method == "DELETE":
            for timer_id in list(self.timers):
                self._forget(timer_id)
            return 200, None
        if len(rest) == 1 and method in ("GET", "DELETE"):
            timer = self.timers.get(rest[0])
            if timer is None:  # normal after a timer rang; the skill must cope, so not invalid
                return 404, _error("TIMER_NOT_FOUND", f"no timer {rest[0]}")
            if method == "DELETE":
                self._forget(rest[0])
            return 200, None if method == "DELETE" else timer
        raise _Refused(405, "METHOD_NOT_ALLOWED", f"{method} not supported on timers/{rest}")

    def _create_timer(self, body: Any) -> Json:
        seconds = validate_timer(body)
        label = body.get("timerLabel")
        if len(self.timers) >= MAX_LIVE_TIMERS:
            raise BodyError(f"a user can have at most {MAX_LIVE_TIMERS} timers")
        if label is not None and any(t.get("timerLabel") == label for t in self.timers.values()):
            raise BodyError(f"timerLabel {label!r} is already used by a live timer")
        now = self.clock()
        timer: Json = {"id": str(uuid.uuid4()), "status": "ON", "duration": body["duration"]}
        if label is not None:
            timer["timerLabel"] = label
        timer |= {"triggerTime": iso_time(now + seconds), "createdTime": iso_time(now)}
        timer["updatedTime"] = timer["createdTime"]
        self.timers[timer["id"]] = timer
        self._trigger_at[timer["id"]] = now + seconds
        self._bodies[timer["id"]] = body  # what the timer says when it rings
        return timer

    def _reminders_route(self, method: str, rest: list[str], body: Any) -> tuple[int, Json | None]:
        if not rest and method == "POST":
            validate_reminder(body)
            now, token = self.clock(), str(uuid.uuid4())
            reply: Json = {"alertToken": token, "createdTime": iso_time(now)}
            reply |= {"updatedTime": iso_time(now), "status": "ON", "version": "1"}
            reply["href"] = f"/v1/alerts/reminders/{token}"
            request = {k: v for k, v in body.items() if k != "requestTime"}
            self.reminders[token] = reply | request
            return 200, reply
        raise _Refused(405, "METHOD_NOT_ALLOWED", f"{method} not supported on reminders/{rest}")

    def _forget(self, timer_id: str) -> None:
        self.timers.pop(timer_id, None)
        self._trigger_at.pop(timer_id, None)
        self._bodies.pop(timer_id, None)

    def _expire(self) -> list[Json]:
        now = self.clock()
        due = sorted((at, tid) for tid, at in self._trigger_at.items() if at <= now)
        rang = []
        for _, timer_id in due:
            timer = self.timers[timer_id] | {"status": "OFF", "request": self._bodies[timer_id]}
            self._forget(timer_id)
            rang.append(timer)
        self.fired.extend(rang)
        return rang


class _Refused(Exception):
    def __init__(self, status: int, code: str, problem: str) -> None:
        super().__init__(problem)
        self.status, self.payload, self.problem = status, _error(code, problem), problem


def _error(code: str, message: str) -> Json:
    return {"code": code, "message": message}
