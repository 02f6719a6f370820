"""Round 27 (triage27, precision27): classes read from the words, each as a report that must
get its answer beside an ordinary statement sharing its words that must not. No phrasing here is
a development row.

triage_dev5_triage27.tsv and triage_dev5_precision27.tsv hold the figures; their probes were
written with them and are held back from the red-flag model (flag_model.HELD_BACK).
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
        "something felt to rip, in the present tense, is tearing pain (E10)",
        "i heard something rip when i bent over, it was my old jeans",
        "i felt something rip inside my back and the pain is unbearable",
    ),
    (
        "something leaking out of the back passage, said verb first (E3)",
        "the gel leaks out of the heat pack onto my bum",
        "stuff is oozing out of my backside and i didn't know",
    ),
    (
        "urine named as not coming for hours, with a drink beside it (E2)",
        "the spasm is not coming back since this morning and my pee is normal",
        "my urine is not coming at all since breakfast though i'm drinking tea",
    ),
    (
        "legs that cannot be got to take the weight (E7)",
        "i can barely get the trolley to take the weight of the shopping",
        "he can't get his legs to bear his weight since lunchtime",
    ),
    (
        "on the toilet it 'just won't happen' (E2)",
        "i tried to sleep but it just won't happen with this back",
        "sat on the loo for ages and it just won't happen, i'm bursting",
    ),
    (
        "a sign asked about as one of the 'bad signs' (a sign named as a sign is a criterion)",
        "is losing bladder control one of the bad signs with a bad back",
        "is losing bladder control one of the bad signs, i wet myself this morning",
    ),
    (
        "the asker's own 'i am asking so i know' is no first person of the sign's",
        "when is wetting yourself a warning sign with back pain, i am asking so i know",
        "when is wetting yourself a warning sign, i wet myself an hour ago",
    ),
    (
        "not having been able to get hard (E5); 'hardly' is another word",
        "i can't get hardly any sleep with this back",
        "i haven't been able to get hard since my back went",
    ),
    (
        "lying in bed is no wet bed; going in the bed is (E1)",
        "i've been in bed since sunday, should i get up",
        "i went in the bed last night and didn't wake up",
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report"), PAIRS, ids=[p[0] for p in PAIRS])
def test_round27_class_alarms_only_for_its_report(kind: str, calm: str, report: str) -> None:
    twins(kind, calm, report)


def test_days_in_bed_asked_about_is_no_red_flag() -> None:
    """A person in a spasm says this all the time: "been" is no wetting, whatever follows."""
    for said in ("i've been in bed most of the day, is that okay", "been in bed two days now"):
        assert tier(said) == Tier.NONE, said
