"""Echo Show screens: APL documents kept as data, filled from the same content as speech.

A screen only ever repeats what the skill is saying (the step, the answer, the warning
signs), or, when the skill waits at the top level, shows three things to say that are also
buttons; so nothing depends on it: devices without APL get the same speech and no directive.
The documents hold no words of their own; every label comes from the locale content.
Screens show numbers as digits ("999") where speech says words ("nine nine nine"), and
every text is cut to what fits each viewport (layout.py): nobody lying down can scroll.
"""

from __future__ import annotations

import json
import os
from functools import cache
from typing import TYPE_CHECKING, Any

from ask_sdk_core.handler_input import HandlerInput

from ..content.loader import Content, fill
from ..content.numbers import digits
from ..routines import engine
from ..routines.engine import Say
from ..routines.model import Routine, Step
from ..safety.tiers import Tier
from . import layout
from .handlers.base import screen_supported
from .turn import Turn

if TYPE_CHECKING:
    # ask-sdk's APL models are 20 ms of cold start that voice-only devices never need.
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

# os.path, not pathlib: importing pathlib cost Lambda's INIT ~2 ms.
DOCUMENTS = os.path.join(
    os.path.dirname(os.path.dirname(os.path.realpath(__file__))), "content", "apl"
)
NAMES = ("step", "answer", "warning", "launch")
TOKEN = "backRelief"
INTERFACE = "Alexa.Presentation.APL"
IN_ROUTINE = ("active", "paused", "timing")

Screen = tuple[str, dict[str, Any]]  # (document name, datasources)


@cache
def document(name: str) -> dict[str, Any]:
    """A document parsed once per container; callers must not mutate it."""
    with open(os.path.join(DOCUMENTS, f"{name}.json"), encoding="utf-8") as fh:
        loaded: dict[str, Any] = json.load(fh)
    # Sizes and colours live once, in resources.json, for every document.
    return {**loaded, "resources": layout.resources()}


def supported(handler_input: HandlerInput) -> bool:
    return screen_supported(handler_input)


def directive(turn: Turn) -> RenderDocumentDirective | None:
    chosen = screen(turn)
    if chosen is None:
        return None
    name, datasources = chosen
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

    return RenderDocumentDirective(token=TOKEN, document=document(name), datasources=datasources)


def screen(turn: Turn) -> Screen | None:
    """Which document shows this turn's reply, and its data; None when there is nothing."""
    chosen = _choose(turn)
    if chosen is None:
        return None
    name, data = chosen
    shown = _digits(data)
    return name, {"screen": {**shown, **_fitted(name, shown)}}


def _choose(turn: Turn) -> tuple[str, dict[str, Any]] | None:
    reply, content = turn.reply, turn.content
    # A consent dialog (Connections.SendRequest) takes over the device; it is not a moment
    # to draw a screen under it.
    if reply.awaiting_consent:
        return None
    card = reply.card
    if card and (_red_flag(turn) or card[0] == content.warning_signs["title"]):
        return "warning", _warning(turn, *card)
    routine = turn.routine
    in_routine = routine is not None and turn.state.status in IN_ROUTINE
    if routine is not None and in_routine and (card is None or _said_step(turn)):
        return "step", _step(turn, routine)
    if card:
        return "answer", _answer(content, *card)
    done = _finished(turn)
    if done is not None:
        return "answer", _answer(content, *done)
    if reply.end_session is False and not in_routine:
        # Listening at the top level (launch, help, "what next"): what to say, to touch.
        return "launch", _launch(content)
    return None


def _digits(value: Any) -> Any:
    """Every shown string with its spoken numbers as digits."""
    if isinstance(value, str):
        return digits(value)
    if isinstance(value, dict):
        return {k: _digits(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_digits(v) for v in value]
    return value


def _fitted(name: str, screen: dict[str, Any]) -> dict[str, Any]:
    """The screen's long texts cut to fit: `text` for the smallest landscape screen,
    `textRound` for the round one (the documents pick by the @round resource), and on the
    round one the widths that keep them inside the circle (`widthsRound`)."""
    plan = layout.PLANS[name]
    wide: dict[str, str] = {}
    round_ = layout.Plan({}, {}, [])
    for vp in layout.VIEWPORTS:
        planned = plan(screen, vp)
        if vp.round:
            round_ = planned
            continue
        for key, text in planned.texts.items():
            if key not in wide or len(text) < len(wide[key]):
                wide[key] = text
    # Rounded down: a box a fraction wider than planned could reach past the circle.
    out: dict[str, Any] = {"widthsRound": {k: f"{int(w)}dp" for k, w in round_.widths.items()}}
    for key, text in wide.items():
        if key == "boxed":
            emergency = {**screen["emergency"], "text": text, "textRound": round_.texts[key]}
            out["emergency"] = emergency | {"callRound": layout.call_on_round(screen["emergency"])}
        else:
            out[key], out[f"{key}Round"] = text, round_.texts[key]
    return out


def _red_flag(turn: Turn) -> bool:
    return turn.finding is not None and turn.finding.tier > Tier.NONE


def _said_step(turn: Turn) -> bool:
    return any(isinstance(e, Say) and e.key == "step" for e in turn.effects_seen)


def _finished(turn: Turn) -> tuple[str, str] | None:
    """A routine that ended this turn: its title and the closing line, as a summary."""
    for effect in turn.effects_seen:
        if isinstance(effect, Say) and effect.key == "routine_done":
            name = str(effect.params.get("name", ""))
            routine = next((r for r in turn.content.routines.values() if r.name == name), None)
            title = routine.title if routine else name
            return title, turn.content.message("routine_done", name=name)
    return None


def step_text(turn: Turn, step: Step) -> str:
    """The step's instruction as plain text: the same entries step_ssml speaks."""
    if step.kind == "timed":
        minutes = turn.state.timer_seconds // 60 or turn.state.minutes or step.minutes
        return fill(step.say, {"minutes": minutes})
    if step.kind == "hold" and step.cue:
        return " ".join(p for p in (step.start, step.movement, step.breathing) if p)
    return fill(step.say, {"seconds": step.seconds})


def _hold_text(content: Content, step: Step) -> str:
    if step.reps <= 1:
        return content.message("screen_hold", seconds=step.seconds)
    key = "screen_hold_sides" if step.sides else "screen_hold_reps"
    return content.message(key, seconds=step.seconds, reps=step.reps)


def _step(turn: Turn, routine: Routine) -> dict[str, Any]:
    content, state = turn.content, turn.state
    step = routine.steps[state.step]
    timing = state.status == "timing" and step.kind == "timed"
    total_ms = state.timer_seconds * 1000 if timing else 0
    left_ms = max(0, round(engine.remaining_seconds(state, turn.now) * 1000)) if timing else 0
    hint = "screen_timed_hint" if step.kind == "timed" else "screen_say_next"
    return {
        "kind": "step",
        "heading": routine.title,
        "position": content.message(
            "screen_step_of", step=state.step + 1, total=len(routine.steps)
        ),
        "step": state.step + 1,
        "total": len(routine.steps),
        "title": step.title,
        "text": step_text(turn, step),
        "hint": content.message(hint),
        "timer": {
            "show": timing and total_ms > 0,
            "label": content.message("screen_time_left"),
            "done": content.message("screen_time_up"),
            "totalMs": total_ms,
            "remainingMs": min(left_ms, total_ms),
        },
        "hold": {
            "show": step.kind == "hold",
            "seconds": step.seconds if step.kind == "hold" else 0,
            "text": _hold_text(content, step) if step.kind == "hold" else "",
        },
        "buttons": {
            "next": content.message("screen_next"),
            "repeat": content.message("screen_repeat"),
            "stop": content.message("screen_stop"),
        },
        "footer": content.message("card_footer"),
    }


def _answer(content: Content, title: str, text: str) -> dict[str, Any]:
    return {
        "kind": "answer",
        "title": title,
        "text": text,
        "footer": content.message("card_footer"),
    }


def _launch(content: Content) -> dict[str, Any]:
    return {
        "kind": "launch",
        "title": content.message("screen_launch_title"),
        "prompt": content.message("screen_launch_prompt"),
        "suggestions": [{"id": s["id"], "text": s["say"]} for s in suggestions(content)],
        "footer": content.message("card_footer"),
    }


def suggestions(content: Content) -> list[dict[str, Any]]:
    """The launch screen's suggestions: words to say, and the request those words make."""
    found: list[dict[str, Any]] = content.messages["screen_suggestions"]
    return found


def _warning(turn: Turn, title: str, text: str) -> dict[str, Any]:
    """Warning signs: the call-now part sits in the highlighted emergency box. A red flag:
    the box is highlighted for the emergency tier, outlined for the others."""
    content = turn.content
    if _red_flag(turn):
        assert turn.finding is not None
        highlight = turn.finding.tier == Tier.EMERGENCY
        boxed, rest = (text, "") if highlight else ("", text)
    else:
        signs = content.warning_signs
        highlight, boxed, rest = True, signs["part1"], signs["part2"]
    return {
        "kind": "warning",
        "title": title,
        "text": rest,
        "emergency": {
            "highlight": highlight,
            "call": content.message("screen_emergency_call"),
            "local": content.message("screen_emergency_local"),
            "digits": content.vocab["emergency_digits"],
            "text": boxed,
        },
        "footer": content.message("card_footer"),
    }
