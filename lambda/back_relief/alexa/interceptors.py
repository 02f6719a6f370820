"""Cross-cutting work around every handler: load the Turn, run triage, save progress."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any

from ask_sdk_core.dispatch_components.request_components import (
    AbstractRequestInterceptor,
    AbstractResponseInterceptor,
)
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model.response import Response

from ..content import loader
from ..routines.engine import State
from ..safety.triage import assess
from ..store import ConflictError, Store, StoreError
from . import ssml
from .services import REMINDERS_SCOPE, TIMERS_SCOPE, granted
from .turn import Turn, user_key

log = logging.getLogger("back_relief")
TURN = "turn"


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


def slot_texts(handler_input: HandlerInput) -> list[str]:
    """Everything the user said that reached us: raw slot values and resolved ids."""
    intent = getattr(handler_input.request_envelope.request, "intent", None)
    texts: list[str] = []
    for slot in (getattr(intent, "slots", None) or {}).values():
        if slot is None:
            continue
        if isinstance(slot.value, str):
            texts.append(slot.value)
        resolutions = getattr(slot.resolutions, "resolutions_per_authority", None) or []
        for authority in resolutions:
            for value in getattr(authority, "values", None) or []:
                resolved = getattr(value, "value", None)
                if resolved is not None and resolved.id:
                    texts.append(str(resolved.id))
    return texts


class LoadTurn(AbstractRequestInterceptor):
    def __init__(self, store: Callable[[], Store]) -> None:
        self._store = store

    def process(self, handler_input: HandlerInput) -> None:
        envelope = handler_input.request_envelope
        content = loader.load(getattr(envelope.request, "locale", None))
        system = envelope.context.system if envelope.context else None
        user = getattr(system, "user", None) or getattr(envelope.session, "user", None)
        key = user_key(getattr(user, "user_id", None) or "anonymous")
        session = envelope.session
        turn = Turn(content=content, state=State(), now=request_time(handler_input), user_key=key)
        turn.new_session = bool(getattr(session, "new", True))
        stored: dict[str, Any] = {}
        try:
            record = self._store().load(key)
            stored, turn.version = record.data, record.version
        except StoreError:
            turn.store_failed = True
            log.warning("store_load_failed")
        # The session copy wins when it is newer: a failed save earlier in this session
        # must not lose the user's place.
        in_session = (getattr(session, "attributes", None) or {}).get("progress") or {}
        if isinstance(in_session, dict) and in_session.get("seq", 0) > stored.get("seq", 0):
            stored = in_session
        turn.state = State.from_dict(stored.get("state") or {})
        turn.profile = dict(stored.get("profile") or {})
        turn.seq = int(stored.get("seq") or 0)
        turn.pending_in = None if turn.new_session else turn.state.pending
        turn.state = replace(turn.state, pending=None)
        if system is not None:
            turn.permissions = {
                TIMERS_SCOPE: granted(handler_input, TIMERS_SCOPE),
                REMINDERS_SCOPE: granted(handler_input, REMINDERS_SCOPE),
            }
        turn.finding = assess(content.triage, slot_texts(handler_input))
        handler_input.attributes_manager.request_attributes[TURN] = turn


class SaveTurn(AbstractResponseInterceptor):
    def __init__(self, store: Callable[[], Store]) -> None:
        self._store = store

    def process(self, handler_input: HandlerInput, response: Response | None) -> None:
        turn = handler_input.attributes_manager.request_attributes.get(TURN)
        if not isinstance(turn, Turn) or response is None or turn.forgotten:
            return
        # After a failed load, skip the write: a dead store would cost a second timeout
        # and Alexa allows 8 s in all. Progress still rides in the session attributes.
        if turn.dirty and not turn.store_failed:
            turn.seq += 1
            try:
                self._save(turn)
            except StoreError:
                log.warning("store_save_failed")
                _append_speech(response, turn.content.message("save_failed"))
        if turn.dirty and turn.store_failed:
            turn.seq += 1
        if not response.should_end_session:
            attributes = handler_input.attributes_manager.session_attributes
            if attributes is not None:
                attributes["progress"] = turn.snapshot()

    def _save(self, turn: Turn) -> None:
        store = self._store()
        try:
            store.save(turn.user_key, turn.snapshot(), turn.version, turn.now)
        except ConflictError:
            # Another device wrote first. Its state is newer than what we started from,
            # so keep it rather than overwrite; this turn's speech already went out.
            log.info("store_conflict")


def _append_speech(response: Response, text: str) -> None:
    speech = response.output_speech
    current = getattr(speech, "ssml", None)
    if isinstance(current, str) and current.endswith("</speak>"):
        speech.ssml = current[: -len("</speak>")] + " " + ssml.escape(text) + "</speak>"  # type: ignore[union-attr]
