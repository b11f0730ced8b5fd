"""Status facts: a state (not released, who has access) that a sentence about the subject denies.

Fields (`expected`): state (text), contradicted_by (regexes by language).
The check itself arrives with issue 3; until then rules of this kind load, validate and their
examples run as expected failures.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..fields import FieldReader

KIND = "status"


@dataclass(frozen=True, slots=True)
class Expected:
    state: str
    contradicted_by: dict


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a status fact."""
    return Expected(reader.text("state"), reader.patterns("contradicted_by", required=True))


evaluate = None  # not yet checked
