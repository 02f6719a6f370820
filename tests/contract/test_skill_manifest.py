"""Contract: skill.json is ready for certification, and its endpoint is wired without hand edits."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "skill-package" / "skill.json"
MODELS = ROOT / "skill-package" / "interactionModels" / "custom"
LOCALES = ["en-US", "en-GB", "en-CA", "en-AU", "en-IN"]
INVOCATION = "back relief"
DISCLAIMER = (
    "Back Relief offers general information for adults and is not a substitute for professional "
    "medical advice, diagnosis or treatment. If you think you have a medical emergency, call your "
    "local emergency number."
)
# Content reference section 8: words never used in store text (plus their close forms).
FORBIDDEN = [
    r"\bcur(e|es|ed|ing)\b",
    r"\btreat your condition\b",
    r"(?<!can't )(?<!cannot )\bdiagnos(e|es|ing)\b",
    r"\blife[- ]?saving\b",
    r"\bsav(e|es|ing) (your )?li(fe|ves)\b",
    r"\bemergency services?\b",
    r"\bguarantee(d|s)?\b",
]
LAMBDA_ARN = re.compile(r"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]+$")
DEPLOYED_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:back-relief-skill"
SKILL_ID = "amzn1.ask.skill.0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(MANIFEST.read_text(encoding="utf-8"))["manifest"]
    return loaded


@pytest.fixture(scope="module")
def wire_endpoint() -> ModuleType:
    return load_script("wire_endpoint")


def store_texts(manifest: dict[str, Any]) -> list[str]:
    texts = [manifest["publishingInformation"].get("testingInstructions", "")]
    for info in manifest["publishingInformation"]["locales"].values():
        texts += [info["name"], info["summary"], info["description"]]
        texts += info["examplePhrases"] + info["keywords"]
    return texts


# --- publishing ------------------------------------------------------------------------------


def test_manifest_version_and_category(manifest: dict[str, Any]) -> None:
    assert manifest["manifestVersion"] == "1.0"
    assert manifest["publishingInformation"]["category"] == "HEALTH_AND_FITNESS"


@pytest.mark.parametrize("locale", LOCALES)
def test_each_locale_is_published_as_back_relief(manifest: dict[str, Any], locale: str) -> None:
    info = manifest["publishingInformation"]["locales"][locale]
    assert info["name"] == "Back Relief"
    assert 0 < len(info["summary"]) <= 160
    assert 0 < len(info["description"]) <= 4000
    assert 1 <= len(info["keywords"]) <= 30
    for key in ("smallIconUri", "largeIconUri"):
        assert info[key].startswith("https://") and info[key].endswith(".png")


@pytest.mark.parametrize("locale", LOCALES)
def test_description_carries_the_medical_disclaimer(manifest: dict[str, Any], locale: str) -> None:
    description = manifest["publishingInformation"]["locales"][locale]["description"]
    assert DISCLAIMER in description
    assert "not a substitute for professional medical advice" in description


def test_no_forbidden_claims_in_any_store_text(manifest: dict[str, Any]) -> None:
    for text in store_texts(manifest):
        for pattern in FORBIDDEN:
            assert not re.search(pattern, text, re.IGNORECASE), (pattern, text)


@pytest.mark.parametrize("locale", LOCALES)
def test_example_phrases_use_the_invocation_name(manifest: dict[str, Any], locale: str) -> None:
    phrases = manifest["publishingInformation"]["locales"][locale]["examplePhrases"]
    assert 1 <= len(phrases) <= 3
    assert phrases[0] == "Alexa, open back relief"
    for phrase in phrases[1:]:
        assert phrase.startswith("Alexa, ask back relief "), phrase


def test_distribution_matches_the_five_locales(manifest: dict[str, Any]) -> None:
    publishing = manifest["publishingInformation"]
    assert set(publishing["locales"]) == set(LOCALES)
    assert publishing["isAvailableWorldwide"] is False
    assert set(publishing["distributionCountries"]) == {"US", "GB", "CA", "AU", "IN"}


# --- privacy, permissions, interfaces, events -----------------------------------------------


def test_privacy_and_compliance_answers(manifest: dict[str, Any]) -> None:
    privacy = manifest["privacyAndCompliance"]
    assert privacy["usesPersonalInfo"] is False
    assert privacy["isChildDirected"] is False
    assert privacy["containsAds"] is False
    assert privacy["isExportCompliant"] is True
    assert privacy["allowsPurchases"] is False
    assert set(privacy["locales"]) == set(LOCALES)
    for urls in privacy["locales"].values():
        assert urls["privacyPolicyUrl"].startswith("https://")
        assert urls["termsOfUseUrl"].startswith("https://")


def test_timer_and_reminder_permissions(manifest: dict[str, Any]) -> None:
    names = {permission["name"] for permission in manifest["permissions"]}
    assert names == {
        "alexa::alerts:timers:skill:readwrite",
        "alexa::alerts:reminders:skill:readwrite",
    }


def test_custom_api_declares_apl_and_a_lambda_endpoint(manifest: dict[str, Any]) -> None:
    custom = manifest["apis"]["custom"]
    interfaces = {interface["type"] for interface in custom["interfaces"]}
    assert "ALEXA_PRESENTATION_APL" in interfaces
    assert LAMBDA_ARN.match(custom["endpoint"]["uri"])
    assert "sslCertificateType" not in custom["endpoint"]


def test_skill_disabled_events_go_to_the_same_function(manifest: dict[str, Any]) -> None:
    events = manifest["events"]
    assert {"eventName": "SKILL_DISABLED"} in events["subscriptions"]
    assert events["endpoint"]["uri"] == manifest["apis"]["custom"]["endpoint"]["uri"]


# --- example phrases resolve in the generated models ----------------------------------------


def utterance_pattern(sample: str, slots: dict[str, str], values: dict[str, list[str]]) -> str:
    """A regex for the whole utterance, as Alexa's simulators match samples."""
    parts: list[str] = []
    for literal, slot in re.findall(r"([^{]*)(?:\{(\w+)\}|$)", sample):
        words = literal.split()
        parts += [re.escape(word.lower()) for word in words]
        if slot:
            slot_type = slots[slot]
            if slot_type in values:
                options = sorted(values[slot_type], key=len, reverse=True)
                parts.append("(?:" + "|".join(re.escape(o.lower()) for o in options) + ")")
            else:  # built-in types (numbers, durations, search queries) take any words here
                parts.append(r"\S+(?: \S+)*")
    return " ".join(parts)


def resolve(utterance: str, model: dict[str, Any]) -> str | None:
    language = model["interactionModel"]["languageModel"]
    values: dict[str, list[str]] = {}
    for slot_type in language.get("types", []):
        names: list[str] = []
        for value in slot_type["values"]:
            names += [value["name"]["value"], *value["name"].get("synonyms", [])]
        values[slot_type["name"]] = names
    for intent in language["intents"]:
        slots = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        for sample in intent.get("samples", []):
            if re.fullmatch(utterance_pattern(sample, slots, values), utterance):
                return str(intent["name"])
    return None


def spoken_part(phrase: str) -> str | None:
    """The utterance after "Alexa, ask back relief", or None for a plain launch."""
    lowered = re.sub(r"[^\w' ]", "", phrase.lower()).strip()
    if lowered == f"alexa open {INVOCATION}":
        return None
    prefix = f"alexa ask {INVOCATION} "
    assert lowered.startswith(prefix), phrase
    return lowered[len(prefix) :]


def test_utterance_matcher_handles_slots_and_literals() -> None:
    model = {
        "interactionModel": {
            "languageModel": {
                "invocationName": INVOCATION,
                "intents": [
                    {
                        "name": "HowLongIntent",
                        "slots": [{"name": "Treatment", "type": "TREATMENT"}],
                        "samples": ["how long should I {Treatment} my back"],
                    },
                    {"name": "StartRoutineIntent", "samples": ["start an ice session"]},
                ],
                "types": [
                    {
                        "name": "TREATMENT",
                        "values": [{"name": {"value": "ice", "synonyms": ["cold pack"]}}],
                    }
                ],
            }
        }
    }
    assert resolve("how long should i ice my back", model) == "HowLongIntent"
    assert resolve("how long should i cold pack my back", model) == "HowLongIntent"
    assert resolve("how long should i heat my back", model) is None
    assert resolve("start an ice session", model) == "StartRoutineIntent"
    assert resolve("start an ice session now", model) is None


@pytest.mark.parametrize("locale", LOCALES)
def test_example_phrases_resolve_to_intents_in_the_generated_model(
    manifest: dict[str, Any], locale: str
) -> None:
    path = MODELS / f"{locale}.json"
    assert path.is_file(), f"{path} missing: run `make model`"
    model = json.loads(path.read_text(encoding="utf-8"))
    assert model["interactionModel"]["languageModel"]["invocationName"] == INVOCATION
    for phrase in manifest["publishingInformation"]["locales"][locale]["examplePhrases"]:
        utterance = spoken_part(phrase)
        if utterance is None:
            continue  # "open back relief" is a LaunchRequest: no sample needed
        intent = resolve(utterance, model)
        if intent is None and utterance.startswith("to "):
            intent = resolve(utterance[3:], model)  # "ask back relief to ..." connecting word
        assert intent is not None, f"{locale}: {phrase!r} matches no sample"


# --- wire_endpoint.py -------------------------------------------------------------------------


def describe_stacks(arn: str = DEPLOYED_ARN) -> dict[str, Any]:
    return {
        "Stacks": [
            {
                "StackName": "back-relief",
                "StackStatus": "CREATE_COMPLETE",
                "Outputs": [
                    {"OutputKey": "ProgressTableName", "OutputValue": "back-relief-Table-1"},
                    {"OutputKey": "SkillFunctionArn", "OutputValue": arn},
                ],
            }
        ]
    }


@pytest.fixture
def manifest_copy(tmp_path: Path) -> Path:
    copy = tmp_path / "skill.json"
    shutil.copy(MANIFEST, copy)
    return copy


def test_wire_from_describe_stacks_sets_both_endpoints_and_nothing_else(
    wire_endpoint: ModuleType, manifest_copy: Path, tmp_path: Path
) -> None:
    stack_json = tmp_path / "stack.json"
    stack_json.write_text(json.dumps(describe_stacks()))
    before = json.loads(manifest_copy.read_text())

    assert (
        wire_endpoint.main(["--stack-json", str(stack_json), "--manifest", str(manifest_copy)]) == 0
    )

    after = json.loads(manifest_copy.read_text())
    assert after["manifest"]["apis"]["custom"]["endpoint"] == {"uri": DEPLOYED_ARN}
    assert after["manifest"]["events"]["endpoint"] == {"uri": DEPLOYED_ARN}
    before["manifest"]["apis"]["custom"]["endpoint"] = {"uri": DEPLOYED_ARN}
    before["manifest"]["events"]["endpoint"] = {"uri": DEPLOYED_ARN}
    assert after == before
    assert manifest_copy.read_text().endswith("}\n")


def test_wire_cli_reads_describe_stacks_from_stdin(manifest_copy: Path) -> None:
    script = str(ROOT / "scripts" / "wire_endpoint.py")
    result = subprocess.run(
        [sys.executable, script, "--stack-json", "-", "--manifest", str(manifest_copy)],
        input=json.dumps(describe_stacks()),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert DEPLOYED_ARN in result.stdout
    assert json.loads(manifest_copy.read_text())["manifest"]["apis"]["custom"]["endpoint"] == {
        "uri": DEPLOYED_ARN
    }


def test_wire_with_an_explicit_arn(wire_endpoint: ModuleType, manifest_copy: Path) -> None:
    assert wire_endpoint.main(["--arn", DEPLOYED_ARN, "--manifest", str(manifest_copy)]) == 0
    assert wire_endpoint.main(["--check", "--manifest", str(manifest_copy)]) == 0


@pytest.mark.parametrize(
    "arn",
    [
        "arn:aws:lambda:us-east-1:000000000000:function:back-relief-skill",  # the placeholder
        "arn:aws:lambda:us-east-1:123456789012:layer:not-a-function",
        "https://example.com/alexa",
        "*",
    ],
)
def test_wire_refuses_anything_but_a_real_function_arn(
    wire_endpoint: ModuleType, manifest_copy: Path, arn: str
) -> None:
    before = manifest_copy.read_text()
    assert wire_endpoint.main(["--arn", arn, "--manifest", str(manifest_copy)]) == 1
    assert manifest_copy.read_text() == before


def test_wire_fails_cleanly_when_the_stack_has_no_arn_output(
    wire_endpoint: ModuleType, manifest_copy: Path, tmp_path: Path
) -> None:
    stacks = describe_stacks()
    stacks["Stacks"][0]["Outputs"] = []
    stack_json = tmp_path / "stack.json"
    stack_json.write_text(json.dumps(stacks))
    before = manifest_copy.read_text()
    assert (
        wire_endpoint.main(["--stack-json", str(stack_json), "--manifest", str(manifest_copy)]) == 1
    )
    assert manifest_copy.read_text() == before


def test_check_flags_the_placeholder_in_the_committed_manifest(wire_endpoint: ModuleType) -> None:
    assert wire_endpoint.main(["--check", "--manifest", str(MANIFEST)]) == 1


def test_bootstrap_manifest_has_no_endpoints(
    wire_endpoint: ModuleType, manifest_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "build" / "bootstrap.json"
    assert wire_endpoint.main(["--bootstrap-out", str(out), "--manifest", str(manifest_copy)]) == 0
    bootstrap = json.loads(out.read_text())["manifest"]
    assert "endpoint" not in bootstrap["apis"]["custom"]
    assert "events" not in bootstrap
    assert (
        bootstrap["publishingInformation"]
        == json.loads(MANIFEST.read_text())["manifest"]["publishingInformation"]
    )


def test_region_comes_from_samconfig(wire_endpoint: ModuleType, tmp_path: Path) -> None:
    config = tmp_path / "samconfig.toml"
    config.write_text('version = 0.1\n[default.deploy.parameters]\nregion = "eu-west-1"\n')
    assert wire_endpoint.samconfig_region(config) == "eu-west-1"
    assert wire_endpoint.samconfig_region(tmp_path / "missing.toml") is None
    assert wire_endpoint.samconfig_region(ROOT / "samconfig.toml") is None  # no region committed
