"""Concepts: what a text is about, so a trigger can fire on a combination of ideas.

Fixed patterns only catch the phrasings they were written from. A concept is a named group
of words for one idea from the reference's tiers (a body site, a symptom, both sides, loss of
control, a mechanism of injury, a context such as pregnancy or surgery), found anywhere in a
text unless negation scope takes it back ("no weakness at all", "my legs are fine"). A
trigger's `concepts` rules fire it when every named concept is present, in any order and
wording: "both thighs are tingling" is both + leg + numb, whatever the sentence shape.

A rule may also name concepts that must be absent ("!toilet_trip"). `unsettled` rules do
not fire the trigger: they mark words that touch it without settling it, which the skill
answers with one yes/no question (the trigger's `ask`). `unless` rules hold a trigger back,
whether its patterns or its concepts found it, when the same text gives an everyday cause
("my chest is tight from all the coughing"), unless a grave word is there too.

Everything is deterministic: a finding names its trigger, and so its reference tier id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..values import Value
from .alternatives import Alternatives, LazyRegex
from .branches import Conditions, Refiner, second_stage
from .framing import ALL_FRAMES, HISTORY_TRIGGERS, NO_FRAMES
from .passed import reassured
from .prefilter import (
    OwnStarts,
    Refinement,
    Starts,
    group_masks,
    own_starts,
    set_bits,
    source_hash,
    start_masks,
    starts,
    word_starts,
)
from .scope import negated

__all__ = ["Concepts", "Rule", "concept_sources"]

INDEX_PREFIX = "concept:"


class Reading:
    """A text's reading in one request, as bit masks of concepts: those the prefilter was asked
    about (each asked once, when first needed), those it kept, those looked for, those found;
    the text's word starts, and its spans read (span and frames -> taken back), shared by
    every concept."""

    __slots__ = ("asked", "candidates", "found", "looked", "starts", "taken")

    def __init__(self, starts: frozenset[str], always: int) -> None:
        self.starts = starts
        self.asked, self.candidates, self.looked, self.found = 0, always, 0, 0
        self.taken: dict[tuple[int, int, int], bool] = {}


class Rule(Value):
    trigger: str
    needs: frozenset[str]
    absent: frozenset[str]

    def holds(self, present: frozenset[str]) -> bool:
        return self.needs <= present and not self.absent & present


class _Concept(LazyRegex):
    """One concept's regex (alternatives.LazyRegex: compiled on first need)."""

    __slots__ = ("frames", "name", "own", "refiner")

    def __init__(
        self,
        name: str,
        source: str,
        found: OwnStarts | None,
        regex: re.Pattern[str] | None,
        refiner: Refiner | None = None,
        alternatives: Alternatives | None = None,
    ):
        super().__init__(source, regex, alternatives)
        self.name, self.own = name, found  # as stored, made into a set on first use
        self.refiner = refiner  # None: the starts alone decide
        self.frames = ALL_FRAMES  # which of framing.py's frames take it back

    @property
    def starts(self) -> Starts:
        return own_starts(self.own)

    def in_text(
        self,
        spaced: str,
        text_starts: frozenset[str] | None = None,
        taken: dict[tuple[int, int, int], bool] | None = None,
    ) -> bool:
        """text_starts: the text's word_starts, to search only the alternatives they reach
        (alternatives.py: the same matches); None: search the whole regex. taken: what earlier
        concepts found about the same words of this text (span and frames -> said as absent,
        told elsewhere or reassured): concepts overlap ("legs" is in a dozen), and reading
        scope again for the same span gives the same answer."""
        for found in self.finditer(spaced, text_starts):
            key = (found.start(), found.end(), self.frames)
            back = None if taken is None else taken.get(key)
            if back is None:
                first_word = found.group(0)[1:].split(" ", 1)[0]
                back = negated(spaced, found.start() + 1, first_word, self.frames) or reassured(
                    spaced, found.end()
                )
                if taken is not None:
                    taken[key] = back
            if not back:
                return True
        return False


def concept_sources(
    data: Mapping[str, Any], expand: Callable[[str, Mapping[str, str], str], str]
) -> dict[str, str]:
    """concept name -> regex source (leading space, whole words), keyed as in the index."""
    words: Mapping[str, str] = data.get("pattern_words", {})
    return {
        INDEX_PREFIX + name: " (?:" + expand(pattern, words, f"concept {name}") + r")\b"
        for name, pattern in data.get("concepts", {}).items()
    }


def _rules(trigger_id: str, groups: Sequence[Sequence[str]], known: set[str]) -> list[Rule]:
    rules = []
    for group in groups:
        needs = frozenset(n for n in group if not n.startswith("!"))
        absent = frozenset(n[1:] for n in group if n.startswith("!"))
        unknown = (needs | absent) - known
        if unknown or not needs:
            raise ValueError(f"trigger {trigger_id}: bad concept rule {list(group)}")
        rules.append(Rule(trigger_id, needs, absent))
    return rules


def _mask(rules: Sequence[Rule], bits: Mapping[str, int]) -> int:
    """The concepts these rules read, as a bit mask: the rest need not be looked for."""
    mask = 0
    for rule in rules:
        for name in rule.needs | rule.absent:
            mask |= bits[name]
    return mask


@dataclass(frozen=True)
class Concepts:
    concepts: tuple[_Concept, ...]
    by_start: Mapping[str, int]
    always: int
    rules: tuple[Rule, ...]  # fire their trigger
    unsettled: tuple[Rule, ...]  # ask their trigger's question
    firing: int  # bit mask of the concepts some firing or guard rule needs (all assess() reads)
    guards: tuple[Rule, ...] = ()  # hold their trigger back (`unless`)
    asking: int = -1  # bit mask of the concepts some unsettled rule reads (all clarify() reads)
    stage2: dict[str, Conditions] = field(default_factory=dict, compare=False, repr=False)
    # Each firing rule filed under one concept it needs: fired() reads only the rules of the
    # concepts a text holds, not every rule (there are many more rules than concepts said).
    by_concept: Mapping[str, tuple[Rule, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # One request's readings, text -> (concepts worth looking for, looked for, found) as bit
    # masks, the text's word starts and its spans read: assess() and then clarify() read the
    # same words (each carrier variant) for different concepts, and each concept is looked for
    # once. assess() empties it, so it never outlives the request it was filled for (a pure
    # function of the text either way).
    readings: dict[str, Reading] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(
        cls,
        data: Mapping[str, Any],
        expand: Callable[[str, Mapping[str, str], str], str],
        index: Mapping[str, tuple[str, OwnStarts | None]],
        refined: Mapping[str, Refinement] | None = None,
        alternatives: Mapping[str, dict[str, Any]] | None = None,
    ) -> Concepts:
        built = []
        for key, source in concept_sources(data, expand).items():
            stored = index.get(key)
            name = key.removeprefix(INDEX_PREFIX)
            if stored is not None and stored[0] == source_hash(source):
                raw, alts = (refined or {}).get(key), (alternatives or {}).get(key)
                own = stored[1]
                refiner = None if raw is None or own is None else Refiner(own, raw)
                split = None if alts is None or own is None else Alternatives(own, source, alts)
                built.append(_Concept(name, source, own, None, refiner, split))
            else:  # compile now so a bad pattern fails at build, not on a user's words
                built.append(_Concept(name, source, starts(source), re.compile(source)))
        known = {c.name for c in built}
        rules: list[Rule] = []
        unsettled: list[Rule] = []
        guards: list[Rule] = []
        for trigger_id, spec in data["triggers"].items():
            rules += _rules(trigger_id, spec.get("concepts", ()), known)
            unsettled += _rules(trigger_id, spec.get("unsettled", ()), known)
            guards += _rules(trigger_id, spec.get("unless", ()), known)
            if spec.get("unsettled") and not spec.get("ask"):
                raise ValueError(f"trigger {trigger_id}: unsettled rules need an ask question")
        # Not taken back as another time (framing.py): the history a history tier needs ("a
        # spinal fusion two months ago"); not taken back at all: what only explains a sign away
        # ("bruised my ribs playing footy last month"), which taken back would raise an alarm.
        history = {n for r in rules if r.trigger in HISTORY_TRIGGERS for n in r.needs}
        kept = {n for r in rules + unsettled + guards for n in r.absent}
        kept |= {n for r in guards for n in r.needs}
        kept -= {n for r in rules for n in r.needs}  # a sign some rule fires on is framed
        for concept in built:
            name = concept.name
            concept.frames = NO_FRAMES if name in kept else ALL_FRAMES - (name in history)
        # Read off the index's groups when every concept's entry was fresh; else built.
        tables = group_masks([concept.own for concept in built])
        by_start, always = tables or start_masks(concept.starts for concept in built)
        bits = {concept.name: 1 << bit for bit, concept in enumerate(built)}
        firing, asking = _mask(rules + guards, bits), _mask(unsettled, bits)
        by_concept: dict[str, tuple[Rule, ...]] = {}
        for rule in rules:
            first = min(rule.needs)
            by_concept[first] = (*by_concept.get(first, ()), rule)
        return cls(
            tuple(built),
            by_start,
            always,
            tuple(rules),
            tuple(unsettled),
            firing,
            tuple(guards),
            asking,
            by_concept=by_concept,
        )

    def present(
        self,
        spaced: str,
        every: bool = False,
        only: int = -1,
        starts: frozenset[str] | None = None,
    ) -> frozenset[str]:
        """Concept names said (not negated) in a normalised text with one leading space.
        every: skip the prefilter (tests compare the two); only: a bit mask of concepts
        worth looking for (assess needs only those of firing rules); starts: the text's
        word_starts when the caller already has them."""
        if every:
            return self._names(self._read(spaced, self.all_bits, None))
        return self._names(self.said(spaced, only, starts))

    def said(self, spaced: str, mask: int, starts: frozenset[str] | None = None) -> int:
        """The concepts of a bit mask said (not negated) in a text, as a bit mask: those the
        prefilter keeps, each read once a request (deciding.Decider reads a rule's concepts
        only when the rule can decide something)."""
        reading = self._reading(spaced, starts)
        if missing := self.candidates(spaced, mask) & ~reading.looked:
            reading.found |= self._read(spaced, missing, reading.starts, reading.taken)
            reading.looked |= missing
        return reading.found & mask

    def candidates(self, spaced: str, mask: int = -1, starts: frozenset[str] | None = None) -> int:
        """The concepts of a bit mask the prefilter keeps for a text: the others are not said.
        The prefilter is asked about each concept once a request, when first needed (the
        concepts of the rules that can still outrank a red flag found are a few)."""
        reading = self._reading(spaced, starts)
        if ask := mask & self.all_bits & ~reading.asked:
            reading.candidates |= second_stage(
                spaced, reading.starts, self.by_start, self.stage2, self.concepts, ask
            )
            reading.asked |= ask
        return reading.candidates & mask

    @property
    def all_bits(self) -> int:
        """The bit mask of every concept."""
        return (1 << len(self.concepts)) - 1

    def _reading(self, spaced: str, starts: frozenset[str] | None) -> Reading:
        """This request's reading of a text, made the first time the text is read."""
        reading = self.readings.get(spaced)
        if reading is None:
            starts = frozenset(word_starts(spaced)) if starts is None else starts
            reading = self.readings[spaced] = Reading(starts, self.always)
        return reading

    def _read(
        self,
        spaced: str,
        mask: int,
        text_starts: frozenset[str] | None,
        taken: dict[tuple[int, int, int], bool] | None = None,
    ) -> int:
        """The bits of mask whose concepts the text says. taken: the text's spans read so far
        (span and frames -> taken back), shared by the concepts read."""
        found = 0
        taken = {} if taken is None else taken
        for bit in set_bits(mask):
            if self.concepts[bit].in_text(spaced, text_starts, taken):
                found |= 1 << bit
        return found

    def mask(self, names: Iterable[str]) -> int:
        """The bit mask of these concept names, for said()."""
        wanted = frozenset(names)
        return sum(1 << bit for bit, concept in enumerate(self.concepts) if concept.name in wanted)

    def _names(self, mask: int) -> frozenset[str]:
        return frozenset(self.concepts[bit].name for bit in set_bits(mask))

    def fired(self, present: frozenset[str]) -> list[str]:
        if not present:
            return []
        return [
            r.trigger
            for name in present
            for r in self.by_concept.get(name, ())
            if r.holds(present) and not self.held(r.trigger, present)
        ]

    def held(self, trigger_id: str, present: frozenset[str]) -> bool:
        """True when an `unless` rule of this trigger holds: the text explains the sign away."""
        return any(g.trigger == trigger_id and g.holds(present) for g in self.guards)

    def unsettled_trigger(self, present: frozenset[str]) -> str | None:
        for rule in self.unsettled:
            if rule.holds(present):
                return rule.trigger
        return None
