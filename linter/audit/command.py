"""`factlint audit ARCHIVE... --db FILE`: the options, and the run that ties archive, runner and store.

This module is imported whenever the command line is parsed, so it imports nothing heavy at the top:
the linter, sqlite3 and Dask are loaded only when an audit runs.
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

DEFAULT_BATCH = 16      # drafts per task; measured in benchmarks/audit.py (docs/audit.md)


def add_parser(commands, add_rules_option, positive, date, parents=()) -> None:
    """Register `factlint audit` with the command line's subcommands."""
    audit = commands.add_parser("audit", help="lint whole archives into an SQLite database (resumable)",
                                parents=list(parents))
    audit.add_argument("archives", nargs="+", metavar="ARCHIVE", help="folders (or files) of drafts")
    audit.add_argument("--db", type=Path, required=True, metavar="FILE",
                       help="the audit database (created if absent; a rerun lints only what it lacks)")
    audit.add_argument("--rev", metavar="REV", help="audit the archives as they are at this git revision")
    add_rules_option(audit)
    audit.add_argument("--jobs", "-j", type=positive, metavar="N",
                       help="local processes, or LocalCluster workers with --scheduler local (default: CPU count)")
    audit.add_argument("--scheduler", metavar="ADDRESS",
                       help="run on Dask: tcp://HOST:PORT of a scheduler, or `local` for a LocalCluster "
                            "(needs pip install 'factlint[audit]')")
    audit.add_argument("--batch-size", type=positive, default=DEFAULT_BATCH, metavar="N",
                       help=f"drafts per task (default {DEFAULT_BATCH})")
    audit.add_argument("--lang", choices=("de", "en"), help="language of drafts without front matter `lang`")
    audit.add_argument("--date", type=date, help="date of drafts without front matter `date`, YYYY-MM-DD")
    audit.add_argument("--fact-window", type=int, metavar="DAYS",
                       help="days a changeable fact without `until` is trusted (default: config, else 365)")


def run(args: argparse.Namespace) -> int:
    """Audit the archives into the database; 0 when every draft is stored, 2 on an error."""
    from ..cli import Exit, _print_errors
    from ..config import ConfigError
    from ..fields import RuleError
    from .archive import ArchiveError
    from .runners import SchedulerError
    from .schema import AuditDbError
    try:
        return _audit(args)
    except (ConfigError, RuleError, ArchiveError, AuditDbError, SchedulerError) as exc:
        _print_errors(exc)
        return Exit.ERROR


def _pack(args):
    """The AuditPack for the run's configuration (the current directory's, or --config / --no-config)."""
    from ..cli import _Packs
    from ..config import ConfigFinder
    from ..resources import default_rules_dir, default_seeds_dir
    from ..rulebook import pack_key
    from .batch import AuditPack
    config = ConfigFinder(args.config, args.no_config).for_path(Path.cwd())
    packs = _Packs(args.rules)
    rulebook, rules = packs.rules(config)
    dirs = list(args.rules or config.pack_dirs(default_rules_dir()))
    fact_window = config.fact_window if args.fact_window is None else args.fact_window
    options = [pack_key([d.resolve() for d in dirs], (default_seeds_dir(),)),
               *sorted(f"{r.id}={r.severity}" for r in rules), repr(config.severity), repr(config.enable),
               repr(config.disable), str(config.lang), str(args.lang), str(args.date), str(fact_window)]
    key = hashlib.sha256("\0".join(options).encode()).hexdigest()
    return config, AuditPack(rulebook, tuple(rules), config, args.lang, args.date, fact_window, key)


def _batches(archive, store, progress, size: int):
    """Batches of (path, bytes, content hash) of the drafts not yet stored; unreadable drafts are
    stored at once as such (they need no worker)."""
    from .batch import unreadable
    batch = []
    for draft in archive.drafts():
        content_hash = hashlib.sha256(draft.data or b"").hexdigest()
        if store.stored(draft.path, content_hash):
            store.skip()
            progress.skip()
            continue
        if draft.data is None:
            store.write([unreadable(draft.path, content_hash, 0, draft.problem)], 0.0)
            progress.step(1)
            continue
        batch.append((draft.path, draft.data, content_hash))
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _audit(args) -> int:
    import os

    from .. import __version__
    from ..cli import Exit
    from .archive import FolderArchive, GitArchive
    from .progress import AuditProgress
    from .runners import make_runner, run_batches
    from .store import Store
    config, pack = _pack(args)
    archive = GitArchive(args.archives, args.rev) if args.rev else \
        FolderArchive(args.archives, config.walked_file_selected)
    jobs = args.jobs or os.cpu_count() or 1
    runner = make_runner(pack, args.scheduler, jobs)
    store = Store(args.db, {"factlint_version": __version__, "pack_hash": pack.key, "archives": args.archives,
                            "revision": args.rev, "scheduler": args.scheduler or "processes",
                            "workers": runner.workers, "batch_size": args.batch_size})
    store.record_facts(pack.rules)
    progress = AuditProgress(archive.count() if sys.stderr.isatty() else 0, sys.stderr)
    status = "failed"
    try:
        for records, seconds in run_batches(runner, _batches(archive, store, progress, args.batch_size),
                                            window=2 * runner.workers):
            store.write(records, seconds)
            progress.step(len(records))
        status = "complete"
    finally:
        progress.finish()
        runner.close()
        store.finish(status)
    print(f"factlint: audit {args.db}: {store.linted:,} drafts linted, {store.skipped:,} already stored",
          file=sys.stderr)
    return Exit.CLEAN
