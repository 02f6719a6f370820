"""Spoken numbers as digits, for screens and cards: "nine nine nine" -> "999".

Locale data holds each phone number once, in the words Alexa should say ("triple zero",
"one eight hundred", "thirteen, eleven, fourteen"); what a screen shows is derived from
those words here, so the spoken and the shown number cannot disagree.

Only runs of two or more number words are converted: a phone number is never one word,
while prose numbers usually are ("one of these", "two hours" stay as written). A run that
does not read as a number ("double" with no digit after it) is left alone.
"""

from __future__ import annotations

import re

UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEENS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
VALUES: dict[str, int] = {
    **{w: i for i, w in enumerate(UNITS)},
    **{w: 10 + i for i, w in enumerate(TEENS)},
    **{w: 20 + 10 * i for i, w in enumerate(TENS)},
}
_REPEATS = {"double": 2, "triple": 3}
_WORD = "|".join(sorted([*VALUES, *_REPEATS, "hundred"], key=len, reverse=True))
# Number words joined by spaces or by a comma (a pause between groups: "one one six, one
# two three" is 116 123). The run must hold at least two words.
_RUN = re.compile(rf"\b(?:{_WORD})(?:(?:,\s*|\s+)(?:{_WORD}))+\b", re.IGNORECASE)


def _group(words: list[str]) -> str | None:
    """One group of number words as digits, or None when it is not a number."""
    out: list[str] = []
    repeat = 1
    for i, word in enumerate(words):
        if word in _REPEATS:
            if repeat != 1:
                return None
            repeat = _REPEATS[word]
            continue
        if word == "hundred":
            # "eight hundred" is 800; it follows a single digit said on its own.
            if not out or len(out[-1]) != 1 or out[-1] == "0" or repeat != 1:
                return None
            out[-1] += "00"
            continue
        value = VALUES[word]
        before = words[i - 1] if i else ""
        if value < 10 and before in TENS:
            # "seventy two" is 72, not 702.
            out[-1] = str(int(out[-1]) + value)
            continue
        out.append(str(value) * repeat)
        repeat = 1
    return "".join(out) if repeat == 1 and out else None


def _convert(match: re.Match[str]) -> str:
    groups = [g.lower().split() for g in match.group(0).split(",")]
    digits = [_group(words) for words in groups]
    if any(d is None for d in digits):
        return match.group(0)
    return " ".join(d for d in digits if d is not None)


def digits(text: str) -> str:
    """The text with every spoken number of two or more words written as digits."""
    return _RUN.sub(_convert, text)
