"""Round 16's classes of asking (answers_dev16), each in our own sentences beside a look-alike
that must keep its topic: a need (how long, how many, how often) said of a treatment that had
no needs of its own (physio, a chiropractor, acupuncture, TENS, a stretch, the roller) as that
treatment, never doses or an ice or heat timing; someone else's advice ("my uncle always says",
"the nurse said two weeks, is that right", "is she right") read for what was said, not for who
said it; a tag or negative question of seriousness ("it isn't anything bad, is it"); someone
else's thing that is not a medicine (a belt lent) as its own topic; a sleeper, a
big ball sat on, a laptop; a one-way "switch to heat" as ice or heat, both ways as contrast;
harm to oneself thought of as crisis whatever the story, never denied ("i am not thinking about
hurting myself") nor with how an accident would happen ("hurting myself lifting"); and
recogniser slips of treatment words heard by three or more writers ("cairo", "fizzil",
"macros", "tenth machine", "the frozen piece" for peas, never "a piece of"). The matcher as
the skill ships it (the learnt ranker's second opinion included)."""

from __future__ import annotations

import pytest
from back_relief.content import loader
from back_relief.content.matcher import AnswerMatcher


@pytest.fixture(scope="module")
def matcher() -> AnswerMatcher:
    return loader.load(loader.DEFAULT_LOCALE).matcher


# "a|b": either answer is right; the case holds that the look-alike is neither of the class's.
CASES: list[tuple[str, str]] = [
    # A need said of a treatment is that treatment; the same need of a medicine is a dose.
    ("how many physio sessions will it take", "physio"),
    ("how many times should i go to the chiropractor", "chiropractor"),
    ("how long can i use the tens machine for", "tens"),
    ("how many minutes on the foam roller is enough", "foam_roller"),
    ("how many stretches should i do a day", "stretches"),
    ("how many tablets will it take", "doses"),
    ("how long should i keep the ice on", "ice_duration"),
    # Someone else's advice: what they said, not who said it.
    ("my doctor said it could take six weeks is that normal", "how_long_lasts"),
    ("my flatmate told me to just take ibuprofen is that ok", "painkillers"),
    ("my grandad always says you should never walk with a bad back is he right", "walking"),
    ("my sister reckons you should stay in bed for a week with this is that true", "bed_rest"),
    ("my doctor said to rest for a couple of days is that right", "bed_rest|rest_or_move"),
    # ... any word of telling, then any time (needs.py _TOLD_BY, _TOLD_TIME).
    ("my osteopath said nine weeks is that normal", "how_long_lasts"),
    ("my doctor reckons 3 weeks is that normal", "how_long_lasts"),
    ("the nurse told me eleven days is that normal", "how_long_lasts"),
    # A tag or negative question of seriousness; a doctor asked about stays a doctor.
    ("it's nothing serious is it", "is_it_serious"),
    ("it isn't anything bad is it", "is_it_serious"),
    ("isn't it supposed to get better on its own", "how_long_lasts"),
    # Another body part said as well is still the back's question (round 16's "also/too" rule
    # was taken back after review: it sent "my back hurts and my knee hurts too, can I use ice"
    # out of scope).
    ("my back is in bits and my shoulder also hurts what helps", "relief_overview"),
    ("my back went and my hip aches too how long will it last", "how_long_lasts"),
    ("how long should i ice my back", "ice_duration"),
    ("is it too early to use heat", "heat_early"),
    # Someone else's thing that is not a medicine; their medicine stays someone else's.
    ("my friend gave me her back support belt should i use it", "back_brace"),
    ("my husband gave me some of his tablets can i take them", "someone_elses_medicine"),
    # A sleeper, a big ball sat on, a laptop.
    ("i'm a stomach sleeper does that matter", "sleep_position"),
    ("my physio gave me a gym ball to sit on is that good", "sitting"),
    ("should i sit on a swiss ball at my desk", "sitting"),
    ("is a stability ball workout ok for my back", "exercise"),
    ("is a foam roller good for my back", "foam_roller"),
    ("i'm on my laptop all day could that be it", "sitting|posture"),
    # One way is which one; both ways is contrast.
    ("what if ice doesn't help should i switch to heat", "ice_or_heat"),
    ("does switching hot and cold help", "contrast"),
    # Not moving over a weekend; an occasion at work.
    ("what if i just don't move at all this weekend", "rest_or_move"),
    ("i've got a big presentation tomorrow can i still go in", "work"),
    # Harm to oneself thought of is crisis, whatever the story; an accident is not.
    ("i'm lying in bed thinking about hurting myself", "crisis"),
    ("i hurt myself lifting a box yesterday what should i do", "lifting|relief_overview"),
    ("i had an urge to harm myself earlier the pain is relentless", "crisis"),
    ("i have been having thoughts about hurting myself", "crisis"),
    # ... but never when denied, nor with the way an accident would happen.
    ("i do not want to hurt myself when i do the stretches", "stretches"),
    ("i am not thinking about hurting myself i just want it to ease", "relief_overview"),
    ("i keep thinking of hurting myself carrying the shopping how should i carry it", "lifting"),
    # Recogniser slips of treatment words, heard in three or more writers' copies.
    ("would a cairo be able to sort it", "chiropractor"),
    ("should i book a fizzil", "physio"),
    ("is my macros too soft", "mattress"),
    ("should i try my tenth machine", "tens"),
    ("the frozen piece have been on half an hour is that too long", "ice_duration"),
    ("any piece of advice for my back", "relief_overview"),
]


@pytest.mark.parametrize(("question", "topic"), CASES)
def test_round16_classes_reach_their_topic(
    matcher: AnswerMatcher, question: str, topic: str
) -> None:
    assert matcher.match(question) in topic.split("|")
