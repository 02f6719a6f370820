"""Print the path of a working Python 3.13 (the Lambda runtime's version) for `make bench`.

Looks where scripts/package.py looks (PYTHON313, PATH, pyenv, /usr/local, /usr); failing that,
installs uv from PyPI into a private tools venv and asks it for a managed CPython 3.13
(`uv python install 3.13`, which downloads a standalone build). Exits 1, saying why, if none
can be had: the benchmark never falls back to another Python silently.

Stdlib only: it runs before any venv exists (`python3 bench/python313.py`).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / ".venv-bench-tools"
UV_VERSION = "0.13.8"


def _find_installed() -> str | None:
    spec = importlib.util.spec_from_file_location("package_script", ROOT / "scripts" / "package.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: str | None = module.find_python313(None)
    return found


def _from_uv() -> str | None:
    uv = TOOLS / "bin" / "uv"
    steps = [
        [sys.executable, "-m", "venv", str(TOOLS)],
        [str(TOOLS / "bin" / "pip"), "install", "--quiet", f"uv=={UV_VERSION}"],
        [str(uv), "python", "install", "3.13"],
    ]
    for step in steps:
        if step[0] == sys.executable and uv.is_file():
            continue
        if subprocess.run(step, stdout=sys.stderr, check=False).returncode != 0:
            return None
    found = subprocess.run(
        [str(uv), "python", "find", "3.13"], capture_output=True, text=True, check=False
    )
    path = found.stdout.strip()
    return path if found.returncode == 0 and path else None


def main() -> int:
    path = _find_installed() or _from_uv()
    if path is None:
        print(
            "bench: no Python 3.13 found or installable (set PYTHON313=/path/to/python3.13)",
            file=sys.stderr,
        )
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
