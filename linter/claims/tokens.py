"""Split prose into tokens, and the view of them that the quantity matchers share."""
from __future__ import annotations

import re
from typing import NamedTuple


class Token(NamedTuple):
    """One token: its text, its character span and its kind (a tuple: cheap to build by the thousand)."""

    text: str
    start: int
    end: int
    kind: str  # "num" | "word" | "punct" | "opaque"


TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
# Paths, file names and code-like runs carry digits that are no claims ("bild-1920x1080.png", "dauer=120").
_CODE_MARK = r"(?:://|[/\\_=@])"
_FILE_EXTENSION = r"\.(?:png|jpe?g|gif|webp|svg|mp4|mov|webm|html?|pdf)\b"
OPAQUE_RE = re.compile(rf"\S*{_CODE_MARK}\S*|\S+{_FILE_EXTENSION}\S*", re.IGNORECASE)
# Every opaque run contains one of these; prose rarely does, so most texts skip the slower OPAQUE_RE.
OPAQUE_HINT_RE = re.compile(rf"{_CODE_MARK}|{_FILE_EXTENSION}", re.IGNORECASE)
HYPHENS = frozenset({"-", "‑", "‐"})
# A number glued to one of these is part of something else: "Gen-2", "#112", "$800", "1.0.3", "+49".
GLUED_REJECT = frozenset("#$€£¥/_.:,+-‑‐·'’")


def tokenize(text: str) -> list[Token]:
    """Split text into numbers, letter runs and single punctuation marks; opaque runs stay whole."""
    if not OPAQUE_HINT_RE.search(text):
        return _plain_tokens(text, 0, len(text))
    tokens: list[Token] = []
    pos = 0
    for match in OPAQUE_RE.finditer(text):
        tokens.extend(_plain_tokens(text, pos, match.start()))
        tokens.append(Token(match.group(), match.start(), match.end(), "opaque"))
        pos = match.end()
    tokens.extend(_plain_tokens(text, pos, len(text)))
    return tokens


def _plain_tokens(text: str, start: int, end: int) -> list[Token]:
    """Tokenize text[start:end] without opaque runs."""
    tokens = []
    for match in TOKEN_RE.finditer(text, start, end):
        first = match.group()[0]
        kind = "num" if first.isdigit() else "word" if first.isalpha() else "punct"
        tokens.append(Token(match.group(), *match.span(), kind))
    return tokens


class TokenView:
    """The tokens of one text, with the neighbourhood tests every phrase matcher asks of them."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.toks = tokenize(text)
        # The matchers ask for these millions of times per corpus: computed once, read by index.
        self.lows = [token.text.lower() for token in self.toks]
        self.kinds = [token.kind for token in self.toks]
        self.starts = [token.start for token in self.toks]
        self.ends = [token.end for token in self.toks]
        self.floor = 0  # end of the previous quantity: bound words may not reach behind it

    def tok(self, i: int) -> Token | None:
        """The token at i, or None outside the text."""
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def low(self, i: int) -> str:
        """The lowercased token text at i, or ""."""
        return self.lows[i] if 0 <= i < len(self.lows) else ""

    def kind(self, i: int) -> str:
        """The kind of token i, or ""."""
        return self.kinds[i] if 0 <= i < len(self.kinds) else ""

    def glued(self, a: int, b: int) -> bool:
        """Tokens a and b touch."""
        size = len(self.toks)
        return 0 <= a < size and 0 <= b < size and self.ends[a] == self.starts[b]

    def spaced(self, a: int, b: int) -> bool:
        """Tokens a and b are separated by whitespace within one paragraph."""
        size = len(self.toks)
        if not (0 <= a < size and 0 <= b < size):
            return False
        gap = self.text[self.ends[a]:self.starts[b]]
        return gap.isspace() and "\n\n" not in gap

    def near(self, a: int, b: int) -> bool:
        """Tokens a and b are glued or spaced."""
        return self.glued(a, b) or self.spaced(a, b)

    def is_link(self, i: int) -> bool:
        """Token i is a hyphen inside a compound word."""
        return self.low(i) in HYPHENS and self.glued(i - 1, i) and self.glued(i, i + 1)

    def free_before(self, i: int) -> bool:
        """Token i does not continue a word, number or symbol before it."""
        if not self.glued(i - 1, i):
            return True
        return not (self.kinds[i - 1] in ("num", "word") or self.toks[i - 1].text in GLUED_REJECT)

    def chunk(self, k: int) -> tuple[int, int]:
        """The hyphen-joined word starting at token k ("KI-produzierte"), as [first, last)."""
        end = k + 1
        while self.is_link(end) and self.kind(end + 1) in ("word", "num"):
            end += 2
        return k, end

    def span_text(self, first: int, last: int) -> str:
        """The text covered by tokens [first, last)."""
        return self.text[self.toks[first].start:self.toks[last - 1].end]

    def glued_noun(self, end: int) -> tuple[str, int]:
        """The rest of a compound like "4K-Videos" or "60-Sekunden-Clips", and the index after it."""
        if not (self.is_link(end) and self.kind(end + 1) == "word"):
            return "", end
        first, last = self.chunk(end + 1)
        return self.span_text(first, last), last
