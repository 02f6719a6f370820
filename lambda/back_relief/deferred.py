"""`ask_sdk_model.services` without running its `__init__`.

That `__init__` imports the SDK's ServiceClientFactory, which imports the client and models of
every Alexa service (directive, lists, monetization, proactive events, addresses, ...): about
140 modules and 25 ms of every cold start (`make bench`). This skill calls two services, Timers
and Reminders, and every module under the package (the API client, the serializer's base,
those two services) imports the package first. So before any of them is imported, the package
is registered with a PEP 562 `__getattr__` that hands out each class the `__init__` exports from
that class's own submodule, on first use: the SDK's own objects; only when they load changes.
The SDK is generated code, and each of those classes lives in the module named after it
(ServiceClientFactory in service_client_factory); tests/unit/test_runtime.py checks every name
the installed `__init__` exports against it.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from typing import Any

SERVICES = "ask_sdk_model.services"
_WORD_START = re.compile(r"(?<!^)(?=[A-Z])")


def home(name: str) -> str | None:
    """The submodule a class the package exports lives in; None for any other name."""
    return _WORD_START.sub("_", name).lower() if name[:1].isupper() else None


def defer_services_package() -> bool:
    """Install the deferred `ask_sdk_model.services`; False if it was already imported (then
    everything it exports is loaded already, and nothing changes)."""
    if SERVICES in sys.modules:
        return False
    try:
        spec = importlib.util.find_spec(SERVICES)
    except ModuleNotFoundError:  # no SDK: the import that needs it says so, where it is
        return False
    if spec is None or spec.submodule_search_locations is None:
        return False  # not the package this was written for: let the import system do its work
    package = importlib.util.module_from_spec(spec)

    def __getattr__(name: str) -> Any:  # PEP 562: called only for names not yet set
        module = home(name)
        if module is None:
            # Not an export: `from ask_sdk_model.services import timer_management` then
            # imports the submodule, as it would from the real package.
            raise AttributeError(f"module {SERVICES!r} has no attribute {name!r}")
        try:
            value = getattr(importlib.import_module(f"{SERVICES}.{module}"), name)
        except ImportError as missing:
            raise AttributeError(f"module {SERVICES!r} has no attribute {name!r}") from missing
        setattr(package, name, value)
        return value

    parent = sys.modules[SERVICES.rpartition(".")[0]]  # find_spec imported it
    vars(package)["__getattr__"] = __getattr__
    sys.modules[SERVICES] = package
    # The parent's attribute, which the import system sets for a package it imports itself.
    vars(parent)["services"] = package
    return True
