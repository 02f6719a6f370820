"""The red-flag model's cross-validation holds one writer out at a time (flag_model.groups):
a heard copy, a second recogniser pass (_heard2) and a probe belong to their written set's
writer, so a fold never tests on the recogniser's copy of a row it trained on; two writers'
sets never merge."""

from __future__ import annotations

from interaction_models import flag_model


def test_every_copy_is_its_written_sets_writer_and_writers_stay_apart() -> None:
    every = flag_model.rows()
    by_source = {r.source: r.group for r in every}
    written = {r.source.removesuffix(".tsv"): r.group for r in every if not r.heard}
    for source, group in by_source.items():
        stem = source.removesuffix(".tsv")
        for copy in ("_heard2", "_heard"):
            if stem.endswith(copy) and stem.removesuffix(copy) in written:
                assert group == written[stem.removesuffix(copy)], source
    sets = [s for s in written if s.startswith("triage_dev5_") and "_probe" not in s]
    assert len({written[s] for s in sets}) == len(sets)
