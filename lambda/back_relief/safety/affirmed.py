"""A sign asked about, warned of or supposed, then affirmed in the next clause: said again whole.

framing.py and supposed.py take back a sign named as a question, advice or hypothetical ("the
nurse asked if i could feel my bottom", "they said to call if my legs went weak"). People then
answer in the same breath, elliptically: "... and i can't", "yes, i am", "they have", "that's
what i've got", "it doesn't, it's numb". The sign in the question is often not even said as a
sign ("if i could pee": the answer "i can't" makes it one), so no later clause can reinstate a
finding that was never made. This module rebuilds what the answer says as one plain statement
("i can not pee", "i am leaking", "my bum is numb") for triage to read like any other text:

- subject + auxiliary + the question's predicate, for an elliptical answer ("i can not",
  "they have", "she is not"): the answer's polarity wins, so "asked if i could feel my legs and
  i can" stays benign and "asked whether i had wet myself, i have not" is a denial;
- the question's words as now ("was" -> "is"), for a bare yes ("yes", "that is happening now",
  "that is what i have got", "there is some", "i said yes");
- nothing for a bare no ("no", "not really", "i said no");
- and "it"/"they" in the rest of the answer stand for the question's subject ("whether my bum
  felt normal, it does not, it is numb" -> "my bum is numb").

Pure word-list code on normalised text (no regex), run only when a question word is there.
"""

from __future__ import annotations

from itertools import pairwise

from ..text import word_set
from .retold import PLAIN_NEGATIONS as _NEGATIONS
from .retold import done as _done
from .retold import retold

__all__ = ["reinstated"]

# A sign put as a question, warning or supposition: "asked if", "warned me about", "said to call
# if", "watch out for", "what if", "asked had i".
_FRAMES = word_set(
    "asked asks asking ask wondered wondering wanted warned warns warning told tells said says "
    "mentioned checked checking leaflet website advised afraid scared worried frightened terrified "
    "feared fearing"
)
_LOOK = word_set("watch look out check")
_AUX = word_set(
    "can could will would am is are was were have has had do does did should shall may might must"
)
_SUBJECTS = word_set("i he she they we it you that")
_PRONOUNS = word_set("it they them that this those")  # stand for the question's subject
_DETERMINERS = word_set("my his her their your the both our either each mum mums dads")
_CONNECT = word_set("and but well so because cos as though")
# The words that answer a yes/no question (also alexa/handlers/safety.py: a red-flag question
# answered in words).
YES = word_set("yes yeah yep yup yea aye correct exactly definitely sadly unfortunately")
NO = word_set("no nope nah none never")
# After an elliptical auxiliary ("... and i can not", "yes i am now"), only these may follow.
_AFTER_ELLIPSIS = (
    _CONNECT
    | _SUBJECTS
    | YES
    | word_set(
        "now already too also again either really at all yet anymore any more though today tonight "
        "since this morning not sadly unfortunately actually definitely properly much a bit little "
        "lately recently"
    )
)
# A bare yes said as a clause: "that is happening now", "that is me", "that is what i have got",
# "there is some", "it has started", "it is happening", "they did", "i said yes".
_BARE_YES = (
    ("that", "is"),
    ("this", "is"),
    ("thats",),
    ("there", "is"),
    ("there", "are"),
    ("it", "has", "started"),
    ("it", "is", "happening"),
    ("it", "is", "started"),
    ("it", "started"),
    ("it", "has", "happened"),
    ("it", "is", "happened"),
    ("that", "has", "happened"),
    ("it", "happened"),
    ("that", "happened"),
    ("it", "is", "come"),
    ("it", "has", "come"),
    ("it", "has", "begun"),
    ("they", "have", "started"),
    ("said", "yes"),
    ("i", "said", "yes"),
    ("i", "do"),
    ("happening",),
    ("started",),
)
_BARE_NO = (("not", "really"), ("said", "no"), ("i", "said", "no"), ("not", "at", "all"))
# The question's own auxiliary said as now (a bare yes): "asked if i was leaking, yes".
_NOW = {"was": "is", "were": "are", "could": "can", "had": "have", "did": "", "would": ""}
_ABILITY = (("not", "being", "able", "to"), ("being", "unable", "to"), ("not", "able", "to"))
# Every structure needs one of these words: most texts hold none and cost one set test.
_CUES = _FRAMES | word_set("if whether")
_MAX_QUESTION = 14
# A bare answer that is a no after all: "that is not happening", "there is nothing like that".
_NOT_SO = NO | word_set("not nothing fine okay ok alright normal")
# The answer goes on to ask what to do: the whole is a hypothetical.
_ASKED = {
    (a, b)
    for a in ("what", "should", "would", "do", "who", "when", "how")
    for b in ("would", "should", "do", "i", "happen", "happens", "that", "it", "you")
}
# An amount said as the answer ("twice this morning", "a bit", "both of them", "loads").
_AMOUNTS = word_set(
    "twice once several lots loads constantly always sometimes both some plenty heaps often"
)
_AFTER_AMOUNT = word_set(
    "of this today yesterday now and but times a since already so actually really too tonight "
    "lately recently every"
)
_OBJECTS = word_set("me us him her them")
# A modal's sign once it has come: "i might lose feeling", "it has happened".
_MODALS = word_set("might may will would could should")
_STILL = word_set("still ever even really properly")
# Said before the answer proper: "and honestly no", "well actually yes", "but now i can not".
_FILLERS = word_set("honestly actually truthfully frankly sadly unfortunately um er erm like")
_SKIP = _CONNECT | _FILLERS | {"now"}
# What may open an answer after "and", "but", "well", "now": "and i can not", "but yes".
_STARTS = _SUBJECTS | YES | NO | word_set("now there this thats said not")


def _starts(words: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(words[i : i + len(phrase)]) == phrase


def _questions(words: list[str]) -> list[int]:
    """Where a question's own clause may start (after "if", "whether", "about", "for", or
    "asked had i"), last first."""
    found = []
    for i in range(len(words) - 2, -1, -1):
        word = words[i]
        framed = word == "about" and not _FRAMES.isdisjoint(words[max(0, i - 8) : i])
        if word in ("if", "whether") or framed or (word == "for" and i and words[i - 1] in _LOOK):
            found.append(i + 1)
        elif word in _FRAMES and word not in ("leaflet", "website"):
            j = i + 1 + (words[i + 1] in _OBJECTS)
            j += words[j : j + 1] == ["that"]
            if words[i + 1] in _AUX or (
                j + 1 < len(words) and words[j] in _SUBJECTS | _DETERMINERS
            ):
                # "asked had i lost control"; "warned me i might lose feeling down there"
                found.append(i + 1 if words[i + 1] in _AUX else j)
    return found


def _elliptical(words: list[str], i: int) -> int | None:
    """End index of "subject aux [not]" at words[i] when nothing of a predicate follows."""
    if i + 1 >= len(words) or words[i] not in _SUBJECTS or words[i + 1] not in _AUX:
        return None
    end = i + 2
    if end < len(words) and words[end] in ("not", "never"):
        end += 1
    if end < len(words) and words[end] not in _AFTER_ELLIPSIS:
        return None
    return end


def _answer(words: list[str], first: int) -> int | None:
    """Where the answer starts after the question's clause (at least one word from first)."""
    for i in range(first + 1, min(len(words), first + _MAX_QUESTION + 1)):
        word = words[i]
        if word in _SKIP:
            nxt = next((w for w in words[i + 1 :] if w not in _SKIP), None)
            if nxt is not None and nxt in _STARTS:
                return i
        elif word in YES or word in NO or word in ("that", "this", "there", "thats", "not"):
            if any(_starts(words, i, p) for p in _BARE_YES + _BARE_NO) or word in YES | NO:
                return i
        elif _elliptical(words, i) is not None or _how_much(words, i):
            return i
    return None


def _how_much(words: list[str], i: int) -> bool:
    """An answer by amount is a yes: "... any accidents, twice this morning", "a bit", "both"."""
    size = 2 if words[i : i + 2] in (["a", "bit"], ["a", "little"], ["a", "lot"]) else 1
    if size == 1 and words[i] not in _AMOUNTS:
        return False
    after = words[i + size : i + size + 1]
    return not after or after[0] in _AFTER_AMOUNT


def _split(question: list[str]) -> tuple[list[str], str, list[str]]:
    """(the question's subject, its auxiliary or "", its predicate without a negation)."""
    for k, word in enumerate(question[:5]):
        if word in _AUX and (k == 0 or question[k - 1] != "to"):
            subject, predicate = question[:k], question[k + 1 :]
            if k == 0 and predicate[:1] and predicate[0] in _SUBJECTS:
                subject, predicate = predicate[:1], predicate[1:]  # "had i lost control"
            while predicate[:1] and predicate[0] in _NEGATIONS | _STILL:
                predicate = predicate[1:]
            return subject, word, predicate
    for phrase in _ABILITY:
        if _starts(question, 0, phrase):
            return [], "can", question[len(phrase) :]
    for k, word in enumerate(question[:4]):
        if k and word.endswith("ing"):  # "both legs going numb"
            return question[:k], "", question[k:]
    if question[:1] and question[0] in _SUBJECTS:
        return question[:1], "", question[1:]
    if question[:1] and question[0] in _DETERMINERS:
        return question[:2], "", question[2:]
    return [], "", question


def _resolve(words: list[str], subject: list[str]) -> list[str]:
    """The answer's "it"/"they" read as the question's subject, when that is a noun phrase."""
    if not subject or subject[0] in _SUBJECTS:
        return words
    out: list[str] = []
    for word in words:
        out.extend(subject if word in _PRONOUNS else [word])
    return out


def reinstated(text: str) -> str | None:
    """The statement an answer makes of the sign just asked about, or None (text: normalised,
    no leading space): "the nurse asked if i could feel my bottom and i can not" -> "i can not
    feel my bottom"; "he asked whether i would wet myself i have not" -> "i have not wet myself"."""
    words = text.split()
    if _CUES.isdisjoint(words):
        return retold(words)
    for first in _questions(words):
        at = _answer(words, first)
        if at is not None:
            return _said_again(words[first:at], words[at:])
    return retold(words)


def _present(aux: str, subject: list[str]) -> str:
    now = _NOW.get(aux, aux)
    return "am" if now == "is" and subject == ["i"] else now


def _said_again(question: list[str], answer: list[str]) -> str | None:
    subject, aux, predicate = _split(question)
    yes = False
    while answer and (answer[0] in _SKIP or answer[0] in YES):
        yes = yes or answer[0] in YES
        answer = answer[1:]
    if answer[:2] in (["i", "said"], ["said"]) and not NO.intersection(answer[:4]):
        answer = answer[answer.index("said") + 1 :]  # "i said a bit", "i said yes"
        yes = yes or (bool(answer[:1]) and answer[0] in YES)
    yes = yes or (bool(answer) and _how_much(answer, 0))
    if any(_starts(answer, 0, p) for p in _BARE_NO) or (answer[:1] and answer[0] in NO):
        # A bare no denies the question as put: "asked if i could feel my feet, not really" is
        # "i can not feel my feet"; "asked whether i had wet myself, no" stays a denial.
        if not aux or not subject or not _NEGATIONS.isdisjoint(question):
            return None
        return " ".join([*subject, _present(aux, subject) or "do", "not", *predicate])
    end = _elliptical(answer, 0)
    if end is not None:
        said, rest = answer[:end], answer[end:]
        who = subject if said[0] in _PRONOUNS and subject else said[:1]
        if not predicate:
            return None
        statement = [*who, *said[1:], *predicate]
    elif (yes or any(_starts(answer, 0, p) for p in _BARE_YES)) and _NOT_SO.isdisjoint(answer[:4]):
        now = _present(aux, subject)
        said = (
            _done(predicate)
            if aux in _MODALS and predicate
            else [*([now] if now else []), *predicate]
        )
        statement, rest = [*subject, *said], []
    else:  # a full clause: read again only when its "it" stands for the question's subject
        resolved = _resolve(answer, subject)
        return " ".join(resolved) if resolved != answer else None
    if _ASKED.intersection(pairwise(answer)):
        return None  # "if i ever fell and could not get up, what would happen": still a question
    return " ".join(statement + _resolve(rest, subject)) or None
