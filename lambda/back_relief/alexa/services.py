"""Alexa Timers and Reminders: permission checks, consent requests and API calls.

Every call goes through the skill's BoundedApiClient (explicit timeouts), and every
failure becomes None so the routine carries on without the timer.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.interfaces.connections import SendRequestDirective

TIMERS_SCOPE = "alexa::alerts:timers:skill:readwrite"
REMINDERS_SCOPE = "alexa::alerts:reminders:skill:readwrite"
log = logging.getLogger("back_relief")


def granted(handler_input: HandlerInput, scope: str) -> bool:
    context = handler_input.request_envelope.context
    user = getattr(getattr(context, "system", None), "user", None)
    scopes = getattr(getattr(user, "permissions", None), "scopes", None) or {}
    entry = scopes.get(scope)
    status = getattr(entry, "status", None)
    return getattr(status, "value", status) == "GRANTED"


def ask_for(scope: str) -> SendRequestDirective:
    """Voice consent: Alexa asks the user and answers with a Connections.Response."""
    # Imported on first use: the Connections models are ~0.5 ms of a cold start.
    from ask_sdk_model.interfaces.connections import SendRequestDirective

    return SendRequestDirective(
        name="AskFor",
        payload={
            "@type": "AskForPermissionsConsentRequest",
            "@version": "1",
            "permissionScope": scope,
        },
        token=scope,
    )


def create_timer(
    handler_input: HandlerInput, seconds: int, label: str, announce: str, locale: str
) -> str | None:
    from ask_sdk_model.services.timer_management import (
        AnnounceOperation,
        CreationBehavior,
        DisplayExperience,
        NotificationConfig,
        TextToAnnounce,
        TimerRequest,
        TriggeringBehavior,
        Visibility,
    )

    request = TimerRequest(
        duration=f"PT{seconds // 60}M" if seconds % 60 == 0 else f"PT{seconds}S",
        timer_label=label,
        creation_behavior=CreationBehavior(
            display_experience=DisplayExperience(visibility=Visibility.VISIBLE)
        ),
        triggering_behavior=TriggeringBehavior(
            operation=AnnounceOperation(
                text_to_announce=[TextToAnnounce(locale=locale, text=announce)]
            ),
            notification_config=NotificationConfig(play_audible=True),
        ),
    )
    try:
        client = handler_input.service_client_factory.get_timer_management_service()
        response = client.create_timer(request)
    except Exception as exc:  # ServiceException, ApiClientException, bad config: all degrade
        log.warning("timer_create_failed", extra={"error": type(exc).__name__})
        return None
    timer_id = getattr(response, "id", None)
    return str(timer_id) if timer_id else ""


def cancel_timer(handler_input: HandlerInput, timer_id: str) -> None:
    try:
        client = handler_input.service_client_factory.get_timer_management_service()
        client.delete_timer(timer_id)
    except Exception as exc:  # the timer may already have rung or been cancelled by voice
        log.info("timer_cancel_failed", extra={"error": type(exc).__name__})


def create_reminder(
    handler_input: HandlerInput, seconds: int, text: str, locale: str, now: datetime
) -> bool:
    from ask_sdk_model.services.reminder_management import (
        AlertInfo,
        PushNotification,
        PushNotificationStatus,
        ReminderRequest,
        SpokenInfo,
        SpokenText,
        Trigger,
        TriggerType,
    )

    request = ReminderRequest(
        request_time=now,
        trigger=Trigger(object_type=TriggerType.SCHEDULED_RELATIVE, offset_in_seconds=seconds),
        alert_info=AlertInfo(
            spoken_info=SpokenInfo(content=[SpokenText(locale=locale, text=text)])
        ),
        push_notification=PushNotification(status=PushNotificationStatus.ENABLED),
    )
    try:
        client = handler_input.service_client_factory.get_reminder_management_service()
        client.create_reminder(request)
    except Exception as exc:
        log.warning("reminder_create_failed", extra={"error": type(exc).__name__})
        return False
    return True
