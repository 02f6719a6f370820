"""Fixtures shared by every suite: the skill's log, and a conversation rig (a skill on a
local store behind a switchable outage, a fake Alexa API, and a device on its virtual clock)."""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from back_relief.alexa.api_client import BoundedApiClient
from back_relief.simulator.conversation import Device
from back_relief.simulator.fake_alexa_api import FakeAlexaApi
from back_relief.skill import build
from back_relief.store.local import LocalStore

from tests.conversation.talk import READ_TIMEOUT_S, Rig, SwitchableStore

# One user-key secret for the test process and every service it starts (they inherit the
# environment), so a test can compute the key a child process stored. Random per run: no
# test may depend on its value. tests/unit/test_privacy_key.py covers the unset case.
os.environ.setdefault("USER_KEY_SECRET", secrets.token_hex(32))


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


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    store = LocalStore(tmp_path)
    gate = SwitchableStore(store)
    skill = build(store=lambda: gate, api_client=BoundedApiClient(read_timeout=READ_TIMEOUT_S))
    with FakeAlexaApi() as api:
        yield Rig(api=api, store=store, gate=gate, skill=skill)


@pytest.fixture
def device(rig: Rig) -> Device:
    """A first-time user's device; the fake API's timers run on this device's clock."""
    device = rig.device()
    rig.api.clock = lambda: device.now
    return device
