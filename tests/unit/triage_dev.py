"""Figures for triage on the development set in tests/unit/data/triage_dev.txt.

    .venv/bin/python tests/unit/triage_dev.py      # prints recall and false-alarm figures

The set is written from the issue's categories in our own words; test_triage_dev.py holds the
thresholds. It is NOT the held-out evaluation (tests/heldout/), which stays unseen.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "lambda"))

from back_relief.safety import triage  # noqa: E402
from back_relief.safety.triage import Tier, TriageRules, assess  # noqa: E402

DATA = Path(__file__).with_name("data")
DEV = DATA / "triage_dev.txt"
WANT = {"E": Tier.EMERGENCY, "U": Tier.SAME_DAY, "D": Tier.WITHIN_DAYS}


def rows(path: Path = DEV) -> list[tuple[str, str]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, _, text = line.partition("|")
            out.append((kind.strip(), text.strip()))
    return out


def rules() -> TriageRules:
    path = ROOT / "lambda" / "back_relief" / "content" / "en" / "triage.toml"
    with path.open("rb") as fh:
        return TriageRules.from_data(tomllib.load(fh))


@dataclass
class Figures:
    total: dict[str, int] = field(default_factory=dict)
    hit: dict[str, int] = field(default_factory=dict)
    misses: dict[str, list[str]] = field(default_factory=dict)

    def rate(self, kind: str) -> float:
        return self.hit.get(kind, 0) / max(1, self.total.get(kind, 0))


def measure(path: Path = DEV) -> Figures:
    found_rules = rules()
    clarify = getattr(triage, "clarify", None)
    figures = Figures()
    for kind, text in rows(path):
        finding = assess(found_rules, [text])
        tier = finding.tier if finding else Tier.NONE
        asks = clarify(found_rules, [text]) if clarify and finding is None else None
        if kind in WANT:
            ok = tier >= WANT[kind]
        elif kind == "C":
            ok = tier == Tier.EMERGENCY or asks is not None
        else:  # benign: a hit is a false alarm; a question asked is counted apart
            ok = tier == Tier.EMERGENCY
            if asks is not None:
                figures.hit["Nq"] = figures.hit.get("Nq", 0) + 1
                figures.misses.setdefault("Nq", []).append(f"{text}  -> asks {asks}")
            figures.total["Nq"] = figures.total.get("Nq", 0) + 1
        figures.total[kind] = figures.total.get(kind, 0) + 1
        figures.hit[kind] = figures.hit.get(kind, 0) + ok
        if ok == (kind == "N"):
            figures.misses.setdefault(kind, []).append(f"{text}  -> {finding} {asks or ''}")
    return figures


NAMES = {
    "E": "emergency recall",
    "U": "same-day recall (>=U)",
    "D": "within-days (>=D)",
    "C": "unsettled -> E or question",
    "N": "benign false alarms (E)",
}


def report(got: Figures, names: dict[str, str]) -> None:
    """Print each kind's figure; with -v, every miss (the dev scripts share this)."""
    for kind, name in names.items():
        print(f"{name:32} {got.hit.get(kind, 0):3}/{got.total.get(kind, 0):3} {got.rate(kind):.0%}")
    if "-v" in sys.argv:
        for kind, missed in got.misses.items():
            for text in missed:
                print(kind, text)


if __name__ == "__main__":
    got = measure(DATA / "triage_fresh.txt" if "--fresh" in sys.argv else DEV)
    report(got, {**NAMES, "Nq": "benign asked a question"})
