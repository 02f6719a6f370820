"""Refuse to ship what Alexa's developer console or certification would reject (offline checks).

    python scripts/release_check.py            # = make release-check; exit 1 on any problem

Checks skill-package/skill.json and every generated interaction model:
- public URLs (icons, privacy policy, terms) are real HTTPS URLs, not placeholders;
- the icons the repository carries are PNGs of exactly 108 and 512 pixels square, and the
  privacy policy and terms exist and say what is stored, for how long and how to delete it;
- every example phrase is something a sample (or the launch phrase) actually matches;
- the models follow the console's build rules: invocation name, intent and slot names, slot
  types defined, no empty slot values, sample length and characters, no sample in two intents,
  no wake word in any sample, the required built-in intents, and name-free ingress points.
"""

from __future__ import annotations

import argparse
import json
import re
import struct
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from wire_endpoint import ASSET_PATHS  # noqa: E402 (scripts/ is not a package)

MODELS = Path("skill-package/interactionModels/custom")
ICON_SIZES = {"smallIconUri": 108, "largeIconUri": 512}
# "Alexa" and "Amazon" are refused anywhere; the other wake words are also ordinary words
# ("sit at the computer"), so only a sample that starts with one is refused.
WAKE_WORDS = {"alexa", "amazon"}
LEADING_WAKE_WORDS = WAKE_WORDS | {"echo", "computer", "ziggy"}
LAUNCH_WORDS = {"ask", "tell", "open", "launch", "load", "begin", "enable", "start", "run", "play"}
CONNECTING_WORDS = {"to", "from", "in", "using", "with", "about", "for", "that", "by", "if", "and"}
CONNECTING_WORDS |= {"whether", "of", "on", "the", "a", "an"}
PLACEHOLDER_HOSTS = re.compile(
    r"(^|\.)(example\.(com|org|net)|[a-z0-9-]+\.example|localhost|test|invalid|your-?domain\.\w+)$"
)
REQUIRED_BUILT_INS = {"AMAZON.CancelIntent", "AMAZON.HelpIntent", "AMAZON.StopIntent"}
REQUIRED_BUILT_INS |= {"AMAZON.NavigateHomeIntent", "AMAZON.FallbackIntent"}
NAME = re.compile(r"^[A-Za-z_]+$")
SAMPLE_CHARS = re.compile(r"^[a-z .'\-{}A-Z_]+$")
SLOT_REF = re.compile(r"\{([^{}]*)\}")
MAX_SAMPLE_CHARS = 200
MAX_SLOT_VALUE_CHARS = 140
MAX_NAME_FREE_UTTERANCES = 5
# What the privacy policy must tell a user (issue: what is stored, how long, how to delete).
POLICY_MUST_SAY = ("routine progress", "hashed", "7 days", "forget me", "disable")


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def check_url(url: Any, where: str) -> list[str]:
    if not isinstance(url, str) or not url:
        return [f"{where}: missing URL"]
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if parsed.scheme != "https" or not host:
        return [f"{where}: {url!r} is not an https:// URL"]
    if PLACEHOLDER_HOSTS.search(host) or re.search(r"[<>{}$]|\bTODO\b|\bCHANGEME\b", url):
        return [f"{where}: {url} is a placeholder (set ASSETS_BASE_URL, see README.md)"]
    return []


def png_size(path: Path) -> tuple[int, int] | None:
    """Width and height from a PNG's IHDR chunk, or None when the file is not a PNG."""
    head = path.read_bytes()[:24]
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", head[16:24])
    return width, height


def check_assets(root: Path) -> list[str]:
    problems = []
    for key, size in ICON_SIZES.items():
        path = root / ASSET_PATHS[key]
        if not path.is_file():
            problems.append(f"{ASSET_PATHS[key]}: missing {size} px icon")
        elif (found := png_size(path)) != (size, size):
            problems.append(f"{ASSET_PATHS[key]}: must be a {size}x{size} PNG, found {found}")
    for key in ("privacyPolicyUrl", "termsOfUseUrl"):
        if not (root / ASSET_PATHS[key]).is_file():
            problems.append(f"{ASSET_PATHS[key]}: missing")
    policy = root / ASSET_PATHS["privacyPolicyUrl"]
    if policy.is_file():
        text = " ".join(policy.read_text(encoding="utf-8").lower().split())
        for phrase in POLICY_MUST_SAY:
            if phrase not in text:
                problems.append(f"{ASSET_PATHS['privacyPolicyUrl']}: does not mention {phrase!r}")
    return problems


def sample_pattern(sample: str, slot_values: dict[str, str | None]) -> re.Pattern[str]:
    """A sample as a regex: custom slots match their values and synonyms, built-ins anything."""
    parts = []
    for index, piece in enumerate(SLOT_REF.split(sample)):
        if index % 2 == 0:
            parts.append(re.escape(" ".join(words(piece))))
        else:
            parts.append(slot_values.get(piece) or "([a-z' ]+)")
    return re.compile(r"\s*".join(part for part in parts if part) + "$")


class Samples:
    """Every sample of a model, matched lazily: regexes are compiled only for samples whose
    literal words all occur in the phrase (a model has thousands of samples)."""

    def __init__(self, language_model: dict[str, Any]) -> None:
        alternations: dict[str, str] = {}
        for slot_type in language_model.get("types", []):
            texts = {
                " ".join(words(text))
                for value in slot_type.get("values", [])
                for text in [value["name"]["value"], *value["name"].get("synonyms", [])]
            }
            ordered = sorted(texts, key=len, reverse=True)
            alternations[slot_type["name"]] = "(" + "|".join(map(re.escape, ordered)) + ")"
        self.entries: list[tuple[str, str, dict[str, str | None]]] = []
        for intent in language_model.get("intents", []):
            slots = {s["name"]: alternations.get(s["type"]) for s in intent.get("slots", [])}
            self.entries += [(intent["name"], s, slots) for s in intent.get("samples", [])]

    def match(self, phrase: str, intent: str | None = None) -> str | None:
        """The intent whose sample matches phrase (also after a leading "to", "for"...)."""
        text = " ".join(words(phrase))
        candidates = [text]
        first, _, rest = text.partition(" ")
        if first in CONNECTING_WORDS:
            candidates.append(rest)  # "ask back relief to start ..." carries "start ..."
        for candidate in candidates:
            present = set(candidate.split())
            for name, sample, slots in self.entries:
                if intent is not None and name != intent:
                    continue
                if not set(words(SLOT_REF.sub(" ", sample))) <= present:
                    continue
                if sample_pattern(sample, slots).match(candidate):
                    return name
        return None


def check_invocation(name: str, where: str) -> list[str]:
    problems = []
    tokens = name.split(" ")
    if not 2 <= len(name) <= 50 or not re.fullmatch(r"[a-z][a-z.' ]*[a-z.]", name):
        problems.append(f"{where}: invocation name {name!r}: 2-50 lowercase letters and spaces")
    if len(tokens) < 2:
        problems.append(f"{where}: a one-word invocation name needs a brand; use two words")
    if set(tokens) & (LEADING_WAKE_WORDS | LAUNCH_WORDS | {"skill", "app"}):
        problems.append(f"{where}: invocation name {name!r} contains a wake or launch word")
    if tokens[0] in CONNECTING_WORDS or tokens[-1] in CONNECTING_WORDS:
        problems.append(f"{where}: invocation name {name!r} starts or ends with a connecting word")
    return problems


def check_samples(owner: str, samples: list[Any], slots: set[str], where: str) -> list[str]:
    problems = []
    for sample in samples:
        if not isinstance(sample, str) or not sample.strip():
            problems.append(f"{where}: {owner} has an empty sample")
            continue
        if len(sample) > MAX_SAMPLE_CHARS:
            problems.append(f"{where}: {owner} sample longer than {MAX_SAMPLE_CHARS}: {sample!r}")
        if not SAMPLE_CHARS.match(sample) or sample.count("{") != sample.count("}"):
            problems.append(f"{where}: {owner} sample has digits or symbols: {sample!r}")
        spoken = words(SLOT_REF.sub(" ", sample))
        if set(spoken) & WAKE_WORDS or (spoken[:1] and spoken[0] in LEADING_WAKE_WORDS):
            problems.append(f"{where}: {owner} sample contains a wake word: {sample!r}")
        for used in SLOT_REF.findall(sample):
            if used not in slots:
                problems.append(f"{where}: {owner} sample uses undeclared slot {{{used}}}")
    return problems


def check_model(model: dict[str, Any], where: str) -> list[str]:
    """Console build rules for one locale's interaction model JSON."""
    language_model = model.get("interactionModel", {}).get("languageModel", {})
    problems = check_invocation(language_model.get("invocationName", ""), where)
    types = {t.get("name"): t for t in language_model.get("types", [])}
    for name, slot_type in types.items():
        if not isinstance(name, str) or not NAME.match(name):
            problems.append(f"{where}: slot type name {name!r} must be letters and underscores")
        values = slot_type.get("values") or []
        if not values:
            problems.append(f"{where}: slot type {name} has no values")
        for value in values:
            texts = [value.get("name", {}).get("value"), *value.get("name", {}).get("synonyms", [])]
            for text in texts:
                if not isinstance(text, str) or not text.strip():
                    problems.append(f"{where}: slot type {name} has an empty value or synonym")
                elif len(text) > MAX_SLOT_VALUE_CHARS:
                    problems.append(f"{where}: slot type {name} value too long: {text[:40]}...")
    owner: dict[str, str] = {}
    names = [intent.get("name", "") for intent in language_model.get("intents", [])]
    for missing in sorted(REQUIRED_BUILT_INS - set(names)):
        problems.append(f"{where}: required built-in intent {missing} is missing")
    for duplicate in sorted({n for n in names if names.count(n) > 1}):
        problems.append(f"{where}: intent {duplicate} is defined more than once")
    for intent in language_model.get("intents", []):
        name = intent.get("name", "")
        built_in = name.startswith("AMAZON.")
        if not built_in and not NAME.match(name):
            problems.append(f"{where}: intent name {name!r} must be letters and underscores")
        slots = {slot.get("name", ""): slot.get("type", "") for slot in intent.get("slots", [])}
        for slot, slot_type in slots.items():
            if not NAME.match(slot):
                problems.append(f"{where}: {name} slot name {slot!r} must be letters/underscores")
            if not slot_type.startswith("AMAZON.") and slot_type not in types:
                problems.append(f"{where}: {name} slot {slot} uses undefined type {slot_type!r}")
        samples = intent.get("samples", [])
        if not built_in and not samples:
            problems.append(f"{where}: custom intent {name} has no samples")
        problems += check_samples(name, samples, set(slots), where)
        for sample in samples:
            key = " ".join(str(sample).lower().split())
            if owner.setdefault(key, name) != name:
                problems.append(f"{where}: sample {sample!r} is in both {owner[key]} and {name}")
    problems += check_name_free(model, set(names), where)
    return problems


def check_name_free(model: dict[str, Any], intents: set[str], where: str) -> list[str]:
    problems = []
    samples = Samples(model.get("interactionModel", {}).get("languageModel", {}))
    for point in (
        model.get("interactionModel", {}).get("_nameFreeInteraction", {}).get("ingressPoints", [])
    ):
        label = f"name-free {point.get('type')} {point.get('name', '')}".rstrip()
        if point.get("type") not in {"LAUNCH", "INTENT"}:
            problems.append(f"{where}: {label}: type must be LAUNCH or INTENT")
        if point.get("type") == "INTENT" and point.get("name") not in intents:
            problems.append(f"{where}: {label}: no such intent")
        utterances = point.get("sampleUtterances", [])
        if not 1 <= len(utterances) <= MAX_NAME_FREE_UTTERANCES:
            problems.append(f"{where}: {label}: 1 to {MAX_NAME_FREE_UTTERANCES} utterances")
        texts = [u.get("value", "") for u in utterances if u.get("format") == "RAW_TEXT"]
        if len(texts) != len(utterances):
            problems.append(f"{where}: {label}: every utterance must be RAW_TEXT")
        problems += check_samples(label, texts, set(), where)
        if point.get("type") == "INTENT":
            for text in texts:
                if samples.match(text, intent=point.get("name")) is None:
                    problems.append(f"{where}: {label}: no sample of the intent matches {text!r}")
    return problems


def check_manifest(manifest: dict[str, Any], models: dict[str, dict[str, Any]]) -> list[str]:
    body = manifest.get("manifest", {})
    problems = []
    publishing = body.get("publishingInformation", {}).get("locales", {})
    privacy = body.get("privacyAndCompliance", {}).get("locales", {})
    for locale, info in sorted(publishing.items()):
        where = f"skill.json {locale}"
        for key in ICON_SIZES:
            problems += check_url(info.get(key), f"{where} {key}")
        for key in ("privacyPolicyUrl", "termsOfUseUrl"):
            problems += check_url(privacy.get(locale, {}).get(key), f"{where} {key}")
        model = models.get(locale)
        if model is None:
            problems.append(f"{where}: no interaction model for this locale")
            continue
        language_model = model["interactionModel"]["languageModel"]
        invocation = language_model.get("invocationName", "")
        samples = Samples(language_model)
        opener = re.compile(rf"^alexa (open|launch|start) {re.escape(invocation)}$")
        asker = re.compile(rf"^alexa (ask|tell) {re.escape(invocation)} (.+)$")
        for phrase in info.get("examplePhrases", []):
            text = " ".join(words(phrase))
            if opener.match(text):
                continue
            asked = asker.match(text)
            if asked is None:
                problems.append(f"{where}: example {phrase!r} does not use the invocation name")
            elif samples.match(asked[2]) is None:
                problems.append(f"{where}: no sample matches the example phrase {phrase!r}")
    return problems


def run(root: Path) -> list[str]:
    models = {}
    for path in sorted((root / MODELS).glob("*.json")):
        models[path.stem] = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    for locale, model in models.items():
        problems += check_model(model, f"{locale}.json")
    manifest = json.loads((root / "skill-package" / "skill.json").read_text(encoding="utf-8"))
    return problems + check_manifest(manifest, models) + check_assets(root)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Offline certification and model checks")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    problems = run(args.root)
    for problem in problems:
        print(f"release-check: {problem}", file=sys.stderr)
    if problems:
        print(f"release-check: {len(problems)} problem(s); nothing was submitted", file=sys.stderr)
        return 1
    print("release-check: manifest, models, icons and policies are ready to submit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
