"""What a bare "yes" or "no" answers: the question the previous reply ended on.

A small union of frozen values owned by the adapter (never the engine's State). It rides in
the session attributes between turns (a question never outlives its session) and is checked
on load like everything else that comes back from the client: an unknown or ill-typed value
is dropped, not guessed at.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..values import Value


class Resume(Value):
    """ "Would you like to carry on with your routine?"."""


class Offer(Value):
    """An answer offered a routine: yes starts it."""

    routine: str


class Reminder(Value):
    """The routine ended offering a reminder for the next session."""

    routine: str


class WarningMore(Value):
    """The warning signs asked whether to hear more."""


class SymptomWarning(Value):
    """A symptom with no red flag: offered the warning signs."""


class GapAlternative(Value):
    """Too soon for more cold: offered heat or stretches instead."""


class ConfirmRedFlag(Value):
    """Triage asked a yes/no question to confirm a possible red flag; `advised` is the trigger
    whose same-day or within-days advice came first in the same reply, so that "no" repeats
    that advice rather than reassuring ("none": the question came alone)."""

    trigger: str
    advised: str = "none"


class Hear(Value):
    """Triage's advice came first and left no breath for the answer asked about: yes hears it."""

    answer: str


class Gentler(Value):
    """An exercise hurt: offered the routine's gentler step."""

    routine: str


class StopOffer(Value):
    """An exercise hurt: offered to stop."""


Pending = (
    Resume
    | Offer
    | Reminder
    | WarningMore
    | SymptomWarning
    | GapAlternative
    | ConfirmRedFlag
    | Hear
    | Gentler
    | StopOffer
)

_KINDS: dict[str, type[Pending]] = {
    "resume": Resume,
    "offer": Offer,
    "reminder": Reminder,
    "warning_more": WarningMore,
    "symptom_warning": SymptomWarning,
    "gap_alternative": GapAlternative,
    "confirm_red_flag": ConfirmRedFlag,
    "hear": Hear,
    "gentler": Gentler,
    "stop_offer": StopOffer,
}
_NAMES = {cls: name for name, cls in _KINDS.items()}


def to_dict(pending: Pending) -> dict[str, str]:
    values = {name: str(getattr(pending, name)) for name in pending.fields}
    return {"kind": _NAMES[type(pending)], **values}


def from_dict(data: Any) -> Pending | None:
    """The pending question stored in session attributes, or None if it is not one."""
    if not isinstance(data, Mapping):
        return None
    cls = _KINDS.get(str(data.get("kind")))
    if cls is None:
        return None
    values: dict[str, str] = {}
    for name, default in zip(cls.fields, cls._defaults, strict=True):
        value = data.get(name)
        if value is None and isinstance(default, str):
            continue  # a field with a default, stored before it existed
        if not isinstance(value, str) or not value:
            return None
        values[name] = value
    return cls(**values)
