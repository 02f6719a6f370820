"""AWS Signature Version 4 for header-signed requests, on the standard library only.

Why not botocore's signer: importing botocore costs Lambda's cold start about 90 ms and 30 MB,
for the few lines below. tests/unit/test_sigv4.py checks this against AWS's published SigV4
test suite and against botocore's own signer, byte for byte.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import quote

from ..sha import hmac_sha256, sha256_hex

ALGORITHM = "AWS4-HMAC-SHA256"
# RFC 3986 unreserved characters stay as they are; everything else is percent-encoded.
_UNRESERVED = "-_.~"


class Credentials(NamedTuple):
    access_key: str
    secret_key: str
    token: str | None = None


def _hmac(key: bytes, text: str) -> bytes:
    return hmac_sha256(key, text.encode("utf-8"))


_KEYS: dict[tuple[str, str, str, str], bytes] = {}


def signing_key(secret: str, day: str, region: str, service: str) -> bytes:
    """The derived key for one day, region and service (cached: four HMACs per request saved)."""
    cache_key = (secret, day, region, service)
    key = _KEYS.get(cache_key)
    if key is None:
        key = _hmac(
            _hmac(_hmac(_hmac(f"AWS4{secret}".encode(), day), region), service), "aws4_request"
        )
        if len(_KEYS) > 8:  # a new day (or rotated credentials): old keys are useless
            _KEYS.clear()
        _KEYS[cache_key] = key
    return key


def canonical_query(query: str) -> str:
    if not query:
        return ""
    pairs = []
    for part in query.split("&"):
        name, _, value = part.partition("=")
        pairs.append((quote(name, safe=_UNRESERVED), quote(value, safe=_UNRESERVED)))
    return "&".join(f"{name}={value}" for name, value in sorted(pairs))


def sign(
    method: str,
    path: str,
    query: str,
    headers: dict[str, str],
    body: bytes,
    credentials: Credentials,
    region: str,
    service: str,
    amz_date: str,
) -> dict[str, str]:
    """Headers to add to a request so AWS accepts it: X-Amz-Date, the session token (when the
    credentials have one) and Authorization.

    `headers` are the request's own headers, Host included; every one of them is signed.
    `amz_date` is the request time as YYYYMMDD'T'HHMMSS'Z'.
    """
    added = {"X-Amz-Date": amz_date}
    if credentials.token:
        added["X-Amz-Security-Token"] = credentials.token
    canonical: dict[str, str] = {}
    for name, value in (*headers.items(), *added.items()):
        # Trimmed, inner runs of spaces collapsed; repeated names joined with commas.
        clean = " ".join(value.split())
        lower = name.lower()
        canonical[lower] = f"{canonical[lower]},{clean}" if lower in canonical else clean
    names = sorted(canonical)
    signed_headers = ";".join(names)
    request = "\n".join(
        (
            method.upper(),
            quote(path or "/", safe="/" + _UNRESERVED),
            canonical_query(query),
            "".join(f"{name}:{canonical[name]}\n" for name in names),
            signed_headers,
            sha256_hex(body),
        )
    )
    day = amz_date[:8]
    scope = f"{day}/{region}/{service}/aws4_request"
    to_sign = "\n".join((ALGORITHM, amz_date, scope, sha256_hex(request.encode("utf-8"))))
    key = signing_key(credentials.secret_key, day, region, service)
    signature = hmac_sha256(key, to_sign.encode("utf-8")).hex()
    added["Authorization"] = (
        f"{ALGORITHM} Credential={credentials.access_key}/{scope}, "
        f"SignedHeaders={signed_headers}, Signature={signature}"
    )
    return added
