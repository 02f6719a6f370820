"""Questions about the signs and about the skill, asked by nobody in particular: "which fall counts
as a serious fall", "what do you mean trouble peeing", "why are you asking if i have wet myself".
scope.py reads them as a sign asked about, not reported; a first person or a later report in
the same text keeps the words a report."""

from __future__ import annotations

from itertools import pairwise

from ..text import word_set as _word_set

__all__ = ["ASKS", "criterion", "skill_asked"]

# "when is chest pain with back pain serious", "which fall counts as a serious fall", "is numbness
# in one leg an emergency or only both": a criterion asked for, by nobody in particular. A yes/no
# opener needs an either/or; any person ("is it serious that he can not feel his legs") keeps it a
# report, and so does a sign said as a state after it ("... when both legs are numb").
_CRITERION_OPEN = _word_set("what whats which when")
_EITHER_OPEN = _word_set("is are does do")
_CRITERION = _word_set(
    "count counts counted mean means meant serious emergency emergencies urgent dangerous danger "
    "flag flags warning worry worrying concern concerning matter matters meaning definition "
    "sign signs reason"
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
        or (a, b) == ("one", "of")  # "is losing control of your bowels one of the signs"
        for i, (a, b) in enumerate(pairwise(words))
    )
    return words[0] in _EITHER_OPEN and either


# The skill's own question said back: "why are you asking if i have wet myself", "stop asking me
# about peeing myself". The sign must be what is asked about ("about" it, or "if i have" it) and
# end the text: "why do you keep asking about my bladder, i have wet myself" and "you asked about
# my legs, they have gone weak" are reports.
ASKS = _word_set("ask asks asking asked")
_SKILL_ASKER = _word_set("you stop")
_ASKED_AUX = _word_set("i you have had would could can am was did do ever really")
_TELLS_ON = _word_set("i it they he she we and but because cos so now")


def skill_asked(clause: list[str], following: list[str]) -> bool:
    """clause: the words before the sign, back to a report break; following: the sign on."""
    if len(following) > 5 or _TELLS_ON.intersection(following[1:]):
        return False
    for i in range(len(clause) - 1, 0, -1):
        if clause[i] in ASKS and _SKILL_ASKER.intersection(clause[max(0, i - 2) : i]):
            between = clause[i + 1 :]
            if between[:1] == ["me"]:
                between = between[1:]
            if between[:1] == ["about"]:
                return len(between) <= 2
            return between[:1] in (["if"], ["whether"]) and _ASKED_AUX.issuperset(between[1:4])
    return False
