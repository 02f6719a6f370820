"""Routines as data: built from content/en/routines.toml, no ASK or AWS imports.

Immutable NamedTuples rather than frozen dataclasses: they are read-only and compare by value
alike, and defining them costs a cold start about 0.3 ms instead of about 7 ms (dataclass
generates and compiles its methods at import).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

StepKind = Literal["instruct", "hold", "timed"]


class Step(NamedTuple):
    kind: StepKind
    title: str
    say: str = ""
    # timed
    minutes: int = 0
    min_minutes: int = 0
    max_minutes: int = 0
    announce: str = ""
    pack: str = ""
    # hold
    seconds: int = 0
    done: str = ""
    # stretch holds: a described movement paced rep by rep, per side
    id: str = ""
    start: str = ""
    movement: str = ""
    breathing: str = ""
    stop_if: str = ""
    cue: str = ""
    back: str = ""
    reps: int = 1
    sides: bool = False
    sources: tuple[str, ...] = ()
    # instruct steps that loop back (massage: repeat for the next tight spot)
    loop_to: int = -1
    loops: int = 0
    after_loops: str = ""
    # hold steps: the word that starts the count ("hold"), when holding would be wrong
    # (a pelvic tilt says keep breathing, not hold)
    count_word: str = ""

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Step:
        values = dict(data)
        if "sources" in values:
            values["sources"] = tuple(values["sources"])
        return cls(**values)

    def clamp_minutes(self, wanted: int | None) -> int:
        if wanted is None:
            return self.minutes
        return max(self.min_minutes, min(self.max_minutes, wanted))


class Routine(NamedTuple):
    id: str
    name: str
    title: str
    steps: tuple[Step, ...]
    pack: str = ""
    cold: bool = False
    gap_minutes: int = 0
    reminder_hours: int = 0
    timer_label: str = ""
    # A returning user's one short check before the timed step (the fast path).
    quick_check: str = ""
    # The step id offered when an exercise hurts, and the steps that need no floor.
    gentler: str = ""
    seated: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @classmethod
    def from_data(cls, routine_id: str, data: Mapping[str, Any]) -> Routine:
        values = {k: v for k, v in data.items() if k != "steps"}
        values["sources"] = tuple(values.get("sources", ()))
        values["seated"] = tuple(values.get("seated", ()))
        steps = tuple(Step.from_data(s) for s in data["steps"])
        return cls(id=routine_id, steps=steps, **values)

    def pack_for(self, index: int) -> str:
        return self.steps[index].pack or self.pack

    def index_of(self, step_id: str) -> int:
        """The index of the step with this id, or -1."""
        return next((i for i, s in enumerate(self.steps) if step_id and s.id == step_id), -1)

    def first_timed(self) -> int:
        return next((i for i, s in enumerate(self.steps) if s.kind == "timed"), -1)
