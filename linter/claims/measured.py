"""Amounts in a unit of measures_data.py: "960 Megawatt", "3,2 Mrd. €", "EUR 3.2 billion", "52 km", "26 %",
"rund ein Viertel", "15-MW-Anlagen"; intervals ("alle 7,5 Minuten") and counted compounds ("64-turbine")."""
from __future__ import annotations

from linter import measures
from linter.claims import numbers as lex
from linter.claims.amounts import measure_at, read_number, stated_precision, unit_at
from linter.claims.bounds import Hit
from linter.claims.counts import next_noun
from linter.claims.tokens import TokenView


def measured(view: TokenView, i: int, j: int, value: float, only_article: bool = False) -> Hit | None:
    """The number read at i..j followed by a unit: "52 Kilometer", "3,2 Mrd. €", "26%", "15-MW-Anlagen".

    An article takes a unit word ("ein Gigawatt"), never a sign: "an $800 million" is read from the "$"."""
    link = view.is_link(j)
    if only_article and (link or view.kind(j) != "word"):
        return None
    found = measure_at(view, j + 1 if link else j)
    if found is None:
        return None
    unit, end = found
    noun = ""
    if link:  # "15-MW-Anlagen", "15-megawatt turbines": the amount qualifies a noun
        noun, end = view.glued_noun(end)
        noun = noun or next_noun(view, end)
    return Hit(i, end, unit.measure, value * unit.factor, unit.code, noun, coarse=unit.fraction)


def money_first(view: TokenView, i: int) -> Hit | None:
    """A currency before its amount: "EUR 3.2 billion", "€ 3,2 Mrd.", "$2bn", "US-$ 5 Mio.", "£300m"."""
    if view.low(i) not in measures.CURRENCY_OPENERS or not view.free_before(i):
        return None
    found = measure_at(view, i, after_number=False)
    if found is None or found[0].convertible:
        return None
    unit, k = found
    read = read_number(view, k, after_currency=True) if view.near(k - 1, k) else None
    if read is None or read[2]:
        return None
    value, end, _ = read
    scale = measures.MONEY_SCALES.get(view.token_text(end)) if view.near(end - 1, end) else None
    if scale is None or view.kind(end) != "word":
        scale = 1.0
    else:
        end += 1
    precision, coarse = stated_precision(view, k, value)
    return Hit(i, end, unit.measure, value * scale, unit.code, precision=precision * scale, coarse=coarse)


def every(view: TokenView, i: int) -> Hit | None:
    """An interval between repeated events: "alle 7,5 Minuten", "every five minutes", "every hour"."""
    if view.low(i) not in measures.INTERVAL_WORDS.get(view.lang, ()):
        return None
    read = read_number(view, i + 1) if view.spaced(i, i + 1) else None
    value, j = (read[0], read[1]) if read else (1.0, i + 1)
    unit = unit_at(view, j)
    if unit is None:
        return None
    code, mult, end = unit
    return Hit(i, end, "interval", value * mult * lex.UNIT_SECONDS[code], code)


def counted_compound(view: TokenView, i: int, j: int, value: float) -> Hit | None:
    """English "a 64-turbine project": the count qualifies the noun after the hyphen."""
    if view.lang != "en" or not view.is_link(j) or view.kind(j + 1) != "word":
        return None
    noun = view.low(j + 1)
    if noun in lex.EN_STOP or noun in lex.NOT_COUNT_NOUNS or noun in lex.UNIT_WORDS["en"] or not noun.isalpha():
        return None
    return Hit(i, j + 2, "count", value, "", view.texts[j + 1])
