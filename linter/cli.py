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
    check.add_argument("--format", choices=("text", "json"), default="text")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default="error",
                       help="lowest severity that makes the exit code 1 (default: error)")
    check.add_argument("--lang", choices=("de", "en"), help="language of the drafts (default: front matter, else guessed)")
    check.add_argument("--date", type=_date, help="date of the drafts, YYYY-MM-DD (default: front matter, else today)")

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
    """Parse one draft; a string error message instead when it cannot be read."""
    from .segments import ReadError, read_document
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return f"file too large ({size} bytes; the limit is {MAX_FILE_BYTES})"
        return read_document(str(path), path.read_bytes())
    except ReadError as exc:
        return str(exc)
    except OSError as exc:
        return f"cannot read: {exc.strerror}"


def _check(args) -> int:
    from .engine import lint_document
    from .findings import Severity
    from .formatters import FORMATTERS, Report
    rulebook = _load_rulebook(args.rules)
    if rulebook is None:
        return Exit.ERROR
    files, read_errors = collect_files(args.paths)
    findings = []
    for path in files:
        doc = _read(path)
        if isinstance(doc, str):
            read_errors.append((str(path), doc))
            continue
        findings += lint_document(doc, rulebook, lang=args.lang, today=args.date)
    for path, message in read_errors:
        print(f"factlint: {path}: {message}; skipped", file=sys.stderr)
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


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `factlint` command."""
    args = _parser().parse_args(argv)
    try:
        return _check(args) if args.command == "check" else _rules(args)
    except KeyboardInterrupt:
        return Exit.ERROR
    except BrokenPipeError:  # `factlint check | head` must not end in a traceback
        return Exit.CLEAN
