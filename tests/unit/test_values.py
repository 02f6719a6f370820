"""The engine's events and effects and the adapter's pending questions are Values
(back_relief/values.py), not dataclasses: they must keep every property callers relied on."""

from __future__ import annotations

import pytest
from back_relief.alexa import pending
from back_relief.routines.events import (
    Ask,
    EndSession,
    Gentler,
    Nav,
    Pain,
    Say,
    Start,
    StartTimer,
)


def test_equal_only_to_the_same_kind_with_the_same_fields() -> None:
    assert Start("ice") == Start(routine="ice", minutes=None, quick=False)
    assert Start("ice", 10) != Start("ice", 12)
    # Field-less events of different kinds are different events (NamedTuples would say equal).
    assert Pain() != Gentler()
    assert Pain() == Pain()
    assert pending.Gentler("stretches") != Gentler()
    assert pending.Offer("ice") != pending.Reminder("ice")
    assert Nav("next") != ("next",)
    assert len({Nav("next"), Nav("next"), Nav("stop")}) == 2


def test_defaults_missing_and_unknown_arguments_behave_like_a_dataclass() -> None:
    assert Say("routine_paused").params == {}
    assert Ask("resume").routine == ""
    with pytest.raises(TypeError):
        StartTimer(60, "ice")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Nav("next", "again")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Nav(action="next", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Nav("next", action="stop")  # type: ignore[misc]


def test_frozen() -> None:
    event = Start("ice")
    with pytest.raises(AttributeError):
        event.routine = "heat"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del event.routine
    assert event.routine == "ice"


def test_repr_and_positional_match() -> None:
    assert repr(StartTimer(600, "ice", "ice_on")) == (
        "StartTimer(seconds=600, label='ice', announce='ice_on')"
    )
    assert repr(EndSession()) == "EndSession()"
    match pending.ConfirmRedFlag("E1"):
        case pending.ConfirmRedFlag(trigger):
            assert trigger == "E1"
        case _:
            pytest.fail("positional pattern did not match")


def test_pending_questions_round_trip_and_refuse_what_they_are_not() -> None:
    asked = pending.ConfirmRedFlag("U3")
    advised = pending.ConfirmRedFlag("E2", "same_day")
    for question in (pending.Resume(), pending.Offer("heat"), asked, advised):
        assert pending.from_dict(pending.to_dict(question)) == question
    # A question stored before `advised` existed still counts (its default), but not a wrong type.
    assert pending.from_dict({"kind": "confirm_red_flag", "trigger": "E1"}) == (
        pending.ConfirmRedFlag("E1", "none")
    )
    assert pending.from_dict({"kind": "confirm_red_flag", "trigger": "E1", "advised": 2}) is None
    assert pending.from_dict({"kind": "offer"}) is None
    assert pending.from_dict({"kind": "offer", "routine": 3}) is None
    assert pending.from_dict({"kind": "nonsense"}) is None
