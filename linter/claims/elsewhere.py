"""Another thing of the subject's kind: "die Seilbahn im benachbarten Talheim", "a second line".

"Die Seilbahn" refers back to the subject the text is about; with a place after it that is none of the
subject's own (not a word of its names, "die Seilbahn in Kornberg" for the Kornberg cable car), it
names another thing of the subject's kind, and the clause is about that one. The place is read by its
shape: after a preposition of place (words.yaml `place_prepositions`, `location_prepositions`, and
`elsewhere_prepositions`: "die Seilbahn von Koblenz") and at most two lower-case words, a capitalised
word that has no ending of a common noun (`common_noun_endings`: "in Planung"), is no word of the
predicate vocabulary ("in Betrieb"), no month or weekday and no word of `not_names`. German "im" right
before a capitalised word is "in dem" before a noun ("im Tal", "im Winter"); before a place it takes
an adjective ("im benachbarten Talheim").

The noun of a reference ("Seilbahn" of "die Seilbahn") brought in with "ein"/"a" is another thing of
the kind, too, when a word says it is another ("eine zweite Seilbahn", "a similar ropeway", "another
line": words.yaml `otherness`) or a place that is not the subject's follows it ("a cable car in
Koblenz"); alone ("Kornberg hat eine Seilbahn") it may be the subject itself.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..lexicon import ENTRY_PARTS, any_of, longest_first
from ..literals import LOWER_KEEPS_APART
from ..vocabulary import word_set
from .date_words import MONTHS, WEEKDAYS

_WORD = re.compile(r"[^\W\d_][\w\u2011-]*")


def placed_elsewhere(text: str, lang: str, subjects: dict, lexicon, known: list[tuple[int, int]],
                     gated: bool = True) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each reference in `text` followed by a place none of its subject's names
    holds, and of each reference noun brought in as another one. `gated=False`: without the tests that
    only save work (the reference tests/test_extract_gates.py holds them to)."""
    referring = _referring(subjects, lang)
    folded = text.lower()
    # most sentences hold none of the subjects' reference nouns: one search for them all decides; of
    # those that do, most hold none right before a preposition of place or after an indefinite article
    if gated and (referring.nouns is None or referring.nouns.search(folded) is None
                  or not _may_find(referring, text, folded)):
        return []
    words = list(_WORD.finditer(text))
    lowered = [w.group().lower() for w in words]
    prepositions, indefinite = _prepositions(lang), word_set("indefinite", lang)
    # a place needs a preposition of place with a capitalised word after it, another one of a kind an
    # indefinite article: a sentence with neither word has nothing to find
    placed = (not gated or not prepositions.isdisjoint(lowered)) and \
        any(word in prepositions and any(w.group()[0].isupper() for w in words[index + 1:index + 4])
            for index, word in enumerate(lowered))
    articles = [index for index, word in enumerate(lowered) if word in indefinite] \
        if not gated or not indefinite.isdisjoint(lowered) else []
    if not (placed or articles):
        return []
    candidates = [row for row in referring.rows if any(noun[-1] in folded for noun in row[2])]
    found = []
    for subject, terms, nouns in candidates:
        for match in terms.finditer(text) if placed else ():
            place = _place_after(text, match.end(), lang, lexicon, known)
            if place is not None and not _own_place(subject, text[place[0]:place[1]]):
                found.append((match.start(), place[1], subject.kind))
        for start, end, other in _indefinite(words, lowered, lang, nouns, articles, gated):
            place = _place_after(text, end, lang, lexicon, known) if placed else None
            if place is not None and not _own_place(subject, text[place[0]:place[1]]):
                found.append((start, place[1], subject.kind))
            elif other:
                found.append((start, end, subject.kind))
    return found


@dataclass(frozen=True)
class _Referring:
    """The subjects that have reference nouns, as (subject, reference terms, reference nouns), and one
    regex of the nouns' last words (None: there are none), which a sentence must hold for any row.
    Words looked for in the lowered sentence (see _may_find): `placed`, the last word of an entry of the
    rows' terms right before a preposition of place; `article`, an indefinite article; `noun`, the last
    part of a noun."""

    rows: list
    nouns: re.Pattern | None
    placed: re.Pattern | None = None
    article: re.Pattern | None = None
    noun: re.Pattern | None = None


def _may_find(referring: _Referring, text: str, folded: str) -> bool:
    """False when `text` (lowered: `folded`) has no reference followed by a place (a term's last word
    right before a preposition: _place_after) nor a reference noun after an indefinite article
    (_indefinite). A word is looked for where no letter stands before it and its end is tested as the
    terms test it ((?!\\w); German nouns may take "s" endings), so a text with a find always passes. A
    letter that the lowered text writes apart from the one the terms match (literals.LOWER_KEEPS_APART)
    lets the text through."""
    if referring.placed.search(folded) is not None or LOWER_KEEPS_APART.search(text) is not None:
        return True
    article = referring.article.search(folded)
    return article is not None and referring.noun.search(folded, article.end()) is not None


_REFERRING: dict = {}


def _referring(subjects, lang: str) -> _Referring:
    """The _Referring of a collection of subjects, computed once per collection (a pack's, kept while
    the pack is)."""
    key = (id(subjects), lang)
    cached = _REFERRING.get(key)
    if cached is None or cached[0] is not subjects:
        rows = []
        for subject in subjects.values():
            terms = subject.references.get(lang)
            nouns = _nouns(terms.entries, lang) if terms is not None else ()
            if nouns:
                rows.append((subject, terms, nouns))
        lasts = longest_first(noun[-1] for _, _, nouns in rows for noun in nouns)
        referring = _Referring(rows, None)
        if lasts:
            # what a term ends with: the last word of any of its entries ("modell" of "das KI-Modell", "its")
            ends = {ENTRY_PARTS.split(entry.strip().lower())[-1] for _, terms, _ in rows for entry in terms.entries}
            # the last part of a noun's last word, as _indefinite compares it ("modell" of "ki-modell")
            nouns = {ENTRY_PARTS.split(last)[-1] for last in lasts}
            end = "s*(?!\\w)" if lang == "de" else "(?!\\w)"
            referring = _Referring(
                rows, re.compile(any_of(lasts)),
                re.compile(rf"{_words(ends)}(?!\w)\s*(?:{any_of(_prepositions(lang))})(?![\w\u2011-])"),
                re.compile(_words(word_set("indefinite", lang)) + r"(?![\w\u2011-])"),
                re.compile(_words(nouns) + end))
        cached = _REFERRING[key] = (subjects, referring)
    return cached[1]


def _words(words) -> str:
    """A regex for any of the words where no letter stands before it (the letter is looked for after the
    word: a regex that opens with a lookbehind is tried at every position). A word that begins or ends
    with "*" takes any word characters there, as a term does."""
    branches = []
    for word in longest_first(words):
        core = re.escape(word.strip("*"))
        head = "" if word.startswith("*") else rf"(?<![^\W\d_]{core})"
        branches.append(core + head + (r"\w*" if word.endswith("*") else ""))
    return f"(?:{'|'.join(branches)})"


@functools.lru_cache(maxsize=None)
def _nouns(references: tuple, lang: str) -> tuple:
    """The nouns of the references that are a determiner and a noun ("die Seilbahn" -> "seilbahn")."""
    determiners = word_set("determiners", lang)
    nouns = set()
    for entry in references:
        parts = entry.lower().split()
        if len(parts) >= 2 and parts[0] in determiners and parts[-1][0].isalpha():
            nouns.add(tuple(p.rstrip("s") if lang == "de" else p for p in parts[1:]))
    return tuple(sorted(nouns))


def _indefinite(words: list, lowered: list, lang: str, nouns: tuple, articles: list[int], gated: bool = True):
    """(start, end, said to be another) of each reference noun after "ein"/"a" (at the indices
    `articles`) and at most two words."""
    otherness = word_set("otherness", lang)
    for index in articles:
        # the three words a noun may begin with, as compared: only a noun that begins with one is tried
        near = {w.rstrip("s") if lang == "de" else w for w in lowered[index + 1:index + 4]}
        for noun in nouns:
            if gated and noun[0] not in near:
                continue
            for gap in range(3):
                at = index + 1 + gap
                if tuple(w.rstrip("s") if lang == "de" else w for w in lowered[at:at + len(noun)]) == noun:
                    yield words[index].start(), words[at + len(noun) - 1].end(), any(w in otherness for w in lowered[index:at])
                    break


def _place_after(text: str, position: int, lang: str, lexicon, known) -> tuple[int, int] | None:
    """The span of a place name right after `position`: a preposition of place, at most two lower-case
    words, then the name."""
    words = []
    for word in _WORD.finditer(text, position):
        if text[position:word.start()].strip():
            return None     # punctuation between: another phrase
        words.append(word)
        position = word.end()
        if len(words) > 4 or word.group()[0].isupper():
            break
    if len(words) < 2 or words[0].group().lower() not in _prepositions(lang) or not words[-1].group()[0].isupper():
        return None
    if any(not w.group()[0].islower() for w in words[:-1]):
        return None
    if len(words) == 2 and words[0].group().lower() in word_set("article_prepositions", lang):
        return None     # "im Tal": a noun after "in dem"
    name = words[-1]
    if any(a < name.end() and name.start() < b for a, b in known) or not _name_shaped(name.group(), lang, lexicon):
        return None
    return name.start(), name.end()


@functools.lru_cache(maxsize=None)
def _prepositions(lang: str) -> frozenset:
    return (word_set("place_prepositions", lang) | word_set("location_prepositions", lang)
            | word_set("elsewhere_prepositions", lang))


def _name_shaped(word: str, lang: str, lexicon) -> bool:
    lowered = word.lower()
    if lowered in MONTHS.get(lang, {}) or lowered in WEEKDAYS.get(lang, {}) or lowered in word_set("not_names", lang):
        return False
    if lexicon is not None and lexicon.forms(lang, lowered):
        return False
    return not any(lowered.endswith(e) for e in word_set("common_noun_endings", lang))


def _own_place(subject, place: str) -> bool:
    """The place is a word of one of the subject's names ("Seilbahn Kornberg" is in Kornberg)."""
    place = place.lower()
    return any(place in (w.lower() for w in _WORD.findall(name)) for name in subject.names.entries)
