"""Benign look-alikes that are not reports, and the reports phrased right next to them.

The independent set behind this (issue 12, round 5) found benign STATEMENTS raising an
emergency about 5% of the time. Three kinds, each with its twin that must still alarm:
a sign asked about or advised on in general; a sign that has passed; a sign with an everyday
cause said with it. triage_benign5.tsv holds the figures (written before any change: benign
alarms 38/63, E 35/36).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from back_relief.safety.triage import Tier, TriageRules, matching_triggers

sys.path.insert(0, str(Path(__file__).parent))
import triage_dev2
from test_triage_concepts import DATA, RULES, tier

# (not a report, the report next to it): the pair shows which words make the difference.
PAIRS = {
    "asked about or advised on": [
        (
            "what should i look out for, numbness in the saddle area",
            "i have numbness in the saddle area",
        ),
        (
            "when do you need to worry about weak legs",
            "when should i worry about my legs being weak",
        ),
        (
            "my doctor told me to watch for tingling in both legs",
            "my doctor is here and both legs are tingling",
        ),
        ("if someone has numb legs should they call for help", "someone help, i have numb legs"),
        (
            "would a person with cauda equina lose bladder control",
            "i think i have lost bladder control",
        ),
        ("what does weakness in both legs feel like", "what does it mean, weakness in both legs"),
        (
            "the nurse said to phone an ambulance if my bladder ever goes",
            "my bladder has gone, i wet myself",
        ),
        ("suppose both legs went numb, then what", "both legs went numb, then what"),
    ],
    "passed": [
        (
            "the pins and needles in both feet wore off",
            "the pins and needles in both feet have not worn off",
        ),
        (
            "both legs felt weak for a bit but that went away",
            "both legs felt weak and that went away but it came back",
        ),
        (
            "my legs were numb earlier and the feeling has come back",
            "my legs were fine earlier but both are numb now",
        ),
    ],
    "taken back after 'but they'": [
        (
            "both feet were tingly last night but they are totally fine today",
            "both feet were fine last night but today they tingle",
        ),
        (
            "my wife asked if my legs were weak and they are not",
            "my wife asked if my legs were weak and they are, both of them",
        ),
    ],
    "history or back on their feet": [
        (
            "i used to get tingling in both legs when i was pregnant",
            "i used to be fine but now both legs tingle",
        ),
        ("my uncle had a heart attack years ago", "i think i am having a heart attack"),
        ("i could not stand up at first but i am up now", "my legs gave way but i got up"),
    ],
    "everyday cause": [
        (
            "the ice pack has made my bottom go numb",
            "my bottom has gone numb and i am on an ice pack",
        ),
        (
            "my chest is sore from coughing all night",
            "my chest is sore and the pain goes down my arm",
        ),
        (
            "tight chest, it is my asthma again",
            "my chest is tight and i cannot breathe, i have asthma",
        ),
        ("my legs feel like jelly after a long hike", "my legs feel like jelly and i cannot stand"),
        (
            "both feet went numb because i was sitting on them",
            "both feet went numb and i was sitting still",
        ),
    ],
}
CARERS = [
    "my husband can't feel his legs, what do i do",
    "my wife says she can't feel anything when she wipes",
    "should i call an ambulance, my dad's legs have both gone numb",
    # A person asking this may be reporting: it stays an emergency (see the brief's choice).
    "should i call an ambulance if i can't feel my legs",
]


@pytest.mark.parametrize("kind", PAIRS)
def test_look_alikes_stay_calm_and_their_report_twins_alarm(kind: str) -> None:
    calm = [benign for benign, _ in PAIRS[kind] if tier(benign) == Tier.EMERGENCY]
    missed = [report for _, report in PAIRS[kind] if tier(report) != Tier.EMERGENCY]
    assert (calm, missed) == ([], [])


def test_a_carer_reporting_for_someone_still_gets_the_emergency_answer() -> None:
    assert [text for text in CARERS if tier(text) != Tier.EMERGENCY] == []


def test_an_everyday_cause_holds_back_pattern_and_concept_findings_alike() -> None:
    # "tight chest" is an E9 pattern and "chest" + "pain" an E9 concept rule: the same guard
    # holds both back, and matching_triggers (the tests' view) agrees with assess.
    for text in ("i get a tight chest when i am stressed", "my chest aches with this cold"):
        assert tier(text) == Tier.NONE and "E9" not in matching_triggers(RULES, text), text
    assert "E9" in matching_triggers(RULES, "i get a tight chest and a crushing pain")


def test_a_guard_naming_an_unknown_concept_fails_at_build() -> None:
    broken = {**DATA, "triggers": {**DATA["triggers"]}}
    broken["triggers"]["E9"] = {**DATA["triggers"]["E9"], "unless": [["no_such_idea"]]}
    with pytest.raises(ValueError, match="E9"):
        TriageRules.from_data(broken)


def test_benign_look_alike_set_meets_the_issue_targets() -> None:
    figures = triage_dev2.measure(triage_dev2.DATA / "triage_benign5.tsv", "utterance")
    assert figures.rate("E") == 1.0, figures.misses.get("E")
    assert figures.rate("N") <= 0.02, figures.misses.get("N")


def test_hot_and_cold_asked_as_a_treatment_is_not_a_fever() -> None:
    """Contrast therapy is one of the skill's routines: asking about it must get its answer,
    while feeling hot and cold is still a same-day sign (U1)."""
    treatments = [
        "should i use hot and cold",
        "can i do hot then cold",
        "is it ok to try hot and cold",
    ]
    feelings = [
        "i'm going hot and cold",
        "i've been hot and cold all night",
        "feeling hot then cold",
    ]
    assert [t for t in treatments if tier(t) != Tier.NONE] == []
    assert [f for f in feelings if tier(f) < Tier.SAME_DAY] == []
