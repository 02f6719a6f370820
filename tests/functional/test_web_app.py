"""The Flask adapter through its test client: envelope checks, verification, startup rules."""

from __future__ import annotations

import json
from typing import Any

import flask
import pytest
from back_relief.hosting import __main__ as hosting_main
from back_relief.hosting.app import FALLBACK_SPEECH, create_app
from back_relief.hosting.verify import RequestVerifier

from tests.builders.signing import SKILL_ID, TestPki, encode, launch_envelope, make_pki

REPLY = {
    "version": "1.0",
    "response": {"outputSpeech": {"type": "PlainText", "text": "Welcome to Back Relief."}},
}


class RecordingHandler:
    def __init__(self, reply: Any = REPLY) -> None:
        self.reply = reply
        self.envelopes: list[dict[str, Any]] = []

    def __call__(self, envelope: dict[str, Any]) -> dict[str, Any]:
        self.envelopes.append(envelope)
        if isinstance(self.reply, Exception):
            raise self.reply
        return self.reply  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def pki() -> TestPki:
    return make_pki()


@pytest.fixture
def handler() -> RecordingHandler:
    return RecordingHandler()


@pytest.fixture
def dev_app(handler: RecordingHandler) -> flask.Flask:
    return create_app(handler, verifier=None, max_body_bytes=4096)


@pytest.fixture
def prod_app(handler: RecordingHandler, pki: TestPki) -> flask.Flask:
    verifier = RequestVerifier(SKILL_ID, trusted_roots=[pki.root], fetch=pki.fetch)
    return create_app(handler, verifier=verifier)


def post(app: flask.Flask, body: bytes, headers: dict[str, str] | None = None) -> Any:
    return app.test_client().post(
        "/", data=body, headers={"Content-Type": "application/json", **(headers or {})}
    )


def test_healthz_is_ok(dev_app: flask.Flask) -> None:
    response = dev_app.test_client().get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_unknown_path_is_a_json_404(dev_app: flask.Flask) -> None:
    response = dev_app.test_client().get("/nope")
    assert response.status_code == 404
    assert response.get_json() == {"error": "not found"}


def test_get_on_the_skill_endpoint_is_a_json_405(dev_app: flask.Flask) -> None:
    response = dev_app.test_client().get("/")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    assert response.get_json() == {"error": "method not allowed"}


def test_envelope_reaches_the_handler_and_its_reply_is_returned(
    dev_app: flask.Flask, handler: RecordingHandler
) -> None:
    response = post(dev_app, encode(launch_envelope()))
    assert response.status_code == 200
    assert response.get_json() == REPLY
    assert handler.envelopes[0]["request"]["type"] == "LaunchRequest"


def _without(key: str) -> dict[str, Any]:
    envelope = launch_envelope()
    del envelope[key]
    return envelope


def _with(path: tuple[str, ...], value: object) -> dict[str, Any]:
    envelope = launch_envelope()
    target = envelope
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return envelope


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"{not json", "invalid JSON"),
        (b"\xff\xfe", "invalid JSON"),
        (b"[1, 2]", "request body is not a JSON object"),
        (b'"LaunchRequest"', "request body is not a JSON object"),
        (encode(_without("request")), "missing request"),
        (encode(_without("version")), "missing version"),
        (encode(_with(("request",), "LaunchRequest")), "missing request"),
        (encode(_with(("request", "type"), 7)), "missing request type"),
        (encode(_with(("session",), [])), "session is not an object"),
        (encode(_with(("context",), "x")), "context is not an object"),
        (b"{" + b" " * 5000 + b"}", "request body too large"),
    ],
)
def test_malformed_requests_get_400_with_a_reason(
    dev_app: flask.Flask, handler: RecordingHandler, body: bytes, reason: str
) -> None:
    response = post(dev_app, body)
    assert response.status_code == 400
    assert response.get_json() == {"error": reason}
    assert handler.envelopes == []


@pytest.mark.parametrize("failure", [RuntimeError("boom"), "not a dict"])
def test_handler_failure_still_gives_alexa_a_calm_apology(failure: object) -> None:
    app = create_app(RecordingHandler(failure), verifier=None)
    response = post(app, encode(launch_envelope()))
    assert response.status_code == 200
    body = response.get_json()
    assert body["version"] == "1.0"
    assert body["response"]["outputSpeech"] == {"type": "PlainText", "text": FALLBACK_SPEECH}


def test_signed_request_passes_verification(
    prod_app: flask.Flask, handler: RecordingHandler, pki: TestPki
) -> None:
    body = encode(launch_envelope())
    response = post(prod_app, body, pki.headers(body))
    assert response.status_code == 200
    assert response.get_json() == REPLY
    assert len(handler.envelopes) == 1


def test_unsigned_request_is_rejected_in_production(
    prod_app: flask.Flask, handler: RecordingHandler
) -> None:
    response = post(prod_app, encode(launch_envelope()))
    assert response.status_code == 400
    assert response.get_json() == {"error": "missing Signature-256 header"}
    assert handler.envelopes == []


def test_tampered_request_is_rejected_in_production(
    prod_app: flask.Flask, handler: RecordingHandler, pki: TestPki
) -> None:
    body = encode(launch_envelope())
    tampered = body.replace(b"en-US", b"en-GB")
    response = post(prod_app, tampered, pki.headers(body))
    assert response.status_code == 400
    assert response.get_json() == {"error": "signature does not match"}
    assert handler.envelopes == []


def test_request_for_another_skill_is_rejected_in_production(
    prod_app: flask.Flask, pki: TestPki
) -> None:
    body = encode(launch_envelope(skill_id="amzn1.ask.skill.other"))
    response = post(prod_app, body, pki.headers(body))
    assert response.status_code == 400
    assert json.loads(response.data) == {"error": "application id does not match"}


@pytest.mark.parametrize("host", ["127.0.0.1", "127.3.2.1", "::1", "[::1]", "localhost"])
def test_loopback_hosts(host: str) -> None:
    assert hosting_main.is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.com", ""])
def test_non_loopback_hosts(host: str) -> None:
    assert not hosting_main.is_loopback(host)


@pytest.fixture
def no_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("the server must not start")

    monkeypatch.setattr(hosting_main, "serve", refuse)
    for name in ("SKILL_ID", "BACK_RELIEF_DEV", "HOST", "PORT"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.usefixtures("no_serving")
def test_dev_mode_refuses_a_non_loopback_host(capsys: pytest.CaptureFixture[str]) -> None:
    assert hosting_main.main(["--dev", "--host", "0.0.0.0"]) == 2
    assert "not a loopback address" in capsys.readouterr().err


@pytest.mark.usefixtures("no_serving")
def test_dev_mode_from_the_environment_refuses_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BACK_RELIEF_DEV", "1")
    monkeypatch.setenv("HOST", "10.0.0.5")
    assert hosting_main.main([]) == 2
    assert "not a loopback address" in capsys.readouterr().err


@pytest.mark.usefixtures("no_serving")
def test_production_mode_needs_a_skill_id(capsys: pytest.CaptureFixture[str]) -> None:
    assert hosting_main.main(["--host", "127.0.0.1"]) == 2
    assert "SKILL_ID" in capsys.readouterr().err


def test_dev_mode_on_loopback_builds_an_unverified_app(skill_log: pytest.LogCaptureFixture) -> None:
    app = hosting_main.build_app(dev=True, host="127.0.0.1")
    assert "verification is OFF" in skill_log.text
    response = app.test_client().get("/healthz")
    assert response.status_code == 200


def test_production_mode_builds_a_verifying_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILL_ID", SKILL_ID)
    app = hosting_main.build_app(dev=False, host="0.0.0.0")
    response = post(app, encode(launch_envelope()))
    assert response.status_code == 400
    assert response.get_json() == {"error": "missing Signature-256 header"}


def test_port_and_host_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORT", "8123")
    monkeypatch.setenv("HOST", "::1")
    args = hosting_main.parse_args([])
    assert (args.host, args.port) == ("::1", 8123)
    assert hosting_main.parse_args(["--port", "9000"]).port == 9000
