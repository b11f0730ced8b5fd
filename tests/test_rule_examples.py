"""Every rule's own examples run as tests, named by rule id: `pytest -k sora.clip`.

Flag examples must give exactly one finding of their rule, pass examples none. Rules of kinds that are
not checked yet are expected failures (strict: once a kind is checked, its xfails must turn green).
"""
from __future__ import annotations

import pytest

from linter.checks import is_checked
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.selftest import all_examples, example_id, run_example

RULEBOOK = load_pack([default_rules_dir()], (default_seeds_dir(),))


def _params():
    for rule, expectation, lang, text, index in all_examples(RULEBOOK):
        marks = ()
        if not is_checked(rule.kind) and expectation == "flag":
            marks = (pytest.mark.xfail(reason=f"{rule.kind} facts are not checked yet", strict=True),)
        yield pytest.param(rule, expectation, lang, text, index, marks=marks,
                           id=example_id(rule.id, expectation, lang, index))


@pytest.mark.parametrize("rule, expectation, lang, text, index", list(_params()))
def test_rule_example(rule, expectation, lang, text, index):
    result = run_example(RULEBOOK, rule, expectation, lang, text, index)
    wanted = 1 if expectation == "flag" else 0
    assert result.found == wanted, f"{text!r}: expected {wanted} finding(s) of {rule.id}, got {result.found}"


def test_every_rule_has_two_examples_each_way():
    for rule in RULEBOOK.rules:
        assert len(rule.examples["flag"]) >= 2 and len(rule.examples["pass"]) >= 2, rule.id
