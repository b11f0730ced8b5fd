"""`factlint audit`: what the database holds, resuming after SIGKILL, skipping stored drafts, bad input,
and local processes against a Dask LocalCluster (same findings, byte for byte)."""
from __future__ import annotations

import gc
import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from linter.audit.progress import AuditProgress
from linter.audit.runners import run_batches
from linter.audit.store import content_rows

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import generate  # noqa: E402

DRAFTS = 60


def factlint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "linter", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)


def rows(db: Path) -> list:
    with closing(sqlite3.connect(db)) as connection:
        return list(content_rows(connection))


def query(db: Path, sql: str, *params) -> list:
    with closing(sqlite3.connect(db)) as connection:
        return list(connection.execute(sql, params))


def stored_drafts(db: Path) -> int:
    """Drafts stored so far by a running audit (none while it is still creating the database)."""
    try:
        return query(db, "SELECT count(*) FROM drafts")[0][0]
    except sqlite3.OperationalError:
        return 0


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("audit")
    generate.generate_drafts(DRAFTS, root / "archive")
    return root


@pytest.fixture(scope="module")
def reference(archive) -> Path:
    """An uninterrupted audit on local processes."""
    done = factlint("audit", "archive", "--db", "reference.sqlite", "--no-config", "--jobs", "2", cwd=archive)
    assert done.returncode == 0, done.stderr
    return archive / "reference.sqlite"


def test_the_database_holds_every_finding_of_check_with_every_json_field(archive, reference):
    checked = factlint("check", "archive", "--no-config", "--format", "json", cwd=archive)
    expected = [{**f, "sources": json.dumps(f["sources"], ensure_ascii=False, sort_keys=True, separators=(",", ":"))}
                for f in json.loads(checked.stdout)["findings"]]
    with closing(sqlite3.connect(reference)) as connection:
        connection.row_factory = sqlite3.Row
        stored = [{key: row[key] for key in expected[0]}
                  for row in connection.execute("SELECT * FROM findings ORDER BY path, seq")]
    assert stored == expected


def test_a_draft_row_has_hash_date_language_title_and_counts(archive, reference):
    path = sorted((archive / "archive").rglob("*.md"))[0]
    text = path.read_text(encoding="utf-8")
    (row,) = query(reference, f"SELECT content_hash, date, lang, title, errors + warnings + infos, size "
                              f"FROM drafts WHERE path = '{path.relative_to(archive)}'")
    import hashlib
    findings = query(reference, f"SELECT count(*) FROM findings WHERE path = '{path.relative_to(archive)}'")[0][0]
    assert row == (hashlib.sha256(path.read_bytes()).hexdigest(), text.split("\ndate: ")[1][:10],
                   text.split("\nlang: ")[1][:2], row[3], findings, path.stat().st_size)
    assert row[3] and row[3] in text
    assert query(reference, "SELECT count(*), count(DISTINCT run_id) FROM drafts") == [(DRAFTS, 1)]
    (run,) = query(reference, "SELECT status, drafts_linted, drafts_skipped, workers FROM runs")
    assert run == ("complete", DRAFTS, 0, 2)


def test_a_rerun_lints_nothing_and_a_changed_draft_or_option_is_linted_again(archive, reference, tmp_path):
    db = tmp_path / "audit.sqlite"
    db.write_bytes(reference.read_bytes())
    first = sorted((archive / "archive").rglob("*.md"))[0]
    factlint("audit", "archive", "--db", str(db), "--no-config", cwd=archive)
    original = first.read_bytes()
    try:
        first.write_bytes(original.replace(b"\n\n", b"\n\nSora erzeugt Clips von bis zu zwei Minuten.\n\n", 1))
        factlint("audit", "archive", "--db", str(db), "--no-config", cwd=archive)
    finally:
        first.write_bytes(original)
    factlint("audit", "archive", "--db", str(db), "--no-config", "--fact-window", "30", cwd=archive)
    runs = query(db, "SELECT drafts_linted, drafts_skipped, status FROM runs ORDER BY id")
    assert runs == [(DRAFTS, 0, "complete"), (0, DRAFTS, "complete"), (1, DRAFTS - 1, "complete"),
                    (DRAFTS, 0, "complete")]


def test_killed_with_sigkill_and_restarted_it_equals_an_uninterrupted_run(tmp_path, reference):
    generate.generate_drafts(100, tmp_path / "archive")
    command = [sys.executable, "-m", "linter", "audit", "archive", "--db", "audit.sqlite", "--no-config",
               "--jobs", "2", "--batch-size", "4"]
    audit = subprocess.Popen(command, cwd=tmp_path, stderr=subprocess.DEVNULL, start_new_session=True)
    stored_at_kill = 0
    try:
        for _ in range(6000):   # a bound on the wait, not a timing assertion
            if (tmp_path / "audit.sqlite").exists() and stored_drafts(tmp_path / "audit.sqlite") >= 12:
                break
            time.sleep(0.01)
        audit.send_signal(signal.SIGKILL)     # the auditing process only: its workers must die with it
        audit.wait(timeout=60)
        stored_at_kill = query(tmp_path / "audit.sqlite", "SELECT count(*) FROM drafts")[0][0]
    finally:
        try:
            os.killpg(audit.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    assert 0 < stored_at_kill < 100, "the run was to be killed halfway"
    assert query(tmp_path / "audit.sqlite", "SELECT status, drafts_linted FROM runs") == [("running", stored_at_kill)]
    restarted = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert restarted.returncode == 0, restarted.stderr
    assert query(tmp_path / "audit.sqlite", "SELECT drafts_linted, drafts_skipped FROM runs WHERE id = 2") == \
        [(100 - stored_at_kill, stored_at_kill)]
    uninterrupted = subprocess.run([*command[:6], "whole.sqlite", *command[7:]], cwd=tmp_path, capture_output=True,
                                   timeout=600)
    assert uninterrupted.returncode == 0
    assert rows(tmp_path / "audit.sqlite") == rows(tmp_path / "whole.sqlite")
    # a generated archive of 100 drafts holds the 60 of the reference archive, with the same rows
    assert set(rows(reference)) <= set(rows(tmp_path / "audit.sqlite"))


def test_local_processes_and_a_dask_local_cluster_store_identical_findings(archive, reference, tmp_path):
    pytest.importorskip("distributed", reason="the audit extra: pip install '.[audit]'")
    db = tmp_path / "dask.sqlite"
    done = factlint("audit", "archive", "--db", str(db), "--no-config", "--scheduler", "local", "--jobs", "2",
                    "--batch-size", "7", cwd=archive)
    assert done.returncode == 0, done.stderr
    assert rows(db) == rows(reference)
    assert query(db, "SELECT scheduler, workers, drafts_linted FROM runs") == [("local", 2, DRAFTS)]


FRONT_MATTER = """---
title: Sora im Test
date: 2024-03-02
lang: de
outlet: Tagesblatt
author: [Ana Ruiz, Ben Ott]
---
Sora erzeugt Clips von bis zu zwei Minuten Länge.
"""


def test_outlet_author_and_an_unreadable_draft(tmp_path):
    (tmp_path / "archive").mkdir()
    (tmp_path / "archive" / "a.md").write_text(FRONT_MATTER, encoding="utf-8")
    (tmp_path / "archive" / "b.md").write_bytes(b"Sora \xff\xfe kaputt\n")
    done = factlint("audit", "archive", "--db", "a.sqlite", "--no-config", "--jobs", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    drafts = query(tmp_path / "a.sqlite", "SELECT path, date, title, lang, outlet, author, errors, read_error IS NULL "
                                          "FROM drafts ORDER BY path")
    assert drafts[0] == ("archive/a.md", "2024-03-02", "Sora im Test", "de", "Tagesblatt", "Ana Ruiz, Ben Ott", 1, 1)
    assert drafts[1][0] == "archive/b.md" and drafts[1][6:] == (0, 0)
    assert "UTF-8" in query(tmp_path / "a.sqlite", "SELECT read_error FROM drafts WHERE path = 'archive/b.md'")[0][0]


def test_a_git_revision_is_audited_as_committed(tmp_path):
    (tmp_path / "archive").mkdir()
    draft = tmp_path / "archive" / "a.md"
    draft.write_text(FRONT_MATTER, encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    for step in (["init", "-q"], ["add", "."], ["commit", "-qm", "drafts"]):
        subprocess.run([*git, *step], cwd=tmp_path, check=True)
    draft.write_text(FRONT_MATTER.replace("zwei Minuten", "einer Minute"), encoding="utf-8")
    for rev, errors in (("HEAD", 1), (None, 0)):
        db = f"{rev or 'tree'}.sqlite"
        done = factlint("audit", "archive", "--db", db, "--no-config", *(["--rev", rev] if rev else []), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert query(tmp_path / db, "SELECT path, errors FROM drafts") == [("archive/a.md", errors)]


@pytest.mark.parametrize("case, args, message", [
    ("not-sqlite", ["archive", "--db", "notes.txt"], "not an SQLite audit database"),
    ("other-sqlite", ["archive", "--db", "other.sqlite"], "not a factlint audit database"),
    ("missing-archive", ["nowhere", "--db", "a.sqlite"], "nowhere: no such file or directory"),
    ("bad-revision", ["archive", "--db", "a.sqlite", "--rev", "no-such-rev"], "git rev-parse"),
], ids=lambda value: value if isinstance(value, str) and "-" in value else "")
def test_bad_input_is_a_clear_error_with_exit_2(tmp_path, case, args, message):
    (tmp_path / "archive").mkdir()
    (tmp_path / "notes.txt").write_text("not a database, " * 100)
    with closing(sqlite3.connect(tmp_path / "other.sqlite")) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
    done = factlint("audit", *args, "--no-config", cwd=tmp_path)
    assert (done.returncode, message in done.stderr, "Traceback" in done.stderr) == (2, True, False), done.stderr


def test_batches_are_read_only_as_fast_as_they_are_stored():
    """The auditing process holds at most `window` batches that it has read and not yet stored, so its
    memory does not grow with the archive."""
    import concurrent.futures
    drawn, stored, most_held = [], [], 0

    def batches():
        for i in range(1000):
            drawn.append(i)
            yield [i]

    class Runner:
        def submit(self, batch):
            future = concurrent.futures.Future()
            future.set_result((batch, 0.0))
            return future

    for batch, _ in run_batches(Runner(), batches(), window=4):
        stored.append(batch[0])
        most_held = max(most_held, len(drawn) - len(stored) + 1)
    assert sorted(stored) == list(range(1000))
    assert most_held <= 4


HELD_MARK = re.compile(rb"held-batch-(\d+)")


def batches_held() -> set[int]:
    """The batches of `marked_batches` whose drafts this process still holds, in any form: the bytes
    themselves or a pickled message that carries them (found in every container the collector tracks)."""
    held = set()
    for container in gc.get_objects():
        items = container.values() if isinstance(container, dict) else \
            container if isinstance(container, (list, tuple)) else ()
        for item in items:
            if isinstance(item, (bytes, bytearray, memoryview)):
                held.update(int(number) for number in HELD_MARK.findall(_contiguous(item)))
    return held


def _contiguous(data) -> bytes | bytearray | memoryview:
    """Bytes a regular expression can search: a memoryview of another shape is copied, a released one is empty."""
    if not isinstance(data, memoryview):
        return data
    try:
        return data if data.c_contiguous and data.format == "B" else data.tobytes()
    except ValueError:
        return b""


def marked_batches(count: int):
    for number in range(count):
        yield [(f"archive/{number}-{i}.md", f"# Notiz\n\nheld-batch-{number} ohne Behauptung.\n".encode(), "0" * 64)
               for i in range(3)]


def test_a_dask_audit_holds_at_most_its_window_of_batches():
    """The auditing process's memory does not grow with the archive on Dask either: the client holds at
    most `window` tasks, and once the scheduler (in this process for a LocalCluster) has forgotten them,
    no batch's drafts are left in the process. Dask's streams log their last 1,000 messages by default,
    and a message that submits a batch carries its drafts: every batch of the archive stayed."""
    pytest.importorskip("distributed", reason="the audit extra: pip install '.[audit]'")
    import argparse

    from linter.audit.command import _pack
    from linter.audit.dask_runner import DaskRunner
    _, pack = _pack(argparse.Namespace(config=None, no_config=True, rules=None, fact_window=None, lang=None,
                                       date=None))
    runner = DaskRunner(pack, "local", 1)
    window, batches, most_futures, linted = 2, 40, 0, 0
    try:
        for records, _ in run_batches(runner, marked_batches(batches), window=window):
            most_futures = max(most_futures, len(runner.client.futures))
            linted += len(records)
        scheduler = runner.cluster.scheduler
        for _ in range(1000):      # a bound on the wait for the scheduler to forget the last tasks
            if not scheduler.tasks:
                break
            time.sleep(0.01)
        gc.collect()
        held = batches_held()
    finally:
        runner.close()
    assert (linted, most_futures, scheduler.tasks, held) == (3 * batches, window, {}, set())


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_shows_drafts_done_files_per_second_and_time_left():
    terminal = _Terminal()
    progress = AuditProgress(2000, terminal)
    progress.skip()
    progress.step(999)
    assert progress.line(elapsed=10.0) == ("factlint audit: 1,000/2,000 drafts (1 already stored), 99.9 files/s, "
                                           "10 s left")
    assert progress.line(elapsed=1000.0).endswith("1.0 files/s, 16 min 41 s left")
    progress.finish()
    assert terminal.getvalue().startswith("\r\033[Kfactlint audit: ") and terminal.getvalue().endswith("\r\033[K")
    silent = io.StringIO()
    AuditProgress(10, silent).step(10)
    assert silent.getvalue() == ""


def test_the_command_line_starts_without_dask_altair_or_sqlite():
    code = "import sys, linter.cli; linter.cli._parser(); print(sorted(m for m in ('dask', 'distributed', " \
           "'altair', 'sqlite3', 'vl_convert') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.stdout.strip() == "[]", done.stderr
