"""DynamoDB (dynalite) holding records no version of the skill wrote: each counts as no
progress, a red flag and a launch still answer, the next save replaces it, and "forget me"
deletes it; and two devices racing "next" never lose an advance silently."""

from __future__ import annotations

import time
from typing import Any

import pytest
from back_relief.alexa.turn import user_key
from back_relief.skill import build
from back_relief.store.dynamodb import DynamoDBStore

from tests.builders import envelopes
from tests.builders.skill import EMERGENCY, send
from tests.conversation.test_concurrent_turns import LinedUp, assert_no_silent_loss
from tests.integration.conftest import local_client

pytestmark = pytest.mark.integration

USER = "amzn1.ask.account.MALFORMEDDYNAMO"
# Item attributes as a bug, a hand edit or an older schema could leave them.
MALFORMED: dict[str, dict[str, Any]] = {
    "text-not-json": {"data": {"S": "not json {"}},
    "list": {"data": {"S": "[]"}},
    "null": {"data": {"S": "null"}},
    "seq-not-a-number": {"data": {"S": '{"seq": "abc"}'}},
    "state-not-a-map": {"data": {"S": '{"state": 5}'}},
    "data-not-a-string": {"data": {"N": "5"}},
    "no-data": {},
}


def put_raw(endpoint: str, table: str, attributes: dict[str, Any], version: int = 3) -> None:
    local_client(endpoint).put_item(
        TableName=table,
        Item={
            "id": {"S": user_key(USER)},
            "version": {"N": str(version)},
            "expires_at": {"N": str(int(time.time()) + 3600)},
            **attributes,
        },
    )


def count(endpoint: str, table: str) -> int:
    return int(local_client(endpoint).scan(TableName=table, Select="COUNT")["Count"])


@pytest.mark.parametrize("shape", list(MALFORMED))
def test_a_malformed_item_is_no_progress_replaced_by_the_next_save_and_forgettable(
    dynalite: str, table: str, store: DynamoDBStore, shape: str
) -> None:
    put_raw(dynalite, table, MALFORMED[shape])
    skill = build(store=lambda: store)
    red_flag = envelopes.intent("SymptomIntent", {"Symptom": "i wet myself"}, user_id=USER)
    assert EMERGENCY["en-US"] in send(skill, red_flag).text

    opened = send(skill, envelopes.launch(user_id=USER))
    assert "Welcome" in opened.text and not opened.ends_session
    record = store.load(user_key(USER))
    assert record.version == 4 and record.data["seq"] >= 1  # saved over the malformed one

    put_raw(dynalite, table, MALFORMED[shape], version=record.version)
    send(skill, envelopes.intent("ForgetMeIntent", user_id=USER))
    assert count(dynalite, table) == 0
    put_raw(dynalite, table, MALFORMED[shape])
    send(skill, envelopes.envelope({"type": "AlexaSkillEvent.SkillDisabled"}, user_id=USER))
    assert count(dynalite, table) == 0


def test_next_on_two_devices_at_once_never_loses_an_advance_silently_dynamodb(
    store: DynamoDBStore,
) -> None:
    assert_no_silent_loss(LinedUp(store), forced=True)
