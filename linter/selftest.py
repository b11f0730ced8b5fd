"""Run every rule's own examples: each flag sentence gives exactly one finding of its rule, each pass
sentence none. Kinds without an evaluator yet are expected failures."""
from __future__ import annotations

from dataclasses import dataclass

from .checks import is_checked
from .engine import lint_document
from .findings import Severity
from .rulebook import Rule, Rulebook
from .segments import read_markdown


@dataclass(frozen=True, slots=True)
class ExampleResult:
    rule: str
    expectation: str      # "flag" | "pass"
    lang: str
    text: str
    index: int            # 1-based position among the rule's examples of this expectation and language
    found: int            # findings of this rule at error or warning level
    expected_failure: bool

    @property
    def ok(self) -> bool:
        return self.found == (1 if self.expectation == "flag" else 0)

    @property
    def test_id(self) -> str:
        return example_id(self.rule, self.expectation, self.lang, self.index)


def example_id(rule_id: str, expectation: str, lang: str, index: int) -> str:
    """A readable, stable id: "sora.clip.max-length:flag:de:1"."""
    return f"{rule_id}:{expectation}:{lang}:{index}"


def run_example(rulebook: Rulebook, rule: Rule, expectation: str, lang: str, text: str,
                index: int = 1) -> ExampleResult:
    """Lint one example sentence as a draft of its own, dated the fact's as_of, with only this rule active."""
    findings = lint_document(read_markdown(text, "<example>"), rulebook, lang=lang, rules=[rule], date=rule.as_of)
    found = sum(1 for f in findings if f.rule == rule.id and f.severity >= Severity.WARNING)
    return ExampleResult(rule.id, expectation, lang, text, index, found, not is_checked(rule.kind))


def all_examples(rulebook: Rulebook):
    """(rule, expectation, lang, text, index) for every example of the pack."""
    for rule in rulebook.rules:
        for expectation in ("flag", "pass"):
            counters: dict = {}
            for lang, text in rule.examples[expectation]:
                counters[lang] = counters.get(lang, 0) + 1
                yield rule, expectation, lang, text, counters[lang]


def run_all(rulebook: Rulebook) -> list[ExampleResult]:
    return [run_example(rulebook, *example) for example in all_examples(rulebook)]
