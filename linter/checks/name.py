"""Name facts: the canonical spelling of a person or organisation, its variants and its role.

Fields (`expected`): canonical, variants, misspellings (lists of texts), role (optional mapping with
de, en and as_of).
The check itself arrives with issue 4; until then rules of this kind load, validate and their
examples run as expected failures.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..fields import FieldReader

KIND = "name"


@dataclass(frozen=True, slots=True)
class Expected:
    canonical: str
    variants: tuple[str, ...]
    misspellings: tuple[str, ...]
    role: dict


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a name fact."""
    role = {}
    if reader.has("role"):
        role_reader = reader.nested("role")
        role = {key: role_reader.raw(key, required=False) for key in role_reader.data}
    return Expected(reader.text("canonical"), reader.strings("variants"), reader.strings("misspellings"), role)


evaluate = None  # not yet checked
