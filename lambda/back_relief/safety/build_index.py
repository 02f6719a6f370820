"""Generate safety/triage_index.json, the triage prefilter, from content/en/triage.toml.

    python -m back_relief.safety.build_index          # write the index
    python -m back_relief.safety.build_index --check  # exit 1 if it is stale

`make model` (interaction_models.build) runs this too, and `make test` runs its --check.
A stale or missing index never changes a finding: triage then analyses those triggers itself,
at the cost of a slower cold start.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

from .prefilter import INDEX_PATH, render_index
from .triage import trigger_sources

TRIAGE_TOML = Path(__file__).resolve().parent.parent / "content" / "en" / "triage.toml"


def render(toml_path: Path = TRIAGE_TOML) -> str:
    with toml_path.open("rb") as fh:
        sources = trigger_sources(tomllib.load(fh))
    for trigger_id, source in sources.items():
        # Run time trusts an indexed source without compiling it, so it must compile here.
        try:
            re.compile(source)
        except re.error as exc:
            msg = f"{toml_path.name}: trigger {trigger_id} does not compile: {exc}"
            raise SystemExit(msg) from exc
    return render_index(sources, origin="content/en/triage.toml")


def main(argv: list[str] | None = None, path: Path = Path(INDEX_PATH)) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the index is stale")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"stale {path.name} (run `make model`)", file=sys.stderr)
            return 1
        print(f"{path.name} up to date")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"triage index written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
