"""Split prose into tokens, and the view of them that the quantity matchers share."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate
from operator import itemgetter

from linter import measures


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, its character span and its kind."""

    text: str
    start: int
    end: int
    kind: str  # "num" | "word" | "punct" | "opaque"


TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
# Splitting at the tokens yields the runs of whitespace between them and the tokens, alternately.
_TOKEN_SPLIT = re.compile(f"({TOKEN_RE.pattern})")
# The same for a text of ASCII characters, in ASCII classes (a third faster than Unicode's categories):
# \d is 0-9 there, a letter A-Z or a-z, and whitespace these (str.isspace, which \s follows).
_ASCII_TOKEN_SPLIT = re.compile(r"([0-9]+(?:[.,][0-9]+)*|[A-Za-z]+|[^\t\n\v\f\r\x1c-\x1f ])")
# Paths, file names and code-like runs carry digits that are no claims ("bild-1920x1080.png", "dauer=120").
# A slash inside a unit ("km/h", "m/s") is prose.
# The slash comes first and the units are looked for behind it: before it, the dozen look-behinds ran at
# every character of a text (40 KB without a slash took 17 ms).
_UNIT_SLASHES = "".join(sorted({rf"(?<!\b{re.escape(s.split('/')[0])}/)" for s in measures.SYMBOLS if "/" in s}))
_CODE_MARK = rf"(?:://|/{_UNIT_SLASHES}|[\\_=@])"
FILE_EXTENSIONS = r"(?:png|jpe?g|gif|webp|svg|mp4|mov|webm|html?|pdf)\b"
_FILE_EXTENSION = rf"\.{FILE_EXTENSIONS}"
# An opaque run is a whole whitespace-delimited run. It may only start where a run starts: unanchored,
# a failed attempt was retried at every character of the run, each retry rescanning it (quadratic).
OPAQUE_RE = re.compile(rf"(?<!\S)(?:\S*{_CODE_MARK}\S*|\S+{_FILE_EXTENSION}\S*)", re.IGNORECASE)


def hint_search(signs: str = "") -> re.Pattern[str]:
    """A search for a character of `signs` (a character class's contents) or a mark of an opaque run:
    one of _CODE_MARK or _FILE_EXTENSION. Every branch opens with a character of one class and checks
    the rest behind it, so the regex engine skips from candidate to candidate in C: the plain
    alternation tried each branch at every character of every sentence."""
    return re.compile(rf"[{signs}:/\\_=@.](?:(?<=[{signs}\\_=@])|(?<=:)//|(?<=/)(?i:{_UNIT_SLASHES})"
                      rf"|(?<=\.)(?i:{FILE_EXTENSIONS}))")


# Every opaque run contains one of these; prose rarely does, so most texts skip the slower OPAQUE_RE.
OPAQUE_HINT_RE = hint_search()
HYPHENS = frozenset({"-", "‑", "‐"})
# A number glued to one of these is part of something else: "Gen-2", "#112", "$800", "1.0.3", "+49".
GLUED_REJECT = frozenset("#$€£¥/_.:,+-‑‐·'’")


def tokenize(text: str) -> list[Token]:
    """Split text into numbers, letter runs and single punctuation marks; opaque runs stay whole."""
    return list(map(Token, *token_columns(text)))


def token_columns(text: str) -> tuple[list[str], list[int], list[int], list[str]]:
    """The tokens of `tokenize` as columns (texts, starts, ends, kinds): no per-token object to build."""
    # Opaque runs are rare in prose: look for them only where a character they need occurs.
    if OPAQUE_HINT_RE.search(text):
        return _columns_with_opaque_runs(text)
    # Without them every column is built in C: the running sums of the lengths of the pieces of a split
    # (whitespace, token, whitespace, ..., whitespace) are each token's start and end in turn.
    pieces = (_ASCII_TOKEN_SPLIT if text.isascii() else _TOKEN_SPLIT).split(text)
    texts = pieces[1::2]
    bounds = list(accumulate(map(len, pieces)))
    return texts, bounds[0:-1:2], bounds[1::2], list(map(_KIND_BY_FIRST_CHAR.__getitem__, map(_FIRST, texts)))


_FIRST = itemgetter(0)


def _columns_with_opaque_runs(text: str) -> tuple[list[str], list[int], list[int], list[str]]:
    """`token_columns` of a text that may hold opaque runs: each is one token, of kind "opaque"."""
    opaque = OPAQUE_RE.finditer(text)
    matches: list[re.Match[str]] = []
    opaque_at: list[int] = []
    pos = 0
    for run in opaque:
        matches += TOKEN_RE.finditer(text, pos, run.start())
        opaque_at.append(len(matches))
        matches.append(run)
        pos = run.end()
    matches += TOKEN_RE.finditer(text, pos, len(text))
    texts = [match.group() for match in matches]
    kinds = list(map(_KIND_BY_FIRST_CHAR.__getitem__, map(_FIRST, texts)))
    for index in opaque_at:
        kinds[index] = "opaque"
    return texts, [match.start() for match in matches], [match.end() for match in matches], kinds


class _KindByFirstChar(dict):
    """The kind of a TOKEN_RE token, by its first character; filled in as characters are met."""

    def __missing__(self, first: str) -> str:
        kind = self[first] = "num" if first.isdigit() else "word" if first.isalpha() else "punct"
        return kind


_KIND_BY_FIRST_CHAR = _KindByFirstChar()


class SpanSet:
    """Sorted, disjoint spans (the matches of one finditer), asked whether a span overlaps one of them.

    A binary search: testing every span against every token was quadratic in a text with many of both.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with one of the spans."""
        i = bisect.bisect_right(self.ends, start)  # the first span ending after `start`
        return i < len(self.starts) and self.starts[i] < end


class TokenView:
    """The tokens of one text, with the neighbourhood tests every phrase matcher asks of them."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        # Columns rather than Token objects: the matchers read them millions of times per corpus, by index.
        self.texts, self.starts, self.ends, self.kinds = token_columns(text)
        self.lows = list(map(str.lower, self.texts))
        self.size = len(self.texts)  # the bounds every test below checks, read as an attribute
        self.floor = 0  # end of the previous quantity: bound words may not reach behind it

    def token_text(self, i: int) -> str:
        """The token text at i, or ""."""
        return self.texts[i] if 0 <= i < self.size else ""

    def low(self, i: int) -> str:
        """The lowercased token text at i, or ""."""
        return self.lows[i] if 0 <= i < self.size else ""

    def kind(self, i: int) -> str:
        """The kind of token i, or ""."""
        return self.kinds[i] if 0 <= i < self.size else ""

    def glued(self, a: int, b: int) -> bool:
        """Tokens a and b touch."""
        size = self.size
        return 0 <= a < size and 0 <= b < size and self.ends[a] == self.starts[b]

    def spaced(self, a: int, b: int) -> bool:
        """Tokens a and b are separated by whitespace within one paragraph."""
        size = self.size
        if not (0 <= a < size and 0 <= b < size):
            return False
        gap = self.text[self.ends[a]:self.starts[b]]
        return gap.isspace() and "\n\n" not in gap

    def near(self, a: int, b: int) -> bool:
        """Tokens a and b are glued or spaced (one test of both: the matchers ask it thousands of times)."""
        size = self.size
        if not (0 <= a < size and 0 <= b < size):
            return False
        end, start = self.ends[a], self.starts[b]
        if end == start:
            return True
        gap = self.text[end:start]
        return gap.isspace() and "\n\n" not in gap

    def is_link(self, i: int) -> bool:
        """Token i is a hyphen inside a compound word."""
        return self.low(i) in HYPHENS and self.glued(i - 1, i) and self.glued(i, i + 1)

    def free_before(self, i: int) -> bool:
        """Token i does not continue a word, number or symbol before it."""
        if not self.glued(i - 1, i):
            return True
        return not (self.kinds[i - 1] in ("num", "word") or self.texts[i - 1] in GLUED_REJECT)

    def chunk(self, k: int) -> tuple[int, int]:
        """The hyphen-joined word starting at token k ("KI-produzierte"), as [first, last)."""
        end = k + 1
        while self.is_link(end) and self.kind(end + 1) in ("word", "num"):
            end += 2
        return k, end

    def span_text(self, first: int, last: int) -> str:
        """The text covered by tokens [first, last)."""
        return self.text[self.starts[first]:self.ends[last - 1]]

    def glued_noun(self, end: int) -> tuple[str, int]:
        """The rest of a compound like "4K-Videos" or "60-Sekunden-Clips", and the index after it."""
        if not (self.is_link(end) and self.kind(end + 1) == "word"):
            return "", end
        first, last = self.chunk(end + 1)
        return self.span_text(first, last), last
