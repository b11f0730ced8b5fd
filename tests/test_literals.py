"""Required literals (linter/literals.py): the strings a pattern cannot match without. A returned set
that a real match lacks would silently drop findings, so the pack's own patterns are checked against
every sentence of the dev drafts, the seeds and their own examples."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import yaml

from linter.lexicon import LazyRegex
from linter.literals import may_match, required_literals
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.sentences import split_sentences

REPO = Path(__file__).resolve().parent.parent
DEV = REPO.parent / "shared" / "eval" / "dev"

LITERALS = [
    (r"(?:ist|sind)\s+(?:seit|ab)\s+\w+\s+verfügbar", [{"verfügbar"}, {"sind", "ist"}]),   # "ab": too short
    (r"\bfrei\s+(?:verfügbar|zugänglich)", [{"verfügbar", "zugänglich"}, {"frei"}]),
    (r"(?P<claim>Open\s?Source|quelloffen)", [{"source", "quelloffen"}]),
    (r"\bSora\b.{0,40}(?P<claim>für\s+alle)", [{"sora"}, {"alle"}, {"für"}]),
    (r"(?:released|launched)(?:\s+to\s+the\s+public)?", [{"released", "launched"}]),
    (r"(?=.*\bStraße\b)Preis", [{"strasse"}, {"preis"}]),   # case-folded: "ß" is "ss"
    (r"(?i)VERFÜGBAR", [{"verfügbar"}]),
    (r"(?:abc)+xy", [{"abc"}]),
    (r"a*b", None),                                     # nothing required
    (r"(?:foo|)bar?", None),                            # "ba" is too short to be worth a test
    (r"(?:verfügbar|\d+)", None),                       # one alternative needs no string
    (r"(?!verfügbar)\w+", None),                        # a negative lookahead requires nothing
    (r"x{0,3}", None),
    (r"(", None),                                       # invalid: no claim, the loader reports it
]


@pytest.mark.parametrize("pattern, expected", LITERALS, ids=[p for p, _ in LITERALS])
def test_required_literals(pattern, expected):
    found = required_literals(pattern, re.IGNORECASE)
    assert found == (tuple(frozenset(group) for group in expected) if expected is not None else None)


def test_may_match_is_a_substring_test_on_folded_text():
    needs = (frozenset({"verfügbar", "zugänglich"}), frozenset({"sora"}))
    assert may_match(needs, "sora ist verfügbar")
    assert not may_match(needs, "sora ist angekündigt")
    assert not may_match(needs, "runway ist verfügbar")   # every group must be met
    assert may_match(None, "")


def _sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.md")) + sorted(default_seeds_dir().iterdir())]
    out = []
    for text in texts:
        for paragraph in text.split("\n\n"):
            out += [paragraph[a:b].replace("\n", " ") for a, b in split_sentences(paragraph)]
    return out


def test_no_pack_pattern_matches_a_sentence_its_literals_rule_out():
    """The default pack has no regular expressions any more; the ones it had (tests/fixtures) stand for
    what a desk's pack may still hold."""
    rulebook = load_pack([default_rules_dir()], (default_seeds_dir(),))
    sources = yaml.safe_load((Path(__file__).parent / "fixtures" / "pack_patterns.yaml").read_text(encoding="utf-8"))
    patterns = [LazyRegex(p["pattern"], re.IGNORECASE, re.compile(p["pattern"], re.IGNORECASE), prefilter=True)
                for p in sources["patterns"]]
    sentences = _sentences()
    for rule in rulebook.rules:
        sentences += [text for group in rule.examples.values() for _, text in group]
    assert len(patterns) > 100 and sum(p.literals is not None for p in patterns) > 0.9 * len(patterns)
    wrong = [(p.source, s) for p in patterns for s in sentences
             if p.compiled.search(s) and not may_match(p.literals, s.casefold())]
    assert wrong == []
