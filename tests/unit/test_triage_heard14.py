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
from test_triage_concepts import raised, twins

# (class, what a recogniser may write for an ordinary statement, for a report, the least answer
# the report must get)
HEARD = [
    (
        "wee held, heard as 'week' or 'peat'",
        "i could not hold my week together, the back pain wore me out",
        "since the back spasm i can not hold my peat anymore",
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
        "a wee heard as 'a wheel' had all day or got out",
        "i can not get a wheel out of the boot with my back",
        "back is stuffed and i can not get a wheel out",
        Tier.EMERGENCY,
    ),
    (
        "an age in the eighties heard as 'i may be', 'i made' before a fall",
        "i made two cups of tea and my back aches",
        "i may be five and tripped on the mat, my back hurts",
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
]


@pytest.mark.parametrize(("kind", "calm", "report", "least"), HEARD, ids=[t[0] for t in HEARD])
def test_heard14_class_reaches_its_answer_and_its_twin_stays_under(
    kind: str, calm: str, report: str, least: Tier
) -> None:
    twins(kind, calm, report, least)


# Ordinary sentences a person with a bad back says with the same heard words, which an earlier,
# wider draft of these folds raised to an emergency or a same-day answer (the safety review of
# round 14): steering wheels and one's peace are held, neighbours live down below, a carer keeps
# someone company, steroid-free "scary meds", an eighty-year-old sleeps in a kitchen chair.
CALM = [
    "i can not hold my wheel properly since the spasm, is it safe to drive",
    "i could not hold my peace anymore so i phoned the gp about my back",
    "hard to hold my peace and not shout at the kids with this back pain",
    "i puked and did not notice any blood",
    "the pain was so bad i puked and i did not feel it coming",
    "i can not do it we even tried the heat pack",
    "i complained about them down below, their music is loud and my back aches",
    "just pain along with my back stiffness",
    "my back and just both aching after the lift",
    "now lets give way to the ambulance and get my back looked at",
    "my new interaction problem is with the neighbours",
    "my mum is eighty five and slept in the kitchen because of her back",
    "i am on the scary meds the doctor gave me, antidepressants",
    "my back hurts when i weave through the crowds",
    "no physician is comfortable giving me stronger painkillers for my back",
    "she never uses off brand heat packs",
    "i can not get company no matter what i do, i am lonely",
    "i made it to and fell on the sofa",
]


def test_heard14_folds_leave_ordinary_talk_calm() -> None:
    assert not raised(CALM, Tier.SAME_DAY)
