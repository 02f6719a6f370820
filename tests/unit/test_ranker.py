"""The learnt topic ranker (content/ranker.py): shipped fresh, used by the skill where the
keyword matcher has nothing, and never a dependency (a broken file leaves the matcher alone).

The phrasings below were written for these tests, after the model was trained, in words no
development set or keyword holds ("buzzing sticky pad gadget" for a TENS machine, "physeo" as a
recogniser might spell physio; checked with grep): the matcher alone reads only "help" in the
first and is not sure of the others.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from back_relief.content import loader, ranker
from back_relief.simulator.conversation import Device
from back_relief.skill import build
from back_relief.store.local import LocalStore

from interaction_models import rank_model
from tests.builders.skill import invoke

UNSEEN = "does the buzzing sticky pad gadget help"
# Misheard physio: two of the skill's telling words ("sessions", "exercises") besides it ...
MISHEARD = "are physeo sessions and exercises any help"
# ... and one only ("session"): as little as chatter holds ("play some jazz"). Not "worth it"
# or "booking": since round 28 "book a physio", "physio worth it" are physio's own phrases.
MISHEARD_ALONE = "is physeo session any use"


def test_the_shipped_model_is_what_make_model_trains() -> None:
    with open(ranker.MODEL, encoding="utf-8") as fh:
        assert fh.read() == rank_model.model_text()


@pytest.fixture
def ask() -> Iterator[object]:
    """Ask the skill one question in a fresh session; the reply's card title."""
    with tempfile.TemporaryDirectory() as store_dir:
        skill = build(store=lambda: LocalStore(Path(store_dir)))

        def said(text: str) -> str:
            device = Device(lambda event: invoke(skill, event), locale="en-GB")
            reply = device.say(text)
            return str((reply.response.get("card") or {}).get("title") or reply.text)

        yield said
    ranker.shipped.cache_clear()


def test_a_question_the_matcher_cannot_place_is_answered_by_the_model(
    ask: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    tens = loader.load("en-GB").answers["tens"]["title"]
    assert ask(UNSEEN) == tens  # type: ignore[operator]
    # The same words with no model: the matcher's general answer, so the model made the pick.
    monkeypatch.setattr(ranker, "shipped", lambda: None)
    assert ask(UNSEEN) != tens  # type: ignore[operator]


def test_a_misheard_question_the_matcher_is_not_sure_of_gets_the_models_answer_or_offer(
    ask: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    physio = loader.load("en-GB").answers["physio"]
    assert ask(MISHEARD) == physio["title"]  # type: ignore[operator]
    # One telling word is too little to answer on (chatter holds as much): the matcher's "not
    # sure" stands, and the topics it offers are the model's likeliest, physio first.
    offer = ask(MISHEARD_ALONE)  # type: ignore[operator]
    assert offer.startswith("Not sure") and f"about {physio['topic']} or" in offer
    # With no model, neither reply holds physio: the model answered and chose the offer.
    monkeypatch.setattr(ranker, "shipped", lambda: None)
    assert physio["topic"] not in ask(MISHEARD)  # type: ignore[operator]
    assert physio["topic"] not in ask(MISHEARD_ALONE)  # type: ignore[operator]


def test_the_model_overrules_only_a_weak_pick_and_never_a_kept_one() -> None:
    policy = ranker.POLICY
    sure = [(1 - 1e-6, "tens"), (1e-6, "stress")]
    assert ranker.decide(sure, "stress", 1.1, policy) == "tens"  # weak fit, model far surer
    assert ranker.decide(sure, "stress", float("inf"), policy) == "stress"  # an exact keyword
    assert ranker.decide(sure, "painkillers", 1.0, policy) == "painkillers"  # medicine stands
    # A matcher's pick the model finds a thousand times less likely still stands: naive Bayes
    # is overconfident.
    likelier = [(0.999, "tens"), (0.001, "stress")]
    assert ranker.decide(likelier, "stress", 1.1, policy) == "stress"
    # Not sure: the model answers only when sure and the turn holds enough telling words, and
    # never with an answer that is the matcher's alone (crisis, out of scope).
    assert ranker.decide(sure, None, 0.0, policy, telling=policy.telling) == "tens"
    assert ranker.decide(sure, None, 0.0, policy, telling=policy.telling - 1) is None
    own = [(1 - 1e-6, "out_of_scope"), (1e-6, "tens")]
    assert ranker.decide(own, None, 0.0, policy, telling=5) is None
    assert ranker.decide(own, "stress", 1.1, policy, telling=5) == "stress"


@pytest.mark.parametrize("text", ["{not json", '{"classes": [], "bias": 3}', "[1, 2]", ""])
def test_a_missing_or_corrupt_model_leaves_the_matcher_alone(
    ask: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str
) -> None:
    with monkeypatch.context() as without:
        without.setattr(ranker, "shipped", lambda: None)
        matcher_alone = ask(UNSEEN)  # type: ignore[operator]
    broken = tmp_path / "ranker.json"
    if text:  # "": no file at all
        broken.write_text(text, encoding="utf-8")
    monkeypatch.setattr(ranker, "MODEL", broken)
    ranker.shipped.cache_clear()
    assert ask(UNSEEN) == matcher_alone  # type: ignore[operator]


def test_corrupt_cells_score_nothing_instead_of_crashing() -> None:
    model = ranker.Ranker(
        {"classes": ["a", "b"], "bias": [0, -1], "norm": [0, 0], "weights": ["\\\\", "zz"] * 4}
    )
    assert model.top(("any", "words"))[0][1] == "a"
