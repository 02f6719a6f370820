"""Round 10's classes of recogniser slips (heard_classes.py), one test per class.

Each class was found where the round-10 heard copies lost a red flag to nothing; the phrasings
here are written for the test in other words. A slip read back must reach the red flag, and
the everyday sentence that holds the same heard words must keep its meaning.
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.safety.triage import Tier
from back_relief.text import normalise

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import tier


def test_an_erection_heard_as_a_direction_is_read_where_a_direction_makes_no_sense() -> None:
    heard = [
        "ever since the disc went he cant keep a direction",  # "an erection" run together
        "ive had direction problems since the fall off the ladder",
        "theres been no directions at all since my back surgery",
    ]
    assert [t for t in heard if tier(t) != Tier.EMERGENCY] == []
    ways = [
        "which direction should i roll to get up",
        "the physio said stretch in the direction that eases it",
        "i followed the directions on the heat patch box",
        "can you give me directions to the nearest chemist",
        "i lost all sense of direction in life after the injury",
    ]
    assert [t for t in ways if "erection" in normalise(t)] == []


def test_legs_that_give_away_are_legs_giving_way_and_things_given_away_stay_given() -> None:
    assert tier("both my legs just gave away going down the hall") == Tier.EMERGENCY
    said = normalise("his knees keep giving away under him")
    assert said == "his knees keep giving way under him"
    for said in (
        "we gave away the old recliner because it hurt my back",
        "they give away free samples of the gel at the pharmacy",
        "my legs are fine i just gave away my gym membership",
    ):
        assert "give way" not in normalise(said) and "gave way" not in normalise(said)
        assert tier(said) != Tier.EMERGENCY


def test_numb_heard_as_now_i_am_before_a_body_place() -> None:
    assert normalise("now im groin and bum") == "numb groin and bum"
    assert tier("now i am around my bottom and my back is killing me") == Tier.EMERGENCY
    for said in (
        "now i am on my back with my knees up",
        "now i am in bed and it eases off a bit",
        "now im up and walking a bit",
    ):
        assert normalise(said).startswith("now i am")


def test_bleeding_heard_as_leading_before_how_much() -> None:
    assert tier("im thirty weeks pregnant and leading heavily") == Tier.EMERGENCY
    for said in (
        "the path leading down to the garden is steep",
        "she is leading a lot of the exercises at the class",
        "the stretch leading into the next one hurts",
    ):
        assert "bleeding" not in normalise(said)


def test_numbness_heard_as_now_messing_before_where_it_is() -> None:
    assert tier("now messing down the inside of both thighs") == Tier.EMERGENCY
    assert normalise("theres now mess in my saddle") == "there is numbness in my saddle"
    for said in (
        "no messing about just tell me what to do",
        "no mess in my legs",  # perhaps "no numbness": never read as a sign
        "now messing with the heat pack is all i can do",
    ):
        assert "numbness" not in normalise(said)


def test_a_wee_heard_as_we_where_a_verb_must_stand() -> None:
    assert tier("the gp wanted to know if he could we and he can not") == Tier.EMERGENCY
    assert normalise("i can not we at all") == "i can not wee at all"
    for said in ("i can not we tried everything", "why can not we just stretch it out"):
        assert "wee" not in normalise(said).split()


def test_feel_heard_as_fill_before_a_body_place() -> None:
    assert tier("i can not fill my bum or my private parts") == Tier.EMERGENCY
    assert "fill" in normalise("can you fill my hot water bottle").split()


def test_chest_heard_as_jess_before_pain() -> None:
    assert tier("i have jess pain with the back pain") == Tier.EMERGENCY
    assert normalise("jess is helping me up") == "jess is helping me up"


def test_the_ute_heard_as_youth_where_a_vehicle_is_rolled_or_fallen_from() -> None:
    assert tier("he fell off the back of the youth onto the road") == Tier.EMERGENCY
    assert normalise("i was a keen surfer in my youth") == "i was a keen surfer in my youth"


def test_a_leg_sound_alike_after_both_the_or_can_not_move_my() -> None:
    # Indian and Irish English say "both the legs"; the place is read only after a state.
    assert tier("there is tingling in both the lights") == Tier.EMERGENCY
    assert normalise("i can not lift my light at all") == "i can not lift my leg at all"
    for said in (
        "both the lights are off in the hall",
        "i can not move my life forward with this back",
        "i can not move my car out of the drive",
    ):
        assert "leg" not in normalise(said) and "legs" not in normalise(said)


def test_a_baby_due_heard_as_do_before_when() -> None:
    assert tier("the babies do in august and i am bleeding a lot") == Tier.EMERGENCY
    assert normalise("she is do next week") == "she is due next week"
    for said in ("babies do wake you at night", "what do i do in the morning when it is stiff"):
        assert "due" not in normalise(said).split()


def test_an_answer_no_before_a_clause_with_its_own_not_is_the_answer_not_a_denial() -> None:
    # "Nope, can't move my legs", the comma lost or "nope" heard as "no".
    assert tier("no cant move either of my legs now") == Tier.EMERGENCY
    assert tier("nah, could not feel the toilet paper when i wiped") == Tier.EMERGENCY
    for said in ("no is not numb anywhere", "no do not worry my legs are fine", "no numbness"):
        assert tier(said) != Tier.EMERGENCY


def test_a_wee_heard_as_weak_that_comes_out() -> None:
    assert tier("every time i laugh a bit of weak comes out") == Tier.EMERGENCY
    assert "wee" not in normalise("the weak feeling comes and goes").split()


def test_a_decade_heard_as_its_number_and_a_loose_s_is_still_long_ago() -> None:
    said = "my uncle came off a motorbike in the seventy s and hurt his back"
    assert normalise(said) == "my uncle came off a motorbike in the seventies and hurt his back"
    assert tier(said) != Tier.EMERGENCY
    assert (
        normalise("i am eighty and fell down the stairs") == "i am eighty and fell down the stairs"
    )


def test_short_of_breath_heard_as_sure_to_breath_keeps_its_not() -> None:
    assert tier("i am not sure to breath at all it is only my back") != Tier.EMERGENCY
    assert tier("suddenly i am sure of breath and my back is killing me") == Tier.EMERGENCY


def test_nope_is_never_read_as_a_denial_of_what_follows() -> None:
    # An interjection before a report, not an answer denying it (review, round 10).
    assert tier("i thought it was getting better but nope cant feel my legs") == Tier.EMERGENCY
    assert tier("nope wet myself") == Tier.EMERGENCY
    assert tier("nope can not feel anything around my bottom") == Tier.EMERGENCY


def test_waiting_is_never_read_as_a_wee() -> None:
    # "I can't wait all day" is everyday speech; a wee heard as "wait" is read only where
    # nothing comes (test above), never from a time said after it.
    for said in ("i can not wait all day for the doctor", "i could not wait today so i went out"):
        assert "wee" not in normalise(said).split() and tier(said) != Tier.EMERGENCY
    assert tier("there are no messes in my legs") != Tier.EMERGENCY
