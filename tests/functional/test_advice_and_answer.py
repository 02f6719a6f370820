"""A within-days sign inside a question: the booking advice first, and the question still answered.

"My spasms keep coming back, what can I do?" is a reason to book an appointment (reference D6)
and a request for self-care. The person on the floor hears the advice, then the answer when both
fit one breath; else the answer, then a short booking line; else the whole advice and the answer
offered as a yes/no. A same-day sign gets its whole advice first and the answer after it in the
same breath (no routine offer), or the answer offered; an answer that is that sign's own advice
("it kills when I sneeze") is said with the tier's escalation line. Emergencies never share
their breath with an answer.
"""

from __future__ import annotations

import pytest
from back_relief.content import loader

from tests.builders.skill import EMERGENCY, LOCALES, SessionFactory
from tests.functional.test_clarify_and_safety_net import ONE_BREATH, ask


def advice(locale: str) -> str:
    """The reference's within-days line (3.3), in the locale's words."""
    return str(loader.load(locale).tiers["within_days"]["say"]).split(". ")[0]


def answer(locale: str, answer_id: str) -> str:
    return str(loader.load(locale).answers[answer_id]["say"])


@pytest.mark.parametrize("locale", LOCALES)
def test_recurring_spasms_get_the_advice_then_the_answer_in_one_breath(
    session: SessionFactory, locale: str
) -> None:
    talk = session(locale=locale)
    talk.launch()
    reply = ask(talk, "my back keeps going into spasm every few weeks, how do i stop it happening")
    assert reply.text.startswith(advice(locale))
    assert answer(locale, "prevention") in reply.text
    assert len(reply.text.split()) <= ONE_BREATH, reply.text
    assert not reply.ends_session and reply.reprompt


def test_a_longer_answer_comes_first_and_the_booking_line_after_it(
    session: SessionFactory,
) -> None:
    talk = session(locale="en-GB")
    talk.launch()
    reply = ask(talk, "it keeps coming back every month, should i use ice or heat")
    booking = loader.load("en-GB").message("advice_after_answer")
    assert reply.text == f"{answer('en-GB', 'ice_or_heat')} {booking}"
    assert "GP" in booking and len(reply.text.split()) <= ONE_BREATH, reply.text
    assert not reply.ends_session and reply.reprompt


def test_an_answer_too_long_for_one_breath_is_offered_after_the_advice_and_yes_hears_it(
    session: SessionFactory,
) -> None:
    talk = session(locale="en-GB")
    talk.launch()
    question = "my spasms keep coming back, my son is fourteen, can he do the stretches"
    reply = ask(talk, question)
    assert answer("en-GB", "child") not in reply.text  # no room in this breath
    assert reply.text.startswith(str(loader.load("en-GB").tiers["within_days"]["say"]))
    assert "children and teenagers" in reply.text and reply.text.rstrip().endswith("?")
    assert len(reply.text.split()) <= ONE_BREATH, reply.text
    heard = talk.intent("AMAZON.YesIntent")
    assert answer("en-GB", "child") in heard.text
    declined = ask(talk, question)
    no = talk.intent("AMAZON.NoIntent")
    assert declined.text != no.text and answer("en-GB", "child") not in no.text


def test_a_statement_gets_the_advice_and_the_answer_its_words_point_to(
    session: SessionFactory,
) -> None:
    talk = session(locale="en-AU")
    talk.launch()
    reply = talk.intent("SymptomIntent", {"Symptom": "my spasms keep coming back every month"})
    assert reply.text.startswith(advice("en-AU"))
    assert answer("en-AU", "prevention") in reply.text


def test_when_to_see_a_doctor_is_answered_with_the_booking_line(session: SessionFactory) -> None:
    talk = session(locale="en-US")
    talk.launch()
    reply = ask(talk, "it keeps coming back every month, when should i see a doctor")
    booking = loader.load("en-US").message("advice_after_answer")
    assert reply.text == f"{answer('en-US', 'when_see_doctor')} {booking}"
    assert len(reply.text.split()) <= ONE_BREATH and "?" not in reply.text


@pytest.mark.parametrize("locale", LOCALES)
def test_a_same_day_sign_that_is_the_question_gets_its_own_answer_and_the_escalation(
    session: SessionFactory, locale: str
) -> None:
    talk = session(locale=locale)
    talk.launch()
    reply = ask(talk, "it really kills when i sneeze, is that normal")
    escalation = str(loader.load(locale).tiers["same_day"]["say"]).rsplit(". ", 1)[-1]
    own = f"{answer(locale, 'cough_sneeze')} {escalation}"
    if len(own.split()) <= ONE_BREATH:
        assert reply.text == own
    else:  # a same-day line too long to share (en-CA's): the whole line, with its number
        assert reply.text.startswith(str(loader.load(locale).tiers["same_day"]["say"]))
    assert f"call {EMERGENCY[locale]}" in reply.text and "local emergency number" in reply.text
    assert len(reply.text.split()) <= ONE_BREATH and not reply.ends_session


def test_same_day_advice_comes_first_and_a_short_answer_after_it(session: SessionFactory) -> None:
    talk = session(locale="en-US")
    talk.launch()
    reply = ask(talk, "it hurts when i cough, would drinking more water help")
    same_day = str(loader.load("en-US").tiers["same_day"]["say"])
    assert reply.text == f"{same_day} {answer('en-US', 'hydration')}"
    assert "nine one one" in reply.text and not reply.ends_session
    assert len(reply.text.split()) <= ONE_BREATH and "?" not in reply.text  # no routine offer


@pytest.mark.parametrize("locale", LOCALES)
def test_an_emergency_in_a_question_gets_the_number_and_no_answer(
    session: SessionFactory, locale: str
) -> None:
    talk = session(locale=locale)
    talk.launch()
    reply = ask(talk, "i can't feel my bum when i wipe, should i use ice or heat")
    assert f"call {EMERGENCY[locale]} now" in reply.text
    assert answer(locale, "ice_or_heat") not in reply.text and "ice or heat" not in reply.text
    assert reply.ends_session


def test_a_toilet_trip_or_a_laugh_alone_is_not_same_day_advice(session: SessionFactory) -> None:
    """The cough and sneeze answer is same-day advice (U5): a toilet or a laugh without pain, said
    in passing, must not get it; with pain it still does."""
    same_day = str(loader.load("en-CA").tiers["same_day"]["say"]).split(". ")[0]
    for chat in ("just got back from the toilet", "i was laughing so hard earlier"):
        talk = session(locale="en-CA")
        talk.launch()
        assert same_day not in ask(talk, chat).text
    talk = session(locale="en-CA")
    talk.launch()
    assert answer("en-CA", "cough_sneeze") in ask(talk, "sitting on the toilet hurts").text
