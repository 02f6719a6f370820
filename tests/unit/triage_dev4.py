"""Figures for triage on the fourth development set, tests/unit/data/triage_dev4.tsv.

    .venv/bin/python tests/unit/triage_dev4.py            # as written
    .venv/bin/python tests/unit/triage_dev4.py --heard    # as heard (triage_dev4_heard.tsv)
    .venv/bin/python tests/unit/triage_dev4.py --probe    # probes written later (--probe2 too)
    .venv/bin/python tests/unit/triage_dev4.py --all      # every earlier dev set too, one line each
    .venv/bin/python tests/unit/triage_dev4.py -v         # also list every miss

Written for issue 12 (round 4) before any change, in a style unlike the first three sets: red
flags said without their key word, by what the body does, what happened, what the speaker can no
longer do or what someone else noticed ("the toilet paper feels like nothing", "my knees
buckled"), every tier E1-E12, U1-U13, D1-D8, two-word blurts and long stories, plus benign
look-alikes (ice packs, negations, other people's falls, everyday "can't"). Measured untuned
first: see the commit message and the round-4 report. The heard copy went through ../shared/asr
(piper voice, noise, Whisper tiny.en, seed 0). It is a development set, NOT the held-out
evaluation (tests/heldout/).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from triage_dev import DEV, NAMES, Figures, report
from triage_dev import measure as measure_txt
from triage_dev2 import DATA, measure

WRITTEN, HEARD = DATA / "triage_dev4.tsv", DATA / "triage_dev4_heard.tsv"
# Written after the first class pass and measured untuned: E 84/100, U 30/30, D 14/15, benign
# alarms 5/61. Then probe2, each part measured untuned before its misses were generalised into
# classes: clinical and Indian-English words plus benign words that touch the new classes (ice
# packs, other people's falls, "it hit me like a truck"): E 64/70, benign alarms 8/113 (9/113
# before round 4); carers speaking of someone else and two-word blurts: E 45/55; questions and
# hedges ("is it bad that..."): E 43/50; same-day and within-days in plain words: U 41/44, D 21/23;
# benign words near the new classes (heat packs, sex, pregnancy, the loo): alarms 6/82 (5 before);
# five locales' slang ("wet me dacks", "fell from the two wheeler"): E 43/54, two rows then
# relabelled to the reference's tier (sudden worst pain alone is D4, bleeding in pregnancy
# U12); long stories of what the body did or someone noticed ("my knees keep folding"): E 20/35;
# more of them after that round: E 25/35; same-day and within-days stories: U 20/29, D 8/9;
# the body and what it can't do ("my legs feel made of wood"): E 22/34; benign words of
# someone on the floor: alarms 3/61 (the same 3 before round 4).
PROBES = {"--probe": DATA / "triage_dev4_probe.tsv", "--probe2": DATA / "triage_dev4_probe2.tsv"}


def every_set() -> dict[str, Figures]:
    """Each dev set's figures (written and heard copies that exist), newest first."""
    # Round 5: benign look-alikes (asked about, passed, an everyday cause) and the reports next
    # to them, written before any change: E 35/36, benign alarms 38/63 (test_triage_benign.py).
    # Its probe: three batches written after changes, each measured before its misses were
    # generalised (benign alarms 7/28, then 6/40 statements, then 7/25 with E 12/12).
    out = {"benign5": measure(DATA / "triage_benign5.tsv", "utterance")}
    out["benign5_probe"] = measure(DATA / "triage_benign5_probe.tsv", "utterance")
    out["dev4"] = measure(WRITTEN, "utterance")
    out |= {flag[2:]: measure(path, "utterance") for flag, path in PROBES.items()}
    if HEARD.exists():
        out["dev4 heard"] = measure(HEARD, "heard")
    for name in ("dev3", "dev3_probe", "dev2", "dev2_fresh", "dev2_third", "dev2_fourth"):
        path = DATA / f"triage_{name}.tsv"
        out[name] = measure(path, "utterance")
        heard = path.with_name(path.stem + "_heard.tsv")
        if heard.exists():
            out[name + " heard"] = measure(heard, "heard")
    out["dev1"] = measure_txt(DEV)
    out["dev1 fresh"] = measure_txt(DATA / "triage_fresh.txt")
    return out


if __name__ == "__main__":
    if "--all" in sys.argv:
        for name, got in every_set().items():
            kinds = [k for k in NAMES if got.total.get(k)]
            cells = (f"{k} {got.hit.get(k, 0)}/{got.total[k]}" for k in kinds)
            print(f"{name:18}", "  ".join(cells))
        sys.exit()
    heard = "--heard" in sys.argv
    path = next((p for flag, p in PROBES.items() if flag in sys.argv), HEARD if heard else WRITTEN)
    got = measure(path, "heard" if heard else "utterance")
    report(got, NAMES)
