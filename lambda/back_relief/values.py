"""Value: a frozen record class as cheap to define as a plain class.

`@dataclass(frozen=True)` generates and compiles its methods with exec() for every class, about
0.3 ms each at import; the engine's events and effects and the adapter's pending questions are
25 such classes, all imported at a cold start. A Value subclass is declared the same way
(annotated fields, class-level defaults) and behaves the same way: keyword or positional
construction, frozen, equal only to the same class with equal fields (Pain() != Gentler()),
hashable, a dataclass-like repr and positional match patterns. Its methods are shared, so
defining one costs a plain class. dataclass_transform tells type checkers all of this.

Fields are the class's own annotations, in order; subclassing a Value subclass is not supported
(nothing needs it). A default must be immutable (use a read-only mapping, never a dict).
"""

from __future__ import annotations

from typing import Any, ClassVar, dataclass_transform


class _Missing:
    pass


_MISSING = _Missing()


@dataclass_transform(eq_default=True, frozen_default=True)
class Value:
    __slots__ = ("__dict__",)
    fields: ClassVar[tuple[str, ...]] = ()  # the field names, in order
    _defaults: ClassVar[tuple[Any, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        annotations = cls.__dict__.get("__annotations__", {})
        names = tuple(n for n, a in annotations.items() if "ClassVar" not in str(a))
        cls.fields = names
        # Positional match patterns, as a dataclass has (a ClassVar to type checkers).
        cls.__match_args__ = names  # type: ignore[misc,attr-defined]
        cls._defaults = tuple(cls.__dict__.get(n, _MISSING) for n in names)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        names = self.fields
        if len(args) > len(names):
            raise TypeError(f"{type(self).__name__}() takes {len(names)} positional arguments")
        values = dict(zip(names, args, strict=False))  # fewer args than fields
        for name, value in kwargs.items():
            if name not in names or name in values:
                raise TypeError(f"{type(self).__name__}() got an unexpected or repeated {name!r}")
            values[name] = value
        if len(values) < len(names):
            for name, default in zip(names, self._defaults, strict=True):
                if name not in values:
                    if default is _MISSING:
                        raise TypeError(f"{type(self).__name__}() missing argument {name!r}")
                    values[name] = default
        object.__setattr__(self, "__dict__", values)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        same: bool = self._values() == other._values()  # type: ignore[attr-defined]
        return same

    def __hash__(self) -> int:
        return hash((self.__class__, self._values()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.fields)
        return f"{type(self).__qualname__}({fields})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r} of a frozen {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r} of a frozen {type(self).__name__}")
