"""Red-flag triage: which escalation tier, if any, the user's own words call for.

Pure (no ASK or AWS imports) so it can be tested exhaustively. The rules live in
content/en/triage.toml (content-reference section 3) and are built once per container by
TriageRules.from_data, each trigger's regex compiled only when a text first needs it; assess()
then runs on every slot value of every request, so it is written to cost microseconds on short
text and to stay linear on long or hostile input.

A trigger fires on its own patterns, or on a combination of concepts (concepts.py: "both" +
a leg + a symptom), each kept out of negation scope (scope.py). Either way the finding names
the trigger, so every decision traces to one rule and its reference tier id. clarify() names
the trigger whose yes/no question fits words that touch a warning sign without settling it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..text import normalise
from .affirmed import reinstated
from .alternatives import Alternatives, LazyRegex
from .branches import Conditions, Refiner, second_stage
from .concepts import Concepts, concept_sources
from .corrected import corrected
from .deciding import Decider
from .framing import ALL_FRAMES, HISTORY_TRIGGERS, NOT_TIME
from .passed import resolved as _resolved
from .prefilter import (
    OwnStarts,
    Refinement,
    Starts,
    group_masks,
    load_index,
    own_starts,
    set_bits,
    source_hash,
    start_masks,
    starts,
    word_starts,
)
from .scope import negated as _negated
from .tiers import TIER_NAMES, Finding, Tier

__all__ = [
    "TIER_NAMES",
    "Finding",
    "Tier",
    "TriageRules",
    "assess",
    "clarify",
    "matching_triggers",
    "normalise",
]


# ---------------------------------------------------------------------------- negation


# ---------------------------------------------------------------------------- rules

_GAP_WORD = r"(?!(?:not|no|never|without|but|nor|neither) )\w+ "
_MACRO = re.compile(r"@([a-z0-9_]+)")


def _gap(words: int) -> str:
    # Nested optional groups, not "(word ){0,n}": no repetition inside a repetition, so a gap
    # can never backtrack catastrophically, however long the text.
    inner = ""
    for _ in range(words):
        inner = f"(?:{_GAP_WORD}{inner})?"
    return inner


_GAP_SHORT, _GAP_LONG = _gap(4), _gap(8)


def _expand_pattern(pattern: str, words: Mapping[str, str], where: str) -> str:
    if "{" in pattern or "}" in pattern:
        raise ValueError(f"{where}: braces are not allowed in patterns (the loader formats text)")

    def word(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in words:
            raise ValueError(f"{where}: unknown pattern word @{name}")
        return f"(?:{words[name]})"

    expanded = _MACRO.sub(word, pattern)
    return expanded.replace("~~", _GAP_LONG).replace("~", _GAP_SHORT)


def _order_key(trigger_id: str) -> tuple[str, int]:
    letters = trigger_id.rstrip("0123456789")
    digits = trigger_id[len(letters) :]
    return letters, int(digits) if digits else 0


# ---------------------------------------------------------------------------- prefilter


class _Trigger(LazyRegex):
    """One trigger's regex (alternatives.LazyRegex: compiled on first need; until then the
    alternatives a text reaches)."""

    __slots__ = ("id", "own", "refiner", "tier")

    def __init__(
        self,
        trigger_id: str,
        tier: Tier,
        source: str,
        starts: OwnStarts | None,
        regex: re.Pattern[str] | None = None,
        refiner: Refiner | None = None,
        alternatives: Alternatives | None = None,
    ) -> None:
        super().__init__(source, regex, alternatives)
        self.id = trigger_id
        self.tier = tier
        self.own = starts  # None: always search; as stored, made into a set on first use
        self.refiner = refiner  # None: the starts alone decide

    @property
    def starts(self) -> Starts:
        return own_starts(self.own)


def _trigger_source(trigger_id: str, spec: Mapping[str, Any], words: Mapping[str, str]) -> str:
    where = f"trigger {trigger_id}"
    patterns = [_expand_pattern(p, words, where) for p in spec["patterns"]]
    if not patterns:
        raise ValueError(f"{where}: no patterns")
    # Texts are searched with a leading space and every branch starts after a space: "numb"
    # never matches inside a word, and the literal space lets the regex engine skip straight
    # to word starts instead of trying every branch at every character.
    return " (?:" + "|".join(f"(?:{p})" for p in patterns) + ")"


def trigger_sources(data: Mapping[str, Any]) -> dict[str, str]:
    """trigger id -> the regex source it is searched with (what triage_index.json indexes)."""
    words: Mapping[str, str] = data.get("pattern_words", {})
    sources = {tid: _trigger_source(tid, spec, words) for tid, spec in data["triggers"].items()}
    return sources | concept_sources(data, _expand_pattern)


@dataclass(frozen=True)
class TriageRules:
    triggers: tuple[_Trigger, ...]  # highest tier first, then lowest id
    by_start: Mapping[str, int]  # word-start text -> bit mask of triggers that can match there
    always: int  # bit mask of triggers searched whatever the text
    by_id: Mapping[str, int]  # trigger id -> index in triggers
    concepts: Concepts | None = None  # combinations of ideas that fire triggers (concepts.py)
    # The concept rules, read as far as they decide (deciding.py): made with the concepts.
    decider: Decider | None = field(default=None, compare=False, repr=False)
    # Second prefilter stage, filled as texts bring new starts: start -> (bit, the strings
    # one of which the text must hold for that trigger to match there; None: no condition).
    stage2: dict[str, Conditions] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.concepts is not None and self.decider is None:
            settled = sum(trigger.tier == Tier.EMERGENCY for trigger in self.triggers)
            decider = Decider(self.concepts, self.by_id, settled)
            object.__setattr__(self, "decider", decider)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> TriageRules:
        """Build the rules from the parsed triage.toml (or the merged content that holds it)."""
        words: Mapping[str, str] = data.get("pattern_words", {})
        # Every locale shares these rules, so they are built once per container.
        rules = [
            (
                i,
                t.get("tier"),
                t["patterns"],
                t.get("concepts"),
                t.get("unsettled"),
                t.get("ask"),
                t.get("unless"),
            )
            for i, t in data["triggers"].items()
        ]
        key = repr((sorted(words.items()), rules, sorted(data.get("concepts", {}).items())))
        cached = _COMPILED.get(key)
        if cached is None:
            index, refined, alternatives = load_index()
            built = cls._build(data["triggers"], words, index, refined, alternatives)
            concepts = Concepts.build(data, _expand_pattern, index, refined, alternatives)
            cached = _COMPILED[key] = replace(built, concepts=concepts)
        return cached

    @classmethod
    def _build(
        cls,
        triggers: Mapping[str, Any],
        words: Mapping[str, str],
        index: Mapping[str, tuple[str, OwnStarts | None]],
        refined: Mapping[str, Refinement] | None = None,
        alternatives: Mapping[str, dict[str, Any]] | None = None,
    ) -> TriageRules:
        """index: trigger id -> (source hash, starts) as read from triage_index.json; refined
        and alternatives: the refinements (branches.py) and alternatives (alternatives.py)
        stored there, used only with a fresh entry."""
        built = []
        for trigger_id, spec in triggers.items():
            tier = TIER_NAMES.get(spec.get("tier", ""))
            if tier is None:
                raise ValueError(f"trigger {trigger_id}: unknown tier {spec.get('tier')!r}")
            source = _trigger_source(trigger_id, spec, words)
            stored = index.get(trigger_id)
            if stored is not None and stored[0] == source_hash(source):
                # build_index compiled this exact source, so it is known to be valid.
                own, raw = stored[1], (refined or {}).get(trigger_id)
                alts = (alternatives or {}).get(trigger_id)
                refiner = None if raw is None or own is None else Refiner(own, raw)
                split = None if alts is None or own is None else Alternatives(own, source, alts)
                built.append(_Trigger(trigger_id, tier, source, own, None, refiner, split))
            else:
                # No (fresh) entry: analyse now, and compile now so a bad pattern fails here.
                regex = re.compile(source)
                built.append(_Trigger(trigger_id, tier, source, starts(source), regex))
        # Within a tier, a trigger with its own line (pregnancy -> midwife, surgery -> surgical
        # team, cancer -> cancer team) outranks a generic one: "pregnant with a fever" should
        # hear about the maternity unit, not only "get advice today".
        specific = {tid for tid, spec in triggers.items() if spec.get("say")}
        built.sort(key=lambda t: (-t.tier, t.id not in specific, _order_key(t.id)))
        # Read off the index's groups when every trigger's entry was fresh; else built.
        tables = group_masks([trigger.own for trigger in built])
        by_start, always = tables or start_masks(trigger.starts for trigger in built)
        by_id = {t.id: i for i, t in enumerate(built)}
        return cls(tuple(built), by_start, always, by_id)

    def candidates(self, spaced: str, starts: frozenset[str] | None = None, limit: int = -1) -> int:
        """Bit mask of the triggers worth searching this text with. starts: the text's
        word_starts, when the caller already has them; limit: the triggers asked about (the
        rest are left out of the mask)."""
        text_starts = frozenset(word_starts(spaced)) if starts is None else starts
        # A trigger a start of the text reaches is kept only if the text also holds one of
        # the strings its alternatives beginning there need (branches.py): "i have" + a
        # question reaches none, so no regex is compiled or searched for nothing.
        found = second_stage(spaced, text_starts, self.by_start, self.stage2, self.triggers, limit)
        return (self.always | found) & limit


_COMPILED: dict[str, TriageRules] = {}


def _matches(trigger: _Trigger, spaced: str, text_starts: frozenset[str] | None = None) -> bool:
    """spaced: a normalised text with one leading space; text_starts: its word_starts."""
    for found in trigger.finditer(spaced, text_starts):
        first_word = found.group(0)[1:].split(" ", 1)[0]
        frames = NOT_TIME if trigger.id in HISTORY_TRIGGERS else ALL_FRAMES
        if not _negated(spaced, found.start() + 1, first_word, frames) and not _resolved(
            spaced, found.end()
        ):
            return True
    return False


def _resolved_id(rules: TriageRules, raw: str) -> int | None:
    """Entity resolution hands us the trigger id itself (e.g. "E4") as a slot value."""
    return rules.by_id.get(raw.strip().upper()) if len(raw) <= 8 else None


def assess(rules: TriageRules, texts: Iterable[str], new_words: bool = True) -> Finding | None:
    """The highest-tier finding across all texts, or None. Ties: a trigger with its own
    line first, then the lowest trigger id. new_words: a request's own words (the concept
    readings kept for the last ones are let go); False for clarify's second readings of them."""
    best = len(rules.triggers)
    decider = rules.decider
    if new_words and rules.concepts is not None:
        rules.concepts.readings.clear()  # Concepts.readings: one request's words at a time
    readings = []
    for raw in texts:
        if not raw:
            continue
        index = _resolved_id(rules, raw)
        if index is not None:
            best = min(best, index)
        elif text := normalise(raw):
            # An answer to a sign just asked about is read again as the statement it makes
            # (affirmed.py): "asked if i could feel my bottom and i can not".
            again = reinstated(text)
            readings += [text] if again is None else [text, again]
            # A statement taken back and said the other way (corrected.py): "i have not wet
            # myself, well, i have" is read again as "i have wet myself".
            if (turned := corrected(text)) is not None:
                readings.append(turned)
    # Triggers are in priority order (bit 0 first) and the finding is the best-ranked trigger
    # any reading sets off, by a concept rule or by its patterns; so each reading is asked only
    # about the triggers that can still outrank the best found so far (a resolved id, or an
    # earlier reading's), and its patterns are tried best first, until one matches.
    for said in readings:
        if not best:
            break  # the first-ranked trigger: nothing outranks it
        spaced = " " + said
        starts = frozenset(word_starts(spaced))  # shared by both prefilters
        if decider is not None:
            best = decider.best(spaced, starts, best)
        for bit in set_bits(rules.candidates(spaced, starts, (1 << best) - 1)):
            trigger = rules.triggers[bit]
            if _matches(trigger, spaced, starts) and not (
                decider is not None and decider.held(spaced, trigger.id)
            ):
                best = bit
                break
    if best < len(rules.triggers):
        found = rules.triggers[best]
        return Finding(found.tier, found.id)
    return None


def _held(rules: TriageRules, trigger_id: str, present: frozenset[str]) -> bool:
    return rules.concepts is not None and rules.concepts.held(trigger_id, present)


def clarify(rules: TriageRules, texts: Iterable[str], learnt: bool = True) -> str | None:
    """The trigger id whose yes/no question these words call for, when they touch an
    emergency idea without settling it ("my wee has been strange"); None otherwise.
    Ask only when assess() found nothing: a settled finding always wins. learnt: whether the
    learnt second opinion (flagger.py) may name one after the rules; the caller, who holds
    assess()'s finding, passes False where a rule found a tier (the handler asks the rules'
    question beside a same-day finding too, the model never) and to measure the rules alone."""
    concepts = rules.concepts
    if concepts is None:
        return None
    said = [text for raw in texts if raw and (text := normalise(raw))]
    for text in said:
        trigger = None if rules.decider is None else rules.decider.asked(" " + text)
        if trigger is not None:
            return trigger
    # Nothing touched: a second, tolerant reading of words a recogniser may have got wrong
    # (imported here: a cold start reads no words, so it pays nothing for it).
    from .tolerant import tolerant_trigger

    for text in said:
        # A carrier put back ("i " + the slot's words) changes no content word: its words'
        # sound-alikes were tried on the slot's own text, so only the can/can't flip is new.
        variant = any(text.endswith(" " + other) for other in said if other != text)
        trigger = tolerant_trigger(
            text, lambda reading: assess(rules, [reading], new_words=False), concepts, variant
        )
        if trigger is not None:
            return trigger
    # No rule's reading asked anything: a model learnt from every development writer may
    # still name a red flag's question (flagger.py; never its answer).
    if not learnt or not said:
        return None
    from .flagger import flagged

    return flagged(said)


def names_a_sign(rules: TriageRules, texts: Iterable[str]) -> bool:
    """Whether any emergency trigger's words are in these texts, however they are read:
    denied, someone else's, asked about, from a leaflet. Where they are and no rule found a
    tier, the rules read the words and judged them no report; the learnt model may then only
    ask (alexa/first.py assess). Cheap enough for the rare turn that asks it."""
    emergency = {t.id for t in rules.triggers if t.tier == Tier.EMERGENCY}
    for raw in texts:
        if not raw or not (text := normalise(raw)):
            continue
        spaced = " " + text
        starts = frozenset(word_starts(spaced))
        for bit in set_bits(rules.candidates(spaced, starts)):
            trigger = rules.triggers[bit]
            if trigger.id in emergency and next(trigger.finditer(spaced, starts), None):
                return True
        concepts = rules.concepts
        if concepts is not None and not emergency.isdisjoint(
            concepts.fired(concepts.present(spaced, every=True))
        ):
            return True
    return False


def matching_triggers(rules: TriageRules, text: str) -> list[str]:
    """Every trigger one text sets off, in priority order, bypassing the prefilter (tests)."""
    spaced = " " + normalise(text)
    concepts = rules.concepts
    present = concepts.present(spaced, every=True) if concepts else frozenset()
    fired = set(concepts.fired(present)) if concepts else set()
    return [
        t.id
        for t in rules.triggers
        if t.id in fired or (_matches(t, spaced) and not _held(rules, t.id, present))
    ]
