"""Round 13's classes of asking (answers_dev13), each in our own sentences beside a look-alike
that must keep its topic: one medicine weighed against another, a supplement taken as tablets,
another person's medicine, "will it still be this bad" ahead of time, moving said against lying
still, heavy outdoor loads, not wanting it again, time off work, which signs mean emergency care,
and the question after a plan put aside ("but for now"). The matcher as the skill ships it (the
learnt ranker's second opinion included)."""

from __future__ import annotations

import pytest
from back_relief.content import loader
from back_relief.content.matcher import AnswerMatcher


@pytest.fixture(scope="module")
def matcher() -> AnswerMatcher:
    return loader.load(loader.DEFAULT_LOCALE).matcher


CASES: list[tuple[str, str]] = [
    # A choice between medicines (R9): compared, chosen instead, which to buy ...
    ("would naproxen work better than aspirin for this", "medicine_choice"),
    ("nurofen or panadol, which one should i go for", "medicine_choice"),
    ("paracetamol upsets me, what could i have instead", "medicine_choice"),
    ("not sure which tablets to buy at the pharmacy", "medicine_choice"),
    # ... while whether to take one, and which everyday one now, stay pain relief (T20).
    ("can i have some paracetamol for it", "painkillers"),
    ("what painkiller should i take", "painkillers"),
    ("is heat better than ice for this", "ice_or_heat"),
    ("can i try ice instead", "ice_or_heat"),
    # A supplement named with tablets or capsules is the supplement, not a painkiller.
    ("are magnesium tablets worth a try", "supplements"),
    ("would vitamin capsules help my back", "supplements"),
    ("do ibuprofen tablets help a back spasm", "painkillers"),
    # Another person's medicine, said with his or her.
    ("my brother handed me one of his muscle pills, can i take it", "someone_elses_medicine"),
    ("can i take one of my own painkillers", "painkillers"),
    # Ahead of time: "will it still be this bad next week" is how long it lasts; a week gone
    # and still sore is when to see a doctor.
    ("is it still going to be this stiff next week", "how_long_lasts"),
    ("will my back still be this sore next week", "how_long_lasts"),
    ("it has been sore for a week and it's not getting better", "when_see_doctor"),
    # Moving said against lying still is rest or move; staying in bed for days is bed rest.
    ("should i lie on the sofa or get up and move about", "rest_or_move"),
    ("do i lie down and not move at all", "rest_or_move"),
    ("should i stay in bed for a couple of days", "bed_rest"),
    # Heavy outdoor loads are lifting; water to drink is not.
    ("is it ok to shovel snow today", "lifting"),
    ("can i carry a full bucket to the garden", "lifting"),
    ("should i drink more water", "hydration"),
    # Not wanting it again is prevention; why it keeps happening is its causes.
    ("how do i make sure i never go through this again", "prevention"),
    ("why does my back keep going into spasm", "causes"),
    # Leave from work said as leave, days off or being off sick is work, not "take" a tablet.
    ("do i need to take leave from my job", "work"),
    ("should i take a tablet before work", "painkillers"),
    # "What would mean" asks which signs; "call an ambulance" is still a request.
    ("what would mean i have to phone an ambulance", "warning_signs"),
    ("call an ambulance for me", "call_for_me"),
    # A plan said first ("I'll see my GP on Friday, but for now ..."): the question after it.
    ("i'm seeing my gp on friday but for now should i use ice", "ice_or_heat"),
    ("i saw my gp on friday and she said to come back if it's not better", "when_see_doctor"),
]


@pytest.mark.parametrize(("question", "topic"), CASES)
def test_round13_classes_reach_their_topic(
    matcher: AnswerMatcher, question: str, topic: str
) -> None:
    assert matcher.match(question) == topic
