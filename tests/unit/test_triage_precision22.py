"""Round 22 (precision22): ordinary talk that the rules took for a red flag, each class beside
the report in the same words that must keep its emergency. No phrasing here is a development row:
the classes are read from the words.

triage_dev5_precision22.tsv holds the figures; precision22b and precision22c are probes by two
more writers, measured untouched (triage_dev5.py's docstring). All three are held back from the
red-flag model this round (flag_model.HELD_BACK): what changed is the rules alone.
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
        "the skill's own question said back (E1)",
        "why do you keep mentioning wetting myself",
        "you keep mentioning wetting myself and i have, twice today",
    ),
    (
        "a sign named as on the skill's list (E6)",
        "why is tingling in both legs on your checklist",
        "tingling in both legs, is that on your list, because i have it",
    ),
    (
        "a screen story on the telly (E8)",
        "a bloke on the telly got thrown off his motorbike at the races",
        "my son got thrown off his motorbike and his back is agony, he is lying in the road",
    ),
    (
        "someone else's fall with their recovery said, nothing more of them (E8)",
        "my son fell off the trampoline, he is fine, but i hurt my back catching him",
        "my son fell off the trampoline, he seems fine apart from his sore back",
    ),
    (
        "someone else's sign with their recovery said (E10)",
        "my brother passed out at the football, he is totally fine now",
        "my brother passed out at the football, he is fine now but he is grey and sweating",
    ),
    (
        "a sign asked to be defined (E10)",
        "what is a ripping pain exactly",
        "what is a ripping pain exactly, i have one in my back now",
    ),
    (
        "legs numb from sitting that came good on moving (E6)",
        "after the long drive both my legs went tingly but they came good once i walked around",
        "after the long drive both my legs went tingly and they are still tingly now",
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report"), PAIRS, ids=[p[0] for p in PAIRS])
def test_precision22_class_stays_calm_and_its_twin_alarms(
    kind: str, calm: str, report: str
) -> None:
    twins(kind, calm, report)


# The same shapes, told of someone with the speaker now, or with the sign itself said beside: each
# must keep its emergency.
STILL_ALARMS = [
    "tearing open the heat pack and i feel like i am going to faint",
    "opened the ice pack and the pain in my back is tearing",
    "the dog wet the floor and i have wet myself as well",
    "my dad fell down the stairs, he says he is okay but he can not get up",
    "my wife fainted, she is fine now, but my legs have gone numb",
    "my husband fell off the ladder, he is okay, his back is in agony",
    "she is in a wheelchair since her stroke but since lunch she has lost control of her bladder",
    "my legs were fine now both legs are numb",
    "why do you keep asking about my bladder, i wet myself",
    "what is this tearing pain in my back",
    "i saw it on the news but i really can not feel my legs",
    # the safety review's twins: a recovery denied, a person beside the pet, a report after the
    # question, a tearing in the body, a weekday, a screen with no one on it, weak legs after
    "my son came off his bike and he is not okay",
    "the cat knocked me over and my husband has wet himself helping me up",
    "the puppy can not pee and neither can i since this morning",
    "my dad was watching the cricket and he collapsed with chest pain",
    "the footy was on the telly when my son fell off the roof, he can not move",
    "why is numbness in both legs on your list, my wife has that right now",
    "what does tearing pain mean exactly, my dad says he has it",
    "i tore open the gel pack and there is a ripping through my back",
    "my bladder has been weak for years but since saturday i keep wetting myself",
    "saw a thing on the telly about backs and now both legs are numb",
    "both legs went numb on the plane, came right when i walked, but they are weak now",
    # a duration of the back, not the sign: the base tree held this back as long-standing
    "i had a bad back for years and an hour ago i wet myself",
    "i have had a bad back for years and i just wet myself",
    "i have dribbled a bit when i cough for years but for the first time i can not hold my wee",
    "my bladder has been weak for ages, never like this, i am soaked and did not feel it",
]


def test_precision22_reports_in_the_same_shapes_keep_their_emergency() -> None:
    assert alarming(STILL_ALARMS) == STILL_ALARMS


# Saddle numbness that passes on moving still alarms (round 16's review): this round holds it for
# both legs only.
def test_precision22_saddle_numbness_that_passes_on_moving_still_alarms() -> None:
    said = ["sat on the kerb and my bum went numb but it came good once i stood up"]
    assert alarming(said) == said
