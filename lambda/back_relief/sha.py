"""SHA-256 and HMAC-SHA256 without importing hashlib or hmac.

Every cold start hashes: the user key (privacy.py), the triage index check (prefilter.py) and,
deployed, the DynamoDB request signature (store/sigv4.py). hashlib (and hmac, which imports it)
loads OpenSSL for that, about 2 ms of the cold start, while CPython's own SHA-2 module loads in
a tenth of it and gives the same digests. HMAC is RFC 2104 in four lines (what hmac.py itself
falls back to); tests/unit/test_sha.py checks both against hashlib and hmac.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any


def _sha256_constructor() -> Callable[..., Any]:
    for name in ("_sha2", "_sha256"):  # CPython 3.12+, 3.11
        try:
            found: Callable[..., Any] = importlib.import_module(name).sha256
            return found
        except (ImportError, AttributeError):
            continue
    hashlib = importlib.import_module("hashlib")  # another interpreter: the public module
    constructor: Callable[..., Any] = hashlib.sha256
    return constructor


sha256 = _sha256_constructor()
_BLOCK = 64  # SHA-256's block size in bytes
_INNER = bytes(x ^ 0x36 for x in range(256))
_OUTER = bytes(x ^ 0x5C for x in range(256))


def sha256_hex(data: bytes) -> str:
    hexdigest: str = sha256(data).hexdigest()
    return hexdigest


def hmac_sha256(key: bytes, message: bytes) -> bytes:
    """HMAC-SHA256 (RFC 2104): the same bytes as hmac.new(key, message, hashlib.sha256)."""
    if len(key) > _BLOCK:
        key = sha256(key).digest()
    key = key.ljust(_BLOCK, b"\0")
    inner: bytes = sha256(key.translate(_INNER) + message).digest()
    digest: bytes = sha256(key.translate(_OUTER) + inner).digest()
    return digest
