"""`factlint report AUDIT.sqlite -o report.html`: the options; imports nothing heavy until it runs."""
from __future__ import annotations

import argparse
from pathlib import Path


def add_parser(commands, parents=()) -> None:
    """Register `factlint report` with the command line's subcommands."""
    report = commands.add_parser("report", help="write an audit database as one self-contained HTML page",
                                 parents=list(parents))
    report.add_argument("db", type=Path, metavar="AUDIT_DB", help="a database written by factlint audit")
    report.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the HTML file to write")
    report.add_argument("--lang", choices=("de", "en"),
                        help="the page's language (default: the language most of the drafts are in)")


def run(args: argparse.Namespace) -> int:
    from contextlib import closing

    from ..audit.schema import AuditDbError, connect
    from ..cli import Exit, _print_errors
    try:
        from .page import render_page
    except ImportError as exc:
        return _print_errors(ImportError(f"the report needs the audit extra: pip install 'factlint[audit]' ({exc})"))
    from .data import read_report_data
    try:
        with closing(connect(args.db, create=False)) as connection:
            page = render_page(read_report_data(connection, args.lang), args.db.name)
        args.output.write_text(page, encoding="utf-8")
    except AuditDbError as exc:
        return _print_errors(exc)
    except OSError as exc:
        return _print_errors(OSError(f"{args.output}: cannot write: {exc.strerror}"))
    return Exit.CLEAN
