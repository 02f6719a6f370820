"""DynamoDB store for AWS (and for local DynamoDB-compatible servers such as dynalite).

It talks to DynamoDB through dynamo_http's narrow client (stdlib only), not boto3: boto3 would
cost Lambda's cold start about 140 ms and 30 MB for the four calls the skill makes.
"""

from __future__ import annotations

import json
import os
import time
from typing import Any

from .base import DEFAULT_TTL_SECONDS, EMPTY, ConflictError, Record, StoreError, valid_data
from .dynamo_http import DynamoClient, DynamoError, DynamoUnavailable

# Alexa abandons a request after 8 s and the Lambda timeout is 5 s. DynamoDB answers in
# milliseconds, so two short attempts (worst case 2 x 1.3 s plus at most 1 s of backoff, see
# worst_case_seconds) leave a dead store room for the skill to still answer, and still run
# triage, without saved progress.
_CONNECT_TIMEOUT_S = 0.5
_READ_TIMEOUT_S = 0.8
_TOTAL_ATTEMPTS = 2
WORST_CASE_SECONDS = _TOTAL_ATTEMPTS * (_CONNECT_TIMEOUT_S + _READ_TIMEOUT_S) + sum(
    DynamoClient.backoff_cap(i) for i in range(_TOTAL_ATTEMPTS - 1)
)


class DynamoDBStore:
    worst_case_seconds = WORST_CASE_SECONDS

    def __init__(
        self,
        table_name: str,
        endpoint_url: str | None = None,
        ttl_seconds: int = DEFAULT_TTL_SECONDS,
    ) -> None:
        self._table = table_name
        self._ttl = ttl_seconds
        region = (
            os.environ.get("AWS_REGION")
            or os.environ.get("AWS_DEFAULT_REGION")
            or ("us-east-1" if endpoint_url else None)
        )
        if not region:
            raise StoreError("DynamoDB needs AWS_REGION (Lambda always sets it)")
        self._client = DynamoClient(
            region,
            endpoint_url,
            connect_timeout=_CONNECT_TIMEOUT_S,
            read_timeout=_READ_TIMEOUT_S,
            attempts=_TOTAL_ATTEMPTS,
        )

    def load(self, user_key: str) -> Record:
        item = self._call(
            "GetItem",
            {"TableName": self._table, "Key": {"id": {"S": user_key}}, "ConsistentRead": True},
        ).get("Item")
        return record_from_item(item)

    def save(self, user_key: str, data: dict[str, Any], expected_version: int, now: float) -> int:
        new_version = expected_version + 1
        payload = json.dumps(data, separators=(",", ":"), sort_keys=True)
        # Attribute names go through placeholders: "data" and the like are reserved words.
        if expected_version == 0:
            # An expired item counts as absent: replace it, but never a live one.
            condition = "attribute_not_exists(#id) OR #x < :now"
            names = {"#id": "id", "#x": "expires_at"}
            values = {":now": {"N": str(int(now))}}
        else:
            # No attribute_not_exists() escape here: a record deleted (forget me) since the
            # caller loaded it must not be resurrected by a stale writer, as in LocalStore.
            condition = "#v = :expected"
            names = {"#v": "version"}
            values = {":expected": {"N": str(expected_version)}}
        self._call(
            "PutItem",
            {
                "TableName": self._table,
                "Item": {
                    "id": {"S": user_key},
                    "data": {"S": payload},
                    "version": {"N": str(new_version)},
                    "expires_at": {"N": str(int(now) + self._ttl)},
                },
                "ConditionExpression": condition,
                "ExpressionAttributeNames": names,
                "ExpressionAttributeValues": values,
            },
        )
        return new_version

    def delete(self, user_key: str) -> None:
        self._call("DeleteItem", {"TableName": self._table, "Key": {"id": {"S": user_key}}})

    def create_table(self) -> None:
        """Create the table (on-demand, TTL on expires_at) and wait until it is active.

        For local development and tests; on AWS the SAM template owns the table.
        """
        self._call(
            "CreateTable",
            {
                "TableName": self._table,
                "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                "BillingMode": "PAY_PER_REQUEST",
            },
        )
        deadline = time.monotonic() + 30
        while True:
            desc = self._call("DescribeTable", {"TableName": self._table})
            if desc["Table"]["TableStatus"] == "ACTIVE":
                break
            if time.monotonic() > deadline:
                raise StoreError(f"DynamoDB table {self._table} did not become active")
            time.sleep(0.05)
        try:
            self._call(
                "UpdateTimeToLive",
                {
                    "TableName": self._table,
                    "TimeToLiveSpecification": {"Enabled": True, "AttributeName": "expires_at"},
                },
            )
        except StoreError as exc:
            # dynalite has no UpdateTimeToLive; load() enforces expiry regardless.
            if "UnknownOperationException" not in str(exc):
                raise

    def _call(self, operation: str, payload: dict[str, Any]) -> dict[str, Any]:
        """Run one DynamoDB operation, mapping its failures onto the store's errors."""
        try:
            return self._client.call(operation, payload)
        except DynamoError as exc:
            if exc.code == "ConditionalCheckFailedException":
                raise ConflictError("a newer version was saved first") from exc
            raise StoreError(f"DynamoDB {operation} failed: {exc.code}") from exc
        except DynamoUnavailable as exc:
            raise StoreError(f"DynamoDB {operation} failed: {exc}") from exc


def record_from_item(item: Any) -> Record:
    """The Record a stored DynamoDB item holds: EMPTY for none or an expired one."""
    if not item:
        return EMPTY
    try:
        expires_at = int(item["expires_at"]["N"])
        version = int(item["version"]["N"])
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError("DynamoDB item is malformed") from exc
    # TTL deletion is lazy (up to days late), so expiry is enforced on read too.
    if expires_at < time.time():
        return EMPTY
    # Malformed data is no progress; its version lets the next save replace it.
    data = item.get("data")
    return Record(
        data=valid_data(data.get("S") if isinstance(data, dict) else None) or {},
        version=version,
    )
