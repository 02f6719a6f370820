"""The cauda equina family (E1-E6) said the way people say it, next to the look-alikes that
must stay calm (round 5, triage5a).

Each pair is (not a red flag, the report beside it): the words that differ are the class the
rules read (whose leak it is, whose legs, which toilet, what was asked and what was told).
triage_dev5_triage5a.tsv holds the figures; triage_dev5_triage5a_probe.tsv was measured once,
untuned, at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.safety.triage import Tier, clarify

sys.path.insert(0, str(Path(__file__).parent))
import triage_dev2
from test_triage_concepts import RULES, tier

PAIRS = [
    # both legs, not "two weeks" or "both my kids"
    ("my leg has hurt for two weeks", "both my legs have hurt for two weeks"),
    ("both my kids jumped on me and my leg hurts", "both my legs hurt since the kids jumped on me"),
    # the toilet out of reach is not a bladder that will not empty
    (
        "i've not been to the loo since lunch because it's upstairs",
        "i've not been to the loo since lunch and i've drunk loads",
    ),
    ("i haven't peed in my bed, thank god", "i haven't peed at all today"),
    # the pack or a drink is what is wet, or the leak is the speaker's
    (
        "the ice pack leaked and now i need a wee",
        "i'm lying on the ice pack and i keep leaking wee",
    ),
    ("the bathroom light is not working", "my bladder is not working, it just lets go"),
    ("i've always had a leaky bladder since the kids", "my bladder just gave out this morning"),
    ("my baby's nappy is soaked", "my pull ups were full this morning and i'm only forty"),
    # asked in general, or told
    (
        "the website lists numbness between your legs as a red flag",
        "he has numbness between his legs",
    ),
    ("why do people lose bladder control", "could my back be why i've lost control of my bladder"),
    (
        "at what point should i worry about tingling in my legs",
        "should i worry about tingling in both my legs since this morning",
    ),
    (
        "can a slipped disc make you wee yourself",
        "can a slipped disc make you wee yourself? i just did",
    ),
    # sex and its failure, not any "can't finish"
    ("i can't finish my stretches", "i can't finish when we make love since my back went"),
    ("my baby was premature", "my husband's equipment hasn't worked since his disc went"),
]

# Said by a carer, a partner, or through a euphemism: each is an emergency.
REPORTS = [
    "mum says he doesn't know when his bladder is full",
    "gran had an accident in her knickers, the number two kind, and she never felt a thing",
    "i passed latrine on the bed without any feeling",
    "i didn't feel the wee come out",
    "the toilet seat feels like it isn't there when i sit on it",
    "nothing there when i dab with the paper",
    "once i start going i can't turn it off",
    "my stream is very weak and stops",
    "i've lost the sensation in the bedroom department",
    "the sciatica's jumped across to the other side as well",
]


def test_look_alikes_stay_calm_and_their_report_twins_alarm() -> None:
    calm = [benign for benign, _ in PAIRS if tier(benign) == Tier.EMERGENCY]
    missed = [report for _, report in PAIRS if tier(report) != Tier.EMERGENCY]
    assert (calm, missed) == ([], [])


def test_euphemisms_carers_and_things_noticed_get_the_emergency_answer() -> None:
    assert [text for text in REPORTS if tier(text) != Tier.EMERGENCY] == []


def test_both_said_with_no_body_word_asks_whether_it_is_both_legs() -> None:
    assert tier("now it's in both") == Tier.NONE
    assert clarify(RULES, ["now it's in both"]) == "E6"


def test_development_set_meets_the_issue_targets() -> None:
    figures = triage_dev2.measure(triage_dev2.DATA / "triage_dev5_triage5a.tsv", "utterance")
    assert figures.rate("E") == 1.0, figures.misses.get("E")
    assert figures.rate("N") <= 0.02, figures.misses.get("N")
