"""Output formats: pure functions from findings (and read errors) to text."""
from __future__ import annotations

import json
from dataclasses import dataclass

from .findings import Finding, Severity

JSON_VERSION = 1


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run produced: findings, files linted, files that could not be read."""

    findings: tuple[Finding, ...]
    files: int
    read_errors: tuple[tuple[str, str], ...] = ()    # (path, message)


def _counts(findings) -> dict:
    return {str(level): sum(1 for f in findings if f.severity == level) for level in reversed(Severity)}


def format_text(report: Report) -> str:
    """`path:line:col: severity [rule] message`, one per line, then a summary line."""
    lines = [f"{f.path}:{f.line}:{f.column}: {f.severity} [{f.rule}] {f.message}" for f in report.findings]
    counts = _counts(report.findings)
    summary = ", ".join(f"{n} {name}{'s' if n != 1 and name != 'info' else ''}" for name, n in counts.items())
    skipped = f", {len(report.read_errors)} not readable" if report.read_errors else ""
    lines.append(f"{summary} in {report.files} file{'s' if report.files != 1 else ''}{skipped}")
    return "\n".join(lines) + "\n"


def format_json(report: Report) -> str:
    """The documented JSON contract (README, "JSON output")."""
    payload = {
        "version": JSON_VERSION,
        "findings": [f.to_dict() for f in report.findings],
        "summary": {"files": report.files, **_counts(report.findings),
                    "unreadable": [{"path": p, "message": m} for p, m in report.read_errors]},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {"text": format_text, "json": format_json}
