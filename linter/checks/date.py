"""Date facts: when something happened, with its granularity (day, month, year, weekday).

Fields (`expected`): date (2024-02-26, 2024-02 or 2024), granularity, weekday (optional), period
(optional: start | mid | end of the date).
The check itself arrives with issue 3; until then rules of this kind load, validate and their
examples run as expected failures.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..fields import FieldReader

KIND = "date"
GRANULARITIES = ("day", "month", "year", "weekday")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True, slots=True)
class Expected:
    year: int
    month: int | None
    day: int | None
    granularity: str
    weekday: str | None
    period: str | None


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a date fact."""
    raw = reader.raw("date")
    text = raw.isoformat() if isinstance(raw, dt.date) else str(raw)
    match = _PARTIAL.match(text)
    if not match:
        raise reader.fail("date", f"must be a date such as 2024-02-26, 2024-02 or 2024 (got {raw!r})")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise reader.fail("date", f"is not a calendar date (got {raw!r})") from None
    granularity = reader.choice("granularity", GRANULARITIES)
    weekday = reader.choice("weekday", WEEKDAYS, default="") or None
    period = reader.choice("period", ("start", "mid", "end"), default="") or None
    return Expected(year, month, day, granularity, weekday, period)


evaluate = None  # not yet checked
