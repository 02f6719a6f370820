"""Echo Show screens through the whole skill: envelopes in, what Alexa would receive out."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from back_relief import skill as skill_module
from back_relief.alexa import apl
from back_relief.content import loader
from back_relief.simulator import nlu
from back_relief.simulator.conversation import Device
from back_relief.store.local import LocalStore

from tests.builders import envelopes
from tests.builders.skill import check_response
from tests.builders.skill import invoke as invoke_skill

RENDER = "Alexa.Presentation.APL.RenderDocument"
ICE = {"Routine": ("ice session", "ice")}
Invoke = Callable[[dict[str, Any]], dict[str, Any]]


@pytest.fixture
def invoke(tmp_path: Path) -> Invoke:
    built = skill_module.build(store=lambda: LocalStore(tmp_path))

    def call(event: dict[str, Any]) -> dict[str, Any]:
        # The same round trip as lambda_handler: JSON in, JSON out.
        request = built.serializer.deserialize(
            payload=json.dumps(event), obj_type="ask_sdk_model.RequestEnvelope"
        )
        result = built.serializer.serialize(built.invoke(request_envelope=request, context=None))
        assert isinstance(result, dict)
        return result

    return call


def screens(response: dict[str, Any]) -> list[dict[str, Any]]:
    directives = response["response"].get("directives") or []
    return [d for d in directives if d["type"] == RENDER]


def screen(response: dict[str, Any]) -> dict[str, Any]:
    found = screens(response)
    assert len(found) == 1, response
    assert found[0]["token"] == "backRelief"
    data: dict[str, Any] = found[0]["datasources"]["screen"]
    return data


def speech(response: dict[str, Any]) -> str:
    return str(response["response"]["outputSpeech"]["ssml"])


def user_event(arguments: Any, **kw: Any) -> dict[str, Any]:
    request = {
        "type": "Alexa.Presentation.APL.UserEvent",
        "token": "backRelief",
        "arguments": arguments,
        "source": {"type": "TouchWrapper", "handler": "Press", "id": "button_next"},
    }
    return envelopes.envelope(request, **kw)


CONVERSATIONS: dict[str, list[Callable[..., dict[str, Any]]]] = {
    "launch": [lambda **kw: envelopes.launch(**kw)],
    "routine": [
        lambda **kw: envelopes.intent("StartRoutineIntent", ICE, **kw),
        lambda **kw: envelopes.intent("AMAZON.NextIntent", new=False, **kw),
    ],
    "warning signs": [lambda **kw: envelopes.intent("WarningSignsIntent", **kw)],
    "red flag": [
        lambda **kw: envelopes.intent("SymptomIntent", {"Symptom": "my legs gave way"}, **kw)
    ],
    "help": [lambda **kw: envelopes.intent("AMAZON.HelpIntent", **kw)],
}


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_screen_directive_is_sent_only_to_devices_with_apl(name: str, invoke: Invoke) -> None:
    for make in CONVERSATIONS[name]:
        plain = invoke(make(apl=False, user_id="amzn1.ask.account.PLAIN"))
        shown = invoke(make(apl=True, user_id="amzn1.ask.account.SCREEN"))
        assert screens(plain) == []
        # Same words whether or not there is a screen: the screen is never required.
        assert speech(plain) == speech(shown)
        assert plain["response"].get("card") == shown["response"].get("card")


@pytest.mark.parametrize("name", ["launch", "routine", "warning signs", "red flag", "help"])
def test_screens_show_what_is_being_said(name: str, invoke: Invoke) -> None:
    for make in CONVERSATIONS[name]:
        assert len(screens(invoke(make(apl=True)))) == 1


def test_step_screen_follows_next(invoke: Invoke) -> None:
    ice = loader.load("en-US").routines["ice"]
    first = screen(invoke(envelopes.intent("StartRoutineIntent", ICE, apl=True)))
    assert first["position"] == "Step 1 of 6"
    assert first["title"] == ice.steps[0].title
    assert first["text"] == ice.steps[0].say
    assert first["text"] in speech(invoke(envelopes.intent("AMAZON.RepeatIntent", new=False)))
    second = screen(invoke(envelopes.intent("AMAZON.NextIntent", apl=True, new=False)))
    assert second["position"] == "Step 2 of 6"
    assert second["title"] == ice.steps[1].title
    assert second["text"] == ice.steps[1].say
    assert second["heading"] == ice.title


def test_answer_screen_is_the_answer_card(invoke: Invoke) -> None:
    content = loader.load("en-US")
    intent, answer_id = next(iter(content.intent_answers.items()))
    response = invoke(envelopes.intent(intent, apl=True))
    answer = content.answers[answer_id]
    data = screen(response)
    assert data["title"] == answer["title"]
    assert data["text"] == response["response"]["card"]["content"].split("\n\n")[0]


# Each locale's emergency number as said and as shown: from the content reference, written
# out here rather than read from the code under test.
EMERGENCY = {
    "en-US": ("nine one one", "911"),
    "en-CA": ("nine one one", "911"),
    "en-GB": ("nine nine nine", "999"),
    "en-AU": ("triple zero", "000"),
    "en-IN": ("one one two", "112"),
}
NUMBER_WORDS = re.compile(
    r"\b(?:zero|one|two|three|four|five|six|seven|eight|nine|triple|double)"
    r"(?:,?\s+(?:zero|one|two|three|four|five|six|seven|eight|nine|hundred))+\b",
    re.I,
)


def said(response: dict[str, Any]) -> str:
    return re.sub(r"<[^>]+>", " ", speech(response))


@pytest.mark.parametrize("locale", loader.LOCALES)
def test_screens_show_digits_where_speech_says_words(locale: str, invoke: Invoke) -> None:
    words, digits = EMERGENCY[locale]
    for event in (
        envelopes.intent("WarningSignsIntent", locale=locale, apl=True),
        envelopes.intent("SymptomIntent", {"Symptom": "my legs gave way"}, locale=locale, apl=True),
    ):
        response = invoke(event)
        assert words in said(response) and digits not in said(response)
        data = screen(response)
        assert data["emergency"]["call"] == f"Emergency: {digits}"
        assert digits in data["emergency"]["text"]
        shown = [s for s in strings(data) if isinstance(s, str)]
        assert not [s for s in shown if NUMBER_WORDS.search(s)], shown
        card = response["response"]["card"]["content"]  # the Alexa app's card is read too
        assert digits in card and not NUMBER_WORDS.search(card), card
        signs = loader.load(locale).warning_signs
        if event["request"]["intent"]["name"] == "WarningSignsIntent":
            assert data["emergency"]["text"] == signs["part1"].replace(words, digits)
            # The round screen keeps the call-now part, number included, inside the circle.
            assert data["emergency"]["textRound"].startswith(f"Call {digits} now")


def strings(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in strings(v)]
    return [node]


@pytest.mark.parametrize("locale", loader.LOCALES)
def test_launch_screen_offers_three_things_to_say_only_on_screens(
    locale: str, invoke: Invoke
) -> None:
    plain = invoke(envelopes.launch(locale=locale, user_id="amzn1.ask.account.PLAIN"))
    shown = invoke(envelopes.launch(locale=locale, apl=True, user_id="amzn1.ask.account.SCREEN"))
    assert screens(plain) == []
    assert speech(plain) == speech(shown)
    data = screen(shown)
    assert data["kind"] == "launch"
    suggestions = data["suggestions"]
    assert len(suggestions) == 3
    assert len({s["id"] for s in suggestions}) == 3
    document = screens(shown)[0]["document"]
    assert '"arguments": ["say", "${data.id}"]' in json.dumps(document)


@pytest.mark.parametrize("locale", loader.LOCALES)
def test_touching_a_suggestion_is_saying_it(locale: str, tmp_path: Path) -> None:
    """Each suggestion, said to one device and touched on another, gets the same reply:
    same words, screen, card, session state. Both first open the skill."""
    for suggestion in screen(launch_reply(tmp_path / "probe", locale))["suggestions"]:
        match = nlu.for_locale(locale).understand(suggestion["text"])
        assert match is not None and match.intent != "AMAZON.FallbackIntent", suggestion
        spoken, touched = (device(tmp_path / f"{suggestion['id']}-{n}", locale) for n in "st")
        spoken.launch()
        touched.launch()
        by_voice = spoken.say(suggestion["text"])
        by_touch = touched.send(
            {
                "type": "Alexa.Presentation.APL.UserEvent",
                "token": apl.TOKEN,
                "arguments": ["say", suggestion["id"]],
                "source": {"type": "TouchWrapper", "handler": "Press", "id": "suggestion"},
            }
        )
        assert by_touch.raw == by_voice.raw, suggestion
        assert by_touch.text and screens(by_touch.raw), suggestion


def device(store_dir: Path, locale: str) -> Device:
    built = skill_module.build(store=lambda: LocalStore(store_dir))
    return Device(
        handler=lambda event: check_response(invoke_skill(built, event)),
        locale=locale,
        apl=True,
        user_id="amzn1.ask.account.SAME",
    )


def launch_reply(store_dir: Path, locale: str) -> dict[str, Any]:
    return device(store_dir, locale).launch().raw


@pytest.mark.parametrize(("locale", "digits"), [("en-GB", "999"), ("en-AU", "000")])
def test_red_flag_screen_highlights_the_emergency_line(
    locale: str, digits: str, invoke: Invoke
) -> None:
    event = envelopes.intent("SymptomIntent", {"Symptom": "my legs gave way"}, locale=locale)
    event["context"]["System"]["device"]["supportedInterfaces"] = {
        apl.INTERFACE: {"runtime": {"maxVersion": "2023.3"}}
    }
    data = screen(invoke(event))
    assert data["emergency"]["highlight"] is True
    assert digits in data["emergency"]["call"]
    assert data["emergency"]["text"]


def test_touching_next_is_exactly_saying_next(tmp_path: Path) -> None:
    responses = []
    for i, follow_up in enumerate(
        [
            envelopes.intent("AMAZON.NextIntent", apl=True, new=False),
            user_event(["nav", "next"], apl=True, new=False),
        ]
    ):
        built = skill_module.build(store=lambda i=i: LocalStore(tmp_path / str(i)))  # type: ignore[misc]
        out: list[dict[str, Any]] = []
        for event in (envelopes.intent("StartRoutineIntent", ICE, apl=True), follow_up):
            request = built.serializer.deserialize(
                payload=json.dumps(event), obj_type="ask_sdk_model.RequestEnvelope"
            )
            serialized = built.serializer.serialize(built.invoke(request, None))
            assert isinstance(serialized, dict)
            out.append(serialized)
        responses.append(out[-1]["response"])
    spoken, touched = responses
    assert touched == spoken
    assert screen({"response": touched})["position"] == "Step 2 of 6"


@pytest.mark.parametrize("action", ["repeat", "previous"])
def test_touch_repeat_and_previous_stay_on_the_first_step(action: str, invoke: Invoke) -> None:
    invoke(envelopes.intent("StartRoutineIntent", ICE, apl=True))
    data = screen(invoke(user_event(["nav", action], apl=True, new=False)))
    assert data["position"] == "Step 1 of 6"


def test_touch_stop_ends_the_routine(invoke: Invoke) -> None:
    invoke(envelopes.intent("StartRoutineIntent", ICE, apl=True))
    response = invoke(user_event(["nav", "stop"], apl=True, new=False))
    assert "stopping" in speech(response)
    assert response["response"]["shouldEndSession"] is True


@pytest.mark.parametrize(
    "arguments",
    [
        ["nav", "dance"],
        ["volume", "up"],
        [],
        ["nav"],
        ["nav", {"x": 1}],
        "next",
        ["say", "dance"],
        ["say", ["start_ice"]],
        ["say"],
    ],
)
@pytest.mark.parametrize("in_routine", [True, False])
def test_unknown_touch_gets_a_spoken_helpful_answer(
    arguments: Any, in_routine: bool, invoke: Invoke
) -> None:
    if in_routine:
        invoke(envelopes.intent("StartRoutineIntent", ICE, apl=True))
    response = invoke(user_event(arguments, apl=True, new=False))
    content = loader.load("en-US")
    expected = content.message("screen_touch_unknown" if in_routine else "what_next")
    assert expected.replace("'", "&apos;").replace('"', "&quot;") in speech(response)
    assert response["response"]["shouldEndSession"] is False
