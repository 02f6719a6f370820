"""Two devices of one user saying "next" at the same moment: no advance may vanish unheard."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from back_relief.alexa.api_client import BoundedApiClient
from back_relief.routines.engine import State
from back_relief.simulator.conversation import Device, Reply
from back_relief.skill import build
from back_relief.store import Store
from back_relief.store.local import LocalStore

from tests.conversation.talk import content, said, steps_spoken

TRIALS = 100
USER = "amzn1.ask.account.RACINGDEVICES"


class LinedUp:
    """A real store whose loads can be held until both devices have loaded (so their saves
    race for the same version). Only each thread's first load waits."""

    def __init__(self, inner: Store) -> None:
        self.inner = inner
        self.worst_case_seconds = inner.worst_case_seconds
        self.barrier: threading.Barrier | None = None
        self._seen = threading.local()

    def load(self, key: str) -> Any:
        record = self.inner.load(key)
        barrier = self.barrier
        if barrier is not None and getattr(self._seen, "barrier", None) is not barrier:
            self._seen.barrier = barrier
            barrier.wait()
        return record

    def save(self, key: str, data: dict[str, Any], expected_version: int, now: float) -> int:
        return self.inner.save(key, data, expected_version, now)

    def delete(self, key: str) -> None:
        self.inner.delete(key)


def race(first: Callable[[], Reply], second: Callable[[], Reply]) -> list[Reply]:
    replies: list[Reply] = []
    errors: list[BaseException] = []

    def run(turn: Callable[[], Reply]) -> None:
        try:
            replies.append(turn())
        except BaseException as error:  # surfaced below; a thread must not swallow it
            errors.append(error)

    threads = [threading.Thread(target=run, args=(turn,)) for turn in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == [] and len(replies) == 2
    return replies


def assert_no_silent_loss(store: LinedUp, forced: bool) -> None:
    """Race "next" on two devices TRIALS times; every advance lands or its device is told."""
    skill = build(store=lambda: store, api_client=BoundedApiClient())
    routine = content().routines["stretches"]
    a, b = (Device(handler=lambda e: _invoke(skill, e)) for _ in range(2))
    a.user_id = b.user_id = USER
    a.launch()
    b.launch()
    outcomes = {"both advanced": 0, "one advanced, user told": 0}
    for _ in range(TRIALS):
        assert steps_spoken(a.say("start stretches"), "stretches") == [0]
        store.barrier = threading.Barrier(2, timeout=10) if forced else None
        replies = race(lambda: a.say("next"), lambda: b.say("next"))
        store.barrier = None
        step = State.from_dict(store.inner.load(_key()).data["state"]).step
        told = [
            r
            for r in replies
            if said(r, "store_conflict_moved", step=2, total=len(routine.steps), name=routine.name)
        ]
        if step == 2:
            outcomes["both advanced"] += 1
        else:
            assert step == 1, step
            assert len(told) == 1, [r.text for r in replies]
            outcomes["one advanced, user told"] += 1
    assert sum(outcomes.values()) == TRIALS
    if forced:  # every trial was a real conflict: each one must have been settled out loud
        assert outcomes["one advanced, user told"] == TRIALS


def _key() -> str:
    from back_relief.alexa.turn import user_key

    return user_key(USER)


def _invoke(skill: Any, event: dict[str, Any]) -> dict[str, Any]:
    from tests.builders.skill import check_response, invoke

    return check_response(invoke(skill, event))


@pytest.mark.parametrize("forced", [True, False], ids=["lined-up", "free-running"])
def test_next_on_two_devices_at_once_never_loses_an_advance_silently_sqlite(
    tmp_path: Path, forced: bool
) -> None:
    assert_no_silent_loss(LinedUp(LocalStore(tmp_path)), forced)
