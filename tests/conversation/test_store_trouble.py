"""Two devices of one user writing at once, and a store that fails mid-conversation."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from back_relief.routines.engine import State
from back_relief.simulator.conversation import Device, Reply
from back_relief.store import ConflictError
from back_relief.store.local import LocalStore

from tests.conversation.talk import (
    TIMERS,
    Rig,
    content,
    ice_to_timer,
    line_up,
    said,
    steps_spoken,
    walk,
)

NAMES = {"ice": "ice session", "stretches": "stretches"}


def test_two_devices_starting_routines_at_once_leave_one_coherent_record(rig: Rig) -> None:
    user = "amzn1.ask.account.TWODEVICES"
    a, b = rig.device(user), rig.device(user)
    rig.api.clock = lambda: a.now
    a.launch()
    b.launch()
    before = rig.record(a).version

    # Both turns load the same version before either saves: the race the store must settle.
    rig.gate.after_load = line_up(2)
    replies: dict[str, Reply] = {}
    errors: list[BaseException] = []

    def speak(name: str, device: Device, words: str) -> None:
        try:
            replies[name] = device.say(words)
        except BaseException as error:  # surfaced below; a thread must not swallow it
            errors.append(error)

    threads = [
        threading.Thread(target=speak, args=("ice", a, "start an ice session")),
        threading.Thread(target=speak, args=("stretches", b, "start stretches")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    rig.gate.after_load = None
    assert errors == []
    assert steps_spoken(replies["ice"], "ice") == [0]
    assert steps_spoken(replies["stretches"], "stretches") == [0]

    record = rig.record(a)
    snapshots = [r.raw["sessionAttributes"]["progress"] for r in replies.values()]
    assert record.data in snapshots  # one device's whole state, never a mix
    state = State.from_dict(record.data["state"])
    assert state.routine in NAMES and (state.step, state.status) == (0, "active")
    routine = content().routines[state.routine]
    told = [
        name
        for name, reply in replies.items()
        if said(reply, "store_conflict_moved", step=1, total=len(routine.steps), name=routine.name)
    ]
    if record.version == before + 1:
        # One write landed; the other device heard that its change was not kept, and where
        # the user is now.
        assert told == [name for name in NAMES if name != state.routine]
    else:
        # The refused turn re-read the record and re-applied its own start (the later
        # command wins), so both writes landed and nobody needs telling.
        assert record.version == before + 2 and told == []

    for device in (a, b):
        offer = device.launch()
        assert said(offer, "routine_resume_offer", step=1, name=NAMES[state.routine])
        assert steps_spoken(device.say("yes"), state.routine) == [0]


def _race(store: LocalStore, key: str, expected_version: int) -> dict[str, str]:
    """Two writers save with the same expected version at the same moment."""
    barrier = threading.Barrier(2, timeout=10)
    outcomes: dict[str, str] = {}

    def save(tag: str) -> None:
        barrier.wait()
        try:
            store.save(key, {"by": tag}, expected_version, time.time())
            outcomes[tag] = "won"
        except ConflictError:
            outcomes[tag] = "conflict"

    threads = [threading.Thread(target=save, args=(tag,)) for tag in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return outcomes


@pytest.mark.parametrize("expected_version", [0, 1])
def test_concurrent_saves_with_the_same_expected_version_let_exactly_one_win(
    tmp_path: Path, expected_version: int
) -> None:
    store = LocalStore(tmp_path)
    for round_ in range(25):
        key = f"user-{round_}"
        if expected_version:
            store.save(key, {"by": "seed"}, 0, time.time())
        outcomes = _race(store, key, expected_version)
        assert sorted(outcomes.values()) == ["conflict", "won"]
        [winner] = [tag for tag, outcome in outcomes.items() if outcome == "won"]
        record = store.load(key)
        assert record.data == {"by": winner}
        assert record.version == expected_version + 1


def test_failing_saves_are_spoken_and_the_routine_still_advances(rig: Rig, device: Device) -> None:
    device.launch()
    device.say("start a heat session")
    device.say("next")
    assert rig.state(device).step == 1

    rig.gate.fail_save = True
    for index in (2, 3):
        reply = device.say("next")
        assert steps_spoken(reply, "heat") == [index]
        assert said(reply, "save_failed")
        assert not reply.ends_session
    assert rig.state(device).step == 1  # the store still holds the old step

    rig.gate.fail_save = False
    reply = device.say("next")
    assert steps_spoken(reply, "heat") == [4]  # the session kept the user's place
    assert not said(reply, "save_failed")
    assert rig.state(device).step == 4


def test_failing_load_mid_routine_is_spoken_and_the_routine_still_advances(
    rig: Rig, device: Device
) -> None:
    device.launch()
    device.say("start a heat session")
    device.say("next")

    rig.gate.fail_load = True
    reply = device.say("next")
    assert steps_spoken(reply, "heat") == [2]
    assert said(reply, "save_failed") or said(reply, "store_unavailable")
    assert not reply.ends_session

    rig.gate.fail_load = False
    reply = device.say("next")
    assert steps_spoken(reply, "heat") == [3]
    assert rig.state(device).step == 3


def test_failing_load_at_launch_starts_fresh_and_says_so(rig: Rig, device: Device) -> None:
    device.launch()
    device.say("start a massage")
    device.say("next")

    rig.gate.fail_load = True
    opened = device.launch()
    assert said(opened, "store_unavailable")
    assert not opened.ends_session
    assert steps_spoken(device.say("start stretches"), "stretches") == [0]
    assert steps_spoken(walk(device, "next", 2), "stretches") == [2]


def test_one_shot_question_with_the_store_down_does_not_claim_no_timer(
    rig: Rig, device: Device
) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(5 * 60)
    rig.gate.fail_load = True
    reply = device.say("how much time is left")
    assert not said(reply, "no_timer")
    assert said(reply, "store_unavailable")


def test_stop_with_the_store_down_still_says_take_off_any_pack(rig: Rig, device: Device) -> None:
    device.granted.add(TIMERS)
    ice_to_timer(device)
    device.wait(5 * 60)
    rig.gate.fail_load = True
    stopped = device.say("stop")
    assert said(stopped, "routine_stop")
    assert stopped.ends_session
