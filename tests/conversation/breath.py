"""How a reply sounds to someone lying still: its words, its sentences, its instructions.

Paced counts (the <prosody> blocks alexa/steps.py wraps around holds) are not counted as
words: they are the counting itself, said slowly with pauses, not something to take in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from back_relief.alexa.steps import PACED_CLOSE, PACED_OPEN
from back_relief.simulator.conversation import Reply, plain

_PACED = re.compile(re.escape(PACED_OPEN) + ".*?" + re.escape(PACED_CLOSE), re.S)
_WORD = re.compile(r"[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Instructions that need hands or eyes. Calling for help is the one thing a phone is for,
# so a sentence about calling is not an instruction to use the phone for the skill.
_HANDS = re.compile(
    r"\b(tap|taps|tapping|touch|swipe|press (?:the|a) button|on (?:the|your) screen|"
    r"(?:on|in|with|use|open|check) (?:your|the|a) (?:phone|app|screen|mobile)|"
    r"your phone|the app)\b",
    re.I,
)


def instructions_text(ssml: str) -> str:
    """The reply without its paced counts."""
    return plain(_PACED.sub(" ", ssml))


def words(text: str) -> int:
    return len(_WORD.findall(text))


def sentences(text: str) -> list[str]:
    found = [s.strip().lower().rstrip(".!?") for s in _SENTENCE_END.split(text)]
    return [s for s in found if words(s) >= 3]  # "Okay." and "Done." may recur


def hands_needed(text: str) -> list[str]:
    """Sentences that ask the user to touch a phone or screen."""
    return [
        s
        for s in _SENTENCE_END.split(text)
        if _HANDS.search(s) and not re.search(r"\bcall", s, re.I)
    ]


@dataclass
class Longest:
    """The longest reply seen per kind, for the report."""

    seen: dict[str, tuple[int, str]] = field(default_factory=dict)

    def note(self, kind: str, count: int, where: str) -> None:
        if count > self.seen.get(kind, (-1, ""))[0]:
            self.seen[kind] = (count, where)


def check_turn(reply: Reply, previous: Reply | None, limit: int, where: str) -> int:
    """One breath: at most `limit` words outside paced counts, no sentence said twice in
    the turn or in the turn before, nothing that needs hands. Returns the word count.

    Held to the stricter reading too: every word but the spoken numbers, paced cues
    included, within the limit, and no cue repeated."""
    text = instructions_text(reply.ssml)
    count = words(text)
    assert count <= limit, f"{where}: {count} words > {limit}: {text}"
    strict = [w for w in _WORD.findall(reply.text) if not w.isdigit()]
    assert len(strict) <= limit, f"{where}: {len(strict)} words besides counts: {reply.text}"
    said = sentences(reply.text)
    assert len(said) == len(set(said)), f"{where}: a sentence twice in one turn: {text}"
    if previous is not None:
        before = set(sentences(instructions_text(previous.ssml)))
        again = before & set(said)
        assert not again, f"{where}: said again from the turn before: {again}"
    assert not hands_needed(reply.text), f"{where}: needs hands: {hands_needed(reply.text)}"
    return count
