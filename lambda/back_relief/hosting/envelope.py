"""Reading a request body into an envelope, and the error every refused request raises.

Shared by production mode (verify.py, strict) and dev mode (app.py, lenient about Unicode).
"""

from __future__ import annotations

import json
import re
from typing import Any


class VerificationError(Exception):
    """A request failed verification; `reason` is short and safe to send back to the caller."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def parse_envelope(body: bytes, *, lenient: bool = False) -> dict[str, Any]:
    """Parse a request body as a JSON object, or raise VerificationError.

    Alexa sends UTF-8 with no lone surrogates, so anything else is refused ("invalid Unicode"):
    bad bytes, or a "\\ud83d" escape without its pair, which Python would carry as a string no
    encoder accepts. `lenient` (dev mode) turns each one into U+FFFD instead, so the skill
    still answers whatever a developer pastes."""
    try:
        text = body.decode("utf-8-sig", errors="replace" if lenient else "strict")
    except UnicodeDecodeError:
        raise VerificationError("invalid Unicode") from None
    try:
        envelope = json.loads(text)
    except (ValueError, RecursionError):
        # RecursionError: a small body of deeply nested brackets exhausts the parser's stack.
        raise VerificationError("invalid JSON") from None
    if not isinstance(envelope, dict):
        raise VerificationError("request body is not a JSON object")
    # Decoded UTF-8 holds no surrogates; only a \u escape can make one.
    if "\\u" in text and not _encodable(envelope):
        if not lenient:
            raise VerificationError("invalid Unicode")
        try:
            dumped = json.dumps(envelope, ensure_ascii=False)
        except RecursionError:
            raise VerificationError("invalid JSON") from None
        # json.loads already joined every valid pair, so any surrogate left is a lone one.
        fixed: dict[str, Any] = json.loads(_SURROGATE.sub("\ufffd", dumped))
        return fixed
    return envelope


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(value: Any) -> bool:
    """Whether every string (keys too) in a parsed JSON value encodes as UTF-8. Iterative:
    a nested body as deep as the parser allows must not exhaust the stack here."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return False
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return True
