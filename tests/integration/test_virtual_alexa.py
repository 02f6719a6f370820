"""virtual-alexa (npm) talks to the dev web service, started as a real process."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.builders.services import REPO, Service

pytestmark = pytest.mark.integration


def test_virtual_alexa_conversations_pass(dev_service: Service) -> None:
    if not (REPO / "node_modules" / "virtual-alexa").exists():
        pytest.fail("node_modules/virtual-alexa is missing: run `make test` (it runs npm ci)")
    env = dict(
        os.environ,
        SKILL_URL=dev_service.url + "/",
        MODEL_DIR=str(REPO / "skill-package" / "interactionModels" / "custom"),
    )
    result = subprocess.run(
        ["node", "--test", str(Path(__file__).parent / "virtual_alexa")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
