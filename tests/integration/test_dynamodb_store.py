"""DynamoDBStore against a real DynamoDB implementation (dynalite), no mocks."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from back_relief.store import EMPTY, ConflictError, Record, StoreError
from back_relief.store.base import DEFAULT_TTL_SECONDS
from back_relief.store.dynamodb import DynamoDBStore

from tests.integration.conftest import local_client

if TYPE_CHECKING:
    from tests.integration.conftest import DynaliteServer

pytestmark = pytest.mark.integration

REPO_ROOT = Path(__file__).resolve().parents[2]
KEY = "a" * 64  # the adapter passes a hash; the store treats it as opaque


def raw_item(endpoint: str, table: str, key: str) -> dict[str, Any] | None:
    client = local_client(endpoint)
    item: dict[str, Any] | None = client.get_item(
        TableName=table, Key={"id": {"S": key}}, ConsistentRead=True
    ).get("Item")
    return item


def test_create_table_gives_an_active_empty_table(dynalite: str, table: str) -> None:
    client = local_client(dynalite)
    desc = client.describe_table(TableName=table)["Table"]
    assert desc["TableStatus"] == "ACTIVE"
    assert desc["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    assert DynamoDBStore(table, endpoint_url=dynalite).load(KEY) == EMPTY


def test_missing_user_loads_as_empty(store: DynamoDBStore) -> None:
    assert store.load("nobody") == EMPTY


def test_save_then_load_round_trip(store: DynamoDBStore) -> None:
    data = {"routine": "ice", "step": 2, "started": 1700000000.5, "done": ["a", "b"]}
    assert store.save(KEY, data, expected_version=0, now=time.time()) == 1
    assert store.load(KEY) == Record(data=data, version=1)
    data2 = {**data, "step": 3}
    assert store.save(KEY, data2, expected_version=1, now=time.time()) == 2
    assert store.load(KEY) == Record(data=data2, version=2)


def test_stored_item_has_ttl_attribute_and_compact_json(
    store: DynamoDBStore, dynalite: str, table: str
) -> None:
    now = time.time()
    store.save(KEY, {"b": 1, "a": [1, 2]}, expected_version=0, now=now)
    item = raw_item(dynalite, table, KEY)
    assert item is not None
    assert item["id"] == {"S": KEY}
    assert item["data"] == {"S": '{"a":[1,2],"b":1}'}
    assert item["version"] == {"N": "1"}
    assert int(item["expires_at"]["N"]) == int(now) + DEFAULT_TTL_SECONDS


def test_custom_ttl_sets_expiry(dynalite: str, table: str) -> None:
    store = DynamoDBStore(table, endpoint_url=dynalite, ttl_seconds=60)
    store.save(KEY, {"x": 1}, expected_version=0, now=1_000_000)
    item = raw_item(dynalite, table, KEY)
    assert item is not None
    assert item["expires_at"] == {"N": str(1_000_000 + 60)}


def test_expired_item_is_absent_and_replaceable(store: DynamoDBStore) -> None:
    long_ago = time.time() - DEFAULT_TTL_SECONDS - 3600
    store.save(KEY, {"old": True}, expected_version=0, now=long_ago)
    # DynamoDB's TTL sweep is lazy: the item is still there, but must read as gone.
    assert store.load(KEY) == EMPTY
    assert store.save(KEY, {"new": True}, expected_version=0, now=time.time()) == 1
    assert store.load(KEY) == Record(data={"new": True}, version=1)


def test_live_item_is_not_overwritten_as_new(store: DynamoDBStore) -> None:
    store.save(KEY, {"first": True}, expected_version=0, now=time.time())
    with pytest.raises(ConflictError):
        store.save(KEY, {"second": True}, expected_version=0, now=time.time())
    assert store.load(KEY) == Record(data={"first": True}, version=1)


def test_two_writers_same_version_second_conflicts(dynalite: str, table: str) -> None:
    device_a = DynamoDBStore(table, endpoint_url=dynalite)
    device_b = DynamoDBStore(table, endpoint_url=dynalite)
    device_a.save(KEY, {"step": 1}, expected_version=0, now=time.time())
    seen_a = device_a.load(KEY)
    seen_b = device_b.load(KEY)
    assert seen_a.version == seen_b.version == 1

    assert device_a.save(KEY, {"step": "a"}, seen_a.version, now=time.time()) == 2
    with pytest.raises(ConflictError):
        device_b.save(KEY, {"step": "b"}, seen_b.version, now=time.time())
    assert device_b.load(KEY) == Record(data={"step": "a"}, version=2)


def test_stale_writer_cannot_resurrect_a_deleted_record(store: DynamoDBStore) -> None:
    store.save(KEY, {"x": 1}, expected_version=0, now=time.time())
    store.delete(KEY)  # e.g. "forget me" from another device
    with pytest.raises(ConflictError) as info:
        store.save(KEY, {"x": 2}, expected_version=1, now=time.time())
    assert isinstance(info.value, StoreError)
    assert store.load(KEY) == EMPTY


def test_delete_forgets_the_user_only(store: DynamoDBStore) -> None:
    other = "b" * 64
    store.save(KEY, {"x": 1}, expected_version=0, now=time.time())
    store.save(other, {"y": 2}, expected_version=0, now=time.time())
    store.delete(KEY)
    assert store.load(KEY) == EMPTY
    assert store.load(other) == Record(data={"y": 2}, version=1)
    store.delete(KEY)  # deleting again is harmless
    assert store.save(KEY, {"x": 3}, expected_version=0, now=time.time()) == 1


def test_one_store_serves_many_threads_at_once(store: DynamoDBStore) -> None:
    """The web service shares one store between its threads: every thread's writes and reads
    must come back as its own, however the calls interleave."""
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def user(n: int) -> None:
        key = f"{n:064d}"
        try:
            start.wait()
            for version in range(6):
                assert store.save(key, {"n": n, "v": version}, version, time.time()) == version + 1
                assert store.load(key) == Record(data={"n": n, "v": version}, version=version + 1)
        except BaseException as error:  # reported below, with the thread's own failure
            errors.append(error)

    threads = [threading.Thread(target=user, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []


def test_missing_table_is_a_store_error(dynalite: str) -> None:
    store = DynamoDBStore("no-such-table", endpoint_url=dynalite)
    with pytest.raises(StoreError) as info:
        store.load(KEY)
    assert not isinstance(info.value, ConflictError)
    assert "ResourceNotFoundException" in str(info.value)


def test_client_is_configured_to_fail_fast(store: DynamoDBStore) -> None:
    client = store._client
    assert (client.connect_timeout, client.read_timeout, client.attempts) == (0.5, 0.8, 2)
    # Two attempts at both timeouts plus the first backoff (at most 1 s).
    assert store.worst_case_seconds == 2 * (0.5 + 0.8) + 1


def test_dead_server_raises_store_error(dynalite_server: DynaliteServer) -> None:
    name = f"dead-{os.getpid()}"
    store = DynamoDBStore(name, endpoint_url=dynalite_server.endpoint)
    store.create_table()
    store.save(KEY, {"x": 1}, expected_version=0, now=time.time())
    dynalite_server.stop()

    with pytest.raises(StoreError) as loaded:
        store.load(KEY)
    assert not isinstance(loaded.value, ConflictError)
    with pytest.raises(StoreError) as saved:
        store.save(KEY, {"x": 2}, expected_version=1, now=time.time())
    assert not isinstance(saved.value, ConflictError)
    with pytest.raises(StoreError):
        store.delete(KEY)


def test_the_store_never_imports_boto3_on_lambda(dynalite: str, table: str) -> None:
    """With Lambda's credentials in the environment, a whole round trip stays off botocore."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO_ROOT / "lambda"),
        "AWS_ACCESS_KEY_ID": "ASIAEXAMPLE",
        "AWS_SECRET_ACCESS_KEY": "secret",
        "AWS_SESSION_TOKEN": "token",
        "AWS_REGION": "us-east-1",
    }
    env.pop("AWS_PROFILE", None)
    code = (
        "import sys, time; from back_relief.store.dynamodb import DynamoDBStore; "
        f"s = DynamoDBStore({table!r}, endpoint_url={dynalite!r}); "
        "s.save('k', {'a': 1}, 0, time.time()); assert s.load('k').version == 1; s.delete('k'); "
        "print(sorted(m for m in ('boto3', 'botocore') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]"
