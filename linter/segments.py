"""Read a draft into prose Segments whose characters map back to exact source offsets.

Markdown goes through markdown-it-py (CommonMark plus tables and front matter); only prose is kept:
paragraphs, headings, list items, block quotes, table cells, link texts and image alt texts, plus
the front matter's `title` and `description`. Code, HTML, link targets and bare URLs are dropped.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import yaml
from markdown_it import MarkdownIt
from markdown_it.common.utils import mdTrim
from markdown_it.rules_block.table import escapedSplit
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from linter.inline_map import InlineAligner, strip_bare_urls

_BOM = "\ufeff"
_FRONT_MATTER_PROSE = ("title", "description")
# A top-level "key: value" line of the front matter (nested keys are indented).
_TOP_LEVEL_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:[ \t]+(\S.*?)[ \t]*$")
_CELL_OPENERS = ("th_open", "td_open")
_NEWLINE = re.compile("\n")
# Front matter lines that PyYAML reads as one plain key and one single-line value. Deliberately
# narrow (no escapes, comments, tabs, anchors, tags, block scalars, continuation lines): anything
# else goes to yaml.safe_load. A plain value starts with no indicator and holds no ": " or " #".
_SIMPLE_YAML_LINE = re.compile(
    r"(?P<key>[A-Za-z_][A-Za-z0-9_-]{0,127}): +(?:"
    r'"(?P<double>(?:[^"\\\s]| )*)"'
    r"|'(?P<single>(?:[^'\s]| )*)'"
    r"|\[(?P<items>[^\[\]{}]*)\]"
    r"|(?P<plain>[^\s\-?:,\[\]{}#&*!|>'\"%@`](?:[^\s:]|:(?=\S)| +(?=[^\s#]))*))")
# One item of a flow list "[a, b c]": plain words, none of the flow or comment indicators.
_SIMPLE_YAML_WORD = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\s,\[\]{}#:?'\"]*(?: +[^\s,\[\]{}#:?'\"]+)*")
_NOT_YAML_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE


@dataclass(frozen=True, slots=True)
class Segment:
    """One block of prose with the source offset of each of its characters (and one past its end).

    `offsets` is a range when the prose is a verbatim run of the source, else a typed array: never one
    Python int per character, which made memory some 60 times the draft's size.
    """

    text: str
    offsets: Sequence[int]
    kind: str
    quote_depth: int
    list_depth: int
    heading_level: int
    block_index: int

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets [a, b) in Document.text of text[start:end]."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside segment of length {len(self.text)}")
        if start == end:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded draft, its prose segments and its front matter.

    `segments` is a tuple, or for a big Markdown draft a SegmentStream: iterable (again and again),
    never indexed, so that no more than one piece of the draft's parse is held at a time.
    """

    path: str
    text: str
    segments: Sequence[Segment] | SegmentStream
    meta: Mapping[str, object]
    # source offset of the first block quote or list nested too deep for the parser, whose text is
    # not read (markdown-it's maxNesting); None when everything was read (see `too_deep`)
    deep_at: int | None = None
    # where each line starts: given by a reader that has them already, else found here
    _line_starts: array | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self._line_starts is None:
            stream = self.segments if isinstance(self.segments, SegmentStream) else None
            object.__setattr__(self, "_line_starts", stream.line_starts if stream else _line_starts(self.text))

    @property
    def too_deep(self) -> int | None:
        """Source offset of the first container nested too deep to be read, or None."""
        if isinstance(self.segments, SegmentStream):
            return self.segments.too_deep()
        return self.deep_at

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; column counts characters (code points)."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside document of length {len(self.text)}")
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def _line_starts(text: str) -> array:
    """Offset of the first character of each line (4 bytes a line, 8 from 2 GB on: a tuple of ints
    took 36)."""
    # finditer runs in C; a Python loop over every character took about 0.3 ms per 5 KB draft.
    starts = array("i" if len(text) < 1 << 31 else "q", [0])
    starts.extend(map(re.Match.end, _NEWLINE.finditer(text)))    # no Python frame per line
    return starts


class ReadError(Exception):
    """The input cannot be read as a draft (for example, it is not valid UTF-8)."""


def read_document(path: str, data: bytes) -> Document:
    """Decode a file's bytes and read it as plain text (.txt) or Markdown (anything else)."""
    text = _decode(data)
    if path.lower().endswith(".txt"):
        return read_plain(text, path)
    return read_markdown(text, path)


def read_plain(text: str, path: str = "<string>") -> Document:
    """Read plain text: each run of non-blank lines is one paragraph."""
    text = _normalize(text)
    segments: list[Segment] = []
    for start, end in _plain_paragraphs(text):
        segment = _make_segment(text[start:end], range(start, end), "paragraph", len(segments))
        segments += [segment] if segment else []
    return Document(path, text, tuple(segments), {})


def _plain_paragraphs(text: str) -> list[tuple[int, int]]:
    """Source ranges of the runs of non-blank lines, without surrounding whitespace."""
    ranges: list[tuple[int, int]] = []
    start = end = -1
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            start = pos + len(line) - len(line.lstrip()) if start < 0 else start
            end = pos + len(line.rstrip())
        elif start >= 0:
            ranges.append((start, end))
            start = -1
        pos += len(line) + 1
    if start >= 0:
        ranges.append((start, end))
    return ranges


# Drafts longer than this are read in pieces of about this many characters: markdown-it-py's tokens
# take 30-60 times the size of the text they come from, so a whole parse of a big draft would.
PIECE_CHARS = 1 << 13


def read_markdown(text: str, path: str = "<string>", piece_chars: int = PIECE_CHARS) -> Document:
    """Read Markdown: prose blocks become Segments, front matter becomes meta.

    A draft of more than two pieces gets a SegmentStream that parses it piece by piece (the same
    segments as a whole parse, see SegmentStream); a smaller one its segments as a tuple."""
    text = _normalize(text)
    if len(text) > 2 * piece_chars:
        stream = SegmentStream(text, piece_chars)
        if stream.whole is None:
            return Document(path, text, stream, stream.meta)
        # no place to cut it (one long paragraph): parsed once, read as a small draft is
        tokens = stream.whole
    else:
        tokens = _PARSER.parse(text)
    meta: dict[str, object] = {}
    segments: list[Segment] = []
    if tokens and tokens[0].type == "front_matter":
        meta, segments = _front_matter(text, tokens[0])
    walker = _BlockWalker(text, len(segments))
    segments += walker.run(tokens)
    return Document(path, text, tuple(segments), meta, walker.too_deep, _line_starts=walker.line_starts)


class SegmentStream:
    """The prose segments of a big draft, parsed piece by piece each time they are iterated.

    The draft is cut only where a block starts afresh in CommonMark: a line that begins with a letter
    after a blank line (no list item, block quote, indented code, fence or HTML can go on there),
    and only when markdown-it-py, parsing the piece before it, ended no fence, HTML block or too
    deep container at the piece's end (they run on to the end of whatever they are given).
    Link reference definitions hold in the whole draft: when the draft may hold any, a first pass
    collects them (block rules only) for every piece. Each piece's tokens are released before the
    next is parsed; the segments are those of a whole parse, index for index (tests/test_pieces.py).
    """

    def __init__(self, text: str, piece_chars: int = PIECE_CHARS) -> None:
        self.text = text
        self.piece_chars = piece_chars
        self.line_starts = _line_starts(text)
        self._too_deep: int | None = None
        self._read_once = False
        self.meta: dict[str, object] = {}
        self._head: list[Segment] = []
        self._references: dict = {}
        # CommonMark needs "]:" for a link reference definition; without one no first pass is needed
        if "]:" in text:
            self._references = self._collect_references()
        pieces = self._pieces()
        first = next(pieces, (0, []))[1]
        if first and first[0].type == "front_matter":
            self.meta, self._head = _front_matter(text, first[0])
        # the tokens of the whole draft when it is one piece, else None
        self.whole: list[Token] | None = first if next(pieces, None) is None else None

    def __iter__(self) -> Iterator[Segment]:
        yield from self._head
        walker = _BlockWalker(self.text, len(self._head), self.line_starts)
        for first_line, tokens in self._pieces():
            walker.segments = []
            # the front matter (first piece only) was read in __init__
            skip = first_line == 0 and tokens and tokens[0].type == "front_matter"
            walker.run(tokens[1:] if skip else tokens, first_line)
            yield from walker.segments
        self._too_deep, self._read_once = walker.too_deep, True

    def too_deep(self) -> int | None:
        """Document.too_deep: known once the draft has been read to its end."""
        if not self._read_once:
            for _ in self:
                pass
        return self._too_deep

    def _collect_references(self) -> dict:
        """The link reference definitions of the whole draft, the first of a label winning."""
        references: dict = {}
        for _, env in self._pieces(block_only=True):
            for label, value in env.get("references", {}).items():
                references.setdefault(label, value)
        return references

    def _pieces(self, block_only: bool = False) -> Iterator[tuple[int, list[Token] | dict]]:
        """(first line, tokens) of each piece in order, or with block_only (first line, env) after
        parsing only its blocks (which collects its link reference definitions in env).

        A stretch longer than two pieces without a place to cut is cut between the rows of a table
        that runs through it (1 MB of table is one block): the next piece is parsed with the table's
        header and delimiter row before it, which markdown-it needs and we then drop."""
        text, starts = self.text, self.line_starts
        line, lines, header = 0, len(starts), ""
        while line < lines:
            size = self.piece_chars
            while True:
                stop = _next_cut(text, starts, starts[line] + size, line)
                continued = None
                if (starts[stop] if stop < lines else len(text)) - starts[line] > 2 * size:
                    # the row after the piece's size; or one of the next two, when the size ended
                    # between a table's header and its delimiter row or the line before the header
                    first_row = bisect.bisect_right(starts, starts[line] + size)
                    for row in range(first_row, min(first_row + 3, lines)):
                        if line < row:
                            parsed = self._parse(line, row, header, block_only)
                            continued = _continued_table(text, starts, parsed[0], line, row, header)
                            if continued is not None:
                                break
                if continued is not None:
                    next_header = continued
                    break
                parsed = self._parse(line, stop, header, block_only)
                if stop >= lines or _ends_closed(parsed[0], stop - line + header.count("\n")):
                    row, next_header = stop, ""
                    break
                size *= 2       # a fence or HTML block open across the cut: a longer piece
            tokens, env = parsed
            if header:
                # the header's tokens were only there for the table's sake: they are the previous piece's
                tokens = tokens[next(i for i, t in enumerate(tokens) if t.type == "thead_close") + 1:]
            yield line - header.count("\n"), (env if block_only else tokens)
            line, header = row, next_header

    def _parse(self, line: int, stop: int, header: str, block_only: bool) -> tuple[list[Token], dict]:
        """The tokens of lines [line, stop) after `header`, and the env they were parsed with."""
        text, starts = self.text, self.line_starts
        src = header + text[starts[line]:starts[stop] if stop < len(starts) else len(text)]
        parser = _PARSER if line == 0 else _BODY_PARSER
        # the definitions are all known before the main pass: a piece adds none to them
        env = {"references": self._references} if self._references else {}
        tokens: list[Token] = []
        if block_only:
            parser.block.parse(src, parser, env, tokens)
        else:
            tokens = parser.parse(src, env)
        return tokens, env


def _continued_table(text: str, starts: array, tokens: list[Token], line: int, stop: int,
                     header: str) -> str | None:
    """The header and delimiter row of a table that runs to the end of a piece and may go on in the
    next one, or None. It may when it is the piece's last block, nothing before it runs open, and none
    of its rows so far has more or fewer cells than its header: markdown-it stops a table after 65,536
    filled-in cells, and a count that restarted in the next piece would stop it elsewhere."""
    header_lines = header.count("\n")
    total = stop - line + header_lines
    level0 = [t for t in tokens if t.level == 0]
    if not level0 or level0[-1].type != "table_close" or not _ends_closed(tokens, total):
        return None
    at = max(i for i, t in enumerate(tokens) if t.type == "table_open" and t.level == 0)
    table = tokens[at]
    if table.map is None or table.map[1] < total:
        return None
    first = table.map[0] - header_lines + line     # the table's first line in the draft (or in header)
    columns = sum(1 for t in tokens[at:] if t.type == "th_open")
    for row in range(max(first + 2, line), stop):
        cells = escapedSplit(mdTrim(text[starts[row]:starts[row + 1] - 1]))
        cells = cells[1:] if cells and cells[0] == "" else cells
        cells = cells[:-1] if cells and cells[-1] == "" else cells
        if len(cells) != columns:
            return None
    if table.map[0] < header_lines:
        return header
    return text[starts[first]:starts[first + 2]]


# A line that starts with a letter after a blank line: where a piece may start
_CUT = re.compile(r"\n[ \t]*\n(?=[^\W\d_])")
# A line that may close front matter ("---" or "..."): no cut before it when the draft starts with "-"
_FRONT_MATTER_END = re.compile(r"\n {0,3}(?:---|\.\.\.)")


def _next_cut(text: str, starts: array, offset: int, line: int) -> int:
    """The line of the first cut at or after `offset` (len(starts) when there is none)."""
    if line == 0 and text.startswith("---"):
        closing = _FRONT_MATTER_END.search(text, 1)
        offset = max(offset, closing.end() if closing else 0)
    cut = _CUT.search(text, offset)
    return len(starts) if cut is None else bisect.bisect_right(starts, cut.end()) - 1


def _ends_closed(tokens: list[Token], lines: int) -> bool:
    """Whether nothing in a piece of `lines` lines runs on to its end for want of more text: an
    unclosed fence or HTML block (types 1-5), or a container too deep to be parsed."""
    for tok in tokens:
        if tok.type in ("fence", "html_block") and tok.map and tok.map[1] >= lines:
            return False
        if tok.type in _CONTAINERS and tok.level >= _MAX_NESTING - 1:
            return False
    return True


def _make_parser() -> MarkdownIt:
    """CommonMark with tables and front matter; entities and escapes kept as separate tokens.

    It expects text that went through _normalize.
    """
    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    # text_join would merge escapes and entities into plain text and lose their source form.
    # normalize would only redo what _normalize did (CRLF, CR and NUL), at about 40 µs per draft.
    return parser.disable(["text_join", "normalize"])


_PARSER = _make_parser()
# the parser of every piece of a big draft but the first: front matter only opens a draft
_BODY_PARSER = MarkdownIt("commonmark").enable("table").disable(["text_join", "normalize"])
_MAX_NESTING = _PARSER.options.maxNesting
_CONTAINERS = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"})


def _decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or raise ReadError naming the bad byte."""
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as err:
        where = skip + err.start
        before = data[skip:where].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1:].decode("utf-8")) + 1
        raise ReadError(f"not valid UTF-8 at byte {where} (line {line}, column {column})") from None


def _normalize(text: str) -> str:
    """Drop a BOM and turn CRLF/CR into LF, as markdown-it does (and NUL into U+FFFD)."""
    if text.startswith(_BOM):
        text = text[1:]
    # markdown-it replaces NUL itself; doing it here keeps its text equal to ours, offset for offset.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")


def _make_segment(text: str, offsets: Sequence[int], kind: str, index: int, *,
                  quote_depth: int = 0, list_depth: int = 0,
                  heading_level: int = 0) -> Segment | None:
    """Build a Segment without bare URLs, or None when no prose is left."""
    text, kept = strip_bare_urls(text, offsets)
    if not text.strip():
        return None
    return Segment(text, _with_end(kept), kind, quote_depth, list_depth, heading_level, index)


def _with_end(offsets: Sequence[int]) -> Sequence[int]:
    """The offsets followed by one past the last: a range stays a range."""
    if isinstance(offsets, range) and offsets.step == 1:
        return range(offsets.start, offsets.stop + 1)
    compact = offsets if isinstance(offsets, array) else array("q", offsets)
    compact.append(offsets[-1] + 1)
    return compact


class _BlockWalker:
    """Walk block tokens, tracking containers, and turn each inline token into a Segment."""

    def __init__(self, text: str, first_index: int, line_starts: array | None = None) -> None:
        self.text = text
        self.line_starts = _line_starts(text) if line_starts is None else line_starts
        self.line_offset = 0        # line of the text where the tokens' piece of it starts
        self.index = first_index
        self.quote_depth = 0
        self.list_depth = 0
        self.kind = "paragraph"
        self.heading_level = 0
        self.cell_cursor = 0
        self.segments: list[Segment] = []
        self.too_deep: int | None = None

    def run(self, tokens: Sequence[Token], line_offset: int = 0) -> list[Segment]:
        """Return the segments of all prose blocks in document order (of a piece of the text that
        starts at line `line_offset`)."""
        self.line_offset = line_offset
        for tok in tokens:
            kind = tok.type
            if kind == "inline":        # the most frequent token first (then closing tags, which do nothing)
                self._inline(tok)
                continue
            if kind in _CONTAINERS and tok.level >= _MAX_NESTING - 1 and self.too_deep is None and tok.map:
                # the parser skips what lies inside a container this deep
                self.too_deep = self.line_starts[min(tok.map[0] + line_offset, len(self.line_starts) - 1)]
            if kind in ("blockquote_open", "blockquote_close"):
                self.quote_depth += tok.nesting
            elif kind in ("list_item_open", "list_item_close"):
                self.list_depth += tok.nesting
            elif kind == "heading_open":
                self.kind, self.heading_level = "heading", int(tok.tag[1:])
            elif kind == "paragraph_open":
                self.kind, self.heading_level = "paragraph", 0
            elif kind in _CELL_OPENERS:
                self.kind, self.heading_level = "table_cell", 0
        return self.segments

    def _region(self, tok: Token) -> tuple[int, int]:
        """Source offsets [start, end) of the lines an inline token came from."""
        if tok.map is None:
            return 0, len(self.text)
        first, stop = tok.map[0] + self.line_offset, tok.map[1] + self.line_offset
        start = self.line_starts[min(first, len(self.line_starts) - 1)]
        end = self.line_starts[stop] if stop < len(self.line_starts) else len(self.text)
        return start, end

    def _inline(self, tok: Token) -> None:
        """Align one inline token with the source and keep it if it has prose."""
        start, end = self._region(tok)
        aligner = InlineAligner(self.text, start, end)
        if self.kind == "table_cell":
            # Cells of one row share a line, so each cell starts where the previous one ended.
            aligner.cursor = max(start, min(self.cell_cursor, end))
        prose, offsets = aligner.align(tok.children or [])
        self.cell_cursor = aligner.cursor
        segment = _make_segment(prose, offsets, self.kind, self.index,
                                quote_depth=self.quote_depth, list_depth=self.list_depth,
                                heading_level=self.heading_level)
        self.index += 1
        if segment:
            self.segments.append(segment)


def _front_matter(text: str, tok: Token) -> tuple[dict[str, object], list[Segment]]:
    """Parse front matter into meta and Segments for its title and description."""
    meta = _load_yaml(tok.content)
    raw = _top_level_values(text, tok)
    lang = meta.get("lang")
    if lang is not None and not isinstance(lang, str) and "lang" in raw:
        # YAML 1.1 reads `lang: no` (Norwegian) as False; a language code is always a string.
        meta["lang"] = raw["lang"][1].split(" #")[0].strip().strip("'\"")
    segments: list[Segment] = []
    for key in _FRONT_MATTER_PROSE:
        value = meta.get(key)
        offsets = _scalar_offsets(raw.get(key), value)
        if isinstance(value, str) and offsets is not None:
            segment = _make_segment(value, offsets, key, len(segments))
            segments += [segment] if segment else []
    return meta, segments


def _load_yaml(content: str) -> dict[str, object]:
    """yaml.safe_load the front matter; anything but a valid mapping gives {}."""
    simple = _load_simple_yaml(content)
    if simple is not None:
        return simple
    try:
        loaded = yaml.safe_load(content)
    # PyYAML raises ValueError for impossible dates (2024-02-30) and may recurse deeply.
    except (yaml.YAMLError, ValueError, OverflowError, RecursionError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _load_simple_yaml(content: str) -> dict[str, object] | None:
    """What yaml.safe_load gives for front matter of simple `key: value` lines, or None if not simple.

    PyYAML's pure-Python scanner and parser took 0.3-0.6 ms per draft, as long as all the rest the
    reader adds to markdown-it. For lines it would read as one plain key and one scalar (or a flow list of plain
    words), we build the nodes its composer would build and hand them to its own resolver and
    constructor, so types (dates, numbers, `no`, sexagesimals) and errors come out exactly as before.
    """
    if "\t" in content or "\ufeff" in content or _NOT_YAML_PRINTABLE.search(content):
        return None
    loader = yaml.SafeLoader("")
    pairs: list[tuple[ScalarNode, ScalarNode | SequenceNode]] = []
    for line in content.split("\n"):
        match = _SIMPLE_YAML_LINE.fullmatch(line)
        if match is None:
            return None
        key, quoted, items = match["key"], match["double"], match["items"]
        quoted = match["single"] if quoted is None else quoted
        if quoted is not None:
            value: ScalarNode | SequenceNode = ScalarNode(
                loader.resolve(ScalarNode, quoted, (False, True)), quoted)
        elif items is not None:
            words = [word.strip(" ") for word in items.split(",")] if items.strip(" ") else []
            if not all(_SIMPLE_YAML_WORD.fullmatch(word) for word in words):
                return None
            value = SequenceNode(loader.DEFAULT_SEQUENCE_TAG, [_plain_node(loader, w) for w in words])
        else:
            value = _plain_node(loader, match["plain"])
        pairs.append((_plain_node(loader, key), value))
    try:
        return loader.construct_document(MappingNode(loader.DEFAULT_MAPPING_TAG, pairs))
    except Exception:  # noqa: BLE001 - what fails here (2024-02-30, say) fails in safe_load, which decides
        return None


def _plain_node(loader: yaml.SafeLoader, value: str) -> ScalarNode:
    """The node PyYAML composes for a plain (unquoted) scalar: its tag follows from the value."""
    return ScalarNode(loader.resolve(ScalarNode, value, (True, False)), value)


def _top_level_values(text: str, tok: Token) -> dict[str, tuple[int, str]]:
    """Map each top-level key of the front matter to (source offset, raw value text)."""
    values: dict[str, tuple[int, str]] = {}
    if tok.map is None:
        return values
    # Lines past the front matter are never looked at, so they need not be split.
    lines = text.split("\n", tok.map[1])
    offset = sum(len(line) + 1 for line in lines[:tok.map[0] + 1])
    for line in lines[tok.map[0] + 1:tok.map[1] - 1]:
        match = _TOP_LEVEL_KEY.match(line)
        if match and match.group(1) not in values:
            values[match.group(1)] = (offset + match.start(2), match.group(2))
        offset += len(line) + 1
    return values


def _scalar_offsets(raw: tuple[int, str] | None, value: object) -> list[int] | None:
    """Source offset of each char of a one-line YAML string value, or None if it is not there."""
    if raw is None or not isinstance(value, str) or not value:
        return None
    offset, source = raw
    quote = source[0]
    if quote not in "'\"":
        return list(range(offset, offset + len(value))) if source.startswith(value) else None
    chars: list[str] = []
    offsets: list[int] = []
    i = 1
    while i < len(source) and len(chars) < len(value):
        # '' in single quotes and \" in double quotes stand for their second character.
        if (quote == '"' and source[i] == "\\") or (quote == "'" and source[i:i + 2] == "''"):
            i += 1
        if i >= len(source):
            return None
        chars.append(source[i])
        offsets.append(offset + i)
        i += 1
    return offsets if "".join(chars) == value and source[i:i + 1] == quote else None
