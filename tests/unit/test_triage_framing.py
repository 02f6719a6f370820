"""Whose, when and whether words report a sign now (safety/framing.py, issue 12 round 6).

triage_dev5_benign7.tsv says warning-sign words in benign speech (films, jokes and idioms,
other people's and the speaker's own past, reassurance, hypotheticals, remembered advice) and
current reports that share their words (a carer, a question, a story, a hedge, remembered
advice "and i can't"). Its probe set is a figure only (triage_dev5.py --set benign7_probe);
its _heard copy (asr_noise.py, piper + whisper with noise) holds the first 34 reports and every
third benign row.
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.safety.triage import Tier

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import tier
from triage_dev2 import DATA, measure

# (told as another time, not real, advice or a hypothetical; the same words said as now)
PAIRS = [
    ("i fell off a ladder ten years ago", "i fell off a ladder ten minutes ago"),
    ("my mum had cauda equina years ago", "my mum had it years ago and now i can't feel my bum"),
    ("in the film he can't feel his legs", "i was watching a film and my legs went numb"),
    ("i nearly wet myself laughing", "i wet myself laughing and i didn't feel it"),
    ("i had a nightmare i couldn't move my legs", "i woke from a nightmare and can't move my legs"),
    (
        "the gp said come in if i go numb down there",
        "the gp said come in if i went numb down there, i have",
    ),
    ("the nurse said to ring if i can't wee", "the nurse said to ring if i can't wee, and i can't"),
    ("what if i can't pee", "in case it matters, i can't pee"),
    (
        "should i go to hospital if my legs go numb",
        "should i go to hospital, my legs have gone numb",
    ),
    ("when i was pregnant with my first i bled heavily", "i'm pregnant and bleeding heavily"),
    ("last time my legs went numb, years ago", "my legs went numb like last time, an hour ago"),
    ("my mate's dad had a heart attack with back pain", "my mate has chest pain and back pain"),
    ("i nearly fainted at the news", "i nearly fainted and my back is tearing"),
    ("my dad broke his back in a fall but he recovered", "my dad fell and can't move his legs"),
    (
        "i wet myself after my first baby, never since",
        "i'm pregnant with my first baby and bleeding heavily",
    ),
    ("i was in stitches, couldn't breathe", "my back hurts and i couldn't breathe"),
]


def test_a_sign_told_as_another_time_story_or_hypothetical_is_taken_back_but_said_now_is_not() -> (
    None
):
    assert [told for told, _ in PAIRS if tier(told) == Tier.EMERGENCY] == []
    assert [now for _, now in PAIRS if tier(now) != Tier.EMERGENCY] == []


def test_a_history_tier_keeps_the_history_it_needs() -> None:
    # Another time takes back a current sign, never the history U3 and U13 are about.
    assert tier("i had breast cancer years ago and now my back hurts") == Tier.SAME_DAY
    assert tier("i had a spinal fusion two months ago and the pain is worse") == Tier.SAME_DAY
    # ... while advice remembered is still advice for them
    assert tier("the surgeon told me to phone if the wound got hot") == Tier.NONE


def test_benign_speech_with_alarming_words_set_meets_its_floors() -> None:
    figures = measure(DATA / "triage_dev5_benign7.tsv", "utterance")
    # the misses left are words no concept holds ("willy", "the toilet paper"), not scope
    assert figures.rate("E") >= 0.95, figures.misses.get("E")
    assert figures.rate("N") <= 0.035, figures.misses.get("N")


# Round 7 (triage_dev5_precision8.tsv): what is said AFTER the frame takes the sign back or
# keeps it a report (supposed.told_now / denied_after; framing._CAUGHT).
AFTER_THE_FRAME = [
    (
        "the booklet says ring 999 if you can't wee, but i can wee fine, it's just my back",
        "the booklet says ring 999 if you can't wee, and i haven't been able to since lunch",
    ),
    (
        "the gp said to look out for numbness around my bottom, there's been nothing like that",
        "the gp said to look out for numbness around my bottom, and i think it's started",
    ),
    (
        "the nurse asked had i lost control of my bladder and i said no",
        "the nurse asked had i lost control of my bladder and i said yes, twice",
    ),
    (
        "if both my legs go numb, do i need an ambulance or the gp",
        "if both my legs are numb right now, do i need an ambulance",
    ),
    (
        "i almost fell off the step this morning but grabbed the door frame",
        "i fell off the step this morning and can't get up",
    ),
    (
        "i saw a documentary about people going numb between their legs and now i'm worried",
        "i saw a documentary and now i'm numb between my legs",
    ),
]


def test_what_follows_a_frame_takes_the_sign_back_or_keeps_it_a_report() -> None:
    assert [told for told, _ in AFTER_THE_FRAME if tier(told) == Tier.EMERGENCY] == []
    assert [now for _, now in AFTER_THE_FRAME if tier(now) != Tier.EMERGENCY] == []
    # novelty is a report, not a denial: "nothing like that before"
    assert tier("i've got numbness between my legs, nothing like that before") == Tier.EMERGENCY
    assert tier("what if i can't feel my legs") == Tier.EMERGENCY
    # "if" then what to do is a report when the "if" clause says the sign is here now
    assert tier("if i can't pee should i go to hospital") == Tier.EMERGENCY
    assert tier("my consultant said saddle numbness is an emergency, i don't have any of that") == (
        Tier.NONE
    )


def test_benign_speech_after_a_frame_set_meets_its_floors() -> None:
    figures = measure(DATA / "triage_dev5_precision8.tsv", "utterance")
    assert figures.rate("E") >= 0.97, figures.misses.get("E")
    assert figures.rate("N") <= 0.06, figures.misses.get("N")
