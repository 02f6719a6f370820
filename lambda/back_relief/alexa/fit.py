"""Will this text fit that box? A character-width estimate, so it runs without a browser.

Every screen text is measured in lines: words wrapped greedily at an average character
advance, times the line height. The advance is DejaVu Sans's (the preview renderer's font),
wider than the fonts Echo devices use, so what fits here fits on a device. The preview
script (scripts/render_apl_previews.py) checks the estimate against real layout in Chromium
with screens filled to the limit.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Average advance of a character, in em, for English text in DejaVu Sans: measured on the
# skill's own content (about 0.55 regular, 0.61 bold) and rounded up.
ADVANCE = {False: 0.58, True: 0.64}
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
    def chars(self) -> int:
        """How many characters a line holds."""
        return max(1, math.floor(self.width / (ADVANCE[self.bold] * self.font)))

    @property
    def lines(self) -> int:
        return max(0, math.floor(self.height / (LINE_HEIGHT * self.font) + 1e-9))


def wrap(text: str, box: Box) -> list[int]:
    """The characters on each line when the text is wrapped at word boundaries (a word
    longer than a line is broken, as a browser or device does)."""
    out: list[int] = []
    for word in text.split():
        size = len(word)
        if out and out[-1] + 1 + size <= box.chars:
            out[-1] += 1 + size
            continue
        while size > box.chars:
            out.append(box.chars)
            size -= box.chars
        out.append(size)
    return out


def lines(text: str, box: Box) -> int:
    return len(wrap(text, box))


def width(chars: int, font: float, bold: bool = False) -> float:
    """Estimated width in dp of a line of that many characters."""
    return chars * ADVANCE[bold] * font


def fits(text: str, box: Box) -> bool:
    return lines(text, box) <= box.lines


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
