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

__all__ = ["fold_heard"]

# Sound-alikes, by the word they stand for (what Whisper and similar recognisers write).
_PEE = "pea|peak|peek|pete|pin|p|bee|be"
# As the subject of a flow ("the peace stops and starts"): not "pea"/"peas" (the frozen peas
# on the back come out of the freezer) nor "we"/"week" (text.py folds "we keeps" alone).
_PEE_FLOWING = "peace|peak|pete|p|weed|whee|wii"
_PEE_TO = "pea|peak|peek|pin|p|pete"  # after "need to": not "be" ("i need to be careful")
_WEE = "we|week|weed|weep|whee|wii"
_POO = "pooh|pu|who|boo"
_NUMB = "none|num|nom|numbed"
_PAIN = "paint|pane|pin|pen|been|bean"
_ERECTION = "interaction|direction|election|reaction|erection"
_MOVE = "lose|loose|use|mood|moo"
# Where the body word is said first and its state after ("my leg has gone ...").
_BODY = (
    r"(?:legs?|feet|foot|thighs?|knees?|calf|calves|toes|bum|bottom|backside|arse|butt|"
    r"buttocks|groin|genitals|privates|penis|willy|vagina|fanny|crotch|saddle|anus|"
    r"down there|down below|between my legs)"
)
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
_SOURCES: tuple[tuple[tuple[str, ...], str, str], ...] = tuple(
    (gates, pattern, said)
    for gates, pattern, said in (
        # "i can hold my water anymore": a positive "can" does not take "anymore",
        # so the recogniser lost the "n't" (a question, "can i move at all", is left alone).
        (
            ("anymore more",),
            r"\b(i|we|he|she|they|it) (can|could) (?!not\b)"
            r"((?:(?!(?:nothing|never|hardly|barely|not|no|only)\b)\w+ ){1,5}?)"
            r"(anymore|any more)\b",
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
        # passed urine, where the pair fold made "urine" of "year in" after "past".
        (("past", "urine water"), r"\bpast (urine|water)\b", r"passed \1"),
        (
            ("your youre year", "pass passing passed"),
            r"\b(pass|passing|passed) (?:your|youre|year)\b(?= (?:and|but|it|then|i)\b|$)",
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
        # numb: "my leg has gone one", "is none", "its number round my anus", "i feel now".
        (
            ("gone went", "one on none num nom dumb"),
            rf"\b({_BODY} (?:\w+ )?(?:has |have |had )?(?:gone|went)) (?:one|on|none|num|nom|dumb)"
            r"(?= (?:and|but|since|now|completely|totally|again|too|today)\b|$)",
            r"\1 numb",
        ),
        (
            (_NUMB,),
            rf"\b(is|are|gone|go|goes|going|went|feel|feels|felt|all) (?:{_NUMB})\b",
            r"\1 numb",
        ),
        (("now",), r"\b(is|are|feel|feels|i feel|it feels|i have gone) now$", r"\1 numb"),
        (
            ("month money mum", "all"),
            r"\b(gone|went|is|are|feels|go) all (?:month|money|mum)\b",
            r"\1 all numb",
        ),
        # tingling as "tangling"; weight in "six kills"; "my back gas started hurting".
        (("tangling tangly",), r"\btangl(ing|y)\b(?= (?:in|down|around|round|all))", r"tingl\1"),
        (
            ("kills", "lost lose losing"),
            r"\b(two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|few) kills\b",
            r"\1 kilos",
        ),
        (("gas",), r"\b(back|pain|leg|legs|it) gas (?=started|been|gone|got)", r"\1 has "),
        # fell, heard as "go": "i go off the roof" ("i got off the bike" is left alone).
        (
            ("go", "off"),
            r"\bi go off (?=(?:the|a|my) (?:roof|ladder|horse|bike|motorbike|wall|trampoline|"
            r"tree|stairs|steps|scaffold\w*)\b)",
            "i fell off ",
        ),
        (
            ("numbers number", "in around round down between"),
            r"\bnumbers? (in|around|round|down|between)\b"
            r"(?! (?:the|a|my) (?:book|list|phone|paper|news|bank|account))",
            r"numbness \1",
        ),
        (
            ("number",),
            r"\b(is|are|gone|feels|feel|all) number\b(?! (?:one|two|ones|twos|\d))",
            r"\1 numb",
        ),
        # pain after a body part or a kind of pain: "chest been", "ripping pin".
        (
            (_PAIN,),
            r"\b(back|chest|belly|stomach|tummy|leg|neck|hip|side|sharp|shooting|stabbing|"
            rf"ripping|tearing|sudden|severe|terrible|bad) (?:{_PAIN})\b(?! and\b)",
            r"\1 pain",
        ),
        # ...or as the subject of where it goes: "paying going down my leg".
        (
            (_PAIN + "|paying", "going shooting down radiating running travelling traveling like"),
            rf"(^|\b(?:the|my|this|no|of) )(?:{_PAIN}|paying) "
            r"(going|shooting|down|radiating|running|travelling|traveling|is like)\b",
            r"\1pain \2",
        ),
        # the ice pack heard as "a nice pack", "the eyes and my skin", "slipped on nice".
        (
            ("nice eyes",),
            r"\b(?:an? nice|an? eyes|the nice) (pack|packs|pad|cube|cubes|bag|block)\b",
            r"an ice \1",
        ),
        (
            ("nice eyes", "between on"),
            r"\b(between the|on) (?:eyes|nice)\b(?= and| on|$)",
            r"\1 ice",
        ),
        # the bottom as "bomb": nobody has one ("my bomb is numb").
        (("bomb bombs",), r"\b(my|me) bombs?\b", r"\1 bum"),
        # legs as "lakes", "lags", "lex" before giving way: "my lakes just gave out".
        (
            ("lakes lake lags lag lex like",),
            r"(^|\bmy )(?:lakes?|lags?|lex|like) (?=(?:just |both |keep |keeps |have |)"
            r"(?:gave|give|gives|giving|buckl\w*|collaps\w*)\b)",
            r"\1legs ",
        ),
        (
            ("cold called buckle", "knees legs leg knee"),
            r"\b(knees|legs|leg|knee) (?:but cold|buck old|but called|buckle)\b",
            r"\1 buckled",
        ),
        # the foot: "my foot tags" (drags), "i keep dripping over my foot" (tripping).
        (
            ("tags tag drugs", "foot feet leg"),
            r"\b(foot|feet|leg) (?:tags|tag|drugs)\b",
            r"\1 drags",
        ),
        (("dripping dripped", "over"), r"\bdripp(ing|ed) over\b", r"tripp\1 over"),
        # a cough: "every time my cuff it shoots".
        (
            ("cuff cuffs coff",),
            r"\b(when|time|if|whenever) (?:i|my) (?:cuff|cuffs|coff)\b",
            r"\1 i cough",
        ),
        # "when i wipe i cant seal the paper": feel.
        (("seal peel",), r"\b(can not|could not) (?:seal|peel)\b", r"\1 feel"),
        # the back heard as "bat", "bank", "bath": "landed on my bat", "my bank is killing me"
        # ("can i have a bath" keeps its bath).
        (
            ("bat bank bath",),
            r"\b(lower|upper|on my|hurt my|in my|of my|bad|sore) (?:bat|bath)\b"
            r"|\b(my) (?:bat|bank)\b"
            r"(?= (?:is |has |keeps )?(?:killing|hurting|hurts|sore|aching|agony))",
            r"\1\2 back",
        ),
        # a spasm split at its "s": "this pasm", "backs pasms", "us pazam".
        (
            ("pasm pasms pazam pazams pasam",),
            r"(?:\b(?:us|uh) )?\b(?:pasm|pazam|pasam)(s?)\b",
            r"spasm\1",
        ),
        (
            ("backs", "spasm spasms pasm pasms pazam pazams pasam"),
            r"\bbacks (spasms?)\b",
            r"back \1",
        ),
        # ice and heat packs: "ice pat", "heat peck"; "eyes or heat", "after eyes".
        (("pat peck pak", "ice heat"), r"\b(ice|heat) (?:pat|peck|pak)\b", r"\1 pack"),
        (
            ("eyes",),
            r"\beyes(?= (?:or|and|versus|vs|then) heat\b)|(?<=heat or )eyes\b|(?<=after )eyes$",
            "ice",
        ),
        # a painkiller as "paint killer", "paint color".
        (
            ("pain paint", "color colour colors kill filler"),
            r"\bpaint? (?:color|colour|colors|kill|filler)\b",
            "painkiller",
        ),
        # erection, after the verbs it goes with: "i could not get interaction".
        (
            (_ERECTION,),
            r"\b(get|getting|got|keep|keeping|maintain|maintaining|lost|losing) (an |my |any )?"
            rf"(?:{_ERECTION})\b",
            r"\1 \2erection",
        ),
        # the inner thighs: "dinner thighs", "my gener thighs".
        (("thigh thighs",), r"\b(?!inner\b)\w*ner (thighs?)\b", r"inner \1"),
        # soiled, said as "crack myself" (but "i crack myself up" is a laugh).
        (
            ("crack cracked", "myself"),
            r"\b(?:crack|cracked|crapped) myself\b(?! up)",
            "crapped myself",
        ),
        # regional words a US voice model does not know: "no feeling in my family" (fanny).
        (
            ("family",),
            r"\b(feeling|feel|numb|numbness|tingling|sensation) in my family\b",
            r"\1 in my fanny",
        ),
        (
            ("family",),
            r"\bmy family "
            r"(?=(?:has |have |is |feels |feel )?(?:gone |all |a bit |really )?(?:numb|tingl))",
            "my fanny ",
        ),
        # "i can't lose either of my legs": move.
        (
            (_MOVE, "legs leg feet foot"),
            rf"\b(can not|could not) (?:{_MOVE}) "
            r"((?:either|both|one) (?:of )?(?:my )?(?:legs?|feet|foot)|my (?:legs?|feet|foot))\b",
            r"\1 move \2",
        ),
        # "i just painted from the pain", "it is staring apart", "it turns when i pee".
        (("painted",), r"\bpainted (from|with|because|earlier|twice|again|when)\b", r"fainted \1"),
        (
            ("apart through",),
            r"\b(?:staring|starring|daring|tiring|during|turning|tarring) "
            r"(apart|through (?:my|to))\b",
            r"tearing \1",
        ),
        (("turns",), r"\bturns when i (pee|wee)\b", r"burns when i \1"),
    )
)


_GATES = tuple(
    tuple(frozenset(gate.replace("|", " ").split()) for gate in gates) for gates, _, _ in _SOURCES
)
# Each word of a rule's first gate -> the rules it may open.
_OPENS: dict[str, tuple[int, ...]] = {}
for _index, _gates in enumerate(_GATES):
    for _word in _gates[0]:
        _OPENS[_word] = (*_OPENS.get(_word, ()), _index)
_COMPILED: dict[int, re.Pattern[str]] = {}  # compiled on first use: a cold start pays none


def fold_heard(text: str) -> str:
    """Read recogniser sound-alikes as the word meant, where only that word makes sense."""
    words = set(text.split())
    opened = words.intersection(_OPENS)
    if not opened:
        return text
    for index in sorted({i for word in opened for i in _OPENS[word]}):
        if all(not gate.isdisjoint(words) for gate in _GATES[index][1:]):
            regex = _COMPILED.get(index)
            if regex is None:
                regex = _COMPILED[index] = re.compile(_SOURCES[index][1])
            text = regex.sub(_SOURCES[index][2], text)
    return text
