"""Align markdown-it inline tokens with the source characters they came from.

markdown-it-py maps only block tokens to lines, and an inline token's content has the container
prefixes ("> ", list indentation) stripped. So we walk the inline children and find each piece in
the source by searching forward from a cursor; every emitted character keeps its source offset.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence

from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

# Emphasis tokens carry their delimiter ("*", "__") in `markup`, verbatim from the source.
_DELIMITERS = frozenset({"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"})
_BACKTICK_RUN = re.compile(r"`+")
# linkify is off, so bare URLs arrive as plain text; we drop them from the prose.
_BARE_URL = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>]+", re.IGNORECASE)
# searched as it is: a lower-cased copy of a 1 MB paragraph cost as much memory as the paragraph; the
# cases spelt out, not IGNORECASE, which lower-cased every character of every segment (no other
# character case-folds to "w")
_WWW = re.compile(r"[wW][wW][wW]\.")
# Sentence punctuation right after a URL belongs to the sentence, not to the URL.
_URL_TRAILING = ".,;:!?'\"*_~»«“”‘’"


class InlineAligner:
    """Cursor over one block's source that collects segment characters and their offsets."""

    def __init__(self, src: str, start: int, end: int) -> None:
        self.src = src
        self.start = start
        self.end = max(end, start + 1)
        self.cursor = start
        # Pieces of text (not characters) and offsets in a typed array: one Python int per character,
        # with a list entry per character, took some 40 bytes per character of a draft.
        self.chars: list[str] = []
        self.offsets = array("q")

    def align(self, children: Sequence[Token]) -> tuple[str, Sequence[int]]:
        """The prose of inline children and the source offset of each of its characters.

        `chars` and `offsets` are filled only when the children have to be walked.
        """
        if len(children) == 1 and children[0].type == "text" and not self.offsets:
            # Most blocks (list items, headings, table cells) are one plain text; found verbatim, it
            # maps to a range of offsets, and walking it would build that range item by item.
            piece = children[0].content
            at = self._find(piece)
            if self.start <= at and at + len(piece) <= self.end:
                self.cursor = at + len(piece)
                return piece, range(at, at + len(piece))
        self.walk(children)
        return "".join(self.chars), self.offsets

    def walk(self, children: Sequence[Token]) -> None:
        """Emit the prose of inline children; skip code, HTML and link targets."""
        in_autolink = False
        for tok in children:
            if in_autolink:
                in_autolink = tok.type != "link_close"
            elif tok.type == "link_open" and tok.markup == "autolink":
                in_autolink = True
                self._skip_autolink()
            else:
                self._visit(tok)

    def _visit(self, tok: Token) -> None:
        """Dispatch one inline token (autolinks are handled by `walk`)."""
        if tok.type == "text":
            self._text(tok.content)
        elif tok.type == "text_special" and tok.content == tok.markup:
            # A backslash before a non-punctuation character is literal text.
            self._text(tok.content)
        elif tok.type == "text_special":
            self._special(tok)
        elif tok.type in ("softbreak", "hardbreak"):
            self._newline()
        elif tok.type in _DELIMITERS:
            self._advance_past(tok.markup)
        elif tok.type == "code_inline":
            self._skip_code(len(tok.markup))
        elif tok.type == "html_inline":
            self._skip_raw(tok.content)
        elif tok.type == "link_open":
            self._advance_past("[")
        elif tok.type == "link_close":
            self._skip_link_tail()
        elif tok.type == "image":
            self._advance_past("![")
            self.walk(tok.children or [])
            self._skip_link_tail()

    def _emit(self, ch: str, offset: int) -> None:
        """Record one character; clamp so offsets never go backwards or leave the block."""
        low = self.offsets[-1] if self.offsets else self.start
        self.chars.append(ch)
        self.offsets.append(min(max(offset, low), self.end - 1))

    def _find(self, piece: str) -> int:
        """Offset of `piece` after the cursor: on the cursor's line first, then in the block."""
        line_end = self.src.find("\n", self.cursor, self.end)
        if line_end >= 0:
            at = self.src.find(piece, self.cursor, line_end + 1)
            if at >= 0:
                return at
        return self.src.find(piece, self.cursor, self.end)

    def _text(self, piece: str) -> None:
        """Emit a text piece, found verbatim or else aligned character by character."""
        at = self._find(piece)
        if at < 0:
            self._align_chars(piece)
            return
        self._emit_run(piece, at)
        self.cursor = at + len(piece)

    def _emit_run(self, piece: str, at: int) -> None:
        """Record a piece found verbatim at `at`: what `_emit` per character would record, in bulk."""
        low = self.offsets[-1] if self.offsets else self.start
        if low <= at and at + len(piece) <= self.end:
            # Nothing to clamp: the run starts at or after the last offset and ends inside the block.
            self.chars.append(piece)
            self.offsets.extend(range(at, at + len(piece)))
            return
        for i, ch in enumerate(piece):
            self._emit(ch, at + i)

    def _align_chars(self, piece: str) -> None:
        """Match each character on the cursor's line; unmatched ones stay at the cursor."""
        line_end = self.src.find("\n", self.cursor, self.end)
        limit = self.end if line_end < 0 else line_end + 1
        for ch in piece:
            at = self.src.find(ch, self.cursor, limit)
            if at < 0:
                self._emit(ch, self.cursor)
                continue
            self._emit(ch, at)
            self.cursor = at + 1

    def _special(self, tok: Token) -> None:
        """Emit an escape (mapped to the escaped char) or an entity (mapped to its "&")."""
        at = self._find(tok.markup) if tok.markup else -1
        if at < 0:
            self._align_chars(tok.content)
            return
        target = at + 1 if tok.info == "escape" else at
        for ch in tok.content:
            self._emit(ch, target)
        self.cursor = at + len(tok.markup)

    def _newline(self) -> None:
        """Emit a soft or hard break as the "\\n" that ends the current source line."""
        at = self.src.find("\n", self.cursor, self.end)
        self._emit("\n", self.cursor if at < 0 else at)
        if at >= 0:
            self.cursor = at + 1

    def _advance_past(self, markup: str) -> None:
        """Move the cursor past the next occurrence of literal markup."""
        at = self._find(markup)
        if at >= 0:
            self.cursor = at + len(markup)

    def _skip_code(self, ticks: int) -> None:
        """Skip a code span: an opening run of `ticks` backticks up to the closing run."""
        runs = (m for m in _BACKTICK_RUN.finditer(self.src, self.cursor, self.end)
                if len(m.group()) == ticks)
        opening = next(runs, None)
        if opening is None:
            return
        closing = next(runs, None)
        self.cursor = (closing or opening).end()

    def _skip_raw(self, content: str) -> None:
        """Skip verbatim source; lines after the first may follow container prefixes."""
        lines = content.split("\n")
        at = self._find(lines[0])
        if at < 0:
            return
        pos = at + len(lines[0])
        for line in lines[1:]:
            at = self.src.find(line, pos, self.end)
            if at < 0:
                break
            pos = at + len(line)
        self.cursor = pos

    def _skip_autolink(self) -> None:
        """Skip "<scheme:...>" including its brackets."""
        opening = self.src.find("<", self.cursor, self.end)
        closing = self.src.find(">", max(opening, self.cursor), self.end)
        if opening >= 0 and closing >= 0:
            self.cursor = closing + 1

    def _skip_link_tail(self) -> None:
        """Skip "](destination "title")", "][label]" or "]" after a link or image text."""
        bracket = self.src.find("]", self.cursor, self.end)
        if bracket < 0:
            return
        after = _inline_link_tail(self.src, bracket + 1, self.end)
        if after < 0:
            after = _reference_tail(self.src, bracket + 1, self.end)
        self.cursor = after


def _skip_space(src: str, pos: int, end: int) -> int:
    """Offset of the first non-blank character at or after pos."""
    while pos < end and src[pos] in " \t\n":
        pos += 1
    return pos


def _inline_link_tail(src: str, pos: int, end: int) -> int:
    """Offset after '(dest "title")' at pos, or -1; mirrors markdown_it.rules_inline.link."""
    if pos >= end or src[pos] != "(":
        return -1
    pos = _skip_space(src, pos + 1, end)
    dest = parseLinkDestination(src, pos, end)
    if dest.ok:
        spaced = _skip_space(src, dest.pos, end)
        title = parseLinkTitle(src, spaced, end)
        # A title must be separated from the destination by whitespace.
        pos = _skip_space(src, title.pos, end) if spaced != dest.pos and title.ok else spaced
    return pos + 1 if pos < end and src[pos] == ")" else -1


def _reference_tail(src: str, pos: int, end: int) -> int:
    """Offset after a "[label]" at pos, or pos itself for shortcut references."""
    if pos >= end or src[pos] != "[":
        return pos
    i = pos + 1
    while i < end:
        if src[i] == "\\":
            i += 2
            continue
        if src[i] == "[":
            return pos
        if src[i] == "]":
            return i + 1
        i += 1
    return pos


def strip_bare_urls(text: str, offsets: Sequence[int]) -> tuple[str, Sequence[int]]:
    """Remove bare URLs from text, keeping the offsets of the remaining characters.

    Without a URL, `offsets` itself is returned, not a copy.
    """
    if "://" not in text and not _WWW.search(text):
        return text, offsets
    # the URLs' spans, in order and apart (finditer's matches are; trimming only shortens them)
    urls = [(m.start(), m.start() + len(_trim_url(m.group()))) for m in _BARE_URL.finditer(text)]
    urls = [(start, end) for start, end in urls if end > start]
    if not urls:
        return text, offsets
    # the text between them is kept run by run: a list of every kept index cost a 200 KB paragraph 60 ms
    pieces, kept, pos = [], array("q"), 0
    for start, end in urls + [(len(text), len(text))]:
        pieces.append(text[pos:start])
        kept.extend(offsets[pos:start])
        pos = end
    return "".join(pieces), kept


def _trim_url(url: str) -> str:
    """Drop trailing punctuation and unbalanced closing brackets from a matched URL."""
    while url:
        last = url[-1]
        unbalanced = (last == ")" and url.count("(") < url.count(")")) or (
            last == "]" and url.count("[") < url.count("]"))
        if last not in _URL_TRAILING and not unbalanced:
            break
        url = url[:-1]
    return url
