"""One request's working set: the user's content, progress and the reply being built.

Interceptors create a Turn before the handler runs and save it afterwards; handlers only
call the domain and add to the reply. Keeping speech as a list of SSML fragments means
every piece of plain text passes through ssml.escape exactly once.
"""

from __future__ import annotations

import time
from typing import Any

from .. import privacy
from ..content.loader import Content
from ..routines.engine import Effect, Event, State, transition
from ..routines.model import Routine
from ..safety.tiers import Finding
from . import ssml
from .pending import Pending


def clock() -> float:
    return time.perf_counter()


# Stored records are keyed by a keyed hash so the store never holds Alexa user ids.
user_key = privacy.user_key


# Plain classes with __slots__, not dataclasses: four of them cost a cold start ~1.5 ms of
# generated code, and nothing compares or prints these per-request working objects.


class Reply:
    __slots__ = ("awaiting_consent", "card", "directives", "end_session", "reprompt", "speech")

    def __init__(self) -> None:
        self.speech: list[str] = []
        self.reprompt: str | None = None
        self.end_session: bool | None = None
        self.directives: list[Any] = []
        self.card: tuple[str, str] | None = None
        # A Connections.SendRequest (voice consent) is out: Alexa takes over the dialog, so
        # the response carries no reprompt and leaves shouldEndSession unset.
        self.awaiting_consent = False

    def say(self, text: str) -> None:
        self.speech.append(ssml.escape(text))

    def ssml(self, fragment: str) -> None:
        self.speech.append(fragment)

    def ask(self, reprompt: str) -> None:
        self.reprompt = reprompt
        self.end_session = False

    def end(self) -> None:
        self.reprompt = None
        self.end_session = True


class Budget:
    """This turn's time: when it started (for the log) and when every call must be done."""

    __slots__ = ("api_worst_seconds", "deadline", "started_ms")

    def __init__(
        self,
        started_ms: float = 0.0,
        # Every call after the store load must finish by this time (perf_counter seconds).
        deadline: float = float("inf"),
        api_worst_seconds: float = 0.0,
    ) -> None:
        self.started_ms = started_ms
        self.deadline = deadline
        self.api_worst_seconds = api_worst_seconds


class Sync:
    """This turn's bookkeeping with the store, read by SaveTurn and conflict.py."""

    __slots__ = ("dirty", "failed", "forgotten", "seq", "version")

    def __init__(self) -> None:
        self.version = 0  # the record version loaded: the save is conditional on it
        self.seq = 0  # progress counter: the newer of the stored and the session copy wins
        self.dirty = False  # something to save
        self.failed = False  # the load failed: no save, and the user is told
        self.forgotten = False  # "forget me" deleted the record: nothing to write back


class Turn:
    __slots__ = (
        "budget",
        "content",
        "effects_seen",
        "events",
        "finding",
        "new_session",
        "now",
        "pending",
        "pending_in",
        "permissions",
        "profile",
        "reply",
        "state",
        "sync",
        "user_key",
    )

    def __init__(self, content: Content, state: State, now: float, user_key: str) -> None:
        self.content = content
        self.state = state
        self.now = now
        self.user_key = user_key
        self.profile: dict[str, Any] = {}  # welcomed flag, launch count
        self.sync = Sync()
        # What a bare "yes"/"no" answers in this turn, and what this reply asks (pending.py).
        self.pending_in: Pending | None = None
        self.pending: Pending | None = None
        self.finding: Finding | None = None
        self.permissions: dict[str, bool] = {}
        self.new_session = True
        self.reply = Reply()
        self.effects_seen: list[Effect] = []
        self.events: list[Event] = []  # re-run on a save conflict (conflict.py)
        self.budget = Budget()

    def affords(self, seconds: float) -> bool:
        """Whether a call that may take `seconds` still fits in this turn's time budget."""
        return clock() + seconds <= self.budget.deadline

    def affords_api_call(self) -> bool:
        """Whether an Alexa API call at its worst case still fits in this turn."""
        return self.affords(self.budget.api_worst_seconds)

    # ---- persistence shape: routine state and timestamps only (issue 9 privacy) ----
    def snapshot(self) -> dict[str, Any]:
        return {"state": self.state.to_dict(), "profile": self.profile, "seq": self.sync.seq}

    def set_state(self, state: State) -> None:
        if state != self.state:
            self.state = state
            self.sync.dirty = True

    def set_pending(self, pending: Pending | None) -> None:
        self.pending = pending

    def ask(self, pending: Pending, reprompt: str) -> None:
        """End the reply on a yes/no question: remember it, and reprompt with its words."""
        self.pending = pending
        self.reply.ask(reprompt)

    @property
    def routine(self) -> Routine | None:
        rid = self.state.routine
        return self.content.routines.get(rid) if rid else None

    # ---- domain calls ----
    def run(self, event: Event) -> list[Effect]:
        state, effects = transition(self.state, event, self.now, self.content.routines)
        self.events.append(event)
        self.set_state(state)
        self.effects_seen.extend(effects)
        return effects

    def say(self, key: str, **params: Any) -> None:
        self.reply.say(self.content.message(key, **params))
