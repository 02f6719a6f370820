"""Round 14 (heard): recogniser slips that recur across the triage development sets' heard copies
(the same confusion in rows of two or more sets), each read only where the heard word makes no
sense where it stands. Each class is a heard-style report that must get its answer beside an
ordinary sentence with the same heard word that must not. No phrasing here is a development row.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from back_relief.safety.triage import Tier

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import twins

# (class, what a recogniser may write for an ordinary statement, for a report, the least answer
# the report must get)
HEARD = [
    (
        "wee held, heard as 'week', 'wheel', 'peace', 'peat'",
        "i could not hold my peace at the meeting and my back aches",
        "since the back spasm i can not hold my peace anymore",
        Tier.EMERGENCY,
    ),
    (
        "a wheel held that is a wee",
        "i can not hold my wheel straight with this back",
        "my back is locked and i can not hold my wheel in",
        Tier.EMERGENCY,
    ),
    (
        "urine since heard as 'your instance', 'your incense'",
        "in your instance the physio says to rest the back",
        "my father can not pass your incense sunday and his back is bad",
        Tier.EMERGENCY,
    ),
    (
        "urine heard as 'during' after pass",
        "i passed during the night on the sofa, back is stiff",
        "she is not able to pass during properly and her back hurts",
        Tier.EMERGENCY,
    ),
    (
        "a wee heard as 'it we' after do",
        "i can not do it, we tried the stretches twice, back still sore",
        "he could not do it we at all and his back has gone",
        Tier.EMERGENCY,
    ),
    (
        "a wee since heard as 'a recent' before when",
        "i had a recent scan of my back last month",
        "my back went and i have not had a recent yesterday",
        Tier.EMERGENCY,
    ),
    (
        "a wee heard as 'a week' that lasts an hour or a day",
        "i have been off work for a week with my back",
        "back in spasm, i have been trying for a week for half an hour, nothing",
        Tier.EMERGENCY,
    ),
    (
        "can't pee heard as 'camp pea'",
        "we went to a peace camp last year, my back is stiff",
        "my back is out and i camp pea since the morning",
        Tier.EMERGENCY,
    ),
    (
        "pooed heard as 'proved', 'puked' before myself and not knowing it",
        "i proved myself at work this week despite the bad back",
        "my back is agony and i approved myself without noticing",
        Tier.EMERGENCY,
    ),
    (
        "pooped heard as 'puked' and not knowing it",
        "i puked and did not know why, and my back aches",
        "i puked and did not even notice until later, back is wrecked",
        Tier.EMERGENCY,
    ),
    (
        "the need to poo heard as 'need to prove' where it is felt",
        "i feel i need to prove myself to my boss despite my back",
        "since my back went i can not tell when i need to prove",
        Tier.EMERGENCY,
    ),
    (
        "the bowels heard as 'bells', 'vowels' where controlled or let go",
        "the church bells let me know it is time for my back stretches",
        "my back seized and i lost control of my bells",
        Tier.EMERGENCY,
    ),
    (
        "the legs heard as 'lets', 'flex', 'lights' before what only legs do",
        "lets get the ice on my back",
        "my back is wrecked and my flex keep giving way",
        Tier.EMERGENCY,
    ),
    (
        "an erection heard as 'your action' got or kept",
        "did you get your action plan from the physio for the back",
        "since my back went i can not keep your action",
        Tier.EMERGENCY,
    ),
    (
        "an erection heard as 'interaction' as a trouble",
        "is there an interaction problem with my back pain tablets",
        "he has new interaction problems since he hurt his back",
        Tier.EMERGENCY,
    ),
    (
        "the chest heard as 'just' beside the back",
        "it is just pain with my back, nothing else",
        "my back and just both hurting since lunch",
        Tier.EMERGENCY,
    ),
    (
        "numbness down below heard as 'them'",
        "the neighbours are noisy, i can hear them down below, my back aches",
        "the doctor asked about them down below and i said yes, back is bad",
        Tier.EMERGENCY,
    ),
    (
        "the loft hatch heard as 'the locked hatch' fallen through",
        "the locked hatch in the loft is stiff and my back aches",
        "my husband fell through the locked hatch and hurt his back",
        Tier.EMERGENCY,
    ),
    (
        "the terrace heard as 'the tears' fallen from",
        "i was in tears from the back pain all night",
        "my mother fell off the tears and her back is hurting",
        Tier.EMERGENCY,
    ),
    (
        "it's severe heard as 'it is a beer' after a pain that lasts",
        "after a long day it is a beer and a hot pack for my back",
        "my tummy aches and i am thirty two weeks along, its a beer",
        Tier.EMERGENCY,
    ),
    (
        "a wee heard as 'a wheel' had all day or got out",
        "i can not get a wheel out of the boot with my back",
        "back is stuffed and i can not get a wheel out",
        Tier.EMERGENCY,
    ),
    (
        "a wee heard as 'weave' where it stings",
        "i weave baskets and it helps my back",
        "it burns when i weave and my back aches on one side",
        Tier.SAME_DAY,
    ),
    (
        "an age in the eighties heard as 'i may be', 'i made' before a fall",
        "i made two cups of tea and my back aches",
        "i may be five and tripped on the mat, my back hurts",
        Tier.SAME_DAY,
    ),
    (
        "slipped heard as 'slept' in a room nobody sleeps in",
        "i slept in the spare room and my back aches",
        "she is ninety and slept in the shower, her back hurts",
        Tier.SAME_DAY,
    ),
    (
        "steroid tablets heard as 'scary tablets' someone is on",
        "the scary part is my back aches when i sit",
        "i have been on scary pills for my lungs and the back pain is new",
        Tier.SAME_DAY,
    ),
    (
        "going for a poo heard as 'going for it who' before what it makes worse",
        "i am going for it, who cares if my back is stiff",
        "going for if he makes my back worse",
        Tier.SAME_DAY,
    ),
    (
        "stinging heard as 'singing' when peeing",
        "singing in the shower helps me forget my back",
        "singing when i weave and my back aches low on the right",
        Tier.SAME_DAY,
    ),
    (
        "eases heard as 'uses' said of the pain",
        "nobody uses the heat pack but me, back is stiff",
        "the back pain never uses off, not even lying down",
        Tier.SAME_DAY,
    ),
    (
        "comfy heard as 'company', no matter what is done",
        "my sister keeps me company while my back heals",
        "i can not get company no matter what i do and my back is stiff",
        Tier.SAME_DAY,
    ),
    (
        "position heard as 'physician' that is comfortable",
        "my physician is lovely and my back is a bit stiff",
        "no physician is comfortable and the back pain will not let me sleep",
        Tier.SAME_DAY,
    ),
]


@pytest.mark.parametrize(("kind", "calm", "report", "least"), HEARD, ids=[t[0] for t in HEARD])
def test_heard14_class_reaches_its_answer_and_its_twin_stays_under(
    kind: str, calm: str, report: str, least: Tier
) -> None:
    twins(kind, calm, report, least)
