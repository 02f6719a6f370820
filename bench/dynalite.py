"""A throwaway dynalite (in-memory DynamoDB, from node_modules) for the DynamoDB-backed skills."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

from bench.common import ROOT, free_port
from tests.builders.services import stop_process

CLI = ROOT / "node_modules" / "dynalite" / "cli.js"
START_TIMEOUT_S = 20.0
# Fake credentials for a local endpoint: boto3 insists on signing, dynalite ignores it.
AWS_ENV = {
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_EC2_METADATA_DISABLED": "true",
}


def unavailable() -> str | None:
    """Why dynalite cannot run here, or None if it can."""
    if shutil.which("node") is None:
        return "node is not on PATH"
    if not CLI.is_file():
        return f"{CLI.relative_to(ROOT)} is missing (run `npm ci`)"
    return None


@contextmanager
def dynalite() -> Iterator[str]:
    """Run dynalite on a free loopback port; yields its endpoint URL."""
    node = shutil.which("node")
    assert node is not None
    port = free_port()
    proc = subprocess.Popen(
        [node, str(CLI), "--port", str(port), "--host", "127.0.0.1", "--createTableMs", "0"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"dynalite exited with code {proc.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("dynalite did not start") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop_process(proc, grace=5)


def create_adapter_table(endpoint: str, name: str) -> None:
    """The table ask-sdk's DynamoDbAdapter expects: partition key "id" (string)."""
    import boto3

    client = boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name=AWS_ENV["AWS_DEFAULT_REGION"],
        aws_access_key_id=AWS_ENV["AWS_ACCESS_KEY_ID"],
        aws_secret_access_key=AWS_ENV["AWS_SECRET_ACCESS_KEY"],
    )
    client.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
