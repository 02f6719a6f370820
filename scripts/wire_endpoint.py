"""Write the deployed Lambda ARN into skill-package/skill.json (no hand edits).

The ARN comes from one of:
  --arn ARN                  given directly
  --stack-json FILE          saved `aws cloudformation describe-stacks` output ("-" for stdin)
  --stack-name NAME          runs `aws cloudformation describe-stacks` (region from --region,
                             else samconfig.toml, else the AWS CLI's own configuration)

It sets both apis.custom.endpoint.uri (requests) and events.endpoint.uri (the SKILL_DISABLED
event), which must be the same function. Other modes:
  --check                    exit 1 while the manifest still holds the placeholder ARN
  --bootstrap-out FILE       write a copy without endpoints, for creating the skill before the
                             function exists (the function needs the skill id first)
  --assets-base-url URL      point the icon, privacy policy and terms URLs of every locale at the
                             repository's own files served under URL (ASSETS_BASE_URL in deploy.sh)
  --print-region             print samconfig.toml's region ("" when none is saved yet)
  --print-parameter-overrides KEY=VALUE
                             print samconfig.toml's saved parameter overrides with KEY set
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "skill-package" / "skill.json"
SAMCONFIG = ROOT / "samconfig.toml"
OUTPUT_KEY = "SkillFunctionArn"
PLACEHOLDER_ACCOUNT = "000000000000"
ARN_PATTERN = re.compile(
    r"^arn:aws[a-z-]*:lambda:(?P<region>[a-z0-9-]+):(?P<account>\d{12}):function:[A-Za-z0-9_-]+"
    r"(:[A-Za-z0-9$_-]+)?$"
)
# The repository files behind the manifest's public URLs (release_check.py checks them too).
ASSET_PATHS = {
    "smallIconUri": "skill-package/assets/images/back-relief-108.png",
    "largeIconUri": "skill-package/assets/images/back-relief-512.png",
    "privacyPolicyUrl": "docs/privacy-policy.md",
    "termsOfUseUrl": "docs/terms-of-use.md",
}
# Regions where Alexa calls Lambda endpoints (NA, EU/IN, FE).
ALEXA_REGIONS = {"us-east-1", "eu-west-1", "us-west-2"}


class WireError(Exception):
    """The ARN could not be found or is not a Lambda function ARN."""


def arn_from_outputs(stacks_json: dict[str, Any], output_key: str = OUTPUT_KEY) -> str:
    """Pick the function ARN from `aws cloudformation describe-stacks` JSON."""
    stacks = stacks_json.get("Stacks", [])
    if len(stacks) != 1:
        raise WireError(f"expected exactly one stack in describe-stacks output, got {len(stacks)}")
    for output in stacks[0].get("Outputs", []):
        if output.get("OutputKey") == output_key:
            return str(output["OutputValue"])
    raise WireError(f"stack {stacks[0].get('StackName', '?')} has no output {output_key}")


def validate_arn(arn: str) -> str:
    match = ARN_PATTERN.match(arn)
    if match is None:
        raise WireError(f"not a Lambda function ARN: {arn!r}")
    if match["account"] == PLACEHOLDER_ACCOUNT:
        raise WireError(f"refusing the placeholder ARN: {arn}")
    if match["region"] not in ALEXA_REGIONS:
        print(
            f"wire_endpoint: warning: {match['region']} is not an Alexa endpoint region "
            f"({', '.join(sorted(ALEXA_REGIONS))}); Alexa may refuse the endpoint",
            file=sys.stderr,
        )
    return arn


def samconfig_region(path: Path = SAMCONFIG) -> str | None:
    if not path.is_file():
        return None
    config = tomllib.loads(path.read_text(encoding="utf-8")).get("default", {})
    for section in ("deploy", "global"):
        region = config.get(section, {}).get("parameters", {}).get("region")
        if isinstance(region, str) and region:
            return region
    return None


def samconfig_parameters(path: Path = SAMCONFIG) -> dict[str, str]:
    """The parameter overrides a guided deploy saved (a string or a list in samconfig.toml)."""
    if not path.is_file():
        return {}
    config = tomllib.loads(path.read_text(encoding="utf-8")).get("default", {})
    saved = config.get("deploy", {}).get("parameters", {}).get("parameter_overrides", [])
    items = shlex.split(saved) if isinstance(saved, str) else [str(item) for item in saved]
    return dict(item.split("=", 1) for item in items if "=" in item)


def parameter_overrides(saved: dict[str, str], override: str) -> str:
    """One --parameter-overrides value: the saved parameters with KEY=VALUE set on top."""
    key, sep, value = override.partition("=")
    if not sep or not key:
        raise WireError(f"expected KEY=VALUE, got {override!r}")
    merged = {**saved, key: value}
    return " ".join(f"{name}={shlex.quote(text)}" for name, text in merged.items())


def with_assets(manifest: dict[str, Any], base_url: str) -> dict[str, Any]:
    """Return the manifest with every locale's icon and policy URLs under base_url."""
    if not base_url.startswith("https://"):
        raise WireError(f"ASSETS_BASE_URL must be an https:// URL, got {base_url!r}")
    base = base_url.rstrip("/")
    wired: dict[str, Any] = json.loads(json.dumps(manifest))
    body = wired["manifest"]
    for info in body["publishingInformation"]["locales"].values():
        for key in ("smallIconUri", "largeIconUri"):
            info[key] = f"{base}/{ASSET_PATHS[key]}"
    for urls in body["privacyAndCompliance"]["locales"].values():
        for key in ("privacyPolicyUrl", "termsOfUseUrl"):
            urls[key] = f"{base}/{ASSET_PATHS[key]}"
    return wired


def describe_stack(stack_name: str, region: str | None) -> dict[str, Any]:
    command = ["aws", "cloudformation", "describe-stacks", "--stack-name", stack_name]
    command += ["--output", "json"]
    if region:
        command += ["--region", region]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise WireError(f"{' '.join(command)} failed: {result.stderr.strip()}")
    loaded: dict[str, Any] = json.loads(result.stdout)
    return loaded


def load_manifest(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def save_manifest(path: Path, manifest: dict[str, Any]) -> None:
    path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def wire(manifest: dict[str, Any], arn: str) -> dict[str, Any]:
    """Return the manifest with both endpoints set to arn (the input is not changed)."""
    wired: dict[str, Any] = json.loads(json.dumps(manifest))
    body = wired["manifest"]
    body.setdefault("apis", {}).setdefault("custom", {})["endpoint"] = {"uri": arn}
    if "events" in body:
        body["events"]["endpoint"] = {"uri": arn}
    return wired


def without_endpoints(manifest: dict[str, Any]) -> dict[str, Any]:
    """A manifest Alexa accepts before the function exists: no endpoint, no event subscriptions."""
    bootstrap: dict[str, Any] = json.loads(json.dumps(manifest))
    body = bootstrap["manifest"]
    body.get("apis", {}).get("custom", {}).pop("endpoint", None)
    body.pop("events", None)
    return bootstrap


def current_endpoints(manifest: dict[str, Any]) -> list[str]:
    body = manifest["manifest"]
    uris = [body.get("apis", {}).get("custom", {}).get("endpoint", {}).get("uri", "")]
    if "events" in body:
        uris.append(body["events"].get("endpoint", {}).get("uri", ""))
    return [str(uri) for uri in uris]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Write the Lambda ARN into skill.json")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--arn")
    source.add_argument("--stack-json", help="describe-stacks JSON file, or - for stdin")
    source.add_argument("--stack-name")
    parser.add_argument("--region")
    parser.add_argument("--output-key", default=OUTPUT_KEY)
    parser.add_argument("--manifest", type=Path, default=MANIFEST)
    parser.add_argument("--check", action="store_true", help="fail if an endpoint is unset")
    parser.add_argument("--bootstrap-out", type=Path)
    parser.add_argument("--assets-base-url")
    parser.add_argument("--samconfig", type=Path, default=SAMCONFIG)
    parser.add_argument("--print-region", action="store_true")
    parser.add_argument("--print-parameter-overrides", metavar="KEY=VALUE")
    return parser.parse_args(argv)


def resolve_arn(args: argparse.Namespace) -> str:
    if args.arn:
        return validate_arn(args.arn)
    if args.stack_json:
        text = sys.stdin.read() if args.stack_json == "-" else Path(args.stack_json).read_text()
        return validate_arn(arn_from_outputs(json.loads(text), args.output_key))
    if args.stack_name:
        region = args.region or samconfig_region(args.samconfig)
        return validate_arn(
            arn_from_outputs(describe_stack(args.stack_name, region), args.output_key)
        )
    raise WireError("give --arn, --stack-json or --stack-name (or --check / --bootstrap-out)")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.print_region:
            print(samconfig_region(args.samconfig) or "")
            return 0
        if args.print_parameter_overrides:
            saved = samconfig_parameters(args.samconfig)
            print(parameter_overrides(saved, args.print_parameter_overrides))
            return 0
        manifest = load_manifest(args.manifest)
        if args.assets_base_url:
            save_manifest(args.manifest, with_assets(manifest, args.assets_base_url))
            print(f"{args.manifest}: icons and policies -> {args.assets_base_url}")
            return 0
        if args.bootstrap_out:
            args.bootstrap_out.parent.mkdir(parents=True, exist_ok=True)
            save_manifest(args.bootstrap_out, without_endpoints(manifest))
            print(f"{args.bootstrap_out}: manifest without endpoints")
            return 0
        if args.check:
            for uri in current_endpoints(manifest):
                validate_arn(uri)
            print(f"{args.manifest}: endpoints set")
            return 0
        arn = resolve_arn(args)
        save_manifest(args.manifest, wire(manifest, arn))
    except (WireError, OSError, KeyError, json.JSONDecodeError) as error:
        print(f"wire_endpoint: {error}", file=sys.stderr)
        return 1
    print(f"{args.manifest}: endpoint -> {arn}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
