"""A sign told as a report without being said plainly: read again as the statement it makes.

affirmed.py reads an answer to a sign just asked about; this module reads the other ways people
say a sign is here while wording it as something else:

- their own earlier telling, which is not advice: "the tingling i told you about has spread to
  the other leg" -> "the tingling has spread to the other leg";
- a question about anyone answered for themselves: "can a bad back stop you peeing? mine has" ->
  "a bad back stop me peeing" ("mine does not", "not me" say nothing);
- a surprise, which presupposes the sign came: "i didn't expect to wet myself", "never thought
  i'd lose control of my bladder", "i expected pain but not for both legs to go numb" -> "i have
  wet myself", "i have lost control of my bladder", "both legs have gone numb".

Pure word-list code on normalised text (no regex); triage reads what it returns like any text.
"""

from __future__ import annotations

from ..text import word_set
from .supposed import ANYONE

__all__ = ["PLAIN_NEGATIONS", "done", "retold"]

_AUX = word_set(
    "can could will would am is are was were have has had do does did should shall may might must"
)
# The plain negation words, said outright (scope.NEGATIONS, for scope, adds "without", "none"...).
PLAIN_NEGATIONS = _NEGATIONS = word_set("not never no")
_MAX_WORDS = 14
# A question about anyone ("can a bad back stop you peeing"), said of oneself once answered.
_ASKING = word_set("can could does do is are will would should may might")
# Anyone in general (supposed.ANYONE, the one list of them) and the generic "you", each said of me.
_FIRST_PERSON = {**dict.fromkeys(ANYONE, "me"), "you": "me", "your": "my", "yourself": "myself"}
_GENERIC = frozenset(_FIRST_PERSON)
# "the numbness i mentioned is worse", "the tingling i told you about has spread".
_TOLD_YOU = word_set("told mentioned said described")
_TOLD_TAIL = word_set("you about of earlier before yesterday last time")
_TOLD_NEXT = word_set("it that they got gets spread spreading keeps kept now went gone")
# A surprise: "did not expect", "never thought", "was not expecting", "never imagined".
_EXPECT = word_set(
    "expect expected expecting think thought imagine imagined imagining dream dreamt dreamed "
    "anticipate anticipated"
)
_SURPRISE_SKIP = word_set("that to for i would it a an the this")
_CLAUSE_END = word_set("but and so because cos though when like at")
# What a modal's sign becomes once it has come: "i might lose feeling", "it has happened".
_DONE = {
    "lose": "lost",
    "get": "got",
    "go": "gone",
    "feel": "felt",
    "wet": "wet",
    "have": "had",
    "become": "become",
    "do": "done",
    "come": "come",
    "give": "given",
    "be": "been",
    "leak": "leaked",
    "stop": "stopped",
    "fall": "fallen",
    "make": "made",
    "pee": "peed",
    "wee": "weed",
}


def done(predicate: list[str]) -> list[str]:
    """A modal's predicate said as done: "might lose feeling" -> "have lost feeling"."""
    verb = predicate[0]
    if verb.endswith("ed") or verb in _DONE.values():
        return ["have", *predicate]  # "i would had any accidents" -> "have had"
    said = _DONE.get(verb) or (verb + "d" if verb.endswith("e") else verb + "ed")
    return ["have", said, *predicate[1:]]


def retold(words: list[str]) -> str | None:
    """The plain statement these words make of a sign, or None (words: a normalised text)."""
    return _own_telling(words) or _mine_too(words) or _surprised(words)


def _own_telling(words: list[str]) -> str | None:
    for i in range(1, len(words) - 2):
        if words[i] != "i" or words[i + 1] not in _TOLD_YOU:
            continue
        end = i + 2
        while end < len(words) and words[end] in _TOLD_TAIL:
            end += 1
        if end < len(words) and words[end] in _AUX | _TOLD_NEXT:
            return " ".join(words[:i] + words[end:])
    return None


def _mine_too(words: list[str]) -> str | None:
    if not words or words[0] not in _ASKING or _GENERIC.isdisjoint(words):
        return None
    for i in range(2, min(len(words), _MAX_WORDS + 2)):
        said = words[i : i + 3]
        mine = said[:1] == ["mine"] or said[:2] in (["for", "me"], ["because", "i"], ["i", "do"])
        if said[:1] in (["i"], ["because"]) and len(said) > 1 and said[1] not in _AUX | {"i"}:
            mine = False
        if mine or (said[:1] in (["and"], ["well"]) and said[1:2] == ["mine"]):
            if not _NEGATIONS.isdisjoint(words[i : i + 5]):
                return None
            return " ".join(_FIRST_PERSON.get(w, w) for w in words[1:i])
    return None


def _surprised(words: list[str]) -> str | None:
    for i, word in enumerate(words):
        if word not in _EXPECT or not i:
            continue
        before = words[max(0, i - 3) : i]
        if _NEGATIONS.isdisjoint(before):
            # "i expected pain but not for both legs to go numb": the sign is after "but not"
            at = next(
                (k for k in range(i + 1, len(words) - 2) if words[k : k + 2] == ["but", "not"]),
                None,
            )
            if at is None:
                continue
            start = at + 2
        else:
            start = i + 1
        return _as_done(words[start : start + _MAX_WORDS])
    return None


def _as_done(clause: list[str]) -> str | None:
    """ "to wet myself", "i would lose control", "for both legs to go numb", "my legs would give
    way" said as done: "i have wet myself", "both legs have gone numb"."""
    end = next((k for k, w in enumerate(clause) if k and w in _CLAUSE_END), len(clause))
    clause = clause[:end]
    subject: list[str] = ["i"]
    if clause[:1] == ["for"] and "to" in clause:  # "for both legs to go numb"
        k = clause.index("to")
        subject, clause = clause[1:k], clause[k:]
    while clause and clause[0] in _SURPRISE_SKIP:
        if clause[0] not in ("to", "that", "for", "would") and clause[1:2] == ["would"]:
            subject = clause[:1]  # "i would", "it would"
        clause = clause[1:]
    if not clause:
        return None
    aux = next((j for j, w in enumerate(clause[:4]) if w in _AUX), None)
    if aux:  # "my legs would give way", "a back spasm could stop you peeing"
        subject, clause = clause[:aux], clause[aux + 1 :]
    if not clause:
        return None
    said = [_FIRST_PERSON.get(w, w) for w in [*subject, *done(clause)]]
    return " ".join(said)
