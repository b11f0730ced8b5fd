"""Run the checks over a draft: sentences -> evaluators -> findings with exact positions.

Evaluators only say which part of a sentence contradicts which fact; the engine stamps the rule id,
the severity, the file position and the message, and sorts the result.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Iterable

from .checks import RULE_TYPES
from .discourse import Sentence, read_sentences
from .dispatch import rule_index
from .findings import Finding, Mismatch, Severity, Source
from .language import SAMPLE_CHARS, guess_language
from .messages import AS_OF, NOT_FIXABLE, localise
from .rulebook import Rule, Rulebook
from .segments import Document
from .suppress import TOO_DEEP, apply_suppressions


def document_language(doc: Document, override: str | None = None, default: str | None = None) -> str:
    """The draft's language: --lang, else front matter `lang`, else the configured default, else a guess."""
    if override:
        return override
    declared = str(doc.meta.get("lang", "") or "").lower()[:2]
    if declared in ("de", "en"):
        return declared
    if default:
        return default
    # the guess reads the prose's first SAMPLE_CHARS: no need to read (or join) a big draft's all
    texts, size = [], 0
    for segment in doc.segments:
        texts.append(segment.text)
        size += len(segment.text) + 1
        if size > SAMPLE_CHARS:
            break
    return guess_language(" ".join(texts))


DEFAULT_FACT_WINDOW = 365   # days a state fact without `until` is trusted after its as_of


def document_date(doc: Document, fallback: dt.date | None = None) -> dt.date | None:
    """The draft's date: front matter `date`, else the given fallback (--date); None when unknown."""
    value = doc.meta.get("date")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    return fallback


def knowledge_end(rule: Rule, window: int) -> dt.date | None:
    """The last day the pack vouches for a state fact; None for facts about past events."""
    if rule.lifetime != "state":
        return None
    if rule.until:
        return rule.until
    try:
        return rule.as_of + dt.timedelta(days=window)
    except OverflowError:      # a window past the year 9999 never ends
        return dt.date.max


def _claim_date(sentence: Sentence, draft_date: dt.date, rule: Rule | None = None) -> dt.date:
    """When a claim speaks of: the latest date the sentence names, else the draft's own date. A plan's
    dates are its content, not its time: a claim about a plan is made on the draft's date."""
    if rule is not None and getattr(rule.expected, "forecast", False):
        return draft_date
    dates = sentence.dates()
    return max(d.last for d in dates) if dates else draft_date


def _outdated(rule: Rule, sentence: Sentence, draft_date: dt.date, window: int) -> str:
    """A note when the claim is about a time after the pack's knowledge of a state fact ends."""
    end = knowledge_end(rule, window)
    if end is None or _claim_date(sentence, draft_date, rule) < end:
        return ""
    why = f" ({rule.until_note})" if rule.until and rule.until_note else ""
    return f"the pack's knowledge of this ends {end.isoformat()}{why}; the fact may be outdated"


def statement(rule: Rule, lang: str) -> str:
    """The fact in the draft's language (or in the one language the fact is written in)."""
    return rule.statement.get(lang) or next(iter(rule.statement.values()))


def citation(source: Source, as_of: str, lang: str) -> str:
    """`(<seed>: "<quote>", as of <date>)`, the end of a finding's message."""
    return f'({source.file}: "{source.quote}", {AS_OF.get(lang, AS_OF["en"])} {as_of})'


def _message(rule: Rule, mismatch: Mismatch, found: str, lang: str) -> str:
    """`<what the draft says> — <what the sources say> (<seed>: "<quote>", as of <date>)`."""
    reading = f" (= {localise(mismatch.reading, lang)})" if mismatch.reading else ""
    note = f" [{localise(mismatch.note, lang)}]" if mismatch.note else ""
    return (f'"{found}"{reading}{note} \u2014 {statement(rule, lang)} '
            f"{citation(rule.sources[0], rule.as_of.isoformat(), lang)}")


def _finding(doc: Document, sentence: Sentence, rule: Rule, mismatch: Mismatch, outdated: str) -> Finding:
    start, end = sentence.segment.source_span(sentence.start + mismatch.start, sentence.start + mismatch.end)
    # a claim may run past its sentence (a quotation of several sentences): take it from the segment
    text = sentence.segment.text
    found = text[sentence.start + mismatch.start:sentence.start + mismatch.end].replace("\n", " ")
    if mismatch.replacement is not None and doc.text[start:end].split() != found.split():
        # markup, a link or an entity inside the span ("Open **AI**"): replacing the source text would
        # drop or break it, so the finding says so and carries no fix
        mismatch = dataclasses.replace(mismatch, replacement=None,
                                       note="; ".join(filter(None, (mismatch.note, NOT_FIXABLE))))
    line, column = doc.position(start)
    end_line, end_column = doc.position(end - 1)
    return Finding(
        path=doc.path, line=line, column=column, end_line=end_line, end_column=end_column + 1,
        rule=rule.id, severity=Severity.INFO if outdated else min(rule.severity, mismatch.max_severity),
        message=_message(rule, mismatch, found, sentence.lang)
        + (f" [{localise(outdated, sentence.lang)}]" if outdated else ""),
        found=found, expected=mismatch.expected,
        as_of=rule.as_of.isoformat(), sources=rule.sources, replacement=mismatch.replacement,
    )


def checked_rules(rulebook: Rulebook, rules: Iterable[Rule] | None = None) -> list[Rule]:
    """The rules whose kind has an evaluator."""
    return [r for r in (rules if rules is not None else rulebook.rules) if RULE_TYPES[r.kind].evaluate]


def lint_document(doc: Document, rulebook: Rulebook, lang: str | None = None,
                  rules: Iterable[Rule] | None = None, date: dt.date | None = None,
                  fact_window: int = DEFAULT_FACT_WINDOW, default_lang: str | None = None) -> list[Finding]:
    """All findings for one parsed draft that no inline directive suppresses, sorted by position.

    `date` is the fallback draft date, `default_lang` the language of drafts that declare none."""
    language = document_language(doc, lang, default_lang)
    known_date = document_date(doc, date)
    # an undated draft is taken as written today, but its relative dates ("im Februar") are not
    # resolved against a guess (see Sentence.draft_date_known)
    draft_date = known_date or dt.date.today()
    index = rule_index(rulebook, checked_rules(rulebook, rules))
    findings = set()
    for sentence in read_sentences(doc, rulebook, language, draft_date, known_date is not None):
        for rule in index.candidates(sentence):
            for mismatch in RULE_TYPES[rule.kind].evaluate(rule, sentence):
                outdated = _outdated(rule, sentence, draft_date, fact_window)
                findings.add(_finding(doc, sentence, rule, mismatch, outdated))
    if doc.too_deep is not None:
        findings.add(_too_deep(doc, language))
    return apply_suppressions(doc, sorted(findings))


def _too_deep(doc: Document, lang: str) -> Finding:
    """The one finding that says part of the draft was not read: block quotes or lists nested deeper
    than the Markdown parser goes (a limit that keeps a hostile draft from exhausting the stack)."""
    line, column = doc.position(doc.too_deep)
    message = {"de": "Blockzitate oder Listen sind hier tiefer verschachtelt, als factlint liest: "
                     "der Text darin wird nicht geprüft",
               "en": "block quotes or lists are nested deeper here than factlint reads: "
                     "the text inside is not checked"}
    return Finding(path=doc.path, line=line, column=column, end_line=line, end_column=column + 1,
                   rule=TOO_DEEP, severity=Severity.WARNING, message=message.get(lang, message["en"]),
                   found="", expected="", as_of="")


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The highest severity among findings, or None."""
    return max((f.severity for f in findings), default=None)
