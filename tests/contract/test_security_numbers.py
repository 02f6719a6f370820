"""Every number SECURITY.md states is the code's: each limit is stated as the code sets it, and
no other number appears in the document (a stale figure fails here, not in an audit)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from back_relief import privacy
from back_relief.alexa import api_client
from back_relief.alexa.interceptors import USER_PREFIX_CHARS
from back_relief.hosting import __main__ as server
from back_relief.hosting import verify
from back_relief.hosting.app import create_app
from back_relief.skill import TURN_BUDGET_SECONDS
from back_relief.store import dynamodb
from back_relief.store.base import DEFAULT_TTL_SECONDS

from tests.integration.test_web_limits import STALLED_CLIENTS

SECURITY = Path(__file__).resolve().parents[2] / "SECURITY.md"
# A number standing alone: not part of a name (s3, SHA-256, HMAC-SHA256, \\ud83d) or a version.
NUMBER = re.compile(r"(?<![\w\-+./])\d+(?:\.\d+)?(?![\w.]\w)")


def g(value: float) -> str:
    return f"{value:g}"


def statements() -> list[str]:
    """How SECURITY.md must state each figure, built from the code's own constants."""
    flask_body = inspect.signature(create_app).parameters["max_body_bytes"].default
    return [
        f"s3.amazonaws.com:{verify.CERT_PORT}/echo.api/",
        f"overall deadline of {g(verify.DOWNLOAD_TIMEOUT_S)} s",
        f"a {verify.MAX_CERT_BYTES // 1024} KiB cap",
        f"within {g(verify.TIMESTAMP_TOLERANCE_S)} s",
        f"skill events: {g(verify.SKILL_EVENT_TOLERANCE_S / 3600)} hour",
        f"at most {verify.MAX_CACHED_CHAINS} chains",
        f"{flask_body // 1024} KiB in Flask",
        f"{server.SERVER_BODY_LIMIT // 2**20} MiB in waitress",
        f"its {server.THREADS} threads",
        f"Up to {server.CONNECTION_LIMIT} connections",
        f"quiet for {g(server.CHANNEL_TIMEOUT_S)} s",
        f"checked every {g(server.CLEANUP_INTERVAL_S)} s",
        f"{STALLED_CLIENTS} stalled clients",
        f"at least {privacy.MIN_SECRET_CHARS} characters",
        f"{privacy.SECRET_BYTES} random bytes",
        f"mode {privacy.SECRET_FILE_MODE:04o}",
        f"expire after {DEFAULT_TTL_SECONDS // 86400} days",
        f"first {USER_PREFIX_CHARS} characters",
        f"({g(api_client.CONNECT_TIMEOUT_SECONDS)} s connect, "
        f"{g(api_client.READ_TIMEOUT_SECONDS)} s read)",
        f"DynamoDB {g(dynamodb._CONNECT_TIMEOUT_S)} s connect, {g(dynamodb._READ_TIMEOUT_S)} s "
        f"read, at most {dynamodb._TOTAL_ATTEMPTS} attempts, "
        f"{g(dynamodb.WORST_CASE_SECONDS)} s in the worst case",
        f"a {g(TURN_BUDGET_SECONDS)} s turn budget",
    ]


def test_security_md_states_each_limit_as_the_code_sets_it() -> None:
    text = " ".join(SECURITY.read_text(encoding="utf-8").split())
    missing = [statement for statement in statements() if statement not in text]
    assert missing == [], "SECURITY.md no longer states these as the code sets them"


def refused_status() -> str:
    """The HTTP status the web app answers a request it refuses with, as it really does."""
    return str(create_app(verifier=None).test_client().post("/", data=b"{").status_code)


def test_security_md_has_no_number_the_code_does_not_set() -> None:
    allowed = {number for statement in statements() for number in NUMBER.findall(statement)}
    allowed.add(refused_status())
    text = SECURITY.read_text(encoding="utf-8")
    stray = sorted(set(NUMBER.findall(text)) - allowed)
    assert stray == [], f"SECURITY.md states numbers that come from nowhere in the code: {stray}"
