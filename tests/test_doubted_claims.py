"""A rumour, a debunked claim or a question asserts nothing, for every kind of fact: each case is a
wrong claim the draft asserts (a finding) and the same claim told as a rumour or corrected (none).
Sentences are written for this test, about the invented tram line of tests/fixtures/packs/tram."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from linter.engine import lint_document
from linter.rulebook import load_pack
from linter.segments import read_markdown

PACK = Path(__file__).parent / "fixtures" / "packs" / "tram" / "rules"
DATE = dt.date(2025, 10, 1)


@pytest.fixture(scope="module")
def rulebook():
    return load_pack([PACK])


def _findings(rulebook, lang: str, text: str) -> list[tuple[str, str]]:
    doc = read_markdown(f"---\nlang: {lang}\ndate: {DATE.isoformat()}\n---\n# Linie 7\n\n{text}\n", "<test>")
    return sorted((f.rule, f.severity.name.lower()) for f in lint_document(doc, rulebook, date=DATE))


# (language, the rule, the wrong claim asserted, the same claim doubted)
CASES = {
    "de:category:rumour": ("de", "tram.operator", "Bahnbau Ost betreibt die Linie 7.",
                           "Angeblich betreibt Bahnbau Ost die Linie 7."),
    "de:category:debunked": ("de", "tram.operator", "Betrieben wird die Linie 7 von Bahnbau Ost.",
                             "Die Behauptung, betrieben werde die Linie 7 von Bahnbau Ost, machte im Netz die Runde."),
    "en:category:rumour": ("en", "tram.operator", "Line 7 is run by Bahnbau Ost.",
                           "Line 7 is reportedly run by Bahnbau Ost."),
    "en:category:debunked": ("en", "tram.operator", "Line 7 is run by Bahnbau Ost.",
                             "Posts wrongly said that line 7 is run by Bahnbau Ost."),
    "de:role:rumour": ("de", "tram.role.lindqvist", "Petra Lindqvist ist Sprecherin der Stadt.",
                       "Petra Lindqvist ist angeblich Sprecherin der Stadt."),
    "de:role:debunked": ("de", "tram.role.lindqvist", "Die Pressesprecherin Petra Lindqvist lobte die Bauarbeiter.",
                         "In einer früheren Version hieß Petra Lindqvist fälschlich Pressesprecherin."),
    "en:role:rumour": ("en", "tram.role.lindqvist", "Petra Lindqvist, the city's chief executive, praised the crews.",
                       "Petra Lindqvist, supposedly the city's chief executive, praised the crews."),
    "en:role:debunked": ("en", "tram.role.lindqvist", "Petra Lindqvist is the city's chief executive.",
                         "An earlier version of this article wrongly said Petra Lindqvist is the city's chief executive."),
    "de:role:question": ("de", "tram.role.lindqvist", "Petra Lindqvist ist Sprecherin der Stadt.",
                         "Ist Petra Lindqvist Sprecherin der Stadt?"),
    "en:category:question": ("en", "tram.operator", "Line 7 is run by Bahnbau Ost.", "Is line 7 run by Bahnbau Ost?"),
}


@pytest.mark.parametrize(("lang", "rule", "asserted", "doubted"), CASES.values(), ids=CASES.keys())
def test_asserted_is_a_finding(rulebook, lang, rule, asserted, doubted):
    assert _findings(rulebook, lang, asserted) == [(rule, "error")]


@pytest.mark.parametrize(("lang", "rule", "asserted", "doubted"), CASES.values(), ids=CASES.keys())
def test_doubted_is_no_finding(rulebook, lang, rule, asserted, doubted):
    # not even at `info`, as a quotation is: no one says it is so
    assert _findings(rulebook, lang, doubted) == []
