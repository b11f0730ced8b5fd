"""Find date expressions in German and English prose and resolve each to an interval of days.

Every shape in `date_words.TEMPLATES` is one regular expression built from the word tables there; each
runs over the text if the text holds one of the shape's anchors (a month, a year, "Woche", ...), each
match is read into an interval here, and the longest matches win.
A weekday alone is the latest such day on or before the reference; "letzten"/"last" make that strictly
before, "kommenden"/"next" strictly after. A month, season or quarter without a year is taken in the
reference year (the current winter in January), unless that lies more than four months after the
reference: then it is last year's (see _lean_to_past).
Ranges: when the first end of a range leans on the second for its month or year ("vom 1. bis 15. März",
"March 1–15, 2024", "Januar bis März 2024") the range is one mention covering both ends; two complete
dates ("2023 bis 2024", "1. März 2024 bis 15. April 2024") stay two mentions.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple, TypeVar

from linter.claims import date_words as W
from linter.claims.predicates import words as text_words
from linter.claims.tokens import FILE_EXTENSIONS, SpanSet

ONE_DAY = dt.timedelta(days=1)
T = TypeVar("T")


# a named tuple, not a frozen dataclass: immutable alike, and built in one call where a frozen
# dataclass sets each field with object.__setattr__ (see claims/quantities.Quantity)
class DateMention(NamedTuple):
    """One date expression and the inclusive interval of days it denotes."""

    start: int
    end: int
    text: str
    first: dt.date
    last: dt.date
    granularity: str  # "day" | "week" | "month" | "season" | "quarter" | "year" | "weekday"
    weekday: int | None  # 0=Monday..6=Sunday when a weekday is named
    relative: bool  # resolved against the reference date
    explicit_year: bool  # the year was written, in four or two digits


@dataclass(frozen=True, slots=True)
class _Span:
    """An interval read from one match, before it is placed in the text."""

    first: dt.date
    last: dt.date
    granularity: str
    weekday: int | None = None
    relative: bool = False
    explicit_year: bool = False


# Paths, file names and code-like runs are no prose ("2024-sora.png", "openai.com/sora/2024").
# Each alternative is a whole whitespace-delimited run, tried only where a run starts (see tokens.OPAQUE_RE);
# "a letter, later a slash, later a letter" is spelt so that no two quantifiers can take the same
# character (non-letters up to the first letter, non-slashes up to the first slash, ...): written as
# \S*[^\W\d_]\S*/\S*[^\W\d_]\S* it backtracked cubically on a long run without a slash.
_NON_LETTER = r"(?:[^\w\s]|[\d_])"
OPAQUE_RE = re.compile(rf"(?<!\S)(?:\S*(?:://|[\\_=@])\S*|\S+\.{FILE_EXTENSIONS}\S*"
                       rf"|{_NON_LETTER}*[^\W\d_][^\s/]*/{_NON_LETTER}*[^\W\d_]\S*)", re.IGNORECASE)
# Every opaque run holds one of these marks (each branch of OPAQUE_RE needs one: "://" holds a slash), and
# most sentences none; a sentence's closing period is none. Searched as tokens.hint_search is: one class
# first, the rest checked behind it.
_OPAQUE_HINT = re.compile(rf"[\\_=@/.](?:(?<=[\\_=@/])|(?<=\.)(?i:{FILE_EXTENSIONS}))")
NEXT_WORD_RE = re.compile(r"\s*([%€$×*]|[^\W\d_][\w-]*)")


def find_dates(text: str, lang: str = "de", reference: dt.date | None = None,
               words: list[tuple[str, int, int]] | None = None) -> list[DateMention]:
    """All date expressions in a sentence, left to right, non-overlapping. `words`: the sentence's words
    (claims/predicates.words), when the caller has them."""
    lang = lang if lang in W.LANGS else "de"
    # Most sentences hold no anchor of any shape (a digit, a month, "Woche", ...) and need no search at all:
    # their words tell.
    patterns = W.patterns_for(text, lang, text_words(text) if words is None else words)
    return _find(text, lang, reference, patterns) if patterns else []


def find_dates_everywhere(text: str, lang: str = "de", reference: dt.date | None = None) -> list[DateMention]:
    """`find_dates` searching with every shape: the reference its anchors are tested against."""
    lang = lang if lang in W.LANGS else "de"
    return _find(text, lang, reference, W.patterns(lang))


def _find(text: str, lang: str, reference: dt.date | None, patterns: Iterable[re.Pattern[str]]
          ) -> list[DateMention]:
    """The date expressions these shapes find, the longest of overlapping ones."""
    ref = reference or dt.date.today()
    opaque: SpanSet | None = None  # found on the first match: most sentences have none
    found: list[DateMention] = []
    for pattern in patterns:
        for match in pattern.finditer(text):
            if opaque is None:
                opaque = SpanSet([m.span() for m in OPAQUE_RE.finditer(text)] if _OPAQUE_HINT.search(text) else [])
            if opaque.overlaps(match.start(), match.end()):
                continue
            reader = _Reader(match, lang, ref)
            try:
                span = reader.read()
            except (ValueError, OverflowError):  # beyond the calendar (years 1-9999): no date to compare
                span = None
            if span is not None:
                mention = DateMention(match.start(), match.end(), match.group(), span.first, span.last,
                                      span.granularity, span.weekday, span.relative, span.explicit_year)
                written = any(reader.g.get(name) for name in _YEAR_GROUPS)
                found.append(mention if written else _lean_to_past(mention, ref))
    if len(found) < 2:  # nothing overlaps, nothing to join
        return found
    return _merge_anniversaries(_longest_first(found), text, ref)


_TODAY_WORDS = {"today", "heute"}


def _merge_anniversaries(mentions: list[DateMention], text: str, ref: dt.date) -> list[DateMention]:
    """"A year ago today" / "heute vor einem Jahr" is one day: the reference moved back by that offset."""
    merged: list[DateMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        pair = (previous, mention) if previous and text[previous.end:mention.start].strip(" ,") == "" else None
        today = [m for m in pair or () if W.fold(m.text) in _TODAY_WORDS]
        offset = [m for m in pair or () if W.fold(m.text) not in _TODAY_WORDS and m.relative
                  and m.granularity in ("year", "month") and m.last < ref]
        if today and offset:
            day = _back_by(offset[0], ref)
            if day is not None:
                merged[-1] = DateMention(previous.start, mention.end, text[previous.start:mention.end], day, day,
                                         "day", None, True, False)
                continue
        merged.append(mention)
    return merged


def _back_by(offset: DateMention, ref: dt.date) -> dt.date | None:
    """The reference moved back by as many years (or months) as `offset` lies before it."""
    day = ref
    if offset.granularity == "year":
        years, months = ref.year - offset.first.year, 0
    else:
        years, months = 0, (ref.year - offset.first.year) * 12 + ref.month - offset.first.month
    month_index = day.year * 12 + day.month - 1 - months - years * 12
    try:
        return day.replace(year=month_index // 12, month=month_index % 12 + 1)
    except ValueError:  # 29 February, 31st of a shorter month
        return None


# A month named without a year more than this far after the draft's date is last year's: drafts
# report far more often than they announce ("im November" in a February draft is the past November).
_FUTURE_REACH = dt.timedelta(days=120)
_YEAR_GROUPS = {"year", "yy", "ymod", "yself", "ygen"}   # a year was written, absolutely or relatively


def _lean_to_past(mention: DateMention, ref: dt.date) -> DateMention:
    """Move a yearless month, season or day that would lie far in the future back by one year."""
    if mention.explicit_year or not mention.relative or mention.granularity in ("weekday", "week", "year"):
        return mention
    if mention.first - ref <= _FUTURE_REACH:
        return mention
    try:
        first, last = mention.first.replace(year=mention.first.year - 1), mention.last.replace(year=mention.last.year - 1)
    except ValueError:  # 29 February
        return mention
    return DateMention(mention.start, mention.end, mention.text, first, last, mention.granularity,
                       mention.weekday, mention.relative, mention.explicit_year)


def _longest_first(found: list[DateMention]) -> list[DateMention]:
    """Keep the longest of overlapping mentions, then order them by position."""
    kept: list[DateMention] = []
    for mention in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if all(mention.end <= other.start or other.end <= mention.start for other in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


# -- calendar helpers

def _month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _shift(year: int, month: int, months: int) -> tuple[int, int]:
    """Move a (year, month) by a number of months."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _date(year: int, month: int, day: int) -> dt.date | None:
    """A calendar date, or None if it does not exist (31 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _pick(instances: list[tuple[dt.date, dt.date]], offset: int, ref: dt.date) -> tuple[dt.date, dt.date]:
    """The instance a modifier names: the last one over (-1), the next one (+1), or the current one (0)."""
    if offset < 0:
        return [i for i in instances if i[1] < ref][-1]
    if offset > 0:
        return [i for i in instances if i[0] > ref][0]
    current = [i for i in instances if i[0] <= ref <= i[1]] or [i for i in instances if i[0].year == ref.year]
    return current[0]


def _norm(text: str) -> str:
    """Lowercase a matched phrase and collapse its whitespace ("The  end of" -> "the end of")."""
    return " ".join(W.fold(text).split())


def _key(word: str, table: Mapping[str, object], lang: str) -> str:
    """The table key for a word: the word itself, or for German the longest stem it starts with."""
    key = _norm(word)
    stems = [s for s in table if lang == "de" and key.startswith(s)]
    return key if key in table or not stems else max(stems, key=len)


def _lookup(word: str, table: Mapping[str, T], lang: str) -> T:
    """A table value by exact word or German stem ("letzten" -> table["letzt"])."""
    return table[_key(word, table, lang)]


class _Reader:
    """Read the groups of one match into an interval, or reject the match."""

    def __init__(self, match: re.Match[str], lang: str, ref: dt.date) -> None:
        self.match, self.lang, self.ref = match, lang, ref
        self.g = {k: v for k, v in match.groupdict().items() if v is not None}

    # The group that decides which reader applies, most specific first; a year alone is the fallback.
    READERS: tuple[tuple[str, str], ...] = (
        ("dword", "_day_word"), ("agounit", "_ago"), ("runit", "_rel"), ("rself", "_rel"), ("day", "_day"),
        ("sa", "_day"), ("qword", "_quarter"), ("qnum", "_quarter"), ("half", "_half"), ("hnum", "_half"),
        ("season", "_season"), ("mon", "_month"), ("mnum", "_month"), ("pmonth", "_part_month"),
        ("wd", "_weekday"))

    def read(self) -> _Span | None:
        """Dispatch on the most specific group present."""
        if not self._words_ok():
            return None
        name = next((reader for group, reader in self.READERS if group in self.g), "_year_span")
        return getattr(self, name)()

    # -- validation

    def _words_ok(self) -> bool:
        """Names are capitalised, ambiguous month names have context, "Q4"/"H1" are upper case."""
        g, text = self.g, self.match.string
        names = [g.get("mon"), g.get("mon0"), g.get("wd"), g.get("season") if self.lang == "de" else None]
        if any(name and not name[0].isupper() for name in names):
            return False
        for key in ("qnum", "hnum"):
            if key in g and not text[self.match.start(key) - 1].isupper():
                return False
        return "mon" not in g or self._month_context_ok(W.fold(g["mon"].rstrip(".")))

    def _month_context_ok(self, month: str) -> bool:
        """Abbreviations need a day or year; "May", "March", "August" alone need a preposition or modifier."""
        g = self.g
        if "day" in g or self._has_year() or "mon0" in g:
            return True
        if month in W.ABBREVIATIONS:
            return False
        prep = _norm(g.get("prep", ""))
        return month not in W.NEEDS_CONTEXT[self.lang] or prep in W.CONTEXT_PREPS or "part" in g or "mmod" in g

    def _has_year(self) -> bool:
        """Some year anchor was written, absolute or relative."""
        return any(k in self.g for k in ("year", "yy", "ymod", "yself", "ygen"))

    def _year(self) -> tuple[int | None, bool, bool]:
        """The year anchor: (year or None, written explicitly, relative to the reference)."""
        g = self.g
        if "year" in g:
            return int(g["year"]), True, False
        if "yy" in g:
            two = int(g["yy"])
            return (2000 + two if two < 70 else 1900 + two), True, False
        if "ymod" in g:
            return self.ref.year + self._offset(g["ymod"]), False, True
        if "yself" in g:
            return self.ref.year + W.REL_SELF[W.fold(g["yself"])][1], False, True
        return (self.ref.year, False, True) if "ygen" in g else (None, False, False)

    def _offset(self, word: str) -> int:
        """The offset of a relative modifier ("letzten" -> -1)."""
        return _lookup(word, W.REL_MODS[self.lang], self.lang)

    def _month_no(self, key: str) -> int | None:
        """The month number of a month-name group."""
        name = self.g.get(key)
        return W.MONTHS[self.lang][W.fold(name.rstrip("."))] if name else None

    def _range_ok(self) -> bool:
        """ "und"/"and" joins a range only after "zwischen"/"between" or a dotted day ("26. und 27.")."""
        return W.fold(self.g.get("conn", "")) not in W.AND_WORDS or "open" in self.g or "dot0" in self.g

    # -- shapes

    def _day(self) -> _Span | None:
        """A calendar day, a day range, or a weekday with its date."""
        g, ref = self.g, self.ref
        year, explicit, relative = self._year()
        if "sa" in g:
            month, day = (int(g["sa"]), int(g["sb"])) if self.lang == "en" else (int(g["sb"]), int(g["sa"]))
            month, day = (day, month) if month > 12 else (month, day)
        else:
            month, day = self._month_no("mon") or self._month_no("mon0") or int(g["mnum"]), int(g["day"])
        if ("mnum" in g or "sa" in g) and self._word_before() in W.VERSION_WORDS:
            return None  # "Kapitel 2.3.24"
        if "mnum" in g and year is None and "prep" not in g and "wd" not in g:
            return None  # "1.2." alone is a version or a list number
        if year is None:
            year, relative = ref.year, True
        last = _date(year, month, day)
        first = last
        if last and "day0" in g:
            if not self._range_ok() or self.lang == "de" and not ({"mon0", "dot0", "open"} & g.keys()):
                return None
            month0 = self._month_no("mon0") or month
            first = _date(year, month0, int(g["day0"]))
            if first and first > last and "mon0" in g:
                first = _date(year - 1, month0, int(g["day0"]))
        if not first or not last or first > last:
            return None
        weekday = W.WEEKDAYS[self.lang][W.fold(g["wd"])] if "wd" in g else None
        return _Span(first, last, "day", weekday, relative, explicit)

    def _month(self) -> _Span | None:
        """A month, a part of one ("Mitte Februar"), or a month range ("Januar bis März 2024")."""
        g, month = self.g, self._month_no("mon") or int(self.g["mnum"])
        year, explicit, relative = self._year()
        if year is None:
            offset = self._offset(g["mmod"]) if "mmod" in g else 0
            years = range(self.ref.year - 1, self.ref.year + 2)
            year = _pick([(dt.date(y, month, 1), _month_end(y, month)) for y in years], offset, self.ref)[0].year
            relative = True
        first, last = dt.date(year, month, 1), _month_end(year, month)
        if "mon0" in g:
            if not self._range_ok():
                return None
            month0 = self._month_no("mon0")
            first = dt.date(year if month0 <= month else year - 1, month0, 1)
        if "part" in g:
            low, high = W.MONTH_PART_DAYS[W.PARTS[self.lang][_norm(g["part"])]]
            first, last = dt.date(year, month, low), min(last, dt.date(year, month, min(high, last.day)))
        return _Span(first, last, "month", None, relative, explicit)

    def _part_month(self) -> _Span:
        """ "Ende des Monats", "the end of last month": a part of a month relative to the reference."""
        offset = self._offset(self.g["pmod"]) if "pmod" in self.g else 0
        year, month = _shift(self.ref.year, self.ref.month, offset)
        low, high = W.MONTH_PART_DAYS[W.PARTS[self.lang][_norm(self.g["part"])]]
        end = _month_end(year, month)
        return _Span(dt.date(year, month, low), min(end, dt.date(year, month, min(high, end.day))), "month",
                     relative=True)

    def _season(self) -> _Span | None:
        """ "Sommer 2025", "im Herbst", "this summer", "late summer"; winter runs into the next year."""
        g = self.g
        name = W.fold(g["season"])
        year, explicit, relative = self._year()
        anchored = year is not None or "smod" in g or "part" in g
        if not (anchored or "prep" in g) or name in W.VERB_SEASONS and not (anchored or "art" in g):
            return None  # "the summer blockbuster", "prices fall", "Sommer-Kampagne"
        start = W.SEASONS[self.lang][name]

        def instance(y: int) -> tuple[dt.date, dt.date]:
            return dt.date(y, start, 1), _month_end(*_shift(y, start, 2))

        if year is None:
            offset = self._offset(g["smod"]) if "smod" in g else 0
            first, last = _pick([instance(y) for y in range(self.ref.year - 2, self.ref.year + 2)], offset, self.ref)
            relative = True
        else:
            first, last = instance(year)
        if "part" in g:
            which = W.SEASON_PART_MONTHS[W.PARTS[self.lang][_norm(g["part"])]]
            y, m = _shift(first.year, first.month, which)
            first, last = dt.date(y, m, 1), _month_end(y, m)
        return _Span(first, last, "season", None, relative, explicit)

    def _quarter(self) -> _Span | None:
        """ "Q4 2024", "im vierten Quartal", "in the fourth quarter of 2024"."""
        g = self.g
        year, explicit, relative = self._year()
        key = _key(g.get("qword", ""), W.QUARTERS[self.lang], self.lang)
        if year is None and key in W.LAST_QUARTER_WORDS:
            return None  # "im letzten Quartal" is the previous quarter, which we do not guess
        quarter = int(g["qnum"]) if "qnum" in g else W.QUARTERS[self.lang][key]
        year, relative = (self.ref.year, True) if year is None else (year, relative)
        return _Span(dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter), "quarter", None, relative,
                     explicit)

    def _half(self) -> _Span | None:
        """ "im ersten Halbjahr 2025", "H2 2024", "the second half of 2024": half a year."""
        g = self.g
        year, explicit, relative = self._year()
        if year is None and W.fold(g.get("hnoun", "")) in W.BARE_HALF_NOUNS:
            return None  # "the second half" of a match
        half = int(g["hnum"]) if "hnum" in g else _lookup(g["half"], W.HALVES[self.lang], self.lang)
        year, relative = (self.ref.year, True) if year is None else (year, relative)
        return _Span(dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half), "year", None, relative, explicit)

    def _year_span(self) -> _Span | None:
        """A year or a part of one: "2024", "im Jahr 2024", "Ende 2024", "mid-2024", "dieses Jahr"."""
        g = self.g
        year, explicit, relative = self._year()
        part_word = g.get("part") or g.get("ypart")
        if year is None and "ypart" in g:
            year, relative = self.ref.year, True
        if year is None or "ygen" in g and not part_word or not self._bare_year_ok():
            return None
        first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        if part_word:
            table = W.PARTS if "part" in g else W.YEAR_PART_WORDS
            low, high = W.YEAR_PART_MONTHS[table[self.lang][_norm(part_word)]]
            first, last = dt.date(year, low, 1), _month_end(year, high)
        return _Span(first, last, "year", None, relative, explicit)

    def _bare_year_ok(self) -> bool:
        """A lone four-digit year is no count, price or version ("rund 2000 Nutzer", "2048 Pixel")."""
        match, text = self.match, self.match.string
        if "year" not in self.g or self.g["year"] != text[match.start("year"):match.end()]:
            return True
        after = NEXT_WORD_RE.match(text, match.end())
        if after and after.group(1).lower() in W.NOT_YEAR_AFTER:
            return False
        # the two words before, or the last of them, one of the table's words or phrases (two words at most)
        before = self._word_before(2)
        return "prep" in self.g or not (before in W.NOT_YEAR_BEFORE or before.rpartition(" ")[2] in W.NOT_YEAR_BEFORE)

    def _word_before(self, count: int = 1) -> str:
        """The last `count` words before the match, lowercased, without trailing dots."""
        words = self.match.string[max(0, self.match.start() - 30):self.match.start()].lower().split()
        return " ".join(w.strip(".:") for w in words[-count:])

    def _weekday(self) -> _Span:
        """A weekday resolved to one date: the latest on or before the reference unless a modifier says else."""
        g, ref = self.g, self.ref
        weekday = W.WEEKDAYS[self.lang][W.fold(g["wd"])]
        monday = ref - dt.timedelta(days=ref.weekday())
        mode = _lookup(g["wmod"], W.WEEKDAY_MODS[self.lang], self.lang) if "wmod" in g else "today"
        if "wkmod" in g:
            day = monday + dt.timedelta(days=7 * self._offset(g["wkmod"]) + weekday)
        elif mode == "week":
            day = monday + dt.timedelta(days=weekday)
        elif mode == "after":
            day = ref + ONE_DAY + dt.timedelta(days=(weekday - ref.weekday() - 1) % 7)
        else:
            anchor = ref - ONE_DAY if mode == "before" else ref
            day = anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)
        return _Span(day, day, "weekday", weekday, True, False)

    def _day_word(self) -> _Span | None:
        """ "heute", "gestern Abend", "tomorrow"; capitalised "Morgen" is the morning unless it opens the text."""
        g, match = self.g, self.match
        word = _norm(g["dword"])
        opens_text = not match.string[:match.start()].strip(" \t\"'„“‚‘»«*_>")
        if word == "morgen" and ("prep" in g or g["dword"][0].isupper() and not opens_text):
            return None  # "am Morgen", "Am Morgen war ...": the morning
        day = self.ref + dt.timedelta(days=W.DAY_WORDS[self.lang][word])
        return _Span(day, day, "day", relative=True)

    def _ago(self) -> _Span:
        """ "vor zwei Wochen", "three days ago": the day, week, month or year that far back."""
        g, ref = self.g, self.ref
        amount = int(g["n"]) if g["n"].isdigit() else W.NUMBERS[self.lang][W.fold(g["n"])]
        return self._period(W.AGO_UNITS[W.fold(g["agounit"])], -amount, ref)

    def _rel(self) -> _Span:
        """ "letzte Woche", "im Vormonat", "earlier this year": a calendar period near the reference."""
        g = self.g
        if "rself" in g:
            unit, offset = W.REL_SELF[W.fold(g["rself"])]
        else:
            unit, offset = W.REL_UNITS[W.fold(g["runit"])], self._offset(g["rmod"])
        span = self._period(unit, offset, self.ref)
        clip = W.fold(g.get("clip", ""))
        if clip == "earlier":
            return _Span(span.first, min(span.last, self.ref), span.granularity, relative=True)
        if clip == "later":
            return _Span(max(span.first, self.ref), span.last, span.granularity, relative=True)
        return span

    @staticmethod
    def _period(unit: str, offset: int, ref: dt.date) -> _Span:
        """The calendar day, week, month or year `offset` units away from the reference."""
        if unit == "day":
            day = ref + dt.timedelta(days=offset)
            return _Span(day, day, "day", relative=True)
        if unit == "week":
            # "vor zwei Wochen" is the week holding the day 14 days back; "letzte Woche" the week before.
            monday = ref - dt.timedelta(days=ref.weekday()) + dt.timedelta(weeks=offset)
            return _Span(monday, monday + dt.timedelta(days=6), "week", relative=True)
        if unit == "month":
            year, month = _shift(ref.year, ref.month, offset)
            return _Span(dt.date(year, month, 1), _month_end(year, month), "month", relative=True)
        return _Span(dt.date(ref.year + offset, 1, 1), dt.date(ref.year + offset, 12, 31), "year", relative=True)
