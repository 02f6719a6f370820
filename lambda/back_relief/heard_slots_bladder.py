"""The bladder and bowel frames of heard_slots.py: soiling done to oneself or the bed, what is
found wet, and a bladder or bowel that has done nothing for a while. Only the frames live here;
heard_slots.fold_slots reads the word in them by its sounds.
"""

from __future__ import annotations

__all__ = [
    "CLOTHES",
    "FOR_A_WHILE_START",
    "FUNCTIONS",
    "FUNCTION_KEEP",
    "OBJECTS",
    "SOILED",
    "SOILED_NEXT",
    "WET",
    "WETTABLE",
    "function_at",
    "soiled_at",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# What is found wet when a bladder lets go, and how it is found.
WETTABLE = _words(
    "bed sheets sheet mattress pants trousers undies knickers shorts jeans pyjamas couch sofa"
)
WET = ("wet", "soaked", "soaking", "damp", "drenched", "sodden")
# Soiling said of oneself or the bed ("i have what the bed", "i might have paid myself"): the
# verb is read as the soiling verb it sounds like; "myself" then a preposition ("i poked
# myself in the eye") or a verb a few letters further away ("washed", "pushed") stays.
SOILED = ("wet", "peed", "pooed", "pissed", "soiled", "messed", "pooped", "crapped")
OBJECTS = _words("myself meself herself himself themselves")
CLOTHES = _words("bed pants trousers undies knickers shorts dacks daks pyjamas jeans nappy")
_AFTER_SELF = _words("in into on onto with up down off out back to together at by for")
# A bladder or bowel that has done nothing for a while, its word heard as a short word of its
# sounds ("no we since", "able to peace since", "had a week since"): the verbs one might not
# have managed since yesterday are themselves ("able to wipe since", "able to pay since").
FUNCTIONS = ("wee", "pee", "poo", "piss")
_NOT_DONE = (
    "able to",
    "need to",
    "managed to",
    "trying to",
    "tried to",
    "had a",
    "have a",
    "managed a",
    "no",
    "can not",
    "could not",
)
_FOR_A_WHILE = ("since", "i have been trying")
FOR_A_WHILE_START = frozenset(w.split()[0] for w in _FOR_A_WHILE)
FUNCTION_KEEP = _words(
    "wipe wash walk work wake wear wine pill pills pint pie pay put pop pass play pray way why well"
    " will web wed wood"
)
SOILED_NEXT = OBJECTS | _words("the my me her his")
# Words that take "myself" without being done to it: "what to do with myself", "angry at
# myself", "by myself". No verb of soiling hides in them ("with" is one sound from "wet").
_NOT_DONE_TO = _words("with by for to of about at on in from like than as without within")


def soiled_at(words: list[str], i: int) -> bool:
    """Whether words[i] is done to oneself or to the bed or clothes: "___ myself", "___ the bed"."""
    after = words[i + 1]
    if words[i] in _NOT_DONE_TO:
        return False
    if after in OBJECTS:
        return i + 2 >= len(words) or words[i + 2] not in _AFTER_SELF
    return (
        after in ("the", "my", "me", "her", "his")
        and i + 2 < len(words)
        and words[i + 2] in CLOTHES
    )


def function_at(words: list[str], i: int) -> bool:
    """Whether words[i] is what has not happened for a while: "not been able to ___ since",
    "no ___ since", "not had a ___ since", "can not ___ i have been trying for ages"."""
    before = " ".join(words[max(0, i - 2) : i])
    if not before.endswith(_NOT_DONE):
        return False
    after = " ".join(words[i + 1 : i + 5])
    return after.startswith(_FOR_A_WHILE)
