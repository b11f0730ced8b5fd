"""The audit database seen by a run: what is already stored, and each completed batch written at once.

All database work happens in the auditing process's main thread, one transaction per batch: a run
killed at any moment leaves every draft either fully stored (row and findings) or absent.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from pathlib import Path

from .batch import DraftRecord, compact_json
from .schema import FINDING_FIELDS, connect

_DRAFT_COLUMNS = ("path", "content_hash", "size", "date", "title", "lang", "outlet", "author", "errors",
                  "warnings", "infos", "read_error")
_FINDING_COLUMNS = ", ".join(f'"{name}"' for name in ("path", "seq", *FINDING_FIELDS))


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


class Store:
    """One run's view of the database: a run row, the stored hashes, and the batches it writes."""

    def __init__(self, path: Path, run: dict):
        self.connection = connect(path, create=True)
        self.pack_hash = run["pack_hash"]
        self.started = time.perf_counter()
        self.linted = self.skipped = 0
        self.lint_seconds = self.write_seconds = 0.0
        columns = ", ".join(run)
        with self.connection:
            cursor = self.connection.execute(
                f"INSERT INTO runs (started_at, status, {columns}) VALUES (?, 'running', {', '.join('?' * len(run))})",
                (_now(), *(json.dumps(v) if isinstance(v, list) else v for v in run.values())))
        self.run_id = cursor.lastrowid

    def record_facts(self, rules) -> None:
        """The facts the run checks, with their statements and sources, for the report."""
        rows = [(r.id, r.kind, compact_json(r.statement), r.as_of.isoformat(),
                 compact_json([{"file": s.file, "quote": s.quote} for s in r.sources])) for r in rules]
        with self.connection:
            self.connection.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?, ?, ?, ?)", rows)

    def stored(self, path: str, content_hash: str) -> bool:
        """Whether this draft, with these bytes, was linted with this pack by an earlier run."""
        row = self.connection.execute("SELECT content_hash, pack_hash FROM drafts WHERE path = ?", (path,)).fetchone()
        return row == (content_hash, self.pack_hash)

    def skip(self) -> None:
        self.skipped += 1

    def write(self, records: list[DraftRecord], lint_seconds: float) -> None:
        """Store a batch's drafts and findings in one transaction, replacing older rows of the same paths."""
        start = time.perf_counter()
        rows = [(*r.row, self.pack_hash, self.run_id) for r in records]
        findings = [(r.row[0], seq, *f) for r in records for seq, f in enumerate(r.findings)]
        with self.connection:
            self.connection.execute("BEGIN")
            self.connection.executemany("DELETE FROM findings WHERE path = ?", [(r.row[0],) for r in records])
            self.connection.executemany(
                f"INSERT OR REPLACE INTO drafts ({', '.join(_DRAFT_COLUMNS)}, pack_hash, run_id) "
                f"VALUES ({', '.join('?' * (len(_DRAFT_COLUMNS) + 2))})", rows)
            self.connection.executemany(
                f"INSERT INTO findings ({_FINDING_COLUMNS}) VALUES ({', '.join('?' * (2 + len(FINDING_FIELDS)))})",
                findings)
            # counted inside the transaction, so the run's row always matches the drafts stored
            self.linted += len(records)
            self.lint_seconds += lint_seconds
            self._update_run("running")
        self.write_seconds += time.perf_counter() - start

    def finish(self, status: str) -> None:
        with self.connection:
            self._update_run(status, finished=True)
        self.connection.close()

    def _update_run(self, status: str, finished: bool = False) -> None:
        self.connection.execute(
            "UPDATE runs SET status = ?, finished_at = ?, drafts_seen = ?, drafts_linted = ?, drafts_skipped = ?, "
            "lint_seconds = ?, write_seconds = ?, wall_seconds = ? WHERE id = ?",
            (status, _now() if finished else None, self.linted + self.skipped, self.linted, self.skipped,
             self.lint_seconds, self.write_seconds, time.perf_counter() - self.started, self.run_id))


def content_rows(connection: sqlite3.Connection):
    """Every draft and finding row without the run that wrote it, in key order: two audits of the same
    archive with the same pack have equal content whatever the runs, batches or interruptions."""
    columns = ", ".join(c for c in _DRAFT_COLUMNS) + ", pack_hash"
    yield from connection.execute(f"SELECT 'draft', {columns} FROM drafts ORDER BY path")
    yield from connection.execute(f"SELECT 'finding', {_FINDING_COLUMNS} FROM findings ORDER BY path, seq")
