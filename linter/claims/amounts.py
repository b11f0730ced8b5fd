"""Read the number phrase at a token ("48", "vier Dutzend", "twenty-five") and the time unit after it."""
from __future__ import annotations

import re

from linter import measures
from linter.claims import numbers as lex
from linter.claims.numbers import parse_digits, parse_number
from linter.claims.tokens import GLUED_REJECT, HYPHENS, TokenView

YEAR_RE = re.compile(r"(?:19|20)\d\d")
# The only words parse_number reads after a phrase's first word ("vier Dutzend", "eine halbe",
# "twenty-five", "one and a half", "two hundred million"): a longer phrase is worth parsing only if
# every further word is one of these.
NUMBER_PHRASE_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset(lex.DE_SCALES) | lex.HALVES,
    "en": frozenset({*lex.EN_WORDS, *lex.EN_SMALL_SCALES, *lex.EN_BIG_SCALES, "and", "a", "an", "half"}),
}


# The words of a number phrase that is only an article ("eine", "a", "eine halbe").
_ARTICLE_WORDS = {lang: articles | lex.HALVES for lang, articles in lex.ARTICLES.items()}


def read_number(view: TokenView, i: int, after_hyphen: bool = False,
                after_currency: bool = False) -> tuple[float, int, bool] | None:
    """The longest number phrase at i: its value, the index after it, and whether it is only an article."""
    if view.kind(i) not in ("num", "word"):
        return None
    if view.kind(i) == "num" and not _digits_ok(view, i, after_hyphen, after_currency):
        return None
    for end in reversed(_phrase_ends(view, i)):
        phrase = view.text[view.starts[i]:view.ends[end - 1]]
        value = parse_number(phrase, view.lang)
        if value is not None:
            break
    else:
        return None
    if view.low(end - 1) in lex.ABBREVIATED_SCALES and view.low(end) == "." and view.glued(end - 1, end):
        end += 1
    # a phrase that opens with digits is never one (the article words are letters)
    only_article = view.kinds[i] == "word" and set(phrase.lower().split()) <= _ARTICLE_WORDS[view.lang]
    return value, end, only_article


def _phrase_ends(view: TokenView, i: int) -> list[int]:
    """Candidate end indices of a number phrase starting at i ("vier Dutzend", "twenty-five")."""
    ends, k, words = [i + 1], i, NUMBER_PHRASE_WORDS[view.lang]
    while len(ends) < 6:
        if view.kind(k + 1) == "word" and view.spaced(k, k + 1):
            k += 1
        elif view.lang == "en" and view.is_link(k + 1) and view.kind(k) == view.kind(k + 2) == "word":
            k += 2
        else:
            break
        if view.low(k) not in words:
            break  # no longer phrase parses: it would hold this word
        ends.append(k + 1)
    return ends


def _digits_ok(view: TokenView, i: int, after_hyphen: bool, after_currency: bool = False) -> bool:
    """Digits at i can be a quantity: not a year, ordinal, version, phone or code fragment, nor a price
    read from its middle (a price is read from its currency sign, `after_currency`)."""
    text, prev, nxt = view.texts[i], view.token_text(i - 1), view.token_text(i + 1)
    if YEAR_RE.fullmatch(text) or len(text) > 1 and text[0] == "0" and text[1].isdigit():
        return False  # a year, or a code's leading zero: the cheapest test first, news are full of years
    glued_before = view.glued(i - 1, i) and (view.kind(i - 1) in ("num", "word") or prev in GLUED_REJECT
                                             and not (after_hyphen and prev in HYPHENS))
    priced = prev in lex.CURRENCY_SIGNS or view.kind(i - 1) == "num" and view.spaced(i - 1, i)
    if (glued_before or priced) and not after_currency:
        return False
    if view.glued(i, i + 1):
        glued_word = view.kind(i + 1) == "word" and unit_at(view, i + 1) is None and measure_at(view, i + 1) is None
        if after_currency and nxt in measures.MONEY_SCALES:
            glued_word = False  # "$2bn", "£300m"
        if glued_word or nxt == "." and not after_currency:
            return False  # "1E9", "2024er", or the ordinal "15. Juni"
    if view.kind(i + 1) == "num" and view.spaced(i, i + 1):
        return False  # digit groups like "030 1234 567"
    return not (nxt == "s" and view.low(i - 1) == "the")  # "the 90s"


def unit_at(view: TokenView, j: int) -> tuple[str, float, int] | None:
    """The time unit at j: (unit, multiplier, index after it, including an abbreviation dot)."""
    if view.kind(j) != "word" or not view.near(j - 1, j):
        return None
    key = view.lows[j]
    entry = lex.UNIT_WORDS[view.lang].get(key)
    if entry is None or key in lex.CASE_SENSITIVE_UNITS and view.texts[j] != key:
        return None
    end = j + 1
    end += key in lex.DOTTED_UNITS and view.low(end) == "." and view.glued(j, end)
    return entry[0], entry[1], end


def measure_at(view: TokenView, j: int, after_number: bool = True) -> tuple[measures.Unit, int] | None:
    """The unit of measures_data.py spelled from token j on, the longest spelling first, and the index after it.

    Durations are not among them: time words are read by `unit_at`."""
    if view.kind(j) not in ("word", "punct") or after_number and not view.near(j - 1, j):
        return None
    return _longest(view, j, measures.MAX_UNIT_TOKENS, measures.unit, may_spell_unit)


def rate_at(view: TokenView, j: int) -> tuple[str, int] | None:
    """A rate phrase at j ("pro Jahr", "a year", "jährlich"): the period's unit and the index after it."""
    if view.kind(j) != "word" or not view.spaced(j - 1, j):
        return None
    return _longest(view, j, 4, measures.RATES[view.lang].get, _RATE_STARTS[view.lang].__contains__, lower=True)


def _starts(spellings) -> frozenset[str]:
    """Every beginning of every spelling ("k", "km", "km/", "km/h")."""
    return frozenset(spelling[:end] for spelling in spellings for end in range(1, len(spelling) + 1))


# A run of tokens that begins no spelling is not read further: most tokens after a number begin none.
# (str.lower() is applied to a unit word's run as to the word: letter by letter, no word has a sigma.)
_SYMBOL_STARTS, _WORD_STARTS = _starts(measures.SYMBOLS), _starts(measures.WORDS)
_RATE_STARTS = {lang: _starts(rates) for lang, rates in measures.RATES.items()}


def may_spell_unit(text: str) -> bool:
    """`text` begins a unit's spelling as measures.unit looks it up: a symbol as written, a word in any case."""
    return text in _SYMBOL_STARTS or text.lower() in _WORD_STARTS


def _longest(view: TokenView, j: int, size: int, lookup, may_begin, lower: bool = False):
    """The longest run of up to `size` tokens from j, glued or spaced, that `lookup` knows; `may_begin`
    tells whether a run begins anything `lookup` knows."""
    best, text = None, ""
    for k in range(j, min(j + size, len(view.texts))):
        if k > j and not view.near(k - 1, k):
            break
        text += (" " if k > j and not view.glued(k - 1, k) else "") + (view.lows[k] if lower else view.texts[k])
        if not may_begin(text):
            break
        found = lookup(text)
        if found is not None:
            best = (found, k + 1)
    return best


def stated_precision(view: TokenView, i: int, value: float) -> tuple[float, bool]:
    """How finely the number phrase at i states `value`, and whether it has one significant digit.

    "3,2 Mrd." is stated to 0.1 Mrd., "960" to 10, "1.000" to 1000, "eine Million" to a million; the
    figure is a rounding of anything within half that step."""
    text = view.texts[i]
    if view.kind(i) == "num":
        base = parse_digits(text, view.lang)
        if not base:
            return 0.0, False
        decimal = "," if view.lang == "de" else "."
        decimals = len(text.rsplit(decimal, 1)[1]) if decimal in text else 0
        digits = text.replace(".", "").replace(",", "").lstrip("0")
        significant = digits if decimals else digits.rstrip("0")
        step = 10.0 ** -decimals if decimals else 10.0 ** (len(digits) - len(digits.rstrip("0")))
        return step * value / base, len(significant) == 1
    if value > 0 and value == int(value):
        whole = str(int(value))
        step = 10.0 ** (len(whole) - len(whole.rstrip("0")))
        return step, value / step < 10
    return 0.0, False
