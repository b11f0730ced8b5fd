"""Facts whose value is a count, one thing among alternatives, or a name, on a pack about an invented
story (a lighthouse, tests/fixtures/packs/lighthouse): sentences written for this test, both languages,
as flags and passes. Every example of the pack's facts runs too (one finding for a flag, none for a pass)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from linter.engine import lint_document
from linter.rulebook import load_pack
from linter.segments import read_markdown
from linter.selftest import all_examples, example_id, run_example

PACK = Path(__file__).parent / "fixtures" / "packs" / "lighthouse"
DATE = dt.date(2025, 6, 1)
RULEBOOK = load_pack([PACK / "rules"], (PACK / "seeds",))

# (language, text, the rule that must report it, or None for no error or warning)
CASES = {
    # --- counts: a counted noun, an ordinal after "ein"/"a", "die Zahl der …" -----------------------
    "de:count:plain": ("de", "Neun Stockwerke zählt der Leuchtturm von Hellsand.", "lighthouse.floors"),
    "de:count:ordinal": ("de", "Auf den Hellsand-Leuchtturm setzte man 1920 ein neuntes Geschoss.", "lighthouse.floors"),
    "en:count:ordinal": ("en", "In 1920 the Hellsand lighthouse was given a ninth floor.", "lighthouse.floors"),
    "de:count:definite-ordinal": ("de", "Im fünften Stockwerk des Hellsand-Leuchtturms wohnt der Wärter.", None),
    "en:count:definite-ordinal": ("en", "The keeper of the Hellsand lighthouse lives on the fifth floor.", None),
    "de:count:usual": ("de", "Üblicherweise haben Leuchttürme fünf Stockwerke, der von Hellsand hat sieben.", None),
    "en:count:usual": ("en", "Lighthouses usually have five floors; the Hellsand lighthouse has seven.", None),
    "de:count:other-subject": ("de", "Der Leuchtturm Nordmole hat ein neuntes Stockwerk.", None),
    "en:count:other-noun": ("en", "The Hellsand lighthouse has nine windows.", None),
    # --- a count that switches: a draft's range must keep to the fact's ----------------------------
    "de:range:wider": ("de", "Unter dem Hellsand-Leuchtturm ankern mal zehn, mal sechzehn Kutter.", "lighthouse.cutters"),
    "en:range:number-of": ("en", "At the Hellsand lighthouse, the number of moored boats ranges from twelve to sixteen.",
                           "lighthouse.cutters"),
    "de:range:zahl-der": ("de", "Am Leuchtturm von Hellsand liegt die Zahl der Boote zwischen zwölf und vierzehn.", None),
    "en:range:inside": ("en", "Below the Hellsand lighthouse lie thirteen or fourteen trawlers.", None),
}


@pytest.mark.parametrize(("lang", "text", "rule"), CASES.values(), ids=CASES.keys())
def test_values_in_new_phrasings(lang, text, rule):
    doc = read_markdown(f"---\nlang: {lang}\ndate: {DATE.isoformat()}\n---\n# Hellsand\n\n{text}\n", "<test>")
    findings = [f for f in lint_document(doc, RULEBOOK, date=DATE) if f.severity.name in ("ERROR", "WARNING")]
    assert sorted({f.rule for f in findings}) == ([rule] if rule else []), [f.message for f in findings]


@pytest.mark.parametrize(("rule", "expectation", "lang", "text", "index"), list(all_examples(RULEBOOK)),
                         ids=[example_id(r.id, e, lang, i) for r, e, lang, _, i in all_examples(RULEBOOK)])
def test_pack_examples(rule, expectation, lang, text, index):
    result = run_example(RULEBOOK, rule, expectation, lang, text, index)
    assert result.found == (1 if expectation == "flag" else 0), text
