"""Hostile requests over HTTP to the dev web service, run as a real process (`make run`).

The same seeded generator as tests/functional/test_fuzz.py, fewer envelopes (each is a real
HTTP round trip), plus bodies that are not envelopes at all and the wrong methods. Whatever
arrives, the service never answers 5xx: what is not an Alexa envelope gets 400 with a reason,
everything else 200 with a response Alexa accepts.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from back_relief.hosting.app import envelope_problem
from back_relief.simulator.fake_alexa_api import FakeAlexaApi

from tests.builders.fuzz import EnvelopeFuzzer
from tests.builders.services import Service, start_dev, stop
from tests.builders.skill import check_response

pytestmark = pytest.mark.integration

SEED = 20_240_910
WEB_FUZZ_ENVELOPES = 600


@pytest.fixture(scope="module")
def fake_api() -> Iterator[FakeAlexaApi]:
    with FakeAlexaApi() as api:
        yield api


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    running = start_dev(tmp_path_factory.mktemp("fuzz_web"))
    yield running
    stop(running)


def send(
    url: str, body: bytes | None, *, method: str = "POST", content_type: str = "application/json"
) -> tuple[int, Any]:
    """(status, parsed JSON body or the raw text) for any method and content type."""
    headers = {"Content-Type": content_type} if content_type else {}
    request = urllib.request.Request(url, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw.decode(errors="replace")


def _is_envelope(event: dict[str, Any]) -> bool:
    return envelope_problem(event) is None


def test_fuzzed_envelopes_over_http_get_400_or_a_valid_answer_never_5xx(
    service: Service, fake_api: FakeAlexaApi, record_property: Any
) -> None:
    fuzzer = EnvelopeFuzzer(SEED, api_endpoint=fake_api.endpoint, api_token=fake_api.token)
    fake_api.clock = lambda: fuzzer.now
    statuses: Counter[int] = Counter()
    problems: list[str] = []
    for _ in range(WEB_FUZZ_ENVELOPES):
        event = fuzzer.envelope()
        status, body = send(f"{service.url}/", json.dumps(event).encode())
        statuses[status] += 1
        expected = 200 if _is_envelope(event) else 400
        if status != expected:
            problems.append(f"{status} (expected {expected}) for {json.dumps(event)[:300]}")
            continue
        if status == 400:
            if not (isinstance(body, dict) and isinstance(body.get("error"), str)):
                problems.append(f"400 without a reason: {body!r:.200}")
            continue
        try:
            check_response(body)
        except AssertionError as error:
            problems.append(f"invalid answer ({error}) for {json.dumps(event)[:300]}")
            continue
        fuzzer.feed(fuzzer.last_user, body)

    sent = sum(statuses.values())
    record_property("web_fuzz_envelopes", sent)
    print(f"\nweb fuzz: {sent} envelopes over HTTP, statuses {dict(statuses)}")
    assert not problems, "\n".join(problems[:20])
    assert sent == WEB_FUZZ_ENVELOPES
    assert statuses[200] > WEB_FUZZ_ENVELOPES // 2  # most reached the skill
    assert statuses[400] > 0  # and the generator did produce non-envelopes
    assert "Traceback" not in service.log.read_text(errors="replace")


# Bodies a valid envelope in a strange wrapper may be read or refused, never crash the service.
LENIENT = {"text envelope", "no content type"}
# The only ones that are envelopes at all.
ACCEPTED = {"huge slot"}


def test_raw_bodies_that_are_not_envelopes_get_400_never_5xx(
    service: Service, fake_api: FakeAlexaApi
) -> None:
    fuzzer = EnvelopeFuzzer(SEED + 1, api_endpoint=fake_api.endpoint, api_token=fake_api.token)
    for name, body, content_type in fuzzer.raw_bodies():
        status, reply = send(f"{service.url}/", body, content_type=content_type)
        assert status < 500, f"{name}: {status} {reply!r:.200}"
        if name in ACCEPTED or (name in LENIENT and status == 200):
            assert status == 200, f"{name}: {status} {reply!r:.200}"
            check_response(reply)
        else:
            assert status == 400, f"{name}: {status} {reply!r:.200}"
            assert isinstance(reply, dict) and reply.get("error"), f"{name}: {reply!r:.200}"
    assert "Traceback" not in service.log.read_text(errors="replace")


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/", 405),
        ("PUT", "/", 405),
        ("DELETE", "/", 405),
        ("PATCH", "/", 405),
        ("GET", "/admin", 404),
        ("POST", "/../etc/passwd", 404),
        ("POST", "/healthz", 405),
    ],
)
def test_wrong_methods_and_paths_get_4xx(
    service: Service, method: str, path: str, status: int
) -> None:
    body = b"{}" if method in ("PUT", "PATCH", "POST") else None
    got, reply = send(f"{service.url}{path}", body, method=method)
    assert got == status, reply
    assert isinstance(reply, dict) and reply.get("error")


def test_service_still_answers_after_the_fuzz(service: Service) -> None:
    status, body = send(f"{service.url}/healthz", None, method="GET")
    assert (status, body) == (200, {"status": "ok"})
    assert service.process.poll() is None
