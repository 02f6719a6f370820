"""Per-user progress storage: sqlite3 locally, DynamoDB on AWS."""

from __future__ import annotations

import os

from .base import EMPTY, ConflictError, Record, Store, StoreError, StoreFactory

__all__ = [
    "EMPTY",
    "ConflictError",
    "Record",
    "Store",
    "StoreError",
    "StoreFactory",
    "store_from_env",
]


def store_from_env() -> Store:
    """Pick the store from the environment: DynamoDB when TABLE_NAME is set, else sqlite.

    DynamoDB's module (and so boto3) is imported only on that branch: importing boto3
    costs about a quarter of a second of cold start that the local store never needs.
    """
    table = os.environ.get("TABLE_NAME")
    if table:
        from .dynamodb import DynamoDBStore

        return DynamoDBStore(table, endpoint_url=os.environ.get("DYNAMODB_ENDPOINT_URL"))
    from .local import LocalStore

    return LocalStore(os.environ.get("BACK_RELIEF_DATA_DIR", ".data"))
