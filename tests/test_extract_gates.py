"""The shortcuts of claim extraction change nothing: gated and ungated searches agree on every table row.

find_quantities tries its matchers only at tokens that can open a phrase, and find_dates searches only
with the shapes whose anchors occur in a sentence. Both gates are built from the word tables, so a word
added to a table is still found; these tests hold them to that. The clause splitter looks its
conjunctions up among a sentence's words instead of searching for them: it cuts where one pattern would.
"""
from __future__ import annotations

import datetime as dt
import itertools
import random
import re
from pathlib import Path

import pytest

from linter import measures
from linter.claims import amounts, bounds, clauses, dates, quantities, tokens
from linter.claims import date_words as W
from linter.claims import numbers as lex
from linter.claims.amounts import NUMBER_PHRASE_WORDS
from linter.claims.dates import find_dates, find_dates_everywhere
from linter.claims.numbers import parse_number
from linter.claims.predicates import words
from linter.claims.quantities import find_quantities, find_quantities_everywhere, may_start
from linter.literals import LOWER_KEEPS_APART
from linter.resources import default_seeds_dir
from tests.characters import every_character
from tests import test_dates, test_predicates, test_quantities
from tests.test_segments import _spec_examples

REF = dt.date(2024, 3, 1)
LANGS = ("de", "en")

# Rows that probe the gates' edges: opaque runs, unusual case folding and digits, glued compounds.
EDGE_SENTENCES = [
    "Siehe bilder/2024-11-sora-1920x1080.png und `dauer=120` sowie https://example.com/zwei-minuten",
    "İm MÄRZ 2024 kamen ZWEI MINUTEN lange Clips, im JULI ſeit 3 Tagen",
    "Die K\u212aI lief 2² Minuten, ½ Stunde, ein Viertel",
    "Q4 2024, q1/25, H1 2025, 11/26/2024, 15.02., 2024-02, vor 3 Wochen, three days ago",
    "zweihundertfünfundvierzig Sekunden, einminütige Clips, tagelang, Full-HD, 4K-Videos, 1080p",
    "for hours, minute-long clips, a couple of days, hundreds of artists, twenty-five seconds",
    "Jahresende, year-end, Vorjahr, heuer, des Jahres, the day before yesterday, last night",
    "vom Januar bisMärz 2024", "from January toMarch", "Jan.–Feb. und Mai bis Juni",
]


def _rows(*tables) -> list[str]:
    """The sentence of each row of pytest tables whose second value is the sentence."""
    return [row.values[1] if hasattr(row, "values") else row[1] for table in tables for row in table]


QUANTITY_SENTENCES = _rows(test_quantities.CASES, test_quantities.SPANS, test_quantities.NOUNS) + EDGE_SENTENCES
DATE_SENTENCES = _rows(test_dates.CASES, test_dates.NO_DATES, test_dates.EXPLICIT_YEAR) + EDGE_SENTENCES


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sentence", QUANTITY_SENTENCES)
def test_quantity_gate_skips_no_match(sentence: str, lang: str) -> None:
    assert find_quantities(sentence, lang) == find_quantities_everywhere(sentence, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sentence", DATE_SENTENCES)
def test_date_anchors_skip_no_match(sentence: str, lang: str) -> None:
    assert find_dates(sentence, lang, REF) == find_dates_everywhere(sentence, lang, REF)


def _prose() -> list[str]:
    """Paragraphs of real text: the example drafts, the pack's sources, the CommonMark spec's examples."""
    root = Path(__file__).resolve().parents[1]
    files = [*(root / "examples").glob("*.md"), *Path(default_seeds_dir()).rglob("*.txt"),
             *(root / "tests" / "fixtures" / "drafts").iterdir()]
    paragraphs = [p for f in files for p in f.read_text(encoding="utf-8-sig").split("\n\n")]
    return paragraphs + [markdown for _, markdown in _spec_examples()]


def _random_texts(count: int) -> list[str]:
    """Texts strung together from every anchor word (in any case, glued or alone), digits, punctuation and
    characters that case-fold unlike ASCII: where the gate's reading of words could part from a search."""
    pieces = sorted({word for lang in LANGS for table in W._anchor_words(lang).values() for word in table}
                    | {"2024", "15.", "3/4", "Q4", "H1", "1.2.", "'24", "İm", "ſeit", "ı", "Σ", "٢٠٢٤", "x",
                       "Bericht", "und", "-", ",", ".", "/", "am", "the", "of", "bis", "vor"})
    rng = random.Random(20241205)

    def variant(piece: str) -> str:
        return rng.choice([piece, piece.upper(), piece.capitalize(), piece.replace("s", "ſ").replace("i", "ı"),
                           piece.replace("I", "İ").upper()])

    return ["".join(variant(rng.choice(pieces)) + rng.choice([" ", " ", "", "-", ", "]) for _ in range(12))
            for _ in range(count)]


@pytest.mark.parametrize("lang", LANGS)
def test_date_anchors_skip_no_match_in_prose_and_random_text(lang: str) -> None:
    for text in _prose() + _random_texts(400):
        assert find_dates(text, lang, REF) == find_dates_everywhere(text, lang, REF), text


def test_anchor_words_case_fold_as_their_search_does() -> None:
    """The gate reads anchors from lower-case words: any character the searches' IGNORECASE takes for a
    letter of an anchor word must lower-case to that letter, or send the text to the searches."""
    letters = {c for lang in LANGS for table in W._anchor_words(lang).values() for word in table for c in word}
    for letter in letters:
        for match in re.finditer(re.escape(letter), every_character(), re.IGNORECASE):
            char = match.group()
            assert char.lower() == letter.lower() or LOWER_KEEPS_APART.match(char), (letter, char)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("sentence", DATE_SENTENCES)
def test_every_shape_match_holds_one_of_its_anchors(sentence: str, lang: str) -> None:
    searches = W.anchors(lang)
    for needs, pattern in W.shapes(lang):
        for match in pattern.finditer(sentence):
            assert any(all(searches[name].search(sentence, match.start(), match.end()) for name in anchor)
                       for anchor in needs), (pattern.pattern[:80], match.group())
            assert W.trigger(lang).search(sentence, match.start(), match.end())


@pytest.mark.parametrize("lang", LANGS)
def test_every_template_names_known_anchors(lang: str) -> None:
    for needs, _ in W.shapes(lang):
        assert needs and all(anchor and anchor <= W.anchors(lang).keys() for anchor in needs)


@pytest.fixture()
def add_date_word(monkeypatch):
    """Add a word to a date table for one test; the compiled shapes and anchors are rebuilt around it."""
    def clear() -> None:
        for cached in (W._sources, W._shape, W.anchors, W.trigger, W._anchored, W._word_anchors):
            cached.cache_clear()

    def add(table: dict, word: str, value: object) -> None:
        monkeypatch.setitem(table, word, value)
        clear()

    yield add
    monkeypatch.undo()
    clear()


def test_a_month_added_to_the_table_is_found(add_date_word) -> None:
    sentence = "Die Demo lief im Hornung."  # an old German name of February
    assert find_dates(sentence, "de", REF) == []
    add_date_word(W.MONTHS["de"], "hornung", 2)
    [mention] = find_dates(sentence, "de", REF)
    assert (mention.text, mention.first, mention.last) == ("im Hornung", dt.date(2024, 2, 1), dt.date(2024, 2, 29))


def test_a_relative_noun_added_to_the_table_is_an_anchor(add_date_word) -> None:
    add_date_word(W.REL_SELF, "vorvorjahr", ("year", -2))
    assert W.trigger("de").search("im Vorvorjahr") and W.anchors("de")["period"].search("im Vorvorjahr")


# Words each quantity matcher accepts as its first token, from the tables the matchers read.
STARTERS = {
    "de": [*lex.DE_WORDS, *lex.ARTICLES["de"], *lex.VAGUE_WORDS["de"], *lex.VAGUE_COUNTS, "fullhd", "full",
           "uhd", "hd", "xga", "zweihundertfünfundvierzig", "einundzwanzig", "dreieinhalb", "einminütige",
           "halbstündigen", "tagelang", "stundenlangen"],
    "en": [*lex.EN_WORDS, *lex.ARTICLES["en"], *lex.VAGUE_WORDS["en"], *lex.VAGUE_COUNTS, "half", "for",
           "minute", "hours", "secs", "full", "ultra", "vga"],
}
NOT_STARTERS = {"de": ["videos", "der", "sora", "minuten", "und", "s"], "en": ["videos", "the", "sora", "s", "clips"]}


@pytest.mark.parametrize(("lang", "word"), [(lang, word) for lang in LANGS for word in STARTERS[lang]])
def test_starter_words_pass_the_gate(lang: str, word: str) -> None:
    assert may_start(word, lang)


@pytest.mark.parametrize(("lang", "word"), [(lang, word) for lang in LANGS for word in NOT_STARTERS[lang]])
def test_other_words_do_not(lang: str, word: str) -> None:
    assert not may_start(word, lang)


# parse_number reads no word after the first that NUMBER_PHRASE_WORDS lacks, so read_number stops there.
VOCABULARY = {
    "de": ["eine", "ein", "vier", "zwanzig", "halbe", "dutzend", "hundert", "millionen", "mrd", "und",
           "minuten", "videos", "48", "1,5"],
    "en": ["a", "an", "one", "twenty", "five", "half", "and", "dozen", "hundred", "million", "minutes",
           "videos", "of", "48", "1.5"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_number_phrases_hold_only_number_phrase_words(lang: str) -> None:
    words = VOCABULARY[lang]
    for size in (2, 3):
        for phrase in itertools.product(words, repeat=size):
            if parse_number(" ".join(phrase), lang) is not None:
                assert set(phrase[1:]) <= NUMBER_PHRASE_WORDS[lang], phrase


# The cuts as one pattern, the conjunctions a branch of it: the reference clauses.clause_breaks is held to.
ONE_PATTERN = re.compile(r"(?<!\d),|,(?!\d)|[;:()\u2013\u2014\[\]]|\s-\s|\b(?:"
                         + "|".join(sorted(clauses._JOINING_WORDS)) + r")\b", re.IGNORECASE)
# Random text from the characters and words at the cuts' edges: conjunctions in other cases and glued to
# digits or "_", commas between digits, hyphens between spaces of several kinds.
PIECES = [*"abdeilnorsuwäÄ,,;:()[]-–—_.²½0123456789", " ", " ", "\t", "\n", "\u00a0", " - ", "3,5",
          *clauses._JOINING_WORDS, "UND", "As", "WÄHREND", "Und"]
RANDOM_TEXTS = ["".join(random.Random(seed).choices(PIECES, k=seed % 40)) for seed in range(3000)]
CLAUSE_SENTENCES = [row[1] for row in test_predicates.CLAUSES.values()] + QUANTITY_SENTENCES


@pytest.mark.parametrize("texts", [CLAUSE_SENTENCES, RANDOM_TEXTS], ids=["table-rows", "random"])
def test_clause_cuts_are_the_one_patterns(texts: list[str]) -> None:
    for text in texts:
        assert clauses.clause_breaks(text, words(text)) == [m.span() for m in ONE_PATTERN.finditer(text)], text


# Random text from the pieces at the quantity gate's edges: signs, digits, opaque runs, units with slashes,
# words that open a phrase and words that do not.
QUANTITY_PIECES = [" ", " ", "$", "€", "£", "¥", "3", "1,5", "²", "½", "_", "=", "@", "/", "://", ".png", ".PNG", "km/h",
                   "KM/h", "m/s", "x", "×", "Full", "HD", "eine", "a", "few", "for", "hours", "tagelang", "Minuten",
                   "zwei", "twenty", "-", "Videos", "Sora", "und", ".", ",", "İ", "ſ", "$3 billion", "€ 2 Mio.",
                   "US-$ 5", "5 MW", "10 Sekunden", "a few hours", "1920x1080", "60-Sekunden-Clips", "ein paar Minuten"]
QUANTITY_RANDOM_TEXTS = ["".join(random.Random(seed).choices(QUANTITY_PIECES, k=seed % 12)) for seed in range(1500)]


@pytest.mark.parametrize("lang", LANGS)
def test_quantity_gate_skips_no_match_in_random_text(lang: str) -> None:
    for text in QUANTITY_RANDOM_TEXTS:
        assert find_quantities(text, lang) == find_quantities_everywhere(text, lang), text
        assert find_quantities(text, lang, words(text)) == find_quantities_everywhere(text, lang), text


# Articles and "for" beside words that may go on with them in a phrase and words that may not, apart in every way:
# the edges of the gate that builds no token view for a text whose only openers are such words.
ARTICLE_PIECES = [*sorted(lex.ARTICLES["de"] | lex.ARTICLES["en"]), "A", "An", "Eine", "EINEM", "for", "For", "paar",
                  "few", "Couple", "fünfte", "sixth", "Dritten", "hundred", "halbe", "half", "Dutzend", "Minute",
                  "minute", "Stunden", "hours", "weeks", "Days", "ganze", "good", "gute", "Gigawatt", "MW", "Prozent",
                  "percent", "km", "Mio", "bis", "to", "or", "oder", "und", "and", "zwischen", "between", "kleine",
                  "Gruppe", "model", "Sora", "-", ":", ",", ".", "–", "İ", "ſ"]
ARTICLE_ROWS = ["eine gute Stunde", "eine ganze Minute", "a good hour", "a full minute", "ein Dutzend Videos",
                "eine halbe Stunde", "a hundred videos", "eine fünfte Pfote", "a sixth leg", "ein Gigawatt",
                "a megawatt", "for hours", "for days on end", "for a few weeks", "for one hundred days"]
ARTICLE_TEXTS = ARTICLE_ROWS + [
    "".join(rng.choice(ARTICLE_PIECES) + rng.choice([" ", " ", "", "  ", ", ", "-", "\n\n"]) for _ in range(seed % 9))
    for seed, rng in ((seed, random.Random(seed)) for seed in range(1500))]


@pytest.mark.parametrize("lang", LANGS)
def test_lone_opener_gate_skips_no_match(lang: str) -> None:
    for text in ARTICLE_TEXTS + _prose() + QUANTITY_SENTENCES:
        expected = find_quantities_everywhere(text, lang)
        assert find_quantities(text, lang) == expected, text
        assert find_quantities(text, lang, words(text)) == expected, text


@pytest.mark.parametrize("lang", LANGS)
def test_every_character_that_opens_a_phrase_alone_is_searched_for(lang: str) -> None:
    # a character that is neither a letter, a digit, "_" nor a space is a token of its own
    for char in map(chr, range(0x10000)):
        if not re.match(r"[\w\s]", char) and may_start(char.lower(), lang):
            assert quantities._SIGN_OR_HINT[lang].search(char), char


def test_opaque_hint_search_finds_what_the_plain_alternation_finds() -> None:
    plain = re.compile(rf"{tokens._CODE_MARK}|{tokens._FILE_EXTENSION}", re.IGNORECASE)
    for text in QUANTITY_RANDOM_TEXTS + EDGE_SENTENCES:
        assert bool(tokens.OPAQUE_HINT_RE.search(text)) == bool(plain.search(text)), text


# Random text ending in bound phrases (in any case, spaced unevenly, glued to what precedes them) and in
# words that only end like one: the text before a quantity, as bounds.bound_before reads it.
BOUND_PIECES = [*sorted(lex.BOUND_PHRASES), "ÜBER", "Mehr  als", "BIS\nzu", "into", "Foo", "x", "3", ".", "-", "=",
                "_", " ", " ", "\t", "\u00a0", "İ", "ı", "ſ", "faſt", "CA.", "ab", "zuzu"]
BOUND_RANDOM_TEXTS = ["".join(random.Random(seed).choices(BOUND_PIECES, k=seed % 9)) + " 5"
                      for seed in range(3000)]


def _searched_bound(view: tokens.TokenView, start: int) -> tuple[str, int]:
    """bound_before without its gate: the search alone."""
    match = bounds.BOUND_RE.search(view.text, max(view.floor, start - 40), start)
    if match is None:
        return "", start
    return lex.BOUND_PHRASES[" ".join(match.group(1).lower().split())], match.start(1)


def _outcome(read, *arguments):
    try:
        return read(*arguments)
    except KeyError as error:  # a phrase IGNORECASE matched that lower() does not spell
        return error.args


def test_bound_gate_skips_no_phrase() -> None:
    for text in BOUND_RANDOM_TEXTS + QUANTITY_SENTENCES + _prose()[:300]:
        view = tokens.TokenView(text, "de")
        for start in {*view.starts, len(text)}:
            assert _outcome(bounds.bound_before, view, start) == _outcome(_searched_bound, view, start), (text, start)


def test_bound_words_case_fold_as_their_search_does() -> None:
    """The bound gate compares lower-case text: any character BOUND_RE's IGNORECASE takes for a letter of
    a bound phrase must lower-case to that letter, or send the text to the search."""
    letters = {char for phrase in lex.BOUND_PHRASES for char in phrase if not char.isspace()}
    for letter in letters:
        for match in re.finditer(re.escape(letter), every_character(), re.IGNORECASE):
            char = match.group()
            assert char.lower() == letter.lower() or LOWER_KEEPS_APART.match(char), (letter, char)


def test_words_of_ascii_text_are_the_letter_patterns_matches() -> None:
    ascii_text = "".join(map(chr, range(128)))
    for text in [ascii_text, ascii_text[::-1], *RANDOM_TEXTS, *QUANTITY_RANDOM_TEXTS]:
        assert words(text) == [(m.group().lower(), m.start(), m.end()) for m in re.finditer(r"[^\W\d_]+", text)]


def test_token_columns_are_the_token_patterns_matches() -> None:
    for text in QUANTITY_RANDOM_TEXTS + BOUND_RANDOM_TEXTS + QUANTITY_SENTENCES + _prose() + ["", " \x1c\x1f 3 "]:
        texts, starts, ends, kinds = tokens.token_columns(text)
        if "opaque" not in kinds:
            assert list(zip(texts, starts, ends)) == [(m.group(), *m.span()) for m in tokens.TOKEN_RE.finditer(text)]


# Random text from unit and rate spellings (any case, glued or spaced) and what resembles them: where
# amounts._longest stops reading because no spelling begins so.
UNIT_PIECES = sorted({*measures.SYMBOLS, *measures.WORDS, *(rate for rates in measures.RATES.values() for rate in rates)}
                     | {"KM", "Km/H", "MEGAWATT", "İn", "ſ", "x", "/", ".", "-", "3", "Jahr", "pro", "per"})
UNIT_RANDOM_TEXTS = ["3 " + "".join(random.Random(seed).choice(UNIT_PIECES) + random.Random(seed + 1).choice(["", " ", "  "])
                                    for _ in range(seed % 5)) for seed in range(3000)]


@pytest.mark.parametrize("lang", LANGS)
def test_unit_and_rate_reading_stops_only_where_no_spelling_begins(lang: str) -> None:
    gated = amounts._longest

    def read_on(view, j, size, lookup, may_begin, lower=False):
        return gated(view, j, size, lookup, lambda text: True, lower)

    for text in UNIT_RANDOM_TEXTS + QUANTITY_SENTENCES:
        view = tokens.TokenView(text, lang)
        for j in range(len(view.texts)):
            found = amounts.measure_at(view, j), amounts.rate_at(view, j)
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(amounts, "_longest", read_on)
                assert found == (amounts.measure_at(view, j), amounts.rate_at(view, j)), (text, j)


def test_date_opaque_hint_finds_every_opaque_run() -> None:
    marks = ["a/b", "x://y", "a_b", "k=v", "@x", "\\", "bild.png", "BILD.PNG", "b.ſvg", "b.GIF", "b.gıf", "v2.0", "Ende."]
    texts = QUANTITY_RANDOM_TEXTS + _random_texts(400) + _prose() + EDGE_SENTENCES
    texts += ["".join(random.Random(seed).choices(marks + [" ", "2024", "Sora"], k=5)) for seed in range(500)]
    for text in texts:
        if dates.OPAQUE_RE.search(text):
            assert dates._OPAQUE_HINT.search(text), text


def test_digit_anchors_of_a_text_are_those_of_its_digit_runs() -> None:
    pieces = ["2024", "2024-", "19", "20", "0", "1", "3", "٣", "-", "-1", "/", ".", ",", ":", " ", "x", "Q", "q", "h",
              "H", "Sora", "11/26", "15.02"]
    texts = ["".join(random.Random(seed).choices(pieces, k=seed % 9)) for seed in range(5000)]
    for text in texts:
        searched = {name for name, pattern in W.DIGIT_ANCHORS.items() if re.search(pattern, text, re.IGNORECASE)}
        assert searched == set().union(*map(W._DIGIT_RUNS.__getitem__, W.DIGIT_RUN.findall(text))), text


@pytest.mark.parametrize("lang", LANGS)
def test_article_words_are_letters(lang: str) -> None:
    # read_number takes a phrase that opens with digits for no article without looking
    assert all(word.isalpha() for word in amounts._ARTICLE_WORDS[lang])
