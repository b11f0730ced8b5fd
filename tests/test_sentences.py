"""Sentence splitting (linter/sentences.py): where a sentence ends, and what belongs to none."""
from __future__ import annotations

import pytest

from linter.sentences import OPAQUE_RUN_CHARS, split_sentences

LONG = "x" * OPAQUE_RUN_CHARS

# name -> (text, the sentences it is split into)
CASES = {
    "two-sentences": ("Sora ist da. Es kann viel.", ["Sora ist da.", "Es kann viel."]),
    "german-ordinal": ("Am 15. Februar kam Sora. Dann mehr.", ["Am 15. Februar kam Sora.", "Dann mehr."]),
    "abbreviation": ("Clips von ca. 60 Sek. Länge. Gut.", ["Clips von ca. 60 Sek. Länge.", "Gut."]),
    "closing-quote": ("„Das ist neu.“ Sagte er.", ["„Das ist neu.“", "Sagte er."]),
    # a run without white space longer than any word belongs to no sentence
    "opaque-run-after": ("Sora kam im Februar 2024 " + LONG, ["Sora kam im Februar 2024"]),
    "opaque-run-inside": ("Sora kam " + LONG + " im Februar.", ["Sora kam", "im Februar."]),
    "opaque-run-alone": (LONG, []),
    "opaque-run-between": ("Eins. " + LONG + " Zwei.", ["Eins.", "Zwei."]),
    "opaque-run-of-stops": ("Hinweis: " + "." * OPAQUE_RUN_CHARS, ["Hinweis:"]),
    "word-just-short-of-opaque": ("Ein " + LONG[1:] + " Wort.", ["Ein " + LONG[1:] + " Wort."]),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_split_sentences(text, expected):
    assert [text[start:end] for start, end in split_sentences(text)] == expected
