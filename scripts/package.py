"""Build the Lambda deployment artifact: build/back-relief.zip (+ build/template.yaml).

The zip holds only what Lambda runs: the runtime dependencies from requirements.txt (wheels
for Python 3.13 on arm64, whatever machine builds it) minus what the skill never imports
(including the ask_sdk_model modules no request type or running code can name: model_reach.py),
lambda_function.py and the back_relief package (code and JSON data; not the simulator, the
web service or the TOML sources compiled.json is built from), with bytecode compiled by a
real Python 3.13. The generated files are checked fresh first (`make model --check`).

Why bytecode: Lambda's /var/task is read-only, so without shipped .pyc files every cold start
compiles the SDK and the skill in memory again. scripts/bytecode.py compiles it without what
nothing on Lambda reads (docstrings, column ranges: a quarter of the zip), in the
"unchecked-hash" invalidation mode because zip files keep modification times at two-second
resolution, which would make timestamp-checked .pyc files look stale and be ignored.

build/template.yaml is template.yaml with CodeUri pointing at the zip, ready for `sam deploy`.
The zip is reproducible (sorted entries, fixed timestamps), so an unchanged build is not
uploaded again.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLATFORM = "manylinux2014_aarch64"
PYTHON_VERSION = "3.13"
# The source files the skill reads at run time; everything else under lambda/ (caches, notes,
# test leftovers) stays out of the artifact.
SOURCE_SUFFIXES = {".py", ".json"}
SKIP_DIRS = {"__pycache__", "tests", "test", ".mypy_cache", ".pytest_cache", ".ruff_cache"}
# Parts of back_relief that run off Lambda only: the local simulator and the web service.
NOT_ON_LAMBDA = {"back_relief/simulator", "back_relief/hosting"}
# Generated files Lambda never reads: the answer matcher's keyword tokens are read only when
# content/matcher_tables.json is stale, and check_generated_files refuses a stale one.
NOT_READ_ON_LAMBDA = {"back_relief/content/keyword_tokens.json"}
# Installed because ask-sdk-core declares them, never imported by the skill: the Alexa API
# client speaks http.client, and ask-sdk's own requests-based DefaultApiClient is never loaded.
# tests/contract/test_package.py runs the unpacked artifact, timer call included, without them.
UNUSED_DEPENDENCIES = ("requests", "urllib3", "certifi", "charset_normalizer", "idna")
# dateutil's bundled time-zone database: the skill never asks dateutil for a zone. Nor does
# anything that runs import its recurrence rules (rrule, and easter which only rrule uses) or the
# tarball's rebuilder; ask-sdk's serializer uses dateutil.parser, which needs tz and relativedelta
# only. tz/win.py and tzwin.py are Windows registry zones: tz.py imports them in a try that an
# ImportError ends, which is what Linux gives whether or not they are there.
UNUSED_DATA = (
    "dateutil/zoneinfo/dateutil-zoneinfo.tar.gz",
    "dateutil/zoneinfo/rebuild.py",
    "dateutil/rrule.py",
    "dateutil/easter.py",
    "dateutil/tz/win.py",
    "dateutil/tzwin.py",
)
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
LAMBDA_ZIP_LIMIT_MB = 50.0
LAMBDA_UNZIPPED_LIMIT_MB = 250.0
CODE_URI_LINE = "      CodeUri: lambda/\n"


def find_python313(explicit: str | None) -> str | None:
    """Return a working Python 3.13 interpreter, or None.

    pyenv shims exist for versions that are installed but not selected and then fail to run,
    so every candidate is actually started before it is trusted.
    """
    home = Path.home()
    candidates: list[str] = []
    if explicit:
        candidates.append(explicit)
    if os.environ.get("PYTHON313"):
        candidates.append(os.environ["PYTHON313"])
    if sys.version_info[:2] == (3, 13):
        candidates.append(sys.executable)
    candidates.append("python3.13")
    candidates += sorted(
        glob.glob(str(home / ".pyenv/versions/3.13*/bin/python3.13")), reverse=True
    )
    candidates += ["/usr/local/bin/python3.13", "/usr/bin/python3.13"]
    for candidate in candidates:
        path = shutil.which(candidate)
        if path is None:
            continue
        try:
            probe = subprocess.run(
                [path, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0 and probe.stdout.strip() == PYTHON_VERSION:
            return path
    return None


def install_dependencies(requirements: Path, target: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--no-compile",
            "--target",
            str(target),
            "--platform",
            PLATFORM,
            "--implementation",
            "cp",
            "--python-version",
            PYTHON_VERSION,
            "--only-binary=:all:",
            "-r",
            str(requirements),
        ],
        check=True,
    )
    # pip --target leaves console scripts in bin/ and metadata in *.dist-info/; Lambda reads
    # neither.
    shutil.rmtree(target / "bin", ignore_errors=True)
    for path in sorted(target.rglob("*"), reverse=True):
        if path.is_dir() and (path.name in SKIP_DIRS or path.name.endswith(".dist-info")):
            shutil.rmtree(path)
    for name in UNUSED_DEPENDENCIES:
        shutil.rmtree(target / name)
    for name in UNUSED_DATA:
        (target / name).unlink()
    # PEP 561 markers: only a type checker reads them (88 files, ~15 KB of zip headers).
    for marker in sorted(target.rglob("py.typed")):
        marker.unlink()


def copy_sources(src: Path, target: Path) -> None:
    handler = src / "lambda_function.py"
    if not handler.is_file():
        raise SystemExit(f"package: {handler} is missing (the Lambda handler module)")
    shutil.copy2(handler, target / "lambda_function.py")
    package = src / "back_relief"
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(src)
        if any(part in SKIP_DIRS for part in relative.parts):
            continue
        if any(relative.as_posix().startswith(f"{part}/") for part in NOT_ON_LAMBDA):
            continue
        if relative.as_posix() in NOT_READ_ON_LAMBDA:
            continue
        if path.is_file() and path.suffix in SOURCE_SUFFIXES:
            destination = target / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)


def prune_model(target: Path) -> None:
    """Leave out the ask_sdk_model modules nothing that runs can load (scripts/model_reach.py)."""
    # Imported here: tests and bench load this file by path for find_python313 alone, without
    # scripts/ on sys.path; run as a script, scripts/ is sys.path[0].
    from model_reach import PACKAGE, prune_unreachable

    roots = [path for path in target.rglob("*.py") if path.relative_to(target).parts[0] != PACKAGE]
    removed = prune_unreachable(target, roots)
    if not removed or len(removed) > len(list((target / PACKAGE).rglob("*.py"))):
        # Nothing pruned means the model changed shape; pruning most of it means a root was
        # missed: either way the reachability rule needs a look before anything ships.
        raise SystemExit(
            f"package: {len(removed)} {PACKAGE} modules unreachable; check scripts/model_reach.py"
        )


def check_generated_files() -> None:
    """compiled.json and the other generated files must match their sources: Lambda trusts
    compiled.json without hashing the sources (they are not shipped)."""
    check = subprocess.run(
        [sys.executable, "-m", "interaction_models.build", "--check"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": os.pathsep.join((str(ROOT / "lambda"), str(ROOT)))},
        capture_output=True,
        text=True,
        check=False,
    )
    if check.returncode != 0:
        raise SystemExit(f"package: generated files are stale (run `make model`)\n{check.stderr}")


def compile_bytecode(python313: str, target: Path, own: list[Path]) -> None:
    """Compile everything with Python 3.13 (scripts/bytecode.py: no docstrings, no column
    ranges); third-party code is shipped as bytecode only.

    Our own modules keep their sources (readable tracebacks) and get __pycache__ files. The
    pinned dependencies are compiled to legacy .pyc files beside their sources, which are then
    removed: that roughly halves the artifact, and their line numbers still map to the pinned
    versions' published sources.
    """
    dependencies = [path for path in sorted(target.iterdir()) if path not in own]
    subprocess.run(
        [
            python313,
            "-X",
            "no_debug_ranges",
            str(ROOT / "scripts" / "bytecode.py"),
            "--root",
            str(target),
            # Record /var/task paths (where Lambda unpacks the zip) so tracebacks point at real
            # files and the bytecode does not depend on the temporary build directory.
            "--prefix",
            "/var/task",
            "--beside",
            *map(str, dependencies),
            "--cached",
            *map(str, own),
        ],
        check=True,
    )
    for path in dependencies:
        sources = [path] if path.is_file() else list(path.rglob("*.py"))
        for source in sources:
            if source.suffix == ".py" and source.with_suffix(".pyc").is_file():
                source.unlink()


def write_zip(source: Path, out: Path) -> tuple[int, int]:
    """Zip source into out reproducibly; return (file count, unzipped bytes)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".zip.tmp")
    count = 0
    unzipped = 0
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(source.rglob("*")):
            if not path.is_file():
                continue
            info = zipfile.ZipInfo(path.relative_to(source).as_posix(), date_time=ZIP_EPOCH)
            # Lambda runs the code as a non-root user: files must be world-readable.
            mode = 0o755 if path.suffix == ".so" else 0o644
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            data = path.read_bytes()
            archive.writestr(info, data, compresslevel=9)
            count += 1
            unzipped += len(data)
    tmp.replace(out)
    return count, unzipped


def write_deploy_template(template: Path, zip_path: Path) -> Path:
    text = template.read_text(encoding="utf-8")
    if text.count(CODE_URI_LINE) != 1:
        raise SystemExit(f"package: expected exactly one '{CODE_URI_LINE.strip()}' in {template}")
    deploy_template = zip_path.parent / "template.yaml"
    deploy_template.write_text(
        text.replace(CODE_URI_LINE, f"      CodeUri: {zip_path.name}\n"), encoding="utf-8"
    )
    return deploy_template


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--src", type=Path, default=ROOT / "lambda")
    parser.add_argument("--requirements", type=Path, default=ROOT / "requirements.txt")
    parser.add_argument("--template", type=Path, default=ROOT / "template.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "back-relief.zip")
    parser.add_argument("--python313", help="Python 3.13 interpreter used to compile bytecode")
    parser.add_argument(
        "--require-pyc",
        action="store_true",
        help="fail instead of shipping sources only when no Python 3.13 is found",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    python313 = find_python313(args.python313)
    if python313 is None:
        message = (
            "package: no Python 3.13 found (set PYTHON313 or --python313); shipping sources "
            "only, so Lambda compiles them in memory on every cold start"
        )
        if args.require_pyc:
            print(message.replace("shipping", "refusing to ship"), file=sys.stderr)
            return 1
        print(message, file=sys.stderr)

    if args.src == ROOT / "lambda":
        check_generated_files()
    with tempfile.TemporaryDirectory(prefix="back-relief-package-") as tmp:
        staging = Path(tmp) / "task"
        staging.mkdir()
        install_dependencies(args.requirements, staging)
        copy_sources(args.src, staging)
        prune_model(staging)
        if python313 is not None:
            own = [staging / "lambda_function.py", staging / "back_relief"]
            compile_bytecode(python313, staging, own)
        count, unzipped = write_zip(staging, args.out)

    deploy_template = write_deploy_template(args.template, args.out)
    zipped_mb = args.out.stat().st_size / 1_000_000
    unzipped_mb = unzipped / 1_000_000
    bytecode = f"bytecode by {python313}" if python313 else "no bytecode"
    print(
        f"{args.out}: {zipped_mb:.2f} MB zipped, {unzipped_mb:.2f} MB unzipped, "
        f"{count} files, {bytecode}"
    )
    print(f"{deploy_template}: template for sam deploy (CodeUri: {args.out.name})")
    if zipped_mb > LAMBDA_ZIP_LIMIT_MB or unzipped_mb > LAMBDA_UNZIPPED_LIMIT_MB:
        print("package: artifact exceeds Lambda's size limits", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
