"""Find durations, counts and resolutions in German and English prose, with the bounds stated around them."""
from __future__ import annotations

from dataclasses import dataclass

from linter.claims import numbers as lex
from linter.claims.amounts import read_number
from linter.claims.bounds import Hit, bound_after, bound_before, interval
from linter.claims.counts import count
from linter.claims.durations import adjective, clock, compound, with_unit
from linter.claims.ranges import number_range
from linter.claims.resolutions import resolution_name, resolution_pair
from linter.claims.tokens import HYPHENS, TokenView
from linter.claims.vague import long_word, vague


@dataclass(frozen=True, slots=True)
class Quantity:
    """One quantity phrase and the interval of values it allows, in base units."""

    start: int
    end: int
    text: str
    measure: str  # "duration" | "count" | "resolution"
    low: float
    high: float
    bound: str  # "exact" | "max" | "min" | "over" | "under" | "approx" | "range" | "vague"
    value: float | tuple[int, int]
    unit: str  # "s" | "min" | "h" | "d" | "wk" | "mo" | "" | "px"
    noun: str


def find_quantities(text: str, lang: str = "de") -> list[Quantity]:
    """All quantities in a sentence or paragraph of prose, left to right, non-overlapping."""
    view = TokenView(text, lang if lang in lex.ARTICLES else "de")
    found: list[Quantity] = []
    i = 0
    # Walk the tokens once: match at each token; after a match, continue behind it.
    while i < len(view.toks):
        hit = _match(view, i)
        if hit is None:
            i += 1
            continue
        found.append(_finish(view, hit))
        view.floor, i = found[-1].end, hit.last
    return found


def _match(view: TokenView, i: int) -> Hit | None:
    """Try each phrase shape at token i, the more specific first."""
    for matcher in (resolution_pair, resolution_name, vague, long_word, adjective, _number):
        hit = matcher(view, i)
        if hit is not None:
            return hit
    return None


def _finish(view: TokenView, hit: Hit) -> Quantity:
    """Attach the bound words around a hit and compute its interval."""
    start = view.toks[hit.first].start
    last, bound, low, high = hit.last, hit.bound, hit.low, hit.high
    if not bound:
        kind, start = bound_before(view, start)
        suffix, last = bound_after(view, last)
        kind = kind or suffix or hit.kind or "exact"
        kind = "part" if kind == "nearly" and hit.article else kind
        amount = hit.value[0] * hit.value[1] if isinstance(hit.value, tuple) else hit.value
        bound, low, high = interval(amount, kind)
    end = view.toks[last - 1].end
    value = hit.value if isinstance(hit.value, tuple) else float(hit.value)
    return Quantity(start, end, view.text[start:end], hit.measure, float(low), float(high), bound, value,
                    hit.unit, hit.noun)


def _number(view: TokenView, i: int) -> Hit | None:
    """A number and what it measures: a compound, a clock-style duration, a unit, a range or a noun."""
    read = read_number(view, i)
    if read is None:
        return None
    value, j, needs_unit = read
    if view.low(j) in HYPHENS and view.glued(j - 1, j):
        # "60-Sekunden-Clips" and "10-20 s" are quantities, "3-D-Animationen" is not.
        return compound(view, i, j, value) or number_range(view, i, j, value)
    if view.low(j) == ":" and view.glued(j - 1, j):
        return clock(view, i, j)
    hit = with_unit(view, i, j, value, needs_unit) or number_range(view, i, j, value)
    return hit or (None if needs_unit else count(view, i, j, value))
