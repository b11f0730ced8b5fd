"""Who did what: who made a product, said with a verb or — the commonest way — without one ("Vantors
Skyra", "die Vantor-Drohne Skyra", "Skyra von Vantor", "Skyra, which Vantor unveiled"), and who sues whom
(another plaintiff, or the roles reversed), on an invented story (tests/fixtures/packs/makers), in sentences
written for this test, both languages, flag and pass; and who does what to whom in plain words (`doer`, and
`wrong` alternatives by predicate). An organisation the pack does not know counts when its name says it is
one (claims/organisations.py)."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from linter.engine import lint_document
from linter.fields import RuleError
from linter.rulebook import load_pack
from linter.segments import read_markdown

PACK = Path(__file__).parent / "fixtures" / "packs" / "makers" / "rules"
DATE = dt.date(2025, 6, 1)
FLAG, PASS, SUED, VIDEO = "skyra.maker", None, "aerolux.lawsuit", "skyra.promo-video"

# (language, text, the rule that must report it, or None)
CASES = {
    # --- the maker's genitive before the product ----------------------------------------------------
    "de:owner": ("de", "Vantors Skyra hebt senkrecht ab.", FLAG),
    "de:owner-adjective-noun": ("de", "Vantors neue Drohne Skyra wiegt 900 Gramm.", FLAG),
    "de:owner-closed-compound": ("de", "Vantors Vorzeigedrohne Skyra wiegt 900 Gramm.", FLAG),
    "de:owner-apposition": ("de", "Skyra, Vantors neue Drohne, wiegt 900 Gramm.", FLAG),
    "en:owner": ("en", "Vantor's Skyra lifts off vertically.", FLAG),
    "en:owner-adjective-noun": ("en", "Vantor's latest drone Skyra weighs 900 grams.", FLAG),
    # --- the maker as the first part of a compound --------------------------------------------------
    "de:compound": ("de", "Die Vantor-Drohne Skyra wiegt 900 Gramm.", FLAG),
    "en:compound": ("en", "The Vantor drone Skyra weighs 900 grams.", FLAG),
    # --- likened to a maker: "wie"/"like" brings in what it is compared with, not who made it -------
    "de:likened": ("de", "Skyra wurde wie Vantor in Bremen entwickelt.", PASS),
    # --- von / from / by ----------------------------------------------------------------------------
    "de:origin": ("de", "Skyra von Vantor wiegt 900 Gramm.", FLAG),
    "de:origin-apposition": ("de", "Skyra, die neue Drohne von Vantor, wiegt 900 Gramm.", FLAG),
    "en:origin": ("en", "Skyra from Vantor weighs 900 grams.", FLAG),
    "en:origin-apposition": ("en", "Skyra, a drone by Vantor, weighs 900 grams.", FLAG),
    # --- with a verb: relative clauses, the subject before an auxiliary -------------------------------
    "de:relative-clause": ("de", "Skyra, das Vantor im Mai vorgestellt hat, wiegt 900 Gramm.", FLAG),
    "en:relative-clause": ("en", "Skyra, which Vantor unveiled in May, weighs 900 grams.", FLAG),
    "de:fronted-subject": ("de", "Vantor hat Skyra in zwei Jahren entwickelt.", FLAG),
    "de:passive-firm": ("de", "Skyra wurde von der Firma Vantor entwickelt.", FLAG),
    # --- organisations the pack does not know -------------------------------------------------------
    "de:unknown-legal-form": ("de", "Skyra stammt von der Hollmann Robotics GmbH.", FLAG),
    "en:unknown-introduced": ("en", "Skyra was developed by the start-up Brightwing.", FLAG),
    "en:unknown-legal-form-owner": ("en", "Brightwing Labs' Skyra weighs 900 grams.", FLAG),
    "en:unknown-single-name": ("en", "Skyra, which Brightwing unveiled in May, weighs 900 grams.", PASS),
    "de:unknown-misspelt-maker": ("de", "Die Drohne Skyra hat Aero Lux entwickelt.", PASS),
    # --- the right maker, and what is no maker claim --------------------------------------------------
    "de:right-maker": ("de", "Aerolux' Skyra hebt senkrecht ab.", PASS),
    "en:right-maker": ("en", "Aerolux's Skyra lifts off vertically.", PASS),
    "de:answer-to": ("de", "Vantors Antwort auf Skyra heißt Milano.", PASS),
    "en:answer-to": ("en", "Vantor's answer to Skyra is Milano.", PASS),
    "de:rival-compound": ("de", "Vantors Skyra-Konkurrent Milano wiegt mehr.", PASS),
    "de:rival-compound-von": ("de", "Der Skyra-Konkurrent von Vantor heißt Milano.", PASS),
    "en:rival-open-compound": ("en", "Vantor's Skyra rival Milano weighs more.", PASS),
    "de:product-after-von": ("de", "Ein Video von Skyra zeigt den Start.", PASS),
    "de:compound-output": ("de", "Die Skyra-Aufnahmen von Vantor zeigen den Hafen.", PASS),
    "en:compound-output": ("en", "Skyra clips by Vantor went viral.", PASS),
    "de:rivals-listed": ("de", "Vantors Milano und Aerolux' Skyra konkurrieren.", PASS),
    "en:rivals-listed": ("en", "Vantor's Milano and Aerolux's Skyra compete.", PASS),
    "de:owner-of-another-noun": ("de", "Skyra, Vantors Konkurrent, wird besser.", PASS),
    "de:metaphor": ("de", "Milano, Vantors Skyra, wiegt mehr.", PASS),
    "de:metaphor-copula": ("de", "Milano gilt als Vantors Skyra.", PASS),
    "en:moved-from-product": ("en", "Pilots moved to Skyra from Milano.", PASS),
    "de:chain-of-von": ("de", "Ein Video von Skyra von Vantor zeigt den Hafen.", PASS),
    "en:chain-of-of": ("en", "A test of Skyra from the Kestrel Times impressed readers.", PASS),
    "de:maker-owns-another-noun": ("de", "Skyra, inspiriert von Vantors Forschung, wiegt 900 Gramm.", PASS),
    "en:backed-compound": ("en", "The Vantor-backed drone Skyra weighs 900 grams.", PASS),
    "de:rival-compound-maker": ("de", "Der Vantor-Konkurrent Skyra wiegt 900 Gramm.", PASS),
    "de:list-after-owner": ("de", "Vantors Drohne und Skyra konkurrieren.", PASS),
    "de:question": ("de", "Ist Skyra eine Drohne von Vantor?", PASS),
    "en:question": ("en", "Is Skyra Vantor's drone?", PASS),
    "de:negated": ("de", "Skyra stammt nicht von Vantor.", PASS),
    "en:negated": ("en", "Skyra is not Vantor's drone.", PASS),
    "de:person-presents": ("de", "Jana Roth stellte Skyra im Mai vor.", PASS),
    "en:person-presents": ("en", "Jana Roth unveiled Skyra in May.", PASS),
    # --- who sues whom: another plaintiff, the roles reversed -----------------------------------------
    "de:sue:unknown-paper": ("de", "Die Kestrel Post verklagt Aerolux wegen der Trainingsdaten.", SUED),
    "de:sue:reversed": ("de", "Aerolux verklagt den Harbor Ledger.", SUED),
    "de:sue:reversed-perfect": ("de", "Aerolux hat den Harbor Ledger im Mai verklagt.", SUED),
    "de:sue:reversed-passive": ("de", "Der Harbor Ledger wird von Aerolux verklagt.", SUED),
    "en:sue:unknown-paper": ("en", "The Kestrel Times has sued Aerolux.", SUED),
    "en:sue:reversed": ("en", "Aerolux sued the Harbor Ledger over the photos.", SUED),
    "en:sue:reversed-passive": ("en", "The Harbor Ledger was sued by Aerolux.", SUED),
    "de:sue:right": ("de", "Der Harbor Ledger verklagt Aerolux.", PASS),
    "de:sue:right-passive": ("de", "Aerolux wird vom Harbor Ledger verklagt.", PASS),
    "en:sue:right": ("en", "The Harbor Ledger is suing Aerolux.", PASS),
    "en:sue:right-passive": ("en", "Aerolux was sued by the Harbor Ledger.", PASS),
    "de:sue:another-party": ("de", "Aerolux verklagt Vantor.", PASS),
    "de:sue:noun-not-verb": ("de", "Aerolux hat eine Klage des Harbor Ledger erhalten.", PASS),
    "de:sue:common-noun-plaintiff": ("de", "Der Kläger hat Aerolux verklagt.", PASS),
    "de:sue:question": ("de", "Verklagt die Kestrel Post Aerolux?", PASS),
    "en:sue:negated": ("en", "Aerolux is not suing the Harbor Ledger.", PASS),
    # --- who does what to whom, in plain words ----------------------------------------------------------
    "de:doer:as-done-to": ("de", "Im Werbevideo von Skyra fährt ein Lieferwagen über den Traktor.", VIDEO),
    "de:doer:as-done-to-verb-last": ("de", "Im Werbevideo von Skyra sieht man, wie ein Auto über den Traktor rollt.", VIDEO),
    "en:doer:as-done-to": ("en", "In Skyra's promo video, a van rolls over the tractor.", VIDEO),
    "de:wrong:of-the-predicate": ("de", "Im Werbevideo von Skyra fährt der Traktor über einen Zaun.", VIDEO),
    "en:wrong:of-the-predicate": ("en", "In Skyra's promo video the tractor drives over a fence.", VIDEO),
    "de:wrong:of-another-predicate": ("de", "Im Werbevideo von Skyra steigt Rauch auf.", VIDEO),
    "de:doer:right": ("de", "Im Werbevideo von Skyra fährt der Traktor über eine Rampe.", PASS),
    "en:doer:right": ("en", "In Skyra's promo video the tractor drives over a ramp.", PASS),
    "de:wrong:other-predicate-only": ("de", "Im Werbevideo von Skyra fährt der Traktor durch Rauch über die Rampe.", PASS),
    "de:doer:negated": ("de", "Im Werbevideo von Skyra fährt kein Auto über den Traktor.", PASS),
    "en:doer:question": ("en", "Does a van roll over the tractor in Skyra's promo video?", PASS),
}


@pytest.fixture(scope="module")
def rulebook():
    return load_pack([PACK])


@pytest.mark.parametrize(("lang", "text", "rule"), CASES.values(), ids=CASES.keys())
def test_maker_claims(rulebook, lang, text, rule):
    doc = read_markdown(f"---\nlang: {lang}\ndate: {DATE.isoformat()}\n---\n{text}\n", "<test>")
    findings = [f for f in lint_document(doc, rulebook, date=DATE) if f.severity.name in ("ERROR", "WARNING")]
    assert sorted({f.rule for f in findings}) == ([rule] if rule else []), [f.message for f in findings]


def test_wrong_alternatives_name_the_facts_predicates(tmp_path):
    pack = tmp_path / "rules"
    shutil.copytree(PACK, pack)
    shutil.copytree(PACK.parent / "seeds", tmp_path / "seeds")
    facts = pack / "skyra.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("rise: [Rauch, smoke]", "fly: [Rauch, smoke]"),
                     encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_pack([pack])
    assert any("skyra.yaml:" in m and 'names predicate "fly", which is not among the fact\'s predicates' in m
               for m in caught.value.messages), caught.value.messages
