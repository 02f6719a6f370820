"""DynamoDB store for AWS (and for local DynamoDB-compatible servers such as dynalite).

Module-level imports are stdlib only: boto3 costs about a quarter of a second of Lambda
cold start, so it is imported in the constructor, which only runs when TABLE_NAME is set.
"""

from __future__ import annotations

import json
import os
import time
from typing import TYPE_CHECKING, Any

from .base import DEFAULT_TTL_SECONDS, EMPTY, ConflictError, Record, StoreError, valid_data

if TYPE_CHECKING:
    from collections.abc import Callable

    from botocore.exceptions import ClientError

    # Only present with boto3-stubs[dynamodb]; without it mypy sees Any.
    from mypy_boto3_dynamodb import DynamoDBClient

# Alexa abandons a request after 8 s and the Lambda timeout is 5 s. DynamoDB answers in
# milliseconds, so two short attempts (worst case 2 x 1.3 s plus at most 1 s of backoff, see
# worst_case_seconds) leave a dead store room for the skill to still answer, and still run
# triage, without saved progress. botocore's "max_attempts" counts retries only (2 would
# mean 3 tries); "total_max_attempts" counts the first try too.
_CONNECT_TIMEOUT_S = 0.5
_READ_TIMEOUT_S = 0.8
_TOTAL_ATTEMPTS = 2
# botocore's standard mode sleeps rand(0, 1) * 2 ** i seconds before retry i + 1.
WORST_CASE_SECONDS = _TOTAL_ATTEMPTS * (_CONNECT_TIMEOUT_S + _READ_TIMEOUT_S) + sum(
    2.0**i for i in range(_TOTAL_ATTEMPTS - 1)
)


class DynamoDBStore:
    worst_case_seconds = WORST_CASE_SECONDS

    def __init__(
        self,
        table_name: str,
        endpoint_url: str | None = None,
        ttl_seconds: int = DEFAULT_TTL_SECONDS,
    ) -> None:
        import boto3
        from botocore.config import Config

        self._table = table_name
        self._ttl = ttl_seconds
        region = (
            os.environ.get("AWS_REGION")
            or os.environ.get("AWS_DEFAULT_REGION")
            or ("us-east-1" if endpoint_url else None)
        )
        kwargs: dict[str, Any] = {
            "region_name": region,
            "config": Config(
                connect_timeout=_CONNECT_TIMEOUT_S,
                read_timeout=_READ_TIMEOUT_S,
                retries={"total_max_attempts": _TOTAL_ATTEMPTS, "mode": "standard"},
            ),
        }
        if endpoint_url:
            kwargs["endpoint_url"] = endpoint_url
            # Local servers accept any signature; checking env only (not the full provider
            # chain) avoids a slow instance-metadata probe on a developer's laptop.
            if not (os.environ.get("AWS_ACCESS_KEY_ID") or os.environ.get("AWS_PROFILE")):
                kwargs["aws_access_key_id"] = "local"
                kwargs["aws_secret_access_key"] = "local"
        self._client: DynamoDBClient = boto3.client("dynamodb", **kwargs)

    def load(self, user_key: str) -> Record:
        item = self._call(
            "GetItem",
            lambda: self._client.get_item(
                TableName=self._table,
                Key={"id": {"S": user_key}},
                ConsistentRead=True,
            ),
        ).get("Item")
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
            lambda: self._client.put_item(
                TableName=self._table,
                Item={
                    "id": {"S": user_key},
                    "data": {"S": payload},
                    "version": {"N": str(new_version)},
                    "expires_at": {"N": str(int(now) + self._ttl)},
                },
                ConditionExpression=condition,
                ExpressionAttributeNames=names,
                ExpressionAttributeValues=values,
            ),
        )
        return new_version

    def delete(self, user_key: str) -> None:
        self._call(
            "DeleteItem",
            lambda: self._client.delete_item(TableName=self._table, Key={"id": {"S": user_key}}),
        )

    def create_table(self) -> None:
        """Create the table (on-demand, TTL on expires_at) and wait until it is active.

        For local development and tests; on AWS the SAM template owns the table.
        """
        self._call(
            "CreateTable",
            lambda: self._client.create_table(
                TableName=self._table,
                AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                BillingMode="PAY_PER_REQUEST",
            ),
        )
        deadline = time.monotonic() + 30
        while True:
            desc = self._call(
                "DescribeTable", lambda: self._client.describe_table(TableName=self._table)
            )
            if desc["Table"]["TableStatus"] == "ACTIVE":
                break
            if time.monotonic() > deadline:
                raise StoreError(f"DynamoDB table {self._table} did not become active")
            time.sleep(0.05)
        try:
            self._call(
                "UpdateTimeToLive",
                lambda: self._client.update_time_to_live(
                    TableName=self._table,
                    TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires_at"},
                ),
            )
        except StoreError as exc:
            # dynalite has no UpdateTimeToLive; load() enforces expiry regardless.
            if "UnknownOperationException" not in str(exc):
                raise

    def _call(self, operation: str, request: Callable[[], Any]) -> Any:
        """Run one client request, mapping botocore failures onto the store's errors."""
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            return request()
        except ClientError as exc:
            code = _code(exc)
            if code == "ConditionalCheckFailedException":
                raise ConflictError("a newer version was saved first") from exc
            raise StoreError(f"DynamoDB {operation} failed: {code}") from exc
        except BotoCoreError as exc:
            raise StoreError(f"DynamoDB {operation} failed: {type(exc).__name__}") from exc


def _code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", "unknown error"))
