"""Parse the typed values that rule files write as text: durations and resolutions."""
from __future__ import annotations

import re

SECONDS = {"s": 1, "sec": 1, "min": 60, "h": 3600, "d": 86400, "wk": 604800, "mo": 2629800, "a": 31557600}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|min|h|d|wk|mo|a)\s*$")
_RESOLUTION = re.compile(r"^\s*(\d+)\s*[x\u00d7]\s*(\d+)\s*$")


def parse_duration(text) -> float | None:
    """Seconds of "60 s", "10 min", "2 h", "3 d"; None if not of that form."""
    match = _DURATION.match(str(text))
    return float(match.group(1)) * SECONDS[match.group(2)] if match else None


def parse_resolution(text) -> tuple[int, int] | None:
    """(width, height) of "1024x768"; None if not of that form."""
    match = _RESOLUTION.match(str(text))
    return (int(match.group(1)), int(match.group(2))) if match else None


def describe_duration(seconds: float) -> str:
    """A readable duration: 60 -> "60 s", 5400 -> "90 min", 7200 -> "2 h"."""
    for unit, size in (("a", 31557600), ("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size and seconds % size == 0 and seconds >= 2 * size:
            return f"{int(seconds // size)} {unit}"
    if seconds == int(seconds):
        return f"{int(seconds)} s"
    return f"{seconds:g} s"
