"""The emergency tiers (E1-E12) said by what happened, what others saw and what the person
cannot do, next to the ordinary statements about pain that share their words (round 6,
triage7).

Each pair is (an ordinary statement that must raise no emergency, the report beside it): the
words that differ are the class the rules read. triage_dev5_triage7.tsv holds the figures;
triage_dev5_triage7_probe.tsv was written with it and measured once, untuned, at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.safety.triage import Tier, clarify
from back_relief.text import normalise

sys.path.insert(0, str(Path(__file__).parent))
import triage_dev2
from test_triage_concepts import RULES, tier

PAIRS = [
    # a limit on effort is not weakness; legs that will not lift are
    ("i can't get up from the chair easily", "i can't climb the stairs, my legs won't lift"),
    ("i can't lift my leg to put my trousers on", "i can't lift my legs at all since this morning"),
    # weak for years, or heavy when tired, is not new; the same legs now are
    ("my husband's legs are weak since his stroke years ago", "his legs are suddenly weak now"),
    ("my legs feel heavy when i'm tired", "both my legs feel heavy and numb"),
    # tearing on a movement is a strain; tearing that came from nowhere is not
    ("my back feels like it's tearing when i bend", "my back suddenly feels like it's tearing"),
    # a deep breath that catches the back is not breathlessness
    ("it hurts to breathe in deeply because of the spasm", "i'm struggling to breathe, back hurts"),
    # breathless from effort, dizzy from standing or hunger
    (
        "got a bit breathless carrying the washing upstairs",
        "i'm panting just lying here and my back hurts",
    ),
    ("i stood up too fast and felt dizzy", "i stood up and passed out"),
    ("i feel a bit faint from not eating", "i went grey and felt like i was going to faint"),
    # dropping onto the bed in a spasm is not a collapse
    (
        "my back seized up and i collapsed onto the bed",
        "he collapsed with back pain and he's clammy",
    ),
    # stuck on the floor is not a stuck bladder; a fall with no way up is an emergency
    (
        "i need a wee but i'm stuck on the floor, how do i get up",
        "i slipped getting out of the bath and now i'm stuck",
    ),
    # nearly is not an accident; a wet patch where you were is
    ("i nearly didn't make it to the toilet", "i stood up and there was a wet patch"),
    ("there's a damp patch on the ceiling", "the sofa's wet where i was sitting"),
    # a feeling said as a blow is not a blow
    ("it's like being stabbed", "the horse threw me"),
    # downstairs as a room, and as the body
    ("the light downstairs isn't working", "things aren't functioning properly downstairs"),
    # no trouble with control is a reassurance (the answer to the clarifying question); no
    # control is the sign, however the "no" is said
    ("no problems controlling my bladder, just the back", "i don't have any control of my bladder"),
    ("i don't have any feeling that it's serious", "i haven't got any feeling in my legs"),
    # feeling hot and shivery is same-day (U1); hot, shaking and very unwell with it is E11,
    # unless a hot bath or a heat pack explains the heat
    (
        "had a hot bath and now i'm shivering and the pain is horrible",
        "he's hot, trembling and not making sense",
    ),
    (
        "sat out in the sun, hot and shaky now, back feels awful",
        "so hot and shaking all over, back's agony",
    ),
]

# Reports said in words no earlier concept held, one or two of each class.
REPORTS = [
    "back pain is very much and urine is coming without my knowing",
    "my wife says i smell of wee and i hadn't noticed",
    "i'm not sure if i've peed or not",
    "i've started wearing nappies because i can't hold it",
    "i drank heaps of water and still haven't needed the dunny all day",
    "i have to press on my tummy to get the wee out",
    "she says her bottom feels like it's not hers anymore",
    "it's numb where you'd sit on a bike",
    "i couldn't tell how hot the bath was on my bum",
    "my husband says he can't finish anymore since his back injury",
    "i don't get wet anymore since my back went",
    "my legs are both pins and needly",
    "sciatica both sides",
    "my left leg and now my right leg are numb",
    "my legs feel like noodles",
    "rolled the quad bike",
    "we had a head on",
    "my nan is ninety and she fell and she's been on the floor all night",
    "there's a pain right through from my back to the front",
    "he's gone really pale and he's sweating",
    "high temp and i can barely stay awake",
    "mum has a temperature and she's acting strange and holding her back",
    "we're having a baby and my wife is bleeding really badly",
    "i'm in my third trimester and i'm doubled over with pain that won't stop",
]


def test_look_alikes_stay_calm_and_their_report_twins_alarm() -> None:
    calm = [benign for benign, _ in PAIRS if tier(benign) == Tier.EMERGENCY]
    missed = [report for _, report in PAIRS if tier(report) != Tier.EMERGENCY]
    assert (calm, missed) == ([], [])


def test_reports_in_words_no_earlier_concept_held_get_the_emergency_answer() -> None:
    assert [text for text in REPORTS if tier(text) != Tier.EMERGENCY] == []


def test_a_question_that_ends_owning_the_sign_is_a_report() -> None:
    """Asked in general it stays calm; "mine does" or "i have got both" makes it the asker's."""
    for asked, owned in [
        ("can sciatica go down both legs", "can sciatica go down both legs? mine does"),
        ("would back pain cause chest pain", "would back pain cause chest pain, i've got both"),
    ]:
        assert (tier(asked), tier(owned)) == (Tier.NONE, Tier.EMERGENCY), asked


def test_loose_accidents_ask_and_little_accidents_alarm() -> None:
    """Plain "accidents" may be falls: the bladder question; "little accidents" are leaks."""
    assert tier("i keep having accidents") == Tier.NONE
    assert clarify(RULES, ["i keep having accidents"]) == "E1"
    assert tier("i have been having little accidents") == Tier.EMERGENCY
    assert tier("i've had two little accidents on the motorway this year") != Tier.EMERGENCY


def test_development_set_meets_the_issue_targets() -> None:
    figures = triage_dev2.measure(triage_dev2.DATA / "triage_dev5_triage7.tsv", "utterance")
    assert figures.rate("E") == 1.0, figures.misses.get("E")
    assert figures.rate("N") <= 0.025, figures.misses.get("N")


def test_getting_there_in_time_reassures_only_when_it_is_said_without_not() -> None:
    """ "made it in time" holds E1's soiling rule back; "did not make it in time" is the
    accident itself and must never read as that reassurance."""
    concepts = RULES.concepts
    assert concepts is not None

    def says_in_time(text: str) -> bool:
        return "not_mine" in concepts.present(" " + normalise(text), every=True)

    assert says_in_time("i made it to the toilet just in time")
    assert not says_in_time("i didn't make it to the toilet in time")
    assert not says_in_time("i never make it in time anymore")
