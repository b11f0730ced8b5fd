"""The clause a word belongs to, where appositions and insertions between commas do not cut it.

A sentence is cut at commas, semicolons, colons, dashes, brackets and clause-joining conjunctions; a
piece without a finite verb is an insertion ("am Freitag, 3. Mai 2024, eröffnet"; "Mira Murati – seit
2023 Technikchefin – sagte") or a list item ("Red Teamer und Künstler") and joins the piece before it.
The finite verbs are the auxiliaries, modals and common verbs of vocabulary/words.yaml, and in English
the verb forms of the predicate vocabulary (English verbs after a comma open relative clauses:
"OpenAI, which unveiled Sora").
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from itertools import compress
from operator import itemgetter

from ..vocabulary import word_lists
from .predicates import words

# Punctuation that cuts a sentence; a comma between digits is a decimal or thousands mark ("3,5"). The
# comma's digit test follows the comma: a branch opening with a look-behind was tried at every character.
# Every cut opens with a character of one class, the rest checked behind it: the regex engine then skips
# from candidate to candidate in C (an alternation of branches is tried at every character).
_BREAK = re.compile(r"[,;:()\u2013\u2014\[\]\s](?:(?<=,)(?:(?<!\d,)|(?!\d))|(?<=[;:()\u2013\u2014\[\]])|(?<=\s)-\s)")
# Conjunctions that cut a sentence too. They are looked up among the sentence's words, which are read
# anyway: as a branch of _BREAK they were tried case-insensitively at every character, which cost more
# than the rest of the split.
_JOINING_WORDS = frozenset({"und", "aber", "sondern", "doch", "jedoch", "während", "weil", "dass", "als",
                            "and", "but", "while", "whereas", "because", "as"})
_WORD = re.compile(r"[^\W\d_]+")


@functools.lru_cache(maxsize=None)
def _finite(lang: str) -> frozenset:
    return frozenset(w.lower() for w in word_lists()["finite_verbs"].get(lang, ()))


@functools.lru_cache(maxsize=None)
def _openers(lang: str) -> frozenset:
    return frozenset(w.lower() for w in word_lists()["clause_openers"].get(lang, ()))


def clause_pieces(text: str, lang: str, verb_spans: Iterable = (), events: Iterable = (), tokens=None,
                  breaks: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The clauses of a sentence as spans; insertions are joined to the clause before them. `tokens` (the
    text's words as (lower case, start, end), claims/predicates.words) and `breaks` (its clause_breaks):
    when the caller has them."""
    if tokens is None:
        tokens = words(text)
    if breaks is None:
        breaks = clause_breaks(text, tokens)
    if not breaks:
        return [(0, len(text))]
    cuts = [0]
    for start, end in breaks:
        cuts += [start, end]
    cuts.append(len(text))
    pieces = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    with_verb = _pieces_with_verb(text, lang, pieces, tokens, verb_spans, events)
    openers = _openers(lang)
    merged: list[list[int]] = []
    for number, (start, end) in enumerate(pieces):
        # a piece after a subordinating conjunction ("as its rivals ship") is a clause, not the end of an
        # insertion; after "und"/"and" it may be the end of a list ("testers, artists and designers have")
        after_word = number > 0 and text[cuts[2 * number - 1]:cuts[2 * number]].strip().lower() in openers
        has_verb = with_verb[number]
        if merged and not has_verb:
            merged[-1][1] = end
        elif merged and not merged[-1][2] and not after_word and not _opens_clause(text, start, end, lang):
            # the pieces so far had no verb: they are a fronted insertion of this clause
            merged[-1][1:] = [end, has_verb]
        else:
            merged.append([start, end, has_verb])
    return [(a, b) for a, b, _ in merged]


def clause_breaks(text: str, tokens) -> list[tuple[int, int]]:
    """The spans where a sentence is cut, in order: punctuation, and conjunctions standing as words of
    their own (not glued to a digit or "_", as in "3und"). `tokens`: its words (claims/predicates.words)."""
    spans = list(map(re.Match.span, _BREAK.finditer(text)))
    if _JOINING_WORDS.isdisjoint(map(itemgetter(0), tokens)):
        return spans
    spans += [(start, end) for word, start, end in tokens if word in _JOINING_WORDS
              and not (start and _word_char(text[start - 1]) or end < len(text) and _word_char(text[end]))]
    return sorted(spans)


def _word_char(char: str) -> bool:
    """A character of a regular expression's \\w (letters, digits, "_"), which `words` leaves out of a word."""
    return char.isalnum() or char == "_"


def _pieces_with_verb(text: str, lang: str, pieces: list, tokens, verb_spans: Iterable, events: Iterable) -> list[bool]:
    """For each piece, whether it holds a finite verb of words.yaml or of `verb_spans`, or an event (a
    predicate and its date, both inside it)."""
    starts = [start for start, _ in pieces]

    def piece_at(position: int) -> int:
        number = bisect.bisect_right(starts, position) - 1
        return number if number >= 0 and position < pieces[number][1] else -1

    found = [False] * len(pieces)
    finite = _finite(lang)
    # only the sentence's few finite verbs are visited: the filter runs in C over all of its words
    for _, start, end in compress(tokens, map(finite.__contains__, map(itemgetter(0), tokens))):
        number = piece_at(start)
        if number >= 0 and not found[number] and _finite_here(text, start, end, pieces[number][1], lang):
            found[number] = True
    for start, _ in verb_spans:
        number = piece_at(start)
        if number >= 0:
            found[number] = True
    for (predicate, _), (date, _) in events:
        number = piece_at(predicate)
        if number >= 0 and piece_at(date) == number:
            found[number] = True
    return found


def _finite_here(text: str, start: int, end: int, piece_end: int, lang: str) -> bool:
    """A German verb form that is also an infinitive ("stehen", "machen") is finite only where an
    infinitive cannot stand: not after "zu", not last in its piece."""
    if lang != "de" or not text.endswith("en", start, end):
        return True
    if text[max(0, start - 3):start].lower() == "zu ":
        return False
    return bool(text[end:piece_end].strip(" .,;:!?\u2013\u2014"))


def _opens_clause(text: str, start: int, end: int, lang: str) -> bool:
    """A relative pronoun or conjunction begins the piece; capitalised, it is an article after a colon
    ("15. Juni 2025: Die letzte Turbine wird installiert")."""
    first = _WORD.search(text, start, end)
    return first is not None and first.group()[0].islower() and first.group() in _openers(lang)


def clause_of(pieces: list[tuple[int, int]], start: int, end: int | None = None) -> tuple[int, int]:
    """The clause span that holds [start, end)."""
    for a, b in pieces:
        if a <= start < b or (start == b and a < b and start == pieces[-1][1]):
            return a, b
    return pieces[-1]


_PIECE_END = re.compile(r"\s*(?:$|[,;:.!?)\u2013\u2014]|(?:und|oder|aber)\b)")


def german_finite(text: str, start: int, end: int) -> bool:
    """Whether a German verb of the vocabulary is finite where it stands: not a participle ("ge…t"), not an
    infinitive with "zu", not the last word of its piece (see Sentence.clauses)."""
    word = text[start:end].lower()
    if "ge" in word[:5] or text[max(0, start - 3):start].lower() == "zu ":
        return False
    return not ends_piece(text, end)


def ends_piece(text: str, end: int) -> bool:
    """Whether a word ending at `end` is the last of its piece of the sentence (a German verb there is
    a participle or an infinitive, or finite in a subordinate clause)."""
    return bool(_PIECE_END.match(text, end))
