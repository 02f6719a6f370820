"""Same-day (U1-U13) and within-days (D1-D8) signs said as experience and circumstance.

triage_dev5_urgent5.tsv (round 5) says each of those tiers many ways, rarely with the
reference's words ("my trousers keep slipping down", "it gets me up at night", "i'm a nurse and
i can't do my shifts"), with benign look-alikes that share their words. Its probe set is a
figure only (triage_dev5.py --set urgent5_probe): written before tuning and measured untuned.
"""

from __future__ import annotations

import sys
from pathlib import Path

from back_relief.safety.triage import Tier

sys.path.insert(0, str(Path(__file__).parent))
from test_triage_concepts import tier
from triage_dev2 import DATA, rows

WANT = {"U": Tier.SAME_DAY, "D": Tier.WITHIN_DAYS}


def test_same_day_and_within_days_said_as_experience_reach_their_tier() -> None:
    got: dict[str, list[tuple[str, Tier]]] = {"U": [], "D": [], "N": []}
    for kind, _, text in rows(DATA / "triage_dev5_urgent5.tsv", "utterance"):
        if kind in got:
            got[kind].append((text, tier(text)))
    for kind, want in WANT.items():
        missed = [text for text, tier in got[kind] if tier < want]
        assert len(missed) <= 0.03 * len(got[kind]), missed
        # never raised past the emergency line by our own words: a U or D row the emergency
        # rules claim is theirs to settle, and stays rare
        raised = [text for text, tier in got[kind] if tier == Tier.EMERGENCY]
        assert len(raised) <= 0.03 * len(got[kind]), raised
    alarms = [text for text, tier in got["N"] if tier == Tier.EMERGENCY]
    assert len(alarms) <= 0.02 * len(got["N"]), alarms
    raised = [text for text, tier in got["N"] if tier > Tier.NONE]
    assert len(raised) <= 0.05 * len(got["N"]), raised


def test_ordinary_pain_statements_stay_untriaged() -> None:
    ordinary = [
        "it hurts when i bend",
        "my back is stiff after sitting",
        "it aches in the morning",
        "my lower back hurts a little",
        "how long does a back spasm usually last, it's day two",
        "i'm seventy and want some gentle stretches",
        "i'm pregnant, is it safe to use a heat pack",
        "i have a lump in my throat just thinking about it",
        "the ice pack is making me shiver",
        "my dog had an operation and i hurt my back lifting her",
        "i can't lift the shopping right now",
        "how many times should i do the stretch",
        "i get a tight chest when i am stressed",
    ]
    assert [text for text in ordinary if tier(text) != Tier.NONE] == []


def test_four_weak_tiers_said_as_people_say_them_reach_their_tier() -> None:
    """E5 (sexual function), U5 (worse on coughing, sneezing, straining), U13 (after a back
    operation) and U10 (steroids, weak immunity, injecting), the tiers weakest across the held-out
    sets' per-tier figures, in triage_dev5_triage6.tsv (round 5, written before any change)."""
    want = {"E": Tier.EMERGENCY, "U": Tier.SAME_DAY}
    got = [
        (kind, text, tier(text))
        for kind, _, text in rows(DATA / "triage_dev5_triage6.tsv", "utterance")
    ]
    missed = [text for kind, text, tier in got if kind in want and tier < want[kind]]
    assert len(missed) <= 0.03 * sum(kind in want for kind, _, _ in got), missed
    benign = [(text, tier) for kind, text, tier in got if kind == "N"]
    assert not [text for text, tier in benign if tier == Tier.EMERGENCY]
    assert len(benign) >= 30


def test_round_six_signs_said_as_experience_asked_or_for_someone_else() -> None:
    """triage_dev5_urgent7.tsv (round 6, written before any change; untuned U 88/105, D 56/64):
    same-day and within-days signs said as experience, inside a question or a story, by carers
    and in every locale's words. Its probe (urgent7_probe) is a figure only. The table below is
    what the set does not say: a question's inverted word order and a carer's pronouns."""
    got: dict[str, list[tuple[str, Tier]]] = {kind: [] for kind in ("U", "D", "N")}
    for kind, _, text in rows(DATA / "triage_dev5_urgent7.tsv", "utterance"):
        got[kind].append((text, tier(text)))
    for kind, want in WANT.items():
        missed = [text for text, found in got[kind] if found < want]
        assert len(missed) <= 0.03 * len(got[kind]), missed
    assert not [text for text, found in got["N"] if found == Tier.EMERGENCY]
    # three look-alikes are raised, not to an emergency: a fever asked about for a medicine, a
    # child's fever said beside back pain, and time off work asked about
    assert len([text for text, found in got["N"] if found > Tier.NONE]) <= 0.08 * len(got["N"])
    asked_or_carer = {
        "why will not it ease when i lie down": Tier.SAME_DAY,
        "is it normal for my pee to burn": Tier.SAME_DAY,
        "is it the prednisolone making my back hurt": Tier.SAME_DAY,
        "my dad had back surgery last month and his wound is red": Tier.SAME_DAY,
        "i'm three weeks out from spine surgery and it's worse": Tier.SAME_DAY,
        "my dad takes steroids every day for his lungs and his back is bad now": Tier.SAME_DAY,
        "my son has pain between his shoulder blades": Tier.SAME_DAY,
        "why isn't it better after a week": Tier.WITHIN_DAYS,
        "why has my back hurt for six weeks": Tier.WITHIN_DAYS,
        "is it normal for the pain to get worse": Tier.WITHIN_DAYS,
        "her pain goes down her leg": Tier.WITHIN_DAYS,
        "my mum is really worried about her back": Tier.WITHIN_DAYS,
    }
    assert {text: tier(text) for text in asked_or_carer} == asked_or_carer


def test_ordinary_look_alikes_of_round_six_words_stay_untriaged() -> None:
    """Words the round-6 classes hold, said about something ordinary."""
    ordinary = [
        "i've had a bad back for years and this is the usual",
        "i lost weight on purpose and feel great",
        "i'm worried i'm doing the stretches wrong",
        "i had a fever last month, now i'm fine",
        "my arms and legs ache like i've got the flu",
        "my kid has a temperature and i hurt my back carrying him",
        "i can feel a knot near my spine",
        "i'm boiling up under this blanket",
        "my dog had surgery and his leg is weak",
        "she is stressed about work",
        "it's worse today",
    ]
    assert [text for text in ordinary if tier(text) != Tier.NONE] == []
