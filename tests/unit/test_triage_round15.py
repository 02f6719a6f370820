"""Round 15 (triage15): the classes the triage15 writer's rows found missing, each as a report
that must get its answer beside an ordinary statement sharing its words that must not. No
phrasing here is a development row: the classes are read from the words.

triage_dev5_triage15.tsv holds the figures; triage_dev5_triage15_probe.tsv was written with it
and is held back from the red-flag model until it is measured once, at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from back_relief.safety.corrected import corrected
from back_relief.safety.triage import Tier, normalise

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import alarming, twins

# (class, ordinary statement that must raise no emergency, report that must)
PAIRS = [
    (
        "a report with its 'i' dropped before 'can not stop' is no general question",
        "can not stop yawning today, my back is a bit stiff",
        "can't stop shivering under the covers, boiling up, and my back's in agony",
    ),
    (
        "a negative modal before a named cause still asks in general (the round-15 review)",
        "won't a bulging disc cause numbness in both legs eventually",
        "can't stop shaking, i'm burning up and my back is killing me",
    ),
    (
        "a temperature said with its apostrophe ('temperature's' reads 'temperatures')",
        "my temperature's normal, it's just the back spasm that's agony",
        "my temperature's gone up to 103 and my back is agony and i'm shivering",
    ),
    (
        "pee itself running down a leg is a leak, as a trickle down a leg was",
        "the water from the ice pack is running down my leg, my back aches",
        "there's pee running down my leg and my back is killing me",
    ),
    (
        "a fever that has 'gone up' rose; it did not go",
        "my temperature has gone down and my back is only stiff",
        "his fever has gone up to forty and he is shivering, his back is agony",
    ),
    (
        "a polite hedge on a failing: 'don't seem to be able to', 'doesn't seem to want to'",
        "i don't seem to be able to find my heat pack, my back aches",
        "he doesn't seem to be able to pee at all since his back went this morning",
    ),
    (
        "legs that 'don't seem to want to' hold the person up",
        "the kids don't seem to want to help me up, my back is stiff",
        "my legs don't seem to want to hold me up since this afternoon",
    ),
    (
        "a statement taken back and said the other way ('i have not, well, i have')",
        "i have not wet myself, well, i have not since i was a toddler, my back is stiff",
        "i have not lost control of my bladder, well, i have, this morning, back is bad",
    ),
    (
        "a try with a partner and no object, with nothing felt",
        "me and my husband tried the new stretches and my back feels looser",
        "me and my girlfriend tried last night and i couldn't feel a thing",
    ),
    (
        "legs that will not push or lift the person up",
        "the nurse would not lift me on her own, so she fetched a hoist, my back aches",
        "my legs just would not push me up out of the bath tonight",
    ),
]

# (class, ordinary statement that must not get the same-day answer, report that must)
SAME_DAY = [
    (
        "a spinal procedure named alone ('laminectomy last month') is a back operation",
        "laminectomy is the word my neighbour used for his op years back, my back is stiff",
        "laminectomy six weeks ago and the numbness down my leg is getting worse",
    ),
    (
        "a wound's 's read 'wounds': the wound red or oozing",
        "my wound's healed well and the back feels better",
        "my wound's red and weeping and my back's sore",
    ),
    (
        "the pain named in full after what sets it off ('makes the back pain much worse')",
        "going to the gym makes the back pain much worse some days",
        "going to the toilet makes the back pain much worse",
    ),
]

TWINS = [
    *((kind, calm, report, Tier.EMERGENCY) for kind, calm, report in PAIRS),
    *((kind, calm, report, Tier.SAME_DAY) for kind, calm, report in SAME_DAY),
]


@pytest.mark.parametrize(("kind", "calm", "report", "least"), TWINS, ids=[t[0] for t in TWINS])
def test_round15_class_reaches_its_answer_and_its_twin_stays_under(
    kind: str, calm: str, report: str, least: Tier
) -> None:
    twins(kind, calm, report, least)


# A correction read again only when it is elliptical, turns the clause round and has its
# subject: (text, what corrected.py reads, or None).
CORRECTIONS = [
    ("i can feel my feet, well, i can't actually", "i can not feel my feet actually"),
    ("my legs are fine, no actually they aren't", "my legs are not fine"),
    ("i can walk, well i could, now it's slow", None),  # same polarity: nothing turned
    ("my legs aren't numb, well they are a bit stiff", None),  # a predicate of its own
    ("i can't walk far, well she can, she's my carer", None),  # another subject
]


@pytest.mark.parametrize(("text", "said"), CORRECTIONS, ids=[c[0] for c in CORRECTIONS])
def test_round15_a_correction_is_read_whole_only_when_it_turns_its_clause(
    text: str, said: str | None
) -> None:
    assert corrected(normalise(text)) == said


# Ordinary talk in the same shapes that must stay without an emergency.
NOT_ALARMING = [
    "i can't walk far, well i can, just slowly with the stick",
    "my fever's gone now, and my back is only a bit sore",
    "i don't seem to be able to get comfy in bed with this back",
    "we tried the new mattress last night and my back feels better",
    "my wife wouldn't lift me the shopping bags, my back is sore",
]


def test_round15_classes_leave_ordinary_talk_without_an_emergency() -> None:
    assert not alarming(NOT_ALARMING)
