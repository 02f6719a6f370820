"""Fixtures shared by every suite."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


@pytest.fixture
def skill_log(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """caplog for the skill's own logger, which does not propagate (see back_relief/logs.py)."""
    logger = logging.getLogger("back_relief")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.DEBUG, logger="back_relief")
    try:
        yield caplog
    finally:
        logger.removeHandler(caplog.handler)
