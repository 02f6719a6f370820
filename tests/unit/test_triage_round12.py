"""Round 12 (triage12): the classes of emergency the triage12 writer's rows found missing, each
as a report that must get the emergency answer beside an ordinary statement sharing its words
that must not. No phrasing here is a development row: the classes are read from the words.

triage_dev5_triage12.tsv holds the figures; triage_dev5_triage12_probe.tsv was written with it
and is held back from the red-flag model until it is measured once, at the end.
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
        "the saddle said as between the legs, not only 'my legs'",
        "a pillow between the legs helps me sleep on my side",
        "it's gone numb between the legs since my back locked",
    ),
    (
        "a pregnancy said as a baby on the way or a bub due",
        "our bubba's due in july and my back aches from painting the nursery",
        "we've got a little one on the way and she's bleeding loads",
    ),
    (
        "heavy bleeding said as 'very much'",
        "she is expecting and her back is aching very much",
        "she is expecting and bleeding very much since the night",
    ),
    (
        "the chest as a muscle group worked or stretched is not chest pain",
        "are chest presses alright with a sore lower back",
        "my chest aches and so does my lower back",
    ),
    (
        "'from morning' (Indian English) is since the morning",
        "urine is passing normally from morning, only the back is sore",
        "no pee passing from morning, my back has seized",
    ),
    (
        "hours without a pee",
        "i drink water every hour without fail, my back is sore",
        "my back has gone and i am ten hours without a wee",
    ),
    (
        "control named first, then said lost",
        "my pain control has gone since the tablets ran out",
        "my waterworks control has gone since the back went",
    ),
    (
        "dribbling that will not stop, not a nose's",
        "my nose keeps dribbling and it won't stop",
        "i keep dribbling down there and it won't stop",
    ),
    (
        "losing control said of oneself now, not as an if",
        "if i lose control of my bladder should i ring someone",
        "i lose control of my bladder every time i stand up",
    ),
    (
        "the feeling in a place said gone",
        "the stiff feeling in my back has gone after the heat pack",
        "all the feeling in my bum has gone since the spasm",
    ),
    (
        "a question that goes on to a report of the asker's own after 'because'",
        "can a slipped disc stop you getting an erection, because i read about it somewhere",
        "can a slipped disc stop you getting an erection, cause mine just stopped working"
        " on saturday after my back seized",
    ),
    (
        "'not happening' is the failing, not a denial of the words after it",
        "the physio is not happening this week, my back is sore",
        "peeing is not happening, urine feels stuck, my back is bad",
    ),
    (
        "a climax told by what was felt",
        "we came back from the pub but felt nothing was wrong, my back is just stiff",
        "he finished but felt nothing at all, his back's been out all week",
    ),
    (
        "peeing said as stopped by something, asked in general or then owned",
        "can a bad back stop you peeing",
        "does a slipped disc stop you weeing, because i have not managed it once today",
    ),
    (
        "going on the toilet is sitting on it",
        "i need to go on the loo, nothing to worry about",
        "went on the toilet twice, nothing at all, back's gone",
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report"), PAIRS, ids=[p[0] for p in PAIRS])
def test_round12_class_alarms_and_its_twin_stays_calm(kind: str, calm: str, report: str) -> None:
    twins(kind, calm, report)


def test_what_the_round12_review_found_stays_calm() -> None:
    """The integration review's look-alikes of round 12's classes (none raised an emergency
    before it): a baby's or a pet's dribbling, hours without a pee explained by the toilet out
    of reach or little drunk, and not finishing a race."""
    calm = [
        "the baby keeps dribbling on me and it will not stop",
        "my puppy is dribbling everywhere and cannot stop",
        "hours without a wee, the loo is upstairs and too far for me with this back",
        "all day without a pee, i have barely had anything to drink",
        "i could not finish for the first time in ten races",
    ]
    assert [c for c in calm if tier(c) == Tier.EMERGENCY] == []
