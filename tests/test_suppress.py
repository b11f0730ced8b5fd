"""Inline suppressions: every directive form, prefixes and lists, ranges, the findings about directives,
and comments that are not directives because they sit in code."""
from __future__ import annotations

import pytest

from linter.engine import lint_document
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.segments import read_document, read_markdown
from linter.suppress import directives

FRONT = "---\ndate: 2024-03-01\n---\n"       # body line n is file line n + 3
CLAIM = "Die Clips von Sora sind bis zu zwei Minuten lang."
CLIP = "sora.clip.max-length"
UNUSED = "factlint.suppression.unused"
NO_REASON = "factlint.suppression.no-reason"
INVALID = "factlint.suppression.invalid"


@pytest.fixture(scope="module")
def pack():
    return load_pack([default_rules_dir()], (default_seeds_dir(),))


def lint(pack, body: str, path: str = "d.md") -> list[tuple[int, str, str]]:
    """(body line, rule, severity) of each finding for a draft dated 2024-03-01."""
    doc = read_document(path, (FRONT + body).encode("utf-8"))
    return [(f.line - 3, f.rule, str(f.severity)) for f in lint_document(doc, pack)]


CASES = {
    "no-directive": (
        f"{CLAIM}\n",
        [(1, CLIP, "error")]),
    "ordinary-comment-is-not-a-directive": (
        f"{CLAIM} <!-- TODO: Quelle nachtragen -->\n",
        [(1, CLIP, "error")]),
    # --- disable-line
    "line-exact-id": (
        f"{CLAIM} <!-- factlint-disable-line {CLIP} -- so im Video gesagt -->\n",
        []),
    "line-prefix": (
        f"{CLAIM} <!-- factlint-disable-line sora.clip -- so im Video gesagt -->\n",
        []),
    "line-family-prefix": (
        f"{CLAIM} <!-- factlint-disable-line sora -- so im Video gesagt -->\n",
        []),
    "line-all-rules": (
        f"{CLAIM} <!-- factlint-disable-line -- so im Video gesagt -->\n",
        []),
    "line-prefix-is-dotted-not-textual": (
        f"{CLAIM} <!-- factlint-disable-line sora.cl -- r -->\n",
        [(1, CLIP, "error"), (1, UNUSED, "info")]),
    "line-other-rule-does-not-suppress": (
        f"{CLAIM} <!-- factlint-disable-line sora.leak -- r -->\n",
        [(1, CLIP, "error"), (1, UNUSED, "info")]),
    "line-list-of-rules": (
        f"{CLAIM} <!-- factlint-disable-line sora.leak, sora.clip -- r -->\n",
        [(1, UNUSED, "info")]),      # sora.leak suppressed nothing
    "line-list-all-used": (
        f"{CLAIM} <!-- factlint-disable-line sora.leak,sora.clip -- r -->\n<!-- x -->\n",
        [(1, UNUSED, "info")]),
    "line-comment-before-the-claim": (
        f"Vorab: <!-- factlint-disable-line sora -- r --> {CLAIM}\n",
        []),
    # CommonMark: a line that starts with "<!--" is an HTML block, so the claim after it is no prose
    "comment-opening-a-line-swallows-it": (
        f"<!-- factlint-disable-line sora -- r --> {CLAIM}\n",
        [(1, UNUSED, "info")]),
    "line-on-another-line": (
        f"{CLAIM}\n<!-- factlint-disable-line sora -- r -->\n",
        [(1, CLIP, "error"), (2, UNUSED, "info")]),
    "line-in-block-quote": (
        f"> {CLAIM} <!-- factlint-disable-line sora -- r -->\n",
        []),
    "line-in-table-cell": (
        f"| a | b |\n|---|---|\n| {CLAIM} | <!-- factlint-disable-line sora -- r --> |\n| {CLAIM} | x |\n",
        [(4, CLIP, "error")]),
    # --- disable-next-line
    "next-line-block": (
        f"<!-- factlint-disable-next-line sora.clip -- r -->\n{CLAIM}\n",
        []),
    "next-line-inline-in-paragraph": (
        f"Vorab. <!-- factlint-disable-next-line sora.clip -- r -->\n{CLAIM}\n",
        []),
    "next-line-only-the-next": (
        f"<!-- factlint-disable-next-line sora.clip -- r -->\n{CLAIM}\n\n{CLAIM}\n",
        [(4, CLIP, "error")]),
    "next-line-blank-line-between": (
        f"<!-- factlint-disable-next-line sora.clip -- r -->\n\n{CLAIM}\n",
        [(1, UNUSED, "info"), (3, CLIP, "error")]),
    "next-line-after-multi-line-comment": (
        f"<!-- factlint-disable-next-line sora.clip\n     -- der Satz zitiert das Video -->\n{CLAIM}\n",
        []),
    "next-line-not-same-line": (
        f"{CLAIM} <!-- factlint-disable-next-line sora -- r -->\n",
        [(1, CLIP, "error"), (1, UNUSED, "info")]),
    # --- ranges
    "range-to-enable": (
        f"<!-- factlint-disable sora.clip -- Zitate -->\n\n{CLAIM}\n\n<!-- factlint-enable sora.clip -->\n\n{CLAIM}\n",
        [(7, CLIP, "error")]),
    "range-without-enable-runs-to-end": (
        f"<!-- factlint-disable sora -- Zitate -->\n\n{CLAIM}\n\n{CLAIM}\n",
        []),
    "range-starts-at-the-directive": (
        f"{CLAIM}\n\n<!-- factlint-disable sora -- Zitate -->\n\n{CLAIM}\n",
        [(1, CLIP, "error")]),
    "range-enable-all": (
        f"<!-- factlint-disable sora.clip -- Zitate -->\n\n{CLAIM}\n\n<!-- factlint-enable -->\n\n{CLAIM}\n",
        [(7, CLIP, "error")]),
    "range-partial-enable": (
        f"<!-- factlint-disable sora -- Zitate -->\n\n{CLAIM}\n\n<!-- factlint-enable sora.clip -->\n\n{CLAIM}\n",
        [(7, CLIP, "error")]),
    "range-enable-of-other-rule-keeps-range": (
        f"<!-- factlint-disable sora -- Zitate -->\n\n<!-- factlint-enable sora.leak -->\n\n{CLAIM}\n",
        []),
    "range-inline-in-paragraph": (
        f"Vorab <!-- factlint-disable sora -- r --> {CLAIM} <!-- factlint-enable sora --> {CLAIM}\n",
        [(1, CLIP, "error")]),
    "range-unused": (
        f"<!-- factlint-disable sora.leak -- r -->\n\n{CLAIM}\n",
        [(1, UNUSED, "info"), (3, CLIP, "error")]),
    # --- disable-file
    "file-anywhere": (
        f"{CLAIM}\n\n<!-- factlint-disable-file sora.clip -- Glosse -->\n",
        []),
    "file-all-rules": (
        f"<!-- factlint-disable-file -- Glosse -->\n\n{CLAIM}\n\n{CLAIM}\n",
        []),
    "file-other-rule": (
        f"<!-- factlint-disable-file name -- Glosse -->\n\n{CLAIM}\n",
        [(1, UNUSED, "info"), (3, CLIP, "error")]),
    # --- reasons
    "no-reason-is-a-warning": (
        f"{CLAIM} <!-- factlint-disable-line sora.clip -->\n",
        [(1, NO_REASON, "warning")]),
    "empty-reason-is-a-warning": (
        f"{CLAIM} <!-- factlint-disable-line sora.clip --  -->\n",
        [(1, NO_REASON, "warning")]),
    "no-reason-and-unused": (
        f"<!-- factlint-disable-file -->\n\nKein Anspruch.\n",
        [(1, NO_REASON, "warning"), (1, UNUSED, "info")]),
    "enable-needs-no-reason": (
        f"<!-- factlint-disable sora -- r -->\n\n{CLAIM}\n\n<!-- factlint-enable sora -->\n",
        []),
    # --- not directives
    "unknown-directive-is-a-warning": (
        f"{CLAIM} <!-- factlint-disabel-line sora -- r -->\n",
        [(1, CLIP, "error"), (1, INVALID, "warning")]),
    "malformed-rule-id-is-a-warning": (
        f"{CLAIM} <!-- factlint-disable-line Sora! -- r -->\n",
        [(1, CLIP, "error"), (1, INVALID, "warning")]),
    "code-span": (
        f"{CLAIM} `<!-- factlint-disable-line -- r -->`\n",
        [(1, CLIP, "error")]),
    "code-span-before-real-comment": (
        f"`<!-- factlint-disable-line sora -- r -->` {CLAIM} <!-- factlint-disable-line name -- r -->\n",
        [(1, CLIP, "error"), (1, UNUSED, "info")]),
    "fenced-code": (
        f"```markdown\n<!-- factlint-disable-file -- r -->\n```\n\n{CLAIM}\n",
        [(5, CLIP, "error")]),
    "indented-code": (
        f"    <!-- factlint-disable-file -- r -->\n\n{CLAIM}\n",
        [(3, CLIP, "error")]),
    "raw-html-pre-block": (
        f"<pre>\n<!-- factlint-disable-file -- r -->\n</pre>\n\n{CLAIM}\n",
        [(5, CLIP, "error")]),
    "escaped-comment": (
        f"{CLAIM} \\<!-- factlint-disable-line -- r -->\n",
        [(1, CLIP, "error")]),
}


@pytest.mark.parametrize("body, expected", CASES.values(), ids=CASES.keys())
def test_suppression(pack, body, expected):
    assert sorted(lint(pack, body)) == sorted(expected)


def test_meta_findings_point_at_the_comment(pack):
    body = f"{CLAIM} <!-- factlint-disable-line sora.leak -->\n"
    doc = read_markdown(FRONT + body, "d.md")
    found = {f.rule: f for f in lint_document(doc, pack)}
    comment = "<!-- factlint-disable-line sora.leak -->"
    column = body.index("<!--") + 1
    for rule in (UNUSED, NO_REASON):
        f = found[rule]
        assert (f.path, f.line, f.column, f.end_line, f.end_column) == ("d.md", 4, column, 4, column + len(comment))
        assert f.found == comment
    assert "sora.leak" in found[UNUSED].message and "reason" in found[NO_REASON].message


def test_directive_parts():
    doc = read_markdown("<!-- factlint-disable-next-line sora.leak, name\n  -- aus dem Interview,  belegt -->\n\nText\n")
    [d], invalid = directives(doc)
    assert invalid == []
    assert (d.kind, d.rules, d.reason) == ("disable-next-line", ("sora.leak", "name"), "aus dem Interview, belegt")
    assert (d.line, d.column, d.end_line) == (1, 1, 2)


def test_plain_text_drafts_have_no_directives(pack):
    body = f"{CLAIM} <!-- factlint-disable-line -- r -->\n"
    assert lint(pack, body, path="d.txt") == [(1, CLIP, "error")]


def test_suppressed_findings_are_not_fixed(tmp_path, capsys):
    from linter.cli import main
    draft = tmp_path / "d.md"
    text = FRONT + "Sam Altmann leitet OpenAI. <!-- factlint-disable-line name -- so heißt er im Zitat -->\n"
    draft.write_text(text, encoding="utf-8")
    assert main(["check", "--fix", str(draft)]) == 0
    capsys.readouterr()
    assert draft.read_text(encoding="utf-8") == text
    draft.write_text(text.replace(" <!--", "\n\n<!--"), encoding="utf-8")     # the directive on another line
    main(["check", "--fix", str(draft)])
    capsys.readouterr()
    assert "Sam Altman leitet" in draft.read_text(encoding="utf-8")
