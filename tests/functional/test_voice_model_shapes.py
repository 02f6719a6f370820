"""The generated voice model is one Alexa accepts, and every shape of free speech reaches triage.

Alexa's rules checked offline: no sample holds a wake word, an AMAZON.SearchQuery sample has
a carrier phrase and no other slot. Then each way people start a statement or a question
("both ...", "since ...", "there's ...", any wh-word, "is/can/should I ...") is heard, through
the simulator's Alexa-like NLU, as a free-text intent that carries the words after the start.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from back_relief.alexa.handlers.answers import FREE_TEXT_SLOTS as FREE_TEXT
from back_relief.content.loader import load
from back_relief.simulator.nlu import for_locale

from interaction_models import build
from tests.builders.skill import LOCALES, SessionFactory, model, model_intents

# How statements and questions start, each followed by words no sample or slot value has.
SHAPES = [
    "both {x}", "since {x}", "there's {x}", "i {x}", "my {x}", "what {x}", "why {x}",
    "when {x}", "where {x}", "how {x}", "which {x}", "who {x}", "whose {x}", "is {x}",
    "are {x}", "does {x}", "do {x}", "can {x}", "should {x}", "is it {x}", "can i {x}",
    "should i {x}", "do i {x}", "does it {x}",
]  # fmt: skip
TAILS = ["left calf went cold and blotchy", "tuesday the tingling moved to my heel"]


def samples(locale: str) -> list[tuple[str, str, dict[str, str]]]:
    return [
        (intent["name"], sample, {s["name"]: s["type"] for s in intent.get("slots", [])})
        for intent in model(locale)["intents"]
        for sample in intent["samples"]
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_no_sample_holds_a_wake_word(locale: str) -> None:
    for intent, sample, _ in samples(locale):
        words = sample.split()
        assert not {"alexa", "amazon", "echo"} & set(words), (intent, sample)
        assert words[0] not in {"computer", "ziggy"}, (intent, sample)


def test_the_build_refuses_a_wake_word_in_a_sample() -> None:
    with pytest.raises(build.ModelError, match="wake word"):
        build._check_sample("SymptomIntent", "alexa {Symptom}", {"Symptom": "SYMPTOM"})
    with pytest.raises(build.ModelError, match="wake word"):
        build._check_sample("HelpIntent", "echo what can i say", {})


def test_a_carrier_never_takes_a_negation_from_the_words_triage_reads(
    session: SessionFactory,
) -> None:
    """ "oh no {Symptom}" let the NLU take "no" as carrier: "no problems controlling my bladder"
    arrived as "problems controlling my bladder" and got the emergency answer."""
    with pytest.raises(build.ModelError, match="just before free-text"):
        build._check_sample("SymptomIntent", "oh no {Symptom}", {"Symptom": "SYMPTOM"})
    talk = session(locale="en-GB")
    assert (
        "nine nine nine" not in talk.say("no problems controlling my bladder, just the back").text
    )
    # ... while "no" answering before a report does not take the report back.
    assert "nine nine nine now" in session(locale="en-GB").say("oh no my legs have gone numb").text


@pytest.mark.parametrize("locale", LOCALES)
def test_search_query_samples_have_a_carrier_and_no_other_slot(locale: str) -> None:
    checked = 0
    for intent, sample, types in samples(locale):
        used = re.findall(r"\{(\w+)\}", sample)
        if any(types[name] == "AMAZON.SearchQuery" for name in used):
            checked += 1
            assert len(used) == 1, (intent, sample)
            assert re.sub(r"\{\w+\}", "", sample).strip(), (intent, sample)
    assert checked > 20
    with pytest.raises(build.ModelError, match="carrier"):
        build._check_sample("QuestionIntent", "{Query}", {"Query": "AMAZON.SearchQuery"})


def test_the_models_stay_within_the_size_budget() -> None:
    for locale in LOCALES:
        assert len(build.render(locale).encode()) <= build.MAX_MODEL_BYTES


def _shape_cases() -> list[Any]:
    return [
        pytest.param(locale, shape, id=f"{locale}-{shape}")
        for locale in LOCALES
        for shape in SHAPES
    ]


@pytest.mark.parametrize(("locale", "shape"), _shape_cases())
def test_every_shape_of_free_speech_reaches_a_free_text_intent_with_its_words(
    locale: str, shape: str
) -> None:
    restored = load(locale).carriers
    for tail in TAILS:
        utterance = shape.format(x=tail)
        heard = for_locale(locale).understand(utterance)
        assert heard is not None and heard.intent in FREE_TEXT, (utterance, heard)
        value = heard.slots[FREE_TEXT[heard.intent]].value
        # Triage reads the slot, and the slot with each restored carrier in front: between
        # them, the words that matter are all there.
        assert utterance.endswith(value) and tail in value, (utterance, value)
        start = utterance[: -len(value)].split()
        assert not start or {"both", "since"}.isdisjoint(start), (utterance, value)
        assert start[-1:] != ["my"] or "my" in restored


@pytest.mark.parametrize("locale", LOCALES)
def test_the_routine_words_people_use_reach_their_intents(locale: str) -> None:
    intents = model_intents(locale)
    assert {"PickStretchIntent", "SeatedVersionIntent"} <= set(intents)
    nlu = for_locale(locale)
    heard = {u: nlu.understand(u) for u in ROUTINE_TALK}
    wrong = {
        u: m.intent if m else None for u, m in heard.items() if not m or m.intent != ROUTINE_TALK[u]
    }
    assert not wrong
    assert heard["do the knee hug"].slots["Stretch"].resolved_id == "knee_to_chest"  # type: ignore[union-attr]


# The commands people give mid-routine, in words of their own (not the model's samples).
ROUTINE_TALK = {
    "um how long left": "TimeLeftIntent",
    "how much longer have i got": "TimeLeftIntent",
    "is it time yet": "TimeLeftIntent",
    "how many minutes to go": "TimeLeftIntent",
    "okay next one please": "AMAZON.NextIntent",
    "can you go back": "AMAZON.PreviousIntent",
    "say that again please": "AMAZON.RepeatIntent",
    "hang on a sec": "AMAZON.PauseIntent",
    "skip this stretch": "SkipIntent",
    "stop it please": "AMAZON.StopIntent",
    "do the knee hug": "PickStretchIntent",
    "the cat one": "PickStretchIntent",
    "is there a chair version": "SeatedVersionIntent",
    "can i do this sitting down": "SeatedVersionIntent",
    "yeah carry on": "AMAZON.YesIntent",
    "okay": "AMAZON.YesIntent",
    "continue": "AMAZON.ResumeIntent",
}


def test_an_unlisted_word_in_the_stretch_slot_still_gets_an_answer(session: SessionFactory) -> None:
    # "what is {Stretch}" takes "sciatica" as Alexa would (open slot, no id): the skill
    # answers the question instead of listing stretches.
    heard = for_locale("en-US").understand("what is sciatica")
    assert heard is not None and heard.intent == "StretchHowToIntent"
    reply = session().say("what is sciatica")
    answer = load("en-US").answers[str(load("en-US").matcher.match("sciatica"))]
    assert str(answer["say"]).split(". ")[0] in reply.text
