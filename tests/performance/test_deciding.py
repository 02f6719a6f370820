"""Untimed guards for what assess() and clarify() leave unread (safety/deciding.py, the triggers'
prefilter asked only about the triggers that can still outrank a finding): a red flag's words
reach a dozen concepts, most of which complete no rule, and each of a free text's seven readings
read them all again: about two thirds of a red flag's triage. Neither may change what is found."""

from __future__ import annotations

import random

from back_relief.safety.prefilter import set_bits, word_starts
from back_relief.safety.triage import assess, normalise

from tests.unit.test_triage_alternatives import RULES, phrases

CONCEPTS, DECIDER = RULES.concepts, RULES.decider
assert CONCEPTS is not None and DECIDER is not None
GUARDED = sorted({guard.trigger for guard in CONCEPTS.guards})
COUNT = len(RULES.triggers)


def _best(present: frozenset[str]) -> int:
    """What assess() took before: the best rank a concept rule fires, reading every concept."""
    assert CONCEPTS is not None
    return min((RULES.by_id[t] for t in CONCEPTS.fired(present)), default=COUNT)


def test_the_decider_fires_holds_and_asks_exactly_as_every_concept_read_does() -> None:
    rng = random.Random(20261129)
    for text in phrases():
        spaced = " " + normalise(text)
        starts = frozenset(word_starts(spaced))
        CONCEPTS.readings.clear()  # one text's readings at a time, as one request's
        every = CONCEPTS.present(spaced, only=CONCEPTS.firing)
        asked = CONCEPTS.unsettled_trigger(CONCEPTS.present(spaced, only=CONCEPTS.asking))
        held = [CONCEPTS.held(trigger, every) for trigger in GUARDED]
        best = _best(every)
        for below in (COUNT, rng.randrange(COUNT + 1)):
            CONCEPTS.readings.clear()
            assert DECIDER.best(spaced, starts, below) == min(best, below), (spaced, below)
        CONCEPTS.readings.clear()
        assert [DECIDER.held(spaced, trigger) for trigger in GUARDED] == held, spaced
        CONCEPTS.readings.clear()
        assert DECIDER.asked(spaced) == asked, spaced


def test_a_red_flag_reads_only_the_concepts_that_can_change_the_finding() -> None:
    """Untimed guard: "fever" and "burning" reach several concepts and no concept rule can
    fire on them (the same-day tier comes from a trigger's pattern), so none is read; a
    wet-yourself reading fires the first-ranked trigger, so the other readings read nothing."""
    spaced = " " + normalise("i have a fever and my back is burning")
    CONCEPTS.readings.clear()
    DECIDER.best(spaced, frozenset(word_starts(spaced)), COUNT)
    reading = CONCEPTS.readings[spaced]
    assert len(set_bits(reading.candidates & CONCEPTS.firing)) >= 5
    assert reading.looked == 0
    texts = ["i wet myself and did not notice", "my i wet myself and did not notice"]
    found = assess(RULES, texts)
    assert found is not None and RULES.by_id[found.trigger] == 0
    assert CONCEPTS.readings[" " + normalise(texts[0])].looked
    assert " " + normalise(texts[1]) not in CONCEPTS.readings


def test_the_triggers_prefilter_asked_about_some_triggers_answers_for_those() -> None:
    rng = random.Random(20261129)
    for text in phrases()[::3]:
        spaced = " " + normalise(text)
        starts = frozenset(word_starts(spaced))
        every = RULES.candidates(spaced, starts)
        for limit in ((1 << rng.randrange(COUNT + 1)) - 1, rng.getrandbits(COUNT)):
            assert RULES.candidates(spaced, starts, limit) == every & limit, (spaced, limit)
