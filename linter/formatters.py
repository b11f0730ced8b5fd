"""Output formats: pure functions from findings (and read errors) to text, and the writers behind them.

A writer writes its format as the findings come, one file (or more) at a time, so that a run over
thousands of drafts holds one draft's findings, not all of them: `add` each file's findings in file
order, then `close` with the summary. `format_*` run a writer over a whole Report; the output is the
same either way. Each `add` must hold every finding of the files it covers: the CI fingerprints number
a claim's repeats within one file.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from . import __version__
from .findings import Finding, Severity, claim_key

JSON_VERSION = 1

# Bytes of a file name that are not UTF-8 reach Python as lone surrogates (os.fsdecode), which no
# UTF-8 output can carry; C0 and C1 control characters (ESC starts a terminal escape sequence) must not
# reach a terminal raw from a draft or a file name.
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL_OR_SURROGATE = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ud800-\\udfff]")   # tab and newline pass


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:        # the undecodable byte itself, as os.fsdecode kept it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown_path(path: str) -> str:
    """A file name as every output can carry it: undecodable bytes written as \\xNN."""
    return _SURROGATE.sub(_escape, path)


def terminal_safe(text: str) -> str:
    """Text for a terminal or a line-based format: control characters and undecodable bytes as \\xNN."""
    return _CONTROL_OR_SURROGATE.sub(_escape, text)


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one run produced: findings, files linted, files that could not be read."""

    findings: tuple[Finding, ...]
    files: int
    read_errors: tuple[tuple[str, str], ...] = ()    # (path, message)
    # the pack's rules (linter.rulebook.Rule), optional: SARIF takes rule statements and default
    # severities from them; without them it reads what the findings carry
    rules: tuple = ()


class _Writer:
    """Writes one format to `out` as findings are added; `close` ends it with the summary."""

    def __init__(self, out, rules: tuple = ()):
        self.out = out
        self.rules = rules              # the pack's rules (see Report.rules)
        self.severities: Counter = Counter()

    def add(self, findings) -> None:
        """Write the findings of one or more whole files, in their order."""
        findings = list(findings)
        self.severities.update(f.severity for f in findings)
        self._write(findings)

    def _write(self, findings: list) -> None:
        raise NotImplementedError

    def close(self, files: int, read_errors: tuple = ()) -> None:
        """Write what follows the findings: summary, unreadable files, closing brackets."""
        raise NotImplementedError

    def counts(self) -> dict:
        """Findings per severity, most severe first, as the text summary and the JSON summary give them."""
        return {str(level): self.severities[level] for level in reversed(Severity)}


def _render(writer_class, report: Report, **options) -> str:
    out = io.StringIO()
    writer = writer_class(out, report.rules, **options)
    writer.add(report.findings)
    writer.close(report.files, report.read_errors)
    return out.getvalue()


def _json(value, level: int = 0) -> str:
    """json.dumps(value, indent=2) as it reads nested `level` deep in a larger document."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


class _JsonList:
    """A JSON array written item by item, byte for byte as json.dumps(indent=2) writes it `level` deep."""

    def __init__(self, out, level: int = 0):
        self.out, self.level, self.empty = out, level, True

    def append(self, value) -> None:
        self.out.write(("[" if self.empty else ",") + "\n" + "  " * (self.level + 1) + _json(value, self.level + 1))
        self.empty = False

    def close(self) -> None:
        self.out.write("[]" if self.empty else "\n" + "  " * self.level + "]")


_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


class TextWriter(_Writer):
    """`path:line:col: severity [rule] message`, one per line, then a summary line; ANSI colour if asked."""

    def __init__(self, out, rules: tuple = (), color: bool = False):
        super().__init__(out, rules)
        self.color = color

    def _paint(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def _write(self, findings: list) -> None:
        paint = self._paint
        self.out.write("".join(f"{paint(f'{terminal_safe(f.path)}:{f.line}:{f.column}:', _BOLD)} "
                               f"{paint(str(f.severity), _COLORS[f.severity])} "
                               f"{paint(f'[{f.rule}]', _DIM)} {terminal_safe(f.message)}\n" for f in findings))

    def close(self, files: int, read_errors: tuple = ()) -> None:
        summary = ", ".join(f"{n} {name}{'s' if n != 1 and name != 'info' else ''}"
                            for name, n in self.counts().items())
        skipped = f", {len(read_errors)} not readable" if read_errors else ""
        self.out.write(f"{summary} in {files} file{'s' if files != 1 else ''}{skipped}\n")


def format_text(report: Report, color: bool = False) -> str:
    """`path:line:col: severity [rule] message`, one per line, then a summary line; ANSI colour if asked."""
    return _render(TextWriter, report, color=color)


class JsonWriter(_Writer):
    """The documented JSON contract (README, "JSON output")."""

    def __init__(self, out, rules: tuple = ()):
        super().__init__(out, rules)
        self.findings = _JsonList(out, level=1)
        self.started = False

    def _start(self) -> None:
        if not self.started:
            self.out.write(f'{{\n  "version": {JSON_VERSION},\n  "findings": ')
            self.started = True

    def _write(self, findings: list) -> None:
        self._start()
        for f in findings:
            self.findings.append(f.to_dict())

    def close(self, files: int, read_errors: tuple = ()) -> None:
        self._start()
        self.findings.close()
        summary = {"files": files, **self.counts(), "unreadable": [{"path": p, "message": m} for p, m in read_errors]}
        self.out.write(f',\n  "summary": {_json(summary, 1)}\n}}\n')


def format_json(report: Report) -> str:
    """The documented JSON contract (README, "JSON output")."""
    return _render(JsonWriter, report)


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


def _sarif_rule(rule_id: str, rule=None, first: Finding | None = None, statement: str | None = None) -> dict:
    """A reportingDescriptor: from the pack's rule when given, else from the rule's first finding (in
    position order) and the first statement that a finding's message gives."""
    if rule is not None:
        statements = list(rule.statement.values())
        short = statements[0] if statements else rule_id
        full = "\n".join(f"{lang}: {text}" for lang, text in rule.statement.items()) or short
        sources, as_of = rule.sources, rule.as_of.isoformat()
    else:
        short = full = statement or f"Claims must agree with the fact {rule_id}."
        sources, as_of = first.sources, first.as_of
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


def _sarif_invocation(read_errors: tuple) -> dict:
    invocation = {"executionSuccessful": not read_errors}
    if read_errors:
        invocation["toolExecutionNotifications"] = [
            {"level": "error", "message": {"text": message},
             "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}}}]}
            for path, message in read_errors
        ]
    return invocation


SPOOL_BYTES = 1 << 20       # a writer keeps this much in memory before it spools to a temporary file
_SARIF_END = "[]\n    }\n  ]\n}"     # how the log ends when "results", the run's last key, is empty


class SarifWriter(_Writer):
    """One SARIF 2.1.0 run; columns count code points (`columnKind`), end columns are exclusive.

    The driver's rules (those with findings) and each result's index among them come before the
    results, so the findings wait in a temporary file until `close`."""

    def __init__(self, out, rules: tuple = ()):
        super().__init__(out, rules)
        self.spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
        self.first: dict[str, Finding] = {}         # rule id -> its first finding in position order
        self.statement: dict[str, tuple] = {}       # rule id -> (first finding with a statement, the statement)

    def _write(self, findings: list) -> None:
        for f in findings:
            if f.rule not in self.first or f < self.first[f.rule]:
                self.first[f.rule] = f
            if f.rule not in self.statement or f < self.statement[f.rule][0]:
                statement = statement_of(f)
                if statement:
                    self.statement[f.rule] = (f, statement)
        pickle.dump(list(zip(findings, fingerprints(findings))), self.spool, pickle.HIGHEST_PROTOCOL)

    def _results(self):
        self.spool.seek(0)
        while True:
            try:
                batch = pickle.load(self.spool)
            except EOFError:
                return
            yield from batch

    def close(self, files: int, read_errors: tuple = ()) -> None:
        pack = {rule.id: rule for rule in self.rules}
        rule_ids = sorted(self.first)
        index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
        run = {
            "tool": {"driver": {
                "name": "factlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_sarif_rule(r, pack.get(r), self.first[r], self.statement.get(r, (None, None))[1])
                          for r in rule_ids],
            }},
            "invocations": [_sarif_invocation(read_errors)],
            "columnKind": "unicodeCodePoints",
            "results": [],
        }
        log = _json({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]})
        self.out.write(log[:-len(_SARIF_END)])
        results = _JsonList(self.out, level=3)
        for f, fingerprint in self._results():
            results.append(_sarif_result(f, index[f.rule], fingerprint))
        results.close()
        self.out.write(_SARIF_END[2:] + "\n")
        self.spool.close()


def format_sarif(report: Report) -> str:
    """One SARIF 2.1.0 run; columns count code points (`columnKind`), end columns are exclusive."""
    return _render(SarifWriter, report)


# --- GitHub Actions workflow commands ---------------------------------------------------------------

GITHUB_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github_data(text: str) -> str:
    """Escape a workflow command's message (actions/toolkit `escapeData`), and the control characters
    that the log would pass to a terminal raw."""
    return terminal_safe(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


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


class GithubWriter(_Writer):
    """One `::error|warning|notice file=…,line=…::message` command per finding, then one per unreadable file."""

    def _write(self, findings: list) -> None:
        self.out.write("".join(_github_command(f) + "\n" for f in findings))

    def close(self, files: int, read_errors: tuple = ()) -> None:
        self.out.write("".join(f"::error file={github_property(ci_path(path))},title=factlint::{github_data(message)}\n"
                               for path, message in read_errors))


def format_github(report: Report) -> str:
    """One `::error|warning|notice file=…,line=…::message` command per finding, then one per unreadable file."""
    return _render(GithubWriter, report)


# --- GitLab Code Quality ----------------------------------------------------------------------------

GITLAB_SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def _gitlab_issue(f: Finding, fingerprint: str) -> dict:
    return {
        "description": f"{f.rule}: {f.message}",     # GitLab shows the description, not check_name
        "check_name": f.rule,
        "fingerprint": fingerprint,
        "severity": GITLAB_SEVERITIES[f.severity],
        "location": {"path": ci_path(f.path), "lines": {"begin": f.line, "end": f.end_line}},
    }


class GitlabWriter(_Writer):
    """A GitLab Code Quality report: a JSON list of issues (`artifacts: reports: codequality:`)."""

    def __init__(self, out, rules: tuple = ()):
        super().__init__(out, rules)
        self.issues = _JsonList(out)

    def _write(self, findings: list) -> None:
        for f, fingerprint in zip(findings, fingerprints(findings)):
            self.issues.append(_gitlab_issue(f, fingerprint))

    def close(self, files: int, read_errors: tuple = ()) -> None:
        self.issues.close()
        self.out.write("\n")


def format_gitlab(report: Report) -> str:
    """A GitLab Code Quality report: a JSON list of issues (`artifacts: reports: codequality:`)."""
    return _render(GitlabWriter, report)


FORMATTERS = {"text": format_text, "json": format_json, "sarif": format_sarif,
              "github": format_github, "gitlab": format_gitlab}
WRITERS = {"text": TextWriter, "json": JsonWriter, "sarif": SarifWriter, "github": GithubWriter,
           "gitlab": GitlabWriter}


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
