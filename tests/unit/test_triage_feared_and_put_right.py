"""Round 9 (triage9): a warning sign said as experience gets the emergency answer; a sign named
only as a fear, a belief put right, something long-standing or explained by its setting does not.

triage_dev5_triage9.tsv was written before any change (152 red flags weighted to E5, E2, E1,
E12 and E7, and to a same-day sign said with an emergency one; 106 benign look-alikes: asked,
feared, told of another time, reassured, a near miss). Untuned: E 142/152, benign alarms
20/106. Its probe (triage_dev5_triage9_probe.tsv) is a figure only, measured at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.safety.triage import Tier

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import tier
from triage_dev2 import DATA, rows


def test_development_set_red_flags_reached_and_look_alikes_left_alone() -> None:
    found = [
        (kind, text, tier(text))
        for kind, _, text in rows(DATA / "triage_dev5_triage9.tsv", "utterance")
    ]
    reds = [text for kind, text, got in found if kind == "E" and got < Tier.EMERGENCY]
    alarms = [text for kind, text, got in found if kind == "N" and got == Tier.EMERGENCY]
    assert len(reds) <= 5, reds  # 148/152 after round 9
    assert len(alarms) <= 5, alarms  # 3/106 after round 9


# Each pair: the same words said as a report (an emergency) and as something else (not one).
REPORTED_OR_NOT = [
    # a fear of what may come (a future modal after the fear word) is not a report
    ("i'm worried because i can't wee", "i'm worried i won't be able to wee tonight"),
    ("i'm scared, both my legs have gone numb", "i'm scared both my legs will go numb"),
    ("i'm afraid i might have wet myself", "i'm afraid i might wet myself before help comes"),
    # a belief put right is not a report; one that was right, or worse, is
    (
        "i thought it was the ice but i really can't feel my bum",
        "i thought i couldn't feel my bum but it was just the ice pack",
    ),
    (
        "i was worried i couldn't pee and i still can't",
        "i was worried i couldn't pee but i went fine in the end",
    ),
    # long-standing is not new; new again is
    (
        "i leak when i cough, i always have, but now it just pours out",
        "i leak a bit when i cough, i always have",
    ),
    # a pee that will not come in a setting, unless it has lasted
    (
        "i can't pee lying down and i haven't been since yesterday",
        "i can't pee into a bottle lying down",
    ),
    # getting up held back by the pain, not the legs
    (
        "i can't get up off the floor, my legs won't hold me",
        "i can't get up off the floor because of the spasm",
    ),
    # someone's question, answered either way
    (
        "the gp wanted to know if i'd had trouble peeing, and i can't go at all",
        "the gp wanted to know if i'd had trouble peeing, i haven't",
    ),
    # a distant person's past
    ("my mate can't pee, he's been trying all morning", "my mate's wife couldn't pee after her op"),
    # a carer hurt helping someone who fell
    (
        "my son fell off the trampoline and i fell catching him, now i can't get up",
        "my son fell off the trampoline and i hurt my back catching him",
    ),
    # "dull" is a changed feeling of the place, or the kind of pain that reaches it
    ("my bum feels dull, like it isn't mine", "there's a dull ache going down into my bum and leg"),
]


def test_the_same_sign_is_a_report_only_when_said_as_one() -> None:
    wrong = []
    for reported, other in REPORTED_OR_NOT:
        if tier(reported) != Tier.EMERGENCY:
            wrong.append(("missed", reported))
        if tier(other) == Tier.EMERGENCY:
            wrong.append(("alarmed", other))
    assert wrong == []


def test_sexual_function_lost_since_the_back_said_as_people_say_it() -> None:
    said = [
        "i'm not getting hard any more since my back went",
        "my erections have all but disappeared since the injury",
        "i lose my erection straight away since the back went",
        "he couldn't perform last night and his back is bad",
        "my wife and i were intimate and i felt nothing down there",
        "my partner says i don't respond down there since the back went",
        "i've not had an erection since my back went",
    ]
    assert [text for text in said if tier(text) != Tier.EMERGENCY] == []
    # ... while sex talked about is not a sign
    talked = [
        "is it ok to have sex with sciatica",
        "we haven't had sex since my back went because it hurts",
        "i'm not going hard at the gym until my back settles",
    ]
    assert [text for text in talked if tier(text) == Tier.EMERGENCY] == []


def test_pregnancy_said_in_weeks_of_any_number() -> None:
    assert tier("i'm 8 weeks and bleeding a lot") == Tier.EMERGENCY
    assert tier("bleeding heavily at sixteen weeks") == Tier.EMERGENCY
    assert tier("i am eight weeks into physio and my back is sore") != Tier.EMERGENCY
