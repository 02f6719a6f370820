"""Screen text: numbers shown as digits, and every text fitting every viewport.

The fit checks run without a browser: alexa/layout.py estimates each screen from the
documents' sizes, and scripts/render_apl_previews.py checks that estimate in Chromium.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from back_relief.alexa import apl, layout
from back_relief.alexa.fit import Box, fit, fits, lines
from back_relief.alexa.turn import Turn
from back_relief.content import loader
from back_relief.content.numbers import digits
from back_relief.routines.engine import Say, State
from back_relief.safety.triage import Finding, Tier

NOW = 1_800_000_000.0


@pytest.mark.parametrize(
    ("said", "shown"),
    [
        ("call nine nine nine now", "call 999 now"),
        ("Triple zero.", "000."),
        ("call one eight hundred Medicare", "call 1800 Medicare"),
        ("Lifeline on thirteen, eleven, fourteen", "Lifeline on 13 11 14"),
        ("nine eight eight, by call or text", "988, by call or text"),
        ("Samaritans on one one six, one two three", "Samaritans on 116 123"),
        ("wait seventy two hours", "wait 72 hours"),
        # Prose keeps its words: one number word alone, or words that are not a number.
        ("one of these for two hours", "one of these for two hours"),
        ("one or two days", "one or two days"),
        ("double the dose", "double the dose"),
    ],
)
def test_spoken_numbers_are_shown_as_digits(said: str, shown: str) -> None:
    assert digits(said) == shown


def test_each_locale_shows_its_numbers_as_digits_on_screen() -> None:
    expected = {
        "en-GB": ["999", "111", "116 123"],
        "en-AU": ["000", "1800", "13 11 14"],
        "en-US": ["911", "988"],
        "en-CA": ["911", "811", "988"],
        "en-IN": ["112", "14416"],
    }
    for locale, numbers in expected.items():
        content = loader.load(locale)
        shown = " ".join(digits(v) for v in content.vocab.values())
        for number in numbers:
            assert number in shown, (locale, number)
        # The screen's emergency number is the spoken one, as digits: one source.
        assert content.vocab["emergency_digits"] == numbers[0]


def test_fit_keeps_whole_sentences_then_fills_with_words() -> None:
    box = Box(width=300, height=2 * 1.25 * 20, font=20)  # two lines
    assert fit("Short.", box) == "Short."
    text = "Lie on your back. Bend your knees and breathe out slowly as you rock them."
    cut = fit(text, box)
    # The first sentence whole, then as much of the next as fits, marked as cut.
    assert cut.startswith("Lie on your back. Bend") and cut.endswith("…")
    assert text.startswith(cut[:-1]) and fits(cut, box)
    assert fit(text, box, sentences_only=True) == "Lie on your back."
    one_long = "Lie on your back, knees bent, feet flat, arms by your sides, and breathe out slowly"
    cut = fit(one_long, box)
    assert cut.endswith("…") and one_long.startswith(cut[:-1].rstrip(","))
    assert fits(cut, box) and lines(cut, box) == 2
    assert fit(one_long, box, sentences_only=True) == ""


def every_screen(locale: str) -> Iterator[tuple[str, Turn]]:
    """Every screen the skill can send in a locale: each routine step, answer, warning,
    red-flag tier and trigger, a finished routine, and the launch screen."""
    content = loader.load(locale)

    def turn(state: State | None = None) -> Turn:
        return Turn(content=content, state=state or State(), now=NOW, user_key="k")

    for rid, routine in content.routines.items():
        for index, step in enumerate(routine.steps):
            state = State(routine=rid, step=index, status="active")
            if step.kind == "timed":
                state = State(rid, index, "timing", timer_started_at=NOW, timer_seconds=900)
            yield f"{rid} step {index + 1}", turn(state)
    for aid, answer in content.answers.items():
        shown = turn()
        shown.reply.card = (answer["title"], answer["say"])
        yield aid, shown
    signs = turn()
    signs.reply.card = (content.warning_signs["title"], "")
    yield "warning signs", signs
    flags = [
        (tier, content.tiers[tier]["title"], content.tiers[tier]["say"]) for tier in content.tiers
    ]
    flags += [
        ("emergency", "Call now", t["say"]) for t in content.triggers.values() if t.get("say")
    ]
    levels = {
        "emergency": Tier.EMERGENCY,
        "same_day": Tier.SAME_DAY,
        "within_days": Tier.WITHIN_DAYS,
    }
    for tier, title, text in flags:
        flagged = turn()
        flagged.finding = Finding(levels[tier], "X")
        flagged.reply.card = (title, text)
        yield f"{tier}: {text[:30]}", flagged
    for routine in content.routines.values():
        done = turn()
        done.effects_seen.append(Say("routine_done", {"name": routine.name}))
        yield f"{routine.id} done", done
    listening = turn()
    listening.reply.ask("What would you like?")
    yield "launch", listening


def shown_on(screen: dict[str, Any], vp: layout.Viewport) -> dict[str, Any]:
    """The datasource as the document reads it on that viewport (round: the *Round texts)."""
    if not vp.round:
        return screen
    out = dict(screen)
    for key in ("title", "text"):
        if f"{key}Round" in screen:
            out[key] = screen[f"{key}Round"]
    if "emergency" in screen:
        out["emergency"] = {**screen["emergency"], "text": screen["emergency"]["textRound"]}
    return out


@pytest.mark.parametrize("locale", loader.LOCALES)
def test_every_screen_fits_every_viewport(locale: str) -> None:
    """Laid out again with the texts the screen actually shows, nothing is cut further
    and no fixed part (title, buttons, hint, call line) runs off the screen."""
    for label, turn in every_screen(locale):
        chosen = apl.screen(turn)
        assert chosen is not None, label
        name, data = chosen
        for vp in layout.VIEWPORTS:
            screen = shown_on(data["screen"], vp)
            plan = layout.PLANS[name](screen, vp)
            assert plan.problems == [], (label, vp.name)
            texts = {"boxed": screen.get("emergency", {}).get("text", "")} | screen
            for key, text in plan.texts.items():
                assert text == texts[key], (label, vp.name, key)


@pytest.mark.parametrize("locale", loader.LOCALES)
def test_landscape_screens_show_each_step_and_answer_whole(locale: str) -> None:
    """Only the small round screen shortens today's texts; on every Echo Show and TV the
    screen shows all of what is said."""
    for label, turn in every_screen(locale):
        name, data = apl.screen(turn)  # type: ignore[misc]
        screen = data["screen"]
        if name == "step" and turn.routine is not None:
            step = turn.routine.steps[turn.state.step]
            assert screen["title"] == digits(step.title), label
            assert screen["text"] == digits(apl.step_text(turn, step)), label
        elif name == "answer" and turn.reply.card is not None:
            assert (screen["title"], screen["text"]) == tuple(map(digits, turn.reply.card)), label
