"""Load spoken content once per container: en/*.toml merged, then a locale's overrides.

Placeholders such as {emergency} are filled from the locale's [vocab] at load time, so
handlers never format locale words themselves. Placeholders the code fills per request
({minutes}, {name}, ...) are left untouched.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from ..routines.model import Routine, Step
from .numbers import digits

if TYPE_CHECKING:
    from pathlib import Path

    from ..safety.triage import TriageRules
    from .matcher import AnswerMatcher

log = logging.getLogger("back_relief")
# Plain paths: pathlib would cost every cold start ~2 ms, and only the build reads the sources.
HERE = os.path.dirname(__file__)
COMPILED = os.path.join(HERE, "compiled.json")
LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
DEFAULT_LOCALE = "en-US"
# Explicit fallbacks (issue 9): any other English locale speaks US English content; any
# other language gets English rather than an error, since it is all we have.
FALLBACKS = {"en": "en-US"}


def supported_locale(locale: str | None) -> str:
    if locale in LOCALES:
        return locale
    language = (locale or "").split("-")[0].lower()
    return FALLBACKS.get(language, DEFAULT_LOCALE)


@dataclass(frozen=True)
class Content:
    locale: str
    vocab: dict[str, str]
    messages: dict[str, Any]
    answers: dict[str, dict[str, Any]]
    intent_answers: dict[str, str]  # intent name -> answer id
    tiers: dict[str, dict[str, Any]]
    triggers: dict[str, dict[str, Any]]
    warning_signs: dict[str, str]
    routines: dict[str, Routine]
    stretches: dict[str, Step]  # stretch id -> its step in the stretches routine
    carriers: tuple[str, ...]  # words the voice model strips from free text that triage restores
    # What the triage rules are built from (triggers, pattern words, concepts): see `triage`.
    rules_source: dict[str, Any] = field(compare=False, repr=False)

    @cached_property
    def triage(self) -> TriageRules:
        # Built on the first text to assess, not at load: a launch (the embedded store's
        # whole cold start) has none, and building costs ~5 ms. Lambda's INIT builds them
        # (skill.prepare), so no request there waits. If this locale's rules fail to build,
        # the packaged English rules answer instead (triage_rules), as a broken locale's
        # content falls back at load (safe_load): a red flag is still found.
        return triage_rules(self.rules_source)

    @cached_property
    def matcher(self) -> AnswerMatcher:
        # Built on the first free-text question, not at init: most turns (launch, routine
        # steps, answer intents) never need it, and compiling it costs a cold start ~30 ms.
        # Imported here too: a launch (the embedded store's whole cold start) never needs it.
        from .matcher import AnswerMatcher

        return AnswerMatcher(self.answers)

    def message(self, key: str, **params: Any) -> str:
        # Counts are filled in as digits, so "1 minutes" must become "1 minute".
        return _SINGULAR.sub(r"\1 \2", fill(self.messages[key], params))


_SINGULAR = re.compile(r"\b(1) (minute|hour|second)s\b")


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, params: dict[str, Any]) -> str:
    return text.format_map(_Keep(params)) if "{" in text else text


def _render(value: Any, vocab: dict[str, str]) -> Any:
    if isinstance(value, str):
        return fill(value, vocab)
    if isinstance(value, list):
        return [_render(v, vocab) for v in value]
    if isinstance(value, dict):
        return {k: _render(v, vocab) for k, v in value.items()}
    return value


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _here() -> Path:
    from pathlib import Path

    return Path(HERE)


def _sources() -> list[Path]:
    here = _here()
    return [*sorted((here / "en").glob("*.toml")), *sorted((here / "locales").glob("*.toml"))]


def digest() -> str:
    """A fingerprint of every content source file (names and bytes), for the build's check."""
    import hashlib

    hasher = hashlib.sha256()
    for path in _sources():
        hasher.update(path.relative_to(_here()).as_posix().encode() + b"\0" + path.read_bytes())
    return hasher.hexdigest()


def parse_sources() -> dict[str, Any]:
    """The TOML sources, parsed: English merged, and each locale's override."""
    import tomllib

    here = _here()
    english: dict[str, Any] = {}
    for path in sorted((here / "en").glob("*.toml")):
        with path.open("rb") as fh:
            english = _merge(english, tomllib.load(fh))
    locales = {}
    for code in LOCALES:
        with (here / "locales" / f"{code}.toml").open("rb") as fh:
            locales[code] = tomllib.load(fh)
    return {"en": english, "locales": locales}


def compiled_text() -> str:
    """compiled.json as `make model` writes it: the parsed sources plus their digest."""
    return json.dumps({"digest": digest(), **parse_sources()}, ensure_ascii=False) + "\n"


def keyword_tokens_text() -> str:
    """matcher.TOKENS as `make model` writes it: the tokens of every locale's keywords."""
    from . import matcher

    keywords: set[str] = set()
    for answers in source_answers().values():
        for answer in answers.values():
            keywords.update(answer.get("keywords", ()))
    return matcher.tokens_text(keywords)


def matcher_tables_text() -> str:
    """matcher_tables.TABLES as `make model` writes it: the scoring tables of a matcher built
    from each distinct locale's answers (tokenised here, from the sources)."""
    from . import matcher, matcher_tables

    entries: dict[str, dict[str, Any]] = {}
    for answers in source_answers().values():
        key = matcher_tables.inputs_hash(answers)
        if key not in entries:
            built = matcher.AnswerMatcher(answers, known={})
            entries[key] = {"inputs": key, **matcher.stored_tables(built)}
    return matcher_tables.render(entries.values())


def source_answers() -> dict[str, dict[str, Any]]:
    """Each locale's rendered answers, from the TOML sources (what compiled.json will hold)."""
    sources = parse_sources()
    found = {}
    for code in LOCALES:
        data = _merge(sources["en"], sources["locales"][code])
        vocab = dict(data.pop("vocab"))
        vocab["emergency_digits"] = digits(vocab["emergency"])
        found[code] = _render(with_warning_signs(data), vocab)
    return found


@cache
def _raw() -> dict[str, Any]:
    # Parsing the TOML costs a cold start about 40 ms; compiled.json holds the same data as
    # JSON. It is checked at build time, not here: `make model` writes it, `make test` (the
    # build's --check) and scripts/package.py refuse a stale one, and the artifact ships no
    # TOML to compare it with. A missing or unreadable file falls back to the sources.
    try:
        with open(COMPILED, encoding="utf-8") as fh:
            data = json.loads(fh.read())
        if isinstance(data, dict):
            return data
    except (OSError, ValueError):
        pass
    return parse_sources()


def _english() -> dict[str, Any]:
    english: dict[str, Any] = _raw()["en"]
    return english


def load(locale: str | None) -> Content:
    """The content for a locale; parsed once per container, whatever the traffic."""
    # Cached by supported locale, not the raw string: every odd locale a request carries
    # would otherwise parse the content again and stay in memory for the container's life.
    return _load(supported_locale(locale))


def safe_load(locale: str | None) -> Content:
    """Content that a red flag can always be answered from, whatever is wrong with a locale.

    The locale's full content; else English with only the locale's [vocab] (its emergency
    number); else the default locale's. Each step logs the fault (its class only) and the next
    one uses less of what may be broken. The last step reads only the packaged English files
    and the default locale's vocab, which `make model --check` and the tests prove load."""
    code = supported_locale(locale)
    attempts: tuple[tuple[Callable[[str], Content], str], ...] = (
        (_load, code),
        (_vocab_only, code),
        (_load, DEFAULT_LOCALE),
    )
    for attempt, which in attempts:
        try:
            return attempt(which)
        except Exception as error:  # any fault in one locale's data must not stop the next step
            log.warning("content_fault", extra={"error": type(error).__name__})
    return _vocab_only(DEFAULT_LOCALE)


@cache
def _vocab_only(code: str) -> Content:
    vocab = _raw()["locales"][code]["vocab"]
    if not isinstance(vocab, dict) or not all(isinstance(v, str) for v in vocab.values()):
        raise TypeError(f"{code} vocab is not a table of strings")
    return _build(code, {"vocab": vocab})


@cache
def _load(code: str) -> Content:
    return _build(code, _raw()["locales"][code])


# What a red-flag answer (and the calm sorry) reads: checked at load, so broken content fails
# there, where safe_load can fall back, never halfway through an answer.
_TIER_KEYS = ("emergency", "same_day", "within_days")
_SAFETY_MESSAGES = ("anything_else_reprompt", "card_footer", "error", "error_reprompt")


def _check_safety_lines(data: dict[str, Any]) -> None:
    tiers, triggers, messages = data["tiers"], data["triggers"], data["messages"]
    lines = [tiers[tier][part] for tier in _TIER_KEYS for part in ("say", "title")]
    lines += [messages[key] for key in _SAFETY_MESSAGES]
    if not isinstance(triggers, dict) or not all(isinstance(t, dict) for t in triggers.values()):
        raise TypeError("triggers must be a table of tables")
    lines += [t["say"] for t in triggers.values() if "say" in t]
    if not all(isinstance(line, str) and line for line in lines):
        raise TypeError("a safety line is missing or not text")


_RULES_KEYS = ("triggers", "pattern_words", "concepts")
# The warning signs live with triage (reference T36), but "what should make me go to A&E" is
# a question like any other: free text reaches them through the matcher as this answer, whose
# reply is the warning signs' own turn (handlers/answers.py say_answer).
WARNING_SIGNS = "warning_signs"


def with_warning_signs(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The answers, with the warning signs as one more: their first part said, their topic,
    keywords and needs (triage.toml [warning_signs_asked]) for the matcher and the ranker."""
    answers: dict[str, dict[str, Any]] = dict(data.get("answers", {}))
    signs, asked = data.get("warning_signs"), data.get("warning_signs_asked")
    if isinstance(signs, dict) and isinstance(asked, dict):
        answers[WARNING_SIGNS] = {
            **asked,
            "title": signs["title"],
            "say": signs["part1"],
            "refs": ["T36"],
        }
    return answers


def triage_rules(source: dict[str, Any]) -> TriageRules:
    """The triage rules built from content's triggers; if they fail to build, the packaged
    English ones (what safe_load's last step uses), the fault logged by its class."""
    # Imported with the rules, not with content: a launch never loads their machinery.
    from ..safety.triage import TriageRules

    try:
        return TriageRules.from_data(source)
    except Exception as error:  # a locale's broken trigger must not cost a red flag
        log.warning("triage_fault", extra={"error": type(error).__name__})
    english = _english()
    return TriageRules.from_data({key: english[key] for key in _RULES_KEYS if key in english})


def _build(code: str, override: dict[str, Any]) -> Content:
    data = _merge(_english(), override)
    vocab: dict[str, str] = data.pop("vocab")
    # The shown number is derived from the spoken one: one source for each locale's number.
    vocab["emergency_digits"] = digits(vocab["emergency"])
    data = _render(data, vocab)
    answers = with_warning_signs(data)
    routines = {rid: Routine.from_data(rid, r) for rid, r in data["routines"].items()}
    stretches = {step.id: step for step in routines["stretches"].steps if step.id}
    _check_safety_lines(data)
    return Content(
        locale=code,
        vocab=vocab,
        messages=data["messages"],
        answers=answers,
        intent_answers={a["intent"]: aid for aid, a in answers.items() if "intent" in a},
        tiers=data["tiers"],
        triggers=data["triggers"],
        warning_signs=data["warning_signs"],
        routines=routines,
        stretches=stretches,
        carriers=tuple(data["voice"]["restored"]),
        rules_source={key: data[key] for key in _RULES_KEYS if key in data},
    )
