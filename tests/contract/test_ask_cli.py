"""Contract: the project's own ASK CLI starts, and it recognises the project (ask-resources.json).

ask-cli 2.30.7 pulls antlr4ts through @alexa/acdl; left alone npm picks antlr4ts's 0.5.0-dev
pre-release and `ask` dies at start with "Class extends value undefined". package.json pins it
back with an npm override, and package-lock.json must carry that for `npm ci`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ASK_CLI_VERSION = "2.30.7"
ANTLR4TS = "0.5.0-alpha.4"


def test_npm_ci_from_the_lock_file_gives_an_ask_that_starts(tmp_path: Path) -> None:
    npm = shutil.which("npm")
    assert npm is not None, "Node.js and npm are required (README: Node 20)"
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, tmp_path / name)
    started = time.monotonic()
    install = subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    print(f"npm ci took {time.monotonic() - started:.1f} s")
    version = subprocess.run(
        [str(tmp_path / "node_modules" / ".bin" / "ask"), "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == ASK_CLI_VERSION
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    antlr = [v for k, v in lock["packages"].items() if k.endswith("node_modules/antlr4ts")]
    assert antlr and all(entry["version"] == ANTLR4TS for entry in antlr), antlr


# Loads ask-resources.json with the ASK CLI's own code: the project model, the deployer it
# names, the build flow it would pick for the code, and the deployer's stack template.
_PROBE = """
const path = require("path");
const cli = path.join(process.argv[1], "node_modules", "ask-cli", "dist", "lib");
const project = process.argv[2];  // node -e: argv[1] is the first argument
process.chdir(project);
const ResourcesConfig = require(path.join(cli, "model", "resources-config"));
const DeployDelegate = require(path.join(cli, "controllers", "skill-infrastructure-controller",
  "deploy-delegate"));
const CodeBuilder = require(path.join(cli, "controllers", "skill-code-controller",
  "code-builder"));
new ResourcesConfig(path.join(project, "ask-resources.json"));
const config = ResourcesConfig.getInstance();
const type = config.getSkillInfraType("default");
const src = config.getCodeSrcByRegion("default", "default");
const builder = new CodeBuilder({ src, build: { folder: path.join(project, ".ask", "b"),
  file: path.join(project, ".ask", "b", "build.zip") }, doDebug: false });
DeployDelegate.load(type, (error, delegate) => {
  console.log(JSON.stringify({
    error: error || null,
    delegate: delegate ? delegate.type : null,
    skillPackage: config.getSkillMetaSrc("default"),
    code: src,
    buildFlow: builder.BuildFlowClass ? builder.BuildFlowClass.name : null,
    userConfig: config.getSkillInfraUserConfig("default"),
  }));
});
"""


@pytest.fixture(scope="module")
def ask_project(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    node = shutil.which("node")
    assert node is not None, "Node.js is required (README: Node 20)"
    assert (ROOT / "node_modules" / "ask-cli").is_dir(), "run make setup (npm ci) first"
    project = tmp_path_factory.mktemp("ask-project")
    for name in ("ask-resources.json",):
        shutil.copy2(ROOT / name, project / name)
    for folder in ("skill-package", "lambda", "hooks", "infrastructure"):
        shutil.copytree(ROOT / folder, project / folder, symlinks=True)
    result = subprocess.run(
        [node, "-e", _PROBE, str(ROOT), str(project)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    loaded["root"] = project
    return loaded


def test_ask_cli_recognises_the_project_and_its_cloudformation_deployer(
    ask_project: dict[str, Any],
) -> None:
    assert ask_project["error"] is None
    assert ask_project["delegate"] == "@ask-cli/cfn-deployer"
    project: Path = ask_project["root"]
    package = project / ask_project["skillPackage"]
    assert (package / "skill.json").is_file()
    assert len(list((package / "interactionModels" / "custom").glob("*.json"))) == 5
    assert (project / ask_project["code"] / "lambda_function.py").is_file()
    user_config = ask_project["userConfig"]
    assert user_config["runtime"] == "python3.13"
    assert user_config["handler"] == "lambda_function.lambda_handler"
    assert (project / user_config["templatePath"]).is_file()
    # The deployed template is a SAM template: CloudFormation needs AUTO_EXPAND for it.
    assert "CAPABILITY_AUTO_EXPAND" in user_config["cfn"]["capabilities"]
    assert user_config["awsRegion"] in {"us-east-1", "eu-west-1", "us-west-2"}


def test_ask_deploy_builds_the_code_with_the_project_build_hook(
    ask_project: dict[str, Any],
) -> None:
    # hooks/build.sh wins over ASK's own pip flow, which would install host-platform wheels.
    assert ask_project["buildFlow"] == "CustomBuildFlow"
    hook = (ROOT / "hooks" / "build.sh").read_text(encoding="utf-8")
    assert "scripts/package.py" in hook


def test_deployer_stack_is_fresh_and_gives_the_deployer_what_it_needs() -> None:
    fresh = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "ask_stack.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert fresh.returncode == 0, fresh.stderr
    from cfnlint.decode.cfn_yaml import load as load_cfn_yaml

    stack = load_cfn_yaml(str(ROOT / "infrastructure" / "cfn-deployer" / "skill-stack.yaml"))
    # The cfn-deployer always passes these and reads SkillEndpoint back as the endpoint.
    expected = {"SkillId", "LambdaRuntime", "LambdaHandler", "CodeBucket", "CodeKey"}
    assert expected | {"CodeVersion"} <= set(stack["Parameters"])
    assert "SkillEndpoint" in stack["Outputs"]
    code = stack["Resources"]["SkillFunction"]["Properties"]["CodeUri"]
    assert set(code) == {"Bucket", "Key", "Version"}
