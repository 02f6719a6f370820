"""Recogniser slips found by aligning written and heard text over every heard development copy
(issue 12, round 11): stable confusions (seen three times or more, from two writers or more) of
a word the red-flag rules listen for, each read as the word meant only in the frame where the
heard word makes no sense.

Each entry is (gates, pattern, replacement), as in heard.py: a rule runs only on a text that
holds a word of each gate. A fold may only turn nonsense into the word meant, never ordinary
speech into a warning sign: "fill in the form", "went flying", "alarm bells" and "the eyes"
said of eyes keep their meaning.
"""

from __future__ import annotations

__all__ = ["FRAME_SOURCES"]

# A state a person feels, which nothing is filled with ("hot" and "cold" are left out: a hot
# water bottle is filled).
_FELT_STATE = (
    r"(?:shivery|shaky|dizzy|faint|numb|sick|weak|unwell|tingly|feverish|clammy|sweaty|"
    r"funny|strange|weird|terrible|awful|rough|crook|light headed|woozy|confused)"
)
# Where one falls from or down, and how: "fell off the ladder" heard as "fill off the ladder".
_FALL_WAY = r"(?:off|from|down|over|through|out of|onto|on to|backwards)"

FRAME_SOURCES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    # slipped as "slept" where one slips, not sleeps: "slept on the ice", "slept in the
    # bathroom" ("slept on the floor", "slept on the grass", "in bed" keep their sleep).
    (
        ("slept",),
        r"\bslept (on|in) (the|a|some) (?=(?:ice|eyes|bath mat|bathroom|kitchen|stairs|steps|"
        r"tiles|wet|mud|path|driveway|pavement|footpath|kerb|curb|shower|bath|ladder|"
        r"black ice|puddle|leaves)\b)",
        r"slipped \1 \2 ",
    ),
    # the legs as "lights" before a state of the legs, said with no "my" ("since morning lights
    # are very weak"); "the lights" of a room stay. Not before "will": a fear ("scared my
    # lights will give out") is no sign, and the word stays as heard.
    (
        ("lights",),
        r"(?<!\bthe )(?<!\bfairy )(?<!\bstreet )\blights "
        r"(?=(?:are|feel|feels|have gone|went|keep|are going|just|both)(?: \w+)? "
        r"(?:weak|numb|heavy|rubbery|dead|tingl\w*|jelly|wobbly|shaky|asleep|give|giving|gave|"
        r"buckl\w*|collaps\w*)\b)",
        "legs ",
    ),
    # feel as "fill" before a felt state: "i fill a bit shivery", "filling dizzy" (a person
    # is not filled with a state).
    (
        ("fill fills filling",),
        rf"\bfill(s|ing)? (?=(?:a bit |so |really |very |quite |a little |all |"
        rf"kind of |pretty )?{_FELT_STATE}\b)",
        r"feel\1 ",
    ),
    # fell as "fill" before where one fell from: "i fill off the ladder", "fill down the
    # stairs" ("fill out the form", "fill in", "fill up" keep theirs: not in _FALL_WAY).
    (
        ("fill",),
        rf"\b(i|he|she|mum|dad|just|and|then|nearly|almost|have|had|who) fill "
        rf"(?={_FALL_WAY} (?:the|a|an|my|his|her|our|some|this|that|two|three|\w+ing)\b)",
        r"\1 fell ",
    ),
    (("fill", "back"), r"\bfill (?=on (?:my|his|her|your) back\b)", "fell "),
    # ice as "eyes" where it is put on the back: "an eyes pack" (eyes are never a pack). Not
    # where one slipped: "slipped on the eyes and can not get up" reaches its sign as heard
    # already (no development row gained from reading the ice there).
    (
        ("eyes", "pack packs bag bags cube cubes bath massage"),
        r"\beyes (pack|packs|bag|bags|cube|cubes|bath|massage)\b",
        r"ice \1",
    ),
    # legs that "keep getting away" or "getting out" are legs that give way or out ("getting
    # away for the weekend", "getting out of bed" have no legs before them).
    (
        ("away", "getting get gets got"),
        r"\b((?:legs?|knees?)\b(?: \w+){0,2}? )(?:getting|get|gets|got) away\b"
        r"(?! (?:from|with|for|to)\b)",
        r"\1giving way",
    ),
    (
        ("out", "getting get gets got"),
        r"\b((?:legs?|knees?)\b(?: \w+){0,2}? )(?:getting|get|gets|got) out\b(?! of\b)",
        r"\1giving out",
    ),
    # the bowels as "bells" where owned, controlled or asked about: "i can not control my
    # bells", "losing control of their bells" ("alarm bells", "church bells" stay).
    (
        ("bells vowels",),
        r"\b(my|his|her|their|your|of|for|with) (?:bells|vowels)\b",
        r"\1 bowels",
    ),
    # undies as "onions", "unease" where wet, soiled or owned and wet: "i wet my onions",
    # "poo in my unease" ("my onions" in a kitchen has no wet word before or after it).
    (
        ("onions unease", "wet peed pooed soiled poo pee wee in"),
        r"\b(wet|wetted|peed|pooed|pooped|soiled|messed|poo in|pee in|wee in|in) "
        r"(my|his|her) (?:onions|unease)\b",
        r"\1 \2 undies",
    ),
    (
        ("onions",),
        r"\bmy onions (?=(?:are |were |is |got |all )?(?:wet|soaked|soaking|damp|drenched|"
        r"dripping|sodden|soft)\b)",
        "my undies ",
    ),
    # hurt as "heard" before the part hurt: "since he heard his back" (a back is not heard,
    # unless it cracks).
    (
        ("heard",),
        r"\bheard (my|his|her|their|your) (back|neck|leg|legs|hip|hips|knee|knees|spine)\b"
        r"(?! (?:crack|cracking|click|clicking|pop|popping|snap|go|going|creak|crunch|clunk)\w*)",
        r"hurt \1 \2",
    ),
    # lying as "flying" where one lies ("flying on my side helps", "flying here"); "went
    # flying", "sent me flying" (a fall) keep theirs.
    (
        ("flying",),
        r"(?<!\bwent )(?<!\bsent )(?<!\bgo )(?<!\bgoing )(?<!\bgone )(?<!\bcame )"
        r"(?<!\bcome )(?<!\bsending )(?<!\bme )(?<!\bhim )(?<!\bher )(?<!\bthem )(?<!\bus )"
        r"\bflying "
        r"(?=(?:on (?:my|the|his|her|your)|here|there|down|flat|still|in bed|city)\b)",
        "lying ",
    ),
    # spasm as "specimen" said of the back ("a urine specimen", "a stool specimen" stay).
    (
        ("specimen specimens",),
        r"(?<!\burine )(?<!\bstool )(?<!\bblood )(?<!\bsample )"
        r"\b(back|the|a|my|this|in|in a|another) specimens?\b",
        r"\1 spasm",
    ),
    # an erection as "interaction", "your action" said as a trouble: "having your action
    # problem", "problem in interaction" (a drug interaction is named with its drug first).
    (
        ("interaction action", "problem problems trouble issue issues having"),
        r"\b(having|have|has|got|my|his|with) (?:an |your |a )?(?:interaction|action) "
        r"(problems?|trouble|issues?|dysfunction)\b",
        r"\1 erection \2",
    ),
    (
        ("interaction action", "problem problems trouble issue issues"),
        r"\b(problems?|trouble|issues?) (in |with |getting )?(?:an |your |a )?"
        r"(?:interaction|action)\b",
        r"\1 \2erection",
    ),
    # A wee as "week", "weed", "wii", "weave" where one holds, controls or leaks it: "i can
    # not hold my week", "lost control of my weed", "leaking weed" ("hold my weight" is said of
    # legs, and stays).
    (
        ("week weed wii weave we", "hold holding held control controlling"),
        r"\b(hold|holding|held|control|controlling|control of) (my|me|his|her) "
        r"(?:week|weed|wii|weave|we)\b",
        r"\1 \2 wee",
    ),
    (
        ("week weed wii", "leaking leak leaks leaked dribbling dribbled"),
        r"\b(leaking|leak|leaks|leaked|dribbling|dribbled) (?:week|weed|wii)\b",
        r"\1 wee",
    ),
    (
        ("we", "leaking leak leaks leaked dribbling dribbled"),
        r"\b(leaking|leaked|dribbling|dribbled) we\b"
        r"(?= (?:all|everywhere|without|since|on|down|again|and)\b|$)",
        r"\1 wee",
    ),
    # been for a wee as "been for a week" before how long nothing has come: "he has not been
    # for a week all day" ("off work for a week since" has no hours after it).
    (
        ("week wii weed weave", "for"),
        r"\b(been|go|gone|went|going|trying|tried|try) for a (?:week|wii|weed|weave) "
        r"(?=(?:all (?:day|night|morning|afternoon|evening)|for (?:an|a|two|three|four|"
        r"several|\w+) hours?|in hours)\b)",
        r"\1 for a wee ",
    ),
    # a wee as "we", "weave" after "when i" where a pain comes with it: "it burns when i we".
    (
        ("we weave", "burns burning stings stinging hurts hurting"),
        r"\b(burns|burning|stings|stinging|hurts|hurting) when i (?:we|weave)\b",
        r"\1 when i wee",
    ),
    (("we",), r"\b(urge|need|needing) to we\b", r"\1 to wee"),
    # went as "one", "when" after the back: "since my back one", "since the back when i can
    # not feel a thing" (a back is no number; "when" needs a clause of its own before it).
    (
        ("one when", "back"),
        r"\b(since|after|when|till|until) (my|the|his|her|this|me|your) back (?:one|when)\b",
        r"\1 \2 back went",
    ),
    # urine since as "your instance", "your incense" after pass: "i can not pass your instance
    # morning".
    (
        ("instance incense insists", "pass passing passed passes"),
        r"\b(pass|passing|passed|passes) (?:your|you are) (?:instance|incense|insists)\b",
        r"\1 urine since",
    ),
    (
        ("net knit nit", "pass passing passed passes"),
        r"\b(pass|passing|passed|passes) (?:your|you are) (?:net|knit|nit) all\b",
        r"\1 urine at all",
    ),
    # urine as "during" where nothing else can be: "during this leaking all day", "can not
    # pass during properly" ("during the night" keeps its time).
    (
        ("during",),
        r"^during (?:this|is) (?=(?:not coming|not passing|leaking|coming|passing|dripping|"
        r"dribbling)\b)",
        "urine is ",
    ),
    (
        ("during", "pass passing passed"),
        r"\b(pass|passing|passed) during\b(?= (?:properly|since|at all|for|from|normally)\b|$)",
        r"\1 urine",
    ),
    # poo as "food", "few" that came out by itself: "my food just came out".
    (
        ("food few", "came comes coming"),
        r"\bmy (?:food|few) (just |)(came|comes|coming|keeps coming) out\b(?! of)",
        r"my poo \1\2 out",
    ),
    # pooped as "puke", "puked" where no vomit fits: said of oneself or one's clothes ("i
    # puke myself"), or not felt ("i think i puked and i did not feel it"); being sick is
    # felt, and "puked on the floor" keeps its meaning.
    (
        ("puke puked puking pukes",),
        r"\b(?:puke|puked|puking|pukes) (?=(?:myself|himself|herself|my pants|my undies|"
        r"my trousers|my knickers|the bed|my bed|in my (?:pants|undies|trousers|sleep))\b)",
        "pooped ",
    ),
    (
        ("puke puked", "know knew feel felt notice noticed realise realised realize realized"),
        r"\b(?:puke|puked) (?=(?:and )?(?:i )?(?:did not|never|could not|didnt) (?:even )?"
        r"(?:know|knew|feel|felt|notic\w*|realis\w*|realiz\w*)\b)",
        "pooped ",
    ),
    (
        ("puke", "control"),
        r"\b(control|tell|feel|know) when i puke\b",
        r"\1 when i poop",
    ),
    # the back as "bat" at the end of what was said, its last sound lost ("pins and needles
    # for my bat", "ripping pain through my bat"), or before its muscles; never where a game
    # is played ("is it okay to play cricket with this bat").
    (
        ("bat",),
        r"^(?!.*\b(?:cricket|baseball|softball|rounders|ball|balls|swing|swinging|bowling|hit|"
        r"batting|vampire|vampires)\b)(.*\b(?:my|this|the|your|her|his|bare|stiff|awful|sore|"
        r"bad|lower|upper|whole) )bat(?= *$| (?:muscles?|pain|pains|ache|aches|spasms?)\b)",
        r"\1back",
    ),
)
