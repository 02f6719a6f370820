"""Where each screen's text goes on each viewport, and how much of it fits there.

The documents stack their parts in one column (content/apl/*.json). This module follows the
same stack with the same sizes (content/apl/resources.json, per viewport profile): the
fixed parts (titles, buttons, hints, footer) take their lines, and the scrolling text area
gets the rest. A round screen is narrower near its top and bottom, so a line's room there
is the circle's chord. No one can scroll lying on the floor: what does not fit is cut to
whole sentences by fit.fit, and a fixed part that does not fit is reported as a problem.
"""

from __future__ import annotations

import json
import math
import os
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from .fit import LINE_HEIGHT, Box, fit, lines, width, wrap

# os.path, not pathlib: importing pathlib cost Lambda's INIT ~2 ms.
RESOURCES = os.path.join(
    os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "content", "apl", "resources.json"
)
# Text kept this far inside a round screen's edge, where the glass curves away.
ROUND_MARGIN = 16.0
BORDER = 3.0  # the outlined buttons' and boxes' borderWidth, in dp


@dataclass(frozen=True)
class Viewport:
    name: str  # used in preview file names
    profile: str  # the alexa-viewport-profiles name the documents' resources test
    width: int  # dp
    height: int  # dp
    round: bool = False


VIEWPORTS = (
    Viewport("hub-round-small", "hubRoundSmall", 480, 480, round=True),  # Echo Spot
    Viewport("hub-landscape-small", "hubLandscapeSmall", 960, 480),  # Echo Show 5
    Viewport("hub-landscape-medium", "hubLandscapeMedium", 960, 600),  # Echo Show 8
    Viewport("hub-landscape-large", "hubLandscapeLarge", 1280, 800),  # Echo Show 10
    Viewport("tv", "tvLandscapeXLarge", 960, 540),  # Fire TV, 1080p at 2 px per dp
)


@cache
def resources() -> list[dict[str, Any]]:
    with open(RESOURCES, encoding="utf-8") as fh:
        blocks: list[dict[str, Any]] = json.load(fh)["resources"]
    return blocks


@cache
def sizes(profile: str) -> dict[str, float]:
    """The dimensions (dp) the documents use on a viewport profile."""
    out: dict[str, float] = {}
    for block in resources():
        when = block.get("when")
        # Every `when` in resources.json is a list of `@viewportProfile == @name` tests.
        if when and profile not in re.findall(r"@viewportProfile == @(\w+)", when):
            continue
        for key, value in block.get("dimensions", {}).items():
            # A percentage is of the column: the column's own width stands for it.
            out[key] = math.inf if value.endswith("%") else float(value.removesuffix("dp"))
    return out


class Column:
    """The documents' main column on one viewport: parts placed from the top down, and from
    the bottom up for the parts that sit under the text area."""

    def __init__(self, vp: Viewport) -> None:
        self.vp = vp
        self.d = sizes(vp.profile)
        self.top = self.d["padTop"]
        self.bottom = vp.height - self.d["padBottom"]
        self.problems: list[str] = []
        self.widths: dict[str, float] = {}

    def full(self, inset: float = 0.0, edge: bool = False) -> float:
        """The column's width, where the documents wrap text; with edge, a text set to the
        narrower @edgeWidth (near a round screen's top or bottom)."""
        column = self.vp.width - 2 * self.d["padX"]
        return min(column, self.d["edgeWidth"]) - 2 * inset if edge else column - 2 * inset

    def room(self, top: float, bottom: float, inset: float = 0.0) -> float:
        """The widest text that stays on screen between two heights: on a round screen,
        the circle's chord at the narrower end, less a margin."""
        room = self.full(inset)
        if self.vp.round:
            radius = self.vp.width / 2
            for y in (top, bottom):
                half = math.sqrt(max(0.0, radius**2 - (y - radius) ** 2)) - ROUND_MARGIN
                room = min(room, 2 * half - 2 * inset)
        return max(0.0, room)

    def text_height(self, text: str, font: str, *, at: float, up: bool = False, **kw: Any) -> float:
        """Height of a fixed text set at y `at` (growing down, or up from `at`), wrapped at
        the column's width; a line wider than the screen there is a problem."""
        size, bold, inset = self.d[font], bool(kw.get("bold")), kw.get("inset", 0.0)
        wrapped = wrap(text, Box(self.full(inset, kw.get("edge", False)), math.inf, size, bold))
        height = len(wrapped) * LINE_HEIGHT * size
        top, bottom = (at - height, at) if up else (at, at + height)
        if wrapped and max(wrapped) > self.room(top, bottom, inset) + 0.5:
            self.problems.append(f"{text!r} runs off the {self.vp.name} screen")
        limit = kw.get("max_lines")
        if limit is not None and len(wrapped) > limit:
            self.problems.append(f"{text!r} takes {len(wrapped)} lines, more than {limit}")
        return height

    def add(self, text: str, font: str, gap: str | None = "gap", **kw: Any) -> str:
        """Place a fixed text under what is already placed."""
        if text:
            self.top += self.d[gap] if gap else 0.0
            self.top += self.text_height(text, font, at=self.top, **kw)
        return text

    def add_cut(self, key: str, text: str, font: str, max_lines: int, gap: str | None) -> str:
        """Place a text cut to fit `max_lines` lines, in a box as wide as the screen allows
        there (the document sets that width on round screens: widths[key])."""
        self.top += self.d[gap] if gap else 0.0
        size = self.d[font]
        height = max_lines * LINE_HEIGHT * size
        box = Box(self.room(self.top, self.top + height), height, size, bold=True)
        text = fit(text, box)
        self.widths[key] = box.width
        self.top += lines(text, box) * LINE_HEIGHT * size
        return text

    def add_below(self, height: float, gap: str | None = "gap") -> None:
        """Reserve a part that sits under the text area."""
        self.bottom -= height + (self.d[gap] if gap else 0.0)

    def area(self, font: str, gap: str = "gap") -> Box:
        """The text area left between the parts above and below (widths["text"])."""
        top = self.top + self.d[gap]
        if self.bottom - top < LINE_HEIGHT * self.d[font]:
            self.problems.append(f"no room left for text on {self.vp.name}")
        box = Box(self.room(top, self.bottom), self.bottom - top, self.d[font])
        self.widths["text"] = box.width
        return box

    def button_row(self, labels: list[str]) -> float:
        """Height of the row of pill buttons at the bottom; wider than the screen is a problem."""
        d = self.d
        one = LINE_HEIGHT * d["buttonSize"] + 2 * (d["buttonPadY"] + BORDER)
        pills = [
            width(label, d["buttonSize"], bold=True) + 2 * (d["buttonPadX"] + BORDER)
            for label in labels
        ]
        if sum(pills) + d["buttonGap"] * (len(pills) - 1) > self.room(
            self.bottom - one, self.bottom
        ):
            self.problems.append(f"the buttons run off the {self.vp.name} screen")
        return one


# ---- the documents' columns: what each shows, in order, and the text it fits ----------
# Each returns the screen's fitted texts for one viewport, and the problems of its fixed
# parts (empty when everything fits).


@dataclass
class Plan:
    """A screen on one viewport: its texts as shown (cut to fit), the widths given to the
    cut ones (dp), and the fixed parts that do not fit (none, when all is well)."""

    texts: dict[str, str]
    widths: dict[str, float]
    problems: list[str]


def _footer(col: Column, screen: dict[str, Any]) -> None:
    if not col.vp.round:  # the footer is display @wideOnly
        footer = str(screen.get("footer", ""))
        col.add_below(col.text_height(footer, "footerSize", at=col.bottom, up=True, max_lines=2))


def _done(col: Column, texts: dict[str, str]) -> Plan:
    if col.top > col.bottom + 0.5:
        col.problems.append(f"the parts are taller than the {col.vp.name} screen")
    return Plan(texts, col.widths, col.problems)


def answer(screen: dict[str, Any], vp: Viewport) -> Plan:
    col = Column(vp)
    title = col.add_cut("title", screen["title"], "titleSize", 2, gap=None)
    _footer(col, screen)
    return _done(col, {"title": title, "text": fit(screen["text"], col.area("bodySize"))})


def step(screen: dict[str, Any], vp: Viewport) -> Plan:
    col = Column(vp)
    if vp.round:
        col.add(screen["position"], "headingSize", gap=None, max_lines=1)
    else:
        header = f"{screen['heading']}    {screen['position']}"
        col.add(header, "headingSize", gap=None, bold=True, max_lines=1)
    title = col.add_cut("title", screen["title"], "titleSize", 2, gap="gap")
    _footer(col, screen)
    col.add_below(col.button_row(list(screen["buttons"].values())))
    if not vp.round:
        col.add_below(col.text_height(screen["hint"], "hintSize", at=col.bottom, up=True))
    if screen["hold"]["show"]:
        text = screen["hold"]["text"]
        hold = col.text_height(text, "hintSize", at=col.bottom, up=True, bold=True, edge=True)
        col.add_below(hold)
    if screen["timer"]["show"]:
        col.add_below(LINE_HEIGHT * col.d["countSize"] + 6 + col.d["barHeight"])
    return _done(col, {"title": title, "text": fit(screen["text"], col.area("bodySize"))})


def warning(screen: dict[str, Any], vp: Viewport) -> Plan:
    """Title, then the scrolling area holding the emergency box (its call line and text)
    and the other text: the box first when highlighted, else the text first."""
    col = Column(vp)
    d = col.d
    # A red flag's title is a call to act: on the narrow top of a round screen it may take a
    # third line rather than lose its end.
    title = col.add_cut("title", screen["title"], "titleSize", 3 if vp.round else 2, gap=None)
    _footer(col, screen)
    area = col.area("denseSize")
    emergency, inset = screen["emergency"], d["boxPad"] + BORDER
    inner = area.width - 2 * inset
    call = 0.0
    if not vp.round or call_on_round(emergency):
        call_box = Box(inner, math.inf, d["callSize"], bold=True)
        call_h = lines(emergency["call"], call_box) * LINE_HEIGHT * d["callSize"]
        local = wrap(emergency["local"], Box(inner, math.inf, d["hintSize"]))
        one_row = width(emergency["call"], d["callSize"], True) + d["gap"]
        one_row += width(emergency["local"], d["hintSize"])
        local_h = len(local) * LINE_HEIGHT * d["hintSize"]
        call = max(call_h, local_h) if one_row <= inner else call_h + local_h
    left = area.height - 2 * inset - call
    order = ("boxed", "text") if emergency["highlight"] else ("text", "boxed")
    texts = {"boxed": emergency["text"], "text": screen["text"]}
    out = {"title": title, "boxed": "", "text": ""}
    for key in order:
        if not texts[key]:
            continue
        box = Box(inner if key == "boxed" else area.width, left - d["gap"], d["denseSize"])
        # The first text shown may be cut anywhere; a stub of the second would mislead.
        out[key] = fit(texts[key], box, sentences_only=key != order[0])
        if out[key]:
            left -= d["gap"] + lines(out[key], box) * LINE_HEIGHT * d["denseSize"]
    if left < -0.5:
        col.problems.append(f"the emergency box does not fit the {vp.name} screen")
    return _done(col, out)


def call_on_round(emergency: dict[str, Any]) -> bool:
    """Whether a round screen shows the box's call line: not when the boxed text already
    says the number ("Call 999 now, ..."), as the room is better spent on the signs."""
    return str(emergency["digits"]) not in str(emergency["text"])


def launch(screen: dict[str, Any], vp: Viewport) -> Plan:
    col = Column(vp)
    d = col.d
    col.add(screen["title"], "titleSize", gap=None, bold=True, max_lines=1)
    col.add(screen["prompt"], "hintSize", max_lines=1)
    inset = d["buttonPadX"] + BORDER
    for i, suggestion in enumerate(screen["suggestions"]):
        col.top += d["buttonGap"] if i else d["gap"]
        col.top += d["buttonPadY"] + BORDER
        col.top += col.text_height(
            suggestion["text"], "buttonSize", at=col.top, bold=True, inset=inset, max_lines=2
        )
        col.top += d["buttonPadY"] + BORDER
    _footer(col, screen)
    return _done(col, {})


PLANS = {"answer": answer, "step": step, "warning": warning, "launch": launch}
