"""Run the checks over a draft: sentences -> evaluators -> findings with exact positions.

Evaluators only say which part of a sentence contradicts which fact; the engine stamps the rule id,
the severity, the file position and the message, and sorts the result.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from .checks import RULE_TYPES
from .discourse import Sentence, read_sentences
from .findings import Finding, Mismatch, Severity
from .language import guess_language
from .rulebook import Rule, Rulebook
from .segments import Document


def document_language(doc: Document, override: str | None = None) -> str:
    """The draft's language: --lang, else front matter `lang`, else a guess from its text."""
    if override:
        return override
    declared = str(doc.meta.get("lang", "") or "").lower()[:2]
    if declared in ("de", "en"):
        return declared
    return guess_language(" ".join(s.text for s in doc.segments))


def _message(rule: Rule, mismatch: Mismatch, found: str, lang: str) -> str:
    """`<what the draft says> — <what the sources say> (<seed>: "<quote>", as of <date>)`."""
    statement = rule.statement.get(lang) or next(iter(rule.statement.values()))
    source = rule.sources[0]
    reading = f" (= {mismatch.reading})" if mismatch.reading else ""
    note = f" [{mismatch.note}]" if mismatch.note else ""
    return (f'"{found}"{reading}{note} \u2014 {statement} ({source.file}: "{source.quote}", '
            f"as of {rule.as_of.isoformat()})")


def _finding(doc: Document, sentence: Sentence, rule: Rule, mismatch: Mismatch) -> Finding:
    start, end = sentence.segment.source_span(sentence.start + mismatch.start, sentence.start + mismatch.end)
    found = sentence.text[mismatch.start:mismatch.end]
    line, column = doc.position(start)
    end_line, end_column = doc.position(end - 1)
    return Finding(
        path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column + 1,
        rule=rule.id, severity=min(rule.severity, mismatch.max_severity),
        message=_message(rule, mismatch, found, sentence.lang), found=found, expected=mismatch.expected,
        as_of=rule.as_of.isoformat(), sources=rule.sources,
    )


def checked_rules(rulebook: Rulebook, rules: Iterable[Rule] | None = None) -> list[Rule]:
    """The rules whose kind has an evaluator."""
    return [r for r in (rules if rules is not None else rulebook.rules) if RULE_TYPES[r.kind].evaluate]


def lint_document(doc: Document, rulebook: Rulebook, lang: str | None = None,
                  rules: Iterable[Rule] | None = None, today: dt.date | None = None) -> list[Finding]:
    """All findings for one parsed draft, sorted by position."""
    language = document_language(doc, lang)
    active = checked_rules(rulebook, rules)
    findings = set()
    for sentence in read_sentences(doc, rulebook, language):
        for rule in active:
            for mismatch in RULE_TYPES[rule.kind].evaluate(rule, sentence):
                findings.add(_finding(doc, sentence, rule, mismatch))
    return sorted(findings)


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The highest severity among findings, or None."""
    return max((f.severity for f in findings), default=None)
