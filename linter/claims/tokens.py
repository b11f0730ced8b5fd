"""Split prose into tokens, and the view of them that the quantity matchers share."""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its text, its character span and its kind."""

    text: str
    start: int
    end: int
    kind: str  # "num" | "word" | "punct" | "opaque"


TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
# Paths, file names and code-like runs carry digits that are no claims ("bild-1920x1080.png", "dauer=120").
OPAQUE_RE = re.compile(r"\S*(?:://|[/\\_=@])\S*|\S+\.(?:png|jpe?g|gif|webp|svg|mp4|mov|webm|html?|pdf)\b\S*",
                       re.IGNORECASE)
HYPHENS = frozenset({"-", "‑", "‐"})
# A number glued to one of these is part of something else: "Gen-2", "#112", "$800", "1.0.3", "+49".
GLUED_REJECT = frozenset("#$€£¥/_.:,+-‑‐·'’")


def tokenize(text: str) -> list[Token]:
    """Split text into numbers, letter runs and single punctuation marks; opaque runs stay whole."""
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
        tokens.append(Token(match.group(), match.start(), match.end(), kind))
    return tokens


class TokenView:
    """The tokens of one text, with the neighbourhood tests every phrase matcher asks of them."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.toks = tokenize(text)
        self.floor = 0  # end of the previous quantity: bound words may not reach behind it

    def tok(self, i: int) -> Token | None:
        """The token at i, or None outside the text."""
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def low(self, i: int) -> str:
        """The lowercased token text at i, or ""."""
        token = self.tok(i)
        return token.text.lower() if token else ""

    def kind(self, i: int) -> str:
        """The kind of token i, or ""."""
        token = self.tok(i)
        return token.kind if token else ""

    def glued(self, a: int, b: int) -> bool:
        """Tokens a and b touch."""
        first, second = self.tok(a), self.tok(b)
        return bool(first and second and first.end == second.start)

    def spaced(self, a: int, b: int) -> bool:
        """Tokens a and b are separated by whitespace within one paragraph."""
        first, second = self.tok(a), self.tok(b)
        gap = self.text[first.end:second.start] if first and second else ""
        return gap.isspace() and "\n\n" not in gap

    def near(self, a: int, b: int) -> bool:
        """Tokens a and b are glued or spaced."""
        return self.glued(a, b) or self.spaced(a, b)

    def is_link(self, i: int) -> bool:
        """Token i is a hyphen inside a compound word."""
        return self.low(i) in HYPHENS and self.glued(i - 1, i) and self.glued(i, i + 1)

    def free_before(self, i: int) -> bool:
        """Token i does not continue a word, number or symbol before it."""
        prev = self.tok(i - 1)
        glued = prev is not None and self.glued(i - 1, i)
        return not (glued and (prev.kind in ("num", "word") or prev.text in GLUED_REJECT))

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
