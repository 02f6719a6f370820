"""Train the learnt topic ranker (lambda/back_relief/content/ranker.py) into its JSON file.

    python -m interaction_models.build   # writes it with the other generated files

Training data: every development writer's rows (tests/unit/data/answers_*.tsv, written, probes
and heard copies; NEVER tests/heldout/) and each answer's own keywords. Deterministic (counts,
sorted output, integer weights), so `build --check` can compare bytes; well under a second.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "unit" / "data"
# Each writer's round (its written rows, probes and heard copies): the unit that
# tests/unit/answers_cv.py holds out, one at a time.
ROUNDS: dict[str, tuple[str, ...]] = {
    "r2": (
        "answers_dev2.tsv",
        "answers_fresh2.tsv",
        "answers_fresh2_heard.tsv",
        "answers_dev2_heard_mix.tsv",
    ),
    "r3": (
        "answers_dev3.tsv",
        "answers_fresh3.tsv",
        "answers_fresh3_heard.tsv",
        "answers_dev3_heard_mix.tsv",
    ),
    "r4": (
        "answers_dev4.tsv",
        "answers_fresh4.tsv",
        "answers_fresh4_heard.tsv",
        "answers_dev4_heard.tsv",
    ),
    "r5": ("answers_dev5.tsv", "answers_dev5_probe.tsv", "answers_dev5_heard.tsv"),
    "r6": ("answers_dev6.tsv", "answers_dev6_probe.tsv", "answers_dev6_heard.tsv"),
    "r7": (
        "answers_dev7.tsv",
        "answers_dev7_probe.tsv",
        "answers_dev7_heard.tsv",
        "answers_dev7_probe_heard.tsv",
    ),
    # The probe rows joined after they were measured (round 9's end): the shipped model learns
    # from them; the CV fold's probe columns then count them as untuned rows.
    "r9": (
        "answers_dev9.tsv",
        "answers_dev9_heard.tsv",
        "answers_dev9_probe.tsv",
        "answers_dev9_probe_heard.tsv",
    ),
    "r10": ("answers_dev10.tsv", "answers_dev10_heard.tsv"),
    "r11": (
        "answers_dev11.tsv",
        "answers_dev11_heard.tsv",
        "answers_dev11_probe.tsv",
        "answers_dev11_probe_heard.tsv",
    ),
    "r12": ("answers_dev12.tsv", "answers_dev12_heard.tsv"),
    "r13": ("answers_dev13.tsv", "answers_dev13_heard.tsv"),
    "r14": ("answers_dev14.tsv", "answers_dev14_heard.tsv"),
    "r15": ("answers_dev15.tsv", "answers_dev15_heard.tsv"),
    "r16": ("answers_dev16.tsv", "answers_dev16_heard.tsv"),
}
# Benign questions the red-flag model learns from (flag_model.py) and the topic ranker does not:
# later rounds' probes, and rounds 19, 20 and 23 (a new writer each, never tuned on). Joined to the
# ranker in round 20, they moved single questions off their answers: "sitting on the toilet
# hurts" lost the cough, sneeze and toilet answer's same-day advice, and "my grandad always says
# you should never walk with a bad back, is he right" got the heat answer (round 18 saw the
# probes cost same-day advice the same way). To the red-flag model a benign question is one.
FLAG_ONLY: dict[str, tuple[str, ...]] = {
    "r10": ("answers_dev10_probe.tsv", "answers_dev10_probe_heard.tsv"),
    **{
        f"r{n}": (f"answers_dev{n}_probe.tsv", f"answers_dev{n}_probe_heard.tsv")
        for n in (12, 13, 14, 15, 16)
    },
    **{
        f"r{n}": (
            f"answers_dev{n}.tsv",
            f"answers_dev{n}_heard.tsv",
            f"answers_dev{n}_probe.tsv",
            f"answers_dev{n}_probe_heard.tsv",
        )
        for n in (19, 20, 23)
    },
    # Round 25's carers and terse asks (no heard copy); its probe is held back
    # (flag_model.HELD_BACK) until measured once at the end.
    "r25": ("answers_dev25.tsv",),
    # Round 26's fillers, myth checks and complaints, the same way (its probe held back).
    "r26": ("answers_dev26.tsv",),
    # Round 27's commands, permission asks and slang, the same way. Joined to the ranker with
    # rounds 25 and 26 it moved as many unseen rows off their answers as onto them (+1 of about
    # 2,700 rows of the ranker's untrained sets), so the ranker stays as it was.
    "r27": ("answers_dev27.tsv",),
    # Round 28's fragments, rambles and either/or asks, the same way.
    "r28": ("answers_dev28.tsv",),
}
Docs = list[tuple[tuple[str, ...], tuple[str, ...]]]


def _modules() -> tuple[Any, Any, Any, Any]:
    for path in (ROOT / "lambda", ROOT / "tests" / "unit"):
        if str(path) not in sys.path:
            sys.path.insert(0, str(path))
    import answers_dev
    from back_relief.content import loader, matcher, ranker

    return answers_dev, loader, matcher, ranker


def _answers() -> dict[str, Any]:
    # From the TOML sources, not compiled.json: `make model` writes that file in the same run,
    # and a ranker trained from the old one would miss an answer added to the sources.
    answers: dict[str, Any] = _modules()[1].source_answers()["en-US"]
    return answers


def keyword_docs() -> Docs:
    """Every answer's keywords, each a short document for its answer."""
    _, _, matcher, _ = _modules()
    answers = _answers()
    return [
        (matcher._tokens(k), (answer_id,))
        for answer_id, entry in answers.items()
        for k in entry.get("keywords", ())
    ]


def round_docs(rounds: Sequence[str]) -> Docs:
    """These rounds' rows: the matcher's tokens of each whole text and its acceptable ids."""
    answers_dev, _, matcher, _ = _modules()
    return [
        (matcher._tokens(text), tuple(sorted(want)))
        for name in rounds
        for path in ROUNDS[name]
        for text, want in answers_dev.rows(DATA / path)
    ]


def classes() -> list[str]:
    return list(_answers())


def trained(rounds: Sequence[str] = tuple(ROUNDS)) -> dict[str, object]:
    ranker = _modules()[3]
    model: dict[str, object] = ranker.train(keyword_docs() + round_docs(rounds), classes())
    model["stands"] = ruled()
    return model


def ruled() -> list[str]:
    """The answers a rule of the reference governs (refs naming an R rule: doses, pregnancy,
    a child...): the matcher's pick of one always stands (ranker.py)."""
    answers = _answers()
    return [a for a, entry in answers.items() if any(r.startswith("R") for r in entry["refs"])]


def model_text() -> str:
    """The shipped model file, trained on every round."""
    return str(_modules()[3].model_text(trained()))
