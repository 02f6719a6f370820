"""The skill's own pipeline (alexa/runtime.py) and the deferred ask_sdk_model.services
(deferred.py): the SDK's objects and behaviour, without importing every Alexa service."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from ask_sdk_core.dispatch_components import AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.services import ApiClient, ApiClientRequest, ApiClientResponse
from ask_sdk_runtime.exceptions import AskSdkException
from back_relief.alexa import services
from back_relief.alexa.runtime import Skill
from back_relief.alexa.serializer import FastSerializer
from back_relief.skill import build
from back_relief.store.local import LocalStore

from tests.builders import envelopes
from tests.builders.skill import invoke

LAMBDA_DIR = Path(__file__).resolve().parents[2] / "lambda"


def run_fresh(code: str) -> dict[str, object]:
    """`code` in a fresh interpreter, as Lambda's INIT would start: its printed JSON."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env={"PYTHONPATH": str(LAMBDA_DIR), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_skill_never_imports_the_services_it_does_not_call() -> None:
    """Every Alexa service's client and models were ~25 ms of each cold start. After a launch
    and a timer, only the Timers API's models are loaded; the SDK's names still resolve to the
    SDK's own objects, and its whole factory still loads when something asks for it."""
    result = run_fresh(
        r"""
        import importlib, json, re, sys
        import back_relief.skill
        import ask_sdk_model.services as deferred
        from back_relief.alexa.runtime import ServiceClients
        loaded = sorted({m.split(".")[2] for m in sys.modules
                         if m.startswith("ask_sdk_model.services.") and m.count(".") > 2})
        # Every name the installed __init__ exports, from the module it names.
        source = open(deferred.__spec__.origin, encoding="utf-8").read()
        exports = re.findall(r"^from \.(\w+) import (\w+)$", source, re.MULTILINE)
        every_from = re.findall(r"^from \.", source, re.MULTILINE)
        same = [getattr(deferred, name) is getattr(
                    importlib.import_module("ask_sdk_model.services." + module), name)
                for module, name in exports]
        from ask_sdk_model.services import ServiceClientFactory, timer_management
        methods = sorted(n for n in dir(ServiceClientFactory) if n.startswith("get_"))
        ours = sorted(n for n in dir(ServiceClients) if n.startswith("get_"))
        print(json.dumps({
            "loaded": loaded,
            "same": len(same) > 10 and len(same) == len(every_from) and all(same),
            "submodule": deferred.timer_management is timer_management,
            "not_there": not hasattr(deferred, "NoSuchClient"),
            "ours_in_sdk": set(ours) <= set(methods),
            "factory_loaded": "ask_sdk_model.services.ups" in sys.modules,
        }))
        """
    )
    assert result["loaded"] == [], result  # nothing of any service before a request needs it
    assert result["same"] and result["submodule"] and result["not_there"], result
    assert result["ours_in_sdk"], result
    assert result["factory_loaded"], result


def test_service_clients_are_the_sdks_clients() -> None:
    from ask_sdk_model.services import ApiConfiguration, ServiceClientFactory
    from back_relief.alexa.runtime import ServiceClients

    config = ApiConfiguration(api_client=None, api_endpoint="https://api", authorization_value="t")
    sdk, ours = ServiceClientFactory(config), ServiceClients(config)
    for name in ("get_timer_management_service", "get_reminder_management_service"):
        assert type(getattr(ours, name)()) is type(getattr(sdk, name)())


class Recorder(ApiClient):  # type: ignore[misc]
    """An Alexa API that records what reaches it."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def invoke(self, request: ApiClientRequest) -> ApiClientResponse:
        self.sent.append(f"{request.method} {request.url} {dict(request.headers)['Authorization']}")
        return ApiClientResponse(headers=[], status_code=200, body='{"id": "t1"}')


class SetsATimer(AbstractRequestHandler):  # type: ignore[misc]
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        made = services.create_timer(handler_input, 900, "ice", "Time's up.", "en-US")
        return handler_input.response_builder.speak(f"timer {made}").response


def test_a_request_without_an_api_token_sends_nothing_as_the_sdk() -> None:
    """ask-sdk's factory passes a missing token on, and the call fails before anything is sent;
    so here: no request with an empty token, and the routine goes on without the timer."""
    api = Recorder()
    skill = Skill([SetsATimer()], [], [], [], api, FastSerializer())

    def said(**kw: object) -> str:
        event = envelopes.intent("AMAZON.NextIntent", **kw)
        request = skill.serializer.deserialize_object(event, "ask_sdk_model.RequestEnvelope")
        reply = skill.serializer.serialize(skill.invoke(request, None))
        return str(reply["response"]["outputSpeech"]["ssml"])

    assert "timer None" in said(token=None) and api.sent == []
    assert "timer t1" in said()
    assert api.sent == ["POST https://api.amazonalexa.com/v1/alerts/timers Bearer test-token"]


def test_a_skill_id_set_on_lambda_refuses_another_skills_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """As ask-sdk's CustomSkill: a mis-wired trigger answers nobody else's requests."""
    monkeypatch.setenv("SKILL_ID", "amzn1.ask.skill.ours")
    store = LocalStore(":memory:")
    skill = build(store=lambda: store)
    with pytest.raises(AskSdkException):
        invoke(skill, envelopes.launch(skill_id="amzn1.ask.skill.other"))
    reply = invoke(skill, envelopes.launch(skill_id="amzn1.ask.skill.ours"))
    assert "Welcome" in reply["response"]["outputSpeech"]["ssml"]
    assert reply["userAgent"].startswith("ask-python/")
