"""Render a PNG preview of every APL screen, per viewport and locale, for a person to look at.

The real APL documents (lambda/back_relief/content/apl/*.json) are translated to HTML by a
small interpreter of the APL subset they use (Frame, Container, Text, ScrollView,
TouchWrapper; resources with `when`; ${...} bindings) and filled by the same code the skill
uses (back_relief.alexa.apl.screen) with real locale content. Headless Chromium from
Debian's `chromium` package takes the screenshots. It is an approximation: fonts and exact
metrics differ from a device, layout and sizes do not.

    .venv/bin/python scripts/render_apl_previews.py [--out docs/apl-previews]
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lambda"))

from back_relief.alexa import apl  # noqa: E402
from back_relief.alexa.turn import Turn  # noqa: E402
from back_relief.content import loader  # noqa: E402
from back_relief.routines.engine import Say, State  # noqa: E402

LOCALES = ("en-US", "en-GB")
NOW = 1_800_000_000.0
PROFILES = (
    "hubRoundSmall",
    "hubLandscapeSmall",
    "hubLandscapeMedium",
    "hubLandscapeLarge",
    "hubLandscapeXLarge",
    "tvLandscapeXLarge",
)


@dataclass(frozen=True)
class Viewport:
    name: str
    profile: str
    width: int  # pixels of the screenshot
    height: int
    scale: float  # pixels per dp
    round: bool = False


VIEWPORTS = (
    Viewport("hub-round-small", "hubRoundSmall", 480, 480, 1.0, round=True),
    Viewport("hub-landscape-medium", "hubLandscapeMedium", 960, 600, 1.0),
    Viewport("hub-landscape-large", "hubLandscapeLarge", 1280, 800, 1.0),
    # A 1080p TV is 960 x 540 dp at twice the density.
    Viewport("tv", "tvLandscapeXLarge", 1920, 1080, 2.0),
)

# ---- scenes: Turns as the skill would hold them, rendered by apl.screen ---------------


def scenes(locale: str) -> dict[str, Turn]:
    content = loader.load(locale)

    def turn(state: State | None = None) -> Turn:
        return Turn(content=content, state=state or State(), now=NOW, user_key="preview")

    out: dict[str, Turn] = {}
    out["step-instruct"] = turn(State(routine="ice", step=0, status="active"))
    out["step-instruct"].effects_seen.append(Say("step"))
    # An ice pack on for four minutes of fifteen.
    timed = State(
        routine="ice", step=3, status="timing", timer_started_at=NOW - 240, timer_seconds=900
    )
    out["step-timed"] = turn(timed)
    out["step-hold"] = turn(State(routine="stretches", step=2, status="active"))  # knee to chest
    answer = next(iter(content.answers.values()))
    out["answer"] = turn()
    out["answer"].reply.card = (answer["title"], answer["say"])
    signs = content.warning_signs
    out["warning-signs"] = turn()
    out["warning-signs"].reply.card = (signs["title"], f"{signs['part1']} {signs['part2']}")
    return out


# ---- a tiny APL interpreter -----------------------------------------------------------

_TOKEN = re.compile(
    r"\s*("
    r"'(?:[^'\\]|\\.)*'"  # 'string'
    r"|\"(?:[^\"\\]|\\.)*\""  # "string"
    r"|&&|\|\||[=!<>]=|[()?:!,+\-*/%<>]"  # operators
    r"|@?[\w.]+"  # names, @resources, numbers
    r")"
)


def _tokens(expr: str) -> list[str]:
    out, pos = [], 0
    while pos < len(expr):
        match = _TOKEN.match(expr, pos)
        if not match:
            if expr[pos:].strip():
                raise ValueError(f"cannot parse APL expression: {expr!r}")
            break
        out.append(match.group(1))
        pos = match.end()
    return out


def _python(tokens: list[str]) -> str:
    """APL expression tokens to Python, ternaries included (right-associative)."""
    depth, question = 0, -1
    for i, tok in enumerate(tokens):
        depth += tok == "("
        depth -= tok == ")"
        if depth == 0 and tok == "?":
            question = i
            break
    if question >= 0:
        depth, nested = 0, 0
        for j in range(question + 1, len(tokens)):
            tok = tokens[j]
            depth += tok == "("
            depth -= tok == ")"
            nested += depth == 0 and tok == "?"
            if depth == 0 and tok == ":":
                if nested == 0:
                    cond, then, other = tokens[:question], tokens[question + 1 : j], tokens[j + 1 :]
                    return f"(({_python(then)}) if ({_python(cond)}) else ({_python(other)}))"
                nested -= 1
    words = {"&&": " and ", "||": " or ", "!": " not ", "true": "True", "false": "False"}
    parts = []
    for tok in tokens:
        if tok in words:
            parts.append(words[tok])
        elif tok.startswith("@"):
            parts.append(f"_res[{tok[1:]!r}]")
        else:
            parts.append(tok)
    return " ".join(parts)


def _time_format(fmt: str, ms: float) -> str:
    seconds = int(ms // 1000)
    return fmt.replace("mm", f"{seconds // 60:02d}").replace("ss", f"{seconds % 60:02d}")


def _ns(value: Any) -> Any:
    if isinstance(value, dict):
        return SimpleNamespace(**{k: _ns(v) for k, v in value.items()})
    return value


class Scope:
    def __init__(self, names: dict[str, Any], res: dict[str, Any]) -> None:
        self.names = names
        self.res = res

    def child(self, extra: dict[str, Any]) -> Scope:
        return Scope({**self.names, **extra}, self.res)

    def eval(self, expr: str) -> Any:
        env = {
            "_res": self.res,
            "Math": SimpleNamespace(max=max, min=min, floor=int),
            "Time": SimpleNamespace(format=_time_format),
            **self.names,
        }
        return eval(_python(_tokens(expr)), {"__builtins__": {}}, env)

    def value(self, raw: Any) -> Any:
        if not isinstance(raw, str):
            return raw
        if raw.startswith("@") and re.fullmatch(r"@\w+", raw):
            return self.res[raw[1:]]
        whole = re.fullmatch(r"\$\{(.*)\}", raw, re.S)
        if whole and "${" not in whole.group(1):
            return self.eval(whole.group(1))
        return re.sub(r"\$\{(.*?)\}", lambda m: str(self.eval(m.group(1))), raw)


def resources(document: dict[str, Any], profile: str) -> dict[str, Any]:
    res: dict[str, Any] = {p: p for p in PROFILES}
    res["viewportProfile"] = profile
    scope = Scope({}, res)
    for block in document.get("resources", []):
        if "when" in block and not scope.eval(block["when"][2:-1]):
            continue
        for kind in ("colors", "dimensions", "strings", "booleans", "numbers"):
            res.update(block.get(kind, {}))
    return res


class Renderer:
    def __init__(self, viewport: Viewport) -> None:
        self.viewport = viewport

    def length(self, value: Any) -> str:
        if isinstance(value, int | float):
            return f"{value}px"
        text = str(value)
        if text.endswith("dp"):
            return f"{text[:-2]}px"
        vw_dp = self.viewport.width / self.viewport.scale
        vh_dp = self.viewport.height / self.viewport.scale
        if text.endswith("vw"):
            return f"{float(text[:-2]) * vw_dp / 100}px"
        if text.endswith("vh"):
            return f"{float(text[:-2]) * vh_dp / 100}px"
        return text

    def component(self, item: dict[str, Any], scope: Scope, direction: str, first: bool) -> str:
        if "when" in item and not scope.value(item["when"]):
            return ""
        if "bind" in item:
            scope = scope.child({b["name"]: scope.value(b["value"]) for b in item["bind"]})

        def get(key: str, default: Any = None) -> Any:
            return scope.value(item.get(key, default))

        style = {"flex-shrink": str(get("shrink", 0)), "flex-grow": str(get("grow", 0))}
        style["box-sizing"] = "border-box"
        style["min-height"] = "0"
        for key in ("width", "height"):
            if key in item:
                style[key] = self.length(get(key))
        for side in ("Left", "Right", "Top", "Bottom"):
            if f"padding{side}" in item:
                style[f"padding-{side.lower()}"] = self.length(get(f"padding{side}"))
        if "spacing" in item and not first:
            style["margin-left" if direction == "row" else "margin-top"] = self.length(
                get("spacing")
            )
        if get("display", "normal") == "none":
            return ""
        kind = item["type"]
        inner = ""
        if kind == "Text":
            style |= {
                "font-size": self.length(get("fontSize", "40dp")),
                "color": get("color", "#fff"),
                "font-weight": "700" if get("fontWeight") == "bold" else "400",
                "text-align": get("textAlign", "left"),
                "line-height": str(get("lineHeight", 1.25)),
            }
            if "maxLines" in item:
                style |= {
                    "display": "-webkit-box",
                    "-webkit-line-clamp": str(get("maxLines")),
                    "-webkit-box-orient": "vertical",
                    "overflow": "hidden",
                }
            inner = html.escape(str(get("text", "")))
        else:
            children = item.get("items") or ([item["item"]] if "item" in item else [])
            child_dir = get("direction", "column") if kind == "Container" else "column"
            style |= {"display": "flex", "flex-direction": child_dir}
            if get("wrap") == "wrap":
                style["flex-wrap"] = "wrap"
            if kind == "Container":
                align = {"start": "flex-start", "end": "flex-end"}
                style["align-items"] = align.get(get("alignItems", "stretch"), "stretch")
                if get("alignItems") == "center":
                    style["align-items"] = "center"
                justify = {"spaceBetween": "space-between", "spaceAround": "space-around"}
                style["justify-content"] = justify.get(
                    get("justifyContent", "start"),
                    {"center": "center"}.get(get("justifyContent", "start"), "flex-start"),
                )
            if kind in ("Frame",):
                style["background-color"] = get("backgroundColor", "transparent")
                style["border-radius"] = self.length(get("borderRadius", 0))
                if "borderWidth" in item:
                    style["border"] = (
                        f"{self.length(get('borderWidth'))} solid {get('borderColor', '#fff')}"
                    )
            if kind == "ScrollView":
                style["overflow"] = "hidden"
            rendered: list[str] = []
            for child in children:
                out = self.component(child, scope, child_dir, first=not rendered)
                if out:
                    rendered.append(out)
            inner = "".join(rendered)
        css = ";".join(f"{k}:{v}" for k, v in style.items())
        return f'<div class="{kind}" style="{css}">{inner}</div>'

    def page(self, document: dict[str, Any], datasources: dict[str, Any]) -> str:
        res = resources(document, self.viewport.profile)
        scope = Scope({"payload": _ns(datasources), "elapsedTime": 0}, res)
        body = "".join(
            self.component(item, scope, "column", first=True)
            for item in document["mainTemplate"]["items"]
        )
        vp = self.viewport
        clip = "border-radius:50%;overflow:hidden;" if vp.round else "overflow:hidden;"
        return (
            "<!doctype html><html><head><meta charset='utf-8'><style>"
            "html,body{margin:0;background:#000;font-family:'DejaVu Sans','Liberation Sans',"
            "Arial,sans-serif}"
            f"#screen{{width:{vp.width / vp.scale}px;height:{vp.height / vp.scale}px;{clip}"
            f"zoom:{vp.scale}}}"
            f"</style></head><body><div id='screen'>{body}</div></body></html>"
        )


# ---- screenshots ----------------------------------------------------------------------


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def screenshot(browser: str, page: Path, png: Path, vp: Viewport, profile_dir: Path) -> None:
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            f"--user-data-dir={profile_dir}",
            f"--screenshot={png}",
            f"--window-size={vp.width},{vp.height}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "apl-previews")
    parser.add_argument("--html-only", action="store_true", help="write HTML, skip Chromium")
    args = parser.parse_args(argv)
    browser = chromium()
    if browser is None and not args.html_only:
        print(
            "render_apl_previews: chromium not found, skipping the PNG previews.\n"
            "  Install it with: apt-get install -y chromium  (or pass --html-only)",
            file=sys.stderr,
        )
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        for locale in LOCALES:
            for scene, turn in scenes(locale).items():
                chosen = apl.screen(turn)
                if chosen is None:
                    raise SystemExit(f"{scene}: the skill would show no screen")
                name, datasources = chosen
                for vp in VIEWPORTS:
                    page = Renderer(vp).page(apl.document(name), datasources)
                    stem = f"{scene}.{vp.name}.{locale}"
                    html_path = tmp_dir / f"{stem}.html"
                    html_path.write_text(page, encoding="utf-8")
                    if args.html_only or browser is None:
                        shutil.copy(html_path, args.out / f"{stem}.html")
                    else:
                        screenshot(browser, html_path, args.out / f"{stem}.png", vp, tmp_dir)
                    written += 1
    print(f"render_apl_previews: {written} previews in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
