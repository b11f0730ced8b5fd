"""Read an audit database into what the report shows: totals, facts, drafts and findings as plain data.

The page filters by fact, severity and year in the browser, so it carries every finding in a compact
form (indexes into the draft and fact lists) and computes every figure from them; the totals that do
not depend on the filters (drafts audited, unreadable drafts, runs) come from here.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter

SEVERITIES = ("error", "warning", "info")


def _statement(raw: str, lang: str) -> str:
    statements = json.loads(raw)
    return statements.get(lang) or next(iter(statements.values()), "")


def read_report_data(connection: sqlite3.Connection, lang: str | None = None) -> dict:
    """Everything the page needs, in the desk's language (given, else the drafts' most common one)."""
    lang = lang or desk_language(connection)
    drafts, draft_index = [], {}
    for path, title, date, outlet, author in connection.execute(
            "SELECT path, title, date, outlet, author FROM drafts WHERE path IN (SELECT path FROM findings) "
            "ORDER BY path"):
        draft_index[path] = len(drafts)
        drafts.append([path, title or "", date or "", outlet or "", author or ""])
    facts, fact_index = [], {}
    stored_facts = {row[0]: row[1:] for row in connection.execute("SELECT id, statement, as_of, sources FROM facts")}
    findings = []
    for path, rule, severity, line, found, expected, as_of, sources in connection.execute(
            "SELECT path, rule, severity, line, found, expected, as_of, sources FROM findings ORDER BY path, seq"):
        if rule not in fact_index:
            statement, fact_as_of, fact_sources = stored_facts.get(rule, (None, as_of, sources))
            fact_index[rule] = len(facts)
            facts.append({"id": rule, "statement": _statement(statement, lang) if statement else expected,
                          "as_of": fact_as_of, "sources": json.loads(fact_sources)})
        findings.append([draft_index[path], fact_index[rule], SEVERITIES.index(severity), line, found])
    return {"lang": lang, "totals": _totals(connection), "drafts": drafts, "facts": facts, "findings": findings,
            "severities": list(SEVERITIES)}


def _totals(connection: sqlite3.Connection) -> dict:
    (drafts, unreadable), = connection.execute("SELECT count(*), count(read_error) FROM drafts")
    runs = list(connection.execute("SELECT status, finished_at, started_at FROM runs ORDER BY id"))
    return {"drafts": drafts, "unreadable": unreadable, "runs": len(runs),
            "complete": bool(runs) and runs[-1][0] == "complete",
            "last_run": (runs[-1][1] or runs[-1][2]) if runs else None}


def desk_language(connection: sqlite3.Connection) -> str:
    """The language most of the archive's drafts are written in (German when none is known)."""
    counts = Counter(dict(connection.execute("SELECT lang, count(*) FROM drafts WHERE lang IS NOT NULL GROUP BY lang")))
    return counts.most_common(1)[0][0] if counts else "de"
