"""The gate before a category fact's alternatives (checks/alternatives.py: `_gate`) skips no match: wherever
the pattern of the wrong alternatives, or of them and the right words, finds something, the gate lets the
sentence through. Checked on real prose and on random text made of the alternatives themselves, in every
case and with the letters that case-fold unlike ASCII, for the facts of the shipped packs and of every
class of words.yaml.
"""
from __future__ import annotations

import random
import re
import string
from pathlib import Path
from types import SimpleNamespace

import pytest

from linter.checks import alternatives
from linter.checks.category import Listed
from linter.literals import fold
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from tests.characters import every_character
from tests.test_extract_gates import _prose

REPO = Path(__file__).resolve().parent.parent
LANGS = ("de", "en")


def _facts() -> list[tuple[str, object]]:
    """(readable id, expected) of every fact with alternatives in the shipped packs, and one fact for each
    class of alternatives."""
    packs = [load_pack([default_rules_dir()], (default_seeds_dir(),)),
             load_pack([REPO / "examples" / "packs" / "windpark" / "rules"],
                       (REPO / "examples" / "packs" / "windpark" / "seeds",))]
    found = [(rule.id, rule.expected) for pack in packs for rule in pack.rules
             if rule.kind == "category" and (rule.expected.wrong or rule.expected.among or rule.expected.right)]
    found += [(f"{rule.id}.{name}", listed) for pack in packs for rule in pack.rules if rule.kind == "category"
              for name, listed in (rule.expected.wrong_by or {}).items()]
    for name in alternatives.classes():
        first = {lang: alternatives.phrases(words[:1]) for lang, words in alternatives.classes()[name].items()}
        found.append((f"class.{name}", Listed((), name, first)))
    return found


FACTS = _facts()


def _random_texts(expected, lang: str, count: int) -> list[str]:
    """Texts strung together from the fact's words (in any case, glued, hyphenated or alone), letters that
    case-fold unlike ASCII, and filler."""
    words = [w for phrase in expected.wrong for w, _ in phrase]
    words += [w for phrase in expected.right.get(lang, ()) for w, _ in phrase]
    words += list(alternatives.classes().get(expected.among, {}).get(lang, ()))
    pieces = sorted(set(words) | {"İ", "ı", "ſ", "\u212a", "Σ", "ein", "kein", "not", "a", "-", "2", "s", "en"})
    rng = random.Random(20241205)

    def variant(piece: str) -> str:
        return rng.choice([piece, piece.upper(), piece.lower(), piece.capitalize(),
                           piece.replace("s", "ſ").replace("i", "ı").replace("k", "\u212a"),
                           piece.replace("I", "İ").upper(), piece.upper().replace("I", "İ").replace("i", "ı")])

    return ["".join(variant(rng.choice(pieces)) + rng.choice([" ", " ", "", "-", ", ", "s "]) for _ in range(8))
            for _ in range(count)]


def _sentence(text: str, lang: str) -> SimpleNamespace:
    return SimpleNamespace(text=text, folded=fold(text), lang=lang)     # as Sentence.folded


@pytest.mark.parametrize(("name", "expected"), FACTS, ids=[name for name, _ in FACTS])
def test_the_gate_lets_every_match_through(name: str, expected) -> None:
    prose = _prose()
    for lang in LANGS:
        wrong, right, wrong_gate, either_gate = alternatives._compiled(expected, lang)
        for text in prose + _random_texts(expected, lang, 600):
            sentence = _sentence(text, lang)
            if wrong and wrong.search(text):
                assert alternatives._may_hold(wrong_gate, sentence), (lang, text)
                assert alternatives._may_hold(either_gate, sentence), (lang, text)
            if right and right.search(text):
                assert alternatives._may_hold(either_gate, sentence), (lang, text)


def test_the_gate_skips_sentences_without_the_words() -> None:
    """Not a gate that lets everything through: most prose holds none of the architecture's words."""
    expected = dict(FACTS)["sora.architecture"]
    _, _, _, gate = alternatives._compiled(expected, "de")
    quiet = "Das Unternehmen ganz in Berlin zeigte am Montag neue Clips."
    assert not alternatives._may_hold(gate, _sentence(quiet, "de"))
    assert alternatives._may_hold(gate, _sentence("Sora ist ein Diffusionsmodell.", "de"))
    assert alternatives._may_hold(gate, _sentence("Es nutzt GANs.", "de"))


def test_ascii_letters_case_fold_as_their_search_does() -> None:
    """The gate reads ASCII letters from the folded text (literals.fold): any character IGNORECASE takes
    for an ASCII letter must fold to it."""
    for letter in string.ascii_lowercase:
        for match in re.finditer(letter, every_character(), re.IGNORECASE):
            char = match.group()
            assert fold(char) == letter, (letter, char)
