"""A matched quantity phrase (`Hit`), the bound words around it, and the interval a bound allows."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from linter.claims import numbers as lex
from linter.claims.tokens import TokenView
from linter.literals import LOWER_KEEPS_APART


@dataclass(frozen=True, slots=True)
class Hit:
    """A matched phrase before its bound is known; `bound` is set only when the phrase fixes it itself."""

    first: int  # token index of the first token
    last: int  # token index after the last token
    measure: str
    value: float | tuple[int, int]
    unit: str
    noun: str = ""
    bound: str = ""
    low: float = 0.0
    high: float = 0.0
    article: bool = False  # the number was only "eine"/"a", which makes "fast" coarser
    kind: str = ""  # bound kind implied inside the phrase ("eine gute Stunde"), if no bound word says otherwise
    precision: float = 0.0  # the rounding the figure implies, in base units ("3,2 Mrd." -> 1e8); 0 = exact
    coarse: bool = False  # one significant digit or a share word ("eine Million", "ein Viertel")


_BOUND_ALTERNATIVES = sorted(lex.BOUND_PHRASES, key=len, reverse=True)
_BOUND_PATTERNS = (re.escape(phrase).replace(r"\ ", r"\s+") for phrase in _BOUND_ALTERNATIVES)
BOUND_RE = re.compile(r"(?<![\w.])(" + "|".join(_BOUND_PATTERNS) + r")\s*$", re.IGNORECASE)
# What the text before a bound's hit ends with, but for whitespace: the last word of a bound phrase. Most
# texts before a quantity end with none, which one test in C tells; BOUND_RE tries every position of them.
_LAST_WORDS = tuple(sorted({phrase.split()[-1].lower() for phrase in lex.BOUND_PHRASES}))


def interval(amount: float, kind: str) -> tuple[str, float, float]:
    """Apply a bound kind to a stated amount."""
    bound, low_factor, high_factor = lex.BOUND_FACTORS[kind]
    return bound, amount * low_factor, math.inf if math.isinf(high_factor) else amount * high_factor


def bound_before(view: TokenView, start: int) -> tuple[str, int]:
    """The bound phrase right before a char offset, and where it starts."""
    window = max(view.floor, start - 40)
    before = view.text[window:start].rstrip()
    if not before.lower().endswith(_LAST_WORDS) and not LOWER_KEEPS_APART.search(before):
        return "", start
    match = BOUND_RE.search(view.text, window, start)
    if match is None:
        return "", start
    return lex.BOUND_PHRASES[" ".join(match.group(1).lower().split())], match.start(1)


def bound_after(view: TokenView, last: int) -> tuple[str, int]:
    """A bound phrase right after the hit ("oder mehr", "begrenzt") and the index after it."""
    if view.kind(last) != "word" or not view.spaced(last - 1, last):
        return "", last
    word = view.lows[last]
    if view.kind(last + 1) == "word" and view.spaced(last, last + 1):
        pair = f"{word} {view.lows[last + 1]}"
        if pair in lex.SUFFIX_BOUNDS:
            return lex.SUFFIX_BOUNDS[pair], last + 2
    if word in lex.SUFFIX_BOUNDS:
        return lex.SUFFIX_BOUNDS[word], last + 1
    return "", last
