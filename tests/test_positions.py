"""Every finding points at its claim: the original text at (line, column)-(end_line, end_column) is the
claim's text, whatever the Markdown around it (CRLF, BOM, tabs, nested lists and quotes, emphasis,
hard wraps, tables)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from linter.engine import lint_document
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.segments import read_document

ROOT = Path(__file__).resolve().parents[1]
RULEBOOK = load_pack([default_rules_dir()], (default_seeds_dir(),))
DRAFTS = sorted((ROOT / "tests" / "fixtures" / "drafts").iterdir()) + sorted((ROOT / "examples").glob("*.md"))
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev"
if SHARED_DEV.is_dir():
    DRAFTS += sorted(SHARED_DEV.glob("*.md"))


def source_span(text: str, line: int, column: int, end_line: int, end_column: int) -> str:
    """The original characters between two 1-based positions (end exclusive), line ends as in the file."""
    lines = text.splitlines(keepends=True)
    if line == end_line:
        return lines[line - 1][column - 1:end_column - 1]
    middle = "".join(lines[line:end_line - 1])
    return lines[line - 1][column - 1:] + middle + lines[end_line - 1][:end_column - 1]


def without_markup(text: str) -> str:
    """The span with inline markup and container prefixes removed, white space folded."""
    text = re.sub(r"(?m)^[ \t]*(?:>[ \t]?)*(?:[-*+][ \t]+)?", " ", text)
    text = re.sub(r"[*_`]", "", text)
    return " ".join(text.split())


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: p.name)
def test_every_finding_spans_its_claim(path):
    data = path.read_bytes()
    doc = read_document(str(path), data)
    original = data.decode("utf-8-sig")
    findings = lint_document(doc, RULEBOOK)
    for finding in findings:
        span = source_span(original, finding.line, finding.column, finding.end_line, finding.end_column)
        assert without_markup(span) == " ".join(finding.found.split()), (finding, span)


# (line, column, claim) counted by hand in each file: a tab and a BOM are one character each, CRLF
# changes no column
FIXTURE_EXPECTATIONS = {
    "crlf.md": [(3, 44, "bis zu zwei Minuten")],
    "bom.md": [(3, 25, "bis zu zwei Minuten")],
    "tabs.md": [(3, 25, "bis zu zwei Minuten"), (5, 39, "bis zu zwei Minuten")],
    "plain.txt": [(2, 25, "bis zu zwei Minuten"), (5, 27, "90-Sekunden-Clips")],
}


@pytest.mark.parametrize("name", sorted(FIXTURE_EXPECTATIONS))
def test_fixture_positions(name):
    path = ROOT / "tests" / "fixtures" / "drafts" / name
    findings = lint_document(read_document(str(path), path.read_bytes()), RULEBOOK)
    got = [(f.line, f.column, " ".join(f.found.split())) for f in findings]
    assert got == FIXTURE_EXPECTATIONS[name]
