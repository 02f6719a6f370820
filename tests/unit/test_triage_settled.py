"""Round 11 (precision11): benign speech full of red-flag words does not raise an emergency,
and the same shapes carrying a sign now still do.

triage_dev5_precision11.tsv was written before any change (224 benign look-alikes: past and
resolved events, other people's history, questions and hypotheticals, films, work and jokes,
negation as a recogniser writes it, self-corrections, rambles; 124 red flags in the same shapes).
Untuned: benign alarms 62/224, E 113/124. Each test below pairs a benign framing with the
report it must not swallow; its words are not the development rows'.
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.safety.triage import Tier

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import tier
from triage_dev2 import DATA, rows


def _alarmed(texts: list[str]) -> list[str]:
    return [text for text in texts if tier(text) == Tier.EMERGENCY]


def _missed(texts: list[str]) -> list[str]:
    return [text for text in texts if tier(text) != Tier.EMERGENCY]


def test_development_set_figures() -> None:
    found = [
        (kind, text, tier(text))
        for kind, _, text in rows(DATA / "triage_dev5_precision11.tsv", "utterance")
    ]
    alarms = [text for kind, text, got in found if kind == "N" and got == Tier.EMERGENCY]
    reds = [text for kind, text, got in found if kind == "E" and got < Tier.EMERGENCY]
    assert len(alarms) <= 8, alarms  # 62/224 untuned
    assert len(reds) <= 11, reds  # 113/124 untuned: no red flag lost


def test_a_self_correction_takes_the_sign_back_but_not_one_that_confirms_it() -> None:
    assert (
        _alarmed(
            [
                "my bladder's gone, no wait, sorry, i'm thinking of my mum's",
                "both my feet are numb, i mean, they were cold, they're okay now",
                "i came off the bike, well no, i nearly came off it",
                "i can't get off the floor, hold on, i can, slowly",
            ]
        )
        == []
    )
    assert (
        _missed(
            [
                "my bladder's gone, no wait, it's worse, i can't hold anything",
                "both my feet are numb, i mean really numb, both legs too",
                "i can't get off the floor, hold on, no, i still can't",
                "i've wet myself, sorry, i'm so embarrassed",
            ]
        )
        == []
    )


def test_a_fear_explained_away_but_not_one_that_came_true() -> None:
    assert (
        _alarmed(
            [
                "i was convinced i'd pooed myself but it was only wind",
                "i thought my bum had gone numb but it was just the cold floor",
            ]
        )
        == []
    )
    assert (
        _missed(
            [
                "i thought my bum had gone numb from the floor but it's still numb an hour later",
                "i was convinced i'd pooed myself and i really have",
            ]
        )
        == []
    )


def test_a_past_sign_with_its_outcome_but_not_one_that_is_back() -> None:
    assert (
        _alarmed(
            [
                "my brother collapsed on a ski slope once, he's absolutely fine now",
                "i had pins and needles in both legs on a long drive, fine the next day",
                "my son lost feeling in his legs after a rugby tackle, he's at uni now and well",
                "my mate had bleeding when she was pregnant, she's had the baby and they're fine",
            ]
        )
        == []
    )
    assert (
        _missed(
            [
                "i had pins and needles in both legs on a long drive, fine the next day, and now "
                "they're back in both legs",
                "my brother collapsed this morning with a ripping pain in his back",
                "i had pins and needles in both legs last week and they're still there",
            ]
        )
        == []
    )


def test_an_old_event_stays_old_when_a_later_clause_is_only_about_the_back() -> None:
    assert (
        _alarmed(
            [
                "i got knocked off my motorbike in my twenties, this is just a twinge from digging",
                "i had numbness in both feet years ago, and today it's only my lower back",
            ]
        )
        == []
    )
    assert (
        _missed(
            [
                "i had numbness in both feet years ago, and today it's happening again",
                "i got knocked off my motorbike years ago and now both legs are numb",
            ]
        )
        == []
    )


def test_a_thing_or_a_baby_as_the_subject_is_not_a_sign() -> None:
    assert (
        _alarmed(
            [
                "the laptop fell down the stairs and i twisted grabbing for it",
                "the telly fell off the wall bracket while we were out",
                "i almost slipped off the kerb on the way to the bus",
                "both my legs are dead tired after the hike",
                "my newborn wet himself during the nappy change and i strained my back bending",
            ]
        )
        == []
    )
    assert (
        _missed(
            [
                "the shelf fell on me and my back is agony, i can't get up",
                "the stepladder collapsed under me and i can't move my legs",
                "both my legs are dead, tired of this",
                "i almost got up but then i slipped off the kerb and now i can't get up",
                "i fell down the stairs carrying the laptop and can't get up",
            ]
        )
        == []
    )


def test_a_feeling_not_felt_and_a_misheard_no_but_not_a_feeling_lost() -> None:
    assert (
        _alarmed(
            [
                "i can't feel any pins and needles in either leg",
                "know tingling in either leg",
                "i couldn't say i've lost control of my bowels",
                "it's not that i can't wee, it's just sore",
            ]
        )
        == []
    )
    assert (
        _missed(
            [
                "i can't feel my feet or my legs",
                "i can't feel my bum at all",
                "i can't say how numb my bum is, it's completely dead",
                "no i can't feel my legs",
            ]
        )
        == []
    )


def test_a_doubt_or_a_dread_is_not_a_report_but_a_surprise_and_a_refusal_are() -> None:
    assert (
        _alarmed(
            [
                "i don't think i've pooed myself",
                "the last thing i want is to lose control of my bladder",
                "i'm frightened my legs might give way on the stairs later",
                "if anyone can't feel their legs they should ring an ambulance, i was told",
            ]
        )
        == []
    )
    assert (
        _missed(
            [
                "i never thought i'd poo myself at forty",
                "i'm frightened because my legs will not move",
                "i'm worried i might have wet myself, it's all damp",
                "worried it will get worse, can't wee at all",
            ]
        )
        == []
    )


def test_a_denied_return_or_a_concession_takes_it_back_but_the_speaker_pointing_back_does_not() -> (
    None
):
    assert (
        _alarmed(
            [
                "the numbness in my feet wore off after a stretch and hasn't returned",
                "do i need to worry about wetting myself even though i haven't done it",
                "my old housemate had a bleed on the spine and needed an operation",
            ]
        )
        == []
    )
    assert (
        _missed(
            [
                "the numbness in my feet wore off but it's come back in both legs",
                "my old housemate lost the feeling in both legs and i've got it as well",
            ]
        )
        == []
    )


def test_a_denial_put_right_is_a_report_but_a_denial_kept_is_not() -> None:
    assert (
        _missed(
            [
                "no blood, oh wait, yes there is, loads, and i'm thirty weeks",
                "i haven't pooed myself, hang on, i have, just now",
                "my bum isn't numb, actually it is, totally dead",
            ]
        )
        == []
    )
    assert (
        _alarmed(
            [
                "no blood, oh wait, i'm fine, it's only discharge",
                "my bum isn't numb, actually it is fine, just achy",
            ]
        )
        == []
    )


def test_someone_close_in_the_past_is_history_but_told_now_is_a_report() -> None:
    assert (
        _alarmed(
            [
                "my grandad lost control of his bowels after his hip operation",
                "my mum couldn't feel her legs after the epidural with my brother",
            ]
        )
        == []
    )
    assert (
        _missed(
            [
                "my grandad has lost control of his bowels after his hip operation",
                "my mum couldn't feel her legs after her back surgery and she still can't",
                "my husband lost control of his bladder after his op, what do i do",
            ]
        )
        == []
    )


def test_a_child_laughing_after_a_fall_and_an_illness_got_over_are_fine() -> None:
    assert (
        _alarmed(
            [
                "my grandson came off the climbing frame and he's giggling",
                "my wife had a high fever and the shakes a fortnight ago, she's over it now",
            ]
        )
        == []
    )
    assert (
        _missed(
            [
                "my wife had a high fever and the shakes a fortnight ago, and it's back today",
                "my grandson came off the climbing frame and he can't move his legs",
            ]
        )
        == []
    )


def test_signs_listed_then_denied_are_not_reported_but_signs_owned_are() -> None:
    assert (
        _alarmed(
            ["i keep reading about things like not being able to wee, but i'm weeing normally"]
        )
        == []
    )
    assert _missed(["i've got stuff like not being able to wee, otherwise i'm fine"]) == []


def test_a_sign_played_down_or_confirmed_after_it_stays_a_report() -> None:
    # Review of this round's frames: distress, minimising and a fear come true keep the alarm,
    # and the speaker's own event (a wet bed, a fall) is not over because they feel fine now.
    assert (
        _missed(
            [
                "i've wet myself, no no no",
                "i pooed myself, i mean just the once",
                "i was scared i couldn't feel my bum but it's true",
                "i lost control of my bladder yesterday, i'm fine now",
                "my legs gave way, i mean i could barely stand",
                "it's not that i can't walk, it's that both my legs keep giving way",
                "of course both legs went numb on the way to the loo",
                "i've pooed myself, i mean i did it in bed",
                "i can't get up off the floor, i mean i could if someone helped me",
                "long story short, both legs went numb",
            ]
        )
        == []
    )
