"""Shared by status and category facts: a claim is a match of one of the fact's `contradicted_by`
patterns in a sentence about the fact's subject, that the sentence asserts.

Patterns are written for the draft's language; a named group `claim` narrows the reported span to the
words that carry the claim. `unless` patterns name restrictions that make a sentence consistent with
the fact ("nur Red Teamer"): a sentence matching one of them is no finding.
"""
from __future__ import annotations

from typing import Iterator

from ..findings import Mismatch


def _claim_span(match) -> tuple[int, int]:
    if "claim" in match.re.groupindex and match.group("claim") is not None:
        return match.span("claim")
    return match.span()


def _patterns_for(patterns: dict, lang: str):
    return patterns.get(lang, ()) + patterns.get("*", ())


def pattern_mismatches(rule, sentence, expected_text: str) -> Iterator[Mismatch]:
    """Yield a mismatch for each asserted match of the rule's contradicting patterns."""
    expected = rule.expected
    if any(p.search(sentence.text) for p in _patterns_for(expected.unless, sentence.lang)):
        return
    seen = set()
    for pattern in _patterns_for(expected.contradicted_by, sentence.lang):
        for match in pattern.finditer(sentence.text):
            start, end = _claim_span(match)
            if start == end or (start, end) in seen or not sentence.in_scope(rule.scope, start, end):
                continue
            seen.add((start, end))
            stance = sentence.stance(start, end)
            if stance.asserted or stance.quoted_by is not None:
                yield Mismatch(start, end, "", expected_text, max_severity=stance.max_severity, note=stance.note)
