"""A development set scored the way `make eval` scores the held-out sets, in process.

    .venv/bin/python tests/unit/answers_eval.py --set=answers_dev6.tsv [-v]

answers_spoken.py reads a reply by its card title; scripts/evaluate.py instead asks whether the
spoken reply holds the expected answer's distinctive opening, wherever it is said (after a tier's
advice too), in a fresh session and after a launch. This runs a development set through that very
scorer (evaluate.Replies) against the real skill in process, with the rows spread over the five
locales in turn, so that what the held-out figures count is what is tuned for.
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

from answers_dev import Figures, data_set, noisy, rows  # noqa: E402
from back_relief.content.loader import LOCALES, load  # noqa: E402
from back_relief.simulator.conversation import Device  # noqa: E402
from back_relief.skill import build  # noqa: E402
from back_relief.store.local import LocalStore  # noqa: E402

from scripts.evaluate import MODES, Replies, words  # noqa: E402
from tests.builders.skill import invoke  # noqa: E402


def heard_as(known: Replies, text: str) -> str:
    """What a reply was: the answers whose openings it holds, a tier's advice, or no answer."""
    said = words(text)
    parts = [t for t, opening in known.topics.items() if opening in said]
    tier = known.tier(text)
    parts += [f"tier {tier}"] if tier else []
    parts += ["no answer"] if known.is_no_answer(text) else []
    return "+".join(parts) or f"other: {text[:60]}"


def measure(path: Path, noise: bool = False) -> dict[str, Figures]:
    logging.disable(logging.CRITICAL)
    replies = {locale: Replies(load(locale)) for locale in LOCALES}
    figures: dict[str, Figures] = {mode: Figures() for mode in MODES}
    with tempfile.TemporaryDirectory() as store_dir:
        skill = build(store=lambda: LocalStore(Path(store_dir)))
        for i, (text, want) in enumerate(rows(path)):
            said, locale = noisy(text, i) if noise else text, LOCALES[i % len(LOCALES)]
            for mode in MODES:
                device = Device(lambda event: invoke(skill, event), locale=locale)
                if mode == "in session":
                    device.launch()
                reply, known, f = device.say(said).text, replies[locale], figures[mode]
                f.total += 1
                f.on_topic += known.on_topic(reply, want)
                f.no_answer += known.is_no_answer(reply)
                if not known.on_topic(reply, want):
                    got = heard_as(known, reply)
                    f.misses.append(f"{said!r:60} want {'|'.join(sorted(want))}  got {got}")
    return figures


if __name__ == "__main__":
    data = data_set()
    for noise in (False, True):
        for mode, figures in measure(data, noise).items():
            figures.report(f"{mode}{' noisy' if noise else ''}")
