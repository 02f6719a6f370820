"""Words after a finding that take it back: a reassurance ("my legs are fine", "bladder is
okay") or a felt sign said to have passed ("the tingling went away", "that has cleared up now")."""

from __future__ import annotations

import re

from ..text import word_set as _word_set
from .scope import NEGATIONS as _NEGATIONS
from .scope import SCOPE_ENDS as _SCOPE_ENDS

__all__ = ["reassured", "resolved"]


# "my legs are fine", "bladder is okay": the words after a finding take it back.
_REASSURANCE = _word_set("fine okay alright normal")
_AFTER_WORDS = 4


# "my legs are numb, is that okay", "are both legs being numb normal": asking for reassurance
# is not giving it.
_ASKED = _word_set("is was are")
_ASKED_OF = _word_set("that it this")


# "the tingling went away", "the numbness wore off after an hour", "pins and needles in both legs
# but that has cleared up now": a sign that has passed. Never when it came back or got worse
# ("i thought the numbness had gone but it is back in both legs").
def _phrases(phrases: str) -> tuple[str, ...]:
    return tuple(" " + phrase for phrase in phrases.split("|"))


_RESOLVED = _phrases(
    "went away|gone away|wore off|were off|worn off|back to normal|fine again|normal again|"
    "cleared up|settled down|eased off|feeling has come back|feeling came back|feeling is back|"
    "warmed up"
)
# Only at the end of the clause: "it has gone now", never "my legs have gone weak" or
# "i passed out"; and never what was lost ("the feeling in both legs has gone").
_ENDED = _phrases(
    "has gone|have gone|had gone|is gone|are gone|passed|cleared|settled|eased|stopped|better"
)
# Only a felt sign passes: a wet bed or a fall is an event, even once it has stopped.
_FELT = tuple(
    _word_set(
        "numb tingl pins needles weak tight dead heav jelly wobbl shak sore ach hurt pain dizz "
        "faint breath feet legs burn throb cramp sting"
    )
)
_ENDED_BY = _word_set("now away completely again off yesterday today once after")
_LOST = _word_set("feeling sensation strength power control use movement grip")
_BACK_TO = _word_set("they it that this these those the feeling")
_RETURNED = _phrases(
    "returned|worse|spread|again|is back|are back|came back|come back|coming back|still"
)
_PARTLY = _word_set("bit little slightly somewhat")  # "a bit better" is not gone
# "it is better when i lie down", "better if i sit": a condition after "better" says how the
# pain eases (rest or a change of position), not that the sign has passed.
_CONDITION = _word_set("when if whenever while once")


# "i could not get up at first but i am up now": the speaker is back on their feet.
_UP_AGAIN = (
    "i am up",
    "i got up",
    "i managed to get up",
    "i made it up",
    "i can walk now",
    "i can stand now",
    "i am walking now",
    "i am standing now",
)


def _up_from(text: str, end: int) -> bool:
    """Only an inability to get up or stand is undone by getting up, never legs giving way."""
    said = text[max(0, end - 48) : end].split()[-6:]
    return "up" in said and not {"way", "gave", "buckled", "collapsed"}.intersection(said)


# After "but they", "and it": "but they are totally fine this morning", "and they are not".
_THEY_ARE = _word_set("are is were was have")
_NOW_FINE = _word_set("totally completely absolutely perfectly all fine okay alright normal now")


def _taken_back(words: list[str]) -> bool:
    """words: what follows "but they" / "and it" (up to four words)."""
    if not words or words[0] not in _THEY_ARE:
        return False
    if words[1:2] == ["not"]:  # "and they are not": only when nothing follows but "at all"
        return words[2:] in ([], ["at", "all"], ["really"])
    rest = words[1:]
    return bool(rest) and all(w in _NOW_FINE for w in rest[:2]) and bool(_REASSURANCE & set(rest))


_FINE_NOW = re.compile(r" but (?:fine|okay|alright|normal)(?: now| again| today)?$")


def _felt(text: str, end: int) -> bool:
    """Only a felt sign passes, never what was lost ("the feeling in both legs has gone")."""
    said = text[max(0, end - 64) : end].split()[-8:]
    return not _LOST.intersection(said) and any(w.startswith(_FELT) for w in said)


# "weak legs? nah, just a weak back", "both legs? no, only the left one": the sign named back as
# a question and answered no, with what it is instead. Never when the sign is itself a lack ("i
# can not feel my legs, no, not at all" agrees with it) or "no" opens a phrase ("no joke").
_ANSWERS = _word_set("no nah nope")
_INSTEAD = _word_set("just only not nothing none never neither fine okay alright")
_LACK = _word_set("not no never without unable cannot lost nothing")


def _answered_no(text: str, end: int) -> bool:
    words = text[end : end + 40].split()[:4]
    for k in range(min(2, len(words) - 1)):
        if words[k] in _ANSWERS and words[k + 1] in _INSTEAD:
            said = text[max(0, end - 40) : end].split()[-5:] + words[:k]
            return not _LACK.intersection(said)
    return False


# "urine was stopping years back, now nothing like that", "my old boss lost control of his
# bladder, i have got none of that", "looks like i wet myself, which i did not": the speaker
# disowns the sign as a whole, in a clause of its own. Never a first time ("nothing like that
# has ever happened", "never had nothing like that before") or a place or time that narrows it
# ("nothing like that in my arms", "none of that on the left"), nor a clause that goes on
# ("nothing like that i have ever felt"): only a clause's end may follow.
_DISOWNED = re.compile(
    r" (?:nothing|none) (?:like|of) (?:that|this|those|it)"
    r"(?= (?:now|today|anymore|any more|at all|just|only|but|and|thanks|thank|mate|really|"
    r"honestly)\b|$)"
    r"| which i (?:did|have|had|do|am|was) not\b(?! yet\b)"
)
_FIRST_TIME = _word_set("never ever")
_DISOWN_REACH = 96


def _disowned(text: str, end: int) -> bool:
    found = _DISOWNED.search(text[end : end + _DISOWN_REACH])
    if found is None:
        return False
    before = text[end : end + found.end()].split()[-6:]
    return not _FIRST_TIME.intersection(before)


def resolved(text: str, end: int) -> bool:
    """True when the words after text[:end] say the sign has passed and not come back, or
    answer it no, or disown it (triage reads this after a pattern's match too)."""
    if _answered_no(text, end) or _disowned(text, end):
        return True
    words = text[end : end + 112].split()[:12]
    if _FINE_NOW.search(" " + " ".join(words)) and _felt(text, end):
        # "like jelly after that spin class last week, but fine now"
        later = text[end:].replace(" fine again", "")
        return not any(p in later[later.find(" but ") + 5 :] for p in _RETURNED)
    clause, crossed = "", False
    for i, word in enumerate(words):
        if word in _NEGATIONS:
            return False
        if (
            word == "but"
            and " ".join(words[i + 1 : i + 6]).startswith(_UP_AGAIN)
            and _up_from(text, end)
        ):
            return not any(p in text[end:] for p in _RETURNED)  # "but i am up now"
        if word in ("but", "and") and not crossed and i + 1 < len(words):
            # "but now they are fine": the "now" that sets today against then, skipped
            at = i + 2 if words[i + 1] == "now" and i + 2 < len(words) else i + 1
            crossed = words[at] in _BACK_TO  # "but that has cleared up", "but they are fine"
            if not crossed:
                break
            if _taken_back(words[at + 1 : at + 5]):
                return True
        elif word in _SCOPE_ENDS - {"it", "my", "this", "that", "they", "now"}:
            if word in _CONDITION and clause.endswith(" better"):
                return False  # "better when i lie down": how it eases, not that it has gone
            break
        clause += " " + word
    if not _felt(text, end):
        return False
    rest = text[end:]
    for phrase in _RESOLVED:
        if phrase in clause:
            later = rest[rest.find(phrase) + len(phrase) :]
            later = later.replace(" fine again", "").replace(" feeling has come back", "")
            return not any(p in later for p in _RETURNED)
    for phrase in _ENDED:
        at = clause.find(phrase)
        if at >= 0:
            nxt = clause[at + len(phrase) :].split()[:1]
            before = clause[:at].split()[-1:]
            if (not nxt or nxt[0] in _ENDED_BY) and not _PARTLY.intersection(before):
                later = rest[rest.find(phrase) + len(phrase) :]
                return not any(p in later for p in _RETURNED)
    return False


# "my legs were fine this morning but now they have both gone weak": fine until a change.
_UNTIL = _word_set("this earlier yesterday until till before last when")


def reassured(text: str, end: int) -> bool:
    """True when a reassurance word follows text[:end] within a few words of the same clause,
    or the sign is said to have passed."""
    if resolved(text, end):
        return True
    if text.startswith((" is ", " are ")):
        return False
    words = text[end : end + 48].split()
    for i, word in enumerate(words):
        if i >= _AFTER_WORDS or word in _SCOPE_ENDS - {"it", "my", "this", "that"}:
            return False
        if word in _NEGATIONS:  # "my wee is not normal"
            return False
        if word == "normally" and not _LACK.intersection(text[max(0, end - 40) : end].split()[-5:]):
            return True  # "wee is coming out normally", never "i can not walk normally"
        if word in _REASSURANCE:
            if i + 1 < len(words) and words[i + 1] in _UNTIL:
                return False
            return not (i >= 2 and words[i - 1] in _ASKED_OF and words[i - 2] in _ASKED)
    return False
