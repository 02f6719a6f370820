"""Compile the Lambda artifact's Python to lean bytecode; run by scripts/package.py under 3.13.

    python3.13 -X no_debug_ranges scripts/bytecode.py --root STAGING --prefix /var/task \
        [--beside PATH ...] [--cached PATH ...]

What a .pyc carries that Lambda never reads, and what this leaves out of it:
- docstrings: nothing that runs reads `__doc__` (ask_sdk_model's ~700 classes each carry their
  API reference as one). Every other statement is compiled as written, `assert` included
  (dateutil's time-zone string parser uses assertions for control flow, so `-OO`, which drops
  both, would change what it returns);
- column ranges (`-X no_debug_ranges`, which the caller passes): only a traceback's `^^^^`
  markers use them; tracebacks keep every file and line.
Together about a quarter of the zip. The bytecode is what `compileall --invalidation-mode
unchecked-hash` writes: the "unchecked-hash" mode because zip files keep modification times at
two-second resolution, which would make timestamp-checked files look stale.

--beside writes `module.pyc` next to each source (the caller then removes the source: a
dependency ships as bytecode only); --cached writes `__pycache__/module.cpython-313.pyc` and the
source stays, for readable tracebacks of our own code. File names recorded in the bytecode are
under --prefix (where Lambda unpacks the zip), not the temporary build folder.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import marshal
import sys
import warnings
from pathlib import Path

# PEP 552: hash-based (bit 0), not checked against the source (bit 1 clear).
UNCHECKED_HASH = (1).to_bytes(4, "little")
_DOCUMENTED = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)


def without_docstrings(tree: ast.Module) -> ast.Module:
    """The same module without the string literal that opens it or any class or function."""
    for node in ast.walk(tree):
        if not isinstance(node, _DOCUMENTED) or not node.body:
            continue
        first = node.body[0]
        if not (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            continue
        if len(node.body) > 1:
            del node.body[0]
        else:
            # A body that was only its docstring still needs a statement.
            node.body[0] = ast.copy_location(ast.Pass(), first)
    return tree


def compile_file(source: Path, root: Path, prefix: str, beside: bool) -> Path:
    data = source.read_bytes()
    recorded = f"{prefix}/{source.relative_to(root).as_posix()}"
    tree = ast.parse(data, filename=recorded)
    code = compile(without_docstrings(tree), recorded, "exec", dont_inherit=True, optimize=0)
    if beside:
        target = source.with_suffix(".pyc")
    else:
        target = Path(importlib.util.cache_from_source(str(source)))
        target.parent.mkdir(exist_ok=True)
    target.write_bytes(
        importlib.util.MAGIC_NUMBER
        + UNCHECKED_HASH
        + importlib.util.source_hash(data)
        + marshal.dumps(code)
    )
    return target


def sources(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return [path for path in found if path.suffix == ".py"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--beside", type=Path, nargs="*", default=[])
    parser.add_argument("--cached", type=Path, nargs="*", default=[])
    args = parser.parse_args(argv)
    if sys.flags.optimize or sys._xoptions.get("no_debug_ranges") is not True:
        print("bytecode: run with -X no_debug_ranges and without -O", file=sys.stderr)
        return 2
    # Old escape sequences in dependencies' docstrings are harmless noise here.
    warnings.simplefilter("ignore", SyntaxWarning)
    for source in sources(args.beside):
        compile_file(source, args.root, args.prefix, beside=True)
    for source in sources(args.cached):
        compile_file(source, args.root, args.prefix, beside=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
