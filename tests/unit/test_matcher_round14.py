"""Round 14's classes of asking (answers_dev14), each in our own sentences beside a look-alike
that must keep its topic: a walk-in clinic or urgent care as a doctor's visit, something written
down for later, death wished for said of anyone, days said with "still this sore", one's own
medicine for someone else, an operation said as an "op", one's own past cancer, "all in my head",
"is it because", the skill's company or a boss finding out, one medicine weighed against something
that is not a medicine, a need said far from its thing, and "pilates" as a recogniser writes it.
The matcher as the skill ships it (the learnt ranker's second opinion included)."""

from __future__ import annotations

import pytest
from back_relief.content import loader
from back_relief.content.matcher import AnswerMatcher


@pytest.fixture(scope="module")
def matcher() -> AnswerMatcher:
    return loader.load(loader.DEFAULT_LOCALE).matcher


CASES: list[tuple[str, str]] = [
    # A walk-in clinic or urgent care is a doctor's visit; A&E is the warning signs.
    ("should i go to urgent care with this", "when_see_doctor"),
    ("when should i go to the walk-in centre", "when_see_doctor"),
    ("when do i go to a&e", "warning_signs"),
    # Written down for later ("note" is not "not"); a pain not going down the leg is the leg.
    ("please note that down", "track_symptoms"),
    ("could you jot it down so i remember", "track_symptoms"),
    ("the pain isn't going down my leg", "leg_pain"),
    # Death wished for, the speaker's or someone named; "rather be" anything else is not.
    ("my dad keeps saying he'd be better off dead", "crisis"),
    ("she said everyone would be better off without her", "crisis"),
    ("i'm better off resting, aren't i", "rest_or_move"),
    # ... and said without "dead" (the review found these missed in both trees).
    ("i just don't want to be alive with this pain", "crisis"),
    ("i'd rather die than keep feeling this", "crisis"),
    ("i'd rather not wake up tomorrow", "crisis"),
    # Days gone and still this sore: how long it lasts; a week and still hurting: a doctor.
    ("five days on and it's still this sore, is that normal", "how_long_lasts"),
    ("it's been a week and it still hurts, should i see a doctor", "when_see_doctor"),
    # One's own medicine for someone else; one's own tablets taken oneself are pain relief.
    ("can i give her some of my tablets", "someone_elses_medicine"),
    ("can she have some of my muscle relaxers", "someone_elses_medicine"),
    ("can i take my tablets with food", "painkillers"),
    # An operation said as an "op" is after surgery; a sore knee alone is not the back.
    ("two months since my knee op and my lower back aches", "surgery"),
    ("my knee hurts", "out_of_scope"),
    # One's own cancer in the past; whether this pain is cancer is what it might be.
    ("my cancer was treated years ago, could this be related", "cancer_history"),
    ("could this back pain be cancer", "diagnosis"),
    # "All in my head" is the mind's part in pain; a headache is not the back.
    ("is the pain just in my mind", "stress"),
    ("i've got a headache", "out_of_scope"),
    # "Is it because ..." asks a cause; a habit named alone is still its own topic.
    ("is it because i slept on the sofa last night", "causes"),
    ("is it because of the cold weather", "causes"),
    # The skill's company or a boss finding out is privacy; telling the boss is work.
    ("will my employer find out", "privacy"),
    ("does google hear all this", "privacy"),
    ("can i tell my boss i need time off", "work"),
    # The review: telling the boss is work, an all clear from the physio is exercise, not cancer.
    ("should i tell my boss i have got back pain", "work"),
    ("the physio gave me the all clear, can i run again", "exercise"),
    # One medicine against something that is not one: that thing's topic; two medicines: R9.
    ("is a bath better than ibuprofen", "warm_bath"),
    ("would physio be better than painkillers", "physio"),
    ("is walking better than taking tablets", "walking"),
    ("is ibuprofen better than paracetamol", "medicine_choice"),
    # A need said far from its thing; a bare "how long" about healing is how long it lasts.
    (
        "i've got a wheat bag tucked in my waistband at work, how long is that okay for",
        "heat_duration",
    ),
    ("how long will it take to heal", "how_long_lasts"),
    # A supplement and tablets a few words apart are the supplement.
    ("i've heard good things about magnesium for cramps, should i try the tablets", "supplements"),
    # ... also when the story names it and the closing question the tablets.
    ("my friend swears potassium sorts spasms out, should i take tablets", "supplements"),
    ("my back went yesterday, should i take tablets", "painkillers"),
    # "Pilates" as a recogniser writes it.
    ("can i still go to pillates tonight", "exercise"),
]


@pytest.mark.parametrize(("question", "topic"), CASES)
def test_round14_classes_reach_their_topic(
    matcher: AnswerMatcher, question: str, topic: str
) -> None:
    assert matcher.match(question) == topic


def test_written_down_runs_keep_note_whole() -> None:
    # "note" is not "not": the runs "note down", "keep a note" are keyed on the word as said.
    from back_relief.content.matcher import _tokens

    assert _tokens("note down my pain") == ("track", "my", "pain")
