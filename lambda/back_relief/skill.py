"""Builds the skill: handlers in priority order, interceptors, store and API client.

Nothing heavy happens at import: the store opens on the first request, content is parsed
on first use (then cached for the container's life), boto3 loads only for DynamoDB.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import Any

from ask_sdk_core.skill import CustomSkill
from ask_sdk_core.skill_builder import CustomSkillBuilder

from .alexa.api_client import BoundedApiClient
from .alexa.handlers.answers import AnswerHandler, FreeTextHandler, StretchHowToHandler
from .alexa.handlers.routines import (
    ConsentResponseHandler,
    NavigationHandler,
    StartRoutineHandler,
)
from .alexa.handlers.safety import RedFlagHandler, WarningSignsHandler
from .alexa.handlers.screen import TouchHandler
from .alexa.handlers.session import (
    CalmErrorHandler,
    FallbackHandler,
    ForgetMeHandler,
    HelpHandler,
    LaunchHandler,
    SessionEndedHandler,
    SkillDisabledHandler,
    StopHandler,
    UnhandledRequestHandler,
    YesNoHandler,
)
from .alexa.interceptors import LoadTurn, SaveTurn
from .logs import configure
from .store import Store, StoreFactory, store_from_env


def build(store: StoreFactory | None = None, api_client: Any = None) -> CustomSkill:
    """A configured skill. Tests and the simulator pass their own store and API client."""
    configure(os.environ.get("LOG_LEVEL", "INFO"))
    get_store: StoreFactory = store or _default_store
    builder = CustomSkillBuilder(api_client=api_client or BoundedApiClient())
    # Lambda's AlexaSkill trigger already pins the skill id; checking it here too means a
    # mis-wired trigger answers nobody else's requests.
    builder.skill_id = os.environ.get("SKILL_ID") or None  # type: ignore[assignment]
    # Order matters: the first handler whose can_handle is true answers. Red flags first.
    for handler in (
        RedFlagHandler(),
        LaunchHandler(),
        ConsentResponseHandler(),
        SkillDisabledHandler(get_store),
        SessionEndedHandler(),
        YesNoHandler(),
        StartRoutineHandler(),
        NavigationHandler(),
        TouchHandler(),
        StopHandler(),
        HelpHandler(),
        WarningSignsHandler(),
        StretchHowToHandler(),
        AnswerHandler(),
        FreeTextHandler(),
        ForgetMeHandler(get_store),
        FallbackHandler(),
        UnhandledRequestHandler(),
    ):
        builder.add_request_handler(handler)
    builder.add_exception_handler(CalmErrorHandler())
    builder.add_global_request_interceptor(LoadTurn(get_store))
    builder.add_global_response_interceptor(SaveTurn(get_store))
    return builder.create()


@cache
def _default_store() -> Store:
    return store_from_env()


@cache
def _skill() -> CustomSkill:
    return build()


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """AWS Lambda entry point (and the web service's): envelope dict in, envelope dict out."""
    skill = _skill()
    request_envelope = skill.serializer.deserialize(
        payload=json.dumps(event), obj_type="ask_sdk_model.RequestEnvelope"
    )
    response_envelope = skill.invoke(request_envelope=request_envelope, context=context)
    result = skill.serializer.serialize(response_envelope)
    assert isinstance(result, dict)
    return result
