"""Table-driven tests for linter.claims.dates."""
from __future__ import annotations

import datetime as dt

import pytest

from linter.claims.dates import DateMention, find_dates

REF = dt.date(2024, 11, 27)  # a Wednesday, the day after the Sora leak
D = dt.date


def row(lang: str, sentence: str, text: str, first: dt.date, last: dt.date, granularity: str,
        weekday: int | None = None, relative: bool = False, ref: dt.date = REF) -> pytest.param:
    """One table row, named by its language and the expected span."""
    return pytest.param(lang, sentence, ref, (text, first, last, granularity, weekday, relative),
                        id=f"{lang}:{text}")


# (span text, first, last, granularity, weekday, relative), resolved against REF unless stated.
CASES = [
    # German: absolute days
    row("de", "OpenAI präsentierte Sora am 15. Februar 2024.", "am 15. Februar 2024", D(2024, 2, 15),
        D(2024, 2, 15), "day"),
    row("de", "Am 15.02.2024 stellte OpenAI Sora vor.", "Am 15.02.2024", D(2024, 2, 15), D(2024, 2, 15), "day"),
    row("de", "Das Protokoll nennt den 15.2.24 als Termin.", "15.2.24", D(2024, 2, 15), D(2024, 2, 15), "day"),
    row("de", "Laut Log war es 2024-02-15.", "2024-02-15", D(2024, 2, 15), D(2024, 2, 15), "day"),
    row("de", "OpenAI zeigte Sora am 15. Feb. 2024.", "am 15. Feb. 2024", D(2024, 2, 15), D(2024, 2, 15), "day"),
    row("de", "Am 9. Dezember startete Sora.", "Am 9. Dezember", D(2024, 12, 9), D(2024, 12, 9), "day",
        relative=True),
    row("de", "Der Beitrag erschien am 26.11. im Blog.", "am 26.11.", D(2024, 11, 26), D(2024, 11, 26), "day",
        relative=True),
    row("de", "Der Leak geschah am Dienstag, dem 26. November 2024.", "am Dienstag, dem 26. November 2024",
        D(2024, 11, 26), D(2024, 11, 26), "day", weekday=1),
    row("de", "Dienstag, 26. November 2024: Sora ist offen.", "Dienstag, 26. November 2024", D(2024, 11, 26),
        D(2024, 11, 26), "day", weekday=1),
    row("de", "Am Dienstag, den 26.11.2024 war Sora offen.", "Am Dienstag, den 26.11.2024", D(2024, 11, 26),
        D(2024, 11, 26), "day", weekday=1),
    row("de", "Das Treffen lief vom 1. bis 15. März 2024.", "vom 1. bis 15. März 2024", D(2024, 3, 1),
        D(2024, 3, 15), "day"),
    row("de", "Am 26. und 27. November war der Space online.", "26. und 27. November", D(2024, 11, 26),
        D(2024, 11, 27), "day", relative=True),
    # German: months, years and their parts
    row("de", "Im Februar 2024 stellte OpenAI Sora vor.", "Im Februar 2024", D(2024, 2, 1), D(2024, 2, 29), "month"),
    row("de", "Sora wurde im Dezember 2023 erstmals präsentiert.", "im Dezember 2023", D(2023, 12, 1),
        D(2023, 12, 31), "month"),
    row("de", "Im Mai 2024 zeigte Google Veo.", "Im Mai 2024", D(2024, 5, 1), D(2024, 5, 31), "month"),
    row("de", "Erst im Januar hat OpenAI das angekündigt.", "im Januar", D(2024, 1, 1), D(2024, 1, 31), "month",
        relative=True),
    row("de", "Im März kündigte OpenAI ein Update an.", "Im März", D(2024, 3, 1), D(2024, 3, 31), "month",
        relative=True),
    row("de", "Seit Dezember testen Künstler Sora.", "Seit Dezember", D(2024, 12, 1), D(2024, 12, 31), "month",
        relative=True),
    row("de", "Erstmals im Februar dieses Jahres hatte OpenAI Sora angekündigt.", "im Februar dieses Jahres",
        D(2024, 2, 1), D(2024, 2, 29), "month", relative=True),
    row("de", "Zwischen Januar und März 2024 testeten Künstler Sora.", "Zwischen Januar und März 2024",
        D(2024, 1, 1), D(2024, 3, 31), "month"),
    row("de", "Mitte Februar stellte OpenAI Sora vor.", "Mitte Februar", D(2024, 2, 11), D(2024, 2, 20), "month",
        relative=True),
    row("de", "Anfang Februar 2024 kursierten Gerüchte.", "Anfang Februar 2024", D(2024, 2, 1), D(2024, 2, 10),
        "month"),
    row("de", "Ende Februar gab es Kritik.", "Ende Februar", D(2024, 2, 21), D(2024, 2, 29), "month", relative=True),
    row("de", "Mitte des Monats soll ein Update kommen.", "Mitte des Monats", D(2024, 11, 11), D(2024, 11, 20),
        "month", relative=True),
    row("de", "Runway stellte Gen-2 bereits 2023 vor.", "2023", D(2023, 1, 1), D(2023, 12, 31), "year"),
    row("de", "Im Jahr 2024 kam Sora.", "Im Jahr 2024", D(2024, 1, 1), D(2024, 12, 31), "year"),
    row("de", "Mira Murati hielt einen Start Ende 2024 für möglich.", "Ende 2024", D(2024, 9, 1), D(2024, 12, 31),
        "year"),
    row("de", "Murati sagte, Sora könne bis Ende 2024 starten.", "bis Ende 2024", D(2024, 9, 1), D(2024, 12, 31),
        "year"),
    row("de", "Anfang 2024 zeigte OpenAI erste Clips.", "Anfang 2024", D(2024, 1, 1), D(2024, 4, 30), "year"),
    row("de", "Mitte 2024 folgte ein Update.", "Mitte 2024", D(2024, 5, 1), D(2024, 8, 31), "year"),
    row("de", "Anfang des Jahres hatte OpenAI Sora angekündigt.", "Anfang des Jahres", D(2024, 1, 1),
        D(2024, 4, 30), "year", relative=True),
    row("de", "Ende des Jahres soll Sora starten.", "Ende des Jahres", D(2024, 9, 1), D(2024, 12, 31), "year",
        relative=True),
    row("de", "Bis zum Jahresende soll Sora verfügbar sein.", "Bis zum Jahresende", D(2024, 9, 1), D(2024, 12, 31),
        "year", relative=True),
    row("de", "Ende letzten Jahres stellte Pika sein Modell vor.", "Ende letzten Jahres", D(2023, 9, 1),
        D(2023, 12, 31), "year", relative=True),
    row("de", "Im vergangenen Jahr stellte Runway Gen-2 vor.", "Im vergangenen Jahr", D(2023, 1, 1),
        D(2023, 12, 31), "year", relative=True),
    row("de", "Im Vorjahr präsentierte Runway Gen-2.", "Im Vorjahr", D(2023, 1, 1), D(2023, 12, 31), "year",
        relative=True),
    row("de", "Nächstes Jahr soll Sora nach Europa kommen.", "Nächstes Jahr", D(2025, 1, 1), D(2025, 12, 31),
        "year", relative=True),
    row("de", "Im ersten Halbjahr 2025 soll Sora starten.", "Im ersten Halbjahr 2025", D(2025, 1, 1),
        D(2025, 6, 30), "year"),
    # German: seasons and quarters
    row("de", "Murati kündigte den Start für Sommer 2025 an.", "Sommer 2025", D(2025, 6, 1), D(2025, 8, 31),
        "season"),
    row("de", "Im Herbst kam die Ankündigung.", "Im Herbst", D(2024, 9, 1), D(2024, 11, 30), "season",
        relative=True),
    row("de", "Im Frühjahr 2024 testeten Künstler Sora.", "Im Frühjahr 2024", D(2024, 3, 1), D(2024, 5, 31),
        "season"),
    row("de", "Im Winter 2024 soll Sora erscheinen.", "Im Winter 2024", D(2024, 12, 1), D(2025, 2, 28), "season"),
    row("de", "Im Winter war es ruhig.", "Im Winter", D(2024, 12, 1), D(2025, 2, 28), "season", relative=True,
        ref=D(2025, 1, 15)),
    row("de", "Im Sommer nächsten Jahres soll Sora kommen.", "Im Sommer nächsten Jahres", D(2025, 6, 1),
        D(2025, 8, 31), "season", relative=True),
    row("de", "Im vierten Quartal 2024 wuchs der Umsatz.", "Im vierten Quartal 2024", D(2024, 10, 1),
        D(2024, 12, 31), "quarter"),
    row("de", "Im 4. Quartal soll Sora starten.", "Im 4. Quartal", D(2024, 10, 1), D(2024, 12, 31), "quarter",
        relative=True),
    row("de", "Q1 2025 ist als Termin genannt.", "Q1 2025", D(2025, 1, 1), D(2025, 3, 31), "quarter"),
    # German: weekdays and relative days
    row("de", "Am Dienstag war Sora für mehrere Stunden zugänglich.", "Am Dienstag", D(2024, 11, 26),
        D(2024, 11, 26), "weekday", weekday=1, relative=True),
    row("de", "Am gestrigen Dienstag wurde Sora geleakt.", "Am gestrigen Dienstag", D(2024, 11, 26),
        D(2024, 11, 26), "weekday", weekday=1, relative=True),
    row("de", "OpenAI reagierte am Mittwoch.", "am Mittwoch", D(2024, 11, 27), D(2024, 11, 27), "weekday",
        weekday=2, relative=True),
    row("de", "Am kommenden Montag startet die Beta.", "Am kommenden Montag", D(2024, 12, 2), D(2024, 12, 2),
        "weekday", weekday=0, relative=True),
    row("de", "Am vergangenen Mittwoch sprach Altman.", "Am vergangenen Mittwoch", D(2024, 11, 20),
        D(2024, 11, 20), "weekday", weekday=2, relative=True),
    row("de", "Am morgigen Donnerstag folgt ein Update.", "Am morgigen Donnerstag", D(2024, 11, 28),
        D(2024, 11, 28), "weekday", weekday=3, relative=True),
    row("de", "Am Dienstagabend wurde der Zugang gesperrt.", "Am Dienstagabend", D(2024, 11, 26), D(2024, 11, 26),
        "weekday", weekday=1, relative=True),
    row("de", "Montag vergangener Woche gab es Gerüchte.", "Montag vergangener Woche", D(2024, 11, 18),
        D(2024, 11, 18), "weekday", weekday=0, relative=True),
    row("de", "Gestern wurde Sora geleakt.", "Gestern", D(2024, 11, 26), D(2024, 11, 26), "day", relative=True),
    row("de", "Gestern Abend tauchte der Space auf.", "Gestern Abend", D(2024, 11, 26), D(2024, 11, 26), "day",
        relative=True),
    row("de", "Heute bestätigte OpenAI den Vorfall.", "Heute", REF, REF, "day", relative=True),
    row("de", "Vorgestern tauchte der Space auf.", "Vorgestern", D(2024, 11, 25), D(2024, 11, 25), "day",
        relative=True),
    row("de", "OpenAI will morgen eine Stellungnahme abgeben.", "morgen", D(2024, 11, 28), D(2024, 11, 28), "day",
        relative=True),
    row("de", "Letzte Woche gab es ein Treffen.", "Letzte Woche", D(2024, 11, 18), D(2024, 11, 24), "week",
        relative=True),
    row("de", "In der vergangenen Woche testeten Künstler Sora.", "In der vergangenen Woche", D(2024, 11, 18),
        D(2024, 11, 24), "week", relative=True),
    row("de", "Nächste Woche folgt ein Update.", "Nächste Woche", D(2024, 12, 2), D(2024, 12, 8), "week",
        relative=True),
    row("de", "Vor zwei Wochen tauchten erste Gerüchte auf.", "Vor zwei Wochen", D(2024, 11, 11), D(2024, 11, 17),
        "week", relative=True),
    row("de", "Vor drei Tagen kam die Nachricht.", "Vor drei Tagen", D(2024, 11, 24), D(2024, 11, 24), "day",
        relative=True),
    row("de", "Letzten Monat gab es ein Update.", "Letzten Monat", D(2024, 10, 1), D(2024, 10, 31), "month",
        relative=True),
    # English: absolute days
    row("en", "OpenAI unveiled Sora on February 15, 2024.", "on February 15, 2024", D(2024, 2, 15), D(2024, 2, 15),
        "day"),
    row("en", "Sora was announced on 15 February 2024.", "on 15 February 2024", D(2024, 2, 15), D(2024, 2, 15),
        "day"),
    row("en", "The demo reel went up Feb. 15.", "Feb. 15", D(2024, 2, 15), D(2024, 2, 15), "day", relative=True),
    row("en", "Sora launched on December 9.", "on December 9", D(2024, 12, 9), D(2024, 12, 9), "day",
        relative=True),
    row("en", "The Space went live on 11/26/2024.", "on 11/26/2024", D(2024, 11, 26), D(2024, 11, 26), "day"),
    row("en", "The Sora leak took place on Tuesday, November 26, 2024.", "on Tuesday, November 26, 2024",
        D(2024, 11, 26), D(2024, 11, 26), "day", weekday=1),
    row("en", "The leak happened on Tuesday, 26 November 2024.", "on Tuesday, 26 November 2024", D(2024, 11, 26),
        D(2024, 11, 26), "day", weekday=1),
    row("en", "Testing ran March 1–15, 2024.", "March 1–15, 2024", D(2024, 3, 1), D(2024, 3, 15), "day"),
    row("en", "Artists tested it on the 15th of March 2024.", "on the 15th of March 2024", D(2024, 3, 15),
        D(2024, 3, 15), "day"),
    # English: months, years and their parts
    row("en", "OpenAI first presented Sora in February 2024.", "in February 2024", D(2024, 2, 1), D(2024, 2, 29),
        "month"),
    row("en", "Google announced Veo 2 in December 2024.", "in December 2024", D(2024, 12, 1), D(2024, 12, 31),
        "month"),
    row("en", "In May 2024 Google showed Veo.", "In May 2024", D(2024, 5, 1), D(2024, 5, 31), "month"),
    row("en", "The tool arrived in May.", "in May", D(2024, 5, 1), D(2024, 5, 31), "month", relative=True),
    row("en", "Sora launched in December.", "in December", D(2024, 12, 1), D(2024, 12, 31), "month",
        relative=True),
    row("en", "Artists tested Sora from January to March 2024.", "from January to March 2024", D(2024, 1, 1),
        D(2024, 3, 31), "month"),
    row("en", "Sora was shown to studios in mid-February.", "in mid-February", D(2024, 2, 11), D(2024, 2, 20),
        "month", relative=True),
    row("en", "Reviews came in late February 2024.", "in late February 2024", D(2024, 2, 21), D(2024, 2, 29),
        "month"),
    row("en", "In 2017 Google presented a technique.", "In 2017", D(2017, 1, 1), D(2017, 12, 31), "year"),
    row("en", "Mira Murati said Sora could launch by the end of 2024.", "by the end of 2024", D(2024, 9, 1),
        D(2024, 12, 31), "year"),
    row("en", "Murati floated a late-2024 release.", "late-2024", D(2024, 9, 1), D(2024, 12, 31), "year"),
    row("en", "OpenAI plans a launch in early 2025.", "in early 2025", D(2025, 1, 1), D(2025, 4, 30), "year"),
    row("en", "A mid-2024 update added sound.", "mid-2024", D(2024, 5, 1), D(2024, 8, 31), "year"),
    row("en", "Sora should ship by the end of the year.", "by the end of the year", D(2024, 9, 1), D(2024, 12, 31),
        "year", relative=True),
    row("en", "Earlier this year OpenAI showed Sora.", "Earlier this year", D(2024, 1, 1), REF, "year",
        relative=True),
    row("en", "Last year Runway released Gen-2.", "Last year", D(2023, 1, 1), D(2023, 12, 31), "year",
        relative=True),
    row("en", "Sora may reach Europe next year.", "next year", D(2025, 1, 1), D(2025, 12, 31), "year",
        relative=True),
    row("en", "In the first half of 2025 Sora should launch.", "In the first half of 2025", D(2025, 1, 1),
        D(2025, 6, 30), "year"),
    # English: seasons and quarters
    row("en", "Mira Murati said Sora would launch in the summer of 2025.", "in the summer of 2025", D(2025, 6, 1),
        D(2025, 8, 31), "season"),
    row("en", "The app launched in fall 2024.", "in fall 2024", D(2024, 9, 1), D(2024, 11, 30), "season"),
    row("en", "Sora could arrive this spring.", "this spring", D(2025, 3, 1), D(2025, 5, 31), "season",
        relative=True, ref=D(2025, 4, 2)),
    row("en", "Revenue grew in the fourth quarter of 2024.", "in the fourth quarter of 2024", D(2024, 10, 1),
        D(2024, 12, 31), "quarter"),
    row("en", "The update is due in Q3.", "in Q3", D(2024, 7, 1), D(2024, 9, 30), "quarter", relative=True),
    # English: weekdays and relative days
    row("en", "The leak happened on Tuesday.", "on Tuesday", D(2024, 11, 26), D(2024, 11, 26), "weekday",
        weekday=1, relative=True),
    row("en", "OpenAI issued a statement on Wednesday.", "on Wednesday", REF, REF, "weekday", weekday=2,
        relative=True),
    row("en", "Last Tuesday the Space went live.", "Last Tuesday", D(2024, 11, 26), D(2024, 11, 26), "weekday",
        weekday=1, relative=True),
    row("en", "Next Monday OpenAI will respond.", "Next Monday", D(2024, 12, 2), D(2024, 12, 2), "weekday",
        weekday=0, relative=True),
    row("en", "On Tuesday night the Space went down.", "On Tuesday night", D(2024, 11, 26), D(2024, 11, 26),
        "weekday", weekday=1, relative=True),
    row("en", "Yesterday a group of artists leaked Sora.", "Yesterday", D(2024, 11, 26), D(2024, 11, 26), "day",
        relative=True),
    row("en", "Today OpenAI confirmed it.", "Today", REF, REF, "day", relative=True),
    row("en", "Tomorrow the company will decide.", "Tomorrow", D(2024, 11, 28), D(2024, 11, 28), "day",
        relative=True),
    row("en", "Last night the Space went offline.", "Last night", D(2024, 11, 26), D(2024, 11, 26), "day",
        relative=True),
    row("en", "Last week OpenAI met studios.", "Last week", D(2024, 11, 18), D(2024, 11, 24), "week",
        relative=True),
    row("en", "This week brought a leak.", "This week", D(2024, 11, 25), D(2024, 12, 1), "week", relative=True),
    row("en", "Two weeks ago rumours surfaced.", "Two weeks ago", D(2024, 11, 11), D(2024, 11, 17), "week",
        relative=True),
    row("en", "Three days ago the Space appeared.", "Three days ago", D(2024, 11, 24), D(2024, 11, 24), "day",
        relative=True),
    row("en", "Last month OpenAI hired a new lead.", "Last month", D(2024, 10, 1), D(2024, 10, 31), "month",
        relative=True),
]


@pytest.mark.parametrize(("lang", "sentence", "ref", "expected"), CASES)
def test_date(lang: str, sentence: str, ref: dt.date, expected: tuple) -> None:
    mentions = find_dates(sentence, lang, ref)
    matching = [m for m in mentions if m.text == expected[0]]
    assert matching, f"no mention {expected[0]!r} in {[m.text for m in mentions]}"
    m = matching[0]
    assert (m.text, m.first, m.last, m.granularity, m.weekday, m.relative) == expected


NO_DATES = [
    ("de", "Die Clips dauern zehn Sekunden."),
    ("de", "Das dauerte mehrere Stunden."),
    ("de", "OpenAI zeigte 48 Videos."),
    ("de", "Runway Gen-2 und Pika 1.0 sind Konkurrenten von Sora 2."),
    ("de", "Die Auflösung beträgt 1024 × 768 Pixel."),
    ("de", "Die Auflösung 1920x1080 reicht, 2048 × 1080 auch."),
    ("de", "Videos in 1080p sind möglich."),
    ("de", "Um 21:40 Uhr war der Space offline."),
    ("de", "Das Abo kostet 20 Euro im Monat, 15 Prozent mehr."),
    ("de", "Die Datei 2024-sora.png liegt bereit."),
    ("de", "Rund 2000 Nutzer testeten Sora."),
    ("de", "Am Morgen war der Space offline."),
    ("de", "Version 1.2.3 behebt Fehler, Teil 2 folgt."),
    ("de", "Seit zwei Wochen testet OpenAI intern."),
    ("de", "In den vergangenen Jahren wuchs der Markt."),
    ("de", "August Diehl spricht die Rolle."),
    ("en", "The clips last two minutes."),
    ("en", "It may take a while until Sora ships."),
    ("en", "May we see the full clip?"),
    ("en", "OpenAI showed 48 videos and 15 clips."),
    ("en", "Pika 1.0 and GPT-4 compete with Sora 2."),
    ("en", "Sora renders at 1920 × 1080 and 1080p."),
    ("en", "The summer blockbuster season starts."),
    ("en", "Prices fall as models spring up."),
    ("en", "The second half of the clip is blurry."),
    ("en", "In the last quarter, revenue rose."),
    ("en", "Over 2000 users signed up, paying $2024 in total."),
    ("en", "At 21:40 the site went down."),
    ("en", "Protesters march on while the demo runs 2 hours."),
    ("en", "See openai.com/index/sora-2024 for details."),
]


@pytest.mark.parametrize(("lang", "sentence"), NO_DATES, ids=[f"{lang}:{s}" for lang, s in NO_DATES])
def test_no_date(lang: str, sentence: str) -> None:
    assert find_dates(sentence, lang, REF) == []


EXPLICIT_YEAR = [
    ("de", "am 15.2.24", True), ("de", "Ende 2024", True), ("de", "im Februar dieses Jahres", False),
    ("de", "Am Dienstag", False), ("en", "Q4 '24", True), ("en", "in May", False),
]


@pytest.mark.parametrize(("lang", "phrase", "explicit"), EXPLICIT_YEAR, ids=[p for _, p, _ in EXPLICIT_YEAR])
def test_explicit_year(lang: str, phrase: str, explicit: bool) -> None:
    [mention] = find_dates(phrase, lang, REF)
    assert mention.text == phrase and mention.explicit_year is explicit


def test_two_complete_dates_stay_two_mentions() -> None:
    texts = [m.text for m in find_dates("Von 2023 bis 2024 und vom 1. März 2024 bis 15. April 2024.", "de", REF)]
    assert texts == ["2023", "bis 2024", "vom 1. März 2024", "bis 15. April 2024"]


def test_month_without_year_soon_after_the_reference_stays_in_its_year() -> None:
    [mention] = find_dates("Im April kommt Sora.", "de", D(2024, 2, 1))
    assert (mention.first, mention.relative) == (D(2024, 4, 1), True)


def test_month_without_year_far_after_the_reference_is_last_years() -> None:
    [mention] = find_dates("Im November wurde Sora geleakt.", "de", D(2025, 2, 15))
    assert (mention.first, mention.last, mention.relative) == (D(2024, 11, 1), D(2024, 11, 30), True)


def test_no_reference_uses_today() -> None:
    [mention] = find_dates("im Januar", "de")
    assert mention.first == D(dt.date.today().year, 1, 1) and mention.relative


def test_mentions_are_ordered_and_disjoint() -> None:
    sentence = "Am 15. Februar 2024 zeigte OpenAI Sora, im Dezember 2024 folgte der Start, Ende 2025 mehr."
    mentions = find_dates(sentence, "de", REF)
    assert [m.text for m in mentions] == ["Am 15. Februar 2024", "im Dezember 2024", "Ende 2025"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


ALL_SENTENCES = [(p.values[0], p.values[1]) for p in CASES] + NO_DATES


def test_spans_round_trip() -> None:
    for lang, sentence in ALL_SENTENCES:
        for mention in find_dates(sentence, lang, REF):
            assert isinstance(mention, DateMention)
            assert sentence[mention.start:mention.end] == mention.text
            assert mention.first <= mention.last


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60 and len(NO_DATES) >= 15


@pytest.mark.parametrize("sentence, lang, day", [
    ("A year ago today, OpenAI unveiled Sora.", "en", D(2024, 2, 15)),
    ("Heute vor einem Jahr stellte OpenAI Sora vor.", "de", D(2024, 2, 15)),
    ("Vor zwei Monaten, heute, ging es los.", "de", D(2024, 12, 15)),
], ids=["en:a-year-ago-today", "de:heute-vor-einem-jahr", "de:vor-zwei-monaten-heute"])
def test_anniversary_is_one_day(sentence: str, lang: str, day: dt.date) -> None:
    [mention] = find_dates(sentence, lang, D(2025, 2, 15))
    assert (mention.first, mention.last, mention.granularity) == (day, day, "day")
