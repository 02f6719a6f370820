#!/usr/bin/env bash
# Deploy Back Relief end to end: the skill (ASK CLI), then the Lambda function and table (SAM),
# then the skill manifest with the function ARN wired in, then the interaction models.
#
# First run: creates the skill, runs `sam deploy --guided` (answers saved to samconfig.toml).
# Later runs: no prompts. See README.md ("Deploy to AWS") for costs and teardown.
#
# Environment (all optional):
#   STACK_NAME   CloudFormation stack (default back-relief)
#   ASK_PROFILE  ASK CLI profile (default "default")
#   SKILL_ID     use this existing skill instead of the one in .ask/ask-states.json
#   GUIDED       1 forces `sam deploy --guided`, 0 never; default: guided until samconfig has a region
#   ASK          ASK CLI command (default: `ask`, else `npx --yes --package ask-cli@2.30.7 ask`)
#   PYTHON, SAM  interpreters/tools (default: .venv/bin/python, .venv/bin/sam, else on PATH)
#   PACKAGE      build command (default: $PYTHON scripts/package.py; PACKAGE=true reuses build/)
set -euo pipefail
cd "$(dirname "$0")/.."

STACK_NAME="${STACK_NAME:-back-relief}"
ASK_PROFILE="${ASK_PROFILE:-default}"
LOCALES=(en-US en-GB en-CA en-AU en-IN)
STATES=.ask/ask-states.json
PYTHON="${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}"
SAM="${SAM:-$([ -x .venv/bin/sam ] && echo .venv/bin/sam || echo sam)}"
PACKAGE="${PACKAGE:-$PYTHON scripts/package.py}"
if [ -z "${ASK:-}" ]; then
  if command -v ask >/dev/null 2>&1; then ASK=ask; else ASK="npx --yes --package ask-cli@2.30.7 ask"; fi
fi

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

say "Checking tools and credentials"
command -v aws >/dev/null || die "AWS CLI not found (needed for credentials and stack outputs)"
aws sts get-caller-identity >/dev/null || die "no AWS credentials: run 'aws configure' or 'aws sso login'"
"$SAM" --version >/dev/null || die "SAM CLI not found: run 'make setup' (it is in requirements-dev.txt)"
$ASK --version >/dev/null || die "ASK CLI not found: npm install -g ask-cli@2.30.7, then 'ask configure'"
for locale in "${LOCALES[@]}"; do
  [ -f "skill-package/interactionModels/custom/$locale.json" ] || die "missing $locale model: run 'make model'"
done

say "Skill id"
if [ -z "${SKILL_ID:-}" ] && [ -f "$STATES" ]; then
  SKILL_ID="$(json_get "profiles.$ASK_PROFILE.skillId" <"$STATES")"
fi
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

say "Deploying stack $STACK_NAME with SAM"
region="$("$PYTHON" -c 'import sys; sys.path.insert(0, "scripts"); import wire_endpoint as w; print(w.samconfig_region() or "")')"
guided=()
if [ "${GUIDED:-}" = 1 ] || { [ -z "${GUIDED:-}" ] && [ -z "$region" ]; }; then guided=(--guided); fi
"$SAM" deploy ${guided[@]+"${guided[@]}"} \
  --template-file build/template.yaml \
  --stack-name "$STACK_NAME" \
  --capabilities CAPABILITY_IAM \
  --resolve-s3 \
  --no-fail-on-empty-changeset \
  --parameter-overrides "SkillId=$SKILL_ID"

say "Wiring the function ARN into skill-package/skill.json"
"$PYTHON" scripts/wire_endpoint.py --stack-name "$STACK_NAME"
if grep -q 'https://example.com/' skill-package/skill.json; then
  echo "note: icon and privacy URLs are still example.com placeholders (fine for testing;" \
    "replace them before certification, see README.md)"
fi

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
