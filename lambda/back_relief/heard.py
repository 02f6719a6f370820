"""What a speech recogniser writes for the words people in this skill's situation say.

A recogniser writes the commonest word that fits the sound: "pee" comes back as "pea",
"peak" or "be", "wee" as "we" or "week", "numb" as "none" or "now", "pain" as "pin" or
"been", "can't" as "can". Those are real words, so no spelling rule can fold them: each
class below names the sound-alikes of one word, and a fold reads one as that word only in
a context where the sound-alike makes no sense ("i need to pin", "my leg has gone one").

Safety decides which way an ambiguity falls: a fold may only turn nonsense into a warning
sign, never ordinary speech into one. "the swelling has gone down" keeps its "down",
"i crack myself up" keeps its laugh, and "can" becomes "can not" only where a positive
"can" is not English ("i can hold my water anymore").

Every rule runs on normalise()'s output, and only on a text that holds its sound-alike
words: most texts pay one set intersection and no regex at all.
"""

from __future__ import annotations

import re

from .heard_body import BODY_SOURCES
from .heard_classes import CLASS_SOURCES

__all__ = ["fold_heard"]

# Sound-alikes, by the word they stand for (what Whisper and similar recognisers write).
_PEE = "pea|peak|peek|pete|pin|p|bee|be"
# As the subject of a flow ("the peace stops and starts"): not "pea"/"peas" (the frozen peas
# on the back come out of the freezer) nor "we"/"week" (text.py folds "we keeps" alone).
_PEE_FLOWING = "peace|peak|pete|p|weed|whee|wii"
_PEE_TO = "pea|peak|peek|pin|p|pete"  # after "need to": not "be" ("i need to be careful")
_WEE = "we|week|weed|weep|whee|wii"
_POO = "pooh|pu|who|boo"
_FLOW = (
    r"(?:keeps|keep|just|comes|came|coming|is coming|leaks|leaking|dribbles|dribbling|"
    r"trickles|trickling|runs|running|stops|starts|will not|would not|does not|did not|won)"
)
_WANT = (
    r"(?:need|needs|needed|want|wants|wanted|have|having|do|doing|desperate for|dying for|"
    r"bursting for|go for|went for|going for|pop for|nip for|trying to have)"
)
_AFTER_TO = r"(?:need|needs|needed|want|wanted|have|has|had|going|got|trying|try|tried|able)"

# (gates, pattern, replacement): a rule runs only on a text holding a word of each gate
# (words split by spaces or "|"), so most texts run none.
_BLADDER_BOWEL: tuple[tuple[tuple[str, ...], str, str], ...] = (
    # "i can hold my water anymore", "i can feel my feet at all", "i could feel a thing": a
    # positive "can" takes none of these words that need a "not" (negative polarity), so the
    # recogniser lost the "n't". A question ("can i move at all") and a condition ("see if i
    # can move at all", "whether i could feel a thing") take them positive: left alone.
    (
        ("anymore more all thing drop", "can could"),
        r"(?<!\bif )(?<!\bwhether )(?<!\bunless )(?<!\bhow )"
        r"\b(i|we|he|she|they|it) (can|could) (?!not\b)"
        r"((?:(?!(?:nothing|never|hardly|barely|not|no|only|if|whether|and|but|or|fine|okay|"
        r"well|normally|still|easily)\b)\w+ ){1,5}?)"
        r"(anymore|any more|at all|a thing|a drop)\b(?! times| hours| costs)",
        r"\1 \2 not \3\4",
    ),
    # pee: after "need to" / "can not" / "when i", or as the subject of a flow.
    (
        (_PEE_TO,),
        rf"\b({_AFTER_TO}) to (?:{_PEE_TO})\b(?! (?:it|on|up|down|him|her|them|a|the)\b)",
        r"\1 to pee",
    ),
    (
        (_PEE, "i"),
        r"\b(i can not|i could not|i am unable to|when i|if i|whenever i|after i|while i) "
        rf"(?:{_PEE})\b"
        r"(?= (?:i|im|ive|and|but|since|it|my|properly|anymore|any more|at all)\b|$)",
        r"\1 pee",
    ),
    (
        (_PEE_FLOWING,),
        rf"(^|\b(?:the|my|no|some) )(?:{_PEE_FLOWING}) ({_FLOW})\b"
        r"(?! (?:home|back|to|in|over|here|round|by|up)\b)",
        r"\1pee \2",
    ),
    # wee wanted: "i am desperate for a week" (not "a week off", "a week ago").
    (
        (_WEE + "|wheat", "a"),
        rf"\b({_WANT}) a (?:{_WEE}|wheat)\b"
        r"(?! (?:ago|off|or|now|later|of|in|at|away|and|before|since|to|from|after|with)\b)",
        r"\1 a wee",
    ),
    # poo coming out: "who came out on its own".
    (
        (_POO, "out"),
        rf"\b(?:{_POO}) (came|comes|coming|just came|keeps coming) out\b",
        r"poo \1 out",
    ),
    # pee at the start: "be just running down my leg" ("he" is left alone: a person).
    (
        ("be bee",),
        r"^(?:be|bee) (just|keeps|is|keep) "
        r"(running|coming|leaking|dribbling|trickling|pouring)\b",
        r"pee \1 \2",
    ),
    # wee as "weep", "weed", "week" where only the wee fits: "it stings when i weep",
    # "an accident with my week"; "we" before a verb for one ("we just comes").
    (
        ("weep weed week", "burns burning stings stinging hurts when with"),
        r"\b(burns|burning|stings|stinging|hurts) (when i |)(?:weep|weed)\b"
        r"|\b(accident with my|accident with) (?:week|weed)\b",
        r"\1\3 \2wee",
    ),
    (
        ("we", "comes leaks dribbles trickles runs keeps keep"),
        r"\bwe (just |still |)(comes|leaks|dribbles|trickles|runs|keeps)\b",
        r"wee \1\2",
    ),
    (("we", "keep"), r"\bwe keep (leaking|dribbling|trickling)\b", r"wee keeps \1"),
    # poo as "food" ("i can not hold my food in", not "...food down") and "who is leaking".
    (("food", "hold holding"), r"\b(hold|holding) my food in\b", r"\1 my poo in"),
    (
        ("who pooh",),
        r"\b(?:who|pooh) (is |keeps |just )?(leaking|dribbling|trickling)\b",
        r"poo \1\2",
    ),
    # the loo as "the loot"; trousers as "trussers"; the bum as "bone", "phone".
    (("loot",), r"\b(to the|the) loot\b", r"\1 loo"),
    (
        ("bone bones phone bomb bun", "feel"),
        r"\b(feel my) (?:bone|bones|phone|bun)\b",
        r"\1 bum",
    ),
    # none since the morning: "no weeds since this morning".
    (("weeds weed week",), r"\bno (?:weeds|weed|week) since\b", "no wee since"),
    # "haven't" heard as "have it": "i have it past water since last night".
    (
        ("it in", "have has"),
        r"\b(i|we|he|she) (have|has) (?:it|in) (?=(?:been|past|passed|had|felt|managed)\b)",
        r"\1 \2 not ",
    ),
    (("past", "year"), r"\bpast year (?:and|in)\b", "passed urine"),
    # "when i pee" as "one ip", "when ip": "it burns one ip".
    (("ip",), r"\b(?:one|when|win) ip\b", "when i pee"),
    # pee as "he", where no person fits: "he just running down my leg".
    (
        ("he",),
        r"\bhe (keeps |just |is |)(just |)(running|dribbling|leaking|trickling|coming out)"
        r"(?= (?:down my|out of me|on its own|on it is own|by itself))",
        r"pee \1\2\3",
    ),
    # urine as "you're in", "your in" (text.py folds "year in", "youre in" as pairs).
    (
        ("in", "you your"),
        r"^(?:you are|your) in (?=(?:not|is|keeps|coming|passing|leaking|comes|came|will|has)\b)"
        r"|\b(?:you are|your) in (?=(?:not|is not|keeps|is coming|is leaking)\b)",
        "urine ",
    ),
    # loose motions as "lose motions".
    (("lose", "motions motion"), r"\blose (motions?)\b", r"loose \1"),
    # passed urine, where the pair fold made "urine" of "year in" after "past".
    (("past", "urine water"), r"\bpast (urine|water)\b", r"passed \1"),
    (
        ("your youre year you", "pass passing passed"),
        r"\b(pass|passing|passed) (?:your|youre|year|you in)\b"
        r"(?= (?:and|but|it|then|i|properly|since|from|for|at all|normally)\b|$)",
        r"\1 urine",
    ),
    # the bowels as "barrels", "battles", "bottles", "vowels"; motions as "emotions".
    (
        ("barrels battles bottles vowels", "my"),
        r"\bmy (?:barrels|battles|bottles|vowels)\b"
        r"(?= (?:just|have|keep|keeps|let|are|opened|went|gave)\b|$)"
        r"|(?<=control of )my (?:barrels|battles|bottles|vowels)\b",
        "my bowels",
    ),
    (("emotions",), r"\bemotions (are|keep|keeps) (coming|leaking)\b", r"motions \1 \2"),
    # wet or soiled "myself", "the bed" heard as "feed", "food", "picked", "swallowed"
    # ("i picked myself up" and "i fed the cat" are left alone).
    (
        ("feed", "myself everywhere bed pants trousers"),
        r"\bfeed (?=(?:myself|everywhere|the bed|my pants|my trousers)\b)",
        "peed ",
    ),
    (
        ("food picked swallowed", "myself everywhere bed pants trousers"),
        r"\b(?:food|fooed|picked|swallowed) "
        r"(?=(?:myself|everywhere|the bed|my pants|my trousers)\b(?! up| off| back| out))",
        "soiled ",
    ),
)
_SOURCES = (*_BLADDER_BOWEL, *BODY_SOURCES, *CLASS_SOURCES)


_GATES = tuple(
    tuple(frozenset(gate.replace("|", " ").split()) for gate in gates) for gates, _, _ in _SOURCES
)
# Each word of a rule's first gate -> the rules it may open.
_OPENS: dict[str, tuple[int, ...]] = {}
for _index, _gates in enumerate(_GATES):
    for _word in _gates[0]:
        _OPENS[_word] = (*_OPENS.get(_word, ()), _index)
_OPEN_WORDS = frozenset(_OPENS)  # a set: "&" then walks the shorter side, the text's words
_COMPILED: dict[int, re.Pattern[str]] = {}  # compiled on first use: a cold start pays none


def fold_heard(text: str) -> str:
    """Read recogniser sound-alikes as the word meant, where only that word makes sense."""
    words = set(text.split())
    opened = words & _OPEN_WORDS
    if not opened:
        return text
    for index in sorted({i for word in opened for i in _OPENS[word]}):
        if all(not gate.isdisjoint(words) for gate in _GATES[index][1:]):
            regex = _COMPILED.get(index)
            if regex is None:
                regex = _COMPILED[index] = re.compile(_SOURCES[index][1])
            text = regex.sub(_SOURCES[index][2], text)
    return text
