"""Output formats: pure functions from findings (and read errors) to text."""
from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from . import __version__
from .findings import Finding, Severity, claim_key

JSON_VERSION = 1


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run produced: findings, files linted, files that could not be read."""

    findings: tuple[Finding, ...]
    files: int
    read_errors: tuple[tuple[str, str], ...] = ()    # (path, message)
    # the pack's rules (linter.rulebook.Rule), optional: SARIF takes rule statements and default
    # severities from them; without them it reads what the findings carry
    rules: tuple = ()


def _counts(findings) -> dict:
    return {str(level): sum(1 for f in findings if f.severity == level) for level in reversed(Severity)}


_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def format_text(report: Report, color: bool = False) -> str:
    """`path:line:col: severity [rule] message`, one per line, then a summary line; ANSI colour if asked."""
    def paint(text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if color else text
    lines = [f"{paint(f'{f.path}:{f.line}:{f.column}:', _BOLD)} {paint(str(f.severity), _COLORS[f.severity])} "
             f"{paint(f'[{f.rule}]', _DIM)} {f.message}" for f in report.findings]
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


# --- shared by the CI formats ----------------------------------------------------------------------

FINGERPRINT_KEY = "factlint/v1"


def ci_path(path: str) -> str:
    """The path as CI services want it: forward slashes, no leading "./"."""
    if os.sep != "/":
        path = path.replace(os.sep, "/")
    while path.startswith("./"):
        path = path[2:]
    return path


def fingerprints(findings) -> list[str]:
    """One content fingerprint per finding, in the findings' order.

    sha256 of rule id, path and normalised claim text, with no line or column, so a finding keeps its
    fingerprint when text is inserted above it. The n-th repeat (n >= 1, in position order) of the
    same rule, path and claim also mixes in n, so repeats stay distinct (GitLab merges equal ones).
    """
    findings = list(findings)
    result = [""] * len(findings)
    repeats: Counter = Counter()
    for i in sorted(range(len(findings)), key=lambda i: findings[i]):
        f = findings[i]
        key = "\0".join((f.rule, ci_path(f.path), claim_key(f.found)))
        n = repeats[key]
        repeats[key] += 1
        text = key if n == 0 else f"{key}\0{n}"
        result[i] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return result


# --- SARIF 2.1.0 (GitHub code scanning and other SARIF viewers) ------------------------------------

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SARIF_TEXT_LIMIT = 1024        # GitHub's limit for shortDescription.text


def artifact_uri(path: str) -> str:
    """A SARIF artifact URI: a percent-encoded relative reference, or a file: URI for absolute paths."""
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(ci_path(path), safe="/")


def statement_of(finding: Finding) -> str | None:
    """The fact's statement as the engine wrote it into the message, or None if it cannot be found.

    Messages read `"<found>"<reading> — <statement> (<file>: "<quote>", as of <date>)[ [<note>]]`.
    """
    if not finding.sources:
        return None
    source = finding.sources[0]
    start = finding.message.find(" \u2014 ", len(f'"{finding.found}"'))
    end = finding.message.rfind(f' ({source.file}: "{source.quote}", as of {finding.as_of})')
    if start < 0 or end <= start:
        return None
    return finding.message[start + 3:end].strip() or None


def _truncate(text: str, limit: int = SARIF_TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "\u2026"


def _help_text(statement: str, sources, as_of: str) -> str:
    lines = [statement, "", f"As of {as_of}. Sources:"]
    lines += [f'- {s.file}: "{s.quote}"' for s in sources]
    return "\n".join(lines)


def _sarif_rule(rule_id: str, findings: list, rule=None) -> dict:
    """A reportingDescriptor: from the pack's rule when given, else from the rule's findings."""
    if rule is not None:
        statements = list(rule.statement.values())
        short = statements[0] if statements else rule_id
        full = "\n".join(f"{lang}: {text}" for lang, text in rule.statement.items()) or short
        sources, as_of = rule.sources, rule.as_of.isoformat()
    else:
        parsed = [s for s in map(statement_of, findings) if s]
        short = full = parsed[0] if parsed else f"Claims must agree with the fact {rule_id}."
        sources, as_of = findings[0].sources, findings[0].as_of
    descriptor = {
        "id": rule_id,
        "shortDescription": {"text": _truncate(short)},
        "fullDescription": {"text": full},
        "help": {"text": _help_text(full, sources, as_of)},
    }
    if rule is not None:
        descriptor["defaultConfiguration"] = {"level": SARIF_LEVELS[rule.severity]}
    descriptor["properties"] = {"tags": ["fact-check"], "as_of": as_of}
    return descriptor


def _sarif_region(f: Finding) -> dict:
    return {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column}


def _sarif_result(f: Finding, rule_index: int, fingerprint: str) -> dict:
    location = {"artifactLocation": {"uri": artifact_uri(f.path)}, "region": _sarif_region(f)}
    result = {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": SARIF_LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": location}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
        "properties": {"found": f.found, "expected": f.expected, "as_of": f.as_of},
    }
    if f.replacement is not None:
        result["fixes"] = [{
            "description": {"text": f'Replace with "{f.replacement}"'},
            "artifactChanges": [{
                "artifactLocation": {"uri": artifact_uri(f.path)},
                "replacements": [{"deletedRegion": _sarif_region(f), "insertedContent": {"text": f.replacement}}],
            }],
        }]
    return result


def _sarif_invocation(report: Report) -> dict:
    invocation = {"executionSuccessful": not report.read_errors}
    if report.read_errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": message},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}]}
            for path, message in report.read_errors
        ]
    return invocation


def format_sarif(report: Report) -> str:
    """One SARIF 2.1.0 run; columns count code points (`columnKind`), end columns are exclusive."""
    by_rule: dict[str, list] = {}
    for f in sorted(report.findings):
        by_rule.setdefault(f.rule, []).append(f)
    pack = {rule.id: rule for rule in report.rules}
    rule_ids = sorted(by_rule)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    results = [_sarif_result(f, index[f.rule], fp)
               for f, fp in zip(report.findings, fingerprints(report.findings))]
    run = {
        "tool": {"driver": {
            "name": "factlint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": [_sarif_rule(r, by_rule[r], pack.get(r)) for r in rule_ids],
        }},
        "invocations": [_sarif_invocation(report)],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


# --- GitHub Actions workflow commands ---------------------------------------------------------------

GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github_data(text: str) -> str:
    """Escape a workflow command's message (actions/toolkit `escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """Escape a workflow command's property value (actions/toolkit `escapeProperty`)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def _github_command(f: Finding) -> str:
    props = [("file", ci_path(f.path)), ("line", f.line)]
    # GitHub takes columns only for single-line annotations
    if f.end_line == f.line:
        props += [("col", f.column), ("endLine", f.end_line), ("endColumn", f.end_column)]
    else:
        props += [("endLine", f.end_line)]
    props.append(("title", f.rule))
    rendered = ",".join(f"{name}={github_property(str(value))}" for name, value in props)
    return f"::{GITHUB_COMMANDS[f.severity]} {rendered}::{github_data(f.message)}"


def format_github(report: Report) -> str:
    """One `::error|warning|notice file=…,line=…::message` command per finding, then one per unreadable file."""
    lines = [_github_command(f) for f in report.findings]
    lines += [f"::error file={github_property(ci_path(path))},title=factlint::{github_data(message)}"
              for path, message in report.read_errors]
    return "".join(line + "\n" for line in lines)


# --- GitLab Code Quality ----------------------------------------------------------------------------

GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def format_gitlab(report: Report) -> str:
    """A GitLab Code Quality report: a JSON list of issues (`artifacts: reports: codequality:`)."""
    issues = [
        {
            "description": f"{f.rule}: {f.message}",     # GitLab shows the description, not check_name
            "check_name": f.rule,
            "fingerprint": fp,
            "severity": GITLAB_SEVERITIES[f.severity],
            "location": {"path": ci_path(f.path), "lines": {"begin": f.line, "end": f.end_line}},
        }
        for f, fp in zip(report.findings, fingerprints(report.findings))
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


FORMATTERS = {"text": format_text, "json": format_json, "sarif": format_sarif,
              "github": format_github, "gitlab": format_gitlab}


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
