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

from ..content import loader
from ..logs import now_ms
from ..routines.engine import State
from ..safety.triage import assess
from ..store import ConflictError, Store, StoreError
from . import pending, ssml
from .services import REMINDERS_SCOPE, TIMERS_SCOPE, granted
from .turn import Budget, Turn, user_key
from .turn import clock as turn_clock

log = logging.getLogger("back_relief")
TURN = "turn"
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


def slot_texts(handler_input: HandlerInput, carriers: tuple[str, ...] = ()) -> list[str]:
    """Everything the user said that reached us: raw slot values and resolved ids.

    A free-text Query arrives without the word that started it ("my legs gave way" comes as
    "legs gave way"), so it is also read with each possible first word put back."""
    intent = getattr(handler_input.request_envelope.request, "intent", None)
    texts: list[str] = []
    for slot in (getattr(intent, "slots", None) or {}).values():
        if slot is None:
            continue
        if isinstance(slot.value, str):
            texts.append(slot.value)
            if slot.name == "Query":
                texts.extend(f"{carrier} {slot.value}" for carrier in carriers)
        resolutions = getattr(slot.resolutions, "resolutions_per_authority", None) or []
        for authority in resolutions:
            for value in getattr(authority, "values", None) or []:
                resolved = getattr(value, "value", None)
                if resolved is not None and resolved.id:
                    texts.append(str(resolved.id))
    return texts


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


def implied(content: loader.Content, handler_input: HandlerInput) -> list[str]:
    """A trigger id that the intent itself implies ("it hurts when I sneeze" has no slot)."""
    intent = getattr(handler_input.request_envelope.request, "intent", None)
    answer_id = content.intent_answers.get(str(getattr(intent, "name", "")))
    trigger = content.answers[answer_id].get("triage") if answer_id else None
    return [str(trigger)] if trigger else []


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
        content = loader.load(getattr(envelope.request, "locale", None))
        system = envelope.context.system if envelope.context else None
        user = getattr(system, "user", None) or getattr(envelope.session, "user", None)
        key = user_key(getattr(user, "user_id", None) or "anonymous")
        session = envelope.session
        turn = Turn(content=content, state=State(), now=request_time(handler_input), user_key=key)
        turn.new_session = bool(getattr(session, "new", True))
        turn.budget = Budget(started_ms, deadline, self._api_worst)
        stored: dict[str, Any] = {}
        try:
            record = self._store().load(key)
            stored, turn.version = record.data, record.version
        except StoreError:
            turn.store_failed = True
            log.warning("store_load_failed")
        # The session copy wins when it is newer: a failed save earlier in this session
        # must not lose the user's place.
        in_session = session_progress(session)
        if in_session and in_session["seq"] > int(stored.get("seq") or 0):
            stored = in_session
        turn.state = State.from_dict(stored.get("state") or {})
        turn.profile = clean_profile(stored.get("profile"))
        turn.seq = int(stored.get("seq") or 0)
        # A yes/no question never outlives its session: a new session starts with none.
        if not turn.new_session:
            turn.pending_in = pending.from_dict(_session_attributes(session).get(PENDING))
        if system is not None:
            turn.permissions = {
                TIMERS_SCOPE: granted(handler_input, TIMERS_SCOPE),
                REMINDERS_SCOPE: granted(handler_input, REMINDERS_SCOPE),
            }
        turn.finding = assess(
            content.triage,
            slot_texts(handler_input, content.carriers) + implied(content, handler_input),
        )
        handler_input.attributes_manager.request_attributes[TURN] = turn


class SaveTurn(AbstractResponseInterceptor):
    def __init__(self, store: Callable[[], Store]) -> None:
        self._store = store

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        turn = handler_input.attributes_manager.request_attributes.get(TURN)
        if not isinstance(turn, Turn) or response is None:
            return
        log.info("request", extra=log_fields(handler_input, turn))
        if turn.forgotten:
            return
        # After a failed load, skip the write: a dead store would cost a second timeout
        # and Alexa allows 8 s in all. Progress still rides in the session attributes.
        if turn.dirty:
            turn.seq += 1
        snapshot = turn.snapshot()
        if turn.dirty and not turn.store_failed:
            try:
                self._save(turn, snapshot)
            except StoreError:
                log.warning("store_save_failed")
                _append_speech(response, turn.content.message("save_failed"))
        if turn.store_failed:
            _say_store_trouble(handler_input, response, turn)
        # Skill events (SkillDisabled, reminder events, ...) come without a session, and
        # ask-sdk raises on session attributes then.
        if not response.should_end_session and handler_input.request_envelope.session:
            attributes = handler_input.attributes_manager.session_attributes
            if attributes is not None:
                attributes["progress"] = snapshot
                attributes.pop(PENDING, None)
                if turn.pending is not None:
                    attributes[PENDING] = pending.to_dict(turn.pending)

    def _save(self, turn: Turn, snapshot: dict[str, Any]) -> None:
        store = self._store()
        if not turn.affords(store.worst_case_seconds):
            # A slow Alexa API already used most of the turn; a save that might hang now
            # could push the answer past Alexa's deadline. Session attributes keep the place.
            raise StoreError("no time left in this turn to save")
        try:
            store.save(turn.user_key, snapshot, turn.version, turn.now)
        except ConflictError:
            # Another device wrote first. Its state is newer than what we started from,
            # so keep it rather than overwrite; this turn's speech already went out.
            log.info("store_conflict")


def log_fields(handler_input: HandlerInput, turn: Turn | None) -> dict[str, Any]:
    """The only facts about a request that may be logged (see logs.py)."""
    request = handler_input.request_envelope.request
    intent = getattr(request, "intent", None)
    fields: dict[str, Any] = {
        "request_id": getattr(request, "request_id", None),
        "request_type": getattr(request, "object_type", None),
        "intent": getattr(intent, "name", None),
        "locale": getattr(request, "locale", None),
    }
    if turn is not None:
        fields["user"] = turn.user_key[:12]  # already a salted hash; short is enough to follow
        fields["duration_ms"] = round(now_ms() - turn.budget.started_ms, 2)
    return fields


def _say_store_trouble(handler_input: HandlerInput, response: Response, turn: Turn) -> None:
    """Tell the user, once, that this turn ran without their stored progress (and unsaved)."""
    in_session = handler_input.request_envelope.session is not None
    if in_session and (handler_input.attributes_manager.session_attributes or {}).get("progress"):
        # Their place rides in the session; only this turn's change may not outlast it.
        if not turn.dirty:
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
