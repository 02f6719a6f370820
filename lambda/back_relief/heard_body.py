"""Recogniser sound-alikes of the body: numbness, pain, the legs, the back and what is put
on it (heard.py runs these after its bladder and bowel folds, the same way).

Each entry is (gates, pattern, replacement), as in heard.py: a rule runs only on a text that
holds a word of each gate, and reads a sound-alike as the word meant only where nothing else
makes sense ("my leg has gone one"), never turning ordinary speech into a warning sign.
"""

from __future__ import annotations

__all__ = ["BODY", "BODY_SOURCES"]

_NUMB = "none|num|nom|numbed"
_PAIN = "paint|pane|pin|pen|been|bean"
_ERECTION = "interaction|direction|election|reaction|erection"
_MOVE = "lose|loose|use|mood|moo"
# Where the body word is said first and its state after ("my leg has gone ...").
BODY = (
    r"(?:legs?|feet|foot|thighs?|knees?|calf|calves|toes|bum|bottom|backside|arse|butt|"
    r"buttocks|groin|genitals|privates|penis|willy|vagina|fanny|crotch|saddle|anus|bits|"
    r"undercarriage|cheeks|perineum|tailbone|"
    r"down there|down below|between my legs)"
)

BODY_SOURCES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    # numb: "my leg has gone one", "is none", "its number round my anus", "i feel now".
    (
        ("gone went", "one on none num nom dumb"),
        rf"\b({BODY} (?:\w+ )?(?:has |have |had )?(?:gone|went)) (?:one|on|none|num|nom|dumb)"
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
    # Indian English "my legs are paining", heard as "painting".
    (
        ("painting",),
        r"\b(legs?|back|feet|foot|hips?|knees?|thighs?|it|body) "
        r"(is |are |was |keeps |started |)painting\b",
        r"\1 \2paining",
    ),
    # the foot: "my foot tags" (drags), "i keep dripping over my foot" (tripping).
    (
        ("tags tag drugs", "foot feet leg"),
        r"\b(foot|feet|leg) (?:tags|tag|drugs)\b",
        r"\1 drags",
    ),
    (
        ("dripping dripped curving", "over"),
        r"\b(?:dripping|curving) over\b|\bdripped over\b",
        "tripping over",
    ),
    (("slots slops", "foot feet"), r"\b(foot|feet) (?:slots|slops) on\b", r"\1 slaps on"),
    # the left as "luck": "my luck leg is tingling".
    (("luck", "leg foot side knee hip"), r"\bmy luck (leg|foot|side|knee|hip)\b", r"my left \1"),
    # straining on the toilet as "stream"; the wound as "my one", oozing as "using".
    (
        ("stream streaming", "toilet loo"),
        r"\bstream(ing)? on the (toilet|loo)\b",
        r"strain\1 on the \2",
    ),
    (
        ("one", "operation surgery op"),
        r"\b(my|the) one (?=(?:from|on|of|for) (?:my |the )?(?:back )?(?:operation|surgery|op)\b)",
        r"\1 wound ",
    ),
    (
        ("using",),
        r"\b(red and|weeping and|wound is|scar is|stitches are|is|are) using\b(?= and|$)",
        r"\1 oozing",
    ),
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
        r"\b(get|getting|got|keep|keeping|maintain|maintaining|lost|losing|problems with|"
        r"trouble with|trouble getting|problems getting) (an |my |any )?"
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
