"""Request envelopes as Alexa sends them, for tests and the simulator."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

SKILL_ID = "amzn1.ask.skill.back-relief-test"


def iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def envelope(
    request: dict[str, Any],
    *,
    locale: str = "en-US",
    now: float = 1_800_000_000.0,
    user_id: str = "amzn1.ask.account.TESTUSER",
    new: bool = True,
    attributes: dict[str, Any] | None = None,
    granted: tuple[str, ...] = (),
    api_endpoint: str = "https://api.amazonalexa.com",
    token: str = "test-token",
    apl: bool = False,
    skill_id: str = SKILL_ID,
) -> dict[str, Any]:
    request = {
        "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
        "timestamp": iso(now),
        "locale": locale,
        **request,
    }
    interfaces: dict[str, Any] = {}
    if apl:
        interfaces["Alexa.Presentation.APL"] = {"runtime": {"maxVersion": "2023.3"}}
    user: dict[str, Any] = {"userId": user_id}
    if granted:
        user["permissions"] = {"scopes": {s: {"status": "GRANTED"} for s in granted}}
    body: dict[str, Any] = {
        "version": "1.0",
        "context": {
            "System": {
                "application": {"applicationId": skill_id},
                "user": user,
                "device": {"deviceId": "device-1", "supportedInterfaces": interfaces},
                "apiEndpoint": api_endpoint,
                "apiAccessToken": token,
            }
        },
        "request": request,
    }
    if request["type"] != "AlexaSkillEvent.SkillDisabled":
        body["session"] = {
            "new": new,
            "sessionId": "amzn1.echo-api.session.test",
            "application": {"applicationId": skill_id},
            "user": {"userId": user_id},
            "attributes": attributes or {},
        }
    return body


def launch(**kw: Any) -> dict[str, Any]:
    return envelope({"type": "LaunchRequest"}, **kw)


def intent(name: str, slots: dict[str, Any] | None = None, **kw: Any) -> dict[str, Any]:
    """An IntentRequest; slot values may be a string, or (value, resolved id) where a None
    id is a custom slot's ER_SUCCESS_NO_MATCH (words outside its value list)."""
    built: dict[str, Any] = {}
    for slot_name, value in (slots or {}).items():
        entry: dict[str, Any] = {"name": slot_name, "confirmationStatus": "NONE"}
        if isinstance(value, tuple):
            raw, resolved = value
            entry["value"] = raw
            authority: dict[str, Any] = {
                "authority": f"amzn1.er-authority.echo-sdk.{SKILL_ID}.{slot_name}",
                "status": {"code": "ER_SUCCESS_MATCH" if resolved else "ER_SUCCESS_NO_MATCH"},
            }
            if resolved:
                authority["values"] = [{"value": {"name": raw, "id": resolved}}]
            entry["resolutions"] = {"resolutionsPerAuthority": [authority]}
        elif value is not None:
            entry["value"] = value
        built[slot_name] = entry
    req = {
        "type": "IntentRequest",
        "dialogState": "COMPLETED",
        "intent": {"name": name, "confirmationStatus": "NONE", "slots": built},
    }
    return envelope(req, **kw)


def consent(status: str, scope: str, **kw: Any) -> dict[str, Any]:
    req = {
        "type": "Connections.Response",
        "name": "AskFor",
        "status": {"code": "200", "message": "OK"},
        "token": scope,
        "payload": {"permissionScope": scope, "status": status},
    }
    return envelope(req, **kw)


def session_ended(reason: str = "USER_INITIATED", **kw: Any) -> dict[str, Any]:
    return envelope({"type": "SessionEndedRequest", "reason": reason}, **kw)
