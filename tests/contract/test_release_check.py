"""Contract: `make release-check` refuses what Alexa's console or certification would reject.

Each test runs the real script on a scratch copy of the skill package, the policies and the
icons, with the public URLs wired the way deploy.sh wires them (ASSETS_BASE_URL), and then
breaks one thing a developer could plausibly break.
"""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
BASE_URL = "https://raw.githubusercontent.com/someone/back-relief/main"
Model = dict[str, Any]


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPTS / "release_check.py"), "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def wire_assets(root: Path, base_url: str = BASE_URL) -> None:
    manifest = root / "skill-package" / "skill.json"
    script = str(SCRIPTS / "wire_endpoint.py")
    command = [sys.executable, script, "--assets-base-url", base_url, "--manifest", str(manifest)]
    subprocess.run(command, check=True, capture_output=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "skill-package", root / "skill-package")
    shutil.copytree(ROOT / "docs", root / "docs")
    wire_assets(root)
    return root


def models(root: Path) -> list[Path]:
    found = sorted((root / "skill-package" / "interactionModels" / "custom").glob("*.json"))
    assert len(found) == 5
    return found


def edit_model(root: Path, change: Callable[[Model], None], locale: str = "en-GB") -> None:
    path = root / "skill-package" / "interactionModels" / "custom" / f"{locale}.json"
    model = json.loads(path.read_text(encoding="utf-8"))
    change(model["interactionModel"]["languageModel"])
    path.write_text(json.dumps(model), encoding="utf-8")


def intent(language_model: Model, name: str) -> Model:
    found: Model = next(i for i in language_model["intents"] if i["name"] == name)
    return found


def png(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\x80" * 3 * width for _ in range(height)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_committed_manifest_is_refused_until_real_urls_are_wired(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "skill-package", root / "skill-package")
    shutil.copytree(ROOT / "docs", root / "docs")
    refused = run_check(root)
    assert refused.returncode == 1
    assert "example.com" in refused.stderr and "placeholder" in refused.stderr
    assert "nothing was submitted" in refused.stderr

    wire_assets(root)
    accepted = run_check(root)
    assert accepted.returncode == 0, accepted.stderr
    manifest = json.loads((root / "skill-package" / "skill.json").read_text(encoding="utf-8"))
    for info in manifest["manifest"]["publishingInformation"]["locales"].values():
        assert info["smallIconUri"].startswith(BASE_URL) and info["smallIconUri"].endswith(".png")
        # The wired URLs name files the repository really carries.
        assert (ROOT / info["largeIconUri"].removeprefix(BASE_URL + "/")).is_file()
    for urls in manifest["manifest"]["privacyAndCompliance"]["locales"].values():
        assert (ROOT / urls["privacyPolicyUrl"].removeprefix(BASE_URL + "/")).is_file()
        assert (ROOT / urls["termsOfUseUrl"].removeprefix(BASE_URL + "/")).is_file()


@pytest.mark.parametrize(
    "base_url", ["https://example.org/skill", "http://my-site.net/back", "https://localhost/x"]
)
def test_placeholder_or_insecure_hosts_are_refused(project: Path, base_url: str) -> None:
    manifest_path = project / "skill-package" / "skill.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["manifest"]["privacyAndCompliance"]["locales"]["en-AU"]["termsOfUseUrl"] = base_url
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert "en-AU termsOfUseUrl" in result.stderr


def test_a_wake_word_in_any_sample_is_refused(project: Path) -> None:
    def add_wake_words(language_model: Model) -> None:
        intent(language_model, "SymptomIntent")["samples"].append("alexa {Symptom}")
        intent(language_model, "TimeLeftIntent")["samples"].append("computer how much is left")
        # An ordinary word that is also a wake word, mid-sentence, is fine.
        intent(language_model, "SittingIntent")["samples"].append("is my computer chair bad")

    edit_model(project, add_wake_words)
    result = run_check(project)
    assert result.returncode == 1
    assert "'alexa {Symptom}'" in result.stderr and "wake word" in result.stderr
    assert "'computer how much is left'" in result.stderr
    assert "computer chair" not in result.stderr


@pytest.mark.parametrize(
    ("icon", "content", "expected"),
    [
        ("back-relief-108.png", None, "missing 108 px icon"),
        ("back-relief-512.png", png(500, 500), "must be a 512x512 PNG, found (500, 500)"),
        ("back-relief-108.png", b"GIF89a not a png at all.....", "must be a 108x108 PNG"),
    ],
)
def test_missing_or_wrong_size_icons_are_refused(
    project: Path, icon: str, content: bytes | None, expected: str
) -> None:
    path = project / "skill-package" / "assets" / "images" / icon
    if content is None:
        path.unlink()
    else:
        path.write_bytes(content)
    result = run_check(project)
    assert result.returncode == 1
    assert expected in result.stderr


def test_committed_icons_are_the_sizes_alexa_requires() -> None:
    sys.path.insert(0, str(SCRIPTS))
    import release_check

    images = ROOT / "skill-package" / "assets" / "images"
    assert release_check.png_size(images / "back-relief-108.png") == (108, 108)
    assert release_check.png_size(images / "back-relief-512.png") == (512, 512)
    # The icon source is in the repository too (scripts/make_icons.sh renders the PNGs).
    assert (ROOT / "docs" / "assets" / "back-relief-icon.svg").is_file()


def test_an_example_phrase_no_sample_matches_is_refused(project: Path) -> None:
    manifest_path = project / "skill-package" / "skill.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    phrases = manifest["manifest"]["publishingInformation"]["locales"]["en-CA"]["examplePhrases"]
    phrases[-1] = "Alexa, ask back relief to juggle three oranges"
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert "en-CA: no sample matches the example phrase" in result.stderr
    assert "juggle three oranges" in result.stderr


def test_a_missing_or_vague_privacy_policy_is_refused(project: Path) -> None:
    policy = project / "docs" / "privacy-policy.md"
    policy.write_text("# Privacy\nWe care about your privacy.\n", encoding="utf-8")
    vague = run_check(project)
    assert vague.returncode == 1
    assert "does not mention '7 days'" in vague.stderr
    assert "does not mention 'forget me'" in vague.stderr
    policy.unlink()
    missing = run_check(project)
    assert missing.returncode == 1
    assert "docs/privacy-policy.md: missing" in missing.stderr


def _undefined_type(m: Model) -> None:
    intent(m, "StartRoutineIntent")["slots"][0]["type"] = "ROUTINES"


def _duplicate_across_intents(m: Model) -> None:
    intent(m, "TimeLeftIntent")["samples"].append(intent(m, "WarningSignsIntent")["samples"][0])


def _empty_slot_value(m: Model) -> None:
    next(t for t in m["types"] if t["name"] == "ROUTINE")["values"][0]["name"]["value"] = " "


def _digits_in_sample(m: Model) -> None:
    intent(m, "StartRoutineIntent")["samples"].append("ice for 20 minutes")


def _long_sample(m: Model) -> None:
    intent(m, "TimeLeftIntent")["samples"].append("how much longer " * 14)


def _bad_intent_name(m: Model) -> None:
    intent(m, "TimeLeftIntent")["name"] = "Time-Left2"


def _wake_word_invocation(m: Model) -> None:
    m["invocationName"] = "alexa back relief"


def _one_word_invocation(m: Model) -> None:
    m["invocationName"] = "relief"


def _undeclared_slot(m: Model) -> None:
    intent(m, "TimeLeftIntent")["samples"].append("how long is the {Routine} left")


def _missing_built_in(m: Model) -> None:
    m["intents"] = [i for i in m["intents"] if i["name"] != "AMAZON.StopIntent"]


@pytest.mark.parametrize(
    ("fault", "expected"),
    [
        (_undefined_type, "uses undefined type 'ROUTINES'"),
        (_duplicate_across_intents, "is in both TimeLeftIntent and WarningSignsIntent"),
        (_empty_slot_value, "slot type ROUTINE has an empty value"),
        (_digits_in_sample, "has digits or symbols: 'ice for 20 minutes'"),
        (_long_sample, "sample longer than 200"),
        (_bad_intent_name, "intent name 'Time-Left2' must be letters and underscores"),
        (_wake_word_invocation, "contains a wake or launch word"),
        (_one_word_invocation, "one-word invocation name"),
        (_undeclared_slot, "uses undeclared slot {Routine}"),
        (_missing_built_in, "required built-in intent AMAZON.StopIntent is missing"),
    ],
)
def test_model_errors_the_console_would_raise_are_refused(
    project: Path, fault: Callable[[Model], None], expected: str
) -> None:
    edit_model(project, fault, locale="en-IN")
    result = run_check(project)
    assert result.returncode == 1
    assert "en-IN.json: " in result.stderr
    assert expected in result.stderr, result.stderr


def test_name_free_ingress_points_cover_launch_and_the_common_questions() -> None:
    for path in models(ROOT):
        points = json.loads(path.read_text(encoding="utf-8"))["interactionModel"][
            "_nameFreeInteraction"
        ]["ingressPoints"]
        assert [p["type"] for p in points].count("LAUNCH") == 1, path.name
        named = {p["name"] for p in points if p["type"] == "INTENT"}
        assert {"StartRoutineIntent", "WarningSignsIntent", "IceHowLongIntent"} <= named
        assert 4 <= len(named) <= 5, named


def test_name_free_phrases_the_skill_would_not_understand_are_refused(project: Path) -> None:
    path = project / "skill-package" / "interactionModels" / "custom" / "en-US.json"
    model = json.loads(path.read_text(encoding="utf-8"))
    points = model["interactionModel"]["_nameFreeInteraction"]["ingressPoints"]
    warning = next(p for p in points if p.get("name") == "WarningSignsIntent")
    warning["sampleUtterances"].append({"format": "RAW_TEXT", "value": "play some jazz"})
    points.append({"type": "INTENT", "name": "NoSuchIntent", "sampleUtterances": []})
    path.write_text(json.dumps(model), encoding="utf-8")
    result = run_check(project)
    assert result.returncode == 1
    assert "WarningSignsIntent: no sample of the intent matches 'play some jazz'" in result.stderr
    assert "name-free INTENT NoSuchIntent: no such intent" in result.stderr
