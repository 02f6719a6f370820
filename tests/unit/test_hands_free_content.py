"""Hands-free is the product: no content string, in any locale, asks for a phone or screen.

Replies built at run time are checked turn by turn in tests/conversation (breath.py); this
covers every string in the content, including ones no walk happens to reach.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from typing import Any

from back_relief.content import loader

from tests.conversation.breath import hands_needed

LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
# An answer's spoken fields (keywords are the user's words, not ours).
SPOKEN = ("topic", "say", "ask")


def _strings(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _strings(item, f"{where}[{i}]")
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _strings(getattr(value, f.name), f"{where}.{f.name}")


def test_no_content_string_asks_for_hands() -> None:
    scanned = 0
    for locale in LOCALES:
        content = loader.load(locale)
        # screen_ entries are labels drawn on a screen for people who can see it (screens.toml),
        # never spoken; a touchable button label is fine there.
        spoken = {k: v for k, v in content.messages.items() if not k.startswith("screen_")}
        sources = {
            "messages": spoken,
            "answers": {k: {f: v.get(f) for f in SPOKEN} for k, v in content.answers.items()},
            "tiers": content.tiers,
            "triggers": {k: {"say": v.get("say")} for k, v in content.triggers.items()},
            "warning_signs": content.warning_signs,
            "routines": content.routines,
        }
        for where, text in _strings(sources, locale):
            scanned += 1
            assert not hands_needed(text), f"{where}: {hands_needed(text)}"
    assert scanned > 500


def test_the_scan_catches_what_it_is_for() -> None:
    for text in (
        "Set a 15 minute timer on your phone.",
        "Tap Next on the screen.",
        "You can set a reminder in the app instead.",
        "Touch the button to continue.",
    ):
        assert hands_needed(text), text
    assert not hands_needed("Call nine one one now from your phone, or ask someone to call.")
