"""Generate the ASK interaction models from the hand-edited source.

    python -m interaction_models.build          # write skill-package/.../custom/*.json
    python -m interaction_models.build --check  # exit 1 if any generated file is stale

It also writes (or checks) lambda/back_relief/safety/triage_index.json, the triage prefilter
built from content/en/triage.toml (back_relief.safety.build_index).

Source: every en/*.yaml (intents with samples, custom slot types), plus
locales/<locale>.yaml (extra samples and synonyms for one locale). The SYMPTOM slot type
is generated from the triage examples in the skill's content, so the phrasings that
triage is tested on are exactly the ones the voice model listens for.

It refuses what the developer console or certification would: a sample holding a wake
word, an AMAZON.SearchQuery sample without a carrier phrase or beside another slot, one
sample in two intents, and a model over the size budget.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "interaction_models"
OUTPUT = ROOT / "skill-package" / "interactionModels" / "custom"
CONTENT = ROOT / "lambda" / "back_relief" / "content" / "en"
TRIAGE = CONTENT / "triage.toml"
VOICE = CONTENT / "voice.toml"
NAME_FREE = SOURCE / "name_free.yaml"
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
INVOCATION = "back relief"
_GROUP = re.compile(r"\(([^()]*)\)")
_VALID = re.compile(r"^[a-z' ]*(\{[A-Za-z]+\}[a-z' ]*)*$")
# Alexa's wake words. A sample holding one fails certification, and the word never reaches
# the skill anyway: the device hears it and drops it before understanding starts. The
# product names are refused anywhere; "computer" and "ziggy" are ordinary words mid-sentence
# ("how should i sit at the computer"), so only at the start, where they act as a wake word.
WAKE_WORDS = frozenset({"alexa", "amazon", "echo", "computer", "ziggy"})
NAMES = frozenset({"alexa", "amazon", "echo"})
# A budget well under the model size the developer console accepts, so a growing slot list
# or sample expansion fails here, offline, rather than at deploy.
MAX_MODEL_BYTES = 1_000_000


class ModelError(ValueError):
    pass


def expand(sample: str) -> list[str]:
    """Expand "(a|b|)" groups into every combination; "(x|)" makes x optional."""
    parts = _GROUP.split(sample)
    literals, groups = parts[0::2], [g.split("|") for g in parts[1::2]]
    out = []
    for choice in itertools.product(*groups):
        text = literals[0] + "".join(c + lit for c, lit in zip(choice, literals[1:], strict=True))
        out.append(" ".join(text.split()))
    return out


def _load_yaml(path: Path) -> dict[str, Any]:
    with path.open() as fh:
        data = yaml.safe_load(fh) or {}
    if not isinstance(data, dict):
        raise ModelError(f"{path.name}: top level must be a mapping")
    return data


# The id of the SYMPTOM values that are whole turns (symptoms.yaml `statements`), no trigger's:
# triage reads their words like any other statement.
STATEMENT_ID = "STATEMENT"


def _symptom_type(statements: list[str]) -> list[dict[str, Any]]:
    with TRIAGE.open("rb") as fh:
        triggers = tomllib.load(fh)["triggers"]
    values = []
    if statements:
        said = [" ".join(s.lower().split()) for s in statements]
        values.append({"id": STATEMENT_ID, "value": said[0], "synonyms": said[1:]})
    for trigger_id, trigger in triggers.items():
        examples = [" ".join(e.lower().split()) for e in trigger.get("examples", [])]
        if examples:
            values.append({"id": trigger_id, "value": examples[0], "synonyms": examples[1:]})
    return values


def source() -> tuple[dict[str, dict[str, Any]], dict[str, list[dict[str, Any]]]]:
    intents: dict[str, dict[str, Any]] = {}
    types: dict[str, list[dict[str, Any]]] = {}
    statements: list[str] = []
    for path in sorted((SOURCE / "en").glob("*.yaml")):
        data = _load_yaml(path)
        statements += data.get("statements") or []
        for name, spec in (data.get("intents") or {}).items():
            if name in intents:
                raise ModelError(f"{path.name}: intent {name} is defined twice")
            intents[name] = spec or {}
        for name, values in (data.get("types") or {}).items():
            types[name] = values
    types["SYMPTOM"] = _symptom_type(statements)
    with VOICE.open("rb") as fh:
        carriers = tomllib.load(fh)["voice"]["statement_carriers"]
    question = intents["QuestionIntent"]
    question["samples"] = [*question["samples"], *(f"{c} {{Query}}" for c in carriers)]
    return intents, types


def build_locale(locale: str) -> dict[str, Any]:
    intents, types = source()
    override_path = SOURCE / "locales" / f"{locale}.yaml"
    override = _load_yaml(override_path) if override_path.exists() else {}
    extra_samples: dict[str, list[str]] = override.get("add_samples") or {}
    extra_synonyms: dict[str, dict[str, list[str]]] = override.get("add_synonyms") or {}
    owner: dict[str, str] = {}
    out_intents = []
    for name, spec in intents.items():
        slots: dict[str, str] = spec.get("slots") or {}
        samples: list[str] = []
        for raw in [*(spec.get("samples") or []), *extra_samples.get(name, [])]:
            for sample in expand(raw):
                _check_sample(name, sample, slots)
                if sample in owner and owner[sample] != name:
                    raise ModelError(f"'{sample}' is in both {owner[sample]} and {name}")
                if sample not in owner:
                    owner[sample] = name
                    samples.append(sample)
        intent: dict[str, Any] = {"name": name, "samples": samples}
        if slots:
            intent["slots"] = [{"name": s, "type": t} for s, t in slots.items()]
        out_intents.append(intent)
    out_types = []
    for name, values in sorted(types.items()):
        added = extra_synonyms.get(name, {})
        out_values = []
        for value in values:
            synonyms = [*value.get("synonyms", []), *added.get(value["id"], [])]
            entry: dict[str, Any] = {"value": value["value"]}
            if synonyms:
                entry["synonyms"] = list(dict.fromkeys(synonyms))
            out_values.append({"id": value["id"], "name": entry})
        out_types.append({"name": name, "values": out_values})
    model: dict[str, Any] = {
        "languageModel": {
            "invocationName": INVOCATION,
            "modelConfiguration": {"fallbackIntentSensitivity": {"level": "LOW"}},
            "intents": out_intents,
            "types": out_types,
        }
    }
    if NAME_FREE.exists():
        model["_nameFreeInteraction"] = _name_free(_load_yaml(NAME_FREE))
    return {"interactionModel": model}


def _name_free(spec: dict[str, Any]) -> dict[str, Any]:
    """Name-free ingress points (interactionModel._nameFreeInteraction) from name_free.yaml."""

    def utterances(phrases: list[str]) -> list[dict[str, str]]:
        return [{"format": "RAW_TEXT", "value": phrase} for phrase in phrases]

    points = [{"type": "LAUNCH", "sampleUtterances": utterances(spec.get("launch") or [])}]
    for intent, phrases in (spec.get("intents") or {}).items():
        points.append({"type": "INTENT", "name": intent, "sampleUtterances": utterances(phrases)})
    return {"ingressPoints": points}


# Words that negate what follows them, and the slot types whose words triage reads as said.
NEGATING = frozenset({"no", "not", "never", "without", "none", "nothing", "nor", "neither"})
FREE_TEXT_TYPES = frozenset({"SYMPTOM", "AMAZON.SearchQuery"})


def _check_sample(intent: str, sample: str, slots: dict[str, str]) -> None:
    if not _VALID.match(sample):
        raise ModelError(f"{intent}: invalid sample '{sample}' (lowercase words only)")
    used = re.findall(r"\{([A-Za-z]+)\}", sample)
    for name in used:
        if name not in slots:
            raise ModelError(f"{intent}: sample '{sample}' uses undeclared slot {name}")
    words = sample.split()
    wake = sorted(NAMES.intersection(words) | WAKE_WORDS.intersection(words[:1]))
    if wake:
        raise ModelError(f"{intent}: sample '{sample}' holds the wake word {wake[0]}")
    for word, name in re.findall(r"(\S+) \{(\w+)\}", sample):
        # A carrier ending in a negation takes it from the words triage reads: "oh no {Symptom}"
        # turned "no problems controlling my bladder" into "problems controlling my bladder".
        if word in NEGATING and slots[name] in FREE_TEXT_TYPES:
            raise ModelError(f"{intent}: '{sample}' puts '{word}' just before free-text {{{name}}}")
    if any(slots[name] == "AMAZON.SearchQuery" for name in used):
        # Alexa rejects a SearchQuery slot without a carrier phrase or beside another slot.
        if len(used) > 1:
            raise ModelError(f"{intent}: '{sample}' puts AMAZON.SearchQuery beside another slot")
        if not re.sub(r"\{\w+\}", "", sample).strip():
            raise ModelError(f"{intent}: '{sample}' has AMAZON.SearchQuery without a carrier")


def render(locale: str) -> str:
    text = json.dumps(build_locale(locale), indent=2, ensure_ascii=False) + "\n"
    if len(text.encode()) > MAX_MODEL_BYTES:
        raise ModelError(f"{locale}: model is {len(text.encode())} bytes (> {MAX_MODEL_BYTES})")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if generated files are stale")
    args = parser.parse_args(argv)
    stale = []
    for locale in LOCALES:
        path = OUTPUT / f"{locale}.json"
        text = render(locale)
        if args.check:
            if not path.exists() or path.read_text() != text:
                stale.append(path.name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        print("stale interaction models (run `make model`):", ", ".join(stale), file=sys.stderr)
    else:
        print("interaction models", "up to date" if args.check else f"written to {OUTPUT}")
    # The triage prefilter index is generated from the same content, so it is built and
    # checked here too: one command keeps every generated file fresh.
    index_status = _triage_index().main(["--check"] if args.check else [])
    content_status = _compiled_content(check=args.check)
    flag_status = _flag_model(check=args.check)
    return 1 if stale or index_status or content_status or flag_status else 0


def _flag_model(check: bool) -> int:
    """safety/flagger.json: the learnt red-flag second opinion (flag_model.py)."""
    _triage_index()  # puts lambda/ on sys.path
    flagger = importlib.import_module("back_relief.safety.flagger")
    flag_model = importlib.import_module("interaction_models.flag_model")
    text = flag_model.model_text()
    path = Path(flagger.MODEL)
    if check:
        if not path.exists() or not flag_model.same_model(path.read_text(encoding="utf-8"), text):
            print(f"stale {path.name} (run `make model`)", file=sys.stderr)
            return 1
        print("red-flag model up to date")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"red-flag model written to {path}")
    return 0


def _compiled_content(check: bool) -> int:
    """content/compiled.json: the TOML content pre-parsed, so a cold start skips tomllib;
    content/keyword_tokens.json: the answer matcher's keywords pre-tokenised;
    content/matcher_tables.json: its scoring tables;
    content/ranker.json: the learnt topic ranker (interaction_models/rank_model.py)."""
    _triage_index()  # puts lambda/ on sys.path
    loader = importlib.import_module("back_relief.content.loader")
    matcher = importlib.import_module("back_relief.content.matcher")
    soundalike = importlib.import_module("back_relief.soundalike")
    ranker = importlib.import_module("back_relief.content.ranker")
    rank_model = importlib.import_module("interaction_models.rank_model")
    # The answer matcher's keyword tokens too (content/keyword_tokens.json): built from the
    # same sources, trusted at run time the same way.
    outputs = (
        (Path(loader.COMPILED), loader.compiled_text()),
        (Path(matcher.TOKENS), loader.keyword_tokens_text()),
        # ... and the tables built from them (content/matcher_tables.json).
        (Path(matcher.matcher_tables.TABLES), loader.matcher_tables_text()),
        # The speech-recognition sound-alike keys (back_relief/soundalike.py).
        (Path(soundalike.TABLE), soundalike.table_text()),
        # The learnt topic ranker (content/ranker.py), trained on the development sets.
        (Path(ranker.MODEL), rank_model.model_text()),
    )
    if check:
        for path, text in outputs:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"stale {path.name} (run `make model`)", file=sys.stderr)
                return 1
        print("compiled content up to date")
        return 0
    for path, text in outputs:
        path.write_text(text, encoding="utf-8")
        print(f"compiled content written to {path}")
    return 0


def _triage_index() -> Any:
    if str(ROOT / "lambda") not in sys.path:
        sys.path.insert(0, str(ROOT / "lambda"))
    return importlib.import_module("back_relief.safety.build_index")


if __name__ == "__main__":
    sys.exit(main())
