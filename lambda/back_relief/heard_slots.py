"""Slots the words around a misheard word fill: "my light has gone weak", "numb between my life".

heard.py and heard_words.py read a recogniser's sound-alike as the word meant form by form:
each form was seen, listed or learnt. Most forms a recogniser writes have never been seen, so
on new speech those tables miss (round 6 measured that most lost red flags are one listened-for
word heard as another word, a different one each time). This module reads by CLASS instead: in
a frame where only one kind of word fits, a word that is not of that kind but sounds like one
(same first sound, sound keys one edit apart: soundalike.key) is read as that word.

The frames, all built from how people describe the body:
- a body place owned and then given a state ("my light has gone totally weak", "my lads keep
  buckling"): the owned word is read as the place it sounds like only when a state word
  follows, so "my light is on", "my life is hard" and "my luck gave out" keep their meaning;
- the state said first and the place after it ("pins and needles down my lakes", "i can not
  feel my fleet", "numb between my life");
- a state at the end of a clause after a place ("my legs are now", "my bum feels week"): read
  as the state it sounds like; the everyday states ("fine", "new", "nice", "wet") are themselves;
- "both" before a pair of places, heard as a word of its sounds ("bath my legs are numb");
- a verb done to oneself or to the bed or clothes ("i have what the bed", "i just want
  myself"): read as the soiling verb it sounds like ("pushed myself", "poked myself in the
  eye" are verbs of their own, and stay).

A fold may only turn nonsense into sense: the words themselves are never read as something
else when they are real body words ("my lips are numb" stays lips) or everyday states.
"""

from __future__ import annotations

from functools import lru_cache

from .heard_slots_bladder import (
    CLOTHES,
    FOR_A_WHILE_START,
    FUNCTION_KEEP,
    FUNCTIONS,
    OBJECTS,
    SOILED,
    SOILED_NEXT,
    WET,
    WETTABLE,
    function_at,
    soiled_at,
)
from .soundalike import distance as _distance
from .soundalike import key

__all__ = ["fold_slots"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The places a red flag names (singular and plural: the sound key tells them apart).
_PLACES = _words(
    "leg legs foot feet thigh thighs knee knees bum bottom arse butt calf calves groin"
)
# Words that own a place, and words that put one in a pair or between.
_OWNERS = _words("my me his her your their both")
_SIDES = _words("left right other both two")
_PAIRED = _words("between both")
# States that settle a red flag when said of a place (their stems: "tingl" for tingling).
_STATE_CUES = _words(
    """numb numbness weak weaker weakness dead jelly tingly tingling tingle tingles tingled pins
    buckled buckling buckle collapsed collapsing collapse folded wobbly useless paralysed weight"""
)
# What legs do when they fail: a place said first and at once failing ("lets gave out").
_GIVING = _words("gave give giving gives buckled collapsed folded")
# Where a state said first reaches its place ("numb down my ...", "can not feel my ...").
_INTO = _words("in into down round around through across feel")
# What is done to legs that fail: "i can not move my ..." (after a "not" only).
_MOVING = _words("move lift wiggle bend straighten")
_BEFORE_CUES = _words(
    "numb numbness tingling tingly pins needles feeling sensation weakness weak shooting dead"
)
_CUE_WINDOW = 6  # words after the place in which its state is said
# The word after an owned place starts what is said of it ("my light HAS gone weak"); a noun
# there means the owned word was an adjective ("my lady parts", "my big toe"): not a place.
_PREDICATE = _words(
    """is are was were has have had feel feels felt feeling just keep keeps kept went gone go
    goes going gave give gives giving will would can could buckled collapsed folded numb weak
    tingling tingly both and but won't keep still"""
)
# Function words and numbers are never a misheard place or state ("between the", "is ninety").
_NEVER = _words(
    """the a an of my me to in on at and or but it its this that these those there their then
    than one two three four five six seven eight nine ten twenty thirty forty fifty sixty
    seventy eighty ninety hundred"""
)
# Real words that are body places or parts in their own right: read as themselves.
_BODY_KEEP = _words(
    """lip lips leg legs lid lids lung lungs liver lobe lap lower loin loins lumbar lump lumps
    face fist feet foot finger fingers forehead flank flanks fanny fat
    bum bust bone bones brow back belly butt buttock buttocks body bottom boob boobs
    knee knees knuckle knuckles neck nose nail nails nipple nipples
    thigh thighs throat thumb thumbs toe toes tongue tummy teeth tooth temple
    calf calves cheek cheeks chin chest groin gum gums hip hips hand hands head heel heels
    ass arm arms ear ears eye eyes jaw shin shins ankle ankles wrist wrists elbow elbows
    shoulder shoulders side sides skin spine rib ribs waist anus bits genitals privates penis
    vagina crotch perineum tailbone coccyx backside willy undercarriage bladder bowel bowels
    pelvis tummy stomach abdomen"""
)
# Targets of the state frame, and the everyday states that share their sounds.
_STATES = ("numb", "weak", "tingly")
_STATE_KEEP = _words(
    """new nice nine known fine funny normal wet wide white worse warm well wicked weird
    numb weak tingly tight tired tender tense taut ticklish"""
)
_LINKS = _words("is are was were got feel feels felt feeling gone went go goes going all has have")
_ADVERBS = _words("so all really very completely totally a bit just kind of")
# Words that may follow a state and end its clause (a recogniser writes no commas).
_CLAUSE_END = _words(
    "and but since now so today too again i it my all completely totally when at anymore properly"
)


# Nor is a word that links, qualifies or ends a clause ("both ARE tingling", "both GONE weak").
_NOT_A_PLACE = _NEVER | _PREDICATE | _LINKS | _ADVERBS | _CLAUSE_END


@lru_cache(maxsize=2048)
def _nearest(
    word: str,
    targets: tuple[str, ...],
    plural: bool = False,
    letters: int = 3,
    sounds: int = 1,
    shortest: int = 2,
) -> str | None:
    """The target whose sound key is nearest the word's (at most `sounds` edits, starting with
    the same sound, at most `letters` letter edits), then nearest in letters ("fleet": feet,
    not foot); a singular and plural still tied go by the frame's number; any other tie, None."""
    if word in targets or (word[-1] == "s" and (word[:-1] in targets or word[:-2] in targets)):
        return None  # said as itself, or its plural or possessive ("my bums gone numb")
    if len(word) > 2 and any(t.startswith(word) for t in targets):
        return None  # a form of the word: "i would pee myself" is not "peed"
    heard = key(word)
    # "grandad" shares sounds with "groin" but few letters.
    ranked = sorted(
        (_distance(k, heard), n, t)
        for t in targets
        if (k := key(t))[0] == heard[0]
        and len(k) >= shortest
        and _distance(k, heard) <= sounds
        and (n := _distance(t, word)) <= letters
    )
    found = [t for s, n, t in ranked if (s, n) == ranked[0][:2]] if ranked else []
    if len(found) > 1 and targets is SOILED:
        return found[0]  # "paid": peed or pooed, an emergency either way
    if len(found) == 2 and _PLURAL_OF.get(found[0]) == found[1]:
        return found[1] if plural else found[0]
    if len(found) != 1:
        return None
    return _PLURAL_OF.get(found[0], found[0]) if plural else found[0]


_PLACE_TARGETS = tuple(sorted(_PLACES))
_PLURAL_OF = {"leg": "legs", "foot": "feet", "thigh": "thighs", "knee": "knees", "calf": "calves"}
_PLURAL = frozenset(_PLURAL_OF.values())
_PLURAL_NEXT = _words("are have were both")


def _place_at(words: list[str], i: int) -> bool:
    """Whether words[i] stands where a body place would (owned, or after "between"/"both")."""
    before = words[i - 1] if i else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if i == 0:
        return after in _GIVING
    # "in both the lights": Indian and Irish English put "the" after "both" and "between".
    paired_the = before == "the" and i > 1 and words[i - 2] in _PAIRED
    if (
        before not in _OWNERS
        and not paired_the
        and not (before in _SIDES and i > 1 and words[i - 2] in _OWNERS)
    ):
        return False
    ahead = after in _CLAUSE_END or not after
    if paired_the:
        # Only a state said first reaches it: "numbness is there in both the lights".
        return ahead and not _BEFORE_CUES.isdisjoint(words[max(0, i - 8) : i - 2])
    # A place that can not be moved or lifted: "i can not move my light" (a lamp is not "my").
    if i > 1 and words[i - 2] in _MOVING and ahead and "not" in words[max(0, i - 5) : i - 2]:
        return True
    if i > 1 and words[i - 2] == "between" and ahead:
        return True  # "numb between my life"
    # The state said first, the place after it: "pins and needles down my lakes",
    # "i can not feel my fleet", "no feeling in my bomb".
    if (
        i > 1
        and words[i - 2] in _INTO
        and ahead
        and (words[i - 2] == "feel" or not _BEFORE_CUES.isdisjoint(words[max(0, i - 7) : i - 2]))
    ):
        return True
    if after not in _PREDICATE:
        return False
    window = words[i + 1 : i + 1 + _CUE_WINDOW]
    if not _STATE_CUES.isdisjoint(window):
        return True
    # Giving out is said of luck, a voice, a light: legs give WAY, or out from UNDER someone.
    return not _GIVING.isdisjoint(window) and ("way" in window or "under" in window)


def _both_at(words: list[str], i: int) -> bool:
    """Whether words[i] is "both" heard as a word of its sounds ("bath", "boat", "bought")
    before a pair of places ("bath my legs are numb"); "but" and a noun after a determiner
    ("the bath my legs") are themselves."""
    rest = words[i + 1 : i + 4]
    while rest and rest[0] in _OWNING:
        rest = rest[1:]
    if not rest or rest[0] not in _PAIRS_OF_PLACES:
        return False
    word = words[i]
    return not (word in _NOT_BOTH or (i and words[i - 1] in _DETERMINERS)) and key(word) == "bt"


def _state_at(words: list[str], i: int) -> str | None:
    """The place or wettable thing of a clause "<it> <link> [adverb] ___" ending at words[i]."""
    if i + 1 < len(words) and words[i + 1] not in _CLAUSE_END:
        return None
    j = i - 1
    if j >= 0 and words[j] in _PLACES and i + 1 == len(words) <= 3:
        return words[j]  # a blurt: "legs now" (not "pins and needles in both feet now")
    while j >= 0 and words[j] in _ADVERBS:
        j -= 1
    if j < 1 or words[j] not in _LINKS:
        return None
    while j >= 0 and words[j] in _LINKS:
        j -= 1
    return words[j] if j >= 0 and (words[j] in _PLACES or words[j] in WETTABLE) else None


# "both", the word that settles a pair (E6), heard as another word of its sounds.
_PAIRS_OF_PLACES = _words("legs feet thighs knees calves sides hips buttocks cheeks")
_NOT_BOTH = _words("both but bit bat bet beat bite boot butt bought")
_DETERMINERS = _words("the a an my your his her our their this that of")
_OWNING = _words("my of the me his her")
_BOTH_NEXT = _OWNING | _PAIRS_OF_PLACES
_PLACE_BEFORE = _OWNERS | _SIDES | {"between"}
_STATE_BEFORE = _LINKS | _ADVERBS | _PLACES
_GATE = (
    _STATE_CUES | _BEFORE_CUES | _GIVING | _PLACES | OBJECTS | CLOTHES | _PAIRS_OF_PLACES | WETTABLE
) | {"between", "since", "trying"}


def fold_slots(text: str) -> str:
    """Read a word that sounds like a body place or state as it, where only that fits."""
    words = text.split()
    # Both frames need a state word or a place said (or "between"): most texts hold neither.
    if _GATE.isdisjoint(words) and _MOVING.isdisjoint(words) and "feel my " not in text:
        return text
    changed = False
    last = len(words) - 1
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        if i < last and words[i + 1] in _BOTH_NEXT and _both_at(words, i):
            words[i] = "both"
            changed = True
            continue
        if before in _PLACE_BEFORE or i == 0 or (before == "the" and words[i - 2] in _PAIRED):
            if word in _BODY_KEEP or word in _NOT_A_PLACE or not _place_at(words, i):
                continue
            plural = bool(_PAIRED & set(words[max(0, i - 3) : i])) or (
                i < last and words[i + 1] in _PLURAL_NEXT
            )
            found = _nearest(word, _PLACE_TARGETS, plural)
        elif (
            i < last
            and words[i + 1] in FOR_A_WHILE_START
            and word not in FUNCTION_KEEP
            and function_at(words, i)
        ):
            # One-sound words ("wee" is "w"): only here, where the frame says which it is.
            found = _nearest(word, FUNCTIONS, letters=3, shortest=1)
            if found is not None and word.isalpha():
                words[i] = found
                changed = True
            continue
        elif i < last and words[i + 1] in SOILED_NEXT and soiled_at(words, i):
            # A past tense one sound away is another real verb ("pushed myself", not
            # "pissed"): only the same sounds ("paid"); other words one sound ("want").
            # Clothes take many verbs ("i want my knickers"): only the same sounds there.
            past = word.endswith("ed") or words[i + 1] not in OBJECTS
            found = _nearest(word, SOILED, letters=3 if past else 2, sounds=0 if past else 1)
        elif before in _STATE_BEFORE and (i == last or words[i + 1] in _CLAUSE_END):
            if word in _STATE_KEEP or word in _NEVER or not (subject := _state_at(words, i)):
                continue
            if subject in WETTABLE:  # "the bed was what": only the same sounds
                found = _nearest(word, WET, sounds=0)
            else:
                found = _nearest(word, _STATES)
        else:
            continue
        if found is not None and len(word) >= 3 and word.isalpha():
            words[i] = found
            changed = True
    return " ".join(words) if changed else text
