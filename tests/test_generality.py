"""Generality: a pack about a story the linter was never tuned on (an invented tram line, in
tests/fixtures/packs/tram), its facts written in plain words, checked on sentences written for this
test in new phrasings — both languages, German main and subordinate clauses, separable verbs,
appositions, English active and passive — as flags and passes. Nothing here is in the dev drafts."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from linter.engine import lint_document
from linter.rulebook import load_pack
from linter.segments import read_document, read_markdown

PACK = Path(__file__).parent / "fixtures" / "packs" / "tram" / "rules"
AFTER_OPENING = dt.date(2025, 10, 1)
BEFORE_OPENING = dt.date(2025, 8, 1)


@pytest.fixture(scope="module")
def rulebook():
    return load_pack([PACK])


# (language, draft date, text, the rule that must report it, or None for no error or warning)
CASES = {
    # --- the opening date: open / in_operation in every word order --------------------------------
    "de:open:main-clause": ("de", AFTER_OPENING, "Eröffnet wurde die Linie 7 am 13. September 2025.", "tram.opening.date"),
    "de:open:subordinate": ("de", AFTER_OPENING, "Es freut die Stadt, dass die Linie 7 am 20. September 2025 eröffnet wurde.",
                            "tram.opening.date"),
    "de:open:date-apposition": ("de", AFTER_OPENING, "Die Linie 7 wurde am Sonntag, 7. September 2025, eröffnet.",
                                "tram.opening.date"),
    "de:open:phrase-verb": ("de", AFTER_OPENING, "Im August 2025 ging die Linie 7 in Betrieb.", "tram.opening.date"),
    "de:open:noun": ("de", AFTER_OPENING, "Die Eröffnung der Linie 7 war am 30. August 2025.", "tram.opening.date"),
    "de:open:right": ("de", AFTER_OPENING, "Am 6. September 2025 wurde die Linie 7 eröffnet.", None),
    "de:open:coarser-is-right": ("de", AFTER_OPENING, "Die Linie 7 ging im Herbst 2025 in Betrieb.", None),
    "de:open:other-line": ("de", AFTER_OPENING, "Die Linie 3 wurde am 13. September 2025 eröffnet.", None),
    "de:open:question": ("de", AFTER_OPENING, "Wurde die Linie 7 am 13. September 2025 eröffnet?", None),
    "de:open:plan-of-another": ("de", AFTER_OPENING, "Der Flughafenast soll im Dezember 2027 eröffnet werden.", None),
    "en:open:active": ("en", AFTER_OPENING, "Line 7 opened to passengers on 13 September 2025.", "tram.opening.date"),
    "en:open:passive": ("en", AFTER_OPENING, "The tram line 7 was inaugurated in July 2025.", "tram.opening.date"),
    "en:open:fronted-date": ("en", AFTER_OPENING, "In August 2025, line 7 went into operation.", "tram.opening.date"),
    "en:open:right": ("en", AFTER_OPENING, "Line 7 opened on Saturday, 6 September 2025.", None),
    "en:open:rumour": ("en", AFTER_OPENING, "Some posts claimed that line 7 opened on 13 September 2025.", None),
    "de:open:fact-box-row": ("de", AFTER_OPENING, "| Linie 7 | |\n|---|---|\n| Eröffnet am | 13. September 2025 |",
                             "tram.opening.date"),
    "de:open:table-column-header": ("de", AFTER_OPENING, "| Linie | Eröffnet |\n|---|---|\n| Linie 7 | 13. September 2025 |",
                                    "tram.opening.date"),
    "de:open:table-column-header-other-row": ("de", AFTER_OPENING,
                                              "| Linie | Eröffnet |\n|---|---|\n| Linie 3 | 13. September 2025 |", None),
    "de:open:table-column-header-right": ("de", AFTER_OPENING,
                                          "| Linie | Länge | Eröffnet |\n|---|---|---|\n| Linie 7 | 9 km | 6. September 2025 |", None),
    "en:open:table-column-header": ("en", AFTER_OPENING,
                                    "| Line | Length | Opened |\n|---|---|---|\n| Line 7 | 9 km | 13 September 2025 |",
                                    "tram.opening.date"),
    "de:open:table-subject-in-header": ("de", AFTER_OPENING,
                                        "| Eckdaten | Linie 7 |\n|---|---|\n| Eröffnet am | 13. September 2025 |",
                                        "tram.opening.date"),
    "de:open:fact-box-bullet": ("de", AFTER_OPENING, "- **Eröffnung:** 13. September 2025", "tram.opening.date"),
    "de:open:fact-box-row-right": ("de", AFTER_OPENING, "| Linie 7 | |\n|---|---|\n| Eröffnet am | 6. September 2025 |",
                                   None),
    # --- the announcement: separable verbs -------------------------------------------------------
    "de:announce:separable": ("de", AFTER_OPENING, "Die Pläne für die Linie 7 stellte die Stadt im Juni 2022 vor.",
                              "tram.announcement.date"),
    "de:announce:noun": ("de", AFTER_OPENING, "Die Präsentation der Linie 7 fand im Mai 2020 statt.", "tram.announcement.date"),
    "de:announce:right": ("de", AFTER_OPENING, "Im März 2021 kündigte die Stadt die Linie 7 an.", None),
    "en:announce:phrase": ("en", AFTER_OPENING, "Residents got a first look at line 7 in June 2022.", "tram.announcement.date"),
    "en:announce:another-thing": ("en", AFTER_OPENING, "In 2019 the city presented a new bus plan.", None),
    # --- operation: holds yes, since the opening -------------------------------------------------
    "de:operation:denied": ("de", AFTER_OPENING, "Noch fährt auf der Linie 7 keine Bahn, sie ist nicht in Betrieb.",
                            "tram.operation.status"),
    "en:operation:denied": ("en", AFTER_OPENING, "Line 7 is still not operational.", "tram.operation.status"),
    "de:operation:before-the-opening": ("de", BEFORE_OPENING, "Die Linie 7 ist noch nicht in Betrieb.", None),
    "de:operation:right": ("de", AFTER_OPENING, "Seit September ist die Linie 7 in Betrieb.", None),
    # --- the permit: holds no --------------------------------------------------------------------
    "de:permit:granted": ("de", AFTER_OPENING, "Inzwischen ist der Flughafenast genehmigt.", "tram.extension.permit"),
    "de:permit:active": ("de", AFTER_OPENING, "Die Behörde hat den Flughafenast im Juli 2025 genehmigt.", "tram.extension.permit"),
    "en:permit:passive": ("en", AFTER_OPENING, "The airport extension was approved in July.", "tram.extension.permit"),
    "de:permit:pending": ("de", AFTER_OPENING, "Die Genehmigung für den Flughafenast steht noch aus.", None),
    "de:permit:applied": ("de", AFTER_OPENING, "Für den Flughafenast haben die Verkehrsbetriebe eine Genehmigung beantragt.", None),
    "de:permit:condition": ("de", AFTER_OPENING, "Falls der Flughafenast genehmigt wird, beginnt der Bau 2027.", None),
    "en:permit:whether": ("en", AFTER_OPENING, "It is unclear whether the airport extension will be approved.", None),
    "en:permit:hedge": ("en", AFTER_OPENING, "The airport extension could be approved next year.", None),
    # the approval said by a verb of its noun ("vorliegen", "erteilen", "be in place", "issue")
    "de:permit:noun-liegt-vor": ("de", AFTER_OPENING, "Die Genehmigung für den Flughafenast liegt inzwischen vor.",
                                 "tram.extension.permit"),
    "de:permit:liegt-noun-vor": ("de", AFTER_OPENING, "Für den Flughafenast liegt die Genehmigung inzwischen vor.",
                                 "tram.extension.permit"),
    "de:permit:vorliegt-verb-last": ("de", AFTER_OPENING, "Die Stadt meldet, dass für den Flughafenast die Genehmigung vorliegt.",
                                     "tram.extension.permit"),
    "de:permit:erteilte": ("de", AFTER_OPENING, "Das Landesamt erteilte die Genehmigung für den Flughafenast.",
                           "tram.extension.permit"),
    "de:permit:liegt-nicht-vor": ("de", AFTER_OPENING, "Für den Flughafenast liegt die Genehmigung noch nicht vor.", None),
    "de:permit:other-thing-liegt-vor": ("de", AFTER_OPENING, "Für den Flughafenast liegen die Gutachten inzwischen vor.", None),
    "de:permit:application-liegt-vor": ("de", AFTER_OPENING,
                                        "Der Antrag auf eine Genehmigung für den Flughafenast liegt vor.", None),
    "en:permit:in-place": ("en", AFTER_OPENING, "The permit for the airport extension is now in place.", "tram.extension.permit"),
    "en:permit:issued": ("en", AFTER_OPENING, "The permit for the airport extension has been issued.", "tram.extension.permit"),
    "en:permit:received": ("en", AFTER_OPENING, "The airport extension has received its permit.", "tram.extension.permit"),
    "en:permit:not-in-place": ("en", AFTER_OPENING, "The permit for the airport extension is not in place yet.", None),
    "en:permit:other-thing-in-place": ("en", AFTER_OPENING, "The surveys for the airport extension are in place.", None),
    "en:permit:application-in-place": ("en", AFTER_OPENING,
                                       "The application for a permit for the airport extension is in place.", None),
    # --- the operator: who does it ---------------------------------------------------------------
    "de:operator:passive": ("de", AFTER_OPENING, "Betrieben wird die Linie 7 von Bahnbau Ost.", "tram.operator"),
    "de:operator:active": ("de", AFTER_OPENING, "Bahnbau Ost betreibt die Linie 7.", "tram.operator"),
    "en:operator:passive": ("en", AFTER_OPENING, "Line 7 is run by Bahnbau Ost.", "tram.operator"),
    "de:operator:right": ("de", AFTER_OPENING, "Die Linie 7 betreiben die Nordstädter Verkehrsbetriebe.", None),
    "de:operator:builder-is-not-operator": ("de", AFTER_OPENING, "Die Gleise der Linie 7 hat Bahnbau Ost verlegt.", None),
    # --- words the pack adds: a predicate of its own, and words for a shared one --------------------
    "de:pack-predicate": ("de", AFTER_OPENING, "In Dienst gestellt wurden die Wagen der Linie 7 im Mai 2025.",
                          "tram.vehicles.service-date"),
    "de:pack-words-for-shared": ("de", AFTER_OPENING, "Für den Verkehr freigegeben wurde die Linie 7 am 13. September 2025.",
                                 "tram.opening.date"),
    # --- "das Unternehmen", "the company": the organisation named before -----------------------------
    "de:reference:the-company": ("de", AFTER_OPENING, "Die Verkehrsbetriebe sind zufrieden. Das Unternehmen betreibt nun auch die Linie 3.", None),
    "de:reference:the-company-flag": ("de", AFTER_OPENING,
                                      "Die Verkehrsbetriebe feierten. Das Unternehmen stellte im Juni 2020 seine Linie 7 vor.",
                                      "tram.announcement.date"),
    # --- the role: titles next to the name -------------------------------------------------------
    "de:role:before": ("de", AFTER_OPENING, "Verkehrsministerin Petra Lindqvist lobte die Bauarbeiter.", None),
    "de:role:wrong-before": ("de", AFTER_OPENING, "Die Pressesprecherin Petra Lindqvist lobte die Bauarbeiter.",
                             "tram.role.lindqvist"),
    "de:role:between-dashes": ("de", AFTER_OPENING, "Petra Lindqvist – seit 2019 Geschäftsführerin der Verkehrsbetriebe – lobte die Bauarbeiter.",
                               "tram.role.lindqvist"),
    "de:role:copula": ("de", AFTER_OPENING, "Petra Lindqvist ist Sprecherin der Stadt.", "tram.role.lindqvist"),
    "en:role:apposition": ("en", AFTER_OPENING, "Petra Lindqvist, the city's chief executive, praised the crews.",
                           "tram.role.lindqvist"),
    "en:role:interim": ("en", AFTER_OPENING, "Petra Lindqvist, interim CEO of the NVB, praised the crews.", None),
    "en:role:right": ("en", AFTER_OPENING, "Mayor Petra Lindqvist praised the crews.", None),
    # --- a plan about a thing (object, planned): a denial contradicts it, in any modality -----------
    "de:plan-object:antonym": ("de", AFTER_OPENING, "Auf kontaktlose Kartenzahlung verzichten die Verkehrsbetriebe vorerst.",
                               "tram.contactless"),
    "de:plan-object:fronted-relative": ("de", AFTER_OPENING,
                                        "Kontaktloses Bezahlen, das viele Fahrgäste fordern, lehnen die Verkehrsbetriebe ab.",
                                        "tram.contactless"),
    "de:plan-object:against": ("de", AFTER_OPENING, "Der Vorstand der NVB stimmte gegen kontaktlose Zahlungen.", None),
    "de:plan-object:decided-against": ("de", AFTER_OPENING, "Die NVB haben sich gegen kontaktloses Bezahlen entschieden.",
                                       "tram.contactless"),
    "en:plan-object:negated-plan": ("en", AFTER_OPENING, "The NVB will not support contactless tickets.", "tram.contactless"),
    "en:plan-object:no-plans": ("en", AFTER_OPENING, "The NVB have no plans to adopt contactless payment.", "tram.contactless"),
    "de:plan-object:plan": ("de", AFTER_OPENING, "Kontaktloses Bezahlen wollen die Verkehrsbetriebe 2026 einführen und unterstützen.", None),
    "de:plan-object:not-yet": ("de", AFTER_OPENING, "Noch unterstützen die Verkehrsbetriebe kontaktloses Bezahlen nicht.", None),
    "de:plan-object:other-thing": ("de", AFTER_OPENING, "Die Verkehrsbetriebe wollen Bargeld nicht mehr unterstützen.", None),
    "de:plan-object:other-subject": ("de", AFTER_OPENING, "Bahnbau Ost lehnt kontaktloses Bezahlen ab.", None),
    "en:plan-object:question": ("en", AFTER_OPENING, "Will the NVB reject contactless payment?", None),
    "en:plan-object:condition": ("en", AFTER_OPENING, "If the NVB drop contactless payment, riders will complain.", None),
    # --- names the pack does not know take the clause away from its subjects -----------------------
    "de:unknown-name:apposition": ("de", AFTER_OPENING, "Die Citybahn Vellmar wurde am 13. September 2025 eröffnet.", None),
    "de:unknown-name:after-opener": ("de", AFTER_OPENING, "Auch die Regiotram Kassel ging im August 2025 in Betrieb.", None),
    "de:unknown-name:kind-noun": ("de", AFTER_OPENING, "Die Schwebebahn-Linie Wupper wurde am 13. September 2025 eröffnet.", None),
    "de:unknown-name:company-and-its-line": ("de", AFTER_OPENING, "Die Firma Railtec stellte ihre Linie im Juni 2020 vor.", None),
    "de:unknown-name:next-sentence": ("de", AFTER_OPENING,
                                      "Das Nachbarprojekt Citybahn Vellmar kam schneller voran. Eröffnet wurde es am 13. September 2025.", None),
    "de:unknown-name:person-keeps-subject": ("de", AFTER_OPENING,
                                             "Laut Verkehrsplaner Jan Berger wurde die Linie 7 am 13. September 2025 eröffnet.",
                                             "tram.opening.date"),
    "de:unknown-name:in-passing": ("de", AFTER_OPENING,
                                   "Die Linie 7 wurde wie die Citybahn in Vellmar am 13. September 2025 eröffnet.", "tram.opening.date"),
    "en:unknown-name:mid-sentence": ("en", AFTER_OPENING, "The Oststadt tram opened on 13 September 2025.", None),
    "en:unknown-name:opening-the-sentence": ("en", AFTER_OPENING, "Vellmar's tram opened on 13 September 2025.", None),
    "en:unknown-name:company-and-its-line": ("en", AFTER_OPENING, "Startup Railtec unveiled its line in June 2020.", None),
    "en:unknown-name:person-keeps-subject": ("en", AFTER_OPENING,
                                             "According to planner Jan Berger, line 7 opened on 13 September 2025.", "tram.opening.date"),
    "en:unknown-name:owner-of-another": ("en", AFTER_OPENING, "Like Oststadt's tram, line 7 opened on 13 September 2025.",
                                         "tram.opening.date"),
    "en:unknown-name:place": ("en", AFTER_OPENING, "Line 7 in Nordstadt opened on 13 September 2025.", "tram.opening.date"),
    "de:reference-placed-elsewhere": ("de", AFTER_OPENING, "Die Linie im benachbarten Vellmar wurde am 13. September 2025 eröffnet.", None),
    "en:reference-placed-elsewhere": ("en", AFTER_OPENING, "The line in Vellmar opened on 13 September 2025.", None),
    "de:reference-with-a-phrase-of-its-own": ("de", AFTER_OPENING, "Die Stadt nahm die Linie in Betrieb, und zwar am 13. September 2025.",
                                              "tram.opening.date"),
    "de:reference-of-another-town": ("de", AFTER_OPENING, "Die Linie von Vellmar wurde am 13. September 2025 eröffnet.", None),
    "de:reference-in-another-town-en": ("de", AFTER_OPENING, "Die Linie in Bremen wurde am 13. September 2025 eröffnet.", None),
    "de:reference-im-a-noun": ("de", AFTER_OPENING, "Die Linie im Tal wurde am 13. September 2025 eröffnet.", "tram.opening.date"),
    "en:another-of-its-kind": ("en", AFTER_OPENING, "A second line opened on 13 September 2025.", None),
    "de:another-of-its-kind": ("de", AFTER_OPENING, "Eine weitere Linie wurde am 13. September 2025 eröffnet.", None),
    "de:one-of-its-kind-elsewhere": ("de", AFTER_OPENING, "Eine Linie in Vellmar wurde am 13. September 2025 eröffnet.", None),
    "de:role:former-beside-the-right-one": ("de", AFTER_OPENING,
                                            "Bürgermeisterin Petra Lindqvist, früher Pressesprecherin der Stadt, lobte die Bauarbeiter.", None),
    "en:role:former-alone": ("en", AFTER_OPENING, "Petra Lindqvist, a former spokeswoman, praised the crews.", "tram.role.lindqvist"),
    "en:permit:expected": ("en", AFTER_OPENING, "Officials expect the permit for the airport extension by spring.", None),
    "en:reference-in-a-month": ("en", AFTER_OPENING, "The line in September 2025 opened on 13 September 2025.", "tram.opening.date"),
    "en:unknown-name:and-it": ("en", AFTER_OPENING,
                               "The Citybahn Vellmar opened in August 2025, and it is not yet in operation.", None),
    "de:compared:im-gegensatz-zu": ("de", AFTER_OPENING,
                                    "Die Linie 7 wurde im Gegensatz zur Linie 3 am 13. September 2025 eröffnet.",
                                    "tram.opening.date"),
    "de:unknown-name:operates-its-own": ("de", AFTER_OPENING, "Die Firma Railtec betreibt seit 2020 ihre eigene Linie.", None),
    "en:compared:unlike": ("en", AFTER_OPENING, "Line 7, unlike line 3, opened on 13 September 2025.", "tram.opening.date"),
    # --- "ohne"/"without" before a predicate's noun; a need; whose act the noun is ----------------
    "de:without:genitive-agent": ("de", AFTER_OPENING, "Bahnbau Ost durfte den Fahrplan ohne Zustimmung der Verkehrsbetriebe ändern.",
                                  "tram.timetable.approval"),
    "de:without:need-denied": ("de", AFTER_OPENING, "Für Fahrplanänderungen ist eine Genehmigung der NVB nicht erforderlich.",
                               "tram.timetable.approval"),
    "en:without:need-denied": ("en", AFTER_OPENING, "Timetable changes no longer need the NVB's approval.", "tram.timetable.approval"),
    "en:without:agent-after": ("en", AFTER_OPENING, "The contractor changed the timetable without approval from the NVB.",
                               "tram.timetable.approval"),
    "de:without:double-negation": ("de", AFTER_OPENING, "Kein Fahrplan darf ohne Genehmigung der Verkehrsbetriebe geändert werden.", None),
    "de:without:another-agent": ("de", AFTER_OPENING, "Die Verkehrsbetriebe haben den Fahrplan ohne Genehmigung der Stadt geändert.", None),
    "en:without:another-agent": ("en", AFTER_OPENING, "The NVB changed the timetable without approval from the city.", None),
    "en:without:whether": ("en", AFTER_OPENING, "Whether timetable changes need the NVB's approval is unclear.", None),
    "de:without:need-stated": ("de", AFTER_OPENING, "Für jede Fahrplanänderung ist eine Genehmigung der NVB nötig.", None),
    "de:without:other-thing": ("de", AFTER_OPENING, "Die NVB haben den Umbau ohne Genehmigung begonnen.", None),
    # --- a state that ended: only "still" contradicts it ------------------------------------------
    "de:ended:still": ("de", AFTER_OPENING, "Nach wie vor ist der Ersatzbus 7E in Betrieb.", "tram.replacement-bus"),
    "en:ended:remains": ("en", AFTER_OPENING, "Bus 7E remains in operation alongside the tram.", "tram.replacement-bus"),
    "de:ended:history": ("de", AFTER_OPENING, "Während der Bauzeit war der Ersatzbus 7E in Betrieb.", None),
    "en:ended:history": ("en", AFTER_OPENING, "During construction, bus 7E was in operation.", None),
    "en:ended:question": ("en", AFTER_OPENING, "Is bus 7E still in operation?", None),
    # --- whom a restriction leaves out (excluded) ------------------------------------------------
    "de:excluded:also": ("de", AFTER_OPENING, "Das Parkhaus Nordbahnhof können auch Anwohner nutzen.", "tram.car-park"),
    "en:excluded:passive": ("en", AFTER_OPENING, "The Nordbahnhof car park can be used by residents.", "tram.car-park"),
    "de:excluded:requirement": ("de", AFTER_OPENING, "Anwohner brauchen eine Genehmigung, um das Parkhaus Nordbahnhof zu nutzen.", None),
    "de:excluded:restriction": ("de", AFTER_OPENING, "Anwohner dürfen das Parkhaus Nordbahnhof nur nachts nutzen.", None),
    "en:excluded:denied": ("en", AFTER_OPENING, "Residents cannot use the Nordbahnhof car park.", None),
    "de:excluded:other-place": ("de", AFTER_OPENING, "Auch Anwohner dürfen das Parkhaus am Rathaus nutzen.", None),
    # --- disclosure of a thing, by someone, in an indirect question -----------------------------------
    "de:object-clause:after": ("de", AFTER_OPENING, "Die Verkehrsbetriebe haben offengelegt, was die Linie 7 gekostet hat.", "tram.costs"),
    "de:object-clause:before": ("de", AFTER_OPENING, "Wie viel die Linie 7 gekostet hat, nannten die Verkehrsbetriebe im Juni.", "tram.costs"),
    "en:object-clause:which": ("en", AFTER_OPENING, "The NVB revealed how much line 7 cost.", "tram.costs"),
    "de:by:only-the-agent": ("de", AFTER_OPENING, "Die Verkehrsbetriebe haben die Baukosten offengelegt.", "tram.costs"),
    "de:object-clause:denied": ("de", AFTER_OPENING, "Was die Linie 7 gekostet hat, verschweigen die Verkehrsbetriebe.", None),
    "de:object:topic": ("de", AFTER_OPENING, "Die Verkehrsbetriebe nannten einen Termin für die Debatte über die Kosten der Linie 7.", None),
    "en:object-clause:other-line": ("en", AFTER_OPENING, "The NVB revealed how much line 3 cost.", None),
    # --- all of them together (all_of) ---------------------------------------------------------
    "de:all-of:some-only": ("de", AFTER_OPENING, "Gebaut wurden die Wagen der Linie 7 ausschließlich in Tschechien.", "tram.cars.origin"),
    "en:all-of:some-only": ("en", AFTER_OPENING, "The cars for line 7 were built exclusively in Poland.", "tram.cars.origin"),
    "de:all-of:all": ("de", AFTER_OPENING, "Die Wagen der Linie 7 wurden ausschließlich in Polen und Tschechien gebaut.", None),
    # --- a relative clause is about the name before it -------------------------------------------
    "de:relative:flag": ("de", AFTER_OPENING, "Die Stadt feierte die Linie 7, die bis heute nicht in Betrieb ist.", "tram.operation.status"),
    "de:relative:other": ("de", AFTER_OPENING, "Die Stadt feierte die Linie 3, die noch nicht in Betrieb ist.", None),
}


@pytest.mark.parametrize(("lang", "date", "text", "rule"), CASES.values(), ids=CASES.keys())
def test_new_phrasings(rulebook, lang, date, text, rule):
    doc = read_markdown(f"---\nlang: {lang}\ndate: {date.isoformat()}\n---\n# Linie 7\n\n{text}\n", "<test>")
    findings = [f for f in lint_document(doc, rulebook, date=date) if f.severity.name in ("ERROR", "WARNING")]
    assert sorted({f.rule for f in findings}) == ([rule] if rule else []), [f.message for f in findings]


TABLES = {case_id: case for case_id, case in CASES.items() if "\n|" in case[2]}


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize(("lang", "date", "text", "rule"), TABLES.values(), ids=TABLES.keys())
def test_table_with_other_line_ends(rulebook, lang, date, text, rule, newline):
    """A table saved with Windows (or old Mac) line ends is read as its LF twin: its delimiter row is
    still one, so its cells keep their column headers and row labels."""
    draft = f"---\nlang: {lang}\ndate: {date.isoformat()}\n---\n# Linie 7\n\n{text}\n"
    found = {}
    for ends in ("\n", newline):
        doc = read_document("draft.md", draft.replace("\n", ends).encode("utf-8"))
        found[ends] = [(f.rule, f.line, f.column, f.severity.name) for f in lint_document(doc, rulebook, date=date)]
    assert found[newline] == found["\n"]
    # and the LF twin is read as a table (a header-less reading would miss or add findings)
    assert sorted({r for r, _, _, severity in found["\n"] if severity != "INFO"}) == ([rule] if rule else [])
