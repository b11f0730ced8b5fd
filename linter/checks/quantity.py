"""Quantity facts: a duration, count or resolution that a draft states differently.

Fields (`expected`): measure (duration | count | resolution) and one of max, exact, range; tolerance;
units (durations only: the units a claim about this fact is written in, e.g. [s, min] for a clip length,
so that "neun Monate nach der Präsentation" is never read as a clip length).
FAIL: "Sora erzeugt Clips von bis zu zwei Minuten."   (max 60 s)
PASS: "Die Clips von Sora sind bis zu 60 Sekunden lang."
PASS: "Runway Gen-2 erzeugt Clips von bis zu vier Sekunden."   (another subject)
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterator

from ..fields import FieldReader
from ..findings import Mismatch
from .units import SECONDS, describe_duration, parse_duration, parse_resolution

KIND = "quantity"
MEASURES = ("duration", "count", "resolution")
_EXAMPLES = {"duration": 'a duration such as "60 s"', "count": "a count such as 48",
             "resolution": 'a resolution such as "1024x768"'}


@dataclass(frozen=True, slots=True)
class Expected:
    measure: str
    mode: str            # max | exact | range
    low: float           # in base units: seconds, items, pixels (width * height)
    high: float
    shape: tuple[int, int] | None   # for resolutions, the stated width and height
    tolerance: float     # relative
    units: tuple[str, ...]          # durations: the units claims about this fact use; () = any


def _value(reader: FieldReader, key: str, measure: str, raw) -> tuple[float, tuple[int, int] | None]:
    """One value of the given measure, in base units."""
    if measure == "duration":
        seconds = parse_duration(raw)
        if seconds is not None:
            return seconds, None
    elif measure == "count":
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and raw >= 0:
            return float(raw), None
    else:
        shape = parse_resolution(raw)
        if shape:
            return float(shape[0] * shape[1]), shape
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
            raise reader.fail("range", f"must be a list of two values, each {_EXAMPLES[measure]}")
        low, _ = _value(reader, "range", measure, bounds[0])
        high, _ = _value(reader, "range", measure, bounds[1])
        if low > high:
            raise reader.fail("range", "must list the lower value first")
        shape = None
    else:
        low, shape = _value(reader, mode, measure, reader.raw(mode))
        high = low
    tolerance = 0.0
    if reader.has("tolerance"):
        text = str(reader.raw("tolerance")).strip()
        try:
            tolerance = float(text.rstrip("%")) / 100 if text.endswith("%") else float(text)
        except ValueError:
            raise reader.fail("tolerance", 'must be a percentage such as "5%"') from None
    units = reader.strings("units")
    unknown = [u for u in units if u not in SECONDS]
    if unknown or (units and measure != "duration"):
        raise reader.fail("units", f"must list duration units ({', '.join(SECONDS)}) and only for durations")
    return Expected(measure, mode, low, high, shape, tolerance, units)


def contradicts(expected: Expected, quantity) -> bool:
    """Whether a parsed quantity cannot be true if the fact is."""
    # the parser makes exclusive bounds ("knapp 48" < 48) a hair smaller than the number, so the
    # comparisons allow only float noise, not that hair
    slack, noise = expected.tolerance, 1e-10
    low, high = quantity.low * (1 - slack) - noise, quantity.high * (1 + slack) + noise
    if expected.mode == "range":
        return high < expected.low or low > expected.high
    if expected.mode == "exact":
        return not low <= expected.low <= high
    # max: "up to X" must name the same limit; any other claim must not exceed it
    if quantity.bound == "max" or (expected.measure == "resolution" and quantity.bound in ("exact", "approx")):
        return abs(_limit(quantity) - expected.high) > slack * expected.high + noise
    return low > expected.high


def _limit(quantity) -> float:
    """The upper value a phrase states."""
    return quantity.high if math.isfinite(quantity.high) else quantity.low


def describe_expected(expected: Expected) -> str:
    """The fact's value in words, e.g. "up to 60 s", "48", "up to 1024x768"."""
    def show(value: float) -> str:
        if expected.measure == "duration":
            return describe_duration(value)
        if expected.measure == "resolution" and expected.shape:
            return f"{expected.shape[0]}x{expected.shape[1]}"
        return f"{value:g}"
    if expected.mode == "range":
        return f"{show(expected.low)} to {show(expected.high)}"
    return ("up to " if expected.mode == "max" else "") + show(expected.high)


def describe_found(quantity) -> str:
    """What the draft's phrase means, e.g. "up to 90 s" for "bis zu anderthalb Minuten"."""
    if quantity.measure == "resolution" and isinstance(quantity.value, tuple):
        value = f"{quantity.value[0]}x{quantity.value[1]}"
    elif quantity.measure == "duration" and quantity.bound not in ("vague", "range"):
        value = describe_duration(float(quantity.value))
    elif quantity.measure == "duration":
        value = f"{describe_duration(quantity.low)} to {describe_duration(quantity.high) if math.isfinite(quantity.high) else 'more'}"
    else:
        value = f"{quantity.value:g}" if isinstance(quantity.value, (int, float)) else str(quantity.value)
    prefix = {"max": "up to ", "over": "more than ", "min": "at least ", "under": "just under ",
              "approx": "about "}.get(quantity.bound, "")
    return f"{prefix}{value}"


# a duration after these is time that passed, not the length of anything ("nach neun Monaten")
_ELAPSED_BEFORE = re.compile(r"\b(?:nach|vor|seit|binnen|after|since|within|in)\s+(?:gut\s+|knapp\s+|rund\s+|etwa\s+)?$",
                             re.IGNORECASE)
_ELAPSED_AFTER = re.compile(r"^\s*(?:nach|später|zuvor|danach|ago|later|earlier"
                            r"|(?:before|after)\s+(?:the|its|his|her|their|this|that)\b)\b", re.IGNORECASE)


def _tied_to_fact(rule, sentence, quantity) -> bool:
    """The sentence speaks of what the fact measures (clip length, demo videos), not another number."""
    scope, expected = rule.scope, rule.expected
    if expected.measure == "duration":
        if expected.units and quantity.unit not in expected.units:
            return False
        if _ELAPSED_BEFORE.search(sentence.text[:quantity.start]) or _ELAPSED_AFTER.match(sentence.text[quantity.end:]):
            return False
    if scope.anti_cues and scope.anti_cues.search(sentence.clause_around(quantity.start, quantity.end)):
        return False
    if not scope.cues:
        return True
    if rule.expected.measure == "count":
        return scope.cues.search(quantity.noun or "")
    return scope.cues.search(sentence.text)


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each quantity about the fact's subject that contradicts it."""
    expected: Expected = rule.expected
    for quantity in sentence.quantities():
        if quantity.measure != expected.measure or not sentence.in_scope(rule.scope, quantity.start):
            continue
        if not _tied_to_fact(rule, sentence, quantity) or not contradicts(expected, quantity):
            continue
        stance = sentence.stance(quantity.start, quantity.end)
        if stance.asserted or stance.quoted_by is not None:
            yield Mismatch(quantity.start, quantity.end, describe_found(quantity), describe_expected(expected),
                           max_severity=stance.max_severity, note=stance.note)
