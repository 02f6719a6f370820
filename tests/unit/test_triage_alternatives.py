"""The prefilter's second stage (safety/branches.py) and concepts searched one alternative at a
time (safety/alternatives.py): both only skip work, so neither may change what is found.
"""

from __future__ import annotations

import random
import re

from back_relief.content import loader
from back_relief.safety import alternatives
from back_relief.safety.prefilter import word_starts
from back_relief.safety.triage import TriageRules, normalise

from tests.unit.test_triage import DATA, EXAMPLES, HELD_OUT, MORE_PHRASINGS

RULES = TriageRules.from_data(DATA)
CARRIERS = loader.load("en-US").carriers


def phrases() -> list[str]:
    """Examples, held-out phrasings, each again behind every restored carrier, and seeded
    word salad from their words (negations and carriers included)."""
    found = [e for _, e, _ in EXAMPLES] + [t for t, _ in HELD_OUT + MORE_PHRASINGS]
    found += [f"{carrier} {text}" for text in found[::7] for carrier in CARRIERS]
    vocab = sorted({w for t in found for w in normalise(t).split()})
    vocab += ["no", "not", "never", "but", "i", "my", "it", "is", "have", "am"]
    rng = random.Random(20261129)
    found += [" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 14))) for _ in range(1500)]
    return found


def spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def test_alternatives_find_exactly_what_the_whole_regex_finds() -> None:
    """Concepts and triggers alike: a first text compiles only the alternatives its words
    reach, and finds what the whole regex would."""
    concepts = RULES.concepts
    assert concepts is not None
    searched = [*concepts.concepts, *RULES.triggers]
    split = [item for item in searched if item.alternatives is not None]
    # The index holds them (`make model`): most concepts, every trigger with several patterns.
    assert len(split) >= len(searched) // 2
    assert all(t.alternatives is not None for t in RULES.triggers if t.starts is not None)
    texts = [" " + normalise(t) for t in phrases()]
    for item in split:
        whole = re.compile(item.source)
        parts = alternatives.split(item.source)
        assert parts is not None and item.alternatives is not None
        every = list(range(len(parts)))
        for spaced in texts:
            expected = spans(whole.finditer(spaced))
            # All alternatives, merged by the leftmost-first rule: the regex's own matches.
            assert spans(item.alternatives.finditer(spaced, every)) == expected, spaced
            wanted = item.alternatives.wanted(spaced, frozenset(word_starts(spaced)))
            if wanted is not None:  # only those the text's words reach: still the same
                assert spans(item.alternatives.finditer(spaced, wanted)) == expected, (
                    item.source[:60],
                    spaced,
                )


def test_split_reads_groups_classes_and_escapes() -> None:
    head, tail = alternatives.HEAD, alternatives.TAIL
    source = head + r"(?:a|b(?:c|d)|[|)]x|e\|f)" + tail
    assert alternatives.split(source) == [
        head + part + tail for part in ["a", "b(?:c|d)", "[|)]x", r"e\|f"]
    ]
    assert alternatives.split(head + "(?:a|b)c" + tail) is None  # one alternative: a group + c
    # A trigger: each pattern is a whole group, and so is a pattern word used alone; each is
    # opened in its place ("(?:b|c)|d" tries b, c, d in turn, as "b|c|d" does).
    assert alternatives.split(" (?:(?:a)|(?:b|c))") == [" (?:a)", " (?:b)", " (?:c)"]
    assert alternatives.split(head + "(?:(?:a|(?:b|c))|d)" + tail) == [
        head + part + tail for part in ["a", "b", "c", "d"]
    ]
    # Not opened: a group with more after it, a quantified one, a lookaround.
    assert alternatives.split(head + "(?:a|b)c|(?:d|e)?|(?=f)|g" + tail) == [
        head + part + tail for part in ["(?:a|b)c", "(?:d|e)?", "(?=f)", "g"]
    ]
    assert alternatives.split("(?:a|b)") is None  # neither shape: no leading space


def test_second_stage_never_drops_a_trigger_that_matches() -> None:
    for text in phrases():
        spaced = " " + normalise(text)
        mask = RULES.candidates(spaced)
        for bit, trigger in enumerate(RULES.triggers):
            if any(True for _ in trigger.regex.finditer(spaced)):
                assert mask >> bit & 1, (trigger.id, spaced)


def test_carrier_words_alone_reach_no_trigger_and_no_concept() -> None:
    """What the second stage is for: "i have", "it is", "i am" begin many triggers' patterns,
    but a carrier in front of words that say nothing alarming reaches none of them."""
    concepts = RULES.concepts
    assert concepts is not None
    for carrier in CARRIERS:
        for rest in ("should i stay in bed", "can i go to work", "a question"):
            spaced = " " + normalise(f"{carrier} {rest}")
            assert RULES.candidates(spaced) == 0, spaced
            assert concepts.present(spaced) == frozenset(), spaced
