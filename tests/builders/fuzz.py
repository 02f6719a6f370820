"""A seeded generator of hostile Alexa request envelopes, shared by the in-process and HTTP fuzz.

It starts from envelopes Alexa really sends (every intent of the en-US model with plausible
slots, launches, consent answers, session ends, skill events, screen touches), then mutates
them: fields dropped, nulled or retyped at any depth, unknown request types and intents, huge
and injected slot values, odd locales and hostile session attributes. Users come from a small
pool and their session attributes are fed back from the skill's replies, so mutations also land
mid-routine, with a pending question or a timer running. Same seed, same envelopes.
"""

from __future__ import annotations

import copy
import json
import random
from typing import Any

from tests.builders import envelopes
from tests.builders.hostile import (
    HOSTILE_PROGRESS,
    INJECTIONS,
    LOCALES,
    MARKER,
    ROUTINE_INTENTS,
    SCOPES,
    SESSION_END_REASONS,
    SESSION_ERRORS,
    UNKNOWN_INTENTS,
    UNKNOWN_TYPES,
    USER_EVENT_ARGS,
)
from tests.builders.skill import model, model_intents

__all__ = ["MARKER", "EnvelopeFuzzer", "request_type"]


def _random_value(rng: random.Random) -> Any:
    """A value of a random JSON type, often one the field does not expect."""
    choice = rng.randrange(9)
    if choice == 0:
        return None
    if choice == 1:
        return rng.choice((True, False))
    if choice == 2:
        return rng.choice((0, -1, 7, 2**63, -(2**70)))
    if choice == 3:
        return rng.choice((0.5, -1e308, 1e308))
    if choice == 4:
        return rng.choice(INJECTIONS)
    if choice == 5:
        return []
    if choice == 6:
        return [rng.choice(INJECTIONS), 1, None]
    if choice == 7:
        return {}
    return {"type": rng.choice(INJECTIONS), "nested": {"x": None}}


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in a JSON tree (dict keys and list indexes)."""
    found: list[tuple[Any, ...]] = []
    if isinstance(node, dict):
        items: list[tuple[Any, Any]] = list(node.items())
    elif isinstance(node, list):
        items = list(enumerate(node))
    else:
        return found
    for key, child in items:
        path = (*prefix, key)
        found.append(path)
        found.extend(_paths(child, path))
    return found


def _nested(depth: int) -> list[Any]:
    root: list[Any] = []
    node = root
    for _ in range(depth):
        child: list[Any] = []
        node.append(child)
        node = child
    return root


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _parent(root: Any, path: tuple[Any, ...]) -> Any:
    node = root
    for key in path[:-1]:
        node = node[key]
    return node


class EnvelopeFuzzer:
    """Hostile envelopes from one seed; `feed` each reply back to follow sessions."""

    def __init__(
        self,
        seed: int,
        *,
        api_endpoint: str,
        api_token: str,
        users: int = 4,
        now: float = 1_800_000_000.0,
    ) -> None:
        self.rng = random.Random(seed)
        self.api_endpoint = api_endpoint
        self.api_token = api_token
        self.users = [f"amzn1.ask.account.FUZZ{i:02d}" for i in range(users)]
        self.now = now
        self._sessions: dict[str, dict[str, Any]] = {}
        self._intents = list(model_intents("en-US").values())
        self._routine_intents = [i for i in self._intents if i["name"] in ROUTINE_INTENTS]
        self._routine_intents += [i for i in self._intents if i["name"] == "AMAZON.NextIntent"] * 6
        self._types = {t["name"]: t["values"] for t in model("en-US").get("types", [])}
        self.last_user = ""

    # ---- the public surface ----
    def envelope(self) -> dict[str, Any]:
        """The next envelope: a realistic one, then usually one to three mutations."""
        rng = self.rng
        self.now += rng.choice((1, 5, 60, 600, 3600))
        user = rng.choice(self.users)
        self.last_user = user
        event = self._base(user)
        mutations = rng.choice((0, 0, 1, 1, 1, 2, 3))
        for _ in range(mutations):
            self._mutate(event)
        self._keep_api_local(event)
        return event

    def feed(self, user: str, reply: dict[str, Any]) -> None:
        """Carry the user's session on (or close it) as Alexa would after this reply."""
        response = reply.get("response") or {}
        attributes = reply.get("sessionAttributes")
        if response.get("shouldEndSession") is True or not isinstance(attributes, dict):
            self._sessions.pop(user, None)
        else:
            self._sessions[user] = attributes

    def raw_bodies(self) -> list[tuple[str, bytes, str]]:
        """(name, body, content type) for bodies that are not envelopes at all."""
        rng = self.rng
        valid = json.dumps(envelopes.launch(now=self.now)).encode()
        return [
            ("empty", b"", "application/json"),
            ("not json", b"{oops", "application/json"),
            ("truncated", valid[: len(valid) // 2], "application/json"),
            ("bad utf-8", b'{"version": "1.0", "x": "\xff\xfe"}', "application/json"),
            ("utf-16", json.dumps({"version": "1.0"}).encode("utf-16"), "application/json"),
            ("nul bytes", b"\x00" * 64, "application/json"),
            ("array", b"[1, 2, 3]", "application/json"),
            ("string", b'"LaunchRequest"', "application/json"),
            ("number", b"42", "application/json"),
            ("null", b"null", "application/json"),
            ("true", b"true", "application/json"),
            ("empty object", b"{}", "application/json"),
            ("nan", b'{"version": NaN, "request": {"type": "LaunchRequest"}}', "application/json"),
            ("deep nesting", b"[" * 50_000 + b"]" * 50_000, "application/json"),
            ("huge body", b'{"pad": "' + b"x" * 300_000 + b'"}', "application/json"),
            ("huge slot", self._huge_slot_body(), "application/json"),
            ("form", b"version=1.0&request=LaunchRequest", "application/x-www-form-urlencoded"),
            ("xml", b"<speak>hello</speak>", "application/xml"),
            ("text envelope", valid, "text/plain"),
            ("no content type", valid, ""),
            ("random bytes", rng.randbytes(2048), "application/octet-stream"),
        ]

    # ---- realistic starting points ----
    def _base(self, user: str) -> dict[str, Any]:
        rng = self.rng
        attributes = self._sessions.get(user)
        if attributes is not None and rng.random() < 0.2:
            attributes = copy.deepcopy(attributes)
            attributes["progress"] = rng.choice(HOSTILE_PROGRESS)
        granted: tuple[str, ...] = tuple(
            scope for scope in SCOPES[:2] if isinstance(scope, str) and rng.random() < 0.5
        )
        common: dict[str, Any] = {
            "locale": rng.choice(("en-US", "en-GB", "en-AU", "en-IN", "en-CA", "fr-FR")),
            "now": self.now,
            "user_id": user,
            "new": attributes is None,
            "attributes": copy.deepcopy(attributes) if attributes else {},
            "granted": granted,
            "api_endpoint": self.api_endpoint,
            "token": self.api_token,
            "apl": rng.random() < 0.3,
        }
        if rng.random() < 0.01:
            # Nested deeper than ask-sdk's deepcopy of session attributes can go.
            common["attributes"]["deep"] = _nested(rng.choice((50, 600)))
        kind = rng.choices(
            ("launch", "intent", "consent", "ended", "disabled", "touch", "unknown"),
            weights=(10, 50, 10, 8, 3, 8, 6),
        )[0]
        if kind == "launch":
            return envelopes.launch(**common)
        if kind == "intent":
            return self._intent(common)
        if kind == "consent":
            # Usually a replay: nothing in this session asked for consent.
            status = rng.choice(("ACCEPTED", "DENIED", "NOT_ANSWERED", "MAYBE", ""))
            event = envelopes.consent(status, str(rng.choice(SCOPES[:2])), **common)
            event["request"]["payload"]["permissionScope"] = rng.choice(SCOPES)
            return event
        if kind == "ended":
            request: dict[str, Any] = {"type": "SessionEndedRequest"}
            request["reason"] = rng.choice(SESSION_END_REASONS)
            if request["reason"] == "ERROR" or rng.random() < 0.3:
                request["error"] = rng.choice(SESSION_ERRORS)
            return envelopes.envelope(request, **common)
        if kind == "disabled":
            request = {"type": "AlexaSkillEvent.SkillDisabled", "eventCreationTime": "x"}
            if rng.random() < 0.5:
                request["body"] = {"userInformationPersistenceStatus": "NOT_PERSISTED"}
            return envelopes.envelope(request, **common)
        if kind == "touch":
            request = {
                "type": "Alexa.Presentation.APL.UserEvent",
                "token": rng.choice(("step", "", None, "x" * 500)),
                "arguments": copy.deepcopy(rng.choice(USER_EVENT_ARGS)),
                "source": rng.choice(({"type": "TouchWrapper", "handler": "Press"}, None, "x")),
            }
            return envelopes.envelope(request, **common)
        return envelopes.envelope({"type": rng.choice(UNKNOWN_TYPES)}, **common)

    def _intent(self, common: dict[str, Any]) -> dict[str, Any]:
        rng = self.rng
        roll = rng.random()
        if roll < 0.08:
            name = rng.choice(UNKNOWN_INTENTS)
            return envelopes.intent(name, {"Thing": rng.choice(INJECTIONS)}, **common)
        # Half the realistic intents drive routines, so mutations also land on timed steps,
        # consent round trips and timers, not only on one-shot answers.
        # "next" most of all: timed steps are three or four steps into a routine.
        pool = self._routine_intents if rng.random() < 0.5 else self._intents
        spec = rng.choice(pool)
        slots: dict[str, Any] = {}
        for slot in spec.get("slots", []):
            slots[slot["name"]] = self._slot_value(slot["type"], hostile=roll < 0.4)
        return envelopes.intent(spec["name"], slots, **common)

    def _slot_value(self, kind: str, *, hostile: bool) -> Any:
        rng = self.rng
        if hostile:
            text = rng.choice(INJECTIONS)
            # Sometimes the hostile text arrives resolved, as if it matched the slot type.
            return (text, rng.choice(INJECTIONS)) if rng.random() < 0.3 else text
        if rng.random() < 0.15:
            return None
        if kind in self._types:
            value = rng.choice(self._types[kind])
            return (value["name"]["value"], value["id"])
        if kind == "AMAZON.NUMBER":
            return rng.choice(("10", "0", "-3", "999999999999", "?", "1.5", "twenty"))
        return rng.choice(
            (
                "is heat good for a back spasm",
                "how long should I ice my back",
                "my legs are numb and I can't control my bladder",
                "i have a fever and back pain",
                "when should i see a doctor",
            )
        )

    # ---- mutations ----
    def _mutate(self, event: dict[str, Any]) -> None:
        rng = self.rng
        op = rng.choices(
            ("drop", "null", "retype", "locale", "slot", "type", "progress"),
            weights=(25, 20, 25, 10, 10, 5, 5),
        )[0]
        if op == "locale":
            request = event.get("request")
            if isinstance(request, dict):
                request["locale"] = rng.choice(LOCALES)
            return
        if op == "slot":
            self._inject_slot(event)
            return
        if op == "type":
            request = event.get("request")
            if isinstance(request, dict):
                request["type"] = rng.choice(UNKNOWN_TYPES)
            return
        if op == "progress":
            session = event.get("session")
            if isinstance(session, dict) and isinstance(session.get("attributes"), dict):
                session["attributes"]["progress"] = copy.deepcopy(rng.choice(HOSTILE_PROGRESS))
            return
        paths = _paths(event)
        if not paths:
            return
        path = rng.choice(paths)
        parent = _parent(event, path)
        key = path[-1]
        if op == "drop":
            if isinstance(parent, dict):
                del parent[key]
            else:
                parent.pop(key)
        elif op == "null":
            parent[key] = None
        else:
            parent[key] = _random_value(rng)

    def _inject_slot(self, event: dict[str, Any]) -> None:
        intent = _dict(_dict(event).get("request")).get("intent")
        if not isinstance(intent, dict):
            return
        slots = intent.get("slots")
        if not isinstance(slots, dict):
            return
        name = self.rng.choice([*slots, "Injected"])
        slots[name] = {"name": name, "value": self.rng.choice(INJECTIONS)}

    def _keep_api_local(self, event: dict[str, Any]) -> None:
        """Whatever the mutations did, Alexa API calls may only go to the local fake.

        A mutated apiEndpoint could otherwise send the skill to a real host (or a DNS lookup
        of junk); the endpoint is the one field the fuzz must leave pointing somewhere safe.
        """
        system = _dict(_dict(event).get("context")).get("System")
        if isinstance(system, dict) and "apiEndpoint" in system:
            system["apiEndpoint"] = self.api_endpoint

    def _huge_slot_body(self) -> bytes:
        event = envelopes.intent("QuestionIntent", {"Query": "x" * 100_000}, now=self.now)
        return json.dumps(event).encode()


def request_type(event: Any) -> str | None:
    """The request type as sent, or None when the envelope has none."""
    request = event.get("request") if isinstance(event, dict) else None
    kind = request.get("type") if isinstance(request, dict) else None
    return kind if isinstance(kind, str) else None
