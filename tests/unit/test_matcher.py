"""Free-text questions people actually say map to the right answer, and nonsense maps to none."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from back_relief.content.matcher import AnswerMatcher, normalise

ANSWERS_PATH = Path(__file__).resolve().parents[2] / "lambda/back_relief/content/en/answers.toml"


@pytest.fixture(scope="module")
def answers() -> Mapping[str, Mapping[str, Any]]:
    with ANSWERS_PATH.open("rb") as f:
        data: dict[str, Any] = tomllib.load(f)
    result: Mapping[str, Mapping[str, Any]] = data["answers"]
    return result


@pytest.fixture(scope="module")
def matcher(answers: Mapping[str, Mapping[str, Any]]) -> AnswerMatcher:
    return AnswerMatcher(answers)


# Phrased the way people talk to a speaker, deliberately not copied from the keyword lists.
QUESTIONS: list[tuple[str, str]] = [
    ("is it ok to sleep with a heating pad on", "sleep_with_heat"),
    ("can i leave my hot water bottle on all night while i sleep", "sleep_with_heat"),
    ("what's better for a pulled back, heat or ice?", "ice_or_heat"),
    ("Should I put something cold or something hot on my back?", "ice_or_heat"),
    ("does putting heat on it actually help", "ice_or_heat"),
    ("how long can I keep an ice pack on my lower back", "ice_duration"),
    ("how many minutes should the ice stay on", "ice_duration"),
    ("is it fine to lie down on the ice pack", "ice_lie_on"),
    ("how often am I allowed to ice my back", "ice_frequency"),
    ("can I ice it again an hour later", "ice_frequency"),
    ("is it bad to put ice directly on skin", "ice_on_skin"),
    ("do I need to wrap the ice pack in a towel", "ice_on_skin"),
    ("I read you have to wait 72 hours before using heat, is that right?", "heat_early"),
    ("is it too soon to use heat, it only started yesterday", "heat_early"),
    ("how long should my heating pad stay on", "heat_duration"),
    ("how many times a day can I use the heat pack", "heat_duration"),
    ("can I lie on top of my electric heating pad", "heat_pad_lying"),
    ("would a hot bath help my back", "warm_bath"),
    ("is a hot shower good for a muscle spasm", "warm_bath"),
    ("should I switch between hot and cold packs", "contrast"),
    ("what's contrast therapy", "contrast"),
    ("how do i give myself a back massage", "self_massage"),
    ("can I use a tennis ball on the knot", "self_massage"),
    ("I can feel a pulse where I'm pressing, what does that mean", "massage_pulse"),
    ("is foam rolling my lower back a good idea", "foam_roller"),
    ("what are some good stretches for a back spasm", "stretches"),
    ("would yoga help", "stretches"),
    ("should I just stay in bed until it's better", "bed_rest"),
    ("is it better to rest it or keep moving", "rest_or_move"),
    ("will walking help my back", "walking"),
    ("can I still go to work tomorrow with my back like this", "work"),
    ("Is it okay to go to the gym with a bad back?", "exercise"),
    ("can i go swimming", "exercise"),
    ("what's the right way to lift heavy stuff", "lifting"),
    ("can I take ibuprofen for it", "painkillers"),
    ("are painkillers ok for back pain", "painkillers"),
    ("how many paracetamol can I have in a day", "doses"),
    ("what's the maximum dose I can take", "doses"),
    # Which everyday painkiller is the reference's own T20 example ("What painkiller should I
    # take?"); stronger, prescription and mixing are R9's (medicine_choice).
    ("which painkiller works best for back spasms", "painkillers"),
    ("can i get something stronger like codeine", "medicine_choice"),
    ("is it safe to mix my pain pills with my blood pressure medication", "medicine_choice"),
    ("should I ask my doctor for muscle relaxers", "muscle_relaxants"),
    ("do I need a cortisone shot", "injections"),
    ("am I dehydrated, is that why my back is cramping", "hydration"),
    ("should I be taking magnesium", "supplements"),
    ("what causes a back to go into spasm", "causes"),
    ("what does a back spasm feel like", "spasm_feel"),
    ("how long is this going to last", "how_long_lasts"),
    ("how do I stop this happening again", "prevention"),
    ("what's the best posture for my back", "posture"),
    ("how should I sit at my desk at work with this", "sitting"),
    ("what position should I sleep in", "sleep_position"),
    ("do I need a firmer mattress", "mattress"),
    ("would wearing a back brace help", "back_brace"),
    ("should I get an MRI", "scans"),
    ("do I need an x-ray", "scans"),
    ("would a physical therapist help", "physio"),
    ("should I go to a chiropractor", "chiropractor"),
    ("does acupuncture work for back pain", "acupuncture"),
    ("would a TENS unit help", "tens"),
    ("at what point should I go see a doctor about this", "when_see_doctor"),
    ("is this something serious", "is_it_serious"),
    ("do you think I've got a slipped disc", "diagnosis"),
    ("could it be my kidneys", "diagnosis"),
    ("the pain is going down my leg", "leg_pain"),
    ("it really hurts when I sneeze", "cough_sneeze"),
    ("can stress cause back spasms", "stress"),
    ("I'm pregnant, can I use this", "pregnancy"),
    ("my fourteen year old son has back pain", "child"),
    ("I had back surgery last month, can I do the stretches", "surgery"),
    ("I have osteoporosis, are the stretches safe for me", "osteoporosis"),
    ("can you log my pain level every day", "track_symptoms"),
    ("my neck is really stiff", "out_of_scope"),
    ("I don't want to live anymore", "crisis"),
    ("how do I crack my back myself", "crack_back"),
    ("can I take some of my wife's prescription pills", "someone_elses_medicine"),
    ("please call an ambulance", "call_for_me"),
    ("do you store what I say", "privacy"),
    ("I slipped on the stairs yesterday and hurt my back", "after_fall"),
    ("I finished chemo last year and now my back hurts", "cancer_history"),
]

UNRELATED = [
    "what's the weather like tomorrow",
    "play some jazz",
    "set an alarm for seven",
    "who won the football",
    "",
    "um",
    "tell me something interesting",
    "what time is it",
]


@pytest.mark.parametrize(("question", "expected"), QUESTIONS)
def test_free_text_question_maps_to_the_right_answer(
    matcher: AnswerMatcher, question: str, expected: str
) -> None:
    assert matcher.match(question) == expected


def test_table_is_large_and_covers_most_answers(answers: Mapping[str, Any]) -> None:
    assert len(QUESTIONS) >= 60
    expected = {answer_id for _, answer_id in QUESTIONS}
    assert expected <= set(answers)
    assert len(expected) >= 50


def test_questions_are_not_just_keywords(answers: Mapping[str, Mapping[str, Any]]) -> None:
    keywords = {normalise(k) for entry in answers.values() for k in entry["keywords"]}
    copied = [q for q, _ in QUESTIONS if normalise(q) in keywords]
    assert copied == []


@pytest.mark.parametrize("text", UNRELATED)
def test_unrelated_text_matches_nothing(matcher: AnswerMatcher, text: str) -> None:
    assert matcher.match(text) is None


def test_every_answer_is_reachable_by_its_own_keywords(
    matcher: AnswerMatcher, answers: Mapping[str, Mapping[str, Any]]
) -> None:
    unreachable = [
        answer_id
        for answer_id, entry in answers.items()
        if not any(matcher.match(k) == answer_id for k in entry["keywords"])
    ]
    assert unreachable == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("What's   BETTER, Ice or Heat?!", "what is better ice or heat"),
        ("I can't sleep", "i can not sleep"),
        ("I\u2019m pregnant", "i am pregnant"),
        ("child's pose", "childs pose"),
        ("don't", "do not"),
        ("x-ray", "x ray"),
        ("  ", ""),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_empty_mapping_matches_nothing() -> None:
    assert AnswerMatcher({}).match("ice or heat") is None


def test_the_commonest_things_said_on_the_floor_are_never_a_dead_end(
    matcher: AnswerMatcher,
) -> None:
    said = {
        "it hurts, what do I do?": "relief_overview",
        "it hurts": "relief_overview",
        "im in so much agony": "relief_overview",
        "how long till the ibuprofen kicks in": "painkillers",
        "where do i press on the knot": "self_massage",
        "any stretches i can do lying in bed": "stretches",
        "my skin went pink under the ice pack is that ok": "skin_check",
        "i dont want to go on anymore": "crisis",
    }
    assert {q: matcher.match(q) for q in said} == said


def test_nearest_names_the_closest_topics_even_below_the_answer_threshold(
    matcher: AnswerMatcher,
) -> None:
    assert matcher.match("is my mattress too soft for my spine") in (None, "mattress")
    assert "mattress" in matcher.nearest("is my mattress too soft for my spine")
    assert matcher.nearest("zzz qqq") == []


def test_every_locales_word_for_a_heat_pack_or_an_ice_pack_reaches_the_same_answer(
    matcher: AnswerMatcher,
) -> None:
    heat = ["heating pad", "hot water bottle", "hot water bag", "wheat bag", "heat pack"]
    cold = ["ice pack", "cold pack", "bag of frozen peas", "ice"]
    assert {h: matcher.match(f"can i fall asleep with the {h} on") for h in heat} == dict.fromkeys(
        heat, "sleep_with_heat"
    )
    assert {c: matcher.match(f"how many minutes should the {c} stay on") for c in cold} == (
        dict.fromkeys(cold, "ice_duration")
    )


def test_word_forms_meet_but_lookalike_words_stay_apart(matcher: AnswerMatcher) -> None:
    from back_relief.text import stem

    assert {stem(w) for w in ("pressing", "pressed", "presses", "press")} == {"press"}
    assert {stem(w) for w in ("stretches", "stretching", "stretch")} == {"stretch"}
    assert {stem(w) for w in ("lying", "lay", "lie")} == {"lie"}
    assert stem("tens") != stem("ten") and stem("tense") != stem("tens")
    assert matcher.match("i have had this for ten days now") == "when_see_doctor"
    assert matcher.match("would a tens machine help") == "tens"


def test_what_is_asked_about_a_thing_picks_its_topic_however_it_is_worded(
    matcher: AnswerMatcher,
) -> None:
    # Needs (needs.py): the thing (ice, heat, medicine) and what is asked of it, in words no
    # keyword holds. A lone "ice" would otherwise be the general ice-or-heat answer.
    assert matcher.match("is there a limit on how long the frozen corn stays on") == "ice_duration"
    assert matcher.match("the wheat bag has been on me since lunch is that too long") == (
        "heat_duration"
    )
    assert matcher.match("is it ok to roll onto the ice pack") == "ice_lie_on"
    assert matcher.match("can i do cold for a while and then warm") == "contrast"
    assert matcher.match("when will the ibuprofen kick in") == "painkillers"
    assert matcher.match("how many of the tylenol can i take") == "doses"
    # ... but only said together: hours of gardening early in a story are not an ice timer.
    story = "i was gardening for four hours yesterday and now i'm on the floor, do i put ice on it"
    assert matcher.match(story) == "ice_or_heat"


def test_a_particle_after_its_object_is_still_the_same_verb(matcher: AnswerMatcher) -> None:
    assert matcher.match("how do i pick the baby up when my back is like this") == "lifting"
    assert matcher.match("when should i take the heat pack off") == "heat_duration"


def test_should_i_worry_after_a_story_is_answered_by_the_story(matcher: AnswerMatcher) -> None:
    assert matcher.match("there's a red mark where the heat pack was, should i worry") == (
        "skin_check"
    )
    # With nothing else named it is still the "is it serious" answer.
    assert matcher.match("my back is killing me should i worry") == "is_it_serious"


def test_someone_elses_operation_is_not_the_speakers(matcher: AnswerMatcher) -> None:
    text = "can i have the tablets left over from my husband's operation"
    assert matcher.match(text) == "someone_elses_medicine"
    assert matcher.match("i had an operation on my back last month") == "surgery"


def test_a_dropped_carrier_is_put_back_only_when_that_reads_clearly_better(
    matcher: AnswerMatcher,
) -> None:
    carriers = ("i", "my", "i'm", "i've", "it's", "the")
    # Alexa sends "fourteen can i use this" for "i'm fourteen can i use this".
    assert matcher.match("fourteen can i use this") is None
    assert matcher.match_readings("fourteen can i use this", carriers) == "child"
    # "paracetamol ok" is a painkiller question, not "my paracetamol" (medicine choice).
    assert matcher.match_readings("paracetamol ok", carriers) == "painkillers"


def test_doing_something_without_hurting_yourself_is_not_the_crisis_answer(
    matcher: AnswerMatcher,
) -> None:
    # "hurt myself" is a crisis keyword; "without hurting myself" asks for a safe way.
    assert matcher.match("how do i pick the toddler up without hurting myself") == "lifting"
    assert matcher.match("how can i get out of bed without hurting my back") != "crisis"
    assert matcher.match("sometimes i want to hurt myself") == "crisis"


def test_comments_in_the_concept_classes_are_never_read_as_classes() -> None:
    # A "#" line holding a colon once became a concept whose words swallowed real speech
    # ("working as in helping", "a way to do it safely").
    from back_relief.content.synonyms import classes

    assert sorted({c for c in classes().values() if not c.isidentifier()}) == []


def test_a_need_said_near_its_thing_beats_a_topic_that_only_shares_a_word(
    matcher: AnswerMatcher,
) -> None:
    # Close scores go to the topic whose need is said ("only" + a trivial act asks why), not
    # to the one a shared story word ("pick up" is lifting) points at.
    assert matcher.match("all i did was pick up the remote") == "causes"
    # A feeling is a need too: afraid to move is the keep-moving answer, worry acting on the
    # pain is stress, and worry about the pain is whether it is serious.
    assert matcher.match("i'm frightened to move at all") == "rest_or_move"
    assert matcher.match("can worrying bring on a spasm") == "stress"
    assert matcher.match("is this something to worry about") == "is_it_serious"
    # A kind of medicine is a medicine for its needs: what a relaxant does, a borrowed opioid.
    assert matcher.match("will the valium loosen my back") == "muscle_relaxants"
    assert matcher.match("my dad has codeine, could i have some") == "someone_elses_medicine"
    # Going back to the thing a topic is about, and a day it must be better by.
    assert matcher.match("is it ok to head back to the office") == "work"
    assert matcher.match("will it have cleared up by friday") == "how_long_lasts"
    assert matcher.match("how long should i wait before i call the gp") == "when_see_doctor"


def test_a_closing_is_that_asks_the_question_after_a_story(matcher: AnswerMatcher) -> None:
    # "is that a spasm" after a description asks what a spasm feels like, not about the knot.
    assert matcher.match("there's a hard knot low down, is this a spasm") == "spasm_feel"
    # "even" is not "evening": a duration word only as itself.
    assert matcher.match("does the frozen stuff even do anything") == "ice_or_heat"
