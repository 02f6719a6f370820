"""Contract: scripts/deploy.sh (make deploy / make destroy) against stand-in aws, sam and ask CLIs.

The stand-ins log every call and answer like the real tools (the sam stand-in saves the region
and parameters to the config file it was given when run --guided, as `sam deploy --guided`
does). Everything else is real: the release check, wire_endpoint.py, the generated models,
the icons and policies. What the stand-ins cannot show is AWS and Alexa accepting the calls;
tests/contract/test_deploy_rehearsal.py creates the stack in a local emulator.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.contract.test_skill_manifest import DEPLOYED_ARN, LOCALES, SKILL_ID, describe_stacks

ROOT = Path(__file__).resolve().parents[2]
ASSETS_BASE_URL = "https://raw.githubusercontent.com/someone/back-relief/main"
REGION = "eu-west-1"


def write_tool(directory: Path, name: str, body: str) -> None:
    path = directory / name
    script = f'#!/usr/bin/env bash\necho "{name} $*" >> "$CALLS"\n{textwrap.dedent(body)}'
    path.write_text(script)
    path.chmod(path.stat().st_mode | stat.S_IEXEC)


class Rig:
    def __init__(self, tmp_path: Path) -> None:
        self.project = tmp_path / "project"
        (self.project / "scripts").mkdir(parents=True)
        for name in ("deploy.sh", "wire_endpoint.py", "release_check.py"):
            shutil.copy(ROOT / "scripts" / name, self.project / "scripts" / name)
        shutil.copy(ROOT / "samconfig.toml", self.project / "samconfig.toml")
        shutil.copytree(ROOT / "skill-package", self.project / "skill-package")
        shutil.copytree(ROOT / "docs", self.project / "docs")
        (self.project / "build").mkdir()
        (self.project / "build" / "template.yaml").write_text("# packaged template stand-in\n")
        self.tools = tmp_path / "bin"
        self.tools.mkdir()
        self.calls = tmp_path / "calls.log"
        stack = json.dumps(describe_stacks())
        status = json.dumps({"manifest": {"lastUpdateRequest": {"status": "SUCCEEDED"}}})
        write_tool(
            self.tools,
            "aws",
            f"""\
            case "$1" in
              cloudformation) echo '{stack}' ;;
              configure) exit 1 ;;  # no region configured in the AWS CLI
            esac
            exit 0
            """,
        )
        write_tool(
            self.tools,
            "sam",
            f"""\
            config=""; guided=0
            while [ $# -gt 0 ]; do
              case "$1" in --config-file) config="$2"; shift ;; --guided) guided=1 ;; esac
              shift
            done
            if [ "$guided" = 1 ]; then
              saved="$(mktemp)"
              cat > "$saved" <<'SAVED'
            region = "{REGION}"
            parameter_overrides = "SkillId=\\"{SKILL_ID}\\" LogLevel=\\"WARNING\\""
            SAVED
              sed -i "/^\\[default.deploy.parameters\\]/r $saved" "$config"
            fi
            exit 0
            """,
        )
        write_tool(
            self.tools,
            "ask",
            f"""\
            case "$2" in
              create-skill-for-vendor) echo '{{"skillId": "{SKILL_ID}"}}' ;;
              get-skill-status) echo '{status}' ;;
            esac
            exit 0
            """,
        )

    def run(self, *args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"SKILL_ID", "GUIDED", "AWS_REGION", "AWS_DEFAULT_REGION", "CALLS"}
        }
        env.update(
            PATH=f"{self.tools}{os.pathsep}{os.environ['PATH']}",
            CALLS=str(self.calls),
            PYTHON=sys.executable,
            SAM=str(self.tools / "sam"),
            ASK=str(self.tools / "ask"),
            PACKAGE="true",
            **extra,
        )
        self.calls.write_text("")
        return subprocess.run(
            ["bash", str(self.project / "scripts" / "deploy.sh"), *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    def log(self, prefix: str) -> list[str]:
        return [line for line in self.calls.read_text().splitlines() if line.startswith(prefix)]


@pytest.fixture
def rig(tmp_path: Path) -> Rig:
    return Rig(tmp_path)


def test_first_deploy_creates_the_skill_guides_sam_wires_and_pushes(rig: Rig) -> None:
    result = rig.run(ASSETS_BASE_URL=ASSETS_BASE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "release-check: manifest, models, icons and policies are ready" in result.stdout

    ask_calls = [line.split()[2] for line in rig.log("ask smapi")]
    assert ask_calls[0] == "create-skill-for-vendor"
    assert ask_calls.index("update-skill-manifest") < ask_calls.index("set-interaction-model")
    assert ask_calls.count("set-interaction-model") == len(LOCALES)
    assert ask_calls[-1] == "set-skill-enablement"
    (deploy,) = rig.log("sam deploy")
    assert "--guided" in deploy  # samconfig.toml has no region yet
    # The root samconfig.toml by absolute path, whatever template SAM deploys.
    assert f"--config-file {rig.project.resolve() / 'samconfig.toml'} " in deploy
    assert "--template-file build/template.yaml" in deploy
    assert f"SkillId={SKILL_ID}" in deploy and "--no-fail-on-empty-changeset" in deploy
    # The region the guided run saved is the one describe-stacks is asked in.
    (describe,) = rig.log("aws cloudformation")
    assert f"--region {REGION}" in describe

    states = json.loads((rig.project / ".ask" / "ask-states.json").read_text())
    assert states["profiles"]["default"]["skillId"] == SKILL_ID
    wired = json.loads((rig.project / "skill-package" / "skill.json").read_text())["manifest"]
    assert wired["apis"]["custom"]["endpoint"]["uri"] == DEPLOYED_ARN
    assert wired["events"]["endpoint"]["uri"] == DEPLOYED_ARN
    for info in wired["publishingInformation"]["locales"].values():
        assert info["smallIconUri"].startswith(ASSETS_BASE_URL)


def test_second_run_asks_nothing_and_keeps_the_saved_parameters(rig: Rig) -> None:
    assert rig.run(ASSETS_BASE_URL=ASSETS_BASE_URL).returncode == 0
    again = rig.run()  # skill.json keeps the wired URLs; nothing else is set
    assert again.returncode == 0, again.stdout + again.stderr
    assert not [line for line in rig.log("ask smapi") if "create-skill" in line]
    (deploy,) = rig.log("sam deploy")
    assert "--guided" not in deploy
    assert f"--region {REGION}" in deploy
    # Saved answers survive: command-line overrides replace samconfig's as a whole.
    assert "LogLevel=WARNING" in deploy and f"SkillId={SKILL_ID}" in deploy
    assert "--no-fail-on-empty-changeset" in deploy


def test_placeholders_stop_the_deploy_before_anything_reaches_alexa(rig: Rig) -> None:
    result = rig.run()  # no ASSETS_BASE_URL: skill.json still has example.com
    assert result.returncode != 0
    assert "example.com" in result.stderr and "release check failed" in result.stderr
    assert rig.log("ask smapi") == [] and rig.log("sam deploy") == []


def test_region_from_the_environment_reaches_every_step(rig: Rig) -> None:
    result = rig.run(ASSETS_BASE_URL=ASSETS_BASE_URL, AWS_REGION="us-west-2")
    assert result.returncode == 0, result.stdout + result.stderr
    (deploy,) = rig.log("sam deploy")
    assert "--region us-west-2" in deploy
    (describe,) = rig.log("aws cloudformation")
    assert "--region us-west-2" in describe


def test_destroy_deletes_the_stack_and_only_on_request_the_skill(rig: Rig) -> None:
    assert rig.run(ASSETS_BASE_URL=ASSETS_BASE_URL).returncode == 0
    kept = rig.run("destroy")
    assert kept.returncode == 0, kept.stdout + kept.stderr
    (delete,) = rig.log("sam delete")
    assert "--stack-name back-relief" in delete and "--no-prompts" in delete
    assert f"--region {REGION}" in delete
    assert f"--config-file {rig.project.resolve() / 'samconfig.toml'}" in delete
    assert rig.log("ask smapi") == []

    gone = rig.run("destroy", DELETE_SKILL="1")
    assert gone.returncode == 0, gone.stdout + gone.stderr
    (delete_skill,) = rig.log("ask smapi")
    assert f"delete-skill --skill-id {SKILL_ID}" in delete_skill
    assert not (rig.project / ".ask" / "ask-states.json").exists()
