"""Real processes for integration tests: free ports, the web service, HTTP posts."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 30.0


@dataclass
class Service:
    url: str
    process: subprocess.Popen[bytes]
    log: Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def child_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SKILL_ID", "TABLE_NAME", "HOST"}}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "lambda"), str(REPO)])
    env["BACK_RELIEF_DATA_DIR"] = str(tmp_path / "data")
    env.update(extra)
    return env


def start(command: list[str], env: dict[str, str], port: int, log: Path) -> Service:
    with log.open("wb") as sink:
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=sink, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"web service exited early:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1) as response:
                if response.status == 200:
                    return Service(url, process, log)
        except OSError:
            time.sleep(0.1)
    stop(Service(url, process, log))
    raise AssertionError(f"web service did not become healthy:\n{log.read_text()}")


def stop(service: Service) -> None:
    stop_process(service.process)


def stop_process(process: subprocess.Popen[Any], grace: float = 10.0) -> None:
    """Ask a child to stop, and kill it if it has not within `grace` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def post(url: str, body: bytes, headers: dict[str, str] | None = None) -> tuple[int, Any]:
    request = urllib.request.Request(
        f"{url}/",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json", **(headers or {})},
    )
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def start_dev(tmp: Path) -> Service:
    """The web service in dev mode as a real process on a free loopback port."""
    port = free_port()
    command = [sys.executable, "-m", "back_relief.hosting", "--dev", "--port", str(port)]
    return start(command, child_env(tmp), port, tmp / "dev.log")
