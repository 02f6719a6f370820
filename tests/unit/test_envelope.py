"""Reading request bodies: valid Unicode in any spelling passes, invalid Unicode never does."""

from __future__ import annotations

import pytest
from back_relief.hosting.envelope import VerificationError, parse_envelope


@pytest.mark.parametrize(
    "body",
    [
        '{"v": "ice 🧊"}'.encode(),  # raw UTF-8
        b'{"v": "ice \\ud83e\\uddca"}',  # the same, as an escaped surrogate pair
        b'\xef\xbb\xbf{"v": "ice"}',  # a byte order mark
    ],
)
def test_valid_unicode_passes_in_both_modes(body: bytes) -> None:
    assert parse_envelope(body)["v"].startswith("ice")
    assert parse_envelope(body, lenient=True) == parse_envelope(body)


@pytest.mark.parametrize(
    ("body", "lenient_value"),
    [
        (b'{"v": "a\\ud83d"}', "a\ufffd"),  # high surrogate alone
        (b'{"v": "\\udc00b"}', "\ufffdb"),  # low surrogate alone
        (b'{"v": "\\ude00\\ud83d"}', "\ufffd\ufffd"),  # a pair in the wrong order
        (b'{"v": "a\xffb"}', "a\ufffdb"),  # a byte that is not UTF-8
    ],
)
def test_invalid_unicode_is_refused_strictly_and_replaced_leniently(
    body: bytes, lenient_value: str
) -> None:
    with pytest.raises(VerificationError, match="invalid Unicode"):
        parse_envelope(body)
    assert parse_envelope(body, lenient=True) == {"v": lenient_value}


def test_a_lone_surrogate_in_a_key_deep_inside_is_found() -> None:
    body = b'{"a": [{"b": {"\\ud800": 1}}]}'
    with pytest.raises(VerificationError, match="invalid Unicode"):
        parse_envelope(body)
    assert parse_envelope(body, lenient=True) == {"a": [{"b": {"\ufffd": 1}}]}
