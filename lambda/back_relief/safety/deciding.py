"""Concept rules decided reading only the concepts that can change the answer.

assess() needs, per text, the best-ranked trigger a concept rule fires (a rule holds, and no
`unless` guard of its trigger holds), and whether a trigger its patterns found is held back;
clarify() needs the first unsettled rule that holds. Reading every concept the prefilter keeps
for a text gives those answers, but a red flag's words reach a dozen concepts, most of which
complete no rule, and each of the seven readings of a free text (its carriers put back) reads
them again. Here a rule is looked at only when the prefilter keeps every concept it needs (one
it drops is not said, so the rule cannot hold), in rank order, and only until one fires: a rule
of a trigger ranked at or below one already found cannot change assess()'s answer. Its concepts
are then read (Concepts.said: each once a request), so the answers are exactly those of
Concepts.fired, held and unsettled_trigger on every concept said.

Built with the rules (TriageRules.from_data), from the concepts' rules and the triggers' ranks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .concepts import Concepts, Rule
from .prefilter import set_bits

__all__ = ["Decider"]

# (rank or order, the concepts it needs, those it needs absent, its trigger): masks of concepts
_Filed = tuple[int, int, int, str]
_Table = tuple[dict[int, tuple[_Filed, ...]], int]  # per concept bit its rules; bits with any


class Decider:
    __slots__ = ("_asking", "_below", "_firing", "_guards", "concepts")

    def __init__(self, concepts: Concepts, rank: Mapping[str, int], settled: int) -> None:
        """rank: trigger id -> rank (0 first); settled: how many of the first ranks settle a
        turn (an emergency: clarify() is not asked after one)."""
        self.concepts = concepts
        bits = {concept.name: 1 << bit for bit, concept in enumerate(concepts.concepts)}
        firing = [(rank[r.trigger], *_masks(r, bits), r.trigger) for r in concepts.rules]
        self._firing = _filed(firing)
        self._asking = _filed(
            [(at, *_masks(r, bits), r.trigger) for at, r in enumerate(concepts.unsettled)]
        )
        # What the prefilter is asked about while the best trigger found has a rank: the
        # concepts the rules of the triggers ranked above it read, and, unless it is an
        # emergency (after which clarify() is not asked), those clarify() reads, in the same
        # pass over the text's starts. With nothing found: every concept.
        reads = [0] * (len(rank) + 1)
        for at, needs, absent, _ in firing:
            reads[at + 1] |= needs | absent
        for at in range(1, len(reads)):
            reads[at] |= reads[at - 1]
        asks = [
            found | concepts.asking if at > settled else found for at, found in enumerate(reads)
        ]
        self._below = (*asks[:-1], -1)
        # Per trigger, its guards and every concept they read.
        guards: dict[str, tuple[int, list[tuple[int, int]]]] = {}
        for guard in concepts.guards:
            needs, absent = _masks(guard, bits)
            read, found = guards.get(guard.trigger, (0, []))
            guards[guard.trigger] = (read | needs | absent, [*found, (needs, absent)])
        self._guards = {trigger: (read, tuple(found)) for trigger, (read, found) in guards.items()}

    def best(self, spaced: str, starts: frozenset[str], below: int) -> int:
        """The best rank, under `below`, of a trigger a concept rule fires in this text (a
        normalised text with one leading space); `below` if none."""
        if not below:
            return below  # the first-ranked trigger is found: nothing can outrank it
        concepts = self.concepts
        candidates = concepts.candidates(spaced, self._below[below], starts)
        possible = self._possible(self._firing, candidates)
        for rank, needs, absent, trigger in possible:
            if rank >= below:
                break
            if self._holds(spaced, needs, absent) and not self.held(spaced, trigger):
                return rank
        return below

    def held(self, spaced: str, trigger: str) -> bool:
        """Whether an `unless` rule of this trigger holds in the text: it explains it away."""
        found = self._guards.get(trigger)
        if found is None:
            return False
        read, guards = found
        concepts = self.concepts
        candidates = concepts.candidates(spaced, read)
        for needs, absent in guards:
            if not needs & ~candidates and self._holds(spaced, needs, absent):
                return True
        return False

    def asked(self, spaced: str) -> str | None:
        """The trigger of the first unsettled rule that holds in the text, or None."""
        concepts = self.concepts
        candidates = concepts.candidates(spaced, concepts.asking)
        for _, needs, absent, trigger in self._possible(self._asking, candidates):
            if self._holds(spaced, needs, absent):
                return trigger
        return None

    def _holds(self, spaced: str, needs: int, absent: int) -> bool:
        """Whether a rule holds in the text: every concept it needs said, none it needs absent.
        Its concepts are read one at a time, and not past the first needed one not said (each
        read may compile a regex a text reaches for the first time)."""
        said = self.concepts.said
        while needs:
            bit = needs & -needs
            if not said(spaced, bit):
                return False
            needs ^= bit
        return not (absent and said(spaced, absent))

    @staticmethod
    def _possible(table: _Table, candidates: int) -> list[_Filed]:
        """The rules every concept of whose needs the prefilter keeps, in rank order."""
        filed, heads = table
        found = [
            rule
            for bit in set_bits(candidates & heads)
            for rule in filed[bit]
            if not rule[1] & ~candidates
        ]
        found.sort()
        return found


def _masks(rule: Rule, bits: Mapping[str, int]) -> tuple[int, int]:
    """(the concepts a rule needs, those it needs absent) as bit masks."""
    return sum(map(bits.__getitem__, rule.needs)), sum(map(bits.__getitem__, rule.absent))


def _filed(rules: Sequence[_Filed]) -> _Table:
    """Each rule under the first concept it needs (a rule is possible only when that one is),
    and the mask of the concepts some rule is filed under."""
    filed: dict[int, list[_Filed]] = {}
    heads = 0
    for rule in rules:
        head = rule[1] & -rule[1]
        filed.setdefault(head.bit_length() - 1, []).append(rule)
        heads |= head
    return {bit: tuple(found) for bit, found in filed.items()}, heads
