"""The audit database's schema (SQLite), and opening a database with a check of its version.

Version 1. Tables:

    meta      key, value                     schema_version, created_by
    runs      one row per `factlint audit` run: when, how (scheduler, workers, batch size), what
              (archives, revision, pack hash), how many drafts were linted and skipped, the time spent
              linting (summed over workers) and writing, and its status: running (a run that was
              killed stays so), complete, or failed
    drafts    one row per draft, keyed by path: content hash (SHA-256 of its bytes), the pack hash it
              was linted with, size, front matter date/title/outlet/author, language, counts per
              severity, the read error of a draft that could not be read, and the run that linted it
    facts     one row per fact of the packs used: id, kind, statement per language (JSON), as_of,
              sources (JSON), so that a report needs no rule pack
    findings  one row per finding, keyed by (path, seq), seq its place in the draft's sorted findings:
              every field of the JSON output (`sources` as JSON text)

A draft's row and its findings are written in one transaction with the rest of their batch, so a
killed run leaves whole drafts or none. Findings are keyed by position in the draft, not by an
autoincrement id, so the database's content does not depend on the order batches complete in.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

SCHEMA_VERSION = 1

_TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'failed')),
    factlint_version TEXT NOT NULL,
    pack_hash TEXT NOT NULL,
    archives TEXT NOT NULL,
    revision TEXT,
    scheduler TEXT NOT NULL,
    workers INTEGER NOT NULL,
    batch_size INTEGER NOT NULL,
    drafts_seen INTEGER NOT NULL DEFAULT 0,
    drafts_linted INTEGER NOT NULL DEFAULT 0,
    drafts_skipped INTEGER NOT NULL DEFAULT 0,
    lint_seconds REAL NOT NULL DEFAULT 0,
    write_seconds REAL NOT NULL DEFAULT 0,
    wall_seconds REAL NOT NULL DEFAULT 0
);
CREATE TABLE drafts (
    path TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    pack_hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    date TEXT,
    title TEXT,
    lang TEXT,
    outlet TEXT,
    author TEXT,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    infos INTEGER NOT NULL,
    read_error TEXT,
    run_id INTEGER NOT NULL REFERENCES runs (id)
);
CREATE TABLE facts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    statement TEXT NOT NULL,
    as_of TEXT NOT NULL,
    sources TEXT NOT NULL
);
CREATE TABLE findings (
    path TEXT NOT NULL REFERENCES drafts (path),
    seq INTEGER NOT NULL,
    line INTEGER NOT NULL,
    "column" INTEGER NOT NULL,
    end_line INTEGER NOT NULL,
    end_column INTEGER NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    message TEXT NOT NULL,
    found TEXT NOT NULL,
    expected TEXT NOT NULL,
    as_of TEXT NOT NULL,
    sources TEXT NOT NULL,
    replacement TEXT,
    PRIMARY KEY (path, seq)
);
CREATE INDEX findings_rule ON findings (rule);
CREATE INDEX drafts_date ON drafts (date);
"""

FINDING_FIELDS = ("line", "column", "end_line", "end_column", "rule", "severity", "message", "found",
                  "expected", "as_of", "sources", "replacement")


class AuditDbError(Exception):
    """The file is not an audit database this factlint can use."""


def connect(path: Path, create: bool) -> sqlite3.Connection:
    """Open an audit database (creating it when `create` and absent); AuditDbError on any other file."""
    if not path.exists() and not create:
        raise AuditDbError(f"{path}: no such audit database")
    try:
        connection = sqlite3.connect(path, isolation_level=None)
        # WAL: a batch's commit is one append, readers (a report, a progress check) never block the run
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA synchronous=NORMAL")
        version = _version(connection)
        if version is None and create:
            _create(connection)
        elif version != SCHEMA_VERSION:
            connection.close()
            raise AuditDbError(_wrong_version(path, version))
    except sqlite3.DatabaseError as exc:
        raise AuditDbError(f"{path}: not an SQLite audit database ({exc})") from None
    return connection


def _wrong_version(path: Path, version: int | None) -> str:
    if version is None:
        return f"{path}: an empty file, not an audit database"
    if version < 0:
        return f"{path}: an SQLite database, but not a factlint audit database"
    return (f"{path}: audit database schema version {version}; this factlint reads version {SCHEMA_VERSION} "
            f"(audit into a new database)")


def _version(connection: sqlite3.Connection) -> int | None:
    """The schema version stored in the database; None for an empty file; -1 for another database."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables:
        return None
    if "meta" not in tables:
        return -1
    row = connection.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row and str(row[0]).isdigit() else -1


def _create(connection: sqlite3.Connection) -> None:
    from .. import __version__
    with connection:
        connection.execute("BEGIN")
        for statement in _TABLES.split(";"):
            if statement.strip():
                connection.execute(statement)
        connection.executemany("INSERT INTO meta VALUES (?, ?)",
                               [("schema_version", str(SCHEMA_VERSION)), ("created_by", f"factlint {__version__}")])
