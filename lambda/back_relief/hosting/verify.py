"""Verify that a request really comes from Alexa, as Amazon requires of web-service skills.

Checks, cheapest first: required headers, JSON envelope, application id, timestamp, certificate URL;
then the certificate chain (downloaded once per URL and cached) and the body's signature.
Every failure raises `VerificationError` with a short reason the web app answers with a 400.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import http.client
import socket
import threading
import time
import urllib.parse
import warnings
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509 import verification

from .envelope import VerificationError, parse_envelope

__all__ = ["RequestVerifier", "VerificationError", "download", "parse_envelope"]

SIGNATURE_HEADER = "Signature-256"
CERT_URL_HEADER = "SignatureCertChainUrl"
ECHO_API_DOMAIN = "echo-api.amazon.com"
CERT_HOST = "s3.amazonaws.com"
CERT_PORT = 443
CERT_PATH_PREFIX = "/echo.api/"
TIMESTAMP_TOLERANCE_S = 150.0
# Amazon allows skill events (enablement, permission changes) to arrive up to an hour late.
SKILL_EVENT_TOLERANCE_S = 3600.0
# One deadline for the whole certificate download: connect, TLS handshake, headers and body.
DOWNLOAD_TIMEOUT_S = 3.0
MAX_CERT_BYTES = 64 * 1024
MAX_CACHED_CHAINS = 16

Fetch = Callable[[str], bytes]


def normalise_cert_url(url: str) -> str:
    """Return the canonical download URL, or raise if Amazon's URL rules reject it."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise VerificationError("malformed certificate URL") from None
    if parts.scheme.lower() != "https":
        raise VerificationError("certificate URL must use https")
    if (parts.hostname or "").lower() != CERT_HOST or parts.username or parts.password:
        raise VerificationError("certificate URL host is not s3.amazonaws.com")
    if port is not None and port != CERT_PORT:
        raise VerificationError("certificate URL port must be 443")
    # Decode first so percent-encoded dots cannot smuggle a '..' past the prefix check.
    path = urllib.parse.unquote(parts.path)
    if "\\" in path or any(ord(ch) < 0x20 for ch in path):
        raise VerificationError("malformed certificate URL")
    path = _remove_dot_segments(path)
    if not path.startswith(CERT_PATH_PREFIX):
        raise VerificationError("certificate URL path must start with /echo.api/")
    query = f"?{parts.query}" if parts.query else ""
    return f"https://{CERT_HOST}{urllib.parse.quote(path)}{query}"


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4, so '/echo.api/../x' is judged as the '/x' a server would serve."""
    output: list[str] = []
    for segment in path.split("/")[1:]:
        if segment == "..":
            if output:
                output.pop()
        elif segment != ".":
            output.append(segment)
    trailing = "/" if path.endswith(("/.", "/..")) else ""
    return "/" + "/".join(output) + trailing


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return None


def _application_ids(envelope: Mapping[str, Any]) -> list[object]:
    found: list[object] = []
    context = envelope.get("context")
    if isinstance(context, dict):
        system = context.get("System")
        app = system.get("application") if isinstance(system, dict) else None
        if isinstance(app, dict) and "applicationId" in app:
            found.append(app["applicationId"])
    session = envelope.get("session")
    if isinstance(session, dict):
        app = session.get("application")
        if isinstance(app, dict) and "applicationId" in app:
            found.append(app["applicationId"])
    return found


def _request_time(request: Mapping[str, Any]) -> float:
    stamp = request.get("timestamp")
    if not isinstance(stamp, str):
        raise VerificationError("missing request timestamp")
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        raise VerificationError("invalid request timestamp") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def download(url: str) -> bytes:
    """Fetch a certificate chain: one deadline for the whole download, a size cap, no redirects.

    A socket timeout bounds each read, not the download: a server trickling a byte a second
    would hold the request for minutes. So a timer shuts the socket at the deadline, which
    ends whatever read, handshake or header line is waiting."""
    timeout = DOWNLOAD_TIMEOUT_S
    parts = urllib.parse.urlsplit(url)
    kind = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    expired = threading.Event()
    try:
        connection = kind(parts.hostname or "", parts.port, timeout=timeout)
    except (OSError, ValueError) as error:
        raise VerificationError("could not download certificate") from error

    def cut() -> None:
        expired.set()
        sock = connection.sock
        if sock is not None:
            # The plain socket's shutdown: it wakes a read blocked in another thread,
            # TLS or not, without touching the TLS object that read is using.
            with contextlib.suppress(OSError):
                socket.socket.shutdown(sock, socket.SHUT_RDWR)

    timer = threading.Timer(timeout, cut)
    timer.daemon = True
    timer.start()
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        if response.status != 200:  # redirects included: only the checked URL is trusted
            raise VerificationError("could not download certificate")
        data = b""
        while len(data) <= MAX_CERT_BYTES:
            chunk = response.read1(MAX_CERT_BYTES + 1 - len(data))
            if not chunk:
                break
            data += chunk
    except (OSError, http.client.HTTPException) as error:
        raise VerificationError("could not download certificate") from error
    finally:
        timer.cancel()
        connection.close()
    if expired.is_set():
        raise VerificationError("could not download certificate")
    if len(data) > MAX_CERT_BYTES:
        raise VerificationError("certificate download too large")
    return data


@lru_cache(maxsize=1)
def _certifi_store() -> verification.Store:
    import certifi

    with open(certifi.where(), "rb") as bundle, warnings.catch_warnings():
        # One long-trusted root has a non-positive serial; cryptography only warns about it.
        warnings.simplefilter("ignore")
        return verification.Store(x509.load_pem_x509_certificates(bundle.read()))


@dataclass(frozen=True)
class _VerifiedChain:
    public_key: rsa.RSAPublicKey
    expires_at: float


class RequestVerifier:
    """Verifies Alexa requests; safe to share between threads.

    `skill_id=None` skips only the application-id check (the web service always passes one);
    `trusted_roots=None` trusts the certifi bundle, as production must.
    """

    def __init__(
        self,
        skill_id: str | None,
        trusted_roots: Sequence[x509.Certificate] | None = None,
        fetch: Fetch | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._skill_id = skill_id
        self._store = verification.Store(list(trusted_roots)) if trusted_roots else None
        self._fetch = fetch or download
        self._clock = clock
        self._cache: OrderedDict[str, _VerifiedChain] = OrderedDict()
        self._lock = threading.Lock()

    def verify(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
        """Return the parsed envelope if the request is genuine; raise VerificationError if not."""
        try:
            return self._verify(headers, body)
        except VerificationError:
            raise
        except Exception as error:  # A parser bug must still end in a 400, never a 500.
            raise VerificationError("request verification failed") from error

    def _verify(self, headers: Mapping[str, str], body: bytes) -> dict[str, Any]:
        signature_b64 = _header(headers, SIGNATURE_HEADER)
        cert_url = _header(headers, CERT_URL_HEADER)
        if not signature_b64:
            raise VerificationError("missing Signature-256 header")
        if not cert_url:
            raise VerificationError("missing SignatureCertChainUrl header")
        envelope = parse_envelope(body)
        request = envelope.get("request")
        if not isinstance(request, dict):
            raise VerificationError("missing request")
        self._check_application(envelope)
        self._check_timestamp(request)
        url = normalise_cert_url(cert_url)
        try:
            signature = base64.b64decode(signature_b64, validate=True)
        except (binascii.Error, ValueError):
            raise VerificationError("malformed signature") from None
        public_key = self._chain_key(url)
        try:
            public_key.verify(signature, body, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature:
            raise VerificationError("signature does not match") from None
        return envelope

    def _check_application(self, envelope: Mapping[str, Any]) -> None:
        if self._skill_id is None:
            return
        ids = _application_ids(envelope)
        if not ids:
            raise VerificationError("missing application id")
        if any(found != self._skill_id for found in ids):
            raise VerificationError("application id does not match")

    def _check_timestamp(self, request: Mapping[str, Any]) -> None:
        request_type = request.get("type")
        is_skill_event = isinstance(request_type, str) and request_type.startswith(
            "AlexaSkillEvent."
        )
        tolerance = SKILL_EVENT_TOLERANCE_S if is_skill_event else TIMESTAMP_TOLERANCE_S
        if abs(self._clock() - _request_time(request)) > tolerance:
            raise VerificationError("request timestamp out of tolerance")

    def _chain_key(self, url: str) -> rsa.RSAPublicKey:
        now = self._clock()
        with self._lock:
            cached = self._cache.get(url)
            if cached is not None and now < cached.expires_at:
                self._cache.move_to_end(url)
                return cached.public_key
        verified = self._verify_chain(self._fetch(url), now)
        with self._lock:
            self._cache[url] = verified
            self._cache.move_to_end(url)
            while len(self._cache) > MAX_CACHED_CHAINS:
                self._cache.popitem(last=False)
        return verified.public_key

    def _verify_chain(self, pem: bytes, now: float) -> _VerifiedChain:
        if len(pem) > MAX_CERT_BYTES:
            raise VerificationError("certificate download too large")
        try:
            certs = x509.load_pem_x509_certificates(pem)
        except ValueError:
            raise VerificationError("invalid certificate chain") from None
        leaf, intermediates = certs[0], certs[1:]
        store = self._store or _certifi_store()
        # Checks validity dates of every certificate, the SAN, and the path to a trusted root.
        verifier = (
            verification.PolicyBuilder()
            .store(store)
            .time(datetime.fromtimestamp(now, UTC))
            .build_server_verifier(x509.DNSName(ECHO_API_DOMAIN))
        )
        try:
            chain = verifier.verify(leaf, intermediates)
        except verification.VerificationError as error:
            raise VerificationError(f"certificate rejected: {_short(error)}") from None
        public_key = leaf.public_key()
        if not isinstance(public_key, rsa.RSAPublicKey):
            raise VerificationError("certificate key is not RSA")
        expires_at = min(cert.not_valid_after_utc for cert in chain).timestamp()
        return _VerifiedChain(public_key, expires_at)


def _short(error: Exception) -> str:
    text = str(error).split("\n", 1)[0]
    return text[:120] or "invalid chain"
