"""A fresh skill per test, on its own sqlite store, driven exactly as Lambda drives it.

Fixture names are chosen not to clash with the other modules' own (handler, pki, invoke, ...).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from back_relief.alexa.runtime import Skill
from back_relief.skill import build
from back_relief.store.local import LocalStore

from tests.builders.skill import Session, SessionFactory


@pytest.fixture(autouse=True)
def _restore_skill_logger() -> Iterator[None]:
    """build() configures the back_relief logger to stop propagating (logs.configure); put it
    back after each test so later tests here, e.g. caplog in test_web_app, still see records."""
    logger = logging.getLogger("back_relief")
    saved = (list(logger.handlers), logger.propagate, logger.level)
    yield
    logger.handlers[:], logger.propagate, logger.level = saved[0], saved[1], saved[2]


@pytest.fixture
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "store")


@pytest.fixture
def skill(store: LocalStore) -> Skill:
    return build(store=lambda: store)


@pytest.fixture
def session(skill: Skill) -> SessionFactory:
    """session(locale=..., user_id=...): one user talking to this test's skill and store."""

    def make(locale: str = "en-US", user_id: str = "amzn1.ask.account.FUNCTIONAL") -> Session:
        return Session(skill, locale=locale, user_id=user_id)

    return make
