"""Round 13 (triage13): the classes the triage13 writer's rows found missing or raising a false
alarm, each as a report that must get its answer beside an ordinary statement sharing its words
that must not. No phrasing here is a development row: the classes are read from the words.

triage_dev5_triage13.tsv holds the figures; triage_dev5_triage13_probe.tsv was written with it
and is held back from the red-flag model until it is measured once, at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from back_relief.safety.triage import Tier

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import tier, twins

# (class, ordinary statement that must raise no emergency, report that must)
PAIRS = [
    (
        "a belly or tummy with 's ('my tummy's been')",
        "i'm pregnant and my tummy's been fine, it's just my back",
        "i'm pregnant and my tummy's been hurting for hours without a break",
    ),
    (
        "the urge never felt since, for a poo",
        "i haven't felt the urge to exercise since my back went",
        "i haven't had the urge to poo since my back went two days ago",
    ),
    (
        "an electric 'current' feeling in both legs (Indian English)",
        "the current physio plan is helping both legs",
        "both legs have a current type feeling since this morning",
    ),
    (
        "a touch on both legs barely felt",
        "my partner rubbed both my calves and it felt lovely",
        "my partner rubbed both my calves and i could hardly feel it",
    ),
    (
        "a stream that will not start",
        "the live stream won't start on my laptop and my back is sore",
        "my stream won't start and my back is sore",
    ),
]

# Holds tried in round 13 and not kept: a safety review's own red flags, said in the shape each
# hold would have silenced (a thing torn open, someone else said to be fine, a doubled "no", "can
# i still", a screen word anywhere), and what the kept readings must leave calm.
NOT_SILENCED = [
    "i tore open a heat pack and now there's a tearing in my chest",
    "we came off the motorbike, he's okay, my back is in agony",
    "wet yourself? no no, not just wet, i can't control it at all",
    "i wet myself last year, could i still do the stretches, my bum is numb",
    "my stream is weak, i noticed it while watching tv",
]
STAYS_CALM = [
    ("we slept on the stairs during the storm, my back is sore", Tier.SAME_DAY),
    ("i was scratching both my legs and didn't notice it was bleeding", Tier.EMERGENCY),
    ("chivalry is dead in this house, nobody helps with my back", Tier.SAME_DAY),
]

# (class, ordinary statement that must not get the same-day answer, report that must)
SAME_DAY = [
    (
        "a cough or sneeze said to make the back feel about to snap",
        "i'm scared my back will snap if i lift the bins",
        "when i cough it feels like my spine will snap",
    ),
    (
        "the pain said to be up by the shoulders",
        "the pain is down low, nowhere near my shoulders",
        "the ache sits up near my shoulders since this morning",
    ),
    (
        "burning said after the peeing",
        "when i pass urine it is all normal, just a stiff back",
        "when i pass urine it's burning and my back aches",
    ),
    (
        "'paining' (Indian English) for the side",
        "i am painting the fence and my side is fine",
        "my right side is paining since yesterday along with my back",
    ),
    (
        "an answer that opens with 'expecting' alone",
        "expecting a call from the physio, the back is a bit stiff",
        "expecting, and the back pain is unbearable",
    ),
]

# Recogniser slips that recur across the heard copies, each read only where the heard word makes
# no sense: (class, what a recogniser may write for an ordinary statement, for a report, the
# least answer the report must get).
HEARD = [
    (
        "shivery heard as 'chivalry'",
        "i read a book about chivalry and my back aches",
        "hot and chivalry and my back aches",
        Tier.SAME_DAY,
    ),
    (
        "slipped heard as 'slept' where nobody sleeps",
        "i slept on the floor and my back aches",
        "she is eighty and slept getting out of the bath, back hurts",
        Tier.SAME_DAY,
    ),
    (
        "giving way heard as 'getting away' said of legs or knees",
        "the kids keep getting away from me and my back is sore",
        "my knees keep getting away since the spasm",
        Tier.EMERGENCY,
    ),
    (
        "wee heard as 'wii'",
        "i play the wii fit for my back",
        "i cant hold my wii anymore since the spasm",
        Tier.EMERGENCY,
    ),
    (
        "erection heard as 'direction' said to stop working",
        "which direction should i stretch, my back hurts",
        "my direction stop working since the back spasm",
        Tier.EMERGENCY,
    ),
    (
        "paining heard as 'painting' after a body place and a verb",
        "i hurt my back painting the fence",
        "my side is painting since yesterday",
        Tier.SAME_DAY,
    ),
]


# Every class above with the least answer its report must get and its look-alike must not.
TWINS = [
    *((kind, calm, report, Tier.EMERGENCY) for kind, calm, report in PAIRS),
    *((kind, calm, report, Tier.SAME_DAY) for kind, calm, report in SAME_DAY),
    *HEARD,
]


@pytest.mark.parametrize(("kind", "calm", "report", "least"), TWINS, ids=[t[0] for t in TWINS])
def test_round13_class_reaches_its_answer_and_its_twin_stays_under(
    kind: str, calm: str, report: str, least: Tier
) -> None:
    twins(kind, calm, report, least)


@pytest.mark.parametrize("report", NOT_SILENCED)
def test_round13_holds_not_kept_still_alarm(report: str) -> None:
    assert tier(report) == Tier.EMERGENCY, f"{report!r} got no emergency answer"


@pytest.mark.parametrize(("calm", "below"), STAYS_CALM)
def test_round13_readings_leave_ordinary_words_calm(calm: str, below: Tier) -> None:
    assert tier(calm) < below, f"{calm!r} got {below.name} or more"
