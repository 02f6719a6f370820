"""A save refused because another device saved first: re-read once, re-apply, or say so.

Two devices of one user can load the same version and both change it ("next" on each). The
second save is refused (conditional write). Dropping it silently would lose a step; writing
it over the other would lose the other's. So the loser re-reads the record once and re-runs
its own domain events on it. If that lands on exactly the state this turn's reply already
described, the result is saved (once; a further conflict is reported as a failed save).
Otherwise the other device's state stands and the user hears where they are now.
"""

from __future__ import annotations

import logging
from typing import Any

from ..routines.engine import State, abandon, transition
from ..store import Store, StoreError
from ..values import Value
from .turn import Turn

log = logging.getLogger("back_relief")


class Settled(Value):
    snapshot: dict[str, Any] | None  # what the session should carry now; None: nothing
    note: str | None  # what to tell the user, if anything


def settle(store: Store, turn: Turn) -> Settled:
    """Resolve a refused save. Raises StoreError (ConflictError included) if the store fails
    again, which the caller reports to the user as a save that did not happen."""
    fresh = store.load(turn.user_key)
    if fresh.version == 0:
        # Deleted meanwhile ("forget me" from the other device): nothing to resurrect.
        log.info("store_conflict", extra={"error": "Deleted"})
        return Settled(None, None)
    theirs = State.from_dict(fresh.data.get("state") or {})
    state = theirs
    for event in turn.events:
        state, _ = transition(state, event, turn.now, turn.content.routines)
    if state == turn.state:
        their_seq = fresh.data.get("seq")
        seq = max(turn.sync.seq, (their_seq if type(their_seq) is int else 0) + 1)
        snapshot = {"state": turn.state.to_dict(), "profile": turn.profile, "seq": seq}
        if not turn.affords(store.worst_case_seconds):
            raise StoreError("no time left in this turn to save again")
        store.save(turn.user_key, snapshot, fresh.version, turn.now)
        log.info("store_conflict", extra={"error": "Reapplied"})
        return Settled(snapshot, None)
    log.info("store_conflict", extra={"error": "KeptOther"})
    return Settled(fresh.data, _where(turn, theirs))


def _where(turn: Turn, state: State) -> str:
    content = turn.content
    routine = content.routines.get(state.routine) if state.routine else None
    if routine is None or state.status not in ("active", "paused", "timing"):
        return content.message("store_conflict")
    return content.message(
        "store_conflict_moved",
        step=min(state.step, len(routine.steps) - 1) + 1,
        total=len(routine.steps),
        name=routine.name,
    )


def end_routine(store: Store, key: str, turn: Turn) -> None:
    """After an emergency line has been answered (without the store): drop the user's routine,
    so no later launch offers to carry on with it. Best effort and inside the turn's time
    budget; whatever fails is logged and changes nothing the user hears."""
    if not turn.affords(store.worst_case_seconds):
        return
    record = store.load(key)
    state = State.from_dict(record.data.get("state") or {})
    if state.routine is None:
        return
    # Still counting any cold that was on, so the two-hour gap holds afterwards.
    ended = abandon(state, turn.now, turn.content.routines)
    if not turn.affords(store.worst_case_seconds):
        return
    seq = record.data.get("seq")
    profile = record.data.get("profile")
    snapshot = {
        "state": ended.to_dict(),
        "profile": profile if isinstance(profile, dict) else {},
        "seq": (seq if type(seq) is int else 0) + 1,
    }
    store.save(key, snapshot, record.version, turn.now)
