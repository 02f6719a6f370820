"""Held-out evaluation (`make eval`): how the skill copes with words nobody on the team wrote.

Each phrasing in tests/heldout/phrasings.tsv goes through the simulator's NLU stand-in into an
Alexa IntentRequest (built by the simulator's Device, as `make chat` does), is POSTed over HTTP
to the dev web service, and the spoken reply is classified against the compiled content:
which tier's advice it gives, whether it is the expected answer, or the skill's no-answer or
fallback message. Every phrasing is sent twice: as a one-shot in a new session, and after a
launch in an open session. `--heard` sends what a speech recogniser heard instead (the `heard`
column of phrasings_heard.tsv, made offline by ../shared/asr; see tests/heldout/README.md).

It reports; it is not a gate: exit 0 whatever the figures, non-zero only if the harness breaks.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from back_relief.content.loader import LOCALES, Content, load
from back_relief.simulator.conversation import Device, Reply

from tests.builders.services import post, start_dev, stop

REPO = Path(__file__).resolve().parents[1]
HELDOUT = REPO / "tests" / "heldout" / "phrasings.tsv"
HEARD = REPO / "tests" / "heldout" / "phrasings_heard.tsv"
# A second set by another writer, made after round 4's work began and never shown to it
# (tests/heldout/README.md): `--set second`.
SETS = {
    "first": (HELDOUT, HEARD),
    "second": (HELDOUT.with_name("second.tsv"), HEARD.with_name("second_heard.tsv")),
    # A third writer's, made while round 5 worked and first measured on the tree before it.
    "third": (HELDOUT.with_name("third.tsv"), HEARD.with_name("third_heard.tsv")),
    # A fourth writer's, made while round 6 worked (short blurts, long rambles, self-corrections).
    "fourth": (HELDOUT.with_name("fourth.tsv"), HEARD.with_name("fourth_heard.tsv")),
    # A fifth writer's, made while round 7 worked (third person, answers in words, function for
    # anatomy, mixed denial and report, minimising hedges, terse questions, everyday speaker chat).
    "fifth": (HELDOUT.with_name("fifth.tsv"), HEARD.with_name("fifth_heard.tsv")),
    # A sixth writer's, made while round 11 worked (histories told in passing, numbers as speech,
    # a question and a report in one breath, distress in the speech, very young and old speakers).
    "sixth": (HELDOUT.with_name("sixth.tsv"), HEARD.with_name("sixth_heard.tsv")),
}
KINDS = ("emergency", "same_day", "within_days", "benign_question")
RANK = {"within_days": 1, "same_day": 2, "emergency": 3}  # higher is more urgent
PREFIX = {"emergency": "E", "same_day": "U", "within_days": "D"}  # reference tier ids: E1, U4, D2
MODES = ("one-shot", "in session")


@dataclass(frozen=True)
class Row:
    utterance: str  # what reaches the NLU: as written, or as heard with --heard
    locale: str
    kind: str
    expect: tuple[str, ...]  # tier id (E1, U4, D2...) or answer ids; "-" means no topic expected
    note: str = ""  # "common": words our data already held when the set was written

    @property
    def topics(self) -> tuple[str, ...]:
        """The answers that count as on topic; none for red flags and topic-less statements."""
        return () if self.kind != "benign_question" or self.expect == ("-",) else self.expect


def load_rows(path: Path, column: str = "utterance") -> list[Row]:
    """Read and check a held-out TSV; a malformed row is a harness error, never skipped."""
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = []
        for line, raw in enumerate(reader, start=2):
            row = Row(
                (raw.get(column) or "").strip(),
                raw.get("locale") or "",
                raw.get("kind") or "",
                tuple((raw.get("expect") or "").split("|")),
                (raw.get("note") or "").strip(),
            )
            tier_id = row.kind not in PREFIX or re.fullmatch(
                rf"{PREFIX[row.kind]}\d+", row.expect[0]
            )
            if (
                row.locale not in LOCALES
                or row.kind not in KINDS
                or not row.expect[0]
                or not tier_id
            ):
                raise ValueError(f"{path}:{line}: bad locale, kind or expect: {raw}")
            if column == "utterance" and not row.utterance:
                raise ValueError(f"{path}:{line}: empty utterance")
            rows.append(row)
    return rows


def words(text: str) -> str:
    return " " + " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()) + " "


def sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.?!])\s+", text.strip())


def first_sentence(text: str, count: int = 1) -> str:
    return " ".join(sentences(text)[:count])


class Replies:
    """What each kind of reply sounds like in one locale, taken from the compiled content."""

    def __init__(self, content: Content) -> None:
        self.number = words(content.vocab["emergency"])
        self.tiers: dict[str, list[str]] = {tier: [] for tier in RANK}
        for trigger in content.triggers.values():
            tier = str(trigger["tier"])
            say = str(trigger.get("say") or content.tiers[tier]["say"])
            if tier == "emergency":
                # The emergency answer is the sentence that gives the number, not the preamble.
                calls = [s for s in sentences(say) if self.number in words(s)]
                if not calls:
                    raise ValueError(f"an emergency answer without the number: {say!r}")
                say = calls[0]
            else:
                say = first_sentence(say)
            self.tiers[tier].append(words(say))
        # Within-days advice said after a longer answer is its short booking line.
        self.tiers["within_days"].append(words(content.message("advice_after_answer")))
        self.no_answer = [
            words(first_sentence(content.messages[key]))
            for key in ("no_answer", "fallback", "fallback_routine", "unknown_request")
            if key in content.messages
        ]
        # Recall first: unsettled words get a trigger's yes/no question, said with the number.
        self.asks = {words(str(t["ask"])) for t in content.triggers.values() if t.get("ask")}
        texts = {key: str(answer["say"]) for key, answer in content.answers.items()}
        texts["warning_signs"] = content.warning_signs["part1"]
        self.topics = {key: words(_distinct(key, texts)) for key in texts}

    def tier(self, reply: str) -> str | None:
        said = words(reply)
        found = [t for t, signs in self.tiers.items() if any(s in said for s in signs)]
        return max(found, key=RANK.__getitem__, default=None)

    def asked(self, reply: str) -> bool:
        """The reply is a warning-sign question that also gives the number to call if so."""
        said = words(reply)
        return self.number in said and any(a in said for a in self.asks)

    def on_topic(self, reply: str, topics: Iterable[str]) -> bool:
        said = words(reply)
        return any(self.topics[t] in said for t in topics)

    def is_no_answer(self, reply: str) -> bool:
        said = words(reply)
        return any(s in said for s in self.no_answer)


def _distinct(key: str, texts: dict[str, str]) -> str:
    """The shortest opening of an answer (in sentences) that no other answer starts with."""
    text = texts[key]
    for count in range(1, 10):
        opening = first_sentence(text, count)
        if not any(o != key and first_sentence(t, count) == opening for o, t in texts.items()):
            return opening
    return text


@dataclass(frozen=True)
class Outcome:
    row: Row
    mode: str
    tier: str | None
    number_only: bool  # the number only in a generic sentence, not the emergency answer
    asked: bool  # not the emergency answer: its yes/no question, with the number to call if so
    on_topic: bool
    no_answer: bool
    fallback: bool  # the NLU found no intent: Alexa would send FallbackIntent, with no words


def run(rows: list[Row], send: Callable[[dict[str, Any]], dict[str, Any]]) -> list[Outcome]:
    replies = {locale: Replies(load(locale)) for locale in LOCALES}
    unknown = {t for row in rows for t in row.topics} - set(replies["en-US"].topics)
    if unknown:
        raise ValueError(f"held-out rows expect answers the content does not have: {unknown}")
    outcomes = []
    for row in rows:
        for mode in MODES:
            device = Device(send, locale=row.locale)
            if mode == "in session":
                device.launch()
            reply: Reply = device.say(row.utterance)
            text, known = reply.text, replies[row.locale]
            if not text:
                raise RuntimeError(f"empty reply to {row.utterance!r} ({mode}): {reply.raw}")
            tier = known.tier(text)
            asked = tier != "emergency" and known.asked(text)
            outcomes.append(
                Outcome(
                    row,
                    mode,
                    tier,
                    tier != "emergency" and not asked and known.number in words(text),
                    asked,
                    known.on_topic(text, row.topics),
                    known.is_no_answer(text),
                    reply.intent == "AMAZON.FallbackIntent",
                )
            )
    return outcomes


def http_sender(url: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    def send(envelope: dict[str, Any]) -> dict[str, Any]:
        status, body = post(url, json.dumps(envelope).encode())
        if status != 200 or not isinstance(body, dict):
            raise RuntimeError(f"web service answered {status}: {body}")
        return body

    return send


# ---- reporting ----

Metric = tuple[str, Callable[[Outcome], bool | None]]  # None: the row does not count here
METRICS: list[Metric] = [
    ("emergency recall", lambda o: o.tier == "emergency" if o.row.kind == "emergency" else None),
    ("number only", lambda o: o.number_only if o.row.kind == "emergency" else None),
    # Counted apart from recall: a question is not the emergency answer, even with the number.
    ("asked, number given", lambda o: o.asked if o.row.kind == "emergency" else None),
    (
        "same-day recall",
        lambda o: RANK.get(o.tier or "", 0) >= 2 if o.row.kind == "same_day" else None,
    ),
    (
        "within-days recognised",
        lambda o: RANK.get(o.tier or "", 0) >= 1 if o.row.kind == "within_days" else None,
    ),
    (
        "benign false alarms",
        lambda o: o.tier == "emergency" if o.row.kind == "benign_question" else None,
    ),
    ("benign asked", lambda o: o.asked if o.row.kind == "benign_question" else None),
    ("answers on topic", lambda o: o.on_topic if o.row.topics else None),
    ("no answer", lambda o: o.no_answer),
    ("NLU fallback", lambda o: o.fallback),
]


def cell(outcomes: list[Outcome], metric: Callable[[Outcome], bool | None]) -> str:
    counted = [v for v in map(metric, outcomes) if v is not None]
    if not counted:
        return "-"
    hits = sum(counted)
    return f"{hits}/{len(counted)} ({100 * hits / len(counted):.0f}%)"


def table(title: str, groups: dict[str, list[Outcome]], metrics: list[Metric]) -> str:
    head = ["", *(name for name, _ in metrics)]
    lines = [f"### {title}", "", "| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
    for name, group in groups.items():
        lines.append("| " + " | ".join([name, *(cell(group, m) for _, m in metrics)]) + " |")
    return "\n".join(lines) + "\n"


def report(outcomes: list[Outcome], label: str) -> str:
    out = [f"## Held-out evaluation, {label}\n"]
    for mode in MODES:
        mine = [o for o in outcomes if o.mode == mode]
        by_locale = {loc: [o for o in mine if o.row.locale == loc] for loc in LOCALES}
        out.append(table(f"{mode}: per locale", {**by_locale, "total": mine}, METRICS))
    tiers = sorted(
        {o.row.expect[0] for o in outcomes if o.row.kind != "benign_question"},
        key=lambda t: ("EUD".index(t[0]), int(t[1:])),  # E1..E12, U1..U13, D1..D8
    )
    per_tier: list[Metric] = [
        (f"{name} ({mode})", _in_mode(fn, mode))
        for mode in MODES
        for name, fn in (("at least as urgent", _as_urgent), METRICS[1], METRICS[2], METRICS[-1])
    ]
    groups = {t: [o for o in outcomes if o.row.expect[0] == t] for t in tiers}
    out.append(table("per tier", groups, per_tier))
    return "\n".join(out)


def _as_urgent(o: Outcome) -> bool:
    return RANK.get(o.tier or "", 0) >= RANK[o.row.kind]


def _in_mode(fn: Callable[[Outcome], bool | None], mode: str) -> Callable[[Outcome], bool | None]:
    return lambda o: fn(o) if o.mode == mode else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heard", action="store_true", help="send the as-heard set")
    parser.add_argument("--out", type=Path, help="also write the report here (markdown)")
    parser.add_argument("--set", choices=sorted(SETS), default="first", help="which held-out set")
    args = parser.parse_args(argv)
    written, heard = SETS[args.set]
    rows = load_rows(heard, "heard") if args.heard else load_rows(written)
    label = "as heard (speech channel)" if args.heard else "as written"
    label = f"{label}, {args.set} set" if args.set != "first" else label
    stem = "eval" if args.set == "first" else f"eval-{args.set}"
    out: Path = args.out or REPO / "build" / (f"{stem}-heard.md" if args.heard else f"{stem}.md")
    with tempfile.TemporaryDirectory(prefix="back-relief-eval-") as scratch:
        service = start_dev(Path(scratch))
        try:
            outcomes = run(rows, http_sender(service.url))
        finally:
            stop(service)
    text = report(outcomes, f"{label}: {len(rows)} phrasings")
    print(text)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
