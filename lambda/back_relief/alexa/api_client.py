"""The ApiClient the skill hands to ask-sdk for Timers and Reminders calls.

ask-sdk's DefaultApiClient calls ``requests`` with no timeout, so one slow Alexa API call could
hold the skill past Alexa's 8-second answer budget. This client bounds every call and allows plain
http only to loopback, where the simulator's fake Alexa API listens.
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
    # requests (with urllib3) is a tenth of a cold start, and most requests never call an
    # Alexa API: it is imported on the first call instead. So is ask-sdk's DefaultApiClient,
    # which imports it at module level; this class therefore stands on the abstract ApiClient.
    import requests

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
    """What ask-sdk's DefaultApiClient does, plus connect/read timeouts, a reused session and
    an http-to-loopback rule.

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
        # A Session is not documented as thread-safe and the web service answers in threads.
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
            data = json.dumps(request.body) if "json" in content_type else request.body
        response = self._session(loopback).request(
            method,
            url,
            headers=headers,
            data=data,
            timeout=self.timeout,
            # A redirect could lead off the checked host or scheme; Alexa's APIs never redirect.
            allow_redirects=False,
        )
        return ApiClientResponse(
            headers=_headers_list(dict(response.headers)),
            status_code=response.status_code,
            body=response.text,
        )

    def _session(self, loopback: bool) -> requests.Session:
        sessions: dict[bool, requests.Session] | None = getattr(self._local, "sessions", None)
        if sessions is None:
            sessions = self._local.sessions = {}
        session = sessions.get(loopback)
        if session is None:
            import requests

            session = requests.Session()
            # A developer's HTTP(S)_PROXY must not swallow calls to the local fake.
            session.trust_env = not loopback
            sessions[loopback] = session
        return session


def _headers_dict(headers: list[tuple[str, str]] | None) -> dict[str, str]:
    """ApiClientRequest's header pairs as one dict; repeated names joined as HTTP does."""
    merged: dict[str, str] = {}
    for key, value in headers or []:
        merged[key] = f"{merged[key]}, {value}" if key in merged else value
    return merged


def _headers_list(headers: dict[str, str]) -> list[tuple[str, str]]:
    """Response headers as ApiClientResponse's pairs, comma-separated values split apart."""
    return [
        (key, part.strip())
        for key, values in headers.items()
        for part in values.split(",")
        if part.strip()
    ]
