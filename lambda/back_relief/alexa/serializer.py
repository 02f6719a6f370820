"""ask-sdk's serializer with its hot spot replaced: timestamps read by the standard library.

ask-sdk-core 1.19 parses every request's timestamp with dateutil's general-purpose parser,
about 40% of a warm request here. Alexa sends ISO 8601 ("2026-11-01T12:00:00Z"), which
datetime.fromisoformat reads directly on Python 3.11+; anything it cannot read still goes to
ask-sdk's own parser, so the result never differs (tests/performance pins both halves).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer


class FastSerializer(DefaultSerializer):
    # This is how DefaultSerializer's private (name-mangled) __deserialize_datetime is spelled
    # from outside its class, so ask-sdk's own deserializer calls this instead.
    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:
        if isinstance(payload, str):
            try:
                parsed = datetime.fromisoformat(payload)
            except ValueError:
                pass
            else:
                return parsed.date() if obj_type is date else parsed
        return super()._DefaultSerializer__deserialize_datetime(payload, obj_type)  # type: ignore[misc]
