"""Pack timing for the engine: the cold budget, leaving a timed step, time left.

Pure, like engine.py: no clock, no I/O.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from .events import CancelTimer, Effect, Result, Say, StartTimer, State
from .model import Routine

COLD_LIMIT_SECONDS = 20 * 60  # never over 20 minutes of cold per session (S21)
# Without an Alexa timer, a step this short is counted aloud instead (Alexa allows 240 s of
# audio in one response).
SPOKEN_COUNT_MAX = 180


def remaining_seconds(state: State, now: float) -> float:
    if state.status != "timing" or state.timer_started_at is None:
        return 0.0
    return state.timer_seconds - (now - state.timer_started_at)


def timer_request(state: State, routine: Routine) -> StartTimer:
    step = routine.steps[state.step]
    return StartTimer(
        seconds=state.timer_seconds, label=routine.timer_label, announce=step.announce
    )


def leave(state: State, now: float, routine: Routine) -> Result:
    """Close the current step: a pack comes off (said every time), its timer is cancelled,
    and cold on the skin is counted up to when it came off."""
    if state.status != "timing":
        return state, []
    effects: list[Effect] = []
    start = state.timer_started_at if state.timer_started_at is not None else now
    due = start + state.timer_seconds
    pack = routine.pack_for(state.step)
    if now < due:
        if state.timer_id:
            effects.append(CancelTimer(state.timer_id))
        effects.append(Say("left_early", {"pack": pack}))
    else:
        overdue = now - start > (routine.steps[state.step].max_minutes * 60 or state.timer_seconds)
        effects.append(Say("time_up_long" if overdue else "time_up", {"pack": pack}))
    if pack == "ice":
        # A timer that rang and was never answered ended when it ran out, not now.
        end = min(now, due)
        state = replace(
            state,
            last_cold_end=max(end, state.last_cold_end or end),
            cold_used=state.cold_used + max(0.0, end - start),
        )
    state = replace(
        state, status="active", timer_started_at=None, timer_id=None, awaiting_timer=False
    )
    return state, effects


def time_left(state: State, now: float, routine: Routine) -> Say:
    left = remaining_seconds(state, now)
    params: dict[str, Any] = {"pack": routine.pack_for(state.step)}
    if left < 60:
        return Say("time_left_under_minute", params)
    elapsed = now - (state.timer_started_at or now)
    params |= {"elapsed": int(elapsed // 60), "remaining": math.ceil(left / 60)}
    return Say("time_left", params)
