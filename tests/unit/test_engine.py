"""The routine state machine, driven directly: transition(state, event, now, routines).

Routines come straight from routines.toml (not through the content loader) so these tests
pin the engine against the real step lists without depending on locale rendering.
"""

from __future__ import annotations

import json
import math
import random
import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal, TypeVar

import pytest
from back_relief.routines.engine import (
    COLD_LIMIT_SECONDS,
    NAV_ACTIONS,
    SPOKEN_COUNT_MAX,
    Ask,
    CancelTimer,
    Count,
    Effect,
    EndSession,
    Event,
    Gentler,
    Nav,
    NavAction,
    OfferReminder,
    Pain,
    PermissionGranted,
    Pick,
    Relaunch,
    Say,
    Start,
    StartTimer,
    State,
    TimerStarted,
    TimerUnavailable,
    abandon,
    remaining_seconds,
    transition,
)
from back_relief.routines.model import Routine

CONTENT = Path(__file__).resolve().parents[2] / "lambda/back_relief/content/en"


def _load_routines() -> dict[str, Routine]:
    with (CONTENT / "routines.toml").open("rb") as f:
        data: dict[str, Any] = tomllib.load(f)
    return {rid: Routine.from_data(rid, r) for rid, r in data["routines"].items()}


def _load_messages() -> dict[str, Any]:
    with (CONTENT / "messages.toml").open("rb") as f:
        data: dict[str, Any] = tomllib.load(f)
    messages: dict[str, Any] = data["messages"]
    return messages


ROUTINES = _load_routines()
ALL_ROUTINES = sorted(ROUTINES)
TIMED_ROUTINES = ["ice", "heat", "contrast"]
UNTIMED_ROUTINES = ["massage", "stretches"]
COLD_ROUTINES = ["ice", "contrast"]

Action = NavAction
Reason = Literal["denied", "not_answered", "error"]
REASONS: tuple[Reason, ...] = ("denied", "not_answered", "error")

T0 = 1_700_000_000.0
MIN = 60.0
E = TypeVar("E")


# ---- helpers ------------------------------------------------------------------------


def run(state: State, event: Event, now: float = T0) -> tuple[State, list[Effect]]:
    return transition(state, event, now, ROUTINES)


def keys(effects: list[Effect]) -> list[str]:
    return [e.key for e in effects if isinstance(e, Say)]


def of_type(effects: list[Effect], kind: type[E]) -> list[E]:
    return [e for e in effects if isinstance(e, kind)]


def progress(state: State) -> tuple[Any, ...]:
    """The fields these tests pin, so bookkeeping fields the engine may add don't matter."""
    return (
        state.routine,
        state.step,
        state.status,
        state.minutes,
        state.timer_started_at,
        state.timer_seconds,
        state.timer_id,
        state.loops_done,
        state.last_cold_end,
    )


def first_timed(rid: str) -> int:
    return next(i for i, s in enumerate(ROUTINES[rid].steps) if s.kind == "timed")


def at_step(rid: str, index: int, now: float = T0, minutes: int | None = None) -> State:
    """Start rid and say next (all at `now`) until the routine is on step `index`."""
    state, _ = run(State(), Start(rid, minutes), now)
    while state.step != index:
        state, _ = run(state, Nav("next"), now)
        assert state.routine == rid
    return state


def timing(
    rid: str = "ice",
    now: float = T0,
    timer_id: str | None = "timer-1",
    index: int | None = None,
    minutes: int | None = None,
) -> State:
    """A routine on a timed step whose timer was created (or is awaited, if timer_id is None)."""
    state = at_step(rid, first_timed(rid) if index is None else index, now, minutes)
    assert state.status == "timing"
    if timer_id is not None:
        state, _ = run(state, TimerStarted(timer_id), now)
    return state


# ---- starting -----------------------------------------------------------------------


@pytest.mark.parametrize("rid", ALL_ROUTINES)
def test_start_says_the_intro_then_the_first_step(rid: str) -> None:
    state, effects = run(State(), Start(rid))
    assert effects == [Say("routine_intro", {"name": ROUTINES[rid].name}), Say("step")]
    assert state == State(routine=rid, step=0, status="active")


def test_start_keeps_last_cold_end_and_clears_other_progress() -> None:
    stored = State(loops_done=2, minutes=12, timer_seconds=60, last_cold_end=T0 - 3 * 3600)
    state, _ = run(stored, Start("heat"))
    assert state == State(routine="heat", status="active", last_cold_end=T0 - 3 * 3600)


def test_start_of_an_unknown_routine_asks_which_and_changes_nothing() -> None:
    before = at_step("heat", 2)
    state, effects = run(before, Start("yoga"))
    assert effects == [Say("which_routine")]
    assert state == before


@pytest.mark.parametrize("rid", TIMED_ROUTINES)
@pytest.mark.parametrize("wanted", [10, 12, 20])
def test_minutes_within_range_are_used_without_comment(rid: str, wanted: int) -> None:
    state, effects = run(State(), Start(rid, wanted))
    assert state.minutes == wanted
    assert "minutes_clamped" not in keys(effects)


@pytest.mark.parametrize("rid", TIMED_ROUTINES)
@pytest.mark.parametrize(
    ("wanted", "clamped"), [(-3, 10), (0, 10), (5, 10), (9, 10), (21, 20), (60, 20)]
)
def test_minutes_outside_ten_to_twenty_are_clamped_and_said(
    rid: str, wanted: int, clamped: int
) -> None:
    state, effects = run(State(), Start(rid, wanted))
    assert state.minutes == clamped
    assert effects[0] == Say("minutes_clamped", {"minutes": clamped})
    assert keys(effects)[1:] == ["routine_intro", "step"]


@pytest.mark.parametrize("rid", UNTIMED_ROUTINES)
def test_minutes_are_ignored_by_routines_without_a_timer(rid: str) -> None:
    state, effects = run(State(), Start(rid, 45))
    assert state.minutes == 0
    assert keys(effects) == ["routine_intro", "step"]


def test_chosen_minutes_time_both_contrast_phases() -> None:
    state = at_step("contrast", 2, minutes=12)
    assert state.timer_seconds == 12 * 60
    state, effects = run(state, Nav("next"))
    state, effects = run(state, Nav("next"))
    assert state.step == 4
    assert of_type(effects, StartTimer)[0].seconds == 12 * 60


# ---- walking every routine to the end -----------------------------------------------


@pytest.mark.parametrize("minutes", [None, 10, 20])
@pytest.mark.parametrize("rid", ["ice", "heat", "contrast", "stretches"])
def test_walking_with_next_enters_every_step_in_order_and_times_the_timed_ones(
    rid: str, minutes: int | None
) -> None:
    routine = ROUTINES[rid]
    now = T0
    state, effects = run(State(), Start(rid, minutes), now)
    for index, step in enumerate(routine.steps):
        assert state.routine == rid
        assert state.step == index
        if step.kind == "timed":
            seconds = (minutes or step.minutes) * 60
            assert effects[-2:] == [
                Say("step"),
                StartTimer(seconds, routine.timer_label, step.announce),
            ]
            assert state.status == "timing"
            assert state.timer_started_at == now
            assert state.timer_seconds == seconds
            assert state.timer_id is None
            state, effects = run(state, TimerStarted(f"timer-{index}"), now)
            assert effects == [Say("timer_set", {"minutes": seconds // 60}), EndSession()]
            now += MIN
            state, effects = run(state, Nav("next"), now)
            # left early: the timer has not rung, so it is cancelled
            assert effects[0] == CancelTimer(f"timer-{index}")
        else:
            assert effects[-1] == Say("step")
            assert not of_type(effects, StartTimer)
            assert state.status == "active"
            assert state.timer_started_at is None
            now += MIN
            state, effects = run(state, Nav("next"), now)
            if step.cue:  # a stretch: its position, then on "next" (ready) its paced reps
                assert effects == [Say("paced")] and state.step == index
                state, effects = run(state, Nav("next"), now)
    assert state.routine is None
    assert Say("routine_done", {"name": routine.name}) in effects


def test_step_kinds_match_the_reference() -> None:
    kinds = {rid: [s.kind for s in r.steps] for rid, r in ROUTINES.items()}
    assert kinds["ice"] == ["instruct"] * 3 + ["timed"] + ["instruct"] * 2
    assert kinds["heat"] == ["instruct"] * 4 + ["timed"] + ["instruct"] * 2
    assert kinds["contrast"] == ["instruct"] * 2 + ["timed", "hold", "timed"] + ["instruct"] * 2
    assert kinds["massage"] == ["instruct"] * 3 + ["hold", "hold", "instruct"]
    assert kinds["stretches"] == ["instruct"] * 2 + ["hold"] * 6 + ["instruct"]
    for r in ROUTINES.values():
        for s in r.steps:
            if s.kind == "timed":
                assert (s.min_minutes, s.minutes, s.max_minutes) == (10, 15, 20)
                assert s.announce


def test_massage_loop_repeats_steps_three_to_six_twice_more_then_finishes() -> None:
    routine = ROUTINES["massage"]
    state, effects = run(State(), Start("massage"))
    visited = [state.step]
    while True:
        state, effects = run(state, Nav("next"))
        if state.routine is None:
            break
        visited.append(state.step)
        assert len(visited) < 50
    # The pulse and stop rules (step 2) once; pressing and circles for each of three spots.
    assert visited == [0, 1, 2, 3, 4, 5, 3, 4, 5, 3, 4, 5]
    assert effects == [
        Say("text", {"text": routine.steps[5].after_loops}),
        Say("routine_done", {"name": routine.name}),
        EndSession(),
    ]
    assert state == State()


def test_massage_loop_counts_each_return() -> None:
    state = at_step("massage", 5)
    assert state.loops_done == 0
    state, effects = run(state, Nav("next"))
    assert (state.step, state.loops_done) == (3, 1)
    assert effects == [Say("step")]


def test_skip_behaves_like_next_but_skips_a_whole_stretch() -> None:
    for rid in ALL_ROUTINES:
        for index in range(len(ROUTINES[rid].steps)):
            before = at_step(rid, index)
            if ROUTINES[rid].steps[index].cue:
                before = replace(before, paced=True)  # the reps were said: next moves on
            assert run(before, Nav("skip"), T0 + MIN) == run(before, Nav("next"), T0 + MIN)


@pytest.mark.parametrize("rid", COLD_ROUTINES)
def test_finishing_a_cold_routine_clears_it_and_offers_a_reminder(rid: str) -> None:
    routine = ROUTINES[rid]
    state = at_step(rid, len(routine.steps) - 1)
    state, effects = run(state, Nav("next"), T0 + MIN)
    assert effects == [
        Say("routine_done", {"name": routine.name}),
        OfferReminder(rid, routine.reminder_hours),
    ]
    assert routine.reminder_hours == 2
    assert state.routine is None
    assert state.status == "idle"


@pytest.mark.parametrize("rid", ["heat", *UNTIMED_ROUTINES])
def test_finishing_heat_massage_or_stretches_ends_the_session(rid: str) -> None:
    """Heat may be used up to three times a day (reference 5.2): no two-hour reminder."""
    routine = ROUTINES[rid]
    state = at_step(rid, len(routine.steps) - 1)
    if rid == "massage":
        state = replace(state, loops_done=routine.steps[-1].loops)
    state, effects = run(state, Nav("next"))
    assert effects[-2:] == [Say("routine_done", {"name": routine.name}), EndSession()]
    assert not of_type(effects, OfferReminder)
    assert state == State()


@pytest.mark.parametrize("rid", COLD_ROUTINES)
def test_finishing_a_cold_routine_keeps_when_cold_came_off(rid: str) -> None:
    cold_index = max(i for i, s in enumerate(ROUTINES[rid].steps) if s.kind == "timed")
    state = timing(rid, index=cold_index)
    state, _ = run(state, Nav("next"), T0 + 15 * MIN)
    while state.routine:
        state, _ = run(state, Nav("next"), T0 + 30 * MIN)
    assert state.last_cold_end == T0 + 15 * MIN


# ---- leaving a timed step -----------------------------------------------------------


def test_next_during_ice_timer_cancels_it_and_records_when_cold_came_off() -> None:
    state = timing("ice", timer_id="ice-1")
    state, effects = run(state, Nav("next"), T0 + 5 * MIN)
    assert effects == [CancelTimer("ice-1"), Say("left_early", {"pack": "ice"}), Say("step")]
    assert state.step == first_timed("ice") + 1
    assert state.status == "active"
    assert state.timer_id is None
    assert state.timer_started_at is None
    assert state.last_cold_end == T0 + 5 * MIN


def test_next_after_the_timer_rang_does_not_cancel_it() -> None:
    state = timing("ice", timer_id="ice-1")
    state, effects = run(state, Nav("next"), T0 + 15 * MIN)
    assert effects == [Say("time_up", {"pack": "ice"}), Say("step")]
    assert state.last_cold_end == T0 + 15 * MIN


def test_next_while_timing_manually_has_no_timer_to_cancel() -> None:
    state = timing("ice", timer_id=None)
    state, _ = run(state, TimerUnavailable("denied"), T0)
    state, effects = run(state, Nav("next"), T0 + MIN)
    assert effects == [Say("left_early", {"pack": "ice"}), Say("step")]
    assert state.last_cold_end == T0 + MIN


def test_next_during_heat_timer_cancels_it_but_records_no_cold() -> None:
    state = timing("heat", timer_id="heat-1", now=T0, minutes=None)
    state = replace(state, last_cold_end=T0 - 5 * 3600)
    state, effects = run(state, Nav("next"), T0 + MIN)
    assert effects == [CancelTimer("heat-1"), Say("left_early", {"pack": "heat"}), Say("step")]
    assert state.last_cold_end == T0 - 5 * 3600


def test_contrast_records_cold_only_when_the_cold_phase_ends() -> None:
    state = timing("contrast", timer_id="warm")
    state, effects = run(state, Nav("next"), T0 + MIN)
    assert effects == [CancelTimer("warm"), Say("left_early", {"pack": "heat"}), Say("step")]
    assert state.last_cold_end is None
    assert ROUTINES["contrast"].steps[state.step].kind == "hold"
    state, effects = run(state, Nav("next"), T0 + 2 * MIN)
    assert state.step == 4
    assert of_type(effects, StartTimer)[0].announce == ROUTINES["contrast"].steps[4].announce
    state, _ = run(state, TimerStarted("cold"), T0 + 2 * MIN)
    state, effects = run(state, Nav("next"), T0 + 3 * MIN)
    assert effects == [CancelTimer("cold"), Say("left_early", {"pack": "ice"}), Say("step")]
    assert state.last_cold_end == T0 + 3 * MIN


# ---- previous / start over ----------------------------------------------------------


@pytest.mark.parametrize("rid", ALL_ROUTINES)
def test_previous_at_the_first_step_says_so_and_repeats_it(rid: str) -> None:
    before = at_step(rid, 0)
    state, effects = run(before, Nav("previous"))
    assert effects == [Say("routine_first_step"), Say("step")]
    assert state == before


def test_previous_from_a_plain_step_goes_back_one() -> None:
    state, effects = run(at_step("heat", 3), Nav("previous"))
    assert (state.step, state.status) == (2, "active")
    assert effects == [Say("step")]


def test_previous_from_a_timed_step_cancels_the_timer_and_goes_back() -> None:
    state = timing("ice", timer_id="ice-1")
    state, effects = run(state, Nav("previous"), T0 + 2 * MIN)
    assert effects == [CancelTimer("ice-1"), Say("left_early", {"pack": "ice"}), Say("step")]
    assert state.step == first_timed("ice") - 1
    assert state.status == "active"
    assert state.timer_id is None
    assert state.timer_started_at is None
    assert state.last_cold_end == T0 + 2 * MIN


def test_previous_back_onto_a_timed_step_starts_a_fresh_timer() -> None:
    state = at_step("heat", first_timed("heat") + 1)
    state, effects = run(state, Nav("previous"), T0 + MIN)
    assert state.status == "timing"
    assert state.timer_started_at == T0 + MIN
    assert effects[-1] == StartTimer(900, "Back Relief heat", ROUTINES["heat"].steps[4].announce)


def test_start_over_cancels_the_timer_and_returns_to_the_intro() -> None:
    state = timing("ice", timer_id="ice-1")
    state, effects = run(state, Nav("start_over"), T0 + MIN)
    assert effects == [
        CancelTimer("ice-1"),
        Say("left_early", {"pack": "ice"}),
        Say("routine_intro", {"name": "ice session"}),
        Say("step"),
    ]
    assert (state.step, state.status, state.timer_id) == (0, "active", None)


def test_start_over_resets_the_massage_loop_count() -> None:
    state = replace(at_step("massage", 4), loops_done=2)
    state, _ = run(state, Nav("start_over"))
    assert (state.step, state.loops_done) == (0, 0)


# ---- time left, time up, relaunch ---------------------------------------------------


@pytest.mark.parametrize(
    ("seconds_in", "elapsed", "remaining"),
    [(0, 0, 15), (30, 0, 15), (59, 0, 15), (60, 1, 14), (61, 1, 14), (450, 7, 8), (839, 13, 2)],
)
@pytest.mark.parametrize("ask", [Nav("time_left"), Nav("repeat"), Nav("resume"), Relaunch()])
def test_asking_while_timing_gives_time_on_and_time_to_go(
    seconds_in: int, elapsed: int, remaining: int, ask: Event
) -> None:
    before = timing("ice")
    state, effects = run(before, ask, T0 + seconds_in)
    assert effects == [
        Say("time_left", {"pack": "ice", "elapsed": elapsed, "remaining": remaining})
    ]
    assert state == before


@pytest.mark.parametrize("seconds_in", [840.5, 850, 899, 899.9])
def test_last_minute_says_under_a_minute(seconds_in: float) -> None:
    state = timing("heat")
    state, effects = run(state, Nav("time_left"), T0 + seconds_in)
    assert effects == [Say("time_left_under_minute", {"pack": "heat"})]
    assert state.status == "timing"


def test_exactly_one_minute_left_still_counts_in_minutes() -> None:
    _, effects = run(timing("heat"), Nav("time_left"), T0 + 840)
    assert effects == [Say("time_left", {"pack": "heat", "elapsed": 14, "remaining": 1})]


def test_time_left_names_the_contrast_phase_pack() -> None:
    _, warm = run(timing("contrast", index=2), Nav("time_left"), T0 + MIN)
    _, cold = run(timing("contrast", index=4), Nav("time_left"), T0 + MIN)
    assert warm[0] == Say("time_left", {"pack": "heat", "elapsed": 1, "remaining": 14})
    assert cold[0] == Say("time_left", {"pack": "ice", "elapsed": 1, "remaining": 14})


def test_time_left_counts_the_chosen_minutes() -> None:
    _, effects = run(timing("ice", minutes=10), Nav("time_left"), T0 + 3 * MIN)
    assert effects == [Say("time_left", {"pack": "ice", "elapsed": 3, "remaining": 7})]


@pytest.mark.parametrize("seconds_in", [900, 901, 1199, 1200])
def test_relaunch_after_time_up_moves_to_the_skin_check_and_says_time_up(
    seconds_in: int,
) -> None:
    state = timing("ice", timer_id="ice-1")
    state, effects = run(state, Relaunch(), T0 + seconds_in)
    assert effects == [Say("time_up", {"pack": "ice"}), Say("step")]  # rang: no cancel
    assert state.step == first_timed("ice") + 1
    assert ROUTINES["ice"].steps[state.step].title == "Check your skin"
    assert state.status == "active"
    assert state.last_cold_end == T0 + 15 * MIN  # when the timer ran out, not the relaunch


@pytest.mark.parametrize("seconds_in", [1200.5, 1201, 3600, 5 * 3600])
def test_relaunch_more_than_twenty_minutes_after_start_says_time_up_long(
    seconds_in: float,
) -> None:
    state, effects = run(timing("ice"), Relaunch(), T0 + seconds_in)
    assert effects == [Say("time_up_long", {"pack": "ice"}), Say("step")]
    assert state.step == first_timed("ice") + 1


def test_short_timer_is_only_overdue_after_twenty_minutes() -> None:
    state = timing("ice", minutes=10)
    _, effects = run(state, Relaunch(), T0 + 15 * MIN)
    assert effects[0] == Say("time_up", {"pack": "ice"})
    _, effects = run(state, Relaunch(), T0 + 21 * MIN)
    assert effects[0] == Say("time_up_long", {"pack": "ice"})


@pytest.mark.parametrize("action", ["time_left", "repeat", "resume"])
def test_asking_after_time_up_also_moves_on(action: Action) -> None:
    state, effects = run(timing("heat"), Nav(action), T0 + 16 * MIN)
    assert effects == [Say("time_up", {"pack": "heat"}), Say("step")]
    assert state.step == first_timed("heat") + 1


def test_warm_phase_time_up_moves_to_the_rest_and_records_no_cold() -> None:
    state, effects = run(timing("contrast", index=2), Relaunch(), T0 + 15 * MIN)
    assert effects == [Say("time_up", {"pack": "heat"}), Say("step")]
    assert (state.step, state.last_cold_end) == (3, None)


@pytest.mark.parametrize("status", ["active", "paused"])
def test_relaunch_off_the_timer_offers_to_resume(status: Literal["active", "paused"]) -> None:
    before = replace(at_step("stretches", 3), status=status)
    state, effects = run(before, Relaunch(), T0 + 3600)
    assert effects == [
        Say("routine_resume_offer", {"name": "stretches", "step": 4}),
        Ask("resume"),
    ]
    assert state == replace(before, status="paused")


def test_relaunch_with_nothing_stored_does_nothing() -> None:
    before = State(last_cold_end=T0 - 60)
    assert run(before, Relaunch()) == (State(last_cold_end=T0 - 60), [])


# ---- pause, resume, repeat, where ---------------------------------------------------


def test_pause_during_timing_keeps_the_timer_running() -> None:
    before = timing("ice", timer_id="ice-1")
    state, effects = run(before, Nav("pause"), T0 + 3 * MIN)
    assert effects == [Say("routine_paused_timing"), EndSession()]
    assert state == before


def test_pause_on_a_plain_step_pauses_and_resume_says_the_step_again() -> None:
    before = at_step("massage", 2)
    paused, effects = run(before, Nav("pause"))
    assert effects == [Say("routine_paused"), EndSession()]
    assert paused == replace(before, status="paused")
    resumed, effects = run(paused, Nav("resume"), T0 + 3600)
    assert effects == [Say("step")]
    assert resumed == before


def test_repeat_on_a_plain_step_says_it_again() -> None:
    before = at_step("heat", 1)
    assert run(before, Nav("repeat")) == (before, [Say("step")])


def test_time_left_off_the_timer_says_no_timer_and_where_you_are() -> None:
    before = at_step("ice", 1)
    state, effects = run(before, Nav("time_left"))
    assert effects == [
        Say("no_timer"),
        Say("routine_position", {"step": 2, "total": 6, "name": "ice session"}),
    ]
    assert state == before


@pytest.mark.parametrize("rid", ALL_ROUTINES)
def test_where_gives_step_and_total(rid: str) -> None:
    state = at_step(rid, 1)
    total = len(ROUTINES[rid].steps)
    name = ROUTINES[rid].name
    assert run(state, Nav("where")) == (
        state,
        [Say("routine_position", {"step": 2, "total": total, "name": name})],
    )


# ---- stop ---------------------------------------------------------------------------


def test_stop_during_ice_timer_cancels_it_and_records_cold_end() -> None:
    state = timing("ice", timer_id="ice-1")
    state, effects = run(state, Nav("stop"), T0 + 4 * MIN)
    assert effects == [
        Say("routine_stop"),
        CancelTimer("ice-1"),
        Say("check_skin"),
        EndSession(),
    ]
    assert state == State(last_cold_end=T0 + 4 * MIN)


def test_stop_after_the_ice_timer_rang_does_not_cancel_it() -> None:
    state = timing("ice", timer_id="ice-1")
    state, effects = run(state, Nav("stop"), T0 + 15 * MIN)
    assert effects == [Say("routine_stop"), Say("check_skin"), EndSession()]
    assert state == State(last_cold_end=T0 + 15 * MIN)


def test_stop_while_the_timer_is_still_being_set_has_nothing_to_cancel() -> None:
    state, effects = run(timing("ice", timer_id=None), Nav("stop"), T0 + MIN)
    assert effects == [Say("routine_stop"), Say("check_skin"), EndSession()]
    assert state == State(last_cold_end=T0 + MIN)


def test_stop_during_heat_timer_cancels_it_and_records_no_cold() -> None:
    state, effects = run(timing("heat", timer_id="heat-1"), Nav("stop"), T0 + MIN)
    assert effects == [
        Say("routine_stop"),
        CancelTimer("heat-1"),
        Say("check_skin"),
        EndSession(),
    ]
    assert state == State()


def test_stop_on_a_plain_step_keeps_the_earlier_cold_end() -> None:
    state = replace(at_step("heat", 2), last_cold_end=T0 - 600)
    state, effects = run(state, Nav("stop"))
    assert effects == [Say("routine_stop"), EndSession()]
    assert state == State(last_cold_end=T0 - 600)


def test_stop_with_no_routine_says_goodbye() -> None:
    assert run(State(), Nav("stop")) == (State(), [Say("goodbye"), EndSession()])


@pytest.mark.parametrize("action", [a for a in NAV_ACTIONS if a not in ("stop", "time_left")])
def test_navigation_with_no_routine_says_there_is_none(action: Action) -> None:
    assert run(State(), Nav(action)) == (State(), [Say("routine_none")])


def test_time_left_with_no_routine_says_no_timer() -> None:
    assert run(State(), Nav("time_left")) == (State(), [Say("no_timer")])


# ---- the two-hour cold gap ----------------------------------------------------------


@pytest.mark.parametrize("rid", COLD_ROUTINES)
@pytest.mark.parametrize(("ago", "said"), [(0, 1), (30, 1), (90, 1), (3600, 60), (7199, 119)])
def test_cold_session_within_two_hours_is_refused_with_a_gap_warning(
    rid: str, ago: int, said: int
) -> None:
    before = State(last_cold_end=T0 - ago)
    state, effects = run(before, Start(rid))
    assert effects == [Say("cold_gap_warning", {"ago": said}), Ask("gap_alternative")]
    assert state == State(last_cold_end=T0 - ago)


@pytest.mark.parametrize("rid", COLD_ROUTINES)
@pytest.mark.parametrize("ago", [7200, 7201, 86400])
def test_cold_session_two_hours_later_is_allowed(rid: str, ago: int) -> None:
    state, effects = run(State(last_cold_end=T0 - ago), Start(rid))
    assert state.routine == rid
    assert keys(effects) == ["routine_intro", "step"]


@pytest.mark.parametrize("rid", ["heat", "massage", "stretches"])
def test_non_cold_routines_ignore_the_gap(rid: str) -> None:
    state, _ = run(State(last_cold_end=T0 - 60), Start(rid))
    assert state.routine == rid
    assert state.last_cold_end == T0 - 60


def test_switching_from_ice_timing_to_heat_cancels_and_records_cold() -> None:
    state = timing("ice", timer_id="ice-1")
    state, effects = run(state, Start("heat"), T0 + 3 * MIN)
    assert effects == [
        CancelTimer("ice-1"),
        Say("left_early", {"pack": "ice"}),
        Say("routine_intro", {"name": "heat session"}),
        Say("step"),
    ]
    assert state == State(routine="heat", status="active", last_cold_end=T0 + 3 * MIN)


def test_restarting_ice_while_timing_it_cancels_then_refuses_for_the_gap() -> None:
    state = timing("ice", timer_id="ice-1")
    state, effects = run(state, Start("ice"), T0 + 3 * MIN)
    assert effects == [
        CancelTimer("ice-1"),
        Say("left_early", {"pack": "ice"}),
        Say("cold_gap_warning", {"ago": 1}),
        Ask("gap_alternative"),
    ]
    assert state == State(last_cold_end=T0 + 3 * MIN)


def test_starting_a_routine_while_heat_timing_cancels_the_old_timer() -> None:
    state = timing("heat", timer_id="heat-1")
    state, effects = run(state, Start("stretches"), T0 + MIN)
    assert effects[0] == CancelTimer("heat-1")
    assert (state.routine, state.status, state.timer_id) == ("stretches", "active", None)


def test_starting_a_new_routine_resets_loops_and_minutes() -> None:
    state = replace(at_step("massage", 5), loops_done=2)
    state, _ = run(state, Start("heat", 12))
    state, _ = run(state, Start("massage"))
    assert (state.loops_done, state.minutes, state.step) == (0, 0, 0)


# ---- timer outcomes in every status -------------------------------------------------


def _off_timer_states() -> list[State]:
    return [
        State(),
        State(last_cold_end=T0 - 60),
        at_step("ice", 1),
        replace(at_step("heat", 2), status="paused"),
        at_step("contrast", 3),
        at_step("massage", 4),
    ]


@pytest.mark.parametrize(
    "event",
    [TimerStarted("t-9"), TimerStarted(None), PermissionGranted(), *map(TimerUnavailable, REASONS)],
)
@pytest.mark.parametrize("before", _off_timer_states())
def test_stray_timer_outcomes_off_the_timer_are_ignored(before: State, event: Event) -> None:
    assert run(before, event, T0 + 60) == (before, [])


def test_timer_started_records_the_id_and_ends_the_session() -> None:
    before = timing("ice", timer_id=None, minutes=12)
    state, effects = run(before, TimerStarted("ice-1"))
    assert effects == [Say("timer_set", {"minutes": 12}), EndSession()]
    assert progress(state) == progress(replace(before, timer_id="ice-1"))


@pytest.mark.parametrize(
    ("reason", "key"),
    [("denied", "timer_manual"), ("not_answered", "timer_manual"), ("error", "timer_failed")],
)
def test_timer_unavailable_restarts_the_clock_for_manual_timing(reason: Reason, key: str) -> None:
    before = timing("ice", timer_id=None)
    state, effects = run(before, TimerUnavailable(reason), T0 + 40)
    assert effects == [Say(key, {"minutes": 15}), EndSession()]
    assert progress(state) == progress(replace(before, timer_started_at=T0 + 40))
    _, effects = run(state, Nav("time_left"), T0 + 40 + 5 * MIN)
    assert effects == [Say("time_left", {"pack": "ice", "elapsed": 5, "remaining": 10})]


def test_permission_granted_while_awaiting_asks_for_the_same_timer_again() -> None:
    before = timing("contrast", timer_id=None, index=4, minutes=11)
    state, effects = run(before, PermissionGranted(), T0 + 20)
    step = ROUTINES["contrast"].steps[4]
    assert effects == [StartTimer(11 * 60, "Back Relief contrast", step.announce)]
    assert state == before


def test_permission_granted_when_the_timer_already_exists_is_ignored() -> None:
    before = timing("ice", timer_id="ice-1")
    assert run(before, PermissionGranted(), T0 + 5) == (before, [])


def test_replayed_timer_started_while_a_timer_runs_changes_nothing() -> None:
    # A redelivered response must not re-announce the timer, nor swap the id we would
    # cancel (the first timer would then ring after the user stopped).
    before = timing("ice", timer_id="ice-1")
    assert run(before, TimerStarted("ice-1"), T0 + 5) == (before, [])
    assert run(before, TimerStarted("ice-2"), T0 + 5) == (before, [])


@pytest.mark.parametrize("reason", REASONS)
def test_stray_timer_unavailable_while_a_timer_runs_changes_nothing(reason: Reason) -> None:
    # Otherwise the running timer is orphaned (never cancelled) and the clock restarts,
    # so the pack could stay on past twenty minutes.
    before = timing("ice", timer_id="ice-1")
    assert run(before, TimerUnavailable(reason), T0 + 10 * MIN) == (before, [])


def test_replayed_timer_unavailable_does_not_restart_manual_timing() -> None:
    state = timing("ice", timer_id=None)
    manual, _ = run(state, TimerUnavailable("denied"), T0 + 30)
    # The same consent response delivered again ten minutes later.
    state, effects = run(manual, TimerUnavailable("denied"), T0 + 10 * MIN)
    assert effects == []
    assert state.timer_started_at == T0 + 30


def test_timer_created_after_a_late_permission_restarts_the_clock_with_it() -> None:
    # The Alexa timer runs from when it is created; the engine's clock must agree with
    # it, as it does when the permission is refused (TimerUnavailable restarts it too).
    state = timing("ice", timer_id=None)
    state, _ = run(state, PermissionGranted(), T0 + 2 * MIN)
    state, _ = run(state, TimerStarted("ice-1"), T0 + 2 * MIN)
    assert state.timer_started_at == T0 + 2 * MIN
    assert remaining_seconds(state, T0 + 2 * MIN) == 900


def test_remaining_seconds_is_zero_off_the_timer() -> None:
    assert remaining_seconds(at_step("ice", 1), T0) == 0.0
    assert remaining_seconds(timing("ice"), T0 + 100) == 800.0


# ---- stored state -------------------------------------------------------------------

STORED = [
    State(),
    State(last_cold_end=T0),
    timing("ice", timer_id="amzn1.timer.1", minutes=12),
    timing("contrast", timer_id=None, index=4),
    replace(at_step("massage", 3), loops_done=1, status="paused"),
    State(last_cold_end=T0 + 0.25),
]


@pytest.mark.parametrize("state", STORED)
def test_state_round_trips_through_a_dict_and_json(state: State) -> None:
    assert State.from_dict(state.to_dict()) == state
    assert State.from_dict(json.loads(json.dumps(state.to_dict()))) == state


def test_from_dict_of_nothing_is_a_fresh_state() -> None:
    assert State.from_dict({}) == State()


def test_from_dict_ignores_unknown_keys() -> None:
    data = {**STORED[2].to_dict(), "symptoms": "spasm", "version": 3}
    assert State.from_dict(data) == STORED[2]


@pytest.mark.parametrize(
    "data",
    [
        {"routine": "ice", "step": "two", "status": "active"},
        {"routine": 7, "status": "active"},
        {"routine": "ice", "step": 1, "status": "running"},
        {"routine": "ice", "step": 3, "status": "timing", "timer_started_at": "noon"},
        {"last_cold_end": "yesterday"},
        {"routine": ["ice"], "step": None},
    ],
)
def test_from_dict_with_garbage_values_gives_a_usable_state(data: dict[str, Any]) -> None:
    state = State.from_dict(data)
    assert state.routine is None or state.routine in ROUTINES
    assert isinstance(state.step, int)
    assert state.status in ("idle", "active", "paused", "timing")
    assert state.timer_started_at is None or isinstance(state.timer_started_at, float | int)
    assert state.last_cold_end is None or isinstance(state.last_cold_end, float | int)
    events: list[Event] = [
        Relaunch(),
        Nav("next"),
        Nav("time_left"),
        Start("ice"),
        TimerStarted("x"),
    ]
    for event in events:
        run(state, event, T0)


@pytest.mark.parametrize("event", [Relaunch(), Nav("next"), Nav("stop"), TimerStarted("t")])
def test_stored_state_naming_a_removed_routine_is_cleared(event: Event) -> None:
    stored = State(
        routine="hot_stones",
        step=4,
        status="timing",
        timer_started_at=T0,
        timer_seconds=900,
        timer_id="t",
        last_cold_end=T0 - 60,
    )
    state, effects = run(stored, event, T0 + 60)
    assert state == State(last_cold_end=T0 - 60)
    assert not of_type(effects, CancelTimer)


def test_stored_state_naming_a_removed_routine_can_start_another() -> None:
    stored = State(routine="hot_stones", step=4, status="active")
    state, effects = run(stored, Start("heat"))
    assert state == State(routine="heat", status="active")
    assert keys(effects) == ["routine_intro", "step"]


@pytest.mark.parametrize("event", [Relaunch(), Nav("next"), Nav("previous"), Nav("where")])
def test_stored_step_past_the_end_of_a_shortened_routine_does_not_crash(event: Event) -> None:
    # Content updates can shorten a routine under a user's stored progress (the ice steps
    # already differ from the reference table); every request would otherwise fail for good.
    stored = State(routine="ice", step=7, status="active")
    state, _ = run(stored, event)
    assert state.routine is None or 0 <= state.step < len(ROUTINES["ice"].steps)


def test_stored_minutes_over_the_limit_never_time_more_than_twenty() -> None:
    stored = State(routine="ice", step=first_timed("ice") - 1, status="active", minutes=45)
    state, effects = run(stored, Nav("next"))
    assert state.timer_seconds <= 20 * 60
    assert all(t.seconds <= 20 * 60 for t in of_type(effects, StartTimer))


# ---- odd orders: a seeded random walk -----------------------------------------------


def _random_event(rng: random.Random, state: State, last: list[Effect], ids: list[str]) -> Event:
    if of_type(last, StartTimer) and rng.random() < 0.7:  # what the adapter does next
        if rng.random() < 0.75:
            ids.append(f"timer-{len(ids)}")
            return TimerStarted(ids[-1])
        return TimerUnavailable(rng.choice(REASONS))
    roll = rng.random()
    if state.routine is None and roll < 0.6:
        roll = 0.75  # idle walks mostly start something
    if roll < 0.66:  # mostly "next", so walks reach timers and the ends of routines
        return Nav("next" if rng.random() < 0.5 else rng.choice(NAV_ACTIONS))
    if roll < 0.7:
        return rng.choice([Pain(), Gentler(), Pick("stretches", ("cat_cow",)), _SEATED])
    if roll < 0.76:
        minutes = rng.choice([None, None, None, -1, 0, 9, 10, 15, 20, 21, 90])
        quick = rng.random() < 0.3
        return Start(rng.choice([*ALL_ROUTINES, "yoga"]), minutes, quick=quick)
    if roll < 0.86:
        return Relaunch()
    if roll < 0.91:
        return PermissionGranted()
    if roll < 0.96:
        ids.append(f"timer-{len(ids)}")
        return TimerStarted(rng.choice([ids[-1], None, *ids[-3:]]))
    return TimerUnavailable(rng.choice(REASONS))


_SEATED = Pick("stretches", ROUTINES["stretches"].seated)


def _time_step(rng: random.Random) -> float:
    fixed = [0, 0, 1, 30, 59, 60, 61, 299, 600, 840, 900, 1199, 1200, 1201, 3600, 7199, 7200]
    roll = rng.random()
    if roll < 0.5:
        return float(rng.choice(fixed))
    return rng.uniform(0, 600 if roll < 0.9 else 3 * 3600)


def _check(before: State, after: State, effects: list[Effect], now: float) -> None:
    routine = ROUTINES.get(after.routine) if after.routine else None
    if after.routine is None:
        assert (after.step, after.status, after.timer_started_at) == (0, "idle", None)
        assert after.timer_id is None
    else:
        assert routine is not None
        assert 0 <= after.step < len(routine.steps)
        assert after.status in ("active", "paused", "timing")
        timed = routine.steps[after.step].kind == "timed"
        assert (after.status == "timing") == (timed and after.timer_started_at is not None)
        assert 0 <= after.loops_done <= max(0, routine.steps[-1].loops)
    if after.status == "timing":
        assert 60 <= after.timer_seconds <= 20 * 60
        assert after.timer_started_at is not None and after.timer_started_at <= now
    else:
        assert after.timer_started_at is None
        assert after.timer_id is None
    assert after.minutes == 0 or 10 <= after.minutes <= 20
    starts = of_type(effects, StartTimer)
    assert len(starts) <= 1
    if starts:
        assert routine is not None and after.status == "timing"
        assert starts[0] == StartTimer(
            after.timer_seconds, routine.timer_label, routine.steps[after.step].announce
        )
        assert after.timer_id is None
    cancels = of_type(effects, CancelTimer)
    assert len(cancels) <= 1
    if cancels:
        assert before.timer_id is not None and cancels[0].timer_id == before.timer_id
    if before.last_cold_end is not None:
        assert after.last_cold_end is not None and after.last_cold_end >= before.last_cold_end
    assert after.last_cold_end is None or after.last_cold_end <= now + SPOKEN_COUNT_MAX
    ends, offers = of_type(effects, EndSession), of_type(effects, OfferReminder)
    assert not (ends and offers)


class _Skin:
    """What the user's skin went through, tracked from states and effects alone (not from
    the engine's own bookkeeping): ice windows, their sum per run, and when ice came off."""

    def __init__(self) -> None:
        self.run_cold = 0.0
        self.cold_end: float | None = None

    @staticmethod
    def window(state: State) -> tuple[int, float, int] | None:
        routine = ROUTINES.get(state.routine or "")
        if routine is None or state.status != "timing" or state.timer_started_at is None:
            return None
        if routine.pack_for(state.step) != "ice":
            return None
        return state.step, state.timer_started_at, state.timer_seconds

    def check(
        self, before: State, event: Event, after: State, effects: list[Effect], now: float
    ) -> None:
        said = keys(effects)
        started = isinstance(event, Start | Pick) and (
            "routine_intro" in said or "quick_start" in said
        )
        target = ROUTINES.get(event.routine) if isinstance(event, Start | Pick) else None
        old, new = self.window(before), self.window(after)
        pack_window = before.status == "timing" and before.timer_started_at is not None
        left = pack_window and (
            after.status != "timing"
            or after.step != before.step
            or after.timer_started_at != before.timer_started_at
        )
        restarted = before.awaiting_timer and isinstance(event, TimerStarted | TimerUnavailable)
        counted = of_type(effects, Count)
        if left and not restarted:
            start = before.timer_started_at or now
            due = start + before.timer_seconds
            if counted:
                self._close(counted[0].seconds, now + counted[0].seconds, old is not None)
            else:
                self._close(max(0.0, min(now, due) - start), min(now, due), old is not None)
                if now < due:  # leaving early: take the pack off and check the skin
                    early = "left_early" in said or {"routine_stop", "check_skin"} <= set(said)
                    assert early, said
                else:
                    assert {"time_up", "time_up_long"} & set(said) or "routine_stop" in said
        if target is not None and target.cold and self.cold_end is not None:
            # The gap counts from when the ice came off, and only from then.
            too_soon = now - self.cold_end < target.gap_minutes * 60
            assert ("cold_gap_warning" in said) == too_soon, (now - self.cold_end, said)
        if started:
            self.run_cold = 0.0
        if new is not None:
            assert self.run_cold + new[2] <= COLD_LIMIT_SECONDS, (self.run_cold, new)
        assert self.run_cold <= COLD_LIMIT_SECONDS

    def _close(self, contact: float, end: float, ice: bool) -> None:
        if ice:
            self.run_cold += contact
            self.cold_end = max(end, self.cold_end or end)


def _walk(seed: int, count: int = 2000) -> list[list[Effect]]:
    rng = random.Random(seed)
    state, now = State(), T0
    last: list[Effect] = []
    ids: list[str] = []
    seen: list[list[Effect]] = []
    skin = _Skin()
    for _ in range(count):
        event = _random_event(rng, state, last, ids)
        now += _time_step(rng)
        before = state
        state, last = transition(before, event, now, ROUTINES)
        _check(before, state, last, now)
        skin.check(before, event, state, last, now)
        assert State.from_dict(json.loads(json.dumps(state.to_dict()))) == state
        seen.append(last)
    return seen


@pytest.mark.parametrize("seed", [1, 2, 3, 5, 8, 13, 21, 34])
def test_random_event_orders_keep_every_invariant(seed: int) -> None:
    _walk(seed)


def test_every_spoken_key_exists_with_its_placeholders_filled() -> None:
    messages = _load_messages()
    locale_fills = {"emergency", "doctor", "physio", "emergency_unit", "sameday", "crisis"}
    said: dict[str, set[str]] = {}
    for seed in (1, 2, 3):
        for effects in _walk(seed, 800):
            for say in of_type(effects, Say):
                said.setdefault(say.key, set()).update(say.params)
    assert {"time_left", "time_up", "cold_gap_warning", "routine_done"} <= set(said)
    for key, params in said.items():
        if key in ("step", "paced", "text"):
            continue
        assert key in messages, key
        needed = set(re.findall(r"\{(\w+)\}", str(messages[key]))) - locale_fills
        assert needed <= params, (key, needed - params)


def test_time_left_rounding_never_promises_more_than_the_timer() -> None:
    state = timing("ice", minutes=17)
    for seconds_in in range(0, 17 * 60 - 60, 7):
        _, effects = run(state, Nav("time_left"), T0 + seconds_in)
        params = effects[0].params if isinstance(effects[0], Say) else {}
        assert params["elapsed"] == seconds_in // 60
        assert params["remaining"] == math.ceil((17 * 60 - seconds_in) / 60)
        assert params["elapsed"] + params["remaining"] in (17, 18)


# ---- issue 14: cold budget, early leave, gap, pain, pick, continue, fast path -------------


def test_going_back_then_next_times_only_the_ice_left_in_the_session() -> None:
    state = timing("ice", timer_id="ice-1")
    state, effects = run(state, Nav("previous"), T0 + 10 * MIN)
    assert Say("left_early", {"pack": "ice"}) in effects
    state, effects = run(state, Nav("next"), T0 + 11 * MIN)
    [timer] = of_type(effects, StartTimer)
    assert timer.seconds == 5 * MIN  # 15 chosen, 10 already on: never a fresh full timer
    state, _ = run(state, TimerStarted("ice-2"), T0 + 11 * MIN)
    state, _ = run(state, Nav("previous"), T0 + 16 * MIN)
    state, effects = run(state, Nav("next"), T0 + 17 * MIN)
    assert not of_type(effects, StartTimer)  # the 15 minutes are used up
    assert keys(effects)[0] == "cold_enough"
    assert state.status == "active" and state.step == first_timed("ice") + 1


def test_a_timer_that_rang_unanswered_ended_when_it_ran_out() -> None:
    state = timing("ice", timer_id="ice-1")
    next_day = T0 + 24 * 3600
    state, effects = run(state, Start("ice"), next_day)
    assert "cold_gap_warning" not in keys(effects)
    assert state.routine == "ice"
    assert state.last_cold_end == T0 + 15 * MIN


def test_without_a_timer_a_short_ice_remainder_is_counted_aloud() -> None:
    state = timing("ice", timer_id="ice-1")
    state, _ = run(state, Nav("previous"), T0 + 13 * MIN)
    state, _ = run(state, Nav("next"), T0 + 14 * MIN)
    assert state.timer_seconds == 2 * MIN
    state, effects = run(state, TimerUnavailable("denied"), T0 + 14 * MIN)
    assert of_type(effects, Count) == [Count(2 * 60)]
    assert keys(effects)[-1] == "step" and "time_up" in keys(effects)
    assert not of_type(effects, EndSession)
    assert state.last_cold_end == T0 + 16 * MIN


@pytest.mark.parametrize("status", ["active", "paused", "timing"])
def test_continue_keeps_the_routine_going(status: str) -> None:
    if status == "timing":
        state, effects = run(timing("ice"), Nav("continue"), T0 + MIN)
        assert keys(effects) == ["time_left"]
        return
    before = replace(at_step("heat", 1), status=status)  # type: ignore[arg-type]
    state, effects = run(before, Nav("continue"))
    assert keys(effects) == ["step"]
    assert state.step == (2 if status == "active" else 1)  # paused: hear the step again


def test_pain_on_a_stretch_stops_it_and_offers_the_gentler_one() -> None:
    routine = ROUTINES["stretches"]
    state = at_step("stretches", routine.index_of("cat_cow"))
    state, effects = run(state, Pain())
    assert keys(effects) == ["pain_stop", "pain_gentler"]
    gentler = routine.steps[routine.index_of(routine.gentler)].title
    named = {"title": gentler.lower()}  # said mid-sentence; the reprompt names it the same way
    assert effects[-2:] == [Say("pain_gentler", named), Ask("gentler", params=named)]
    assert state.status == "paused"
    state, effects = run(state, Gentler())
    assert state.step == routine.index_of(routine.gentler)
    state, _ = run(state, Nav("next"))  # ready: its reps
    state, _ = run(state, Nav("next"))
    assert state.step == len(routine.steps) - 1  # only the gentler one, then the close


def test_pain_with_ice_on_takes_it_off_and_offers_to_stop() -> None:
    state, effects = run(timing("ice", timer_id="ice-1"), Pain(), T0 + 4 * MIN)
    assert effects[:2] == [CancelTimer("ice-1"), Say("left_early", {"pack": "ice"})]
    assert effects[-1] == Ask("stop_offer")
    assert state.last_cold_end == T0 + 4 * MIN


def test_picking_a_stretch_says_the_rules_then_only_that_stretch() -> None:
    routine = ROUTINES["stretches"]
    state, effects = run(State(), Pick("stretches", ("knee_rolls",)))
    assert state.step == 0 and keys(effects) == ["routine_intro", "step"]
    visited = []
    while state.routine:
        state, _ = run(state, Nav("next"))
        visited.append(state.step)
    assert [routine.steps[i].id for i in visited[:-1]] == ["", "knee_rolls", "knee_rolls", ""]


def test_seated_mid_routine_jumps_to_the_chair_stretches() -> None:
    routine = ROUTINES["stretches"]
    state, _ = run(at_step("stretches", 1), Pick("stretches", routine.seated))
    assert routine.steps[state.step].id == routine.seated[0]
    state, _ = run(state, Nav("next"))  # ready: its reps
    state, _ = run(state, Nav("next"))
    assert routine.steps[state.step].id == routine.seated[1]


@pytest.mark.parametrize("rid", TIMED_ROUTINES)
def test_a_quick_start_is_one_check_away_from_the_timer(rid: str) -> None:
    state, effects = run(State(), Start(rid, quick=True))
    assert keys(effects) == ["quick_start"]
    state, effects = run(state, Nav("continue"))
    assert state.status == "timing" and of_type(effects, StartTimer)


def test_abandoning_mid_ice_still_counts_the_cold_for_the_gap() -> None:
    state = abandon(timing("ice", timer_id="ice-1"), T0 + 6 * MIN, ROUTINES)
    assert state == State(last_cold_end=T0 + 6 * MIN)
    _, effects = run(state, Start("ice"), T0 + 30 * MIN)
    assert keys(effects) == ["cold_gap_warning"]
