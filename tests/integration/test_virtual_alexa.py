"""virtual-alexa (npm) talks to the dev web service, started as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.builders.services import REPO, Service, child_env, free_port, start, stop

pytestmark = pytest.mark.integration


@pytest.fixture
def dev_service(tmp_path: Path) -> Iterator[Service]:
    port = free_port()
    command = [sys.executable, "-m", "back_relief.hosting", "--dev", "--port", str(port)]
    service = start(command, child_env(tmp_path), port, tmp_path / "dev.log")
    yield service
    stop(service)


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
