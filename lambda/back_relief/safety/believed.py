"""A warning sign said as a belief put right, or as long-standing rather than new.

framing.py loads this on the first text whose finding's clause holds a belief word ("thought",
"worried") or whose words say how long ("always", "since", "years"): most texts hold neither,
and a cold start reads no words, so these patterns are compiled only when needed. It also reads
"wanted to know if" as the question someone asked.
"""

from __future__ import annotations

import re

from ..text import word_set as _word_set
from .supposed import NOW as _NOW

__all__ = ["asking", "long_standing", "put_right"]

# A belief put right: "i thought i could not feel my bum but it was just cold from the ice", "i
# was worried i could not pee but i went fine", "at first i thought i had wet myself, it turned
# out to be the ice pack". The belief comes before the sign in its clause, the correction after
# it; a report after the correction keeps it a report ("... but it was worse, i can not pee").
_CORRECTED = re.compile(
    r" (?:but (?:it|that|this|they) (?:was|were|turned out)(?: just| only| actually)?"
    r"|(?:it|that|this) was (?:just|only) (?:the|a|an|my|from|because)"
    r"|turned out|false alarm"
    r"|(?:but|and) (?:i|he|she) (?:went|managed|could|did|was fine|am fine))\b"
)
# Long-standing, not new: "i leak a little when i sneeze, always have", "that always happens",
# "i have since my second baby", "never have", "at my age" (E tiers are new signs; "always
# have, but now it pours" is new).
_ALWAYS = re.compile(
    r" (?:(?:that|it|this) (?:always|often|usually) (?:happens|does|did|has)"
    r"|(?:i|he|she|it) (?:always|usually) (?:has|have|does|do|did)(?: been)?(?= *$| but| and)"
    r"|(?:always|usually) (?:has|have|had) (?:done|been)? ?(?:since|for)"
    r"|(?:i|he|she|it) (?:have|has|had) (?:done )?(?:since|ever since) (?:my|his|her|the) (?:\w+ )?"
    r"(?:baby|babies|kids|children|pregnancy|pregnancies|menopause|birth|op|operation|surgery)"
    r"|(?:for|since) (?:years|decades)(?= *$| now)|all my life|my whole life"
    r"|happens to (?:everyone|everybody|anyone|all of us)|never (?:have|has|did)(?= *$)"
    r"|at (?:my|his|her|our) age|as (?:i|he|she|we) (?:get|got) older|with age"
    r"|(?:everyone|everybody) gets (?:that|it|this))\b"
)


def put_right(rest: str) -> bool:
    """rest: the text from the finding on, whose clause before it holds a belief word."""
    found = _CORRECTED.search(rest)
    return found is not None and not _NOW.search(rest[found.end() :])


def long_standing(rest: str) -> bool:
    """rest: the text from the finding on."""
    found = _ALWAYS.search(rest)
    if found is None or " but " in rest[found.end() :]:
        return False  # "that usually happens when i sit, but it is not going away": a report
    return not _NOW.search(rest[: found.start()] + rest[found.end() :])


_WANTED = _word_set("want wants wanted wanting")


def asking(own: list[str]) -> list[str]:
    """ "the gp wanted to know if i had trouble peeing": a question someone asked, as "asked"."""
    out = list(own)
    for k in range(len(out) - 2, 0, -1):
        if out[k : k + 2] == ["to", "know"] and out[k - 1] in _WANTED:
            out[k - 1 : k + 2] = ["asked"]
    return out
