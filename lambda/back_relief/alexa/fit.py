"""Will this text fit that box? A character-width estimate, so it runs without a browser.

Every screen text is measured in lines: words wrapped greedily at estimated character
widths, times the line height. The widths are DejaVu Sans's (the preview renderer's font),
wider than the fonts Echo devices use, plus a margin, so what fits here fits on a device.
The preview script (scripts/render_apl_previews.py) checks the estimate against real layout
in Chromium with screens filled past the limit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

# Character widths in em, by kind, regular and bold: DejaVu Sans measured in Chromium on
# the skill's own content, within 10% for every title and answer; SAFETY covers the rest.
_WIDTHS: tuple[tuple[str, float, float], ...] = (
    (" ", 0.32, 0.35),
    ("mwMW", 0.90, 0.98),
    ("0123456789", 0.64, 0.70),
    (".,;:'!|ilfjrt\u2019", 0.36, 0.42),
)
_UPPER, _OTHER = (0.70, 0.78), (0.58, 0.64)
SAFETY = 1.1
LINE_HEIGHT = 1.25
ELLIPSIS = "…"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_CLAUSE = re.compile(r"(?<=[,;:])\s+")


@dataclass(frozen=True)
class Box:
    """Room for one text: its width and height in dp, the font size it is set in."""

    width: float
    height: float
    font: float
    bold: bool = False

    @property
    def lines(self) -> int:
        return max(0, math.floor(self.height / (LINE_HEIGHT * self.font) + 1e-9))


def _char(ch: str, bold: bool) -> float:
    for chars, regular, heavy in _WIDTHS:
        if ch in chars:
            return heavy if bold else regular
    pair = _UPPER if ch.isupper() else _OTHER
    return pair[bold]


def width(text: str, font: float, bold: bool = False) -> float:
    """Estimated width in dp of the text on one line, in that font size."""
    return SAFETY * font * sum(_char(ch, bold) for ch in text)


def wrap(text: str, box: Box) -> list[float]:
    """The width of each line when the text is wrapped at word boundaries in the box (a
    word longer than a line is broken, as a browser or device does)."""
    out: list[float] = []
    space = width(" ", box.font, box.bold)
    for word in text.split():
        size = width(word, box.font, box.bold)
        if out and out[-1] + space + size <= box.width:
            out[-1] += space + size
            continue
        while size > box.width > 0:
            out.append(box.width)
            size -= box.width
        out.append(size)
    return out


def lines(text: str, box: Box) -> int:
    return len(wrap(text, box))


def fits(text: str, box: Box) -> bool:
    return lines(text, box) <= box.lines


@lru_cache(maxsize=2048)  # the same step or answer on the same screen: cut once per container
def fit(text: str, box: Box, *, sentences_only: bool = False) -> str:
    """The text, or as much of it as fits: whole sentences first, then whole clauses, then
    words, ending in an ellipsis. A screen only repeats what is being said, so the start
    of the text is the part worth keeping. With sentences_only, a text that has to be cut
    mid-sentence is left out altogether (for a second text, where a stub would mislead)."""
    text = " ".join(text.split())
    if fits(text, box):
        return text
    kept = ""
    finer: tuple[re.Pattern[str], ...] = () if sentences_only else (_CLAUSE, re.compile(r"\s+"))
    for pattern in (_SENTENCE, *finer):
        pieces = pattern.split(text[len(kept) :].strip())
        for piece in pieces:
            longer = f"{kept} {piece}".strip()
            if not fits(longer + ELLIPSIS, box):
                break
            kept = longer
    if not kept:
        return ""
    return kept.rstrip(",;:") + ELLIPSIS if not kept.endswith((".", "!", "?")) else kept
