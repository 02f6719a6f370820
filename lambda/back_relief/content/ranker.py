"""A learnt topic ranker: which answer a question's words point to, from how people asked.

The hand-built matcher (matcher.py) scores keyword phrases; rules written from one writer's
questions have not carried to the next writer's. This model is learnt, at build time, from every
development writer's questions (tests/unit/data/answers_*.tsv, written and as heard) and every
answer's own keywords: a multinomial naive Bayes over the matcher's tokens (the one normaliser,
its stemmer and the synonym classes), their bigrams and sound-alike keys. Scoring is a sparse sum,
pure Python, over a small generated JSON file (ranker.json, written by `make model` through
interaction_models/rank_model.py and checked by its --check).

At run time the model only chooses among answers, and only where leave-one-writer-out
cross-validation (tests/unit/answers_cv.py) showed it helps (see matcher.py `_second_opinion`):
triage, refusals and everything said before an answer are untouched. A missing or corrupt file
leaves the matcher alone.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from ..soundalike import key

MODEL = Path(__file__).parent / "ranker.json"
# Weights are stored as integers of this step (log units): a fraction of the file, no loss of
# ranking worth measuring.
STEP = 0.05
# Sound-alike keys only for words long enough that a key says something ("urin" -> "urn").
_KEYED = 5


@lru_cache(maxsize=8192)
def _key(token: str) -> str:
    return "~" + key(token) if len(token) >= _KEYED and token.isalpha() else ""


def features(tokens: Sequence[str]) -> frozenset[str]:
    """The model's features for a question's tokens: each token, each adjacent pair, the
    opening token, and sound-alike keys of longer words (a recogniser's "weakness"/"weekness")."""
    out = set(tokens)
    out.update(f"{a}_{b}" for a, b in zip(tokens, tokens[1:], strict=False))
    if tokens:
        out.add(f"^{tokens[0]}")
    out.update(k for k in map(_key, tokens) if k)
    return frozenset(out)


class Ranker:
    """Answer ids scored by a linear model over sparse features (see `train` for its form)."""

    def __init__(self, data: Mapping[str, object]) -> None:
        classes, bias, norm, weights = (data[k] for k in ("classes", "bias", "norm", "weights"))
        if not (isinstance(classes, list) and isinstance(bias, list) and isinstance(norm, list)):
            raise ValueError("ranker: classes, bias and norm must be lists")
        if not isinstance(weights, dict) or not len(classes) == len(bias) == len(norm):
            raise ValueError("ranker: malformed model")
        self.classes: tuple[str, ...] = tuple(str(c) for c in classes)
        self._bias = tuple(float(b) * STEP for b in bias)
        self._norm = tuple(float(n) * STEP for n in norm)
        # "3:12 7:-4": class index and weight in steps, kept as text until a feature is used.
        self._packed: dict[str, str] = {str(k): str(v) for k, v in weights.items()}
        self._unpacked: dict[str, tuple[tuple[int, float], ...]] = {}

    def _weights(self, feature: str) -> tuple[tuple[int, float], ...]:
        found = self._unpacked.get(feature)
        if found is None:
            try:
                pairs = (cell.split(":") for cell in self._packed[feature].split())
                found = tuple((int(c), int(w) * STEP) for c, w in pairs)
            except ValueError:  # a corrupt cell: the feature says nothing, no crash
                found = ()
            found = self._unpacked[feature] = tuple(p for p in found if p[0] < len(self._bias))
        return found

    def scores(self, tokens: Sequence[str]) -> dict[str, float]:
        """Each answer's log score for these tokens (higher fits better)."""
        known = [f for f in features(tokens) if f in self._packed]
        total = list(self._bias)
        k = len(known)
        for c, n in enumerate(self._norm):
            total[c] -= k * n
        for feature in known:
            for c, w in self._weights(feature):
                total[c] += w
        return dict(zip(self.classes, total, strict=True))

    def top(self, tokens: Sequence[str]) -> tuple[float, str] | None:
        """The best answer and its probability; None for no words."""
        return self.ranked(tokens)[0] if tokens else None

    def ranked(self, tokens: Sequence[str]) -> list[tuple[float, str]]:
        """(probability, answer id), best first; ties go to the answer listed first."""
        scores = self.scores(tokens)
        top = max(scores.values(), default=0.0)
        exp = {a: math.exp(s - top) for a, s in scores.items()}
        z = sum(exp.values()) or 1.0
        order = {a: i for i, a in enumerate(self.classes)}
        return sorted(((e / z, a) for a, e in exp.items()), key=lambda p: (-p[0], order[p[1]]))


def train(
    docs: Iterable[tuple[Sequence[str], Sequence[str]]],
    classes: Sequence[str],
    alpha: float = 0.3,
    min_count: int = 2,
) -> dict[str, object]:
    """A multinomial naive Bayes over binary features, in the linear form Ranker scores:
    score(c) = bias(c) - k * norm(c) + sum of w(f, c) over the k known features present, where
    w(f, c) = log((n(f, c) + alpha) / alpha) is zero for a feature never seen with c (so only
    seen pairs are stored) and norm(c) = log(N(c) + alpha * V). Each document is (tokens,
    acceptable answer ids), counted 1/len toward each id. Features seen fewer than min_count
    times are dropped. Deterministic: counts, then sorted output."""
    index = {c: i for i, c in enumerate(classes)}
    counts: dict[str, dict[int, float]] = {}
    prior = [0.0] * len(classes)
    seen: dict[str, float] = {}
    rows = [(features(tokens), [index[a] for a in ids if a in index]) for tokens, ids in docs]
    for feats, ids in rows:
        for f in feats:
            seen[f] = seen.get(f, 0.0) + 1
    kept = {f for f, n in seen.items() if n >= min_count}
    for feats, ids in rows:
        if not ids:
            continue
        share = 1.0 / len(ids)
        for c in ids:
            prior[c] += share
        for f in feats & kept:
            cell = counts.setdefault(f, {})
            for c in ids:
                cell[c] = cell.get(c, 0.0) + share
    vocab = len(kept)
    mass = [0.0] * len(classes)
    for cell in counts.values():
        for c, n in cell.items():
            mass[c] += n
    total = sum(prior) or 1.0
    bias = [math.log((p + 1.0) / (total + len(classes))) for p in prior]
    norm = [math.log(m + alpha * vocab) for m in mass]
    weights = {}
    for f in sorted(counts):
        cells = sorted(counts[f].items())
        packed = [f"{c}:{round(math.log((n + alpha) / alpha) / STEP)}" for c, n in cells]
        weights[f] = " ".join(packed)
    return {
        "classes": list(classes),
        "bias": [round(b / STEP) for b in bias],
        "norm": [round(n / STEP) for n in norm],
        "weights": weights,
    }


def model_text(model: Mapping[str, object]) -> str:
    return json.dumps(model, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


@cache
def shipped() -> Ranker | None:
    """The shipped model; None when its file is missing or unreadable (the matcher then
    answers alone: the model is a second opinion, never a dependency)."""
    try:
        return Ranker(json.loads(MODEL.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


@dataclass(frozen=True)
class Policy:
    """When the model's pick replaces the matcher's: the model is at least `confident` sure,
    and the matcher's fit is below `weak` (an exact keyword, infinite, always stands; None
    counts as no fit at all). Chosen by leave-one-writer-out cross-validation."""

    confident: float
    weak: float


POLICY = Policy(confident=2.0, weak=0.0)


def second_opinion(
    tokens: Sequence[str], found: str | None, score: float, policy: Policy | None = None
) -> str | None:
    """The matcher's pick, or the shipped model's where the policy says it knows better."""
    policy = POLICY if policy is None else policy
    if found is not None and score >= policy.weak:
        return found  # the cheap case first: no model loaded for a clear keyword win
    ranker = shipped()
    return found if ranker is None else decide(ranker.top(tokens), found, score, policy)


def decide(
    top: tuple[float, str] | None, found: str | None, score: float, policy: Policy
) -> str | None:
    """The answer given the model's top (probability, answer id) and the matcher's pick."""
    if top is None or (found is not None and score >= policy.weak):
        return found
    p, pick = top
    return pick if p >= policy.confident else found
