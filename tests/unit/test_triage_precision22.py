"""Round 22 (precision22): ordinary talk that the rules took for a red flag, each class beside
the report in the same words that must keep its emergency. No phrasing here is a development row
or a safety review's: the classes are read from the words.

Four safety reviews, each writing its own sentences at the edges of the new holds, found real
red flags that broader holds silenced (a long-standing duration that was the back pain's, a pet
beside a person, someone's recovery followed by a sign in other words, a report inside a question
about the skill's list or a sign's meaning, a carer whose person had the television on, numbness in
both legs that passes on moving, a back that "tore open lifting a box"). Those holds were taken
back or narrowed; STILL_ALARMS keeps their reports alarming.
triage_dev5.py's docstring holds the figures; precision22 and its three probes were held back from
the red-flag model in round 22; precision22 joined it in round 24, the probes stay held back
(flag_model.HELD_BACK).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import alarming, twins

# (class, ordinary statement that must raise no emergency, report that must)
PAIRS = [
    (
        "a packet torn open is not a tearing pain (E10)",
        "i am ripping open the gel pad wrapper with my teeth, how long do i keep it on",
        "i am ripping open the gel pad wrapper and there is a ripping pain through my back",
    ),
    (
        "a seam that splits is the pack's, not the body's (E10)",
        "the heat pack is tearing along the seam, can i still use it",
        "the heat pack is tearing along the seam and i have gone pale and clammy",
    ),
    (
        "someone with the speaker watching, not what was shown (E9)",
        "my kids were watching a cartoon where the dog had chest pain after a crash",
        "my husband was watching the footie and he got chest pain going into his back",
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report"), PAIRS, ids=[p[0] for p in PAIRS])
def test_precision22_class_stays_calm_and_its_twin_alarms(
    kind: str, calm: str, report: str
) -> None:
    twins(kind, calm, report)


# The shapes the reviews found silenced by broader holds, and a long-standing hold's own gap: an
# onset said as a time or a first ("since saturday", "for the first time", "i just") is new
# whatever the years were about. Each must keep its emergency.
STILL_ALARMS = [
    "tearing open the heat pack and i feel like i am going to faint",
    "my back tore open lifting a crate of water",
    "tore open a heat pack for mum and she has gone down on the kitchen floor",
    "tore open the ice pack and the room is spinning",
    "cut the gel pack open and now there is a ripping all down my back",
    "opened the heat pack wrapper, it tore, and now my back is being torn apart",
    "what on earth both my legs have gone numb is that on your list",
    "why is my bum numb what does that mean",
    "opened the ice pack and the pain in my back is tearing",
    "i tore open the gel pack and there is a ripping through my back",
    "tore open the heat pack, now ripping pains across my back",
    "the dog wet the floor and i have wet myself as well",
    "the cat knocked me over and my husband has wet himself helping me up",
    "my son came off his bike and he is not okay",
    "my dad fell down the stairs, he says he is okay but he can not get up",
    "my wife fainted, she reckons she is fine, lying on the floor grey",
    "my husband fell off the ladder, he is okay, his back is in agony",
    "why is numbness in both legs on your list, my wife has that right now",
    "why is not being able to pee on your list, same here",
    "grandad had the cricket on the telly and he wet himself without noticing",
    "saw a thing on the telly about backs and now both legs are numb",
    "both legs go numb on and off, it goes when i move",
    "my bladder has been weak for years but since saturday i keep wetting myself",
    "i have dribbled a bit when i cough for years but for the first time i can not hold my wee",
    "i have had a bad back for years and i just wet myself",
    "i had a bad back for years and an hour ago i wet myself",
    "why do you keep asking about my bladder, i wet myself",
    "what is this tearing pain in my back",
    "i saw it on the news but i really can not feel my legs",
]


def test_precision22_reports_in_the_same_shapes_keep_their_emergency() -> None:
    assert alarming(STILL_ALARMS) == STILL_ALARMS
