"""A tolerant second reading of words a speech recogniser may have got wrong (issue 12).

When nothing fired and nothing was unsettled, the words may still be a red flag heard with
one word wrong: "i havent peaked since yesterday", "my leg is got some wheat", "i can get it
up since my back went" (the "n't" lost). Per-word tables of heard forms do not carry to new
speakers, so this reads the text again allowing ONE change of a kind recognisers make:

- one content word (four letters or more) read as a concept word whose sound key is one
  sound apart with the same first sound (soundalike.key; the same key for the short words
  "pee", "bum": "paid" may be "peed", "put" is never "pee"), where that word completes a
  red-flag rule the text already half-says (the rule needs a concept the text holds and
  one it does not);
- a positive "i can feel / move / control / hold / tell ..." with nothing that settles it
  ("still", "fine", "okay", "but"...) read as "can not": the flip recognisers make most.

A reading that reaches an emergency only asks that sign's yes/no question, never gives the
emergency answer: a wrong guess costs a benign speaker one "no", a missed emergency far more.
Runs only in clarify(), after assess() and the ordinary unsettled rules found nothing; the
sound-key index is built on the first such turn, not at a cold start.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from ..soundalike import distance, key, skill_targets
from ..text import word_set
from .tiers import Finding, Tier

if TYPE_CHECKING:
    from .concepts import Concepts

__all__ = ["ASKS", "tolerant_trigger"]

# The trigger whose question a tolerant emergency reading asks: its own (sexual numbness and
# legs giving way were asked as saddle numbness and "both legs" until every sign had its own
# question, and a person whose one leg gives way truthfully answers "no" to "both legs").
# Falls, chest, fever and pregnancy are not read tolerantly: on every development set that
# asked 3 more heard red flags for 5 more benign speakers. Nor is a sudden tearing pain (E10):
# "ripping" is one sound from "running" and "rubbing".
ASKS = {"E1": "E1", "E2": "E2", "E3": "E3", "E4": "E4", "E5": "E5", "E6": "E6", "E7": "E7"}

# Words never re-read: the grammar that gives a sentence its meaning (negation, who, when)
# and everyday words a recogniser writes correctly and that sit one sound from a concept
# word ("bit"/"both", "now"/"numb", "heating"/"wetting").
_KEEP = word_set(
    """a an the and but or so if as at by for from in into of on onto to up down out off over
    with without i me my mine you your he him his she her it its we us our they them their
    this that these those there here is am are was were be been being do does did have has
    had can could will would should may might must not no never nothing none nor neither
    cannot what when where why how who which while than then too very really just only still
    also even more most much many some any all every each other another such well fine okay
    good bad feel feels felt fell lying lie sit sitting make made take took going gone get
    got go went come came time day days year years ago last night today work home
    walk back pain hurt hurts bit lot heat heating wearing news now knees morning peas weeds
    weeks waiting way sweat bottle deep"""
)
# A positive "can"/"could" before a verb whose "can not" is a red flag (not the general
# "you can feel it", nor a condition "if i can").
_CAN = (
    r"(?<!\byou )(?<!\bif )\b(can|could) "
    r"(?=(?:feel|move|control|hold|tell|lift|wiggle|stop|start|get|pee|wee|poo|sense)\b)"
)
# Words that show a positive "can" was meant: "i can still feel my legs", "i can move them
# fine", "i can walk but it hurts"; a condition or question ("if i can feel") is not a report.
_SETTLED = word_set(
    """still fine okay alright normal normally properly well just but yes yeah again if
    whether asked ask only and both everything good"""
)


@cache
def _can() -> re.Pattern[str]:
    return re.compile(_CAN)


@cache
def _index() -> dict[str, frozenset[str]]:
    """Concept words by every key one deleted sound away (a symmetric-delete index)."""
    index: dict[str, set[str]] = {}
    for word in skill_targets():
        k = key(word)
        for gone in {k, *(k[:i] + k[i + 1 :] for i in range(len(k)))}:
            index.setdefault(gone, set()).add(word)
    return {k: frozenset(ws) for k, ws in index.items()}


@lru_cache(maxsize=4096)
def _near(word: str) -> tuple[str, ...]:
    """The concept words a heard word may stand for, nearest sound and spelling first.
    Cached: speech repeats its words, and a word's answer never changes."""
    if len(word) < 4 or word in _KEEP or word in skill_targets() or not word.isalpha():
        return ()
    k = key(word)
    index = _index()
    found: set[str] = set()
    for gone in {k, *(k[:i] + k[i + 1 :] for i in range(len(k)))}:
        found.update(index.get(gone, ()))
    near = []
    for concept_word in found:
        sounds = distance(key(concept_word), k)
        letters = distance(concept_word, word)
        near_key = key(concept_word)
        # A short word is heard as itself plus a final sound ("wee" as "week", "wait"; "bum" as
        # "bump"); a longer one as one sound changed ("bowels" as "bells").
        close = sounds <= 1 if len(concept_word) > 3 else k[:-1] == near_key
        # The less the sounds agree, the closer the spelling must be: "bells" is "bowels" (same
        # sounds), "pulling" is not "peeing" (one sound and three letters apart).
        spelled = max(2, len(concept_word) // (2 if sounds == 0 else 3))
        if near_key[:1] == k[:1] and close and letters <= spelled:
            near.append((sounds, letters, concept_word))
    return tuple(concept_word for _, _, concept_word in sorted(near))


# A question asks about a sign ("can i fall asleep with a hot water bottle on", "it keeps
# coming back, how do i stop it"); a report of one is a statement. Whatever the recogniser
# did to a question, it is still a question: the first word, or a question opener anywhere.
_ASKING = word_set("how what when where why which who should can could is are does do will would")
_QUESTION = re.compile(
    r"\b(?:how|what|why|which)\b|\b(?:should|can|could|do|does|is|will|would) (?:i|it|this|you)\b"
)


def readings(text: str, flip_only: bool = False) -> Iterator[tuple[str, tuple[int, int] | None]]:
    """(another reading, where in " " + reading the changed word is; None for the can/can't
    flip) of a normalised text, the flip first; flip_only: no sound-alike readings."""
    words = text.split()
    if not words or words[0] in _ASKING or _QUESTION.search(text):
        return
    if ("can " in text or "could " in text) and not _SETTLED.intersection(words):
        flipped = _can().sub(r"\1 not ", text)
        if flipped != text:
            yield flipped, None
    if flip_only:
        return
    start = 1  # offsets in " " + reading, as concepts read it
    for i, word in enumerate(words):
        for concept_word in _near(word):
            reading = " ".join([*words[:i], concept_word, *words[i + 1 :]])
            yield reading, (start, start + len(concept_word))
        start += len(word) + 1


def _around(start: int, end: int, span: tuple[int, int]) -> bool:
    """A match (with its leading space) holds the changed word and at least one word more."""
    return start <= span[0] - 1 and end >= span[1] and (start < span[0] - 1 or end > span[1])


def _completes(
    concepts: Concepts, held: frozenset[str], reading: str, span: tuple[int, int]
) -> bool:
    """The reading fires a concept rule that the text half-said: it held one of the rule's
    concepts, or the new concept's own phrase spans the changed word and words the text
    already said ("he has not been for a [wee] all day"). One changed word completes a
    red-flag phrase; it never makes a whole new one."""
    spaced = " " + reading
    now = concepts.present(spaced, only=concepts.firing)
    new = now - held
    if not new:
        return False
    for rule in concepts.rules:
        if not rule.holds(now) or rule.needs <= held or concepts.held(rule.trigger, now):
            continue
        if rule.needs & held:
            return True
        for concept in concepts.concepts:
            if concept.name in rule.needs and any(
                _around(said.start(), said.end(), span) for said in concept.finditer(spaced, None)
            ):
                return True
    return False


def tolerant_trigger(
    text: str, assess: Callable[[str], Finding | None], concepts: Concepts, flip_only: bool = False
) -> str | None:
    """The trigger whose question to ask when a tolerant reading of a normalised text (on
    which nothing fired) reaches an emergency, or None. assess(reading) is triage's own
    assessment of a reading; a sound-alike reading must complete a rule the text half-said
    (checked first: it reads only the concepts, far cheaper than a whole assessment)."""
    held: frozenset[str] | None = None
    for reading, span in readings(text, flip_only):
        if span is not None:
            if held is None:
                held = concepts.present(" " + text, only=concepts.firing)
            if not _completes(concepts, held, reading, span):
                continue
        found = assess(reading)
        if found is not None and found.tier == Tier.EMERGENCY and found.trigger in ASKS:
            return ASKS[found.trigger]
    return None
