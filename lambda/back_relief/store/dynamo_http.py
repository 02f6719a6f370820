"""A narrow DynamoDB client: the JSON protocol over one kept-alive http.client connection.

The skill calls four operations with small bodies. boto3 would cost Lambda's cold start about
140 ms (import and client creation) and 30 MB of memory for that; this costs a few ms. boto3
stays the tool for tests and scripts, and tests check this client against it on the wire.

Failures: an error answer from DynamoDB raises DynamoError (its code, e.g.
ConditionalCheckFailedException); no usable answer at all raises DynamoUnavailable. Throttling,
5xx answers, timeouts and broken connections are retried as botocore's "standard" mode does
(sleep rand(0, 1) * 2 ** i before retry i + 1), within a fixed number of attempts.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import threading
import time
import zlib
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from .sigv4 import Credentials, sign

API_VERSION = "DynamoDB_20120810"
CONTENT_TYPE = "application/x-amz-json-1.0"
# botocore's standard-mode list of error codes that mean "slow down and try again".
RETRYABLE_CODES = frozenset(
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottledException",
        "TooManyRequestsException",
        "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded",
        "BandwidthLimitExceeded",
        "LimitExceededException",
        "RequestThrottled",
        "SlowDown",
        "RequestTimeout",
        "RequestTimeoutException",
        "PriorRequestNotComplete",
    }
)
RETRYABLE_STATUS = frozenset({500, 502, 503, 504})
# A kept-alive connection the server closed while Lambda was frozen fails like this before any
# answer: sent again once on a new connection, without spending an attempt.
_STALE_CONNECTION = (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)


class DynamoError(Exception):
    """DynamoDB answered with an error."""

    def __init__(self, code: str, status: int, message: str = "") -> None:
        super().__init__(f"{code} ({status}): {message}" if message else f"{code} ({status})")
        self.code = code
        self.status = status


class DynamoUnavailable(Exception):
    """No usable answer: connection refused or broken, timed out, or garbled."""


CredentialSource = Callable[[], Credentials]


def env_credentials(local: bool) -> CredentialSource:
    """Lambda's credentials, from its environment (a session token included).

    Elsewhere without them: a local server accepts any signature; for real AWS, botocore's
    provider chain (profiles, instance roles) is asked, each call, so rotation is honoured.
    """
    key, secret = os.environ.get("AWS_ACCESS_KEY_ID"), os.environ.get("AWS_SECRET_ACCESS_KEY")
    if key and secret and not os.environ.get("AWS_PROFILE"):
        fixed = Credentials(key, secret, os.environ.get("AWS_SESSION_TOKEN") or None)
        return lambda: fixed
    if local and not os.environ.get("AWS_PROFILE"):
        return lambda: Credentials("local", "local")
    import botocore.session  # tools and developers' machines only, never on Lambda

    found = botocore.session.get_session().get_credentials()
    if found is None:
        raise DynamoUnavailable("no AWS credentials found")

    def refreshed() -> Credentials:
        frozen = found.get_frozen_credentials()
        return Credentials(str(frozen.access_key), str(frozen.secret_key), frozen.token)

    return refreshed


class DynamoClient:
    def __init__(
        self,
        region: str,
        endpoint_url: str | None,
        connect_timeout: float,
        read_timeout: float,
        attempts: int,
        credentials: CredentialSource | None = None,
    ) -> None:
        url = urlsplit(endpoint_url or f"https://dynamodb.{region}.amazonaws.com")
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ValueError(f"not an http(s) endpoint: {endpoint_url}")
        self.region = region
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.attempts = attempts
        self._https = url.scheme == "https"
        self._host = url.hostname
        self._port = url.port
        default_port = 443 if self._https else 80
        self._host_header = url.netloc if url.port not in (None, default_port) else url.hostname
        self._credentials = credentials or env_credentials(local=not self._https)
        # One connection per thread: the web service answers in threads, and an http.client
        # connection carries one request at a time (Lambda has a single thread).
        self._local = threading.local()

    @staticmethod
    def backoff_cap(retry: int) -> float:
        """The longest sleep before retry number `retry` (0-based), as botocore's standard mode."""
        return float(min(2.0**retry, 20.0))

    def call(self, operation: str, payload: dict[str, Any]) -> dict[str, Any]:
        body = json.dumps(payload, separators=(",", ":")).encode("utf-8")
        failure: Exception | None = None
        for attempt in range(self.attempts):
            if attempt:
                import random  # only a retry needs it

                time.sleep(random.random() * self.backoff_cap(attempt - 1))
            try:
                status, answer = self._exchange(operation, body)
            except (OSError, http.client.HTTPException, ValueError) as error:
                self.close()
                failure = DynamoUnavailable(f"{type(error).__name__}: {error}")
                continue
            if status == 200:
                parsed: dict[str, Any] = answer
                return parsed
            code = str(answer.get("__type", "")).rpartition("#")[2] or f"HTTP{status}"
            failure = DynamoError(code, status, str(answer.get("message") or ""))
            if code not in RETRYABLE_CODES and status not in RETRYABLE_STATUS:
                raise failure
        assert failure is not None
        raise failure

    @property
    def _conn(self) -> http.client.HTTPConnection | None:
        conn: http.client.HTTPConnection | None = getattr(self._local, "conn", None)
        return conn

    def close(self) -> None:
        """Close this thread's connection (the next call opens a new one)."""
        if self._conn is not None:
            self._conn.close()
            self._local.conn = None

    def _connection(self) -> http.client.HTTPConnection:
        conn = self._conn
        if conn is None:
            cls = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
            conn = cls(self._host, self._port, timeout=self.connect_timeout)
            conn.connect()  # bounded by the connect timeout (TLS handshake included) ...
            assert conn.sock is not None
            conn.sock.settimeout(self.read_timeout)  # ... then every read by the read timeout
            # http.client sends the headers and the body in two writes: with Nagle's algorithm
            # the body would wait for the server's (possibly delayed, 40 ms) ACK of the headers.
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self._local.conn = conn
        return conn

    def _exchange(self, operation: str, body: bytes) -> tuple[int, dict[str, Any]]:
        reused = self._conn is not None
        try:
            return self._send(operation, body)
        except _STALE_CONNECTION:
            self.close()
            if not reused:
                raise
        return self._send(operation, body)

    def _send(self, operation: str, body: bytes) -> tuple[int, dict[str, Any]]:
        conn = self._connection()
        headers = {
            "Host": self._host_header,
            "Content-Type": CONTENT_TYPE,
            "X-Amz-Target": f"{API_VERSION}.{operation}",
        }
        amz_date = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        creds = self._credentials()
        headers.update(
            sign("POST", "/", "", headers, body, creds, self.region, "dynamodb", amz_date)
        )
        headers["Content-Length"] = str(len(body))
        conn.request("POST", "/", body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        if response.will_close:
            self.close()
        # DynamoDB checksums every answer; a mismatch is a garbled answer, retried.
        crc = response.getheader("x-amz-crc32")
        if crc is not None and int(crc) != zlib.crc32(data):
            raise ValueError("CRC32 of the answer does not match")
        answer = json.loads(data) if data else {}
        if not isinstance(answer, dict):
            raise ValueError("the answer is not a JSON object")
        return response.status, answer
