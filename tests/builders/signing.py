"""A local test PKI that signs Alexa requests the way Amazon does, for verification tests."""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.builders import envelopes

SKILL_ID = "amzn1.ask.skill.00000000-test-back-relief"
CERT_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-test.pem"
DAY = timedelta(days=1)


@lru_cache(maxsize=8)
def rsa_key(name: str) -> rsa.RSAPrivateKey:
    """One 2048-bit key per role name; generated once per test run because keygen is slow."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def make_ca(
    common_name: str,
    key: rsa.RSAPrivateKey,
    issuer: tuple[x509.Certificate, rsa.RSAPrivateKey] | None = None,
) -> x509.Certificate:
    """A root (self-signed) or intermediate CA valid for a year around now."""
    now = datetime.now(UTC)
    issuer_name = issuer[0].subject if issuer else _name(common_name)
    signing_key = issuer[1] if issuer else key
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - DAY)
        .not_valid_after(now + 365 * DAY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if issuer:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(signing_key.public_key()),
            critical=False,
        )
    return builder.sign(signing_key, hashes.SHA256())


def make_leaf(
    issuer: tuple[x509.Certificate, rsa.RSAPrivateKey],
    key: rsa.RSAPrivateKey,
    *,
    san: str = "echo-api.amazon.com",
    not_before: datetime | None = None,
    not_after: datetime | None = None,
) -> x509.Certificate:
    now = datetime.now(UTC)
    return (
        x509.CertificateBuilder()
        .subject_name(_name(san))
        .issuer_name(issuer[0].subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - DAY)
        .not_valid_after(not_after or now + 30 * DAY)
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(san)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(True, False, True, False, False, False, False, False, False),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer[1].public_key()),
            critical=False,
        )
        .sign(issuer[1], hashes.SHA256())
    )


def pem(*certs: x509.Certificate) -> bytes:
    return b"".join(cert.public_bytes(serialization.Encoding.PEM) for cert in certs)


@dataclass
class TestPki:
    """Root -> intermediate -> leaf, with the leaf's key signing request bodies."""

    __test__ = False  # not a pytest test class, despite the name

    root: x509.Certificate
    root_key: rsa.RSAPrivateKey
    intermediate: x509.Certificate
    intermediate_key: rsa.RSAPrivateKey
    leaf: x509.Certificate
    leaf_key: rsa.RSAPrivateKey
    downloads: list[str] = field(default_factory=list)

    @property
    def chain_pem(self) -> bytes:
        return pem(self.leaf, self.intermediate)

    def fetch(self, url: str) -> bytes:
        self.downloads.append(url)
        return self.chain_pem

    def sign(self, body: bytes, key: rsa.RSAPrivateKey | None = None) -> str:
        signature = (key or self.leaf_key).sign(body, padding.PKCS1v15(), hashes.SHA256())
        return base64.b64encode(signature).decode("ascii")

    def headers(self, body: bytes, cert_url: str = CERT_URL) -> dict[str, str]:
        return {"Signature-256": self.sign(body), "SignatureCertChainUrl": cert_url}


def make_pki() -> TestPki:
    root_key, inter_key, leaf_key = rsa_key("root"), rsa_key("intermediate"), rsa_key("leaf")
    root = make_ca("Back Relief Test Root", root_key)
    intermediate = make_ca("Back Relief Test Intermediate", inter_key, (root, root_key))
    leaf = make_leaf((intermediate, inter_key), leaf_key)
    return TestPki(root, root_key, intermediate, inter_key, leaf, leaf_key)


def launch_envelope(
    *,
    skill_id: str = SKILL_ID,
    timestamp: float | None = None,
    locale: str = "en-US",
) -> dict[str, Any]:
    """A LaunchRequest as Alexa sends it, with both session and context application ids."""
    now = time.time() if timestamp is None else timestamp
    return envelopes.launch(skill_id=skill_id, now=now, locale=locale)


def encode(envelope: dict[str, Any]) -> bytes:
    return json.dumps(envelope).encode("utf-8")
