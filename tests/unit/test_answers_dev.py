"""Free-text questions in words nobody wrote the keywords from still reach the right answer.

The development set (data/answers_dev2.tsv, 400+ phrasings in all five locales' words) and the
check sets written after the matcher changed (data/answers_fresh2-4.tsv) are
measured by answers_dev.py: written, through the simulator's NLU the way the handler gets them,
and as a recogniser garbles them. None of them is the held-out evaluation.
"""

from __future__ import annotations

import re
from pathlib import Path

import answers_dev
import pytest
from back_relief.content import loader

FRESH = [answers_dev.DEV.with_name(f"answers_fresh{n}.tsv") for n in (2, 3, 4)]


@pytest.mark.parametrize(
    ("way", "noise", "on_topic"),
    [
        ("written", False, 0.95),
        ("written", True, 0.95),
        ("voice", False, 0.9),
        ("voice", True, 0.9),
    ],
)
def test_dev_set_is_answered_on_topic_and_rarely_a_dead_end(
    way: str, noise: bool, on_topic: float
) -> None:
    got = answers_dev.measure(way, noise)
    assert got.total >= 300
    assert got.on_topic / got.total >= on_topic, "\n".join(got.misses)
    assert got.no_answer / got.total <= 0.02, "\n".join(got.misses)


@pytest.mark.parametrize("path", FRESH, ids=lambda p: p.stem)
def test_phrasings_written_after_the_matcher_changed_are_answered_too(path: Path) -> None:
    got = answers_dev.measure("written", True, path)
    assert got.on_topic / got.total >= 0.9, "\n".join(got.misses)
    assert got.no_answer / got.total <= 0.05, "\n".join(got.misses)


def test_recogniser_slips_and_a_lifted_child_reach_the_meant_answer() -> None:
    matcher = loader.load(loader.DEFAULT_LOCALE).matcher
    assert matcher.match("can you get help four me") == "call_for_me"
    assert matcher.match("i dont want too be here anymore") == "crisis"
    assert matcher.match("should i weight a couple of days before using heat") == "heat_early"
    assert matcher.match("how long will this last four weeks") == "how_long_lasts"
    # Lifting a child is about the lifter's back; a child's own pain is still the child answer.
    assert matcher.match("can i lift my toddler") == "lifting"
    assert matcher.match("my son is twelve and his back hurts") == "child"


def test_every_answer_topic_is_asked_in_the_development_data_at_least_four_times() -> None:
    # What the learnt ranker is trained on and cross-validated over (rank_model.ROUNDS): an
    # answer no writer asked for (the warning signs until round 12) is one nobody measured.
    from interaction_models import rank_model

    content = loader.load(loader.DEFAULT_LOCALE)
    counts = dict.fromkeys(content.answers, 0)
    for files in rank_model.ROUNDS.values():
        for path in files:
            if "heard" not in path:  # a heard copy is the same question again
                for _, expected in answers_dev.rows(answers_dev.DEV.with_name(path)):
                    for answer_id in expected:
                        counts[answer_id] += 1
    assert {a: n for a, n in counts.items() if n < 4} == {}


def test_medicine_questions_get_the_label_and_pharmacist_answer_never_a_dose() -> None:
    content = loader.load(loader.DEFAULT_LOCALE)
    medicine = {"painkillers", "doses", "medicine_choice"}
    asked = [text for text, expected in answers_dev.rows() if expected <= medicine]
    assert len(asked) >= 30
    for i, text in enumerate(asked):
        answer_id = content.matcher.match(answers_dev.noisy(text, i))
        assert answer_id in medicine | {"someone_elses_medicine"}, text
        spoken = content.answers[answer_id]["say"]
        assert "pharmacist" in spoken, text
        assert not re.search(r"\d|milligram|every \w+ hours", spoken), text


def test_the_ask_in_a_story_and_a_lone_concept_word_decide_the_topic() -> None:
    matcher = loader.load(loader.DEFAULT_LOCALE).matcher
    # The story says how it happened; the last clause says what is wanted.
    story = "my back seized when i sneezed this morning, what's good for it"
    assert matcher.match(story) == "relief_overview"
    # ... but "is that why" points back at the story, and a bare "what now" does not outweigh it.
    assert matcher.match("am i dehydrated, is that why my back is cramping") == "hydration"
    assert matcher.match("back still no good after a week what now") == "when_see_doctor"
    # One concept word among filler is that concept's topic, however long the sentence.
    assert matcher.match("would the hot water bag do any good") == "ice_or_heat"
    assert matcher.match("is it ok to put something warm on it") == "ice_or_heat"
    # A child named beside the speaker's own back is not the one in pain.
    assert matcher.match("my back's locked solid and i've got the kids to get") != "child"
    # ... and another body part named beside it is not what is asked about (R11 is for pain
    # that is not in the back at all); alone, it still is.
    assert matcher.match("carting my kid round on my shoulders hurt my back") not in (
        "child",
        "out_of_scope",
    )
    assert matcher.match("my wrist is killing me") == "out_of_scope"
    # ... nor is one who only helps or owns the thing asked about; "her back" is theirs.
    assert matcher.match("my son has a foam roller, can i roll on it") == "foam_roller"
    assert matcher.match("my little boy says his back is sore") == "child"
    assert matcher.match("my wife is pregnant and her back has gone") == "pregnancy"
    # A closing clause with no thing of its own asks about the story's thing.
    assert matcher.match("my brother has a back brace, can i borrow it") == "back_brace"


# Later development sets, each in a voice unlike the ones before, each written before its
# round changed anything (on topic then, written / voice), with the floor it is held to now
# and the share of dead ends (no answer) it may have.
LATER_SETS = [
    # answers_dev3.tsv: run-ons, fillers, five locales' words, no apostrophes (90.6% / 88.7%).
    ("answers_dev3.tsv", 400, 0.92, 0.02),
    # answers_dev4.tsv: statements that never ask, questions inside stories, "should I / is it
    # OK / what about", one-word asks, five locales' words (87.6% / 82.9%).
    ("answers_dev4.tsv", 300, 0.93, 0.02),
    # answers_dev5.tsv: asked by need, by situation, by what is in the house, by what someone
    # said, by comparison, follow-ups without context; the topic's key word absent in half of
    # each topic's rows (80.8% / 79.5%). Its probe (answers_dev5_probe.tsv) is measured, never
    # tuned on.
    ("answers_dev5.tsv", 250, 0.9, 0.02),
    # answers_dev6.tsv: statements that imply the question, stories, two questions at once,
    # carers, older and non-native speakers, recogniser-style words (81.0% / 80.3%). Its probe
    # (answers_dev6_probe.tsv) is measured, never tuned on.
    ("answers_dev6.tsv", 250, 0.9, 0.02),
    # answers_dev7.tsv: terse fragments ("tablets?"), odd orders, a need said as a statement,
    # mid-routine questions, another topic's word (80.0% through the skill; written 86.8%,
    # voice 81.0%). A fragment of a word or two often gives the matcher too little to go on,
    # so more of it is a dead end. Its probe (answers_dev7_probe.tsv) is measured, never tuned on.
    ("answers_dev7.tsv", 250, 0.82, 0.06),
    # answers_dev23.tsv: a writer who saw only the answers' titles and the reference, never any
    # other set; rambles, fragments, carers, five locales' words (round 23; never tuned on, and
    # learnt by neither model: 92.9% / 91.7% on its noisy copy when it joined, no rule changed;
    # since round 24 the red-flag model learns its questions as benign, the topic ranker not).
    # Its probe and the heard copies of both (answers_dev23_*.tsv) are measured, not tested.
    ("answers_dev23.tsv", 330, 0.9, 0.02),
]


@pytest.mark.parametrize("way", ["written", "voice"])
@pytest.mark.parametrize(("name", "size", "floor", "dead_ends"), LATER_SETS)
def test_later_dev_sets_in_other_voices_are_answered_on_topic(
    way: str, name: str, size: int, floor: float, dead_ends: float
) -> None:
    got = answers_dev.measure(way, True, answers_dev.DEV.with_name(name))
    assert got.total >= size
    assert got.on_topic / got.total >= floor, "\n".join(got.misses)
    assert got.no_answer / got.total <= dead_ends, "\n".join(got.misses)
