"""Units, scale words, rate words and noun inflection, indexed from linter/measures_data.py (the one
place they are listed).

pint was measured as the units library and not taken: importing it and building its registry costs
0.3 s, more than factlint's whole start-up budget; the few hundred spellings prose uses are data here.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from . import measures_data

@dataclass(frozen=True, slots=True)
class Unit:
    """One unit: its measure, canonical symbol and factor into the measure's base unit."""

    measure: str
    code: str
    factor: float
    convertible: bool = True   # False: money, whose currencies are separate dimensions
    fraction: bool = False     # a share word ("ein Viertel"), always a rounded figure

    def dimension(self) -> str:
        """What it can be compared with: the measure, or the currency itself for money."""
        return self.measure if self.convertible else f"{self.measure}:{self.code}"


UNITS: dict[str, Unit] = {}          # canonical symbol -> unit (rule files write these)
SYMBOLS: dict[str, Unit] = {}        # spelling as written -> unit
WORDS: dict[str, Unit] = {}          # lowercased spelling -> unit
BASE_UNITS: dict[str, str] = {}      # measure -> its base unit's symbol
for _measure, _spec in measures_data.MEASURES.items():
    BASE_UNITS[_measure] = _spec["base"]
    for _code, _entry in _spec["units"].items():
        _unit = Unit(_measure, _code, float(_entry["factor"]), _spec.get("convertible", True),
                     _entry.get("fraction", False))
        UNITS[_code] = _unit
        SYMBOLS.update({symbol: _unit for symbol in _entry.get("symbols", ())})
        WORDS.update({word.lower(): _unit for word in _entry.get("words", ())})
MEASURES = tuple(measures_data.MEASURES)
# how many tokens the longest spelling spans ("Meter pro Sekunde", "v. H."), for the prose reader
MAX_UNIT_TOKENS = max(len(re.findall(r"\w+|[^\w\s]", spelling)) for spelling in [*SYMBOLS, *WORDS])

SCALES: dict[str, dict[str, float]] = {"de": {}, "en": {}}   # lowercased word (dot dropped) -> factor
MONEY_SCALES: dict[str, float] = {}                          # only beside a currency: "$300m", "£2bn"
ABBREVIATED_SCALES: set[str] = set()                         # words written with a dot ("Mio.")
for _scale in measures_data.SCALES:
    for _lang in SCALES:
        for _word in _scale[_lang]:
            SCALES[_lang][_word.lower().rstrip(".")] = float(_scale["factor"])
            if _word.endswith("."):
                ABBREVIATED_SCALES.add(_word.lower().rstrip("."))
    MONEY_SCALES.update({word: float(_scale["factor"]) for word in _scale["money"]})

RATES: dict[str, dict[str, str]] = {"de": {}, "en": {}}     # lowercased phrase -> duration unit
for _period, _by_lang in measures_data.RATES.items():
    for _lang, _phrases in _by_lang.items():
        RATES[_lang].update({phrase.lower(): _period for phrase in _phrases})
INTERVAL_WORDS: dict[str, frozenset[str]] = {lang: frozenset(words) for lang, words in measures_data.INTERVALS.items()}
_INFLECTION = measures_data.INFLECTION

CURRENCY_OPENERS = frozenset(symbol.lower() for symbol, unit in SYMBOLS.items() if not unit.convertible)


def unit(spelling: str) -> Unit | None:
    """The unit a spelling in prose names: symbols as written, words in any case."""
    return SYMBOLS.get(spelling) or WORDS.get(spelling.lower())


def seconds(code: str) -> float:
    """Seconds in a duration unit ("a" for a year)."""
    return UNITS[code].factor


_NUMBER = r"(\d+(?:\.\d+)?)"
_VALUE_RE = re.compile(rf"^\s*{_NUMBER}\s*([^\W\d][\w.]*)?\s*(.*?)\s*$")


def parse_value(text) -> tuple[float, Unit | None] | None:
    """A value as rule files write it: "960 MW", "3.2 billion EUR", "52 km", "26 %", "1.1 million".

    The number is written with a decimal point and no grouping; a scale word and a unit symbol may
    follow. Returns (value in base units, unit or None for a bare number), or None if unreadable."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return float(text), None
    match = _VALUE_RE.match(str(text))
    if match is None:
        return None
    number, scale_word, rest = float(match.group(1)), match.group(2) or "", match.group(3)
    scale = SCALES["en"].get(scale_word.lower().rstrip(".")) or SCALES["de"].get(scale_word.lower().rstrip("."))
    if scale is None:
        rest = (scale_word + rest if rest.startswith("/") else f"{scale_word} {rest}").strip()   # "km/h"
        scale = 1.0
    if not rest:
        return number * scale, None
    found = UNITS.get(rest) or unit(rest)
    return (number * scale * found.factor, found) if found else None


def describe(value: float, code: str) -> str:
    """A base-unit value in a unit: 960e6 W in "MW" -> "960 MW"; 3.2e9 EUR -> "3.2 bn EUR"."""
    found = UNITS[code]
    amount = value / found.factor
    if not found.convertible or code in ("", None):
        for word, factor in (("bn", 1e9), ("m", 1e6)):
            if abs(amount) >= factor:
                return f"{_number(amount / factor)} {word} {code}"
    if found.fraction:
        return f"{_number(value)} %"
    return f"{_number(amount)} {code}"


def _number(amount: float) -> str:
    """A number without float noise: 3.2000000001 -> "3.2"."""
    return f"{round(amount, 6):g}" if math.isfinite(amount) else "more"


@functools.lru_cache(maxsize=8192)    # a corpus repeats its nouns; bounded: memory stays flat
def lemmas(word: str, lang: str) -> frozenset[str]:
    """The base forms a noun may have ("Windräder" -> {"windräder", "windrad", ...}), folded."""
    rules = _INFLECTION.get(lang, _INFLECTION["en"])
    low = word.lower()
    for source, target in rules.get("umlauts", {}).items():
        low = low.replace(source, target)
    forms = {low}
    irregular = rules.get("irregular", {}).get(low)
    if irregular:
        forms.add(irregular)
    for ending, replacement in rules.get("replacements", {}).items():
        if low.endswith(ending):
            forms.add(low[: -len(ending)] + replacement)
    for ending in rules["endings"]:
        if low.endswith(ending) and len(low) > len(ending) + 2:
            forms.add(low[: -len(ending)])
    return frozenset(forms)


@functools.lru_cache(maxsize=8192)
def noun_matches(word: str, nouns: tuple[str, ...], lang: str) -> bool:
    """Whether `word` is an inflected form of one of `nouns` (or, in German, a compound ending in one)."""
    if not word:
        return False
    head = re.split(r"[\s\-‑‐]+", word.strip())[-1]
    forms = lemmas(head, lang)
    for noun in nouns:
        base = min(lemmas(noun, lang), key=len)
        for form in forms:
            if form == base or lang == "de" and len(base) >= 3 and form.endswith(base):
                return True
    return False
