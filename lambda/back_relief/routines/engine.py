"""The routine state machine: transition(state, event, now, routines) -> (state, effects).

Pure: no ASK, AWS, clock or I/O. The adapter turns effects into speech, timer API calls
and session control, and feeds API outcomes back in as events (alexa/effects.py).

Invariants (tests/unit/test_engine.py walks them at random):
- cold on the skin adds up to at most COLD_LIMIT_SECONDS per run, whatever the navigation;
- leaving a timed step always says to take the pack off and check the skin;
- the cold gap counts from when the ice came off (a timer that rang ended when it ran out).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from .events import (
    NAV_ACTIONS,
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
    Result,
    Say,
    Start,
    StartTimer,
    State,
    Status,
    TimerStarted,
    TimerUnavailable,
)
from .model import Routine
from .timing import (
    COLD_LIMIT_SECONDS,
    SPOKEN_COUNT_MAX,
    leave,
    remaining_seconds,
    time_left,
    timer_request,
)

__all__ = [
    "COLD_LIMIT_SECONDS",
    "NAV_ACTIONS",
    "SPOKEN_COUNT_MAX",
    "Ask",
    "CancelTimer",
    "Count",
    "Effect",
    "EndSession",
    "Event",
    "Gentler",
    "Nav",
    "NavAction",
    "OfferReminder",
    "Pain",
    "PermissionGranted",
    "Pick",
    "Relaunch",
    "Result",
    "Say",
    "Start",
    "StartTimer",
    "State",
    "Status",
    "TimerStarted",
    "TimerUnavailable",
    "abandon",
    "remaining_seconds",
    "transition",
]


def transition(state: State, event: Event, now: float, routines: Mapping[str, Routine]) -> Result:
    routine = routines.get(state.routine) if state.routine else None
    if routine is not None and not 0 <= state.step < len(routine.steps):
        routine = None
    if state.routine and routine is None:  # stored state names a routine we no longer have
        state, routine = _cleared(state), None
    if isinstance(event, Start):
        return _start(state, event, now, routines)
    if isinstance(event, Pick):
        return _pick(state, event, now, routines)
    if routine is None:
        return _idle(state, event)
    if isinstance(event, Nav):
        return _nav(state, event.action, now, routine)
    if isinstance(event, Relaunch):
        return _relaunch(state, now, routine)
    if isinstance(event, Pain):
        return _pain(state, now, routine)
    if isinstance(event, Gentler):
        return _gentler(state, now, routine)
    if isinstance(event, PermissionGranted):
        if state.status == "timing" and state.awaiting_timer:
            return state, [timer_request(state, routine)]
        return state, []
    if state.status != "timing" or not state.awaiting_timer:
        return state, []
    minutes = {"minutes": state.timer_seconds // 60}
    if isinstance(event, TimerStarted):
        return (
            replace(state, timer_id=event.timer_id, timer_started_at=now, awaiting_timer=False),
            [Say("timer_set", minutes), EndSession()],
        )
    # TimerUnavailable: the clock restarts now because the consent dialog took a while and
    # the pack goes on after it.
    state = replace(state, timer_started_at=now, timer_id=None, awaiting_timer=False)
    if state.timer_seconds <= SPOKEN_COUNT_MAX:  # a few minutes: count them aloud
        counted: list[Effect] = [Say("count_instead", minutes), Count(state.timer_seconds)]
        return _advance(state, now + state.timer_seconds, routine, counted)
    key = "timer_failed" if event.reason == "error" else "timer_manual"
    return state, [Say(key, minutes), EndSession()]


def abandon(state: State, now: float, routines: Mapping[str, Routine]) -> State:
    """Drop the routine without a word (an emergency answer says nothing else), still
    counting the cold that was on, so the two-hour gap holds afterwards."""
    routine = routines.get(state.routine) if state.routine else None
    if routine is not None and 0 <= state.step < len(routine.steps):
        state, _ = leave(state, now, routine)
    return _cleared(state)


# ---- internals ----------------------------------------------------------------------


def _cleared(state: State) -> State:
    return State(last_cold_end=state.last_cold_end)


def _idle(state: State, event: Event) -> Result:
    if isinstance(event, Nav) and event.action == "stop":
        return state, [Say("goodbye"), EndSession()]
    if isinstance(event, Nav) and event.action == "time_left":
        return state, [Say("no_timer")]
    if isinstance(event, Nav):
        return state, [Say("routine_none")]
    return state, []  # timer outcomes, pain or relaunch with nothing going: nothing to do


def _start(
    state: State, event: Start, now: float, routines: Mapping[str, Routine], only: str = ""
) -> Result:
    target = routines.get(event.routine)
    if target is None:
        return state, [Say("which_routine")]
    effects: list[Effect] = []
    if state.routine:
        state, effects = leave(state, now, routines[state.routine])
        state = _cleared(state)
    if target.cold and state.last_cold_end is not None:
        ago = now - state.last_cold_end
        if ago < target.gap_minutes * 60:
            return state, [
                *effects,
                Say("cold_gap_warning", {"ago": max(1, int(ago // 60))}),
                Ask("gap_alternative"),
            ]
    timed = target.first_timed()
    minutes = 0
    if timed >= 0 and event.minutes is not None:
        minutes = target.steps[timed].clamp_minutes(event.minutes)
        if minutes != event.minutes:
            effects.append(Say("minutes_clamped", {"minutes": minutes}))
    state = replace(state, routine=target.id, step=0, minutes=minutes, loops_done=0, only=only)
    state = replace(state, cold_used=0.0)
    if event.quick and timed > 0 and target.quick_check:
        # The preparation steps were heard before: one short check, then "yes" or "next"
        # goes straight to the timed step.
        step = target.steps[timed]
        chosen = step.clamp_minutes(minutes or None)
        effects.append(Say("quick_start", {"check": target.quick_check, "minutes": chosen}))
        return replace(state, step=timed - 1, status="active"), effects
    effects.append(Say("routine_intro", {"name": target.name}))
    return _enter(state, 0, now, target, effects)


def _pick(state: State, event: Pick, now: float, routines: Mapping[str, Routine]) -> Result:
    target = routines.get(event.routine)
    ids = [i for i in event.steps if target is not None and target.index_of(i) >= 0]
    if target is None or not ids:
        return state, [Say("which_routine")]
    only = " ".join(ids)
    if state.routine != target.id or state.status == "timing":
        return _start(state, Start(target.id), now, routines, only=only)
    state, effects = leave(state, now, target)
    state = replace(state, only=only)
    return _enter(state, _forward(state, target, 0, skip_intro=True), now, target, effects)


def _runs(state: State, routine: Routine, index: int) -> bool:
    step_id = routine.steps[index].id
    return not (state.only and step_id and step_id not in state.only.split())


def _forward(state: State, routine: Routine, index: int, skip_intro: bool = False) -> int:
    """The first step at or after index that this run does (the last step always runs)."""
    last = len(routine.steps) - 1
    while index < last and (
        not _runs(state, routine, index) or (skip_intro and not routine.steps[index].id)
    ):
        index += 1
    return index


def _enter(state: State, index: int, now: float, routine: Routine, effects: list[Effect]) -> Result:
    step = routine.steps[index]
    state = replace(state, step=index, timer_id=None, timer_started_at=None, timer_seconds=0)
    state = replace(state, status="active", awaiting_timer=False, paced=False)
    if step.kind != "timed":
        return state, [*effects, Say("step")]
    seconds = step.clamp_minutes(state.minutes or None) * 60
    if routine.pack_for(index) == "ice":
        # Ice already on in this run counts: "go back" then "next" only times what is left.
        budget = min(seconds, COLD_LIMIT_SECONDS) - state.cold_used
        seconds = int(budget // 60) * 60
        if seconds < 60:
            effects = [*effects, Say("cold_enough", {"pack": "ice"})]
            if index + 1 < len(routine.steps):
                return _enter(state, index + 1, now, routine, effects)
            return _finish(state, routine, effects)
    state = replace(
        state, status="timing", timer_started_at=now, timer_seconds=seconds, awaiting_timer=True
    )
    return state, [*effects, Say("step"), timer_request(state, routine)]


def _advance(state: State, now: float, routine: Routine, effects: list[Effect]) -> Result:
    state, left = leave(state, now, routine)
    effects = [*effects, *left]
    step = routine.steps[state.step]
    if step.loop_to >= 0:
        if state.loops_done < step.loops:
            state = replace(state, loops_done=state.loops_done + 1)
            return _enter(state, _forward(state, routine, step.loop_to), now, routine, effects)
        if step.after_loops:
            effects.append(Say("text", {"text": step.after_loops}))
    if state.step + 1 < len(routine.steps):
        index = _forward(state, routine, state.step + 1)
        return _enter(state, index, now, routine, effects)
    return _finish(state, routine, effects)


def _finish(state: State, routine: Routine, effects: list[Effect]) -> Result:
    effects = [*effects, Say("routine_done", {"name": routine.name})]
    state = _cleared(state)
    if routine.reminder_hours:
        effects.append(OfferReminder(routine.id, routine.reminder_hours))
    else:
        effects.append(EndSession())
    return state, effects


def _nav(state: State, action: NavAction, now: float, routine: Routine) -> Result:
    if action == "continue":  # "okay", "carry on" with no question open: keep going
        action = "resume" if state.status == "paused" else "next"
        if state.status == "timing":
            action = "time_left"
    if action == "next" and _two_part(state, routine) and not state.paced:
        # A stretch is said in two turns: the position first, then (once the user is in
        # it and says ready) the paced reps.
        return replace(state, paced=True), [Say("paced")]
    if action in ("next", "skip"):
        return _advance(state, now, routine, [])
    if action == "previous":
        back = [i for i in range(state.step) if _runs(state, routine, i)]
        if not back:
            return state, [Say("routine_first_step"), Say("step")]
        state, effects = leave(state, now, routine)
        return _enter(state, back[-1], now, routine, effects)
    if action == "start_over":
        state, effects = leave(state, now, routine)
        state = replace(state, loops_done=0)
        intro = Say("routine_intro", {"name": routine.name})
        return _enter(state, 0, now, routine, [*effects, intro])
    if action == "stop":
        was_timing = state.status == "timing"
        state, effects = leave(state, now, routine)
        # The reference's stop line already says to take the pack off; with one on, add only
        # the skin check rather than a second take-off line.
        said: list[Effect] = [Say("routine_stop")]
        if was_timing:
            said += [e for e in effects if not isinstance(e, Say)] + [Say("check_skin")]
        return _cleared(state), [*said, EndSession()]
    if action == "where":
        return state, [_position(state, routine)]
    if state.status == "timing":
        return _timing(state, action, now, routine)
    if action == "pause":
        return replace(state, status="paused"), [Say("routine_paused"), EndSession()]
    if action == "time_left":
        return state, [Say("no_timer"), _position(state, routine)]
    if action == "repeat" and state.status == "active" and state.paced:
        return state, [Say("paced")]
    # repeat / resume: say the current step again
    return replace(state, status="active", paced=False), [Say("step")]


def _two_part(state: State, routine: Routine) -> bool:
    step = routine.steps[state.step]
    return state.status == "active" and step.kind == "hold" and bool(step.cue)


def _position(state: State, routine: Routine) -> Say:
    total = len(routine.steps)
    return Say("routine_position", {"step": state.step + 1, "total": total, "name": routine.name})


def _timing(state: State, action: str, now: float, routine: Routine) -> Result:
    if action == "pause":
        return state, [Say("routine_paused_timing"), EndSession()]
    if remaining_seconds(state, now) <= 0:
        return _advance(state, now, routine, [])
    return state, [time_left(state, now, routine)]


def _relaunch(state: State, now: float, routine: Routine) -> Result:
    if state.status == "timing":
        return _timing(state, "time_left", now, routine)
    name = {"name": routine.name, "step": state.step + 1}
    return replace(state, status="paused"), [Say("routine_resume_offer", name), Ask("resume")]


def _pain(state: State, now: float, routine: Routine) -> Result:
    """Stop the exercise at once (a pack comes off), say what to do instead, then offer a
    gentler step if the routine has one, else to stop."""
    state, effects = leave(state, now, routine)
    state = replace(state, status="paused")
    effects.append(Say("pain_stop"))
    gentler = routine.index_of(routine.gentler)
    if gentler >= 0 and gentler != state.step:
        title = routine.steps[gentler].title
        title = title[:1].lower() + title[1:]  # said mid-sentence: "the gentler pelvic tilt"
        named = {"title": title}
        return state, [*effects, Say("pain_gentler", named), Ask("gentler", params=named)]
    return state, [*effects, Say("pain_stop_offer"), Ask("stop_offer")]


def _gentler(state: State, now: float, routine: Routine) -> Result:
    gentler = routine.index_of(routine.gentler)
    if gentler < 0:
        return state, [Say("step")]
    state, effects = leave(state, now, routine)
    return _enter(replace(state, only=routine.gentler), gentler, now, routine, effects)
