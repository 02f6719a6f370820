"""Deployment artifact size: build/back-relief.zip from scripts/package.py (reused if fresh)."""

from __future__ import annotations

import subprocess
import zipfile
from typing import Any

from bench.common import PYTHON, ROOT

ZIP = ROOT / "build" / "back-relief.zip"
SOURCES = (ROOT / "lambda", ROOT / "requirements.txt", ROOT / "scripts" / "package.py")
TIMEOUT_S = 600.0


def _newest_source() -> float:
    newest = 0.0
    for source in SOURCES:
        paths = source.rglob("*") if source.is_dir() else [source]
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


def measure() -> dict[str, Any]:
    """Zipped size in MB (10^6 bytes, as scripts/package.py reports it) and what is inside."""
    rebuilt = False
    if not ZIP.is_file() or ZIP.stat().st_mtime < _newest_source():
        proc = subprocess.run(
            [PYTHON, str(ROOT / "scripts" / "package.py")],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
        if proc.returncode != 0 or not ZIP.is_file():
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["no output"]
            return {"error": f"scripts/package.py failed: {tail[0]}"}
        rebuilt = True
    with zipfile.ZipFile(ZIP) as archive:
        infos = archive.infolist()
    return {
        "path": str(ZIP.relative_to(ROOT)),
        "zipped_mb": ZIP.stat().st_size / 1_000_000,
        "unzipped_mb": sum(i.file_size for i in infos) / 1_000_000,
        "files": len(infos),
        "pyc": sum(1 for i in infos if i.filename.endswith(".pyc")),
        "rebuilt": rebuilt,
    }
