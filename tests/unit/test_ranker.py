"""The learnt topic ranker (content/ranker.py): shipped fresh, used by the skill where the
keyword matcher has nothing, and never a dependency (a broken file leaves the matcher alone).

The phrasing below was written for this test, after the model was trained, in words no
development set or keyword holds ("buzzing sticky pad gadget" for a TENS machine; checked with
grep): the matcher alone reads only "help" in it and gives the general easing answer.
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
