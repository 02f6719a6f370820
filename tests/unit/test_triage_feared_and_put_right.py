"""Round 9 (triage9): a warning sign said as experience gets the emergency answer, and a real
report keeps it when the same turn also voices a fear, a belief put right, something
long-standing or an everyday setting.

triage_dev5_triage9.tsv was written before any change (152 red flags weighted to E5, E2, E1,
E12 and E7, and to a same-day sign said with an emergency one; 106 benign look-alikes: asked,
feared, told of another time, reassured, a near miss). Untuned: E 142/152. Round 9 also built
frames that held back the benign look-alikes (20 -> 3 of 106 alarmed); review found they
silenced real reports ("worried it will get worse, can not pee") and the held-out sets' benign
alarms did not move, so they were taken out: REPORTS below keeps them out.
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.safety.triage import Tier

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import tier
from triage_dev2 import DATA, rows


def test_development_set_red_flags_reached() -> None:
    found = [
        (kind, text, tier(text))
        for kind, _, text in rows(DATA / "triage_dev5_triage9.tsv", "utterance")
    ]
    reds = [text for kind, text, got in found if kind == "E" and got < Tier.EMERGENCY]
    assert len(reds) <= 4, reds  # 148/152 after round 9


# A current sign said next to a fear, a belief put right, something long-standing, an everyday
# setting or someone else's past: each is a report and gets the emergency answer.
REPORTS = [
    "worried it will get worse, can not pee",
    "dreading it will get worse, pooed myself",
    "scared it is going to get worse, can not feel my bum",
    "i am worried it might be cauda equina, numb around my bottom",
    "my husband is scared he will burst, he can not pee",
    "i wet the bed, it happens to everyone",
    "both legs are numb, it happens to everyone with sciatica",
    "i keep wetting myself, i have since my back operation",
    "i thought it was the ice but i really can't feel my bum",
    "i leak when i cough, i always have, but now it just pours out",
    "numb bum from the seat in the ute",
    "my bum has gone numb from the floor, i have been lying here since last night",
    "my mate's wife could not pee after her back op and now i can not either",
    "my cousin lost the feeling in his bum and i have the same",
    "i was carrying my daughter down the stairs and fell",
    "i was holding my toddler and fell off the ladder",
    "i can not do a wee in front of the nurse, and now i can not go at all",
    "i can't pee lying down and i haven't been since yesterday",
    "i can not get up off the floor because of the pain, i have been here an hour",
    "i can't get up off the floor, my legs won't hold me",
    "the gp wanted to know if i'd had trouble peeing, and i can't go at all",
    "i thought my legs were weak, turned out they are, both are numb",
]


def test_a_report_is_not_taken_back_by_what_is_said_around_it() -> None:
    assert [text for text in REPORTS if tier(text) != Tier.EMERGENCY] == []


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


def test_dull_is_a_changed_feeling_or_the_kind_of_pain() -> None:
    assert tier("my bum feels dull, like it isn't mine") == Tier.EMERGENCY
    assert tier("there's a dull ache going down into my bum and leg") != Tier.EMERGENCY
