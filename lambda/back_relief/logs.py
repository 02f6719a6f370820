"""Structured JSON logs that never carry what the user said.

Only whitelisted fields reach the output: request id, request type, a coarse category
(answer, routine, triage, session; never the intent name, which names a health topic), locale,
a short hash of the user key, timings and error class names. Slot values, utterances,
tokens and raw user ids have no field to travel in, so they cannot leak by accident.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

LOGGER = "back_relief"
FIELDS = ("request_id", "request_type", "category", "locale", "user", "duration_ms", "error")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": round(record.created, 3),
            "level": record.levelname,
            # Messages are fixed event names chosen in code; never formatted with user data.
            "event": record.msg if isinstance(record.msg, str) else "event",
        }
        for field in FIELDS:
            value = record.__dict__.get(field)
            if value is not None:
                entry[field] = value
        return json.dumps(entry, separators=(",", ":"))


class _StdoutHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stdout is now (Lambda and waitress: the process's stdout;
    pytest: the current test's capture), not the stream that existed when it was made."""

    @property
    def stream(self) -> Any:
        return sys.stdout

    @stream.setter
    def stream(self, value: Any) -> None:
        pass


def configure(level: str = "INFO") -> logging.Logger:
    logger = logging.getLogger(LOGGER)
    if not any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers):
        handler = _StdoutHandler()
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
        logger.propagate = False  # Lambda's root handler would print it again, unstructured
    logger.setLevel(level)
    return logger


def now_ms() -> float:
    return time.perf_counter() * 1000
