"""The red-flag model's near-misses (round 11): below its MARGIN but at least HEDGE over "none",
the answer asked for is kept and the sign's question follows it, with the locale's number, in
one breath. "yes" gets the emergency answer, "no" a calm follow-on, and anything else is handled
as ever: a red flag said instead still gets its own emergency answer. The model is pinned
between HEDGE and MARGIN so that the path, not the model's judgement, is tested (the shipped
model on unseen words: tests/unit/test_hedge.py).
"""

from __future__ import annotations

import pytest
from back_relief.alexa.handlers.answers import ONE_BREATH_WORDS
from back_relief.content import loader
from back_relief.safety import flagger
from back_relief.simulator.conversation import Device

from tests.builders.skill import ASKS, EMERGENCY, LOCALES, sure_of
from tests.conversation.breath import words
from tests.conversation.talk import Rig

# A question beside words that come near a sign (both legs) without any rule settling it,
# written for this test.
NEAR_MISS = "how long should i keep the ice on, my legs feel a bit peculiar"
SIGN = "E6"


def hedging(rig: Rig, monkeypatch: pytest.MonkeyPatch, locale: str) -> Device:
    between = (flagger.HEDGE + flagger.MARGIN) / 2
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of(SIGN, between))
    device = rig.device()
    device.locale = locale
    return device


def plain_reply(rig: Rig, monkeypatch: pytest.MonkeyPatch, locale: str) -> str:
    """What the skill says to NEAR_MISS with no model: the answer a hedge must keep."""
    with monkeypatch.context() as without:
        without.setattr(flagger, "shipped", lambda: None)
        device = rig.device()
        device.locale = locale
        return device.say(NEAR_MISS).text


def test_a_near_miss_keeps_its_answer_and_checks_the_sign_with_the_number(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    for locale in LOCALES:
        content = loader.load(locale)
        plain = plain_reply(rig, monkeypatch, locale)
        opening = plain.split(". ")[0]
        assert str(content.triggers[SIGN]["ask"]) not in plain  # no rule asks about it
        device = hedging(rig, monkeypatch, locale)
        reply = device.say(NEAR_MISS)
        # The answer first (its opening at least), then the sign's question and the number.
        assert reply.text.startswith(opening), (plain, reply.text)
        assert str(content.triggers[SIGN]["ask"]) in reply.text, reply.text
        assert f"If so, call {EMERGENCY[locale]} now." in reply.text, reply.text
        assert words(reply.text) <= ONE_BREATH_WORDS and not reply.ends_session
        # Not the emergency answer before anyone said yes.
        assert str(content.tiers["emergency"]["say"]) not in reply.text
        yes = device.intent("AMAZON.YesIntent")
        assert str(content.tiers["emergency"]["say"]) in yes.text and yes.ends_session


def test_no_after_a_hedge_is_calm_and_a_red_flag_said_instead_still_gets_its_answer(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = loader.load("en-AU")
    device = hedging(rig, monkeypatch, "en-AU")
    device.say(NEAR_MISS)
    no = device.intent("AMAZON.NoIntent")
    assert str(content.messages["confirm_no"]) in no.text and not no.ends_session
    assert EMERGENCY["en-AU"] not in no.text
    # Instead of yes or no, a red flag in so many words: its own emergency answer.
    device = hedging(rig, monkeypatch, "en-AU")
    device.say(NEAR_MISS)
    flag = device.say("i have wet myself and did not notice")
    assert str(content.tiers["emergency"]["say"]) in flag.text and flag.ends_session
    # ... and an ordinary question instead is answered as ever, not taken for a "no".
    device = hedging(rig, monkeypatch, "en-AU")
    device.say(NEAR_MISS)
    other = device.say("what stretches can i do")
    assert str(content.messages["confirm_no"]) not in other.text
    assert str(content.tiers["emergency"]["say"]) not in other.text


def test_at_the_margin_the_answer_is_kept_too_when_it_fits(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sure enough to ask (MARGIN): the question no longer replaces the answer asked for."""
    content = loader.load("en-GB")
    opening = plain_reply(rig, monkeypatch, "en-GB").split(". ")[0]
    # Between MARGIN and SURE (past SURE a lead is the emergency answer itself).
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of(SIGN, ASKS))
    device = rig.device()
    device.locale = "en-GB"
    reply = device.say(NEAR_MISS)
    assert reply.text.startswith(opening) and str(content.triggers[SIGN]["ask"]) in reply.text
    assert "If so, call nine nine nine now." in reply.text
