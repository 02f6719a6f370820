"""The one text normaliser: what triage and the answer matcher both read.

Output: lowercase words of a-z and 0-9 separated by single spaces, contractions expanded
("can't" -> "can not", "it's" -> "it is"; other apostrophes dropped: "bum's" -> "bums").

Text reaches us from a speech recogniser or a keyboard, so the same words arrive in several
shapes: without apostrophes ("cant", "im"), run together or split ("my self", "back ache"),
as sound-alikes ("gave weigh", "fell of") and with digits for ordinals ("4th"). Each shape is
folded to one spelling here, so no rule downstream has to know about them. Pure stdlib, built
at import from small tables: importing costs microseconds.

Two more steps read what a speech recogniser writes: soundalike.py reads a word the skill never
wrote as the concept word it sounds and looks like ("nomeness" -> "numbness"), and heard.py
reads real words a recogniser wrote for the word meant, where only that word makes sense
("i need to pin" -> "i need to pee"). Both leave written text as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from .heard import fold_heard
from .heard_classes import CLASS_PAIRS
from .heard_words import fold_heard_words
from .soundalike import heard_forms, soundalike

__all__ = ["NO_NOUNS", "normalise", "stem", "word_set"]


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Typographic apostrophes are one apostrophe, and "&" is said "and": "A&E" is "a and e",
# "pins & needles" is "pins and needles".
_MARKS = str.maketrans({**dict.fromkeys("\u2019\u2018`\u00b4\u02bc", "'"), "&": " and "})
# SSML-ish tags would otherwise leave words like "say as interpret as"; [^<>]* keeps it linear.
_TAG = re.compile(r"<[^<>]*>")
_NON_WORD = re.compile(r"[^a-z0-9']+")

_ORDINALS = ("fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# Whole words with one spelling elsewhere; apostrophe-less ones come from typed or ASR input.
_WHOLE_WORDS = {
    **{w: "can not" for w in ("can't", "cant", "cannot", "cnt", "cnnot")},
    "dnt": "do not",
    **{w: "will not" for w in ("won't", "wont")},
    **{
        f"{w}nt": f"{w} not"
        for w in word_set("do does did is are was were have has had could would should must need")
    },
    # Recognisers drop the apostrophe of "it's", "there's": read them as said.
    **{
        f"{w}s": f"{w} is"
        for w in word_set("it there that what where how who nothing something everything")
    },
    # ...and of these, which are no other word ("ill", "shed", "were", "wed" are, and stay):
    # "theyre back to normal" must read like "they're back to normal".
    "theyre": "they are",
    **{f"{w}ve": f"{w} have" for w in word_set("they you we would could should must might")},
    **{f"{w}ll": f"{w} will" for w in word_set("they you it that there")},
    **{f"{w}s": f"{w} is" for w in word_set("he she")},
    "id": "i would",  # as "i'd" reads (_WOULD_WORDS)
    "hed": "he would",
    "darent": "dare not",
    "mightnt": "might not",
    "shan't": "shall not",
    "ain't": "is not",
    "let's": "let us",
    "im": "i am",
    "ive": "i have",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "dunno": "do not know",
    "meself": "myself",
    "ok": "okay",
    # Run together by keyboards and recognisers alike.
    **{
        f"back{w}": f"back {w}"
        for w in word_set(
            "pain pains ache aches spasm spasms injury muscle muscles problem problems"
        )
    },
    "lightheaded": "light headed",
    "shoulderblades": "shoulder blades",
    "pinsandneedles": "pins and needles",
    "xray": "x ray",
    # Recogniser sound-alikes that are never the intended word in this skill.
    "weekness": "weakness",
    "num": "numb",
    "numbe": "numb",
    "bowl": "bowel",
    "bowls": "bowels",
    "latter": "ladder",
    "stares": "stairs",
    "feint": "faint",
    "feinted": "fainted",
    "chivering": "shivering",
    "stereo": "steroid",
    "stereos": "steroids",
    "loop": "loo",
    "tommy": "tummy",
    "pea": "pee",
    "p": "pee",
    "sciatic": "sciatica",
    "paint": "pain",
    "urin": "urine",
    "weying": "weeing",
    "pewd": "pooed",
    "pane": "pain",
    "namaste": "numbness",
    "nomeness": "numbness",
    "dissectomy": "discectomy",
    # US spellings a recogniser writes for the words the skill spells the British way.
    "paralyzed": "paralysed",
    "paralyze": "paralyse",
    "dax": "daks",
    "trussers": "trousers",
    # Ordinals said with digits ("the 4th spasm") read like the words.
    "1st": "first",
    "2nd": "second",
    "3rd": "third",
    **{
        f"{n}th": w
        for n, w in enumerate(["fourth", "fifth", "sixth", "seventh", "eighth", "ninth"], 4)
    },
    "10th": "tenth",
}
_SUFFIXES = (("n't", " not"), ("'m", " am"), ("'re", " are"), ("'ve", " have"), ("'ll", " will"))
# "'s" and "'d" are ambiguous; only these words expand, the rest just lose the mark, so
# "my bum's gone numb" becomes "my bums gone numb" and "wee'd" becomes "weed".
_IS_WORDS = word_set(
    "it what that there here he she who where how when why this everything something nothing"
)
_WOULD_WORDS = word_set("i you he she we they it that there who")

# Two-word shapes folded to one spelling: split words and sound-alikes that only make sense
# one way round ("gave weigh" is never meant; "fell of the ladder" is "fell off").
_PAIRS = {
    **{(w, "self"): f"{w}self" for w in ("my", "your", "him", "her", "it", "one")},
    ("our", "selves"): "ourselves",
    ("some", "thing"): "something",
    ("no", "thing"): "nothing",
    ("any", "thing"): "anything",
    ("every", "thing"): "everything",
    ("in", "continent"): "incontinent",
    ("in", "continence"): "incontinence",
    ("tail", "bone"): "tailbone",
    ("shoulders", "blades"): "shoulder blades",
    **{(w, "weigh"): f"{w} way" for w in ("gave", "give", "giving", "gives", "given")},
    **{(w, "of"): f"{w} off" for w in ("fell", "fallen", "came", "come", "thrown", "slipped")},
    **{(w, "week"): f"{w} weak" for w in word_set("feel feels feeling felt so very really too")},
    ("gone", "week"): "gone weak",
    ("gee", "pee"): "gp",
    ("g", "pee"): "gp",  # "p" alone is a heard "pee" (_WHOLE_WORDS)
    ("are", "week"): "are weak",
    ("is", "week"): "is weak",
    ("pin", "and"): "pins and",
    ("and", "needle"): "and needles",
    ("chess", "pain"): "chest pain",
    ("chess", "pains"): "chest pains",
    ("my", "chess"): "my chest",
    ("a", "we"): "a wee",
    ("i", "wife"): "i wipe",
    ("my", "scarf"): "my scar",
    ("water", "works"): "waterworks",
    # Heard through a recogniser (../shared/asr): "urine" as "year in" / "you're in", "passed
    # water" as "past water", "inner thighs" as "dinner thighs", "down there" as "down their".
    ("year", "in"): "urine",
    ("youre", "in"): "urine",
    ("past", "water"): "passed water",
    ("past", "urine"): "passed urine",
    ("to", "peek"): "to pee",
    ("a", "peek"): "a pee",
    ("my", "ours"): "my arse",
    ("down", "their"): "down there",
    ("dinner", "thighs"): "inner thighs",
    ("dinner", "thigh"): "inner thigh",
    ("other", "like"): "other leg",
    ("both", "like"): "both legs",
    ("my", "lakes"): "my legs",
    ("it", "full"): "a fall",
    ("paid", "myself"): "peed myself",
    ("is", "we"): "is wee",
    ("a", "within"): "a wee in",
    ("all", "number"): "all numb",
    ("number", "round"): "numb around",
    ("done", "below"): "down below",
    ("fill", "off"): "fell off",
    ("brutal", "bones"): "brittle bones",
    # "feel" heard as "fill" ("i can't fill my bum"), "wee" as "we"/"week" before a verb that
    # only fits the wee ("we keeps leaking", "my week won't come").
    ("not", "fill"): "not feel",
    ("no", "filling"): "no feeling",
    **{("we", v): f"wee {v}" for v in word_set("keeps comes leaks dribbles trickles runs")},
    **{("week", v): f"wee {v}" for v in word_set("come comes came keeps leaks dribbles")},
    ("the", "lou"): "the loo",
    ("my", "we"): "my wee",
    ("the", "we"): "the wee",
    ("back", "paying"): "back pain",
    ("keep", "wedding"): "keep wetting",
    ("wedding", "myself"): "wetting myself",
    ("the", "stubs"): "the steps",
    ("believing", "heavily"): "bleeding heavily",
    ("is", "weeks"): "is weak",
    ("are", "weeks"): "are weak",
    ("dissecting", "me"): "discectomy",
    ("verbal", "bones"): "brittle bones",
    ("tight", "nings"): "tightenings",
    ("height", "up"): "high up",
    ("tensor", "needles"): "pins and needles",
    ("explain", "weight"): "unexplained weight",
    ("explained", "weight"): "unexplained weight",
    **CLASS_PAIRS,
}
# UK, Irish and Australian speech: "i can't feel me legs", "i've wet meself".
_ME_MY_PATTERN = (
    r"\bme (?=(?:legs?|feet|foot|bum|arse|bottom|back|bladder|bowels?|chest|privates|knees?|"
    r"side|kidneys?|belly|tummy|stomach|groin|spine|hips?|waterworks|pants|trousers|thighs?|"
    r"calf|calves|ankles?|toes|undies|knickers|daks|jocks|bits)\b)"
)


@cache
def _me_my() -> re.Pattern[str]:
    # Compiled on the first text that says "me ": compiling it is ~2 ms of a cold start
    # (most of this module's), and a launch normalises no text at all.
    return re.compile(_ME_MY_PATTERN)


def _expand(token: str) -> str:
    whole = _WHOLE_WORDS.get(token)
    if whole is not None:
        return whole
    if "'" not in token:
        # A word the skill never wrote that sounds and looks like a concept word it listens
        # for ("urin", "nomeness"): read as that word (soundalike.py).
        return soundalike(token) or token
    for suffix, replacement in _SUFFIXES:
        if token.endswith(suffix):
            return token[: -len(suffix)].replace("'", "") + replacement
    stem = token[:-2]
    if token.endswith("'s") and stem in _IS_WORDS:
        return stem + " is"
    if token.endswith("'d") and stem in _WOULD_WORDS:
        return stem + " would"
    return token.replace("'", "")


def _fold_pairs(words: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        if i + 1 < len(words):
            joined = _PAIRS.get((words[i], words[i + 1]))
            if joined is not None:
                out.extend(joined.split())
                i += 2
                continue
        out.append(words[i])
        i += 1
    return out


# Spoken questions invert: "why can't i feel anything" reads like "i can not feel anything".
_INVERTED = re.compile(r"\b(can|could|do|did|will|would) not i\b")
# A polite hedge on a failing: "i don't seem to be able to pass water" is "i can not pass
# water", "my legs don't seem to want to hold me up" is "... will not hold me up". Only the
# whole hedge: "i don't seem to be in pain" hedges nothing a rule reads. "i don't seem able to
# pee" and "i don't really seem to be able to" hedge the same way.
_SEEM_NOT = re.compile(
    r"\b(?:(do|does)|did) not (?:really |quite )?seem (?:to be able|able|to (want)) to\b"
)


def _seem_not(found: re.Match[str]) -> str:
    if found.group(2):
        return "would not" if found.group(1) is None else "will not"
    return "could not" if found.group(1) is None else "can not"


# Pure hesitations, never content ("er" stays: it can be the ER).
_HESITATIONS = word_set("um umm ummm uh uhh uhm erm hmm mm")
# Recognisers mishear the first word of "pins and needles" ("bins", "pens", "bents").
_AND_NEEDLES = re.compile(r"\b\w+ and (?:needles|meatballs|noodles)\b")
# "she felt down the stairs", "my legs keep getting way": falls and giving way misheard.
# Each with a plain substring that must be present, so most texts skip the regex.
_MISHEARD = (
    ("felt ", r"\bfelt (down|off|from) (the|a|my)\b", r"fell \1 \2"),
    ("getting way", r"\bgetting way\b(?! (?:worse|better|more|too))", "giving way"),
    # ... and "giving out on me" as "getting out on me": nobody gets out ON someone.
    ("getting out on", r"\bgetting out on (me|him|her|them)\b", r"giving out on \1"),
    # "i'll" without its apostrophe is "ill": where a clause starts, before a verb, it is
    # "i will" ("i am worried ill fall"); "i feel ill", "ill and shivery" stay.
    (
        "ill ",
        r"(^|\b(?:and|but|so|then|because|cos|if|think|hope|maybe|or|when|guess|suppose|"
        r"worried|scared|afraid|sure) )ill (?!(?:and|with|from|for|again|all|at|in|today|now|"
        r"since|or|but|health|enough|as|so|too|very|really)\b)",
        r"\1i will ",
    ),
    # "short of breath" as "sure to breath": read as said, so "i am not short of breath" heard
    # keeps its "not" ("not sure" is doubt, which negates nothing).
    ("sure ", r"\bsure (?:to|of) breath\b", "short of breath"),
    # A decade heard as its number and a loose "s" ("in the eighty s"): the decade, long ago,
    # not an age.
    (
        "y s",
        r"\b(twen|thir|for|fif|six|seven|eigh|nine)ty s\b",
        r"\1ties",
    ),
    # "we're expecting" as "were expecting": a sentence does not start with "were" before these.
    ("were ", r"^were (?=(?:expecting|pregnant|having a baby)\b)", "we are "),
)


# A name said letter by letter ("do i need an m r i", "should i ring the g p", "take him to the
# e r"), as a recogniser writes it: one word, as written ("mri", "gp", "er"). A run ending in
# "a" or "i" is a name only from three letters on ("m r i"): "vitamin d i take" is two words.
_SPELLED = re.compile(r"(?<![a-z0-9'])[b-hj-z](?: [a-z])+(?![a-z0-9'])")


def _spelled(found: re.Match[str]) -> str:
    letters = found.group().replace(" ", "")
    return found.group() if letters[-1] in "ai" and len(letters) < 3 else letters


# "no, can't feel my legs": an answer word before a clause with its own "not" is the answer,
# not a denial of what follows (a recogniser writes no comma). "Nope" is never read as "no":
# said as an interjection ("i thought it was better but nope, can't feel my legs") it is not
# a denial, and a denial read into a report would silence it.
_ANSWER_NO = re.compile(
    r"^(?:no|nah|nope) (?=(?:can|could|do|does|did|have|has|will|would|am|is|are|was|were) not\b)"
)


# "i do not have any feeling in my legs", "i have not got any control": these nouns' absence is
# the sign itself (scope.py builds its symptom nouns from these), so it is read as "no feeling".
NO_NOUNS = ("feeling", "sensation", "control", "strength", "power")
_NONE_OF = (
    (r"\bdo not have (?:any )?", "have no "),
    (r"\bdoes not have (?:any )?", "has no "),
    (r"\bhave not got (?:any )?", "have no "),
    (r"\bhas not got (?:any )?", "has no "),
    (r"\bdid not have (?:any )?", "had no "),
)
# ... not "any control problems", "any feeling that it is serious": those nouns modify others.
_NOUN_AFTER = (
    rf"(?=(?:{'|'.join(NO_NOUNS)})\b"
    r"(?! (?:problems?|issues?|trouble|difficult\w*|concerns?|worries|that|like"
    r"|of (?:dread|worry|panic|fear))\b))"
)


@cache
def _slots() -> Callable[[str], str]:
    # heard_slots.py is imported on the first text, not at a cold start (a launch reads none).
    from .heard_slots import fold_slots

    return fold_slots


@cache
def _compiled(source: str) -> re.Pattern[str]:
    # On the first text that needs it: a launch normalises no text, so pays for none.
    return re.compile(source)


# A turn reads the same words several times (triage, then the clarifying check, then the
# matcher), and normalising is pure: the last few hundred texts are kept.
@lru_cache(maxsize=512)
def normalise(text: str) -> str:
    """Lowercase words of a-z and 0-9 separated by single spaces, in one spelling each."""
    text = _TAG.sub(" ", text.lower().translate(_MARKS))
    words: list[str] = []
    for token in _NON_WORD.sub(" ", text).split():
        expanded = _expand(token.strip("'"))
        if expanded and expanded not in _HESITATIONS:
            words.extend(expanded.split())
    # What a recogniser wrote for a listened-for word, learnt per word (heard_words.py).
    folded = " ".join(_fold_pairs(fold_heard_words(words, heard_forms())))
    if "me " in folded:  # the pattern's own literal: without it there is nothing to replace
        folded = _me_my().sub("my ", folded)
    if " not i" in folded:
        folded = _INVERTED.sub(r"i \1 not", folded)
    if " seem " in folded:
        folded = _SEEM_NOT.sub(_seem_not, folded)
    for needle, source, said in _MISHEARD:
        if needle in folded:
            folded = _compiled(source).sub(said, folded)
    if " not " in folded and any(noun in folded for noun in NO_NOUNS):
        for source, said in _NONE_OF:
            folded = _compiled(source + _NOUN_AFTER).sub(said, folded)
    if folded.startswith(("no ", "nah ")):
        folded = _ANSWER_NO.sub("", folded)
    if " and n" in folded or " and meatballs" in folded:
        folded = _AND_NEEDLES.sub("pins and needles", folded)
    folded = _SPELLED.sub(_spelled, folded)
    return _slots()(fold_heard(folded))


# Word forms that suffix stripping would get wrong or leave apart.
_IRREGULAR = {
    **dict.fromkeys(("lying", "laying", "lay", "lain", "lies", "lays"), "lie"),
    **dict.fromkeys(("fell", "fallen", "falling", "falls"), "fall"),
    **dict.fromkeys(("slept", "sleeping", "sleeps"), "sleep"),
    **dict.fromkeys(("icing", "iced", "ices"), "ice"),
    "using": "use",
    **dict.fromkeys(("scared", "scare", "scary"), "scare"),
    **dict.fromkeys(("tense", "tensed", "tensing"), "tense"),
    "took": "take",
    "taken": "take",
    "worse": "bad",
    "worst": "bad",
    "better": "good",
    "best": "good",
}
# Words whose ending is part of the word, not a suffix ("tens" is the machine, not "ten").
_KEEP = word_set(
    """tens physio his this yes does bus plus gas lens always less pelvis sciatica news
    various serious nervous anxious bed red need feed shred speed"""
)
_SUFFIX = re.compile(r"(?:ies|ing|ed|es|s|ly|e)$")


def stem(word: str) -> str:
    """A light stem, so forms of one word meet: "pressing", "pressed", "presses" -> "press";
    "stretches", "stretching" -> "stretch"; "lying", "lay" -> "lie". Applied the same way to
    keywords and to what people say, so it only has to be consistent, not a dictionary word."""
    irregular = _IRREGULAR.get(word)
    if irregular is not None:
        return irregular
    if len(word) <= 3 or word in _KEEP or word.endswith(("ss", "us", "is")):
        return word
    found = _SUFFIX.search(word)
    if found is None:
        return word
    suffix = found.group()
    base = word[: -len(suffix)]
    if len(base) < 3:
        return word
    if suffix == "ies":
        return base + "y"
    # "running" -> "run", "stopped" -> "stop"; but "falling"-type doubles of l/s/z stay.
    if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsz":
        base = base[:-1]
    # "using"/"use", "easing"/"ease": drop a final e from every word so both forms meet.
    return base[:-1] if base.endswith("e") and len(base) > 3 else base
