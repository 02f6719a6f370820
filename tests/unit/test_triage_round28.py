"""Round 28 (triage28, precision28): classes read from the words, each as a report that must
get its answer beside an ordinary statement sharing its words that must not. No phrasing here is
a development row.

triage_dev5_triage28.tsv and triage_dev5_precision28.tsv hold the figures; their probes were
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
        "'with myself' is no heard 'wet myself': with is no verb (E1)",
        "i honestly don't know what to do with myself, the spasm is that bad",
        "i think i just wit myself, and my back is locked solid",
    ),
    (
        "the floor not felt under either foot, with an adverb between (E6)",
        "i can't really reach the floor with either foot from this high bed",
        "i can't really feel the ground under either foot since my back went",
    ),
    (
        "feeling down below said to have become less (E4)",
        "the burning feeling around my bum has become less since the ice",
        "the feeling around my back passage has got a lot less since the spasm",
    ),
    (
        "a reason denied: 'not because my legs are weak' (E7)",
        "i'm slow on the steps because bending hurts, not because my legs are weak",
        "i'm slow on the steps, not from the back but because my legs are weak now",
    ),
    (
        "a sign supposed after 'what would i do if i got' (E6)",
        "what would i do if i got tingling in both legs, just so i know",
        "what would i do now, i've got tingling in both legs",
    ),
    (
        "a sign asked about as a reason to go to hospital (E6)",
        "when would numb legs be a reason to call an ambulance with back pain",
        "both my legs are numb, is that a reason to call an ambulance",
    ),
    (
        "the sign disowned as a whole, never a first time (E2)",
        "my uncle couldn't pee after his back op years ago, i've got none of that, just stiffness",
        "i can't pee since this morning, nothing like that has ever happened to me",
    ),
    (
        "what was on the telly, not the telly in the room (E1)",
        "on the telly last night a bloke wet himself after his back went",
        "the telly's on and i've just wet myself without noticing",
    ),
    (
        "heavy bleeding in pregnancy said by the pads it fills (E12)",
        "i'm pregnant and i change the heat pad every hour for my back",
        "i'm pregnant and soaking through a pad every hour, my back aches",
    ),
    (
        "pregnant said in Indian English: 'in family way' (E12)",
        "she is in family way and her back aches from the weight",
        "she is in family way and bleeding is coming too much, back also paining",
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report"), PAIRS, ids=[p[0] for p in PAIRS])
def test_round28_class_alarms_only_for_its_report(kind: str, calm: str, report: str) -> None:
    twins(kind, calm, report)


def test_hot_and_cold_as_the_routine_is_no_fever() -> None:
    """Hot then cold is the contrast routine's name (T9) as often as it is a fever (U1): the
    bare words, a Routine slot's whole value, and a question weighing it are the routine."""
    for said in ("hot and cold", "hot then cold", "is hot then cold good for it"):
        assert tier(said) == Tier.NONE, said
    assert tier("should i go hot then cold with the packs") == Tier.NONE
    twins(
        "going hot and cold is a fever (U1)",
        "should i go hot then cold on my back",
        "i keep going hot and cold and my back is killing me",
        least=Tier.SAME_DAY,
    )
