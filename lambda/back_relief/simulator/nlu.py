"""A stand-in for Alexa's language understanding, driven by the generated voice model.

It follows the rules Alexa documents and that real skills observe, so the simulator is
neither stricter nor kinder than a device:

- Custom slots are open. Words in the value list (or a synonym) resolve with
  ER_SUCCESS_MATCH and the value's id; other words still fill the slot and arrive with
  ER_SUCCESS_NO_MATCH and no id, when they look like the slot's values, as a trained
  slot model takes words of the shape it was given: a bare "{Symptom}" sample (a
  catch-all) takes any statement sharing a content word with its values; after a carrier
  phrase, the words must be no longer than its longest value or share half their words.
- AMAZON.SearchQuery takes any words after (or around) its carrier phrase; AMAZON.NUMBER
  takes digits or number words ("fifteen" arrives as "15").
- Specific samples win: an utterance goes to the sample that accounts for the most of its
  words by literal text or listed slot values (a filler word such as "please" or "can"
  counts half); words swallowed by a catch-all or a free-text slot count nothing.
- Near misses reach the nearest sample: a token-level edit distance where hesitations
  ("um") are dropped, polite filler ("please", "can you", "just") costs a quarter of a
  word to add or drop, a speech-recognition slip (a similar word with the same first
  letter, "nest" for "next"; never a word the model holds itself unless the two sound alike
  or one inflects the other, "worse" is not "whose", and never a negation for its positive,
  "can't" is not "can") is half a match, another word added costs three quarters
  and one dropped a half. A sample is reachable when the score keeps half its words'
  weight and at most one content word in four (one for short samples) was added or
  dropped. An exact match (filler and slips aside) beats a near miss, which beats the
  bare catch-all; with none of them the utterance is AMAZON.FallbackIntent, no words.
- Built-in intents answer their own common words (yes, yeah, okay, stop, never mind,
  go back, ...) without samples, as Amazon documents for the standard built-ins.
- The wake word never reaches a skill: a leading "alexa" (and "ask back relief to ...")
  is dropped before matching.

What it cannot emulate: Alexa's statistical model (trained on the samples, it generalises
to phrasings this rejects and can mistake ones this takes; its FallbackIntent is an
out-of-domain classifier tuned by fallbackIntentSensitivity, not a threshold, and which
of two close intents wins is a probability, not a rule); speech recognition itself
(homophones, dropped words, "can" heard as "can't": use ../shared/asr for that);
entity-resolution scoring (Alexa may resolve a near-synonym or a plural it was never
given, and may return several ranked values); how Alexa trims articles or filler from
slot values; dialog management, slot elicitation and confirmation; any use of the
dialog's state; name-free interaction and CanFulfillIntent.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher, get_close_matches
from functools import cache
from pathlib import Path
from typing import Any

from ..soundalike import key

MODELS = Path(__file__).resolve().parents[3] / "skill-package" / "interactionModels" / "custom"
MATCH, NO_MATCH = "ER_SUCCESS_MATCH", "ER_SUCCESS_NO_MATCH"
CATCH_ALL, NEAR, EXACT = 0, 1, 2
FALLBACK = "AMAZON.FallbackIntent"
# Common utterances of the standard built-ins (Amazon's "Standard Built-in Intents" table and
# what devices answer in practice), heard even when the model gives no samples for them.
BUILTIN = {
    "AMAZON.CancelIntent": ["cancel", "never mind", "nevermind", "forget it"],
    "AMAZON.HelpIntent": ["help", "help me", "can you help me"],
    "AMAZON.NavigateHomeIntent": ["home", "go home"],
    "AMAZON.NextIntent": ["next", "skip", "skip forward"],
    "AMAZON.NoIntent": ["no", "nope", "no thanks", "nah"],
    "AMAZON.PauseIntent": ["pause", "pause that"],
    "AMAZON.PreviousIntent": ["go back", "previous", "skip back", "back up"],
    "AMAZON.RepeatIntent": ["repeat", "say that again", "repeat that", "what", "huh"],
    "AMAZON.ResumeIntent": ["resume", "continue", "keep going"],
    "AMAZON.StartOverIntent": ["start over", "restart", "start again"],
    "AMAZON.StopIntent": ["stop", "off", "shut up", "be quiet"],
    "AMAZON.YesIntent": ["yes", "yeah", "yep", "sure", "okay", "ok", "yes please"],
}
WAKE = {"alexa", "echo", "computer", "amazon", "ziggy"}
HESITATIONS = {"um", "umm", "uh", "uhh", "er", "erm", "hmm", "mm", "ah"}
# Words people add around a command without changing it: cheap to insert.
FILLER = {
    "please", "can", "could", "would", "will", "you", "just", "now", "then", "so", "ok",
    "okay", "well", "oh", "right", "the", "a", "and", "hey", "thanks", "thank", "me", "i",
    "actually", "maybe", "let's", "lets", "we", "it", "that", "this", "sorry",
}  # fmt: skip
# Words too common to show a phrase looks like a slot's values.
STOP = FILLER | {"my", "is", "it", "to", "of", "in", "on", "at", "an", "it's", "i'm", "have"}
_INVOKE = re.compile(r"^(?:ask|tell|open|launch|use) back relief(?: (?:to|that|about|if|and))?\b")
_PUNCT = re.compile(r"[^\w' ]+")
_UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
# Costs in words; a "hard" edit adds or drops a content word, the rest are soft.
INSERT, DROP, SOFT, SLIP = 0.75, 0.5, 0.25, 0.5


@dataclass(frozen=True)
class Slot:
    value: str
    resolved_id: str | None = None
    # ER_SUCCESS_MATCH / ER_SUCCESS_NO_MATCH for custom slot types; None for built-in types.
    status: str | None = None


@dataclass(frozen=True)
class Match:
    intent: str
    slots: dict[str, Slot] = field(default_factory=dict)


@dataclass(frozen=True)
class _Sample:
    intent: str
    parts: tuple[tuple[str, str], ...]  # ("w", word) or (slot name, slot type)
    words: Counter[str]
    reach: int  # most words a listed slot value can account for


@dataclass
class _Type:
    lookup: dict[str, str]  # value or synonym -> id
    longest: int  # words in the longest value
    vocabulary: frozenset[str]


def normalise(utterance: str) -> list[str]:
    """Lowercase words as Alexa hands them on: no punctuation, no wake word, no "um"."""
    text = " ".join(_PUNCT.sub(" ", utterance.lower().replace("\u2019", "'")).split())
    words = text.split()
    while words and words[0] in WAKE:
        words = words[1:]
    text = _INVOKE.sub("", " ".join(words)).strip()
    return [w for w in text.split() if w not in HESITATIONS]


def number(words: list[str]) -> str | None:
    """ "15", "fifteen" or "twenty five" as Alexa fills AMAZON.NUMBER ("15", "25")."""
    if len(words) == 1 and words[0].isdigit():
        return words[0]
    if len(words) == 1 and words[0] in _UNITS:
        return str(_UNITS.index(words[0]))
    if words and words[0] in _TENS and len(words) <= 2:
        tens = 20 + 10 * _TENS.index(words[0])
        if len(words) == 1:
            return str(tens)
        if words[1] in _UNITS[1:10]:
            return str(tens + _UNITS.index(words[1]))
    return None


class Nlu:
    def __init__(self, model: dict[str, Any]) -> None:
        language = model["interactionModel"]["languageModel"]
        self.invocation: str = language["invocationName"]
        self._types: dict[str, _Type] = {}
        for slot_type in language.get("types", []):
            lookup: dict[str, str] = {}
            for value in slot_type["values"]:
                for word in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                    lookup.setdefault(" ".join(normalise(word)), value["id"])
            vocabulary = frozenset(w for phrase in lookup for w in phrase.split()) - STOP
            longest = max((len(p.split()) for p in lookup), default=1)
            self._types[slot_type["name"]] = _Type(lookup, longest, vocabulary)
        declared = {intent["name"] for intent in language["intents"]}
        builtin = [{"name": n, "samples": s} for n, s in BUILTIN.items() if n in declared]
        self.samples: list[_Sample] = []
        for intent in [*language["intents"], *builtin]:
            types = {s["name"]: s["type"] for s in intent.get("slots", [])}
            for sample in intent.get("samples", []):
                parts = tuple(
                    ("w", p) if not p.startswith("{") else (p[1:-1], types[p[1:-1]])
                    for p in re.findall(r"\{\w+\}|[^\s{}]+", sample)
                )
                words = Counter(p for kind, p in parts if kind == "w")
                reach = sum(self._types[t].longest for k, t in parts if t in self._types)
                self.samples.append(_Sample(intent["name"], parts, words, reach))
        self._vocabulary = sorted({w for s in self.samples for w in s.words})
        # Words the model itself holds, in samples or slot values: said, they are that word,
        # never a slip for another ("worse" is not "whose", "want" not "what"), unless the two
        # sound the same (a recogniser writes "we're" for "were" as readily as either) or one
        # is the other inflected ("makes" for "make").
        self.known = frozenset(self._vocabulary).union(
            *(t.vocabulary for t in self._types.values())
        )

    def understand(self, utterance: str) -> Match | None:
        """The intent and slots Alexa would send, or AMAZON.FallbackIntent with no words."""
        words = normalise(utterance)
        if not words:
            return Match(FALLBACK)
        heard = set(words)
        for word in words:  # a slip may stand for a model word: keep those samples in view
            heard.update(get_close_matches(word, self._vocabulary, n=3, cutoff=0.75))
        candidates = []
        for sample in self.samples:
            literal = sum(sample.words.values())
            overlap = sum(n for w, n in sample.words.items() if w in heard)
            if overlap * 2 >= literal:
                candidates.append((min(overlap, len(words)) + sample.reach, sample))
        candidates.sort(key=lambda c: -c[0])
        best: tuple[tuple[int, float, int], Match] | None = None
        for bound, sample in candidates:
            if best is not None and best[0][0] == EXACT and bound < best[0][1]:
                break  # no later sample can score higher
            found = _Aligner(self, sample, words).best()
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best[1] if best else Match(FALLBACK)

    def fill(self, slot_type: str, words: list[str], carried: bool) -> tuple[float, Slot] | None:
        """(words accounted for, slot) when these words can fill a slot of this type."""
        value = " ".join(words)
        if slot_type == "AMAZON.NUMBER":
            digits = number(words)
            return (1.0, Slot(digits)) if digits is not None else None
        kind = self._types.get(slot_type)
        if kind is None:  # AMAZON.SearchQuery and other phrase types take any words
            return 0.0, Slot(value)
        resolved = kind.lookup.get(value)
        if resolved is not None:
            return float(len(words)), Slot(value, resolved, MATCH)
        # Unlisted words fill the slot when they look like its values. A bare "{Slot}"
        # sample (the catch-all) takes what shares a content word with them, up to twice
        # the longest value; after a carrier the words must be no longer than the longest
        # value or have half their content words in common with the values.
        content = [w for w in words if w not in STOP]
        shared = sum(1 for w in content if w in kind.vocabulary)
        if len(words) > 2 * kind.longest:
            return None
        if carried and not (len(words) <= kind.longest or shared * 2 >= len(content)):
            return None
        if not carried and not shared:
            return None
        return 0.0, Slot(value, None, NO_MATCH)


_Cell = tuple[float, int, dict[str, Slot]]


class _Aligner:
    """Best alignment of one sample with the utterance (dynamic programming over tokens)."""

    def __init__(self, nlu: Nlu, sample: _Sample, words: list[str]) -> None:
        self.nlu, self.sample, self.words = nlu, sample, words
        self.carried = bool(sample.words)

    def best(self) -> tuple[tuple[int, float, int], Match] | None:
        parts, words, n = self.sample.parts, self.words, len(self.words)
        # rows[i][j]: best (score, hard edits, slots) for parts[:i] against words[:j]
        rows: list[list[_Cell | None]] = [[self._inserted(None, 0, j) for j in range(n + 1)]]
        for kind, token in parts:
            prev: list[_Cell | None] = rows[-1]
            row: list[_Cell | None] = [None] * (n + 1)
            rows.append(row)
            for j in range(n + 1):
                options: list[_Cell] = []
                if j and row[j - 1] is not None:  # a word said that the sample lacks
                    options.append(self._inserted(row[j - 1], j - 1, j))
                if kind == "w":
                    here = prev[j]
                    if here is not None:  # the sample's word was not said
                        hard = token not in FILLER
                        options.append(_add(here, -DROP if hard else -SOFT, int(hard)))
                    before = prev[j - 1] if j else None
                    if before is not None:
                        said = words[j - 1]
                        if said == token:
                            options.append(_add(before, _weight(token), 0))
                        elif _slip(said, token) and (
                            said not in self.nlu.known or _sounds_alike(said, token)
                        ):
                            options.append(_add(before, _weight(token) * (1 - SLIP), 0))
                else:
                    for k in range(j):
                        cell = prev[k]
                        filled = (
                            None if cell is None else self.nlu.fill(token, words[k:j], self.carried)
                        )
                        if cell is not None and filled is not None:
                            options.append(
                                (cell[0] + filled[0], cell[1], {**cell[2], kind: filled[1]})
                            )
                row[j] = max(options, key=lambda c: (-c[1], c[0])) if options else None
        final = rows[-1][n]
        if final is None:
            return None
        score, edits, slots = final
        literal = sum(self.sample.words.values())
        weight = sum(_weight(w) * n for w, n in self.sample.words.items())
        if score * 2 < weight or score < 0 or edits > (literal // 4 or int(literal > 0)):
            return None
        opened = sum(1 for s in slots.values() if s.status == NO_MATCH)
        # Exact (or filler and slips only) beats a near miss, which beats a bare catch-all.
        tier = EXACT if not edits and score > 0 else NEAR if edits else CATCH_ALL
        return (tier, score, -opened), Match(self.sample.intent, slots)

    def _inserted(self, cell: _Cell | None, i: int, j: int) -> _Cell:
        """Words said that the sample does not have (words[i:j]) appended to a cell."""
        score, edits, slots = cell if cell is not None else (0.0, 0, {})
        for word in self.words[i:j]:
            if word in FILLER:
                score -= SOFT
            else:
                score, edits = score - INSERT, edits + 1
        return score, edits, slots


def _weight(word: str) -> float:
    """What a matched sample word says about the intent: filler ("please", "can") half."""
    return 0.5 if word in FILLER else 1.0


def _add(cell: _Cell, score: float, edits: int) -> _Cell:
    return cell[0] + score, cell[1] + edits, cell[2]


def _slip(said: str, word: str) -> bool:
    """A word a recogniser could have heard for another: close in spelling, not short. Never
    a negation for its positive ("can't" for "can", "don't" for "do"): text that says "can't"
    was heard as "can't", and a carrier taking it would hand the skill the words without it."""
    if min(len(said), len(word)) < 3 or said[0] != word[0]:
        return False
    if _negates(said, word) or _negates(word, said):
        return False
    return SequenceMatcher(None, said, word).ratio() >= 0.75


_NEGATED = re.compile(r"(\w+?)n'?t$")
# Negations whose positive is not the word before "n't".
_IRREGULAR = {"won": "will", "wo": "will", "ca": "can", "sha": "shall", "ai": "is"}


def _negates(said: str, word: str) -> bool:
    """ "can't", "cant", "don't", "didnt" for "can", "do", "did"; "went" or "want" are no
    negation of anything, so they stay free to be slips."""
    found = _NEGATED.match(said)
    if found is None:
        return False
    stem = found[1]
    return word in (stem, stem + "n", _IRREGULAR.get(stem))


def _sounds_alike(said: str, word: str) -> bool:
    """Homophones ("we're", "were") or one word's inflection ("makes", "make")."""
    short, long = sorted((said, word), key=len)
    if long.startswith(short) and len(long) - len(short) <= 3:
        return True
    return key(said.replace("'", "")) == key(word.replace("'", ""))


@cache
def for_locale(locale: str) -> Nlu:
    path = MODELS / f"{locale}.json"
    if not path.exists():
        path = MODELS / "en-US.json"
    return Nlu(json.loads(path.read_text()))
