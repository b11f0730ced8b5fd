"""Two drafts about a story the linter was never tuned on (an invented cable car, with its pack in
tests/fixtures/packs/cablecar written from docs/rule-format.md alone), in phrasings the dev drafts do
not use: right claims, wrong ones, claims about another cable car, questions, rumours and plans. Every
wrong claim is found, at its line, and nothing else is (errors and warnings)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from linter.engine import lint_document
from linter.rulebook import load_pack
from linter.segments import read_document

FIXTURES = Path(__file__).parent / "fixtures"
PACK = FIXTURES / "packs" / "cablecar" / "rules"

# draft -> {words of the line that holds a wrong claim: the rule that must report it}
WRONG = {
    "kornberg-de.md": {
        "Eingeweiht wurde die Seilbahn Kornberg": "cablecar.opening.date",
        "ist mit 4,3 Kilometern länger": "cablecar.length",
        "Insgesamt 36 Gondeln": "cablecar.cabins",
        "am Ende 86 Millionen Euro ausgegeben": "cablecar.cost",
        "Die Alpinlift AG, die auch die Seilbahn betreibt": "cablecar.operator",
        "Die Stadtwerke-Sprecherin Henrike Vossberg": "cablecar.role.vossberg",
        "Henrike Voßberg sprach": "cablecar.name.vossberg",
        "das sauberste Verkehrsmittel": "cablecar.quote.reimer",
        "gibt es inzwischen grünes Licht": "cablecar.extension.permit",
    },
    "kornberg-en.md": {
        "when it opened on 7 June 2025": "cablecar.opening.date",
        "Stretching 4.3 kilometres": "cablecar.length",
        "A fleet of 36 gondolas": "cablecar.cabins",
        "spent 86 million euros": "cablecar.cost",
        "the spokeswoman of the SWK": "cablecar.role.vossberg",
        "Henrike Vosberg called": "cablecar.name.vossberg",
        "has given the go-ahead": "cablecar.extension.permit",
    },
}


@pytest.fixture(scope="module")
def rulebook():
    return load_pack([PACK])


@pytest.mark.parametrize("name", WRONG.keys())
def test_probe_draft(rulebook, name):
    path = FIXTURES / "probe" / name
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    expected = sorted((next(i for i, line in enumerate(lines, 1) if words in line), rule)
                      for words, rule in WRONG[name].items())
    doc = read_document(name, text.encode("utf-8"))
    found = sorted((f.line, f.rule) for f in lint_document(doc, rulebook) if f.severity.name in ("ERROR", "WARNING"))
    assert found == expected, [lines[line - 1] for line, _ in set(found) ^ set(expected)]
