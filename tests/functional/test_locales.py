"""What changes by locale: the emergency number, the disclaimer, and the local health words."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from back_relief.alexa.runtime import Skill
from back_relief.content import loader

from tests.builders import envelopes
from tests.builders.skill import EMERGENCY, LOCALES, SessionFactory, send

ANSWERS_TOML = Path(loader.__file__).parent / "en" / "answers.toml"
# Locale words from the content reference, section 1.3 (not read from the skill's own files).
DOCTOR = {"en-US": "doctor", "en-CA": "doctor", "en-GB": "GP", "en-AU": "GP", "en-IN": "doctor"}
PHYSIO = {
    "en-US": "physical therapist",
    "en-CA": "physiotherapist",
    "en-GB": "physiotherapist",
    "en-AU": "physiotherapist",
    "en-IN": "physiotherapist",
}
WRONG_PHYSIO = {"physical therapist": "physiotherapist", "physiotherapist": "physical therapist"}


def _answer_templates() -> dict[str, str]:
    """Answer intent -> its raw text, placeholders unfilled."""
    with ANSWERS_TOML.open("rb") as fh:
        answers = tomllib.load(fh)["answers"]
    return {a["intent"]: a["say"] for a in answers.values() if a.get("intent")}


TEMPLATES = _answer_templates()


@pytest.mark.parametrize("locale", LOCALES)
def test_first_launch_speaks_the_disclaimer_with_the_locale_emergency_number(
    session: SessionFactory, locale: str
) -> None:
    reply = session(locale).launch()
    assert "I'm not a doctor" in reply.text
    assert f"call {EMERGENCY[locale]} now, or your local emergency number" in reply.text
    for other in set(EMERGENCY.values()) - {EMERGENCY[locale]}:
        assert other not in reply.text
    assert reply.keeps_session and reply.reprompt


@pytest.mark.parametrize("locale", LOCALES)
def test_later_launches_speak_the_one_line_reminder_instead(
    session: SessionFactory, locale: str
) -> None:
    user = session(locale)
    first = user.launch()
    user.intent("AMAZON.StopIntent")
    reminders = loader.load(locale).messages["reminder_lines"]
    for _ in range(3):
        later = user.launch()
        assert "Welcome back" in later.text
        assert "I share general self-care tips" not in later.text
        assert f"call {EMERGENCY[locale]} now" not in later.text
        assert any(line in later.text for line in reminders)
        assert len(later.text) < len(first.text)
        assert later.keeps_session and later.reprompt
        user.close()


def test_a_different_user_on_the_same_store_still_hears_the_disclaimer(
    session: SessionFactory,
) -> None:
    session(user_id="amzn1.ask.account.ONE").launch()
    other = session(user_id="amzn1.ask.account.TWO").launch()
    assert "I'm not a doctor" in other.text


@pytest.mark.parametrize("locale", LOCALES)
def test_warning_signs_speak_the_locale_emergency_number(
    session: SessionFactory, locale: str
) -> None:
    reply = session(locale).intent("WarningSignsIntent")
    assert f"Call {EMERGENCY[locale]} now, or your local emergency number" in reply.text


def _doctor_cases() -> list[tuple[str, str]]:
    return [
        (locale, intent)
        for intent, say in sorted(TEMPLATES.items())
        if "{doctor}" in say or "{physio}" in say
        for locale in LOCALES
    ]


@pytest.mark.parametrize(("locale", "intent"), _doctor_cases())
def test_answers_that_mention_a_doctor_or_physio_use_the_locale_word(
    session: SessionFactory, locale: str, intent: str
) -> None:
    reply = session(locale).intent(intent)
    say = TEMPLATES[intent]
    if "{doctor}" in say:
        assert DOCTOR[locale] in reply.text
    if "{physio}" in say:
        assert PHYSIO[locale] in reply.text
    assert WRONG_PHYSIO[PHYSIO[locale]] not in reply.text
    if DOCTOR[locale] == "GP":
        assert "family doctor" not in reply.text


def test_gb_says_gp_and_physiotherapist_where_us_says_doctor_and_physical_therapist(
    session: SessionFactory,
) -> None:
    gb = session("en-GB").intent("PhysioIntent").text
    us = session("en-US").intent("PhysioIntent").text
    assert "physiotherapist" in gb and "physical therapist" not in gb
    assert "physical therapist" in us and "physiotherapist" not in us
    gb_doctor = session("en-GB").intent("WhenToSeeDoctorIntent").text
    us_doctor = session("en-US").intent("WhenToSeeDoctorIntent").text
    assert "GP" in gb_doctor and "GP" not in us_doctor


@pytest.mark.parametrize("locale", LOCALES)
def test_no_answer_leaves_a_placeholder_unfilled(session: SessionFactory, locale: str) -> None:
    for intent in sorted(TEMPLATES):
        reply = session(locale, user_id=f"amzn1.ask.account.{intent}").intent(intent)
        assert "{" not in reply.text and "}" not in reply.text, intent


@pytest.mark.parametrize("locale", ["fr-FR", "en-NZ"])
def test_unsupported_locale_gets_the_english_disclaimer_with_a_number(
    skill: Skill, locale: str
) -> None:
    reply = send(skill, envelopes.launch(locale=locale))
    assert "Welcome to Back Relief" in reply.text
    assert "or your local emergency number" in reply.text
