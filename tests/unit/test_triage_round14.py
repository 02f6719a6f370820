"""Round 14 (triage14): the classes the triage14 writer's rows found missing, each as a report
that must get its answer beside an ordinary statement sharing its words that must not. No
phrasing here is a development row: the classes are read from the words.

triage_dev5_triage14.tsv holds the figures; triage_dev5_triage14_probe.tsv was written with it
and is held back from the red-flag model until it is measured once, at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from back_relief.safety.triage import Tier

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import alarming, raised, twins

# (class, ordinary statement that must raise no emergency, report that must)
PAIRS = [
    (
        "being alone is no toilet out of reach: no wee all day said by someone on their own",
        "i'm home on my own today and had a wee an hour ago, back is sore",
        "i'm home on my own and haven't managed a wee since this morning, back is killing me",
    ),
    (
        "something that will not relent ('won't let go', 'won't thaw'), then the sign",
        "the spasm won't let go of my back, but my legs feel normal",
        "my back is like ice that won't thaw, no feeling around my bottom",
    ),
    (
        "a heavy thing in a simile, sat on the chest",
        "my cat likes to sit by my chest of drawers and my back aches",
        "it feels like a lorry's parked on my chest and my back hurts",
    ),
    (
        "'managed' a wee for had one, not since a time",
        "i've not managed a walk since yesterday, my back is stiff",
        "i haven't managed a pee since breakfast yesterday and my back is killing",
    ),
    (
        "no pee, with the time said with its own 'not'",
        "no pee problems, not since the operation",
        "still no wee, not since last night, and my back's gone",
    ),
    (
        "not a drop got out",
        "i couldn't get a drop out of the shampoo bottle, my back hurts when i bend",
        "i sat on the toilet ages and couldn't squeeze a drop, my back is bad",
    ),
    (
        "a touch (tickled, squeezed) on both feet barely felt in 'either one'",
        "she squeezed both my ankles and it felt lovely",
        "she squeezed both my ankles and i could hardly feel either of them",
    ),
    (
        "legs said to have gone 'to nothing'",
        "the back pain went to nothing after the hot bath and my legs are fine",
        "i tried to stand and my legs just went to nothing",
    ),
    (
        "washing after the toilet (Indian English) with nothing felt there",
        "i always wash after toilet and my lower back is paining",
        "when i wash after toilet i am not feeling anything there since the back pain",
    ),
    (
        "a fall told by where someone was found, with no getting up",
        "my daughter found me at the bottom of the garden and my back was stiff",
        "my husband found me lying at the foot of the stairs and i can't get up",
    ),
]

# (class, ordinary statement that must not get the same-day answer, report that must)
SAME_DAY = [
    (
        "worse 'in night' (Indian English), not reducing with rest",
        "the pain is reducing with rest, i sleep fine in night",
        "my back pain is worse in night and not reducing even when resting",
    ),
    (
        "the back said to explode or burst with a cough or sneeze",
        "i sneezed and my back was fine, the balloon burst though",
        "when i cough my lower back just bursts",
    ),
    (
        "a foot that keeps tripping the person up",
        "the dog keeps getting under my feet, my back is stiff",
        "my right foot keeps tripping me up on the stairs",
    ),
]

# (class, ordinary statement that must not get the within-days answer, report that must)
WITHIN_DAYS = [
    (
        "a pain that 'won't leave' (the not is no denial), weeks now",
        "the physio won't leave me alone about stretching",
        "the ache is like a lodger that won't leave, six weeks now",
    ),
    (
        "a notch worse every day",
        "every day i walk a notch further",
        "every morning it's a bit worse than the last",
    ),
    (
        "other places said first to spasm for no reason",
        "my calves are fine, the stretches help my back",
        "my thighs keep twitching for no reason lately and my back is stiff",
    ),
]

# A recogniser slip that recurs across the heard copies, read only where the heard word makes no
# sense: (class, what a recogniser may write for an ordinary statement, for a report, the least
# answer the report must get).
HEARD = [
    (
        "terrace heard as 'tears' after a fall from it",
        "tears fell from my eyes when my back went",
        "my uncle felt from the tears yesterday and his back hurts badly",
        Tier.EMERGENCY,
    ),
]

# Every class above with the least answer its report must get and its look-alike must not.
# Recogniser slips that recur across the earlier triage development sets' heard copies (the same
# confusion in rows of two or more sets; heard_classes.py _ROUND14), each read only where the
# heard word makes no sense where it stands: (class, an ordinary statement as a recogniser may
# write it, a report, the least answer the report must get).
RECURRING = [
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

TWINS = [
    *((kind, calm, report, Tier.EMERGENCY) for kind, calm, report in PAIRS),
    *((kind, calm, report, Tier.SAME_DAY) for kind, calm, report in SAME_DAY),
    *((kind, calm, report, Tier.WITHIN_DAYS) for kind, calm, report in WITHIN_DAYS),
    *HEARD,
    *RECURRING,
]


@pytest.mark.parametrize(("kind", "calm", "report", "least"), TWINS, ids=[t[0] for t in TWINS])
def test_round14_class_reaches_its_answer_and_its_twin_stays_under(
    kind: str, calm: str, report: str, least: Tier
) -> None:
    twins(kind, calm, report, least)


# Ordinary sentences a wider first draft of these classes raised to an emergency (the safety
# review of round 14): a bottom or a cushion "not feeling anything" once the pain eased, not
# letting oneself wet the bed, a gentle massage barely felt, swelling or a bruise gone to
# nothing, liking a stretch on one's chest, a drop more out of the ketchup, tears of relief.
NOT_ALARMING = [
    "the sciatica in my bum has eased, i'm not feeling anything there now",
    "the heat on my bottom is lovely, not feeling anything now, the pain's gone",
    "i sat on my cushion and i'm not feeling anything much, pain wise",
    "the painkillers have kicked in, not feeling anything from the waist down to my knees now",
    "we had sex last night and i'm not feeling anything in my back today",
    "i washed myself and i am not feeling anything in my back now",
    "i don't let myself wet the bed, i get up twice a night",
    "she massaged both my calves so gently i barely felt it, lovely",
    "the swelling in my knees went to nothing after the ice",
    "my thighs have gone to nothing since i stopped going to the gym",
    "my leg pain has gone to nothing since the physio",
    "i like lying on my chest to stretch my back",
    "it's like the dog is lying on my chest every night, he's so clingy, my back's stiff",
    "i can't squeeze a drop more out of the ketchup, and my back hurts",
    "the relief i felt from the tears was huge, my back still hurts",
]


def test_round14_classes_leave_ordinary_talk_without_an_emergency() -> None:
    assert not alarming(NOT_ALARMING)


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


def test_round14_heard_folds_leave_ordinary_talk_calm() -> None:
    assert not raised(CALM, Tier.SAME_DAY)
