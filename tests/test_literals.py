"""Required literals (linter/literals.py): the strings a pattern cannot match without. A returned set
that a real match lacks would silently drop findings, so the pack's own patterns are checked against
every sentence of the dev drafts, the seeds and their own examples."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

import yaml

from linter.lexicon import LazyRegex
from linter.literals import fold, may_match, required_literals
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


def _ignorecase_classes() -> list[set[str]]:
    """The characters re.IGNORECASE takes for one another, as classes of two or more: those whose lower
    case (as the regex engine lowers one character) is one, joined by the engine's own table of extra
    cases (re._casefix)."""
    import _sre
    from re import _casefix
    parent: dict[int, int] = {}

    def root(c: int) -> int:
        while parent.get(c, c) != c:
            c = parent[c]
        return c

    def join(a: int, b: int) -> None:
        if root(a) != root(b):
            parent[root(a)] = root(b)

    for c in range(sys.maxunicode + 1):
        if _sre.unicode_tolower(c) != c:
            join(c, _sre.unicode_tolower(c))
    for lowered, extras in _casefix._EXTRA_CASES.items():
        for extra in extras:
            join(lowered, extra)
    classes: dict[int, set[str]] = {}
    for c in set(parent) | set(parent.values()):
        classes.setdefault(root(c), set()).add(chr(c))
    return [members for members in classes.values() if len(members) > 1]


def test_fold_makes_one_of_every_set_of_letters_ignorecase_takes_for_one():
    """So a text that matches a pattern case-insensitively holds the pattern's folded literals: checked
    for every character (str.casefold alone makes "İ" two characters and keeps "ı" apart from "i")."""
    classes = _ignorecase_classes()
    assert any({"I", "i"} <= members for members in classes)     # the enumeration found the ordinary pairs
    apart = [sorted(members) for members in classes if len({fold(c) for c in members}) > 1]
    assert apart == []


@pytest.mark.parametrize("text", ["GENERATİVE VİDEO", "generatıve vıdeo", "GENERATıVE Vİdeo"])
def test_the_dotted_and_dotless_i_do_not_hide_a_match(text):
    pattern = LazyRegex(r"generative\s+video", re.IGNORECASE, prefilter=True)
    assert pattern.search(text) and may_match(pattern.literals, fold(text))


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
             if p.compiled.search(s) and not may_match(p.literals, fold(s))]
    assert wrong == []
