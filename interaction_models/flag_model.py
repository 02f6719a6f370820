"""The labelled rows the red-flag second opinion (lambda/back_relief/safety/flagger.py) learns
from and is cross-validated on (tests/unit/flag_cv.py), grouped by writer.

Training data: every triage development set (tests/unit/data/triage_*.tsv, written, probes and
heard copies) and every answers development set (benign questions); NEVER tests/heldout/ and
never tests/unit/data/flag_unseen.tsv (the behaviour test's own rows). A group is one writer's
round: its written rows, probes and heard copies together, so cross-validation never tests on
the heard copy of a row it trained on.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "unit" / "data"
# The behaviour test's rows: written by hand for it alone, never trained or tuned on.
UNSEEN = DATA / "flag_unseen.tsv"
# Probes held back from training and cross-validation while their round tunes, so that their
# figure, measured once at the end, is a new writer's (round 10: flag10's; round 11: heard11's
# and precision11's; round 12: triage12's; round 13: triage13's; round 19: triage19's).
HELD_BACK = frozenset(
    (
        "triage_dev5_flag10_probe.tsv",
        "triage_dev5_flag10_probe_heard.tsv",
        "triage_dev5_heard11_probe.tsv",
        "triage_dev5_heard11_probe_heard.tsv",
        "triage_dev5_precision11_probe.tsv",
        "triage_dev5_precision11_probe_heard.tsv",
        "triage_dev5_triage12_probe.tsv",
        "triage_dev5_triage12_probe_heard.tsv",
        "triage_dev5_triage13_probe.tsv",
        "triage_dev5_triage13_probe_heard.tsv",
        "triage_dev5_triage14_probe.tsv",
        "triage_dev5_triage14_probe_heard.tsv",
        "triage_dev5_triage15_probe.tsv",
        "triage_dev5_triage15_probe_heard.tsv",
        "triage_dev5_triage16_probe.tsv",
        "triage_dev5_triage16_probe_heard.tsv",
        "triage_dev5_triage19_probe.tsv",
        "triage_dev5_triage19_probe_heard.tsv",
    )
)
# triage_dev2*, triage_dev3*, triage_dev4* are one writer's round each; any other set (each
# round-5-and-later triage_dev5_NAME) is one writer's, with its _probe and _heard copies.
_ROUND = re.compile(r"triage_(dev[234])(?:_|$)")
# A second recogniser pass of the same rows (round 11: _heard2, another seed; round 15:
# _heard311, named by its three-digit seed) is a copy too; not "_heard6", "_heard11": those
# name a writer's set.
_COPIES = re.compile(r"(?:_probe\d*|_heard(?:2|\d{3})?)+$")
# Every emergency sign has its own yes/no question (flagger.CLASSES); everything else is "none".
NONE = "none"


@dataclass(frozen=True)
class Row:
    group: str  # the writer's round: the unit cross-validation holds out
    source: str  # file name
    heard: bool  # the text is what a recogniser returned
    kind: str  # E, U, D, C (touches a sign), N (benign statement), Q (benign question)
    tier: str  # the tier id written for it ("-" or "" when none)
    text: str


def _triage_rows(path: Path) -> list[Row]:
    round_ = _ROUND.match(path.stem)
    group = round_.group(1) if round_ else _COPIES.sub("", path.stem.removeprefix("triage_"))
    with path.open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh, delimiter="\t"))
    heard = bool(table) and "heard" in table[0]
    column = "heard" if heard else "utterance"
    return [
        Row(group, path.name, heard, r["kind"], r["id"], r[column].strip())
        for r in table
        if r[column].strip()
    ]


def _round1_rows() -> list[Row]:
    """triage_dev.txt and triage_fresh.txt ("KIND | text", no tier id): round 1's writer."""
    out = []
    for name in ("triage_dev.txt", "triage_fresh.txt"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                kind, _, text = line.partition("|")
                out.append(Row("dev1", name, False, kind.strip(), "", text.strip()))
    return out


def _answers_rows() -> list[Row]:
    """Every answers development set's questions: benign (kind Q), grouped by round."""
    from interaction_models import rank_model

    answers_dev = rank_model._modules()[0]
    out = []
    for round_name, files in rank_model.ROUNDS.items():
        for name in files:
            for text, _ in answers_dev.rows(DATA / name):
                out.append(Row(f"answers_{round_name}", name, "heard" in name, "Q", "", text))
    return out


def rows() -> list[Row]:
    """Every labelled development row, in a fixed order."""
    paths = sorted(p for p in DATA.glob("triage_*.tsv") if p.name not in HELD_BACK)
    if UNSEEN in paths:
        raise ValueError("flag_unseen.tsv is the behaviour test's alone")
    out = [r for p in paths for r in _triage_rows(p)]
    return out + _round1_rows() + _answers_rows()


def groups(every: Sequence[Row]) -> list[str]:
    return sorted({r.group for r in every})


def _flagger() -> Any:
    from interaction_models import rank_model

    rank_model._modules()  # puts lambda/ on sys.path
    from back_relief.safety import flagger

    return flagger


def _ranker() -> Any:
    _flagger()
    from back_relief.content import ranker

    return ranker


def label(row: Row) -> str | None:
    """The class a row teaches: its red flag's own trigger (each asks its own question), else
    "none"; None for a red flag written without its tier (round 1), which teaches nothing."""
    if row.kind in ("E", "C"):
        if row.tier in _flagger().CLASSES[:-1]:
            return row.tier
        if not row.tier.startswith(("E", "C")):
            return None
    return NONE


def docs(every: Sequence[Row]) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    flagger = _flagger()
    return [(flagger.tokens(r.text), (wanted,)) for r in every if (wanted := label(r)) is not None]


def trained(every: Sequence[Row] | None = None) -> dict[str, object]:
    """The model trained on these rows (every development row by default)."""
    flagger = _flagger()
    model: dict[str, object] = _ranker().train(
        docs(rows() if every is None else every),
        flagger.CLASSES,
        buckets=flagger.BUCKETS,
    )
    return model


def model_text() -> str:
    """The shipped model file, trained on every development row."""
    return str(_ranker().model_text(trained()))
