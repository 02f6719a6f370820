"""Drive a real skill the way Lambda does, and check every response is one Alexa accepts.

`invoke` repeats lambda_handler's three steps (deserialize, invoke, serialize) on a skill the
test built itself, so each test gets its own store instead of the cached module skill.
`check_response` is the one place that decides whether a response is valid: every suite
that sends envelopes through the skill should pass each reply through it.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import ResponseEnvelope
from back_relief.alexa.runtime import Skill
from back_relief.content.ranker import STEP, Ranker
from back_relief.safety import flagger
from back_relief.simulator.conversation import Reply, plain  # noqa: F401 (tests use both)

from tests.builders import envelopes

LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
# How each locale must say its emergency number (content reference section 4).
EMERGENCY = {
    "en-US": "nine one one",
    "en-CA": "nine one one",
    "en-GB": "nine nine nine",
    "en-AU": "triple zero",
    "en-IN": "one one two",
}
MODELS = Path(__file__).resolve().parents[2] / "skill-package" / "interactionModels" / "custom"
MAX_BREAK_MS = 10_000
MAX_SPEECH_CHARS = 8000
# What a leaked Python error looks like once it reaches speech.
_LEAKS = ("Traceback", "Exception", "Error:", 'File "', "NoneType", "KeyError")
_BREAK_TIME = re.compile(r"^(\d+(?:\.\d+)?)(ms|s)$")
# Text escaped twice parses fine but Alexa reads the entity out ("it amp apos s").
_DOUBLE_ESCAPED = re.compile(r"&amp;(?:amp|lt|gt|quot|apos|#\d+);")


def invoke(skill: Skill, event: dict[str, Any]) -> dict[str, Any]:
    """Exactly what back_relief.skill.lambda_handler does, minus its module-level skill."""
    request_envelope = skill.serializer.deserialize(
        payload=json.dumps(event), obj_type="ask_sdk_model.RequestEnvelope"
    )
    response_envelope = skill.invoke(request_envelope=request_envelope, context=None)
    result = skill.serializer.serialize(response_envelope)
    assert isinstance(result, dict)
    return result


def _check_ssml(ssml: str, where: str) -> str:
    """Parse one SSML string; return its spoken text."""
    assert len(ssml) <= MAX_SPEECH_CHARS, f"{where}: {len(ssml)} chars of SSML"
    try:
        root = ET.fromstring(ssml)
    except ET.ParseError as exc:
        raise AssertionError(f"{where}: malformed SSML ({exc}): {ssml!r}") from exc
    assert root.tag == "speak", f"{where}: root is <{root.tag}>, not <speak>"
    doubled = _DOUBLE_ESCAPED.search(ssml)
    assert doubled is None, f"{where}: double-escaped {doubled.group(0)!r} in {ssml!r}"
    for brk in root.iter("break"):
        time = brk.get("time", "")
        found = _BREAK_TIME.match(time)
        assert found, f"{where}: break time {time!r} is not like 500ms or 2s"
        ms = float(found.group(1)) * (1 if found.group(2) == "ms" else 1000)
        assert ms <= MAX_BREAK_MS, f"{where}: break of {time} is longer than 10 s"
    text = " ".join("".join(root.itertext()).split())
    for leak in _LEAKS:
        assert leak not in text, f"{where}: speech leaks {leak!r}: {text!r}"
    return text


def check_response(raw: dict[str, Any]) -> dict[str, Any]:
    """Assert a serialized response envelope is valid for Alexa; return it unchanged."""
    parsed = DefaultSerializer().deserialize(json.dumps(raw), ResponseEnvelope)
    assert isinstance(parsed, ResponseEnvelope), "not a ResponseEnvelope"
    assert raw.get("version") == "1.0"
    response = raw.get("response")
    assert isinstance(response, dict), "no response object"
    speech = response.get("outputSpeech")
    if speech is not None:
        assert speech.get("type") == "SSML", f"outputSpeech type {speech.get('type')}"
        _check_ssml(str(speech.get("ssml")), "outputSpeech")
    reprompt = (response.get("reprompt") or {}).get("outputSpeech")
    if reprompt is not None:
        assert reprompt.get("type") == "SSML"
        _check_ssml(str(reprompt.get("ssml")), "reprompt")
    return raw


def send(skill: Skill, event: dict[str, Any]) -> Reply:
    """Invoke and validate: the usual single step of a functional test."""
    return Reply(check_response(invoke(skill, event)))


@dataclass
class Session:
    """One user on one device: session attributes carry over until a reply ends the session."""

    skill: Skill
    locale: str = "en-US"
    user_id: str = "amzn1.ask.account.FUNCTIONAL"
    now: float = 1_800_000_000.0
    _attributes: dict[str, Any] | None = field(default=None, repr=False)

    def _send(self, event_for: Any, *args: Any, **kw: Any) -> Reply:
        new = self._attributes is None
        event = event_for(
            *args,
            locale=self.locale,
            user_id=self.user_id,
            now=self.now,
            new=new,
            attributes=self._attributes or {},
            **kw,
        )
        reply = send(self.skill, event)
        self._attributes = None if reply.ends_session else reply.attributes
        return reply

    def launch(self) -> Reply:
        self._attributes = None
        return self._send(envelopes.launch)

    def intent(self, name: str, slots: dict[str, Any] | None = None) -> Reply:
        return self._send(envelopes.intent, name, slots)

    def say(self, utterance: str) -> Reply:
        """Resolve the words with the model-driven NLU (Fallback when nothing matches)."""
        name, slots = understand(self.locale, utterance)
        return self.intent(name, slots)

    def consent(self, status: str, scope: str) -> Reply:
        """Alexa's answer to a voice-consent request: ACCEPTED, DENIED or NOT_ANSWERED."""
        return self._send(envelopes.consent, status, scope)

    def close(self) -> None:
        """The mic closes without a word: the next request starts a new session."""
        self._attributes = None


SessionFactory = Callable[..., Session]


def understand(locale: str, utterance: str) -> tuple[str, dict[str, Any]]:
    """(intent name, slots for envelopes.intent) as the simulator's NLU hears the words."""
    from back_relief.simulator.nlu import for_locale

    match = for_locale(locale).understand(utterance)
    if match is None:
        return "AMAZON.FallbackIntent", {}
    # Custom slots carry their resolution (None id = ER_SUCCESS_NO_MATCH); built-ins are bare.
    slots: dict[str, Any] = {
        n: (s.value, s.resolved_id) if s.status else s.value for n, s in match.slots.items()
    }
    return match.intent, slots


@cache
def model(locale: str) -> dict[str, Any]:
    """The generated interaction model's languageModel for a locale."""
    data = json.loads((MODELS / f"{locale}.json").read_text())
    language = data["interactionModel"]["languageModel"]
    assert isinstance(language, dict)
    return language


def model_intents(locale: str) -> dict[str, dict[str, Any]]:
    return {intent["name"]: intent for intent in model(locale)["intents"]}


NUMBER_VALUE = "10"
QUERY_VALUE = "is heat good for a back spasm"


def plausible_slots(locale: str, intent: dict[str, Any]) -> dict[str, Any]:
    """A value for each slot that Alexa could really send: custom types resolve to an id."""
    types = {t["name"]: t["values"] for t in model(locale).get("types", [])}
    slots: dict[str, Any] = {}
    for spec in intent.get("slots", []):
        kind = spec["type"]
        if kind in types:
            first = types[kind][0]
            slots[spec["name"]] = (first["name"]["value"], first["id"])
        elif kind == "AMAZON.NUMBER":
            slots[spec["name"]] = NUMBER_VALUE
        else:
            slots[spec["name"]] = QUERY_VALUE
    return slots


def empty_slots(intent: dict[str, Any]) -> dict[str, Any]:
    """Slots present but unfilled, as Alexa sends them when the user said no value."""
    return {spec["name"]: None for spec in intent.get("slots", [])}


# A lead the model asks at and does not answer: between MARGIN and SURE.
ASKS = (flagger.MARGIN + flagger.SURE) / 2


def sure_of(flag: str, nats: float) -> Ranker:
    """A red-flag model that names this sign whatever the words, this far over "none" (in STEP
    nats, as the packed model stores it): what a test pins flagger.shipped to."""
    bias = [round(nats / STEP) if c == flag else 0 for c in flagger.CLASSES]
    return Ranker(
        {"classes": list(flagger.CLASSES), "bias": bias, "norm": [0] * len(bias), "weights": [""]}
    )
