"""The shortcuts of reading a sentence's mentions change nothing: with and without them, the pack's
names (lexicon.NameIndex), the names the pack does not know (claims/entities.py) and the references
placed elsewhere (claims/elsewhere.py) are the same, sentence for sentence, in the shipped drafts, the seeds, the CommonMark spec and random text
made of the words the shortcuts look at."""
from __future__ import annotations

import dataclasses
import random
import re
import sys
from pathlib import Path

import pytest

from linter.claims.elsewhere import _prepositions, _referring, placed_elsewhere
from linter.claims.entities import _kind_nouns, foreign_names
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack, rule_dir
from linter.sentences import split_sentences
from linter.vocabulary import word_set

REPO = Path(__file__).resolve().parent.parent
WINDPARK = REPO / "examples" / "packs" / "windpark"
LANGS = ("de", "en")


@pytest.fixture(scope="module", params=["default", "windpark"])
def rulebook(request):
    if request.param == "default":
        return load_pack([default_rules_dir()], (default_seeds_dir(),))
    return load_pack([rule_dir(WINDPARK)], (WINDPARK / "seeds",))


def _written_sentences() -> list[str]:
    """Every sentence of the example drafts, both packs' seeds and the CommonMark spec."""
    paths = [*sorted((REPO / "examples").glob("*.md")), *sorted(default_seeds_dir().iterdir()),
             *sorted((WINDPARK / "seeds").iterdir()), REPO / "tests" / "fixtures" / "commonmark-spec-0.31.2.txt"]
    sentences = []
    for path in paths:
        for paragraph in path.read_text(encoding="utf-8").split("\n\n"):
            sentences += [paragraph[a:b].replace("\n", " ") for a, b in split_sentences(paragraph)]
    return sentences


def _random_sentences(rulebook, lang: str, count: int = 1500) -> list[str]:
    """Sentences of the words the shortcuts test for, in every order: indefinite articles, prepositions
    of place, words of otherness, the pack's reference nouns and names, nouns of a kind, capitalised
    words, words shaped like names."""
    nouns = [" ".join(noun) for _, _, nouns in _referring(rulebook.subjects, lang).rows for noun in nouns]
    names = [name for subject in rulebook.subjects.values() for name in subject.names.entries if "*" not in name]
    pools = [sorted(word_set("indefinite", lang)), sorted(_prepositions(lang)), sorted(word_set("otherness", lang)),
             sorted(word_set("determiners", lang)), nouns, [n.title() for n in nouns], names,
             [k.title() for k in sorted(_kind_nouns(lang))][:40],
             ["Talheim", "Kornberg", "Vellmar", "Max", "Müller", "Nord", "Brandvik", "März", "Euro", "KI"],
             ["DreamMachine", "Gen3", "Make-A-Video", "GAN", "Hamburg-based", "KI-generierte", "3D", "Seilbahns"],
             ["ist", "wurde", "is", "was", "und", "and", "sagt", "says", "laut", "according", "to"],
             [",", ".", ":", "(", "'s", "–"]]
    rng = random.Random(f"{lang}-{len(names)}")
    sentences = []
    for _ in range(count):
        words = [rng.choice(rng.choice(pools)) for _ in range(rng.randint(2, 12))]
        sentences.append(" ".join(words).replace(" 's", "'s").replace(" ,", ","))
    return sentences


@pytest.mark.parametrize("lang", LANGS)
def test_placed_elsewhere_gates_drop_nothing(rulebook, lang: str) -> None:
    sentences = _written_sentences() + _random_sentences(rulebook, lang)
    assert any(placed_elsewhere(s, lang, rulebook.subjects, rulebook.lexicon, []) for s in sentences) or \
        not _referring(rulebook.subjects, lang).rows      # the comparison holds something to compare
    for sentence in sentences:
        known = [(start, end) for start, end, _ in rulebook.mentions.finditer(sentence)]
        assert placed_elsewhere(sentence, lang, rulebook.subjects, rulebook.lexicon, known) == \
            placed_elsewhere(sentence, lang, rulebook.subjects, rulebook.lexicon, known, gated=False), sentence


@pytest.mark.parametrize("lang", LANGS)
def test_foreign_names_shortcut_drops_nothing(rulebook, lang: str) -> None:
    sentences = _written_sentences() + _random_sentences(rulebook, lang)
    for sentence in sentences:
        known = [(start, end) for start, end, _ in rulebook.mentions.finditer(sentence)]
        assert foreign_names(sentence, lang, known) == foreign_names(sentence, lang, known, gated=False), sentence


def _respelt_names(rulebook, count: int = 3000) -> list[str]:
    """The pack's names in random case, some letters written as characters beyond ASCII that the
    case-insensitive regex engine takes for them (the long s, the Kelvin sign, the dotless i, the
    capital I with a dot, which lowers to two characters), between words, umlauts and marks."""
    names = [name.strip("*") for subject in rulebook.subjects.values() for name in subject.names.entries]
    lookalikes = {"s": "\u017f", "k": "\u212a", "i": "\u0131\u0130", "a": "\u00e4\u00c4", "o": "\u00f6\u03a3"}
    rng = random.Random(len(names))

    def respelt(name: str) -> str:
        chars = [rng.choice(lookalikes.get(c.lower(), c)) if rng.random() < 0.15 else c for c in name]
        return "".join(c.upper() if rng.random() < 0.3 else c.lower() if rng.random() < 0.3 else c for c in chars)

    filler = ["und", "über", "Größe", "the", "(", ".", "-", "_", "'s", "İn", "\u212aelvin"]
    return [" ".join(respelt(rng.choice(names)) if rng.random() < 0.5 else rng.choice(filler)
                     for _ in range(rng.randint(1, 8))) for _ in range(count)]


def test_name_starts_in_the_lowered_text_drop_nothing(rulebook) -> None:
    """The pack's names found from the word starts in the lowered text are those found from the word
    starts the case-insensitive regex finds in the text itself."""
    index = rulebook.mentions
    assert index.matcher.lowered is not None
    unlowered = dataclasses.replace(index, matcher=dataclasses.replace(index.matcher, lowered=None))
    sentences = _written_sentences() + _respelt_names(rulebook)
    assert sum(bool(list(unlowered.finditer(s))) for s in sentences) > 1000   # something to compare
    for sentence in sentences:
        assert list(index.finditer(sentence)) == list(unlowered.finditer(sentence)), sentence


def test_lowering_makes_no_word_character_of_another():
    """A word start in the lowered text is one in the text: no character that is no word character lowers
    to one (lexicon.InitialAlternation looks for word starts in the lowered text)."""
    word = re.compile(r"\w")
    made = [hex(code) for code in range(sys.maxunicode + 1)
            if not word.match(chr(code)) and len(lowered := chr(code).lower()) == 1 and word.match(lowered)]
    assert made == []
