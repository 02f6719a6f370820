"""ask-sdk's serializer with its two hot spots taken out; what it produces is unchanged.

ask-sdk-core 1.19 parses every request's timestamp with dateutil's general-purpose parser,
about 40% of a warm request here. Alexa sends ISO 8601 ("2026-11-01T12:00:00Z"), which
datetime.fromisoformat reads directly on Python 3.11+; anything it cannot read still goes to
ask-sdk's own parser. And it resolves every model class from its dotted name with __import__
on every request (a dozen per envelope); the answer never changes, so it is remembered.
tests/performance pins that both paths are taken and that the results equal ask-sdk's.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from ask_sdk_core.serialize import DefaultSerializer

_CLASSES: dict[str, Any] = {}


class FastSerializer(DefaultSerializer):
    def deserialize_object(self, payload: dict[str, Any], obj_type: str) -> Any:
        """Like deserialize(), for a payload that is already parsed JSON (Lambda and Flask
        both hand us a dict): skips a json.dumps + json.loads round trip per request."""
        return self._DefaultSerializer__deserialize(payload, obj_type)  # type: ignore[attr-defined]

    # These names are how DefaultSerializer's private (name-mangled) methods are spelled from
    # outside its class, so ask-sdk's own deserializer calls these instead.
    def _DefaultSerializer__deserialize_datetime(self, payload: Any, obj_type: Any) -> Any:
        if isinstance(payload, str):
            try:
                parsed = datetime.fromisoformat(payload)
            except ValueError:
                pass
            else:
                return parsed.date() if obj_type is date else parsed
        return super()._DefaultSerializer__deserialize_datetime(payload, obj_type)  # type: ignore[misc]

    def _DefaultSerializer__load_class_from_name(self, class_name: str) -> Any:
        resolved = _CLASSES.get(class_name)
        if resolved is None:  # failures raise and are not remembered
            resolved = super()._DefaultSerializer__load_class_from_name(class_name)  # type: ignore[misc]
            _CLASSES[class_name] = resolved
        return resolved
