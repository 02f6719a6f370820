"""The answer matcher's scoring tables as `make model` writes them: content/matcher_tables.json.

Building the matcher from ~1,300 keyword phrases (each word's weight and home answer, the
one-word and exact-keyword answers, the phrase index) cost the deployed INIT, which rehearses a
free-text question, about 5 ms, and an embedded store's first question the same. The tables are
a pure function of the answers' keywords and needs (and of matcher.py's code), so `make model`
builds them once per distinct set of answers (every locale shares one today). At run time a
matcher takes them only when they were built from the very answers it is given, keyed by a hash
of those answers (inputs_hash); otherwise it builds them as before. A change to the matcher's
code leaves the hash alone, like keyword_tokens.json: `make test` (the build's --check) refuses
a stale file, and tests/performance/test_precomputed.py checks the stored tables equal the ones
built from source. JSON, not pickle: the file is data, diffable and safe to load.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from ..sha import sha256_hex

# os.path, not pathlib: importing pathlib cost Lambda's INIT ~2 ms.
TABLES = os.path.join(os.path.dirname(__file__), "matcher_tables.json")
# What each stored entry holds besides its "inputs" hash (matcher.AnswerMatcher reads them).
KEYS = ("weight", "home", "one_word", "index")  # the exact-keyword table is read off "index"


def inputs_hash(answers: Mapping[str, Mapping[str, Any]]) -> str:
    """Names what a matcher's tables are built from: each answer's id, keywords and needs,
    in order."""
    inputs = [
        [answer_id, list(entry.get("keywords", ())), list(entry.get("needs", ()))]
        for answer_id, entry in answers.items()
    ]
    return sha256_hex(json.dumps(inputs, ensure_ascii=False).encode())


@cache
def _entries() -> dict[str, dict[str, Any]]:
    """inputs hash -> tables, as shipped; empty when missing or unreadable."""
    try:
        with open(TABLES, encoding="utf-8") as fh:
            data = json.load(fh)
        entries = {entry["inputs"]: entry for entry in data["tables"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {
        key: entry
        for key, entry in entries.items()
        if isinstance(key, str) and all(isinstance(entry.get(k), dict) for k in KEYS)
    }


def stored(answers: Mapping[str, Mapping[str, Any]]) -> dict[str, Any] | None:
    """The shipped tables built from these answers, or None (none were)."""
    entries = _entries()
    return entries.get(inputs_hash(answers)) if entries else None


def render(entries: Iterable[dict[str, Any]]) -> str:
    """The TABLES file for these entries ({"inputs": hash, KEYS...}), one table per line."""
    blocks = []
    for entry in entries:
        lines = [
            f"      {json.dumps(key)}: {json.dumps(entry[key], ensure_ascii=False, sort_keys=True)}"
            for key in ("inputs", *KEYS)
        ]
        blocks.append("    {\n" + ",\n".join(lines) + "\n    }")
    return (
        "{\n"
        '  "generated_by": "python -m interaction_models.build (content/*.toml)",\n'
        '  "tables": [\n' + ",\n".join(blocks) + "\n  ]\n}\n"
    )
