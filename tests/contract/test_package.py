"""Contract: scripts/package.py builds a small, complete Lambda artifact for Python 3.13 on arm64.

Runs the real build (pip downloads the pinned wheels from the package index, cached after the
first run) into a temporary folder, never into build/.
"""

from __future__ import annotations

import importlib.util
import json
import os
import stat
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.builders import envelopes

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "lambda"
MAX_ZIP_BYTES = 5 * 1024 * 1024
# Provided by the Lambda runtime or only used off Lambda; shipping them would only add weight.
NOT_SHIPPED = ("boto3/", "botocore/", "s3transfer/", "flask/", "werkzeug/", "cryptography/")
PYC_MAGIC_313 = (3571).to_bytes(2, "little") + b"\r\n"


def load_package_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("package_script", ROOT / "scripts" / "package.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("package") / "back-relief.zip"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "package.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out, result.stdout


@pytest.fixture(scope="module")
def names(build: tuple[Path, str]) -> list[str]:
    with zipfile.ZipFile(build[0]) as archive:
        return archive.namelist()


def test_zip_is_under_five_megabytes_and_reports_its_size(build: tuple[Path, str]) -> None:
    out, stdout = build
    assert out.stat().st_size < MAX_ZIP_BYTES
    assert f"{out.stat().st_size / 1_000_000:.2f} MB zipped" in stdout


def test_zip_holds_the_handler_and_the_skill_package(names: list[str]) -> None:
    assert "lambda_function.py" in names
    assert "back_relief/__init__.py" in names
    expected = {p.relative_to(SRC).as_posix() for p in (SRC / "back_relief").rglob("*.py")}
    expected = {name for name in expected if "/tests/" not in name and "__pycache__" not in name}
    assert expected <= set(names)


def test_zip_holds_every_content_file(names: list[str]) -> None:
    content = [p.relative_to(SRC).as_posix() for p in (SRC / "back_relief").rglob("*.toml")]
    content += [p.relative_to(SRC).as_posix() for p in (SRC / "back_relief").rglob("*.json")]
    assert any(name.endswith(".toml") for name in content), "no content TOML files found"
    assert set(content) <= set(names)


def test_zip_holds_the_runtime_dependencies(names: list[str]) -> None:
    for package in ("ask_sdk_core/", "ask_sdk_model/", "ask_sdk_runtime/", "requests/"):
        assert any(name.startswith(package) for name in names), package


def test_zip_leaves_out_tests_caches_and_runtime_provided_packages(names: list[str]) -> None:
    for name in names:
        parts = name.split("/")
        assert "tests" not in parts and "test" not in parts, name
        assert not parts[-1].startswith("test_"), name
        assert not name.startswith(NOT_SHIPPED), name
        assert ".mypy_cache" not in parts and ".pytest_cache" not in parts, name
        assert not name.startswith("bin/"), name


def test_files_are_world_readable_for_the_lambda_user(build: tuple[Path, str]) -> None:
    with zipfile.ZipFile(build[0]) as archive:
        for info in archive.infolist():
            mode = info.external_attr >> 16
            assert mode & stat.S_IROTH, info.filename


def test_deploy_template_points_at_the_zip(build: tuple[Path, str]) -> None:
    out, _ = build
    text = (out.parent / "template.yaml").read_text(encoding="utf-8")
    assert f"CodeUri: {out.name}\n" in text
    assert "CodeUri: lambda/" not in text


def test_bytecode_is_for_python_3_13(build: tuple[Path, str], names: list[str]) -> None:
    if "no bytecode" in build[1]:
        pytest.skip("no Python 3.13 on this machine: sources shipped without bytecode")
    assert "__pycache__/lambda_function.cpython-313.pyc" in names
    assert "back_relief/__pycache__/__init__.cpython-313.pyc" in names
    assert "requests/__init__.pyc" in names and "requests/__init__.py" not in names
    with zipfile.ZipFile(build[0]) as archive:
        for name in names:
            if name.endswith(".pyc"):
                assert archive.read(name)[:4] == PYC_MAGIC_313, name


def test_unpacked_artifact_answers_a_launch_request_on_python_3_13(
    build: tuple[Path, str], tmp_path: Path
) -> None:
    python313 = load_package_script().find_python313(None)
    if python313 is None:
        pytest.skip("no Python 3.13 on this machine")
    task = tmp_path / "task"
    with zipfile.ZipFile(build[0]) as archive:
        archive.extractall(task)
    skill_id = f"amzn1.ask.skill.{uuid.uuid4()}"
    runner = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(task)!r})\n"
        "import lambda_function\n"
        "event = json.loads(sys.stdin.read())\n"
        "print(json.dumps(lambda_function.lambda_handler(event, None)))\n"
    )
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "SKILL_ID": skill_id}
    result = subprocess.run(
        # -I: only the artifact and the standard library, as on Lambda (boto3 aside).
        [python313, "-I", "-c", runner],
        input=json.dumps(envelopes.launch(skill_id=skill_id, now=time.time())),
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    response = json.loads(result.stdout.strip().splitlines()[-1])
    speech = response["response"]["outputSpeech"]
    assert "Back Relief" in (speech.get("ssml") or speech.get("text") or "")
