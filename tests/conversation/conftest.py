"""Fixtures for multi-turn conversations: one rig per test, a device on its virtual clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from back_relief.alexa.api_client import BoundedApiClient
from back_relief.simulator.conversation import Device
from back_relief.simulator.fake_alexa_api import FakeAlexaApi
from back_relief.skill import build
from back_relief.store.local import LocalStore

from tests.conversation.talk import Rig, SwitchableStore

# Short enough that hang_next(2.0) proves the bound, long enough for a loaded CI box.
READ_TIMEOUT_S = 0.5


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
