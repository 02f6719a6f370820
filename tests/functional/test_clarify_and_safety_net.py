"""Recall first, never a dead end: through the real handlers, in every locale.

- Words that touch a warning sign without settling it get one yes/no question; "yes" gets the
  emergency line, "no" a calm reply that is not an emergency.
- Replies that heard no words (FallbackIntent) or found no answer carry the warning signs and the
  locale's emergency number once per session, and stay within one breath.
- A question nothing fits is offered the nearest topics and a routine, hands free.
"""

from __future__ import annotations

import pytest
from back_relief.content import loader

from tests.builders.skill import EMERGENCY, LOCALES, Reply, Session, SessionFactory

ONE_BREATH = 50


def ask(talk: Session, words: str) -> Reply:
    return talk.intent("QuestionIntent", {"Query": words})


def words(reply: Reply) -> int:
    return len(reply.text.split())


def net_line(locale: str) -> str:
    return str(loader.load(locale).warning_signs["net"])


@pytest.mark.parametrize("locale", LOCALES)
def test_unsettled_bladder_words_ask_once_and_yes_gets_the_emergency_line(
    session: SessionFactory, locale: str
) -> None:
    talk = session(locale=locale)
    talk.launch()
    question = ask(talk, "my wee has been a bit strange since yesterday")
    asked, _, if_so = question.text.partition("?")
    assert "bladder" in asked and not question.ends_session
    # Not settled, so not the emergency answer: a question, and what to do if the answer is yes,
    # in the same breath (the mic may close before someone in pain can answer).
    assert f"If so, call {EMERGENCY[locale]} now" in if_so
    assert str(loader.load(locale).tiers["emergency"]["say"]) not in question.text
    assert words(question) <= ONE_BREATH
    # The reprompt asks again, as a question.
    assert question.reprompt and question.reprompt.rstrip().endswith("?")
    answer = talk.intent("AMAZON.YesIntent")
    assert f"call {EMERGENCY[locale]} now" in answer.text
    assert "or your local emergency number" in answer.text
    assert answer.ends_session


def test_no_to_the_question_is_calm_and_offers_the_warning_signs(session: SessionFactory) -> None:
    talk = session(locale="en-GB")
    talk.launch()
    question = ask(talk, "i've got numbness")
    assert "both legs" in question.text  # the numbness question names where it matters
    calm = talk.intent("AMAZON.NoIntent")
    assert "call nine nine nine now" not in calm.text
    assert not calm.ends_session and calm.text.rstrip().endswith("?")
    signs = talk.intent("AMAZON.YesIntent")
    assert str(loader.load("en-GB").warning_signs["part1"]) in signs.text


def test_settled_words_answer_at_once_and_everyday_toilet_talk_asks_nothing(
    session: SessionFactory,
) -> None:
    talk = session()
    talk.launch()
    settled = ask(talk, "i keep having little accidents with my wee")
    assert "call nine one one now" in settled.text and settled.ends_session
    talk = session()
    talk.launch()
    everyday = ask(talk, "hang on i need a wee")
    assert "bladder" not in everyday.text and not everyday.ends_session


def test_bladder_and_bowels_said_to_be_fine_are_not_asked_about(session: SessionFactory) -> None:
    """The question now carries the number, so a denial must not get it; "not normal" still does."""
    question = str(loader.load("en-AU").triggers["E1"]["ask"])
    denials = ("my bowels and bladder are working fine, it's the back", "no trouble with my wee")
    for denial in denials:
        talk = session(locale="en-AU")
        talk.launch()
        reply = ask(talk, denial)
        assert question not in reply.text and "call triple zero now." not in reply.text, reply.text
    talk = session(locale="en-AU")
    talk.launch()
    assert "If so, call triple zero now" in ask(talk, "my pee isn't normal").text


def test_a_lesser_finding_that_touches_an_emergency_sign_also_asks(
    session: SessionFactory,
) -> None:
    talk = session(locale="en-IN")
    talk.launch()
    reply = ask(talk, "unable to pass motion and the back pain is severe")
    assert str(loader.load("en-IN").tiers["within_days"]["say"]) in reply.text
    assert "bowels? If so, call one one two now." in reply.text and words(reply) <= ONE_BREATH
    assert "call one one two now" in talk.intent("AMAZON.YesIntent").text


@pytest.mark.parametrize("locale", LOCALES)
def test_fallback_carries_the_warning_signs_once_per_session(
    session: SessionFactory, locale: str
) -> None:
    talk = session(locale=locale)
    talk.launch()
    first = talk.intent("AMAZON.FallbackIntent")
    assert net_line(locale) in first.text and EMERGENCY[locale] in first.text
    assert words(first) <= ONE_BREATH
    again = talk.intent("AMAZON.FallbackIntent")
    assert net_line(locale) not in again.text
    no_answer = ask(talk, "what colour is a purple giraffe")
    assert net_line(locale) not in no_answer.text
    talk.close()  # a new session hears it again
    talk.launch()
    assert net_line(locale) in talk.intent("AMAZON.FallbackIntent").text


@pytest.mark.parametrize("locale", LOCALES)
def test_no_answer_offers_two_topics_and_a_routine_within_one_breath(
    session: SessionFactory, locale: str
) -> None:
    talk = session(locale=locale)
    talk.launch()
    reply = ask(talk, "what colour is a purple giraffe")
    assert "don't have an answer" not in reply.text
    assert net_line(locale) in reply.text  # the first such reply of the session
    assert words(reply) <= ONE_BREATH, reply.text
    assert reply.reprompt and "heat session" in reply.reprompt
    started = talk.intent("AMAZON.YesIntent")
    assert "heat" in started.text.lower() and not started.ends_session


def test_no_answer_mid_routine_asks_only_whether_to_carry_on(session: SessionFactory) -> None:
    talk = session()
    talk.launch()
    talk.say("start the stretches")
    reply = ask(talk, "what colour is a purple giraffe")
    assert "heat session" not in reply.text and reply.text.count("?") == 1, reply.text
    assert "carry on" in reply.text.lower()


def test_the_longest_no_answer_reply_fits_one_breath_in_every_locale() -> None:
    for locale in LOCALES:
        content = loader.load(locale)
        topics = sorted((str(a["topic"]) for a in content.answers.values()), key=len)
        spoken = content.message("no_answer_offer", first=topics[-1], second=topics[-2])
        assert len(f"{spoken} {net_line(locale)}".split()) <= ONE_BREATH, spoken


def test_no_answer_names_the_nearest_topics(session: SessionFactory) -> None:
    talk = session()
    talk.launch()
    reply = ask(talk, "is my mattress too soft for my spine")
    assert "mattress" in reply.text.lower()


@pytest.mark.parametrize(
    ("words_said", "answer_id"),
    [
        ("the ice made my skin a bit pink is that normal", "skin_check"),
        ("what stretches can i do in bed", "stretches"),
        ("it hurts what do i do", "relief_overview"),
        ("when will the painkillers start working", "painkillers"),
        ("where should i press", "self_massage"),
    ],
)
def test_common_questions_reach_their_answer(
    session: SessionFactory, words_said: str, answer_id: str
) -> None:
    talk = session()
    talk.launch()
    say = str(loader.load("en-US").answers[answer_id]["say"])
    assert say.split(". ")[0] in ask(talk, words_said).text


def test_leg_pain_answer_books_within_days_like_tier_d5(session: SessionFactory) -> None:
    for locale in LOCALES:
        say = str(loader.load(locale).answers["leg_pain"]["say"])
        assert "in the next few days" in say and "few weeks" not in say


@pytest.mark.parametrize("locale", ["en-US", "en-IN"])
def test_a_short_wh_question_is_not_read_as_a_statement_about_a_sign(
    session: SessionFactory, locale: str
) -> None:
    """ "what now" came as AskWhatIntent "now", was read as "it's now" (a heard "it's numb")
    and got the numbness question with the number. Short questions get no question of a sign;
    the same words said as a statement, and a wh-question that reports a sign, still do."""
    for said in ("what now", "why me", "what next", "how come"):
        talk = session(locale=locale)
        talk.launch()
        reply = talk.say(said)
        assert EMERGENCY[locale] not in reply.text, said
        assert not reply.ends_session, said
    talk = session(locale=locale)
    talk.launch()
    statement = ask(talk, "now")  # QuestionIntent: its carrier ("it's") is not known
    assert f"If so, call {EMERGENCY[locale]} now" in statement.text
    talk = session(locale=locale)
    talk.launch()
    reported = talk.intent("AskWhatIntent", {"Query": "do i do both my legs have gone numb"})
    assert f"call {EMERGENCY[locale]} now" in reported.text


@pytest.mark.parametrize("locale", ["en-GB", "en-AU"])
def test_a_red_flag_question_answered_in_words_is_answered(
    session: SessionFactory, locale: str
) -> None:
    """People answer "is it in both legs?" with words, not a bare yes: "yes both" got "most
    back pain isn't serious", and "both" the contrast answer. Doubt counts as yes; a new
    question after the question is still answered as a question."""
    number = f"call {EMERGENCY[locale]} now"

    def after_question(answer: str) -> Reply:
        talk = session(locale=locale)
        talk.launch()
        assert number in ask(talk, "i've got numbness").text
        return talk.say(answer)

    for yes in (
        "yes both",
        "yeah both of them",
        "both",
        "not sure",
        "yes they are",
        "yeah I think so",
    ):
        reply = after_question(yes)
        assert number in reply.text and reply.ends_session, (yes, reply.text)
    for no in ("no just the one", "nope", "not really", "I don't think so", "no they are not"):
        reply = after_question(no)
        assert EMERGENCY[locale] not in reply.text and not reply.ends_session, (no, reply.text)
        assert "warning signs" in reply.text, (no, reply.text)  # the calm follow-on
    unclear = after_question("maybe")  # FallbackIntent: no words; the question is asked again
    assert "didn't catch" in unclear.text and number in unclear.text, unclear.text
    other_sign = after_question("no, my wee has been a bit strange though")
    assert "bladder" in other_sign.text and number in other_sign.text, other_sign.text
    for other in ("no but now my other leg is going too", "how long should i ice it"):
        reply = after_question(other)
        assert "warning signs that mean" not in reply.text, (other, reply.text)


def test_one_side_only_answers_both_legs_no_and_either_leg_yes() -> None:
    """ "just the left one" is "no" to "in both legs?" (E6) but "yes" to "is either leg giving
    way?" (E7: one leg giving way is the sign itself), whatever word opens it."""
    from back_relief.alexa.handlers.answered import said_yes

    asks = {t: str(s["ask"]) for t, s in loader.load("en-GB").triggers.items() if s.get("ask")}
    for said in ("just the left one", "no, only my right leg", "yes but only on one side"):
        assert said_yes([said], asks["E6"]) is not True, said
        assert said_yes([said], asks["E7"]) is True, said
    assert said_yes(["just the left one"], asks["E6"]) is False
    assert said_yes(["only the left"], asks["E2"]) is None  # a side answers nothing about bladders
