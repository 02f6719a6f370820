"""Which modules of ask_sdk_model the skill can ever load, so the artifact ships only those.

ask_sdk_model is most of the Lambda zip. ask-sdk-core's serializer turns a request into model
objects by resolving dotted class names it reads from each model's `deserialized_types` and
`discriminator_value_class_map` (strings such as
"ask_sdk_model.interfaces.connections.connections_status.ConnectionsStatus"), and every package's
__init__ imports its children. So the modules that can load are those named, by dotted name or
import, from the code that runs (the skill, ask-sdk-core, ask-sdk-runtime), closed over those
same references inside ask_sdk_model. Anything outside that closure (Amazon Pay, the
dynamic-endpoints models, ...) is never named by any request type or any code on the path: no
request can make the serializer ask for it. tests/contract/test_package.py walks every type
reachable from RequestEnvelope and ResponseEnvelope in the unpacked artifact to prove it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

PACKAGE = "ask_sdk_model"
_DOTTED = re.compile(rf"\b{PACKAGE}(?:\.\w+)+")
_FROM_IMPORT = re.compile(
    r"^\s*from\s+(\.+\w*(?:\.\w+)*|\w+(?:\.\w+)*)\s+import\s+\(?([^)#\n]*)", re.M
)


def _modules(site: Path) -> dict[str, Path]:
    """Dotted module name -> source file, for every module of the package under site."""
    found: dict[str, Path] = {}
    for path in sorted((site / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(site).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _named(text: str, module: str, is_package: bool) -> set[str]:
    """Every dotted name a module's text mentions: absolute names, and relative imports resolved
    against the module's own package (an __init__'s `from .x import X` names its child)."""
    names = set(_DOTTED.findall(text))
    package = module if is_package else module.rpartition(".")[0]
    for source, imported in _FROM_IMPORT.findall(text):
        if source.startswith("."):
            dots = len(source) - len(source.lstrip("."))
            base = package.split(".")[: len(package.split(".")) - dots + 1]
            source = ".".join([*base, source.lstrip(".")] if source.lstrip(".") else base)
        names.add(source)
        names.update(f"{source}.{name.split(' as ')[0].strip()}" for name in imported.split(","))
    return names


def _longest_module(name: str, modules: dict[str, Path]) -> str | None:
    """A dotted name names the longest module it starts with ("a.b.Class" -> "a.b")."""
    while name not in modules:
        if "." not in name:
            return None
        name = name.rpartition(".")[0]
    return name


def reachable(site: Path, roots: Iterable[Path]) -> set[str]:
    """The package's modules named, directly or through each other, by the root source files."""
    modules = _modules(site)
    stack: list[str] = []
    for root in roots:
        # A root's own relative imports resolve outside the package and are dropped below.
        named = _named(root.read_text(encoding="utf-8"), "", is_package=False)
        stack += [m for name in named if (m := _longest_module(name, modules))]
    seen: set[str] = set()
    while stack:
        module = stack.pop()
        if module in seen:
            continue
        seen.add(module)
        parents = module.split(".")
        # Importing a.b.c runs a/__init__ and a/b/__init__ first.
        stack += [".".join(parents[:depth]) for depth in range(1, len(parents))]
        path = modules[module]
        text = path.read_text(encoding="utf-8")
        for name in _named(text, module, path.name == "__init__.py"):
            target = _longest_module(name, modules)
            if target is not None:
                stack.append(target)
    return seen


def prune_unreachable(site: Path, roots: Iterable[Path]) -> list[Path]:
    """Delete the package's modules no root can load (and folders left empty); return them."""
    keep = reachable(site, roots)
    removed = [path for name, path in _modules(site).items() if name not in keep]
    for path in removed:
        path.unlink()
    for folder in sorted((site / PACKAGE).rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed
