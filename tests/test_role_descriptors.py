"""What is said of a person beside the name, besides the title: the institution (`at`), the place (`in`)
and the nationality (`nationality`) of a role fact, on a pack about invented people
(tests/fixtures/packs/campus) and sentences written for this test: both languages, before the name, in
an apposition, after a copula or a verb of working, in a relative clause; flags and passes. What is said
of someone else in the sentence, or of the past, must not flag."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from linter.claims.descriptors import nationality_of
from linter.engine import lint_document
from linter.rulebook import load_pack
from linter.segments import read_markdown
from linter.vocabulary import roles_agree

PACK = Path(__file__).parent / "fixtures" / "packs" / "campus" / "rules"
DATE = dt.date(2025, 6, 1)
BRANDT, REYES = "campus.role.brandt", "campus.role.reyes"


@pytest.fixture(scope="module")
def rulebook():
    return load_pack([PACK])


# (language, text, the rule that must report it, or None)
CASES = {
    # --- the institution: another one named beside the person ---------------------------------------
    "de:institution:compound": ("de", "Der Harbour-Politikwissenschaftler Jonas Brandt legte eine Studie vor.", BRANDT),
    "de:institution:after-von": ("de", "Jonas Brandt von der Universität Rostock legte eine Studie vor.", BRANDT),
    "de:institution:verb-of-working": ("de", "Brandt lehrt an der Technischen Hochschule Lübeck.", BRANDT),
    "de:institution:relative-clause": ("de", "Jonas Brandt, der am KIT forscht, legte eine Studie vor.", BRANDT),
    "en:institution:acronym-before": ("en", "UCL political scientist Jonas Brandt presented a study.", BRANDT),
    "en:institution:possessive": ("en", "Harbour College's Jonas Brandt presented a study.", BRANDT),
    "en:institution:apposition": ("en", "Jonas Brandt, a professor at Harbour College, presented a study.", BRANDT),
    "en:institution:relative-clause": ("en", "Jonas Brandt, who teaches at Harbour College, presented a study.", BRANDT),
    "de:institution:right": ("de", "Jonas Brandt, Professor an der Hochschule Nord, legte eine Studie vor.", None),
    "en:institution:right": ("en", "Jonas Brandt of Northern University of Applied Sciences presented a study.", None),
    "de:institution:field-prefix": ("de", "Der Verteidigungs-Experte Jonas Brandt legte eine Studie vor.", None),
    "en:institution:field-prefix": ("en", "Security expert Jonas Brandt presented a study.", None),
    "en:institution:first-word": ("en", "Renowned political scientist Jonas Brandt presented a study.", None),
    "en:institution:name-inside": ("en", "Last week Harbour political scientist Jonas Brandt presented a study.", BRANDT),
    "de:institution:nationality-prefix": ("de", "Der US-Forscher Tom Hill und Jonas Brandt legten eine Studie vor.", None),
    "en:institution:past-relative-clause": ("en", "Jonas Brandt, who once studied at Harbour College, presented a study.",
                                            None),
    "de:institution:former": ("de", "Der ehemalige Harbour-Forscher Jonas Brandt legte eine Studie vor.", None),
    "de:institution:someone-else": ("de", "Die Harbour-Forscherin Mia Holm und Jonas Brandt legten eine Studie vor.", None),
    "en:institution:past-copula": ("en", "Jonas Brandt was at Harbour College until 2019.", None),
    "de:institution:common-noun": ("de", "Das sagte Jonas Brandt bei dem Empfang.", None),
    "de:institution:after-article": ("de", "Jonas Brandt von der Universität Rostock sprach bei der Harbour AG.", BRANDT),
    "de:institution:unknown-title": ("de", "Jonas Brandt, Wahlforscher an der Universität Rostock, legte eine Studie vor.",
                                     BRANDT),
    "en:place:unknown-title": ("en", "Aiyana Reyes, archivist at the University of Oaxaca, spoke about records.", REYES),
    "en:place:unknown-title-right": ("en", "Aiyana Reyes, archivist in Puebla, spoke about records.", None),
    "en:institution:indefinite": ("en", "Jonas Brandt, guest at a Harbour College workshop, presented a study.", None),
    "en:institution:participle": ("en", "Jonas Brandt, speaking at Harbour College, presented a study.", None),
    "de:institution:where-he-spoke": ("de", "Jonas Brandt, der bei einer Tagung der Universität Rostock sprach, legte "
                                            "eine Studie vor.", None),
    "de:institution:genitive-common-noun": ("de", "Jonas Brandt, einer der bekanntesten Wahlforscher der Republik, legte "
                                                  "eine Studie vor.", None),
    "de:institution:genitive": ("de", "Jonas Brandt, Professor der Harbour University, legte eine Studie vor.", BRANDT),
    # --- the place: another city named as the person's ---------------------------------------------
    "de:place:demonym": ("de", "Der Rostocker Politikwissenschaftler Jonas Brandt legte eine Studie vor.", BRANDT),
    "de:place:university-of": ("de", "Aiyana Reyes von der Universität Oaxaca sprach über Stadtarchive.", REYES),
    "de:place:in-after-title": ("de", "Aiyana Reyes, Historikerin in Oaxaca, sprach über Stadtarchive.", REYES),
    "de:place:copula": ("de", "Reyes ist Historikerin in Oaxaca.", REYES),
    "en:place:based": ("en", "Oaxaca-based historian Aiyana Reyes spoke about city archives.", REYES),
    "en:place:university-of": ("en", "Aiyana Reyes, a historian at the University of Oaxaca, spoke about archives.", REYES),
    "de:place:right-demonym": ("de", "Der Kieler Politikwissenschaftler Jonas Brandt legte eine Studie vor.", None),
    "en:place:right": ("en", "Aiyana Reyes, a historian in Puebla, spoke about city archives.", None),
    "de:place:someone-else": ("de", "Anders als der Rostocker Forscher Paul Kern sagt Brandt, die Wahlbeteiligung steige.",
                              None),
    "en:place:not-where-she-works": ("en", "Aiyana Reyes, who spoke in Oaxaca last week, studies city archives.", None),
    "de:place:past": ("de", "Aiyana Reyes, die früher in Oaxaca forschte, sprach über Stadtarchive.", None),
    "de:place:past-relative-clause": ("de", "Aiyana Reyes, die an der Universität Oaxaca promovierte, sprach.", None),
    "de:place:relative-clause": ("de", "Aiyana Reyes, die an der Universität Oaxaca lehrt, sprach.", REYES),
    "de:place:a-country-is-no-city": ("de", "Aiyana Reyes, Historikerin aus Mexiko, sprach über Stadtarchive.", None),
    # --- the nationality -----------------------------------------------------------------------------
    "de:nationality:adjective-before": ("de", "Die spanische Historikerin Aiyana Reyes sprach über Stadtarchive.", REYES),
    "de:nationality:apposition": ("de", "Aiyana Reyes, eine kolumbianische Historikerin, sprach über Stadtarchive.",
                                  REYES),
    "de:nationality:from-country": ("de", "Aiyana Reyes, Historikerin aus Peru, sprach über Stadtarchive.", REYES),
    "de:nationality:noun-copula": ("de", "Reyes ist Chilenin.", REYES),
    "en:nationality:before": ("en", "Argentine historian Aiyana Reyes spoke about city archives.", REYES),
    "en:nationality:apposition": ("en", "Aiyana Reyes, the Chilean historian, spoke about city archives.", REYES),
    "en:nationality:copula": ("en", "Aiyana Reyes is Peruvian.", REYES),
    "de:nationality:right": ("de", "Die Historikerin Aiyana Reyes aus Mexiko sprach über Stadtarchive.", None),
    "en:nationality:right": ("en", "Mexican historian Aiyana Reyes spoke about city archives.", None),
    "de:nationality:someone-else": ("de", "Aiyana Reyes und der spanische Historiker Juan Vidal sprachen über Archive.",
                                    None),
    "de:nationality:in-a-relative-clause": ("de", "Aiyana Reyes, die mit einem spanischen Archiv arbeitet, sprach.", None),
    "en:nationality:object": ("en", "Aiyana Reyes told a Spanish newspaper that archives matter.", None),
    "en:nationality:denied": ("en", "Aiyana Reyes is not Chilean.", None),
    "de:nationality:place-before": ("de", "Die in Spanien bekannte Historikerin Aiyana Reyes sprach über Archive.", None),
    "de:nationality:subject-of-a-verb": ("de", "Die spanische Historikerin lobte Aiyana Reyes.", None),
    "de:nationality:noun-subject": ("de", "Der Spanier lobte Aiyana Reyes.", None),
    "en:nationality:subject-of-a-verb": ("en", "The Spanish historian met Aiyana Reyes in March.", None),
    "en:nationality:unknown-title": ("en", "Chilean archivist Aiyana Reyes spoke about city archives.", REYES),
    # --- professions: a kind of researcher is not another kind --------------------------------------
    "de:profession:other": ("de", "Der Soziologe Jonas Brandt legte eine Studie vor.", BRANDT),
    "en:profession:other": ("en", "Jonas Brandt, a computer scientist at Hochschule Nord, presented a study.", BRANDT),
    "de:profession:broader": ("de", "Der Forscher Jonas Brandt von der Hochschule Nord legte eine Studie vor.", None),
    "en:profession:broader": ("en", "Professor Jonas Brandt presented a study.", None),
}


@pytest.mark.parametrize(("lang", "text", "rule"), CASES.values(), ids=CASES.keys())
def test_what_is_said_beside_the_name(rulebook, lang, text, rule):
    doc = read_markdown(f"---\nlang: {lang}\ndate: {DATE.isoformat()}\n---\n\n{text}\n", "<test>")
    findings = [f for f in lint_document(doc, rulebook, date=DATE) if f.severity.name in ("ERROR", "WARNING")]
    assert sorted({f.rule for f in findings}) == ([rule] if rule else []), [f.message for f in findings]


@pytest.mark.parametrize(("word", "key"), [("amerikanisch", "us"), ("US", "us"), ("American", "us"), ("britische", "gb"),
                                           ("Kanada", "ca"), ("South African", "za"), ("Haus", None)])
def test_nationality_words(word, key):
    assert nationality_of(word) == key


@pytest.mark.parametrize(("said", "right", "agree"), [
    ("researcher", "communication_scientist", True),        # "Forscherin" for a communication scientist
    ("computer_scientist", "researcher", True),             # "Informatiker" for a researcher
    ("biologist", "marine_biologist", True),
    ("computer_scientist", "communication_scientist", False),
    ("journalist", "communication_scientist", False),
])
def test_roles_agree_along_broader(said, right, agree):
    assert roles_agree(said, right) is agree


def test_unknown_nationality_is_refused(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    text = (PACK / "campus.yaml").read_text(encoding="utf-8").replace("nationality: [mexikanisch, Mexican]",
                                                                        "nationality: [marsianisch]")
    (rules / "campus.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(Exception, match=r'campus.yaml:\d+: .*"expected.nationality".*"marsianisch"'):
        load_pack([rules])
