"""A small stand-in for Alexa's language understanding, driven by the generated model.

It matches an utterance the way virtual-alexa does (whole-utterance match against each
sample; custom slot values must equal a value or synonym; AMAZON.SearchQuery and other
built-in slots take any words; the sample with the most literal characters wins). Real
Alexa is far more forgiving, so phrasings that work here work there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

MODELS = Path(__file__).resolve().parents[3] / "skill-package" / "interactionModels" / "custom"
# Phrases Alexa's built-in intents understand without samples in the model (as in
# virtual-alexa's BuiltinUtterances).
BUILTIN = {
    "AMAZON.CancelIntent": ["cancel", "never mind"],
    "AMAZON.HelpIntent": ["help", "help me"],
    "AMAZON.NavigateHomeIntent": ["home", "go home"],
    "AMAZON.NextIntent": ["next", "skip forward"],
    "AMAZON.NoIntent": ["no", "no thanks", "nope"],
    "AMAZON.PauseIntent": ["pause", "pause that"],
    "AMAZON.PreviousIntent": ["go back", "previous", "skip back", "back up"],
    "AMAZON.RepeatIntent": ["repeat", "say that again", "repeat that"],
    "AMAZON.ResumeIntent": ["resume", "continue", "keep going"],
    "AMAZON.StartOverIntent": ["start over", "restart", "start again"],
    "AMAZON.StopIntent": ["stop", "off", "shut up"],
    "AMAZON.YesIntent": ["yes", "yes please", "sure", "yeah", "yep"],
}
_PUNCT = re.compile(r"[!\"¿?|#$%/()=+\-_<>*{}·¡\[\].,;:]")


@dataclass(frozen=True)
class Slot:
    value: str
    resolved_id: str | None = None


@dataclass(frozen=True)
class Match:
    intent: str
    slots: dict[str, Slot] = field(default_factory=dict)


@dataclass(frozen=True)
class _Sample:
    intent: str
    regex: re.Pattern[str]
    slot_names: tuple[str, ...]
    literal: int


class Nlu:
    def __init__(self, model: dict[str, Any]) -> None:
        language = model["interactionModel"]["languageModel"]
        self.invocation: str = language["invocationName"]
        self._types: dict[str, dict[str, str]] = {}
        for slot_type in language.get("types", []):
            lookup: dict[str, str] = {}
            for value in slot_type["values"]:
                for word in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                    lookup.setdefault(word.lower(), value["id"])
            self._types[slot_type["name"]] = lookup
        self._slot_types: dict[tuple[str, str], str] = {}
        self._samples: list[_Sample] = []
        declared = {intent["name"] for intent in language["intents"]}
        builtin = [
            {"name": name, "samples": phrases}
            for name, phrases in BUILTIN.items()
            if name in declared
        ]
        for intent in [*language["intents"], *builtin]:
            for slot in intent.get("slots", []):
                self._slot_types[(intent["name"], slot["name"])] = slot["type"]
            for sample in intent.get("samples", []):
                names = tuple(re.findall(r"\{(\w+)\}", sample))
                pattern = _pattern(sample)
                literal = len(re.sub(r"\{\w+\}", "", sample))
                self._samples.append(
                    _Sample(intent["name"], re.compile(f"^{pattern}$", re.I), names, literal)
                )

    def understand(self, utterance: str) -> Match | None:
        text = " ".join(_PUNCT.sub("", utterance).lower().split())
        best: tuple[int, int, Match] | None = None
        for sample in self._samples:
            found = sample.regex.match(text)
            if not found:
                continue
            slots = self._slots(sample, found.groups())
            if slots is None:
                continue
            typed = sum(1 for s in slots.values() if s.resolved_id)
            score = (sample.literal, typed)
            if best is None or score > best[:2]:
                best = (*score, Match(sample.intent, slots))
        return best[2] if best else None

    def _slots(self, sample: _Sample, values: tuple[str, ...]) -> dict[str, Slot] | None:
        slots: dict[str, Slot] = {}
        for name, raw in zip(sample.slot_names, values, strict=True):
            value = raw.strip()
            if not value:
                return None
            slot_type = self._slot_types[(sample.intent, name)]
            if slot_type == "AMAZON.NUMBER":
                if not value.isdigit():
                    return None
                slots[name] = Slot(value)
            elif slot_type.startswith("AMAZON."):
                slots[name] = Slot(value)
            else:
                resolved = self._types.get(slot_type, {}).get(value)
                if resolved is None:
                    return None
                slots[name] = Slot(value, resolved)
        return slots


def _pattern(sample: str) -> str:
    """Literal words must match exactly; each slot takes one or more whole words."""
    pieces = [p.strip() for p in re.split(r"\{\w+\}", sample)]
    regex = ""
    for i, piece in enumerate(pieces):
        regex += re.escape(piece)
        if i < len(pieces) - 1:
            left = r"\s+" if piece else ""
            right = r"\s+" if pieces[i + 1] else ""
            regex += f"{left}(.+?){right}"
    return regex


@cache
def for_locale(locale: str) -> Nlu:
    path = MODELS / f"{locale}.json"
    if not path.exists():
        path = MODELS / "en-US.json"
    return Nlu(json.loads(path.read_text()))
