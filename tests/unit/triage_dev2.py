"""Figures for triage on the second development set, tests/unit/data/triage_dev2.tsv.

    .venv/bin/python tests/unit/triage_dev2.py            # as written
    .venv/bin/python tests/unit/triage_dev2.py --heard    # as heard (triage_dev2_heard.tsv)
    .venv/bin/python tests/unit/triage_dev2.py --mix      # as heard by other voices (see MIX)
    .venv/bin/python tests/unit/triage_dev2.py --fresh    # the check set written after tuning
    .venv/bin/python tests/unit/triage_dev2.py --third    # later check sets (--fourth too)
    .venv/bin/python tests/unit/triage_dev2.py -v         # also list every miss

The set was written for issue 12 (round 2) in a style unlike triage_dev.txt: regional words from
the five locales, fillers, rambling sentences, questions that describe a symptom, and benign
look-alikes. The "heard" copy is the same rows passed through ../shared/asr (piper voice, noise,
Whisper tiny.en). It is a development set, NOT the held-out evaluation (tests/heldout/).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1] / "lambda")]

from back_relief.safety.triage import Tier, assess, clarify  # noqa: E402
from triage_dev import NAMES, WANT, Figures, report, rules  # noqa: E402

DATA = Path(__file__).with_name("data")
WRITTEN, HEARD = DATA / "triage_dev2.tsv", DATA / "triage_dev2_heard.tsv"
# Written after the first round of changes and measured before any tuning on it: an estimate of
# how the rules generalise beyond the set they were tuned on.
FRESH = DATA / "triage_dev2_fresh.tsv"
# A third set, written at the end of round 2 and measured untuned (E 20/26, U 10/13, benign
# alarms 2/20) before its misses were generalised: how far the rules carry to new words.
THIRD = DATA / "triage_dev2_third.tsv"
FOURTH = DATA / "triage_dev2_fourth.tsv"  # the same again after that: E 17/24, U 6/13, benign 2/20
# A second heard copy (asr4), with different settings from HEARD so the speech-recognition folds
# in text.py are not tuned to one channel: a 300-row sample (every E and U row, some N, D, C),
# `asr_noise.py --tts mix --asr whisper --noise --seed 7`: piper, flite and festival voices, noise,
# 13% WER. Before the asr4 folds: E 102/137 (74%), U 62/86, D 8/14, benign alarms 0/55; the
# folds were generalised from its misses (test_text_heard.py holds the figures).
MIX = DATA / "triage_dev2_heard_mix.tsv"


def rows(path: Path, column: str) -> list[tuple[str, str, str]]:
    """(kind, tier id, text): kind E/U/D/C/N as in triage_dev.txt."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [(r["kind"], r["id"], r[column]) for r in csv.DictReader(fh, delimiter="\t")]


def measure(path: Path, column: str) -> Figures:
    found_rules = rules()
    figures = Figures()
    for kind, tier_id, text in rows(path, column):
        finding = assess(found_rules, [text])
        tier = finding.tier if finding else Tier.NONE
        asks = clarify(found_rules, [text]) if finding is None else None
        if kind in WANT:
            ok = tier >= WANT[kind]
        elif kind == "C":
            ok = tier == Tier.EMERGENCY or asks is not None
        else:  # benign: an emergency is a false alarm
            ok = tier == Tier.EMERGENCY
        figures.total[kind] = figures.total.get(kind, 0) + 1
        figures.hit[kind] = figures.hit.get(kind, 0) + ok
        if ok == (kind == "N"):
            got = f"{finding.trigger if finding else '-'}{' ?' + asks if asks else ''}"
            figures.misses.setdefault(kind, []).append(f"{tier_id:4} {got:6} {text}")
    return figures


if __name__ == "__main__":
    heard = "--heard" in sys.argv or "--mix" in sys.argv
    sets = {"--fresh": FRESH, "--third": THIRD, "--fourth": FOURTH}
    path = next((p for flag, p in sets.items() if flag in sys.argv), WRITTEN)
    if "--mix" in sys.argv:
        path = MIX
    elif heard:
        path = path.with_name(path.stem + "_heard.tsv")
    got = measure(path, "heard" if heard else "utterance")
    report(got, NAMES)
