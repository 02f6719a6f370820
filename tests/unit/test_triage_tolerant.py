"""The tolerant second reading (safety/tolerant.py): a red flag heard with one word wrong, or
with its "n't" lost, gets the sign's yes/no question; ordinary speech gets none, and no
tolerant reading ever gives the emergency answer by itself."""

from __future__ import annotations

import tomllib
from pathlib import Path

from back_relief.safety.triage import TriageRules, assess, clarify

TRIAGE_TOML = Path(__file__).resolve().parents[2] / "lambda/back_relief/content/en/triage.toml"
with TRIAGE_TOML.open("rb") as _fh:
    RULES = TriageRules.from_data(tomllib.load(_fh))


def asked(texts: list[str]) -> dict[str, str | None]:
    """What each text gets from the rules' readings when nothing fires: the question's trigger
    id, or None. The learnt second opinion after them is test_flagger.py's to judge (it asks
    "i have not been for a week" about the bladder, which these readings must not)."""
    return {t: None if assess(RULES, [t]) else clarify(RULES, [t], learnt=False) for t in texts}


def test_a_red_flag_heard_with_one_word_wrong_gets_its_question() -> None:
    # Sound-alikes a recogniser writes for the one listened-for word of a red-flag phrase
    # ("bowels" as "bales", "peed" as "puked"/"paid"), the rest of the phrase heard right.
    # ("bells" was the example here until round 14 read it as bowels where controlled, and
    # "peaked" until round 15 read it as peed not done since this morning: heard_classes.py,
    # test_triage_round14.py RECURRING, test_triage_round15.py RECURRING.)
    heard = {
        "she cant control her bales since the fall": "E3",
        "i puked in the bed and didnt feel it": "E1",
        "i think i paid a bit and never felt it happen": "E1",
        # The changed word inside one concept's own phrase ("not been for a wee since"):
        "she has not been for a week since lunch": "E2",
        "i have not peeked since this morning": "E2",
    }
    assert asked(list(heard)) == heard


def test_a_lost_nt_on_an_unprompted_ability_gets_the_question() -> None:
    # "can't" heard as "can": an unprompted "i can feel my feet" is far likelier a lost "n't"
    # than news that all is well; anyone who says so "still", "fine" or "but" is left alone.
    heard = {
        "i can feel my feet": "E6",
        "dad can hold his water since the fall": "E1",
        "mum could feel her legs this morning": "E6",
    }
    assert asked(list(heard)) == heard
    settled = [
        "i can still feel my legs",
        "i can feel my legs fine",
        "i can move my legs and feel my feet",
        "i can walk but it hurts",
        "yes i can feel it when i wipe",
        "you can feel the knot in my back",
        "can i move my legs while the ice is on",
        "i can feel the ice working",
        "i can hold the phone fine",
    ]
    assert [t for t, q in asked(settled).items() if q] == []


def test_ordinary_speech_near_a_concept_word_asks_nothing() -> None:
    # One changed word may only complete a red-flag phrase the words already half-say:
    # a hot water bottle is not a bottom, peas on the back are not pees, a bill is not a bowel.
    calm = [
        "i paid for a physio session",
        "the hot water bottle is on my back",
        "i am lying on the floor with a bag of peas under me",
        "i had pea and ham soup for lunch",
        "the church bells were loud this morning",
        "i am sitting on the toilet waiting for the pain to ease",
        "the bathroom is a long way from the bedroom",
        "i fell asleep on the sofa and woke up with a stiff back",
        "should i get a deep tissue massage",
        "i have not been for a week, i was away",
        "we have not been for a walk since the weekend",
        "ring my daughter for me",
        "i was pulling weeds for hours and now i do not know whether to ice it",
        "there is a pain running into my bum",
    ]
    assert [t for t, q in asked(calm).items() if q] == []


def test_a_tolerant_reading_never_gives_the_emergency_answer() -> None:
    for text in ["she cant control her bales since the fall", "i can feel my feet"]:
        assert assess(RULES, [text]) is None
