"""The voice model and the handlers agree: nothing Alexa can send falls through to the
generic fallback, and nothing the code listens for is missing from the model."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.attributes_manager import AttributesManager
from ask_sdk_core.dispatch_components.request_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from back_relief.alexa import handlers
from back_relief.alexa.handlers.routines import NAV_INTENTS
from back_relief.alexa.handlers.session import FallbackHandler, UnhandledRequestHandler
from back_relief.alexa.runtime import Skill
from back_relief.content import loader

from tests.builders import envelopes
from tests.builders.skill import LOCALES, model_intents, plausible_slots, send

HANDLERS_DIR = Path(handlers.__file__).parent
GENERIC = (FallbackHandler, UnhandledRequestHandler)
_INTENT_NAME = re.compile(r"^(?:AMAZON\.)?[A-Z][A-Za-z]*Intent$")


def claiming_handler(skill: Skill, event: dict[str, Any]) -> AbstractRequestHandler:
    """The handler the skill's own request mappers pick for an envelope (without running it)."""
    envelope = skill.serializer.deserialize(
        payload=json.dumps(event), obj_type="ask_sdk_model.RequestEnvelope"
    )
    handler_input = HandlerInput(
        request_envelope=envelope,
        attributes_manager=AttributesManager(request_envelope=envelope),
    )
    dispatcher = skill.request_dispatcher
    for interceptor in dispatcher.request_interceptors:  # LoadTurn: handlers read the Turn
        interceptor.process(handler_input=handler_input)
    for mapper in dispatcher.request_mappers:
        chain = mapper.get_request_handler_chain(handler_input)
        if chain is not None:
            handler = chain.request_handler
            assert isinstance(handler, AbstractRequestHandler)
            return handler
    raise AssertionError("no handler claims the request")


def _model_cases() -> list[Any]:
    return [
        pytest.param(locale, name, id=f"{locale}-{name}")
        for locale in LOCALES
        for name in model_intents(locale)
    ]


@pytest.mark.parametrize(("locale", "name"), _model_cases())
def test_every_model_intent_has_its_own_handler(skill: Skill, locale: str, name: str) -> None:
    intent = model_intents(locale)[name]
    event = envelopes.intent(name, plausible_slots(locale, intent), locale=locale)
    handler = claiming_handler(skill, event)
    if name == "AMAZON.FallbackIntent":
        assert isinstance(handler, FallbackHandler)
        return
    assert not isinstance(handler, GENERIC), f"{name} falls through to {type(handler).__name__}"
    reply = send(skill, event)
    fallback = loader.load(locale).messages["fallback"]
    assert fallback not in reply.text, f"{name} is answered with the fallback line"


def handled_in_code() -> set[str]:
    """Intent names the code answers: content answers, navigation, can_handle literals and
    the keys of module-level intent tables (FREE_TEXT_SLOTS) that a can_handle looks up."""
    names = set(loader.load("en-US").intent_answers) | set(NAV_INTENTS)
    for path in sorted(HANDLERS_DIR.glob("*.py")):
        tree = ast.parse(path.read_text())
        for top in tree.body:
            value = top.value if isinstance(top, ast.Assign | ast.AnnAssign) else None
            if isinstance(value, ast.Dict):
                names |= {
                    key.value
                    for key in value.keys
                    if isinstance(key, ast.Constant)
                    and isinstance(key.value, str)
                    and _INTENT_NAME.match(key.value)
                }
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name == "can_handle":
                names |= {
                    inner.value
                    for inner in ast.walk(node)
                    if isinstance(inner, ast.Constant)
                    and isinstance(inner.value, str)
                    and _INTENT_NAME.match(inner.value)
                }
    return names


def test_the_code_handles_a_sensible_number_of_intents() -> None:
    names = handled_in_code()
    assert {"QuestionIntent", "StartRoutineIntent", "AMAZON.StopIntent"} <= names
    assert len(names) > 60


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("name", sorted(handled_in_code()))
def test_every_intent_the_code_handles_is_in_the_model(locale: str, name: str) -> None:
    assert name in model_intents(locale), f"{name} is handled but {locale} never sends it"


@pytest.mark.parametrize("locale", LOCALES)
def test_every_answer_in_the_content_has_its_intent_in_the_model(locale: str) -> None:
    missing = set(loader.load(locale).intent_answers) - set(model_intents(locale))
    assert not missing


@pytest.mark.parametrize("locale", [loc for loc in LOCALES if loc != "en-US"])
def test_every_locale_declares_the_same_intents_and_slots(locale: str) -> None:
    def shape(intents: dict[str, dict[str, Any]]) -> dict[str, list[tuple[str, str]]]:
        return {
            name: sorted((s["name"], s["type"]) for s in intent.get("slots", []))
            for name, intent in intents.items()
        }

    assert shape(model_intents(locale)) == shape(model_intents("en-US"))


def test_required_built_in_intents_are_declared() -> None:
    required = {
        "AMAZON.HelpIntent",
        "AMAZON.StopIntent",
        "AMAZON.CancelIntent",
        "AMAZON.FallbackIntent",
        "AMAZON.NavigateHomeIntent",
    }
    for locale in LOCALES:
        assert required <= set(model_intents(locale)), locale
