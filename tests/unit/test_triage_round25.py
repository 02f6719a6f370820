"""Round 25 (precision25): classes read from the words, each as a report that must get its
answer beside an ordinary statement sharing its words that must not. No phrasing here is a
development row.

triage_dev5_precision25.tsv and triage_dev5_triage25.tsv hold the figures; their probes were
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
        "a sign read off a checklist, denied and reassured, is no report; a tag 'no' affirms",
        "numbness in the saddle area? nope, that's all fine, just the back",
        "my both legs have gone numb since lunch, no",
    ),
    (
        "each sign of a checklist denied in turn",
        "chest pain no, short of breath no, only the lower back",
        "chest pain and short of breath, and the back is killing me",
    ),
    (
        "'not just the one' adds the other leg, it never denies",
        "tingling in both legs? no, just my right calf",
        "the tingling is in both legs now, not just the one",
    ),
    (
        "a denial taken back after the checklist is the sign",
        "weakness in the legs? no, they're fine, only stiff",
        "weakness in the legs? no, well actually yes, they keep buckling",
    ),
    (
        "one side 'as well' is as well as the back until a leg is already said",
        "there's an ache going into my right buttock as well",
        "the right leg went numb this morning and the left one as well now",
    ),
    (
        "a fall with no way up told as time on the floor or a roll that will not come",
        "i slipped on the wet tiles yesterday but got straight back up, just sore now",
        "slipped on the bathroom tiles, been down here for an hour, can't roll over to get up",
    ),
    (
        "'like it used to' sets now against then: a report, not history",
        "my grandad used to wet himself after his stroke",
        "my waterworks don't work like they used to, i keep wetting myself",
    ),
    (
        "only a few drops, said without its 'a'",
        "only few drops of rain out there, might walk to the shop later",
        "only few drops of wee come out however hard i push",
    ),
    (
        "a pet's accident is not the speaker's",
        "the puppy had an accident on the carpet and scrubbing it set my back off",
        "had an accident on my motorbike this morning and my back is agony",
    ),
    (
        "advice about a sign, then the sign reported as come",
        "the nurse said if i start wetting myself to ring an ambulance, so far so good",
        "the gp said if i wet myself to ring an ambulance, and last night i did",
    ),
    (
        "hot, shaking and very unwell is E11; hot and shaky from a hot bath is not",
        "just had a really hot bath and now i'm shaky and my back feels horrible",
        "she's hot, shaking all over and talking nonsense, her back is agony",
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report"), PAIRS, ids=[p[0] for p in PAIRS])
def test_round25_class_alarms_only_for_its_report(kind: str, calm: str, report: str) -> None:
    twins(kind, calm, report)


def test_a_carers_report_of_a_fall_told_as_fine_still_alarms() -> None:
    """The one who fell is often the one with the back pain ("he says he's fine"): a guard for
    "he's fine" (round 25) lost such a report as heard and was taken back."""
    assert (
        tier("my dad fell off the ladder, he says he's fine but his back hurts") == Tier.EMERGENCY
    )


def test_feeling_hot_and_shivery_alone_stays_same_day() -> None:
    """E11 needs feeling very unwell too: hot and shivery on its own is U1's same-day advice."""
    assert tier("feeling hot and shivery since last night") == Tier.SAME_DAY
    assert tier("feeling hot and shivery and so confused") == Tier.EMERGENCY
