"""The spoken answers follow the content reference rules, and their voice samples are sound."""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from interaction_models.build import expand

ROOT = Path(__file__).resolve().parents[2]
ANSWERS_PATH = ROOT / "lambda/back_relief/content/en/answers.toml"
LOCALES_DIR = ROOT / "lambda/back_relief/content/locales"
MODEL_DIR = ROOT / "interaction_models/en"
MODEL_PATH = MODEL_DIR / "answers.yaml"
REFERENCE_PATH = Path("/work/shared/content-reference.md")

MAX_WORDS = 45
MIN_SAMPLES = 25
OFFERS = {"ice", "heat", "contrast", "massage", "stretches"}
PLACEHOLDERS = {"emergency", "doctor", "physio", "emergency_unit", "sameday", "crisis"}
# Longest wording any locale might use, in case a locale file is missing or shorter.
FALLBACK_VOCAB = {
    "emergency": "nine nine nine",
    "doctor": "family doctor",
    "physio": "physical therapist",
    "emergency_unit": "emergency department",
    "sameday": "See your family doctor today, or go to a walk-in clinic or urgent care. "
    "You can also call eight one one where available.",
    "crisis": "nine eight eight, the suicide and crisis lifeline, by call or text",
}
# Topics owned elsewhere: T14 is built from routine data, T36 lives with triage.
NOT_HERE = {"T14", "T36"}
# General knowledge or a pure scope rule: the reference lists no register id for these.
UNSOURCED_OK = {"surgery", "out_of_scope", "crisis"}
FORBIDDEN = (
    "cure",
    "guaranteed",
    "life-saving",
    "lifesaving",
    "life saving",
    "treat your condition",
    "emergency service",
    "always works",
    "i'll call",
    "i will call",
)
DRUG_WORDS = (
    "ibuprofen",
    "paracetamol",
    "acetaminophen",
    "naproxen",
    "aspirin",
    "codeine",
    "tramadol",
    "diazepam",
    "opioid",
    "milligram",
    " mg",
)


def _load_answers() -> dict[str, dict[str, Any]]:
    with ANSWERS_PATH.open("rb") as f:
        answers: dict[str, dict[str, Any]] = tomllib.load(f)["answers"]
    return answers


ANSWERS = _load_answers()


def _reference_text() -> str | None:
    return REFERENCE_PATH.read_text(encoding="utf-8") if REFERENCE_PATH.exists() else None


def _source_register() -> set[str]:
    text = _reference_text()
    if text is not None and "## 9." in text:
        found = set(re.findall(r"^- \*\*(S\d+)\.\*\*", text.split("## 9.", 1)[1], re.M))
        if found:
            return found
    return {f"S{i}" for i in range(1, 42)}


def _topic_ids() -> set[str]:
    text = _reference_text()
    if text is not None:
        found = set(re.findall(r"^\| ([TR]\d+) \|", text, re.M))
        if found:
            return found
    return {f"T{i}" for i in range(1, 46)} | {f"R{i}" for i in range(1, 15)}


def _longest_vocab() -> dict[str, str]:
    vocab = dict(FALLBACK_VOCAB)
    for path in sorted(LOCALES_DIR.glob("*.toml")):
        with path.open("rb") as f:
            words: Mapping[str, Any] = tomllib.load(f).get("vocab", {})
        for key, value in words.items():
            if isinstance(value, str) and len(value.split()) > len(vocab.get(key, "").split()):
                vocab[key] = value
    return vocab


def _spoken(entry: Mapping[str, Any]) -> str:
    """All an answer says outside a routine: its text, then its offer's question."""
    return " ".join(str(entry[key]) for key in ("say", "ask") if key in entry)


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _model(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as f:
        data: dict[str, Any] = yaml.safe_load(f) or {}
    intents: dict[str, Any] = data.get("intents") or {}
    return intents


@cache
def _expanded_samples(path: Path) -> dict[str, list[str]]:
    return {
        intent: [e for s in (body or {}).get("samples", []) for e in expand(s)]
        for intent, body in _model(path).items()
    }


# --- answers.toml -----------------------------------------------------------------------------


@pytest.mark.parametrize("answer_id", sorted(ANSWERS))
def test_entry_has_every_field(answer_id: str) -> None:
    entry = ANSWERS[answer_id]
    assert re.fullmatch(r"[a-z][a-z0-9_]*", answer_id)
    assert set(entry) <= {
        "refs",
        "intent",
        "title",
        "topic",
        "say",
        "sources",
        "keywords",
        "offer",
        "ask",
        "triage",
        "needs",
    }
    assert entry["refs"] and all(isinstance(r, str) for r in entry["refs"])
    # An answer without an intent is reached by free text only (the matcher).
    assert "intent" not in entry or re.fullmatch(r"[A-Z][A-Za-z]*Intent", entry["intent"])
    assert isinstance(entry["title"], str) and 0 < len(entry["title"]) <= 40
    # Said mid-sentence ("I can tell you about ice or heat"): no capital unless an acronym.
    topic = entry["topic"]
    assert isinstance(topic, str) and topic and not re.search(r"[.?!]", topic)
    assert topic[0].islower() or topic.split()[0].isupper(), topic
    assert isinstance(entry["say"], str) and entry["say"].strip() == entry["say"]
    assert isinstance(entry["sources"], list)
    assert entry["keywords"] and all(k == k.lower() and k.strip() for k in entry["keywords"])
    if "offer" in entry:
        assert entry["offer"] in OFFERS


@pytest.mark.parametrize("answer_id", sorted(ANSWERS))
def test_say_fits_in_forty_five_words_in_every_locale(answer_id: str) -> None:
    spoken = _spoken(ANSWERS[answer_id]).format(**_longest_vocab())
    assert len(spoken.split()) <= MAX_WORDS, spoken


@pytest.mark.parametrize("answer_id", sorted(ANSWERS))
def test_say_renders_with_the_locale_placeholders(answer_id: str) -> None:
    say = _spoken(ANSWERS[answer_id])
    assert _placeholders(say) <= PLACEHOLDERS
    assert _placeholders(ANSWERS[answer_id]["title"]) == set()
    rendered = say.format(**{name: "X" for name in PLACEHOLDERS})
    assert "{" not in rendered and "}" not in rendered


@pytest.mark.parametrize("answer_id", sorted(ANSWERS))
def test_say_follows_the_spoken_content_rules(answer_id: str) -> None:
    entry = ANSWERS[answer_id]
    text = f"{entry['title']} {_spoken(entry)}".lower()
    assert not [w for w in FORBIDDEN if w in text]
    assert not [w for w in DRUG_WORDS if w in text]
    assert "diagnos" not in text.replace("can't diagnose", "").replace("cannot diagnose", "")
    assert not re.search(r"\d", _spoken(entry)), "numbers must be spelled out"
    assert "<" not in text and ">" not in text, "plain text only, no SSML"
    if "{emergency}" in entry["say"]:
        assert "or your local emergency number" in entry["say"]


@pytest.mark.parametrize("answer_id", sorted(ANSWERS))
def test_sources_exist_in_the_register(answer_id: str) -> None:
    sources = ANSWERS[answer_id]["sources"]
    assert set(sources) <= _source_register()
    assert len(sources) == len(set(sources))
    if answer_id not in UNSOURCED_OK:
        assert sources


def test_refs_cover_every_topic_and_rule_except_those_owned_elsewhere() -> None:
    refs = [r for entry in ANSWERS.values() for r in entry["refs"]]
    assert set(refs) <= _topic_ids()
    assert not set(refs) & NOT_HERE
    assert _topic_ids() - NOT_HERE <= set(refs)


def test_intents_are_unique() -> None:
    intents = [entry["intent"] for entry in ANSWERS.values() if "intent" in entry]
    assert len(intents) == len(set(intents))


def test_an_offer_is_asked_by_its_own_question_and_say_never_asks() -> None:
    # The handler speaks `ask` after `say` and reprompts with it; mid-routine it drops `ask`
    # for "carry on?". A question left at the end of `say` would be asked there as well, and
    # an offer without `ask` would leave a yes/no nobody heard.
    offers = {answer_id for answer_id, entry in ANSWERS.items() if "offer" in entry}
    asks = {answer_id for answer_id, entry in ANSWERS.items() if "ask" in entry}
    assert offers == asks
    assert offers, "some answers offer a routine"
    for answer_id, entry in ANSWERS.items():
        assert not entry["say"].endswith("?"), answer_id
        if "ask" in entry:
            ask = entry["ask"]
            assert ask.strip() == ask and ask.endswith("?") and ask.count("?") == 1, answer_id


def test_crisis_answer_gives_the_crisis_line_and_emergency_number() -> None:
    crisis = [e for e in ANSWERS.values() if "R12" in e["refs"]]
    assert len(crisis) == 1
    assert "{crisis}" in crisis[0]["say"]
    assert "{emergency}" in crisis[0]["say"]
    assert "offer" not in crisis[0]


def test_call_request_says_the_skill_cannot_call() -> None:
    (entry,) = [e for e in ANSWERS.values() if "R14" in e["refs"]]
    assert "T44" in entry["refs"]
    assert "can't make calls" in entry["say"]
    assert "{emergency}" in entry["say"]


def test_no_keyword_belongs_to_two_answers() -> None:
    from back_relief.content.matcher import normalise

    owners: dict[str, set[str]] = {}
    for answer_id, entry in ANSWERS.items():
        for keyword in entry["keywords"]:
            owners.setdefault(normalise(keyword), set()).add(answer_id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


# --- interaction_models/en/answers.yaml -------------------------------------------------------


def test_model_has_one_intent_per_answer_and_no_slots() -> None:
    model = _model(MODEL_PATH)
    assert set(model) == {entry["intent"] for entry in ANSWERS.values() if "intent" in entry}
    assert all("slots" not in (body or {}) for body in model.values())


@pytest.mark.parametrize("intent", sorted(e["intent"] for e in ANSWERS.values() if "intent" in e))
def test_intent_has_enough_distinct_well_formed_samples(intent: str) -> None:
    samples = _expanded_samples(MODEL_PATH)[intent]
    assert len(set(samples)) >= MIN_SAMPLES
    assert len(samples) == len(set(samples)), "duplicate samples within the intent"
    bad = [s for s in samples if not re.fullmatch(r"[a-z']+( [a-z']+)*", s)]
    assert bad == []


def test_no_sample_is_shared_by_two_intents() -> None:
    owners: dict[str, set[str]] = {}
    for path in sorted(MODEL_DIR.glob("*.yaml")):
        for intent, samples in _expanded_samples(path).items():
            for sample in samples:
                if "{" not in sample:
                    owners.setdefault(sample, set()).add(intent)
    assert {s: v for s, v in owners.items() if len(v) > 1} == {}


def test_implied_triage_names_a_real_trigger() -> None:
    with (ANSWERS_PATH.parent / "triage.toml").open("rb") as fh:
        triggers = tomllib.load(fh)["triggers"]
    implied = {a["triage"] for a in ANSWERS.values() if "triage" in a}
    assert implied, "cough/sneeze and cancer history imply same-day triggers (T39, R7)"
    assert implied <= set(triggers)
