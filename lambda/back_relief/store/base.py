"""The store interface: opaque per-user records with optimistic versioning.

The store knows nothing about routines. It keeps a small JSON-able dict per user key
(already a hash, never a raw Alexa user id), a version for conditional writes, and an
expiry time so old progress disappears on its own.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any, Protocol

from ..values import Value

# Progress older than this is useless (a routine lasts under an hour; the ice gap
# rule looks back two hours), so records expire after a week of silence.
DEFAULT_TTL_SECONDS = 7 * 24 * 3600


class StoreError(Exception):
    """The store could not be reached or answered with an error."""


class ConflictError(StoreError):
    """Another writer saved a newer version first (e.g. a second device)."""


class Record(Value):
    data: dict[str, Any]
    version: int  # 0 means "never saved"


EMPTY = Record(data={}, version=0)

log = logging.getLogger("back_relief")

# The top-level fields a saved turn writes (Turn.snapshot) and the type each must have.
_FIELDS: dict[str, type] = {"seq": int, "state": dict, "profile": dict}


def valid_data(raw: Any) -> dict[str, Any] | None:
    """A stored record's data if it has the shape the skill saves, else None.

    Every store calls this on what it loads (text or already-parsed JSON): anything else --
    text that is not JSON, a list, null, a seq that is not a number -- counts as no progress,
    so one bad record can never stop a user's turns (red flags included). Logged once per
    load as a store fault, with no data in the log; the caller keeps the record's version so
    the next save overwrites it."""
    data: Any = raw
    if isinstance(raw, str | bytes):
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            data = None
    if isinstance(data, dict) and all(
        key not in data or (type(data[key]) is kind and (kind is not int or data[key] >= 0))
        for key, kind in _FIELDS.items()
    ):
        return data
    log.warning("store_fault", extra={"error": "MalformedRecord"})
    return None


class Store(Protocol):
    # The longest one call can take when the backend is failing (all timeouts and retries).
    # The skill skips a save whose worst case would not fit in what is left of the turn.
    worst_case_seconds: float

    def load(self, user_key: str) -> Record:
        """Return the user's record, or EMPTY when there is none (or it expired)."""
        ...

    def save(self, user_key: str, data: dict[str, Any], expected_version: int, now: float) -> int:
        """Write data if the stored version still equals expected_version.

        Returns the new version. Raises ConflictError when someone else wrote first,
        StoreError on any other failure. `now` (epoch seconds) sets the expiry.
        """
        ...

    def delete(self, user_key: str) -> None:
        """Forget everything about the user."""
        ...


# Handlers get the store through a factory so that the first request, not import, opens it.
StoreFactory = Callable[[], Store]
