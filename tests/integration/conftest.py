"""Real-component fixtures: a dynalite (in-memory DynamoDB) server run with node."""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from back_relief.store.dynamodb import DynamoDBStore

from tests.builders.services import Service, free_port, start_dev, stop, stop_process

REPO_ROOT = Path(__file__).resolve().parents[2]
DYNALITE_CLI = REPO_ROOT / "node_modules" / "dynalite" / "cli.js"
START_TIMEOUT_S = 20.0


class DynaliteServer:
    def __init__(self) -> None:
        node = shutil.which("node")
        if node is None:
            pytest.fail("node is not on PATH; install Node.js 20 and run `make test`")
        if not DYNALITE_CLI.is_file():
            pytest.fail(f"{DYNALITE_CLI} is missing; run `make test` (it runs `npm ci` first)")
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        # No --path: the store lives in memory and vanishes with the process.
        # --createTableMs 0 makes new tables ACTIVE at once (the default waits 500 ms).
        # A file, not a pipe: nobody drains stderr while tests run, and a full pipe would block.
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        self.proc = subprocess.Popen(
            [
                node,
                str(DYNALITE_CLI),
                "--port",
                str(self.port),
                "--host",
                "127.0.0.1",
                "--createTableMs",
                "0",
                "--deleteTableMs",
                "0",
            ],
            cwd=REPO_ROOT,
            stdout=subprocess.DEVNULL,
            stderr=self._log,
        )
        self._wait_until_listening()

    def _wait_until_listening(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self._log.seek(0)
                err = self._log.read().decode(errors="replace")
                pytest.fail(f"dynalite exited with code {self.proc.returncode}: {err[-2000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        pytest.fail(f"dynalite did not accept connections within {START_TIMEOUT_S:.0f} s")

    def stop(self) -> None:
        if self.proc.poll() is None:
            stop_process(self.proc, grace=5)
        self._log.close()


@pytest.fixture(scope="session")
def dynalite() -> Iterator[str]:
    """Endpoint URL of a dynalite server shared by the whole test session."""
    server = DynaliteServer()
    try:
        yield server.endpoint
    finally:
        server.stop()


@pytest.fixture
def dynalite_server() -> Iterator[DynaliteServer]:
    """A private dynalite process that a test may stop (to simulate a dead store)."""
    server = DynaliteServer()
    try:
        yield server
    finally:
        server.stop()


def unique_table_name() -> str:
    return f"progress-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def table(dynalite: str) -> str:
    """A fresh, empty table on the shared server; returns its name."""
    name = unique_table_name()
    DynamoDBStore(name, endpoint_url=dynalite).create_table()
    return name


@pytest.fixture
def store(dynalite: str, table: str) -> DynamoDBStore:
    return DynamoDBStore(table, endpoint_url=dynalite)


@pytest.fixture
def dev_service(tmp_path: Path) -> Iterator[Service]:
    """The web service in dev mode as a real process on a free loopback port."""
    service = start_dev(tmp_path)
    yield service
    stop(service)


def local_client(endpoint: str) -> Any:
    """A raw boto3 DynamoDB client for dynalite, to look at items as stored."""
    import boto3

    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
