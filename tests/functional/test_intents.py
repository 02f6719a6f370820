"""Every intent, built-in and odd request through the real handler, in every locale.

Each reply passes tests.builders.skill.check_response (valid envelope, well-formed SSML,
legal breaks and length, no leaked errors) before any test looks at it.
"""

from __future__ import annotations

import logging
import tomllib
from pathlib import Path
from typing import Any

import pytest
from back_relief.alexa.runtime import Skill
from back_relief.alexa.turn import Reply as TurnReply
from back_relief.content import loader
from back_relief.logs import JsonFormatter
from back_relief.skill import build
from back_relief.store.base import Record

from tests.builders import envelopes
from tests.builders.skill import (
    LOCALES,
    Reply,
    Session,
    SessionFactory,
    empty_slots,
    model_intents,
    plausible_slots,
    send,
    understand,
)

ANSWERS_TOML = Path(loader.__file__).parent / "en" / "answers.toml"
TIMERS = "alexa::alerts:timers:skill:readwrite"


def _intent_cases() -> list[Any]:
    cases = []
    for locale in LOCALES:
        for name, intent in model_intents("en-US").items():
            cases.append(pytest.param(locale, name, "empty", id=f"{locale}-{name}-empty"))
            if intent.get("slots"):
                cases.append(pytest.param(locale, name, "filled", id=f"{locale}-{name}-filled"))
    return cases


def assert_spoken(reply: Reply) -> None:
    assert reply.text, "no speech"
    if reply.keeps_session:
        assert reply.reprompt, "the mic stays open without a reprompt"


@pytest.mark.parametrize(("locale", "name", "variant"), _intent_cases())
def test_every_model_intent_gets_a_valid_spoken_response(
    session: SessionFactory, locale: str, name: str, variant: str
) -> None:
    intent = model_intents("en-US")[name]
    slots = plausible_slots(locale, intent) if variant == "filled" else empty_slots(intent)
    reply = session(locale).intent(name, slots)
    assert_spoken(reply)


@pytest.mark.parametrize("name", sorted(model_intents("en-US")))
def test_every_model_intent_mid_routine_gets_a_valid_spoken_response(
    session: SessionFactory, name: str
) -> None:
    user = session()
    user.intent("StartRoutineIntent", {"Routine": ("stretches", "stretches")})
    user.intent("AMAZON.NextIntent")  # onto a paced hold: breaks and counts in the SSML
    intent = model_intents("en-US")[name]
    reply = user.intent(name, plausible_slots("en-US", intent))
    assert reply.text or reply.consent_scope, "no speech"


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("routine", ["ice", "heat", "contrast", "massage", "stretches"])
def test_every_routine_runs_to_its_end_with_valid_responses(
    session: SessionFactory, locale: str, routine: str
) -> None:
    user = session(locale)
    reply = user.intent("StartRoutineIntent", {"Routine": (routine, routine)})
    said = [reply.text]
    for _ in range(40):
        if reply.ends_session and "open Back Relief" in reply.text:
            # A timed step: the user sets their own timer, then comes back when it rings.
            user.now += 25 * 60
            reply = user.launch()
        elif reply.ends_session:
            break
        elif reply.consent_scope:
            reply = user.consent("DENIED", reply.consent_scope)
        elif "remind you" in reply.text:
            reply = user.intent("AMAZON.NoIntent")
        else:
            reply = user.intent("AMAZON.NextIntent")
        said.append(reply.text)
    assert reply.ends_session, "the routine never finished"
    assert any("That's the end of your" in text for text in said), said


# ------------------------------------------------------------------ one-shot questions


@pytest.mark.parametrize("locale", LOCALES)
def test_one_shot_question_without_an_offer_is_answered_and_ends_the_session(
    session: SessionFactory, locale: str
) -> None:
    name, slots = understand(locale, "is it safe to sleep with a heating pad")
    assert name == "SleepWithHeatIntent"
    reply = session(locale).intent(name, slots)
    assert "burns" in reply.text
    assert reply.ends_session
    assert not reply.reprompt


@pytest.mark.parametrize("locale", LOCALES)
def test_how_long_should_i_ice_offers_a_session_and_yes_starts_it(
    session: SessionFactory, locale: str
) -> None:
    user = session(locale)
    reply = user.say("how long should I ice")
    assert "fifteen minutes" in reply.text
    assert reply.keeps_session
    assert reply.reprompt == "Shall I time an ice session for you?"
    started = user.say("yes")
    assert "Let's start your ice session" in started.text
    assert started.keeps_session


def _answers_with_offers() -> list[tuple[str, str]]:
    with ANSWERS_TOML.open("rb") as fh:
        answers = tomllib.load(fh)["answers"]
    return sorted((a["intent"], a["offer"]) for a in answers.values() if a.get("offer"))


@pytest.mark.parametrize(("name", "offer"), _answers_with_offers())
def test_answer_with_an_offer_keeps_the_session_and_yes_starts_that_routine(
    session: SessionFactory, name: str, offer: str
) -> None:
    user = session()
    reply = user.intent(name)
    assert reply.keeps_session
    assert reply.reprompt.endswith("?"), "the reprompt should be the offer question"
    assert reply.reprompt in reply.text, "the reprompt should repeat the answer's own question"
    assert len(reply.reprompt) < len(reply.text), "the reprompt is the question, not the answer"
    routine_name = loader.load("en-US").routines[offer].name
    assert f"Let's start your {routine_name}" in user.intent("AMAZON.YesIntent").text


@pytest.mark.parametrize(("name", "offer"), _answers_with_offers())
def test_answer_with_an_offer_then_no_does_not_start_a_routine(
    session: SessionFactory, name: str, offer: str
) -> None:
    user = session()
    user.intent(name)
    reply = user.intent("AMAZON.NoIntent")
    assert "Let's start" not in reply.text


# ------------------------------------------------------------------ built-in intents


def _in_routine(user: Session) -> None:
    reply = user.intent("StartRoutineIntent", {"Routine": ("ice", "ice")})
    assert "Let's start your ice session" in reply.text


@pytest.mark.parametrize("locale", LOCALES)
def test_help_outside_a_routine_explains_and_listens(session: SessionFactory, locale: str) -> None:
    user = session(locale)
    user.launch()
    reply = user.intent("AMAZON.HelpIntent")
    assert "I can answer questions" in reply.text
    assert reply.keeps_session and reply.reprompt


@pytest.mark.parametrize("locale", LOCALES)
def test_help_in_a_routine_says_where_you_are(session: SessionFactory, locale: str) -> None:
    user = session(locale)
    _in_routine(user)
    reply = user.intent("AMAZON.HelpIntent")
    assert "say next" in reply.text  # the routine's commands, not the whole menu
    assert "step 1 of" in reply.text
    assert reply.keeps_session and reply.reprompt


@pytest.mark.parametrize("name", ["AMAZON.StopIntent", "AMAZON.CancelIntent"])
@pytest.mark.parametrize("locale", LOCALES)
def test_stop_outside_a_routine_says_goodbye_and_ends(
    session: SessionFactory, locale: str, name: str
) -> None:
    user = session(locale)
    user.launch()
    reply = user.intent(name)
    assert "Take care" in reply.text
    assert reply.ends_session


@pytest.mark.parametrize("name", ["AMAZON.StopIntent", "AMAZON.CancelIntent"])
@pytest.mark.parametrize("locale", LOCALES)
def test_stop_in_a_routine_says_take_off_any_pack(
    session: SessionFactory, locale: str, name: str
) -> None:
    user = session(locale)
    _in_routine(user)
    user.intent("AMAZON.NextIntent")
    reply = user.intent(name)
    assert "Take off any pack" in reply.text
    assert reply.ends_session
    relaunch = user.launch()
    assert "carry on" not in relaunch.text


@pytest.mark.parametrize("locale", LOCALES)
def test_fallback_gives_a_helpful_reprompt_and_keeps_listening(
    session: SessionFactory, locale: str
) -> None:
    user = session(locale)
    user.launch()
    reply = user.intent("AMAZON.FallbackIntent")
    assert "Sorry, I didn't catch that" in reply.text
    assert reply.keeps_session and reply.reprompt


def test_fallback_in_a_routine_keeps_the_routine(session: SessionFactory) -> None:
    user = session()
    _in_routine(user)
    reply = user.intent("AMAZON.FallbackIntent")
    assert "In your routine" in reply.text
    assert reply.keeps_session
    assert "You're on step 1 of" in user.intent("WhichStepIntent").text


def test_navigate_home_gets_a_valid_response(session: SessionFactory) -> None:
    user = session()
    user.launch()
    reply = user.intent("AMAZON.NavigateHomeIntent")
    assert reply.text
    assert reply.ends_session


@pytest.mark.parametrize("name", ["AMAZON.YesIntent", "AMAZON.NoIntent"])
@pytest.mark.parametrize("fresh", [True, False], ids=["one-shot", "in-session"])
def test_yes_or_no_with_nothing_pending_says_what_it_can_do(
    session: SessionFactory, name: str, fresh: bool
) -> None:
    user = session()
    if not fresh:
        user.launch()
    reply = user.intent(name)
    assert "You can ask me a question" in reply.text
    assert "Let's start" not in reply.text
    assert reply.keeps_session and reply.reprompt


@pytest.mark.parametrize("locale", LOCALES)
def test_made_up_intent_gets_a_spoken_helpful_reprompt(
    session: SessionFactory, locale: str
) -> None:
    user = session(locale)
    user.launch()
    reply = user.intent("MadeUpIntent", {"Thing": "whatever"})
    assert "Sorry, I didn't catch that" in reply.text
    assert reply.keeps_session and reply.reprompt


@pytest.mark.parametrize(
    "request_body",
    [
        {"type": "SessionEndedRequest", "reason": "USER_INITIATED"},
        {"type": "SessionEndedRequest", "reason": "EXCEEDED_MAX_REPROMPTS"},
        {
            "type": "SessionEndedRequest",
            "reason": "ERROR",
            "error": {"type": "INVALID_RESPONSE", "message": "An exception occurred"},
        },
    ],
    ids=["user", "reprompts", "error"],
)
def test_session_ended_gets_a_valid_empty_response(
    skill: Skill, request_body: dict[str, Any]
) -> None:
    reply = send(skill, envelopes.envelope(request_body, new=False))
    assert reply.response.get("outputSpeech") is None
    assert reply.response.get("reprompt") is None
    assert not reply.directive_types


@pytest.mark.parametrize("locale", ["fr-FR", "en-NZ", "de-DE", "es-US"])
def test_unsupported_locale_is_answered_in_english(skill: Skill, locale: str) -> None:
    launch = send(skill, envelopes.launch(locale=locale))
    assert "Welcome to Back Relief" in launch.text
    answer = send(skill, envelopes.intent("IceOrHeatIntent", locale=locale))
    assert "heat" in answer.text
    assert "Sorry, something went wrong" not in answer.text


# ------------------------------------------------------------------ failures inside


class ExplodingStore:
    """A store that fails in a way the code does not expect (not a StoreError)."""

    def load(self, user_key: str) -> Record:
        raise RuntimeError("kaboom-internal-detail")

    def save(self, user_key: str, data: dict[str, Any], expected_version: int, now: float) -> int:
        raise RuntimeError("kaboom-internal-detail")

    def delete(self, user_key: str) -> None:
        raise RuntimeError("kaboom-internal-detail")


USER_WORDS = "my secret words about my bladder"


@pytest.mark.parametrize(
    ("name", "slots"),
    [
        ("QuestionIntent", {"Query": USER_WORDS}),
        ("SymptomIntent", {"Symptom": USER_WORDS}),
        ("IceHowLongIntent", {}),
    ],
)
def test_an_unexpected_error_gets_the_calm_sorry_and_logs_no_details(
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    slots: dict[str, Any],
) -> None:
    failing = ExplodingStore()  # a store bug alone is a store fault the turn survives...
    skill = build(store=lambda: failing)

    def explode(self: object, text: str) -> None:
        raise RuntimeError("kaboom-internal-detail")

    monkeypatch.setattr(TurnReply, "say", explode)  # ...so a handler bug is what gets the sorry
    # back_relief's logger does not propagate (logs.py), so listen on it directly too.
    ours = logging.getLogger("back_relief")
    ours.addHandler(caplog.handler)
    try:
        with caplog.at_level(logging.DEBUG):
            reply = send(skill, envelopes.intent(name, slots, locale="en-GB"))
    finally:
        ours.removeHandler(caplog.handler)
    content = loader.load("en-GB")
    assert reply.text == content.message("error")
    assert reply.reprompt == content.message("error_reprompt")
    assert reply.keeps_session
    assert caplog.records, "the error should be logged"
    formatter = JsonFormatter()
    for record in caplog.records:
        for line in (record.getMessage(), formatter.format(record), str(record.__dict__)):
            assert "kaboom" not in line
            assert "secret words" not in line
            assert "Traceback" not in line
        assert record.exc_info is None
    assert any(getattr(r, "error", None) == "RuntimeError" for r in caplog.records)


# ------------------------------------------------------------------ escaping user text

NASTY = [
    '<speak>& "quotes" </audio>',
    "</speak><audio src='https://evil.example/x.mp3'/><speak>",
    "a & b < c > d 'e' \"f\"",
    ']]><![CDATA[ <break time="60s"/>',
    "\x00\x07 control \x1b chars \ufffe",
    "&amp; &lt;already escaped&gt; &#x26;",
    "{emergency} {0} %s {name}",
    "ice" + " really" * 400,
]


@pytest.mark.parametrize("value", NASTY, ids=[f"nasty{i}" for i in range(len(NASTY))])
@pytest.mark.parametrize(
    ("name", "slot"),
    [
        ("QuestionIntent", "Query"),
        ("SymptomIntent", "Symptom"),
        ("StartRoutineIntent", "Routine"),
        ("StartRoutineIntent", "Minutes"),
        ("StretchHowToIntent", "Stretch"),
        ("MadeUpIntent", "Thing"),
    ],
)
def test_user_text_in_any_slot_never_breaks_the_ssml(
    session: SessionFactory, name: str, slot: str, value: str
) -> None:
    user = session("en-GB")
    user.launch()
    reply = user.intent(name, {slot: value})
    assert reply.text
    assert "evil.example" not in reply.ssml
    assert "<audio" not in reply.ssml


@pytest.mark.parametrize("value", NASTY[:3], ids=["nasty0", "nasty1", "nasty2"])
def test_user_text_mid_routine_never_breaks_the_ssml(session: SessionFactory, value: str) -> None:
    user = session()
    _in_routine(user)
    reply = user.intent("QuestionIntent", {"Query": value})
    assert reply.text
    assert "<audio" not in reply.ssml
