"""Inline suppressions: `<!-- factlint-disable-next-line sora.leak -- reason -->` and friends.

Directives are HTML comments in Markdown, found with markdown-it, so a directive shown in a code span
or a code block is only text. Forms (RULES: rule ids or prefixes separated by commas; none means all):

    <!-- factlint-disable-next-line RULES -- reason -->   the line after the comment
    <!-- factlint-disable-line RULES -- reason -->        the comment's own line
    <!-- factlint-disable RULES -- reason -->             from here until a matching factlint-enable
    <!-- factlint-enable RULES -->
    <!-- factlint-disable-file RULES -- reason -->        the whole file

A suppression without a reason is a warning, one that suppresses nothing is info, and a comment that
starts with `factlint-` but is no valid directive is a warning; these are ordinary findings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from .findings import Finding, Severity
from .inline_map import InlineAligner
from .segments import Document

RULE_PREFIX = "factlint."
NO_REASON = "factlint.suppression.no-reason"
UNUSED = "factlint.suppression.unused"
INVALID = "factlint.suppression.invalid"
TOO_DEEP = "factlint.too-deep"     # the engine's: text nested too deep to be read
META_RULES = (NO_REASON, UNUSED, INVALID, TOO_DEEP)
ALL = "*"          # stands for "every rule" where a directive names none

_KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
_DIRECTIVE = re.compile(r"factlint-(%s)(?=\s|$)(.*)" % "|".join(_KINDS), re.DOTALL)
_ID_PREFIX = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
# HTML blocks whose content is raw text (CommonMark block type 1): a comment in them is not markup
_RAW_HTML = re.compile(r"\s*<(?:pre|script|style|textarea)\b", re.IGNORECASE)


def id_matches(prefix: str, rule_id: str) -> bool:
    """Whether a rule id is the prefix itself or below it: "sora.leak" matches "sora.leak.group"."""
    return prefix == ALL or rule_id == prefix or rule_id.startswith(prefix + ".")


@dataclass(frozen=True, slots=True)
class Directive:
    """One suppression comment, at its source position (1-based; end column exclusive)."""

    kind: str
    rules: tuple[str, ...]        # prefixes; (ALL,) when the comment names none
    reason: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str                     # the whole comment as written

    def matching(self, rule_id: str) -> str | None:
        """The first of our prefixes that covers the rule, or None."""
        return next((p for p in self.rules if id_matches(p, rule_id)), None)


def _parser() -> MarkdownIt:
    # the same block structure as the reader (linter/segments.py): tables and front matter
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


_PARSER = _parser()


class _CommentAligner(InlineAligner):
    """An aligner that records the source offset of each inline HTML comment it skips."""

    def __init__(self, src: str, start: int, end: int) -> None:
        super().__init__(src, start, end)
        self.comments: list[int] = []

    def _skip_raw(self, content: str) -> None:
        if content.startswith("<!--"):
            at = self._find(content.split("\n")[0])
            if at >= 0:
                self.comments.append(at)
        super()._skip_raw(content)


def _comment_offsets(text: str) -> list[tuple[int, int]]:
    """Source ranges [start, end) of the HTML comments that are markup (not code, not raw HTML)."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def region(token) -> tuple[int, int]:
        first, stop = token.map
        return line_starts[first], line_starts[stop] if stop < len(line_starts) else len(text)

    found, cursor = [], 0
    for token in _PARSER.parse(text):
        if token.map is None:
            continue
        if token.type == "html_block" and not _RAW_HTML.match(token.content):
            start, end = region(token)
            found += [(m.start(), m.end()) for m in _COMMENT.finditer(text, start, end)]
        elif token.type == "inline":
            start, end = region(token)
            aligner = _CommentAligner(text, start, end)
            # cells of one table row share a line: go on from where the previous cell ended
            aligner.cursor = max(start, min(cursor, end))
            aligner.walk(token.children or [])
            cursor = aligner.cursor
            for at in aligner.comments:
                match = _COMMENT.match(text, at)
                if match:
                    found.append((match.start(), match.end()))
    return found


def _parse(doc: Document, start: int, end: int) -> Directive | Finding | None:
    """The directive in one comment, an `invalid` finding, or None for an ordinary comment."""
    body = doc.text[start + 4:end - 3].strip()
    if not body.startswith("factlint-"):
        return None
    line, column = doc.position(start)
    end_line, end_column = doc.position(end - 1)
    comment = doc.text[start:end]
    match = _DIRECTIVE.fullmatch(body)
    if not match:
        return _meta(doc.path, (line, column, end_line, end_column + 1), comment, INVALID, Severity.WARNING,
                     f"unknown directive; use one of factlint-{', factlint-'.join(_KINDS)}")
    names, _, reason = match.group(2).partition("--")
    rules = tuple(r for r in re.split(r"[\s,]+", names) if r)
    bad = [r for r in rules if not _ID_PREFIX.match(r)]
    if bad:
        return _meta(doc.path, (line, column, end_line, end_column + 1), comment, INVALID, Severity.WARNING,
                     f'"{bad[0]}" is not a rule id or prefix; write `factlint-{match.group(1)} RULE, RULE -- reason`')
    return Directive(match.group(1), rules or (ALL,), " ".join(reason.split()),
                     line, column, end_line, end_column + 1, comment)


def _meta(path: str, span: tuple[int, int, int, int], comment: str, rule: str, severity: Severity,
          message: str) -> Finding:
    line, column, end_line, end_column = span
    return Finding(path=path, line=line, column=column, end_line=end_line, end_column=end_column,
                   rule=rule, severity=severity, message=message, found=comment, expected="", as_of="")


def directives(doc: Document) -> tuple[list[Directive], list[Finding]]:
    """The document's directives in source order, and findings for malformed ones."""
    result, invalid = [], []
    for start, end in sorted(_comment_offsets(doc.text)):
        parsed = _parse(doc, start, end)
        if isinstance(parsed, Directive):
            result.append(parsed)
        elif parsed is not None:
            invalid.append(parsed)
    return result, invalid


def _suppressor(directives: list[Directive], finding: Finding) -> tuple[Directive, str] | None:
    """The directive (and its prefix) that silences a finding, or None."""
    for d in directives:
        prefix = d.matching(finding.rule)
        if prefix is None:
            continue
        if d.kind == "disable-file":
            return d, prefix
        if d.kind == "disable-line" and finding.line <= d.line <= finding.end_line:
            return d, prefix
        if d.kind == "disable-next-line" and finding.line <= d.end_line + 1 <= finding.end_line:
            return d, prefix
    # ranges: the last disable or enable before the finding that covers its rule decides
    state = None
    for d in directives:
        if d.kind in ("disable", "enable") and (d.line, d.column) < (finding.line, finding.column):
            prefix = d.matching(finding.rule)
            if prefix is not None:
                state = (d, prefix) if d.kind == "disable" else None
    return state


def apply_suppressions(doc: Document, findings: list[Finding]) -> list[Finding]:
    """The findings no directive silences, plus findings about the directives themselves; sorted."""
    # .txt drafts have no Markdown comments; most drafts have no directives at all
    if "factlint-" not in doc.text or doc.path.lower().endswith(".txt"):
        return findings
    found, meta = directives(doc)
    used: set[tuple[Directive, str]] = set()
    kept = []
    for finding in findings:
        by = _suppressor(found, finding)
        if by is None:
            kept.append(finding)
        else:
            used.add(by)
    for d in found:
        if d.kind == "enable":
            continue
        span = (d.line, d.column, d.end_line, d.end_column)
        if not d.reason:
            meta.append(_meta(doc.path, span, d.text, NO_REASON, Severity.WARNING,
                              f"factlint-{d.kind} without a reason; add `-- why the claim stands`"))
        unused = [p for p in d.rules if (d, p) not in used]
        if unused:
            what = "any rule" if unused == [ALL] else ", ".join(unused)
            meta.append(_meta(doc.path, span, d.text, UNUSED, Severity.INFO,
                              f"factlint-{d.kind} suppresses nothing for {what}; remove it"))
    return sorted(kept + meta)
