"""A simulated Alexa device: sessions, voice consent, timers and a virtual clock.

Every turn is a real request envelope sent through the skill's lambda handler, and every
timer or reminder call goes over HTTP to a local fake of the Alexa APIs, so the whole
path runs as on a device, only faster: `wait(18 * 60)` takes no time at all.
"""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from .fake_alexa_api import FakeAlexaApi
from .nlu import for_locale

Handler = Callable[[dict[str, Any]], dict[str, Any]]
START = 1_800_000_000.0  # a fixed, realistic epoch so runs are repeatable


def plain(ssml: str) -> str:
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", ssml).split()))


@dataclass
class Reply:
    raw: dict[str, Any]
    intent: str | None = None

    @property
    def response(self) -> dict[str, Any]:
        return dict(self.raw.get("response") or {})

    @property
    def ssml(self) -> str:
        return str((self.response.get("outputSpeech") or {}).get("ssml", ""))

    @property
    def text(self) -> str:
        return plain(self.ssml)

    @property
    def reprompt(self) -> str:
        speech = (self.response.get("reprompt") or {}).get("outputSpeech") or {}
        return plain(str(speech.get("ssml", "")))

    @property
    def ends_session(self) -> bool:
        return self.response.get("shouldEndSession") is True

    @property
    def keeps_session(self) -> bool:
        return self.response.get("shouldEndSession") is False

    @property
    def attributes(self) -> dict[str, Any]:
        return dict(self.raw.get("sessionAttributes") or {})

    @property
    def directives(self) -> list[dict[str, Any]]:
        return list(self.response.get("directives") or [])

    @property
    def directive_types(self) -> list[str]:
        return [str(d.get("type")) for d in self.directives]

    @property
    def consent_scope(self) -> str | None:
        for d in self.directives:
            if d.get("type") == "Connections.SendRequest" and d.get("name") == "AskFor":
                return str(d["payload"]["permissionScope"])
        return None


@dataclass
class Device:
    handler: Handler
    locale: str = "en-US"
    api: FakeAlexaApi | None = None
    user_id: str = field(default_factory=lambda: f"amzn1.ask.account.SIM{uuid.uuid4().hex}")
    now: float = START
    granted: set[str] = field(default_factory=set)
    apl: bool = False
    _session: dict[str, Any] | None = None
    _pending_scope: str | None = None
    announcements: list[str] = field(default_factory=list)

    # ---- what a person does ----
    def launch(self) -> Reply:
        self._session = None
        return self.send({"type": "LaunchRequest"})

    def say(self, utterance: str) -> Reply:
        """Speak to an open session (or a one-shot "ask back relief ..." when closed)."""
        match = for_locale(self.locale).understand(utterance)
        if match is None:
            return self.intent("AMAZON.FallbackIntent")
        # A custom slot's value arrives with its resolution (a resolved id, or
        # ER_SUCCESS_NO_MATCH for words outside the list); built-in types arrive bare.
        slots = {
            n: (s.value, s.resolved_id) if s.status else s.value for n, s in match.slots.items()
        }
        return self.intent(match.intent, slots)

    def intent(self, name: str, slots: dict[str, Any] | None = None) -> Reply:
        """Slot values: a string (built-in type), or (value, resolved id or None) for a
        custom type, None meaning the words matched no value (ER_SUCCESS_NO_MATCH)."""
        built: dict[str, Any] = {}
        for slot_name, value in (slots or {}).items():
            entry: dict[str, Any] = {"name": slot_name, "confirmationStatus": "NONE"}
            raw, resolved = value if isinstance(value, tuple) else (value, None)
            entry["value"] = raw
            if isinstance(value, tuple):
                authority: dict[str, Any] = {
                    "authority": f"amzn1.er-authority.echo-sdk.sim.{slot_name}",
                    "status": {"code": "ER_SUCCESS_MATCH" if resolved else "ER_SUCCESS_NO_MATCH"},
                }
                if resolved:
                    authority["values"] = [{"value": {"name": raw, "id": resolved}}]
                entry["resolutions"] = {"resolutionsPerAuthority": [authority]}
            built[slot_name] = entry
        request = {
            "type": "IntentRequest",
            "dialogState": "COMPLETED",
            "intent": {"name": name, "confirmationStatus": "NONE", "slots": built},
        }
        reply = self.send(request)
        reply.intent = name
        return reply

    def consent(self, status: str) -> Reply:
        """Answer Alexa's permission question: ACCEPTED, DENIED or NOT_ANSWERED."""
        scope = self._pending_scope or "alexa::alerts:timers:skill:readwrite"
        if status == "ACCEPTED":
            self.granted.add(scope)
        self._pending_scope = None
        return self.send(
            {
                "type": "Connections.Response",
                "name": "AskFor",
                "status": {"code": "200", "message": "OK"},
                "token": scope,
                "payload": {"permissionScope": scope, "status": status},
            }
        )

    def wait(self, seconds: float) -> list[str]:
        """Let time pass; returns what Alexa announced as timers rang meanwhile."""
        self.now += seconds
        self._session = None  # the mic closed long ago
        rung: list[str] = []
        if self.api is not None:
            for timer in self.api.pop_due():
                request = timer.get("request") or {}
                op = (request.get("triggeringBehavior") or {}).get("operation") or {}
                for text in op.get("textToAnnounce") or []:
                    rung.append(str(text.get("text", "")))
        self.announcements.extend(rung)
        return rung

    # ---- plumbing ----
    def send(self, request: dict[str, Any]) -> Reply:
        new = self._session is None
        if new:
            self._session = {
                "sessionId": f"amzn1.echo-api.session.{uuid.uuid4()}",
                "attributes": {},
            }
        assert self._session is not None
        stamp = datetime.fromtimestamp(self.now, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        user: dict[str, Any] = {"userId": self.user_id}
        if self.granted:
            user["permissions"] = {"scopes": {s: {"status": "GRANTED"} for s in self.granted}}
        interfaces: dict[str, Any] = {}
        if self.apl:
            interfaces["Alexa.Presentation.APL"] = {"runtime": {"maxVersion": "2023.3"}}
        envelope = {
            "version": "1.0",
            "session": {
                "new": new,
                "sessionId": self._session["sessionId"],
                "application": {"applicationId": "amzn1.ask.skill.simulator"},
                "attributes": self._session["attributes"],
                "user": {"userId": self.user_id},
            },
            "context": {
                "System": {
                    "application": {"applicationId": "amzn1.ask.skill.simulator"},
                    "user": user,
                    "device": {"deviceId": "sim-device", "supportedInterfaces": interfaces},
                    "apiEndpoint": self.api.endpoint if self.api else "https://api.amazonalexa.com",
                    "apiAccessToken": self.api.token if self.api else "no-token",
                }
            },
            "request": {
                "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
                "timestamp": stamp,
                "locale": self.locale,
                **request,
            },
        }
        reply = Reply(self.handler(envelope))
        self._pending_scope = reply.consent_scope
        if reply.ends_session and reply.consent_scope is None:
            self._session = None
        else:
            self._session["attributes"] = reply.raw.get("sessionAttributes") or {}
        return reply
