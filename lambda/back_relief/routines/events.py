"""The engine's vocabulary: its persisted State, the events it takes and the effects it returns.

All plain frozen values, no ASK, AWS, clock or I/O. State holds only routine progress and
timestamps (never health data, never what a yes/no answers: that is the adapter's), so it is
safe to persist as is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, get_args

from ..values import Value

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
    awaiting_timer: bool = False
    # Seconds of cold on the skin in this run of the routine: whatever the navigation, a
    # run never adds up to more than the 20-minute limit (S21).
    cold_used: float = 0.0
    # Space-separated step ids this run is limited to ("" = every step): one picked stretch,
    # or the seated ones. Steps without an id (intro, closing) always run.
    only: str = ""
    # A stretch is two turns: its position, then its paced reps. True once the reps were said.
    paced: bool = False

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
    "awaiting_timer": (bool,),
    "cold_used": (int, float),
    "only": (str,),
    "paced": (bool,),
}


def _well_typed(state: State) -> bool:
    for name, types in _FIELD_TYPES.items():
        value = getattr(state, name)
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            return False
    return state.status in get_args(Status)


# The events and effects below are Values (values.py), not dataclasses: the same frozen,
# compare-by-class-and-fields records for a fraction of a cold start. State stays a dataclass:
# callers evolve it with dataclasses.replace.

# An effect's parameters when it has none: read-only, so one shared default is safe.
NO_PARAMS: Mapping[str, Any] = MappingProxyType({})

# ---- events -------------------------------------------------------------------------


class Start(Value):
    routine: str
    minutes: int | None = None
    # A returning user who has done this routine's preparation before: one short check,
    # then straight to the timed step.
    quick: bool = False


NavAction = Literal[
    "next",
    "previous",
    "repeat",
    "pause",
    "resume",
    "continue",
    "start_over",
    "skip",
    "stop",
    "time_left",
    "where",
]
NAV_ACTIONS: tuple[NavAction, ...] = get_args(NavAction)


class Nav(Value):
    """A navigation command from the user."""

    action: NavAction


class Pick(Value):
    """Do only these steps of a routine (one stretch by name, or the seated ones)."""

    routine: str
    steps: tuple[str, ...]


class Pain(Value):
    """The user says the exercise hurts: stop it at once."""


class Gentler(Value):
    """The user accepted the gentler option offered after Pain."""


class Relaunch(Value):
    """The user opened the skill again while progress was stored."""


class PermissionGranted(Value):
    """The user accepted the timer permission: try the timer again."""


class TimerStarted(Value):
    timer_id: str | None


class TimerUnavailable(Value):
    reason: Literal["denied", "not_answered", "error"]


Event = (
    Start
    | Nav
    | Pick
    | Pain
    | Gentler
    | Relaunch
    | PermissionGranted
    | TimerStarted
    | TimerUnavailable
)

# ---- effects ------------------------------------------------------------------------


class Say(Value):
    key: str  # a message key, "step" for the current step, "text" for params["text"]
    params: Mapping[str, Any] = NO_PARAMS


class Count(Value):
    """Pace `seconds` in speech with spoken counts (a short timed step needs no timer)."""

    seconds: int


class StartTimer(Value):
    seconds: int
    label: str
    announce: str


class CancelTimer(Value):
    timer_id: str


class EndSession(Value):
    pass


class OfferReminder(Value):
    routine: str
    hours: int


Question = Literal["resume", "gap_alternative", "gentler", "stop_offer"]


class Ask(Value):
    """The reply ends on a yes/no question; the adapter remembers what it was."""

    question: Question
    routine: str = ""
    # What the question said (the gentler step's name): the reprompt says the same.
    params: Mapping[str, Any] = NO_PARAMS


Effect = Say | Count | StartTimer | CancelTimer | EndSession | OfferReminder | Ask
Result = tuple[State, list[Effect]]
