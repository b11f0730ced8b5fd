"""The words and shapes of German and English date expressions: plain tables, and the patterns built from them."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from linter.lexicon import PREFILTER_FROM
from linter import literals
from linter.literals import LOWER_KEEPS_APART, may_match, required_literals

LANGS = ("de", "en")

MONTHS: dict[str, dict[str, int]] = {
    "de": {
        "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feber": 2, "febr": 2, "feb": 2, "märz": 3, "mrz": 3,
        "april": 4, "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
        "september": 9, "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
        "dezember": 12, "dez": 12},
    "en": {
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
        "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
        "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
        "dec": 12},
}
# Abbreviations take an optional dot and stand only next to a day or a year ("Feb. 15", "Dez. 2023"):
# alone, "Mar", "Jan" or "Dez" are too often something else.
ABBREVIATIONS = frozenset({"jan", "feb", "febr", "mrz", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                           "okt", "oct", "nov", "dez", "dec"})
# Month names that are also verbs or first names ("may", "march", "August Diehl") count alone only with a
# preposition, a modifier or a part word before them.
NEEDS_CONTEXT: dict[str, frozenset[str]] = {
    "de": frozenset({"august"}),
    "en": frozenset({"may", "march", "april", "june", "august"}),
}
CONTEXT_PREPS = frozenset({"in", "on", "since", "until", "till", "by", "from", "during", "through", "of",
                           "im", "seit", "bis", "ab", "vom", "zum", "bis zum", "ab dem", "seit dem", "gegen"})

WEEKDAYS: dict[str, dict[str, int]] = {
    "de": {"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
           "sonnabend": 5, "sonntag": 6},
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6},
}
# How a modifier picks one weekday: the latest strictly "before" the reference day, the first strictly
# "after" it, the one in the reference "week", or the latest on or before it ("today", also the default).
# "last Tuesday" said on a Tuesday means a week ago, and "am gestrigen Dienstag" is never the reference day.
WEEKDAY_MODS: dict[str, dict[str, str]] = {
    "de": {"gestrig": "before", "heutig": "today", "morgig": "after", "letzt": "before", "vergangen": "before",
           "vorig": "before", "kommend": "after", "nächst": "after", "dies": "week"},
    "en": {"this past": "before", "past": "before", "last": "before", "this coming": "after",
           "coming": "after", "next": "after", "this": "week"},
}
# Modifier stems for weeks, months, seasons and years -> offset in that unit. German stems take endings.
REL_MODS: dict[str, dict[str, int]] = {
    "de": {"dies": 0, "laufend": 0, "letzt": -1, "vergangen": -1, "vorig": -1, "nächst": 1, "kommend": 1},
    "en": {"this": 0, "last": -1, "next": 1, "coming": 1},
}
GERMAN_ENDINGS = r"(?:e|en|er|es|em)?"
# Nouns that carry their own offset: "in der Vorwoche", "im Vorjahr", Austrian "heuer".
REL_SELF: dict[str, tuple[str, int]] = {
    "vorwoche": ("week", -1), "vormonat": ("month", -1), "vormonats": ("month", -1),
    "vorjahr": ("year", -1), "vorjahres": ("year", -1), "vorjahrs": ("year", -1), "heuer": ("year", 0),
}
REL_UNITS: dict[str, str] = {"woche": "week", "week": "week", "monat": "month", "monats": "month",
                             "monates": "month", "month": "month", "jahr": "year", "year": "year"}

DAY_WORDS: dict[str, dict[str, int]] = {
    "de": {"heute": 0, "gestern": -1, "vorgestern": -2, "morgen": 1, "übermorgen": 2},
    "en": {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
           "yesterday": -1, "last night": -1, "the day before yesterday": -2, "tomorrow": 1,
           "the day after tomorrow": 2},
}
DAY_PARTS: dict[str, tuple[str, ...]] = {
    "de": ("morgen", "früh", "vormittag", "mittag", "nachmittag", "abend", "nacht"),
    "en": ("morning", "afternoon", "evening", "night"),
}

SEASONS: dict[str, dict[str, int]] = {  # name -> first month
    "de": {"frühling": 3, "frühlings": 3, "frühjahr": 3, "frühjahrs": 3, "sommer": 6, "sommers": 6,
           "herbst": 9, "herbstes": 9, "herbsts": 9, "winter": 12, "winters": 12},
    "en": {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12},
}
VERB_SEASONS = frozenset({"fall"})  # "in fall" may be a verb phrase: needs a year, a modifier or "the"

PARTS: dict[str, dict[str, str]] = {
    "de": {"anfang": "early", "beginn": "early", "mitte": "mid", "ende": "late"},
    "en": {"early": "early", "the beginning of": "early", "beginning of": "early", "the start of": "early",
           "start of": "early", "mid": "mid", "the middle of": "mid", "middle of": "mid", "late": "late",
           "the end of": "late", "end of": "late"},
}
YEAR_PART_WORDS: dict[str, dict[str, str]] = {
    "de": {"jahresanfang": "early", "jahresbeginn": "early", "jahresmitte": "mid", "jahresende": "late"},
    "en": {"year-end": "late", "year's end": "late"},
}
# Month spans of a year's parts, and day spans of a month's parts (31 is cut to the month's length).
YEAR_PART_MONTHS: dict[str, tuple[int, int]] = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
MONTH_PART_DAYS: dict[str, tuple[int, int]] = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
SEASON_PART_MONTHS: dict[str, int] = {"early": 0, "mid": 1, "late": 2}  # which month of the three

QUARTERS: dict[str, dict[str, int]] = {
    "de": {"erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "letzt": 4, "1.": 1, "2.": 2, "3.": 3, "4.": 4},
    "en": {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
           "final": 4, "last": 4},
}
# "im letzten Quartal" alone is the previous quarter, not Q4: these need a year.
LAST_QUARTER_WORDS = frozenset({"letzt", "final", "last"})
# The noun after a quarter's ordinal; the shape is shared, so either language's noun counts in both.
QUARTER_NOUNS = ("quartal", "quartals", "quartales", "quarter")
HALVES: dict[str, dict[str, int]] = {"de": {"erst": 1, "zweit": 2}, "en": {"first": 1, "second": 2}}
HALF_NOUNS: dict[str, tuple[str, ...]] = {
    "de": ("halbjahres", "halbjahrs", "halbjahr", "jahreshälfte", "hälfte"), "en": ("half",)}
BARE_HALF_NOUNS = frozenset({"hälfte", "half"})  # "the second half" needs a year to be a date

NUMBERS: dict[str, dict[str, int]] = {
    "de": {"ein": 1, "eine": 1, "einem": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4,
           "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12},
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12},
}
AGO_UNITS: dict[str, str] = {"tag": "day", "tage": "day", "tagen": "day", "day": "day", "days": "day",
                             "woche": "week", "wochen": "week", "week": "week", "weeks": "week",
                             "monat": "month", "monate": "month", "monaten": "month", "month": "month",
                             "months": "month", "jahr": "year", "jahre": "year", "jahren": "year",
                             "year": "year", "years": "year"}

# Words included in a mention's span when they stand right before it ("am 15. Februar", "by the end of").
PREPS: dict[str, tuple[str, ...]] = {
    "de": ("am", "im", "in", "seit", "seit dem", "bis", "bis zum", "ab", "ab dem", "vom", "zum", "gegen",
           "vor dem", "nach dem"),
    "en": ("on", "in", "since", "until", "till", "by", "from", "during", "through", "at", "before", "after"),
}
OPENERS: dict[str, tuple[str, ...]] = {"de": ("vom", "von", "zwischen dem", "zwischen"), "en": ("from", "between")}
CONNECTORS: dict[str, tuple[str, ...]] = {
    "de": ("bis zum", "bis", "und", "–", "—", "-"),
    "en": ("through", "until", "till", "to", "and", "–", "—", "-")}
AND_WORDS = frozenset({"und", "and"})  # join a range only after "zwischen"/"between" or a dotted day

# Numbers after these words are versions or sections, not dates ("Kapitel 2.3.24", "Windows 2000").
VERSION_WORDS = frozenset({"version", "release", "build", "windows", "office", "nr", "no", "nummer", "number",
                           "seite", "page", "kapitel", "chapter", "abschnitt", "section", "paragraf", "teil", "part"})
# A bare 1900-2099 number is a year unless these surround it ("rund 2000 Nutzer", "2048 Pixel", "1920 × 1080").
NOT_YEAR_BEFORE = VERSION_WORDS | frozenset({
    "rund", "etwa", "ca", "circa", "über", "fast", "knapp", "mehr als", "weniger als", "bis zu", "about",
    "around", "over", "nearly", "almost", "some", "approximately", "more than", "less than", "up to", "top"})
NOT_YEAR_AFTER = frozenset({
    "%", "€", "$", "x", "×", "*", "prozent", "percent", "euro", "dollar", "dollars", "us-dollar", "usd", "eur",
    "pixel", "pixeln", "pixels", "px", "mal", "times", "jahre", "jahren", "years", "tage", "tagen", "days",
    "stunden", "hours", "minuten", "minutes", "sekunden", "seconds", "wochen", "weeks", "monate", "monaten",
    "months", "fps", "mb", "gb", "tb", "kb", "hz", "mhz", "km", "meter", "punkte", "points"})

# Shapes as %-templates over the fragments of `_fragments`; a language tag of "*" means both languages.
# Group names are shared, so one reader turns any shape into an interval.
# Each shape also names its anchors, of which every match must contain one: a sentence holding none of
# them is not searched with the shape (see `patterns_for`); "a+b" is an anchor made of two, both of which
# every match contains. The anchors, and the part of a shape carrying them that the shape does not make
# optional: "year" a year in digits (YN, or Y's digits); "isodate" the "2024-02" of "2024-02-15"; "hnum"
# "H1"; "digit" a run of one or two digits (D); "slash" the "11/26" of "11/26/2024"; "dot" the "15.02" of
# "15.02.2024"; "qnum" "Q4"; "part" PART; "month" M; "months" M0, CONN and M of a range; "weekday" WD;
# "dayword" DWORD; "season" SEASON; "quarter" QNOUN; "half" HNOUN; "yearpart" YPART; "ago" AGOUNIT;
# "period" a noun of REL_UNITS or REL_SELF, which is what Y writes out besides digits ("Jahr", "year",
# "Vorjahr", "heuer", "des Jahres") and what the relative shapes write out. Anchor words stand at a word
# start: after a space, a hyphen, or where LEFT allows a match to begin.
TEMPLATES: tuple[tuple[str, str, str], ...] = (
    # numeric: "2024-02-15", "2024-02", "11/26/2024"
    ("*", "isodate", r"%(P)s%(YN)s-(?P<mnum>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01]))?"),  # YN: a year
    ("*", "slash", r"%(P)s(?P<sa>\d{1,2})/(?P<sb>\d{1,2})/(?:%(YN)s|(?P<yy>\d\d)(?!\d))"),
    # months: "im Februar 2024", "letzten März", "Januar bis März 2024", "Mitte Februar", "mid-February"
    ("*", "month", r"%(P)s(?:(?P<mmod>%(REL)s)\s+)?%(M)s(?:\s+%(Y)s)?"),
    ("*", "months", r"%(OPEN)s%(M0)s%(CONN)s%(M)s(?:\s+%(Y)s)?"),  # M0 opens it: M may follow "bis" unspaced
    ("*", "month+part", r"%(P)s%(PART)s(?:\s+|-)%(M)s(?:\s+%(Y)s)?"),
    # years: "Ende 2024", "by the end of the year", "zum Jahresende", "im Jahr 2024", "dieses Jahr"
    ("*", "part+year part+period", r"%(P)s%(PART)s(?:\s+|-)%(Y)s"),
    ("*", "yearpart", r"%(P)s(?P<ypart>%(YPART)s)(?:\s+%(Y)s)?"),
    ("*", "year period", r"%(P)s%(Y)s"),
    # seasons, quarters, halves: "late summer 2025", "Winter 2024/25", "Q4 '24", "im ersten Halbjahr 2025"
    ("*", "season", r"%(P)s(?:%(PART)s(?:\s+|-))?(?P<art>(?:des|der|dem|the)\s+)?(?:(?P<smod>%(REL)s)\s+)?"
                    r"(?P<season>%(SEASON)s)(?:\s+%(Y)s(?:/\d\d(?:\d\d)?)?)?"),
    ("*", "quarter", r"%(P)s(?:(?:dem|das|the)\s+)?(?P<qword>%(QWORD)s)\s+%(QNOUN)s(?:\s+%(Y)s)?"),
    ("*", "qnum", r"%(P)sQ(?P<qnum>[1-4])(?:(?:\s*[/-]\s*|\s+)(?:%(YN)s|'?(?P<yy>\d\d)(?!\d)))?"),
    ("*", "half", r"%(P)s(?:(?:der|dem|des|the)\s+)?(?P<half>%(HALF)s)\s+(?P<hnoun>%(HNOUN)s)(?:\s+%(Y)s)?"),
    ("*", "hnum", r"%(P)sH(?P<hnum>[12])(?:\s*/\s*|\s+)%(YN)s"),
    # days and weekdays: "gestern Abend", "am gestrigen Dienstag", "Dienstagabend", "Tuesday of last week"
    ("*", "dayword", r"%(P)s(?P<dword>%(DWORD)s)(?:\s+(?P<dpart>%(DPART)s))?"),
    ("*", "weekday", r"%(P)s%(WMOD)s%(WD)s(?P<wsuf>%(DPART)s)?(?:\s+(?P<dpart>%(DPART)s))?"
                     r"(?:,?\s+(?:der\s+|of\s+)?(?P<wkmod>%(REL)s)\s+(?:Woche|week))?"),
    # German days: "15.02.2024", "am 15. Februar 2024", "vom 1. bis 15. März", "Dienstag, dem 26. November"
    ("de", "dot", r"%(P)s%(D)s\.(?P<mnum>1[0-2]|0?[1-9])\.(?:%(YN)s|(?P<yy>\d\d)(?!\d))?"),
    ("de", "month+digit", r"%(P)s%(D)s\.\s*%(M)s(?:\s+%(Y)s)?"),
    ("de", "month+digit", r"%(OPEN)s%(D0)s(?:\.\s*%(M0)s|(?P<dot0>\.))?%(CONN)s%(D)s\.\s*%(M)s(?:\s+%(Y)s)?"),
    ("de", "weekday+digit", r"%(P)s%(WMOD)s%(WD)s,?\s+(?:(?:dem|den)\s+)?%(D)s\.\s*%(M)s(?:\s+%(Y)s)?"),
    ("de", "weekday+dot", r"%(P)s%(WMOD)s%(WD)s,?\s+(?:(?:dem|den)\s+)?%(D)s\.(?P<mnum>1[0-2]|0?[1-9])\."
                      r"(?:%(YN)s|(?P<yy>\d\d))?"),
    # German relative periods: "letzte Woche", "im Vormonat", "Ende des Monats", "vor zwei Wochen"
    # "Woche", "Monat(e)s" are REL_UNITS, "Vorwoche", "Vormonat(s)" REL_SELF: "period".
    ("de", "period", r"%(P)s(?:(?:der|dem|den|des)\s+)?(?:(?P<rmod>%(REL)s)\s+(?P<runit>Woche|Monat(?:e?s)?)"
                     r"|(?P<rself>Vorwoche|Vormonats?))"),
    ("de", "part+period", r"%(P)s%(PART)s\s+(?:des\s+)?(?:(?P<pmod>%(REL)s)\s+)?(?P<pmonth>Monats)"),
    ("de", "ago", r"%(P)svor\s+(?P<n>%(NUM)s)\s+(?P<agounit>%(AGOUNIT)s)"),
    # English days: "15 February 2024", "February 15, 2024", "March 1–15", "Tuesday, November 26, 2024"
    ("en", "month+digit", r"%(P)s(?:the\s+)?%(D)s%(ORD)s\s+(?:of\s+)?%(M)s(?:,?\s+%(Y)s)?"),
    ("en", "month+digit", r"%(P)s%(M)s\s+(?:the\s+)?%(D)s%(ORD)s(?:,?\s+%(YN)s)?"),
    ("en", "month+digit", r"%(OPEN)s%(M0)s\s+%(D0)s%(ORD)s%(CONN)s(?:%(M)s\s+)?%(D)s%(ORD)s(?:,?\s+%(YN)s)?"),
    ("en", "month+digit", r"%(OPEN)s%(D0)s%(ORD)s%(CONN)s%(D)s%(ORD)s\s+(?:of\s+)?%(M)s(?:,?\s+%(YN)s)?"),
    ("en", "weekday+digit", r"%(P)s%(WMOD)s%(WD)s,?\s+%(M)s\s+%(D)s%(ORD)s(?:,?\s+%(YN)s)?"),
    ("en", "weekday+digit", r"%(P)s%(WMOD)s%(WD)s,?\s+(?:the\s+)?%(D)s%(ORD)s\s+(?:of\s+)?%(M)s(?:,?\s+%(YN)s)?"),
    # English relative periods: "last week", "earlier this year", "the end of the month", "two weeks ago"
    # "week", "month", "year" are REL_UNITS: "period".
    ("en", "period", r"%(P)s(?:(?P<clip>earlier|later)\s+)?(?P<rmod>%(REL)s)\s+(?P<runit>week|month|year)"),
    ("en", "part+period", r"%(P)s%(PART)s\s+(?:the\s+|(?P<pmod>%(REL)s)\s+)(?P<pmonth>month)"),
    ("en", "ago", r"%(P)s(?P<n>%(NUM)s)\s+(?P<agounit>%(AGOUNIT)s)\s+ago"),
)
# A date starts at a word start, not inside a number, a price or a compound ("GPT-2024", "$2024", "1/2024");
# a word may follow a slash ("Ende 2024/Anfang 2025").
LEFT = r"(?<![\w.,$€£#:@])(?<![^\W\d_]-)(?:(?<!/)|(?!\d))"
RIGHT = r"(?!\w)(?![.,:/]\d)"


# re.IGNORECASE takes "İ" and "ı" for "i" and "ſ" for "s", which str.lower() does not (tests/test_extract_gates.py
# checks every character): a matched word is looked up in the tables as `fold` spells it, and a text holding
# one of them is searched for anchors, not read for them.
_AS_SEARCHED = str.maketrans("\u0130\u0131\u017f", "iis")


def fold(word: str) -> str:
    """A matched word in lower case as the tables spell it."""
    return word.translate(_AS_SEARCHED).lower()


# -- the shapes, built from the tables above

def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of words or phrases, longest first, any whitespace inside phrases."""
    # longest first; alphabetically among equals, so that the pattern is the same in every run
    # (linter/regexcache.py keeps compiled patterns by their text)
    phrases = sorted(set(words), key=lambda phrase: (-len(phrase), phrase))
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + ")"


def _stems(stems: Iterable[str], lang: str) -> str:
    """Modifier words; German stems take adjective endings ("letzt" -> "letzten", "letzter")."""
    words = _alt(w for w in stems if not w[0].isdigit())
    digits = [w for w in stems if w[0].isdigit()]
    body = words + GERMAN_ENDINGS if lang == "de" else words
    return f"(?:{body}|{_alt(digits)})" if digits else body


def _months(lang: str, group: str) -> str:
    """Month names as a named group; abbreviations may carry a dot."""
    names = sorted(MONTHS[lang], key=len, reverse=True)
    return f"(?P<{group}>" + "|".join(n + (r"\.?" if n in ABBREVIATIONS else "") for n in names) + ")"


def _fragments(lang: str) -> dict[str, str]:
    """The named pieces the templates are made of, for one language."""
    day = r"(?P<%s>3[01]|[12]\d|0?[1-9])(?!\d)"
    rel = _stems(REL_MODS[lang], lang)
    year = r"(?P<year>(?:19|20)\d\d)(?!\d)"
    anchors = {
        "de": rf"(?:(?:(?:des|dem|im)\s+)?Jahr(?:es|e|s)?\s+)?{year}|(?:(?:des|dem|der)\s+)?(?P<ymod>{rel})\s+"
              rf"Jahr(?:es|s)?|(?P<yself>Vorjahr(?:es|s)?|heuer)|(?P<ygen>des\s+Jahres)",
        "en": rf"(?:of\s+)?(?:(?:the\s+)?year\s+)?{year}|(?:of\s+)?(?P<ymod>{rel})\s+year"
              rf"|(?P<ygen>(?:of\s+)?the\s+year)",
    }
    return {
        # every shape opens with P: at each word of a text, the regex engine tries the prepositions of its
        # first letter only
        "P": rf"(?:(?P<prep>{_by_first_letter(PREPS[lang])})\s+)?", "OPEN": rf"(?:(?P<open>{_alt(OPENERS[lang])})\s+)?",
        "CONN": rf"\s*(?P<conn>{_alt(CONNECTORS[lang])})\s*", "D": day % "day", "D0": day % "day0",
        "ORD": r"(?:st|nd|rd|th)?", "M": _months(lang, "mon"), "M0": _months(lang, "mon0"), "YN": year,
        "Y": f"(?:{anchors[lang]})", "REL": rel, "WD": f"(?P<wd>{_alt(WEEKDAYS[lang])})",
        "WMOD": rf"(?:(?P<wmod>{_stems(WEEKDAY_MODS[lang], lang)})\s+)?",
        "PART": f"(?P<part>{_alt(PARTS[lang])})",
        "YPART": _alt(YEAR_PART_WORDS[lang]), "SEASON": _alt(SEASONS[lang]), "DWORD": _alt(DAY_WORDS[lang]),
        "DPART": _alt(DAY_PARTS[lang]), "QWORD": _stems(QUARTERS[lang], lang),
        "HALF": _stems(HALVES[lang], lang), "HNOUN": _alt(HALF_NOUNS[lang]), "QNOUN": _alt(QUARTER_NOUNS),
        "NUM": rf"(?:\d{{1,2}}|{_alt(NUMBERS[lang])})", "AGOUNIT": _alt(AGO_UNITS),
    }


@cache
def _sources(lang: str) -> tuple[tuple[frozenset[str], str], ...]:
    """The shapes' regexes for one language, each with its anchors (each a set of names, all of which a match
    contains), in template order."""
    parts = _fragments(lang)
    return tuple((frozenset(frozenset(anchor.split("+")) for anchor in anchors.split()),
                  LEFT + template % parts + RIGHT) for tag, anchors, template in TEMPLATES if tag in ("*", lang))


@cache
def _shape(lang: str, index: int) -> re.Pattern[str]:
    # compiled when a sentence first needs it: compiling all of them was a tenth of a one-draft run
    return re.compile(_sources(lang)[index][1], re.IGNORECASE)


def shapes(lang: str) -> tuple[tuple[frozenset[str], re.Pattern[str]], ...]:
    """The compiled shapes for one language, each with its anchors (see `_sources`), in template order."""
    return tuple((needs, _shape(lang, index)) for index, (needs, _) in enumerate(_sources(lang)))


def patterns(lang: str) -> tuple[re.Pattern[str], ...]:
    """All compiled shapes for one language."""
    return tuple(pattern for _, pattern in shapes(lang))


# -- anchors: what a shape cannot match without, so that most sentences are searched with few shapes or none

def _anchor_words(lang: str) -> dict[str, Iterable[str]]:
    """The words of each word anchor (see TEMPLATES), from the tables the fragments are built from."""
    return {
        "month": MONTHS[lang], "weekday": WEEKDAYS[lang], "dayword": DAY_WORDS[lang], "season": SEASONS[lang],
        "quarter": QUARTER_NOUNS, "half": HALF_NOUNS[lang], "yearpart": YEAR_PART_WORDS[lang],
        "ago": AGO_UNITS, "period": [*REL_UNITS, *REL_SELF], "part": PARTS[lang],
    }


# Anchors in digits need no word start: a year may follow "Q4/", a month number sits inside "11/26". A day (D)
# is a run of one or two digits: no digit stands next to it in any shape, so a year alone ("Februar 2024")
# holds no "digit" and is not searched with the shapes of a day and a month.
DIGIT_ANCHORS = {"year": r"(?:19|20)\d\d", "isodate": r"(?:19|20)\d\d-[01]\d", "digit": r"(?<!\d)\d{1,2}(?!\d)",
                 "slash": r"\d/\d", "dot": r"\d\.\d", "qnum": r"Q[1-4]", "hnum": r"H[12]"}
WORD_START = r"(?<!\w)"


def _by_first_letter(words: Iterable[str]) -> str:
    """An alternation of words or phrases for searching, grouped by first letter: at each position the
    regex engine then tries the one group that can match instead of every word (a third faster)."""
    rests: dict[str, set[str]] = {}
    for word in words:
        word = " ".join(word.split())
        rests.setdefault(word[0], set()).add(word[1:])
    groups = (re.escape(first) + "(?:" + "|".join(r"\s+".join(map(re.escape, rest.split(" "))) for rest in
                                                  sorted(group, key=lambda rest: (-len(rest), rest))) + ")"
              for first, group in sorted(rests.items()))
    return "(?:" + "|".join(groups) + ")"


def _range_anchors(lang: str) -> dict[str, str]:
    """Anchors of more than one word: "months", two month names joined as a range joins them ("Januar bis
    März"), the first at a word start (see LEFT), the second wherever the connector leaves it."""
    months = _by_first_letter(MONTHS[lang])
    return {"months": rf"{WORD_START}{months}\.?{_fragments(lang)['CONN']}{months}"}


@cache
def anchors(lang: str) -> dict[str, re.Pattern[str]]:
    """A search for each anchor, with the shapes' own flags: any match of an anchor's shape contains it."""
    words = {name: WORD_START + _by_first_letter(table) for name, table in _anchor_words(lang).items()}
    return {name: re.compile(pattern, re.IGNORECASE)
            for name, pattern in (DIGIT_ANCHORS | words | _range_anchors(lang)).items()}


@cache
def trigger(lang: str) -> re.Pattern[str]:
    """One search for any anchor at all: an anchor in digits, or the start of an anchor word.

    A word that begins with another anchor word is left out ("Jahresende" begins with "Jahr"): finding
    the shorter one is enough, and the alternation stays short."""
    words = {word for table in _anchor_words(lang).values() for word in table}
    shortest = [word for word in words if not any(word != other and word.startswith(other) for other in words)]
    return re.compile("|".join(DIGIT_ANCHORS.values()) + f"|{WORD_START}{_by_first_letter(shortest)}",
                      re.IGNORECASE)


_DIGIT_OR_FOLD = re.compile("[\\d\u0130\u0131\u017f]")    # most texts hold neither: one search tells
_ASCII_DIGIT = re.compile("[0-9]")                          # the same in an ASCII text, searched faster
_LETTERS = re.compile(r"[^\W\d_]+")


class _WordAnchors:
    """Which anchors a word of a text may hold, judged once per spelling.

    An anchor word starts a word of the text, and so does each word of an anchor phrase (it follows a
    space): a text's word may hold an anchor word if it begins with the anchor's letters, of its longest
    word for a phrase ("yesterday" for "the day before yesterday", "year" for "year's end").
    A range of months ("months") takes two words that may hold a month (anchors_in counts them), or one
    word in which a connector's last word runs into a month name ("Januar bisMärz")."""

    LIMIT = 200_000     # spellings remembered before starting over

    def __init__(self, lang: str) -> None:
        joins = sorted({connector.split()[-1] for connector in CONNECTORS[lang] if connector[-1].isalpha()})
        self.glued_range = re.compile(f"(?:{'|'.join(joins)})(?:{'|'.join(sorted(MONTHS[lang]))})")
        names: dict[str, set[str]] = {}
        for name, table in _anchor_words(lang).items():
            for word in table:
                names.setdefault(_LETTERS.match(max(word.lower().split(), key=len)).group(), set()).add(name)
        self.size = min(map(len, names))
        by_start: dict[str, list] = {}
        for letters, found in names.items():
            by_start.setdefault(letters[:self.size], []).append((letters, frozenset(found)))
        self.by_start = {start: tuple(entries) for start, entries in by_start.items()}
        self.memo: dict[str, frozenset[str]] = {}

    def judge(self, word: str) -> frozenset[str]:
        """The anchors a lower-case word may hold (none for most), remembered."""
        if len(self.memo) > self.LIMIT:
            self.memo.clear()
        names = frozenset(name for letters, names in self.by_start.get(word[:self.size], ())
                          if word.startswith(letters) for name in names)
        if self.glued_range.search(word):
            names |= MONTH_RANGE
        self.memo[word] = names
        return names


MONTH_RANGE = frozenset({"months"})


@cache
def _word_anchors(lang: str) -> _WordAnchors:
    return _WordAnchors(lang)


# A digit anchor's match is made of digits, "Q", "H" and the marks ".", "/", "-" only (IGNORECASE: of "q" and
# "h" too), and opens with a digit or with "Q" or "H" before one; so it lies inside one run of these from a
# digit, or a "Q" or "H" before it, on: the runs of a text are judged, once per spelling, instead of
# searching the text for each anchor. No digit stands beside a run, in the text as alone.
DIGIT_RUN = re.compile(r"[QqHh]?\d[\dQqHh./-]*")


class _DigitRuns(dict):
    """The digit anchors a run of DIGIT_RUN holds, by its spelling."""

    LIMIT = 200_000     # spellings remembered before starting over

    def __missing__(self, run: str) -> frozenset[str]:
        if len(self) > self.LIMIT:
            self.clear()
        names = self[run] = frozenset(name for name, anchor in _digit_anchors() if anchor.search(run))
        return names


_DIGIT_RUNS = _DigitRuns()


@cache
def _digit_anchors() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((name, re.compile(pattern, re.IGNORECASE)) for name, pattern in DIGIT_ANCHORS.items())


def anchors_in(text: str, lang: str, words: Iterable[tuple[str, int, int]]) -> frozenset[str] | None:
    """The names of the anchors `text` may hold, read from its lower-case `words` (claims/predicates.words):
    a superset of those `anchors` finds. None where case folding sets the two apart (literals.LOWER_KEEPS_APART)."""
    word_anchors = _word_anchors(lang)
    memo = word_anchors.memo
    found = frozenset()
    for word, _, _ in words:
        names = memo.get(word)
        if names is None:
            names = word_anchors.judge(word)
        if names:
            if "month" in names and "month" in found:
                found |= MONTH_RANGE    # a second word that may hold a month
            found |= names
    special = (_ASCII_DIGIT if text.isascii() else _DIGIT_OR_FOLD).search(text)
    if special:
        if LOWER_KEEPS_APART.search(text, special.start()):
            return None
        # every digit anchor begins at most one character before its first digit ("Q4")
        found = found.union(*map(_DIGIT_RUNS.__getitem__, DIGIT_RUN.findall(text, max(0, special.start() - 1))))
    return found


def patterns_for(text: str, lang: str, words: Iterable[tuple[str, int, int]] | None = None
                 ) -> tuple[re.Pattern[str], ...]:
    """The compiled shapes that can match in `text`, in template order: those with one of their anchors in it.
    `words`: the text's words (claims/predicates.words), when the caller has them: then most texts need no
    search at all."""
    found = None if words is None else anchors_in(text, lang, words)
    if found is None:
        found = _searched_anchors(text, lang)
    return _anchored(lang, found) if found else ()


def _searched_anchors(text: str, lang: str) -> frozenset[str]:
    """The names of the anchors `text` holds, searched for."""
    if not trigger(lang).search(text):
        return frozenset()
    searches = anchors(lang).items()
    if len(text) >= PREFILTER_FROM:
        # in a long text, first the words an anchor needs (each search tries every position: 40 KB, 5 ms)
        folded, needs = literals.fold(text), _anchor_needs(lang)
        searches = [(name, anchor) for name, anchor in searches if may_match(needs[name], folded)]
    return frozenset(name for name, anchor in searches if anchor.search(text))


@cache
def _anchor_needs(lang: str) -> dict:
    """The strings each anchor's matches need (literals.py)."""
    return {name: required_literals(anchor.pattern, anchor.flags) for name, anchor in anchors(lang).items()}


@cache
def _anchored(lang: str, found: frozenset[str]) -> tuple[re.Pattern[str], ...]:
    """The shapes with one of the `found` anchors."""
    return tuple(_shape(lang, index) for index, (needs, _) in enumerate(_sources(lang))
                 if any(anchor <= found for anchor in needs))
