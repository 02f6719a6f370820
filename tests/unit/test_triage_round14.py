"""Round 14 (triage14): the classes the triage14 writer's rows found missing, each as a report
that must get its answer beside an ordinary statement sharing its words that must not. No
phrasing here is a development row: the classes are read from the words.

triage_dev5_triage14.tsv holds the figures; triage_dev5_triage14_probe.tsv was written with it
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
        "being alone is no toilet out of reach: no wee all day said by someone on their own",
        "i'm home on my own today and had a wee an hour ago, back is sore",
        "i'm home on my own and haven't managed a wee since this morning, back is killing me",
    ),
    (
        "something that will not relent ('won't let go', 'won't thaw'), then the sign",
        "the spasm won't let go of my back, but my legs feel normal",
        "my back is like ice that won't thaw, no feeling around my bottom",
    ),
    (
        "a heavy thing in a simile, sat on the chest",
        "my cat likes to sit by my chest of drawers and my back aches",
        "it feels like a lorry's parked on my chest and my back hurts",
    ),
    (
        "'managed' a wee for had one, not since a time",
        "i've not managed a walk since yesterday, my back is stiff",
        "i haven't managed a pee since breakfast yesterday and my back is killing",
    ),
    (
        "no pee, with the time said with its own 'not'",
        "no pee problems, not since the operation",
        "still no wee, not since last night, and my back's gone",
    ),
    (
        "not a drop got out",
        "i couldn't get a drop out of the shampoo bottle, my back hurts when i bend",
        "i sat on the toilet ages and couldn't squeeze a drop, my back is bad",
    ),
    (
        "a touch (tickled, squeezed) on both feet barely felt in 'either one'",
        "she squeezed both my ankles and it felt lovely",
        "she squeezed both my ankles and i could hardly feel either of them",
    ),
    (
        "legs said to have gone 'to nothing'",
        "the back pain went to nothing after the hot bath and my legs are fine",
        "i tried to stand and my legs just went to nothing",
    ),
    (
        "washing after the toilet (Indian English) with nothing felt there",
        "i always wash after toilet and my lower back is paining",
        "when i wash after toilet i am not feeling anything there since the back pain",
    ),
    (
        "a fall told by where someone was found, with no getting up",
        "my daughter found me at the bottom of the garden and my back was stiff",
        "my husband found me lying at the foot of the stairs and i can't get up",
    ),
]

# (class, ordinary statement that must not get the same-day answer, report that must)
SAME_DAY = [
    (
        "worse 'in night' (Indian English), not reducing with rest",
        "the pain is reducing with rest, i sleep fine in night",
        "my back pain is worse in night and not reducing even when resting",
    ),
    (
        "the back said to explode or burst with a cough or sneeze",
        "i sneezed and my back was fine, the balloon burst though",
        "when i cough my lower back just bursts",
    ),
    (
        "a foot that keeps tripping the person up",
        "the dog keeps getting under my feet, my back is stiff",
        "my right foot keeps tripping me up on the stairs",
    ),
]

# (class, ordinary statement that must not get the within-days answer, report that must)
WITHIN_DAYS = [
    (
        "a pain that 'won't leave' (the not is no denial), weeks now",
        "the physio won't leave me alone about stretching",
        "the ache is like a lodger that won't leave, six weeks now",
    ),
    (
        "a notch worse every day",
        "every day i walk a notch further",
        "every morning it's a bit worse than the last",
    ),
    (
        "other places said first to spasm for no reason",
        "my calves are fine, the stretches help my back",
        "my thighs keep twitching for no reason lately and my back is stiff",
    ),
]

# A recogniser slip that recurs across the heard copies, read only where the heard word makes no
# sense: (class, what a recogniser may write for an ordinary statement, for a report, the least
# answer the report must get).
HEARD = [
    (
        "terrace heard as 'tears' after a fall from it",
        "tears fell from my eyes when my back went",
        "my uncle felt from the tears yesterday and his back hurts badly",
        Tier.EMERGENCY,
    ),
]

# Every class above with the least answer its report must get and its look-alike must not.
TWINS = [
    *((kind, calm, report, Tier.EMERGENCY) for kind, calm, report in PAIRS),
    *((kind, calm, report, Tier.SAME_DAY) for kind, calm, report in SAME_DAY),
    *((kind, calm, report, Tier.WITHIN_DAYS) for kind, calm, report in WITHIN_DAYS),
    *HEARD,
]


@pytest.mark.parametrize(("kind", "calm", "report", "least"), TWINS, ids=[t[0] for t in TWINS])
def test_round14_class_reaches_its_answer_and_its_twin_stays_under(
    kind: str, calm: str, report: str, least: Tier
) -> None:
    twins(kind, calm, report, least)


# Ordinary sentences a wider first draft of these classes raised to an emergency (the safety
# review of round 14): a bottom or a cushion "not feeling anything" once the pain eased, not
# letting oneself wet the bed, a gentle massage barely felt, swelling or a bruise gone to
# nothing, liking a stretch on one's chest, a drop more out of the ketchup, tears of relief.
NOT_ALARMING = [
    "the sciatica in my bum has eased, i'm not feeling anything there now",
    "the heat on my bottom is lovely, not feeling anything now, the pain's gone",
    "i sat on my cushion and i'm not feeling anything much, pain wise",
    "the painkillers have kicked in, not feeling anything from the waist down to my knees now",
    "we had sex last night and i'm not feeling anything in my back today",
    "i washed myself and i am not feeling anything in my back now",
    "i don't let myself wet the bed, i get up twice a night",
    "she massaged both my calves so gently i barely felt it, lovely",
    "the swelling in my knees went to nothing after the ice",
    "my thighs have gone to nothing since i stopped going to the gym",
    "my leg pain has gone to nothing since the physio",
    "i like lying on my chest to stretch my back",
    "it's like the dog is lying on my chest every night, he's so clingy, my back's stiff",
    "i can't squeeze a drop more out of the ketchup, and my back hurts",
    "the relief i felt from the tears was huge, my back still hurts",
]


def test_round14_classes_leave_ordinary_talk_without_an_emergency() -> None:
    assert not alarming(NOT_ALARMING)
