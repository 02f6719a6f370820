"""back_relief.sha: the user key, the triage index check and the DynamoDB signature hash
without hashlib (it loads OpenSSL, ~2 ms of a cold start): the same digests as hashlib/hmac."""

from __future__ import annotations

import hashlib
import hmac
import random

from back_relief.sha import hmac_sha256, sha256_hex


def test_sha256_and_hmac_match_the_standard_library_for_every_key_length() -> None:
    rng = random.Random(16)
    for length in [0, 1, 31, 32, 63, 64, 65, 100, 200]:
        key = bytes(rng.randrange(256) for _ in range(length))
        for size in (0, 1, 55, 56, 64, 1000):
            message = bytes(rng.randrange(256) for _ in range(size))
            assert sha256_hex(message) == hashlib.sha256(message).hexdigest()
            assert hmac_sha256(key, message) == hmac.new(key, message, hashlib.sha256).digest()


def test_rfc_4231_case_2() -> None:
    # RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    digest = hmac_sha256(b"Jefe", b"what do ya want for nothing?").hex()
    assert digest == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
