"""Shared by status and category facts: a claim is a match of one of the fact's `contradicted_by`
patterns in a sentence about the fact's subject, that the sentence asserts.

Patterns are written for the draft's language; a named group `claim` narrows the reported span to the
words that carry the claim. `unless` patterns name restrictions that make a sentence consistent with
the fact ("nur Red Teamer"): a sentence matching one of them is no finding.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from .. import bounded
from ..findings import Mismatch
from ..literals import may_match


def _claim_span(match) -> tuple[int, int]:
    if "claim" in match.re.groupindex and match.group("claim") is not None:
        return match.span("claim")
    return match.span()


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One fact's patterns for one language, with the strings one of which any match needs."""

    contradicted_by: tuple
    unless: tuple
    literals: tuple | None              # for any of the patterns (literals.Needs); None: one needs nothing known


_PREPARED: dict = {}


def _prepared(expected, lang: str) -> _Prepared:
    key = (id(expected), lang)
    entry = _PREPARED.get(key)
    if entry is None or entry[0] is not expected:
        contradicted = expected.contradicted_by.get(lang, ()) + expected.contradicted_by.get("*", ())
        unless = expected.unless.get(lang, ()) + expected.unless.get("*", ())
        # any pattern's match holds one string of that pattern's most selective group
        needs = [p.literals[0] if p.literals else None for p in contradicted]
        literals = None if any(n is None for n in needs) else (frozenset().union(*needs),)
        # the fact is kept with its entry, so that its id is not reused by another while cached
        entry = _PREPARED[key] = (expected, _Prepared(contradicted, unless, literals))
    return entry[1]


def pattern_mismatches(rule, sentence, expected_text: str) -> Iterator[Mismatch]:
    """Yield a mismatch for each asserted match of the rule's contradicting patterns."""
    prepared = _prepared(rule.expected, sentence.lang)
    # most patterns lack a word they need in most sentences: substring tests skip the searches
    folded = sentence.folded
    if not may_match(prepared.literals, folded):
        return
    contradicted = [p for p in prepared.contradicted_by if may_match(p.literals, folded)]
    if not contradicted or any(may_match(p.literals, folded) and bounded.search(p, sentence.text, rule.id)
                               for p in prepared.unless):
        return
    seen = set()
    for pattern in contradicted:
        for match in bounded.finditer(pattern, sentence.text, rule.id):
            start, end = _claim_span(match)
            if start == end or (start, end) in seen or not sentence.in_scope(rule.scope, start, end):
                continue
            seen.add((start, end))
            stance = sentence.stance(start, end)
            if stance.asserted or stance.quoted_by is not None:
                yield Mismatch(start, end, "", expected_text, max_severity=stance.max_severity, note=stance.note)
