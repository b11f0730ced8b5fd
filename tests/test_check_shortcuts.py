"""The shortcuts the checks take change nothing: each gives what the plain way of asking gives.

A sentence finds a words.yaml list's words through an index of its own words, quotation marks are
found by jumping from mark to mark, and a sentence remembers what facts of one subject ask of it
(Sentence.in_scope). The plain versions here read every character, every word, every phrase.
"""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from linter.claims.quotes import find_quotations
from linter.discourse import read_sentences
from linter.resources import default_rules_dir, default_seeds_dir
from linter.rulebook import load_pack
from linter.segments import read_document
from linter.stance import quoted_regions
from linter.vocabulary import word_lists, word_phrases, word_set

REPO = Path(__file__).resolve().parent.parent
DRAFTS = sorted(REPO.glob("examples/*.md")) + sorted((REPO / "tests" / "fixtures").glob("**/*.md"))
EDGE = "İm MÄRZ „sagte er“ nicht nur, statt, anders als, rather than, in contrast to 'the' \"quoted\" words"
MARKS = "ab „“”»«‚‘’\"x.,\n"


def _drafts() -> list[tuple[str, bytes]]:
    drafts = [(str(p), p.read_bytes()) for p in DRAFTS]
    return drafts + [("edge.md", f"# Sora\n\n{EDGE}\n".encode())]


@pytest.fixture(scope="module")
def sentences() -> list:
    rulebook = load_pack([default_rules_dir()], (default_seeds_dir(),))
    found = []
    for path, data in _drafts():
        for lang in ("de", "en"):
            found += list(read_sentences(read_document(path, data), rulebook, lang, dt.date(2024, 6, 1)))
    assert len(found) > 100
    return found


def _listed_plainly(sentence, list_name: str) -> list[tuple[int, int]]:
    """Every word of the sentence against the list's words, every position against each phrase."""
    single, tokens = word_set(list_name, sentence.lang), sentence.words
    spans = [(start, end) for word, start, end in tokens if word in single]
    for phrase in word_phrases(list_name, sentence.lang):
        n = len(phrase)
        spans += [(tokens[i][1], tokens[i + n - 1][2]) for i in range(len(tokens) - n + 1)
                  if tuple(t[0] for t in tokens[i:i + n]) == phrase]
    return sorted(spans)


def test_listed_words_are_those_a_plain_scan_finds(sentences):
    lists = [name for name, by_lang in word_lists().items()
             if isinstance(by_lang, dict) and any(isinstance(v, list) for v in by_lang.values())]
    assert "hedges" in lists and "contrasts" in lists
    differing = [(name, s.text) for s in sentences for name in lists if s.listed(name) != _listed_plainly(s, name)]
    assert differing == []


def _quotations_plainly(text: str) -> list[tuple[int, int, int, int]]:
    """find_quotations read character by character (without the blockquote case)."""
    from linter.claims.quotes import _CLOSERS, _is_opening
    found, index = [], 0
    while index < len(text):
        char = text[index]
        if char in _CLOSERS and (char != '"' or _is_opening(text, index)):
            close = next((i for i in range(index + 1, len(text)) if text[i] in _CLOSERS[char]), -1)
            end, inner_end = (close + 1, close) if close >= 0 else (len(text), len(text))
            if inner_end > index + 1:
                found.append((index, end, index + 1, inner_end))
            index = end
            continue
        index += 1
    return found


def _regions_plainly(text: str) -> list[tuple[int, int]]:
    """quoted_regions read character by character."""
    from linter.stance import _OPENERS
    regions, open_at, closers = [], None, ""
    for index, char in enumerate(text):
        if open_at is not None and char in closers:
            regions.append((open_at, index + 1))
            open_at = None
        elif open_at is None and char in _OPENERS:
            open_at, closers = index, _OPENERS[char]
    return regions + ([(open_at, len(text))] if open_at is not None else [])


def _mark_texts() -> list[str]:
    rnd = random.Random(7)
    texts = [data.decode("utf-8") for _, data in _drafts()]
    return texts + ["".join(rnd.choice(MARKS) for _ in range(rnd.randint(0, 30))) for _ in range(3000)]


def test_quotation_marks_are_paired_as_a_character_scan_pairs_them():
    for text in _mark_texts():
        assert [(q.start, q.end, q.inner_start, q.inner_end) for q in find_quotations(text)] == \
            _quotations_plainly(text), text
        assert quoted_regions(text) == _regions_plainly(text), text


def test_a_sentence_answers_in_scope_as_it_did_when_first_asked(sentences):
    rulebook = load_pack([default_rules_dir()], (default_seeds_dir(),))
    scopes = {(r.scope.subject, r.scope.context, r.scope.outside): r.scope for r in rulebook.rules}.values()
    for sentence in sentences[:200]:
        places = [q.start for q in sentence.quantities()] + [m.start for m in sentence.mentions] + [0]
        for scope in scopes:
            for place in places:
                assert sentence.in_scope(scope, place) == sentence._in_scope(scope, place, None)
