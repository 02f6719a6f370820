"""The user key is a keyed hash whose secret belongs to the deployment, never the code."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from back_relief import privacy
from back_relief.content import loader
from back_relief.skill import build
from back_relief.store.local import LocalStore

from tests.builders import envelopes
from tests.builders.skill import EMERGENCY, send

USER = "amzn1.ask.account.KEYEDHASH"


@pytest.fixture
def no_secret(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """No USER_KEY_SECRET, a scratch data folder; the cached secret is recomputed after."""
    monkeypatch.delenv(privacy.SECRET_ENV, raising=False)
    monkeypatch.delenv("AWS_LAMBDA_FUNCTION_NAME", raising=False)
    monkeypatch.setenv("BACK_RELIEF_DATA_DIR", str(tmp_path / "data"))
    privacy.secret.cache_clear()
    yield tmp_path / "data"
    privacy.secret.cache_clear()


def test_unset_secret_is_generated_once_into_the_data_folder(no_secret: Path) -> None:
    first = privacy.user_key(USER)
    path = no_secret / privacy.SECRET_FILE
    assert stat.S_IMODE(path.stat().st_mode) == privacy.SECRET_FILE_MODE
    privacy.secret.cache_clear()  # a restarted service reads the same secret back
    assert privacy.user_key(USER) == first
    # Nobody can recompute it from the user id alone, as they could a fixed-salt hash.
    assert first != hashlib.sha256(("back-relief:" + USER).encode()).hexdigest()
    assert first != hashlib.sha256(USER.encode()).hexdigest()


def test_another_deployment_gets_other_keys(
    no_secret: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = privacy.user_key(USER)
    monkeypatch.setenv("BACK_RELIEF_DATA_DIR", str(no_secret.parent / "elsewhere"))
    privacy.secret.cache_clear()
    assert privacy.user_key(USER) != mine
    monkeypatch.setenv(privacy.SECRET_ENV, "x" * privacy.MIN_SECRET_CHARS)
    privacy.secret.cache_clear()
    assert privacy.user_key(USER) not in (mine, privacy.user_key(USER + "x"))


def test_a_short_secret_is_refused(no_secret: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(privacy.SECRET_ENV, "short")
    with pytest.raises(privacy.SecretMissing):
        privacy.user_key(USER)


def test_lone_surrogates_hash_and_stay_distinct(no_secret: Path) -> None:
    keys = {privacy.user_key(u) for u in ("\ud83d", "\ud83e", "\udc00", "?", "")}
    assert len(keys) == 5


def test_on_lambda_without_a_secret_the_skill_answers_without_progress(
    no_secret: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AWS_LAMBDA_FUNCTION_NAME", "back-relief-skill")
    store = LocalStore(tmp_path / "store")
    skill = build(store=lambda: store)
    flagged = send(skill, envelopes.intent("SymptomIntent", {"Symptom": "i wet myself"}))
    assert EMERGENCY["en-US"] in flagged.text
    opened = send(skill, envelopes.launch(user_id=USER))
    assert loader.load("en-US").message("store_unavailable") in opened.text
    assert not (no_secret / privacy.SECRET_FILE).exists()  # never a secret of its own making
    with sqlite3.connect(tmp_path / "store" / "back_relief.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM progress").fetchone() == (0,)  # nothing kept
