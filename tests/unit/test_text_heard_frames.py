"""Round 11's classes of recogniser slips (heard_frames.py and text.py), one test per class.

Each class is a stable confusion found by aligning written and heard text over every heard
development copy (seen three times or more, from two writers or more). The phrasings here are
written for the test in other words. A slip read back must reach its sign, and the everyday
sentence that holds the same heard words must keep its meaning.
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.safety.triage import Tier
from back_relief.text import normalise

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import tier


def test_shivery_heard_as_chivalry_is_shivery() -> None:
    assert normalise("all chivalry and burning hot") == "all shivery and burning hot"
    assert tier("burning up chivalry and muddled and the back is unbearable") == Tier.EMERGENCY


def test_feel_heard_as_fill_before_a_felt_state_and_filling_a_bottle_stays() -> None:
    assert normalise("i fill really woozy when i stand") == "i feel really woozy when i stand"
    assert normalise("he fills so weak today") == "he feels so weak today"
    for said in (
        "can i fill a hot water bottle for it",
        "i need to fill in the form for work",
        "fill the sink with cold water",
    ):
        assert normalise(said).startswith(said.split()[0]) and "feel" not in normalise(said)


def test_fell_heard_as_fill_before_where_one_fell_from() -> None:
    assert normalise("dad fill off the shed roof") == "dad fell off the shed roof"
    assert tier("i fill down the cellar steps and i can not get up") == Tier.EMERGENCY
    for said in ("can you fill out the form for me", "i fill up the hot water bottle"):
        assert "fell" not in normalise(said)


def test_ice_heard_as_eyes_where_a_pack_is_put_and_eyes_stay_eyes() -> None:
    assert normalise("wrap the eyes pack in a tea towel") == "wrap the ice pack in a tea towel"
    for said in ("my eyes are watering from the pain", "the light hurts my eyes"):
        assert normalise(said) == said


def test_legs_getting_away_are_legs_giving_way_and_a_holiday_stays() -> None:
    assert tier("her knees just got away on the kerb") == Tier.EMERGENCY
    for said in (
        "we are getting away to the coast next week if my back lets me",
        "my legs are fine, i am getting away with it so far",
    ):
        assert "giving way" not in normalise(said)


def test_bowels_heard_as_bells_where_owned_or_controlled_and_alarm_bells_stay() -> None:
    assert (
        normalise("no say over his bells since the fall") == "no say over his bowels since the fall"
    )
    assert tier("i have lost control of my bells") == Tier.EMERGENCY
    for said in ("that rang alarm bells for me", "the church bells woke me up"):
        assert normalise(said) == said


def test_undies_heard_as_onions_where_wet_and_the_kitchen_stays() -> None:
    assert normalise("i wee in my onions") == "i wee in my undies"
    assert normalise("my onions were soaked when i woke") == "my undies were soaked when i woke"
    for said in ("i was chopping my onions when it went", "my onions are in the oven"):
        assert "undies" not in normalise(said)


def test_hurt_heard_as_heard_before_the_part_and_a_crack_heard_stays() -> None:
    assert normalise("she heard her neck at the gym") == "she hurt her neck at the gym"
    assert normalise("i heard my spine click") == "i heard my spine click"


def test_lying_heard_as_flying_and_a_fall_that_sent_me_flying_stays() -> None:
    assert normalise("flying flat helps a bit") == "lying flat helps a bit"
    for said in ("i went flying over the dog", "the bike sent me flying down the hill"):
        assert normalise(said) == said


def test_spasm_heard_as_specimen_and_a_urine_specimen_stays() -> None:
    assert normalise("another specimen just hit me") == "another spasm just hit me"
    assert normalise("the gp wants a urine specimen") == "the gp wants a urine specimen"


def test_an_erection_heard_as_interaction_said_as_a_trouble() -> None:
    assert tier("i have got an interaction problem since my disc went") == Tier.EMERGENCY
    assert tier("he has trouble with your action since the back injury") == Tier.EMERGENCY
    for said in (
        "is there a drug interaction with ibuprofen",
        "what action should i take for a spasm",
    ):
        assert "erection" not in normalise(said)


def test_a_lost_not_with_the_i_swallowed_too_and_a_question_keeps_its_can() -> None:
    # "i can't ... anymore" heard with the "i" and the "n't" both lost.
    assert tier("could feel my feet at all this morning") == Tier.EMERGENCY
    assert normalise("can hold my water anymore") == "can not hold my water anymore"
    for said in ("can i lie on my side at all", "can you say anything at all about ice"):
        assert "can not" not in normalise(said)


def test_joined_forms_of_give_way_and_i_cant_are_split() -> None:
    assert tier("his knees gaveway twice on the path") == Tier.EMERGENCY
    assert normalise("icant roll over") == "i can not roll over"
    assert normalise("that was a giveaway") == "that was a giveaway"


def test_a_wee_heard_as_week_or_weed_where_it_is_held_leaked_or_gone_for() -> None:
    assert tier("she says she can not hold her weed in since the spasm") == Tier.EMERGENCY
    assert normalise("he is leaking week through his trousers") == (
        "he is leaking wee through his trousers"
    )
    assert normalise("mum has not gone for a week all morning") == (
        "mum has not gone for a wee all morning"
    )
    for said in (
        "my legs can hold my weight fine",
        "i have been off work for a week since it started",
        "i went for a week to the coast",
    ):
        assert " wee " not in f" {normalise(said)} "


def test_went_heard_as_one_or_when_after_the_back() -> None:
    assert normalise("ever since his back one he feels nothing in bed") == (
        "ever since his back went he feels nothing in bed"
    )
    assert normalise("which disc is it, the back one?") == "which disc is it the back one"


def test_urine_heard_as_your_instance_or_during() -> None:
    assert normalise("he can not pass your instance lunch") == "he can not pass urine since lunch"
    assert normalise("during is dribbling out all day") == "urine is dribbling out all day"
    assert normalise("during the night the pain wakes me") == "during the night the pain wakes me"


def test_poo_heard_as_food_that_came_out_by_itself() -> None:
    assert normalise("my food came out in the bed and i never knew") == (
        "my poo came out in the bed and i never knew"
    )
    assert normalise("my food came out of the oven burnt") == "my food came out of the oven burnt"


def test_slipped_heard_as_slept_where_one_slips_and_a_night_on_the_floor_stays() -> None:
    assert (
        normalise("gran slept on the tiles and is sore") == "gran slipped on the tiles and is sore"
    )
    assert tier("i slept on the black ice and i can not get up") == Tier.EMERGENCY
    for said in ("i slept on the floor to ease it", "we slept in the car on the way"):
        assert normalise(said) == said


def test_legs_heard_as_lights_before_a_leg_state_and_room_lights_stay() -> None:
    assert normalise("both lights feel numb today") == "both legs feel numb today"
    assert normalise("the lights are weak in the hall") == "the lights are weak in the hall"


def test_pooped_heard_as_puked_where_no_vomit_fits_and_being_sick_stays() -> None:
    assert tier("grandad puked himself in the chair and his back is bad") == Tier.EMERGENCY
    assert normalise("she puked and never even noticed") == "she pooped and never even noticed"
    for said in ("i puked on the floor from the pain", "i puked and felt awful after"):
        assert "pooped" not in normalise(said)


def test_legs_getting_out_give_out_and_getting_out_of_bed_stays() -> None:
    assert normalise("his knees got out on the stairs") == "his knees giving out on the stairs"
    assert normalise("my legs ache getting out of the car") == "my legs ache getting out of the car"


def test_fell_heard_as_fill_on_the_back_and_wee_as_we_after_a_leak() -> None:
    assert normalise("the ladder fill on my back") == "the ladder fell on my back"
    assert normalise("leaking we on the sofa") == "leaking wee on the sofa"
    assert normalise("he can not pass your net all") == "he can not pass urine at all"


def test_the_back_heard_as_bat_at_the_end_and_a_cricket_bat_stays() -> None:
    assert normalise("sitting in traffic wrecks my bat") == "sitting in traffic wrecks my back"
    assert normalise("how do i loosen my bat muscles") == "how do i loosen my back muscles"
    for said in ("can i still play cricket with my bat", "i bought a new bat"):
        assert normalise(said) == said
