"""Find quantities in German and English prose — durations, counts, resolutions and every measure of
measures_data.py (money, lengths, power, percentages, ...) — with the bounds stated around them."""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple
from itertools import compress
from operator import itemgetter

from linter import measures
from linter.claims import numbers as lex
from linter.claims.amounts import NUMBER_PHRASE_WORDS, may_spell_unit, rate_at, read_number, stated_precision
from linter.claims.bounds import Hit, bound_after, bound_before, interval
from linter.claims.counts import count, ordinal_count
from linter.claims.durations import adjective, clock, compound, with_unit
from linter.claims.measured import counted_compound, every, measured, money_first
from linter.claims.numbers import de_word, ordinal, parse_number
from linter.claims.ranges import number_range
from linter.claims.predicates import words as text_words
from linter.claims.resolutions import NAME_PREFIXES, resolution_name, resolution_pair
from linter.claims.tokens import HYPHENS, TokenView, hint_search
from linter.claims.vague import long_word, vague


# a named tuple, not a frozen dataclass: immutable alike, and built in one call where a frozen
# dataclass sets each field with object.__setattr__ (a few hundred thousand of these per archive batch)
class Quantity(NamedTuple):
    """One quantity phrase and the interval of values it allows, in base units."""

    start: int
    end: int
    text: str
    measure: str  # "duration" | "count" | "resolution"
    low: float
    high: float
    bound: str  # "exact" | "max" | "min" | "over" | "under" | "approx" | "range" | "vague"
    value: float | tuple[int, int]
    unit: str  # "s" | "min" | ... for durations, "" for counts, "px", or a unit of measures_data.py ("MW", "EUR")
    noun: str
    hedge: str = "exact"  # the bound word's kind: exact, approx, nearly, barely, justover, over, min, max, less, ...
    precision: float = 0.0  # the rounding the figure implies, in base units; 0: stated exactly
    coarse: bool = False  # one significant digit or a share word: a rounded figure
    per: str = ""  # the period of a rate ("3,9 TWh im Jahr": "a"), a duration unit of measures_data.py


def find_quantities(text: str, lang: str = "de", words: Sequence[tuple] | None = None) -> list[Quantity]:
    """All quantities in a sentence or paragraph of prose, left to right, non-overlapping. `words`: the
    text's words as (lower case, start, end), when the caller has them (claims/predicates.words)."""
    lang = lang if lang in lex.ARTICLES else "de"
    # Most sentences have no token that can open a phrase shape: then there is no need to build the
    # token view at all. Without a sign, digit or opaque run, a token that can is a word that can.
    if not _SIGN_OR_HINT[lang].search(text):
        words, opens = text_words(text) if words is None else words, _OPENS[lang].__getitem__
        if not any(map(opens, map(_WORD_OF, words))):
            return []
        # where a word opens one (a fifth of the texts) the words are read again: listing the openers of
        # every text cost more
        openers = compress(range(len(words)), map(opens, map(_WORD_OF, words)))
        if all(_lone_opener(text, words, k, lang) for k in openers):
            return []
    view = TokenView(text, lang)
    # Trying at each token only the shapes it can open (most tokens open none) is the other half of the
    # speed-up.
    shapes = list(map(_OPENS[lang].__getitem__, view.lows))
    return _walk(view, compress(range(len(shapes)), shapes), shapes)


def find_quantities_everywhere(text: str, lang: str = "de") -> list[Quantity]:
    """`find_quantities` trying the matchers at every token: the reference its gates are tested against."""
    view = TokenView(text, lang if lang in lex.ARTICLES else "de")
    every_shape = tuple(matcher for matcher, _ in _SHAPES)
    return _walk(view, range(len(view.texts)), [every_shape] * len(view.texts))


_WORD_OF = itemgetter(0)


def _walk(view: TokenView, starts: Iterable[int], shapes: list[tuple]) -> list[Quantity]:
    """Match at each start index in order, with the shapes listed for it; after a match, continue
    behind it."""
    found: list[Quantity] = []
    resume = 0
    for i in starts:
        if i < resume:
            continue
        hit = _match(view, i, shapes[i])
        if hit is not None:
            found.append(_finish(view, hit))
            view.floor, resume = found[-1].end, hit.last
    return found


def _match(view: TokenView, i: int, shapes: tuple) -> Hit | None:
    """Try each of these phrase shapes at token i (the more specific first, see _SHAPES)."""
    for matcher in shapes:
        hit = matcher(view, i)
        if hit is not None:
            return hit
    return None


def _lone_opener(text: str, words: Sequence[tuple], k: int, lang: str) -> bool:
    """words[k] opens a phrase only together with the word after it (an article, "for"), and no word that
    could go on with it follows ("a diffusion model", "eine kleine Gruppe", "for small companies"), only
    space between them. Asked of a text without a sign or digit, whose tokens are its words and single marks."""
    goes_on = _GOES_ON[lang].get(words[k][0])
    if goes_on is None:
        return False
    end = words[k][2]
    if k + 1 == len(words):
        return not text[end:] or text[end:].isspace()   # nothing follows
    _, start, follower_end = words[k + 1]
    return text[end:start].isspace() and not goes_on[text[start:follower_end]]


def _article_may_go_on(word: str, lang: str) -> bool:
    """The word (as written) may follow an article in a phrase that the article opens, as the matchers an
    article opens read it: ordinal_count ("eine fünfte Pfote"), and _number, whose phrase goes on with a
    number word ("a hundred", "eine halbe") or else needs a unit after the article (with_unit: "eine
    Minute", "eine gute Stunde"; measured: "ein Gigawatt"). A word that opens a phrase itself keeps the
    text anyway: a vague word ("ein paar", "a few") or the second number of a range ("eine oder zwei")."""
    low = word.lower()
    return (ordinal(low, lang) is not None or low in NUMBER_PHRASE_WORDS[lang] or low in lex.UNIT_WORDS[lang]
            or low in lex.UNIT_FILLERS or may_spell_unit(word))


def _unit_may_go_on(word: str, lang: str) -> bool:
    """The word may follow "for" in long_word's phrase ("for hours"): a time unit. No number phrase opens
    with "for", so _number, the other shape it opens, reads nothing there."""
    return word.lower() in lex.UNIT_WORDS[lang]


class _GoesOn(dict):
    """Whether a word may go on with an opener, by the word's spelling, judged once per spelling."""

    def __init__(self, judge, lang: str) -> None:
        super().__init__()
        self.judge, self.lang = judge, lang

    def __missing__(self, word: str) -> bool:
        if len(self) > _OPENERS_LIMIT:
            self.clear()
        goes_on = self[word] = self.judge(word, self.lang)
        return goes_on


def _starter_words(lang: str) -> frozenset[str]:
    """Lowercased words a quantity can open with, from the first token each matcher requires."""
    words = set(NAME_PREFIXES)  # resolution_name
    words |= lex.ARTICLES[lang] | lex.VAGUE_WORDS[lang] | set(lex.VAGUE_COUNTS)  # vague
    words |= measures.CURRENCY_OPENERS | measures.INTERVAL_WORDS.get(lang, frozenset())  # money_first, every
    words |= {opener.split("-")[0] for opener in measures.CURRENCY_OPENERS}  # "US-$" opens with "us"
    if lang == "en":
        words |= {"for"}  # long_word: "for hours"
        words |= {unit for unit in lex.UNIT_WORDS["en"] if len(unit) >= 3}  # adjective: "minute-long"
        # _number: the first word _parse_en accepts ("a", "half a", "twenty-five")
        words |= set(lex.EN_WORDS) | lex.ARTICLES["en"] | {"half"}
    return frozenset(words)


_STARTER_WORDS = {lang: _starter_words(lang) for lang in lex.ARTICLES}
_OPENERS_LIMIT = 200_000  # spellings remembered per language before starting over


class _Opens(dict):
    """The phrase shapes a token with this lowercased text can open (none: it opens no phrase), judged
    once per spelling and language: a corpus repeats its words."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, low: str) -> tuple:
        if len(self) > _OPENERS_LIMIT:
            self.clear()
        opens = low[0].isdigit() or may_start(low, self.lang)
        shapes = self[low] = tuple(matcher for matcher, can in _SHAPES if can(low, self.lang)) if opens else ()
        return shapes


def _signs(lang: str) -> str:
    """A character class's contents: digits, and the characters other than letters and digits that open
    a phrase as a token of their own ("$", "€")."""
    return r"\d" + "".join(re.escape(word) for word in sorted(_STARTER_WORDS[lang])
                           if len(word) == 1 and not _WORD_CHARACTER.match(word))


_WORD_CHARACTER = re.compile(r"\w")
_OPENS = {lang: _Opens(lang) for lang in lex.ARTICLES}
# Without an opaque run (found by its mark), a text's tokens are its words, its digit runs and single other
# characters: a token that can open a phrase is a word that can, or one of these signs, or starts with one.
_SIGN_OR_HINT = {lang: hint_search(_signs(lang)) for lang in lex.ARTICLES}


def may_start(low: str, lang: str) -> bool:
    """A word (any token not starting with a digit) with this lowercased text can open a quantity phrase.

    A superset of what the matchers accept: German number words ("zweihundertfünfundvierzig", read by
    _number) and adjectives ("einminütige") are compounds, so they are parsed rather than listed."""
    if low in _STARTER_WORDS[lang] or lex.LONG_WORD_RE.match(low):  # long_word: "tagelang"
        return True
    return lang == "de" and (lex.ADJECTIVE_UNIT_RE.match(low) is not None or de_word(low) is not None)


def _finish(view: TokenView, hit: Hit) -> Quantity:
    """Attach the bound words around a hit and compute its interval."""
    start = view.starts[hit.first]
    last, bound, low, high = hit.last, hit.bound, hit.low, hit.high
    if not bound:
        kind, start = bound_before(view, start)
        suffix, last = bound_after(view, last)
        kind = kind or suffix or hit.kind or "exact"
        kind = "part" if kind == "nearly" and hit.article else kind
        amount = hit.value[0] * hit.value[1] if isinstance(hit.value, tuple) else hit.value
        bound, low, high = interval(amount, kind)
    else:
        kind = bound
    rate = rate_at(view, last) if hit.measure not in ("duration", "resolution", "interval") else None
    per, last = rate if rate else ("", last)
    end = view.ends[last - 1]
    value = hit.value if isinstance(hit.value, tuple) else float(hit.value)
    return Quantity(start, end, view.text[start:end], hit.measure, float(low), float(high), bound, value,
                    hit.unit, hit.noun, kind, hit.precision, hit.coarse, per)


def _number(view: TokenView, i: int) -> Hit | None:
    """A number and what it measures: a compound, a clock-style duration, a unit, a range or a noun."""
    read = read_number(view, i)
    if read is None:
        return None
    value, j, needs_unit = read
    if view.low(j) in HYPHENS and view.glued(j - 1, j):
        # "60-Sekunden-Clips", "15-MW-Anlagen" and "10-20 s" are quantities, "3-D-Animationen" is not.
        hit = compound(view, i, j, value) or measured(view, i, j, value, needs_unit) or number_range(view, i, j, value)
        return _stated(view, i, value, hit or counted_compound(view, i, j, value))
    if view.low(j) == ":" and view.glued(j - 1, j):
        return clock(view, i, j)
    hit = with_unit(view, i, j, value, needs_unit) or measured(view, i, j, value, needs_unit)
    hit = hit or number_range(view, i, j, value)
    return _stated(view, i, value, hit or (None if needs_unit else count(view, i, j, value)))


def _stated(view: TokenView, i: int, value: float, hit: Hit | None) -> Hit | None:
    """Attach how finely the figure is stated. Durations, resolutions and plain counts ("64 Anlagen")
    are exact; a count with a scale word ("1,1 Millionen Haushalte") is rounded like a measurement."""
    if hit is None or hit.bound or hit.measure in ("duration", "resolution", "interval") or not value:
        return hit
    precision, coarse = stated_precision(view, i, value)
    if hit.measure == "count" and parse_number(view.texts[i], view.lang) == value:
        return hit
    factor = float(hit.value) / value
    return replace(hit, precision=precision * factor, coarse=coarse or hit.coarse)


# Each phrase shape, the more specific first, with what its matcher asks of the lowercased text of its
# first token: a superset of what it accepts there, asked only of a token that may open a phrase at all.
# A number is tried at every such token (German number words are compounds, parsed rather than listed).
_SHAPES = (
    (resolution_pair, lambda low, lang: low[0].isdigit()),
    (resolution_name, lambda low, lang: low in NAME_PREFIXES),
    (vague, lambda low, lang: low in lex.ARTICLES[lang] or low in lex.VAGUE_WORDS[lang] or low in lex.VAGUE_COUNTS),
    (long_word, lambda low, lang: lex.LONG_WORD_RE.match(low) is not None or lang == "en" and low == "for"),
    (adjective, lambda low, lang: len(low) >= 3 and low in lex.UNIT_WORDS["en"] if lang == "en"
     else lex.ADJECTIVE_UNIT_RE.match(low) is not None),
    (money_first, lambda low, lang: low in measures.CURRENCY_OPENERS),
    (every, lambda low, lang: low in measures.INTERVAL_WORDS.get(lang, ())),
    (ordinal_count, lambda low, lang: low in lex.ARTICLES[lang]),
    (_number, lambda low, lang: True),
)


def _lone_openers(lang: str) -> dict[str, _GoesOn]:
    """The openers that open a phrase only with the word after it, each with what may go on with it: the
    articles that open only the shapes _article_may_go_on reads, and "for" (long_word, see _unit_may_go_on)."""
    articles = _GoesOn(_article_may_go_on, lang)
    lone = {article: articles for article in lex.ARTICLES[lang]
            if set(_OPENS[lang][article]) <= {vague, ordinal_count, _number}}
    if _OPENS[lang]["for"] and set(_OPENS[lang]["for"]) <= {long_word, _number}:
        lone["for"] = _GoesOn(_unit_may_go_on, lang)
    return lone


_GOES_ON = {lang: _lone_openers(lang) for lang in lex.ARTICLES}
