#!/usr/bin/env python3
"""Measure `factlint audit` on a generated archive: local processes against a Dask LocalCluster.

    python benchmarks/audit.py                     # 20,000 drafts (~40 min on 2 idle CPUs)
    python benchmarks/audit.py --drafts 2000       # a smaller archive
    python benchmarks/audit.py --kill-check        # also: SIGKILL halfway, restart, compare databases
    python benchmarks/audit.py --json              # the figures as JSON; --show FILE prints saved ones

Every audit runs as a process of its own (`python -m linter audit`), timed by the wall clock and by
the CPU time of its whole process tree (the auditing process, its workers, Dask's scheduler and
nannies), which other load on the machine does not inflate. From the database's `runs` row: the time
spent linting (summed over workers) and writing. Measured:

* one worker and two local worker processes on the first --small drafts (the throughput ratio, target
  >= 1.8), and the batch size on a LocalCluster of two workers on those drafts (1 draft per task up);
* the whole archive on two local processes and on a LocalCluster of two workers: files/s, per-draft
  lint cost, per-draft database write cost, the database's size per draft, Dask's overhead
  (target <= 15 %), and the peak memory of the auditing process (its own, without workers) on the
  archive and on the --small drafts: it should not grow with the archive.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

import generate  # noqa: E402
from linter.audit.command import DEFAULT_BATCH  # noqa: E402

# runs the audit in this child and prints its own peak RSS (kB) and CPU seconds: RUSAGE_SELF is this
# process alone (reading, hashing, sending batches, writing the database), not the workers it forks
_AUDIT = ("import resource, sys; from linter.cli import main; code = main(sys.argv[1:]); "
          "usage = resource.getrusage(resource.RUSAGE_SELF); "
          "print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime, file=sys.stderr); sys.exit(code)")


def audit(workdir: Path, archive: str, db: str, *options: str) -> dict:
    """Audit in a fresh process; its wall and process-tree CPU seconds, peak RSS and the run's row."""
    (workdir / db).unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _AUDIT, "audit", archive, "--db", db, "--no-config", *options],
                          cwd=workdir, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"audit failed: {done.stderr}")
    peak_kb, own_cpu = done.stderr.strip().splitlines()[-1].split()
    with closing(sqlite3.connect(workdir / db)) as connection:
        (linted, lint, write, run_wall, workers), = connection.execute(
            "SELECT drafts_linted, lint_seconds, write_seconds, wall_seconds, workers FROM runs")
    figures = {"options": list(options), "drafts": linted, "wall": wall, "run_wall": run_wall,
            "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
            "files_per_s": linted / run_wall, "lint_ms_per_draft": 1000 * lint / linted,
            "write_ms_per_draft": 1000 * write / linted, "workers": workers,
            "db_bytes_per_draft": (workdir / db).stat().st_size / linted,
            "peak_rss_mb": int(peak_kb) / 1024, "auditor_cpu_ms_per_draft": 1000 * float(own_cpu) / linted,
            "load": [load_before, os.getloadavg()[0]]}
    print(f"{archive} {' '.join(options)}: {json.dumps(figures)}", file=sys.stderr, flush=True)   # partial results
    return figures


def kill_check(workdir: Path, archive: str, reference: str, total: int) -> dict:
    """SIGKILL an audit halfway, restart it, and compare its database with an uninterrupted run's."""
    db = workdir / "killed.sqlite"
    db.unlink(missing_ok=True)
    command = [sys.executable, "-m", "linter", "audit", archive, "--db", db.name, "--no-config", "--jobs", "2"]
    running = subprocess.Popen(command, cwd=workdir, stderr=subprocess.DEVNULL)
    stored = 0
    while stored < total // 2:
        time.sleep(1)
        try:
            with closing(sqlite3.connect(db)) as connection:
                stored = connection.execute("SELECT count(*) FROM drafts").fetchone()[0]
        except sqlite3.OperationalError:
            pass
    running.send_signal(signal.SIGKILL)
    running.wait()
    with closing(sqlite3.connect(db)) as connection:
        stored = connection.execute("SELECT count(*) FROM drafts").fetchone()[0]
    subprocess.run(command, cwd=workdir, check=True, stderr=subprocess.DEVNULL)
    from linter.audit.store import content_rows
    with closing(sqlite3.connect(db)) as killed, closing(sqlite3.connect(workdir / reference)) as whole:
        equal = list(content_rows(killed)) == list(content_rows(whole))
        (linted, skipped), = killed.execute("SELECT drafts_linted, drafts_skipped FROM runs WHERE id = 2")
    return {"stored_at_kill": stored, "restart_linted": linted, "restart_skipped": skipped,
            "linted_twice": stored + linted - total, "equal_to_uninterrupted": equal}


# two workers on local processes and on a Dask LocalCluster (the default batch size unless given)
RUNS = {"local": ("--jobs", "2"), "dask": ("--scheduler", "local", "--jobs", "2")}
BATCH_SIZES = f"1,4,{DEFAULT_BATCH},64"


def archive_of(workdir: Path, drafts: int) -> str:
    """The folder of the first `drafts` generated drafts (generated once, kept in the workdir; renamed
    into place when complete, so an interrupted benchmark leaves no half archive to reuse)."""
    name = f"archive-{drafts}"
    if not (workdir / name).exists():
        shutil.rmtree(workdir / f"{name}.partial", ignore_errors=True)
        generate.generate_drafts(drafts, workdir / f"{name}.partial")
        (workdir / f"{name}.partial").rename(workdir / name)
    return name


def benchmark(drafts: int, small: int, batch_sizes: list[int], memory_sizes: list[int], workdir: Path,
              with_kill_check: bool) -> dict:
    archive, small_archive = archive_of(workdir, drafts), archive_of(workdir, small)
    figures = {"drafts": drafts, "small": small, "cpus": os.cpu_count(), "batch_size": DEFAULT_BATCH}
    figures["one_worker"] = audit(workdir, small_archive, "one.sqlite", "--jobs", "1")
    figures["two_workers_small"] = audit(workdir, small_archive, "two.sqlite", "--jobs", "2")
    figures["batch_sizes"] = [audit(workdir, small_archive, f"batch-{size}.sqlite", *RUNS["dask"], "--batch-size", str(size))
                              for size in batch_sizes]
    # the peak memory of the auditing process at archive sizes between the two (it should not grow)
    figures["memory"] = [{"drafts": size, **{kind: audit(workdir, archive_of(workdir, size), f"{kind}-{size}.sqlite",
                                                          *options)["peak_rss_mb"] for kind, options in RUNS.items()}}
                         for size in memory_sizes if small < size < drafts]
    figures["local"] = audit(workdir, archive, "local.sqlite", *RUNS["local"])
    figures["dask"] = audit(workdir, archive, "dask.sqlite", *RUNS["dask"])
    from linter.audit.store import content_rows
    with closing(sqlite3.connect(workdir / "local.sqlite")) as a, closing(sqlite3.connect(workdir / "dask.sqlite")) as b:
        figures["dask_equals_local"] = list(content_rows(a)) == list(content_rows(b))
    figures["speedup_two_workers"] = figures["two_workers_small"]["files_per_s"] / figures["one_worker"]["files_per_s"]
    # what the speed-up would be on two idle cores: one worker's CPU time over half the two-worker tree's
    figures["speedup_two_workers_cpu"] = figures["one_worker"]["cpu"] / (figures["two_workers_small"]["cpu"] / 2)
    figures["dask_overhead_wall"] = figures["local"]["files_per_s"] / figures["dask"]["files_per_s"] - 1
    figures["dask_overhead_cpu"] = figures["dask"]["cpu"] / figures["local"]["cpu"] - 1
    figures["memory_growth"] = figures["local"]["peak_rss_mb"] / figures["two_workers_small"]["peak_rss_mb"]
    figures["memory_growth_dask"] = figures["dask"]["peak_rss_mb"] / default_batch(figures)["peak_rss_mb"]
    if with_kill_check:
        figures["kill_check"] = kill_check(workdir, archive, "local.sqlite", drafts)
    return figures


def default_batch(f: dict) -> dict:
    """The LocalCluster run on the small archive with the whole archive's batch size."""
    return next(r for r in f["batch_sizes"] if r["options"][-1] == str(f.get("batch_size", 16)))


def memory_rows(f: dict) -> list[dict]:
    """The auditing process's peak memory by archive size, for local processes and a LocalCluster."""
    return [{"drafts": f["small"], "local": f["two_workers_small"]["peak_rss_mb"],
             "dask": default_batch(f)["peak_rss_mb"]}, *f.get("memory", []),
            {"drafts": f["drafts"], "local": f["local"]["peak_rss_mb"], "dask": f["dask"]["peak_rss_mb"]}]


def render(f: dict) -> str:
    def row(name: str, r: dict) -> str:
        load = r.get("load", ["?", "?"])
        return (f"| {name} | {r['drafts']:,} | {r['files_per_s']:.1f} | {r['lint_ms_per_draft']:.1f} | "
                f"{r['write_ms_per_draft']:.2f} | {r['auditor_cpu_ms_per_draft']:.2f} | {r['cpu']:.0f} | "
                f"{1000 * r['cpu'] / r['drafts']:.1f} | {r['wall']:.0f} | {r['peak_rss_mb']:.0f} | {load[0]:.1f}–{load[1]:.1f} |")
    lines = [f"Audit benchmark: {f['drafts']:,} drafts ({f['small']:,} for the worker and batch comparisons), "
             f"{f['cpus']} CPUs", "",
             "| run | drafts | files/s | lint ms/draft | write ms/draft | auditor CPU ms/draft | CPU s (tree) "
             "| CPU ms/draft (tree) | wall s | peak RSS MB | load average |",
             "|---|---|---|---|---|---|---|---|---|---|---|",
             row("1 local worker", f["one_worker"]), row("2 local workers", f["two_workers_small"]),
             *[row(f"LocalCluster 2, batch {r['options'][-1]}", r) for r in f["batch_sizes"]],
             row("2 local workers, whole archive", f["local"]), row("LocalCluster 2, whole archive", f["dask"]), "",
             f"2 workers / 1 worker: {f['speedup_two_workers']:.2f}x by files/s, {f['speedup_two_workers_cpu']:.2f}x "
             f"by CPU time (target >= 1.8)",
             f"Dask over local processes: {100 * f['dask_overhead_wall']:+.1f} % by files/s, "
             f"{100 * f['dask_overhead_cpu']:+.1f} % by CPU time (target <= 15 %)",
             f"identical databases, Dask and local: {f['dask_equals_local']}",
             f"database: {f['local']['db_bytes_per_draft']:,.0f} bytes per draft",
             "peak memory of the auditing process (MB), local processes / LocalCluster: " + ", ".join(
                 f"{r['drafts']:,} drafts {r['local']:.0f} / {r['dask']:.0f}" for r in memory_rows(f)),
             f"whole archive / {f['small']:,} drafts: {f['memory_growth']:.2f} (local processes), "
             f"{f['memory_growth_dask']:.2f} (LocalCluster)"]
    if "kill_check" in f:
        k = f["kill_check"]
        lines.append(f"SIGKILL at {k['stored_at_kill']:,} stored drafts, restart linted {k['restart_linted']:,} "
                     f"and skipped {k['restart_skipped']:,} ({k['linted_twice']} linted twice); "
                     f"equal to the uninterrupted run: {k['equal_to_uninterrupted']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--drafts", type=int, default=20_000)
    parser.add_argument("--small", type=int, default=1_000, help="drafts for the worker and batch comparisons")
    parser.add_argument("--batch-sizes", default=BATCH_SIZES, metavar="N,N",
                        help=f"batch sizes to compare on a LocalCluster (default {BATCH_SIZES})")
    parser.add_argument("--memory-sizes", default="5000", metavar="N,N",
                        help="archive sizes between --small and --drafts at which to measure peak memory too")
    parser.add_argument("--workdir", type=Path, help="keep the archive and databases here (and reuse the archive)")
    parser.add_argument("--kill-check", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--show", type=Path, metavar="FILE", help="print a saved --json result as a table")
    args = parser.parse_args(argv)
    if args.show:
        print(render(json.loads(args.show.read_text())))
        return 0
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="factlint-audit-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("FACTLINT_CACHE_DIR", str(workdir / "cache"))
    batch_sizes = sorted({DEFAULT_BATCH, *(int(size) for size in args.batch_sizes.split(",") if size)})
    memory_sizes = [int(size) for size in args.memory_sizes.split(",") if size]
    figures = benchmark(args.drafts, min(args.small, args.drafts), batch_sizes, memory_sizes, workdir,
                        args.kill_check)
    print(json.dumps(figures, indent=2) if args.json else render(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
