"""Paths, child-process plumbing and statistics shared by the benchmark's parts."""

from __future__ import annotations

import json
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LAMBDA_DIR = ROOT / "lambda"
BASELINES_DIR = ROOT / "bench" / "baselines"
PYTHON = sys.executable
# Settings that would switch the skill onto another store or into another mode.
_SCRUBBED = (
    "TABLE_NAME",
    "DYNAMODB_ENDPOINT_URL",
    "SKILL_ID",
    "BACK_RELIEF_DEV",
    "PYTHONPATH",
    "PYTHONDONTWRITEBYTECODE",
    "PYTHONPROFILEIMPORTTIME",
    "LOG_LEVEL",
)


def child_env(pythonpath: Sequence[Path], extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment for a measured child: this one, minus anything that changes its mode."""
    env = {k: v for k, v in os.environ.items() if k not in _SCRUBBED and not k.startswith("AWS_")}
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in pythonpath)
    env.update(extra or {})
    return env


def run_child(module: str, args: Sequence[str], env: Mapping[str, str], timeout: float) -> Any:
    """Run `python -m module args... OUT` and return the JSON it wrote to OUT."""
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        out = Path(tmp) / "result.json"
        return run_json(["-m", module, *args, str(out)], out, env, ROOT, timeout, module)


def run_json(
    args: Sequence[str], out: Path, env: Mapping[str, str], cwd: Path, timeout: float, what: str
) -> Any:
    """Run `python args...` in cwd and return the JSON it wrote to `out`.

    Results travel in a file because the skill logs every request to stdout; that output goes
    to /dev/null, which is also the cheapest and steadiest sink for it.
    """
    out.unlink(missing_ok=True)
    proc = subprocess.run(
        [PYTHON, *args],
        env=dict(env),
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0 or not out.is_file():
        tail = proc.stderr.decode(errors="replace")[-2000:]
        raise RuntimeError(f"{what} failed (exit {proc.returncode}): {tail}")
    return json.loads(out.read_text(encoding="utf-8"))


def write_json(path: str, data: Any) -> None:
    Path(path).write_text(json.dumps(data), encoding="utf-8")


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: a value that was actually observed."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB.

    /proc's VmHWM, not getrusage: Linux carries ru_maxrss across exec, so a child spawned
    by a big parent would report the parent's peak as its own.
    """
    try:
        for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
