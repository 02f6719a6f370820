#!/usr/bin/env bash
# Deploy Back Relief end to end, or tear it down (`deploy.sh destroy`, = `make destroy`).
#
# deploy: release check, the skill (ASK CLI), the Lambda function and table (SAM), the skill
# manifest with the function ARN and the public asset URLs wired in, then the interaction models.
# First run: creates the skill and runs `sam deploy --guided`, which saves the answers (region,
# parameters) to the root samconfig.toml. Later runs ask nothing, and a run with nothing changed
# changes nothing. destroy: deletes the stack; with DELETE_SKILL=1 also the skill.
#
# Environment (all optional unless said):
#   ASSETS_BASE_URL  public HTTPS base the icons, privacy policy and terms are served from, e.g.
#                    https://raw.githubusercontent.com/<you>/<repo>/main (required by the release
#                    check unless skill.json already holds real URLs); see README.md
#   STACK_NAME       CloudFormation stack (default back-relief)
#   AWS_REGION       region (default: samconfig.toml, else the AWS CLI's configured region)
#   ASK_PROFILE      ASK CLI profile (default "default")
#   SKILL_ID         use this existing skill instead of the one in .ask/ask-states.json
#   GUIDED           1 forces `sam deploy --guided`, 0 never; default: guided until samconfig has a region
#   DELETE_SKILL     destroy only: 1 also deletes the skill
#   ASK              ASK CLI command (default: the project's own node_modules/.bin/ask, see package.json)
#   PYTHON, SAM      interpreters/tools (default: .venv/bin/python, .venv/bin/sam)
#   PACKAGE          build command (default: $PYTHON scripts/package.py; PACKAGE=true reuses build/)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd -P)"
ACTION="${1:-deploy}"

STACK_NAME="${STACK_NAME:-back-relief}"
ASK_PROFILE="${ASK_PROFILE:-default}"
LOCALES=(en-US en-GB en-CA en-AU en-IN)
STATES=.ask/ask-states.json
# SAM reads and writes the config next to --template-file unless told otherwise, and the
# artifact's template lives in build/ (deleted by make clean): always name the root file.
SAMCONFIG="$ROOT/samconfig.toml"
PYTHON="${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}"
SAM="${SAM:-$([ -x .venv/bin/sam ] && echo .venv/bin/sam || echo sam)}"
PACKAGE="${PACKAGE:-$PYTHON scripts/package.py}"
# The project's pinned ASK CLI (package.json overrides antlr4ts, without which it cannot start).
ASK="${ASK:-$ROOT/node_modules/.bin/ask}"
export SAM_CLI_TELEMETRY="${SAM_CLI_TELEMETRY:-0}"

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'deploy: %s\n' "$*" >&2; exit 1; }
ask_cli() { $ASK "$@" --profile "$ASK_PROFILE"; }

# Reads a JSON document on stdin and prints the value at a dotted path ("" when absent).
json_get() {
  "$PYTHON" -c '
import json, sys
value = json.load(sys.stdin)
for key in sys.argv[1].split("."):
    value = value.get(key, {}) if isinstance(value, dict) else {}
print(value if isinstance(value, str) else "")' "$1"
}

wait_for_skill() {
  local status
  for _ in $(seq 1 60); do
    status="$(ask_cli smapi get-skill-status --skill-id "$SKILL_ID")"
    if grep -q '"FAILED"' <<<"$status"; then printf '%s\n' "$status" >&2; die "Alexa rejected the update"; fi
    grep -q '"IN_PROGRESS"' <<<"$status" || return 0
    sleep 5
  done
  die "skill still building after 5 minutes; check the developer console"
}

# One region for every step: sam deploy/delete, describe-stacks in wire_endpoint.py, and the
# AWS SDK calls the ASK CLI makes (exported, so every child process sees the same one).
resolve_region() {
  REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
  if [ -z "$REGION" ]; then
    REGION="$("$PYTHON" scripts/wire_endpoint.py --print-region --samconfig "$SAMCONFIG")"
  fi
  if [ -z "$REGION" ] && command -v aws >/dev/null; then
    REGION="$(aws configure get region 2>/dev/null || true)"
  fi
  if [ -n "$REGION" ]; then export AWS_REGION="$REGION" AWS_DEFAULT_REGION="$REGION"; fi
}

skill_id_from_states() {
  if [ -z "${SKILL_ID:-}" ] && [ -f "$STATES" ]; then
    SKILL_ID="$(json_get "profiles.$ASK_PROFILE.skillId" <"$STATES")"
  fi
}

check_tools() {
  command -v aws >/dev/null || die "AWS CLI not found (needed for credentials and stack outputs)"
  aws sts get-caller-identity >/dev/null || die "no AWS credentials: run 'aws configure' or 'aws sso login'"
  "$SAM" --version >/dev/null || die "SAM CLI not found: run 'make setup' (it is in requirements-dev.txt)"
  $ASK --version >/dev/null || die "ASK CLI not found at $ASK: run 'make setup' (npm ci), then '$ASK configure'"
}

destroy() {
  say "Deleting stack $STACK_NAME"
  local region_args=()
  [ -n "${REGION:-}" ] && region_args=(--region "$REGION")
  "$SAM" delete --stack-name "$STACK_NAME" --config-file "$SAMCONFIG" ${region_args[@]+"${region_args[@]}"} --no-prompts
  if [ "${DELETE_SKILL:-0}" = 1 ]; then
    skill_id_from_states
    [ -n "${SKILL_ID:-}" ] || die "DELETE_SKILL=1 but no skill id (set SKILL_ID or keep $STATES)"
    say "Deleting skill $SKILL_ID"
    ask_cli smapi delete-skill --skill-id "$SKILL_ID"
    rm -f "$STATES"
  else
    echo "The skill is kept (DELETE_SKILL=1 deletes it too)."
  fi
}

deploy() {
  say "Checking tools and credentials"
  check_tools
  for locale in "${LOCALES[@]}"; do
    [ -f "skill-package/interactionModels/custom/$locale.json" ] || die "missing $locale model: run 'make model'"
  done

  # Before anything reaches Alexa: public URLs filled in, then every check the developer console
  # and certification would fail on that can be made offline.
  if [ -n "${ASSETS_BASE_URL:-}" ]; then
    "$PYTHON" scripts/wire_endpoint.py --assets-base-url "$ASSETS_BASE_URL"
  fi
  say "Release check"
  "$PYTHON" scripts/release_check.py || die "release check failed: fix the problems above first"

  say "Skill id"
  skill_id_from_states
  if [ -z "${SKILL_ID:-}" ]; then
    # The function's invoke permission names the skill id, so the skill must exist first; Alexa
    # accepts a manifest without endpoints until the function is there.
    mkdir -p build
    "$PYTHON" scripts/wire_endpoint.py --bootstrap-out build/skill-bootstrap.json
    created="$(ask_cli smapi create-skill-for-vendor --manifest file:build/skill-bootstrap.json)"
    SKILL_ID="$(grep -oE 'amzn1\.ask\.skill\.[0-9a-f-]{36}' <<<"$created" | head -n1)"
    [ -n "$SKILL_ID" ] || { printf '%s\n' "$created" >&2; die "could not read the new skill id"; }
    mkdir -p .ask
    "$PYTHON" -c '
import json, pathlib, sys
path, profile, skill_id = pathlib.Path(sys.argv[1]), sys.argv[2], sys.argv[3]
states = json.loads(path.read_text()) if path.exists() else {"askcliStatesVersion": "2020-03-31"}
states.setdefault("profiles", {}).setdefault(profile, {})["skillId"] = skill_id
path.write_text(json.dumps(states, indent=2) + "\n")' "$STATES" "$ASK_PROFILE" "$SKILL_ID"
    wait_for_skill
  fi
  echo "$SKILL_ID"

  say "Building the Lambda artifact"
  $PACKAGE
  [ -f build/template.yaml ] || die "build/template.yaml missing: the package step did not run"

  say "Deploying stack $STACK_NAME with SAM (${REGION:-region asked by the guided deploy})"
  local guided=() region_args=() overrides
  if [ "${GUIDED:-}" = 1 ] || { [ -z "${GUIDED:-}" ] && [ -z "$("$PYTHON" scripts/wire_endpoint.py --print-region --samconfig "$SAMCONFIG")" ]; }; then
    guided=(--guided)
  fi
  [ -n "${REGION:-}" ] && region_args=(--region "$REGION")
  # Command-line overrides replace samconfig's saved ones as a whole, so the saved parameters
  # (LogLevel, MemorySize...) are carried over with only SkillId set: a second run is a no-op.
  overrides="$("$PYTHON" scripts/wire_endpoint.py --print-parameter-overrides "SkillId=$SKILL_ID" --samconfig "$SAMCONFIG")"
  # The user-key secret (parameter UserKeySecret, NoEcho) never goes into samconfig.toml, which is
  # committed: it is generated once into .ask/ (git-ignored) and passed the same on every run, so
  # a rerun stays a no-op. USER_KEY_SECRET in the environment wins (another machine, CI).
  if [ -z "${USER_KEY_SECRET:-}" ]; then
    if [ ! -s .ask/user-key-secret ]; then
      mkdir -p .ask
      (umask 077 && "$PYTHON" -c 'import secrets; print(secrets.token_hex(32))' >.ask/user-key-secret)
    fi
    USER_KEY_SECRET="$(cat .ask/user-key-secret)"
  fi
  overrides="$overrides UserKeySecret=$USER_KEY_SECRET"
  "$SAM" deploy ${guided[@]+"${guided[@]}"} \
    --config-file "$SAMCONFIG" \
    --template-file build/template.yaml \
    --stack-name "$STACK_NAME" \
    ${region_args[@]+"${region_args[@]}"} \
    --capabilities CAPABILITY_IAM \
    --resolve-s3 \
    --no-fail-on-empty-changeset \
    --parameter-overrides "$overrides"
  resolve_region  # a guided first run has just saved the region it asked for
  [ -n "${REGION:-}" ] || die "no region: set AWS_REGION or run with GUIDED=1"

  say "Wiring the function ARN into skill-package/skill.json"
  "$PYTHON" scripts/wire_endpoint.py --stack-name "$STACK_NAME" --region "$REGION"

  say "Pushing the manifest and interaction models"
  ask_cli smapi update-skill-manifest --skill-id "$SKILL_ID" --stage development \
    --manifest file:skill-package/skill.json
  wait_for_skill
  for locale in "${LOCALES[@]}"; do
    ask_cli smapi set-interaction-model --skill-id "$SKILL_ID" --stage development --locale "$locale" \
      --interaction-model "file:skill-package/interactionModels/custom/$locale.json"
  done
  wait_for_skill
  ask_cli smapi set-skill-enablement --skill-id "$SKILL_ID" --stage development

  say "Done: say \"Alexa, open back relief\" on a device signed in to your developer account,"
  echo "or run: $ASK dialog --skill-id $SKILL_ID --locale en-US --profile $ASK_PROFILE"
}

resolve_region
case "$ACTION" in
  deploy) deploy ;;
  destroy) check_tools; destroy ;;
  *) die "usage: deploy.sh [deploy|destroy]" ;;
esac
