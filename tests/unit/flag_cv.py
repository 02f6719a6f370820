"""Leave-one-writer-out cross-validation of a red-flag second opinion (issue 12 items 2-3, 7).

    .venv/bin/python tests/unit/flag_cv.py          # per fold and overall, written and heard
    .venv/bin/python tests/unit/flag_cv.py --hedge  # the hedge band only (flagger.HEDGE)
    .venv/bin/python tests/unit/flag_cv.py --sure   # where a lead is an emergency (flagger.SURE)
    .venv/bin/python tests/unit/flag_cv.py --upgrade  # where it raises a finding (flagger.RAISE)
    .venv/bin/python tests/unit/flag_cv.py --doubt  # where it doubts an emergency finding

Round 19's model trains a logistic regression per fold (~20 s), so --sure and --upgrade take ~15
minutes here and the default run, with its inner folds for every outer one, hours.

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
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "lambda"), str(Path(__file__).parent), str(ROOT)]

from back_relief.content.ranker import Ranker, bucket, features  # noqa: E402
from back_relief.safety.flagger import (  # noqa: E402
    ASK_ONLY,
    BUCKETS,
    CLASSES,
    NONE,
    decide,
    tokens,
)
from back_relief.safety.triage import Tier, assess, clarify, names_a_sign  # noqa: E402
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
        asks = clarify(found_rules, [row.text], learnt=False)
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


# ---------------------------------------------------------------------------- the model

# The margins (the likeliest red flag's score over "none") each fold's policy is chosen from,
# most asking first (99: never ask).
# Round 19: the summed model's leads (flag_model.LEARNT) run wider, and its zero is no boundary.
GRID = (-8.0, -4.0, 0.0, 4.0, 8.0, 12.0, 16.0, 20.0, 24.0, 28.0, 32.0, 99.0)
# The share of benign rows (statements and questions together) the model may newly ask about,
# as the training folds measure it: under the 1% target, so a new writer's rows stay under it.
BUDGET = 0.005
INNER = 5  # the training groups, split into this many parts for choosing the margin
# The hedge (flagger.HEDGE): below the margin, the normal reply is kept and the sign's question
# follows it. Its margins, and the share of benign rows (statements and questions) it may hedge
# on the training folds: a hedge costs a benign speaker one sentence, never the answer.
HEDGE_GRID = (-12.0, -10.0, -8.0, -6.0, -4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0, 10.0, 12.0, 99.0)
HEDGE_BUDGET = 0.02


@cache
def hashed() -> tuple[tuple[int, ...], ...]:
    """Each row's features, hashed once, as the shipped model reads them."""
    return tuple(
        tuple(sorted({bucket(f, BUCKETS) for f in features(tokens(j.row.text))})) for j in judged()
    )


@cache
def said() -> tuple[tuple[str, ...], ...]:
    """Each row's model words: an ask needs its sign said where the sign requires it
    (flagger.said_sign), as the shipped model's asks do."""
    return tuple(tokens(j.row.text) for j in judged())


def fit(indices: Sequence[int]) -> Ranker:
    """The shipped trainer's model on these rows only."""
    every, feats = judged(), hashed()
    docs = [(feats[i], (wanted,)) for i in indices if (wanted := flag_model.label(every[i].row))]
    return Ranker(flag_model.train(docs))


Ranked = dict[int, dict[str, float]]


def scored(model: Ranker, indices: Sequence[int]) -> Ranked:
    feats = hashed()
    return {i: model.bucket_scores(feats[i]) for i in indices}


def out_of_fold(indices: Sequence[int], parts: Sequence[Sequence[str]]) -> Ranked:
    """Each row scored by a model trained on the other parts' groups of these rows."""
    every = judged()
    out: Ranked = {}
    for part in parts:
        held = [i for i in indices if every[i].row.group in part]
        out |= scored(fit([i for i in indices if every[i].row.group not in part]), held)
    return out


def choose(indices: Sequence[int], groups: Sequence[str]) -> float:
    """The lowest margin whose new benign asks stay within BUDGET on these rows, each
    scored by a model trained without its part of the groups (margin set on training
    folds only)."""
    return choose_both(indices, groups)[0]


def choose_both(indices: Sequence[int], groups: Sequence[str]) -> tuple[float, float]:
    """The margin (as choose) and then the lowest hedge below it whose benign rows hedged
    (between the two) stay within HEDGE_BUDGET, on the same out-of-fold scores."""
    parts = [groups[k::INNER] for k in range(INNER)]
    ranked = out_of_fold(indices, parts)
    every = judged()
    benign = [i for i in indices if every[i].row.kind in BENIGN]
    gap = [i for i in benign if every[i].found == ""]
    margin = GRID[-1]
    for m in GRID:
        if sum(decide(ranked[i], m, said()[i]) is not None for i in gap) <= BUDGET * len(benign):
            margin = m
            break
    for h in HEDGE_GRID:
        hedged = sum(
            decide(ranked[i], margin, said()[i]) is None and decide(ranked[i], h) is not None
            for i in gap
        )
        if h >= margin or hedged <= HEDGE_BUDGET * len(benign):
            return margin, min(h, margin)
    return margin, margin


@dataclass
class Tally:
    """What the model adds to the rules on some rows at one margin."""

    e: int = 0
    e_rules: int = 0
    e_model: int = 0  # E rows in the gap the model asks about
    e_right: int = 0  # ... with the question of the row's own sign
    ud_gap_asked: int = 0
    n: int = 0
    n_asked: int = 0
    q: int = 0
    q_asked: int = 0
    under: int = 0  # E rows where a U or D rule fired and the model says a red flag
    under_benign: int = 0  # benign rows where a U or D rule fired and the model says one
    under_ud: int = 0  # same-day and within-days rows where a U or D rule fired, model says E
    ud_fired: int = 0  # same-day and within-days rows where a U or D rule fired
    alone: int = 0  # E rows of a sign it can ask about that the model alone would ask about
    askable: int = 0
    e_hedge: int = 0  # E rows in the gap hedged (below the margin, at least the hedge)
    ud_hedged: int = 0
    n_hedged: int = 0
    q_hedged: int = 0

    def add(self, j: Judged, found: str | None, hedge: str | None = None) -> None:
        kind, gap = j.row.kind, j.found == ""
        hedged = gap and found is None and hedge is not None
        self.e_hedge += kind == "E" and hedged
        self.ud_hedged += kind in ("U", "D") and hedged
        self.n_hedged += kind == "N" and hedged
        self.q_hedged += kind == "Q" and hedged
        if kind == "E":
            self.e += 1
            self.e_rules += j.found in ("E", "asked")
            self.e_model += gap and found is not None
            self.e_right += gap and found is not None and found == flag_model.label(j.row)
            self.under += j.found in ("U", "D") and found is not None
            askable = flag_model.label(j.row) not in (None, flag_model.NONE)
            self.askable += askable
            self.alone += askable and found is not None
        elif kind in "UD":
            self.ud_gap_asked += gap and found is not None
            self.ud_fired += j.found in ("U", "D")
            self.under_ud += j.found in ("U", "D") and found is not None
        elif kind in BENIGN:
            self.n += kind == "N"
            self.q += kind == "Q"
            self.n_asked += kind == "N" and gap and found is not None
            self.q_asked += kind == "Q" and gap and found is not None
            self.under_benign += j.found in ("U", "D") and found is not None

    def line(self, label: str) -> str:
        return (
            f"{label:24} E {self.e_rules:4}+{self.e_model:<3}/{self.e:<4} "
            f"(right sign {self.e_right:3})  UD asked {self.ud_gap_asked:2}  "
            f"N asked {self.n_asked:2}/{self.n:<4} Q asked {self.q_asked:2}/{self.q:<4} "
            f"U-fired says E: E {self.under:2} benign {self.under_benign:2} "
            f"UD {self.under_ud:2}/{self.ud_fired:<4} "
            f"alone {self.alone}/{self.askable}"
        )

    def hedge_line(self, label: str) -> str:
        return (
            f"{label:24} E {self.e_rules:4} +ask {self.e_model:<3} +hedge {self.e_hedge:<3}"
            f"/{self.e:<4}  UD hedged {self.ud_hedged:2}  N asked {self.n_asked:2} "
            f"hedged {self.n_hedged:3}/{self.n:<4}  Q asked {self.q_asked:2} "
            f"hedged {self.q_hedged:3}/{self.q:<4}"
        )


def main() -> None:
    every = judged()
    groups = flag_model.groups([j.row for j in every])
    if "--hedge" not in sys.argv:
        for kind, pick in KINDS.items():
            print(f"today's rules, {kind}")
            for group in groups:
                own = [j for j in every if j.row.group == group and pick(j.row)]
                if own:
                    print(rules_line(group, own))
            print(rules_line("all", [j for j in every if pick(j.row)]))
    tallies = {k: Tally() for k in KINDS}
    fixed = {t: {k: Tally() for k in KINDS} for t in GRID}
    hedges = {t: {k: Tally() for k in KINDS} for t in HEDGE_GRID}
    print("margin m and hedge h chosen on each fold's training groups")
    for group in groups:
        held = [i for i, j in enumerate(every) if j.row.group == group]
        train = [i for i, j in enumerate(every) if j.row.group != group]
        margin, hedge = choose_both(train, [g for g in groups if g != group])
        ranked = scored(fit(train), held)
        for kind, pick in KINDS.items():
            fold = Tally()
            for i in held:
                if pick(every[i].row):
                    asks = decide(ranked[i], margin, said()[i])
                    hedges_ = decide(ranked[i], hedge)
                    fold.add(every[i], asks, hedges_)
                    tallies[kind].add(every[i], asks, hedges_)
                    for t in GRID:
                        fixed[t][kind].add(every[i], decide(ranked[i], t, said()[i]))
                    for t in HEDGE_GRID:
                        hedges[t][kind].add(every[i], asks, decide(ranked[i], t))
            if fold.e or fold.n or fold.q:
                label = f"{group} {kind[0]} m={margin:g} h={hedge:g}"
                print(fold.hedge_line(label) if "--hedge" in sys.argv else fold.line(label))
    for kind, tally in tallies.items():
        print(tally.line(f"all {kind}"))
        print(tally.hedge_line(f"all {kind}"))
    every_row = list(range(len(every)))
    margin, hedge = choose_both(every_row, groups)
    print(f"shipped margin and hedge (chosen the same way on every group): {margin:g} {hedge:g}")
    print("one hedge for every fold, each fold's own margin (the curve)")
    for t in HEDGE_GRID:
        for kind in KINDS:
            print(hedges[t][kind].hedge_line(f"h={t:g} {kind}"))
    if "--hedge" in sys.argv:
        return
    print("one margin for every fold (for the curve; not how a fold's is chosen)")
    for t in GRID:
        for kind in KINDS:
            print(fixed[t][kind].line(f"m={t:g} {kind}"))


def each_writer_unseen() -> Ranked:
    """Every development row (judged()'s order) scored by a model trained without its writer."""
    every = judged()
    groups = flag_model.groups([j.row for j in every])
    return out_of_fold(list(range(len(every))), [[g] for g in groups])


def sure() -> None:
    """flagger.SURE's curve: with each writer's rows scored by a model trained without that
    writer, per margin, the rows the rules left unsettled (no finding, or only a question) whose
    lead reaches it, by kind, and of those the rows where the rules saw no sign's words at all
    (triage.names_a_sign) and the sign is not one the model only asks about (flagger.ASK_ONLY):
    only these get the emergency answer (alexa/first.py assess)."""
    every = judged()
    ranked = each_writer_unseen()
    found_rules = rules()
    for kind, pick in KINDS.items():
        rows = [i for i, j in enumerate(every) if pick(j.row) and j.found in ("", "asked")]
        unsettled = Counter(every[i].row.kind for i in rows)
        print(f"{kind}: unsettled by the rules", dict(sorted(unsettled.items())))
        for margin in SURE_GRID:
            led = {i: f for i in rows if (f := decide(ranked[i], margin, said()[i])) is not None}
            unseen = [
                i
                for i, flag in led.items()
                if flag not in ASK_ONLY and not names_a_sign(found_rules, [every[i].row.text])
            ]
            print(
                f"  lead >= {margin:g}:",
                dict(sorted(Counter(every[i].row.kind for i in led).items())),
                "  no sign's words, not ASK_ONLY:",
                dict(sorted(Counter(every[i].row.kind for i in unseen).items())),
            )


def upgrade() -> None:
    """Rows the rules settled below an emergency (a same-day or within-days finding) whose
    out-of-fold lead names an emergency the model may give (not ASK_ONLY) at each margin, by
    kind: what letting a SURE lead raise such a finding would gain (E) and cost (the rest)."""
    every = judged()
    ranked = each_writer_unseen()
    for kind, pick in KINDS.items():
        rows = [i for i, j in enumerate(every) if pick(j.row) and j.found in ("U", "D")]
        print(
            f"{kind}: settled below E by the rules",
            dict(sorted(Counter(every[i].row.kind for i in rows).items())),
        )
        for margin in SURE_GRID:
            led = [
                i
                for i in rows
                if (f := decide(ranked[i], margin, said()[i])) is not None and f not in ASK_ONLY
            ]
            print(
                f"  lead >= {margin:g}:",
                dict(sorted(Counter(every[i].row.kind for i in led).items())),
            )


def doubt() -> None:
    """Rows the rules settled as an emergency whose out-of-fold lead (the likeliest flag's over
    "none") is at or below each margin, by kind: what letting the model's doubt turn such a
    finding into the trigger's yes/no question would spare (benign) and cost (E)."""
    every = judged()
    ranked = each_writer_unseen()
    for kind, pick in KINDS.items():
        rows = [i for i, j in enumerate(every) if pick(j.row) and j.found == "E"]
        print(
            f"{kind}: settled as E by the rules",
            dict(sorted(Counter(every[i].row.kind for i in rows).items())),
        )
        for margin in DOUBT_GRID:
            low = [i for i in rows if _by(ranked[i]) <= margin]
            print(
                f"  lead <= {margin:g}:",
                dict(sorted(Counter(every[i].row.kind for i in low).items())),
            )


def _by(scores: dict[str, float]) -> float:
    return max(scores[c] for c in CLASSES[:-1]) - scores[NONE]


DOUBT_GRID = (-80.0, -70.0, -60.0, -50.0, -40.0, -30.0, -20.0)
SURE_GRID = (12.0, 14.0, 16.0, 18.0, 20.0, 22.0, 24.0, 28.0, 32.0, 36.0, 40.0, 44.0, 48.0)


def sets() -> None:
    """Every development file before (the rules alone) and after (with the shipped model):
    emergency rows reached (an emergency finding, or a yes/no question spoken with the number;
    then also the hedge's question beside the reply) and benign rows asked and hedged, through
    triage as the skill calls it (assess, then clarify, then the hedge)."""
    from back_relief.safety.flagger import HEDGE, strongest
    from back_relief.text import normalise

    found_rules = rules()
    before = {id(j.row): j.found for j in judged()}
    print(
        f"{'file':34} {'E reached before -> after +hedge':>34}  "
        f"{'benign asked before -> after +hedged':>36}"
    )
    by_file: dict[str, list[Row]] = {}
    for j in judged():
        by_file.setdefault(j.row.source, []).append(j.row)
    totals = [0] * 8
    for name, rows_ in by_file.items():
        e = [r for r in rows_ if r.kind == "E"]
        benign = [r for r in rows_ if r.kind in BENIGN]
        after = {}
        for r in rows_:
            if before[id(r)] == "":
                asks = clarify(found_rules, [r.text])
                lead = None if asks else strongest([normalise(r.text)])
                after[id(r)] = "asked" if asks else "hedged" if lead and lead[1] >= HEDGE else ""
        e_before = sum(before[id(r)] in ("E", "asked") for r in e)
        e_after = e_before + sum(after.get(id(r)) == "asked" for r in e)
        e_hedge = sum(after.get(id(r)) == "hedged" for r in e)
        b_before = sum(before[id(r)] == "asked" for r in benign)
        b_after = b_before + sum(after.get(id(r)) == "asked" for r in benign)
        b_hedge = sum(after.get(id(r)) == "hedged" for r in benign)
        figures = (e_before, e_after, e_hedge, len(e), b_before, b_after, b_hedge, len(benign))
        totals = [t + f for t, f in zip(totals, figures, strict=True)]
        print(line(name, figures))
    print(line("all", tuple(totals)))


def line(name: str, f: Sequence[int]) -> str:
    return (
        f"{name:34} {f[0]:10} -> {f[1]:4} +{f[2]:<3}/ {f[3]:<5}"
        f"  {f[4]:12} -> {f[5]:4} +{f[6]:<3}/ {f[7]}"
    )


if __name__ == "__main__":
    if "--upgrade" in sys.argv:
        upgrade()
    elif "--doubt" in sys.argv:
        doubt()
    else:
        sets() if "--sets" in sys.argv else sure() if "--sure" in sys.argv else main()
