"""Categorical facts: an attribute (developer, platform, colour...) that a sentence gives another value.

Fields (`expected`): value (text), contradicted_by (regexes by language).
The check itself arrives with issue 3; until then rules of this kind load, validate and their
examples run as expected failures.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..fields import FieldReader

KIND = "category"


@dataclass(frozen=True, slots=True)
class Expected:
    value: str
    contradicted_by: dict


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a categorical fact."""
    return Expected(reader.text("value"), reader.patterns("contradicted_by", required=True))


evaluate = None  # not yet checked
