"""What a recogniser writes for each word the skill listens for, learnt per word, not per phrase.

Every word the triage concepts and the answer matcher listen for was said in short carrier
sentences through an offline speech channel (tests/unit/heard_sweep.py: a US voice, noise,
Whisper): "bum" came back as "bomb", "undies" as "aunties", "waterworks" as "water work".
`make model` aligns each sentence with what was heard and keeps a heard form as its word when
the form is no word people say to this skill: not a word of its content or voice model, and
not a word of any development phrasing written for it (thousands of real sentences, in five
locales). A form that is an everyday word ("week", "life", "will") stays itself here; the
hand-written folds in heard.py read those only in a context where nothing else makes sense.

A form is read as its word only just after a word of its class's gate ("my bomb", "a wii",
"is dumb"), so a name or a new word said in its own right keeps its meaning; words of the
classes with no gate (medicine names, services, events) are read anywhere. The table lives
in soundalike.json, loaded with it on the first word a text holds, never at a cold start.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # build time only: a cold start imports no path machinery for this module
    from pathlib import Path

__all__ = ["GATES", "fold_heard_words", "heard_form", "table", "tokens"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A form of a word of this class is read as it only after one of these words.
GATES: dict[str, frozenset[str]] = {
    # a body place is owned: "my bomb", "me bomb", "both my lakes"
    "place": _words("my me your his her both the"),
    # a bladder or bowel word is had or lost: "a wii", "my emotions", "no motions"
    "function": _words("my a the some no of any"),
    # a state is felt or become: "is dumb", "feel nam"
    "state": _words(
        """is are am was were be been gone go goes going went feel feels felt feeling so all
        really very get got getting completely totally bit and"""
    ),
    # something done or not done: "can not pin", "need to pin", "i pin" ("cant" as written)
    "verb": _words("to not i cant"),
}
# Real words the recogniser's vocabulary spells in pieces, so heard5_everyday.txt cannot vouch
# for them, each heard in the sweep for another word: reviewed, and kept as themselves
# ("osteoarthrosis" is a condition of its own, not osteoporosis).
_REAL = _words("osteoarthrosis aunties luge tubular quench commas duller denny unease")
_LONGEST = 5  # tokens in a heard form: "nine hundred and ninety nine"


def fold_heard_words(words: list[str], forms: dict[str, list[str]]) -> list[str]:
    """Read each heard form (up to `_LONGEST` words) as its word where its class's gate allows."""
    if not forms:
        return words
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST, len(words) - i), 0, -1):
            found = forms.get(" ".join(words[i : i + size]))
            if found is None:
                continue
            word, classes = found
            gates = [GATES.get(cls) for cls in classes.split()]  # "any": no gate
            if None in gates or (out and any(out[-1] in gate for gate in gates if gate)):
                out.extend(word.split())
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


# ---------------------------------------------------------------------------- build time


def tokens(text: str) -> list[str]:
    """A sentence's words as a recogniser writes them: lowercase, no apostrophes."""
    return re.sub(r"[^a-z0-9 ]+", " ", text.lower().replace("'", "")).split()


def _find(seq: list[str], part: list[str]) -> int:
    for i in range(len(seq) - len(part) + 1):
        if seq[i : i + len(part)] == part:
            return i
    return -1


def heard_form(written: str, heard: str, word: str) -> str | None:
    """What the recogniser wrote where `word` was said, "(dropped)" if nothing, "?" if the
    sentence does not say the word, or None when it survived."""
    import difflib  # build time only

    said, got, part = tokens(written), tokens(heard), tokens(word)
    start = _find(said, part)
    if start < 0:
        return "?"
    end = start + len(part)
    out: list[str] = []
    exact = True
    matcher = difflib.SequenceMatcher(a=said, b=got, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 <= start or i1 >= end:
            continue  # outside the word (an insertion just before it is the neighbour's)
        if tag == "equal":
            lo, hi = max(i1, start), min(i2, end)
            out.extend(got[j1 + lo - i1 : j1 + hi - i1])
        else:
            exact = False
            out.extend(got[j1:j2])
    return None if exact else " ".join(out) or "(dropped)"


def _phrasings(root: Path) -> list[str]:
    """The written development phrasings (tests/unit/data, first column): what people say to
    this skill. Recogniser copies (*_heard*) and the sweep itself are not phrasings; the
    held-out evaluation (tests/heldout) is never read."""
    texts = []
    for path in sorted((root / "tests" / "unit" / "data").iterdir()):
        if "heard" in path.name or path.suffix not in (".tsv", ".txt"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                texts.append(line.split("\t")[0].split("|")[-1])
    return texts


def table(root: Path, skill_words: set[str]) -> dict[str, list[str]]:
    """heard form -> [word, classes]: every form the sweep heard for a listened-for word that
    is no word people say, where no other word was heard the same way."""
    import csv  # build time only

    data = root / "tests" / "unit" / "data"
    said = [tokens(text) for text in _phrasings(root)]
    # Everyday words: the skill's own, its development phrasings', and those of the heard
    # forms that the recogniser's vocabulary ranks common (heard_sweep.py everyday).
    common = data / "heard5_everyday.txt"
    lines = common.read_text(encoding="utf-8").splitlines() if common.exists() else []
    everyday = skill_words | {w for words in said for w in words}
    everyday |= {line for line in lines if not line.startswith("#")}
    ngrams = {" ".join(ws[i : i + n]) for ws in said for n in (2, 3) for i in range(len(ws))}
    found: dict[str, set[tuple[str, str]]] = {}
    for path in sorted(data.glob("heard5_sweep_heard_*.tsv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                form = heard_form(row["utterance"], row["heard"], row["word"])
                if form is None or form in ("?", "(dropped)"):
                    continue
                words = form.split()
                rare = [w for w in words if w not in everyday and w not in _REAL]
                if (
                    len(words) > 3
                    or form.replace(" ", "") == row["word"].replace(" ", "")
                    or any(w.isdigit() or len(w) < 2 for w in words)
                    or form in ngrams
                    # everyday words are what people say ("the low", "it will help"): a form
                    # needs a word nobody says to this skill ("bifflin", "nakers")
                    or not rare
                ):
                    continue
                # The form is gated by the word the sweep said it after ("my bum": read only
                # after "my" and its like); a word said after no gate word is read anywhere.
                written = tokens(row["utterance"])
                start = _find(written, tokens(row["word"]))
                before = written[start - 1] if start > 0 else ""
                gate = next((name for name, ws in GATES.items() if before in ws), "any")
                found.setdefault(form, set()).add((row["word"], gate))
    # A form heard for two words cannot say which was meant: dropped. A word heard after two
    # gates' words is read after either.
    out = _numbers(root)
    for form, pairs in sorted(found.items()):
        if len({word for word, _ in pairs}) == 1:
            gates = " ".join(sorted({gate for _, gate in pairs}))
            out[form] = [next(iter(pairs))[0], gates]
    return out


def _numbers(root: Path) -> dict[str, list[str]]:
    """The locales' emergency numbers as a recogniser writes them: a number said digit by digit
    ("nine nine nine") comes back as a number ("nine hundred ninety nine") or as digits."""
    import tomllib  # build time only

    from .content.numbers import TEENS, TENS, UNITS

    out: dict[str, list[str]] = {}
    for path in sorted((root / "lambda" / "back_relief" / "content" / "locales").glob("*.toml")):
        vocab = tomllib.loads(path.read_text(encoding="utf-8")).get("vocab", {})
        said = str(vocab.get("emergency", ""))
        digits = [UNITS.index(w) for w in said.split() if w in UNITS]
        if len(digits) != 3 or len(digits) != len(said.split()) or digits[0] == 0:
            continue
        tens, ones = digits[1:]
        parts = (TENS[tens - 2] if tens > 1 else "", UNITS[ones] if ones else "")
        rest = TEENS[ones] if tens == 1 else " ".join(w for w in parts if w)
        hundred = f"{UNITS[digits[0]]} hundred"
        for form in (f"{hundred} {rest}", f"{hundred} and {rest}", "".join(map(str, digits))):
            out[form.strip()] = [said, "any"]
    return out
