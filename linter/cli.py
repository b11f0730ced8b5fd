"""The `factlint` command: argument parsing, reading files, choosing a formatter, the exit code.

No lint logic lives here. Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,
2 usage, rule or input error.
"""
from __future__ import annotations

import argparse
import datetime as dt
import enum
import errno
import os
import shutil
import signal
import stat
import sys
import tempfile
import traceback
import warnings
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from . import regexcache

# before the linter's modules are imported: they compile their patterns when they are
regexcache.install()

from . import __version__, bounded  # noqa: E402
from .audit import command as audit_command  # noqa: E402
from .formatters import FORMATTERS, shown_path, terminal_safe  # noqa: E402
from .report import command as report_command  # noqa: E402

if TYPE_CHECKING:
    from .config import Config, ConfigFinder

MAX_FILE_BYTES = 20 * 1024 * 1024     # a draft larger than this is a mistake (a video, an archive dump)
DRAFT_SUFFIXES = (".md", ".markdown", ".txt")


class Exit(enum.IntEnum):
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2
    INTERRUPTED = 130       # 128 + SIGINT, as shells report a command stopped by Ctrl-C


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2 with one clear line, as argparse does, but say how to get help
        self.print_usage(sys.stderr)
        self.exit(Exit.ERROR, f"{self.prog}: error: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factlint", description="Report claims in drafts that contradict verified facts.")
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true",
                        help="print the traceback of an internal error (a bug in factlint: please report it)")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="lint drafts (files or directories; default: .)", parents=[common])
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    _add_rules_option(check)
    check.add_argument("--format", choices=tuple(FORMATTERS), default="text")
    check.add_argument("--jobs", "-j", type=_positive, default=os.cpu_count() or 1, metavar="N",
                       help="lint on N processes, output in the same order (default: the CPU count)")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour the text output (default: on a terminal, unless NO_COLOR is set)")
    check.add_argument("--fail-on", choices=("error", "warning", "info"),
                       help="lowest severity that makes the exit code 1 (default: the config's fail_on, else error)")
    check.add_argument("--lang", choices=("de", "en"),
                       help="language of the drafts (default: front matter, else the config's lang, else guessed)")
    check.add_argument("--date", type=_date,
                       help="date of drafts without one in their front matter, YYYY-MM-DD (default: today)")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true",
                        help="apply unambiguous fixes (name spellings) in place, atomically")
    fixing.add_argument("--diff", action="store_true", help="show the fixes as a unified diff; write nothing")
    check.add_argument("--fact-window", type=_days, metavar="DAYS",
                       help="days a changeable fact without `until` is trusted after its as_of "
                            "(default: the config's fact_window, else 365)")
    check.add_argument("--baseline", type=Path, metavar="FILE",
                       help="report only findings that this baseline does not record")
    check.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="record the current findings in FILE (JSON) and report nothing")
    check.add_argument("--diff-base", metavar="REF", help="report only findings on lines changed since git ref REF")

    facts = commands.add_parser("facts", help="list the pack's facts with statement, dates and sources",
                                parents=[common])
    _add_rules_option(facts)
    facts.add_argument("--format", choices=("text", "json"), default="text")

    lsp = commands.add_parser("lsp", help="run the language server for editors on stdin/stdout (extra: factlint[lsp])",
                              parents=[common])
    lsp.add_argument("--debounce", type=int, default=300, metavar="MS",
                     help="lint a changed document after MS milliseconds without a further change (default: 300)")
    _add_rules_option(lsp)

    rules = commands.add_parser("rules", help="validate a rule pack or run its examples")
    rules_commands = rules.add_subparsers(dest="rules_command", required=True, parser_class=_Parser)
    for name, text in (("check", "validate the pack, including every source quote"),
                       ("test", "run every rule's flag and pass examples")):
        _add_rules_option(rules_commands.add_parser(name, help=text, parents=[common]))
    rules_commands.add_parser("schema", help="print the JSON Schema of rule files (for editors; docs/rule-format.md)",
                              parents=[common])
    audit_command.add_parser(commands, _add_rules_option, _positive, _date, parents=[common])
    report_command.add_parser(commands, parents=[common])
    return parser


def _add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", action="append", type=Path, metavar="DIR",
                        help="rule pack directory (repeatable; default: the config's, else the packaged pack)")
    config = parser.add_mutually_exclusive_group()
    config.add_argument("--config", type=Path, metavar="FILE",
                        help="use this configuration for every draft (.factlint.yaml, or a pyproject.toml with "
                             "[tool.factlint]) instead of the nearest one")
    config.add_argument("--no-config", action="store_true", help="ignore configuration files")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1: {text!r}")
    return value


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number of days (0 or more): {text!r}")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


class _Packs:
    """Rule packs, each loaded once, and each configuration's selection of their rules."""

    def __init__(self, cli_dirs: list[Path] | None):
        self.cli_dirs = cli_dirs            # --rules replaces the configured directories
        self.books: dict = {}
        self.selected: dict = {}

    def book(self, config: Config):
        """The rule pack the configuration names; RuleError or ConfigError on problems."""
        from .resources import default_rules_dir, default_seeds_dir
        from .rulebook import load_pack_cached
        dirs = tuple(self.cli_dirs) if self.cli_dirs else config.pack_dirs(default_rules_dir())
        key = tuple(d.resolve() for d in dirs)
        if key not in self.books:
            self.books[key] = load_pack_cached(list(dirs), (default_seeds_dir(),))
        return self.books[key]

    def rules(self, config: Config) -> tuple:
        """(rule pack, its rules as the configuration enables them and sets their severity)."""
        from .config import ConfigError
        if config not in self.selected:
            book = self.book(config)
            # a configuration's prefixes are checked against its own pack, not against one given by --rules
            problems = [] if self.cli_dirs else config.unknown_prefixes(r.id for r in book.rules)
            if problems:
                raise ConfigError(problems)
            self.selected[config] = (book, config.select_rules(book.rules))
        return self.selected[config]


def _print_errors(exc: Exception) -> int:
    """Print a configuration, rule pack, baseline or git problem; the exit code for it."""
    for message in getattr(exc, "messages", None) or [str(exc)]:
        _say(message)
    return Exit.ERROR


def _load_rulebook(args):
    """The rule pack for the working directory's configuration, or None after printing every problem."""
    from .config import ConfigError, ConfigFinder
    from .fields import RuleError
    try:
        config = ConfigFinder(args.config, args.no_config).for_path(Path.cwd())
        return _Packs(args.rules).rules(config)[0]
    except (RuleError, ConfigError) as exc:
        _print_errors(exc)
        return None


def collect_files(paths: list[str], finder: ConfigFinder | None = None) -> tuple[list[Path], list[tuple[str, str]]]:
    """Drafts under the given paths, and bad paths with what is wrong with each.

    Directories are searched recursively (hidden ones skipped, symlinks followed) and filtered by the
    configuration's include/exclude; what the walk cannot read (a directory without permission, a
    symlink loop, a FIFO or device named like a draft) is reported, once. A path named explicitly is
    read whatever it is (a FIFO, /dev/stdin) unless its configuration excludes it."""
    from .config import ConfigFinder
    finder = finder or ConfigFinder(isolated=True)
    files, problems = [], []
    for raw in paths:
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as exc:
            problems.append((shown_path(raw), _path_problem(exc)))
            continue
        if stat.S_ISDIR(info.st_mode):
            found: list[Path] = []
            _walk(path, {(info.st_dev, info.st_ino)}, finder, found, problems)
            files += sorted(found)
        elif not finder.for_path(path).excluded(path):
            files.append(path)
    return files, problems


def _path_problem(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "no such file or directory"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    return f"cannot read: {exc.strerror}"


def _walk(directory: Path, chain: set, finder, files: list, problems: list) -> None:
    """Add the drafts below `directory`; `chain` holds the (device, inode) of the directories above,
    so that a symlink back up the tree is reported instead of followed forever."""
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        problems.append((shown_path(str(directory)), f"cannot read directory: {exc.strerror}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            info = entry.stat()             # follows symlinks
        except OSError as exc:
            if path.suffix.lower() in DRAFT_SUFFIXES or entry.is_dir(follow_symlinks=False):
                problems.append((shown_path(entry.path), _path_problem(exc)))
            continue
        if stat.S_ISDIR(info.st_mode):
            key = (info.st_dev, info.st_ino)
            if key in chain:
                problems.append((shown_path(entry.path), "symbolic link loop (a link to a directory above it)"))
            elif not finder.for_path(path).excluded(path):
                _walk(path, chain | {key}, finder, files, problems)
        elif path.suffix.lower() in DRAFT_SUFFIXES and finder.for_path(path).walked_file_selected(path):
            if stat.S_ISREG(info.st_mode):
                files.append(path)
            else:
                problems.append((shown_path(entry.path), "not a regular file (a FIFO, socket or device)"))


def _read(path: Path):
    """(bytes, parsed draft); or a string error message when it cannot be read.

    A FIFO or /dev/stdin named on the command line is read to its end like a file."""
    from .segments import ReadError, read_document
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = b"" if size > MAX_FILE_BYTES else handle.read(MAX_FILE_BYTES + 1)
        if size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
            return f"file too large ({max(size, len(data))} bytes; the limit is {MAX_FILE_BYTES})"
        return data, read_document(shown_path(str(path)), data)
    except ReadError as exc:
        return str(exc)
    except OSError as exc:
        return f"cannot read: {exc.strerror}"


def _fix(path: Path, data: bytes, findings: list, write: bool) -> tuple[list, str | None]:
    """Apply the file's unambiguous fixes (or, without `write`, show them as a diff).

    Returns the findings that remain and an error message if the file could not be written. Only what
    was written is reported as fixed."""
    from .fixer import FixError, fixed_bytes, fixes_from, remove_stale_temporaries, unified_diff, write_atomically
    if write:
        remove_stale_temporaries(path)
    fixes = fixes_from(findings)
    if not fixes:
        return findings, None
    new, applied = fixed_bytes(data, fixes)
    if not write:
        sys.stdout.write(unified_diff(str(path), data, new))
        return findings, None
    shown = shown_path(str(path))
    for fix in fixes:
        if fix not in applied:
            _say(f'{shown}:{fix.line}:{fix.column}: left "{fix.found}": the file does not hold it there as written; '
                 "not changed")
    if not applied:
        return findings, None
    try:
        write_atomically(path, new)
    except FixError as exc:
        return findings, str(exc)
    for fix in applied:
        _say(f'{shown}:{fix.line}:{fix.column}: fixed "{fix.found}" -> "{fix.replacement}"')
    fixed = {(f.line, f.column, f.end_line, f.end_column) for f in applied}
    return [f for f in findings if (f.line, f.column, f.end_line, f.end_column) not in fixed], None


def _say(message: str) -> None:
    """One line on stderr, with terminal control characters from drafts and file names escaped."""
    print(f"factlint: {terminal_safe(message)}", file=sys.stderr)


def _conflict(args) -> str | None:
    if args.write_baseline and (args.baseline or args.diff_base or args.fix or args.diff):
        return "--write-baseline records every current finding; it cannot be combined with " \
               "--baseline, --diff-base, --fix or --diff"
    return None


def _narrow(path: Path, findings: list, args, changes, known) -> list:
    """Keep the findings on lines changed since --diff-base and not recorded in --baseline."""
    from . import baseline
    from .gitdiff import on_changed_lines
    if changes is not None:
        findings = on_changed_lines(findings, changes.of(path))
    if known is not None:
        findings = baseline.new_findings(findings, known, args.baseline.parent)
    return findings


def _check(args) -> int:
    from . import baseline
    from .config import ConfigFinder
    from .findings import Severity
    from .gitdiff import ChangedLines
    problem = _conflict(args)
    if problem:
        print(f"factlint: {problem}", file=sys.stderr)
        return Exit.ERROR
    failing, rules, recorded, unreadable_drafts = False, {}, Counter(), 0
    try:
        finder = ConfigFinder(args.config, args.no_config)
        files, read_errors = collect_files(args.paths, finder)
        known = baseline.read(args.baseline) if args.baseline else None
        changes = ChangedLines(args.diff_base) if args.diff_base else None
        packs = _Packs(args.rules)
        for raw in args.paths:      # a broken pack or config is an error even when no draft is found
            if Path(raw).exists():
                packs.rules(finder.for_path(Path(raw)))
        jobs = []
        for path in files:
            config = finder.for_path(path)
            rulebook, selected = packs.rules(config)
            rules.update((r.id, r) for r in selected if r.id not in rules)
            jobs.append((path, config, rulebook, selected))
        progress = Progress(len(files), sys.stderr)
        # with --diff, stdout carries the diff (for `git apply`); the findings go to stderr
        report = None if args.write_baseline else _Report(args, files, tuple(rules.values()), progress,
                                                          sys.stderr if args.diff else sys.stdout)
        workers = 1 if args.fix or args.diff else args.jobs   # fixes print as they are written: in order
        for (path, config, _, _), (found, problem) in zip(jobs, _run_jobs(jobs, (args, changes, known), workers)):
            progress.step()
            if problem:
                read_errors.append((shown_path(str(path)), problem))
                unreadable_drafts += 1
            threshold = Severity.parse(args.fail_on or config.fail_on)
            failing = failing or any(f.severity >= threshold for f in found)
            if args.write_baseline:
                recorded.update(baseline.key_counts(found, args.write_baseline.parent))
            elif report is not None:
                report.add(found)
        progress.done()
    except _run_errors() as exc:
        return _print_errors(exc)
    for path, message in read_errors:
        _say(f"{path}: {message}; skipped")
    if args.write_baseline:
        return _write_baseline(args.write_baseline, recorded, read_errors)
    # paths that do not exist never became drafts: only the drafts that could not be read are not linted
    report.close(len(files) - unreadable_drafts, tuple(read_errors))
    if read_errors:
        return Exit.ERROR
    return Exit.FINDINGS if failing else Exit.CLEAN


class _Report:
    """The report, written as each draft is done (in file order), so that a run holds one draft's
    findings at a time, not every draft's.

    It waits in a temporary file, and goes to stdout at the end, where a partial report would be wrong
    or garbled: with --diff-base (git may fail mid-run, and a failed run writes no report) and when a
    progress line is shown on the terminal the report goes to. When a draft is named twice, the
    findings wait in memory until the end: the CI fingerprints number a claim's repeats across both."""

    def __init__(self, args, files: list[Path], rules: tuple, progress: Progress, stream):
        from .formatters import SPOOL_BYTES, WRITERS, ci_path
        self.stream = stream
        self.held = bool(args.diff_base) or progress.enabled and _is_terminal(self.stream)
        self.out = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8",
                                                 errors="surrogatepass", newline="") if self.held else self.stream
        options = {"color": _use_color(args.color, self.stream)} if args.format == "text" else {}
        self.writer = WRITERS[args.format](self.out, rules, **options)
        self.pending: list | None = [] if len({ci_path(str(p)) for p in files}) < len(files) else None

    def add(self, findings: list) -> None:
        if self.pending is not None:
            self.pending += findings
            return
        try:
            self.writer.add(findings)
            if findings and not self.held:
                self.out.flush()
        except BrokenPipeError:
            self._reader_gone()

    def close(self, files: int, read_errors: tuple) -> None:
        try:
            if self.pending:
                self.writer.add(self.pending)
            self.writer.close(files, read_errors)
            if self.held:
                self.out.seek(0)
                shutil.copyfileobj(self.out, self.stream)
                self.out.close()
        except BrokenPipeError:
            self._reader_gone()

    def _reader_gone(self) -> None:
        """Stdout's reader has gone (`factlint check | head`): write the rest nowhere, and lint on, as
        when the report came at the end, so that the exit code still tells about every draft."""
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, self.stream.fileno())
        os.close(devnull)


# What forked workers inherit: the jobs (path, config, rule pack, selected rules) and the run's
# options. Passing rule packs to each worker by pickling would cost more than linting a draft.
_JOBS: list = []
_JOB_CONTEXT: tuple = ()


def _lint_job(index: int) -> tuple[list, str | None]:
    path, config, rulebook, selected = _JOBS[index]
    return _lint_file(path, config, rulebook, selected, *_JOB_CONTEXT)


def _run_jobs(jobs: list, context: tuple, workers: int):
    """(findings, problem) for each job, in the jobs' order, on `workers` processes.

    Few drafts (a pre-commit run) are linted in this process: starting workers would cost more."""
    global _JOBS, _JOB_CONTEXT
    if workers <= 1 or len(jobs) < 4 * workers or not hasattr(os, "fork"):
        for path, config, rulebook, selected in jobs:
            yield _lint_file(path, config, rulebook, selected, *context)
        return
    import multiprocessing
    _JOBS, _JOB_CONTEXT = jobs, context
    # Ctrl-C in a terminal reaches the whole process group: the workers ignore it (they inherit SIG_IGN
    # at the fork) and this process alone stops the run, terminating the pool; a worker that died of
    # KeyboardInterrupt mid-task printed a traceback and could leave the pool waiting forever.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        pool = multiprocessing.get_context("fork").Pool(workers)
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        yield from pool.imap(_lint_job, range(len(jobs)), chunksize=max(1, min(16, len(jobs) // (workers * 8))))
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        _JOBS, _JOB_CONTEXT = [], ()


def _lint_file(path: Path, config, rulebook, selected, args, changes, known) -> tuple[list, str | None]:
    """The findings of one draft after suppressions, --diff-base, --baseline and --fix, and a problem
    message if it could not be read or written, or factlint failed on it."""
    try:
        return _lint_file_unguarded(path, config, rulebook, selected, args, changes, known)
    except Exception as exc:  # noqa: BLE001 - a bug must cost this draft only, and never read as findings
        if isinstance(exc, _run_errors()):
            raise       # a git, pack or configuration problem stops the run with its own message
        return [], internal_error(exc, args.debug)


def _run_errors() -> tuple[type[Exception], ...]:
    """The errors that stop a run with their own message: configuration, rule pack, baseline, git."""
    from .baseline import BaselineError
    from .config import ConfigError
    from .fields import RuleError
    from .gitdiff import GitError
    return ConfigError, RuleError, BaselineError, GitError


def internal_error(exc: Exception, debug: bool) -> str:
    """One line for an unexpected exception (a bug); with --debug, its traceback goes to stderr first."""
    if debug:
        traceback.print_exception(exc, file=sys.stderr)
    detail = (str(exc).splitlines() or [""])[0][:200]
    return (f"internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
            f"please report it{'' if debug else ' (--debug shows the traceback)'}")


def _lint_file_unguarded(path: Path, config, rulebook, selected, args, changes, known) -> tuple[list, str | None]:
    from .engine import lint_document
    read = _read(path)
    if isinstance(read, str):
        return [], read
    data, doc = read
    found = lint_document(doc, rulebook, lang=args.lang, rules=selected, date=args.date,
                          fact_window=config.fact_window if args.fact_window is None else args.fact_window,
                          default_lang=config.lang)
    found = _narrow(path, config.adjust_meta(found), args, changes, known)
    if args.fix or args.diff:
        return _fix(path, data, found, write=args.fix)
    return found, None


def _use_color(choice: str, stream) -> bool:
    """Colour for --color always, never, or auto: a terminal, unless NO_COLOR is set (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    return not os.environ.get("NO_COLOR") and _is_terminal(stream)


def _is_terminal(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty()


class Progress:
    """"linting 120/2000" on a terminal's stderr while many drafts are linted; silent otherwise."""

    MIN_FILES = 20

    def __init__(self, total: int, stream):
        self.total, self.stream, self.count = total, stream, 0
        self.enabled = total >= self.MIN_FILES and _is_terminal(stream)

    def step(self) -> None:
        self.count += 1
        if self.enabled and (self.count % 10 == 0 or self.count == self.total):
            self.stream.write(f"\rfactlint: linting {self.count}/{self.total}")
            self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()


def _write_baseline(path: Path, counts: Counter, read_errors: list) -> int:
    """Record the findings (their counts per baseline key); an incomplete run (unreadable drafts) writes nothing."""
    from . import baseline
    if read_errors:
        print(f"factlint: baseline {path} not written: some drafts could not be read", file=sys.stderr)
        return Exit.ERROR
    try:
        baseline.write(path, counts)
    except baseline.BaselineError as exc:
        return _print_errors(exc)
    total = sum(counts.values())
    print(f"factlint: baseline {path}: {total} finding{'s' if total != 1 else ''} recorded", file=sys.stderr)
    return Exit.CLEAN


def _rules(args) -> int:
    if args.rules_command == "schema":
        from .schema import json_schema_text
        sys.stdout.write(json_schema_text())
        return Exit.CLEAN
    rulebook = _load_rulebook(args)
    if rulebook is None:
        return Exit.ERROR
    if args.rules_command == "check":
        print(f"{len(rulebook.rules)} rules, {len(rulebook.subjects)} subjects: ok")
        patterned = [r.id for r in rulebook.rules if getattr(r.expected, "contradicted_by", None)]
        print(f"{len(patterned)} of {len(rulebook.rules)} facts use regular expressions (contradicted_by), "
              "the last resort" + (f": {', '.join(patterned)}" if patterned else ""))
        return Exit.CLEAN
    from .selftest import run_all
    results = run_all(rulebook)
    failed = [r for r in results if not r.ok and not r.expected_failure]
    for r in failed:
        print(f"FAIL {r.test_id}: expected {'one finding' if r.expectation == 'flag' else 'none'}, "
              f"got {r.found}: {r.text}")
    xfail = sum(1 for r in results if r.expected_failure)
    passed = len(results) - len(failed) - xfail
    print(f"{passed} passed, {len(failed)} failed, {xfail} expected failures (kinds not checked yet)")
    return Exit.FINDINGS if failed else Exit.CLEAN


def _facts(args) -> int:
    from .formatters import FACT_FORMATTERS
    rulebook = _load_rulebook(args)
    if rulebook is None:
        return Exit.ERROR
    sys.stdout.write(FACT_FORMATTERS[args.format](rulebook.rules))
    return Exit.CLEAN


def _lsp(args) -> int:
    try:
        from .lsp.server import serve
    except ImportError as exc:
        if exc.name not in ("pygls", "lsprotocol") and not (exc.name or "").startswith(("pygls.", "lsprotocol.")):
            raise
        print("factlint: the language server needs the lsp extra: pip install 'factlint[lsp]'", file=sys.stderr)
        return Exit.ERROR
    return serve(max(args.debounce, 0) / 1000, args.rules, args.config, args.no_config)


COMMANDS = {"check": _check, "rules": _rules, "facts": _facts, "lsp": _lsp, "audit": audit_command.run,
            "report": report_command.run}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `factlint` command."""
    warnings.formatwarning = bounded.format_warning     # a pack pattern's overrun: one line on stderr
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)    # a second Ctrl-C must not end in a traceback
        clear = "\r\033[K" if _is_terminal(sys.stderr) else ""   # over the progress line, if one is shown
        print(f"{clear}factlint: interrupted; the report is incomplete", file=sys.stderr)
        return Exit.INTERRUPTED
    except BrokenPipeError:  # `factlint check | head` must not end in a traceback
        return Exit.CLEAN
    except Exception as exc:  # noqa: BLE001 - a bug is exit 2 with one line, never a traceback read as exit 1
        # every command takes --debug
        print(f"factlint: {internal_error(exc, getattr(args, 'debug', False))}", file=sys.stderr)
        return Exit.ERROR
    finally:
        regexcache.save()   # the patterns this run compiled first, for the next run
