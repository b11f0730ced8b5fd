"""Ranges of two numbers: "10 bis 20 Sekunden", "between two and three minutes", "drei oder vier Wölfe"."""
from __future__ import annotations

from linter.claims import numbers as lex
from linter.claims.amounts import measure_at, read_number, unit_at
from linter.claims.bounds import Hit
from linter.claims.counts import counted_before, designated, long_noun, noun_after
from linter.claims.numbers import parse_number
from linter.claims.tokens import TokenView


def number_range(view: TokenView, i: int, j: int, low: float) -> Hit | None:
    """ "10 bis 20 Sekunden", "10–20 s", "between two and three minutes", "drei oder vier Wölfe"."""
    opener = _opener(view, i)
    if view.low(j) not in _connectors(view, opener) or not view.near(j - 1, j):
        return None
    read = read_number(view, j + 1, after_hyphen=True)
    if read is None or read[2] or read[0] <= low or not view.near(j, j + 1):
        return None
    high, k, _ = read
    first = i - 1 if opener else i
    # "zwischen 10 und 12 Millionen": the scale word after the second number belongs to both
    high_alone = parse_number(view.texts[j + 1], view.lang)
    if high_alone and high > high_alone and low < high_alone:
        low *= high / high_alone
    measure = measure_at(view, k)
    if measure is not None:
        unit, end = measure
        return Hit(first, end, unit.measure, high * unit.factor, unit.code, "", "range", low * unit.factor,
                   high * unit.factor)
    unit = unit_at(view, k)
    if unit is not None:
        seconds = unit[1] * lex.UNIT_SECONDS[unit[0]]
        return Hit(first, unit[2], "duration", high * seconds, unit[0], long_noun(view, unit[2]), "range",
                   low * seconds, high * seconds)
    if designated(view, i):
        return None
    noun = noun_after(view, k)
    if noun:
        return Hit(first, noun[1], "count", high, "", noun[0], "range", low, high)
    counted = counted_before(view, first)
    return Hit(first, k, "count", high, "", counted, "range", low, high) if counted else None


def extend_range(view: TokenView, hit: Hit, k: int) -> Hit | None:
    """Turn "30 Sekunden" into a range when "bis 2 Minuten" follows."""
    opener = _opener(view, hit.first)
    if view.low(k) not in _connectors(view, opener):
        return None
    read = read_number(view, k + 1, after_hyphen=True)
    unit = unit_at(view, read[1]) if read else None
    if unit is None or read[2] or read[0] * unit[1] * lex.UNIT_SECONDS[unit[0]] <= hit.value:
        return None
    high = read[0] * unit[1] * lex.UNIT_SECONDS[unit[0]]
    first = hit.first - 1 if opener else hit.first
    return Hit(first, unit[2], "duration", high, unit[0], hit.noun, "range", hit.value, high)


def _opener(view: TokenView, first: int) -> str:
    """ "zwischen", "between", "von", "from" right before token `first`, if not behind the floor."""
    word = view.low(first - 1)
    ahead_of_floor = first > 0 and view.starts[first - 1] >= view.floor
    return word if word in lex.RANGE_OPENERS and view.spaced(first - 1, first) and ahead_of_floor else ""


def _connectors(view: TokenView, opener: str) -> frozenset[str]:
    """Words that join the two ends of a range; "und"/"and" only after "zwischen"/"between"."""
    extra = lex.BETWEEN_CONNECTORS.get(opener)
    return lex.RANGE_CONNECTORS[view.lang] | ({extra} if extra else set())
