"""Quantity facts: an amount that a draft states differently — a duration, count, resolution, interval,
or any measure of measures_data.py (money, length, area, mass, speed, power, energy, percent, points).

Fields (`expected`): measure and one of max, exact, range; tolerance (how far a hedged figure may be
off, default 5 %); per (a rate's period: "3.9 TWh per year"); nouns (counts: the counted thing in each
language, matched in any inflected form; other measures: what a compound figure qualifies, so that
"15-MW-Anlagen" are turbines and not the wind farm); units (durations only: the units a claim about this fact is
written in, e.g. [s, min] for a clip length, so that "neun Monate nach der Präsentation" is never read
as a clip length).
FAIL: "Sora erzeugt Clips von bis zu zwei Minuten."   (max 60 s)
FAIL: "Der Park leistet 1,2 GW."                      (exact 960 MW)
PASS: "Der Park leistet knapp ein Gigawatt."          (960 MW is within 5 % below 1 GW)
PASS: "Runway Gen-2 erzeugt Clips von bis zu vier Sekunden."   (another subject)

The verdict of a claim against an exact fact (docs/rule-format.md has the table):
* unhedged ("960 MW", "3,2 Mrd. €"): the fact must round to the figure as written (0,96 GW = 960 MW;
  "32 miles" for 52 km); a figure with one significant digit ("1 GW", "eine Million", "ein Viertel")
  is read as hedged. Durations and plain counts ("64 Anlagen") must be equal.
* hedged ("rund", "etwa", "about"): within the tolerance of the fact; up to twice the tolerance is a
  warning; further off an error. "knapp", "fast", "nearly" also need the fact below the figure, "gut"
  above it (on the other side it is an error: "knapp 48" says fewer than 48).
* bounds ("mehr als", "mindestens", "bis zu", "unter") and ranges: the fact must satisfy them.
A count fact that is a range ("switches between three and four") needs a draft's range inside it: its
ends are counts the draft says occur. A clause that says what is usual ("normalerweise") is no claim.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterator

from .. import measures
from ..fields import FieldReader
from ..findings import Mismatch, Severity
from ..vocabulary import word_set
from .predicates import has_word
from .quantity_words import PERIOD_NAMES, describe_expected, describe_found
from .units import SECONDS, parse_duration, parse_resolution

KIND = "quantity"
OWN_MEASURES = ("duration", "count", "resolution", "interval")
MEASURES = OWN_MEASURES + tuple(m for m in measures.MEASURES if m not in OWN_MEASURES)
DEFAULT_TOLERANCE = 0.05
CONSISTENT, WARNING, ERROR = "consistent", "warning", "error"
_EXAMPLES = {"duration": 'a duration such as "60 s"', "interval": 'a duration such as "7.5 min"',
             "count": 'a count such as 48 or "1.1 million"', "resolution": 'a resolution such as "1024x768"'}
_PERIOD_CODES = {name: code for code, name in PERIOD_NAMES.items()}
PERIODS = ("year", "month", "week", "day", "hour")   # what `per:` may say
_NOISE = 1e-9
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Expected:
    measure: str
    mode: str            # max | exact | range
    low: float           # in base units: seconds, items, pixels (width * height), metres, watts, euros ...
    high: float
    shape: tuple[int, int] | None   # for resolutions, the stated width and height
    tolerance: float     # relative: how far a hedged figure may be off
    units: tuple[str, ...]          # durations: the units claims about this fact use; () = any
    unit: str = ""       # the unit the fact is written in ("MW"), for messages; money: its currency
    per: str = ""        # a rate's period, a duration unit ("a": per year)
    nouns: dict = None   # counts: language -> the counted thing's nouns
    declared_tolerance: float = 0.0  # the tolerance as the fact states it (0 if it does not)


def _value(reader: FieldReader, key: str, measure: str, raw) -> tuple[float, tuple[int, int] | None, str]:
    """One value of the given measure, in base units, and the unit it is written in."""
    if measure in ("duration", "interval"):
        seconds = parse_duration(raw)
        if seconds is not None:
            return seconds, None, ""
    elif measure == "resolution":
        shape = parse_resolution(raw)
        if shape:
            return float(shape[0] * shape[1]), shape, "px"
    else:
        parsed = measures.parse_value(raw)
        if parsed is not None and parsed[0] >= 0:
            amount, unit = parsed
            if measure == "count" and unit is None:
                return amount, None, ""
            if measure in ("percent", "points") and unit is None:
                return amount, None, measures.BASE_UNITS[measure]   # 26 is 26 %
            if unit is not None and unit.measure == measure:
                return amount, None, unit.code
        units = [code for code, unit in measures.UNITS.items() if unit.measure == measure and not unit.fraction]
        example = _EXAMPLES.get(measure) or f'an amount with a unit ({", ".join(units)}) such as "12.5 {units[-1]}"'
        raise reader.fail(key, f"must be {example} (got {raw!r})")
    raise reader.fail(key, f"must be {_EXAMPLES[measure]} (got {raw!r})")


def parse_expected(reader: FieldReader) -> Expected:
    """Validate and convert the `expected` mapping of a quantity fact."""
    measure = reader.choice("measure", MEASURES)
    modes = [m for m in ("max", "exact", "range") if reader.has(m)]
    if len(modes) != 1:
        raise reader.fail("measure", "needs exactly one of max, exact, range beside it")
    mode = modes[0]
    if mode == "range":
        bounds = reader.raw("range")
        if not isinstance(bounds, list) or len(bounds) != 2:
            raise reader.fail("range", f"must be a list of two values, each {_EXAMPLES.get(measure, 'with a unit')}")
        low, _, unit = _value(reader, "range", measure, bounds[0])
        high, _, high_unit = _value(reader, "range", measure, bounds[1])
        if low > high:
            raise reader.fail("range", "must list the lower value first")
        if measure == "money" and unit != high_unit:
            raise reader.fail("range", "must give both ends in one currency")
        shape = None
    else:
        low, shape, unit = _value(reader, mode, measure, reader.raw(mode))
        high = low
    declared = 0.0
    if reader.has("tolerance"):
        text = str(reader.raw("tolerance")).strip()
        try:
            declared = float(text.rstrip("%")) / 100 if text.endswith("%") else float(text)
        except ValueError:
            raise reader.fail("tolerance", 'must be a percentage such as "5%"') from None
        if not 0 <= declared < 1:
            raise reader.fail("tolerance", 'must be a percentage from 0 to 99 such as "5%"')
    units = reader.strings("units")
    unknown = [u for u in units if u not in SECONDS]
    if unknown or (units and measure != "duration"):
        raise reader.fail("units", f"must list duration units ({', '.join(SECONDS)}) and only for durations")
    per = reader.text("per", required=False) or ""
    if per and (per not in PERIODS or measure in ("duration", "interval", "resolution")):
        raise reader.fail("per", f"must be one of {', '.join(PERIODS)} (the period of a rate), not for {measure}")
    per = _PERIOD_CODES.get(per, "")
    nouns = reader.by_language("nouns")
    if nouns and measure in ("duration", "resolution", "interval"):
        raise reader.fail("nouns", "is for counts (the counted thing) and measures (what a figure qualifies)")
    return Expected(measure, mode, low, high, shape, declared or DEFAULT_TOLERANCE, units, unit, per, nouns,
                    declared)


def verdict(expected: Expected, quantity) -> str:
    """consistent, warning (close, outside the tolerance) or error: a claim's quantity against the fact."""
    factor = 1.0
    if expected.per and quantity.per and quantity.per != expected.per:
        factor = measures.seconds(expected.per) / measures.seconds(quantity.per)
    if expected.mode != "exact":
        return ERROR if _contradicts_limit(expected, quantity, factor) else CONSISTENT
    # a resolution's value is its pair of sides; its interval, as the fact's, counts its pixels
    amount = quantity.value[0] * quantity.value[1] if isinstance(quantity.value, tuple) else quantity.value
    fact, stated, tolerance = expected.low, float(amount) * factor, expected.tolerance
    hedge = quantity.hedge
    if hedge == "exact" and quantity.coarse:
        hedge = "approx"  # "1 GW", "eine Million Haushalte": a round figure is a hedged one
    if hedge == "exact":
        return CONSISTENT if abs(stated - fact) <= quantity.precision * factor / 2 + _NOISE * max(fact, 1) else ERROR
    if hedge not in ("approx", "nearly", "barely", "justover"):
        low, high = quantity.low * factor, quantity.high * factor
        return CONSISTENT if low - _NOISE * max(fact, 1) <= fact <= high + _NOISE * max(fact, 1) else ERROR
    # "knapp 48" says fewer than 48, "gut 25 %" more than 25 %: the fact on the other side is an error
    if hedge in ("nearly", "barely") and fact >= stated or hedge == "justover" and fact <= stated:
        return ERROR
    deviation = abs(stated - fact) / fact if fact else (0.0 if stated == 0 else math.inf)
    if deviation <= tolerance + _NOISE:
        return CONSISTENT
    return WARNING if deviation <= 2 * tolerance + _NOISE else ERROR


def _contradicts_limit(expected: Expected, quantity, factor: float) -> bool:
    """Against a fact that is a limit (max) or a range: whether the claim cannot be true."""
    # the parser makes exclusive bounds ("knapp 48" < 48) a hair smaller than the number, so the
    # comparisons allow only float noise, not that hair
    slack, noise = expected.declared_tolerance, 1e-10
    rounding = quantity.precision * factor / 2
    low = quantity.low * factor * (1 - slack) - noise - rounding
    high = quantity.high * factor * (1 + slack) + noise + rounding
    if expected.mode == "range" and expected.measure == "count" and quantity.bound == "range":
        # a count's range names the counts that occur ("mal zwei, mal fünf"): both ends must be the fact's
        return quantity.low * factor < expected.low - noise or quantity.high * factor > expected.high + noise
    if expected.mode == "range":
        return high < expected.low or low > expected.high
    # max: "up to X" must name the same limit; any other claim must not exceed it
    if quantity.bound == "max" or (expected.measure == "resolution" and quantity.bound in ("exact", "approx")):
        return abs(_limit(quantity) * factor - expected.high) > slack * expected.high + noise
    return low > expected.high


def contradicts(expected: Expected, quantity) -> bool:
    """Whether a parsed quantity cannot be true if the fact is (a warning counts as not contradicting)."""
    return verdict(expected, quantity) == ERROR


def _limit(quantity) -> float:
    """The upper value a phrase states."""
    return quantity.high if math.isfinite(quantity.high) else quantity.low


# a duration after these is time that passed, not the length of anything ("nach neun Monaten")
_ELAPSED_BEFORE = re.compile(r"\b(?:nach|vor|seit|binnen|after|since|within|in)\s+(?:gut\s+|knapp\s+|rund\s+|etwa\s+)?$",
                             re.IGNORECASE)
_ELAPSED_AFTER = re.compile(r"^\s*(?:nach|später|zuvor|danach|ago|later|earlier"
                            r"|(?:before|after)\s+(?:the|its|his|her|their|this|that)\b)\b", re.IGNORECASE)


def _elapsed(sentence, start: int, end: int) -> bool:
    """The duration at [start, end) is time that passed ("nach neun Monaten", "two years ago")."""
    return bool(_ELAPSED_BEFORE.search(sentence.text[:start]) or _ELAPSED_AFTER.match(sentence.text[end:]))


def _tied_to_fact(rule, sentence, quantity) -> bool:
    """The sentence speaks of what the fact measures (clip length, demo videos), not another number."""
    scope, expected = rule.scope, rule.expected
    if not _same_dimension(expected, quantity):
        return False
    if expected.measure == "duration":
        if expected.units and quantity.unit not in expected.units:
            return False
        if sentence.answer(_elapsed, quantity.start, quantity.end):
            return False
    clause = sentence.clause_around(quantity.start, quantity.end)
    # a table cell is qualified by its row's head ("| Leistung je Anlage | 15 MW |") and its column's
    labels = f"{sentence.row_head} | {sentence.column_head}"
    if scope.anti_cues and (scope.anti_cues.search(clause) or scope.anti_cues.search(labels)):
        return False
    if expected.nouns and (expected.measure == "count" or quantity.noun):
        # a count's counted thing, or the thing a figure qualifies ("15-MW-Anlagen" are turbines)
        nouns = expected.nouns.get(sentence.lang) or expected.nouns.get("*") or ()
        if not measures.noun_matches(quantity.noun, tuple(nouns), sentence.lang):
            return False
        return expected.measure != "count" or not scope.cues or scope.cues.search(sentence.text)
    if not scope.cues:
        return True
    if expected.measure == "count":
        return scope.cues.search(quantity.noun or "")
    if expected.measure in OWN_MEASURES:
        if scope.cues.search(clause):
            return True
        # a cue elsewhere in the sentence ties the figure to the fact; then an anti-cue there may tie it
        # to something else just as well ("Sora braucht bis zu zehn Minuten, um einen Clip zu rendern")
        if scope.cues.search(sentence.text):
            return not (scope.anti_cues and scope.anti_cues.search(sentence.text))
        return bool(sentence.column_head) and scope.cues.search(labels)
    # one sentence often gives several figures of one measure ("64 Anlagen mit je 15 MW, zusammen
    # 960 MW", "52 km from Helgoland, in waters 35 to 42 metres deep"): the cue must be in the
    # figure's own clause, or in the head of a table cell's row ("| Nabenhöhe | 154 m |") or column
    if scope.cues.search(clause) or scope.cues.search(labels):
        return True
    # a figure in an insertion without a verb ("Stretching 4.3 kilometres, the line links …") belongs to
    # the clause around it, when it is that clause's only figure of its measure
    left, right = sentence.clause_span(quantity.start, quantity.end)
    alone = not any(q is not quantity and q.measure == quantity.measure and left <= q.start < right
                    for q in sentence.quantities())
    return alone and bool(scope.cues.search(sentence.text[left:right]))


def _usual(sentence, quantity) -> bool:
    """The clause says what is usual, not what happened ("Normalerweise hat eine Katze vier Pfoten")."""
    left, right = sentence.clause_span(quantity.start, quantity.end)
    return has_word(sentence, "usual", left, right)


def _planned_value(sentence, quantity) -> bool:
    """The figure is a plan's, not what holds now: what the plan is to change something to ("will die
    Zahl der Kabinen auf 50 erhöhen", "is to grow to five kilometres"; words.yaml change_verbs), or a
    plan since given up ("Ursprünglich sollte die Bahn 50 Millionen Euro kosten"; superseded)."""
    left, right = sentence.clause_span(quantity.start, quantity.end)
    if not has_word(sentence, "plan_markers", left, right):
        return False
    if has_word(sentence, "superseded", left, right):
        return True
    before = _WORD.findall(sentence.text[left:quantity.start])
    return (bool(before) and before[-1].lower() in word_set("change_targets", sentence.lang)
            and has_word(sentence, "change_verbs", left, right))


def _same_dimension(expected: Expected, quantity) -> bool:
    """Comparable at all: the same measure, and for money the same currency ("$3.3 billion" is not euros)."""
    if quantity.measure != expected.measure:
        return False
    return expected.measure != "money" or quantity.unit == expected.unit


def needs(rule) -> tuple:
    """A quantity of the fact's measure (evaluate looks at no other)."""
    return ("measure", rule.expected.measure)


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each quantity about the fact's subject that contradicts it."""
    expected: Expected = rule.expected
    for quantity in sentence.quantities():
        if quantity.measure != expected.measure:
            continue
        # the cheapest question first: many figures agree with the fact, whatever they are about
        judged = verdict(expected, quantity)
        if judged == CONSISTENT or not sentence.in_scope(rule.scope, quantity.start):
            continue
        if not _tied_to_fact(rule, sentence, quantity) or _usual(sentence, quantity) or _planned_value(sentence, quantity):
            continue
        stance = sentence.stance(quantity.start, quantity.end, attributive=bool(quantity.noun))
        if stance.asserted or stance.quoted_by is not None:
            severity = stance.max_severity if judged == ERROR else min(stance.max_severity, Severity.WARNING)
            yield Mismatch(quantity.start, quantity.end, describe_found(quantity), describe_expected(expected),
                           max_severity=severity, note=stance.note)
