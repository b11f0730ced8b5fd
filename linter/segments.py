"""Read a draft into prose Segments whose characters map back to exact source offsets.

Markdown goes through markdown-it-py (CommonMark plus tables and front matter); only prose is kept:
paragraphs, headings, list items, block quotes, table cells, link texts and image alt texts, plus
the front matter's `title` and `description`. Code, HTML, link targets and bare URLs are dropped.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import yaml
from markdown_it import MarkdownIt
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
    """A decoded draft, its prose segments and its front matter."""

    path: str
    text: str
    segments: tuple[Segment, ...]
    meta: Mapping[str, object]
    # source offset of the first block quote or list nested too deep for the parser, whose text is
    # not read (markdown-it's maxNesting); None when everything was read
    too_deep: int | None = None
    _line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_line_starts", tuple(_line_starts(self.text)))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a source offset; column counts characters (code points)."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} outside document of length {len(self.text)}")
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


def _line_starts(text: str) -> list[int]:
    """Offset of the first character of each line."""
    # finditer runs in C; a Python loop over every character took about 0.3 ms per 5 KB draft.
    return [0, *(match.end() for match in _NEWLINE.finditer(text))]


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


def read_markdown(text: str, path: str = "<string>") -> Document:
    """Read Markdown: prose blocks become Segments, front matter becomes meta."""
    text = _normalize(text)
    tokens = _PARSER.parse(text)
    meta: dict[str, object] = {}
    segments: list[Segment] = []
    if tokens and tokens[0].type == "front_matter":
        meta, segments = _front_matter(text, tokens[0])
    walker = _BlockWalker(text, len(segments))
    segments += walker.run(tokens)
    return Document(path, text, tuple(segments), meta, walker.too_deep)


def _make_parser() -> MarkdownIt:
    """CommonMark with tables and front matter; entities and escapes kept as separate tokens.

    It expects text that went through _normalize.
    """
    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    # text_join would merge escapes and entities into plain text and lose their source form.
    # normalize would only redo what _normalize did (CRLF, CR and NUL), at about 40 µs per draft.
    return parser.disable(["text_join", "normalize"])


_PARSER = _make_parser()
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

    def __init__(self, text: str, first_index: int) -> None:
        self.text = text
        self.line_starts = _line_starts(text)
        self.index = first_index
        self.quote_depth = 0
        self.list_depth = 0
        self.kind = "paragraph"
        self.heading_level = 0
        self.cell_cursor = 0
        self.segments: list[Segment] = []
        self.too_deep: int | None = None

    def run(self, tokens: Sequence[Token]) -> list[Segment]:
        """Return the segments of all prose blocks in document order."""
        for tok in tokens:
            if tok.type in _CONTAINERS and tok.level >= _MAX_NESTING - 1 and self.too_deep is None and tok.map:
                # the parser skips what lies inside a container this deep
                self.too_deep = self.line_starts[min(tok.map[0], len(self.line_starts) - 1)]
            if tok.type in ("blockquote_open", "blockquote_close"):
                self.quote_depth += tok.nesting
            elif tok.type in ("list_item_open", "list_item_close"):
                self.list_depth += tok.nesting
            elif tok.type == "heading_open":
                self.kind, self.heading_level = "heading", int(tok.tag[1:])
            elif tok.type == "paragraph_open":
                self.kind, self.heading_level = "paragraph", 0
            elif tok.type in _CELL_OPENERS:
                self.kind, self.heading_level = "table_cell", 0
            elif tok.type == "inline":
                self._inline(tok)
        return self.segments

    def _region(self, tok: Token) -> tuple[int, int]:
        """Source offsets [start, end) of the lines an inline token came from."""
        if tok.map is None:
            return 0, len(self.text)
        first, stop = tok.map
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
