"""Free-text matching of a user's question to an answer id, by keyword phrases.

Used when Alexa hands the skill raw text (a catch-all intent) instead of a resolved intent.
Everything expensive happens once in the constructor, because the matcher is built once per
container and called on every such request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..text import normalise

__all__ = ["AnswerMatcher", "normalise"]


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Word forms people use interchangeably in these questions; applied after plural stripping.
_VARIANTS = {
    "icing": "ice",
    "iced": "ice",
    "heating": "heat",
    "heated": "heat",
    "hot": "heat",
    "warm": "heat",
    "cold": "ice",
    "hurting": "hurt",
    "mum": "mom",
    "lay": "lie",
    "lying": "lie",
    "laying": "lie",
    "disk": "disc",
    "xray": "x ray",
}

# Words that carry little meaning on their own: a phrase made only of these cannot win.
_STOPWORDS = _word_set(
    """a an the i me my mine is are am was be been it its to do doe does did can could should
    would will shall might may must how what which when where why who for of on in into at by
    with and or but not no so if then than that this these those there here you your we our they
    them he she his her just about from up out over any some much many really very please alexa
    okay get got have ha has had let us want going go use using put try"""
)
_COMMON = _word_set("back pain spasm muscle hurt sore lower bad ache achy")
_STOP_WEIGHT = 0.2
_COMMON_WEIGHT = 0.3
_BAG_FACTOR = 0.75  # all words present but not as one run: weaker evidence than the exact phrase
MIN_SCORE = 1.0


@lru_cache(maxsize=4096)
def _stem(word: str) -> tuple[str, ...]:
    """Crude plural folding, applied identically to keywords and user text."""
    if len(word) > 3 and not word.endswith(("ss", "us", "is")):
        if word.endswith("ies"):
            word = word[:-3] + "y"
        elif word.endswith(("ches", "shes", "sses", "xes")):
            word = word[:-2]
        elif word.endswith("s"):
            word = word[:-1]
    return tuple(_VARIANTS.get(word, word).split())


def _tokens(text: str) -> tuple[str, ...]:
    tokens: list[str] = []
    for word in normalise(text).split():
        tokens.extend(_stem(word))
    return tuple(tokens)


def _weight(token: str) -> float:
    if token in _STOPWORDS:
        return _STOP_WEIGHT
    if token in _COMMON:
        return _COMMON_WEIGHT
    return 1.0


@dataclass(frozen=True, slots=True)
class _Phrase:
    answer_id: str
    run: str  # space-padded token run, for the contiguous test
    words: frozenset[str]
    # Its meaningful words, when there are at least two: all present in any order still counts.
    bag: frozenset[str] | None


class AnswerMatcher:
    """Picks the answer whose keyword phrases best cover a free-text question."""

    def __init__(self, answers: Mapping[str, Mapping[str, Any]]) -> None:
        self._order = {answer_id: i for i, answer_id in enumerate(answers)}
        phrases = [
            phrase
            for answer_id, entry in answers.items()
            for phrase in _compile(answer_id, entry.get("keywords", ()))
        ]
        # Index each phrase under its most telling word, so a question only visits phrases that
        # share that word with it instead of scanning all of them.
        frequency: dict[str, int] = {}
        for phrase in phrases:
            for word in phrase.words:
                frequency[word] = frequency.get(word, 0) + 1
        index: dict[str, list[_Phrase]] = {}
        for phrase in phrases:
            anchor = max(phrase.words, key=lambda w: (_weight(w), -frequency[w], w))
            index.setdefault(anchor, []).append(phrase)
        self._index: dict[str, tuple[_Phrase, ...]] = {k: tuple(v) for k, v in index.items()}
        # A question that is exactly one keyword ("it hurts", "what do i do") is that answer,
        # even when its words are too common to score: never a dead end for the commonest things.
        self._exact: dict[str, str] = {}
        for phrase in phrases:
            self._exact.setdefault(phrase.run, phrase.answer_id)

    def match(self, text: str) -> str | None:
        """Return the best answer id for ``text``, or None when nothing fits well."""
        ranked = self._ranked(text)
        if ranked and ranked[0][0][0] >= MIN_SCORE:
            return ranked[0][1]
        return self._exact.get(f" {' '.join(_tokens(text))} ")

    def nearest(self, text: str, count: int = 2) -> list[str]:
        """The answer ids that come closest to ``text``, best first, even below MIN_SCORE:
        what to offer when nothing fits well enough to answer outright."""
        return [answer_id for _, answer_id in self._ranked(text)[:count]]

    def _ranked(self, text: str) -> list[tuple[tuple[float, int], str]]:
        tokens = _tokens(text)
        if not tokens:
            return []
        present = frozenset(tokens)
        padded = f" {' '.join(tokens)} "
        # Per answer, each word of the question counts once, at the best strength any of that
        # answer's phrases covered it: several partial hits add up without double counting.
        cover: dict[str, dict[str, float]] = {}
        for word in present:
            for phrase in self._index.get(word, ()):
                if phrase.run in padded:
                    words, factor = phrase.words, 1.0
                elif phrase.bag is not None and phrase.bag <= present:
                    words, factor = phrase.words & present, _BAG_FACTOR
                else:
                    continue
                covered = cover.setdefault(phrase.answer_id, {})
                for w in words:
                    if covered.get(w, 0.0) < factor:
                        covered[w] = factor
        # Ties go to the answer listed first, so results never depend on set order.
        keyed = [
            ((sum(_weight(w) * f for w, f in covered.items()), -self._order[answer_id]), answer_id)
            for answer_id, covered in cover.items()
        ]
        return sorted(keyed, reverse=True)


def _compile(answer_id: str, keywords: Iterable[str]) -> list[_Phrase]:
    compiled: list[_Phrase] = []
    seen: set[tuple[str, ...]] = set()
    for keyword in keywords:
        tokens = _tokens(keyword)
        if not tokens or tokens in seen:
            continue
        seen.add(tokens)
        meaningful = frozenset(t for t in tokens if _weight(t) > _STOP_WEIGHT)
        compiled.append(
            _Phrase(
                answer_id=answer_id,
                run=f" {' '.join(tokens)} ",
                words=frozenset(tokens),
                bag=meaningful if len(meaningful) >= 2 else None,
            )
        )
    return compiled
