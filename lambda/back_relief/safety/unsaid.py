"""Words before a sign that say it is not one: a thing, an animal or a baby as its subject ("my
phone fell down the stairs", "the baby wet himself", never "the shelf fell on me"), a near fall
("i nearly fell down the stairs"), a feeling said not felt ("i can not feel any tingling"), a
recogniser's "know" for "no" ("know numbness"), a hedged denial ("i would not say it is tearing"),
tired legs ("dead tired"). scope.negated() reads not_a_sign() for every finding; settled.py reads
what comes after one.
"""

from __future__ import annotations

import re

from ..text import word_set

__all__ = ["not_a_sign"]

# A thing or an animal that fell, or a baby that wet itself, is not a sign.
_THINGS = word_set(
    "phone mobile laptop tablet remote cup mug glass plate bowl bottle bag box shelf book books "
    "keys picture frame vase lamp tv telly pan pot bin basket dog dogs cat cats puppy kitten pup "
    "parcel tin jar toy toys ladder stepladder chair stool"
)
_INFANTS = word_set("baby toddler newborn babies")
_WET = ("wet", "pee", "peed", "wee", "weed", "poo", "pooed", "leak", "accident", "soil")
_DETERMINERS = word_set("the my our his her a your their")
_FALLS = word_set("fell fall falling slipped slip tripped trip went came toppled")


# "i can not feel any tingling": a symptom that is itself a feeling, not felt, is absent (never
# "i can not feel anything", "can not feel my legs"); "know numbness", a recogniser's "no".
# (never "pain": "i can not feel any pain when i pinch my legs" is numbness)
_FELT_SIGNS = word_set("tingling tingle numbness weakness pins burning twinges")
_FELT_FILLERS = word_set("any much the no real")
_CAN_NOT_FEEL = (["can", "not", "feel"], ["could", "not", "feel"])
_NOT_KNOW = word_set("what that if how why when whether about it i you who where")
# "i would not say it is tearing", "it is not like i can not pee", "i can not say i have": a
# hedge that denies the clause after it (never "can not say how numb": a subject must follow).
_HEDGED = (["not", "say"], ["not", "like"], ["not", "call"], ["not", "that"])
_HEDGE_SUBJECTS = word_set("i it they that there my he she")
_CLAUSE_SUBJECTS = _HEDGE_SUBJECTS - {"my"}


def _denied_feeling(text: str, start: int, first_word: str) -> bool:
    before = text[max(0, start - 48) : start].split()
    while before and before[-1] in _FELT_FILLERS:
        before.pop()
    if first_word in _FELT_SIGNS and before[-3:] in _CAN_NOT_FEEL:
        return True
    after = text[start : start + 48].split()
    if after[:3] in _CAN_NOT_FEEL:
        rest = [w for w in after[3:5] if w not in _FELT_FILLERS]
        return bool(rest) and rest[0] in _FELT_SIGNS
    return False


def _hedged(text: str, start: int) -> bool:
    words = text[max(0, start - 64) : start].split()[-8:]
    for i in range(len(words) - 1, 1, -1):
        if words[i] in _HEDGE_SUBJECTS and words[i - 2 : i] in _HEDGED:
            return "ever" not in words[i:]  # "can not say i have ever been this numb": novelty
        if words[i] in _CLAUSE_SUBJECTS:
            return False  # "not that i can not walk, it is that my legs give way": a report
    return False


def not_a_sign(text: str, start: int, first_word: str) -> bool:
    """True when the words before the finding say it is not a sign: a thing, an animal or a
    baby as its subject, a feeling not felt, a recogniser's "know" for "no", a hedged denial."""
    if _denied_feeling(text, start, first_word) or _hedged(text, start):
        return True
    if text.startswith(" know ") and start <= 24 and text.split()[1] not in _NOT_KNOW:
        return not _HEDGE_SUBJECTS.intersection(text[6:start].split())
    before = text[max(0, start - 32) : start].split()[-2:]
    if before[-1:] in (["nearly"], ["almost"]) and first_word in _FALLS:
        return True  # "i nearly fell down the stairs": the fall did not happen
    if text[start : start + 16].startswith(("dead tired", "dead beat")) and not text[
        start + 10 : start + 14
    ].startswith(" of"):
        return True  # "my legs are dead tired from the walk": tired, not numb
    if len(before) < 2 or before[0] not in _DETERMINERS:
        return False
    if re.match(
        r"\S* (?:\w+ ){0,4}(?:on|onto|under|with) (?:me|my|top of me)\b", text[start : start + 48]
    ):
        return False  # "the shelf fell on me": a blow
    subject = before[1]
    return subject in _THINGS or (subject in _INFANTS and first_word.startswith(_WET))
