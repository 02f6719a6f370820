"""The ApiClient the skill hands to ask-sdk for Timers and Reminders calls.

ask-sdk's DefaultApiClient calls ``requests`` with no timeout, so one slow Alexa API call could
hold the skill past Alexa's 8-second answer budget. This client bounds every call and allows plain
http only to loopback, where the simulator's fake Alexa API listens.

It speaks HTTP with the standard library's http.client, not ``requests``: importing requests
(with urllib3) cost the first timer call of a container about 40 ms, for one small JSON call.
"""

from __future__ import annotations

import ipaddress
import json
import threading
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_model.services.api_client import ApiClient
from ask_sdk_model.services.api_client_request import ApiClientRequest
from ask_sdk_model.services.api_client_response import ApiClientResponse

if TYPE_CHECKING:
    # Imported on the first call (or by prepare(), at Lambda's INIT): the embedded store's
    # cold start, which never calls an Alexa API, need not pay for http.client and ssl.
    import http.client

# ask-sdk's DefaultApiClient imports requests at module level: this class stands on the abstract
# ApiClient instead.
CONNECT_TIMEOUT_SECONDS = 1.0
# Two calls per turn (cancel the old timer, start the next) stay inside Alexa's 8 s at worst.
READ_TIMEOUT_SECONDS = 1.5
_METHODS = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"})


def is_loopback_host(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class BoundedApiClient(ApiClient):
    """What ask-sdk's DefaultApiClient does, plus connect/read timeouts, a kept-alive
    connection per host and thread, and an http-to-loopback rule.

    Errors surface as ApiClientException, as from DefaultApiClient; ask-sdk service clients
    turn that into a ServiceException with status 500.
    """

    def __init__(
        self,
        connect_timeout: float = CONNECT_TIMEOUT_SECONDS,
        read_timeout: float = READ_TIMEOUT_SECONDS,
    ) -> None:
        if connect_timeout <= 0 or read_timeout <= 0:
            raise ValueError("timeouts must be positive; no timeout means no bound at all")
        self.timeout = (connect_timeout, read_timeout)
        self.worst_case_seconds = connect_timeout + read_timeout
        # A connection must not be shared between the web service's threads.
        self._local = threading.local()

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        try:
            return self._send(request)
        except ApiClientException:
            raise
        except Exception as error:
            raise ApiClientException(f"Error executing the request: {error}") from error

    def _send(self, request: ApiClientRequest) -> ApiClientResponse:
        url = request.url or ""
        parts = urlsplit(url)
        loopback = is_loopback_host(parts.hostname)
        if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
            raise ApiClientException(
                "Requests against non-HTTPS endpoints are not allowed "
                f"(plain http only to a loopback host): {url}"
            )
        method = (request.method or "").upper()
        if method not in _METHODS:
            raise ApiClientException(f"Invalid request method: {request.method}")
        headers = _headers_dict(request.headers)
        data = None
        if request.body:
            content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
            body = json.dumps(request.body) if "json" in content_type else request.body
            data = body.encode("utf-8") if isinstance(body, str) else body
        target = parts.path or "/"
        if parts.query:
            target += "?" + parts.query
        key = (parts.scheme, parts.netloc)
        conn = self._connection(key)
        try:
            # Redirects are not followed (http.client never does): one could lead off the
            # checked host or scheme, and Alexa's APIs never redirect.
            conn.request(method, target, body=data, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", errors="replace")
        except BaseException:
            self._drop(key)
            raise
        if response.will_close:
            self._drop(key)
        return ApiClientResponse(
            headers=_headers_list(response.getheaders()),
            status_code=response.status,
            body=text,
        )

    def _connections(self) -> dict[tuple[str, str], http.client.HTTPConnection]:
        conns: dict[tuple[str, str], http.client.HTTPConnection] | None = getattr(
            self._local, "conns", None
        )
        if conns is None:
            conns = self._local.conns = {}
        return conns

    def _connection(self, key: tuple[str, str]) -> http.client.HTTPConnection:
        conns = self._connections()
        conn = conns.get(key)
        if conn is not None and _dropped(conn):
            conn.close()  # closed by the server while idle (a frozen Lambda, a keep-alive limit)
            conn = None
        if conn is None:
            import http.client
            import socket

            scheme, netloc = key
            connect, read = self.timeout
            cls = http.client.HTTPSConnection if scheme == "https" else http.client.HTTPConnection
            conn = cls(netloc, timeout=connect)
            conn.connect()  # bounded by the connect timeout (TLS handshake included) ...
            assert conn.sock is not None
            conn.sock.settimeout(read)  # ... then every read by the read timeout
            # Headers and body go out in two writes: without this, Nagle's algorithm holds the
            # body until the server ACKs the headers, which a delayed ACK makes 40 ms.
            conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            conns[key] = conn
        return conn

    def _drop(self, key: tuple[str, str]) -> None:
        conn = self._connections().pop(key, None)
        if conn is not None:
            conn.close()


def _dropped(conn: http.client.HTTPConnection) -> bool:
    """True when an idle kept-alive connection can no longer be used: between requests the
    server has nothing to say, so a readable socket means it closed (or broke) the connection."""
    import select

    if conn.sock is None:
        return True
    try:
        readable, _, _ = select.select([conn.sock], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)


def _headers_dict(headers: list[tuple[str, str]] | None) -> dict[str, str]:
    """ApiClientRequest's header pairs as one dict; repeated names joined as HTTP does."""
    merged: dict[str, str] = {}
    for key, value in headers or []:
        merged[key] = f"{merged[key]}, {value}" if key in merged else value
    return merged


def _headers_list(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Response headers as ApiClientResponse's pairs, comma-separated values split apart."""
    return [
        (key, part.strip()) for key, values in headers for part in values.split(",") if part.strip()
    ]
