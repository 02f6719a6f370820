"""Every emergency sign's own yes/no question, asked where words only come near it (round 10).

The learnt second opinion (safety/flagger.py) and the tolerant reading name a trigger; the
handler speaks that trigger's question WITH the locale's number ("If so, call ... now"), "yes"
gets the emergency answer and "no" a calm follow-on. Falls, chest pain, a tearing pain, fever
and pregnancy had no question before, and legs giving way and lost sexual feeling were asked
with another sign's question ("both legs", "bottom or genitals") that a person with that very
sign truthfully answers "no" to. The model is pinned to one sign here so that the path, not the
model's judgement, is what is tested: tests/unit/test_flagger.py speaks unseen words.
"""

from __future__ import annotations

import pytest
from back_relief.content import loader
from back_relief.safety import flagger
from back_relief.simulator.conversation import Device

from tests.builders.skill import ASKS, EMERGENCY, LOCALES, sure_of
from tests.conversation.talk import Rig

# Words no rule reads as anything: only the (pinned) model can ask about them.
PLAIN = "the cat has been asleep on the sofa all morning"
# The signs that gained a question of their own in round 10 (E10's replaced one anyone in a
# spasm would say yes to).
SIGNS = ("E5", "E7", "E8", "E9", "E10", "E11", "E12")


def asked(rig: Rig, monkeypatch: pytest.MonkeyPatch, sign: str, locale: str) -> Device:
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of(sign, ASKS))
    device = rig.device()
    device.locale = locale
    return device


@pytest.mark.parametrize("sign", SIGNS)
def test_each_signs_own_question_carries_the_number_and_yes_gets_help(
    rig: Rig, monkeypatch: pytest.MonkeyPatch, sign: str
) -> None:
    for locale in LOCALES:
        content = loader.load(locale)
        emergency = str(content.tiers["emergency"]["say"])
        number = f"call {EMERGENCY[locale]} now"
        device = asked(rig, monkeypatch, sign, locale)
        reply = device.say(PLAIN)
        assert str(content.triggers[sign]["ask"]) in reply.text, reply.text
        assert f"If so, {number}." in reply.text, reply.text
        # The question, not the answer: nobody is told it is an emergency before saying so.
        assert emergency not in reply.text and not reply.ends_session
        yes = device.intent("AMAZON.YesIntent")
        assert emergency in yes.text and yes.ends_session, yes.text
    # "No": calm words and an offer, no number, the session still open.
    device = asked(rig, monkeypatch, sign, "en-GB")
    device.say(PLAIN)
    no = device.intent("AMAZON.NoIntent")
    assert str(loader.load("en-GB").messages["confirm_no"]) in no.text, no.text
    assert "call nine nine nine" not in no.text and not no.ends_session


def test_no_after_same_day_advice_and_a_question_keeps_the_advice(
    rig: Rig, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same-day advice, then a sign's question: "no" must not undo "get medical advice today"
    with "most back pain isn't serious"; "yes" still gets the emergency answer."""
    content = loader.load("en-GB")
    # Far surer than BESIDE, which a question after advice needs; not RAISE, which would give
    # the emergency answer instead of the advice.
    assert flagger.BESIDE < flagger.RAISE - 1
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E9", flagger.RAISE - 1))
    for yes, expect in (
        (False, "still stands. please get medical advice today"),
        (True, "call 999 now"),
    ):
        device = rig.device()
        device.locale = "en-GB"
        reply = device.say("i have a fever and my back hurts")
        assert "medical advice today" in reply.text and content.triggers["E9"]["ask"] in reply.text
        then = device.intent("AMAZON.YesIntent" if yes else "AMAZON.NoIntent")
        assert expect in then.text.lower().replace("nine nine nine", "999"), then.text
        assert str(content.messages["confirm_no"]) not in then.text
        assert then.ends_session == yes  # the emergency answer ends; "no" leaves room to ask
