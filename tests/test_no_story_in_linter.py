"""The linter knows no story: no name (or alias) of a product, organisation or person of a shipped
pack (rules/ and examples/packs/*) may occur in linter/'s code or data. Such knowledge belongs to the pack ("Sora 2" is a
name because the pack names Sora, not because the linter lists it).

Knowledge is in string literals and in the data files beside the modules. Docstrings and comments,
which explain with examples, and identifiers (a variable `meta` is not the company Meta) are not
checked; nor are cues, which are ordinary words ("Clip", "long", "Leak") that a general vocabulary
may list too."""
from __future__ import annotations

import io
import re
import token
import tokenize
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SUBJECT_FILES = [REPO / "rules" / "subjects.yaml", *sorted((REPO / "examples" / "packs").glob("*/rules/subjects.yaml"))]


def story_terms() -> dict[str, str]:
    """Every name of a product, organisation or person in the shipped packs -> the pack it comes from."""
    terms = {}
    for path in SUBJECT_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for subject in data.get("subjects") or []:
            # events are named by common nouns ("the leak"), which a general vocabulary lists too
            if subject.get("kind") != "event":
                terms.update({name: path.parent.parent.name for name in subject.get("names", [])})
    return terms


def string_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of the string literals of a module, docstrings left out."""
    found, previous = [], token.NEWLINE
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == token.STRING and previous not in (token.NEWLINE, token.INDENT, token.DEDENT, token.NL):
            found.append((tok.start[0], tok.string))
        if tok.type not in (token.COMMENT, token.NL):
            previous = tok.type
    return found


def _pattern(term: str) -> re.Pattern:
    """A term as a whole word, case-insensitively; a trailing * makes it a prefix."""
    body = re.escape(term.rstrip("*")) + (r"\w*" if term.endswith("*") else "")
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


# names that are also everyday words of code ("meta" is a table of the audit database): matched as
# written, capitalised, only
EVERYDAY_WORDS = frozenset({"Meta"})
PATTERNS = {term: _pattern(term) if term not in EVERYDAY_WORDS else re.compile(rf"(?<![\w-]){term}(?![\w-])")
            for term in story_terms()}


def test_the_packs_name_their_subjects():
    assert {"Sora", "Veo", "Seeadler Nord", "Basstölpel", "Nordwind"} <= set(PATTERNS)


@pytest.mark.parametrize("path", sorted((REPO / "linter").rglob("*.py")), ids=lambda p: str(p.relative_to(REPO)))
def test_module_names_no_story(path: Path):
    hits = [f"{path.name}:{line}: {term!r} in {text}" for line, text in string_literals(path)
            for term, pattern in PATTERNS.items() if pattern.search(text)]
    assert not hits, "\n".join(hits)


@pytest.mark.parametrize("path", sorted(p for p in (REPO / "linter").rglob("*") if p.suffix in (".yaml", ".json")),
                         ids=lambda p: str(p.relative_to(REPO)))
def test_data_file_names_no_story(path: Path):
    values = list(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))   # comments left out
    hits = [(term, value) for value in values for term, pattern in PATTERNS.items() if pattern.search(value)]
    assert not hits, hits


def _strings(data):
    """Every key and string value of parsed YAML or JSON."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)
    elif isinstance(data, str):
        yield data
