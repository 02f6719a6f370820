"""Round 7 (benign8): benign speech that shares a sign's words, by structure, each with the report
said right next to it. The fourth held-out set raised an emergency on 3.8% of its benign rows:
answers nobody asked for, reassurance, other people and other times, questions about the signs.
triage_dev5_benign8.tsv holds the figures (written before any change: benign alarms 28/167).
"""

from __future__ import annotations

import pytest
from back_relief.safety.triage import Tier
from test_triage_concepts import tier

# (not a report, the report next to it)
PAIRS = {
    "a sign denied, then what it is instead": [
        ("not numb, just sore", "not sore, just numb down there"),
        ("weak legs? nah, just a weak back", "weak legs? yes, both of them"),
        ("both legs? no, only the left one aches", "both legs, no doubt, they are numb"),
        ("nothing funny down below", "something funny down below, i can not feel it"),
        # No pain felt is no pain, not numbness (integration, round 7).
        ("i don't feel any pain in my bum now", "i don't feel my bum at all now"),
    ],
    "the skill's question or a criterion asked about": [
        ("why are you asking if i have wet myself", "why do you keep asking, i have wet myself"),
        ("which fall counts as a serious fall", "i fell off the roof, does that count"),
        ("what do you mean trouble peeing, like it hurts or can't go", "i have trouble peeing"),
        (
            "is numbness in one leg an emergency or only both",
            "is numbness in both legs serious or just normal",
        ),
        ("so if i couldn't pee, would that be an emergency", "if i can't pee, should i go in"),
    ],
    "another person, another time": [
        (
            "my sister broke her back in a car crash when she was seventeen, she's fifty now",
            "my sister was in a car crash this morning, she is fine but can't feel her legs",
        ),
        (
            "when i had my daughter i couldn't feel anything down there",
            "since i had my daughter i can't feel anything down there",
        ),
        (
            "my uncle wet himself when he had his stroke",
            "my uncle wet himself this morning and didn't notice",
        ),
        (
            "back in uni i fell down a flight of stairs, broke my wrist, nothing since",
            "i fell down a flight of stairs and can't get up",
        ),
    ],
    "an everyday or long-known cause": [
        (
            "pins and needles in my feet from kneeling at the bath",
            "pins and needles in both feet and now they are getting weaker",
        ),
        ("both legs ache after yoga", "both legs went numb after yoga"),
        (
            "i leak a bit when i sneeze, i've done that since having three kids",
            "i've leaked since having the kids but now i'm wetting myself",
        ),
        (
            "my bottom goes numb on long drives, always has",
            "my bottom has gone numb since the spasm",
        ),
        (
            "i can't go to the toilet on my own because of the pain",
            "i can't get to the loo on my own and i can't pee",
        ),
        ("wee is coming out normally", "wee is coming out on its own"),
    ],
}


@pytest.mark.parametrize("kind", PAIRS)
def test_look_alikes_stay_calm_and_their_report_twins_alarm(kind: str) -> None:
    calm = [benign for benign, _ in PAIRS[kind] if tier(benign) == Tier.EMERGENCY]
    missed = [report for _, report in PAIRS[kind] if tier(report) != Tier.EMERGENCY]
    assert (calm, missed) == ([], [])
