"""Cross-cutting work around every handler: load the Turn, run triage, save progress."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ask_sdk_core.dispatch_components.request_components import (
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ..logs import now_ms
from ..routines.engine import State
from ..safety.tiers import Tier
from ..store import ConflictError, Store, StoreError
from . import pending, ssml
from .conflict import end_routine, settle
from .first import early, implied, slot_texts
from .services import REMINDERS_SCOPE, TIMERS_SCOPE, granted
from .turn import Budget, Turn, user_key
from .turn import clock as turn_clock

__all__ = ["implied", "slot_texts"]  # their home is first.py; other modules import them here

log = logging.getLogger("back_relief")
TURN = "turn"
# How much of the user key the logs carry: enough to follow one user's turns, too little to
# match against a store key.
USER_PREFIX_CHARS = 12
PENDING = "pending"


def get_turn(handler_input: HandlerInput) -> Turn:
    turn = handler_input.attributes_manager.request_attributes[TURN]
    assert isinstance(turn, Turn)
    return turn


def request_time(handler_input: HandlerInput) -> float:
    """The request's own timestamp is "now": it is what Alexa saw, and it lets the
    simulator's virtual clock drive timers without patching time."""
    stamp = getattr(handler_input.request_envelope.request, "timestamp", None)
    if isinstance(stamp, datetime):
        return stamp.timestamp()
    return time.time()


# The profile's only fields. Anything else in a session copy is dropped, so a client cannot
# make the store keep what it likes (and a wrong type cannot crash a handler).
PROFILE_FIELDS: dict[str, type] = {
    "launches": int,
    "welcomed": bool,
    "reminder_for": str,
    "practiced": str,  # space-separated ids of routines whose preparation the user has heard
}


def session_progress(session: Any) -> dict[str, Any]:
    """The progress copy in session attributes if it has the shape SaveTurn writes, else {}.

    Session attributes come back from the client, so nothing in them is trusted as is.
    """
    attributes = getattr(session, "attributes", None)
    progress = attributes.get("progress") if isinstance(attributes, dict) else None
    if not isinstance(progress, dict):
        return {}
    seq, state = progress.get("seq"), progress.get("state")
    if type(seq) is not int or not isinstance(state, dict):
        return {}
    return progress


def _session_attributes(session: Any) -> dict[str, Any]:
    attributes = getattr(session, "attributes", None)
    return attributes if isinstance(attributes, dict) else {}


def clean_profile(profile: Any) -> dict[str, Any]:
    if not isinstance(profile, dict):
        return {}
    return {
        key: value
        for key, value in profile.items()
        if key in PROFILE_FIELDS and type(value) is PROFILE_FIELDS[key]
    }


def user_id(handler_input: HandlerInput) -> str:
    envelope = handler_input.request_envelope
    system = envelope.context.system if envelope.context else None
    user = getattr(system, "user", None) or getattr(envelope.session, "user", None)
    return str(getattr(user, "user_id", None) or "anonymous")


class LoadTurn(AbstractRequestInterceptor):
    def __init__(
        self, store: Callable[[], Store], budget_seconds: float, api_worst_seconds: float
    ) -> None:
        self._store = store
        self._budget = budget_seconds
        self._api_worst = api_worst_seconds

    def process(self, handler_input: HandlerInput) -> None:
        started_ms = now_ms()  # logged durations include the store load
        deadline = turn_clock() + self._budget
        envelope = handler_input.request_envelope
        triage = early(handler_input)  # TriageFirst ran it before this, on the request alone
        content = triage.content
        session = envelope.session
        turn = Turn(content=content, state=State(), now=request_time(handler_input), user_key="")
        turn.new_session = bool(getattr(session, "new", True))
        turn.budget = Budget(started_ms, deadline, self._api_worst)
        turn.finding = triage.finding
        handler_input.attributes_manager.request_attributes[TURN] = turn
        if triage.red_flag:
            # Answered from the request alone: no store, no user key, no API call can delay
            # or silence it. Only after the answer is built may SaveTurn touch the store.
            return
        system = envelope.context.system if envelope.context else None
        stored: dict[str, Any] = {}
        try:
            turn.user_key = user_key(user_id(handler_input))
            record = self._store().load(turn.user_key)
            stored, turn.sync.version = record.data, record.version
        except Exception as error:  # StoreError, SecretMissing, or a store bug: all mean the
            # same to the user (no progress this turn), never a crash
            turn.sync.failed = True
            log.warning("store_load_failed", extra={"error": type(error).__name__})
        # The session copy wins when it is newer: a failed save earlier in this session
        # must not lose the user's place.
        in_session = session_progress(session)
        if in_session and in_session["seq"] > int(stored.get("seq") or 0):
            stored = in_session
        turn.state = State.from_dict(stored.get("state") or {})
        turn.profile = clean_profile(stored.get("profile"))
        turn.sync.seq = int(stored.get("seq") or 0)
        # A yes/no question never outlives its session: a new session starts with none.
        if not turn.new_session:
            turn.pending_in = pending.from_dict(_session_attributes(session).get(PENDING))
        if system is not None:
            turn.permissions = {
                TIMERS_SCOPE: granted(handler_input, TIMERS_SCOPE),
                REMINDERS_SCOPE: granted(handler_input, REMINDERS_SCOPE),
            }


class SaveTurn(AbstractResponseInterceptor):
    def __init__(self, store: Callable[[], Store]) -> None:
        self._store = store

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        turn = handler_input.attributes_manager.request_attributes.get(TURN)
        if not isinstance(turn, Turn) or response is None:
            return
        log.info("request", extra=log_fields(handler_input, turn))
        if turn.finding is not None and turn.finding.tier > Tier.NONE:
            # The red flag was answered without the store; only now, with the answer built,
            # an emergency drops the routine (best effort: nothing here changes the answer).
            if turn.finding.tier == Tier.EMERGENCY:
                try:
                    end_routine(self._store(), user_key(user_id(handler_input)), turn)
                except Exception as error:
                    log.warning("store_cleanup_failed", extra={"error": type(error).__name__})
            _carry_pending(handler_input, response, turn)  # a lesser finding may ask yes/no
            return
        if turn.sync.forgotten:
            return
        # After a failed load, skip the write: a dead store would cost a second timeout
        # and Alexa allows 8 s in all. Progress still rides in the session attributes.
        if turn.sync.dirty:
            turn.sync.seq += 1
        snapshot: dict[str, Any] | None = turn.snapshot()
        if turn.sync.dirty and not turn.sync.failed:
            try:
                snapshot = self._save(turn, turn.snapshot(), response)
            except Exception as error:  # a store bug too: the answer stands, the user is told
                log.warning("store_save_failed", extra={"error": type(error).__name__})
                _append_speech(response, turn.content.message("save_failed"))
        if turn.sync.failed:
            _say_store_trouble(handler_input, response, turn)
        # Skill events (SkillDisabled, reminder events, ...) come without a session, and
        # ask-sdk raises on session attributes then.
        if not response.should_end_session and handler_input.request_envelope.session:
            attributes = handler_input.attributes_manager.session_attributes
            if attributes is not None:
                if snapshot is None:
                    attributes.pop("progress", None)
                else:
                    attributes["progress"] = snapshot
        _carry_pending(handler_input, response, turn)

    def _save(
        self, turn: Turn, snapshot: dict[str, Any], response: Response
    ) -> dict[str, Any] | None:
        """Save; on a conflict, settle it (conflict.py). Returns what the session carries."""
        store = self._store()
        if not turn.affords(store.worst_case_seconds):
            # A slow Alexa API already used most of the turn; a save that might hang now
            # could push the answer past Alexa's deadline. Session attributes keep the place.
            raise StoreError("no time left in this turn to save")
        try:
            store.save(turn.user_key, snapshot, turn.sync.version, turn.now)
        except ConflictError:
            if not turn.affords(store.worst_case_seconds):
                raise  # no time to re-read: reported as a save that did not happen
            settled = settle(store, turn)
            if settled.note:
                _append_speech(response, settled.note)
            return settled.snapshot
        return snapshot


# Logs name what kind of turn this was, never which health topic: "PregnancyIntent" next to a
# user handle would say something about that person. Everything not listed is an "answer".
_ROUTINE_INTENTS = frozenset(
    {
        "StartRoutineIntent",
        "SkipIntent",
        "TimeLeftIntent",
        "WhichStepIntent",
        "AMAZON.NextIntent",
        "AMAZON.PreviousIntent",
        "AMAZON.RepeatIntent",
        "AMAZON.PauseIntent",
        "AMAZON.ResumeIntent",
        "AMAZON.StartOverIntent",
        "AMAZON.YesIntent",
        "AMAZON.NoIntent",
    }
)
_SESSION_INTENTS = frozenset(
    {
        "AMAZON.HelpIntent",
        "AMAZON.StopIntent",
        "AMAZON.CancelIntent",
        "AMAZON.NavigateHomeIntent",
        "AMAZON.FallbackIntent",
        "ForgetMeIntent",
    }
)


def category(handler_input: HandlerInput, turn: Turn | None) -> str:
    """The coarse kind of a request for the logs: triage, routine, answer or session."""
    if turn is not None and turn.finding is not None and turn.finding.tier > Tier.NONE:
        return "triage"
    request = handler_input.request_envelope.request
    kind = str(getattr(request, "object_type", "") or "")
    if kind == "Connections.Response" or kind.endswith(".UserEvent"):
        return "routine"  # timer/reminder consent, screen touches on a routine step
    if kind != "IntentRequest":
        return "session"
    name = str(getattr(getattr(request, "intent", None), "name", "") or "")
    if name in _ROUTINE_INTENTS:
        return "routine"
    return "session" if name in _SESSION_INTENTS else "answer"


def _carry_pending(handler_input: HandlerInput, response: Response, turn: Turn) -> None:
    """The yes/no question this reply asks rides in the session, never in the store."""
    if response.should_end_session or not handler_input.request_envelope.session:
        return
    attributes = handler_input.attributes_manager.session_attributes
    if attributes is None:
        return
    attributes.pop(PENDING, None)
    if turn.pending is not None:
        attributes[PENDING] = pending.to_dict(turn.pending)


def log_fields(handler_input: HandlerInput, turn: Turn | None) -> dict[str, Any]:
    """The only facts about a request that may be logged (see logs.py)."""
    request = handler_input.request_envelope.request
    fields: dict[str, Any] = {
        "request_id": getattr(request, "request_id", None),
        "request_type": getattr(request, "object_type", None),
        "category": category(handler_input, turn),
        "locale": getattr(request, "locale", None),
    }
    if turn is not None:
        # A keyed hash (privacy.py); a short prefix is enough to follow one user's turns.
        fields["user"] = turn.user_key[:USER_PREFIX_CHARS] or None
        fields["duration_ms"] = round(now_ms() - turn.budget.started_ms, 2)
    return fields


def _say_store_trouble(handler_input: HandlerInput, response: Response, turn: Turn) -> None:
    """Tell the user, once, that this turn ran without their stored progress (and unsaved)."""
    in_session = handler_input.request_envelope.session is not None
    if in_session and (handler_input.attributes_manager.session_attributes or {}).get("progress"):
        # Their place rides in the session; only this turn's change may not outlast it.
        if not turn.sync.dirty:
            return
        text = turn.content.message("save_failed")
    else:
        text = turn.content.message("store_unavailable")
    current = getattr(response.output_speech, "ssml", None)
    if isinstance(current, str) and ssml.escape(text) not in current:  # launch says it first
        _append_speech(response, text)


def _append_speech(response: Response, text: str) -> None:
    speech = response.output_speech
    current = getattr(speech, "ssml", None)
    if isinstance(current, str) and current.endswith("</speak>"):
        speech.ssml = current[: -len("</speak>")] + " " + ssml.escape(text) + "</speak>"  # type: ignore[union-attr]
