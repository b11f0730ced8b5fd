"""The sources lint clean: the facts come from them. All they get are their own misspelled names."""
from __future__ import annotations

import datetime as dt

import pytest

from linter.engine import lint_document
from linter.findings import Severity
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.segments import read_document

RULEBOOK = load_pack([default_rules_dir()], (default_seeds_dir(),))
# publication dates as the inventory gives them (000 and 003: days after the announcement)
SEED_DATES = {"000": dt.date(2024, 2, 20), "001": dt.date(2024, 2, 26), "002": dt.date(2024, 11, 27),
              "003": dt.date(2024, 2, 20), "004": dt.date(2024, 3, 31)}
OWN_MISSPELLINGS = {"001": ["Open AI", "Open AI", "Hany Faid", "Edda Humbrecht", "OpenAi"], "002": ["Huggingface"]}


@pytest.mark.parametrize("prefix", sorted(SEED_DATES))
@pytest.mark.parametrize("dated", [True, False], ids=["dated", "undated"])
def test_seed_gives_only_its_own_misspellings(prefix, dated):
    (path,) = default_seeds_dir().glob(f"{prefix}_*.txt")
    doc = read_document(str(path), path.read_bytes())
    findings = [f for f in lint_document(doc, RULEBOOK, date=SEED_DATES[prefix] if dated else None)
                if f.severity >= Severity.WARNING]
    assert all(f.rule.startswith("name.") for f in findings), [f.message for f in findings]
    assert [f.found for f in findings] == OWN_MISSPELLINGS.get(prefix, [])
