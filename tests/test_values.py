"""Facts whose value is a count, one thing among alternatives, or a name, on a pack about an invented
story (a lighthouse, tests/fixtures/packs/lighthouse): sentences written for this test, both languages,
as flags and passes. Every example of the pack's facts runs too (one finding for a flag, none for a pass)."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from linter.engine import lint_document
from linter.fields import RuleError
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
    # --- a figure a plan is to change something to is the plan's, not what holds now ---------------
    "de:count:planned-target": ("de", "Der Hellsand-Leuchtturm soll auf neun Stockwerke wachsen.", None),
    "en:count:planned-target": ("en", "The city wants to raise the Hellsand lighthouse to nine floors.", None),
    "de:count:changed-target": ("de", "Der Hellsand-Leuchtturm ist auf neun Stockwerke gewachsen.", "lighthouse.floors"),
    "en:count:changed-target": ("en", "The Hellsand lighthouse was raised to nine floors.", "lighthouse.floors"),
    "de:count:plan-given-up": ("de", "Ursprünglich sollte der Hellsand-Leuchtturm neun Stockwerke bekommen.", None),
    "en:count:plan-given-up": ("en", "The Hellsand lighthouse was originally planned with nine floors.", None),
    "de:count:only-compared": ("de", "Anders als der Hellsand-Leuchtturm hat der Kirchturm neun Stockwerke.", None),
    "en:count:only-compared": ("en", "Unlike the Hellsand lighthouse, the church tower has nine floors.", None),
    "de:count:compared-with-another": ("de", "Anders als der Kirchturm hat der Hellsand-Leuchtturm neun Stockwerke.",
                                       "lighthouse.floors"),
    "de:count:history": ("de", "Ursprünglich hatte der Hellsand-Leuchtturm neun Stockwerke.", "lighthouse.floors"),
    # --- a count that switches: a draft's range must keep to the fact's ----------------------------
    "de:range:wider": ("de", "Unter dem Hellsand-Leuchtturm ankern mal zehn, mal sechzehn Kutter.", "lighthouse.cutters"),
    "en:range:number-of": ("en", "At the Hellsand lighthouse, the number of moored boats ranges from twelve to sixteen.",
                           "lighthouse.cutters"),
    "de:range:zahl-der": ("de", "Am Leuchtturm von Hellsand liegt die Zahl der Boote zwischen zwölf und vierzehn.", None),
    "en:range:inside": ("en", "Below the Hellsand lighthouse lie thirteen or fourteen trawlers.", None),
    # --- a value among alternatives: listed ones, and the value denied -----------------------------
    "de:wrong:verb-final": ("de", "Man erzählt, dass der Leuchtturm von Hellsand aus Beton gegossen wurde.",
                            "lighthouse.material"),
    "en:wrong:passive": ("en", "The Hellsand lighthouse was built from granite in 1890.", "lighthouse.material"),
    "de:denied:ohne": ("de", "Der Hellsand-Leuchtturm kommt ganz ohne Gusseisen aus.", "lighthouse.material"),
    "en:denied:isnt": ("en", "The Hellsand lighthouse isn't cast iron at all.", "lighthouse.material"),
    "de:denied:not-only": ("de", "Der Leuchtturm von Hellsand ist nicht nur aus Gusseisen, er ist auch schön.", None),
    "de:wrong:contrast": ("de", "Statt aus Backstein baute man den Leuchtturm von Hellsand aus Gusseisen.", None),
    "en:wrong:contrast": ("en", "The Hellsand lighthouse was cast in iron rather than built of brick.", None),
    "de:wrong:likened": ("de", "Der Hellsand-Leuchtturm wirkt wie ein Backsteinbau, ist aber aus Gusseisen.", None),
    "en:wrong:likened": ("en", "From afar the Hellsand lighthouse looks like a granite tower.", None),
    "de:wrong:older": ("de", "Ältere Leuchttürme waren aus Backstein, der von Hellsand ist aus Gusseisen.", None),
    "en:wrong:older": ("en", "Earlier lighthouses on this coast were brick; the Hellsand lighthouse is cast iron.", None),
    "de:wrong:denied": ("de", "Der Leuchtturm von Hellsand ist kein Backsteinbau.", None),
    "en:wrong:other-subject": ("en", "The Nordmole lighthouse is a concrete tower.", None),
    "en:wrong:question": ("en", "Is the Hellsand lighthouse made of concrete?", None),
    # --- a class of alternatives (colours), tied to the thing the value belongs to ----------------------
    "de:class:predicative": ("de", "Nachts strahlt das Licht des Hellsand-Leuchtturms gelb.", "lighthouse.light"),
    "de:class:attributive": ("de", "Der Leuchtturm von Hellsand sendet grünes Licht aus.", "lighthouse.light"),
    "en:class:coordinated": ("en", "The Hellsand lighthouse got a new lamp and it shines green.", "lighthouse.light"),
    "en:class:attributive": ("en", "At night the Hellsand lighthouse sends out a white beam.", "lighthouse.light"),
    "de:class:right": ("de", "Rot leuchtet das Feuer des Hellsand-Leuchtturms.", None),
    "de:class:other-noun": ("de", "Der Leuchtturm von Hellsand mit dem grünen Dach sendet sein Licht rot.", None),
    "en:class:other-noun": ("en", "The Hellsand lighthouse, behind the green door, has a red light.", None),
    "de:class:instead": ("de", "Das Licht des Hellsand-Leuchtturms ist rot statt grün.", None),
    "en:class:denied": ("en", "The light of the Hellsand lighthouse is red, not green.", None),
    "de:class:no-cue": ("de", "Der Leuchtturm von Hellsand ist weiß gestrichen.", None),
    # --- a name given by a naming predicate: after its words, or before a German verb at the end ----------
    "de:called:namens-quoted": ("de", "Spenden sammelt ein Verein namens „Turmfreunde“.", "lighthouse.society"),
    "de:called:verb-final": ("de", "Es gibt einen Verein, der sich selbst Nordlicht Freunde nennt.", "lighthouse.society"),
    "en:called:dubbed": ("en", "Volunteers run a club dubbed Beacon Watch.", "lighthouse.society"),
    "en:called:known-as": ("en", "The society known as the Hellsand Beacon Friends raises money.", "lighthouse.society"),
    "de:called:right-verb-final": ("de", "Ein Verein, der sich Hellsand Lichtwacht nennt, sammelt Spenden.", None),
    "de:called:object-not-name": ("de", "Der Förderverein nennt Gründe für die Sanierung.", None),
    "de:called:known-subject": ("de", "Der Förderverein nennt den Leuchtturm von Hellsand ein Denkmal.", None),
    "en:called:call-on": ("en", "The society called on the town to repair the lamp.", None),
    "en:called:question": ("en", "Is the society called Beacon Watch?", None),
    "en:called:denied": ("en", "The society is not called Beacon Watch.", None),
    "de:called:no-cue": ("de", "Das Boot namens Seeschwalbe liegt im Hafen.", None),
    "de:called:similar-is-another-name": ("de", "Der Förderverein nennt sich Hellsand Lichtnacht.", "lighthouse.society"),
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


# A plain-words category fact that cannot work is refused at load, naming the file, the line of the key
# and what is wrong: (text of the pack, replaced by, the message, the key whose first line is named).
BROKEN = {
    "unknown-class": ("among: colours", "among: colors", 'unknown class "colors"', "among:"),
    "class-without-right": ("expected: {value: red, among: colours, right: {de: [rot], en: [red]}}",
                            "expected: {value: red, among: colours}", "needs `right` beside it", "among:"),
    "right-with-predicate": ("      value: cast iron\n", "      value: cast iron\n      predicate: build\n",
                             "is for facts without a predicate", "right:"),
    "patterns-beside-plain-words": ("expected: {value: red, among: colours,",
                                    "expected: {value: red, contradicted_by: [gr], among: colours,",
                                    "cannot stand beside wrong, among or right", "contradicted_by:"),
}


@pytest.mark.parametrize(("old", "new", "message", "key"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_alternatives_are_refused_at_load(tmp_path, old, new, message, key):
    shutil.copytree(PACK, tmp_path / "pack")
    facts = tmp_path / "pack" / "rules" / "lighthouse.yaml"
    text = facts.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new)
    facts.write_text(broken, encoding="utf-8")
    with pytest.raises(RuleError) as error:
        load_pack([tmp_path / "pack" / "rules"], (tmp_path / "pack" / "seeds",))
    line = next(n for n, row in enumerate(broken.splitlines(), 1) if key in row)
    assert message in str(error.value) and f"lighthouse.yaml:{line}:" in str(error.value), str(error.value)
