"""Word lists (lexicon.Terms) find what one case-insensitive alternation between word boundaries finds.

Terms.of opens a list whose entries all begin with a letter with a class of those letters and tries each
entry only after its own first letter (lexicon._by_first_letter): the regex engine then skips in C to where
a match can begin. These tests hold every list the linter builds (both packs' names, references and cues,
and every words.yaml list) to the plain alternation, on real prose and on random text made of the lists'
own words in unusual case, and check the class against every character re.IGNORECASE equates.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from linter import lexicon
from linter.lexicon import Terms, _entry_pattern
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.vocabulary import word_lists
from tests.characters import every_character
from tests.test_extract_gates import _prose

WINDPARK = Path(__file__).resolve().parents[1] / "examples" / "packs" / "windpark"


def _plain(terms: Terms, possessive: bool) -> re.Pattern:
    """The one alternation the list stands for."""
    ordered = sorted(terms.entries, key=len, reverse=True)
    alternation = "|".join(_entry_pattern(e, possessive) for e in ordered)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


@pytest.fixture(scope="module")
def word_list_terms() -> list[tuple[Terms, bool]]:
    """Every Terms the two packs and the vocabulary's lists make, with whether it takes possessives."""
    made = []
    original = Terms.of.__func__

    def recording(cls, entries, possessive: bool = False):
        terms = original(cls, entries, possessive)
        if terms:
            made.append((terms, possessive))
        return terms

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Terms, "of", classmethod(recording))
        load_pack([default_rules_dir()], (default_seeds_dir(),))
        load_pack([WINDPARK / "rules"], (WINDPARK / "seeds",))
        for lists in word_lists().values():
            if isinstance(lists, dict) and lists and set(lists) <= {"de", "en", "*"}:
                for entries in lists.values():
                    Terms.of([e for e in entries if isinstance(e, str)])
    return made


def _random_texts(terms: Terms, count: int) -> list[str]:
    """The list's own words strung together in any case, glued, hyphenated, and with the letters that
    re.IGNORECASE equates with others ("İ", "ı", "ſ", the Kelvin sign, "ẞ")."""
    rng = random.Random(len(terms.entries))
    words = [w for e in terms.entries for w in re.split(r"[\s*]+", e) if w] + ["x", "Sora", "2024", "-", "'s"]

    def variant(word: str) -> str:
        return rng.choice([word, word.upper(), word.capitalize(), word.replace("s", "ſ").replace("i", "ı"),
                           word.upper().replace("I", "İ").replace("K", "\u212a").replace("SS", "ẞ"), "ab" + word])

    return ["".join(variant(rng.choice(words)) + rng.choice([" ", " ", "", "-", ", ", "s "]) for _ in range(10))
            for _ in range(count)]


def test_the_lists_are_dispatched_by_first_letter(word_list_terms) -> None:
    """Nearly every list begins each entry with a letter (a list with "*clips" keeps the plain form)."""
    dispatched = [t for t, _ in word_list_terms if t.regex.flags & re.IGNORECASE == 0]
    assert len(word_list_terms) > 150 and len(dispatched) > 0.8 * len(word_list_terms)


def test_every_list_finds_what_its_plain_alternation_finds(word_list_terms) -> None:
    prose = _prose()
    for terms, possessive in word_list_terms:
        plain = _plain(terms, possessive)
        for text in prose + _random_texts(terms, 40):
            assert [m.span() for m in terms.finditer(text)] == [m.span() for m in plain.finditer(text)], \
                (terms.entries[:5], text)


def test_every_list_says_whether_it_occurs_as_its_plain_alternation(word_list_terms) -> None:
    """Terms.search: a list in the plain form first searches its text for the strings a match needs."""
    prose = _prose()
    plain_form = 0
    for terms, possessive in word_list_terms:
        plain = _plain(terms, possessive)
        plain_form += bool(terms.regex.flags & re.IGNORECASE)
        for text in prose + _random_texts(terms, 40):
            assert terms.search(text) == (plain.search(text) is not None), (terms.entries[:5], text)
    assert plain_form       # the shortcut is taken


@pytest.mark.parametrize("letter", [chr(c) for c in range(0x100) if chr(c).isalpha()])
def test_the_opening_class_holds_every_character_ignorecase_takes_for_a_letter(letter: str) -> None:
    """Every character that a case-insensitive `letter` matches, of all of Unicode, opens a match."""
    equal = set(re.findall("(?i)" + re.escape(letter), every_character()))
    opening = re.compile(lexicon._opening([letter.lower()]))
    assert letter in equal and [c for c in equal if not opening.fullmatch(c)] == []
