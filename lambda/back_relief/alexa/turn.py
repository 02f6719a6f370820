"""One request's working set: the user's content, progress and the reply being built.

Interceptors create a Turn before the handler runs and save it afterwards; handlers only
call the domain and add to the reply. Keeping speech as a list of SSML fragments means
every piece of plain text passes through ssml.escape exactly once.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any

from .. import privacy
from ..content.loader import Content, fill
from ..routines.engine import Effect, EndSession, Event, OfferReminder, Say, State, transition
from ..routines.model import Routine, Step
from ..safety.triage import Finding
from . import ssml


def clock() -> float:
    return time.perf_counter()


# Stored records are keyed by a keyed hash so the store never holds Alexa user ids.
user_key = privacy.user_key


@dataclass
class Reply:
    speech: list[str] = field(default_factory=list)
    reprompt: str | None = None
    end_session: bool | None = None
    directives: list[Any] = field(default_factory=list)
    card: tuple[str, str] | None = None
    # A Connections.SendRequest (voice consent) is out: Alexa takes over the dialog, so
    # the response carries no reprompt and leaves shouldEndSession unset.
    awaiting_consent: bool = False

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


@dataclass
class Turn:
    content: Content
    state: State
    now: float
    user_key: str
    version: int = 0
    profile: dict[str, Any] = field(default_factory=dict)  # welcomed flag, launch count
    seq: int = 0
    pending_in: str | None = None  # what "yes"/"no" answers in this turn
    finding: Finding | None = None
    store_failed: bool = False
    dirty: bool = False
    forgotten: bool = False
    permissions: dict[str, bool] = field(default_factory=dict)
    new_session: bool = True
    reply: Reply = field(default_factory=Reply)
    effects_seen: list[Effect] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)  # re-run on a save conflict (conflict.py)
    started_ms: float = 0.0
    # Every call after the store load must finish by this time (perf_counter seconds).
    deadline: float = float("inf")
    api_worst_seconds: float = 0.0

    def affords(self, seconds: float) -> bool:
        """Whether a call that may take `seconds` still fits in this turn's time budget."""
        return clock() + seconds <= self.deadline

    # ---- persistence shape: routine state and timestamps only (issue 9 privacy) ----
    def snapshot(self) -> dict[str, Any]:
        return {"state": self.state.to_dict(), "profile": self.profile, "seq": self.seq}

    def set_state(self, state: State) -> None:
        if state != self.state:
            self.state = state
            self.dirty = True

    def set_pending(self, pending: str | None) -> None:
        self.set_state(replace(self.state, pending=pending))

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

    # ---- effects -> reply (timers are the handler's job: they need the API) ----
    def render(self, effects: list[Effect]) -> None:
        for effect in effects:
            if isinstance(effect, Say):
                self._render_say(effect)
            elif isinstance(effect, EndSession):
                self.reply.end()
            elif isinstance(effect, OfferReminder):
                self.say("reminder_offer", hours=effect.hours)
                self.reply.ask(self.content.message("reminder_offer", hours=effect.hours))

    def _render_say(self, effect: Say) -> None:
        if effect.key == "step":
            self.reply.ssml(self.step_ssml())
        elif effect.key == "text":
            self.reply.say(str(effect.params["text"]))
        else:
            self.say(effect.key, **effect.params)

    def step_ssml(self) -> str:
        routine = self.routine
        if routine is None:
            return ""
        step = routine.steps[self.state.step]
        minutes = self.state.timer_seconds // 60 or self.state.minutes or step.minutes
        if step.kind != "hold":
            return ssml.escape(fill(step.say, {"minutes": minutes}))
        if step.cue:
            return self._stretch_ssml(step)
        text = ssml.escape(fill(step.say, {"seconds": step.seconds}))
        hold = ssml.countdown(step.seconds, self.content.message("hold_word"))
        return f"{text} {hold} {ssml.escape(step.done)}"

    def _stretch_ssml(self, step: Step) -> str:
        words = self.content.messages
        parts = [ssml.escape(f"{step.title}. {step.start} {step.movement} {step.breathing}")]
        sides: list[str] = list(words["side_words"]) if step.sides else [""]
        for side in sides:
            for _ in range(step.reps):
                cue = fill(step.cue, {"side": side})
                parts.append(ssml.brk(1) + ssml.escape(cue))
                parts.append(ssml.countdown(step.seconds, words["hold_word"]))
                parts.append(ssml.escape(step.back))
        return " ".join(parts)
