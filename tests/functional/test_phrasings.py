"""Natural phrasings, spoken through the generated voice model, reach the right answer.

Not copied from the model's samples: these are the ways people talk when lying on the floor
(no apostrophes from speech-to-text, statements rather than questions, slang).
"""

from __future__ import annotations

import pytest
from back_relief.content.loader import load

from tests.builders.skill import Session

CONTENT = load("en-US")
ANSWER_PHRASINGS = [
    ("is it better to use heat or ice", "ice_or_heat"),
    ("can i go to the gym with a back spasm", "exercise"),
    ("my back has gone into spasm what do i do", "relief_overview"),
    ("i threw my back out", "relief_overview"),
    ("how long do back spasms usually last", "how_long_lasts"),
    ("should i stay in bed", "bed_rest"),
    ("whats the best sleeping position for back pain", "sleep_position"),
    ("can i take ibuprofen", "painkillers"),
    ("can i use a heating pad overnight", "sleep_with_heat"),
    ("what about a foam roller", "foam_roller"),
    ("should i see a chiropractor", "chiropractor"),
    ("can you call an ambulance", "call_for_me"),
    ("how much paracetamol can i take", "doses"),
]
RED_FLAGS = [
    ("i peed myself", "emergency"),
    ("my legs feel weak and numb", "emergency"),
    ("i fell down the stairs and my back hurts", "emergency"),
    ("im having chest pains", "emergency"),
    ("both my legs are tingling", "emergency"),
    ("i cant wee", "emergency"),
    ("theres a lump on my back", "same_day"),
    ("its killing me when i sneeze", "same_day"),
]


def _answer_text(answer_id: str) -> str:
    return str(CONTENT.answers[answer_id]["say"])


@pytest.mark.parametrize(("utterance", "answer_id"), ANSWER_PHRASINGS)
def test_phrasing_gets_its_answer(session: object, utterance: str, answer_id: str) -> None:
    talk: Session = session()  # type: ignore[operator]
    reply = talk.say(utterance)
    first_sentence = _answer_text(answer_id).split(". ")[0]
    assert first_sentence in reply.text, (utterance, reply.text)


@pytest.mark.parametrize(("utterance", "tier"), RED_FLAGS)
def test_blurted_red_flag_gets_its_tier(session: object, utterance: str, tier: str) -> None:
    talk: Session = session(locale="en-AU")  # type: ignore[operator]
    reply = talk.say(utterance)
    assert load("en-AU").tiers[tier]["say"] in reply.text, (utterance, reply.text)
