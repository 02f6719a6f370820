"""The words the skill listens for, as a recogniser writes them (heard_words.py, round 5).

The table is learnt at `make model` from the vocabulary sweep (tests/unit/heard_sweep.py: every
listened-for word in short carrier sentences, through ../shared/asr). These tests hold what a
user would notice: a heard form reads as its word where its class allows, written text never
changes, and the sweep's words survive the recogniser far more often than before.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
from back_relief import text as text_module
from back_relief.heard_words import GATES, _phrasings, fold_heard_words
from back_relief.safety.triage import Tier, TriageRules, assess
from back_relief.soundalike import heard_forms
from back_relief.text import normalise

sys.path.insert(0, str(Path(__file__).parent))
import heard_sweep
import triage_dev

ROOT = Path(__file__).resolve().parents[2]


def test_a_heard_form_reads_as_its_word_after_its_gate_and_stays_itself_elsewhere() -> None:
    forms = heard_forms()
    assert len(forms) > 40  # the sweep really was learnt from
    gated = {f: (w, c) for f, (w, c) in forms.items() if all(x in GATES for x in c.split())}
    assert len(gated) > 10
    wrong = []
    for form, (word, classes) in gated.items():
        gate = sorted(GATES[classes.split()[0]])[0]
        said = ["okay", gate, *form.split(), "okay"]
        if fold_heard_words(said, forms) != ["okay", gate, *word.split(), "okay"]:
            wrong.append((form, "not read after", gate))
        # After a word of no gate a form keeps its own words: "a bomb went off".
        if fold_heard_words(["okay", *form.split()], forms) != ["okay", *form.split()]:
            wrong.append((form, "read with no gate"))
    assert wrong == []
    # End to end: a heard place word after "my" reaches the red flag its word raises.
    rules = triage_dev.rules()
    places = [(f, w) for f, (w, c) in gated.items() if "place" in c.split()]
    flagged = [(f, w) for f, w in places if _emergency(rules, f"i cant feel my {w} at all")]
    assert flagged
    missed = [f for f, w in flagged if not _emergency(rules, f"i cant feel my {f} at all")]
    assert missed == []


def _emergency(rules: TriageRules, text: str) -> bool:
    found = assess(rules, [text])
    return found is not None and found.tier == Tier.EMERGENCY


def test_written_phrasings_read_the_same_with_or_without_the_heard_forms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No phrasing people wrote for this skill (thousands, five locales) holds a heard form."""
    texts = _phrasings(ROOT)
    assert len(texts) > 3000
    folded = [normalise.__wrapped__(text) for text in texts]
    numbers = {f: v for f, v in heard_forms().items() if f.isdigit()}  # "call 911" as said
    monkeypatch.setattr(text_module, "heard_forms", lambda: numbers)
    changed = [
        (text, read)
        for text, read in zip(texts, folded, strict=True)
        if normalise.__wrapped__(text) != read
    ]
    assert changed == []


def _survival(column: str) -> dict[str, tuple[int, int]]:
    """Emergency-concept words of the sweep: (rows, rows whose word is there after normalise)."""
    out: dict[str, tuple[int, int]] = {}
    for path in heard_sweep.HEARD:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if "E" not in row["flags"]:
                    continue
                said, ok = out.get(row["cls"], (0, 0))
                found = f" {normalise(row['word'])} " in f" {normalise(row[column])} "
                out[row["cls"]] = (said + 1, ok + found)
    return out


# Everyday words the sweep heard for a listened-for word, read as it only in context
# (heard_body.py), in shapes the sweep did not use; and the same words meant as themselves.
HEARD_IN_CONTEXT = {
    "my growing has felt numb since lunch": "my groin has felt numb since lunch",
    "both legs went all tamely an hour ago": "both legs went all tingly an hour ago",
    "i wet me decks again": "i wet me dacks again",
    "been stuck on the dummy for an hour": "been stuck on the dunny for an hour",
    "im sweating and i feel climbing": "i am sweating and i feel clammy",
    "i took crossing at lunch": "i took crocin at lunch",
}
SAID_AS_THEMSELVES = [
    "i was climbing the stairs when my back went",
    "my spine is crooked",
    "the baby threw her dummy out of the cot",
    "i was crossing the road",
    "my growing belly makes my back ache",
    "i found a penny on the floor",
    "a bomb went off on the news",
    "call an ambulance on one hundred and two",
]


def test_everyday_words_heard_for_a_word_read_as_it_only_in_context() -> None:
    assert {said: normalise(said) for said in HEARD_IN_CONTEXT} == HEARD_IN_CONTEXT
    unchanged = [said for said in SAID_AS_THEMSELVES if normalise(said) != said]
    assert unchanged == []


def test_emergency_numbers_heard_as_numbers_read_as_said() -> None:
    assert normalise("should i call nine hundred ninety nine") == "should i call nine nine nine"
    assert normalise("ring 112 now") == "ring one one two now"
    # A temperature is a number, not an emergency number.
    assert normalise("my temperature is one hundred and two") == (
        "my temperature is one hundred and two"
    )


def test_the_sweeps_emergency_words_survive_the_recogniser_after_the_folds() -> None:
    """Of the emergency-concept words as heard, more reach triage in their own spelling than
    the recogniser left: the heard forms and the class folds read them back."""
    before = after = said = 0
    for path in heard_sweep.HEARD:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if "E" not in row["flags"]:
                    continue
                said += 1
                before += (
                    heard_sweep.heard_form(row["utterance"], row["heard"], row["word"]) is None
                )
                after += heard_sweep.survives(row["heard"], row["word"])
    # Measured: 851 rows, 71% as heard, 81% after the folds (main before round 5: 74%).
    assert said > 800
    assert after / said >= 0.80, (before / said, after / said)
    assert after - before >= 0.08 * said


def test_the_sweeps_red_flags_stay_red_flags_as_heard_and_nothing_else_becomes_one() -> None:
    """Measured: 424 of 498 (85%) as heard, 379 (76%) before round 5; 1 of 680 other
    sentences raised an emergency as heard, before and after."""
    written, heard, benign, alarms = heard_sweep.recall()
    assert written > 450
    assert heard / written >= 0.83
    assert alarms <= 0.005 * benign
