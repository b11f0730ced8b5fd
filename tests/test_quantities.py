"""Table-driven tests for linter.claims.quantities and linter.claims.numbers."""
from __future__ import annotations

import math

import pytest

from linter.claims.numbers import parse_number
from linter.claims.quantities import Quantity, find_quantities
from linter.discourse import read_sentences
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.segments import read_document

INF = math.inf
LESS = 1 - 1e-9  # upper end of an open "under" interval, as a factor
MORE = 1 + 1e-9  # lower end of an open "over" interval, as a factor
MIN, HOUR, DAY, WEEK, MONTH = 60, 3600, 86400, 604800, 2592000
FULL_HD, XGA = 1920 * 1080, 1024 * 768


def row(lang: str, phrase: str, expected: tuple | None) -> pytest.param:
    """One table row, named by its language and phrase."""
    return pytest.param(lang, phrase, expected, id=f"{lang}:{phrase}")


# (measure, low, high, bound, unit), or None when the phrase holds no quantity.
CASES = [
    # German durations: digits, words, fractions, abbreviations
    row("de", "bis zu anderthalb Minuten", ("duration", 0, 90, "max", "min")),
    row("de", "von bis zu einer Minute Länge", ("duration", 0, 60, "max", "min")),
    row("de", "eine halbe Minute", ("duration", 30, 30, "exact", "min")),
    row("de", "nach einer halben Minute", ("duration", 30, 30, "exact", "min")),
    row("de", "eine Viertelstunde", ("duration", 900, 900, "exact", "min")),
    row("de", "eineinhalb Minuten", ("duration", 90, 90, "exact", "min")),
    row("de", "zweieinhalb Stunden", ("duration", 2.5 * HOUR, 2.5 * HOUR, "exact", "h")),
    row("de", "1,5 Minuten", ("duration", 90, 90, "exact", "min")),
    row("de", "Maximale Cliplänge: 1,5 min", ("duration", 90, 90, "exact", "min")),
    row("de", "Clips von 3 Sek.", ("duration", 3, 3, "exact", "s")),
    row("de", "| 10 s |", ("duration", 10, 10, "exact", "s")),
    row("de", "2 Std.", ("duration", 2 * HOUR, 2 * HOUR, "exact", "h")),
    row("de", "fünfundvierzig Sekunden", ("duration", 45, 45, "exact", "s")),
    row("de", "einundzwanzig Tage", ("duration", 21 * DAY, 21 * DAY, "exact", "d")),
    row("de", "dreißig Sekunden", ("duration", 30, 30, "exact", "s")),
    row("de", "dreissig Sekunden", ("duration", 30, 30, "exact", "s")),
    row("de", "zwölf Wochen", ("duration", 12 * WEEK, 12 * WEEK, "exact", "wk")),
    row("de", "einen Tag lang", ("duration", DAY, DAY, "exact", "d")),
    row("de", "eine Woche", ("duration", WEEK, WEEK, "exact", "wk")),
    row("de", "Gut neun Monate nach", ("duration", 9 * MONTH * MORE, 9 * MONTH * 1.15, "over", "mo")),
    row("de", "1:30 Minuten", ("duration", 90, 90, "exact", "min")),
    row("de", "1 Minute und 30 Sekunden", ("duration", 90, 90, "exact", "min")),
    row("de", "eine Zehn-Sekunden-Grenze", ("duration", 10, 10, "exact", "s")),
    # German bounds
    row("de", "maximal zwanzig Sekunden", ("duration", 0, 20, "max", "s")),
    row("de", "höchstens eine Minute", ("duration", 0, 60, "max", "min")),
    row("de", "nicht länger als 90 Sekunden", ("duration", 0, 90, "max", "s")),
    row("de", "auf 10 Sek. begrenzt", ("duration", 0, 10, "max", "s")),
    row("de", "mindestens 10 Sekunden", ("duration", 10, INF, "min", "s")),
    row("de", "mehr als eine Minute", ("duration", 60 * MORE, INF, "over", "min")),
    row("de", "über zwei Minuten", ("duration", 120 * MORE, INF, "over", "min")),
    row("de", "weniger als 30 Sekunden", ("duration", 0, 30 * LESS, "under", "s")),
    row("de", "unter 10 Sekunden", ("duration", 0, 10 * LESS, "under", "s")),
    row("de", "knapp 60 Sekunden", ("duration", 51, 60 * LESS, "under", "s")),
    row("de", "beinahe zwei Minuten", ("duration", 102, 120 * LESS, "under", "min")),
    row("de", "fast eine Woche", ("duration", 3.5 * DAY, WEEK * LESS, "under", "wk")),
    row("de", "nur rund vier Sekunden", ("duration", 3.6, 4.4, "approx", "s")),
    row("de", "etwa 20 Sekunden", ("duration", 18, 22, "approx", "s")),
    row("de", "ca. 10 Sekunden", ("duration", 9, 11, "approx", "s")),
    row("de", "circa 2 Minuten", ("duration", 108, 132, "approx", "min")),
    row("de", "ungefähr eine Stunde", ("duration", 0.9 * HOUR, 1.1 * HOUR, "approx", "h")),
    row("de", "innerhalb von 24 Stunden", ("duration", 0, 24 * HOUR, "max", "h")),
    # German ranges
    row("de", "ein bis zwei Minuten", ("duration", 60, 120, "range", "min")),
    row("de", "zwischen 30 Sekunden und zwei Minuten", ("duration", 30, 120, "range", "min")),
    row("de", "10 bis 20 Sekunden", ("duration", 10, 20, "range", "s")),
    row("de", "10–20 s", ("duration", 10, 20, "range", "s")),
    row("de", "10-20 Sekunden", ("duration", 10, 20, "range", "s")),
    row("de", "zwischen 10 und 20 Sekunden", ("duration", 10, 20, "range", "s")),
    row("de", "2 oder 3 Minuten?", ("duration", 120, 180, "range", "min")),
    row("de", "zehn bis zwanzig Sekunden", ("duration", 10, 20, "range", "s")),
    row("de", "30 Sekunden bis 2 Minuten", ("duration", 30, 120, "range", "min")),
    # German vague durations
    row("de", "mehrere Minuten lange Videos", ("duration", 120, 59 * MIN, "vague", "min")),
    row("de", "Über mehrere Stunden hinweg", ("duration", 2 * HOUR, 9 * HOUR, "vague", "h")),
    row("de", "nach einigen Stunden", ("duration", 2 * HOUR, 9 * HOUR, "vague", "h")),
    row("de", "ein paar Sekunden", ("duration", 2, 9, "vague", "s")),
    row("de", "wenige Sekunden", ("duration", 2, 9, "vague", "s")),
    row("de", "mehrere Tage", ("duration", 2 * DAY, 9 * DAY, "vague", "d")),
    row("de", "nicht tagelang offen", ("duration", DAY, 30 * DAY, "vague", "d")),
    row("de", "stundenlang", ("duration", HOUR, 23 * HOUR, "vague", "h")),
    row("de", "wochenlang", ("duration", WEEK, 12 * WEEK, "vague", "wk")),
    # German compounds
    row("de", "60-Sekunden-Clips", ("duration", 60, 60, "exact", "s")),
    row("de", "die 90-Sekunden-Video", ("duration", 90, 90, "exact", "s")),
    row("de", "auch 20-Sekunden-Clips?", ("duration", 20, 20, "exact", "s")),
    row("de", "einminütige Videos", ("duration", 60, 60, "exact", "min")),
    row("de", "In den einminütigen Clips", ("duration", 60, 60, "exact", "min")),
    row("de", "zweiminütige Videos", ("duration", 120, 120, "exact", "min")),
    row("de", "60-sekündige Clips", ("duration", 60, 60, "exact", "s")),
    row("de", "zehnsekündige Clips", ("duration", 10, 10, "exact", "s")),
    row("de", "eine halbstündige Sendung", ("duration", 1800, 1800, "exact", "h")),
    # English durations
    row("en", "up to a minute", ("duration", 0, 60, "max", "min")),
    row("en", "up to 30 seconds", ("duration", 0, 30, "max", "s")),
    row("en", "at most 20 secs", ("duration", 0, 20, "max", "s")),
    row("en", "a maximum of 60 seconds", ("duration", 0, 60, "max", "s")),
    row("en", "clips topped out at 20 seconds", ("duration", 0, 20, "max", "s")),
    row("en", "at least 10 seconds", ("duration", 10, INF, "min", "s")),
    row("en", "more than a minute", ("duration", 60 * MORE, INF, "over", "min")),
    row("en", "over two minutes", ("duration", 120 * MORE, INF, "over", "min")),
    row("en", "longer than a minute", ("duration", 60 * MORE, INF, "over", "min")),
    row("en", "less than 30 seconds", ("duration", 0, 30 * LESS, "under", "s")),
    row("en", "under 10 seconds", ("duration", 0, 10 * LESS, "under", "s")),
    row("en", "almost 60 seconds", ("duration", 51, 60 * LESS, "under", "s")),
    row("en", "just under two minutes", ("duration", 102, 120 * LESS, "under", "min")),
    row("en", "about 20 seconds", ("duration", 18, 22, "approx", "s")),
    row("en", "roughly two minutes", ("duration", 108, 132, "approx", "min")),
    row("en", "between 10 and 20 seconds", ("duration", 10, 20, "range", "s")),
    row("en", "10 to 20 seconds", ("duration", 10, 20, "range", "s")),
    row("en", "two or three minutes", ("duration", 120, 180, "range", "min")),
    row("en", "several hours", ("duration", 2 * HOUR, 9 * HOUR, "vague", "h")),
    row("en", "several days", ("duration", 2 * DAY, 9 * DAY, "vague", "d")),
    row("en", "only a few seconds", ("duration", 2, 9, "vague", "s")),
    row("en", "for hours", ("duration", HOUR, 23 * HOUR, "vague", "h")),
    row("en", "a minute", ("duration", 60, 60, "exact", "min")),
    row("en", "half a minute", ("duration", 30, 30, "exact", "min")),
    row("en", "a minute and a half", ("duration", 90, 90, "exact", "min")),
    row("en", "one and a half minutes", ("duration", 90, 90, "exact", "min")),
    row("en", "an hour", ("duration", HOUR, HOUR, "exact", "h")),
    row("en", "1.5 minutes", ("duration", 90, 90, "exact", "min")),
    row("en", "twenty-five seconds", ("duration", 25, 25, "exact", "s")),
    row("en", "for a week", ("duration", WEEK, WEEK, "exact", "wk")),
    row("en", "a half hour", ("duration", 1800, 1800, "exact", "h")),
    row("en", "once a week", None),
    row("en", "$20 a month", ("money", 20, 20, "exact", "USD")),  # a price per month, not a month
    row("en", "the better part of a week", ("duration", 3.5 * DAY, WEEK * LESS, "under", "wk")),
    row("en", "two-minute clips", ("duration", 120, 120, "exact", "min")),
    row("en", "minute-long clips", ("duration", 60, 60, "exact", "min")),
    row("en", "ten-second clips", ("duration", 10, 10, "exact", "s")),
    row("en", "20-second clips", ("duration", 20, 20, "exact", "s")),
    row("en", "a 90-second video", ("duration", 90, 90, "exact", "s")),
    # counts
    row("de", "48 Videos", ("count", 48, 48, "exact", "")),
    row("de", "48 von KI-produzierte Videos", ("count", 48, 48, "exact", "")),
    row("de", "zwei Dutzend Clips", ("count", 24, 24, "exact", "")),
    row("de", "knapp vier Dutzend solcher Beispielvideos", ("count", 40.8, 48 * LESS, "under", "")),
    row("de", "über 100 Videos", ("count", 100 * MORE, INF, "over", "")),
    row("de", "rund 100 Millionen Menschen", ("count", 0.9e8, 1.1e8, "approx", "")),
    row("de", "Dutzende Videos", ("count", 24, 99, "vague", "")),
    row("de", "Hunderte Kreative", ("count", 200, 999, "vague", "")),
    row("de", "hat plötzlich drei Pfoten", ("count", 3, 3, "exact", "")),
    row("de", "drei oder vier Wölfe", ("count", 3, 4, "range", "")),
    row("de", "100 Mio. Nutzer", ("count", 1e8, 1e8, "exact", "")),
    row("de", "mehr als 1.000 Nutzer", ("count", 1000 * MORE, INF, "over", "")),
    row("en", "50 demo videos", ("count", 50, 50, "exact", "")),
    row("en", "a dozen clips", ("count", 12, 12, "exact", "")),
    row("en", "dozens of clips", ("count", 24, 99, "vague", "")),
    row("en", "hundreds of artists", ("count", 200, 999, "vague", "")),
    row("en", "more than 100 videos", ("count", 100 * MORE, INF, "over", "")),
    row("en", "100 million people", ("count", 1e8, 1e8, "exact", "")),
    # resolutions
    row("de", "1024 × 768", ("resolution", XGA, XGA, "exact", "px")),
    row("de", "1024x768", ("resolution", XGA, XGA, "exact", "px")),
    row("de", "1.920 x 1.080", ("resolution", FULL_HD, FULL_HD, "exact", "px")),
    row("en", "1,920x1,080", ("resolution", FULL_HD, FULL_HD, "exact", "px")),
    row("de", "1024 mal 768 Pixeln", ("resolution", XGA, XGA, "exact", "px")),
    row("de", "1920 × 1080 px", ("resolution", FULL_HD, FULL_HD, "exact", "px")),
    row("en", "1024 by 768 pixels", ("resolution", XGA, XGA, "exact", "px")),
    row("de", "also Full HD.", ("resolution", FULL_HD, FULL_HD, "exact", "px")),
    row("de", "Full-HD-Auflösung", ("resolution", FULL_HD, FULL_HD, "exact", "px")),
    row("de", "FullHD", ("resolution", FULL_HD, FULL_HD, "exact", "px")),
    row("en", "full-HD footage", ("resolution", FULL_HD, FULL_HD, "exact", "px")),
    row("de", "in 1080p erzeugen", ("resolution", FULL_HD, FULL_HD, "exact", "px")),
    row("en", "720p", ("resolution", 1280 * 720, 1280 * 720, "exact", "px")),
    row("en", "480p", ("resolution", 854 * 480, 854 * 480, "exact", "px")),
    row("de", "4K", ("resolution", 3840 * 2160, 3840 * 2160, "exact", "px")),
    row("de", "auch 4K-Videos möglich", ("resolution", 3840 * 2160, 3840 * 2160, "exact", "px")),
    row("de", "4K-Auflösung", ("resolution", 3840 * 2160, 3840 * 2160, "exact", "px")),
    row("de", "UHD", ("resolution", 3840 * 2160, 3840 * 2160, "exact", "px")),
    row("de", "XGA", ("resolution", XGA, XGA, "exact", "px")),
    row("de", "in HD", ("resolution", 1280 * 720, 1280 * 720, "exact", "px")),
    row("en", "2K", ("resolution", 2048 * 1080, 2048 * 1080, "exact", "px")),
    row("de", "bis zu 1024 × 768", ("resolution", 0, XGA, "max", "px")),
    row("de", "Die Auflösung reichte bis 1.920 x 1.080 px", ("resolution", 0, FULL_HD, "max", "px")),
    row("en", "renders in up to 4K", ("resolution", 0, 3840 * 2160, "max", "px")),
    row("en", "topped out at 1024 × 768 pixels", ("resolution", 0, XGA, "max", "px")),
    # nothing to find
    row("de", "im Jahr 2024", None),
    row("en", "Sora has been available since December 2024", None),
    row("de", "Sora erscheint am 15. Juni", None),
    row("de", "OpenAI hat Sora am 1. April veröffentlicht", None),
    row("de", "der 2. Teil", None),
    row("de", "am 15.02.2024", None),
    row("de", "### 21:40 Uhr", None),
    row("de", "Pika 1.0 erzeugt standardmäßig Clips", None),
    row("de", "Runway hatte mit Gen-2 schon vorher", None),
    row("en", "GPT-4 and Gen-3", None),
    row("de", "Sora 2 erzeugt Videos", None),
    row("de", "DALL·E 3 ist seit Oktober", None),
    # money and shares are measures of their own, never counts of videos
    row("de", "Projekt im Umfang von 800 Millionen Dollar", ("money", 8e8, 8e8, "exact", "USD")),
    row("en", "an $800 million expansion", ("money", 8e8, 8e8, "exact", "USD")),
    row("de", "zahlt für ChatGPT Pro 200 Dollar im Monat", ("money", 200, 200, "exact", "USD")),
    row("de", "40 % der Videos", ("percent", 40, 40, "exact", "%")),
    row("de", "40 Prozent", ("percent", 40, 40, "exact", "%")),
    row("en", "40 percent of videos", ("percent", 40, 40, "exact", "%")),
    row("de", "ein Video", None),
    row("de", "eines Tages", None),
    row("de", "Beispielvideos auf der OpenAI-Website: 48", None),
    row("de", "schwankt zwischen zwei und fünf.", None),
    row("de", "des C2PA-Standards", None),
    row("de", "bei 1E9", None),
    row("de", "mit 3-D-Animationen", None),
    row("de", "Tel. +49 30 1234567", None),
    row("de", "Tel. 030 123 4567", None),
    row("de", "https://example.com/ki-video-zwei-minuten-und-sora-4711.html", None),
    row("de", "(bilder/2024-11-sora-space-1920x1080.png)", None),
    row("de", "`sora.generate(dauer=120)`", None),
    row("en", "back in the 90s", None),
    row("en", "the December 9 livestream", None),
    row("en", "in a second video", None),
    row("en", "The Prompt #112: The Sora leak", None),
    row("de", "3 mal 4", None),
    row("en", "in the 1990s", None),
    row("en", "at 9 am", None),
    row("de", "gegen 20 Uhr", None),
    row("de", "vom 10. bis 20. Juni", None),
    row("de", "Die 48 zeigen Szenen aus Tokio.", None),
    row("de", "## 1. Was macht Sora?", None),
]


@pytest.mark.parametrize(("lang", "phrase", "expected"), CASES)
def test_phrase(lang: str, phrase: str, expected: tuple | None) -> None:
    found = find_quantities(phrase, lang)
    if expected is None:
        assert found == []
        return
    assert len(found) == 1, found
    quantity = found[0]
    measure, low, high, bound, unit = expected
    assert (quantity.measure, quantity.bound, quantity.unit) == (measure, bound, unit)
    assert quantity.low == pytest.approx(low, rel=1e-6)
    assert quantity.high == pytest.approx(high, rel=1e-6)


@pytest.mark.parametrize(("lang", "phrase", "expected"), CASES)
def test_span_round_trips(lang: str, phrase: str, expected: tuple | None) -> None:
    for quantity in find_quantities(phrase, lang):
        assert phrase[quantity.start:quantity.end] == quantity.text
        assert quantity.low <= quantity.high


SPANS = [
    row("de", "Videos von bis zu anderthalb Minuten Länge", "bis zu anderthalb Minuten"),
    row("de", "Besonders beeindruckend sind die 90-Sekunden-Clips auf der Projektseite", "90-Sekunden-Clips"),
    row("de", "Die Auflösung reichte bis 1.920 x 1.080 px, also Full HD.", "bis 1.920 x 1.080 px"),
    row("de", "hat OpenAI knapp vier Dutzend solcher Beispielvideos auf",
        "knapp vier Dutzend solcher Beispielvideos"),
    row("de", "zwischen 10 und 20 Sekunden", "zwischen 10 und 20 Sekunden"),
    row("en", "each running for up to a minute, while", "up to a minute"),
    row("en", "could well stretch to a minute and a half or more;", "a minute and a half or more"),
    row("de", "Clips war dabei auf 10 Sek. begrenzt.", "10 Sek. begrenzt"),
]


@pytest.mark.parametrize(("lang", "sentence", "span"), SPANS)
def test_first_span(lang: str, sentence: str, span: str) -> None:
    assert find_quantities(sentence, lang)[0].text == span


NOUNS = [
    row("de", "48 von KI-produzierte Videos", "Videos"),
    row("de", "knapp vier Dutzend solcher Beispielvideos", "Beispielvideos"),
    row("de", "60-Sekunden-Clips", "Clips"),
    row("de", "einminütige Clips", "Clips"),
    row("de", "bis zu zehn Sekunden lange Videos", "Videos"),
    row("de", "auch 4K-Videos", "Videos"),
    row("de", "Hunderte Kreative", "Kreative"),
    row("en", "The 50 demo videos it showed", "demo videos"),
    row("en", "48 AI-generated sample videos", "sample videos"),
    row("en", "ten-second clips", "clips"),
    row("en", "minute-long clips", "clips"),
    row("en", "hundreds of artists", "artists"),
    row("en", "up to 30 seconds", ""),
]


@pytest.mark.parametrize(("lang", "phrase", "noun"), NOUNS)
def test_noun(lang: str, phrase: str, noun: str) -> None:
    assert find_quantities(phrase, lang)[0].noun == noun


def test_values_are_stated_numbers_in_base_units() -> None:
    assert find_quantities("bis zu anderthalb Minuten")[0].value == 90
    assert find_quantities("1.024 × 768 Pixel")[0].value == (1024, 768)
    assert find_quantities("2 min 30 s", "en")[0].value == 150


def test_several_quantities_in_one_sentence() -> None:
    sentence = "Die Plattform erzeugt Clips von bis zu 20 Sekunden in bis zu 1080p, dazu 48 neue Videos."
    found = find_quantities(sentence)
    assert [(q.text, q.measure, q.bound) for q in found] == [
        ("bis zu 20 Sekunden", "duration", "max"),
        ("bis zu 1080p", "resolution", "max"),
        ("48 neue Videos", "count", "exact"),
    ]


def test_english_sentence_with_duration_and_resolution() -> None:
    sentence = "For several hours anyone could generate ten-second clips at 1024 × 576 pixels."
    found = find_quantities(sentence, "en")
    assert [(q.text, q.measure, q.bound) for q in found] == [
        ("several hours", "duration", "vague"),
        ("ten-second", "duration", "exact"),
        ("1024 × 576 pixels", "resolution", "exact"),
    ]


def test_word_boundaries_keep_numbers_whole() -> None:
    found = find_quantities("Länge: 24 Sekunden, 4K")
    assert [(q.text, q.low) for q in found] == [("24 Sekunden", 24), ("4K", 3840 * 2160)]


def test_bound_words_do_not_reach_into_previous_quantity() -> None:
    found = find_quantities("Clips von 10 Sekunden bis 20 Uhr, über 100 Videos")
    assert [(q.text, q.bound) for q in found] == [("10 Sekunden", "exact"), ("über 100 Videos", "over")]


def test_quantity_is_immutable() -> None:
    quantity = find_quantities("48 Videos")[0]
    assert isinstance(quantity, Quantity)
    with pytest.raises(AttributeError):
        quantity.low = 0  # type: ignore[misc]


NUMBERS = [
    ("de", "1,5", 1.5), ("de", "1.920", 1920), ("de", "1.024", 1024), ("de", "1.0", None),
    ("en", "1.5", 1.5), ("en", "1,920", 1920), ("de", "fünfundvierzig", 45), ("de", "einundzwanzig", 21),
    ("de", "zweihundertdreißig", 230), ("de", "eineinhalb", 1.5), ("de", "vier Dutzend", 48),
    ("en", "twenty-five", 25), ("en", "one and a half", 1.5), ("en", "a dozen", 12), ("en", "100 million", 1e8),
    ("en", "one hundred and five", 105), ("de", "Stunde", None), ("en", "twenty thirty", None),
]


@pytest.mark.parametrize(("lang", "token", "value"), NUMBERS, ids=[f"{n[0]}:{n[1]}" for n in NUMBERS])
def test_parse_number(lang: str, token: str, value: float | None) -> None:
    assert parse_number(token, lang) == value


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Pika 1.0 makes clips."),
    ("en", "Google's Veo 2 videos look sharp."),
    ("de", "Mit Veo 2 Videos zu erzeugen, ist einfach."),
])
def test_a_number_after_a_subject_name_is_part_of_the_name(lang: str, text: str) -> None:
    """The pack's subject names, not a list in the linter, say that "Veo 2" is a name, not two of something."""
    assert find_quantities(text, lang), "without the pack the number reads as a count"
    rulebook = load_pack([default_rules_dir()], (default_seeds_dir(),))
    sentences = read_sentences(read_document("draft.md", text.encode()), rulebook, lang)
    assert [q.text for sentence in sentences for q in sentence.quantities()] == []
