"""The web service as a real process on a loopback port, driven over HTTP.

Development mode runs exactly as `make run` does. Production mode runs the production app, server
and verifier in a real process too, through a small launcher that injects the test trust root and a
stand-in for the S3 download: production code has no switch for that, on purpose.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.builders import envelopes
from tests.builders.services import REPO, Service, child_env, free_port, post, start, stop
from tests.builders.signing import SKILL_ID, TestPki, encode, launch_envelope, make_pki, pem

pytestmark = pytest.mark.integration


def assert_spoken_response(body: dict[str, Any]) -> None:
    assert body["version"] == "1.0"
    speech = body["response"]["outputSpeech"]
    assert speech["type"] in {"SSML", "PlainText"}
    spoken = speech.get("ssml") or speech.get("text")
    assert isinstance(spoken, str) and spoken.strip()


def test_dev_service_answers_a_launch_request_over_http(dev_service: Service) -> None:
    status, body = post(dev_service.url, encode(launch_envelope()))
    assert status == 200
    assert_spoken_response(body)
    assert f"listening on {dev_service.url}/" in dev_service.log.read_text()
    assert "verification is OFF" in dev_service.log.read_text()


def test_dev_service_rejects_invalid_json_with_400(dev_service: Service) -> None:
    assert post(dev_service.url, b"{oops") == (400, {"error": "invalid JSON"})


def test_dev_service_answers_an_oversized_body_with_400(dev_service: Service) -> None:
    body = b'{"padding": "' + b"x" * 200_000 + b'"}'
    assert post(dev_service.url, body) == (400, {"error": "request body too large"})


def test_dev_service_refuses_to_listen_beyond_loopback(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "back_relief.hosting", "--dev", "--host", "0.0.0.0"]
    result = subprocess.run(
        command, cwd=REPO, env=child_env(tmp_path), capture_output=True, timeout=30
    )
    assert result.returncode == 2
    assert b"not a loopback address" in result.stderr


LAUNCHER = textwrap.dedent(
    """
    import sys
    from cryptography import x509
    from back_relief.hosting.__main__ import serve
    from back_relief.hosting.app import create_app
    from back_relief.hosting.verify import RequestVerifier

    root_path, chain_path, skill_id, port = sys.argv[1:5]
    with open(root_path, "rb") as root_file, open(chain_path, "rb") as chain_file:
        root = x509.load_pem_x509_certificate(root_file.read())
        chain = chain_file.read()
    verifier = RequestVerifier(skill_id, trusted_roots=[root], fetch=lambda url: chain)
    serve(create_app(verifier=verifier), "127.0.0.1", int(port))
    """
)


@pytest.fixture(scope="module")
def pki() -> TestPki:
    return make_pki()


@pytest.fixture
def production_service(tmp_path: Path, pki: TestPki) -> Iterator[Service]:
    launcher = tmp_path / "launch_production.py"
    launcher.write_text(LAUNCHER)
    (tmp_path / "root.pem").write_bytes(pem(pki.root))
    (tmp_path / "chain.pem").write_bytes(pki.chain_pem)
    port = free_port()
    command = [sys.executable, str(launcher), str(tmp_path / "root.pem")]
    command += [str(tmp_path / "chain.pem"), SKILL_ID, str(port)]
    service = start(command, child_env(tmp_path), port, tmp_path / "production.log")
    yield service
    stop(service)


def test_production_service_answers_a_signed_request(
    production_service: Service, pki: TestPki
) -> None:
    body = encode(launch_envelope())
    status, reply = post(production_service.url, body, pki.headers(body))
    assert status == 200
    assert_spoken_response(reply)


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda body, headers: (body, {}), "missing Signature-256 header"),
        (lambda body, headers: (body.replace(b"en-US", b"en-GB"), headers), "signature does not"),
        (
            lambda body, headers: (
                body,
                {**headers, "SignatureCertChainUrl": "http://x/echo.api/"},
            ),
            "certificate URL must use https",
        ),
    ],
    ids=["unsigned", "tampered", "http-cert-url"],
)
def test_production_service_rejects_unverifiable_requests_with_400(
    production_service: Service, pki: TestPki, mutate: Any, reason: str
) -> None:
    body = encode(launch_envelope())
    sent_body, headers = mutate(body, pki.headers(body))
    status, reply = post(production_service.url, sent_body, headers)
    assert status == 400
    assert reply["error"].startswith(reason)


def _odd_bodies() -> dict[str, bytes]:
    """Envelopes carrying invalid Unicode where Alexa never puts it: a lone surrogate escape
    (the user id, a slot value, a key) and raw bytes that are not UTF-8 (a slot value)."""
    red_flag = envelopes.intent("SymptomIntent", {"Symptom": "i wet myself QQQ"})
    body = json.dumps(red_flag).encode()
    user = json.dumps(envelopes.intent("SymptomIntent", {"Symptom": "i wet myself"}))
    return {
        "surrogate-user-id": user.replace("TESTUSER", "\\ud83d").encode(),
        "surrogate-in-slot": body.replace(b"QQQ", b"\\udc00 \\ud83d"),
        "surrogate-key": body.replace(b'"version"', b'"\\ud83dx": 1, "version"'),
        "invalid-utf8-in-slot": body.replace(b"QQQ", b"\xff\xc3("),
    }


ODD = _odd_bodies()


@pytest.mark.parametrize("name", list(ODD))
def test_invalid_unicode_is_400_in_production_and_answered_in_dev(
    production_service: Service, dev_service: Service, pki: TestPki, name: str
) -> None:
    body = ODD[name]
    status, reply = post(production_service.url, body, pki.headers(body))
    assert (status, reply) == (400, {"error": "invalid Unicode"})
    status, reply = post(dev_service.url, body)
    assert status == 200
    # The red flag in the same envelope still gets its emergency line.
    assert "nine one one" in reply["response"]["outputSpeech"]["ssml"]
