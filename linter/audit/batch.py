"""The worker side of an audit: lint one batch of drafts with the compiled pack, return plain records.

Everything a worker gets is an AuditPack (sent once per worker) and batches of (path, bytes, hash);
everything it returns is plain tuples and strings, so a record is the same whether it was made in a
forked process or on a Dask worker, and it costs little to send back.
"""
from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass

from ..engine import document_date, document_language, lint_document
from ..segments import ReadError, read_document

# front matter keys newsroom systems use for the outlet and the author, first present wins
OUTLET_KEYS = ("outlet", "publication", "publisher", "medium", "site")
AUTHOR_KEYS = ("author", "authors", "byline", "autor", "autoren")


@dataclass(frozen=True)
class AuditPack:
    """What every worker needs, sent once: the compiled rule pack, the run's rules and options."""

    rulebook: object
    rules: tuple
    config: object
    lang: str | None
    date: dt.date | None
    fact_window: int
    key: str                # the pack hash: rules, seeds, linter code and the options above


@dataclass(frozen=True, slots=True)
class DraftRecord:
    """One draft's row and its findings' rows, in the database's column order."""

    row: tuple              # path, content_hash, size, date, title, lang, outlet, author, errors, warnings, infos, read_error
    findings: tuple         # (line, column, end_line, end_column, rule, severity, message, found, expected, as_of, sources, replacement)


def lint_batch(pack: AuditPack, batch: list[tuple[str, bytes, str]]) -> tuple[list[DraftRecord], float]:
    """The records of a batch of (path, bytes, content hash), and the seconds spent linting them."""
    start = time.perf_counter()
    records = [lint_draft(pack, path, data, content_hash) for path, data, content_hash in batch]
    return records, time.perf_counter() - start


def lint_draft(pack: AuditPack, path: str, data: bytes, content_hash: str) -> DraftRecord:
    try:
        doc = read_document(path, data)
    except ReadError as exc:
        return unreadable(path, content_hash, len(data), str(exc))
    found = lint_document(doc, pack.rulebook, lang=pack.lang, rules=pack.rules, date=pack.date,
                          fact_window=pack.fact_window, default_lang=pack.config.lang)
    findings = tuple(_finding_row(f.to_dict()) for f in pack.config.adjust_meta(found))
    severities = [row[5] for row in findings]
    date = document_date(doc)
    row = (path, content_hash, len(data), date.isoformat() if date else None, _text(doc.meta, ("title",)),
           document_language(doc, pack.lang, pack.config.lang), _text(doc.meta, OUTLET_KEYS),
           _text(doc.meta, AUTHOR_KEYS), severities.count("error"), severities.count("warning"),
           severities.count("info"), None)
    return DraftRecord(row, findings)


def unreadable(path: str, content_hash: str, size: int, problem: str) -> DraftRecord:
    """The record of a draft that could not be read: its problem, no findings."""
    return DraftRecord((path, content_hash, size, None, None, None, None, None, 0, 0, 0, problem), ())


def _finding_row(finding: dict) -> tuple:
    # sources as compact JSON with sorted keys: the same bytes on every worker
    sources = compact_json(finding["sources"])
    return (finding["line"], finding["column"], finding["end_line"], finding["end_column"], finding["rule"],
            finding["severity"], finding["message"], finding["found"], finding["expected"], finding["as_of"],
            sources, finding["replacement"])


def compact_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _text(meta, keys: tuple[str, ...]) -> str | None:
    """The first of the front matter keys that is set, as text (a list of authors joined by commas)."""
    for key in keys:
        value = meta.get(key)
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value if v is not None)
        if value not in (None, ""):
            return str(value).strip()
    return None
