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
