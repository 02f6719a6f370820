"""Render a PNG preview of every APL screen, per viewport and locale, and FAIL on overflow.

The real APL documents (lambda/back_relief/content/apl/*.json) are translated to HTML by
scripts/apl_html.py (a small interpreter of the APL subset they use) and filled by the same
code the skill uses (back_relief.alexa.apl.screen) with real locale content. Headless
Chromium from Debian's `chromium` package lays them out: every screen of every locale,
including screens filled past the brim, is measured in the page (a clipped box, a line off
the screen or outside a round screen's circle), and the script exits 1 if anything does not
fit. It is an approximation: fonts and exact metrics differ from a device, layout and sizes
do not; the skill's own estimate (alexa/layout.py) is what this checks.

    .venv/bin/python scripts/render_apl_previews.py [--out docs/apl-previews] [--check-only]
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "lambda"))
sys.path.insert(0, str(ROOT / "scripts"))  # apl_html, when imported rather than run

from apl_html import VIEWPORTS, Renderer, Viewport, page  # noqa: E402
from back_relief.alexa import apl  # noqa: E402
from back_relief.alexa.turn import Turn  # noqa: E402
from back_relief.content import loader  # noqa: E402
from back_relief.routines.engine import Say, State, Status  # noqa: E402
from back_relief.safety.triage import Finding, Tier  # noqa: E402

PICTURED = ("en-US", "en-GB")  # locales whose previews are kept as pictures
NOW = 1_800_000_000.0


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
    # The card shows what was said: the answer and, outside a routine, its offer's question.
    shown = " ".join(str(answer[key]) for key in ("say", "ask") if key in answer)
    out["answer"].reply.card = (answer["title"], shown)
    signs = content.warning_signs
    out["warning-signs"] = turn()
    out["warning-signs"].reply.card = (signs["title"], f"{signs['part1']} {signs['part2']}")
    out["red-flag"] = turn()
    out["red-flag"].finding = Finding(Tier.EMERGENCY, "preview")
    out["red-flag"].reply.card = (
        content.tiers["emergency"]["title"],
        content.tiers["emergency"]["say"],
    )
    out["launch"] = turn()
    out["launch"].reply.end_session = False
    return out


def full_scenes(locale: str) -> dict[str, Turn]:
    """Screens filled past the brim (every answer's words at once, the longest titles):
    what the skill cuts to fit must still fit in the browser. Checked, not pictured."""
    content = loader.load(locale)
    answers = list(content.answers.values())
    words = " ".join(a["say"] for a in answers)
    title = " ".join(sorted((a["title"] for a in answers), key=len)[-3:])
    out: dict[str, Turn] = {}
    for scene, tier in (
        ("answer", None),
        ("red-flag", Tier.EMERGENCY),
        ("outlined", Tier.SAME_DAY),
    ):
        t = Turn(content=content, state=State(), now=NOW, user_key="preview")
        t.finding = Finding(tier, "preview") if tier else None
        t.reply.card = (title, words)
        out[f"full-{scene}"] = t
    # The longest step text of each kind, made longer still: hold (with reps, hints and
    # buttons), timed (with the countdown), instruction.
    longest: tuple[tuple[str, int, Status], ...] = (
        ("stretches", 1, "active"),
        ("ice", 3, "timing"),
        ("ice", 0, "active"),
    )
    for rid, index, status in longest:
        routine = content.routines[rid]
        step = routine.steps[index]
        longer = replace(step, title=title, say=words, start=words, movement="", breathing="")
        steps = tuple(longer if i == index else s for i, s in enumerate(routine.steps))
        long_routine = replace(routine, steps=steps)
        filled = replace(content, routines={**content.routines, rid: long_routine})
        state = State(
            routine=rid, step=index, status=status, timer_started_at=NOW, timer_seconds=900
        )
        t = Turn(content=filled, state=state, now=NOW, user_key="preview")
        t.effects_seen.append(Say("step"))
        out[f"full-step-{step.kind}"] = t
    return out


# ---- screenshots ----------------------------------------------------------------------


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


_FLAGS = (
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
)


def screenshot(browser: str, page: Path, png: Path, vp: Viewport, profile_dir: Path) -> None:
    subprocess.run(
        [
            browser,
            *_FLAGS,
            f"--user-data-dir={profile_dir}",
            f"--screenshot={png}",
            f"--window-size={vp.width},{vp.height}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


def overflow(browser: str, page: Path, profile_dir: Path) -> list[str]:
    """What the laid-out page reports as clipped or off screen (see _MEASURE)."""
    done = subprocess.run(
        [
            browser,
            *_FLAGS,
            f"--user-data-dir={profile_dir}",
            "--window-size=1920,1080",
            "--dump-dom",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    found = re.search(r"<pre id=\"overflow\">(.*?)</pre>", done.stdout, re.S)
    if found is None:
        return ["the page did not report its measurements"]
    problems: list[str] = json.loads(html.unescape(found.group(1)))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "apl-previews")
    parser.add_argument("--html-only", action="store_true", help="write HTML, skip Chromium")
    parser.add_argument("--check-only", action="store_true", help="check overflow, no pictures")
    args = parser.parse_args(argv)
    browser = None if args.html_only else chromium()
    if browser is None and not args.html_only:
        # Without a browser nothing is measured: say so and fail rather than pass unchecked.
        print(
            "render_apl_previews: chromium not found, cannot render or check overflow.\n"
            "  Install it with: apt-get install -y chromium  (or pass --html-only)",
            file=sys.stderr,
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    written, checked = 0, []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_dir = Path(tmp)
        for locale in loader.LOCALES:
            for scene, turn in (scenes(locale) | full_scenes(locale)).items():
                chosen = apl.screen(turn)
                if chosen is None:
                    raise SystemExit(f"{scene}: the skill would show no screen")
                name, datasources = chosen
                for vp in VIEWPORTS:
                    stem = f"{scene}.{vp.name}.{locale}"
                    div = Renderer(vp).screen(apl.document(name), datasources, stem)
                    checked.append(div)
                    # Every locale is checked; pictures are kept for two, real scenes only.
                    if args.check_only or locale not in PICTURED or scene.startswith("full-"):
                        continue
                    html_path = tmp_dir / f"{stem}.html"
                    html_path.write_text(page([div]), encoding="utf-8")
                    if browser is None:
                        shutil.copy(html_path, args.out / f"{stem}.html")
                    else:
                        screenshot(browser, html_path, args.out / f"{stem}.png", vp, tmp_dir)
                    written += 1
        problems: list[str] = []
        if browser is not None:
            all_screens = tmp_dir / "all.html"
            all_screens.write_text(page(checked), encoding="utf-8")
            problems = overflow(browser, all_screens, tmp_dir)
    print(f"render_apl_previews: {written} previews in {args.out}, {len(checked)} screens checked")
    if problems:
        print("render_apl_previews: text does not fit:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
