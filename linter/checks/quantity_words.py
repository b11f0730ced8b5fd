"""A quantity fact's value and a draft's figure in words, as findings show them: "up to 60 s", "960 MW",
"3.9 TWh per year", "about 48" (checks/quantity.py reads and judges them)."""
from __future__ import annotations

import math

from .. import measures
from .units import describe_duration

# a rate's period by its code (measures_data.py's duration units)
PERIOD_NAMES = {"a": "year", "mo": "month", "wk": "week", "d": "day", "h": "hour", "min": "minute", "s": "second"}


def _show(value: float, measure: str, unit: str, shape=None) -> str:
    """A value in words: "60 s", "48", "1024x768", "960 MW", "3.2 bn EUR"."""
    if measure in ("duration", "interval"):
        return describe_duration(value)
    if measure == "resolution" and shape:
        return f"{shape[0]}x{shape[1]}"
    if unit in measures.UNITS and measure not in ("count", "resolution"):
        return measures.describe(value, unit)
    return f"{value:g}"


def describe_expected(expected) -> str:
    """The fact's value in words, e.g. "up to 60 s", "48", "960 MW", "3.9 TWh per year"."""
    def show(value: float) -> str:
        return _show(value, expected.measure, expected.unit, expected.shape)
    per = f" per {PERIOD_NAMES[expected.per]}" if expected.per else ""
    if expected.mode == "range":
        return f"{show(expected.low)} to {show(expected.high)}{per}"
    return ("up to " if expected.mode == "max" else "every " if expected.measure == "interval" else "") \
        + show(expected.high) + per


def describe_found(quantity) -> str:
    """What the draft's phrase means, e.g. "up to 90 s" for "bis zu anderthalb Minuten", "960 MW" for "0,96 GW"."""
    if quantity.measure == "resolution" and isinstance(quantity.value, tuple):
        value = f"{quantity.value[0]}x{quantity.value[1]}"
    elif quantity.measure in ("duration", "count") and quantity.bound in ("vague", "range"):
        show = describe_duration if quantity.measure == "duration" else (lambda amount: f"{amount:g}")
        value = f"{show(quantity.low)} to {show(quantity.high) if math.isfinite(quantity.high) else 'more'}"
    elif quantity.bound == "range":
        value = f"{_show(quantity.low, quantity.measure, quantity.unit)} to {_show(quantity.high, quantity.measure, quantity.unit)}"
    else:
        value = _show(float(quantity.value), quantity.measure, quantity.unit)
    prefix = {"max": "up to ", "over": "more than ", "min": "at least ", "under": "just under ",
              "approx": "about "}.get(quantity.bound, "")
    per = f" per {PERIOD_NAMES.get(quantity.per, quantity.per)}" if quantity.per else ""
    return f"{prefix}{value}{per}"
