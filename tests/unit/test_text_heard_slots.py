"""A misheard word read by the frame around it (heard_slots.py), and speech without apostrophes.

Round 6 measured why red flags that fire as written are lost as heard (tests/unit/heard_gap.py):
mostly one listened-for word heard as some other word, a different one each time. These
phrasings use sound-alikes that no table lists (checked below), in the frames heard_slots.py
reads; the benign look-alikes use the same frames with words that make sense as said.
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.heard_slots import fold_slots
from back_relief.safety.triage import Tier
from back_relief.soundalike import heard_forms
from back_relief.text import normalise

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import tier

# (as heard, the word it stands for): none of these forms is in the learnt table.
HEARD_EMERGENCIES = [
    ("my lads keep buckling every time i stand", "legs"),  # a place before what it does
    ("both my lacks are tingling and weak", "legs"),
    ("my left lag just gave way and i can not get up", "leg"),
    ("pins and needles down both my lakes", "legs"),  # the state first, the place after
    ("it is all numb between my lex", "legs"),
    ("i can not feel my fleet", "feet"),
    ("my legs are now and i can not stand", "numb"),  # a state at the end of its clause
    ("i have pins and needles in bath legs", "both"),  # the word that settles a pair
    ("i have not been able to piece since the morning", "piss"),  # nothing for a while
    ("no weave since last night and i am bursting", "wee"),
    ("the sheets were what when i woke up", "wet"),  # what is found wet
    ("i think i just what myself", "wet"),  # something done to oneself or the bed
    ("i have paid the bed and i did not know", "peed"),
    ("i can feel my bum at all", "not"),  # a positive "can" before "at all": the n't was lost
]

BENIGN = [
    "my luck just gave out",
    "my lights gave out last night",
    "i pushed myself too hard at the gym",
    "i poked myself in the eye",
    "i put myself to bed early",
    "my lips are numb from the ice",
    "my big toe is a bit numb from the cold floor",
    "both my kids jumped on me this morning",
    "my grandad is ninety and fell asleep in his chair",
    "my life is hard at the moment",
    "i got out of the bath my legs feel fine",
    "i have not had a pill since this morning",
    "i have not been able to work since monday",
    "the sheets were white and clean",
    "see if i can move at all",
    "i can pee fine at all times",
    "i feel ill and shivery from the cold floor",
]


def test_misheard_words_in_their_frames_reach_the_emergency_answer() -> None:
    forms = heard_forms()
    for heard, word in HEARD_EMERGENCIES:
        assert not set(heard.split()) & {f for f in forms if forms[f][0] == word}, heard
    missed = [heard for heard, word in HEARD_EMERGENCIES if word not in normalise(heard).split()]
    assert missed == []
    assert [h for h, _ in HEARD_EMERGENCIES if tier(h) != Tier.EMERGENCY] == []


def test_the_same_frames_with_words_that_make_sense_keep_their_words() -> None:
    changed = [text for text in BENIGN if fold_slots(normalise(text)) != text]
    assert changed == []
    assert [text for text in BENIGN if tier(text) == Tier.EMERGENCY] == []


def test_speech_without_apostrophes_reads_like_writing() -> None:
    for written in (
        "they're fine now",
        "she's fine, she got up",
        "i never knew i'd gone",
        "i'm worried i'll fall down the stairs",
        "i daren't cough",
        "we're expecting and it's sore",
    ):
        heard = written.replace("'", "").replace(",", "")
        assert normalise(heard) == normalise(written), heard
    assert normalise("i feel ill") == "i feel ill"  # "ill" the word stays
