"""Nothing the store, the Alexa API, the content files or the envelope does can silence a red
flag: each failure below happens for real (a store that raises, records corrupted in the real
sqlite file, an API endpoint nobody listens on, a broken locale override), and the emergency
line with the locale's number is still spoken."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from back_relief.alexa.api_client import BoundedApiClient
from back_relief.alexa.turn import user_key
from back_relief.content import loader
from back_relief.skill import build, lambda_handler
from back_relief.store import Record, StoreError
from back_relief.store.local import LocalStore

from tests.builders import envelopes
from tests.builders.services import free_port
from tests.builders.skill import EMERGENCY, Reply, send
from tests.conversation.talk import Rig

USER = "amzn1.ask.account.REDFLAGFIRST"
WET = {"Symptom": "i wet myself"}  # an emergency in every locale (content reference 3)


def red_flag(**kw: Any) -> dict[str, Any]:
    return envelopes.intent("SymptomIntent", WET, user_id=kw.pop("user_id", USER), **kw)


def assert_emergency(reply: Reply, locale: str = "en-US") -> None:
    assert EMERGENCY[locale] in reply.text, reply.text
    assert reply.ends_session


class Raising:
    """A store that fails on every call, the way a dead backend or a bug would."""

    worst_case_seconds = 0.5

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.calls = 0

    def load(self, key: str) -> Record:
        self.calls += 1
        raise self.error

    def save(self, key: str, data: dict[str, Any], expected_version: int, now: float) -> int:
        self.calls += 1
        raise self.error

    def delete(self, key: str) -> None:
        self.calls += 1
        raise self.error


@pytest.mark.parametrize(
    "error", [StoreError("down"), RuntimeError("a bug"), TimeoutError()], ids=repr
)
def test_a_store_that_raises_on_every_call_never_reaches_a_red_flag(error: Exception) -> None:
    store = Raising(error)
    skill = build(store=lambda: store)
    assert_emergency(send(skill, red_flag()))
    # Asked once, after the answer was built (to drop a routine), and its failure changed
    # nothing the user heard.
    assert store.calls == 1
    # Anything else still answers through the same dead store, and says what is missing.
    opened = send(skill, envelopes.launch(user_id=USER))
    assert loader.load("en-US").message("store_unavailable") in opened.text
    assert loader.load("en-US").message("error") not in opened.text


MALFORMED = ["not json {", "[]", "null", '{"seq": "abc"}', '{"state": 5}', '"text"', "{}x"]


def corrupt(data_dir: Path, text: str, version: int = 3) -> None:
    """Write a record the way only a bug or a hand edit could: straight into sqlite."""
    with sqlite3.connect(data_dir / "back_relief.sqlite3") as db:
        db.execute(
            "INSERT OR REPLACE INTO progress VALUES (?, ?, ?, ?)",
            (user_key(USER), text, version, int(time.time()) + 3600),
        )


@pytest.fixture
def local(tmp_path: Path) -> Iterator[tuple[LocalStore, Path]]:
    yield LocalStore(tmp_path), tmp_path


@pytest.mark.parametrize("text", MALFORMED)
def test_a_malformed_record_is_no_progress_and_the_next_save_replaces_it(
    local: tuple[LocalStore, Path], text: str, skill_log: pytest.LogCaptureFixture
) -> None:
    store, data_dir = local
    skill = build(store=lambda: store)
    corrupt(data_dir, text)
    assert_emergency(send(skill, red_flag()))

    skill_log.clear()
    opened = send(skill, envelopes.launch(user_id=USER))
    assert "Welcome" in opened.text and not opened.ends_session
    faults = [r for r in skill_log.records if r.getMessage() == "store_fault"]
    assert len(faults) == 1  # logged once, as a fault, with nothing of the record in it
    assert text not in skill_log.text
    # The launch's save went through on the malformed record's version: it is valid now.
    record = store.load(user_key(USER))
    assert record.version == 4 and record.data["seq"] >= 1

    corrupt(data_dir, text, version=record.version)
    forgotten = send(skill, envelopes.intent("ForgetMeIntent", user_id=USER))
    assert loader.load("en-US").message("forget_done") in forgotten.text
    with sqlite3.connect(data_dir / "back_relief.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM progress").fetchone() == (0,)


def test_skill_disabled_deletes_a_malformed_record(local: tuple[LocalStore, Path]) -> None:
    store, data_dir = local
    corrupt(data_dir, "[]")
    skill = build(store=lambda: store)
    send(skill, envelopes.envelope({"type": "AlexaSkillEvent.SkillDisabled"}, user_id=USER))
    with sqlite3.connect(data_dir / "back_relief.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM progress").fetchone() == (0,)


def test_red_flag_with_the_alexa_api_down(local: tuple[LocalStore, Path]) -> None:
    store, _ = local
    skill = build(store=lambda: store, api_client=BoundedApiClient(read_timeout=0.5))
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    kw: dict[str, Any] = {
        "api_endpoint": dead,
        "granted": ("alexa::alerts:timers:skill:readwrite",),
    }
    send(skill, envelopes.launch(user_id=USER, **kw))
    send(
        skill,
        envelopes.intent("StartRoutineIntent", {"Routine": ("ice", "ice")}, user_id=USER, **kw),
    )
    assert_emergency(send(skill, red_flag(**kw)))


def test_red_flag_from_a_user_id_with_a_lone_surrogate(local: tuple[LocalStore, Path]) -> None:
    store, _ = local
    skill = build(store=lambda: store)
    odd = "amzn1.ask.account.\ud83d"
    assert_emergency(send(skill, red_flag(user_id=odd)))
    assert "Welcome" in send(skill, envelopes.launch(user_id=odd)).text
    assert user_key(odd) != user_key("amzn1.ask.account.\ud83e")


Breaker = Callable[[dict[str, Any]], None]
BREAKERS: dict[str, Breaker] = {
    "override not a table": lambda locales: locales.__setitem__("en-GB", []),
    "tiers wrong type": lambda locales: locales["en-GB"].__setitem__("tiers", 5),
    "messages wrong type": lambda locales: locales["en-GB"].__setitem__("messages", "x"),
    "routines broken": lambda locales: locales["en-GB"].__setitem__("routines", {"x": 1}),
    # The locale's content loads, but its triage rules (built on first use) cannot be built:
    # the packaged English rules must find the red flag instead.
    "trigger tier unknown": lambda locales: locales["en-GB"].__setitem__(
        "triggers", {"E1": {"tier": "whenever"}}
    ),
    "pattern word unparseable": lambda locales: locales["en-GB"].__setitem__(
        "pattern_words", {"not_able": "(unclosed"}
    ),
    "concept rule unknown": lambda locales: locales["en-GB"].__setitem__(
        "triggers", {"E1": {"concepts": [["no_such_concept"]]}}
    ),
}


@pytest.fixture
def broken_content(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Breaker], None]]:
    """Break a locale's override in the content the loader actually uses, for one test."""
    import copy

    original = loader._raw()

    def apply(breaker: Breaker) -> None:
        raw = copy.deepcopy(original)
        breaker(raw["locales"])
        monkeypatch.setattr(loader, "_raw", lambda: raw)
        loader._load.cache_clear()
        loader._vocab_only.cache_clear()

    yield apply
    loader._load.cache_clear()
    loader._vocab_only.cache_clear()


@pytest.mark.parametrize("breaker", list(BREAKERS), ids=list(BREAKERS))
def test_a_broken_locale_override_still_speaks_that_locales_emergency_number(
    local: tuple[LocalStore, Path], broken_content: Callable[[Breaker], None], breaker: str
) -> None:
    store, _ = local
    broken_content(BREAKERS[breaker])
    skill = build(store=lambda: store)
    locale = "en-GB"
    if breaker == "override not a table":
        # Not even its vocab is readable: the default locale's content answers.
        locale = "en-US"
    assert_emergency(send(skill, red_flag(locale="en-GB")), locale)


def test_every_locale_override_broken_at_once_still_answers(
    local: tuple[LocalStore, Path], broken_content: Callable[[Breaker], None]
) -> None:
    store, _ = local

    def everything(locales: dict[str, Any]) -> None:
        for code in loader.LOCALES:
            locales[code]["tiers"] = None

    broken_content(everything)
    skill = build(store=lambda: store)
    for code in loader.LOCALES:
        assert_emergency(send(skill, red_flag(locale=code)), code)


def test_a_crash_after_triage_still_answers_the_red_flag(
    local: tuple[LocalStore, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from back_relief.alexa.handlers import safety

    def crash(self: object, handler_input: object) -> None:
        raise RuntimeError("a handler bug")

    monkeypatch.setattr(safety.RedFlagHandler, "handle", crash)
    store, _ = local
    assert_emergency(send(build(store=lambda: store), red_flag(locale="en-AU")), "en-AU")


def test_an_envelope_ask_sdk_cannot_read_still_answers_its_red_flag() -> None:
    event = red_flag(locale="en-IN")
    event["request"]["timestamp"] = "not a time"  # ask-sdk's parser gives up on this
    reply = Reply(lambda_handler(event, None))
    assert_emergency(reply, "en-IN")


def test_a_store_that_fails_only_on_save_mid_routine_never_reaches_a_red_flag(rig: Rig) -> None:
    device = rig.device(USER)
    device.launch()
    device.say("start stretches")
    rig.gate.fail_save = True  # the emergency's attempt to drop the routine will fail
    reply = device.say("i wet myself")
    assert EMERGENCY["en-US"] in reply.text and reply.ends_session
    assert loader.load("en-US").message("save_failed") not in reply.text  # nothing to hear
    rig.gate.fail_save = False
    assert rig.state(device).routine == "stretches"  # unchanged, as the failed save left it


def test_unreadable_content_sources_fall_back_to_the_packaged_compiled_copy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Sources edited into something unparseable after `make model`: the compiled copy (the
    last one the build checked) still answers every locale's red flag with its number."""

    def unreadable() -> dict[str, Any]:
        raise ValueError("a TOML file no parser accepts")

    monkeypatch.setattr(loader, "digest", lambda: "sources changed since make model")
    monkeypatch.setattr(loader, "parse_sources", unreadable)
    for cached in (loader._raw, loader._load, loader._vocab_only):
        cached.cache_clear()
    try:
        skill = build(store=lambda: LocalStore(":memory:"))
        for code in loader.LOCALES:
            assert_emergency(send(skill, red_flag(locale=code)), code)
    finally:
        for cached in (loader._raw, loader._load, loader._vocab_only):
            cached.cache_clear()
