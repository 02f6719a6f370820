"""Round 19 (triage19): the classes the triage19 writer's rows found missing or over-alarming,
each as a report that must get its answer beside an ordinary statement sharing its words that
must not. No phrasing here is a development row: the classes are read from the words.

triage_dev5_triage19.tsv holds the figures; triage_dev5_triage19_probe.tsv was written with it
and is held back from the red-flag model until it is measured once, at the end.
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
        "a medicine named as the cause before a mild dizzy word ('the pills are making me woozy')",
        "the new pills are making me a little woozy, my back is easing",
        "the pills made me woozy and then i passed out in the hall, my back is agony",
    ),
    (
        "a sign asked about, answered with a bare 'have not got any'",
        "the doctor asked about tingling round my bum and i have not got any, it is only my back",
        "the doctor asked about tingling around my bottom and i have not got any feeling there now",
    ),
    (
        "a sign asked about on a form, answered 'ticked yes' (and 'ticked no' stays a denial)",
        "the questionnaire asks about loss of sexual feeling and i ticked no, my back is sore",
        "the questionnaire asks about loss of sexual feeling and i ticked yes since my back went",
    ),
    (
        "an erection failing said in the perfect ('have not been able to get hard')",
        "i have not been able to get comfy on the hard sofa, my back aches",
        "since my back went i have not been able to get hard at all",
    ),
    (
        "sexual feeling named lost; a feeling for a person is no sensation",
        "i lost all sexual feeling for my ex years ago, my back is just stiff",
        "loss of sexual sensation since my back spasm on tuesday",
    ),
    (
        "'zero feeling' is no feeling",
        "zero feeling of stiffness today, my back is much better",
        "there is zero feeling around my back passage since the spasm",
    ),
    (
        "the 'seat area' is the saddle",
        "the seat area of the car is too low for my back",
        "my seat area has gone numb since my back went this morning",
    ),
    (
        "legs that 'just fold' when the person tries to stand",
        "i fold my legs under me on the sofa and my back eases",
        "my legs just fold every time i stand up and my back is in spasm",
    ),
    (
        "a pee that barely comes ('can barely pee'), never held by something else",
        "i could barely pee for giggling at the wedding speech, my back is only stiff",
        "since my back seized up yesterday i can barely pee, just a dribble",
    ),
    (
        "hours told before 'no urine'",
        "after all those hours no urine sample was taken, my back is only stiff",
        "fourteen hours no urine now and my back has locked",
    ),
    (
        "a spasm said in general to feel like a heart attack compares; it reports nothing",
        "my neighbour says a back spasm can feel like a heart attack but my chest is fine",
        "my back is spasming and it feels like a heart attack, my arm is going numb",
    ),
    (
        "legs that 'went and i dropped': the going told by the fall it caused",
        "my legs went to the physio first and i dropped the kids at school, back aches",
        "his legs went and he collapsed in the kitchen, his back is agony",
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report"), PAIRS, ids=[p[0] for p in PAIRS])
def test_triage19_class(kind: str, calm: str, report: str) -> None:
    twins(kind, calm, report)


# Heard (heard_classes.py): the terrace heard as "the tears", with the height said next (the
# round-14 class, read in one more context). (class, calm, report)
HEARD = [
    (
        "the terrace as 'the tears' fallen from, the height said next",
        "the relief i felt from the tears around midnight was huge, my back just aches",
        "my uncle fell from the tears about twelve feet and his back is very painful",
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report"), HEARD, ids=[p[0] for p in HEARD])
def test_triage19_heard_class(kind: str, calm: str, report: str) -> None:
    twins(kind, calm, report)


# (class, ordinary statement that must not get the same-day answer, report that must)
SAME_DAY = [
    (
        "no position 'giving' relief",
        "this position is giving me some relief from the back ache",
        "no position is giving me any relief and the back pain is bad",
    ),
    (
        "after a sneeze the back 'feels like it's going to explode'",
        "when i sneeze my back feels like it is going to be fine soon, barely a twinge",
        "when i cough my back feels like it's going to burst",
    ),
    (
        "burning told with every pee, in any tense ('it's burned every time i've peed')",
        "the heat pad burned my skin, my back is sore on one side",
        "it has burnt every time i have weed since yesterday and my back aches on the left",
    ),
    (
        "pregnancy and severe pain with a denial or 'but' between them",
        "i am pregnant and the back ache is mild, it is not severe",
        "twenty eight weeks pregnant, no spotting, but the back pain is severe",
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report"), SAME_DAY, ids=[p[0] for p in SAME_DAY])
def test_triage19_same_day_class(kind: str, calm: str, report: str) -> None:
    twins(kind, calm, report, Tier.SAME_DAY)


# Shapes the round-19 holds must not silence: a medicine blamed but a grave sign beside it, an
# answer that reports the sign.
STILL_ALARMS = [
    "the tablets are making me dizzy and i keep blacking out, my back is killing me",
    "the meds make me woozy and i have a tearing pain through my back",
    "the nurse asked about numbness down below and i have got some since this morning",
    "the nurse asked about numbness down below and yes, i have not got any feeling there",
    "the form asked about trouble peeing and i ticked yes, nothing has come since last night",
]


def test_triage19_holds_leave_grave_signs_alarming() -> None:
    assert alarming(STILL_ALARMS) == STILL_ALARMS
