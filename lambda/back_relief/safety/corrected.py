"""A statement taken back in the same breath and said the other way round: read again as the
correction makes it.

People correct themselves as they speak: "i've not wet myself, well, i have, twice today",
"my legs are fine, no actually they're not". The sign is in the first clause, but said as
absent, and the correction that makes it present is elliptical ("i have", "they are not"), so
no rule reads it. This module rebuilds the corrected clause whole ("i have wet myself twice
today", "my legs are not fine") for triage to read beside the text, as affirmed.py does for an
answer to a question.

Only an elliptical correction of the opposite polarity, after a word that marks a correction
("well", "no", "actually", "i mean", "sorry", "wait"), with the same subject. It adds a
reading and takes none away: "i can't walk, well i can, just slowly" still reads "i can not
walk" as well (silencing a first clause on a correction would lose a report like "i can walk,
no, i can't").

Pure word-list code on normalised text (no regex).
"""

from __future__ import annotations

from ..text import word_set

__all__ = ["corrected"]

# What marks a correction; "mean" only as "i mean".
_MARKS = word_set("well no actually mean sorry wait rather nope hang")
_FILLERS = word_set("i on oh um er erm sorry actually honestly really in fact yes yeah")
_AUX = word_set(
    "can could will would am is are was were have has had do does did should shall may might must"
)
_SUBJECTS = word_set("i he she they we it")
_DETERMINERS = word_set("my his her their our the both")
# A noun phrase's subject corrected as a pronoun: "my legs are fine, no they are not".
_PRONOUNS = word_set("it they")
_NEGATIONS = word_set("not never no")
_STILL = word_set("still even really properly ever")
# The correction is elliptical only when nothing of a predicate follows its auxiliary: the text
# ends, or one of these comes next ("i have, twice today", "they are not, since the spasm"),
# or a new clause ("i am not, i am struggling").
_AFTER = (
    word_set(
        "now today tonight twice once several again too also actually really though yet already "
        "since and but so because cos this last yesterday sadly unfortunately all at"
    )
    | _SUBJECTS
    | word_set("my")
)
_MAX_CLAUSE = 10


def _ellipsis(words: list[str], i: int) -> tuple[int, bool] | None:
    """(end, negated) of "subject aux [not]" at words[i] with no predicate after it."""
    if i + 1 >= len(words) or words[i] not in _SUBJECTS or words[i + 1] not in _AUX:
        return None
    end, negated = i + 2, False
    if end < len(words) and words[end] in ("not", "never"):
        end, negated = end + 1, True
    if end < len(words) and words[end] not in _AFTER:
        return None
    return end, negated


def _clause(words: list[str], mark: int) -> tuple[list[str], str, list[str], bool] | None:
    """(subject, aux, predicate, negated) of the clause just before the mark at words[mark]."""
    for s in range(mark - 2, max(-1, mark - _MAX_CLAUSE - 1), -1):
        if words[s] in _SUBJECTS and words[s + 1] in _AUX:
            subject, k = words[s : s + 1], s + 1
        elif words[s] in _DETERMINERS and s + 2 < mark and words[s + 2] in _AUX:
            subject, k = words[s : s + 2], s + 2
        else:
            continue
        said = words[k + 1 : mark]
        negated = not _NEGATIONS.isdisjoint(said)
        predicate = [w for w in said if w not in _NEGATIONS and w not in _STILL]
        return (subject, words[k], predicate, negated) if predicate else None
    return None


def corrected(text: str) -> str | None:
    """The clause a correction turns round, said whole, with the rest of the text after it, or
    None (text: normalised): "i have not wet myself well i have twice today" -> "i have wet
    myself twice today"."""
    words = text.split()
    if _MARKS.isdisjoint(words):
        return None
    for mark, word in enumerate(words):
        if word not in _MARKS or (word == "mean" and words[mark - 1 : mark] != ["i"]):
            continue
        start = mark - 1 if word == "mean" else mark
        clause = _clause(words, start)
        if clause is None:
            continue
        j = mark + 1
        while (
            j < len(words)
            and (words[j] in _MARKS or words[j] in _FILLERS)
            and not (words[j] in _SUBJECTS and j + 1 < len(words) and words[j + 1] in _AUX)
        ):
            j += 1
        found = _ellipsis(words, j)
        if found is None:
            continue
        end, negated = found
        subject, _, predicate, was_negated = clause
        who = words[j]
        same = who == subject[0] if subject[0] in _SUBJECTS else who in _PRONOUNS
        if not same or negated == was_negated:
            continue
        turned = [*subject, words[j + 1], *(["not"] if negated else []), *predicate]
        return " ".join(turned + words[end:])
    return None
