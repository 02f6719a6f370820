"""SSML building. All plain text is escaped here; nothing else writes SSML by hand.

Limits (Alexa): a <break> is at most 10 s; a response holds at most 240 s of audio and
8000 characters of speech. Paced holds are built within those limits.
"""

from __future__ import annotations

from xml.sax.saxutils import escape as _xml_escape

MAX_BREAK_SECONDS = 10.0
MAX_SPEECH_CHARS = 8000
MAX_AUDIO_SECONDS = 240.0
# Rough speaking rate for the audio budget: Alexa speaks about 150 words a minute.
SECONDS_PER_WORD = 0.4

# Characters that are not allowed in XML 1.0 at all; user text could carry them.
_CONTROL = {c: None for c in range(32) if c not in (9, 10, 13)}


def escape(text: str) -> str:
    return _xml_escape(text.translate(_CONTROL), {'"': "&quot;", "'": "&apos;"})


def brk(seconds: float) -> str:
    """A pause; longer pauses are split into several legal breaks."""
    parts = []
    remaining = max(0.0, seconds)
    while remaining > 0:
        chunk = min(MAX_BREAK_SECONDS, remaining)
        parts.append(f'<break time="{round(chunk * 1000)}ms"/>')
        remaining -= chunk
    return "".join(parts)


def speak(fragments: list[str]) -> str:
    return "<speak>" + " ".join(f for f in fragments if f) + "</speak>"


def countdown(seconds: int, hold_word: str) -> str:
    """Spoken counts through a hold: "hold ... 5 ... 10" with breaks of at most 10 s.

    Counts every 5 s for short holds (easy to follow with eyes closed) and every 10 s
    for longer ones, so even a 60 s hold stays well under Alexa's break limit.
    """
    step = 5 if seconds <= 10 else 10
    parts = [escape(hold_word) + "."]
    counted = 0
    while counted < seconds:
        chunk = min(step, seconds - counted)
        counted += chunk
        parts.append(brk(chunk) + f" {counted}.")
    return " ".join(parts)


def audio_seconds(ssml: str) -> float:
    """Estimate how long a response takes to speak (breaks plus words)."""
    import re

    breaks = sum(int(ms) for ms in re.findall(r'<break time="(\d+)ms"/>', ssml)) / 1000
    words = len(re.sub(r"<[^>]+>", " ", ssml).split())
    return breaks + words * SECONDS_PER_WORD
