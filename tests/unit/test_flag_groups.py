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
        # _heard401 (round 20) names its seed, like _heard311 (round 15).
        seed = stem.rsplit("_heard", 1)[-1]
        copies = ("_heard2", "_heard", *((f"_heard{seed}",) if seed.isdigit() else ()))
        for copy in copies:
            if stem.endswith(copy) and stem.removesuffix(copy) in written:
                assert group == written[stem.removesuffix(copy)], source
    sets = [s for s in written if s.startswith("triage_dev5_") and "_probe" not in s]
    assert len({written[s] for s in sets}) == len(sets)


def test_every_answers_set_teaches_the_red_flag_model_and_flag_only_rows_never_the_ranker() -> None:
    # A benign question is one to the red-flag model, whichever round wrote it; the topic
    # ranker learns only rank_model.ROUNDS (joining FLAG_ONLY cost same-day advice, round 20).
    # A set held back (flag_model.HELD_BACK) teaches neither until its round is measured.
    from interaction_models import rank_model

    learnt = {r.source: r.group for r in flag_model.rows() if r.source.startswith("answers_")}
    on_disk = {p.name for p in flag_model.DATA.glob("answers_*.tsv")} - flag_model.HELD_BACK
    assert on_disk == set(learnt)
    ranked = {f for files in rank_model.ROUNDS.values() for f in files}
    flag_only = {f for files in rank_model.FLAG_ONLY.values() for f in files}
    assert ranked.isdisjoint(flag_only) and ranked | flag_only == on_disk
    for name, files in rank_model.FLAG_ONLY.items():
        assert {learnt[f] for f in files} == {f"answers_{name}"}
