"""Contract: template.yaml deploys a least-privilege skill that matches the store and handler."""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from cfnlint.api import ManualArgs, lint_file
from cfnlint.decode.cfn_yaml import load as load_cfn_yaml

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "template.yaml"
ALEXA_REGIONS = ["us-east-1", "eu-west-1", "us-west-2"]
# The only item calls store/dynamodb.py makes.
STORE_ACTIONS = {"dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"}
ALEXA_ANSWER_BUDGET_SECONDS = 8


class _NoManagedPolicies:
    """The SAM translator asks for AWS managed policy ARNs; an explicit role needs none."""

    def load(self) -> dict[str, str]:
        return {}


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(json.dumps(load_cfn_yaml(str(TEMPLATE))))
    return loaded


@pytest.fixture(scope="module")
def transformed(template: dict[str, Any]) -> dict[str, Any]:
    """The CloudFormation SAM would deploy, so checks also see what the transform adds."""
    from samtranslator.translator.transform import transform

    source = copy.deepcopy(template)
    for resource in source["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://bucket/back-relief.zip"
    region = os.environ.get("AWS_DEFAULT_REGION")
    os.environ["AWS_DEFAULT_REGION"] = "us-east-1"
    try:
        result: dict[str, Any] = transform(source, {}, _NoManagedPolicies())
    finally:
        if region is None:
            del os.environ["AWS_DEFAULT_REGION"]
        else:
            os.environ["AWS_DEFAULT_REGION"] = region
    return result


def resources_of(template: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    return {name: r for name, r in template["Resources"].items() if r["Type"] == kind}


def only(template: dict[str, Any], kind: str) -> tuple[str, dict[str, Any]]:
    found = resources_of(template, kind)
    assert len(found) == 1, f"expected one {kind}, found {sorted(found)}"
    return next(iter(found.items()))


def function_properties(template: dict[str, Any]) -> dict[str, Any]:
    """The function's properties with Globals applied (as SAM does)."""
    _, function = only(template, "AWS::Serverless::Function")
    merged = dict(template.get("Globals", {}).get("Function", {}))
    merged.update(function["Properties"])
    return merged


def policy_statements(template: dict[str, Any]) -> list[dict[str, Any]]:
    statements: list[dict[str, Any]] = []
    for resource in template["Resources"].values():
        properties = resource.get("Properties", {})
        if resource["Type"] == "AWS::IAM::Role":
            documents = [p["PolicyDocument"] for p in properties.get("Policies", [])]
        elif resource["Type"] in {"AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"}:
            documents = [properties["PolicyDocument"]]
        else:
            continue
        for document in documents:
            found = document["Statement"]
            statements += found if isinstance(found, list) else [found]
    return statements


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def resource_text(resource: Any) -> str:
    """A resource ARN as written, with Fn::Sub / Fn::GetAtt shown as text."""
    if isinstance(resource, str):
        return resource
    if "Fn::Sub" in resource:
        sub = resource["Fn::Sub"]
        return str(sub if isinstance(sub, str) else sub[0])
    if "Fn::GetAtt" in resource:
        target = resource["Fn::GetAtt"]
        return ".".join(target) if isinstance(target, list) else str(target)
    return json.dumps(resource)


# --- linters ---------------------------------------------------------------------------------


def test_cfn_lint_is_clean_in_every_alexa_region_including_informational_checks() -> None:
    matches = lint_file(TEMPLATE, config=ManualArgs(regions=ALEXA_REGIONS, include_checks=["I"]))
    assert [str(match) for match in matches] == []


def test_sam_validate_lint_passes_offline() -> None:
    sam = shutil.which("sam", path=str(Path(sys.executable).parent)) or shutil.which("sam")
    # requirements-dev.txt pins aws-sam-cli, so a missing `sam` is a broken setup, not a skip.
    assert sam is not None, "aws-sam-cli is not installed (pip install -r requirements-dev.txt)"
    env = {**os.environ, "AWS_DEFAULT_REGION": "us-east-1", "SAM_CLI_TELEMETRY": "0"}
    result = subprocess.run(
        [sam, "validate", "--lint", "--template-file", str(TEMPLATE)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "is a valid SAM Template" in result.stdout + result.stderr


# --- function --------------------------------------------------------------------------------


def test_function_is_python_3_13_on_arm64_from_the_lambda_folder(template: dict[str, Any]) -> None:
    properties = function_properties(template)
    assert properties["Runtime"] == "python3.13"
    assert properties["Architectures"] == ["arm64"]
    assert properties["CodeUri"].rstrip("/") == "lambda"
    assert properties["Handler"] == "lambda_function.lambda_handler"


def test_timeout_leaves_room_inside_alexas_eight_second_budget(template: dict[str, Any]) -> None:
    timeout = function_properties(template)["Timeout"]
    assert isinstance(timeout, int)
    assert 3 <= timeout < ALEXA_ANSWER_BUDGET_SECONDS


def test_memory_default_is_a_valid_lambda_size(template: dict[str, Any]) -> None:
    memory = function_properties(template)["MemorySize"]
    if isinstance(memory, dict):
        memory = template["Parameters"][memory["Ref"]]["Default"]
    assert 128 <= int(memory) <= 1024


def test_environment_names_table_skill_and_log_level(template: dict[str, Any]) -> None:
    variables = function_properties(template)["Environment"]["Variables"]
    table_name, _ = only(template, "AWS::DynamoDB::Table")
    assert variables["TABLE_NAME"] == {"Ref": table_name}
    assert variables["SKILL_ID"] == {"Ref": "SkillId"}
    assert variables["LOG_LEVEL"] == {"Ref": "LogLevel"}
    assert template["Parameters"]["LogLevel"]["Default"] == "INFO"


def test_user_key_secret_is_a_required_hidden_parameter(template: dict[str, Any]) -> None:
    from back_relief import privacy

    variables = function_properties(template)["Environment"]["Variables"]
    assert variables[privacy.SECRET_ENV] == {"Ref": "UserKeySecret"}
    parameter = template["Parameters"]["UserKeySecret"]
    assert parameter["NoEcho"] is True
    assert "Default" not in parameter  # never a value shipped with the code
    assert parameter["MinLength"] == privacy.MIN_SECRET_CHARS


def test_only_the_configured_skill_may_invoke_the_function(transformed: dict[str, Any]) -> None:
    permissions = resources_of(transformed, "AWS::Lambda::Permission")
    assert permissions, "the AlexaSkill event should create an invoke permission"
    for permission in permissions.values():
        properties = permission["Properties"]
        assert properties["Principal"] == "alexa-appkit.amazon.com"
        assert properties["EventSourceToken"] == {"Ref": "SkillId"}


def test_skill_id_parameter_has_no_default_and_a_strict_pattern(template: dict[str, Any]) -> None:
    parameter = template["Parameters"]["SkillId"]
    assert "Default" not in parameter
    pattern = re.compile(parameter["AllowedPattern"])
    assert pattern.match(f"amzn1.ask.skill.{uuid.uuid4()}")
    assert not pattern.match("*")
    assert not pattern.match("")


def test_template_names_no_region_or_account(template: dict[str, Any]) -> None:
    text = TEMPLATE.read_text(encoding="utf-8")
    body = text.split("Parameters:", 1)[1]  # the description may name the Alexa regions
    assert not re.search(r"\b(us|eu|ap|sa|ca|me|af)-[a-z]+-\d\b", body)
    assert not re.search(r"\b\d{12}\b", text)


def test_outputs_give_the_function_arn(template: dict[str, Any]) -> None:
    function_name, _ = only(template, "AWS::Serverless::Function")
    assert template["Outputs"]["SkillFunctionArn"]["Value"] == {
        "Fn::GetAtt": [function_name, "Arn"]
    }


def test_logs_go_to_an_explicit_group_with_retention(template: dict[str, Any]) -> None:
    group_name, group = only(template, "AWS::Logs::LogGroup")
    assert group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionDays"}
    retention = template["Parameters"]["LogRetentionDays"]
    assert retention["Default"] in retention["AllowedValues"]
    assert 1 <= retention["Default"] <= 30
    assert function_properties(template)["LoggingConfig"]["LogGroup"] == {"Ref": group_name}
    # The skill writes JSON lines (back_relief/logs.py); Lambda is told so.
    assert function_properties(template)["LoggingConfig"]["LogFormat"] == "JSON"


# --- table -----------------------------------------------------------------------------------


def test_table_key_and_ttl_match_the_dynamodb_store(template: dict[str, Any]) -> None:
    _, table = only(template, "AWS::DynamoDB::Table")
    properties = table["Properties"]
    assert properties["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    assert properties["AttributeDefinitions"] == [{"AttributeName": "id", "AttributeType": "S"}]
    assert properties["TimeToLiveSpecification"] == {"AttributeName": "expires_at", "Enabled": True}


def test_table_is_on_demand_encrypted_and_recoverable(template: dict[str, Any]) -> None:
    _, table = only(template, "AWS::DynamoDB::Table")
    properties = table["Properties"]
    assert properties["BillingMode"] == "PAY_PER_REQUEST"
    recovery = properties["PointInTimeRecoverySpecification"]
    assert recovery["PointInTimeRecoveryEnabled"] is True
    # Deleted progress should not stay recoverable much longer than records live (one week).
    assert recovery["RecoveryPeriodInDays"] <= 7
    assert properties["SSESpecification"]["SSEEnabled"] is True


def test_store_module_uses_the_same_key_and_ttl_attribute() -> None:
    store = ROOT / "lambda" / "back_relief" / "store" / "dynamodb.py"
    text = store.read_text(encoding="utf-8")
    assert re.search(r"""["']expires_at["']""", text)
    assert re.search(r"""["']id["']""", text)
    # Every DynamoDB operation goes through DynamoDBStore._call("Operation", payload).
    operations = set(re.findall(r"""_call\(\s*["'](\w+)["']""", text))
    data_plane = {
        op for op in operations if op.endswith(("Item", "Items")) or op in ("Query", "Scan")
    }
    assert {f"dynamodb:{op}" for op in data_plane} == STORE_ACTIONS, (
        "the policy allows only GetItem, PutItem and DeleteItem"
    )


# --- IAM -------------------------------------------------------------------------------------


def test_function_uses_the_explicit_role_and_no_managed_policies(
    template: dict[str, Any], transformed: dict[str, Any]
) -> None:
    properties = function_properties(template)
    assert "Policies" not in properties
    role_name, role = only(transformed, "AWS::IAM::Role")
    assert properties["Role"] == {"Fn::GetAtt": [role_name, "Arn"]}
    assert "ManagedPolicyArns" not in role["Properties"]


def test_no_policy_statement_has_a_wildcard_action(transformed: dict[str, Any]) -> None:
    statements = policy_statements(transformed)
    assert statements
    for statement in statements:
        assert statement["Effect"] == "Allow"
        assert "NotAction" not in statement and "NotResource" not in statement
        for action in as_list(statement["Action"]):
            assert "*" not in action, action


def test_no_policy_statement_has_a_wildcard_resource(transformed: dict[str, Any]) -> None:
    for statement in policy_statements(transformed):
        for resource in as_list(statement["Resource"]):
            text = resource_text(resource)
            assert text != "*"
            # Lambda names its log streams itself; the stream segment of our own log group is
            # the one place a pattern is allowed.
            allowed = re.fullmatch(r".*:log-group:\$\{[A-Za-z]+\}:log-stream:\*", text)
            assert "*" not in text or allowed, text


def test_table_access_is_only_the_item_calls_the_store_makes(transformed: dict[str, Any]) -> None:
    table_name, _ = only(transformed, "AWS::DynamoDB::Table")
    dynamodb = [
        s
        for s in policy_statements(transformed)
        if any(a.startswith("dynamodb:") for a in as_list(s["Action"]))
    ]
    assert len(dynamodb) == 1
    assert set(as_list(dynamodb[0]["Action"])) == STORE_ACTIONS
    assert as_list(dynamodb[0]["Resource"]) == [{"Fn::GetAtt": [table_name, "Arn"]}]


def test_log_writes_are_limited_to_the_functions_own_group(transformed: dict[str, Any]) -> None:
    group_name, _ = only(transformed, "AWS::Logs::LogGroup")
    logs = [
        s
        for s in policy_statements(transformed)
        if any(a.startswith("logs:") for a in as_list(s["Action"]))
    ]
    assert len(logs) == 1
    assert set(as_list(logs[0]["Action"])) == {"logs:CreateLogStream", "logs:PutLogEvents"}
    (resource,) = as_list(logs[0]["Resource"])
    assert f":log-group:${{{group_name}}}:" in resource_text(resource)


# --- handler ---------------------------------------------------------------------------------


class FakeLambdaContext:
    function_name = "back-relief-skill"
    memory_limit_in_mb = 512
    aws_request_id = "test-request"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:back-relief-skill"

    def get_remaining_time_in_millis(self) -> int:
        return 5000


def launch_request(skill_id: str, locale: str = "en-US") -> dict[str, Any]:
    user_id = "amzn1.ask.account.contract-test"
    application = {"applicationId": skill_id}
    return {
        "version": "1.0",
        "session": {
            "new": True,
            "sessionId": "amzn1.echo-api.session.contract-test",
            "application": application,
            "user": {"userId": user_id},
            "attributes": {},
        },
        "context": {
            "System": {
                "application": application,
                "user": {"userId": user_id},
                "device": {"deviceId": "amzn1.ask.device.contract-test", "supportedInterfaces": {}},
                "apiEndpoint": "https://api.amazonalexa.com",
                "apiAccessToken": "contract-test-token",
            }
        },
        "request": {
            "type": "LaunchRequest",
            "requestId": "amzn1.echo-api.request.contract-test",
            "timestamp": "2026-11-01T12:00:00Z",
            "locale": locale,
        },
    }


def test_handler_named_in_the_template_answers_a_launch_request(
    template: dict[str, Any], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    properties = function_properties(template)
    module_name, function_name = properties["Handler"].rsplit(".", 1)
    code_dir = ROOT / properties["CodeUri"]
    skill_id = f"amzn1.ask.skill.{uuid.uuid4()}"
    monkeypatch.setenv("SKILL_ID", skill_id)
    monkeypatch.setenv("LOG_LEVEL", "INFO")
    monkeypatch.delenv("TABLE_NAME", raising=False)
    monkeypatch.chdir(tmp_path)  # any local progress file lands here, not in the repo
    monkeypatch.syspath_prepend(str(code_dir))

    spec = importlib.util.spec_from_file_location(
        f"contract_{module_name}", code_dir / f"{module_name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    handler = getattr(module, function_name)

    response = handler(launch_request(skill_id), FakeLambdaContext())

    assert response["version"] == "1.0"
    speech = response["response"]["outputSpeech"]
    spoken = speech.get("ssml") or speech.get("text") or ""
    assert "Back Relief" in spoken
