"""Free-text questions the whole way a spoken turn goes, for the answer development sets.

    .venv/bin/python tests/unit/answers_spoken.py [--set=answers_dev4.tsv] [-v] [--locale=en-GB]

answers_dev.py's "voice" way imitates the handlers; this one runs them: each phrase is said to a
fresh session of the real skill on the simulator device (its Alexa-like NLU -> intent and slots
-> the skill's handlers -> reply), and the reply is read back as the answer it spoke (by its card
title). A tier's reply (triage answered) is on topic only for answers whose subject is a warning
context (a fall, a cough, cancer, ...); on any other row it is a false alarm and listed.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "lambda"), str(ROOT), str(Path(__file__).parent)]
os.environ.setdefault("USER_KEY_SECRET", "0" * 64)

from answers_dev import DEV, Figures, data_set, noisy, rows  # noqa: E402
from back_relief.content import loader  # noqa: E402
from back_relief.simulator.conversation import Device  # noqa: E402
from back_relief.skill import build  # noqa: E402
from back_relief.store.local import LocalStore  # noqa: E402

from tests.builders.skill import invoke  # noqa: E402

# Answers whose subject is itself a warning context: triage answering them is fair.
WARNING_CONTEXT = frozenset(
    ("after_fall", "cough_sneeze", "cancer_history", "leg_pain", "surgery", "pregnancy", "crisis")
)
TRIAGE = "<triage>"


def spoken(device: Device, titles: dict[str, str], tiers: set[str], text: str) -> str | None:
    content = loader.load(device.locale)
    stretch_howto = tuple(f"{s.title}." for s in content.stretches.values())
    no_flag = content.message("symptom_no_flag")[:40]
    device.launch()  # a new user each time: nothing left running from the row before
    reply = device.say(text)
    title = str((reply.response.get("card") or {}).get("title") or "")
    if title in titles:
        return titles[title]
    if title in tiers:
        return TRIAGE
    if reply.text.startswith(stretch_howto):
        return "stretches"  # a named stretch's how-to line (T14, the stretches family)
    if reply.text.startswith(no_flag):
        return "is_it_serious"  # "I can't tell what's causing it, but most back pain isn't…" (T37)
    if "Not sure about that" in reply.text or "I don't have an answer" in reply.text:
        return None
    return f"<{reply.intent}: {reply.text[:50]}>"


def measure(path: Path = DEV, noise: bool = False, locale: str = "en-US") -> Figures:
    logging.disable(logging.CRITICAL)
    content = loader.load(locale)
    titles = {str(a["title"]): i for i, a in content.answers.items()}
    tiers = {str(t["title"]) for t in content.tiers.values()} | {"Warning signs"}
    with tempfile.TemporaryDirectory() as store_dir:
        skill = build(store=lambda: LocalStore(Path(store_dir)))
        figures = Figures()
        for i, (text, expected) in enumerate(rows(path)):
            said = noisy(text, i) if noise else text
            device = Device(handler=lambda event: invoke(skill, event), locale=locale)
            got = spoken(device, titles, tiers, said)
            fair = got in expected or (got == TRIAGE and bool(expected & WARNING_CONTEXT))
            figures.total += 1
            figures.on_topic += fair
            figures.no_answer += got is None
            if not fair:
                figures.misses.append(f"{said!r:60} want {'|'.join(sorted(expected))}  got {got}")
    return figures


if __name__ == "__main__":
    data, locale = data_set(), "en-US"
    for arg in sys.argv[1:]:
        if arg.startswith("--locale="):
            locale = arg.removeprefix("--locale=")
    for noise in (False, True):
        measure(data, noise, locale).report(f"spoken{' noisy' if noise else ''}")
