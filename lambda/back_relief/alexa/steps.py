"""The one place a routine step becomes words: the speech and the screen both come from here.

`text` is what a screen shows (plain instruction, no counts); `ssml` is what Alexa says: the
same words, plus the paced counts of a hold. Paced counts sit inside PACED_OPEN/PACED_CLOSE
(a <prosody> element) so a reader can tell instructions from pacing: the one-breath rule
counts the words of the instruction, not the counts.
"""

from __future__ import annotations

from ..content.loader import Content, fill
from ..routines.events import State
from ..routines.model import Routine, Step
from ..values import Value
from . import ssml

PACED_OPEN = '<prosody rate="95%">'
PACED_CLOSE = "</prosody>"
# The rest between reps: long enough to come back to the start position.
REST_BETWEEN_REPS = 3.0


class StepText(Value):
    title: str
    text: str  # plain text, for screens and cards
    ssml: str  # the spoken step (a hold's paced counts included)
    # A stretch is said in two turns: `ssml` gives the position, `paced` the reps, once the
    # user is in position and says ready (engine: Say("paced")).
    paced: str = ""


def step_minutes(step: Step, state: State) -> int:
    return state.timer_seconds // 60 or state.minutes or step.minutes


def step_text(routine: Routine, state: State, content: Content) -> StepText:
    step = routine.steps[state.step]
    if step.kind == "timed":
        text = fill(step.say, {"minutes": step_minutes(step, state)})
        return StepText(step.title, text, ssml.escape(text))
    if step.kind == "hold" and step.cue:
        text = " ".join(p for p in (step.start, step.movement, step.breathing) if p)
        ready = content.message("stretch_ready")
        spoken = ssml.escape(f"{step.title}. {text} {ready}")
        return StepText(step.title, text, spoken, _paced_reps(step, content))
    text = fill(step.say, {"seconds": step.seconds})
    if step.kind != "hold":
        return StepText(step.title, text, ssml.escape(text))
    counts = paced(ssml.countdown(step.seconds, _count_word(step, content)))
    return StepText(step.title, text, f"{ssml.escape(text)} {counts} {ssml.escape(step.done)}")


def paced(fragment: str) -> str:
    return PACED_OPEN + fragment + PACED_CLOSE


def count_ssml(seconds: int, content: Content) -> str:
    """A timed stretch counted aloud instead of a timer."""
    return paced(ssml.countdown(seconds, content.message("count_start")))


def _count_word(step: Step, content: Content) -> str:
    return step.count_word or str(content.messages["hold_word"])


def _paced_reps(step: Step, content: Content) -> str:
    """Each side's cue once, the counts of every hold, and after each hold the way back
    with how many are left: no line is said twice, and few words besides the counts."""
    sides: list[str] = list(content.messages["side_words"]) if step.sides else [""]
    left = step.reps * len(sides)
    parts: list[str] = []
    for side in sides:
        for rep in range(step.reps):
            if rep == 0:
                parts.append(ssml.escape(fill(step.cue, {"side": side})))
            if not parts[1:]:  # the word that starts the counting, once
                parts.append(ssml.countdown(step.seconds, _count_word(step, content)))
            else:
                parts.append(_counts(step.seconds))
            left -= 1
            if left:
                line = content.message("rep_more", back=step.back, left=left)
            else:
                line = content.message("rep_last", back=step.back)
            parts.append(ssml.escape(line) + ssml.brk(REST_BETWEEN_REPS))
    return paced(" ".join(parts))


def _counts(seconds: int) -> str:
    """The counts of one hold with no leading word ("... 5. ... 10.")."""
    return ssml.countdown(seconds, "").removeprefix(".").strip()
