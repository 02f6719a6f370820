"""The fake Timers/Reminders API, driven by the real ask-sdk clients through BoundedApiClient."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import pytest
import requests
from ask_sdk_core.exceptions import ApiClientException
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model.services.api_client_request import ApiClientRequest
from ask_sdk_model.services.api_configuration import ApiConfiguration
from ask_sdk_model.services.reminder_management import (
    AlertInfo,
    PushNotification,
    PushNotificationStatus,
    ReminderManagementServiceClient,
    ReminderRequest,
    SpokenInfo,
    SpokenText,
    Trigger,
    TriggerType,
)
from ask_sdk_model.services.service_exception import ServiceException
from ask_sdk_model.services.timer_management import (
    AnnounceOperation,
    CreationBehavior,
    DisplayExperience,
    NotificationConfig,
    TextToAnnounce,
    TimerManagementServiceClient,
    TimerRequest,
    TriggeringBehavior,
    Visibility,
)
from back_relief.alexa.api_client import BoundedApiClient, is_loopback_host
from back_relief.simulator.fake_alexa_api import FakeAlexaApi

START = 1_700_000_000.0  # 2023-11-14T22:13:20Z
ANNOUNCE = "Your ice time is up. Take the pack off now."


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def fake(clock: Clock) -> Iterator[FakeAlexaApi]:
    with FakeAlexaApi(clock=clock) as api:
        yield api


def config(fake: FakeAlexaApi, client: BoundedApiClient | None = None) -> ApiConfiguration:
    return ApiConfiguration(
        serializer=DefaultSerializer(),
        api_client=client or BoundedApiClient(),
        authorization_value=fake.token,
        api_endpoint=fake.endpoint,
    )


def timers(fake: FakeAlexaApi, client: BoundedApiClient | None = None) -> Any:
    return TimerManagementServiceClient(config(fake, client))


def reminders(fake: FakeAlexaApi) -> Any:
    return ReminderManagementServiceClient(config(fake))


def ice_timer(duration: str = "PT15M", label: str = "Back Relief ice") -> TimerRequest:
    return TimerRequest(
        duration=duration,
        timer_label=label,
        creation_behavior=CreationBehavior(DisplayExperience(visibility=Visibility.VISIBLE)),
        triggering_behavior=TriggeringBehavior(
            operation=AnnounceOperation(
                text_to_announce=[TextToAnnounce(locale="en-US", text=ANNOUNCE)]
            ),
            notification_config=NotificationConfig(play_audible=True),
        ),
    )


VALID_TIMER: dict[str, Any] = {
    "duration": "PT15M",
    "timerLabel": "Back Relief ice",
    "creationBehavior": {"displayExperience": {"visibility": "VISIBLE"}},
    "triggeringBehavior": {
        "operation": {
            "type": "ANNOUNCE",
            "textToAnnounce": [{"locale": "en-US", "text": ANNOUNCE}],
        },
        "notificationConfig": {"playAudible": True},
    },
}

VALID_REMINDER: dict[str, Any] = {
    "requestTime": "2023-11-14T22:13:20",
    "trigger": {"type": "SCHEDULED_RELATIVE", "offsetInSeconds": 3600},
    "alertInfo": {"spokenInfo": {"content": [{"locale": "en-GB", "text": "Time to move gently."}]}},
    "pushNotification": {"status": "ENABLED"},
}


def post(fake: FakeAlexaApi, path: str, body: Any, token: str | None = None) -> requests.Response:
    headers = {"Authorization": f"Bearer {token or fake.token}"}
    return requests.post(fake.endpoint + path, json=body, headers=headers, timeout=5)


def mutated(base: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> dict[str, Any]:
    body = copy.deepcopy(base)
    change(body)
    return body


def test_fifteen_minute_announce_timer_is_sent_exactly_as_the_timers_api_expects(
    fake: FakeAlexaApi,
) -> None:
    timer = timers(fake).create_timer(ice_timer())

    assert fake.invalid == []
    assert fake.requests[-1].method == "POST"
    assert fake.requests[-1].path == "/v1/alerts/timers"
    assert fake.requests[-1].body == VALID_TIMER
    assert timer.status.value == "ON"
    assert timer.duration == "PT15M"
    assert timer.timer_label == "Back Relief ice"
    assert (timer.trigger_time - timer.created_time).total_seconds() == 15 * 60
    assert fake.timers[timer.id]["createdTime"] == "2023-11-14T22:13:20Z"
    assert fake.timers[timer.id]["triggerTime"] == "2023-11-14T22:28:20Z"


def test_timer_can_be_read_then_cancelled_and_is_gone_afterwards(fake: FakeAlexaApi) -> None:
    client = timers(fake)
    created = client.create_timer(ice_timer())

    assert client.get_timer(created.id).id == created.id
    client.delete_timer(created.id)
    assert fake.timers == {}
    with pytest.raises(ServiceException) as missing:
        client.get_timer(created.id)
    assert missing.value.status_code == 404
    assert fake.invalid == []


def test_cancel_all_timers_empties_the_list(fake: FakeAlexaApi) -> None:
    client = timers(fake)
    client.create_timer(ice_timer(label="ice"))
    client.create_timer(ice_timer(duration="PT20M", label="heat"))

    assert client.get_timers().total_count == 2
    client.delete_timers()
    assert fake.timers == {}
    assert fake.invalid == []


def test_timer_rings_when_the_virtual_clock_passes_its_trigger_time(
    fake: FakeAlexaApi, clock: Clock
) -> None:
    created = timers(fake).create_timer(ice_timer())

    clock.now += 15 * 60 - 1
    assert fake.pop_due() == []
    clock.now += 1
    rang = fake.pop_due()
    assert [t["id"] for t in rang] == [created.id]
    assert rang[0]["status"] == "OFF"
    assert fake.timers == {}
    with pytest.raises(ServiceException) as gone:
        timers(fake).delete_timer(created.id)
    assert gone.value.status_code == 404


def test_two_hour_timer_is_the_longest_allowed(fake: FakeAlexaApi) -> None:
    assert timers(fake).create_timer(ice_timer(duration="PT2H")).duration == "PT2H"
    assert fake.invalid == []


def test_relative_reminder_is_created_with_an_alert_token(fake: FakeAlexaApi) -> None:
    request = ReminderRequest(
        request_time=datetime(2023, 11, 14, 22, 13, 20),
        trigger=Trigger(object_type=TriggerType.SCHEDULED_RELATIVE, offset_in_seconds=3600),
        alert_info=AlertInfo(
            spoken_info=SpokenInfo(
                content=[SpokenText(locale="en-GB", text="Time to move gently.")]
            )
        ),
        push_notification=PushNotification(status=PushNotificationStatus.ENABLED),
    )

    reply = reminders(fake).create_reminder(request)

    assert reply.alert_token in fake.reminders
    assert reply.status.value == "ON"
    assert fake.requests[-1].body == VALID_REMINDER
    assert fake.invalid == []


def test_absolute_reminder_in_local_time_is_accepted(fake: FakeAlexaApi) -> None:
    body = mutated(
        VALID_REMINDER,
        lambda b: b.update(
            trigger={
                "type": "SCHEDULED_ABSOLUTE",
                "scheduledTime": "2023-11-15T09:00:00.000",
                "timeZoneId": "Europe/London",
            }
        ),
    )
    assert post(fake, "/v1/alerts/reminders", body).status_code == 200
    assert fake.invalid == []


def _set(path: list[str], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        node = body
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _drop(path: list[str]) -> Callable[[dict[str, Any]], None]:
    def change(body: dict[str, Any]) -> None:
        node = body
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return change


OPERATION = ["triggeringBehavior", "operation"]
INVALID_TIMERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "duration in words": _set(["duration"], "15 minutes"),
    "duration in seconds as number": _set(["duration"], 900),
    "zero duration": _set(["duration"], "PT0S"),
    "empty duration": _set(["duration"], "PT"),
    "over two hours": _set(["duration"], "PT2H1S"),
    "three hours": _set(["duration"], "PT3H"),
    "label too long": _set(["timerLabel"], "x" * 257),
    "label not a string": _set(["timerLabel"], 7),
    "missing creationBehavior": _drop(["creationBehavior"]),
    "unknown visibility": _set(["creationBehavior", "displayExperience", "visibility"], "SHOWN"),
    "unknown operation": _set([*OPERATION, "type"], "SPEAK"),
    "announce without text": _drop([*OPERATION, "textToAnnounce"]),
    "announce with empty list": _set([*OPERATION, "textToAnnounce"], []),
    "announce item without locale": _set([*OPERATION, "textToAnnounce"], [{"text": "hi"}]),
    "announce item with empty text": _set(
        [*OPERATION, "textToAnnounce"], [{"locale": "en-US", "text": ""}]
    ),
    "notify only with extra text": _set([*OPERATION, "type"], "NOTIFY_ONLY"),
    "missing notificationConfig": _drop(["triggeringBehavior", "notificationConfig"]),
    "playAudible as string": _set(
        ["triggeringBehavior", "notificationConfig", "playAudible"], "yes"
    ),
    "unknown top-level field": _set(["priority"], "high"),
    "unknown nested field": _set(["creationBehavior", "displayExperience", "colour"], "red"),
}


@pytest.mark.parametrize("change", INVALID_TIMERS.values(), ids=INVALID_TIMERS.keys())
def test_invalid_timer_body_is_refused_with_400(
    fake: FakeAlexaApi, change: Callable[[dict[str, Any]], None]
) -> None:
    reply = post(fake, "/v1/alerts/timers", mutated(VALID_TIMER, change))

    assert reply.status_code == 400
    assert reply.json()["message"]
    assert len(fake.invalid) == 1
    assert fake.timers == {}


TRIGGER = ["trigger"]
INVALID_REMINDERS: dict[str, Callable[[dict[str, Any]], None]] = {
    "missing requestTime": _drop(["requestTime"]),
    "requestTime not a date": _set(["requestTime"], "now"),
    "unknown trigger type": _set([*TRIGGER, "type"], "SCHEDULED_SOON"),
    "relative without offset": _drop([*TRIGGER, "offsetInSeconds"]),
    "zero offset": _set([*TRIGGER, "offsetInSeconds"], 0),
    "offset as string": _set([*TRIGGER, "offsetInSeconds"], "3600"),
    "relative with scheduledTime": _set([*TRIGGER, "scheduledTime"], "2023-11-15T09:00:00"),
    "absolute without scheduledTime": _set([*TRIGGER], {"type": "SCHEDULED_ABSOLUTE"}),
    "absolute in UTC": _set(
        [*TRIGGER], {"type": "SCHEDULED_ABSOLUTE", "scheduledTime": "2023-11-15T09:00:00Z"}
    ),
    "empty spoken content": _set(["alertInfo", "spokenInfo", "content"], []),
    "spoken item without text": _set(["alertInfo", "spokenInfo", "content"], [{"locale": "en-GB"}]),
    "push status ON": _set(["pushNotification", "status"], "ON"),
    "unknown field": _set(["label"], "stretch"),
}


@pytest.mark.parametrize("change", INVALID_REMINDERS.values(), ids=INVALID_REMINDERS.keys())
def test_invalid_reminder_body_is_refused_with_400(
    fake: FakeAlexaApi, change: Callable[[dict[str, Any]], None]
) -> None:
    reply = post(fake, "/v1/alerts/reminders", mutated(VALID_REMINDER, change))

    assert reply.status_code == 400
    assert len(fake.invalid) == 1
    assert fake.reminders == {}


def test_body_that_is_not_json_is_refused(fake: FakeAlexaApi) -> None:
    reply = requests.post(
        fake.endpoint + "/v1/alerts/timers",
        data=b"{duration: PT15M",
        headers={"Authorization": f"Bearer {fake.token}"},
        timeout=5,
    )
    assert reply.status_code == 400
    assert len(fake.invalid) == 1


def test_eleventh_live_timer_and_duplicate_labels_are_refused(fake: FakeAlexaApi) -> None:
    client = timers(fake)
    client.create_timer(ice_timer(label="ice"))
    with pytest.raises(ServiceException) as duplicate:
        client.create_timer(ice_timer(label="ice"))
    assert duplicate.value.status_code == 400

    for n in range(9):
        client.create_timer(ice_timer(label=f"step {n}"))
    with pytest.raises(ServiceException) as too_many:
        client.create_timer(ice_timer(label="one too many"))
    assert too_many.value.status_code == 400
    assert len(fake.timers) == 10


@pytest.mark.parametrize("token", [None, "not-the-token"])
def test_request_without_the_bearer_token_gets_401(fake: FakeAlexaApi, token: str | None) -> None:
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    reply = requests.post(
        fake.endpoint + "/v1/alerts/timers", json=VALID_TIMER, headers=headers, timeout=5
    )

    assert reply.status_code == 401
    assert fake.invalid[0].status == 401
    assert fake.timers == {}


@pytest.mark.parametrize("status", [500, 429, 403])
def test_scripted_failure_surfaces_as_service_exception_with_that_status(
    fake: FakeAlexaApi, status: int
) -> None:
    client = timers(fake)
    fake.fail_next(status, times=2)

    for _ in range(2):
        with pytest.raises(ServiceException) as failure:
            client.create_timer(ice_timer())
        assert failure.value.status_code == status
    assert client.create_timer(ice_timer()).status.value == "ON"
    assert fake.invalid == []


def test_hanging_api_is_cut_off_by_the_read_timeout(fake: FakeAlexaApi) -> None:
    client = BoundedApiClient(connect_timeout=0.5, read_timeout=0.2)
    request = ApiClientRequest(
        url=fake.endpoint + "/v1/alerts/timers",
        method="GET",
        headers=[("Authorization", f"Bearer {fake.token}")],
    )
    fake.hang_next(1.0)

    with pytest.raises(ApiClientException, match=r"(?i)timed out"):
        client.invoke(request)


def test_service_client_reports_a_hang_as_a_failed_call(fake: FakeAlexaApi) -> None:
    client = timers(fake, BoundedApiClient(read_timeout=0.2))
    fake.hang_next(1.0)

    with pytest.raises(ServiceException, match="Call to service failed"):
        client.create_timer(ice_timer())


def test_plain_http_to_a_public_host_is_refused_before_any_connection() -> None:
    request = ApiClientRequest(url="http://api.amazonalexa.com/v1/alerts/timers", method="GET")

    with pytest.raises(ApiClientException, match="non-HTTPS"):
        BoundedApiClient().invoke(request)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.45.0.9", True),
        ("::1", True),
        ("localhost", True),
        ("LOCALHOST", True),
        ("128.0.0.1", False),
        ("10.0.0.1", False),
        ("localhost.example.com", False),
        ("api.amazonalexa.com", False),
        ("", False),
        (None, False),
    ],
)
def test_only_loopback_hosts_count_as_local(host: str | None, loopback: bool) -> None:
    assert is_loopback_host(host) is loopback


def test_timeouts_must_be_positive() -> None:
    with pytest.raises(ValueError):
        BoundedApiClient(read_timeout=0)
