"""Builds the skill: handlers in priority order, interceptors, store and API client.

Nothing heavy happens at import: the store opens on the first request (or at Lambda's INIT,
see prepare), content is parsed on first use (then cached for the container's life).
"""

from __future__ import annotations

import json
import logging
import os
from functools import cache
from typing import Any

from ask_sdk_core.exceptions import SerializationException

from .alexa import ssml
from .alexa.api_client import BoundedApiClient
from .alexa.first import TriageFirst, raw_early
from .alexa.handlers.answered import RedFlagAnswerHandler
from .alexa.handlers.answers import AnswerHandler, FreeTextHandler, StretchHowToHandler
from .alexa.handlers.routines import (
    ConsentResponseHandler,
    ExercisePainHandler,
    NavigationHandler,
    PickStretchHandler,
    SeatedVersionHandler,
    StartRoutineHandler,
)
from .alexa.handlers.safety import RedFlagHandler, WarningSignsHandler, red_flag_text
from .alexa.handlers.screen import TouchAsSpeech, TouchHandler
from .alexa.handlers.session import (
    CalmErrorHandler,
    FallbackHandler,
    ForgetMeHandler,
    HelpHandler,
    LaunchHandler,
    SessionEndedHandler,
    SkillDisabledHandler,
    StopHandler,
    ThanksHandler,
    UnhandledRequestHandler,
    YesNoHandler,
)
from .alexa.interceptors import LoadTurn, SaveTurn
from .alexa.runtime import Skill
from .alexa.serializer import FastSerializer
from .content import loader
from .logs import configure
from .safety.tiers import Tier
from .store import Store, StoreError, StoreFactory, store_from_env

# Everything after loading the user's progress must fit in this: under the Lambda timeout
# (5 s in template.yaml), itself under Alexa's 8 s. Calls whose worst case no longer fits are
# skipped and the user is told (a timer to set on the phone, a save that didn't happen).
TURN_BUDGET_SECONDS = 4.5


_SERIALIZER = FastSerializer()


def build(store: StoreFactory | None = None, api_client: Any = None) -> Skill:
    """A configured skill. Tests and the simulator pass their own store and API client."""
    configure(os.environ.get("LOG_LEVEL", "INFO"))
    get_store: StoreFactory = store or _default_store
    client = api_client or BoundedApiClient()
    api_worst = float(getattr(client, "worst_case_seconds", TURN_BUDGET_SECONDS))
    return Skill(
        # Order matters: the first handler whose can_handle is true answers. Red flags first.
        handlers=[
            RedFlagHandler(),
            RedFlagAnswerHandler(),
            LaunchHandler(),
            ConsentResponseHandler(),
            SkillDisabledHandler(get_store),
            SessionEndedHandler(),
            YesNoHandler(),
            StartRoutineHandler(),
            NavigationHandler(),
            PickStretchHandler(),
            SeatedVersionHandler(),
            ExercisePainHandler(),
            TouchHandler(),
            StopHandler(),
            HelpHandler(),
            ThanksHandler(),
            WarningSignsHandler(),
            StretchHowToHandler(),
            AnswerHandler(),
            FreeTextHandler(),
            ForgetMeHandler(get_store),
            FallbackHandler(),
            UnhandledRequestHandler(),
        ],
        exception_handlers=[CalmErrorHandler()],
        request_interceptors=[
            # A touched suggestion becomes the request its words make, so triage and handlers
            # see speech.
            TouchAsSpeech(),
            # Triage next, on the request alone: nothing LoadTurn does (store, user key) comes
            # before it.
            TriageFirst(),
            LoadTurn(get_store, TURN_BUDGET_SECONDS, api_worst),
        ],
        response_interceptors=[SaveTurn(get_store)],
        api_client=client,
        serializer=_SERIALIZER,  # ask-sdk's, minus its slow timestamp parser
        # Lambda's AlexaSkill trigger already pins the skill id; checking it here too means a
        # mis-wired trigger answers nobody else's requests.
        skill_id=os.environ.get("SKILL_ID") or None,
    )


@cache
def _default_store() -> Store:
    return store_from_env()


@cache
def _skill() -> Skill:
    return build()


# Request types that may be answered with speech; any other gets an empty response.
_SPEAKING_TYPES = ("LaunchRequest", "IntentRequest", "Connections.Response")


def unreadable_reply(event: Any) -> dict[str, Any]:
    """The answer to an envelope ask-sdk cannot read (a malformed field, a request type newer
    than the SDK, no context): a calm sorry where speech is allowed, else an empty response.
    An exception instead would make Alexa say the skill is broken."""
    request = event.get("request") if isinstance(event, dict) else None
    request = request if isinstance(request, dict) else {}
    kind = request.get("type")
    response: dict[str, Any] = {}
    if kind in _SPEAKING_TYPES or (isinstance(kind, str) and kind.endswith(".UserEvent")):
        locale = request.get("locale")
        content = loader.safe_load(locale if isinstance(locale, str) else None)

        def speech(text: str) -> dict[str, str]:
            return {"type": "SSML", "ssml": ssml.speak([ssml.escape(text)])}

        # Slots that could be read still get triage: a red flag is answered, never "sorry".
        triage = raw_early(event)
        if triage is not None and triage.finding is not None:
            response["outputSpeech"] = speech(red_flag_text(triage.content, triage.finding)[1])
            response["shouldEndSession"] = triage.finding.tier == Tier.EMERGENCY
            if not response["shouldEndSession"]:
                reprompt = triage.content.message("anything_else_reprompt")
                response["reprompt"] = {"outputSpeech": speech(reprompt)}
            return {"version": "1.0", "response": response}
        response["outputSpeech"] = speech(content.message("error"))
        response["reprompt"] = {"outputSpeech": speech(content.message("error_reprompt"))}
        response["shouldEndSession"] = False
    # No session attributes: they may be what could not be read. The store still holds the
    # user's place for the next turn.
    return {"version": "1.0", "response": response}


def lambda_handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    """AWS Lambda entry point (and the web service's): envelope dict in, envelope dict out."""
    skill = _skill()
    log = logging.getLogger("back_relief")
    try:
        if not isinstance(event, dict):
            raise SerializationException("the envelope is not a JSON object")
        request_envelope = _SERIALIZER.deserialize_object(event, "ask_sdk_model.RequestEnvelope")
        # ask-sdk reads context.System before any handler runs; Alexa always sends it.
        if getattr(request_envelope.context, "system", None) is None:
            log.warning("unreadable_envelope", extra={"error": "NoSystem"})
            return unreadable_reply(event)
        # Handlers' errors never get here (CalmErrorHandler answers them); these are ask-sdk's
        # own, before dispatch: a field it cannot parse, or session attributes nested too
        # deep for its deepcopy.
        response_envelope = skill.invoke(request_envelope=request_envelope, context=context)
    except (SerializationException, RecursionError, TypeError, ValueError, AttributeError) as error:
        log.warning("unreadable_envelope", extra={"error": type(error).__name__})
        return unreadable_reply(event)
    result = skill.serializer.serialize(response_envelope)
    assert isinstance(result, dict)
    return result


def prepare() -> None:
    """Lambda's INIT phase (lambda_function calls this at import): build the skill, read the
    default locale's content and open the store (one read).

    Deployed (TABLE_NAME set, as template.yaml always does on Lambda), it also rehearses a short
    conversation (rehearsal.py: launch, help, a free-text question, which builds the answer
    matcher, a same-day red flag, which builds the tolerant reading's sound-alike index, a timer
    step and an emergency red flag) on a spare skill with a throwaway in-memory
    store and an in-process Timers API, and reads the answer ranker's model, so the first
    real request of each kind costs what every later one does. The embedded store (a local
    run of the handler) skips it: there a fresh process answers one request and leaves, and
    its first request pays for what it uses.
    Importing this module alone still does none of it.

    Never raises: whatever fails here fails again on the first request, which answers calmly.
    """
    log = logging.getLogger("back_relief")
    try:
        _skill()
        loader.load(loader.DEFAULT_LOCALE)
        # A read of a key no user has: on DynamoDB it also opens the HTTPS connection, which
        # the first request would otherwise wait for. Nothing is written.
        try:
            _default_store().load("prepare")
        except StoreError:
            log.warning("prepare_store_unavailable")  # the first request says so calmly
        if not os.environ.get("TABLE_NAME"):
            return
        # Deployed, the triage rules are built now (locale content builds them on first use)
        # and the rehearsal below assesses with them, so no request ever waits on them.
        _ = loader.load(loader.DEFAULT_LOCALE).triage
        # Loaded here, not at import, for the embedded store's one-request cold start; deployed,
        # INIT loads them so a first request does not: screens (an Echo Show's first request),
        # the consent and touch models.
        import ask_sdk_model.interfaces.connections
        import ask_sdk_model.slu.entityresolution  # noqa: F401

        from . import rehearsal
        from .alexa import apl  # noqa: F401

        scratch = rehearsal.ScratchStore()
        spare = build(store=lambda: scratch, api_client=rehearsal.LocalTimersApi())
        level = log.level
        log.setLevel(logging.WARNING)  # rehearsals are not requests: keep them out of the logs
        try:
            # One pass: it imports what first requests need and runs every layer once; more
            # passes cost cold start more than they save.
            attributes: dict[str, Any] = {}
            for request in rehearsal.CONVERSATION:
                primer = rehearsal.envelope(request, loader.DEFAULT_LOCALE, attributes)
                envelope = spare.serializer.deserialize(
                    payload=json.dumps(primer), obj_type="ask_sdk_model.RequestEnvelope"
                )
                answer = spare.serializer.serialize(
                    spare.invoke(request_envelope=envelope, context=None)
                )
                carried = answer.get("sessionAttributes") if isinstance(answer, dict) else None
                attributes = carried if isinstance(carried, dict) else {}
        finally:
            log.setLevel(level)
        # The matcher's second opinion reads its model the first time a pick is weak (most
        # questions in a person's own words, a same-day red flag asked with a question; ~0.7
        # ms); the rehearsal's question is a clear pick, so the model is read here. Last, so
        # that nothing before it depends on it.
        from .content.ranker import shipped

        shipped()
    except Exception as error:
        log.warning("prepare_failed", extra={"error": type(error).__name__})
