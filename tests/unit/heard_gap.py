"""Why red flags that fire as written are lost as heard, by mechanism (issue 12, round 6).

    .venv/bin/python tests/unit/heard_gap.py            # table of mechanisms over every heard set
    .venv/bin/python tests/unit/heard_gap.py -v         # also each lost row, aligned
    .venv/bin/python tests/unit/heard_gap.py FILE...    # only these heard copies

A row is "lost" when its written text reaches its tier (E: emergency; U: at least same-day) and
its heard text does not. Written and heard are both normalised (text.normalise), aligned word by
word (difflib), and each differing span is given one mechanism (see MECHANISMS); a row counts
once per mechanism it shows. Only causal spans count: a span whose repair alone (putting the
said words back) makes the heard text reach its tier; when no single span does, every span is
counted as "joint:". A development tool, not a test: pytest does not collect it. Real
versus non-word is judged against the words of every development phrasing and
heard5_everyday.txt (no dictionary here), so "sub-real" undercounts a little.

Measured before round 6 changed anything (main at the branch point; every development heard
copy, the piper and the mix voices, and triage_dev5_heard6_heard.tsv seeds 5 and 11): 1,778 red
flags, 199 fire as written and not as heard (E 138, U 61). What they got as heard: nothing 168
(84%), the clarifying question 19 (10%), same-day or within-days advice 12 (6%). Mechanisms (a
row may show two): one word substituted 78 (39%: by a non-word 41, by another real word 37;
+10 joint); adjacent words substituted as many for as many 31 (16%); a longer span rewritten 39
(20%); one word split in two 14 (7%); number words 11 (6%); negation or can/can't flipped 9 + 4
joint (7%); two words merged 5 (3%); a word dropped 2, inserted 1 + 2 joint. Piper voice only
(the held-out channel's voice; 1,331 rows, 126 lost): one word substituted 58 (46%), adjacent
words 20, longer span 20, numbers 9, split 7, merged 4, flip 1 + 2 joint. Every development row
with punctuation or apostrophes, stripped of them (3,235 rows): 8 changed tier (4 benign alarms,
4 red flags lost), all through apostrophe-less contractions ("theyre", "shes", "id").

So the gap is mostly ONE listened-for word heard as another word, a different word each time
(legs as "light", "life", "lets"; wet as "what", "want"; numb as "now"), not a form a table of
seen forms can list: heard_slots.py reads such words by the frame around them.
"""

from __future__ import annotations

import csv
import difflib
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parents[1] / "lambda")]

from back_relief.safety.triage import assess, clarify  # noqa: E402
from back_relief.text import normalise  # noqa: E402
from triage_dev import WANT, rules  # noqa: E402

DATA = HERE / "data"
NEGATIONS = frozenset(["not", "no", "never", "nothing", "can", "could", "cannot"])
NUMBERS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
    ]
)
FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "my",
        "me",
        "i",
        "is",
        "are",
        "was",
        "were",
        "to",
        "of",
        "in",
        "on",
        "at",
        "and",
        "or",
        "but",
        "it",
        "its",
        "so",
        "just",
        "up",
        "down",
        "out",
        "off",
        "for",
        "with",
        "all",
        "have",
        "has",
        "had",
        "be",
        "been",
        "am",
        "do",
        "did",
        "does",
        "that",
        "this",
        "there",
        "as",
        "by",
        "from",
    ]
)
MECHANISMS = {
    "flip": "negation or can/can't flipped",
    "number": "number words",
    "merge": "two words heard as one",
    "split": "one word heard as two",
    "drop-content": "a content word dropped",
    "drop-function": "a function word dropped",
    "insert": "a word inserted",
    "sub-real": "a word substituted by another real word",
    "sub-nonword": "a word substituted by a non-word",
    "sub-several": "adjacent words substituted, as many heard as said",
    "phrase": "a longer span rewritten (not a merge or split)",
}


def _known_words() -> frozenset[str]:
    words: set[str] = set()
    for path in (DATA / "heard5_everyday.txt", Path("/usr/share/dict/words")):
        if path.exists():
            words.update(normalise(path.read_text(encoding="utf-8", errors="ignore")).split())
    for path in DATA.glob("triage_dev*.tsv"):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                words.update(normalise(row.get("utterance", "")).split())
    return frozenset(words)


def _span(a: list[str], b: list[str], op: str, known: frozenset[str]) -> str:
    if (set(a) | set(b)) & NEGATIONS and (set(a) ^ set(b)) & NEGATIONS:
        return "flip"
    if (set(a) | set(b)) & NUMBERS:
        return "number"
    if op == "delete":
        return "drop-function" if set(a) <= FUNCTION else "drop-content"
    if op == "insert":
        return "insert"
    if len(a) == 1 and len(b) == 1:
        return "sub-real" if b[0] in known else "sub-nonword"
    joined = difflib.SequenceMatcher(a="".join(a), b="".join(b)).ratio()
    if len(a) > len(b):
        return "merge" if joined >= 0.6 else "phrase"
    if len(a) < len(b):
        return "split" if joined >= 0.6 else "phrase"
    return "sub-several"


def classify(
    said: list[str], heard: list[str], known: frozenset[str], repairs: object = None
) -> list[str]:
    """Each differing span's mechanism; with repairs (a callable), only the spans whose repair
    alone makes the heard text reach its tier, or all of them (prefixed "joint:") if none does."""
    spans = []
    matcher = difflib.SequenceMatcher(a=said, b=heard, autojunk=False)
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op != "equal":
            repaired = heard[:b0] + said[a0:a1] + heard[b1:]
            spans.append((_span(said[a0:a1], heard[b0:b1], op, known), repaired))
    if repairs is None:
        return [kind for kind, _ in spans]
    causal = [kind for kind, repaired in spans if repairs(" ".join(repaired))]  # type: ignore[operator]
    return causal or ["joint:" + kind for kind, _ in spans]


def fires(found_rules: object, kind: str, text: str) -> bool:
    finding = assess(found_rules, [text])  # type: ignore[arg-type]
    return finding is not None and finding.tier >= WANT[kind]


def outcome(found_rules: object, text: str) -> str:
    finding = assess(found_rules, [text])  # type: ignore[arg-type]
    if finding is not None:
        return finding.tier.name.lower()
    return "asks" if clarify(found_rules, [text]) else "nothing"  # type: ignore[arg-type]


def main(paths: list[Path], verbose: bool) -> None:
    found_rules = rules()
    known = _known_words()
    mechanisms: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        for row in rows:
            kind = row["kind"]
            if "heard" not in row:  # a written set whose name holds "heard" (dev5_heard5)
                break
            if kind not in ("E", "U"):
                continue
            written, heard = row["utterance"], row["heard"]
            totals[kind] += 1
            if not fires(found_rules, kind, written):
                totals[kind + " not as written"] += 1
                continue
            if fires(found_rules, kind, heard):
                continue
            totals[kind + " lost"] += 1
            said, got = normalise(written).split(), normalise(heard).split()
            kinds = classify(said, got, known, lambda t, k=kind: fires(found_rules, k, t))
            kinds = kinds or ["same after normalise"]
            mechanisms.update(set(kinds))
            outcomes[outcome(found_rules, heard)] += 1
            if verbose:
                print(f"{path.stem[7:]:22} {row['id']:4} {','.join(kinds)}")
                print(f"    said  {' '.join(said)}\n    heard {' '.join(got)}")
    print("rows:", dict(totals))
    print("lost rows got:", dict(outcomes))
    lost = sum(totals[k + " lost"] for k in ("E", "U"))
    for name, count in mechanisms.most_common():
        share = 100 * count / max(1, lost)
        print(f"{count:4}  {share:3.0f}%  {name:15} {MECHANISMS.get(name, '')}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    default = sorted(DATA.glob("triage_dev*_heard*.tsv"))
    chosen = [Path(a) for a in args] or [p for p in default if "probe" not in p.name]
    main(chosen, "-v" in sys.argv)
