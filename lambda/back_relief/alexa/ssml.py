"""SSML building. All plain text is escaped here; nothing else writes SSML by hand.

Limits (Alexa): a <break> is at most 10 s; a response holds at most 240 s of audio and
8000 characters of speech. Paced holds are built within those limits.
"""

from __future__ import annotations

MAX_BREAK_SECONDS = 10.0
MAX_SPEECH_CHARS = 8000
MAX_AUDIO_SECONDS = 240.0
# Rough speaking rate for the audio budget: Alexa speaks about 150 words a minute.
SECONDS_PER_WORD = 0.4

# One pass: drop the characters XML 1.0 does not allow at all (user text could carry them)
# and escape the five special ones. xml.sax.saxutils.escape gives the same result, but
# importing it pulls in urllib.request, http.client and email: a quarter of a hello-world
# skill's whole cold start.
_ESCAPES: dict[int, str | None] = {c: None for c in range(32) if c not in (9, 10, 13)}
_ESCAPES.update({ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"})
_ESCAPES.update({ord('"'): "&quot;", ord("'"): "&apos;"})


def escape(text: str) -> str:
    return text.translate(_ESCAPES)


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
