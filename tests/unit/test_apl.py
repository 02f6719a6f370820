"""Echo Show screens: the documents' structure and the data the skill fills them with."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope
from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective
from back_relief.alexa import apl
from back_relief.alexa.handlers.screen import touch_action
from back_relief.alexa.turn import Turn
from back_relief.content import loader
from back_relief.routines.engine import Nav, Say, State
from back_relief.safety.triage import Finding, Tier

from tests.builders import envelopes

NOW = 1_800_000_000.0
PROFILES = ("hubRoundSmall", "hubLandscapeLarge", "tvLandscapeXLarge")
BINDING = re.compile(r"^\$\{[^{}]*\}$")
PAYLOAD_PATH = re.compile(r"payload((?:\.\w+)+)")


def make_turn(locale: str = "en-US", state: State | None = None) -> Turn:
    return Turn(content=loader.load(locale), state=state or State(), now=NOW, user_key="k")


def walk(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings(value)


def components(name: str) -> list[dict[str, Any]]:
    template = apl.document(name)["mainTemplate"]
    return [n for n in walk(template) if "type" in n and n.get("type") != "SendEvent"]


def every_screen() -> dict[str, list[dict[str, Any]]]:
    """Datasources for every kind of screen the skill can send, in one locale."""
    out: dict[str, list[dict[str, Any]]] = {"step": [], "answer": [], "warning": [], "launch": []}
    content = loader.load("en-GB")
    for rid, routine in content.routines.items():
        for index, step in enumerate(routine.steps):
            state = State(routine=rid, step=index, status="active")
            if step.kind == "timed":
                state = State(rid, index, "timing", timer_started_at=NOW, timer_seconds=600)
            chosen = apl.screen(make_turn("en-GB", state))
            assert chosen is not None and chosen[0] == "step"
            out["step"].append(chosen[1])
    turn = make_turn("en-GB")
    turn.reply.card = ("Title", "Text")
    out["answer"].append(apl.screen(turn)[1])  # type: ignore[index]
    signs = make_turn("en-GB")
    signs.reply.card = (content.warning_signs["title"], "both parts")
    out["warning"].append(apl.screen(signs)[1])  # type: ignore[index]
    for tier in (Tier.EMERGENCY, Tier.SAME_DAY):
        flagged = make_turn("en-GB")
        flagged.finding = Finding(tier, "X1")
        flagged.reply.card = ("Tier", "Tier text")
        out["warning"].append(apl.screen(flagged)[1])  # type: ignore[index]
    listening = make_turn("en-GB")
    listening.reply.end_session = False
    out["launch"].append(apl.screen(listening)[1])  # type: ignore[index]
    return out


# ---- the documents ---------------------------------------------------------------------


@pytest.mark.parametrize("name", apl.NAMES)
def test_document_is_valid_apl_json_with_a_payload_parameter(name: str) -> None:
    raw = (Path(apl.DOCUMENTS) / f"{name}.json").read_text(encoding="utf-8")
    doc = json.loads(raw)
    assert doc["type"] == "APL"
    assert doc["version"] == "2023.3"
    assert doc["mainTemplate"]["parameters"] == ["payload"]
    assert len(doc["mainTemplate"]["items"]) == 1
    assert {"name": "alexa-viewport-profiles", "version": "1.6.0"} in doc["import"]


@pytest.mark.parametrize("name", apl.NAMES)
def test_document_sizes_itself_for_round_landscape_and_tv(name: str) -> None:
    resources = apl.document(name)["resources"]
    assert "when" not in resources[0], "the first block is the default for unknown viewports"
    conditions = " ".join(block.get("when", "") for block in resources)
    for profile in PROFILES:
        assert f"@{profile}" in conditions
    defaults = {k for kind in ("dimensions", "strings", "colors") for k in resources[0][kind]}
    for block in resources[1:]:
        overridden = set(block.get("dimensions", {})) | set(block.get("strings", {}))
        assert overridden <= defaults
    used = {s[1:] for s in strings(apl.document(name)["mainTemplate"]) if s.startswith("@")}
    assert used <= defaults


@pytest.mark.parametrize("name", apl.NAMES)
def test_document_text_all_comes_from_the_datasource(name: str) -> None:
    for node in components(name):
        for key in ("text", "accessibilityLabel"):
            if key in node:
                assert BINDING.match(node[key]), f"{name}: literal {key} {node[key]!r}"
                assert any(name in node[key] for name in ("payload.", "leftMs", "data."))


@pytest.mark.parametrize("name", apl.NAMES)
def test_body_text_is_large_enough_to_read_from_bed(name: str) -> None:
    for block in apl.document(name)["resources"]:
        dims = block.get("dimensions", {})
        for key in ("bodySize", "titleSize", "denseSize"):
            if key in dims:
                assert int(dims[key].removesuffix("dp")) >= 22, (name, key)


@pytest.mark.parametrize("name", apl.NAMES)
def test_every_payload_path_is_filled_by_the_skill(name: str) -> None:
    paths = {m for s in strings(apl.document(name)) for m in PAYLOAD_PATH.findall(s)}
    assert paths
    for datasource in every_screen()[name]:
        for path in paths:
            node: Any = datasource
            for part in path.strip(".").split("."):
                assert isinstance(node, dict) and part in node, f"{name}: {path} missing"
                node = node[part]


def test_step_buttons_send_the_spoken_navigation_commands() -> None:
    presses = [n["onPress"] for n in components("step") if n.get("type") == "TouchWrapper"]
    assert [p["type"] for p in presses] == ["SendEvent"] * 3
    assert [p["arguments"] for p in presses] == [
        ["nav", "next"],
        ["nav", "repeat"],
        ["nav", "stop"],
    ]
    assert [touch_action(p["arguments"]) for p in presses] == [
        Nav("next"),
        Nav("repeat"),
        Nav("stop"),
    ]


def test_documents_are_parsed_once_per_container() -> None:
    assert apl.document("step") is apl.document("step")


@pytest.mark.parametrize(
    "arguments",
    [
        None,
        [],
        ["nav"],
        ["nav", "dance"],
        ["foo", "next"],
        ["nav", 3],
        "nav next",
        ["nav", "next", 1],
    ],
)
def test_unknown_touch_arguments_are_not_a_command(arguments: Any) -> None:
    assert touch_action(arguments) is None


# ---- choosing the screen and filling it ----------------------------------------------------


@pytest.mark.parametrize("rid", ["ice", "heat", "contrast", "massage", "stretches"])
def test_step_screen_shows_the_routine_step_entries(rid: str) -> None:
    content = loader.load("en-US")
    routine = content.routines[rid]
    for index, step in enumerate(routine.steps):
        turn = make_turn(state=State(routine=rid, step=index, status="active"))
        screen = apl.screen(turn)
        assert screen is not None
        data = screen[1]["screen"]
        assert data["heading"] == routine.title
        assert data["title"] == step.title
        assert data["position"] == f"Step {index + 1} of {len(routine.steps)}"
        if step.kind == "hold" and step.cue:
            assert data["text"] == f"{step.start} {step.movement} {step.breathing}"
        elif step.kind == "timed":
            assert data["text"] == step.say.replace("{minutes}", str(step.minutes))
        else:
            assert data["text"] == step.say.replace("{seconds}", str(step.seconds))
        assert "{" not in data["text"]
        assert data["buttons"] == {"next": "Next", "repeat": "Repeat", "stop": "Stop"}
        assert data["footer"] == content.message("card_footer")


def test_timed_step_counts_down_from_the_time_left() -> None:
    state = State(
        routine="ice", step=3, status="timing", timer_started_at=NOW - 240, timer_seconds=900
    )
    data = apl.screen(make_turn(state=state))[1]["screen"]  # type: ignore[index]
    assert data["timer"]["show"] is True
    assert data["timer"]["totalMs"] == 900_000
    assert data["timer"]["remainingMs"] == 660_000
    assert (
        data["text"]
        == "I'll time 15 minutes. Breathe slowly, and don't fall asleep with the ice on."
    )
    assert "open Back Relief" in data["hint"]
    assert data["hold"]["show"] is False


def test_timer_past_its_end_shows_zero_left() -> None:
    state = State(
        routine="ice", step=3, status="timing", timer_started_at=NOW - 2000, timer_seconds=900
    )
    data = apl.screen(make_turn(state=state))[1]["screen"]  # type: ignore[index]
    assert data["timer"]["remainingMs"] == 0


def test_hold_step_shows_its_seconds_and_reps() -> None:
    stretches = loader.load("en-US").routines["stretches"]
    index = stretches.index_of("knee_to_chest")
    state = State(routine="stretches", step=index, status="active")
    data = apl.screen(make_turn(state=state))[1]["screen"]  # type: ignore[index]
    step = stretches.steps[index]
    assert data["hold"] == {
        "show": True,
        "seconds": step.seconds,
        "text": f"Hold for {step.seconds} seconds, {step.reps} times on each side",
    }
    assert data["timer"]["show"] is False


def test_answer_screen_shows_the_card() -> None:
    turn = make_turn("en-GB")
    answer = next(iter(turn.content.answers.values()))
    turn.reply.card = (answer["title"], answer["say"])
    name, data = apl.screen(turn)  # type: ignore[misc]
    assert name == "answer"
    screen = data["screen"]
    assert (screen["title"], screen["text"]) == (answer["title"], answer["say"])
    assert screen["footer"] == "General information only, not medical advice. Emergency: 999."


def test_an_answer_during_a_routine_shows_the_answer_then_the_step_again() -> None:
    turn = make_turn(state=State(routine="ice", step=2, status="active"))
    turn.reply.card = ("Ice or heat?", "Some text.")
    assert apl.screen(turn)[0] == "answer"  # type: ignore[index]
    turn.effects_seen.append(Say("step"))
    assert apl.screen(turn)[0] == "step"  # type: ignore[index]


@pytest.mark.parametrize(
    ("locale", "digits"),
    [("en-US", "911"), ("en-CA", "911"), ("en-GB", "999"), ("en-AU", "000"), ("en-IN", "112")],
)
def test_warning_signs_screen_highlights_the_locale_emergency_number(
    locale: str, digits: str
) -> None:
    turn = make_turn(locale)
    signs = turn.content.warning_signs
    turn.reply.card = (signs["title"], f"{signs['part1']} {signs['part2']}")
    name, data = apl.screen(turn)  # type: ignore[misc]
    assert name == "warning"
    emergency = data["screen"]["emergency"]
    assert emergency["highlight"] is True
    assert emergency["digits"] == digits
    assert digits in emergency["call"]
    assert emergency["local"] == "or your local emergency number"
    # The box shows the number as digits where the spoken text has words.
    spoken = turn.content.vocab["emergency"]
    assert spoken in signs["part1"] and digits not in signs["part1"]
    assert emergency["text"] == signs["part1"].replace(spoken, digits)
    assert data["screen"]["text"] == signs["part2"]
    assert data["screen"]["title"] == signs["title"]


@pytest.mark.parametrize(("tier", "highlight"), [(Tier.EMERGENCY, True), (Tier.SAME_DAY, False)])
def test_red_flag_screen_highlights_only_the_emergency_tier(tier: Tier, highlight: bool) -> None:
    turn = make_turn("en-AU", State(routine="ice", step=1, status="active"))
    turn.finding = Finding(tier, "E1")
    turn.reply.card = ("Call now", "Red flag text.")
    name, data = apl.screen(turn)  # type: ignore[misc]
    assert name == "warning"
    screen = data["screen"]
    assert screen["emergency"]["highlight"] is highlight
    assert "000" in screen["emergency"]["call"]
    shown = screen["emergency"]["text"] if highlight else screen["text"]
    assert shown == "Red flag text."


def test_finished_routine_shows_a_summary() -> None:
    turn = make_turn()
    turn.effects_seen.append(Say("routine_done", {"name": "ice session"}))
    name, data = apl.screen(turn)  # type: ignore[misc]
    assert name == "answer"
    assert data["screen"]["title"] == "Ice session"
    assert data["screen"]["text"] == "That's the end of your ice session. Well done."


def test_nothing_to_show_means_no_screen() -> None:
    assert apl.screen(make_turn()) is None
    assert apl.directive(make_turn()) is None
    closing = make_turn()
    closing.reply.end()
    assert apl.screen(closing) is None


def test_listening_at_the_top_level_shows_three_things_to_say_or_touch() -> None:
    turn = make_turn("en-AU")
    turn.reply.ask("What would you like?")
    name, data = apl.screen(turn)  # type: ignore[misc]
    assert name == "launch"
    shown = data["screen"]["suggestions"]
    assert len(shown) == 3
    assert {s["text"] for s in shown} == {s["say"] for s in apl.suggestions(turn.content)}
    presses = [n["onPress"] for n in components("launch") if n.get("type") == "TouchWrapper"]
    assert presses == [{"type": "SendEvent", "arguments": ["say", "${data.id}"]}]


def test_mid_routine_listening_keeps_the_step_screen() -> None:
    turn = make_turn(state=State(routine="ice", step=1, status="active"))
    turn.reply.ask("Say next.")
    assert apl.screen(turn)[0] == "step"  # type: ignore[index]


def test_no_screen_under_a_consent_dialog() -> None:
    turn = make_turn(state=State(routine="ice", step=3, status="timing", timer_seconds=900))
    turn.reply.awaiting_consent = True
    assert apl.directive(turn) is None


def test_directive_renders_the_cached_document_with_the_skill_token() -> None:
    turn = make_turn(state=State(routine="heat", step=0, status="active"))
    directive = apl.directive(turn)
    assert isinstance(directive, RenderDocumentDirective)
    assert directive.token == "backRelief"
    assert directive.document is apl.document("step")
    assert directive.datasources == apl.screen(turn)[1]  # type: ignore[index]
    assert directive.object_type == "Alexa.Presentation.APL.RenderDocument"


@pytest.mark.parametrize("with_apl", [True, False])
def test_supported_follows_the_device_interfaces(with_apl: bool) -> None:
    raw = envelopes.launch(apl=with_apl)
    request = DefaultSerializer().deserialize(json.dumps(raw), RequestEnvelope)
    assert apl.supported(HandlerInput(request_envelope=request)) is with_apl
