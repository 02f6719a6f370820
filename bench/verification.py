"""Signature verification of one signed request: ours (chain cached) vs ask-sdk-webservice-support.

The parent (`prepare`) makes a test PKI and signs one LaunchRequest; each verifier then runs in
its own child (`python -m bench.verification ours|reference DIR OUT`) on exactly those bytes.

Both get what a warm web service has: ours with the verified chain cached (it caches the
chain's key after one full check), the reference with the downloaded chain in its own cache
(it caches the PEM bytes and validates the chain again on every request). The reference is
ask-sdk-webservice-support's default pair, RequestVerifier + TimestampVerifier, which
WebserviceSkillHandler runs on every request.

ask-sdk-webservice-support 1.3.3 cannot import on OpenSSL 3.0.10+: oscrypto 1.3.0 reads the
library version with a regex that expects one-digit version parts. The reference child
therefore imports a temporary copy of oscrypto with only that regex widened (the fix
oscrypto's main branch carries), and trusts the test root through certvalidator's own
ValidationContext, since the reference offers no other way to name a trust root.
"""

from __future__ import annotations

import functools
import json
import shutil
import sys
import time
import warnings
from pathlib import Path
from typing import Any

from bench.common import write_json

ROUNDS = {"ours": 3000, "reference": 150}
_OLD_VERSION_RE = "\\\\b(\\\\d\\\\.\\\\d\\\\.\\\\d[a-z]*)\\\\b"
_NEW_VERSION_RE = "\\\\b(\\\\d+\\\\.\\\\d+\\\\.\\\\d+[a-z]*)\\\\b"


def prepare(workdir: Path) -> None:
    """Write the PKI's root, the chain, one signed launch request and its headers."""
    from tests.builders import signing

    pki = signing.make_pki()
    body = signing.encode(signing.launch_envelope(timestamp=time.time()))
    (workdir / "root.pem").write_bytes(signing.pem(pki.root))
    (workdir / "chain.pem").write_bytes(pki.chain_pem)
    (workdir / "body.json").write_bytes(body)
    (workdir / "headers.json").write_text(json.dumps(pki.headers(body)), encoding="utf-8")


def reference_import_error() -> str | None:
    """Why ask-sdk-webservice-support's verifier cannot be imported as installed, or None."""
    import subprocess

    from bench.common import PYTHON

    probe = subprocess.run(
        [PYTHON, "-c", "import ask_sdk_webservice_support.verifier"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode == 0:
        return None
    lines = [line for line in probe.stderr.strip().splitlines() if line.strip()]
    return lines[-1] if lines else f"exit {probe.returncode}"


def patched_oscrypto(target: Path) -> bool:
    """Copy oscrypto into target with the version regex widened; False if not installed."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("oscrypto")
    except ImportError:
        return False
    if spec is None or spec.origin is None:
        return False
    copy = target / "oscrypto"
    shutil.copytree(Path(spec.origin).parent, copy)
    for name in ("_libcrypto_cffi.py", "_libcrypto_ctypes.py"):
        path = copy / "_openssl" / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(_OLD_VERSION_RE, _NEW_VERSION_RE), encoding="utf-8")
    return True


def _load(workdir: Path) -> tuple[bytes, dict[str, str], bytes, bytes]:
    headers: dict[str, str] = json.loads((workdir / "headers.json").read_text(encoding="utf-8"))
    return (
        (workdir / "body.json").read_bytes(),
        headers,
        (workdir / "root.pem").read_bytes(),
        (workdir / "chain.pem").read_bytes(),
    )


def _time(verify: Any, rounds: int) -> float:
    """Median microseconds per call, over `rounds` calls after one warm-up call."""
    verify()
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        verify()
        samples.append(time.perf_counter() - started)
    samples.sort()
    return samples[len(samples) // 2] * 1e6


def run_ours(workdir: Path) -> dict[str, Any]:
    from back_relief.hosting.verify import RequestVerifier, VerificationError
    from cryptography import x509

    from tests.builders.signing import CERT_URL, SKILL_ID

    body, headers, root, chain = _load(workdir)
    verifier = RequestVerifier(
        SKILL_ID, trusted_roots=[x509.load_pem_x509_certificate(root)], fetch=lambda url: chain
    )
    try:  # a tampered body must fail, or the timing below would mean nothing
        verifier.verify(headers, body.replace(b"LaunchRequest", b"LaunchRequesT"))
        return {"error": "accepted a tampered body"}
    except VerificationError:
        pass
    assert CERT_URL
    return {"us": _time(lambda: verifier.verify(headers, body), ROUNDS["ours"])}


def run_reference(workdir: Path) -> dict[str, Any]:
    warnings.simplefilter("ignore")  # deprecation noise from the 2020-era verifier
    from ask_sdk_core.serialize import DefaultSerializer
    from ask_sdk_webservice_support import verifier as reference
    from certvalidator import CertificateValidator, ValidationContext

    from tests.builders.signing import CERT_URL

    body, headers, root, chain = _load(workdir)
    context = ValidationContext(trust_roots=[root])
    reference.CertificateValidator = functools.partial(  # type: ignore[attr-defined]
        CertificateValidator, validation_context=context
    )
    request_verifier = reference.RequestVerifier()
    request_verifier._cert_cache[CERT_URL] = chain  # as after its first download
    timestamp_verifier = reference.TimestampVerifier()
    text = body.decode("utf-8")
    envelope = DefaultSerializer().deserialize(text, "ask_sdk_model.RequestEnvelope")

    def verify(payload: str = text) -> None:
        request_verifier.verify(headers, payload, envelope)
        timestamp_verifier.verify(headers, payload, envelope)

    try:
        verify(text.replace("LaunchRequest", "LaunchRequesT"))
        return {"error": "accepted a tampered body"}
    except reference.VerificationException:
        pass
    return {"us": _time(verify, ROUNDS["reference"])}


def main(argv: list[str]) -> int:
    which, workdir, out = argv[0], Path(argv[1]), argv[2]
    result = run_ours(workdir) if which == "ours" else run_reference(workdir)
    write_json(out, result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
