"""Findings as the editor sees them: diagnostics, hovers and code actions (pure functions).

Findings count lines from 1 and columns in characters (code points) of the draft after its line
endings were made LF and a BOM dropped; the protocol counts lines from 0 and columns in the code
units the client and server agreed on (UTF-16 unless the client offered another). `Positions` converts
between the two over the editor's own text, whose lines have the same characters (the BOM aside).
"""
from __future__ import annotations

import re
from pathlib import Path

from lsprotocol import types
from pygls.uris import from_fs_path

from ..engine import citation
from ..engine import statement as fact_statement
from ..findings import Finding, Severity, Source
from ..fixer import Fix, fixes_from
from ..messages import AS_OF, localise
from ..suppress import RULE_PREFIX
from .session import Linted

SOURCE = "factlint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# the words of hovers and code actions, in the draft's language
LABELS = {
    "de": {"fact": "Fakt", "draft": "Im Entwurf", "expected": "Erwartet", "source": "Quelle",
           "fix": "Ersetzen durch „{replacement}“", "fix_all": "Alle Namen korrigieren (wie factlint --fix)",
           "suppress": "{rule} in dieser Zeile unterdrücken (mit Begründung)", "reason": "Begründung"},
    "en": {"fact": "Fact", "draft": "The draft says", "expected": "Expected", "source": "Source",
           "fix": 'Replace with "{replacement}"', "fix_all": "Fix every name spelling (as factlint --fix)",
           "suppress": "Suppress {rule} on this line (with a reason)", "reason": "reason"},
}
_LINE_BREAK = re.compile(r"\r\n|\r|\n")     # the protocol's line breaks, and no others
_BOM = "\ufeff"


def _labels(lang: str) -> dict:
    return LABELS.get(lang, LABELS["en"])


class Positions:
    """Convert finding positions to protocol positions and back, for one text and code unit."""

    def __init__(self, text: str, units_of):
        """`units_of(string)` counts a string's code units in the negotiated encoding."""
        self.lines = _LINE_BREAK.split(text)
        self.shift = 1 if text.startswith(_BOM) else 0      # findings do not count a BOM
        self.units_of = units_of

    def to_client(self, line: int, column: int) -> types.Position:
        """The protocol position of a finding's (line, column)."""
        index = line - 1
        if index >= len(self.lines):
            return types.Position(line=len(self.lines) - 1, character=self.units_of(self.lines[-1]))
        characters = column - 1 + (self.shift if index == 0 else 0)
        return types.Position(line=index, character=self.units_of(self.lines[index][:characters]))

    def from_client(self, position: types.Position) -> tuple[int, int]:
        """The finding (line, column) of a protocol position."""
        index = min(position.line, len(self.lines) - 1)
        text, units, characters = self.lines[index], 0, 0
        while characters < len(text) and units < position.character:
            units += self.units_of(text[characters])
            characters += 1
        if index == 0:
            characters = max(0, characters - self.shift)
        return index + 1, characters + 1

    def range(self, finding: Finding | Fix) -> types.Range:
        return types.Range(start=self.to_client(finding.line, finding.column),
                           end=self.to_client(finding.end_line, finding.end_column))

    def line_end(self, line: int) -> types.Position:
        """The end of a line (before its line break)."""
        index = line - 1
        return types.Position(line=index, character=self.units_of(self.lines[index]))


def _short_message(finding: Finding) -> str:
    """The message without its source citation, which the diagnostic carries as related information."""
    if not finding.sources:
        return finding.message
    for lang in AS_OF:
        cited = " " + citation(finding.sources[0], finding.as_of, lang)
        if cited in finding.message:
            return finding.message.replace(cited, "", 1)
    return finding.message


class SeedLocator:
    """Where a source quote is in its seed file, to jump there from a diagnostic; each found once."""

    def __init__(self, units_of):
        self.units_of = units_of
        self.found: dict[tuple[Path, str], types.Location] = {}

    def location(self, source: Source, seed_dirs: tuple[Path, ...]) -> types.Location | None:
        path = next((d / source.file for d in seed_dirs if (d / source.file).is_file()), None)
        if path is None:
            return None
        if (path, source.quote) not in self.found:
            self.found[path, source.quote] = self._locate(path, source.quote)
        return self.found[path, source.quote]

    def _locate(self, path: Path, quote: str) -> types.Location:
        """The quote's range (the file's start if the quote is not verbatim in it)."""
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        positions, start = Positions(text, self.units_of), text.find(quote)
        end = start + len(quote) if start >= 0 else 0
        start = max(start, 0)

        def at(offset: int) -> types.Position:
            line = len(_LINE_BREAK.findall(text, 0, offset))
            line_start = max((m.end() for m in _LINE_BREAK.finditer(text, 0, offset)), default=0)
            return positions.to_client(line + 1, offset - line_start + 1)
        return types.Location(uri=from_fs_path(str(path.resolve())), range=types.Range(start=at(start), end=at(end)))


def diagnostics(linted: Linted, positions: Positions, uri: str, seeds: SeedLocator) -> list[types.Diagnostic]:
    """One diagnostic per finding: severity, rule id as code, the message without its citation, and
    each source quote (file, date) as related information."""
    result = []
    for finding in linted.findings:
        related = []
        for source in finding.sources:
            location = seeds.location(source, linted.seed_dirs) or types.Location(uri=uri, range=positions.range(finding))
            related.append(types.DiagnosticRelatedInformation(
                location=location, message=f'{source.file}: "{source.quote}" ({_as_of(linted.lang)} {finding.as_of})'))
        result.append(types.Diagnostic(
            range=positions.range(finding), severity=SEVERITIES[finding.severity], code=finding.rule,
            source=SOURCE, message=_short_message(finding), related_information=related or None))
    return result


def _as_of(lang: str) -> str:
    return AS_OF.get(lang, AS_OF["en"])


def findings_at(linted: Linted, line: int, column: int) -> list[Finding]:
    """The findings whose span holds the position (its end included: the cursor just after a word)."""
    return [f for f in linted.findings if (f.line, f.column) <= (line, column) <= (f.end_line, f.end_column)]


def hover(linted: Linted, line: int, column: int, positions: Positions) -> types.Hover | None:
    """The fact, what the draft says, and each source quote with its file and date."""
    found = findings_at(linted, line, column)
    if not found:
        return None
    parts = [_hover_text(f, linted) for f in found]
    span = positions.range(found[0])
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
                       range=span)


def _hover_text(finding: Finding, linted: Linted) -> str:
    words = _labels(linted.lang)
    head = f"**{SOURCE}** `{finding.rule}` ({finding.severity})"
    if finding.rule.startswith(RULE_PREFIX) or not finding.sources:
        return f"{head}\n\n{finding.message}"
    short = _short_message(finding)
    # the statement in the language the message was written in (a sentence's, usually the draft's)
    statements = linted.rulebook.rule(finding.rule).statement.values()
    fact = next((s for s in statements if f" \u2014 {s}" in short), None) or fact_statement(
        linted.rulebook.rule(finding.rule), linted.lang)
    said = short.partition(" \u2014 " + fact)[0] or f'"{finding.found}"'
    lines = [head, "", f"**{words['fact']}:** {fact}", "", f"**{words['draft']}:** {said}"]
    if finding.expected:
        lines += ["", f"**{words['expected']}:** {localise(finding.expected, linted.lang)}"]
    for source in finding.sources:
        lines += ["", f"**{words['source']}** (`{source.file}`, {_as_of(linted.lang)} {finding.as_of}):",
                  "", f"> {source.quote}"]
    return "\n".join(lines)


def code_actions(linted: Linted, uri: str, version: int | None, positions: Positions, first: int, last: int,
                 diagnostics_by_span: dict, snippets: bool) -> list[types.CodeAction]:
    """For the findings on lines first..last: the `--fix` correction of a name (a preferred quick fix),
    and an inline directive that suppresses the rule on the claim's line, with a reason to fill in."""
    touched = [f for f in linted.findings if f.line <= last and f.end_line >= first]
    fixable = {(x.line, x.column, x.end_line, x.end_column): x for x in fixes_from(linted.findings)}
    words = _labels(linted.lang)
    actions = []
    for finding in touched:
        span = (finding.line, finding.column, finding.end_line, finding.end_column)
        related = [d for d in [diagnostics_by_span.get((span, finding.rule))] if d is not None] or None
        fix = fixable.get(span)
        if fix is not None:
            edit = types.TextEdit(range=positions.range(finding), new_text=fix.replacement)
            actions.append(types.CodeAction(
                title=words["fix"].format(replacement=fix.replacement), kind=types.CodeActionKind.QuickFix,
                diagnostics=related, is_preferred=True, edit=types.WorkspaceEdit(changes={uri: [edit]})))
        if _suppressible(linted, finding):
            actions.append(types.CodeAction(
                title=words["suppress"].format(rule=finding.rule), kind=types.CodeActionKind.QuickFix,
                diagnostics=related, edit=_suppression(finding, uri, version, positions, words["reason"], snippets)))
    return actions


def fix_all(linted: Linted, uri: str, positions: Positions) -> types.CodeAction | None:
    """Every unambiguous fix of the document in one edit, as `factlint check --fix` applies them (the
    action editors run on save for `source.fixAll`)."""
    fixes = fixes_from(linted.findings)
    if not fixes:
        return None
    edits = [types.TextEdit(range=positions.range(fix), new_text=fix.replacement) for fix in fixes]
    return types.CodeAction(title=_labels(linted.lang)["fix_all"], kind=types.CodeActionKind.SourceFixAll,
                            edit=types.WorkspaceEdit(changes={uri: edits}))


def _suppressible(linted: Linted, finding: Finding) -> bool:
    """Markdown only (a .txt draft has no comments), not factlint's own findings about directives, and
    not in the front matter (a comment there would break its YAML)."""
    if linted.plain or finding.rule.startswith(RULE_PREFIX):
        return False
    front_matter = [s for s in linted.doc.segments if s.kind in ("title", "description")]
    return not any(linted.doc.position(s.offsets[0])[0] <= finding.line <= linted.doc.position(s.offsets[-1])[0]
                   for s in front_matter)


def _suppression(finding: Finding, uri: str, version: int | None, positions: Positions, reason: str,
                 snippets: bool) -> types.WorkspaceEdit:
    """`<!-- factlint-disable-line RULE -- reason -->` at the end of the claim's last line; with a
    snippet the reason is selected for the reporter to type over."""
    end = positions.line_end(finding.end_line)
    where = types.Range(start=end, end=end)
    directive = f" <!-- factlint-disable-line {finding.rule} -- {{reason}} -->"
    if not snippets:
        return types.WorkspaceEdit(changes={uri: [types.TextEdit(range=where, new_text=directive.format(reason=reason))]})
    snippet = types.StringValue(value=directive.format(reason="${1:" + reason + "}"))
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(
        text_document=document, edits=[types.SnippetTextEdit(range=where, snippet=snippet)])])
