"""Round 16 (triage16): the classes the triage16 writer's rows found missing, each as a report
that must get its answer beside an ordinary statement sharing its words that must not. No
phrasing here is a development row: the classes are read from the words.

triage_dev5_triage16.tsv holds the figures; triage_dev5_triage16_probe.tsv was written with it
and is held back from the red-flag model until it is measured once, at the end. RECURRING is
round 16's heard class (heard_classes.py _TRIAGE16), read the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from back_relief.safety.triage import Tier

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import alarming, twins

# (class, ordinary statement that must raise no emergency, report that must)
PAIRS = [
    (
        "a first time said against the usual episodes: 'never ... before today', 'till today'",
        "i have never wet myself before, and i have not now either, my back is just stiff",
        "twenty years of bad backs and i have never wet myself before today",
    ),
    (
        "'never not been able to' with a limit that reaches now",
        "i have never not been able to touch my toes, my back is only a bit tight",
        "i have never not been able to hold my wee until this morning",
    ),
    (
        "the limit in the finding's own clause, not after a new subject ('my back has ...')",
        "i have never wet myself, my back has just been sore until now",
        "i have never not been able to hold my bowels till today",
    ),
    (
        "a barrier felt over the saddle or in sex: 'like a layer of wool', 'a film of plastic'",
        "i put a layer of foam on the kitchen chair for my bum, my back aches",
        "it feels like a film of plastic over my privates when i wipe",
    ),
    (
        "a touch on the saddle 'not felt' or 'not feeling it'",
        "when she pressed my lower back i was not feeling it much, the knot has gone",
        "when my wife touches my inner thighs i am not feeling it at all",
    ),
    (
        "what someone else notices each time they touch ('says when he touches'), not advice",
        "the physio says when she presses my bum i should feel it, and i do",
        "my partner says when she touches my bum i can barely feel it",
    ),
]

# (class, ordinary statement that must not get the within-days answer, report that must)
WITHIN_DAYS = [
    (
        "a back that 'still hurts' after weeks",
        "my back still hurts after the gym",
        "why does my back still ache after six weeks",
    ),
    (
        "'better when i lie down' says how it eases, not that it has passed",
        "the pain was stopping me going to work but it is better now",
        "the pain is stopping me going to work, it is better when i lie down",
    ),
]

# Round 16 heard (heard_classes.py _TRIAGE16): grey heard as "great" after a person "gone".
RECURRING = [
    (
        "grey heard as 'great' after a person 'gone'",
        "the new stretches have gone great and my back is better",
        "back pain ripping through me and he is gone great and clammy",
        Tier.EMERGENCY,
    ),
]


TWINS = [
    *((kind, calm, report, Tier.EMERGENCY) for kind, calm, report in PAIRS),
    *((kind, calm, report, Tier.WITHIN_DAYS) for kind, calm, report in WITHIN_DAYS),
    *RECURRING,
]


@pytest.mark.parametrize(("kind", "calm", "report", "least"), TWINS, ids=[t[0] for t in TWINS])
def test_triage16_class_reaches_its_answer_and_its_twin_stays_under(
    kind: str, calm: str, report: str, least: Tier
) -> None:
    twins(kind, calm, report, least)


# Floor numbness is the saddle sign whatever was sat on: round 16's hold (a bottom gone numb on a
# hard floor that comes back on moving) was reverted after the safety review, since it silenced
# real saddle numbness said beside it. These must alarm.
FLOOR_NUMB_STILL_ALARMS = [
    "my bum went numb on the floor and it has not come back when i move",
    "my bum goes numb on the hard floor and it never comes back when i move",
    "sat on the floor, bum went numb, came back when i moved, but now i can not feel my privates",
    "my bum went numb sitting on the floor, it came back when i moved but now it is numb again",
    "my bum went numb on the hard floor, came back once i moved, but i still can not feel the "
    "paper when i wipe",
    "i fell on the floor and my bum is numb, it comes back when i move",
    "sat on the step and my bum went numb, it only comes back when i move then goes numb again",
    "numb bottom from the floor, it passes when i stand up, but my perineum is numb",
    "my bum goes numb on the step but it comes back when i move, i have pins and needles around "
    "my anus",
]


def test_triage16_floor_numbness_that_stays_or_comes_with_a_sign_still_alarms() -> None:
    assert alarming(FLOOR_NUMB_STILL_ALARMS) == FLOOR_NUMB_STILL_ALARMS


# Ordinary talk in the same shapes that must stay without an emergency.
NOT_ALARMING = [
    "when he presses on my bum muscle i am not feeling it, the pain is higher up",
    "when he touches my bottom i am not feeling it, i mean the bruise does not hurt anymore",
    "my husband says when he pokes my bum i am not feeling it, so the bruise has healed",
    "the doctor said when we can not feel our bottom we should go to a and e",
    "the leaflet says when they have numbness in the saddle area they should call 999",
    "no, i have never lost control of my bladder, i was fine until this morning when my back went",
    "never had numbness down there, not until today either, just a stiff back",
    "my bum feels like a layer of padding would help on this chair",
    "it is hot as an oven in here and i feel awful, my back pain is terrible",
    "the heat pack is hot as a furnace, my back pain is terrible",
    "our flat is hot as an oven and my back pain is unbearable",
    "the kitchen is hot as an oven and i am shivering from the air con on my sore back",
    "the doctor said when you can not pee come straight in, my back is only sore",
]


def test_triage16_classes_leave_ordinary_talk_without_an_emergency() -> None:
    assert not alarming(NOT_ALARMING)
