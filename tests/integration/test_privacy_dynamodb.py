"""What the DynamoDB table holds after a conversation, read straight from the table (dynalite)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from back_relief.alexa.api_client import BoundedApiClient
from back_relief.alexa.turn import user_key
from back_relief.routines.engine import State
from back_relief.simulator.conversation import Device
from back_relief.simulator.fake_alexa_api import FakeAlexaApi
from back_relief.skill import build
from back_relief.store.dynamodb import DynamoDBStore

from tests.builders import envelopes
from tests.builders.skill import check_response, invoke
from tests.conversation.talk import TIMERS, ice_to_timer
from tests.integration.conftest import local_client

pytestmark = pytest.mark.integration

USER_ID = "amzn1.ask.account.DYNAMOPRIVACYUSER9QZ"
RED_FLAG = "since yesterday I can't control my bladder and my legs are numb"
QUESTION = "is it safe to put a zanzibar hot water bottle on my back overnight"
USER_WORDS = ("bladder", "zanzibar", "overnight", RED_FLAG, QUESTION)
ITEM_KEYS = {"id", "data", "version", "expires_at"}


@pytest.fixture
def device(dynalite: str, table: str) -> Iterator[Device]:
    store = DynamoDBStore(table, endpoint_url=dynalite)
    skill = build(store=lambda: store, api_client=BoundedApiClient(read_timeout=0.5))
    with FakeAlexaApi() as api:
        dev = Device(handler=lambda event: check_response(invoke(skill, event)), api=api)
        dev.user_id = USER_ID
        api.clock = lambda: dev.now
        yield dev


def scan(dynalite: str, table: str) -> list[dict[str, Any]]:
    client = local_client(dynalite)
    items: list[dict[str, Any]] = client.scan(TableName=table, ConsistentRead=True)["Items"]
    return items


def converse(device: Device) -> None:
    device.launch()
    assert "nine one one" in device.intent("SymptomIntent", {"Symptom": RED_FLAG}).text
    device.launch()
    device.intent("QuestionIntent", {"Query": QUESTION})
    device.granted.add(TIMERS)
    ice_to_timer(device)


def test_items_hold_only_hashed_id_routine_state_version_and_expiry(
    device: Device, dynalite: str, table: str
) -> None:
    converse(device)
    [item] = scan(dynalite, table)
    assert set(item) == ITEM_KEYS
    assert item["id"] == {"S": user_key(USER_ID)}
    assert int(item["version"]["N"]) >= 1
    assert int(item["expires_at"]["N"]) > device.now
    data = json.loads(item["data"]["S"])
    assert set(data) == {"state", "profile", "seq"}
    assert set(data["state"]) == set(State.__dataclass_fields__)
    state = State.from_dict(data["state"])
    assert (state.routine, state.status) == ("ice", "timing")  # the timer step, as spoken
    assert set(data["profile"]) <= {"launches", "welcomed", "reminder_for", "practiced"}
    raw = json.dumps(item).lower()
    for secret in (USER_ID, "DYNAMOPRIVACYUSER", "sim-device", *USER_WORDS):
        assert secret.lower() not in raw, f"{secret!r} was stored"
    assert device.api is not None and device.api.token not in json.dumps(item)


def test_forget_me_deletes_the_item(device: Device, dynalite: str, table: str) -> None:
    converse(device)
    assert len(scan(dynalite, table)) == 1
    device.launch()
    assert device.say("forget me").ends_session
    assert scan(dynalite, table) == []


def test_skill_disabled_deletes_only_that_users_item(
    device: Device, dynalite: str, table: str
) -> None:
    converse(device)
    device.user_id = "amzn1.ask.account.SOMEONEELSE"
    device.launch()
    assert len(scan(dynalite, table)) == 2
    event = envelopes.envelope({"type": "AlexaSkillEvent.SkillDisabled"}, user_id=USER_ID)
    reply = device.handler(event)
    assert not (reply.get("response") or {}).get("outputSpeech")
    assert [item["id"]["S"] for item in scan(dynalite, table)] == [
        user_key("amzn1.ask.account.SOMEONEELSE")
    ]
