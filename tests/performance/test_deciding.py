"""Untimed guards for what assess() and clarify() leave unread (Concepts.deciding, the triggers'
prefilter asked only about the triggers that can still outrank a finding): a red flag's words
reach a dozen concepts and most complete no rule, so reading them all cost it about a third of
its triage. Neither may change what is found."""

from __future__ import annotations

import random

from back_relief.safety.prefilter import set_bits, word_starts
from back_relief.safety.triage import assess, normalise

from tests.unit.test_triage_alternatives import RULES, phrases

CONCEPTS = RULES.concepts
assert CONCEPTS is not None
GUARDED = sorted({guard.trigger for guard in CONCEPTS.guards})


def _fresh() -> None:
    CONCEPTS.readings.clear()  # one text's readings at a time, as one request's


def test_deciding_concepts_fire_hold_and_ask_exactly_as_every_concept_does() -> None:
    for text in phrases():
        spaced = " " + normalise(text)
        _fresh()
        deciding = CONCEPTS.deciding(spaced)
        asking = CONCEPTS.deciding(spaced, asking=True)
        _fresh()
        every = CONCEPTS.present(spaced, only=CONCEPTS.firing)
        every_asking = CONCEPTS.present(spaced, only=CONCEPTS.asking)
        assert deciding <= every and asking <= every_asking, spaced
        assert sorted(CONCEPTS.fired(deciding)) == sorted(CONCEPTS.fired(every)), spaced
        for trigger in GUARDED:
            assert CONCEPTS.held(trigger, deciding) == CONCEPTS.held(trigger, every), spaced
        assert CONCEPTS.unsettled_trigger(asking) == CONCEPTS.unsettled_trigger(every_asking)


def test_a_red_flag_reads_only_the_concepts_of_rules_its_words_can_complete() -> None:
    """Untimed guard: "fever" and "burning" reach several concepts, and no concept rule can
    fire on them (the same-day tier comes from a trigger's pattern), so none is read."""
    spaced = " " + normalise("i have a fever and my back is burning")
    _fresh()
    CONCEPTS.deciding(spaced)
    candidates, looked, _, _ = CONCEPTS.readings[spaced]
    assert len(set_bits(candidates & CONCEPTS.firing)) >= 5
    assert len(set_bits(looked)) < len(set_bits(candidates & CONCEPTS.firing)) // 2
    assert assess(RULES, ["i have a fever and my back is burning"]) is not None


def test_the_triggers_prefilter_asked_about_some_triggers_answers_for_those() -> None:
    rng = random.Random(20261129)
    count = len(RULES.triggers)
    for text in phrases()[::3]:
        spaced = " " + normalise(text)
        starts = frozenset(word_starts(spaced))
        every = RULES.candidates(spaced, starts)
        for limit in ((1 << rng.randrange(count + 1)) - 1, rng.getrandbits(count)):
            assert RULES.candidates(spaced, starts, limit) == every & limit, (spaced, limit)
