"""Durations with a stated length: "10 Sekunden", "1:30 Minuten", "60-Sekunden-Clips", "einminütige"."""
from __future__ import annotations

from linter.claims import numbers as lex
from linter.claims.amounts import read_number, unit_at
from linter.claims.bounds import Hit
from linter.claims.counts import long_noun, next_noun
from linter.claims.numbers import parse_number
from linter.claims.ranges import extend_range
from linter.claims.tokens import TokenView
from linter.claims.vague import long_hit


def with_unit(view: TokenView, i: int, j: int, value: float, needs_unit: bool) -> Hit | None:
    """ "10 Sekunden", "einer halben Minute", "a minute and a half", "1 min 30 s", "30 s bis 2 min"."""
    kind = lex.UNIT_FILLERS.get(view.low(j))
    unit = unit_at(view, j + 1) if kind is not None and view.spaced(j, j + 1) else unit_at(view, j)
    if unit is None:
        return None
    code, mult, k = unit
    ordinal = view.low(k - 1) == "second" and view.kind(k) == "word" and view.low(k) not in lex.EN_STOP
    if needs_unit and ordinal:
        return None  # "a second video" is another video
    if needs_unit and (view.low(i - 1) in lex.RATE_WORDS or view.kind(i - 1) == "num"):
        return None  # "once a week", "$20 a month"
    amount = value * mult
    if view.lang == "en" and [view.low(k), view.low(k + 1), view.low(k + 2)] == ["and", "a", "half"]:
        amount, k = amount + 0.5 * mult, k + 3
    hit = Hit(i, k, "duration", amount * lex.UNIT_SECONDS[code], code, long_noun(view, k),
              article=needs_unit and value == 1, kind=kind or "")
    return extend_range(view, hit, k) or _extend_sum(view, hit, k) or hit


def _extend_sum(view: TokenView, hit: Hit, k: int) -> Hit | None:
    """Add a smaller unit: "1 Minute und 30 Sekunden", "2 min 30 s"."""
    start = k + 1 if view.low(k) in ("und", "and", ",") else k
    read = read_number(view, start)
    unit = unit_at(view, read[1]) if read else None
    if unit is None or lex.UNIT_SECONDS[unit[0]] >= lex.UNIT_SECONDS[hit.unit]:
        return None
    value = hit.value + read[0] * unit[1] * lex.UNIT_SECONDS[unit[0]]
    return Hit(hit.first, unit[2], "duration", value, hit.unit, hit.noun, article=False)


def clock(view: TokenView, i: int, j: int) -> Hit | None:
    """ "1:30 Minuten" is a duration; "21:40 Uhr" is a time of day and yields nothing."""
    if view.kind(j + 1) != "num" or not view.glued(j, j + 1) or len(view.texts[j + 1]) != 2:
        return None
    unit = unit_at(view, j + 2)
    if unit is None or unit[0] not in ("min", "h") or not view.texts[i].isdigit():
        return None
    seconds = lex.UNIT_SECONDS[unit[0]]
    value = int(view.texts[i]) * seconds + int(view.texts[j + 1]) * seconds / 60
    return Hit(i, unit[2], "duration", value, unit[0])


def compound(view: TokenView, i: int, j: int, value: float) -> Hit | None:
    """ "60-Sekunden-Clips", "90-second", "ten-second clips", "60-sekündige", "10-minute-long"."""
    if not view.is_link(j) or view.kind(j + 1) != "word":
        return None
    key = view.low(j + 1)
    code = lex.COMPOUND_UNITS[view.lang].get(key)
    adjective = lex.ADJECTIVE_UNIT_RE.match(key) if view.lang == "de" else None
    if code is None and adjective and not adjective.group(1):
        code = lex.ADJECTIVE_UNITS[adjective.group(2)]
    if code is None:
        return None
    end = j + 2
    if view.lang == "en" and view.is_link(end) and view.low(end + 1) == "long":
        end += 2
    noun, end = view.glued_noun(end)
    return Hit(i, end, "duration", value * lex.UNIT_SECONDS[code], code, noun or next_noun(view, end))


def adjective(view: TokenView, i: int) -> Hit | None:
    """ "einminütige", "zehnsekündige", "halbstündig", "minute-long", "hours-long"."""
    key = view.low(i)
    if view.lang == "en" and view.is_link(i + 1) and view.low(i + 2) == "long":
        unit = lex.UNIT_WORDS["en"].get(key)
        if unit is None or len(key) < 3 or not view.free_before(i):
            return None
        if key.endswith("s"):
            return long_hit(i, i + 3, unit[0], next_noun(view, i + 3))
        return Hit(i, i + 3, "duration", lex.UNIT_SECONDS[unit[0]], unit[0], next_noun(view, i + 3))
    match = lex.ADJECTIVE_UNIT_RE.match(key) if view.lang == "de" else None
    if match is None or not match.group(1) or not view.free_before(i):
        return None
    prefix = match.group(1)
    value = lex.ADJECTIVE_PREFIXES.get(prefix) or parse_number(prefix, "de")
    if value is None:
        return None
    code = lex.ADJECTIVE_UNITS[match.group(2)]
    return Hit(i, i + 1, "duration", value * lex.UNIT_SECONDS[code], code, next_noun(view, i + 1))
