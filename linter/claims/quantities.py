"""Find durations, counts and resolutions in German and English prose, with the bounds stated around them."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from linter.claims import numbers as lex
from linter.claims.numbers import parse_number


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


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int
    kind: str  # "num" | "word" | "punct" | "opaque"


@dataclass(frozen=True, slots=True)
class _Hit:
    """A matched phrase before its bound is known; `bound` is set only when the phrase fixes it itself."""

    first: int  # token index of the first token
    last: int  # token index after the last token
    measure: str
    value: float | tuple[int, int]
    unit: str
    noun: str = ""
    bound: str = ""
    low: float = 0.0
    high: float = 0.0
    article: bool = False  # the number was only "eine"/"a", which makes "fast" coarser
    kind: str = ""  # bound kind implied inside the phrase ("eine gute Stunde"), if no bound word says otherwise


TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
# Paths, file names and code-like runs carry digits that are no claims ("bild-1920x1080.png", "dauer=120").
OPAQUE_RE = re.compile(r"\S*(?:://|[/\\_=@])\S*|\S+\.(?:png|jpe?g|gif|webp|svg|mp4|mov|webm|html?|pdf)\b\S*",
                       re.IGNORECASE)
HYPHENS = frozenset({"-", "‑", "‐"})
# A number glued to one of these is part of something else: "Gen-2", "#112", "$800", "1.0.3", "+49".
GLUED_REJECT = frozenset("#$€£¥/_.:,+-‑‐·'’")
YEAR_RE = re.compile(r"(?:19|20)\d\d")
_BOUND_ALTERNATIVES = sorted(lex.BOUND_PHRASES, key=len, reverse=True)
_BOUND_PATTERNS = (re.escape(phrase).replace(r"\ ", r"\s+") for phrase in _BOUND_ALTERNATIVES)
BOUND_RE = re.compile(r"(?<![\w.])(" + "|".join(_BOUND_PATTERNS) + r")\s*$", re.IGNORECASE)
CASE_FREE_NAMES = frozenset({"fullhd", "ultrahd"})  # "HD" alone must be capitalised to mean a resolution


def find_quantities(text: str, lang: str = "de") -> list[Quantity]:
    """All quantities in a sentence or paragraph of prose, left to right, non-overlapping."""
    return _Scanner(text, lang).scan()


def _tokenize(text: str) -> list[_Tok]:
    """Split text into numbers, letter runs and single punctuation marks; opaque runs stay whole."""
    tokens: list[_Tok] = []
    pos = 0
    for match in OPAQUE_RE.finditer(text):
        tokens.extend(_plain_tokens(text, pos, match.start()))
        tokens.append(_Tok(match.group(), match.start(), match.end(), "opaque"))
        pos = match.end()
    tokens.extend(_plain_tokens(text, pos, len(text)))
    return tokens


def _plain_tokens(text: str, start: int, end: int) -> list[_Tok]:
    """Tokenize text[start:end] without opaque runs."""
    tokens = []
    for match in TOKEN_RE.finditer(text, start, end):
        first = match.group()[0]
        kind = "num" if first.isdigit() else "word" if first.isalpha() else "punct"
        tokens.append(_Tok(match.group(), match.start(), match.end(), kind))
    return tokens


def _interval(amount: float, kind: str) -> tuple[str, float, float]:
    """Apply a bound kind to a stated amount."""
    bound, low_factor, high_factor = lex.BOUND_FACTORS[kind]
    return bound, amount * low_factor, math.inf if math.isinf(high_factor) else amount * high_factor


class _Scanner:
    """Walk the tokens of one text once, left to right."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang if lang in lex.ARTICLES else "de"
        self.toks = _tokenize(text)
        self.floor = 0  # end of the previous quantity: bound words may not reach behind it

    def scan(self) -> list[Quantity]:
        """Match at each token; after a match, continue behind it."""
        found: list[Quantity] = []
        i = 0
        while i < len(self.toks):
            hit = self._match(i)
            if hit is None:
                i += 1
                continue
            found.append(self._finish(hit))
            self.floor, i = found[-1].end, hit.last
        return found

    def _match(self, i: int) -> _Hit | None:
        """Try each phrase shape at token i, the more specific first."""
        for matcher in (self._resolution_pair, self._resolution_name, self._vague, self._long_word,
                        self._adjective, self._number):
            hit = matcher(i)
            if hit is not None:
                return hit
        return None

    def _finish(self, hit: _Hit) -> Quantity:
        """Attach the bound words around a hit and compute its interval."""
        start = self.toks[hit.first].start
        last, bound, low, high = hit.last, hit.bound, hit.low, hit.high
        if not bound:
            kind, start = self._bound_before(start)
            suffix, last = self._bound_after(last)
            kind = kind or suffix or hit.kind or "exact"
            kind = "part" if kind == "nearly" and hit.article else kind
            amount = hit.value[0] * hit.value[1] if isinstance(hit.value, tuple) else hit.value
            bound, low, high = _interval(amount, kind)
        end = self.toks[last - 1].end
        value = hit.value if isinstance(hit.value, tuple) else float(hit.value)
        return Quantity(start, end, self.text[start:end], hit.measure, float(low), float(high), bound, value,
                        hit.unit, hit.noun)

    # -- token helpers

    def tok(self, i: int) -> _Tok | None:
        """The token at i, or None outside the text."""
        return self.toks[i] if 0 <= i < len(self.toks) else None

    def low(self, i: int) -> str:
        """The lowercased token text at i, or ""."""
        token = self.tok(i)
        return token.text.lower() if token else ""

    def glued(self, a: int, b: int) -> bool:
        """Tokens a and b touch."""
        first, second = self.tok(a), self.tok(b)
        return bool(first and second and first.end == second.start)

    def spaced(self, a: int, b: int) -> bool:
        """Tokens a and b are separated by whitespace within one paragraph."""
        first, second = self.tok(a), self.tok(b)
        gap = self.text[first.end:second.start] if first and second else ""
        return gap.isspace() and "\n\n" not in gap

    def near(self, a: int, b: int) -> bool:
        """Tokens a and b are glued or spaced."""
        return self.glued(a, b) or self.spaced(a, b)

    def is_link(self, i: int) -> bool:
        """Token i is a hyphen inside a compound word."""
        return self.low(i) in HYPHENS and self.glued(i - 1, i) and self.glued(i, i + 1)

    def kind(self, i: int) -> str:
        """The kind of token i, or ""."""
        token = self.tok(i)
        return token.kind if token else ""

    # -- bounds

    def _bound_before(self, start: int) -> tuple[str, int]:
        """The bound phrase right before a char offset, and where it starts."""
        match = BOUND_RE.search(self.text, max(self.floor, start - 40), start)
        if match is None:
            return "", start
        return lex.BOUND_PHRASES[" ".join(match.group(1).lower().split())], match.start(1)

    def _bound_after(self, last: int) -> tuple[str, int]:
        """A bound phrase right after the hit ("oder mehr", "begrenzt") and the index after it."""
        for size in (2, 1):
            indices = range(last, last + size)
            if all(self.kind(k) == "word" and self.spaced(k - 1, k) for k in indices):
                phrase = " ".join(self.low(k) for k in indices)
                if phrase in lex.SUFFIX_BOUNDS:
                    return lex.SUFFIX_BOUNDS[phrase], last + size
        return "", last

    # -- resolutions

    def _resolution_pair(self, i: int) -> _Hit | None:
        """ "1024 × 768", "1.920x1.080 px", "1024 mal 768 Pixeln"."""
        if self.kind(i) != "num" or not self._free_before(i):
            return None
        width, joiner = lex.parse_grouped_int(self.toks[i].text), self.low(i + 1)
        if width is None or joiner not in lex.RESOLUTION_JOINERS or self.kind(i + 2) != "num":
            return None
        if not (self.near(i, i + 1) and self.near(i + 1, i + 2)):
            return None
        height, end = lex.parse_grouped_int(self.toks[i + 2].text), i + 3
        pixels = self.low(end) in lex.PIXEL_WORDS and self.near(end - 1, end)
        end += pixels
        if height is None or (joiner in lex.WORD_JOINERS or min(width, height) < 100) and not pixels:
            return None
        noun, end = self._glued_noun(end)
        return _Hit(i, end, "resolution", (width, height), "px", noun)

    def _resolution_name(self, i: int) -> _Hit | None:
        """Named formats: "Full HD", "Full-HD", "1080p", "4K-Videos", "XGA", "HD"."""
        if self.kind(i) not in ("num", "word") or not self._free_before(i):
            return None
        key, k, best = "", i, None
        for _ in range(3):
            key += self.low(k)
            single_upper = k == i and self.toks[i].text.isupper()
            if key in lex.RESOLUTION_NAMES and (key in CASE_FREE_NAMES or not key.isalpha() or single_upper):
                best = (key, k + 1)
            if self.is_link(k + 1):
                k += 2
            elif self.glued(k, k + 1) and self.kind(k + 1) in ("num", "word"):
                k += 1
            elif self.kind(k) == self.kind(k + 1) == "word" and self.spaced(k, k + 1):
                k += 1
            else:
                break
        if best is None or self.kind(best[1]) in ("num", "word") and self.glued(best[1] - 1, best[1]):
            return None
        noun, end = self._glued_noun(best[1])
        return _Hit(i, end, "resolution", lex.RESOLUTION_NAMES[best[0]], "px", noun)

    def _free_before(self, i: int) -> bool:
        """Token i does not continue a word, number or symbol before it."""
        prev = self.tok(i - 1)
        glued = prev is not None and self.glued(i - 1, i)
        return not (glued and (prev.kind in ("num", "word") or prev.text in GLUED_REJECT))

    def _glued_noun(self, end: int) -> tuple[str, int]:
        """The rest of a compound like "4K-Videos" or "60-Sekunden-Clips", and the index after it."""
        if not (self.is_link(end) and self.kind(end + 1) == "word"):
            return "", end
        first, last = self._chunk(end + 1)
        return self._span_text(first, last), last

    # -- vague phrases and compounds without digits

    def _vague(self, i: int) -> _Hit | None:
        """ "mehrere Minuten", "ein paar Sekunden", "a couple of hours", "Dutzende Videos", "hundreds of"."""
        with_article = self.low(i) in lex.ARTICLES[self.lang] and self.low(i + 1) in ("paar", "few", "couple")
        k = i + 1 if with_article else i
        word = self.low(k)
        if word in lex.VAGUE_WORDS[self.lang]:
            k += self.low(k + 1) == "of"
            unit = self._unit_at(k + 1)
            if unit is None or not self.spaced(k, k + 1):
                return None
            code, mult, end = unit
            low, high = lex.VAGUE_SPANS.get(code, lex.VAGUE_DEFAULT_SPAN)
            seconds = mult * lex.UNIT_SECONDS[code]
            return _Hit(i, end, "duration", lex.VAGUE_TYPICAL * seconds, code, "", "vague", low * seconds,
                        high * seconds)
        if word in lex.VAGUE_COUNTS and self.kind(i) == "word":
            low, high, typical = lex.VAGUE_COUNTS[word]
            noun = self._noun_after(k + 1 + (self.low(k + 1) in ("of", "von")))
            if noun is not None:
                return _Hit(i, noun[1], "count", typical, "", noun[0], "vague", low, high)
        return None

    def _long_word(self, i: int) -> _Hit | None:
        """ "tagelang", "stundenlangen", "for hours", "days-long"."""
        match = lex.LONG_WORD_RE.match(self.low(i))
        if match:
            return self._long_hit(i, i + 1, lex.LONG_WORD_UNITS[match.group(1)], self._next_noun(i + 1))
        unit = self._unit_at(i + 1) if self.low(i) == "for" and self.lang == "en" else None
        if unit and self.low(i + 1).endswith("s") and len(self.low(i + 1)) > 3 and self.spaced(i, i + 1):
            return self._long_hit(i + 1, i + 2, unit[0], "")
        return None

    @staticmethod
    def _long_hit(first: int, last: int, code: str, noun: str) -> _Hit:
        """A stretch of time of unspecified length in one unit."""
        low, high = lex.LONG_SPANS[code]
        seconds = lex.UNIT_SECONDS[code]
        return _Hit(first, last, "duration", lex.VAGUE_TYPICAL * seconds, code, noun, "vague", low * seconds,
                    high * seconds)

    def _adjective(self, i: int) -> _Hit | None:
        """ "einminütige", "zehnsekündige", "halbstündig", "minute-long", "hours-long"."""
        key = self.low(i)
        if self.lang == "en" and self.is_link(i + 1) and self.low(i + 2) == "long":
            unit = lex.UNIT_WORDS["en"].get(key)
            if unit is None or len(key) < 3 or not self._free_before(i):
                return None
            if key.endswith("s"):
                return self._long_hit(i, i + 3, unit[0], self._next_noun(i + 3))
            return _Hit(i, i + 3, "duration", lex.UNIT_SECONDS[unit[0]], unit[0], self._next_noun(i + 3))
        match = lex.ADJECTIVE_UNIT_RE.match(key) if self.lang == "de" else None
        if match is None or not match.group(1) or not self._free_before(i):
            return None
        prefix = match.group(1)
        value = lex.ADJECTIVE_PREFIXES.get(prefix) or parse_number(prefix, "de")
        if value is None:
            return None
        code = lex.ADJECTIVE_UNITS[match.group(2)]
        return _Hit(i, i + 1, "duration", value * lex.UNIT_SECONDS[code], code, self._next_noun(i + 1))

    # -- numbers

    def _number(self, i: int) -> _Hit | None:
        """A number and what it measures: a compound, a clock-style duration, a unit, a range or a noun."""
        read = self._read_number(i)
        if read is None:
            return None
        value, j, needs_unit = read
        if self.low(j) in HYPHENS and self.glued(j - 1, j):
            # "60-Sekunden-Clips" and "10-20 s" are quantities, "3-D-Animationen" is not.
            return self._compound(i, j, value) or self._range(i, j, value)
        if self.low(j) == ":" and self.glued(j - 1, j):
            return self._clock(i, j)
        hit = self._with_unit(i, j, value, needs_unit) or self._range(i, j, value)
        return hit or (None if needs_unit else self._count(i, j, value))

    def _read_number(self, i: int, after_hyphen: bool = False) -> tuple[float, int, bool] | None:
        """The longest number phrase at i: its value, the index after it, and whether it is only an article."""
        if self.kind(i) not in ("num", "word") or self.kind(i) == "num" and not self._digits_ok(i, after_hyphen):
            return None
        for end in reversed(self._phrase_ends(i)):
            phrase = self.text[self.toks[i].start:self.toks[end - 1].end]
            value = parse_number(phrase, self.lang)
            if value is not None:
                break
        else:
            return None
        if self.low(end - 1) in lex.ABBREVIATED_SCALES and self.low(end) == "." and self.glued(end - 1, end):
            end += 1
        only_article = set(phrase.lower().split()) <= lex.ARTICLES[self.lang] | lex.HALVES
        return value, end, only_article

    def _phrase_ends(self, i: int) -> list[int]:
        """Candidate end indices of a number phrase starting at i ("vier Dutzend", "twenty-five")."""
        ends, k = [i + 1], i
        while len(ends) < 6:
            if self.kind(k + 1) == "word" and self.spaced(k, k + 1):
                k += 1
            elif self.lang == "en" and self.is_link(k + 1) and self.kind(k) == self.kind(k + 2) == "word":
                k += 2
            else:
                break
            ends.append(k + 1)
        return ends

    def _digits_ok(self, i: int, after_hyphen: bool) -> bool:
        """Digits at i can be a quantity: not a year, ordinal, version, price, phone or code fragment."""
        text, prev, nxt = self.toks[i].text, self.tok(i - 1), self.tok(i + 1)
        if prev and self.glued(i - 1, i) and (prev.kind in ("num", "word") or prev.text in GLUED_REJECT
                                              and not (after_hyphen and prev.text in HYPHENS)):
            return False
        if prev and prev.text in lex.CURRENCY_SIGNS or self.kind(i - 1) == "num" and self.spaced(i - 1, i):
            return False
        glued_word = nxt is not None and nxt.kind == "word" and self._unit_at(i + 1) is None
        if self.glued(i, i + 1) and (glued_word or nxt.text == "."):
            return False  # "1E9", "2024er", or the ordinal "15. Juni"
        if self.kind(i + 1) == "num" and self.spaced(i, i + 1):
            return False  # digit groups like "030 1234 567"
        if nxt and nxt.text == "s" and self.low(i - 1) == "the":
            return False  # "the 90s"
        return not (len(text) > 1 and text[0] == "0" and text[1].isdigit()) and not YEAR_RE.fullmatch(text)

    def _unit_at(self, j: int) -> tuple[str, float, int] | None:
        """The time unit at j: (unit, multiplier, index after it, including an abbreviation dot)."""
        token = self.tok(j)
        if token is None or token.kind != "word" or not self.near(j - 1, j):
            return None
        key = token.text.lower()
        entry = lex.UNIT_WORDS[self.lang].get(key)
        if entry is None or key in lex.CASE_SENSITIVE_UNITS and token.text != key:
            return None
        end = j + 1
        end += key in lex.DOTTED_UNITS and self.low(end) == "." and self.glued(j, end)
        return entry[0], entry[1], end

    def _with_unit(self, i: int, j: int, value: float, needs_unit: bool) -> _Hit | None:
        """ "10 Sekunden", "einer halben Minute", "a minute and a half", "1 min 30 s", "30 s bis 2 min"."""
        kind = lex.UNIT_FILLERS.get(self.low(j))
        unit = self._unit_at(j + 1) if kind is not None and self.spaced(j, j + 1) else self._unit_at(j)
        if unit is None:
            return None
        code, mult, k = unit
        ordinal = self.low(k - 1) == "second" and self.kind(k) == "word" and self.low(k) not in lex.EN_STOP
        if needs_unit and ordinal:
            return None  # "a second video" is another video
        if needs_unit and (self.low(i - 1) in lex.RATE_WORDS or self.kind(i - 1) == "num"):
            return None  # "once a week", "$20 a month"
        amount = value * mult
        if self.lang == "en" and [self.low(k), self.low(k + 1), self.low(k + 2)] == ["and", "a", "half"]:
            amount, k = amount + 0.5 * mult, k + 3
        hit = _Hit(i, k, "duration", amount * lex.UNIT_SECONDS[code], code, self._long_noun(k),
                   article=needs_unit and value == 1, kind=kind or "")
        return self._extend_range(hit, k) or self._extend_sum(hit, k) or hit

    def _extend_range(self, hit: _Hit, k: int) -> _Hit | None:
        """Turn "30 Sekunden" into a range when "bis 2 Minuten" follows."""
        opener = self._opener(hit.first)
        if self.low(k) not in self._connectors(opener):
            return None
        read = self._read_number(k + 1, after_hyphen=True)
        unit = self._unit_at(read[1]) if read else None
        if unit is None or read[2] or read[0] * unit[1] * lex.UNIT_SECONDS[unit[0]] <= hit.value:
            return None
        high = read[0] * unit[1] * lex.UNIT_SECONDS[unit[0]]
        first = hit.first - 1 if opener else hit.first
        return _Hit(first, unit[2], "duration", high, unit[0], hit.noun, "range", hit.value, high)

    def _extend_sum(self, hit: _Hit, k: int) -> _Hit | None:
        """Add a smaller unit: "1 Minute und 30 Sekunden", "2 min 30 s"."""
        start = k + 1 if self.low(k) in ("und", "and", ",") else k
        read = self._read_number(start)
        unit = self._unit_at(read[1]) if read else None
        if unit is None or lex.UNIT_SECONDS[unit[0]] >= lex.UNIT_SECONDS[hit.unit]:
            return None
        value = hit.value + read[0] * unit[1] * lex.UNIT_SECONDS[unit[0]]
        return _Hit(hit.first, unit[2], "duration", value, hit.unit, hit.noun, article=False)

    def _opener(self, first: int) -> str:
        """ "zwischen", "between", "von", "from" right before token `first`, if not behind the floor."""
        word = self.low(first - 1)
        ahead_of_floor = first > 0 and self.toks[first - 1].start >= self.floor
        return word if word in lex.RANGE_OPENERS and self.spaced(first - 1, first) and ahead_of_floor else ""

    def _connectors(self, opener: str) -> frozenset[str]:
        """Words that join the two ends of a range; "und"/"and" only after "zwischen"/"between"."""
        extra = lex.BETWEEN_CONNECTORS.get(opener)
        return lex.RANGE_CONNECTORS[self.lang] | ({extra} if extra else set())

    def _range(self, i: int, j: int, low: float) -> _Hit | None:
        """ "10 bis 20 Sekunden", "10–20 s", "between two and three minutes", "drei oder vier Wölfe"."""
        opener = self._opener(i)
        if self.low(j) not in self._connectors(opener) or not self.near(j - 1, j):
            return None
        read = self._read_number(j + 1, after_hyphen=True)
        if read is None or read[2] or read[0] <= low or not self.near(j, j + 1):
            return None
        high, k, _ = read
        first = i - 1 if opener else i
        unit = self._unit_at(k)
        if unit is not None:
            seconds = unit[1] * lex.UNIT_SECONDS[unit[0]]
            return _Hit(first, unit[2], "duration", high * seconds, unit[0], self._long_noun(unit[2]), "range",
                        low * seconds, high * seconds)
        noun = None if self._designated(i) else self._noun_after(k)
        return _Hit(first, noun[1], "count", high, "", noun[0], "range", low, high) if noun else None

    def _clock(self, i: int, j: int) -> _Hit | None:
        """ "1:30 Minuten" is a duration; "21:40 Uhr" is a time of day and yields nothing."""
        if self.kind(j + 1) != "num" or not self.glued(j, j + 1) or len(self.toks[j + 1].text) != 2:
            return None
        unit = self._unit_at(j + 2)
        if unit is None or unit[0] not in ("min", "h") or not self.toks[i].text.isdigit():
            return None
        seconds = lex.UNIT_SECONDS[unit[0]]
        value = int(self.toks[i].text) * seconds + int(self.toks[j + 1].text) * seconds / 60
        return _Hit(i, unit[2], "duration", value, unit[0])

    def _compound(self, i: int, j: int, value: float) -> _Hit | None:
        """ "60-Sekunden-Clips", "90-second", "ten-second clips", "60-sekündige", "10-minute-long"."""
        if not self.is_link(j) or self.kind(j + 1) != "word":
            return None
        key = self.low(j + 1)
        code = lex.COMPOUND_UNITS[self.lang].get(key)
        adjective = lex.ADJECTIVE_UNIT_RE.match(key) if self.lang == "de" else None
        if code is None and adjective and not adjective.group(1):
            code = lex.ADJECTIVE_UNITS[adjective.group(2)]
        if code is None:
            return None
        end = j + 2
        if self.lang == "en" and self.is_link(end) and self.low(end + 1) == "long":
            end += 2
        noun, end = self._glued_noun(end)
        return _Hit(i, end, "duration", value * lex.UNIT_SECONDS[code], code, noun or self._next_noun(end))

    # -- counted nouns

    def _count(self, i: int, j: int, value: float) -> _Hit | None:
        """ "48 Videos", "48 von KI-produzierte Videos", "50 demo videos", "100 Millionen Menschen"."""
        noun = None if self._designated(i) else self._noun_after(j)
        return _Hit(i, noun[1], "count", value, "", noun[0]) if noun else None

    def _designated(self, i: int) -> bool:
        """The number names a model, part or date ("Sora 2", "DALL·E 3", "Teil 2", "December 9")."""
        prev = self.tok(i - 1)
        if prev is None or prev.kind != "word" or not self.spaced(i - 1, i):
            return False
        return prev.text.lower() in lex.DESIGNATORS or prev.text.isupper()

    def _chunk(self, k: int) -> tuple[int, int]:
        """The hyphen-joined word starting at token k ("KI-produzierte"), as [first, last)."""
        end = k + 1
        while self.is_link(end) and self.kind(end + 1) in ("word", "num"):
            end += 2
        return k, end

    def _span_text(self, first: int, last: int) -> str:
        """The text covered by tokens [first, last)."""
        return self.text[self.toks[first].start:self.toks[last - 1].end]

    def _noun_after(self, j: int) -> tuple[str, int] | None:
        """The counted noun within a few words after j, and the index after it."""
        between: list[int] = []
        k, needs_adjective = j, False
        for _ in range(5):
            if self.kind(k) != "word" or not self.spaced(k - 1, k):
                return None
            first, last = self._chunk(k)
            text, head = self._span_text(first, last).lower(), self.toks[last - 1].text
            if not needs_adjective and self._is_count_noun(text, head):
                return self._noun_text(between, first, last), last
            after_object = self._object_end(last) if text in lex.DE_PREPOSITIONS and self.lang == "de" else None
            if after_object is not None:
                # "50 mit Sora erzeugte Videos": the capitalised object belongs to a participle still to come.
                needs_adjective, last = True, after_object
            elif self._is_filler(text, head):
                needs_adjective = False
            else:
                return None
            between.append(first)
            k = last
        return None

    def _object_end(self, k: int) -> int | None:
        """After a German preposition at k-1: the index after its object (k itself if an adjective follows)."""
        if self.kind(k) != "word" or not self.spaced(k - 1, k):
            return None
        first, last = self._chunk(k)
        text = self._span_text(first, last).lower()
        if parse_number(text, "de") is not None:
            return None  # "drei von zehn Nutzern" counts the ten
        return k if self._is_filler(text, self.toks[last - 1].text) else last

    def _is_count_noun(self, text: str, head: str) -> bool:
        """German nouns are capitalised; English counted nouns are plural."""
        lower = head.lower()
        if {text, lower} & lex.NOT_COUNT_NOUNS or lower in lex.UNIT_WORDS[self.lang] or not head.isalpha():
            return False
        if self.lang == "de":
            return head[0].isupper()
        plural = len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
        return text not in lex.EN_STOP and (plural or lower in lex.EN_IRREGULAR_PLURALS)

    def _is_filler(self, text: str, head: str) -> bool:
        """A word that may stand between number and noun: adjectives, participles, "solcher"."""
        if parse_number(text, self.lang) is not None or head.lower() in lex.UNIT_WORDS[self.lang]:
            return False
        if self.lang == "en":
            return text not in lex.EN_STOP and text not in lex.NOT_COUNT_NOUNS
        adjective = head[0].islower() and re.search(r"(?:e|en|er|es|em)$", head) is not None
        return text in lex.DE_FILLERS or adjective and text not in lex.DE_STOP

    def _noun_text(self, between: list[int], first: int, last: int) -> str:
        """The noun as written; English keeps noun modifiers ("demo videos") but drops adjectives."""
        if self.lang == "de":
            return self._span_text(first, last)
        kept = [k for k in between if not self._is_adjective(self.low(self._chunk(k)[1] - 1))]
        return self._span_text(kept[0] if kept else first, last)

    @staticmethod
    def _is_adjective(word: str) -> bool:
        """An English word that qualifies the noun rather than naming it."""
        return word in lex.EN_ADJECTIVES or word.endswith(lex.EN_ADJECTIVE_ENDINGS)

    def _next_noun(self, k: int) -> str:
        """The word a compound quantity qualifies ("einminütige Clips", "ten-second clips"), if any."""
        if self.kind(k) != "word" or not self.spaced(k - 1, k):
            return ""
        first, last = self._chunk(k)
        text, head = self._span_text(first, last), self.toks[last - 1].text
        if self.lang == "de":
            return text if head[0].isupper() and head.lower() not in lex.NOT_COUNT_NOUNS else ""
        return text if text.lower() not in lex.EN_STOP and parse_number(text, "en") is None else ""

    def _long_noun(self, k: int) -> str:
        """ "zehn Sekunden lange Videos" qualifies "Videos"."""
        if self.lang == "de" and re.fullmatch(r"lang(?:e|en|er|es|em)", self.low(k)) and self.spaced(k - 1, k):
            return self._next_noun(k + 1)
        return ""
