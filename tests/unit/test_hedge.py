"""The hedge (safety/flagger.py HEDGE, handlers/safety.py say_checked) on words it never saw:
tests/unit/data/hedge_unseen.tsv, a question beside words near a warning sign (E) and plainly
benign questions (Q), written by hand for this test before the hedge existed, never tuned on.
No red flag there is a training row; 7 of the 16 everyday benign questions are also answers-set
rows (the commonest things people ask), which the model learnt as benign. Benign askers keep
their reply word for word; where the model changed a red flag's reply it kept the answer's
opening and added the sign's question with the number.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from back_relief.content import loader
from back_relief.safety import flagger
from back_relief.simulator.conversation import Device, Reply
from back_relief.skill import build
from back_relief.store.local import LocalStore
from back_relief.text import normalise

from interaction_models import flag_model
from tests.builders.skill import EMERGENCY, LOCALES, invoke

HEDGE_UNSEEN = flag_model.DATA / "hedge_unseen.tsv"
Say = Callable[[str, str], Reply]


def unseen() -> list[tuple[str, str]]:
    lines = HEDGE_UNSEEN.read_text(encoding="utf-8").splitlines()
    table = csv.DictReader([line for line in lines if not line.startswith("#")], delimiter="\t")
    return [(row["kind"], row["utterance"]) for row in table]


@pytest.fixture
def say() -> Iterator[Say]:
    with tempfile.TemporaryDirectory() as store_dir:
        skill = build(store=lambda: LocalStore(Path(store_dir)))

        def said(text: str, locale: str) -> Reply:
            return Device(lambda event: invoke(skill, event), locale=locale).say(text)

        yield said
    flagger.shipped.cache_clear()


def test_no_training_row_is_one_of_the_hedge_tests_red_flags() -> None:
    trained = {normalise(row.text) for row in flag_model.rows()}
    assert not [text for kind, text in unseen() if kind == "E" and normalise(text) in trained]


def test_a_plainly_benign_question_is_answered_with_no_hedge(say: Say) -> None:
    reply = say("how long should i ice it", "en-GB")
    asks = [str(t["ask"]) for t in loader.load("en-GB").triggers.values() if "ask" in t]
    assert not any(ask in reply.text for ask in asks), reply.text
    assert "call nine nine nine" not in reply.text
    lead = flagger.strongest([normalise("how long should i ice it")])
    assert lead is not None and lead[1] < flagger.HEDGE


def test_near_misses_keep_their_answer_and_hear_the_number_benign_questions_unchanged(
    say: Say, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [(kind, text, LOCALES[i % len(LOCALES)]) for i, (kind, text) in enumerate(unseen())]
    with monkeypatch.context() as without:
        without.setattr(flagger, "shipped", lambda: None)
        alone = {text: say(text, locale).text for _, text, locale in rows}
    for kind, text, locale in rows:
        reply = say(text, locale)
        if kind == "Q":
            # Word for word what the skill said without the model: no question, no number.
            assert reply.text == alone[text], (text, reply.text)
            continue
        number = f"call {EMERGENCY[locale]}"
        assert number in reply.text or number not in alone[text], text  # it only adds
        if reply.text == alone[text]:
            continue
        # Where the model changed a red flag's reply, it asked the sign with the number, and
        # an answer it kept is whole. (How many it reaches depends on the rows it learnt: the
        # round-11 model, with more benign look-alikes, reaches none of these below MARGIN;
        # tests/conversation/test_hedged_answers.py pins a score to test the hedge's shape.)
        assert f"If so, call {EMERGENCY[locale]} now" in reply.text, reply.text
        kept = alone[text].split("?")[0]  # the plain reply up to its own question, if any
        assert reply.text.startswith(kept) or kept not in reply.text, (text, reply.text)
