"""Advice remembered and hypotheticals: a warning sign named as what may come, not as now.

"the doctor said to come in if i go numb", "i was told to watch out for saddle numbness", "what
if i can't pee", "how do i tell if it's cauda equina", "should i go in if my legs go numb". Each
holds only for the finding's own short clause, and words after it that report the sign now keep
it a report: "the doctor said if i can't wee to come in, and i can't" (told_now). framing.py
reads these with its other frames.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ..text import word_set as _word_set

__all__ = [
    "ADVISED",
    "ANYONE",
    "NOW",
    "SUBJECTS",
    "advised",
    "denied_after",
    "named",
    "supposed",
    "told_now",
]


_ME = _word_set("i my me myself mine we our us")

# ... unless the clause says it is now: "again like last time, started an hour ago",
# "since last year", "it can not stop"; never "ever since a car crash in 2005" (long-standing).
NOW = _NOW = re.compile(
    r" (?:now|today|tonight|yesterday|just|(?<!right )(?<!same )again|still|currently"
    r"|(?<!ever )(?<!fine )(?<!okay )(?<!good )(?<!normal )(?<!never )(?<!nothing )(?<!none )since"
    r"|suddenly|keeps?"
    r"|this (?:morning|afternoon|evening|week|time)|last night|at the moment|right now"
    r"|(?:an|one|two|few|couple of|\d+) (?:hours?|minutes?|mins?|days?) ago|can not|cannot)\b"
)

# Advice remembered: "the doctor said to come in if i go numb", "i was told to watch out for
# saddle numbness", "the leaflet says numbness around your back passage is an emergency".
ADVISED = _ADVISED = _word_set(
    "said says say told tells advised advises warned warns leaflet website instructions "
    "guidance recommended suggested mentioned explained asked asks checked"
)
# ... and a question someone asked: "the nurse asked whether i had any numbness, i said no".
_CONDITION = _word_set("if when case unless once should whether")
_LOOK_FOR = _word_set("watch look out check listen")  # "told to look out for", never "for a week"
_DOCUMENTS = _word_set("leaflet website instructions guidance booklet sheet")
# Anyone in general, and the generic "you" of advice ("call 999 if you can not pee").
ANYONE = _word_set("someone somebody anyone anybody people person")
_ANYONE = ANYONE | _word_set("you your")
_TOLD = _word_set("can cannot is are am has does keeps keep")
# ... and in someone's words about the speaker, a verb in the present or past says it is so:
# "my girlfriend says i do not seem to feel anything when we have sex" (not "said if i do not").
_TOLD_OF = _TOLD | _word_set("do did")
# What turns remembered advice or a question back into a report: "... and i can not", "well
# they just did", "and now i have got it", "and i think it has started".
_TOLD_NOW = _word_set(
    "not never just now started starting happening happened got gone did done has have had is "
    "are keep keeps already today tonight since morning yesterday hour hours cannot yes"
)
_TELL_BREAKS = _word_set("and but well now so which because cos")
_TELLERS = _word_set("i it they she he mine")

# "what if i can not pee", "in case my legs go numb", "how do i tell if it is cauda equina".
_WHAT_IF = re.compile(
    r" (?:what (?:if|happens if|would happen if|do i do if|should i do if|do you do if)"
    r"|in case|if (?:i|you|someone|somebody|anyone|my|your) ever"
    r"|how (?:do|would|can|will|could|should|does|did) (?:i|you|we|one|someone|anyone|a person)"
    r" (?:know|tell|spot|recognise|recognize|notice)(?: if| whether| when| that)?)$"
)
_IF_GAP = 4
_SENSED = _word_set("feel sense breathe")
_WILL_IT = (["will", "it"], ["would", "it"], ["will", "that"], ["would", "that"])
_ONSET = _word_set("go goes get gets start starts become becomes ever develop develops")
SUBJECTS = _SUBJECTS = _word_set("i it my you he she they we his her their your")
_THEN_ASKED = re.compile(
    r" (?:what would|would (?:that|it|i|this)|what then|what happens|who do i|who should i"
    r"|what do i|what should i|should i|do i (?:call|ring|go|phone|need)"
    r"|is (?:that|it|this) (?:an emergency|a nine nine nine|serious|urgent|bad))\b"
)
# The "if" clause before that question says the sign is here now, or that it may come later.
_NOW_IF = re.compile(r" (?:are|is|am|can not|cannot|have|has|now|already|still|just|since)\b")
_LATER_IF = re.compile(r" (?:later|tonight|tomorrow|overnight|ever|again|in the morning)\b")
_WATCHED_FOR = re.compile(
    r" (?:(?:something|anything|things?) to (?:watch|look out|look for|keep an eye)"
    r"|an? (?:warning |red |danger )?(?:sign|flag|symptom)s? (?:of|for|to)|a red flag)\b"
)


# A clause that says the sign is not there: "but i can pee fine", "that has not happened", "i
# said no", "there is nothing like that so far", "none of it", "and i did not" (only when the sign
# itself is not a lack: "asked if i had peed and i had not" is retention), or only a feeling
# about it ("and now i am scared"). Never novelty ("nothing like that before", "never had
# anything like this") and never with a report in it ("i was fine until", "and i can not").
_DENIED = re.compile(
    r" (?:(?:said|say|says|told (?:him|her|them|the \w+)|answered|replied) no"
    r"|nothing (?:like that|like it|of the sort|of that)|none of (?:that|it|this|those|them)"
    r"|no sign of (?:it|that|them|any)|(?:got|have|had) neither|neither of (?:them|those)"
    r"|(?:has|have|had|did) not happen(?:ed)?|(?:has|have|had) not had any"
    r"|not (?:have|had|got|get) any of (?:that|it|this|those|them)"
    r"|(?<!not )(?<!is that )(?<!is it )(?<!are they )(?<!was )(?<!were )"
    r"(?:fine|okay|alright|normal|no problems?))\b"
)
# ... or a clause of nothing but a feeling: "and now i am scared", "it has freaked me out".
_FEELING = _word_set(
    "scared worried worrying anxious panicky panicking frightened terrified freaked nervous "
    "paranoid"
)
_FEELING_ONLY = _FEELING | _word_set(
    "i am it is has me out a bit so really quite very getting feeling now totally bit little"
)
_BARE_NOT = re.compile(
    r" (?:they|it|that|he|she|i|mine) (?:have|has|had|did|do|does|is|are|am|was|were) not"
    r"(?:$| (?:it|its|that|thats|just|only|so|yet|thank|thankfully|luckily|at all)\b)"
)
_NOT_DENIED = re.compile(
    r" (?:can not|cannot|could not|unable|not able|not been able|now|since|started|starting"
    r"|happening|again|keeps?|before|ever|like this|until|till|anymore|any more|at first"
    r"|just (?:did|done|have|has|had|happened|wet|gone|went))\b"
)
_SAID_YES = re.compile(r" (?:said|say|answered|replied|told (?:him|her|them|the \w+)) yes\b")
_LACKS = _word_set("not no never without unable cannot")


def _denied(clause: list[str], sign: list[str]) -> bool:
    """clause: the words of one clause after the finding's; sign: the finding's own words."""
    said = " " + " ".join(clause)
    if not clause or _NOT_DENIED.search(said):
        return False
    if _FEELING.intersection(clause) and _FEELING_ONLY.issuperset(clause):
        return True
    return bool(_DENIED.search(said)) or (
        not _LACKS.intersection(sign) and bool(_BARE_NOT.search(said))
    )


def _clauses(words: list[str]) -> list[tuple[int, list[str]]]:
    """(index of the break word, the words up to the next break) for each break in words."""
    at = [
        i
        for i, w in enumerate(words)
        if w in _TELL_BREAKS and not (w == "because" and words[i + 1 : i + 2] == ["of"])
    ]
    return [(i, words[i + 1 : nxt]) for i, nxt in zip(at, [*at[1:], len(words)], strict=False)]


def told_now(text: str, start: int, skip: int = 1) -> bool:
    """True when, after the finding's clause (its first `skip` words), a new clause reports
    the sign now: "... to come in, and i can not", "well they just did", "and now i have it".
    A clause that denies the sign ("but i can pee fine") is passed over."""
    said = text[start:].replace(" a and e", " ae").split()
    sign = said[:3]
    inside = said[2:skip]
    # "they told me to come back if my legs went weak, they have not, it is only my back"
    cut = next((k for k in range(len(inside)) if _denied(inside[k:], sign)), len(inside))
    # "... if i went numb down there, i have": a subject and a telling verb, no "and" between
    if any(a in _TELLERS and b in _TOLD_NOW for a, b in pairwise(inside[:cut])):
        return True
    if " i can not" in " " + " ".join(inside):  # "asked if i can not feel my bum, i can not"
        return True
    if _SAID_YES.search(" " + " ".join(said[2:])):  # "asked if i had numbness, i said yes"
        return True
    words = said[skip:]
    for i, clause in _clauses(words):
        if (not clause and words[i] != "now") or _denied(clause, sign):
            continue  # "and so far there is none of it", "but i can pee fine"
        tail = words[i + 1 : i + 11]
        return words[i] == "now" or bool(_TOLD_NOW.intersection(tail))
    return False


def denied_after(text: str, start: int, skip: int) -> bool:
    """True when a clause after the finding's (its first `skip` words) denies the sign and none
    reports it: "the doctor mentioned numbness down below, have not had any of that"."""
    said = text[start:].split()
    sign, words = said[:3], said[skip:]
    if any(_denied(said[k:], sign) for k in range(2, skip)):
        return not told_now(text, start, skip)
    return any(_denied(c, sign) for _, c in _clauses(words)) and not told_now(text, start, skip)


# Someone else's words about a sign, or their question: "the website says saddle numbness is
# serious", "the doctor asked had i lost control of my bowels". Never the speaker reported
# ("my wife said i wet myself"), except in a question put to them.
_QUESTIONED = _word_set("asked asks checked")


def named(own: list[str]) -> bool:
    for i in range(len(own) - 1, -1, -1):
        if own[i] in _ADVISED:
            between = own[i + 1 :]
            if own[i] in _QUESTIONED:
                return not _TOLD.intersection(between)
            return not (_TOLD | (_SUBJECTS - {"you", "your"})).intersection(between)
    return False


# "my husband says when he touches my bottom i am not feeling it": what happens each time the
# teller does something is what they noticed, not advice ("said when you can not pee, come in").
# Only one person doing it: "he", "she" or a named one ("when my wife touches"); never "we",
# "they", "people" or "patients", which is advice for whoever has the sign ("the leaflet says
# when they have numbness in the saddle area they should call 999").
_DOERS = _word_set("he she")
_NAMED_DOERS = _word_set(
    "wife husband partner girlfriend boyfriend fiance fiancee mum mom mother dad father son "
    "daughter sister brother carer"
)


def _one_doer(after: list[str]) -> bool:
    if after[:1] and after[0] in _DOERS:
        return True
    return len(after) > 1 and after[0] == "my" and after[1] in _NAMED_DOERS


def _conditional(words: list[str], k: int) -> bool:
    word = words[k]
    if word == "when" and _one_doer(words[k + 1 : k + 3]):
        return False
    if word == "for":
        return k > 0 and words[k - 1] in _LOOK_FOR
    if word == "about":  # "warned me about", "told us about"
        return k < 2 or words[k - 1] in ("me", "us", "him", "her", "them")
    return word in _CONDITION


def advised(own: list[str], text: str, start: int) -> bool:
    for i in range(len(own) - 1, -1, -1):
        if own[i] in _ADVISED:
            between = own[i + 1 :]
            # "said if i can not wee, come in", never "says she can not feel anything when"
            cut = next((k for k, w in enumerate(between) if _conditional(between, k)), len(between))
            if _TOLD_OF.intersection(between[:cut]) or own[i - 1 : i] == ["you"]:
                return False  # "says she can not ... when", "everything you said"
            told_anyone = _ANYONE.intersection(between) or (
                _DOCUMENTS.intersection(own[: i + 1])
                and _ANYONE.intersection(text[start:].split()[:8])
            )
            if cut < len(between):  # "said if you can not pee go to a and e, i can not pee"
                return len(between) - cut <= _IF_GAP + 2
            return bool(told_anyone and not _ME.intersection(between))
    return False


# "so if i could not pee, would that be an emergency", "what if i could not feel my bum, what
# would i do": a past "could not" after "if", with a "would" to follow, supposes; "if i can not
# pee, should i go in" says how it is now.
_IF_SUBJECTS = _word_set("i you he she they we someone somebody")
_OWNERS = _word_set("my his her your")


def _could_not_would(text: str, start: int) -> bool:
    words = text[max(0, start - 48) : start + 12].split()
    at = next((k for k in range(3, len(words)) if words[k - 1 : k + 1] == ["could", "not"]), 0)
    if at and words[at - 2] in _IF_SUBJECTS:  # "if i could not"
        if_at = at - 3
    elif at >= 4 and words[at - 3] in _OWNERS:  # "if my wife could not"
        if_at = at - 4
    else:
        return False
    return words[if_at] == "if" and " would " in text[start:] + " " and not _NOW.search(text)


def supposed(text: str, start: int, own: list[str], after: list[str]) -> bool:
    if "could" in own[-4:] + after[:1] and _could_not_would(text, start):
        return True
    for gap in range(min(_IF_GAP, len(own)) + 1):
        head = " " + " ".join(own[: len(own) - gap])
        if _WHAT_IF.search(head):
            # "in case it matters, i can not feel my bum": a second subject starts a report;
            # "what if i can not feel my legs" says how they are now ("what if i can not pee",
            # "what if i can not get up" ask about a try still to come).
            said = own[len(own) - gap :] + after[:4]
            felt = head.endswith(" what if") and "not" in said and _SENSED.intersection(said)
            return len(_SUBJECTS.intersection(said[:gap])) <= 1 and not felt
    # "should i go to hospital if my legs go numb", "do i need an ambulance if both legs start
    # tingling": a sign that may come; never "if both my legs tingle" (now)
    onset = "if" in own[-_IF_GAP - 1 :] and _ONSET.intersection(own[own.index("if") :] + after[:3])
    if onset and not _NOW.search(" " + " ".join(own + after)):
        return True
    if own[:2] in _WILL_IT and "if" in own + after[:4]:
        return True  # "will it hurt if i sneeze": a question about what may come
    asked = _THEN_ASKED.search(text, start) if own[:1] == ["if"] else None
    if asked:
        # "if i ever fell and could not get up, what would happen", "if my legs go numb should
        # i go to hospital or just call my doctor": a sign that may come, then what to do. Never
        # "if both my legs are numb, should i go in" or "if i can not pee, should i": now.
        clause = " " + " ".join(own) + " " + text[start : asked.start()]
        return not _NOW_IF.search(clause) or bool(_LATER_IF.search(clause))
    return not _ME.intersection(text.split()) and bool(_WATCHED_FOR.search(text[start:]))
