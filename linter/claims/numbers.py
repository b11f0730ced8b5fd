"""Number words, unit words and bound phrases for German and English prose, and `parse_number`."""
from __future__ import annotations

import math
import re

from linter import measures

EPS = 1e-9

DE_WORDS: dict[str, float] = {
    "null": 0, "ein": 1, "eins": 1, "eine": 1, "einer": 1, "einem": 1, "einen": 1,
    "zwei": 2, "zwo": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8,
    "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20, "dreißig": 30,
    "dreissig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
    "neunzig": 90, "hundert": 100, "tausend": 1000, "anderthalb": 1.5,
    "halb": 0.5, "halbe": 0.5, "halben": 0.5, "halber": 0.5,
}
EN_WORDS: dict[str, float] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# Ordinals after an indefinite article count ("eine fünfte Pfote", "a sixth leg": there are at least
# that many); German ordinals take an adjective ending after these stems. Not the second: "a second
# video", "ein zweiter Anlauf" speak of another one, and "a second" is a duration.
DE_ORDINAL_STEMS: dict[str, int] = {
    "dritt": 3, "viert": 4, "fünft": 5, "sechst": 6, "siebt": 7, "acht": 8, "neunt": 9, "zehnt": 10,
    "elft": 11, "zwölft": 12}
DE_ORDINAL_ENDINGS = ("e", "er", "es", "en", "em")
EN_ORDINALS: dict[str, int] = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
    "tenth": 10, "eleventh": 11, "twelfth": 12}
# "eines" is left out on purpose: "eines Tages" means "some day", not "one day".
ARTICLES: dict[str, frozenset[str]] = {
    "de": frozenset({"ein", "eine", "einer", "einem", "einen"}),
    "en": frozenset({"a", "an"}),
}
HALVES = frozenset({"halb", "halbe", "halben", "halber", "half"})
# Scale words from thousand up are measures_data.py's ("Mio.", "Milliarden", "bn"); these two are counting words.
DE_SCALES: dict[str, float] = {"dutzend": 12, "hundert": 100, **measures.SCALES["de"]}
EN_SMALL_SCALES: dict[str, float] = {"hundred": 100, "dozen": 12}
EN_BIG_SCALES: dict[str, float] = dict(measures.SCALES["en"])
ABBREVIATED_SCALES = frozenset(measures.ABBREVIATED_SCALES)

# A month has no fixed length; 30 days keeps "einen Monat" and "30 Tage" comparable.
UNIT_SECONDS: dict[str, float] = {"s": 1, "min": 60, "h": 3600, "d": 86400, "wk": 604800, "mo": 2592000,
                                  "a": 31557600}

# word -> (unit, how many of that unit one word stands for)
_SHARED_UNITS: dict[str, tuple[str, float]] = {
    "s": ("s", 1), "sec": ("s", 1), "secs": ("s", 1), "min": ("min", 1), "mins": ("min", 1),
    "h": ("h", 1), "hr": ("h", 1), "hrs": ("h", 1),
}
UNIT_WORDS: dict[str, dict[str, tuple[str, float]]] = {
    # "Tages"/"Monats" are genitives that appear in idioms ("eines Tages"), so only compounds take them.
    "de": _SHARED_UNITS | {
        "sek": ("s", 1), "sekunde": ("s", 1), "sekunden": ("s", 1), "minute": ("min", 1),
        "minuten": ("min", 1), "std": ("h", 1), "stunde": ("h", 1), "stunden": ("h", 1),
        "tag": ("d", 1), "tage": ("d", 1), "tagen": ("d", 1), "woche": ("wk", 1), "wochen": ("wk", 1),
        "monat": ("mo", 1), "monate": ("mo", 1), "monaten": ("mo", 1),
        "jahr": ("a", 1), "jahre": ("a", 1), "jahren": ("a", 1), "jahrzehnt": ("a", 10), "jahrzehnte": ("a", 10),
        "jahrzehnten": ("a", 10),
        "viertelstunde": ("min", 15), "viertelstunden": ("min", 15), "dreiviertelstunde": ("min", 45),
    },
    "en": _SHARED_UNITS | {
        "second": ("s", 1), "seconds": ("s", 1), "minute": ("min", 1), "minutes": ("min", 1),
        "hour": ("h", 1), "hours": ("h", 1), "day": ("d", 1), "days": ("d", 1),
        "week": ("wk", 1), "weeks": ("wk", 1), "month": ("mo", 1), "months": ("mo", 1),
        "year": ("a", 1), "years": ("a", 1), "decade": ("a", 10), "decades": ("a", 10),
    },
}
CASE_SENSITIVE_UNITS = frozenset({"s", "h"})  # "S" or "H" is an initial, not a unit
DOTTED_UNITS = frozenset({"sek", "min", "std", "sec", "hr", "mins", "secs", "hrs"})
# Middle part of "60-Sekunden-Clips", "ten-second clips".
COMPOUND_UNITS: dict[str, dict[str, str]] = {
    "de": {"sekunden": "s", "minuten": "min", "stunden": "h", "tage": "d", "tages": "d",
           "wochen": "wk", "monats": "mo"},
    "en": {"second": "s", "minute": "min", "hour": "h", "day": "d", "week": "wk", "month": "mo"},
}
ADJECTIVE_UNIT_RE = re.compile(r"^(.*?)(sekündig|minütig|stündig|tägig|wöchig|monatig)(?:e|en|er|es|em)?$")
ADJECTIVE_UNITS: dict[str, str] = {"sekündig": "s", "minütig": "min", "stündig": "h", "tägig": "d",
                                   "wöchig": "wk", "monatig": "mo"}
ADJECTIVE_PREFIXES: dict[str, float] = {"halb": 0.5, "viertel": 0.25, "dreiviertel": 0.75}

# "tagelang", "for days": how many units such a stretch plausibly covers.
LONG_SPANS: dict[str, tuple[float, float]] = {
    "s": (1, 59), "min": (1, 59), "h": (1, 23), "d": (1, 30), "wk": (1, 12), "mo": (1, 24), "a": (1, 99)}
LONG_WORD_RE = re.compile(r"^(sekunden|minuten|stunden|tage|wochen|monate)lang(?:e|en|er|es|em)?$")
LONG_WORD_UNITS: dict[str, str] = {"sekunden": "s", "minuten": "min", "stunden": "h", "tage": "d",
                                   "wochen": "wk", "monate": "mo"}
VAGUE_WORDS: dict[str, frozenset[str]] = {
    "de": frozenset({"mehrere", "mehreren", "einige", "einigen", "wenige", "wenigen", "etliche",
                     "etlichen", "paar"}),
    "en": frozenset({"several", "few", "couple", "some"}),
}
# "mehrere Minuten" reaches up to just under an hour; other units stay within single digits.
VAGUE_SPANS: dict[str, tuple[float, float]] = {"min": (2, 59)}
VAGUE_DEFAULT_SPAN = (2.0, 9.0)
VAGUE_TYPICAL = 3.0
# word -> (low, high, representative)
VAGUE_COUNTS: dict[str, tuple[float, float, float]] = {
    "dutzende": (24, 99, 36), "dutzenden": (24, 99, 36), "dozens": (24, 99, 36),
    "hunderte": (200, 999, 300), "hunderten": (200, 999, 300), "hundreds": (200, 999, 300),
    "tausende": (2000, 9999, 3000), "tausenden": (2000, 9999, 3000), "thousands": (2000, 9999, 3000),
}

# Bound kind -> (bound reported, low factor, high factor) on the stated amount.
BOUND_FACTORS: dict[str, tuple[str, float, float]] = {
    "exact": ("exact", 1, 1), "max": ("max", 0, 1), "min": ("min", 1, math.inf),
    "over": ("over", 1 + EPS, math.inf), "less": ("under", 0, 1 - EPS),
    "nearly": ("under", 0.85, 1 - EPS), "barely": ("under", 0.85, 1 - EPS),
    # "fast eine Woche", "the better part of a week": a single unit is a coarse figure.
    "part": ("under", 0.5, 1 - EPS), "justover": ("over", 1 + EPS, 1.15), "approx": ("approx", 0.9, 1.1),
}
_BOUNDS_BY_KIND: dict[str, tuple[str, ...]] = {
    "max": ("bis zu", "bis", "maximal", "max.", "höchstens", "längstens", "nicht länger als",
            "nicht mehr als", "nicht über", "up to", "at most", "a maximum of", "maximum of",
            "topped out at", "tops out at", "top out at", "no more than", "not more than",
            "no longer than", "not longer than", "capped at", "limited to", "innerhalb von", "innerhalb",
            "within"),
    "min": ("mindestens", "wenigstens", "nicht weniger als", "nicht unter", "at least",
            "a minimum of", "no less than", "no fewer than", "not less than"),
    "over": ("mehr als", "über", "länger als", "deutlich mehr als", "weit über", "deutlich über",
             "more than", "over", "longer than", "well over", "beyond", "well beyond", "upwards of"),
    "less": ("weniger als", "unter", "kürzer als", "less than", "fewer than", "under", "shorter than",
             "below"),
    "nearly": ("fast", "beinahe", "nahezu", "annähernd", "nearly", "almost"),
    "barely": ("knapp", "knapp unter", "kurz unter", "just under", "just shy of"),
    "part": ("the better part of", "the best part of", "a good part of"),
    "justover": ("gut", "knapp über", "etwas mehr als", "etwas über", "just over", "a little over",
                 "slightly more than", "a bit more than"),
    "approx": ("rund", "etwa", "ca.", "ca", "circa", "zirka", "ungefähr", "rd.", "about", "around",
               "roughly", "approximately", "approx.", "some", "~", "≈"),
}
BOUND_PHRASES: dict[str, str] = {p: kind for kind, ps in _BOUNDS_BY_KIND.items() for p in ps}
SUFFIX_BOUNDS: dict[str, str] = {
    "oder mehr": "min", "und mehr": "min", "oder länger": "min", "or more": "min", "or longer": "min",
    "oder weniger": "max", "oder kürzer": "max", "or less": "max", "or fewer": "max", "or shorter": "max",
    "begrenzt": "max", "beschränkt": "max", "limitiert": "max",
}
# "once a week", "$20 a month": an article after these states a rate, not a duration.
RATE_WORDS = frozenset({"once", "twice", "thrice", "times", "per", "einmal", "zweimal", "mal"})
RANGE_OPENERS = frozenset({"zwischen", "between", "von", "from"})
RANGE_CONNECTORS: dict[str, frozenset[str]] = {
    "de": frozenset({"bis", "oder", "-", "–", "—"}),
    "en": frozenset({"to", "or", "-", "–", "—"}),
}
BETWEEN_CONNECTORS: dict[str, str] = {"zwischen": "und", "between": "and"}

RESOLUTION_NAMES: dict[str, tuple[int, int]] = {
    "fullhd": (1920, 1080), "1080p": (1920, 1080), "720p": (1280, 720), "480p": (854, 480),
    "1440p": (2560, 1440), "2160p": (3840, 2160), "4k": (3840, 2160), "uhd": (3840, 2160),
    "ultrahd": (3840, 2160), "4kuhd": (3840, 2160), "8k": (7680, 4320), "2k": (2048, 1080), "qhd": (2560, 1440),
    "xga": (1024, 768), "vga": (640, 480), "hd": (1280, 720),
}
RESOLUTION_JOINERS = frozenset({"×", "x", "*", "mal", "by"})
WORD_JOINERS = frozenset({"mal", "by"})  # "3 mal 4" is arithmetic unless pixels follow
PIXEL_WORDS = frozenset({"px", "pixel", "pixeln", "pixels", "bildpunkte", "bildpunkten"})

CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥"})
MONTHS = frozenset({
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
    "oktober", "november", "dezember", "january", "february", "march", "may", "june", "july",
    "october", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
    "oct", "nov", "dez", "dec"})
# A bare number after these names a version, part or date ("Version 2", "Teil 3", "December 9"). Product
# names ("Modell 2") are the rule pack's: a number right after a subject's name is never a count
# (Sentence.quantities).
DESIGNATORS = MONTHS | frozenset({
    "version", "teil", "staffel", "folge", "kapitel", "seite", "nr", "band", "ausgabe", "episode", "part",
    "chapter", "season", "page", "no", "level", "stufe", "platz", "alpha", "beta", "plus", "pro", "max",
    "mini", "typ", "type", "modell", "model", "generation"})
NOT_COUNT_NOUNS = MONTHS | frozenset({
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "uhr", "jahr", "jahre",
    "jahren", "jahres", "years", "mal", "male", "times", "grad", "degrees", "prozent", "percent",
    "prozentpunkte", "points", "punkte", "dollar", "dollars", "us-dollar", "euro", "euros", "cent",
    "cents", "pfund", "franken", "usd", "eur", "yen", "bucks", "am", "pm", "uhrzeit", "pixel",
    "pixeln", "pixels", "prozentpunkten", "ende", "anfang", "mitte"})
DE_FILLERS = frozenset({"solcher", "solche", "dieser", "jener", "weitere", "weiterer"})
# "48 von KI produzierte Videos", "50 mit Sora erzeugte Clips": an attribute between number and noun.
DE_PREPOSITIONS = frozenset({"von", "vom", "mit", "durch", "per", "aus", "bei", "für", "in", "im", "auf"})
# Words between a number and its unit ("eine ganze Woche", "a good hour") -> the bound they imply.
UNIT_FILLERS: dict[str, str] = {
    "ganze": "", "ganzen": "", "ganzer": "", "volle": "", "vollen": "", "voller": "", "lange": "",
    "langen": "", "full": "", "whole": "", "entire": "", "long": "", "gute": "justover",
    "guten": "justover", "guter": "justover", "good": "justover", "knappe": "barely", "knappen": "barely",
    "knapper": "barely"}
# Lowercase German words with adjective endings that are not adjectives (verbs, pronouns, particles).
DE_STOP = frozenset({
    "aber", "oder", "wieder", "immer", "unter", "hinter", "über", "wider", "später", "früher",
    "eine", "einer", "einem", "einen", "keine", "keiner", "der", "die", "den", "dem", "des", "denen",
    "deren", "diese", "ihre", "ihren", "ihrer", "ihrem", "seine", "seinen", "seiner", "seinem", "jede",
    "jeder", "jeden", "alle", "allen", "aller", "waren", "wurden", "werden", "wurde", "werde", "haben",
    "hatten", "hatte", "hätte", "seien", "wären", "wäre", "können", "konnten", "sollen", "sollten",
    "müssen", "mussten", "wollen", "wollten", "gehen", "stehen", "zeigen", "zeigten", "lange", "langen",
    "langer", "gegen", "neben", "nahe", "ohne", "ebene", "gerne", "heute", "ganze", "bereite"})
EN_STOP = frozenset({
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "but",
    "as", "is", "was", "are", "were", "be", "been", "has", "have", "had", "it", "its", "this", "that",
    "these", "those", "than", "then", "into", "per", "each", "such", "his", "her", "their", "our",
    "us", "we", "they", "he", "she", "you", "do", "does", "did", "can", "could", "will", "would",
    "may", "might", "not", "no", "yes", "so", "thus", "plus", "less", "across", "always", "perhaps",
    "unless", "whereas", "what", "who", "which", "when", "where", "while", "if", "via", "after",
    "before", "since", "until", "about", "over", "under", "up", "out", "more", "most"})
EN_IRREGULAR_PLURALS = frozenset({"people", "children", "men", "women", "feet", "teeth", "mice",
                                  "geese", "staff", "personnel", "crew", "media"})
EN_ADJECTIVE_ENDINGS = ("ed", "al", "ive", "ful", "ous", "ic", "able", "ible", "less", "ish")
EN_ADJECTIVES = frozenset({"new", "short", "long", "other", "different", "brief", "real", "high",
                           "low", "full", "more", "only", "first", "last", "few", "many"})

_DIGIT_FORMATS: dict[str, tuple[re.Pattern[str], str, str]] = {
    "de": (re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"), ".", ","),
    "en": (re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"), ",", "."),
}
DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")


def parse_digits(text: str, lang: str) -> float | None:
    """Read digits with the language's thousands and decimal separators."""
    pattern, thousands, decimal = _DIGIT_FORMATS.get(lang, _DIGIT_FORMATS["de"])
    if not pattern.fullmatch(text):
        return None
    return float(text.replace(thousands, "").replace(decimal, "."))


_GROUPED_INT_RE = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d+")


def parse_grouped_int(text: str) -> int | None:
    """Read a pixel figure, where "1.920" and "1,920" both mean 1920 whatever the language."""
    if _GROUPED_INT_RE.fullmatch(text):
        return int(text.replace(".", "").replace(",", ""))
    return None


def parse_number(token: str, lang: str = "de") -> float | None:
    """Read a number written in digits or words ("1,5", "fünfundvierzig", "one and a half")."""
    text = token.strip().lower()
    if DIGITS_RE.fullmatch(text):
        return parse_digits(text, lang)
    if lang == "en":
        return _parse_en(text.replace("-", " ").split())
    return _parse_de(text.split())


def _parse_de(words: list[str]) -> float | None:
    """Read German number words, optionally followed by scale words ("vier Dutzend")."""
    if not words:
        return None
    if len(words) == 2 and words[0] in ARTICLES["de"] and words[1] in HALVES:
        return 0.5
    head = words[0]
    value = parse_digits(head, "de") if DIGITS_RE.fullmatch(head) else de_word(head)
    for word in words[1:]:
        scale = DE_SCALES.get(word)
        if value is None or scale is None:
            return None
        value *= scale
    return value


def de_word(word: str) -> float | None:
    """Read one German number word, including compounds like "zweihundertfünfundvierzig"."""
    if word in DE_WORDS:
        return DE_WORDS[word]
    if word.endswith("einhalb"):
        base = de_word(word[:-7]) if word[:-7] else 0
        return None if base is None else base + 0.5
    for scale_word, scale in (("tausend", 1000), ("hundert", 100)):
        if scale_word in word:
            head, tail = word.split(scale_word, 1)
            high = de_word(head) if head else 1
            low = de_word(tail.removeprefix("und")) if tail else 0
            return None if high is None or low is None else high * scale + low
    if "und" in word:
        ones, tens = word.split("und", 1)
        one, ten = DE_WORDS.get(ones), DE_WORDS.get(tens)
        if one is not None and ten is not None and 1 <= one <= 9 and ten in range(20, 100, 10):
            return one + ten
    return None


def _parse_en(words: list[str]) -> float | None:
    """Read English number words ("twenty five", "a dozen", "one and a half", "100 million")."""
    if words in (["half", "a"], ["half", "an"], ["a", "half"]):
        return 0.5
    if len(words) > 3 and words[-3:] == ["and", "a", "half"]:
        base = _parse_en(words[:-3])
        return None if base is None else base + 0.5
    total, current = 0.0, None
    for index, word in enumerate(words):
        if index == 0 and DIGITS_RE.fullmatch(word):
            current = parse_digits(word, "en")
        elif index == 0 and word in ARTICLES["en"]:
            current = 1
        elif word in EN_WORDS and (current is None or current % 100 == 0 and current % 1 == 0):
            current = (current or 0) + EN_WORDS[word]
        elif word in EN_WORDS and EN_WORDS[word] < 10 and current and current >= 20 and current % 10 == 0:
            current += EN_WORDS[word]
        elif word == "and" and current and current % 100 == 0 and index + 1 < len(words):
            continue
        elif word in EN_SMALL_SCALES and current is not None:
            current *= EN_SMALL_SCALES[word]
        elif word in EN_BIG_SCALES and current is not None:
            total, current = total + current * EN_BIG_SCALES[word], 0
        else:
            return None
        if current is None:
            return None
    return total + (current or 0)


def ordinal(word: str, lang: str) -> int | None:
    """The number an ordinal word stands for ("fünfte" -> 5, "sixth" -> 6), or None."""
    low = word.lower()
    if lang == "en":
        return EN_ORDINALS.get(low)
    for ending in DE_ORDINAL_ENDINGS:
        if low.endswith(ending) and low[:-len(ending)] in DE_ORDINAL_STEMS:
            return DE_ORDINAL_STEMS[low[:-len(ending)]]
    return None
