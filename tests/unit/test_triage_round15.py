"""Round 15 (triage15): the classes the triage15 writer's rows found missing, each as a report
that must get its answer beside an ordinary statement sharing its words that must not. No
phrasing here is a development row: the classes are read from the words.

triage_dev5_triage15.tsv holds the figures; triage_dev5_triage15_probe.tsv was written with it
and is held back from the red-flag model until it is measured once, at the end. RECURRING and
CALM are round 15's heard classes (heard_classes.py _ROUND15), read the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from back_relief.safety.corrected import corrected
from back_relief.safety.triage import Tier, normalise

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import alarming, raised, twins

# (class, ordinary statement that must raise no emergency, report that must)
PAIRS = [
    (
        "a report with its 'i' dropped before 'can not stop' is no general question",
        "can not stop yawning today, my back is a bit stiff",
        "can't stop shivering under the covers, boiling up, and my back's in agony",
    ),
    (
        "a negative modal before a named cause still asks in general (the round-15 review)",
        "won't a bulging disc cause numbness in both legs eventually",
        "can't stop shaking, i'm burning up and my back is killing me",
    ),
    (
        "a temperature said with its apostrophe ('temperature's' reads 'temperatures')",
        "my temperature's normal, it's just the back spasm that's agony",
        "my temperature's gone up to 103 and my back is agony and i'm shivering",
    ),
    (
        "pee itself running down a leg is a leak, as a trickle down a leg was",
        "the water from the ice pack is running down my leg, my back aches",
        "there's pee running down my leg and my back is killing me",
    ),
    (
        "the hedge said shorter or softer ('don't seem able to', 'don't really seem to')",
        "i don't seem able to get comfy on the floor, my back aches",
        "i don't seem able to pee since this morning and my back is in bits",
    ),
    (
        "a fever gone 'through the roof' or 'right up' rose too",
        "my fever's gone now, my back is only a bit stiff",
        "my fever's gone through the roof, i'm shivering and my back is agony",
    ),
    (
        "a fever that has 'gone up' rose; it did not go",
        "my temperature has gone down and my back is only stiff",
        "his fever has gone up to forty and he is shivering, his back is agony",
    ),
    (
        "a polite hedge on a failing: 'don't seem to be able to', 'doesn't seem to want to'",
        "i don't seem to be able to find my heat pack, my back aches",
        "he doesn't seem to be able to pee at all since his back went this morning",
    ),
    (
        "legs that 'don't seem to want to' hold the person up",
        "the kids don't seem to want to help me up, my back is stiff",
        "my legs don't seem to want to hold me up since this afternoon",
    ),
    (
        "a statement taken back and said the other way ('i have not, well, i have')",
        "i have not wet myself, well, i have not since i was a toddler, my back is stiff",
        "i have not lost control of my bladder, well, i have, this morning, back is bad",
    ),
    (
        "a try with a partner and no object, with nothing felt",
        "me and my husband tried the new stretches and my back feels looser",
        "me and my girlfriend tried last night and i couldn't feel a thing",
    ),
    (
        "legs that will not push or lift the person up",
        "the nurse would not lift me on her own, so she fetched a hoist, my back aches",
        "my legs just would not push me up out of the bath tonight",
    ),
]

# (class, ordinary statement that must not get the same-day answer, report that must)
SAME_DAY = [
    (
        "a spinal procedure named alone ('laminectomy last month') is a back operation",
        "laminectomy is the word my neighbour used for his op years back, my back is stiff",
        "laminectomy six weeks ago and the numbness down my leg is getting worse",
    ),
    (
        "a wound's 's read 'wounds': the wound red or oozing",
        "my wound's healed well and the back feels better",
        "my wound's red and weeping and my back's sore",
    ),
    (
        "the pain named in full after what sets it off ('makes the back pain much worse')",
        "going to the gym makes the back pain much worse some days",
        "going to the toilet makes the back pain much worse",
    ),
]

# Round 15 heard (heard_classes.py _ROUND15): recogniser slips that recur across the
# development sets' heard copies and across new passes of older sets with other seeds.
# (class, an ordinary statement as a recogniser may write it, a report, the least answer the
# report must get and the statement must not).
RECURRING = [
    (
        "numb heard as 'i am' before all round a body place",
        "i am around my sisters most days and my back aches",
        "my back went and down there i am all around my bottom",
        Tier.EMERGENCY,
    ),
    (
        "numb heard as 'i am' during sex",
        "i am during the week fine but my back aches at weekends",
        "i am during sex and my back is killing me",
        Tier.EMERGENCY,
    ),
    (
        "numb heard as 'i am' after feels, down there",
        "it feels and i am down there in cornwall next week with my back",
        "it feels and i am down there since the back went",
        Tier.EMERGENCY,
    ),
    (
        "numb heard as 'i am' where you sit",
        "i am where you sat last week and my back hurts",
        "my back went and i am where you sit on a saddle",
        Tier.EMERGENCY,
    ),
    (
        "stool heard as 'dual', 'still' after passed, in the bed or unaware",
        "my grandad passed still in his sleep last year and my back aches",
        "my father passed dual in the bed without knowing and his back is bad",
        Tier.EMERGENCY,
    ),
    (
        "stool heard as 'tool' passing on its own",
        "the tool is coming out of the box and my back hurts",
        "tool is passing on its own and my back is stiff",
        Tier.EMERGENCY,
    ),
    (
        "an erection heard as 'a reaction' had as a problem",
        "i had a reaction problem with the new tablets for my back",
        "i have a reaction problem since my back went",
        Tier.EMERGENCY,
    ),
    (
        "an erection heard as 'interaction' after a problem, since when said with 'from'",
        "i am having problems of interaction with the kids since my back went",
        "having problem interaction from three days with my back pain",
        Tier.EMERGENCY,
    ),
    (
        "sciatica heard as 'so i had to' before both sides",
        "so i had to go on both sides of the road to avoid the hill, my back aches",
        "so i had to cut one both sides down my legs",
        Tier.EMERGENCY,
    ),
    (
        "the bladder heard as 'flatters', 'flighters' gone or full",
        "my lighter is gone and my back aches",
        "flatters gone and my back is agony",
        Tier.EMERGENCY,
    ),
    (
        "bladder control heard as 'lighter controls'",
        "the lighter controls on the stove are stiff and my back aches",
        "lighter controls gone since the back went",
        Tier.EMERGENCY,
    ),
    (
        "peed heard as 'peaked', 'paid' not done all day or since this morning",
        "i have not paid since march for the physio",
        "i have not peaked since last night and my back is bad",
        Tier.EMERGENCY,
    ),
    (
        "wet heard as 'or what' after the clothes, unaware",
        "should i change my pants or what, my back is sore",
        "my knickers or what and i did not even notice, my back is bad",
        Tier.EMERGENCY,
    ),
    (
        "a wee heard as 'we' after the urge to",
        "i need to, we have plans and my back hurts",
        "the urge to we has gone since my back went",
        Tier.EMERGENCY,
    ),
    (
        "a wee heard as 'we' dribbled all day",
        "the baby was dribbling, we all laughed and my back is stiff",
        "i keep dribbling we all day and my back is bad",
        Tier.EMERGENCY,
    ),
    (
        "weed heard as 'weeds' not done since",
        "i have not weeded since last summer because of my back",
        "my back is agony and i have not weeds since this morning",
        Tier.EMERGENCY,
    ),
    (
        "a wee heard as 'we' where 'can not' is said of each thing in turn",
        "can not we go home now, my back hurts",
        "can not we, can not sit, my back is killing me",
        Tier.EMERGENCY,
    ),
    (
        "pee heard as 'key', 'keep' running down a leg after 'there is'",
        "the pain seems to keep running down my leg from my back",
        "there is key running down my leg and i can not stop it, my back has gone",
        Tier.EMERGENCY,
    ),
    (
        "the loo heard as 'the loop', 'the lew' where one goes",
        "i go to the loop road for a walk and my back is stiff",
        "my back went and i can not make it to the loop in time, it just comes out",
        Tier.EMERGENCY,
    ),
    (
        "numbness heard as 'not missing', 'now messing' first, before both the legs",
        "i am not missing my leg stretches since the back went",
        "not missing both the legs since this morning, back is paining",
        Tier.EMERGENCY,
    ),
    (
        "numbness heard as 'now missing' after 'there is', before the private parts",
        "there is now a missing part of my back brace",
        "there is now missing my private parts since today with back pain",
        Tier.EMERGENCY,
    ),
    (
        "the legs heard as 'lex', 'flex' collapsed or like someone else's",
        "i flex my feet like the physio says and my back is stiff",
        "lex colopsed under me getting out of bed",
        Tier.EMERGENCY,
    ),
    (
        "fell heard as 'throw' down the stairs at the start",
        "throw down a blanket for me, my back is sore",
        "throw down the stairs and now i can not move",
        Tier.EMERGENCY,
    ),
    (
        "fell heard as 'fill' said of a thing on someone",
        "i fill the box on my desk slowly because of my back",
        "a wardrobe fill on my back and now i can not get up",
        Tier.EMERGENCY,
    ),
    (
        "can not get up after a fall heard as 'can not get out'",
        "i fell out with my brother and i can not get out of the house with my back",
        "i went down hard on the ice and i can not get myself out, my back is locked",
        Tier.EMERGENCY,
    ),
    (
        "weeing heard as 'weave', 'weaken' where it stings or burns",
        "my back hurts when i weave through traffic on the bike",
        "it stings when i weave and my back hurts on one side",
        Tier.SAME_DAY,
    ),
    (
        "an age in the eighties heard as 'i may be too', 'i made for' before a fall",
        "i made for the door and slipped, my back is sore",
        "i may be too and slipped on the step, my back hurts",
        Tier.SAME_DAY,
    ),
    (
        "a back operation heard as 'back hop', 'back cop'",
        "i did a bunny hop on my bike and my back aches",
        "i had a back hop in may and now my leg is numb",
        Tier.SAME_DAY,
    ),
]


TWINS = [
    *((kind, calm, report, Tier.EMERGENCY) for kind, calm, report in PAIRS),
    *((kind, calm, report, Tier.SAME_DAY) for kind, calm, report in SAME_DAY),
    *RECURRING,
]


@pytest.mark.parametrize(("kind", "calm", "report", "least"), TWINS, ids=[t[0] for t in TWINS])
def test_round15_class_reaches_its_answer_and_its_twin_stays_under(
    kind: str, calm: str, report: str, least: Tier
) -> None:
    twins(kind, calm, report, least)


# A correction read again only when it is elliptical, turns the clause round and has its
# subject: (text, what corrected.py reads, or None).
CORRECTIONS = [
    ("i can feel my feet, well, i can't actually", "i can not feel my feet actually"),
    ("my legs are fine, no actually they aren't", "my legs are not fine"),
    ("i can walk, well i could, now it's slow", None),  # same polarity: nothing turned
    ("my legs aren't numb, well they are a bit stiff", None),  # a predicate of its own
    ("i can't walk far, well she can, she's my carer", None),  # another subject
]


@pytest.mark.parametrize(("text", "said"), CORRECTIONS, ids=[c[0] for c in CORRECTIONS])
def test_round15_a_correction_is_read_whole_only_when_it_turns_its_clause(
    text: str, said: str | None
) -> None:
    assert corrected(normalise(text)) == said


# Ordinary talk in the same shapes that must stay without an emergency.
NOT_ALARMING = [
    "i can't walk far, well i can, just slowly with the stick",
    "my fever's gone now, and my back is only a bit sore",
    "i don't seem to be able to get comfy in bed with this back",
    "we tried the new mattress last night and my back feels better",
    "my wife wouldn't lift me the shopping bags, my back is sore",
]


def test_round15_classes_leave_ordinary_talk_without_an_emergency() -> None:
    assert not alarming(NOT_ALARMING)


# Ordinary sentences a person with a bad back says with the same heard words, which must stay
# calm: a lighter that leaks gas, a bill not paid, one who passed away in their sleep, a tool
# passed along, the urge to say something, a dribbling baby or footballer.
CALM = [
    "the lighter is leaking and my back hurts",
    "my lighter has gone missing and my back aches",
    "i have not paid for the physio since march",
    "the peak has not peaked since last year and my back is fine",
    "my nan passed still in her sleep, i have had back pain since the funeral",
    "pass the tool in the box, my back is too sore to bend",
    "i had to go on both sides of the bed to change it, my back aches",
    "i am around the house all day with my back",
    "i am down there at my mums next week, my back hurts",
    "do i change my sheets or what, i spilt tea and my back aches",
    "the urge to, we all know it, stretch when my back is stiff",
    "he was dribbling down the wing, we all cheered, my back aches",
    "throw down the keys, my back is too sore for the stairs",
    "it burns when i weave my scarf, my back hurts too",
    "my reaction problem to ibuprofen is why i take paracetamol for my back",
    "i fell asleep on the train and i could not get out at my stop, my back is stiff",
    "i slipped a disc years ago and i can not get out much",
    "i was not paid for three hours of overtime and my back hurts",
    "i have not paid since yesterday for the parking, my back hurts",
    "we can go to the physio tomorrow, can't we",
    "so i am round the bottom of the garden with my back",
    "i throw off the bed covers at night because my back is hot",
    # The round-15 review's sentences: each raised an emergency before the folds were narrowed.
    "the pain hasn't peaked since yesterday, so it's getting better",
    "my back pain has never peaked for hours like this before",
    "i've had reaction issues before so i can't take codeine",
    "i got a reaction problem from this heat patch",
    "i have had problems getting a reaction out of my gp about my back",
    "i slipped a disc and i can't get out",
    "i can't get out, i slipped a disc",
    "my mum fell last week and i can not get out and help her",
    "i went down with flu and i can not get out",
    "should i wear my jeans or what, i don't know",
    "the customers haven't paid all day and my back is killing me",
    "i have not paid since this morning and i need to sort the bills",
    "and i am round the bottom step now",
    "we are busy and i am where you sit when you come in",
    "i am, during sex, a bit nervous because of my back",
    "i feel and i am down there tonight",
    "so i had to go on both sides to sleep",
    "the drill is broken and tool keeps coming out of the chuck",
    "throw down the ladder and help me",
    "throw down the stairs my dressing gown please",
    "my lower back burns when i weave",
    "my shoulder burns when i weave at the loom",
    "the garden has not weeds since we paved it",
    "not missing both legs of the relay, my back is fine",
    "and flex collapsing under the weight of the boxes",
    "so flatter is gone the road",
    "i may be too old and fell for it",
    "i can't, we can't get to the doctor until monday",
    "i could not get out, i fell behind at work",
]


def test_round15_heard_folds_leave_ordinary_talk_calm() -> None:
    assert not raised(CALM, Tier.SAME_DAY)
