"""Red flags blurted out in any words, through any intent, in any locale: the right tier line
with the right spoken number, and nothing about routines after an emergency line."""

from __future__ import annotations

from typing import Any

import pytest
from back_relief.content import loader

from tests.builders.skill import EMERGENCY, LOCALES, Reply, SessionFactory, understand

E, U, D = "emergency", "same_day", "within_days"
# (what people blurt out, tier from content reference section 3)
RED_FLAGS: list[tuple[str, str]] = [
    ("i wet myself", E),
    ("my legs gave way", E),
    ("i can't feel my bum", E),
    ("i fell off a ladder", E),
    ("chest pain and my back hurts", E),
    ("i can't hold my pee", E),
    ("i've started leaking", E),
    ("i can't pee", E),
    ("i can't tell when i need a wee", E),
    ("i pooed myself", E),
    ("my bum's gone numb", E),
    ("numb between my legs", E),
    ("i've lost feeling down there during sex", E),
    ("both my legs are numb", E),
    ("pins and needles in both legs", E),
    ("i can't stand up", E),
    ("car accident and now my back hurts", E),
    ("back pain and i can't breathe", E),
    ("tearing pain in my back", E),
    ("sudden agony and i feel faint", E),
    ("my stomach is pulsing", E),
    ("fever and my back is agony", E),
    ("i'm pregnant and bleeding a lot", E),
    ("i've got a fever and back pain", U),
    ("pain between my shoulder blades", U),
    ("i've lost weight and my back aches", U),
    ("i had breast cancer and now my back hurts", U),
    ("it's worse at night and wakes me", U),
    ("it kills when i sneeze", U),
    ("there's a lump on my spine", U),
    ("my foot keeps catching", U),
    ("i'm seventy eight and slipped in the bathroom", U),
    ("i'm on steroids and my back's bad", U),
    ("it burns when i pee and my side hurts", U),
    ("i had spine surgery last month and it's worse", U),
    ("it's been a week and it's not getting better", D),
    ("it's still there after a few weeks", D),
    ("the pain goes down my leg below the knee", D),
    ("my spasms keep coming back", D),
    ("i'm worried about my back", D),
]
# Words that would mean a routine is being started, offered or resumed.
ROUTINE_TALK = ("session", "routine", "carry on", "stretches", "massage", "Let's start", "step")
DOCTOR = {"en-US": "doctor", "en-CA": "doctor", "en-GB": "GP", "en-AU": "GP", "en-IN": "doctor"}


def tier_lines(locale: str, tier: str) -> list[str]:
    """The tier's own line and every trigger-specific line of that tier, for the locale."""
    content = loader.load(locale)
    lines = [str(content.tiers[tier]["say"])]
    if tier == D:
        # Before an answer to the question asked, only the reference's line (3.3) is said:
        # the tier line's first sentence, or after a longer answer the short booking line
        # (tests/functional/test_advice_and_answer.py).
        lines = [lines[0].split(". ")[0], content.message("advice_after_answer")]
    elif tier == U:
        # An answer that is the sign's own advice ("it kills when I sneeze") is said with the
        # tier's opening and escalation sentences rather than its whole line.
        lines.append(lines[0].split(". ")[0])
    lines += [str(t["say"]) for t in content.triggers.values() if t["tier"] == tier and "say" in t]
    return lines


def assert_tier(reply: Reply, tier: str, locale: str, *, exact: bool = True) -> None:
    text = reply.text
    number = EMERGENCY[locale]
    if exact:
        assert any(line in text for line in tier_lines(locale, tier)), f"no {tier} line: {text!r}"
    if tier == E:
        assert f"call {number} now" in text
        assert "or your local emergency number" in text
        assert reply.ends_session, "an emergency answer must end the session"
        assert not reply.reprompt
        for word in ROUTINE_TALK:
            assert word not in text, f"emergency answer mentions {word!r}: {text!r}"
        assert not reply.consent_scope
    elif tier == U:
        assert "today" in text
        assert f"call {number}" in text, f"no {number} in a same-day answer: {text!r}"
        assert "or your local emergency number" in text
        assert "Let's start" not in text
    else:
        assert "appointment" in text or "book your" in text
        assert DOCTOR[locale] in text
        assert "Let's start" not in text
    for other in set(EMERGENCY.values()) - {number}:
        assert other not in text


def _cases() -> list[Any]:
    return [
        pytest.param(locale, phrase, tier, id=f"{locale}-{phrase}")
        for locale in LOCALES
        for phrase, tier in RED_FLAGS
    ]


def test_the_table_covers_every_tier_and_is_large_enough() -> None:
    assert len(RED_FLAGS) >= 30
    assert {tier for _, tier in RED_FLAGS} == {E, U, D}


@pytest.mark.parametrize(("locale", "phrase", "tier"), _cases())
def test_red_flag_heard_by_the_voice_model_gets_the_tier_line(
    session: SessionFactory, locale: str, phrase: str, tier: str
) -> None:
    name, slots = understand(locale, phrase)
    reply = session(locale).intent(name, slots)
    assert slots or name not in ("AMAZON.FallbackIntent",), (
        f"the model hears {phrase!r} as {name} with no slot: triage never sees the words"
    )
    assert_tier(reply, tier, locale, exact=bool(slots))


# The same phrase wherever it arrives: the free-text question, the symptom slot, or a slot of
# an unrelated intent (which must not start a routine instead).
SLOTS = [
    ("QuestionIntent", "Query"),
    ("SymptomIntent", "Symptom"),
    ("StartRoutineIntent", "Routine"),
]


@pytest.mark.parametrize(("intent", "slot"), SLOTS, ids=[i for i, _ in SLOTS])
@pytest.mark.parametrize(("locale", "phrase", "tier"), _cases())
def test_red_flag_in_any_slot_gets_the_tier_line(
    session: SessionFactory, locale: str, phrase: str, tier: str, intent: str, slot: str
) -> None:
    reply = session(locale).intent(intent, {slot: phrase})
    assert_tier(reply, tier, locale)
    assert "Let's start" not in reply.text


EMERGENCIES = [phrase for phrase, tier in RED_FLAGS if tier == E][:6]


@pytest.mark.parametrize("phrase", EMERGENCIES)
@pytest.mark.parametrize("locale", LOCALES)
def test_emergency_mid_routine_stops_the_routine(
    session: SessionFactory, locale: str, phrase: str
) -> None:
    user = session(locale)
    user.launch()
    user.intent("StartRoutineIntent", {"Routine": ("heat", "heat")})
    user.intent("AMAZON.NextIntent")
    reply = user.intent("SymptomIntent", {"Symptom": phrase})
    assert_tier(reply, E, locale)
    relaunch = user.launch()
    assert "carry on" not in relaunch.text
    assert "You were on step" not in relaunch.text
    assert "Welcome back" in relaunch.text
    where = user.intent("WhichStepIntent")
    assert "You don't have a routine going" in where.text


@pytest.mark.parametrize("locale", LOCALES)
def test_emergency_beats_an_open_offer(session: SessionFactory, locale: str) -> None:
    user = session(locale)
    offer = user.intent("IceHowLongIntent")
    assert offer.keeps_session
    reply = user.intent("QuestionIntent", {"Query": "yes but i wet myself"})
    assert_tier(reply, E, locale)
    assert "carry on" not in user.launch().text


NOT_FLAGS = [
    "my back hurts",
    "i don't have a fever",
    "no numbness in my legs",
    "i did not fall",
    "is heat good for a back spasm",
]


@pytest.mark.parametrize("phrase", NOT_FLAGS)
def test_ordinary_back_pain_is_not_sent_to_emergency(session: SessionFactory, phrase: str) -> None:
    for channel, slot in (("QuestionIntent", "Query"), ("SymptomIntent", "Symptom")):
        reply = session(user_id=f"amzn1.ask.account.{channel}").intent(channel, {slot: phrase})
        assert not any(line in reply.text for line in tier_lines("en-US", E)), (channel, phrase)


@pytest.mark.parametrize("locale", LOCALES)
def test_hopelessness_in_free_text_gets_the_crisis_line_and_ends_the_routine(
    session: SessionFactory, locale: str
) -> None:
    # R12 (reference section 7): read like a red flag, whatever the route the words took.
    crisis = str(loader.load(locale).answers["crisis"]["say"])
    user = session(locale)
    user.launch()
    user.intent("StartRoutineIntent", {"Routine": ("heat", "heat")})
    reply = user.intent(
        "SymptomIntent", {"Symptom": "honestly everyone would be better off without me"}
    )
    assert reply.text == crisis and reply.ends_session
    assert f"call {EMERGENCY[locale]} now" in reply.text
    assert "You don't have a routine going" in user.intent("WhichStepIntent").text
    asked = user.intent("QuestionIntent", {"Query": "what's the point of going on with this pain"})
    assert asked.text == crisis
    for calm in ("this pain is killing me", "i hurt myself lifting the shopping"):
        assert crisis not in user.intent("QuestionIntent", {"Query": calm}).text, calm


def test_someone_else_in_crisis_gets_the_crisis_line_before_any_other_context(
    session: SessionFactory,
) -> None:
    """R12 for a person the speaker names: "my son said he wants to kill himself" named a
    child and got the child's-back answer ("kill" reads as pain in "my back is killing me")."""
    crisis = str(loader.load("en-AU").answers["crisis"]["say"])
    for said in (
        "my son said he wants to kill himself",
        "my partner keeps talking about ending his life",
        "my daughter has been self harming",
    ):
        user = session("en-AU")
        user.launch()
        assert user.say(said).text == crisis, said
    for calm in ("my son hurt himself playing footy", "my back is killing me, what helps"):
        user = session("en-AU")
        user.launch()
        assert crisis not in user.say(calm).text, calm
