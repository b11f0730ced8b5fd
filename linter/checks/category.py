"""Categorical facts: an attribute (developer, platform, colour...) that a sentence gives another value.

Fields (`expected`): value (text), contradicted_by (regexes by language).
Fields (`unless`, optional): regexes by language for restrictions that make a sentence consistent.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from ..fields import FieldReader
from ..findings import Mismatch
from .patterns import pattern_mismatches

KIND = "category"


@dataclass(frozen=True, slots=True)
class Expected:
    value: str
    contradicted_by: dict
    unless: dict


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a categorical fact."""
    return Expected(reader.text("value"), reader.patterns("contradicted_by", required=True),
                    reader.patterns("unless"))


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each asserted claim that contradicts the fact."""
    return pattern_mismatches(rule, sentence, rule.expected.value)
