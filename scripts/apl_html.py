"""A small interpreter of the APL subset Back Relief's documents use, to HTML.

Frame, Container (with `data`), Text, ScrollView and TouchWrapper; resources with `when`;
${...} bindings. Used by render_apl_previews.py to lay the real documents out in Chromium,
and to measure there what does not fit (see _MEASURE).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from back_relief.alexa import layout

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


# The skill's own viewport list (alexa/layout.py), in pixels: a 1080p TV is 960 x 540 dp
# at twice the density.
VIEWPORTS = tuple(
    Viewport(v.name, v.profile, v.width * k, v.height * k, float(k), v.round)
    for v in layout.VIEWPORTS
    for k in [2 if v.profile.startswith("tv") else 1]
)


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
            # A Container with `data` repeats its item once per element, bound as `data`.
            data = get("data") if kind == "Container" and "data" in item else None
            scopes = [scope] if data is None else [scope.child({"data": _ns(d)}) for d in data]
            for child_scope in scopes:
                for child in children:
                    out = self.component(child, child_scope, child_dir, first=not rendered)
                    if out:
                        rendered.append(out)
            inner = "".join(rendered)
        css = ";".join(f"{k}:{v}" for k, v in style.items())
        return f'<div class="{kind}" style="{css}">{inner}</div>'

    def screen(self, document: dict[str, Any], datasources: dict[str, Any], label: str) -> str:
        """One screen as a fixed-size div; many can share a page."""
        res = resources(document, self.viewport.profile)
        scope = Scope({"payload": _ns(datasources), "elapsedTime": 0}, res)
        body = "".join(
            self.component(item, scope, "column", first=True)
            for item in document["mainTemplate"]["items"]
        )
        vp = self.viewport
        clip = "border-radius:50%;overflow:hidden;" if vp.round else "overflow:hidden;"
        size = f"width:{vp.width / vp.scale}px;height:{vp.height / vp.scale}px;zoom:{vp.scale}"
        return (
            f"<div class='screen' data-label='{html.escape(label)}' data-round='{int(vp.round)}'"
            f' style="{clip}{size}">{body}</div>'
        )


def page(screens: list[str]) -> str:
    return (
        "<!doctype html><html><head><meta charset='utf-8'><style>"
        "html,body{margin:0;background:#000;font-family:'DejaVu Sans','Liberation Sans',"
        "Arial,sans-serif}</style></head><body>"
        f"{''.join(screens)}<script>{_MEASURE}</script></body></html>"
    )


# Runs in the page once laid out: for every screen, each clipped box (a ScrollView taller
# than its space, a Text cut at maxLines) and each line of text outside the screen (for a
# round screen, outside its circle) is written into #overflow, which --dump-dom returns.
_MEASURE = """
(function () {
  var found = [];
  document.querySelectorAll('.screen').forEach(function (screen) {
    var label = screen.dataset.label + ': ', round = screen.dataset.round === '1';
    var box = screen.getBoundingClientRect();
    var cx = box.left + box.width / 2, cy = box.top + box.height / 2, r = box.width / 2;
    function name(el) { return el.className + ' "' + el.textContent.slice(0, 40) + '"'; }
    screen.querySelectorAll('div').forEach(function (el) {
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) {
        found.push(label + 'clipped ' + name(el) + ' ' + el.scrollHeight + '>' + el.clientHeight);
      }
    });
    var walk = document.createTreeWalker(screen, NodeFilter.SHOW_TEXT), node;
    while ((node = walk.nextNode())) {
      var range = document.createRange();
      range.selectNodeContents(node);
      Array.prototype.forEach.call(range.getClientRects(), function (rect) {
        var corners = [[rect.left, rect.top], [rect.right, rect.top],
                       [rect.left, rect.bottom], [rect.right, rect.bottom]];
        var out = corners.some(function (c) {
          if (round) { return Math.hypot(c[0] - cx, c[1] - cy) > r + 1; }
          return c[0] < box.left - 1 || c[0] > box.right + 1 ||
                 c[1] < box.top - 1 || c[1] > box.bottom + 1;
        });
        if (out) { found.push(label + 'off screen "' + node.textContent.slice(0, 40) + '"'); }
      });
    }
  });
  var pre = document.createElement('pre');
  pre.id = 'overflow';
  pre.textContent = JSON.stringify(found);
  document.body.appendChild(pre);
})();
"""
