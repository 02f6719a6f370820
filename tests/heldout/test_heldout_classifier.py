"""`make eval` reads the skill's replies correctly: each kind of reply is recognised as itself.

The harness classifies replies by the compiled content, so rewording an answer or a tier
must not silently turn hits into misses (or misses into hits) in the held-out figures.
"""

from __future__ import annotations

from back_relief.content.loader import LOCALES, load

from scripts.evaluate import Replies, words


def test_replies_are_classified_by_what_they_say() -> None:
    for locale in LOCALES:
        content, replies = load(locale), Replies(load(locale))
        for tier, spec in content.tiers.items():
            assert replies.tier(f"Okay. {spec['say']}") == tier, (locale, tier)
        # An answer with the short booking line after it is the answer and within-days advice.
        booked = f"{content.answers['ice_or_heat']['say']} {content.message('advice_after_answer')}"
        assert replies.tier(booked) == "within_days" and replies.on_topic(booked, ["ice_or_heat"])
        emergency = content.tiers["emergency"]["say"]
        # The warning-signs answer names the number but is not the emergency answer.
        signs = content.warning_signs["part1"]
        assert replies.tier(signs) is None and replies.number in words(signs)
        for key, answer in content.answers.items():
            others = [k for k in content.answers if k != key]
            assert replies.on_topic(answer["say"], [key]), (locale, key)
            assert not replies.on_topic(answer["say"], others), (locale, key)
            assert not replies.on_topic(emergency, [key])
        assert replies.is_no_answer(content.messages["no_answer"])
        assert replies.is_no_answer(content.messages["fallback"])
        assert not any(replies.is_no_answer(a["say"]) for a in content.answers.values())
