"""The `factlint` command: argument parsing, reading files, choosing a formatter, the exit code.

No lint logic lives here. Exit codes: 0 nothing at or above the fail level, 1 findings at or above it,
2 usage, rule or input error.
"""
from __future__ import annotations

import argparse
import datetime as dt
import enum
import sys
from pathlib import Path

from . import __version__
from .formatters import FORMATTERS

MAX_FILE_BYTES = 20 * 1024 * 1024     # a draft larger than this is a mistake (a video, an archive dump)
DRAFT_SUFFIXES = (".md", ".markdown", ".txt")


class Exit(enum.IntEnum):
    CLEAN = 0
    FINDINGS = 1
    ERROR = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # usage errors exit 2 with one clear line, as argparse does, but say how to get help
        self.print_usage(sys.stderr)
        self.exit(Exit.ERROR, f"{self.prog}: error: {message} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factlint", description="Report claims in drafts that contradict verified facts.")
    parser.add_argument("--version", action="version", version=f"factlint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help="lint drafts (files or directories; default: .)")
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    _add_rules_option(check)
    check.add_argument("--format", choices=tuple(FORMATTERS), default="text")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                       help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--lang", choices=("de", "en"), help="language of the drafts (default: front matter, else guessed)")
    check.add_argument("--date", type=_date,
                       help="date of drafts without one in their front matter, YYYY-MM-DD (default: today)")
    fixing = check.add_mutually_exclusive_group()
    fixing.add_argument("--fix", action="store_true",
                        help="apply unambiguous fixes (name spellings) in place, atomically")
    fixing.add_argument("--diff", action="store_true", help="show the fixes as a unified diff; write nothing")
    check.add_argument("--fact-window", type=int, default=365, metavar="DAYS",
                       help="days a changeable fact without `until` is trusted after its as_of (default 365)")

    facts = commands.add_parser("facts", help="list the pack's facts with statement, dates and sources")
    _add_rules_option(facts)
    facts.add_argument("--format", choices=("text", "json"), default="text")

    rules = commands.add_parser("rules", help="validate a rule pack or run its examples")
    rules_commands = rules.add_subparsers(dest="rules_command", required=True, parser_class=_Parser)
    for name, text in (("check", "validate the pack, including every source quote"),
                       ("test", "run every rule's flag and pass examples")):
        _add_rules_option(rules_commands.add_parser(name, help=text))
    return parser


def _add_rules_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rules", action="append", type=Path, metavar="DIR",
                        help="rule pack directory (repeatable; default: the packaged pack)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _load_rulebook(dirs):
    """The rule pack, or None after printing every problem with file and line."""
    from .fields import RuleError
    from .resources import default_rules_dir, default_seeds_dir
    from .rulebook import load_pack
    try:
        return load_pack(list(dirs or [default_rules_dir()]), (default_seeds_dir(),))
    except RuleError as exc:
        for message in exc.messages:
            print(f"factlint: {message}", file=sys.stderr)
        return None


def collect_files(paths: list[str]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Drafts under the given paths (directories recursively, hidden ones skipped), and bad paths."""
    files, problems = [], []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in DRAFT_SUFFIXES and p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            files.append(path)
        else:
            problems.append((raw, "no such file or directory"))
    return files, problems


def _read(path: Path):
    """(bytes, parsed draft); or a string error message when it cannot be read."""
    from .segments import ReadError, read_document
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return f"file too large ({size} bytes; the limit is {MAX_FILE_BYTES})"
        data = path.read_bytes()
        return data, read_document(str(path), data)
    except ReadError as exc:
        return str(exc)
    except OSError as exc:
        return f"cannot read: {exc.strerror}"


def _fix(path: Path, data: bytes, findings: list, write: bool) -> tuple[list, str | None]:
    """Apply the file's unambiguous fixes (or, without `write`, show them as a diff).

    Returns the findings that remain and an error message if the file could not be written."""
    from .fixer import FixError, fixed_bytes, fixes_from, unified_diff, write_atomically
    fixes = fixes_from(findings)
    if not fixes:
        return findings, None
    new = fixed_bytes(data, fixes)
    if not write:
        sys.stdout.write(unified_diff(str(path), data, new))
        return findings, None
    try:
        write_atomically(path, new)
    except FixError as exc:
        return findings, str(exc)
    for fix in fixes:
        print(f'factlint: {path}:{fix.line}:{fix.column}: fixed "{fix.found}" -> "{fix.replacement}"', file=sys.stderr)
    fixed = {(f.line, f.column, f.end_line, f.end_column) for f in fixes}
    return [f for f in findings if (f.line, f.column, f.end_line, f.end_column) not in fixed], None


def _check(args) -> int:
    from .engine import lint_document
    from .findings import Severity
    from .formatters import Report
    rulebook = _load_rulebook(args.rules)
    if rulebook is None:
        return Exit.ERROR
    files, read_errors = collect_files(args.paths)
    findings = []
    for path in files:
        read = _read(path)
        if isinstance(read, str):
            read_errors.append((str(path), read))
            continue
        data, doc = read
        found = lint_document(doc, rulebook, lang=args.lang, date=args.date, fact_window=args.fact_window)
        if args.fix or args.diff:
            found, problem = _fix(path, data, found, write=args.fix)
            if problem:
                read_errors.append((str(path), problem))
        findings += found
    for path, message in read_errors:
        print(f"factlint: {path}: {message}; skipped", file=sys.stderr)
    if args.diff:
        return Exit.ERROR if read_errors else Exit.CLEAN
    sys.stdout.write(FORMATTERS[args.format](Report(tuple(findings), len(files) - len(read_errors), tuple(read_errors))))
    if read_errors:
        return Exit.ERROR
    threshold = Severity.parse(args.fail_on)
    return Exit.FINDINGS if any(f.severity >= threshold for f in findings) else Exit.CLEAN


def _rules(args) -> int:
    rulebook = _load_rulebook(args.rules)
    if rulebook is None:
        return Exit.ERROR
    if args.rules_command == "check":
        print(f"{len(rulebook.rules)} rules, {len(rulebook.subjects)} subjects: ok")
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
    rulebook = _load_rulebook(args.rules)
    if rulebook is None:
        return Exit.ERROR
    sys.stdout.write(FACT_FORMATTERS[args.format](rulebook.rules))
    return Exit.CLEAN


COMMANDS = {"check": _check, "rules": _rules, "facts": _facts}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `factlint` command."""
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return Exit.ERROR
    except BrokenPipeError:  # `factlint check | head` must not end in a traceback
        return Exit.CLEAN
