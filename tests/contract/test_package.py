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
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "lambda"
MAX_ZIP_BYTES = 2_500_000
# Provided by the Lambda runtime, only used off Lambda, or never imported by the skill (the
# requests stack comes with ask-sdk-core); shipping them would only add weight.
NOT_SHIPPED = (
    "boto3/",
    "botocore/",
    "s3transfer/",
    "flask/",
    "werkzeug/",
    "cryptography/",
    "requests/",
    "urllib3/",
    "certifi/",
    "charset_normalizer/",
    "idna/",
    "back_relief/simulator/",
    "back_relief/hosting/",
    "back_relief/content/keyword_tokens.json",  # read only with stale matcher tables
)
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


def test_zip_is_under_two_and_a_half_megabytes_and_reports_its_size(
    build: tuple[Path, str],
) -> None:
    out, stdout = build
    assert out.stat().st_size < MAX_ZIP_BYTES
    assert f"{out.stat().st_size / 1_000_000:.2f} MB zipped" in stdout


def test_zip_holds_the_handler_and_the_skill_package(names: list[str]) -> None:
    assert "lambda_function.py" in names
    assert "back_relief/__init__.py" in names
    expected = {p.relative_to(SRC).as_posix() for p in (SRC / "back_relief").rglob("*.py")}
    expected = {
        name
        for name in expected
        if "/tests/" not in name and "__pycache__" not in name and not name.startswith(NOT_SHIPPED)
    }
    assert expected <= set(names)


def test_zip_holds_the_compiled_content_and_not_its_sources(names: list[str]) -> None:
    content = [p.relative_to(SRC).as_posix() for p in (SRC / "back_relief").rglob("*.json")]
    content = [name for name in content if not name.startswith(NOT_SHIPPED)]
    assert "back_relief/content/compiled.json" in content
    assert set(content) <= set(names)
    assert not [name for name in names if name.endswith(".toml")]


def test_zip_holds_the_runtime_dependencies_without_metadata_or_unused_data(
    names: list[str],
) -> None:
    for package in ("ask_sdk_core/", "ask_sdk_model/", "ask_sdk_runtime/", "dateutil/"):
        assert any(name.startswith(package) for name in names), package
    assert not [name for name in names if ".dist-info/" in name]
    assert not [name for name in names if name.endswith(".tar.gz")]


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
    assert "ask_sdk_core/__init__.pyc" in names and "ask_sdk_core/__init__.py" not in names
    with zipfile.ZipFile(build[0]) as archive:
        for name in names:
            if name.endswith(".pyc"):
                assert archive.read(name)[:4] == PYC_MAGIC_313, name


def plain_start(ssml_or_text: object) -> str:
    """The first few words of an answer as the user hears them."""
    words = str(ssml_or_text).split()[:4]
    return " ".join(words)


# Answers each envelope line on stdin with one "REPLY {json}" line (the skill logs to stdout too).
RUNNER = """\
import json, sys
sys.path.insert(0, sys.argv[1])
import lambda_function
for line in sys.stdin:
    reply = lambda_function.lambda_handler(json.loads(line), None)
    print("REPLY " + json.dumps(reply), flush=True)
"""


def test_unpacked_artifact_answers_every_kind_of_turn_on_python_3_13(
    build: tuple[Path, str], tmp_path: Path
) -> None:
    """Launch, a free-text question, a red flag and a timer (against the local fake Alexa API),
    with only the artifact and the standard library: nothing left out is needed."""
    from back_relief.alexa.services import TIMERS_SCOPE
    from back_relief.simulator.conversation import Device
    from back_relief.simulator.fake_alexa_api import FakeAlexaApi

    from tests.conversation.talk import content, said

    python313 = load_package_script().find_python313(None)
    if python313 is None:
        pytest.skip("no Python 3.13 on this machine")
    task = tmp_path / "task"
    with zipfile.ZipFile(build[0]) as archive:
        archive.extractall(task)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "BACK_RELIEF_DATA_DIR": str(tmp_path / "data"),
    }
    # -I: only the artifact and the standard library, as on Lambda (boto3 aside).
    child = subprocess.Popen(
        [python313, "-I", "-c", RUNNER, str(task)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    assert child.stdin is not None and child.stdout is not None
    stdin, stdout = child.stdin, child.stdout

    def handler(event: dict[str, object]) -> dict[str, object]:
        stdin.write(json.dumps(event) + "\n")
        stdin.flush()
        for line in stdout:
            if line.startswith("REPLY "):
                reply: dict[str, object] = json.loads(line[len("REPLY ") :])
                return reply
        raise AssertionError(f"the artifact stopped answering (exit {child.wait(10)})")

    try:
        with FakeAlexaApi() as api:
            device = Device(handler=handler, api=api)
            api.clock = lambda: device.now
            device.granted.add(TIMERS_SCOPE)
            assert "Back Relief" in device.launch().text
            work = content().answers["work"]
            # Free text, as Alexa sends what no intent matched: the answer matcher and triage.
            question = device.intent(
                "QuestionIntent", {"Query": "can i go to work with a bad back"}
            )
            assert plain_start(work["say"]) in question.text
            red_flag = device.intent("QuestionIntent", {"Query": "i wet myself and cannot feel it"})
            assert content().vocab["emergency"] in red_flag.text
            device.launch()
            for utterance in ("start an ice session", "next", "next", "next"):
                reply = device.say(utterance)
                assert not said(reply, "error"), utterance
            assert [r for r in api.requests if r.method == "POST"], "no timer was created"
            assert api.invalid == []
    finally:
        stdin.close()
        child.wait(30)


# Every model class ask-sdk's serializer can be asked for, from the two envelopes outward: the
# types each class declares (deserialized_types) and the subtypes it dispatches to by "type"
# (discriminator_value_class_map), loaded by name exactly as the serializer does.
WALKER = """\
import importlib, re, sys
sys.path.insert(0, sys.argv[1])
named = re.compile(r"ask_sdk_model(?:\\.\\w+)+")
stack = ["ask_sdk_model.request_envelope.RequestEnvelope",
         "ask_sdk_model.response_envelope.ResponseEnvelope"]
seen = set()
while stack:
    name = stack.pop()
    if name in seen:
        continue
    seen.add(name)
    module, _, attribute = name.rpartition(".")
    cls = getattr(importlib.import_module(module), attribute)
    types = list(getattr(cls, "deserialized_types", {}).values())
    types += list((getattr(cls, "discriminator_value_class_map", None) or {}).values())
    stack += [found for text in types for found in named.findall(text)]
print(len(seen))
"""


def test_every_request_and_response_type_loads_from_the_artifact(
    build: tuple[Path, str], tmp_path: Path
) -> None:
    """The artifact leaves out model modules nothing can name (scripts/model_reach.py): any
    request Alexa can send, of any interface, still deserializes, and no response type is lost."""
    task = tmp_path / "task"
    with zipfile.ZipFile(build[0]) as archive:
        archive.extractall(task)
    # The dependencies ship as Python 3.13 bytecode when a 3.13 built the artifact.
    python = load_package_script().find_python313(None) or sys.executable
    walked = subprocess.run(
        [python, "-I", "-c", WALKER, str(task)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert walked.returncode == 0, walked.stderr[-2000:]
    # Request, context, directive and event types across every interface: hundreds of them.
    assert int(walked.stdout) > 300


# Every .pyc in the artifact against its source compiled as Python itself would: the same code
# objects running the same instructions on the same names, so leaving out docstrings and column
# ranges (scripts/bytecode.py) dropped no statement (an `assert` included, which `-OO` drops).
# A module's or class's docstring is one stored constant; EXTENDED_ARG only widens an argument.
SAME_CODE = """\
import dis, marshal, sys, types, warnings
from pathlib import Path
warnings.simplefilter("ignore")
task, own, site = (Path(p) for p in sys.argv[1:4])
NAMED = {"LOAD_NAME", "STORE_NAME", "LOAD_GLOBAL", "STORE_GLOBAL", "LOAD_ATTR", "STORE_ATTR",
         "IMPORT_NAME", "IMPORT_FROM", "LOAD_FAST", "STORE_FAST", "LOAD_CONST"}
def steps(code):
    out = []
    for ins in dis.get_instructions(code):
        if ins.opname == "EXTENDED_ARG":
            continue
        if ins.opname == "STORE_NAME" and ins.argval == "__doc__" and out[-1][0] == "LOAD_CONST":
            out.pop()
            continue
        value = ins.argval if ins.opname in NAMED else None
        out.append((ins.opname, "<code>" if isinstance(value, types.CodeType) else value))
    return out
def same(shipped, source):
    inner = [[c for c in code.co_consts if isinstance(c, types.CodeType)]
             for code in (shipped, source)]
    return (steps(shipped) == steps(source) and len(inner[0]) == len(inner[1])
            and all(same(a, b) for a, b in zip(*inner)))
checked, differ = 0, []
for pyc in sorted(task.rglob("*.pyc")):
    rel = pyc.relative_to(task)
    if rel.parent.name == "__pycache__":
        rel = rel.parent.parent / (rel.name.split(".")[0] + ".py")
    source = (own if rel.parts[0] in ("back_relief", "lambda_function.py") else site) / rel
    source = source.with_suffix(".py")
    expected = compile(source.read_bytes(), str(source), "exec", dont_inherit=True)
    checked += 1
    if not same(marshal.loads(pyc.read_bytes()[16:]), expected):
        differ.append(rel.as_posix())
print(checked, " ".join(differ))
"""


def test_bytecode_runs_every_statement_of_its_source(
    build: tuple[Path, str], tmp_path: Path
) -> None:
    if "no bytecode" in build[1]:
        pytest.skip("no Python 3.13 on this machine: sources shipped without bytecode")
    python313 = load_package_script().find_python313(None)
    assert python313 is not None
    task = tmp_path / "task"
    with zipfile.ZipFile(build[0]) as archive:
        archive.extractall(task)
    # The pinned dependencies' sources, as this environment installed them from requirements.txt.
    spec = importlib.util.find_spec("dateutil")
    assert spec is not None and spec.origin is not None
    site = Path(spec.origin).parents[1]
    checked = subprocess.run(
        [python313, "-I", "-c", SAME_CODE, str(task), str(SRC), str(site)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr[-2000:]
    count, *differ = checked.stdout.split()
    assert differ == []
    assert int(count) == len(list(task.rglob("*.pyc"))) > 700
