"""Free-text matching of a user's question to an answer id, by keyword phrases and concepts.

Used when Alexa hands the skill raw text (a catch-all intent) instead of a resolved intent.
Keywords and questions go through the same pipeline: the shared normaliser, a light stem, and
concept classes (synonyms.py: "frozen peas" and "cold pack" are both "ice"), so one keyword
covers the ways people say it. A question scores against each answer by the words its phrases
cover (a whole phrase in order counts most, its words in any order less, a lone shared word
least), each word weighted by how telling it is across all answers (an IDF over the keyword
vocabulary). Everything expensive happens once in the constructor: the matcher is built on the
first free-text question of a container and called on every such question after.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..text import normalise, stem
from . import matcher_tables
from .needs import Needs, near, rejoined
from .ranker import likeliest, second_opinion
from .synonyms import classes, unslip

__all__ = ["AnswerMatcher", "normalise"]

# Every shipped keyword's tokens, written by `make model` (tokens_text) and checked by its
# --check like compiled.json: tokenising ~1,400 keywords was most of building the matcher
# (~10 ms of the first free-text question, or of the deployed INIT that rehearses one).
TOKENS = os.path.join(os.path.dirname(__file__), "keyword_tokens.json")  # os.path: no pathlib


# Words the light stem would fold into another word: "note" is not "not" ("note that down"),
# and a building site is no sitting.
_WHOLE = {
    "note": "note",
    "notes": "note",
    "noted": "note",
    "noting": "note",
    "site": "site",
    "sites": "site",
}


@lru_cache(maxsize=8192)
def _base(word: str) -> str:
    return _WHOLE.get(word) or stem(word)


@lru_cache(maxsize=8192)
def _root(word: str) -> str:
    base = _base(word)
    return _SINGLE.get(base, base)


def _stemmed_set(words: str) -> frozenset[str]:
    return frozenset(_root(w) for w in words.split())


_ARTICLES = frozenset(("a", "an", "the"))
_VOCATIVES = frozenset(("mate", "love", "buddy", "dude", "bro", "yaar", "ji"))
_RUNS: dict[tuple[str, ...], str] = {}
_SINGLE: dict[str, str] = {"disk": "disc", "xray": "x"}
_CLASSES = classes()
for _words, _concept in _CLASSES.items():
    if len(_words) == 1:
        _SINGLE[_base(_words[0])] = _concept
# Runs are looked up on words already folded one by one ("hot water bag" arrives as "heat water
# bag"), so their keys are folded the same way, by _root once _SINGLE is whole.
# A run whose words fold to other concepts only ("icy hot", a cream, is "ice heat") would swallow
# those concepts said together ("ice heat which one"): it is looked up on the words as said
# (light-stemmed, never folded) instead.
_RAW_RUNS: dict[tuple[str, ...], str] = {}
_CONCEPTS = frozenset(_CLASSES.values())
for _words, _concept in _CLASSES.items():
    if len(_words) > 1:
        # ... and without articles, which _tokens drops: "a and e" arrives as "and e".
        _key = tuple(_root(w) for w in _words if w not in _ARTICLES)
        if all(k in _CONCEPTS and k != _concept for k in _key):
            _RAW_RUNS[tuple(_base(w) for w in _words if w not in _ARTICLES)] = _concept
        else:
            _RUNS[_key] = _concept
_LONGEST_RUN = max((len(k) for k in (*_RUNS, *_RAW_RUNS)), default=1)

# Words that carry little meaning on their own: a phrase made only of these cannot win.
_STOPWORDS = _stemmed_set(
    """a an the i me my mine is are am was be been it its to do doe does did can could should
    would will shall might may must how what when where who for of on in into at by
    with and or but not no so if then than that this these those there here you your we our they
    them he she his her just about from up out over any some really very please alexa
    okay get got have ha has had let us want going go use using put try um uh like well oh now
    still right thing stuff bit lot little actually something anything everything
    myself yourself himself herself themselves"""
)
# The back-pain words nearly every question has: evidence of the domain, not of a topic.
_COMMON = _stemmed_set("back pain spasm muscle lower bad good")
_STOP_WEIGHT = 0.2
_COMMON_WEIGHT = 0.3
_BAG_FACTOR = 0.75  # all words present but not as one run: weaker evidence than the exact phrase
_LONE_FACTOR = 0.35  # one word shared with an answer's vocabulary, outside any phrase
MIN_SCORE = 1.0
# Below MIN_SCORE, still answer when the best topic clearly leads: a near answer helps more
# than "I don't have an answer" to someone on the floor.
_NEAR_SCORE = 0.45
_LEAD = 1.25
# A question about the pain itself that no topic claims gets the general easing answer.
_PAIN_WORDS = frozenset(("pain", "spasm", "back"))
_FALLBACK = "relief_overview"
# ... and so does a plain request for advice ("what's the first thing I should try").
_ADVICE = _stemmed_set(
    "try advice suggest suggestion recommend recommendation idea ideas help helps comfortable stuck"
    " need stop trick plan cope manage deal through handle survive bear fix remedy cure solution"
)
# ... and so does someone describing where they are ("on the kitchen floor", "lying here").
_SITUATION = _stemmed_set("floor lying stuck waiting")
_NEEDS_HELP = _PAIN_WORDS | _ADVICE | _SITUATION
# Answers about who is asking (pregnant, a child, after an operation, in crisis...) change what
# is safe to say about everything else, so when one is clearly named it wins over the topic:
# "I'm pregnant, can I do the stretches" is a pregnancy question first.
_CONTEXT_SHARE = 0.6  # ... unless another topic has far more of the words ("a slipped disc")
_YIELDS = {"child": "lifting"}
# A topic whose words a why-question shares, and the answer to why: its causes.
_WHY_OVER = {"prevention": "causes"}
_CRISIS = "crisis"
_CONTEXT = frozenset(
    ("crisis", "pregnancy", "child", "surgery", "after_fall", "cancer_history", "osteoporosis")
)
# ... but "my back has locked and I've got the kids to pick up" is the speaker's own back: a
# child named beside "my back" is not the one in pain, so the topic is chosen as usual. Likewise
# an operation or a pregnancy that is someone else's ("my dad's operation", "my wife's pregnant").
_MY_BACK = " my back "
# Answers about a back or body that is not the speaker's (R3's child, R11's other body parts).
_NOT_MY_BACK = frozenset(("child", "out_of_scope"))
_SOMEONE_ELSE = "partner"
_THEIRS = frozenset(("pregnancy", "surgery", "cancer_history", "osteoporosis"))
# ... while "her back", "his back is sore" put the pain on the person named: a carer asking
# for a pregnant wife or a child is asking about that context.
_THIRD_PERSON = frozenset(("her", "his", "their", "she", "he", "they"))
# A child is who the question is about when the words say so (a pronoun, "can kids...",
# or nothing else fits better); a child who only helps ("my daughter has a foam roller",
# "how hard should my son press") leaves the question to its topic.
_ASKED_ABOUT = _stemmed_set("can could may does do is are will")
_HELPER = "child"
_WHOSE = _stemmed_set("my our your a")
_DOES = _stemmed_set("do use try take")
# A concept word (synonyms.py: "warm" is heat, "advil" is medicine) said with nothing else
# telling ("is it ok to put something warm on it") names its topic, however long the sentence.
_CONCEPTS = frozenset(_CLASSES.values())
# Where a question starts inside a longer turn, and how many words of story must come first.
# Not "when" or "where": inside a turn they mostly join a story ("a pulse where I press").
_CUES = _stemmed_set("what how why which whether wonder")
# "I'll ring my GP on Monday, but for now ...": a plan put aside, and what to do until it
# happens asked after it; the story (the GP) never outweighs that question.
_DEFERRALS = ("for now", "until then", "till then", "in meantime", "meanwhile")
_CUE_PAIRS = frozenset(
    tuple(_root(w) for w in pair.split())
    for pair in (
        *("should i", "can i", "could i", "is it", "do i", "will it", "will i", "any tip"),
        *("is that", "is this"),
    )
)
_STORY = 4
# How far the story's topic must lead the closing clause's to answer instead: less when the
# clause points back at the story ("can I borrow it", "is that OK").
_STORY_LEAD = 1.8
_BACK_LEAD = 1.3
_BACK_WORDS = frozenset(("it", "that", "this", "them", "those", "one"))
_NEEDS = Needs(_root)
# A need said near its concept names a topic (needs.py), worth this much per facet, counted when
# all its facets fall within _NEED_SPAN words of each other. Ten, not six (round 14): a need is
# often said well away from its thing ("I've got a heat patch on under my work shirt, how long
# is that okay for"); on every development set, no row lost and six gained.
_NEED_BONUS = 0.65
_NEED_SPAN = 10
# A topic whose need is said wins over a higher one with none said, when within this factor.
_NEED_LEAD = 1.4
# Answers to a request for the skill to do something, not to a question about it, and the
# needs (needs.py) that make a turn such a question.
_REQUESTS = frozenset(("call_for_me",))
# One medicine weighed against something that is not a medicine ("is a hot bath better than
# ibuprofen", "should I stretch instead of taking tablets") asks about that other thing, whose
# topic answers it; choosing medicines (R9) is one medicine against another.
_MEDICINE_TOPICS = frozenset(
    ("medicine_choice", "painkillers", "doses", "someone_elses_medicine", "muscle_relaxants")
)
_MEDICINE_WORDS = frozenset(("medicine", "prescription", "relaxant", "cream"))
_CHOICE = "medicine_choice"
# The medicine topics a comparison of two medicines hands to choosing: never someone else's
# medicine ("my wife's diazepam instead of my ibuprofen" must hear not to take it) or a dose.
_CHOSEN_OVER = _MEDICINE_TOPICS - {_CHOICE, "someone_elses_medicine", "doses"}
# Someone else's medicine is a medicine: "my dad gave me his lifting belt" is the belt's topic.
_LENT = "someone_elses_medicine"
_ASKED_WHEN = frozenset(("when", "signs", "whether"))
_TAIL_SHARE = 0.5
# Who said it, before a reporting verb ("the physio said", "my mum reckons"): not the topic.
_REPORTED = _stemmed_set(
    "said say says told tell tells telling reckon reckons recommended suggested swears insists"
)
# ... with a word between ("my dad always says", "my uncle keeps telling me").
_REPORTING = _stemmed_set("always keeps kept just also once still")
_SOURCES = _stemmed_set(
    "physio physiotherapist chiropractor osteopath nurse coach trainer instructor colleague"
    " coworker uncle aunt auntie grandad grandpa grandma granny nan"
) | frozenset(
    ("doctor", "pharmacy", "partner", "child", "emergency")  # concept tokens (synonyms.py)
)
_JUDGES = frozenset(("is_it_serious",))
_READING_LEAD = 1.5
_READING_SURE = 2.5
_Ranked = tuple[tuple[float, int], str]


# Not after a denial ("i do not want to", "never want to", "not thinking about", "no thoughts
# of"), nor followed by how an accident would happen ("by", a doing word other than these);
# never "with" ("with a knife" is the wish's means).
_NOT_SAID = "".join(
    f"(?<!{w} )" for w in ("not", "never", "no", "not really", "never had", "not had")
)
_NO_MEANS = (
    r"(?! (?:by|while|whilst|from|at the|when i (?:lift|bend|do|exercise|move)\b)\b)"
    r"(?! (?!(?:during|being|feeling|living|nothing|something|anything|everything|morning"
    r"|evening)\b)\w+ing\b)"
)

# Words that put someone, the speaker or a person they name, in crisis whatever else is said
# (R12): "my son said he wants to kill himself" named a child and got the child's-back answer,
# since the matcher folds "kill" into "pain" ("my back is killing me"). Read on the words as
# said, never folded; only unambiguous phrases ("hurt himself" is mostly an accident).
_IN_CRISIS = re.compile(
    r"\b(?:kill|killing|killed) (?:my|him|her|them|your)sel(?:f|ves)\b|\bsuicid"
    r"|\b(?:end|ending|take|taking) (?:my|his|her|their|your) (?:own )?life\b"
    r"|\bwants? to die\b|\bself harm"
    # Death wished for, said of oneself or of someone named ("he would rather be dead").
    r"|\b(?:rather|sooner) be dead\b|\bbetter off dead\b|\bbetter off without (?:me|him|her|them)\b"
    r"|\bnot (?:really )?want (?:to be alive\b|to live any ?more\b)"
    r"|\b(?:rather|sooner) (?:die|not be alive|not be here|not wake up)\b"
    # Harm to oneself thought of or wanted ("sitting here thinking about hurting myself"): a
    # wish, not an accident ("I hurt myself lifting"), whatever the story around it names.
    # Never denied ("I do not want to hurt myself", "not thinking about hurting myself") nor
    # said with the way it would happen ("hurting myself lifting the kids", "by exercising").
    rf"|{_NOT_SAID}\b(?:think|thinking|thought|thoughts) (?:about|of) (?:hurting|harming)"
    rf" (?:my|him|her|them)sel(?:f|ves)\b{_NO_MEANS}"
    rf"|{_NOT_SAID}\b(?:want|wants|wanted|urge) to (?:hurt|harm) (?:my|him|her|them)sel"
    rf"(?:f|ves)\b{_NO_MEANS}"
    rf"|{_NOT_SAID}\bfeel (?:like )?(?:hurting|harming) (?:my|him|her|them)sel(?:f|ves)\b"
    rf"{_NO_MEANS}"
    # Hopelessness (R12) in the words people use for it: an end wished for everything, not for
    # the pain ("i want it all to stop for good"), vanishing, no point in living, a dark place,
    # not safe with oneself. Not "i want the pain to stop" or "no point going to the doctor".
    r"|\b(?:it all|everything|all of it) to (?:stop|end|be over) (?:for good|for ever|forever)\b"
    r"|\bend (?:it|this|things|everything) (?:all|for good)\b"
    rf"|{_NOT_SAID}\b(?:want|wants|wanted|wish|wishing|like) to (?:just )?(?:disappear|vanish)\b"
    r"|\bwish (?:i|he|she) (?:was|were) (?:dead|gone|not here|never born)\b"
    r"|\bpoint (?:in |of )?(?:going on|living|carrying on|being alive|being here|life|anything)\b"
    r"|\b(?:in|at) (?:a |such a )?(?:really |very |so |dead )?dark place\b"
    # (text.py reads a heard "with myself" as "wet myself")
    r"|\bnot (?:feel |feeling |felt )?safe (?:with|wet|around|by) (?:my|him|her|them)sel(?:f|ves)\b"
)


def in_crisis(text: str) -> bool:
    return _IN_CRISIS.search(normalise(text)) is not None


def _tokens(text: str) -> tuple[str, ...]:
    # Articles never decide a topic, and dropping them lets "lie on the ice" meet "lie on ice".
    words = unslip(normalise(text).split())
    # A closing "mate", "love" or "yaar" addresses the listener; it is nobody's medicine.
    while words and words[-1] in _VOCATIVES:
        words.pop()
    said = [w for w in words if w not in _ARTICLES]
    words = [_root(w) for w in said]
    raw = [_base(w) for w in said] if _RAW_RUNS else []
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST_RUN, len(words) - i), 1, -1):
            concept = _RUNS.get(tuple(words[i : i + size]))
            if concept is None and _RAW_RUNS:
                concept = _RAW_RUNS.get(tuple(raw[i : i + size]))
            if concept is not None:
                out.append(concept)
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


@dataclass(frozen=True, slots=True)
class _Phrase:
    answer_id: str
    run: str  # space-padded token run, for the contiguous test
    words: frozenset[str]
    # Its meaningful words, when there are at least two: all present in any order still counts.
    bag: frozenset[str] | None


class AnswerMatcher:
    """Picks the answer whose keyword phrases best cover a free-text question."""

    _weight: dict[str, float]  # word -> how telling it is
    _home: dict[str, str]  # word -> the answer it alone is weak evidence for
    _one_word: dict[str, str]  # word -> the answer a question of that word alone gets
    _exact: dict[str, str]  # a keyword's padded token run -> its answer
    _index: Mapping[str, tuple[_Phrase, ...]]  # most telling word -> phrases anchored there

    def __init__(
        self, answers: Mapping[str, Mapping[str, Any]], known: Mapping[str, str] | None = None
    ) -> None:
        """known: keyword -> its tokens joined by spaces (default: the shipped TOKENS file);
        any keyword not in it is tokenised here. With the default, the tables below come
        from the shipped TABLES file when it was built from these very answers."""
        self._order = {answer_id: i for i, answer_id in enumerate(answers)}
        stored = matcher_tables.stored(answers) if known is None else None
        if stored is not None:
            self._weight, self._home, self._one_word = (
                stored["weight"],
                stored["home"],
                stored["one_word"],
            )
            self._index = index = _PackedIndex(stored["index"])
            self._exact = index.exact()
        else:
            self._tables(answers, shipped_tokens() if known is None else known)
        self._fallback = _FALLBACK if _FALLBACK in answers else None
        # Each answer's needs under their last facet (a need name), tried only when it is said.
        self._needs: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        # ... and the things they are about ("ice" for "ice duration"): each answer's set.
        self._things: dict[str, frozenset[str]] = {}
        for answer_id, entry in answers.items():
            for need in entry.get("needs", ()):
                facets = tuple(f if f in _NEEDS.runs else _root(f) for f in need.split())
                self._needs.setdefault(facets[-1], []).append((answer_id, facets))
            self._things[answer_id] = frozenset(_root(n.split()[0]) for n in entry.get("needs", ()))

    def _tables(self, answers: Mapping[str, Mapping[str, Any]], known: Mapping[str, str]) -> None:
        """Build the scoring tables from the answers' keywords (what TABLES stores)."""
        phrases = [
            phrase
            for answer_id, entry in answers.items()
            for phrase in _compile(answer_id, entry.get("keywords", ()), known)
        ]
        # uses: word -> answer -> how many of that answer's phrases hold it.
        uses: dict[str, dict[str, int]] = {}
        for phrase in phrases:
            answer_id = phrase.answer_id
            for word in phrase.words:
                counts = uses.get(word)
                if counts is None:
                    counts = uses[word] = {}
                counts[answer_id] = counts.get(answer_id, 0) + 1
        # How telling each word is: one that belongs to few answers' vocabularies says more.
        total = max(1, len(answers))
        top = math.log(1 + total)
        self._weight = {}
        for word, counts in uses.items():
            idf = math.log(1 + total / len(counts)) / top
            self._weight[word] = _base_weight(word) * (0.6 + 0.6 * idf)
        # A telling word on its own ("something frozen", "the office") is weak evidence for
        # its home: the answer whose keywords use it most ("ice" -> ice or heat).
        own: dict[str, str] = {}
        for phrase in reversed(phrases):
            if len(phrase.words) == 1:
                own[next(iter(phrase.words))] = phrase.answer_id
        self._home = {}
        for word, counts in uses.items():
            # An answer with the bare word as a keyword of its own is that word's home.
            if word in own:
                self._home[word] = own[word]
                continue
            ranked = sorted(counts.items(), key=lambda kv: (-kv[1], self._order[kv[0]]))
            if _base_weight(word) == 1.0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                self._home[word] = ranked[0][0]
        # A question that is one telling word and nothing unknown ("heat", "tablets?") gets
        # the answer with that word as a keyword of its own, or else the first answer using it:
        # answers are listed general first, so "heat" is ice or heat, not how long to use heat.
        self._one_word = {}
        for phrase in phrases:
            for word in phrase.words - _STOPWORDS - _COMMON:  # full-weight words
                self._one_word.setdefault(word, phrase.answer_id)
        self._one_word.update(own)
        # Index each phrase under its most telling word, so a question only visits phrases that
        # share that word with it instead of scanning all of them.
        index: dict[str, list[_Phrase]] = {}
        for phrase in phrases:
            anchor = max(phrase.words, key=lambda w: (self._weight[w], w))
            index.setdefault(anchor, []).append(phrase)
        self._index = {k: tuple(v) for k, v in index.items()}
        # A question that is exactly one keyword ("it hurts", "what do i do") is that answer,
        # even when its words are too common to score: never a dead end for the commonest things.
        self._exact = {}
        for phrase in phrases:
            self._exact.setdefault(phrase.run, phrase.answer_id)

    def match(self, text: str) -> str | None:
        """Return the best answer id for ``text``, or None when nothing fits well."""
        if in_crisis(text):
            return _CRISIS
        tokens = _tokens(text)
        return second_opinion(tokens, *self._match(tokens), self._order, self.telling(tokens))

    def scored(self, text: str, prefixes: Sequence[str] = ()) -> tuple[str | None, float]:
        """The keyword matcher's own pick for ``text`` (read with ``prefixes`` as in
        match_readings) and how well it fits, before any second opinion: what the learnt
        ranker's cross-validation (tests/unit/answers_cv.py) compares against."""
        return self._readings(_tokens(text), prefixes)

    def match_readings(self, text: str, prefixes: Sequence[str]) -> str | None:
        """The answer for whichever reading of ``text`` fits best: as said, or with one of
        ``prefixes`` in front (Alexa drops a carrier such as "i'm" or "my" from a free-text
        slot: "fourteen can i use this" is best read with "i'm" put back). A prefixed
        reading must fit clearly better than the words as said."""
        if in_crisis(text):
            return _CRISIS
        said = _tokens(text)
        found = self._readings(said, prefixes)
        return second_opinion(said, *found, self._order, self.telling(said))

    def telling(self, tokens: Sequence[str]) -> int:
        """How many distinct words of the keywords' vocabulary, stopwords and the common
        back-pain words aside, these tokens hold: evidence a turn is about the skill at all."""
        return len({t for t in tokens if t in self._weight and _base_weight(t) == 1.0})

    def _readings(self, said: tuple[str, ...], prefixes: Sequence[str]) -> tuple[str | None, float]:
        best, top = self._match(said)
        seen = {said}
        for prefix in prefixes:
            if top >= _READING_SURE:  # a strong reading as said stands
                break
            tokens = _prefix_tokens(prefix) + said
            if tokens in seen:  # "the" is dropped anyway: the same reading twice
                continue
            seen.add(tokens)
            found, score = self._match(tokens)
            if found is not None and (best is None or score > top * _READING_LEAD):
                best, top = found, score
        return best, top

    def _match(self, tokens: tuple[str, ...]) -> tuple[str | None, float]:
        """The answer and how well the whole turn fits it (infinite for an exact keyword)."""
        exact = self._exact.get(_padded(tokens))
        if exact is not None:
            return exact, math.inf
        tokens = _unsourced(tokens)
        ranked = _without_helpers(tokens, self._ranked(tokens))
        found = self._context(tokens, ranked)
        # A question after a story ("I bent down to tie my shoe and it went, what's good for
        # it") is asked by its last clause: the story names how it happened, not the need.
        # ... unless the story says far more than a bare "what now" after it.
        tail = _asked(tokens)
        if found is None and tail is not None:
            asked = self._ranked(tail)
            exact = self._exact_question(tail)
            found = exact or self._decide(tail, asked)
            said = next((score for (score, _), a in asked if a == found), 0.0)
            # ... a bare "what now" after a story that clearly names a topic is that topic's;
            # and "my dad has a lumbar belt, can I borrow it" asks about the story's thing.
            story = ranked[0][0][0] if ranked else 0.0
            # ... but after a plan put aside ("but for now") the question stands.
            if _deferred(tokens):
                story = 0.0
            if (
                said < story * _TAIL_SHARE and (exact is None or story >= MIN_SCORE)
            ) or self._told_by_story(tail, found, said, ranked):
                found = None
            # "It's blotchy where the ice was, should I worry": a closing "should I worry"
            # asks to judge the story, whose own topic answers it best.
            elif found in _JUDGES and ranked and ranked[0][0][0] > max(said, MIN_SCORE):
                found = None if ranked[0][1] != _FALLBACK else found
            # "I read potassium stops spasms, should I take tablets": the story's thing and the
            # question's are one need (supplement medicine), which the whole turn answers.
            # ... unless the closing question says a need of its own answer whole: "he keeps
            # asking how long this is going to last" after his hot water bottle is how long it
            # lasts, not how long to use heat.
            elif (
                ranked
                and ranked[0][1] != found
                and found not in self._needs_said(_NEEDS.facets(tail))
                and self._bridged(tokens, len(tail), ranked[0][1])
            ):
                found = None
        found = found or self._decide(tokens, ranked)
        if found is None and self._fallback is not None and _NEEDS_HELP & set(tokens):
            found = self._fallback
        return found, next((score for (score, _), a in ranked if a == found), 0.0)

    def _bridged(self, tokens: tuple[str, ...], tail: int, answer_id: str) -> bool:
        """Whether a need of ``answer_id`` is said with one facet in the story and another in
        its closing question (the last ``tail`` tokens)."""
        where = _NEEDS.facets(tokens)
        start = len(tokens) - tail
        for facets in (n for ns in self._needs.values() for a, n in ns if a == answer_id):
            if not near(where, facets, _NEED_SPAN):
                continue
            spots = [where[f] for f in facets]
            if any(min(p) < start for p in spots) and any(max(p) >= start for p in spots):
                return True
        return False

    def _exact_question(self, tail: tuple[str, ...]) -> str | None:
        """A closing clause that is a keyword with filler after it ("what can I do for it",
        "what do I do now then") is that keyword's answer."""
        while tail:
            found = self._exact.get(_padded(tail))
            if found is not None or tail[-1] not in _STOPWORDS:
                return found
            tail = tail[:-1]
        return None

    @staticmethod
    def _told_by_story(
        tail: tuple[str, ...], found: str | None, said: float, ranked: list[_Ranked]
    ) -> bool:
        """A closing clause with no thing of its own ("can I borrow it", "should I keep
        going") asks about what the story named; the story's topic, far ahead, answers it.
        A request for help ("what's good for it") or a clause naming its own thing ("should
        I put ice on it") is still the question."""
        if not ranked or found == _FALLBACK or ranked[0][1] in (found, _FALLBACK):
            return False
        if _CONCEPTS & set(tail):
            return False
        lead = _BACK_LEAD if _BACK_WORDS & set(tail) else _STORY_LEAD
        return ranked[0][0][0] >= said * lead

    def _context(self, tokens: tuple[str, ...], ranked: list[_Ranked]) -> str | None:
        """An answer about who is asking, when one is clearly named (see _CONTEXT)."""
        scores = {answer_id: score for (score, _), answer_id in ranked}
        # Someone in crisis (the speaker or a person they name) comes before every other
        # context: "my son said he wants to kill himself" is not a child's back pain.
        if scores.get(_CRISIS, 0.0) >= MIN_SCORE:
            return _CRISIS
        theirs = bool(_THIRD_PERSON & set(tokens))
        for (score, _), answer_id in ranked:
            if answer_id in _NOT_MY_BACK and _MY_BACK in _padded(tokens):
                continue
            if answer_id in _THEIRS and _SOMEONE_ELSE in tokens and not theirs:
                continue
            if answer_id in _CONTEXT and score >= max(MIN_SCORE, ranked[0][0][0] * _CONTEXT_SHARE):
                # "Can I lift my toddler" is about the lifter's back, not the child's.
                yields = _YIELDS.get(answer_id)
                near = scores.get(yields or "", 0.0) >= _NEAR_SCORE
                if yields and near and not _PAIN_WORDS & set(tokens):
                    return yields
                return answer_id
        return None

    def _decide(self, tokens: tuple[str, ...], ranked: list[_Ranked]) -> str | None:
        if ranked:
            best = ranked[0][0][0]
            second = ranked[1][0][0] if len(ranked) > 1 else 0.0
            if best >= MIN_SCORE or (best >= _NEAR_SCORE and best >= second * _LEAD):
                return ranked[0][1]
        telling = [t for t in tokens if _base_weight(t) > _STOP_WEIGHT]
        # Only a topic's own word, or a word said almost alone: "what time is it" is not a
        # question about how long to ice.
        short = len(tokens) <= 2 or (len(tokens) <= 3 and telling[:1] and telling[0] in self._home)
        if len(telling) == 1 and telling[0] in self._one_word and short:
            return self._one_word[telling[0]]
        full = list(dict.fromkeys(t for t in tokens if _base_weight(t) == 1.0))  # each once
        if len(full) == 1 and full[0] in _CONCEPTS and full[0] in self._one_word:
            return self._one_word[full[0]]
        return None

    def besides(self, text: str, answer_id: str) -> str | None:
        """The best topic other than ``answer_id`` whose need these words say ("when will it
        ease off": how long it lasts), or None: what the words ask where that answer would only
        repeat what was just said."""
        tokens = _tokens(text)
        said = self._needs_said(_NEEDS.facets(tokens))
        return next((a for _, a in self._ranked(tokens) if a != answer_id and a in said), None)

    def _needs_said(self, where: dict[str, list[int]]) -> dict[str, float]:
        """Each answer whose need is said near its thing, and the bonus that earns it."""
        bonus: dict[str, float] = {}
        for answer_id, facets in (n for f in self._needs.keys() & where for n in self._needs[f]):
            if near(where, facets, _NEED_SPAN):
                bonus[answer_id] = max(bonus.get(answer_id, 0.0), _NEED_BONUS * len(facets))
        return bonus

    def nearest(self, text: str, count: int = 2) -> list[str]:
        """The answer ids that come closest to ``text``, best first, even below MIN_SCORE:
        what to offer when nothing fits well enough to answer outright. The learnt model's
        likeliest first (words the keywords do not hold, as a recogniser mishears them, are
        where it reads better), then the keyword matcher's nearest."""
        tokens = _tokens(text)
        # Hashed features meet something learnt for any words at all: without a word of the
        # keywords' vocabulary ("zzz qqq") the model's ranking is noise, and nothing is near.
        worded = any(t in self._weight for t in tokens)
        found = likeliest(tokens, count, self._order) if worded else []
        found += [a for _, a in self._ranked(tokens) if a not in found]
        return found[:count]

    def _ranked(self, tokens: tuple[str, ...]) -> list[_Ranked]:
        if not tokens:
            return []
        present = frozenset(tokens)
        padded = f" {' '.join(tokens)} {rejoined(tokens, _STOPWORDS | _COMMON)}"
        # Per answer, each word of the question counts once, at the best strength any of that
        # answer's phrases covered it: several partial hits add up without double counting.
        cover: dict[str, dict[str, float]] = {}
        phrased: set[str] = set()  # answers a keyword of their own matched, not a lone word
        for word in present:
            for phrase in self._index.get(word, ()):
                if phrase.run in padded:
                    words, factor = phrase.words, 1.0
                elif phrase.bag is not None and phrase.bag <= present:
                    words, factor = phrase.words & present, _BAG_FACTOR
                else:
                    continue
                phrased.add(phrase.answer_id)
                covered = cover.setdefault(phrase.answer_id, {})
                for w in words:
                    if covered.get(w, 0.0) < factor:
                        covered[w] = factor
            home = self._home.get(word)
            if home is not None:
                covered = cover.setdefault(home, {})
                if covered.get(word, 0.0) < _LONE_FACTOR:
                    covered[word] = _LONE_FACTOR
        scores = {a: sum(self._weight[w] * f for w, f in c.items()) for a, c in cover.items()}
        where = _NEEDS.facets(tokens)
        bonus = self._needs_said(where)
        for answer_id, extra in bonus.items():
            scores[answer_id] = scores.get(answer_id, 0.0) + extra
        # Ties go to the answer listed first, so results never depend on set order.
        keyed = sorted(((score, -self._order[a]), a) for a, score in scores.items())
        keyed.reverse()
        # Close scores: the topic whose need is said near its thing answers, not one that only
        # shares a word of the story ("I only bent down to pick up a sock" asks why, not how to
        # lift; "can worrying bring on a spasm" asks about stress, not what causes spasms).
        # Two needs of one thing ("ice duration", "ice often") are told apart by their words.
        if len(keyed) > 1 and keyed[0][1] in _REQUESTS and _ASKED_WHEN & where.keys():
            # A request for the skill to act ("call an ambulance") is never the answer to a
            # question of when or which signs ("when do I need to go to A&E").
            keyed[0], keyed[1] = keyed[1], keyed[0]
        elif len(keyed) > 1 and keyed[1][1] in bonus and keyed[0][1] not in bonus:
            ((top, _), first), ((close, _), second) = keyed[0], keyed[1]
            if close * _NEED_LEAD >= top and not self._things[first] & self._things[second]:
                keyed[0], keyed[1] = keyed[1], keyed[0]
        if keyed and keyed[0][1] in _WHY_OVER and "why" in where:
            # "why does my back keep going into spasm every few months", "how come it keeps
            # going on me": recurrence asked why is its causes (T25), however many of
            # prevention's words about coming back it holds.
            why = next((k for k in keyed[1:] if k[1] == _WHY_OVER[keyed[0][1]]), None)
            if why is not None and why[1] in bonus:
                _to_front(keyed, why)
        if (
            len(keyed) > 1
            and keyed[0][1] in _MEDICINE_TOPICS
            and "choose" in where
            and sum(t in _MEDICINE_WORDS for t in tokens) == 1
        ):
            # One medicine weighed against something else: that other thing's topic answers.
            _other_topic_first(keyed)
        elif (
            keyed
            and keyed[0][1] in _CHOSEN_OVER
            and _CHOICE in bonus
            and "choose" in where
            and sum(t in _MEDICINE_WORDS for t in tokens) >= 2
        ):
            # ... and one medicine against another ("is voltaren gel better than tablets",
            # "which other tablet then") is choosing medicines, whatever the first one's topic.
            _to_front(keyed, next(k for k in keyed if k[1] == _CHOICE))
        if keyed and keyed[0][1] == _LENT and not _MEDICINE_WORDS & present:
            _other_topic_first(keyed)
        elif keyed and keyed[0][1] == _LENT and "lend" not in where and _takes_own(tokens):
            # "my wife's back has gone, can she take ibuprofen": her own medicine, not a loan.
            # The loan's medicine words are the other medicine topic's too: no MIN_SCORE here.
            own = next((k for k in keyed[1:] if k[1] in _MEDICINE_TOPICS - {_LENT}), None)
            if own is not None:
                _to_front(keyed, own)
        elif keyed and keyed[0][1] in _MEDICINE_TOPICS and not _MEDICINE_WORDS & present:
            # No medicine named (a chemist is a shop): another topic that one of its own
            # keywords fits answers. "The chemist is selling a support belt, is it worth it"
            # asks about the belt, "so he doesn't get another one" about prevention; "anything
            # from the chemist" and "can i take another one" stay a medicine's.
            other = next((k for k in keyed[1:] if k[1] not in _MEDICINE_TOPICS), None)
            if other is not None and other[1] in phrased and other[0][0] >= MIN_SCORE:
                _to_front(keyed, other)
        return keyed


@lru_cache(maxsize=64)
def _prefix_tokens(prefix: str) -> tuple[str, ...]:
    return _tokens(prefix)


def _unsourced(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Without who said it: in "my gp said take ibuprofen" the doctor is the source, and the
    question is about what they said (painkillers), not about seeing a doctor."""
    if not _REPORTED & set(tokens):
        return tokens
    if _third_person(tokens):
        return tokens  # "my daughter says her back is sore": the one who said it is in pain
    kept = [
        t for i, t in enumerate(tokens) if not (t in _SOURCES and _reporting(tokens[i + 1 : i + 3]))
    ]
    return tuple(kept) if len(kept) > 2 else tokens


def _third_person(tokens: tuple[str, ...]) -> bool:
    """A third person named in the turn, but not in a closing "is she right", "was he right":
    that asks whether what they said is so."""
    return any(
        t in _THIRD_PERSON and not (i and tokens[i - 1] in ("is", "was") and i >= len(tokens) - 3)
        for i, t in enumerate(tokens)
    )


def _reporting(after: tuple[str, ...]) -> bool:
    """Whether the words after a person report what they said ("says", "always says")."""
    if after[:1] and after[0] in _REPORTING:
        after = after[1:]
    return bool(after) and after[0] in _REPORTED


def _without_helpers(tokens: tuple[str, ...], ranked: list[_Ranked]) -> list[_Ranked]:
    """Without the child answer when the child named only helps or owns a thing ("my daughter
    has a foam roller", "how hard should my son press"): the question is its topic's. Without
    the child and other-body-part answers when the speaker names their own back ("carrying my
    kid on my shoulders hurt my back"): the back in pain is theirs, whatever else is named."""
    if _THIRD_PERSON & set(tokens):
        return ranked
    if _MY_BACK in _padded(tokens):
        ranked = [r for r in ranked if r[1] not in _NOT_MY_BACK]
    if not any(a == _HELPER for _, a in ranked):
        return ranked
    if _alone(_HELPER, ranked):
        return ranked
    named = [i for i, t in enumerate(tokens) if t == _HELPER]
    if any(_asked_about(tokens[:i], tokens[i + 1 :]) for i in named):
        return ranked
    return [r for r in ranked if r[1] != _HELPER]


_OTHERS = frozenset(("he", "she", "they", "partner"))
_TAKES = frozenset(("tak", "use"))


def _takes_own(tokens: tuple[str, ...]) -> bool:
    """Someone else takes a medicine, and nobody's is named as theirs to give: "can she take
    ibuprofen", "can my husband take his own tramadol"; never "can she take my diazepam"."""
    return "i" not in tokens and any(
        a in _OTHERS and b in _TAKES and c not in ("my", "mine", "your")
        for a, b, c in zip(tokens[:-1], tokens[1:], (*tokens[2:], ""), strict=True)
    )


def _other_topic_first(keyed: list[_Ranked]) -> None:
    """Put the best topic that is not a medicine's first, if it fits well enough to answer."""
    other = next((k for k in keyed[1:] if k[1] not in _MEDICINE_TOPICS), None)
    if other is not None and other[0][0] >= MIN_SCORE:
        _to_front(keyed, other)


def _to_front(keyed: list[_Ranked], chosen: _Ranked) -> None:
    """Put ``chosen`` first, scored at least as the one it displaces."""
    keyed.remove(chosen)
    keyed.insert(0, ((max(chosen[0][0], keyed[0][0][0]), chosen[0][1]), chosen[1]))


def _alone(answer_id: str, ranked: list[_Ranked]) -> bool:
    """No other answer fits well enough to be the question instead."""
    return not any(a != answer_id and score >= MIN_SCORE for (score, _), a in ranked)


def _asked_about(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """Whether the words around a person ("can my ...", "... do these") make them the
    question's subject."""
    if after[:1] and after[0] in _DOES:
        return True
    if before and before[-1] in _WHOSE:
        before = before[:-1]
    return bool(before) and before[-1] in _ASKED_ABOUT


_DEFERRED = frozenset(tuple(_root(w) for w in run.split()) for run in _DEFERRALS)


def _deferred(tokens: tuple[str, ...]) -> bool:
    """Whether the turn puts a plan aside ("but for now", "in the meantime") and asks after it:
    "is it ok to rest for now" puts nothing aside."""
    return any(tokens[i : i + n] in _DEFERRED for n in (1, 2) for i in range(len(tokens) - n - 2))


def _padded(tokens: tuple[str, ...]) -> str:
    return f" {' '.join(tokens)} "


def _asked(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The clause from the last question cue on, when a story of a few words comes first
    (a turn that opens with a question is that question throughout)."""
    if any(t in _CUES or tokens[i : i + 2] in _CUE_PAIRS for i, t in enumerate(tokens[:2])):
        return None
    for i in range(len(tokens) - 2, _STORY - 1, -1):
        # "... is that why" points back at the story: one question, not two.
        if (tokens[i] in _CUES or tokens[i : i + 2] in _CUE_PAIRS) and tokens[i - 1] != "that":
            # "what can i do": the pair "can i" is found first, its question word just before.
            return tokens[i - 1 :] if tokens[i - 1] in _CUES and i > _STORY else tokens[i:]
    return None


def _base_weight(token: str) -> float:
    if token in _STOPWORDS:
        return _STOP_WEIGHT
    if token in _COMMON:
        return _COMMON_WEIGHT
    return 1.0


def tokens_text(keywords: Iterable[str]) -> str:
    """The TOKENS file for these keywords, as `make model` writes it."""
    tokens = {k: " ".join(_tokens(k)) for k in sorted(set(keywords))}
    return json.dumps(tokens, ensure_ascii=False, indent=0) + "\n"


@cache
def shipped_tokens() -> Mapping[str, str]:
    """The TOKENS file; empty when missing or unreadable (every keyword is then tokenised)."""
    try:
        with open(TOKENS, encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)}


def _compile(answer_id: str, keywords: Iterable[str], known: Mapping[str, str]) -> list[_Phrase]:
    compiled: list[_Phrase] = []
    seen: set[tuple[str, ...]] = set()
    for keyword in keywords:
        stored = known.get(keyword)
        tokens = _tokens(keyword) if stored is None else tuple(stored.split())
        if not tokens or tokens in seen:
            continue
        seen.add(tokens)
        compiled.append(_phrase(answer_id, tokens))
    return compiled


def _phrase(answer_id: str, tokens: Sequence[str]) -> _Phrase:
    words = frozenset(tokens)
    # Set algebra for _base_weight: meaningful = above stopword weight, telling = full
    # weight (neither a stopword nor common). Same result, a fraction of the calls.
    meaningful = words - _STOPWORDS
    telling = meaningful - _COMMON
    bag = meaningful if len(telling) >= 2 else None
    return _Phrase(answer_id, f" {' '.join(tokens)} ", words, bag)


# The phrase index as matcher_tables.json stores it: per anchor word, its phrases in order, one
# "answer id<TAB>tokens" line each (tokens are normalised words: no tabs or newlines).
def _pack(phrases: Iterable[_Phrase]) -> str:
    return "\n".join(f"{p.answer_id}\t{p.run.strip()}" for p in phrases)


class _PackedIndex(dict[str, Any]):
    """The stored phrase index: an anchor's phrases are made the first time a question says
    that word (most are never needed in a container's life), then kept. Only get() is used."""

    def exact(self) -> dict[str, str]:
        """The exact-keyword table, read off the packed phrases (not stored twice): phrases
        with the same words share an anchor, listed in the order _tables met them, so the
        first listed is the one _tables kept."""
        exact: dict[str, str] = {}
        for packed in self.values():
            for line in packed.split("\n"):
                answer_id, run = line.split("\t")
                exact.setdefault(f" {run} ", answer_id)
        return exact

    def get(self, word: str, default: Any = ()) -> Any:
        found = dict.get(self, word, default)
        if found.__class__ is str:  # two threads may both unpack: the same phrases
            found = self[word] = tuple(
                _phrase(answer_id, run.split())
                for answer_id, run in (line.split("\t") for line in found.split("\n"))
            )
        return found


def stored_tables(matcher: AnswerMatcher) -> dict[str, Any]:
    """A matcher's scoring tables as matcher_tables.json holds them (`make model`)."""
    index = matcher._index
    return {
        "weight": matcher._weight,
        "home": matcher._home,
        "one_word": matcher._one_word,
        "index": {word: _pack(index.get(word, ())) for word in sorted(index)},
    }
