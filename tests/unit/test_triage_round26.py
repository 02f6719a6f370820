"""Round 26 (triage26, precision26): classes read from the words, each as a report that must
get its answer beside an ordinary statement sharing its words that must not. No phrasing here is
a development row.

triage_dev5_triage26.tsv and triage_dev5_precision26.tsv hold the figures; their probes were
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
        "legs that will not hold the one spoken for, as they will not hold the speaker",
        "the old deckchair won't hold him any more, he's too heavy for it",
        "grandpa's legs won't hold him up, he keeps sliding down the wall",
    ),
    (
        "legs that 'did not work' when stood on",
        "the tablets did not work and my legs ache from lying here",
        "tried to get up for the loo and my legs just did not work",
    ),
    (
        "hours told with 'no wee', without a 'without'",
        "ten hours on the coach with no loo stop, and my back has seized",
        "ten hours and no wee at all since my back went",
    ),
    (
        "an urge felt, then nothing when trying",
        "i get the urge to stretch but when i try nothing helps the back",
        "i get the urge to go but when i try, nothing, my back's in spasm",
    ),
    (
        "between the thighs is the saddle area",
        "i sleep with a pillow between my thighs to ease my back",
        "numb between my thighs since this morning, back's been bad",
    ),
    (
        "a sign denied through a link verb after 'nothing'",
        "nothing feels numb down below, it's only the lower back that's sore",
        "can't feel anything down below since the spasm started",
    ),
    (
        "a sign asked about as 'one of' the warning signs",
        "is weakness in both legs one of the warning signs, asking for a friend",
        "is my both legs going weak one of those warning signs, they went weak an hour ago",
    ),
    (
        "trouble getting or keeping an erection, said with its own words",
        "i have trouble getting comfortable in bed since my back went",
        "since my back went i have real difficulty keeping an erection",
    ),
    (
        "a sign from last month that is fine now, with the 'now' before 'they are fine'",
        "my legs buckled in the fun run last month but now they are fine",
        "my legs buckled an hour ago and now they are weak again",
    ),
    (
        "a hot water bottle or bag that leaks wets the clothes; the speaker does not",
        "the hot water bag split and my pyjamas are soaked, can i use a towel instead",
        "my pyjamas are soaked and it's not from the hot water bag, i didn't feel it go",
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report"), PAIRS, ids=[p[0] for p in PAIRS])
def test_round26_class_alarms_only_for_its_report(kind: str, calm: str, report: str) -> None:
    twins(kind, calm, report)


def test_hot_and_cold_as_a_routine_is_no_fever_but_felt_it_is() -> None:
    """Contrast (T9) alternates hot and cold packs; feeling hot and cold in turns is a fever."""
    for routine in ("hot then cold then hot again, is that good", "can we swap hot and cold"):
        assert tier(routine) == Tier.NONE, routine
    assert tier("i keep going hot then cold and my back aches") >= Tier.SAME_DAY


def test_a_cancer_history_told_for_someone_else_with_new_back_pain_is_same_day() -> None:
    assert tier("my dad had prostate cancer and now he has a new back ache") == Tier.SAME_DAY
