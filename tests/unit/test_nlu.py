"""The simulator's NLU follows Alexa's rules, on a small model written for the purpose.

A model of its own keeps these tests about the rules (open slots, specificity, near misses,
fallback, built-ins), not about whichever samples the skill's model has today.
"""

from __future__ import annotations

from typing import Any

import pytest
from back_relief.simulator.nlu import FALLBACK, MATCH, NO_MATCH, Match, Nlu, Slot, for_locale

MODEL: dict[str, Any] = {
    "interactionModel": {
        "languageModel": {
            "invocationName": "back relief",
            "intents": [
                {
                    "name": "StartIntent",
                    "slots": [
                        {"name": "Routine", "type": "ROUTINE"},
                        {"name": "Minutes", "type": "AMAZON.NUMBER"},
                    ],
                    "samples": ["start {Routine}", "{Routine}", "{Routine} for {Minutes} minutes"],
                },
                {
                    "name": "SymptomIntent",
                    "slots": [{"name": "Symptom", "type": "SYMPTOM"}],
                    "samples": ["{Symptom}", "i think {Symptom}"],
                },
                {
                    "name": "QuestionIntent",
                    "slots": [{"name": "Query", "type": "AMAZON.SearchQuery"}],
                    "samples": ["what {Query}", "which {Query}", "can {Query}", "my {Query}"],
                },
                {"name": "PainkillerIntent", "samples": ["which painkiller is best"]},
                {"name": "TimeLeftIntent", "samples": ["how much longer", "is it time yet"]},
                {"name": "AMAZON.PreviousIntent", "samples": []},
                {"name": "AMAZON.NextIntent", "samples": ["next step"]},
                {"name": "AMAZON.YesIntent", "samples": []},
                {"name": "AMAZON.NoIntent", "samples": []},
                {"name": "AMAZON.StopIntent", "samples": []},
                {"name": "AMAZON.CancelIntent", "samples": []},
                {"name": "AMAZON.RepeatIntent", "samples": []},
                {"name": "AMAZON.FallbackIntent", "samples": []},
            ],
            "types": [
                {
                    "name": "ROUTINE",
                    "values": [
                        {"id": "ice", "name": {"value": "ice", "synonyms": ["ice pack"]}},
                        {"id": "heat", "name": {"value": "heat"}},
                    ],
                },
                {
                    "name": "SYMPTOM",
                    "values": [
                        {"id": "E7", "name": {"value": "my legs gave way"}},
                        {"id": "E6", "name": {"value": "both my legs are numb"}},
                    ],
                },
            ],
        }
    }
}


@pytest.fixture(scope="module")
def nlu() -> Nlu:
    return Nlu(MODEL)


def hear(nlu: Nlu, utterance: str) -> Match:
    match = nlu.understand(utterance)
    assert match is not None
    return match


def test_custom_slots_are_open_and_only_listed_words_resolve(nlu: Nlu) -> None:
    assert hear(nlu, "start ice pack") == Match(
        "StartIntent", {"Routine": Slot("ice pack", "ice", MATCH)}
    )
    heard = hear(nlu, "start frozen towels")
    assert heard.intent == "StartIntent"
    assert heard.slots["Routine"] == Slot("frozen towels", None, NO_MATCH)
    # A statement nobody listed still fills the catch-all, whole, with no id.
    heard = hear(nlu, "both of my thighs feel numb")
    assert heard == Match(
        "SymptomIntent", {"Symptom": Slot("both of my thighs feel numb", None, NO_MATCH)}
    )


def test_a_bare_catch_all_only_takes_words_that_look_like_its_values(nlu: Nlu) -> None:
    assert hear(nlu, "purple monkey dishwasher") == Match(FALLBACK)


def test_built_in_slot_types_take_any_words_or_spoken_numbers(nlu: Nlu) -> None:
    heard = hear(nlu, "what helps when it spasms")
    assert heard == Match("QuestionIntent", {"Query": Slot("helps when it spasms")})
    heard = hear(nlu, "ice for twenty five minutes")
    assert heard.slots["Minutes"] == Slot("25")
    assert heard.slots["Routine"].resolved_id == "ice"


def test_the_most_specific_sample_wins(nlu: Nlu) -> None:
    # A listed value beats the same words in a carrier's free text ...
    assert hear(nlu, "my legs gave way").slots["Symptom"].resolved_id == "E7"
    # ... a literal sample beats a catch-all carrier ...
    assert hear(nlu, "which painkiller is best").intent == "PainkillerIntent"
    # ... and a carrier beats the bare catch-all, which loses the carrier word to Query.
    assert hear(nlu, "i think my back is stiff").slots["Symptom"].value == "my back is stiff"


@pytest.mark.parametrize(
    ("utterance", "intent"),
    [
        ("um next step please", "AMAZON.NextIntent"),  # hesitation and politeness
        ("can you go back please", "AMAZON.PreviousIntent"),  # built-in words, with filler
        ("alexa how much longer", "TimeLeftIntent"),  # the wake word, spoken along
        ("ask back relief how much longer", "TimeLeftIntent"),  # a one-shot
        ("how much longer now", "TimeLeftIntent"),  # a word added
        ("is it time", "TimeLeftIntent"),  # a word dropped
        ("nest step", "AMAZON.NextIntent"),  # a recogniser's slip
    ],
)
def test_near_misses_reach_the_nearest_intent(nlu: Nlu, utterance: str, intent: str) -> None:
    assert hear(nlu, utterance).intent == intent


def test_a_word_the_model_holds_is_itself_not_a_slip_for_another() -> None:
    """The shipped model: "worse" is a word of its own, not a slip for the carrier "whose",
    which would leave "at night" and lose the word that says it all (U4); "we're" sounds as
    "were" (a carrier) and "makes" is "make" inflected, so those still reach their samples."""
    nlu = for_locale("en-US")
    worse = hear(nlu, "worse at night")
    assert "worse" in " ".join(s.value for s in worse.slots.values()), worse
    moving = hear(nlu, "we're moving house on saturday can i carry the boxes")
    assert moving.intent != FALLBACK and "boxes" in moving.slots["Query"].value
    assert hear(nlu, "worrying makes it worse").intent == "StressIntent"


def test_only_a_negation_is_barred_from_being_a_slip_for_its_positive() -> None:
    """A word ending in "nt" is no negation: "relaxant" said for the sample's "relaxants" is a
    slip like any other, while "can't" never reaches a "can" carrier (the shipped model)."""
    nlu = for_locale("en-US")
    assert hear(nlu, "would a muscle relaxant help").intent == "MuscleRelaxantsIntent"
    emptying = hear(nlu, "can't empty my bladder")
    assert "can't" in " ".join(s.value for s in emptying.slots.values()), emptying


def test_a_changed_content_word_is_not_a_near_miss(nlu: Nlu) -> None:
    # One word different changes the question: it goes to the free-text carrier, whole.
    assert hear(nlu, "which stretch is best") == Match(
        "QuestionIntent", {"Query": Slot("stretch is best")}
    )
    # Too far from every sample, and nothing a slot would take: Fallback, with no words.
    assert hear(nlu, "how far is the moon tonight") == Match(FALLBACK)


@pytest.mark.parametrize(
    ("words", "intent"),
    [
        (["yes", "yeah", "okay", "sure"], "AMAZON.YesIntent"),
        (["no", "nope"], "AMAZON.NoIntent"),
        (["stop", "shut up"], "AMAZON.StopIntent"),
        (["cancel", "never mind"], "AMAZON.CancelIntent"),
        (["go back", "previous"], "AMAZON.PreviousIntent"),
        (["next", "skip"], "AMAZON.NextIntent"),
        (["repeat", "say that again", "what"], "AMAZON.RepeatIntent"),
    ],
)
def test_built_in_intents_answer_their_own_words(nlu: Nlu, words: list[str], intent: str) -> None:
    assert [hear(nlu, w).intent for w in words] == [intent] * len(words)


def test_built_in_words_of_an_undeclared_intent_are_not_heard(nlu: Nlu) -> None:
    # The model declares no AMAZON.PauseIntent, so "pause" cannot reach one.
    assert hear(nlu, "pause").intent != "AMAZON.PauseIntent"


def test_nothing_said_is_fallback(nlu: Nlu) -> None:
    assert hear(nlu, "um, alexa...") == Match(FALLBACK)
