"""Questions about the signs and about the skill, asked by nobody in particular: "which fall counts
as a serious fall", "what do you mean trouble peeing", "why are you asking if i have wet myself".
scope.py reads them as a sign asked about, not reported; a first person or a later report in
the same text keeps the words a report."""

from __future__ import annotations

from itertools import pairwise

from ..text import word_set as _word_set

__all__ = ["ASKS", "TOLD_OF", "criterion", "skill_asked", "skill_listed"]

# "when is chest pain with back pain serious", "which fall counts as a serious fall", "is numbness
# in one leg an emergency or only both": a criterion asked for, by nobody in particular. A yes/no
# opener needs an either/or; any person ("is it serious that he can not feel his legs") keeps it a
# report, and so does a sign said as a state after it ("... when both legs are numb").
_CRITERION_OPEN = _word_set("what whats which when")
_EITHER_OPEN = _word_set("is are does do")
_CRITERION = _word_set(
    "count counts counted mean means meant serious emergency emergencies urgent dangerous danger "
    "flag flags warning worry worrying concern concerning matter matters"
)
_COMPARED = _word_set("both one either other only each")
# ... and "it", "this": "what does it mean, weakness in both legs" asks about the asker's own.
_PERSONS = _word_set("he she him his her hers they them their hes shes it this that")
_STATE = _word_set("are is am have has keep keeps went gone going getting feel feels")


def criterion(words: list[str], after: list[str]) -> bool:
    """words: the whole text, with no first person in it; after: the words after the sign's."""
    if not _CRITERION.intersection(words) or _PERSONS.intersection(words):
        return False
    if _STATE.intersection(after):
        return False
    if words[0] in _CRITERION_OPEN:
        return True
    # "... an emergency or only both", "is numbness in both legs the emergency one"
    # ("... serious or just normal" may ask about the asker's own: only signs compared count)
    either = any(
        (a == "or" and _COMPARED.intersection(words[i + 1 : i + 4]))
        or (a in _CRITERION and b in ("one", "ones"))
        for i, (a, b) in enumerate(pairwise(words))
    )
    return words[0] in _EITHER_OPEN and either


# The skill's own question said back: "why are you asking if i have wet myself", "stop asking me
# about peeing myself". The sign must be what is asked about ("about" it, or "if i have" it) and
# end the text: "why do you keep asking about my bladder, i have wet myself" and "you asked about
# my legs, they have gone weak" are reports.
# ... or mentioned, or gone on about: "why do you keep mentioning my bladder", "stop going on
# about wetting myself".
ASKS = _word_set("ask asks asking asked mention mentions mentioning mentioned on")
_GOES_ON = _word_set("going goes banging harping keep keeps")
_SKILL_ASKER = _word_set("you stop")
_ASKED_AUX = _word_set("i you have had would could can am was did do ever really")
_TELLS_ON = _word_set("i it they he she we and but because cos so now")


def skill_asked(clause: list[str], following: list[str]) -> bool:
    """clause: the words before the sign, back to a report break; following: the sign on."""
    if len(following) > 5 or _TELLS_ON.intersection(following[1:]):
        return False
    for i in range(len(clause) - 1, 0, -1):
        if clause[i] == "on" and clause[i - 1] not in _GOES_ON:
            continue  # "on" only as in "going on about"
        asker = clause[max(0, i - (3 if clause[i] == "on" else 2)) : i]
        if clause[i] in ASKS and _SKILL_ASKER.intersection(asker):
            between = clause[i + 1 :]
            if between[:1] == ["me"]:
                between = between[1:]
            if not between and clause[i].startswith("mention"):
                return True  # "why do you keep mentioning wetting myself"
            if between[:1] == ["about"]:
                return len(between) <= 2
            return between[:1] in (["if"], ["whether"]) and _ASKED_AUX.issuperset(between[1:4])
    return False


# The skill's own list or question named after the sign, by someone reporting nothing: "why is
# wetting yourself on your list", "what is this pins and needles in both legs you are asking".
# A first person before the sign ("i have wet myself, is that on your list") or a report between
# ("... and i can't") keeps it a report.
_LISTS = _word_set("list checklist questions")
_LIST_OWNERS = _word_set("the your that this")
_YOU_TALK = (ASKS - {"on"}) | _word_set("saying talking")
_YOU_AUX = _word_set("are were keep just have")
_SUBJECT_ME = _word_set("i im ive id we")
# ... nor an "is that", "does it" asking whether the speaker's own sign is listed.
_REPORTS_ON = _word_set("i im ive but because cos so now that this it is does do was")
_WHY = _word_set("why whys whyd what whats how which who")
# After the question, any report keeps the sign a report: "why is numbness in both legs on your
# list, my husband has that", "what is tearing pain exactly, that is what it feels like", "...,
# it just happened", "..., can not go at all". Only a question left as a question is taken back.
TOLD_OF = _word_set(
    "i im ive my me we our us he she hes shes his her they their husband wife partner mum mom dad "
    "mother father son daughter nan gran grandad grandma grandpa brother sister kid child baby "
    "it its that thats this happened happening happens now just can cant cannot not no nothing "
    "none since today"
)


def skill_listed(before: list[str], following: list[str]) -> bool:
    """before: every word before the sign; following: the sign's words on."""
    if _SUBJECT_ME.intersection(before) or not _WHY.intersection(before):
        return False
    words = following[1:10]
    for i, word in enumerate(words):
        if word in _REPORTS_ON:
            return False
        listed = _LIST_OWNERS.intersection(words[i + 1 : i + 2]) and _LISTS.intersection(
            words[i + 2 : i + 4]
        )
        if word in ("on", "in") and listed:  # "on your (warning) list"
            return TOLD_OF.isdisjoint(following[i + 4 :])
        if word == "you":
            talk = words[i + 1 : i + 3]  # "you asking", "you are asking", "you keep mentioning"
            if talk[:1] and talk[0] in _YOU_AUX:
                talk = talk[1:]
            if talk[:1] and talk[0] in _YOU_TALK:
                return TOLD_OF.isdisjoint(following[i + 3 :])
    return False
