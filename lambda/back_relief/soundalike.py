"""Sound-alike keys: a recogniser's near-miss spelling of a word the skill listens for.

A speech recogniser that is unsure of a word writes what it heard, and sometimes that is
no word at all: "urin", "nomeness", "chivering", "weekness". A typist does the same. Rather
than list every such spelling, each word is reduced to a key of its sounds (a small
metaphone: consonants after the first letter, voiced and unvoiced pairs that recognisers
confuse written one way, doubles collapsed), and a word the skill has never written whose
key and spelling are both close to one of the triage concept words is read as that word.

The table is built by `make model` (interaction_models/build.py) into soundalike.json:
the keys of the concept words in content/en/triage.toml, and the words of the skill's own
content and voice model that share a key with one of them and are real words in their own
right ("week" is not "weak"): those are never folded. Only words outside every list are
read as their sound-alike, so no word the skill already understands changes meaning.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "TABLE",
    "distance",
    "heard_forms",
    "key",
    "skill_targets",
    "skill_words",
    "soundalike",
    "table_text",
]

# os.path, not pathlib: importing pathlib (glob, fnmatch...) cost Lambda's INIT ~2 ms.
HERE = os.path.dirname(os.path.realpath(__file__))
TABLE = os.path.join(HERE, "soundalike.json")

# Letter groups one sound is spelled with, in the order they must be replaced.
_SPELLINGS = (
    ("tch", "x"),
    ("sch", "sk"),
    ("ch", "x"),
    ("sh", "x"),
    ("ph", "f"),
    ("gh", ""),
    ("ck", "k"),
    ("mb", "m"),
    ("wh", "w"),
    ("qu", "kw"),
    ("dg", "j"),
)
# Letters that spell one sound: c and q are k, z is s ("paralyzed", "paralysed").
_TWINS = str.maketrans("cqz", "kks")
# Soft c and g, vowels and h/w after the first letter, doubled letters.
_SOUNDS = (r"c(?=[eiy])", r"g(?=[eiy])", r"(?<=.)[aeiouyhw]", r"(.)\1+")


@lru_cache(maxsize=1)
def _sounds() -> tuple[re.Pattern[str], ...]:
    # Compiled when the first unknown word is keyed, not at a cold start.
    return tuple(re.compile(source) for source in _SOUNDS)


def key(word: str) -> str:
    """A word's sound key: "urine" and "urin" -> "urn"; "numbness" and "nomeness" -> "nmns"."""
    spelled = word
    for letters, sound in _SPELLINGS:
        if letters in spelled:
            spelled = spelled.replace(letters, sound)
    soft_c, soft_g, silent, double = _sounds()
    spelled = soft_g.sub("j", soft_c.sub("s", spelled)).translate(_TWINS)
    return double.sub(r"\1", silent.sub("", double.sub(r"\1", spelled)))


def distance(a: str, b: str) -> int:
    """Letter edit distance (insert, delete, substitute)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def _close(heard: str, word: str) -> bool:
    # Same sounds and one letter apart (two for long words): "urin"/"urine",
    # "nomeness"/"numbness", but not "paying"/"peeing" or "lakes"/"legs", real words that
    # share a key with a concept word and little else.
    return distance(heard, word) <= (1 if len(word) <= 7 else 2)


_MIN_LENGTH = 4  # shorter words are too many and too alike ("bum", "bun", "pun") to key
# The concepts whose words are keyed: what a red flag is made of (body sites, bladder and
# bowel, numbness, fever, a mechanism, a context). Words of the connecting concepts ("able",
# "after", "small") are everyday words, and everyday words are what recognisers write.
_KEYED = """bladder bladder_named bowel saddle numb leg_site fever shiver sex sex_fail chest belly
    tearing pregnant bleeding surgery scar wound_problem wet_word height_or_vehicle"""
# hot_cold: the fever concept's hot and cold in turns (content/en/triage.toml), named there as
# @hot_cold; its words were the concept's own when it was written inline.
_KEYED_WORDS = "numb saddle pee fever frail surgery cancer hot_cold"
# The connecting words inside those concepts' regexes are not keyed ("there", "after"), and
# these everyday words, which the skill's own text happens not to use, stay themselves:
# "bloody" is an oath, not blood. Numbers are never keyed: "sixth" is not "sixty".
_UNKEYED = """after from that this there your where some just have having like since under keep
    keeping getting making gone down hard stay line little trouble open loss pass parts
    between area apart high being runs fifty sixty seventy eighty ninety
    good okay fine better best worth safe helpful help helps work works should shall people"""
# Checked against the whole words of Whisper's tokenizer (24,593, the words a recogniser writes):
# these real words share a key with a concept word and stay themselves ("stars" are not stairs).
_EVERYDAY = """bloody bloodied heard theyre youre pens bony bane bonus boone bowling burying deed
    disco flour fueling lauder logs lumber needless paints pans resent scare scary scor spin
    stars steep tarn thorn waiter"""


@lru_cache(maxsize=1)
def _loaded() -> tuple[dict[str, str], frozenset[str], dict[str, list[str]]]:
    import json  # when a word is first looked up: not a cold start

    if not os.path.exists(TABLE):  # only while `make model` first builds it: nothing is folded
        return {}, frozenset(), {}
    with open(TABLE, encoding="utf-8") as fh:
        data = json.load(fh)
    return data["keys"], frozenset(data["known"]), data.get("heard", {})


def heard_forms() -> dict[str, list[str]]:
    """What the recogniser wrote for a listened-for word -> [word, classes] (heard_words.py)."""
    return _loaded()[2]


# Concept words the keyed table lacks (too short to key, or sharing a key with another
# concept word) that safety/tolerant.py may still read a heard word as.
_MORE_TARGETS = """pee wee poo bum bums leg legs wet numb both peed weed pooed pees wees poos weak
    butt groin fall weeing peeing pooing wetting bowel bowels bladder urine thighs"""


# Keyed words that connect a phrase rather than name a sign ("coming", "third", "when"): a
# heard word is never re-read as one of them.
_CONNECTING = """able about alternate alternating bits boyfriend bridge camel child come coming
    does done during finish first follow followed fourth front frozen girlfriend goes going golf
    happened happening happens husband into level long lower made marks more myself nothing
    number older over partner person pillow poor previous recent response right roller running
    second seat sitting soft something step straight take term therapy they third through
    together touch touching treatment upper using warm went were when wife will working years"""


@lru_cache(maxsize=1)
def skill_targets() -> frozenset[str]:
    """The concept words a tolerant reading may put in place of a heard word: the keyed
    words that name a sign, a site or a context, and the short ones too short to key."""
    named = frozenset(_loaded()[0].values()) - frozenset(_CONNECTING.split())
    return named | frozenset(_MORE_TARGETS.split())


@lru_cache(maxsize=4096)
def soundalike(word: str) -> str | None:
    """The concept word an unknown word sounds and looks like, or None. Cached: speech
    repeats itself, and a word's answer never changes while the process lives."""
    if len(word) < _MIN_LENGTH or not word.isalpha():
        return None
    keys, known, _ = _loaded()
    if word in known:
        return None
    target = keys.get(key(word))
    if target is None or target == word or not _close(word, target):
        return None
    return target


# ---------------------------------------------------------------------------- build time

_WORD = r"[a-z]+"
# A concept regex's literal words: letters not followed by a regex suffix that makes them a
# stem ("tingl\\w*"); "bums?" counts as "bum" and "bums".
_LITERAL = r"(?<![a-z\\])([a-z]{4,})(s\\?)?(?![a-z\\?*+{(])"  # 4: _MIN_LENGTH
_REGEX_FIELDS = frozenset(
    {"patterns", "concepts", "pattern_words", "unsettled", "unless", "benign"}
)


def _strings(node: object) -> Iterator[str]:
    """Every string of parsed TOML but the regex fields: the words the skill writes."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)
    elif isinstance(node, dict):
        for name, item in node.items():
            if name not in _REGEX_FIELDS:
                yield from _strings(item)


def _root() -> Path:
    from pathlib import Path  # build time only

    return Path(HERE).parents[1]


def _triage(root: Path) -> dict[str, Any]:
    import tomllib  # build time only

    with (root / "lambda" / "back_relief" / "content" / "en" / "triage.toml").open("rb") as fh:
        return tomllib.load(fh)


def skill_words(root: Path | None = None) -> set[str]:
    """Every word the skill writes: its content, voice model and triage text (not regexes)."""
    root = root or _root()
    content = root / "lambda" / "back_relief" / "content" / "en"
    paths = [p for p in sorted(content.glob("*.toml")) if p.name != "triage.toml"]
    paths += sorted((root / "interaction_models").rglob("*.yaml"))
    texts = [p.read_text(encoding="utf-8") for p in paths] + [*_strings(_triage(root))]
    return {w for text in texts for w in re.findall(_WORD, text.lower())}


def table_text(root: Path | None = None) -> str:
    """soundalike.json as `make model` writes it, from the triage concepts and the skill's
    own words."""
    import json  # build time only

    from .heard_words import table as heard_table

    root = root or _root()
    triage = _triage(root)
    corpus = skill_words(root)
    concepts, words = triage["concepts"], triage["pattern_words"]
    sources = [concepts[n] for n in _KEYED.split() if n in concepts]
    sources += [words[n] for n in _KEYED_WORDS.split() if n in words]
    literal = {
        m[0] + s for src in sources for m in re.findall(_LITERAL, src) for s in {"", m[1][:1]}
    }
    # Only literal words the skill also writes as words: regex fragments are not words.
    targets = (literal & corpus) - set(_UNKEYED.split())
    by_key: dict[str, set[str]] = {}
    for word in targets:
        by_key.setdefault(key(word), set()).add(word)
    # A key two concept words share ("pees", "peas") cannot say which was meant: dropped.
    keys = {k: next(iter(ws)) for k, ws in sorted(by_key.items()) if len(ws) == 1}
    known = sorted(
        w
        for w in (corpus | set(_EVERYDAY.split())) - targets
        if len(w) >= _MIN_LENGTH and (t := keys.get(key(w))) is not None and _close(w, t)
    )
    heard = heard_table(root, corpus)
    data = {"keys": keys, "known": known, "heard": heard}
    return json.dumps(data, indent=0, sort_keys=True) + "\n"
