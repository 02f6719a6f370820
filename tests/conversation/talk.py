"""The conversation rig: a real skill, a sqlite store and the fake Alexa API on one virtual clock.

Every turn goes envelope -> skill -> envelope exactly as lambda_handler does (tests.builders.skill
.invoke) and every reply is checked as a valid Alexa response. Helpers here read what the fake
API recorded and which routine step a reply spoke, using the content files rather than copies
of their wording, so content edits do not break the tests but a wrong step or number does.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from back_relief.alexa import services
from back_relief.alexa.runtime import Skill
from back_relief.alexa.turn import user_key
from back_relief.content import loader
from back_relief.content.loader import Content, fill
from back_relief.routines.engine import State
from back_relief.simulator.conversation import Device, Reply
from back_relief.simulator.fake_alexa_api import FakeAlexaApi, RecordedRequest
from back_relief.store import Record, StoreError
from back_relief.store.local import LocalStore

from tests.builders.skill import check_response, invoke

TIMERS = services.TIMERS_SCOPE
REMINDERS = services.REMINDERS_SCOPE
TIMERS_PATH = "/v1/alerts/timers"
REMINDERS_PATH = "/v1/alerts/reminders"
_BREAK = re.compile(r'<break time="(\d+(?:\.\d+)?)(ms|s)"\s*/>')
_COUNT = re.compile(r"\b(\d+)\.")

# Short enough that hang_next(2.0) proves the bound, long enough for a loaded CI box.
READ_TIMEOUT_S = 0.5


def content() -> Content:
    return loader.load("en-US")


class SwitchableStore:
    """The real LocalStore, with outages a test can switch on mid-conversation."""

    worst_case_seconds = LocalStore.worst_case_seconds

    def __init__(self, inner: LocalStore) -> None:
        self.inner = inner
        self.fail_load = False
        self.fail_save = False
        self.after_load: Callable[[], object] | None = None  # lets a test line up two devices

    def load(self, key: str) -> Record:
        if self.fail_load:
            raise StoreError("injected: store unreachable on load")
        record = self.inner.load(key)
        if self.after_load is not None:
            self.after_load()
        return record

    def save(self, key: str, data: dict[str, Any], expected_version: int, now: float) -> int:
        if self.fail_save:
            raise StoreError("injected: store unreachable on save")
        return self.inner.save(key, data, expected_version, now)

    def delete(self, key: str) -> None:
        self.inner.delete(key)


def line_up(count: int) -> Callable[[], object]:
    """An after_load hook: each of `count` threads waits at its first load until all of them
    have loaded (so their saves race); later loads in a thread, such as the re-read after a
    refused save, pass straight through."""
    barrier = threading.Barrier(count, timeout=10)
    seen = threading.local()

    def hook() -> object:
        if getattr(seen, "done", False):
            return None
        seen.done = True
        return barrier.wait()

    return hook


@dataclass
class Rig:
    api: FakeAlexaApi
    store: LocalStore
    gate: SwitchableStore
    skill: Skill

    def handler(self, event: dict[str, Any]) -> dict[str, Any]:
        return check_response(invoke(self.skill, event))

    def device(self, user_id: str | None = None) -> Device:
        device = Device(handler=self.handler, api=self.api)
        if user_id is not None:
            device.user_id = user_id
        return device

    def record(self, device: Device) -> Record:
        return self.store.load(user_key(device.user_id))

    def state(self, device: Device) -> State:
        return State.from_dict(self.record(device).data.get("state") or {})

    def calls(self, method: str, prefix: str) -> list[RecordedRequest]:
        return [r for r in self.api.requests if r.method == method and r.path.startswith(prefix)]

    def timers_created(self) -> list[dict[str, Any]]:
        """Bodies of timer creations the API accepted, oldest first."""
        return [r.body for r in self.calls("POST", TIMERS_PATH) if r.status == 200]

    def timer_attempts(self) -> int:
        return len(self.calls("POST", TIMERS_PATH))

    def reminders_created(self) -> list[dict[str, Any]]:
        return [r.body for r in self.calls("POST", REMINDERS_PATH) if r.status == 200]


def announce_text(timer_body: dict[str, Any]) -> str:
    operation = timer_body["triggeringBehavior"]["operation"]
    assert operation["type"] == "ANNOUNCE"
    return " ".join(str(t["text"]) for t in operation["textToAnnounce"])


def said(reply: Reply, key: str, **params: Any) -> bool:
    """Whether the reply spoke the content message `key` (wording comes from messages.toml)."""
    return content().message(key, **params) in reply.text


def step_marker(routine_id: str, index: int, minutes: int | None = None) -> str:
    """Words that open a step as spoken: its first sentence, or a stretch's title and start."""
    step = content().routines[routine_id].steps[index]
    if step.cue:
        return f"{step.title}. {step.start}"
    text = fill(step.say, {"minutes": minutes or step.minutes, "seconds": step.seconds})
    head, dot, _ = text.partition(". ")
    return head + dot.strip()


def steps_spoken(reply: Reply, routine_id: str, minutes: int | None = None) -> list[int]:
    """Indexes of the routine's steps whose opening words the reply contains."""
    steps = content().routines[routine_id].steps
    return [i for i in range(len(steps)) if step_marker(routine_id, i, minutes) in reply.text]


def break_seconds(ssml: str) -> list[float]:
    return [float(v) / (1000 if unit == "ms" else 1) for v, unit in _BREAK.findall(ssml)]


def spoken_counts(reply: Reply) -> list[int]:
    """Numbers spoken as counts ("... 5. ... 10.") through a paced hold."""
    return [int(n) for n in _COUNT.findall(reply.text)]


def numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"\b\d+\b", text)}


def walk(device: Device, utterance: str, times: int) -> Reply:
    reply = device.say(utterance)
    for _ in range(times - 1):
        reply = device.say(utterance)
    return reply


def ice_to_timer(device: Device, start: str = "start an ice session") -> Reply:
    """Launch, start an ice session and step to its timed step; returns that step's reply."""
    device.launch()
    first = device.say(start)
    if content().routines["ice"].quick_check in first.text:  # a returning user: fast path
        return device.say("next")
    assert steps_spoken(first, "ice")[:1] == [0], first.text
    return walk(device, "next", 3)
