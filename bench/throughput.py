"""Local web service throughput: `python -m back_relief.hosting --dev` answering over loopback.

A bounded run: CLIENTS threads, each with one keep-alive connection, send conversations from
the request mix until REQUESTS are answered or DEADLINE_S passes. The clients share the
machine with the server, so on a small machine this is a floor, not the server's ceiling.
"""

from __future__ import annotations

import http.client
import json
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bench import mix
from bench.common import PYTHON, ROOT, free_port
from tests.builders.services import stop_process

REQUESTS = 2000
CLIENTS = 4
DEADLINE_S = 10.0
WARMUP = 20
START_TIMEOUT_S = 30.0


def _wait_healthy(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"web service exited with code {proc.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                conn.close()
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("web service did not become healthy")


class _Client(threading.Thread):
    def __init__(self, port: int, start_at: int, budget: list[int], lock: threading.Lock) -> None:
        super().__init__(daemon=True)
        self.port = port
        self.start_at = start_at
        self.budget = budget
        self.lock = lock
        self.done = 0
        self.failures = 0
        self.deadline = 0.0

    def _take(self) -> bool:
        with self.lock:
            if self.budget[0] <= 0 or time.monotonic() > self.deadline:
                return False
            self.budget[0] -= 1
            return True

    def run(self) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            for event, session, _ in mix.requests(REQUESTS, start=self.start_at):
                if not self._take():
                    return
                body = json.dumps(event).encode()
                conn.request("POST", "/", body, {"Content-Type": "application/json"})
                reply = conn.getresponse()
                data: dict[str, Any] = json.loads(reply.read())
                if reply.status != 200 or mix.failed(data):
                    self.failures += 1
                mix.carry(session, data)
                self.done += 1
        finally:
            conn.close()


def measure(env: Mapping[str, str]) -> dict[str, Any]:
    """Requests per second over loopback; the server runs in dev mode with its own data dir."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="bench-web-") as data_dir:
        server_env = {**env, "BACK_RELIEF_DATA_DIR": data_dir}
        log = Path(data_dir) / "server.log"
        with log.open("wb") as sink:
            proc = subprocess.Popen(
                [PYTHON, "-m", "back_relief.hosting", "--dev", "--port", str(port)],
                cwd=ROOT,
                env=server_env,
                stdout=sink,
                stderr=sink,
            )
            try:
                _wait_healthy(port, proc)
                return _drive(port)
            finally:
                stop_process(proc)


def _drive(port: int) -> dict[str, Any]:
    lock = threading.Lock()
    warm = _Client(port, 90_000, [WARMUP], lock)
    warm.deadline = time.monotonic() + START_TIMEOUT_S
    warm.run()  # the first requests load content in the server; not counted
    budget = [REQUESTS]
    clients = [_Client(port, 10_000 * (i + 1), budget, lock) for i in range(CLIENTS)]
    started = time.monotonic()
    for client in clients:
        client.deadline = started + DEADLINE_S
        client.start()
    for client in clients:
        client.join()
    elapsed = time.monotonic() - started
    done = sum(c.done for c in clients)
    return {
        "requests": done,
        "seconds": elapsed,
        "rps": done / elapsed if elapsed else 0.0,
        "failures": sum(c.failures for c in clients) + warm.failures,
        "clients": CLIENTS,
    }
