"""Embedded store on stdlib sqlite3: the default for `make run`, the simulator and tests."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
from typing import Any

from .base import DEFAULT_TTL_SECONDS, EMPTY, ConflictError, Record, StoreError, valid_data

# A new connection reads the whole WAL it finds (~0.2 ms for this much), and a one-request
# process adds a page or two to it.
WAL_FOLD_BYTES = 256 * 1024


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class LocalStore:
    # A local sqlite file: no network, so a generous fixed bound is honest.
    worst_case_seconds = 0.5

    def __init__(
        self, data_dir: str | os.PathLike[str], ttl_seconds: int = DEFAULT_TTL_SECONDS
    ) -> None:
        self._ttl = ttl_seconds
        # Plain os.path, not pathlib: importing pathlib costs every cold start ~2 ms.
        path = os.fspath(data_dir)
        on_disk = path != ":memory:"
        if on_disk:
            os.makedirs(path, exist_ok=True)
            path = os.path.join(path, "back_relief.sqlite3")
        # A WAL the processes before this one left long is folded into the file now (below).
        long_wal = on_disk and _size(f"{path}-wal") > WAL_FOLD_BYTES
        # One connection shared by the web server's threads; sqlite serialises writes,
        # the lock keeps our read-check-write of the version atomic.
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        if on_disk:
            # Every turn writes, and the default rollback journal fsyncs each commit (10 ms
            # or more on a busy disk). WAL with synchronous=NORMAL appends instead and syncs
            # at checkpoints: a power cut may lose the last turns, never the file's integrity.
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            # By default the last connection to close checkpoints the WAL into the file and
            # deletes it, and the next one to write starts a new WAL: three fsyncs, ~20 ms
            # of a one-request process (the simulator, a local run of the handler) on a busy
            # disk. Here closing leaves the WAL, and the process that finds it over
            # WAL_FOLD_BYTES checkpoints it: the same syncs, once every few dozen processes.
            # (Python 3.12+; on 3.11 closing checkpoints as before.)
            set_config = getattr(self._db, "setconfig", None)
            no_checkpoint = getattr(sqlite3, "SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE", None)
            if set_config is not None and no_checkpoint is not None:
                set_config(no_checkpoint, True)
            if long_wal:
                # Busy (another process holds the file): a later process folds it.
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS progress ("
            " user_key TEXT PRIMARY KEY, data TEXT NOT NULL,"
            " version INTEGER NOT NULL, expires_at INTEGER NOT NULL)"
        )

    def load(self, user_key: str) -> Record:
        import time

        try:
            with self._lock:
                row = self._db.execute(
                    "SELECT data, version, expires_at FROM progress WHERE user_key = ?",
                    (user_key,),
                ).fetchone()
        except sqlite3.Error as exc:
            raise StoreError(str(exc)) from exc
        if row is None or row[2] < time.time():
            return EMPTY
        # A malformed record is no progress, but its version lets the next save replace it.
        return Record(data=valid_data(row[0]) or {}, version=int(row[1]))

    def save(self, user_key: str, data: dict[str, Any], expected_version: int, now: float) -> int:
        new_version = expected_version + 1
        payload = json.dumps(data, separators=(",", ":"), sort_keys=True)
        expires = int(now) + self._ttl
        try:
            with self._lock:
                if expected_version == 0:
                    cur = self._db.execute(
                        "INSERT OR IGNORE INTO progress VALUES (?, ?, ?, ?)",
                        (user_key, payload, new_version, expires),
                    )
                    if cur.rowcount == 0:
                        # An expired row counts as absent: replace it, but never a live one.
                        cur = self._db.execute(
                            "UPDATE progress SET data = ?, version = ?, expires_at = ?"
                            " WHERE user_key = ? AND expires_at < ?",
                            (payload, new_version, expires, user_key, int(now)),
                        )
                else:
                    cur = self._db.execute(
                        "UPDATE progress SET data = ?, version = ?, expires_at = ?"
                        " WHERE user_key = ? AND version = ?",
                        (payload, new_version, expires, user_key, expected_version),
                    )
        except sqlite3.Error as exc:
            raise StoreError(str(exc)) from exc
        if cur.rowcount != 1:
            raise ConflictError(f"version {expected_version} is stale")
        return new_version

    def delete(self, user_key: str) -> None:
        try:
            with self._lock:
                self._db.execute("DELETE FROM progress WHERE user_key = ?", (user_key,))
        except sqlite3.Error as exc:
            raise StoreError(str(exc)) from exc
