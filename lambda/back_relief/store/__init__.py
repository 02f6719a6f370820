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

    Each store's module is imported only on its own branch: Lambda never loads sqlite3's
    store, and the embedded store never loads the DynamoDB client.
    """
    table = os.environ.get("TABLE_NAME")
    if table:
        from .dynamodb import DynamoDBStore

        return DynamoDBStore(table, endpoint_url=os.environ.get("DYNAMODB_ENDPOINT_URL"))
    from .local import LocalStore

    return LocalStore(os.environ.get("BACK_RELIEF_DATA_DIR", ".data"))
