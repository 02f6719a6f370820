"""Deployment rehearsal without AWS: the README's deploy, as far as a local emulator can take it.

template.yaml is transformed with aws-sam-translator (what `sam deploy` asks CloudFormation to
do), and the resulting stack is created in moto's server (a local AWS emulator from PyPI,
started here on 127.0.0.1). Then: the function's environment names the table the stack
created; its IAM policy allows exactly the DynamoDB calls the store makes (found by reading
store/dynamodb.py, and confirmed by recording the calls the handler really makes); and the
handler, run in its own process with that environment against the emulator's DynamoDB,
completes launch -> ice session -> forget me.

What the emulator cannot check (so these rest on cfn-lint, `sam validate --lint` and the
template contract tests): IAM policy enforcement (moto stores policies but does not deny
calls), the Alexa Skills Kit trigger and its SkillId condition actually gating invocation,
Lambda running the code (needs Docker; the handler runs in a local process instead, on this
machine's Python and boto3), the arm64 architecture and python3.13 runtime, LoggingConfig
(JSON log format, log group), TTL deletion timing, point-in-time recovery and KMS encryption
(accepted and ignored), S3 upload by --resolve-s3, and anything the ASK CLI does with Alexa.
"""

from __future__ import annotations

import ast
import copy
import io
import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import botocore.session
import pytest
from botocore import xform_name
from cfnlint.decode.cfn_yaml import load as load_cfn_yaml

from tests.builders import envelopes
from tests.builders.services import free_port, stop_process

ROOT = Path(__file__).resolve().parents[2]
STORE = ROOT / "lambda" / "back_relief" / "store" / "dynamodb.py"
REGION = "us-east-1"
STACK = "back-relief"
SKILL_ID = f"amzn1.ask.skill.{uuid.uuid4()}"
# What deploy.sh passes: the skill id and the per-deployment secret for the user-key hash.
PARAMETERS = {"SkillId": SKILL_ID, "UserKeySecret": "rehearsal-secret-" + "0" * 32}
# The store creates tables only for local development; on AWS the template owns the table,
# so the function must not be allowed to create one.
LOCAL_ONLY_METHODS = {"create_table"}


class Emulator:
    def __init__(self, log_dir: Path) -> None:
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self.recording = log_dir / "moto-recording.jsonl"
        self._log = (log_dir / "moto.log").open("wb")
        env = {
            **os.environ,
            "MOTO_RECORDER_FILEPATH": str(self.recording),
            "AWS_DEFAULT_REGION": REGION,
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.endpoint}/moto-api/", timeout=2):
                    return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    pytest.fail(f"moto server did not start: {(log_dir / 'moto.log').read_text()}")
                time.sleep(0.2)

    def client(self, service: str) -> Any:
        return boto3.client(
            service,
            region_name=REGION,
            endpoint_url=self.endpoint,
            aws_access_key_id="rehearsal",
            aws_secret_access_key="rehearsal",
        )

    def recorder(self, action: str) -> str:
        method = "GET" if action == "download-recording" else "POST"
        url = f"{self.endpoint}/moto-api/recorder/{action}"
        with urllib.request.urlopen(urllib.request.Request(url, method=method)) as response:
            return str(response.read().decode())

    def stop(self) -> None:
        stop_process(self.proc)
        self._log.close()


@pytest.fixture(scope="module")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    server = Emulator(tmp_path_factory.mktemp("moto"))
    try:
        yield server
    finally:
        server.stop()


def transformed_template(code_uri: str) -> dict[str, Any]:
    from samtranslator.parser.parser import Parser
    from samtranslator.translator.translator import Translator

    template: dict[str, Any] = json.loads(json.dumps(load_cfn_yaml(str(ROOT / "template.yaml"))))
    source = copy.deepcopy(template)
    source["Resources"]["SkillFunction"]["Properties"]["CodeUri"] = code_uri
    # The explicit role uses no AWS managed policies, so the translator needs no map of them.
    translator = Translator({}, Parser(), boto_session=boto3.Session(region_name=REGION))
    result: dict[str, Any] = translator.translate(source, parameter_values=dict(PARAMETERS))
    return result


@pytest.fixture(scope="module")
def stack(emulator: Emulator) -> dict[str, Any]:
    """Create the stack as CloudFormation would after `sam deploy`; return its resources."""
    s3 = emulator.client("s3")
    s3.create_bucket(Bucket="sam-artifacts")
    artifact = io.BytesIO()
    with zipfile.ZipFile(artifact, "w") as archive:
        archive.write(ROOT / "lambda" / "lambda_function.py", "lambda_function.py")
    s3.put_object(Bucket="sam-artifacts", Key="back-relief.zip", Body=artifact.getvalue())
    template = transformed_template("s3://sam-artifacts/back-relief.zip")
    assert "Transform" not in template

    cloudformation = emulator.client("cloudformation")
    cloudformation.create_stack(
        StackName=STACK,
        TemplateBody=json.dumps(template),
        Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in PARAMETERS.items()],
        Capabilities=["CAPABILITY_IAM"],
    )
    deadline = time.monotonic() + 120
    while True:
        status = cloudformation.describe_stacks(StackName=STACK)["Stacks"][0]
        if not status["StackStatus"].endswith("IN_PROGRESS"):
            break
        assert time.monotonic() < deadline, status
        time.sleep(0.5)
    assert status["StackStatus"] == "CREATE_COMPLETE", status.get("StackStatusReason")
    resources = cloudformation.describe_stack_resources(StackName=STACK)["StackResources"]
    return {
        "physical": {r["LogicalResourceId"]: r.get("PhysicalResourceId") for r in resources},
        "outputs": {o["OutputKey"]: o["OutputValue"] for o in status.get("Outputs", [])},
        "template": template,
    }


def store_operations() -> set[str]:
    """The DynamoDB API operations store/dynamodb.py calls, read from its source.

    Any spelling counts: boto3 method names (get_item) and operation names in strings
    ("GetItem", as a narrow client would send them), outside the local-only methods.
    """
    operations = set(botocore.session.get_session().get_service_model("dynamodb").operation_names)
    by_method = {xform_name(name): name for name in operations}
    tree = ast.parse(STORE.read_text(encoding="utf-8"))
    skipped = {
        id(node)
        for method in ast.walk(tree)
        if isinstance(method, ast.FunctionDef) and method.name in LOCAL_ONLY_METHODS
        for node in ast.walk(method)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            name = node.value.rsplit(".", 1)[-1]  # "DynamoDB_20120810.GetItem" too
            found |= {name} & operations
        elif isinstance(node, ast.Attribute) and node.attr in by_method:
            found.add(by_method[node.attr])
    return found


def allowed_dynamodb_actions(emulator: Emulator, role_name: str) -> set[str]:
    iam = emulator.client("iam")
    actions: set[str] = set()
    for policy_name in iam.list_role_policies(RoleName=role_name)["PolicyNames"]:
        document = iam.get_role_policy(RoleName=role_name, PolicyName=policy_name)["PolicyDocument"]
        if isinstance(document, str):
            # moto's CloudFormation stores inline role policies as a Python repr.
            document = ast.literal_eval(document)
        for statement in document["Statement"]:
            listed = statement["Action"]
            for action in [listed] if isinstance(listed, str) else listed:
                if action.startswith("dynamodb:"):
                    actions.add(action.removeprefix("dynamodb:"))
    assert iam.list_attached_role_policies(RoleName=role_name)["AttachedPolicies"] == []
    return actions


_RUNNER = """
import json, sys
import lambda_function
for line in sys.stdin:
    print(json.dumps(lambda_function.lambda_handler(json.loads(line), None)), flush=True)
"""


def run_handler(environment: dict[str, str], emulator: Emulator, events: list[Any]) -> list[Any]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        **environment,
        # What Lambda adds, and where this rehearsal's DynamoDB is.
        "AWS_REGION": REGION,
        "AWS_ACCESS_KEY_ID": "rehearsal",
        "AWS_SECRET_ACCESS_KEY": "rehearsal",
        "DYNAMODB_ENDPOINT_URL": emulator.endpoint,
        "PYTHONPATH": str(ROOT / "lambda"),
    }
    result = subprocess.run(
        [sys.executable, "-c", _RUNNER],
        input="".join(json.dumps(event) + "\n" for event in events),
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    # stdout carries the function's log lines too, as on Lambda: each one a JSON object with
    # the "level" key Lambda's JSON log format reads (template.yaml: LogFormat JSON).
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    responses = [line for line in lines if "response" in line]
    logs = [line for line in lines if "response" not in line]
    assert logs and all(line["level"] in {"DEBUG", "INFO", "WARNING", "ERROR"} for line in logs)
    assert len(responses) == len(events), result.stdout
    # INIT (lambda_function's prepare) reads the table and primes the skill without failing.
    assert not [line for line in logs if line.get("event") == "prepare_failed"], result.stdout
    return responses


def spoken(response: dict[str, Any]) -> str:
    speech = response["response"].get("outputSpeech", {})
    return str(speech.get("ssml") or speech.get("text") or "")


def test_stack_creates_the_function_table_role_and_skill_trigger(
    emulator: Emulator, stack: dict[str, Any]
) -> None:
    physical = stack["physical"]
    for logical in ("SkillFunction", "ProgressTable", "SkillFunctionRole", "SkillLogGroup"):
        assert physical.get(logical), physical
    (trigger,) = [
        name
        for name, resource in stack["template"]["Resources"].items()
        if resource["Type"] == "AWS::Lambda::Permission"
    ]
    assert trigger in physical
    policy = emulator.client("lambda").get_policy(FunctionName=physical["SkillFunction"])
    (statement,) = json.loads(policy["Policy"])["Statement"]
    assert "alexa-appkit.amazon.com" in json.dumps(statement["Principal"])
    assert statement["Action"] == "lambda:InvokeFunction"
    # moto keeps no EventSourceToken, so the skill id condition is checked in the template.
    token = stack["template"]["Resources"][trigger]["Properties"]["EventSourceToken"]
    assert token == {"Ref": "SkillId"}
    assert stack["outputs"]["ProgressTableName"] == physical["ProgressTable"]
    assert stack["outputs"]["SkillFunctionArn"].endswith(f":function:{physical['SkillFunction']}")


def test_the_rehearsed_stack_serves_launch_ice_session_and_forget_me(
    emulator: Emulator, stack: dict[str, Any]
) -> None:
    from back_relief.alexa.services import TIMERS_SCOPE
    from back_relief.simulator.fake_alexa_api import FakeAlexaApi

    function = emulator.client("lambda").get_function_configuration(
        FunctionName=stack["physical"]["SkillFunction"]
    )
    environment: dict[str, str] = function["Environment"]["Variables"]
    table = stack["physical"]["ProgressTable"]
    assert environment["TABLE_NAME"] == table  # the table the stack created, not a guess
    assert environment["SKILL_ID"] == SKILL_ID
    assert environment["USER_KEY_SECRET"] == PARAMETERS["UserKeySecret"]
    assert function["Handler"] == "lambda_function.lambda_handler"
    assert function["Role"].endswith("/" + stack["physical"]["SkillFunctionRole"])

    dynamodb = emulator.client("dynamodb")
    emulator.recorder("reset-recording")
    emulator.recorder("start-recording")
    with FakeAlexaApi() as api:
        common: dict[str, Any] = {
            "skill_id": SKILL_ID,
            "now": time.time(),
            "api_endpoint": api.endpoint,
            "token": api.token,
            "granted": (TIMERS_SCOPE,),
        }
        launch, start, step = run_handler(
            environment,
            emulator,
            [
                envelopes.launch(**common),
                envelopes.intent(
                    "StartRoutineIntent", {"Routine": ("ice session", "ice")}, new=False, **common
                ),
                envelopes.intent("AMAZON.NextIntent", new=False, **common),
            ],
        )
        assert "Back Relief" in spoken(launch)
        assert "ice" in spoken(start).lower()
        assert step["response"].get("shouldEndSession") is not True
        items = dynamodb.scan(TableName=table)["Items"]
        assert len(items) == 1 and int(items[0]["version"]["N"]) > 0
        assert "amzn1.ask.account" not in json.dumps(items)  # keyed by a hash, never the id

        (forgotten,) = run_handler(
            environment, emulator, [envelopes.intent("ForgetMeIntent", new=False, **common)]
        )
        assert forgotten["response"].get("shouldEndSession") is True
        assert dynamodb.scan(TableName=table)["Items"] == []
        assert api.invalid == []
    emulator.recorder("stop-recording")

    called = set()
    for line in emulator.recorder("download-recording").splitlines():
        target = json.loads(line)["headers"].get("X-Amz-Target", "")
        if target.startswith("DynamoDB_"):
            called.add(target.rsplit(".", 1)[-1])
    called -= {"Scan"}  # the test's own look at the table
    # The policy allows exactly what the store's code names, and that is what it really called.
    allowed = allowed_dynamodb_actions(emulator, stack["physical"]["SkillFunctionRole"])
    assert allowed == store_operations()
    assert called == allowed, (called, allowed)
