"""Linting every example of the CommonMark spec: no crash, and every reported span inside the input.

The spec's examples are Markdown at its most awkward; to give the checks something to find, each
example is also linted with a wrong claim about Sora appended inside the same construct's text.
"""
from __future__ import annotations

import pytest

from linter.engine import lint_document
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.segments import read_markdown
from tests.test_segments import _spec_examples

RULEBOOK = load_pack([default_rules_dir()], (default_seeds_dir(),))
CLAIM = "Die Clips von Sora sind bis zu zwei Minuten lang."


def _inside(text: str, line: int, column: int) -> bool:
    lines = text.split("\n")
    return 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1


@pytest.mark.parametrize("line, markdown", _spec_examples(), ids=lambda v: str(v) if isinstance(v, int) else None)
def test_lint_commonmark_example(line, markdown):
    for text in (markdown, markdown + CLAIM, CLAIM + " " + markdown):
        doc = read_markdown(text, f"spec:{line}")
        for finding in lint_document(doc, RULEBOOK, lang="de"):
            assert _inside(doc.text, finding.line, finding.column), finding
            assert _inside(doc.text, finding.end_line, finding.end_column - 1), finding
            assert (finding.line, finding.column) <= (finding.end_line, finding.end_column)


def test_the_corpus_gives_findings_to_check():
    """The span test above is only worth something if the appended claims are found."""
    examples = _spec_examples()
    assert len(examples) > 600
    found = sum(len(lint_document(read_markdown(md + CLAIM), RULEBOOK, lang="de")) for _, md in examples)
    assert found > len(examples) // 2
