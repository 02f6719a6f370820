"""Leave-one-writer-out cross-validation of a red-flag second opinion (issue 12 items 2-3, 7).

    .venv/bin/python tests/unit/flag_cv.py          # per fold and overall, written and heard

Hand-written triage rules reach 98-100% of emergencies on the sets they were written from and
far less on a new writer's words; most missed emergencies fire nothing at all. This asks, before
anything ships, what a model trained on the OTHER writers would add on a writer it never saw.
The development rows (interaction_models/flag_model.py: every triage set and every answers set
as benign questions) are grouped by writer; each fold holds one group back.

Columns, per fold and kind of text (written / heard):
- E: emergency rows; "rules": reached by today's rules (an emergency finding, or clarify()'s
  yes/no question, which is spoken with the number); "gap": rows where the rules give NO
  finding and NO question: the only rows a second opinion is ever consulted on;
- U/D gap: same-day and within-days rows in the gap (a question asked there costs a "no");
- benign: N (statements) and Q (questions), how many the rules already ask about.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "lambda"), str(Path(__file__).parent), str(ROOT)]

from back_relief.safety.triage import Tier, assess, clarify  # noqa: E402
from triage_dev import rules  # noqa: E402

from interaction_models import flag_model  # noqa: E402
from interaction_models.flag_model import Row  # noqa: E402


@dataclass(frozen=True)
class Judged:
    row: Row
    found: str  # what today's rules do: "E", "U", "D" (a finding), "asked", "" (the gap)
    trigger: str  # the rule's trigger id ("" in the gap)


@cache
def judged() -> tuple[Judged, ...]:
    """Every development row and what today's rules (assess, then clarify) do with it."""
    found_rules = rules()
    out = []
    for row in flag_model.rows():
        finding = assess(found_rules, [row.text])
        if finding is not None:
            tier = "E" if finding.tier == Tier.EMERGENCY else finding.tier.name[:1]
            tier = {"S": "U", "W": "D"}.get(tier, tier)
            out.append(Judged(row, tier, finding.trigger))
            continue
        asks = clarify(found_rules, [row.text])
        out.append(Judged(row, "asked" if asks else "", asks or ""))
    return tuple(out)


BENIGN = frozenset("NQ")
KINDS: dict[str, Callable[[Row], bool]] = {
    "written": lambda r: not r.heard,
    "heard": lambda r: r.heard,
}


def rules_line(label: str, rows: Sequence[Judged]) -> str:
    e = [j for j in rows if j.row.kind == "E"]
    e_rules = sum(j.found in ("E", "asked") for j in e)
    e_gap = sum(j.found == "" for j in e)
    ud_gap = sum(j.found == "" for j in rows if j.row.kind in "UD")
    n = [j for j in rows if j.row.kind == "N"]
    q = [j for j in rows if j.row.kind == "Q"]
    n_asked = sum(j.found == "asked" for j in n)
    q_asked = sum(j.found == "asked" for j in q)
    return (
        f"{label:24} E {e_rules:4}/{len(e):<4} gap {e_gap:3}  UD gap {ud_gap:3}  "
        f"N asked {n_asked:2}/{len(n):<4} Q asked {q_asked:2}/{len(q):<4}"
    )


def main() -> None:
    every = judged()
    for kind, pick in KINDS.items():
        print(f"today's rules, {kind}")
        for group in flag_model.groups([j.row for j in every]):
            fold = [j for j in every if j.row.group == group and pick(j.row)]
            if fold:
                print(rules_line(group, fold))
        print(rules_line("all", [j for j in every if pick(j.row)]))


if __name__ == "__main__":
    main()
