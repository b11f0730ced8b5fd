"""Status facts: a state (not released, who has access) that a sentence about the subject denies.

Fields (`expected`): state (text), contradicted_by (regexes by language).
Fields (`unless`, optional): regexes by language for restrictions that make a sentence consistent.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..fields import FieldReader
from ..findings import Mismatch
from .patterns import pattern_mismatches

KIND = "status"


@dataclass(frozen=True, slots=True)
class Expected:
    state: str
    contradicted_by: dict
    unless: dict


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a status fact."""
    return Expected(reader.text("state"), reader.patterns("contradicted_by", required=True),
                    reader.patterns("unless"))


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each asserted claim that contradicts the fact."""
    return pattern_mismatches(rule, sentence, rule.expected.state)
