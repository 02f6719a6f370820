#!/usr/bin/env bash
# ASK CLI build hook: `ask deploy` runs hooks/build.sh <zip to write> <debug flag> from the
# project root. It builds the same artifact as `make package` (Linux arm64 wheels for Python
# 3.13, bytecode), not a host-platform pip install.
set -euo pipefail
out="$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"  # absolute: we change directory next
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}"
exec "$PYTHON" scripts/package.py --out "$out"
