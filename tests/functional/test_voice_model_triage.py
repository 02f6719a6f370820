"""Every phrasing triage is built on, spoken through the generated voice model, gets its tier.

The SYMPTOM slot type is generated from these examples and the free-text carriers strip a
word from the front, so this checks the whole path: model -> intent and slots -> triage ->
the tier's line with the locale's emergency number.
"""

from __future__ import annotations

import pytest
from back_relief.content.loader import load
from back_relief.safety.triage import Tier

from tests.builders.skill import Session

CONTENT = load("en-US")
TIER_KEY = {"emergency": "emergency", "same_day": "same_day", "within_days": "within_days"}
# Pain down one leg has its own fuller answer (T38), which already says when to see a doctor.
OWN_ANSWER = {"D5"}
NUMBERS = {
    "en-US": "nine one one",
    "en-GB": "nine nine nine",
    "en-AU": "triple zero",
    "en-IN": "one one two",
    "en-CA": "nine one one",
}
EXAMPLES = [
    (trigger_id, example)
    for trigger_id, trigger in CONTENT.triggers.items()
    if trigger_id not in OWN_ANSWER
    for example in trigger["examples"]
]


def advised(locale: str, tier: str, text: str) -> bool:
    """The tier's line was said. Within days, with an answer in the same breath, that is its
    first sentence before the answer or the short booking line after it (handlers/answers.py)."""
    content = load(locale)
    line = str(content.tiers[tier]["say"])
    if tier != "within_days":
        return line in text
    return line.split(". ")[0] in text or content.message("advice_after_answer") in text


@pytest.mark.parametrize(("trigger_id", "example"), EXAMPLES)
def test_example_heard_through_the_voice_model_gets_its_tier(
    session: object, trigger_id: str, example: str
) -> None:
    locale = "en-GB" if trigger_id.startswith("E") else "en-US"
    talk: Session = session(locale=locale)  # type: ignore[operator]
    reply = talk.say(example)
    trigger = CONTENT.triggers[trigger_id]
    tier_line = load(locale).tiers[TIER_KEY[trigger["tier"]]]["say"]
    own_answer = trigger.get("answer") and load(locale).answers[trigger["answer"]]["say"]
    expected = (
        own_answer or (trigger.get("say") and load(locale).triggers[trigger_id]["say"]) or tier_line
    )
    # A higher tier may win when the example also reads as one; never a lower one.
    if expected not in reply.text:
        assert trigger["tier"] != "emergency", (example, reply.text)
        assert any(
            advised(locale, k, reply.text)
            for k in ("emergency", "same_day", "within_days")
            if Tier[k.upper()] >= Tier[trigger["tier"].upper()]
        ), (example, reply.text)
    if trigger["tier"] == "emergency":
        assert f"call {NUMBERS[locale]} now" in reply.text
        assert reply.ends_session


def test_a_long_rambling_turn_reaches_triage_whole(session: object) -> None:
    """A person on the floor tells the whole story in one breath. The catch-all's whole-turn
    values (symptoms.yaml `statements`) let a turn this long fill it instead of falling to
    FallbackIntent, which carries no words; the warning sign buried in it still alarms."""
    talk: Session = session(locale="en-AU")  # type: ignore[operator]
    # No carrier phrase starts it, so only the catch-all can take it.
    story = (
        "after pulling weeds in the garden all morning the back seized up on me and since "
        "lunch there is no feeling at all around my bottom or between my legs"
    )
    assert len(story.split()) > 2 * max(len(e.split()) for _, e in EXAMPLES)
    reply = talk.say(story)
    assert reply.intent != "AMAZON.FallbackIntent"
    assert NUMBERS["en-AU"] in reply.text
