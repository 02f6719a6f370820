"""The routine state machine: transition(state, event, now, routines) -> (state, effects).

Pure: no ASK, AWS, clock or I/O. The adapter turns effects into speech, timer API calls
and session control, and feeds API outcomes back in as events. State holds only routine
progress and timestamps (never health data), so it is safe to persist as is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from .model import Routine

Status = Literal["idle", "active", "paused", "timing"]


@dataclass(frozen=True)
class State:
    routine: str | None = None
    step: int = 0
    status: Status = "idle"
    minutes: int = 0  # the user's chosen length for timed steps; 0 = the step's default
    timer_started_at: float | None = None
    timer_seconds: int = 0
    timer_id: str | None = None
    loops_done: int = 0
    last_cold_end: float | None = None
    pending: str | None = None  # what a bare "yes" / "no" answers next
    awaiting_timer: bool = False

    def to_dict(self) -> dict[str, Any]:
        # Every field is a plain value, so a shallow copy is exact; asdict() would deep-copy
        # each one, a noticeable share of a warm request.
        return {name: getattr(self, name) for name in self.__dataclass_fields__}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> State:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        try:
            state = cls(**known)
        except TypeError:
            return cls()
        # Session attributes come back from the client: check every type, or start clean.
        return state if _well_typed(state) else cls()


_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "routine": (str, type(None)),
    "step": (int,),
    "minutes": (int,),
    "timer_started_at": (int, float, type(None)),
    "timer_seconds": (int,),
    "timer_id": (str, type(None)),
    "loops_done": (int,),
    "last_cold_end": (int, float, type(None)),
    "pending": (str, type(None)),
    "awaiting_timer": (bool,),
}


def _well_typed(state: State) -> bool:
    for name, types in _FIELD_TYPES.items():
        value = getattr(state, name)
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            return False
    return state.status in ("idle", "active", "paused", "timing")


# ---- events -------------------------------------------------------------------------


@dataclass(frozen=True)
class Start:
    routine: str
    minutes: int | None = None


NavAction = Literal[
    "next",
    "previous",
    "repeat",
    "pause",
    "resume",
    "start_over",
    "skip",
    "stop",
    "time_left",
    "where",
]
NAV_ACTIONS: tuple[NavAction, ...] = get_args(NavAction)


@dataclass(frozen=True)
class Nav:
    """A navigation command from the user."""

    action: NavAction


@dataclass(frozen=True)
class Relaunch:
    """The user opened the skill again while progress was stored."""


@dataclass(frozen=True)
class PermissionGranted:
    """The user accepted the timer permission: try the timer again."""


@dataclass(frozen=True)
class TimerStarted:
    timer_id: str | None


@dataclass(frozen=True)
class TimerUnavailable:
    reason: Literal["denied", "not_answered", "error"]


Event = Start | Nav | Relaunch | PermissionGranted | TimerStarted | TimerUnavailable

# ---- effects ------------------------------------------------------------------------


@dataclass(frozen=True)
class Say:
    key: str  # a message key, or "step" for the current routine step
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StartTimer:
    seconds: int
    label: str
    announce: str


@dataclass(frozen=True)
class CancelTimer:
    timer_id: str


@dataclass(frozen=True)
class EndSession:
    pass


@dataclass(frozen=True)
class OfferReminder:
    routine: str
    hours: int


Effect = Say | StartTimer | CancelTimer | EndSession | OfferReminder
Result = tuple[State, list[Effect]]


def transition(state: State, event: Event, now: float, routines: Mapping[str, Routine]) -> Result:
    routine = routines.get(state.routine) if state.routine else None
    if routine is not None and not 0 <= state.step < len(routine.steps):
        routine = None
    if state.routine and routine is None:  # stored state names a routine we no longer have
        state, routine = _cleared(state), None
    state = replace(state, pending=None)
    if isinstance(event, Start):
        return _start(state, event, now, routines)
    if routine is None:
        return _idle(state, event)
    if isinstance(event, Nav):
        return _nav(state, event, now, routine)
    if isinstance(event, Relaunch):
        return _relaunch(state, now, routine)
    if isinstance(event, PermissionGranted):
        if state.status == "timing" and state.awaiting_timer:
            return state, [_timer_request(state, routine)]
        return state, []
    if state.status != "timing" or not state.awaiting_timer:
        return state, []
    if isinstance(event, TimerStarted):
        return (
            replace(state, timer_id=event.timer_id, timer_started_at=now, awaiting_timer=False),
            [Say("timer_set", {"minutes": state.timer_seconds // 60}), EndSession()],
        )
    # TimerUnavailable: the user times it themselves; the clock restarts now because the
    # consent dialog took a while and the pack goes on after it.
    key = "timer_failed" if event.reason == "error" else "timer_manual"
    return (
        replace(state, timer_started_at=now, timer_id=None, awaiting_timer=False),
        [Say(key, {"minutes": state.timer_seconds // 60}), EndSession()],
    )


def remaining_seconds(state: State, now: float) -> float:
    if state.status != "timing" or state.timer_started_at is None:
        return 0.0
    return state.timer_seconds - (now - state.timer_started_at)


# ---- internals ----------------------------------------------------------------------


def _cleared(state: State) -> State:
    return State(last_cold_end=state.last_cold_end)


def _idle(state: State, event: Event) -> Result:
    if isinstance(event, Nav) and event.action == "stop":
        return state, [Say("goodbye"), EndSession()]
    if isinstance(event, Nav) and event.action == "time_left":
        return state, [Say("no_timer")]
    if isinstance(event, Nav | Relaunch):
        return state, [Say("routine_none")] if isinstance(event, Nav) else []
    return state, []  # timer outcomes with nothing pending: a replay, ignore


def _start(state: State, event: Start, now: float, routines: Mapping[str, Routine]) -> Result:
    target = routines.get(event.routine)
    if target is None:
        return state, [Say("which_routine")]
    effects: list[Effect] = []
    if state.routine:
        state, effects = _leave(state, now, routines[state.routine])
        state = _cleared(state)
    if target.cold and state.last_cold_end is not None:
        ago = now - state.last_cold_end
        if 0 <= ago < target.gap_minutes * 60:
            return (
                replace(state, pending="gap_alternative"),
                [*effects, Say("cold_gap_warning", {"ago": max(1, int(ago // 60))})],
            )
    timed = [s for s in target.steps if s.kind == "timed"]
    minutes = 0
    if timed and event.minutes is not None:
        minutes = timed[0].clamp_minutes(event.minutes)
        if minutes != event.minutes:
            effects.append(Say("minutes_clamped", {"minutes": minutes}))
    state = replace(state, routine=target.id, step=0, minutes=minutes, loops_done=0)
    effects.append(Say("routine_intro", {"name": target.name}))
    return _enter(state, 0, now, target, effects)


def _enter(state: State, index: int, now: float, routine: Routine, effects: list[Effect]) -> Result:
    step = routine.steps[index]
    state = replace(state, step=index, timer_id=None)
    if step.kind == "timed":
        seconds = step.clamp_minutes(state.minutes or None) * 60
        state = replace(
            state, status="timing", timer_started_at=now, timer_seconds=seconds, awaiting_timer=True
        )
        return state, [*effects, Say("step"), _timer_request(state, routine)]
    state = replace(
        state, status="active", timer_started_at=None, timer_seconds=0, awaiting_timer=False
    )
    return state, [*effects, Say("step")]


def _timer_request(state: State, routine: Routine) -> StartTimer:
    step = routine.steps[state.step]
    return StartTimer(
        seconds=state.timer_seconds, label=routine.timer_label, announce=step.announce
    )


def _leave(state: State, now: float, routine: Routine) -> Result:
    """Close the current step: cancel a running timer, remember when cold came off."""
    effects: list[Effect] = []
    if state.status == "timing":
        if state.timer_id and remaining_seconds(state, now) > 0:
            effects.append(CancelTimer(state.timer_id))
        if routine.pack_for(state.step) == "ice":
            state = replace(state, last_cold_end=now)
        state = replace(
            state, status="active", timer_started_at=None, timer_id=None, awaiting_timer=False
        )
    return state, effects


def _advance(state: State, now: float, routine: Routine, effects: list[Effect]) -> Result:
    state, left = _leave(state, now, routine)
    effects = [*effects, *left]
    step = routine.steps[state.step]
    if step.loop_to >= 0:
        if state.loops_done < step.loops:
            state = replace(state, loops_done=state.loops_done + 1)
            return _enter(state, step.loop_to, now, routine, effects)
        if step.after_loops:
            effects.append(Say("text", {"text": step.after_loops}))
    if state.step + 1 < len(routine.steps):
        return _enter(state, state.step + 1, now, routine, effects)
    return _finish(state, routine, effects)


def _finish(state: State, routine: Routine, effects: list[Effect]) -> Result:
    effects = [*effects, Say("routine_done", {"name": routine.name})]
    state = _cleared(state)
    if routine.reminder_hours:
        state = replace(state, pending=f"reminder:{routine.id}")
        effects.append(OfferReminder(routine.id, routine.reminder_hours))
    else:
        effects.append(EndSession())
    return state, effects


def _nav(state: State, event: Nav, now: float, routine: Routine) -> Result:
    action = event.action
    if action in ("next", "skip"):
        return _advance(state, now, routine, [])
    if action == "previous":
        if state.step == 0:
            return state, [Say("routine_first_step"), Say("step")]
        state, effects = _leave(state, now, routine)
        return _enter(state, state.step - 1, now, routine, effects)
    if action == "start_over":
        state, effects = _leave(state, now, routine)
        state = replace(state, loops_done=0)
        return _enter(
            state, 0, now, routine, [*effects, Say("routine_intro", {"name": routine.name})]
        )
    if action == "stop":
        state, effects = _leave(state, now, routine)
        return _cleared(state), [*effects, Say("routine_stop"), EndSession()]
    if action == "where":
        total = len(routine.steps)
        return state, [
            Say("routine_position", {"step": state.step + 1, "total": total, "name": routine.name})
        ]
    if state.status == "timing":
        return _timing(state, action, now, routine)
    if action == "pause":
        return replace(state, status="paused"), [Say("routine_paused"), EndSession()]
    if action == "time_left":
        return state, [
            Say("no_timer"),
            Say(
                "routine_position",
                {"step": state.step + 1, "total": len(routine.steps), "name": routine.name},
            ),
        ]
    # repeat / resume: say the current step again
    return replace(state, status="active"), [Say("step")]


def _timing(state: State, action: str, now: float, routine: Routine) -> Result:
    if action == "pause":
        return state, [Say("routine_paused_timing"), EndSession()]
    left = remaining_seconds(state, now)
    if left <= 0:
        overdue = now - (state.timer_started_at or now) > _max_seconds(state, routine)
        return _advance(state, now, routine, [Say(_time_up_key(overdue), _pack(state, routine))])
    return state, [_time_left(state, now, routine)]


def _relaunch(state: State, now: float, routine: Routine) -> Result:
    if state.status == "timing":
        return _timing(state, "time_left", now, routine)
    name = {"name": routine.name, "step": state.step + 1}
    return replace(state, pending="resume"), [Say("routine_resume_offer", name)]


def _time_left(state: State, now: float, routine: Routine) -> Say:
    left = remaining_seconds(state, now)
    params = _pack(state, routine)
    if left < 60:
        return Say("time_left_under_minute", params)
    elapsed = now - (state.timer_started_at or now)
    params |= {"elapsed": int(elapsed // 60), "remaining": math.ceil(left / 60)}
    return Say("time_left", params)


def _max_seconds(state: State, routine: Routine) -> int:
    return routine.steps[state.step].max_minutes * 60 or state.timer_seconds


def _time_up_key(overdue: bool) -> str:
    return "time_up_long" if overdue else "time_up"


def _pack(state: State, routine: Routine) -> dict[str, Any]:
    return {"pack": routine.pack_for(state.step)}
