"""The user key: a keyed hash (HMAC-SHA256) of the Alexa user id with a per-deployment secret.

A plain or fixed-salt hash of a user id can be recomputed by anyone who knows the id and reads
the code; a secret that only the deployment holds makes stored keys and log prefixes useless
without it. Where the secret comes from:

- USER_KEY_SECRET (on Lambda, the template's NoEcho `UserKeySecret` parameter). Required on
  Lambda: without it the skill answers without stored progress (a store failure), never with
  a key anyone could recompute.
- Anywhere else (make run, the simulator, tests) when unset: a random secret generated once
  into the data folder (BACK_RELIEF_DATA_DIR, default .data) as `user_key_secret`, mode 0600.
"""

from __future__ import annotations

import os
from functools import cache

from .sha import hmac_sha256

SECRET_ENV = "USER_KEY_SECRET"
SECRET_FILE = "user_key_secret"
# 32 random bytes, hex: the same strength as the hash itself.
SECRET_BYTES = 32
MIN_SECRET_CHARS = 32
SECRET_FILE_MODE = 0o600  # the service's own user only


class SecretMissing(Exception):
    """No usable secret: on Lambda the deployment must pass one (USER_KEY_SECRET)."""


def user_key(user_id: str) -> str:
    """The store key and log handle for a user id. Any string works, even one carrying lone
    surrogates (a JSON envelope can hold "\\ud83d"): they are encoded, not rejected."""
    raw = user_id.encode("utf-8", "surrogatepass")
    return hmac_sha256(secret(), raw).hex()


@cache
def secret() -> bytes:
    """The deployment's secret, read (or generated) once per process."""
    configured = os.environ.get(SECRET_ENV, "").strip()
    if configured:
        if len(configured) < MIN_SECRET_CHARS:
            raise SecretMissing(f"{SECRET_ENV} must be at least {MIN_SECRET_CHARS} characters")
        return configured.encode()
    if os.environ.get("AWS_LAMBDA_FUNCTION_NAME"):
        raise SecretMissing(f"{SECRET_ENV} is not set (template parameter UserKeySecret)")
    return _local_secret(os.environ.get("BACK_RELIEF_DATA_DIR", ".data"))


# Plain os.path, not pathlib: importing pathlib costs every cold start ~2 ms.
def _local_secret(data_dir: str) -> bytes:
    path = os.path.join(data_dir, SECRET_FILE)
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    os.makedirs(data_dir, exist_ok=True)
    # Written aside, then linked into place: link fails if the name exists, so two processes
    # starting at once agree on whichever secret landed first, and nobody reads half a file.
    scratch = os.path.join(data_dir, f".{SECRET_FILE}.{os.getpid()}.{os.urandom(4).hex()}")
    fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, SECRET_FILE_MODE)
    with os.fdopen(fd, "w") as out:
        # os.urandom is what secrets.token_hex reads; secrets would import hmac, so OpenSSL.
        out.write(os.urandom(SECRET_BYTES).hex())
    try:
        os.link(scratch, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(scratch)
    return _read(path)


def _read(path: str) -> bytes:
    with open(path, encoding="ascii") as fh:
        value = fh.read().strip()
    if len(value) < MIN_SECRET_CHARS:
        raise SecretMissing(f"{path} holds no usable secret")
    return value.encode()
