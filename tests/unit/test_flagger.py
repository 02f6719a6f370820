"""The learnt red-flag second opinion (safety/flagger.py): shipped fresh, asked only where no rule
found or asked anything, a yes/no question unless surer (SURE) than of all but about one in
1,000 benign rows of writers it never saw, never over a rule's finding, and never a
dependency (a broken or missing file leaves today's rules alone).

The behaviour test speaks tests/unit/data/flag_unseen.tsv through the skill: 30 red flags and 30
benign things someone on the floor says, written by hand for this test BEFORE the model existed
(some spelt as a recogniser returns them), never trained or tuned on (flag_model.py refuses the
file; a test below checks no training row holds one of them).
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from back_relief.alexa import first
from back_relief.content import loader
from back_relief.content.ranker import ALPHABET
from back_relief.safety import flagger
from back_relief.safety.tiers import Finding, Tier
from back_relief.safety.triage import TriageRules, assess, clarify
from back_relief.simulator.conversation import Device, Reply
from back_relief.skill import build
from back_relief.store.local import LocalStore
from back_relief.text import normalise

from interaction_models import flag_model
from tests.builders.skill import EMERGENCY, LOCALES, invoke, sure_of

Say = Callable[[str, str], tuple[Reply, Device]]


def unseen() -> list[tuple[str, str]]:
    """(kind E or N, text) of each row of the behaviour test's own file."""
    lines = flag_model.UNSEEN.read_text(encoding="utf-8").splitlines()
    table = csv.DictReader([line for line in lines if not line.startswith("#")], delimiter="\t")
    return [(row["kind"], row["utterance"]) for row in table]


def rules() -> TriageRules:
    return loader.load("en-GB").triage


def test_the_shipped_model_learnt_from_todays_rows() -> None:
    # The retrain itself, compared within same_model's tolerance, is `build --check` (make
    # test runs it before the tests); here, fast: the rows and settings it learnt from.
    with open(flagger.MODEL, encoding="utf-8") as fh:
        shipped = json.load(fh)
    every = flag_model.hashed_docs(flag_model.rows())
    assert shipped["trained_on"] == flag_model.fingerprint(every)


def test_a_retrained_model_may_differ_by_a_rounding_step_in_a_few_weights_and_nothing_more() -> (
    None
):
    with open(flagger.MODEL, encoding="utf-8") as fh:
        text = fh.read()
    shipped = json.loads(text)
    code = {ch: i for i, ch in enumerate(ALPHABET)}
    red_flags = {ALPHABET[c] for c in range(len(flagger.CLASSES) - 1)}

    def changed(cells: Callable[[int, str, int], int], **fields: object) -> str:
        """The shipped model with each stored cell (bucket, class, steps) given new steps."""
        model = json.loads(text) | fields
        model["weights"] = [
            "".join(s[k] + ALPHABET[cells(b, s[k], code[s[k + 1]])] for k in range(0, len(s), 2))
            for b, s in enumerate(shipped["weights"])
        ]
        return json.dumps(model)

    def nudged(step: int, buckets: int) -> Callable[[int, str, int], int]:
        top = len(ALPHABET) - 1
        return lambda b, c, w: max(0, min(top, w + step * (c in red_flags and b < buckets)))

    same = flag_model.same_model
    few = 3  # a few buckets' red-flag cells, one step: float rounding on another machine
    assert same(text, changed(nudged(1, few)))
    # A class's shift moved by one step (its cells and its norm together) changes no score.
    norm = [n + (c == 0) for c, n in enumerate(shipped["norm"])]
    top = len(ALPHABET) - 1
    assert same(text, changed(lambda b, c, w: min(top, w + (c == ALPHABET[0])), norm=norm))
    # Every red flag's cells one step up: leads rise by up to 2 steps a word. Not the same model.
    assert not same(text, changed(nudged(1, len(shipped["weights"]))))
    assert not same(text, changed(nudged(2, few)))
    assert not same(text, changed(nudged(0, 0), trained_on="0" * 16))
    assert not same(text, changed(nudged(0, 0), bias=[b + 2 for b in shipped["bias"]]))
    assert not same(text, json.dumps(json.loads(text) | {"bias": shipped["bias"][:-1]}))


def test_no_training_row_is_one_of_the_behaviour_tests_rows() -> None:
    trained = {normalise(row.text) for row in flag_model.rows()}
    assert not [text for _, text in unseen() if normalise(text) in trained]


@pytest.fixture
def say() -> Iterator[Say]:
    """Say one thing in a fresh one-shot session in a locale: the reply and the device."""
    with tempfile.TemporaryDirectory() as store_dir:
        skill = build(store=lambda: LocalStore(Path(store_dir)))

        def said(text: str, locale: str) -> tuple[Reply, Device]:
            device = Device(lambda event: invoke(skill, event), locale=locale)
            return device.say(text), device

        yield said
    flagger.shipped.cache_clear()


def questions(locale: str) -> list[str]:
    return [str(t["ask"]) for t in loader.load(locale).triggers.values() if "ask" in t]


def heard(say: Say) -> list[tuple[str, str, str, Reply, Device]]:
    """(kind, text, locale, reply, device) for every row, the locales taken in turn."""
    out = []
    for i, (kind, text) in enumerate(unseen()):
        locale = LOCALES[i % len(LOCALES)]
        reply, device = say(text, locale)
        out.append((kind, text, locale, reply, device))
    return out


def test_unseen_red_flags_hear_the_number_more_often_and_benign_words_are_not_asked(
    say: Say, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as without:
        without.setattr(flagger, "shipped", lambda: None)
        alone = {text: reply.text for _, text, _, reply, _ in heard(say)}
    emergency = {locale: str(loader.load(locale).tiers["emergency"]["say"]) for locale in LOCALES}
    reached_before = reached_after = benign_hedged = 0
    for kind, text, locale, reply, device in heard(say):
        number = f"call {EMERGENCY[locale]}"
        before = number in alone[text]
        if kind == "E":
            reached_before += before
            reached_after += number in reply.text
            # The model only adds: every red flag the rules reached is reached as before.
            assert not before or number in reply.text, text
        if reply.text == alone[text]:
            continue
        # Where the model changed the reply it asked a red flag's question, with the number
        # to call if so, and did NOT give the emergency answer on its own.
        assert any(q in reply.text for q in questions(locale)), (text, reply.text)
        assert f"If so, call {EMERGENCY[locale]} now" in reply.text
        assert emergency[locale] not in reply.text and not reply.ends_session
        if kind != "E":
            # A benign speaker may be hedged (round 11): the reply they would have had is
            # kept and the question follows it; never asked instead of it.
            assert reply.text.startswith(alone[text].split(". ")[0]), (text, reply.text)
            benign_hedged += 1
            continue
        # ... and "yes" gets the emergency answer.
        yes = device.intent("AMAZON.YesIntent")
        assert number in yes.text and yes.ends_session
    assert reached_after > reached_before, (reached_before, reached_after)
    # The hedge's budget (flagger.HEDGE): a few benign speakers in a hundred, not more.
    benign = sum(kind != "E" for kind, _ in unseen())
    assert benign_hedged <= benign * 0.05, benign_hedged


def test_the_model_asks_beside_a_finding_only_when_far_surer_and_yes_traces_to_a_rule(
    say: Say, monkeypatch: pytest.MonkeyPatch
) -> None:
    same_day = "the pain is worse at night and it wakes me up"
    assert assess(rules(), [same_day]) == Finding(Tier.SAME_DAY, "U4")
    advice = str(loader.load("en-AU").tiers["same_day"]["say"])[:40]
    question = str(loader.load("en-AU").triggers["E7"]["ask"])
    assert clarify(rules(), [same_day], learnt=False) is None
    # Sure enough to ask where nothing fired, not to ask beside a finding: the advice alone.
    # (Below SURE too, which since round 24 sits under BESIDE: where nothing fired, a lead
    # past SURE is the emergency answer itself, the next test's.)
    asks = min(flagger.BESIDE, flagger.SURE) - 1
    assert asks >= flagger.MARGIN
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E7", asks))
    reply, _ = say(same_day, "en-AU")
    assert advice in reply.text and question not in reply.text, reply.text
    # Where no rule reads anything the model's sign is asked, and "yes" is E7's answer.
    reply, device = say("the cat has been asleep on the sofa all morning", "en-AU")
    assert question in reply.text and "If so, call triple zero now" in reply.text
    assert device.intent("AMAZON.YesIntent").ends_session
    # The rules alone (learnt=False) never consult it.
    assert clarify(rules(), ["the cat has been asleep on the sofa all morning"], False) is None
    # Far surer: the same-day advice first, then the question with the number; yes is E7's.
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E7", flagger.BESIDE))
    reply, device = say(same_day, "en-AU")
    assert advice in reply.text and question in reply.text, reply.text
    assert reply.text.index(advice) < reply.text.index(question)
    assert "If so, call triple zero now" in reply.text and not reply.ends_session
    yes = device.intent("AMAZON.YesIntent")
    assert str(loader.load("en-AU").tiers["emergency"]["say"]) in yes.text and yes.ends_session


def test_far_surer_the_model_gives_the_emergency_answer_over_a_finding_only_all_but_certain(
    say: Say, monkeypatch: pytest.MonkeyPatch
) -> None:
    nothing = "the cat has been asleep on the sofa all morning"  # no rule reads a thing
    question = str(loader.load("en-IN").triggers["E4"]["ask"])
    emergency = str(loader.load("en-IN").tiers["emergency"]["say"])
    # Just under SURE: the sign's question with the number, the session open for "yes".
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E4", flagger.SURE - 0.2))
    reply, _ = say(nothing, "en-IN")
    assert question in reply.text and "call one one two now" in reply.text
    assert not reply.ends_session
    # At SURE: the emergency answer itself, in the locale's words and number, and it ends.
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E4", flagger.SURE))
    reply, _ = say(nothing, "en-IN")
    assert emergency in reply.text and reply.ends_session, reply.text
    # A fall or a blow (E8) and a pregnancy's sign (E12) are only ever asked about: "hit by a
    # wave of grief" is a figure, and a pregnant asker's tummy talk is everyday.
    for sign in ("E8", "E12"):
        monkeypatch.setattr(flagger, "shipped", lambda sign=sign: sure_of(sign, flagger.SURE + 10))
        reply, _ = say(nothing, "en-IN")
        assert "call one one two now" in reply.text and not reply.ends_session, reply.text
    assert first.assess(loader.load("en-IN"), ["i got hit by a wave of grief"]) is None
    monkeypatch.undo()
    pregnant = "i'm twenty weeks pregnant and my tummy is itchy"  # the third review: shipped
    assert first.assess(loader.load("en-IN"), [pregnant]) is None
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E4", flagger.SURE))
    # A rule's finding stands: same-day advice is not raised to an emergency by the model...
    same_day = "the pain is worse at night and it wakes me up"
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E4", flagger.RAISE - 0.2))
    reply, _ = say(same_day, "en-IN")
    assert emergency not in reply.text and not reply.ends_session, reply.text
    # ... unless it is all but certain (flagger.RAISE, where no other row of an unseen writer
    # led): then the emergency answer, in the locale's words, and never for a fall or blow.
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E4", flagger.RAISE))
    reply, _ = say(same_day, "en-IN")
    assert emergency in reply.text and reply.ends_session, reply.text
    assert first.assess(loader.load("en-IN"), [same_day]) == Finding(Tier.EMERGENCY, "E4")
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E8", flagger.RAISE + 10))
    assert first.assess(loader.load("en-IN"), [same_day]) == Finding(Tier.SAME_DAY, "U4")


def test_one_legs_numbness_is_asked_about_never_answered_as_both_legs(
    say: Say, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Round 24's safety reviews: past SURE the model answered "left leg is numb since morning"
    # as E6 (both legs); the reference puts one leg within days (D5). Asked, with the number.
    question = str(loader.load("en-GB").triggers["E6"]["ask"])
    emergency = str(loader.load("en-GB").tiers["emergency"]["say"])
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E6", flagger.SURE + 10))
    one_leg = ("left leg is numb since morning", "my right thigh is numb but the other one's fine")
    for one in one_leg:
        assert first.assess(loader.load("en-GB"), [one]) is None, one
        reply, _ = say(one, "en-GB")
        assert question in reply.text and "call nine nine nine now" in reply.text, reply.text
        assert emergency not in reply.text and not reply.ends_session
    # Both sides named, however: the emergency answer ("the left and the right").
    both = "the left and the right are going weak and prickly"
    assert first.assess(loader.load("en-GB"), [both]) == Finding(Tier.EMERGENCY, "E6")


def test_where_the_rules_read_a_signs_words_as_no_report_the_model_only_asks(
    say: Say, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Round 17's safety review: reported questions denied at the end crossed SURE with the
    # shipped model (the model marks only the words AFTER a "not" as denied).
    denied = (
        "the nurse keeps asking if my legs are numb and they aren't",
        "my mum keeps asking if both my legs are numb and they aren't",
        "people keep asking if my legs are numb and tingling and they aren't",
    )
    content = loader.load("en-AU")
    for text in denied:
        assert assess(content.triage, [text]) is None  # the rules read it as no report
        assert first.assess(content, [text]) is None, text
    # However sure the model, words a rule holds stay a question, never the emergency answer.
    monkeypatch.setattr(flagger, "shipped", lambda: sure_of("E6", flagger.SURE + 10))
    reply, _ = say(denied[0], "en-AU")
    assert "call triple zero now" in reply.text and not reply.ends_session, reply.text
    assert str(content.tiers["emergency"]["say"]) not in reply.text


@pytest.mark.parametrize("text", ["{not json", '{"classes": [], "bias": 3}', "[1, 2]", ""])
def test_a_missing_or_corrupt_model_leaves_the_rules_alone(
    say: Say, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, text: str
) -> None:
    broken = tmp_path / "flagger.json"
    if text:  # "": no file at all
        broken.write_text(text, encoding="utf-8")
    monkeypatch.setattr(flagger, "MODEL", str(broken))
    flagger.shipped.cache_clear()
    for _, row in unseen():
        assert clarify(rules(), [row]) == clarify(rules(), [row], learnt=False), row
    reply, _ = say("i cant fee my bum at all", "en-IN")
    assert reply.text  # a reply, not a crash


def test_a_model_for_other_classes_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file from another version of the model (its classes differ) reads as no model."""
    model = '{"classes": ["E1", "none"], "bias": [100, 0], "norm": [0, 0], "weights": ["", ""]}'
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        fh.write(model)
    monkeypatch.setattr(flagger, "MODEL", fh.name)
    flagger.shipped.cache_clear()
    try:
        assert flagger.shipped() is None
        assert flagger.flagged(["anything at all"]) is None
    finally:
        flagger.shipped.cache_clear()
        Path(fh.name).unlink()


def test_pregnancy_with_back_pain_alone_is_hedged_never_asked_in_place_of_its_answer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """E12 is bleeding or tummy pain in a pregnancy: a model sure of E12 from the pregnancy and
    the back alone (round 12's rows taught it that) keeps the answer and hedges; the sign said,
    not denied, is asked."""
    bias = [100 if c == "E12" else 0 for c in flagger.CLASSES]
    model = {"classes": list(flagger.CLASSES), "bias": bias, "norm": [0] * len(bias)}
    model["weights"] = [""] * len(bias)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(model, fh)
    monkeypatch.setattr(flagger, "MODEL", fh.name)
    flagger.shipped.cache_clear()
    try:
        assert flagger.shipped() is not None
        context = normalise("i'm twenty six weeks along and my lower back is stiff")
        assert flagger.flagged([context]) is None
        lead = flagger.leads([context])[0]
        assert lead is not None and flagger.HEDGE <= lead[1] < flagger.MARGIN
        denied = normalise("twenty six weeks along, no bleeding, lower back is stiff")
        assert flagger.flagged([denied]) is None
        sign = normalise("i'm twenty six weeks along and there's blood on the sheets")
        assert flagger.flagged([sign]) == "E12"
        said = flagger.leads([sign])[0]
        assert said is not None and said[0] == "E12" and said[1] >= flagger.MARGIN
    finally:
        flagger.shipped.cache_clear()
        Path(fh.name).unlink()
