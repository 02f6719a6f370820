"""Red flags said through a speech recogniser (text.py, heard.py, soundalike.py).

A recogniser writes the commonest word that fits the sound: "pee" as "pin", "bowels" as
"battles", "numb" as "none", "can't" as "can". These phrasings are written in those shapes
(not copied from the development sets) and must still reach the emergency answer; their
benign look-alikes must not. The heard development copies (tests/unit/data/*_heard_mix.tsv,
mixed voices through ../shared/asr) keep their figures.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest
from back_relief import text as text_module
from back_relief.safety.triage import Tier
from back_relief.soundalike import skill_words, soundalike
from back_relief.text import normalise

sys.path.insert(0, str(Path(__file__).parent))
import triage_dev2
import triage_dev3
from test_triage_concepts import tier

HEARD_EMERGENCIES = [
    "i can control my bladder anymore",  # "can't" heard as "can"
    "why cant i be ive been sat on the toilet for hours",  # "pee" as "be"
    "i need to pin but nothing comes out",  # "pee" as "pin"
    "the peace keeps dribbling out",  # "pee" as "peace"
    "i lost control of my battles",  # "bowels" as "battles"
    "food my trousers and never felt it",  # "pooed" as "food"
    "i swallowed myself on the sofa",  # "soiled" as "swallowed"
    "my bottom has gone none",  # "numb" as "none"
    "no feeling in my family when i wipe",  # "fanny" in a US voice
    "its number between my legs",  # "it's numb" as "its number"
    "i have numbers in my groin",  # "numbness" as "numbers"
    "i could not get interaction since my back went",  # "erection"
    "both my lakes just gave way",  # "legs" as "lakes"
    "i cant use either of my legs",
    "sudden chest been going through to my back",  # "pain" as "been"
    "my back feels like its staring apart",  # "tearing" as "staring"
    "i have nomeness in my bum",  # no word at all: a sound-alike key
    "urin keeps leaking out",
    "i have it past water all day",  # "haven't" as "have it"
    "he just dribbling down my leg and i cant stop it",  # "pee" as "he"
    "my luck leg and my right leg are numb",  # "left" as "luck"
    "his knees keep getting out on him",  # "giving" as "getting"
    "the inside of me thighs has gone numb",  # "me" for "my" (UK, AU, IE)
]

BENIGN_LOOK_ALIKES = [
    "i picked myself up off the floor",
    "the swelling has gone down",
    "i crack myself up",
    "i need to be careful getting up",
    "the peas just came out of the freezer",
    "i need a week off work",
    "my family is worried about me",
    "the pain has gone down a bit now",
    "i fed the cat before my back went",
    "this is my sixth spasm this year",
    "i can feel my legs fine",
    "can i move at all",
    "bloody hell my back hurts",
    "he keeps coming round to check on me",
    "my luck just gave out",
    "we just came back from the shops",
    "my weights dropped off the rack",
    "the dog keeps getting out on me",
]


def test_heard_red_flags_reach_the_emergency_answer() -> None:
    missed = [text for text in HEARD_EMERGENCIES if tier(text) != Tier.EMERGENCY]
    assert missed == []


def test_benign_look_alikes_stay_benign_and_keep_their_words() -> None:
    alarms = [text for text in BENIGN_LOOK_ALIKES if tier(text) == Tier.EMERGENCY]
    assert alarms == []
    # Nothing was read as a sound-alike: the words are the ones said.
    assert normalise("my weights dropped off the rack") == "my weights dropped off the rack"
    assert normalise("i picked myself up") == "i picked myself up"
    assert normalise("this is my sixth spasm") == "this is my sixth spasm"


def test_sound_alike_keys_fold_only_words_the_skill_never_wrote() -> None:
    known = skill_words()
    assert len(known) > 1000  # the content and voice model really were read
    folded = {word: soundalike(word) for word in known if soundalike(word)}
    assert folded == {}
    assert [soundalike(w) for w in ("nomeness", "urin", "chivering")] == [
        "numbness",
        "urine",
        "shivering",
    ]


def _written_sentences() -> list[str]:
    """Every sentence the skill writes (content, triage examples), each a thing a person might
    also say."""
    content = Path(text_module.__file__).parent / "content" / "en"
    out: list[str] = []

    def walk(node: object, name: str = "") -> None:
        if name in ("patterns", "concepts", "pattern_words", "unsettled"):
            return  # regexes, not sentences
        if isinstance(node, str):
            out.extend(re.split(r"[.!?;:]\s+", node))
        elif isinstance(node, list):
            for item in node:
                walk(item, name)
        elif isinstance(node, dict):
            for key, item in node.items():
                walk(item, key)

    for path in sorted(content.glob("*.toml")):
        with path.open("rb") as fh:
            walk(tomllib.load(fh))
    return [sentence for sentence in out if len(sentence.split()) > 1]


def test_written_text_reads_the_same_with_or_without_the_heard_folds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentences = _written_sentences()
    assert len(sentences) > 1000
    folded = [normalise(sentence) for sentence in sentences]
    monkeypatch.setattr(text_module, "fold_heard", lambda text: text)
    monkeypatch.setattr(text_module, "soundalike", lambda word: None)
    # Emergency numbers typed as digits ("call 911") are read as said, like "4th" as "fourth":
    # only the forms learnt from the recogniser are left out.
    numbers = {f: v for f, v in text_module.heard_forms().items() if f.isdigit()}
    monkeypatch.setattr(text_module, "heard_forms", lambda: numbers)
    plain = normalise.__wrapped__  # normalise() keeps recent answers: read each one afresh
    changed = [
        (sentence, heard)
        for sentence, heard in zip(sentences, folded, strict=True)
        if plain(sentence) != heard
    ]
    assert changed == []


def test_heard_development_copies_keep_their_figures() -> None:
    """The mixed-voice heard copies (about 13-18% WER): recall well above what the same rows
    got before the folds (dev2 74%, dev3 68%), and benign rows rarely alarm (the one dev3
    alarm is a question about an ambulance that triage answers as an emergency as written)."""
    for path, recall in ((triage_dev2.MIX, 0.85), (triage_dev3.MIX, 0.75)):
        figures = triage_dev2.measure(path, "heard")
        assert figures.rate("E") >= recall, figures.misses.get("E")
        assert figures.rate("N") <= 0.05, figures.misses.get("N")


def test_an_ampersand_is_said_and() -> None:
    # Typed or transcribed text ("A&E", "pins & needles") reaches triage and the matcher as
    # the words said: one normaliser for both.
    assert normalise("pins & needles in both legs") == "pins and needles in both legs"
    assert normalise("should I go to A&E") == normalise("should i go to a and e")
