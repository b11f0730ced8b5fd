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


def fact_to_dict(rule) -> dict:
    """One fact of the pack as `factlint facts --format json` lists it."""
    return {
        "id": rule.id, "kind": rule.kind, "topic": rule.topic, "severity": str(rule.severity),
        "statement": dict(rule.statement), "as_of": rule.as_of.isoformat(),
        "until": rule.until.isoformat() if rule.until else None, "until_note": rule.until_note or None,
        "lifetime": rule.lifetime, "sources": [{"file": s.file, "quote": s.quote} for s in rule.sources],
        "defined_at": rule.origin,
    }


def format_facts_text(rules) -> str:
    """The pack's facts, one block each: id, kind, dates, statement, sources."""
    blocks = []
    for rule in rules:
        until = f", until {rule.until.isoformat()}" if rule.until else ""
        lines = [f"{rule.id} ({rule.kind}, {rule.lifetime}; as of {rule.as_of.isoformat()}{until})"]
        lines += [f"  {lang}: {text}" for lang, text in rule.statement.items()]
        lines += [f'  source {s.file}: "{s.quote}"' for s in rule.sources]
        if rule.until_note:
            lines.append(f"  until: {rule.until_note}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + f"\n\n{len(rules)} facts\n"


def format_facts_json(rules) -> str:
    return json.dumps({"version": JSON_VERSION, "facts": [fact_to_dict(r) for r in rules]},
                      ensure_ascii=False, indent=2) + "\n"


FACT_FORMATTERS = {"text": format_facts_text, "json": format_facts_json}
