"""Round 15's classes of asking (answers_dev15), each in our own sentences beside a look-alike
that must keep its topic: a product whose name is two treatment words ("icy hot") read as the
product only when said as its name, "ice heat" said together staying ice and heat; one medicine
weighed against another (a cream against tablets, "which other tablet", "which gel or balm") as
choosing medicines; "what should make me" and "that means" as asking when (the warning signs),
never a request to call; "how much time" as how long; a treadmill as walking; hugging one's knees
as the knee-hug stretch; someone else's prescription against one's own still as someone else's
medicine; and a cause guessed from something
done ("is it because I slept on the sofa") as what causes it. The matcher as the skill ships it
(the learnt ranker's second opinion included)."""

from __future__ import annotations

import pytest
from back_relief.content import loader
from back_relief.content.matcher import AnswerMatcher, _tokens


@pytest.fixture(scope="module")
def matcher() -> AnswerMatcher:
    return loader.load(loader.DEFAULT_LOCALE).matcher


CASES: list[tuple[str, str]] = [
    # One medicine against another is choosing medicines; one medicine alone stays pain relief.
    ("is a diclofenac gel any better than ibuprofen tablets", "medicine_choice"),
    ("panadol isn't doing a thing, which other pill could i try", "medicine_choice"),
    ("which balm or spray works better on a back", "medicine_choice"),
    ("does a gel help with back pain", "painkillers"),
    ("can i take ibuprofen for it", "painkillers"),
    # Asking what should send someone for help is the warning signs; asking for it is a call.
    ("what should make me ring an ambulance", "warning_signs"),
    ("what would i notice that means phone nine one one", "warning_signs"),
    ("please call an ambulance for me", "call_for_me"),
    # "How much time" is how long; how many times a day is how often.
    ("how much time should the cold pack stay on", "ice_duration"),
    ("how many times a day can i use the ice pack", "ice_frequency"),
    # A treadmill is walking.
    ("is a gentle treadmill session okay today", "walking"),
    # Hugging one's knees is the knee hug; a knee that hurts is not the back.
    ("show me how to hug your knees to your chest", "stretches"),
    ("my knee hurts when i kneel", "out_of_scope"),
    # Someone else's prescription weighed against one's own still hears not to take it.
    ("can i take my wife's diazepam instead of my ibuprofen tablets", "someone_elses_medicine"),
    # Magnesium is a supplement; a cream for the pain is pain relief.
    ("would magnesium oil on my back help", "supplements"),
    # A cause guessed from something done ("is it because I slept...") asks what causes it.
    ("was it because i slept on a soft mattress", "causes"),
    ("could it be because i sat on a low stool all morning", "causes"),
    ("is my soft mattress to blame", "mattress"),
]


@pytest.mark.parametrize(("question", "topic"), CASES)
def test_round15_classes_reach_their_topic(
    matcher: AnswerMatcher, question: str, topic: str
) -> None:
    assert matcher.match(question) == topic


def test_product_runs_only_as_named() -> None:
    # "icy hot" is a cream when said as its name; "ice heat" said together stays ice and heat.
    assert _tokens("icy hot") == ("cream",)
    assert _tokens("ice heat which one") == ("ice", "heat", "which", "one")
    assert _tokens("a heat rub") == ("cream",)
    assert _tokens("a hot rub") == ("heat", "press")
