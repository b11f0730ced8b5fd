"""Quote facts: the verbatim words of a speaker, and the other renderings of the same statement.

Fields (`expected`): speaker, text, variants (list of mappings with text and source or origin).
The check itself arrives with issue 4; until then rules of this kind load, validate and their
examples run as expected failures.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..fields import FieldReader

KIND = "quote"


@dataclass(frozen=True, slots=True)
class Expected:
    speaker: str
    text: str
    variants: tuple[str, ...]


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a quote fact."""
    variants = []
    for index, item in enumerate(reader.raw("variants", required=False) or []):
        if isinstance(item, str):
            variants.append(item)
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            variants.append(item["text"])
        else:
            raise reader.fail("variants", f"item {index + 1} must be a text or a mapping with a text")
    return Expected(reader.text("speaker"), reader.text("text"), tuple(variants))


evaluate = None  # not yet checked
