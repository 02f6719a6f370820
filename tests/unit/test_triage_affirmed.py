"""A sign asked about, warned of or supposed, then answered in the same breath (safety/affirmed.py,
issue 12 round 7).

triage_dev5_triage8.tsv holds reports said by carers, as answers in words, by function, hedged
and elliptically ("... and i can't", "it just comes out"); its probe set is a figure only
(triage_dev5.py --set triage8_probe).
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.safety.affirmed import reinstated
from back_relief.safety.triage import Tier
from back_relief.text import normalise

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import tier
from triage_dev2 import DATA, measure

# (the same question answered no, answered yes): the answer's polarity decides, whichever way
# the question was put.
ANSWERED = [
    ("they asked if i could pee and i can", "they asked if i could pee and i can't"),
    ("the nurse asked if i was leaking, i'm not", "the nurse asked if i was leaking and yes, i am"),
    (
        "the nurse asked if i could feel my bottom, i can",
        "the nurse asked if i could feel my bottom, no",
    ),
    (
        "the physio asked whether my bum felt normal and it does",
        "the physio asked whether my bum felt normal, it doesn't, it's numb",
    ),
    (
        "she asked about numbness down below, there's nothing like that",
        "she asked about numbness down below and yes there is some",
    ),
    (
        "the doctor said if my legs went weak to ring, they haven't",
        "the doctor said if my legs went weak to ring, they have",
    ),
    ("he asked whether i'd wet myself and i said no", "he asked whether i'd wet myself, i have"),
    (
        "they warned me i might lose feeling in my bum, not yet though",
        "they warned me i might lose feeling in my bum and it's happened",
    ),
    (
        "the nurse asked about wetting myself, that's not happening",
        "the nurse asked about wetting myself, well that's happening now",
    ),
]


def test_an_answer_to_a_sign_just_asked_about_says_whether_it_is_there() -> None:
    assert [no for no, _ in ANSWERED if tier(no) == Tier.EMERGENCY] == []
    assert [yes for _, yes in ANSWERED if tier(yes) != Tier.EMERGENCY] == []


def test_the_answer_is_read_again_as_one_plain_statement() -> None:
    said = {
        "they told me to call if i couldn't feel my legs. i can't.": "i can not feel my legs",
        "the doctor said watch out for both legs going numb, and now they are": (
            "both legs are going numb"
        ),
        "he asked whether i'd wet myself, i haven't": "i have not wet myself",
    }
    assert {text: reinstated(normalise(text)) for text in said} == said
    # no answer, or a question that goes on asking what to do: nothing is said again
    assert reinstated(normalise("the gp said come in if i go numb down there")) is None
    assert reinstated(normalise("if i ever fell and couldn't get up what would happen")) is None
    assert tier("if i ever fell and couldn't get up what would happen") == Tier.NONE


def test_a_question_about_anyone_answered_for_oneself_and_an_own_earlier_telling_are_reports() -> (
    None
):
    assert tier("can a bad back stop you peeing? mine has") == Tier.EMERGENCY
    assert tier("can a bad back stop you peeing? mine hasn't") == Tier.NONE
    assert tier("can a bad back stop you peeing") == Tier.NONE
    assert tier("the tingling i told you about has spread to the other leg") == Tier.EMERGENCY
    assert tier("i told you about the film where he can't feel his legs") == Tier.NONE
    # a surprise presupposes the sign came; a fear answered says whether it did
    assert tier("i knew my back would hurt but i didn't expect to wet myself") == Tier.EMERGENCY
    assert tier("i expected pain but not for both legs to go numb") == Tier.EMERGENCY
    assert tier("i never thought i'd be able to walk again after the fall") == Tier.NONE
    assert tier("i was afraid i'd wet myself and i have") == Tier.EMERGENCY
    assert tier("i was worried my legs would go numb but they haven't") == Tier.NONE


def test_function_words_for_loss_of_control_and_sensation() -> None:
    assert tier("i never make it in time any more, it just comes out") == Tier.EMERGENCY
    assert tier("i never make it to work in time, it just comes out that way") == Tier.NONE
    assert tier("she can't stand on her own any more, since this morning") == Tier.EMERGENCY
    assert tier("i can't stand the pain on my own") < Tier.EMERGENCY


def test_carers_answers_and_elliptical_reports_set_meets_its_floors() -> None:
    figures = measure(DATA / "triage_dev5_triage8.tsv", "utterance")
    assert figures.rate("E") >= 0.97, figures.misses.get("E")
    assert figures.rate("U") >= 0.95, figures.misses.get("U")
    assert figures.rate("N") <= 0.03, figures.misses.get("N")
