"""Alexa request verification against a locally generated CA: each of Amazon's rules, alone."""

from __future__ import annotations

import dataclasses
import http.server
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from back_relief.hosting import verify
from back_relief.hosting.verify import RequestVerifier, VerificationError, normalise_cert_url

from tests.builders.signing import (
    CERT_URL,
    SKILL_ID,
    TestPki,
    encode,
    launch_envelope,
    make_ca,
    make_leaf,
    make_pki,
    rsa_key,
)


@pytest.fixture(scope="module")
def pki() -> TestPki:
    return make_pki()


@pytest.fixture
def fresh(pki: TestPki) -> TestPki:
    """The shared PKI with its own download log, so tests can count fetches."""
    return dataclasses.replace(pki, downloads=[])


def verifier_for(pki: TestPki, **kwargs: object) -> RequestVerifier:
    options: dict[str, object] = {"trusted_roots": [pki.root], "fetch": pki.fetch}
    options.update(kwargs)
    return RequestVerifier(SKILL_ID, **options)  # type: ignore[arg-type]


def reason_for(pki: TestPki, body: bytes, headers: dict[str, str], **kwargs: object) -> str:
    with pytest.raises(VerificationError) as caught:
        verifier_for(pki, **kwargs).verify(headers, body)
    return caught.value.reason


def with_leaf(pki: TestPki, **leaf_options: object) -> TestPki:
    leaf = make_leaf((pki.intermediate, pki.intermediate_key), pki.leaf_key, **leaf_options)  # type: ignore[arg-type]
    return dataclasses.replace(pki, leaf=leaf, downloads=[])


def test_valid_signed_request_passes_and_returns_envelope(fresh: TestPki) -> None:
    body = encode(launch_envelope())
    envelope = verifier_for(fresh).verify(fresh.headers(body), body)
    assert envelope["request"]["type"] == "LaunchRequest"
    assert fresh.downloads == [CERT_URL]


def test_header_names_are_case_insensitive(fresh: TestPki) -> None:
    body = encode(launch_envelope())
    headers = {key.lower(): value for key, value in fresh.headers(body).items()}
    assert verifier_for(fresh).verify(headers, body)["version"] == "1.0"


@pytest.mark.parametrize(
    "url",
    [
        "https://s3.amazonaws.com/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com:443/echo.api/echo-api-cert.pem",
        "HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem",
        "https://s3.amazonaws.com/echo.api/./sub/../echo-api-cert.pem",
    ],
)
def test_amazon_accepts_these_certificate_urls(fresh: TestPki, url: str) -> None:
    body = encode(launch_envelope())
    verifier_for(fresh).verify(fresh.headers(body, cert_url=url), body)
    assert fresh.downloads[0].startswith("https://s3.amazonaws.com/echo.api/")


def test_dot_segments_are_resolved_before_download() -> None:
    url = "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert.pem"
    assert normalise_cert_url(url) == "https://s3.amazonaws.com/echo.api/echo-api-cert.pem"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://s3.amazonaws.com/echo.api/echo-api-cert.pem", "https"),
        ("https://notamazon.com/echo.api/echo-api-cert.pem", "host"),
        ("https://s3.amazonaws.com.evil.example/echo.api/cert.pem", "host"),
        ("https://user@s3.amazonaws.com/echo.api/echo-api-cert.pem", "host"),
        ("https://s3.amazonaws.com/EcHo.aPi/echo-api-cert.pem", "/echo.api/"),
        ("https://s3.amazonaws.com/invalid.path/echo-api-cert.pem", "/echo.api/"),
        ("https://s3.amazonaws.com/echo.api/../invalid.path/echo-api-cert.pem", "/echo.api/"),
        ("https://s3.amazonaws.com/echo.api/%2e%2e/invalid.path/cert.pem", "/echo.api/"),
        ("https://s3.amazonaws.com:444/echo.api/echo-api-cert.pem", "port"),
        ("https://s3.amazonaws.com:99999/echo.api/echo-api-cert.pem", "malformed"),
    ],
)
def test_certificate_url_rules_reject_before_any_download(
    fresh: TestPki, url: str, reason: str
) -> None:
    body = encode(launch_envelope())
    assert reason in reason_for(fresh, body, fresh.headers(body, cert_url=url))
    assert fresh.downloads == []


def test_expired_leaf_is_rejected(pki: TestPki) -> None:
    now = datetime.now(UTC)
    expired = with_leaf(pki, not_before=now - timedelta(days=30), not_after=now - timedelta(days=1))
    body = encode(launch_envelope())
    assert "certificate rejected" in reason_for(expired, body, expired.headers(body))


def test_not_yet_valid_leaf_is_rejected(pki: TestPki) -> None:
    now = datetime.now(UTC)
    future = with_leaf(pki, not_before=now + timedelta(days=1), not_after=now + timedelta(days=30))
    body = encode(launch_envelope())
    assert "certificate rejected" in reason_for(future, body, future.headers(body))


def test_leaf_without_echo_api_san_is_rejected(pki: TestPki) -> None:
    wrong = with_leaf(pki, san="echo-api.example.com")
    body = encode(launch_envelope())
    assert "certificate rejected" in reason_for(wrong, body, wrong.headers(body))


def test_chain_to_an_untrusted_root_is_rejected(fresh: TestPki) -> None:
    other_root = make_ca("Some Other Root", rsa_key("other-root"))
    body = encode(launch_envelope())
    reason = reason_for(fresh, body, fresh.headers(body), trusted_roots=[other_root])
    assert "certificate rejected" in reason


def test_default_trust_is_the_certifi_bundle_which_does_not_trust_the_test_root(
    fresh: TestPki,
) -> None:
    body = encode(launch_envelope())
    verifier = RequestVerifier(SKILL_ID, fetch=fresh.fetch)
    with pytest.raises(VerificationError, match="certificate rejected"):
        verifier.verify(fresh.headers(body), body)


def test_signature_from_another_key_is_rejected(fresh: TestPki) -> None:
    body = encode(launch_envelope())
    headers = fresh.headers(body)
    headers["Signature-256"] = fresh.sign(body, key=rsa_key("impostor"))
    assert reason_for(fresh, body, headers) == "signature does not match"


def test_body_tampered_after_signing_is_rejected(fresh: TestPki) -> None:
    body = encode(launch_envelope())
    headers = fresh.headers(body)
    tampered = body.replace(b"LaunchRequest", b"SessionEndedRequest")
    assert reason_for(fresh, tampered, headers) == "signature does not match"


def test_signature_that_is_not_base64_is_rejected(fresh: TestPki) -> None:
    body = encode(launch_envelope())
    headers = {**fresh.headers(body), "Signature-256": "not base64!"}
    assert reason_for(fresh, body, headers) == "malformed signature"


@pytest.mark.parametrize("missing", ["Signature-256", "SignatureCertChainUrl"])
def test_missing_header_is_rejected(fresh: TestPki, missing: str) -> None:
    body = encode(launch_envelope())
    headers = fresh.headers(body)
    del headers[missing]
    assert missing in reason_for(fresh, body, headers)


@pytest.mark.parametrize("offset", [-151, 151])
def test_timestamp_more_than_150_seconds_off_is_rejected(fresh: TestPki, offset: int) -> None:
    now = time.time()
    body = encode(launch_envelope(timestamp=now + offset))
    reason = reason_for(fresh, body, fresh.headers(body), clock=lambda: now)
    assert reason == "request timestamp out of tolerance"
    assert fresh.downloads == []


@pytest.mark.parametrize("offset", [-150, 150])
def test_timestamp_exactly_150_seconds_off_passes(fresh: TestPki, offset: int) -> None:
    now = float(int(time.time()))
    body = encode(launch_envelope(timestamp=now + offset))
    verifier_for(fresh, clock=lambda: now).verify(fresh.headers(body), body)


def test_skill_events_may_be_an_hour_old(fresh: TestPki) -> None:
    now = time.time()
    envelope = launch_envelope(timestamp=now - 1800)
    envelope["request"]["type"] = "AlexaSkillEvent.SkillEnabled"
    body = encode(envelope)
    verifier_for(fresh, clock=lambda: now).verify(fresh.headers(body), body)


def test_unparseable_timestamp_is_rejected(fresh: TestPki) -> None:
    envelope = launch_envelope()
    envelope["request"]["timestamp"] = "yesterday"
    body = encode(envelope)
    assert reason_for(fresh, body, fresh.headers(body)) == "invalid request timestamp"


def test_wrong_application_id_is_rejected(fresh: TestPki) -> None:
    body = encode(launch_envelope(skill_id="amzn1.ask.skill.someone-else"))
    assert reason_for(fresh, body, fresh.headers(body)) == "application id does not match"
    assert fresh.downloads == []


def test_mismatch_in_either_application_id_is_rejected(fresh: TestPki) -> None:
    envelope = launch_envelope()
    envelope["session"]["application"] = {"applicationId": "amzn1.ask.skill.someone-else"}
    body = encode(envelope)
    assert reason_for(fresh, body, fresh.headers(body)) == "application id does not match"


def test_missing_application_id_is_rejected(fresh: TestPki) -> None:
    envelope = launch_envelope()
    del envelope["session"]
    del envelope["context"]
    body = encode(envelope)
    assert reason_for(fresh, body, fresh.headers(body)) == "missing application id"


@pytest.mark.parametrize(("body", "reason"), [(b"{not json", "invalid JSON"), (b"[]", "object")])
def test_body_that_is_not_a_json_object_is_rejected(
    fresh: TestPki, body: bytes, reason: str
) -> None:
    assert reason in reason_for(fresh, body, fresh.headers(body))


def test_garbage_certificate_download_is_rejected(fresh: TestPki) -> None:
    body = encode(launch_envelope())
    reason = reason_for(fresh, body, fresh.headers(body), fetch=lambda url: b"not a certificate")
    assert reason == "invalid certificate chain"


def test_oversized_certificate_from_fetch_is_rejected(fresh: TestPki) -> None:
    body = encode(launch_envelope())
    big = fresh.chain_pem + b"\n" * verify.MAX_CERT_BYTES
    reason = reason_for(fresh, body, fresh.headers(body), fetch=lambda url: big)
    assert reason == "certificate download too large"


def test_fetch_that_crashes_still_ends_in_a_verification_error(fresh: TestPki) -> None:
    def broken(url: str) -> bytes:
        raise TimeoutError("timed out")

    body = encode(launch_envelope())
    assert (
        reason_for(fresh, body, fresh.headers(body), fetch=broken) == "request verification failed"
    )


def test_verified_chain_is_cached_per_url(fresh: TestPki) -> None:
    verifier = verifier_for(fresh)
    for _ in range(3):
        body = encode(launch_envelope())
        verifier.verify(fresh.headers(body), body)
    assert fresh.downloads == [CERT_URL]
    other = "https://s3.amazonaws.com/echo.api/other.pem"
    body = encode(launch_envelope())
    verifier.verify(fresh.headers(body, cert_url=other), body)
    assert fresh.downloads == [CERT_URL, other]


def test_cached_chain_expires_with_the_leaf(fresh: TestPki) -> None:
    now = [time.time()]
    verifier = verifier_for(fresh, clock=lambda: now[0])
    body = encode(launch_envelope(timestamp=now[0]))
    verifier.verify(fresh.headers(body), body)
    now[0] = fresh.leaf.not_valid_after_utc.timestamp() + 1
    body = encode(launch_envelope(timestamp=now[0]))
    with pytest.raises(VerificationError, match="certificate rejected"):
        verifier.verify(fresh.headers(body), body)
    assert len(fresh.downloads) == 2


def test_cache_size_is_bounded(fresh: TestPki) -> None:
    verifier = verifier_for(fresh)
    for index in range(verify.MAX_CACHED_CHAINS + 4):
        body = encode(launch_envelope())
        url = f"https://s3.amazonaws.com/echo.api/cert-{index}.pem"
        verifier.verify(fresh.headers(body, cert_url=url), body)
    assert len(verifier._cache) == verify.MAX_CACHED_CHAINS


class _CertServer(http.server.BaseHTTPRequestHandler):
    payload = b""
    delay = 0.0

    def do_GET(self) -> None:
        time.sleep(self.delay)
        try:
            self.send_response(200)
            self.send_header("Content-Length", str(len(self.payload)))
            self.end_headers()
            self.wfile.write(self.payload)
        except OSError:
            pass  # the client gave up (timeout or size limit), which is what the test wants

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def cert_server() -> Iterator[tuple[str, type[_CertServer]]]:
    """A loopback HTTP server standing in for S3, to exercise the real downloader's limits."""
    handler = type("Handler", (_CertServer,), {})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/echo.api/cert.pem", handler
    server.shutdown()
    server.server_close()


def test_downloader_returns_a_small_chain(
    pki: TestPki, cert_server: tuple[str, type[_CertServer]]
) -> None:
    url, handler = cert_server
    handler.payload = pki.chain_pem
    assert verify.download(url) == pki.chain_pem


def test_downloader_refuses_more_than_64_kib(cert_server: tuple[str, type[_CertServer]]) -> None:
    url, handler = cert_server
    handler.payload = b"x" * (verify.MAX_CERT_BYTES + 1)
    with pytest.raises(VerificationError, match="too large"):
        verify.download(url)


def test_downloader_times_out(
    cert_server: tuple[str, type[_CertServer]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, handler = cert_server
    handler.delay = 1.0
    monkeypatch.setattr(verify, "DOWNLOAD_TIMEOUT_S", 0.2)
    # The server answers after 1 s; failing proves the 0.2 s timeout cut it short.
    with pytest.raises(VerificationError, match="could not download"):
        verify.download(url)


def test_download_failure_through_the_verifier_is_a_verification_error(
    fresh: TestPki, cert_server: tuple[str, type[_CertServer]], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, handler = cert_server
    handler.delay = 1.0
    monkeypatch.setattr(verify, "DOWNLOAD_TIMEOUT_S", 0.2)
    body = encode(launch_envelope())
    # The real downloader is pointed at the loopback stand-in instead of S3.
    reason = reason_for(fresh, body, fresh.headers(body), fetch=lambda _: verify.download(url))
    assert reason == "could not download certificate"
