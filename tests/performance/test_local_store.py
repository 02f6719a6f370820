"""The local store's cost to a one-request process, kept down without losing a save (untimed)."""

from __future__ import annotations

import gc
import sqlite3
import time
from pathlib import Path

from back_relief.store import local
from back_relief.store.local import LocalStore


def test_one_request_processes_keep_every_save_and_a_short_wal(tmp_path: Path) -> None:
    """A one-request process (a local run of the handler, the simulator) closes the store as it
    exits. Closing no longer checkpoints the WAL (three fsyncs, ~20 ms of such a process on a
    busy disk; Python 3.12+): the WAL is kept, and the process that finds it over
    WAL_FOLD_BYTES folds it into the file. Every save survives, and the WAL stays short."""
    data_dir = tmp_path / "data"
    wal = data_dir / "back_relief.sqlite3-wal"
    largest = 0
    for n in range(120):
        store = LocalStore(data_dir)
        assert store.load(f"user{n - 1}").data == ({"n": n - 1} if n else {})
        store.save(f"user{n}", {"n": n}, 0, time.time())
        del store
        gc.collect()  # the connection closes, as at a process's exit
        largest = max(largest, wal.stat().st_size if wal.exists() else 0)
        if n == 0 and hasattr(sqlite3.Connection, "setconfig"):
            assert wal.exists(), "closing checkpointed the WAL"
    assert largest <= local.WAL_FOLD_BYTES + 64 * 1024
    store = LocalStore(data_dir)
    assert all(store.load(f"user{n}").data == {"n": n} for n in range(120))
