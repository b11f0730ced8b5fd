"""Vague quantities without digits: "mehrere Minuten", "Dutzende Videos", "tagelang", "for hours"."""
from __future__ import annotations

from linter.claims import numbers as lex
from linter.claims.amounts import unit_at
from linter.claims.bounds import Hit
from linter.claims.counts import next_noun, noun_after
from linter.claims.tokens import TokenView


def vague(view: TokenView, i: int) -> Hit | None:
    """ "mehrere Minuten", "ein paar Sekunden", "a couple of hours", "Dutzende Videos", "hundreds of"."""
    with_article = view.low(i) in lex.ARTICLES[view.lang] and view.low(i + 1) in ("paar", "few", "couple")
    k = i + 1 if with_article else i
    word = view.low(k)
    if word in lex.VAGUE_WORDS[view.lang]:
        k += view.low(k + 1) == "of"
        unit = unit_at(view, k + 1)
        if unit is None or not view.spaced(k, k + 1):
            return None
        code, mult, end = unit
        low, high = lex.VAGUE_SPANS.get(code, lex.VAGUE_DEFAULT_SPAN)
        seconds = mult * lex.UNIT_SECONDS[code]
        return Hit(i, end, "duration", lex.VAGUE_TYPICAL * seconds, code, "", "vague", low * seconds,
                   high * seconds)
    if word in lex.VAGUE_COUNTS and view.kind(i) == "word":
        low, high, typical = lex.VAGUE_COUNTS[word]
        noun = noun_after(view, k + 1 + (view.low(k + 1) in ("of", "von")))
        if noun is not None:
            return Hit(i, noun[1], "count", typical, "", noun[0], "vague", low, high)
    return None


def long_word(view: TokenView, i: int) -> Hit | None:
    """ "tagelang", "stundenlangen", "for hours", "days-long"."""
    match = lex.LONG_WORD_RE.match(view.low(i))
    if match:
        return long_hit(i, i + 1, lex.LONG_WORD_UNITS[match.group(1)], next_noun(view, i + 1))
    unit = unit_at(view, i + 1) if view.low(i) == "for" and view.lang == "en" else None
    if unit and view.low(i + 1).endswith("s") and len(view.low(i + 1)) > 3 and view.spaced(i, i + 1):
        return long_hit(i + 1, i + 2, unit[0], "")
    return None


def long_hit(first: int, last: int, code: str, noun: str) -> Hit:
    """A stretch of time of unspecified length in one unit."""
    low, high = lex.LONG_SPANS[code]
    seconds = lex.UNIT_SECONDS[code]
    return Hit(first, last, "duration", lex.VAGUE_TYPICAL * seconds, code, noun, "vague", low * seconds,
               high * seconds)
