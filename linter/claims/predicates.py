"""Find the predicates of the shared vocabulary in a sentence, by word form, in one pass.

Each word is looked up once in the vocabulary's table of forms (linter/vocabulary). A German separable
verb counts when its particle closes the clause after it ("stellte OpenAI Sora im Februar vor"); an
English phrasal verb when its particle follows it in the clause ("rolled Sora out"); a verb that comes
with a fixed phrase when the clause holds the phrase ("ging im Februar ans Netz"); a verb that says a
predicate only with one of its nouns ("with_noun": "Die Genehmigung liegt vor", "the permit is in
place") when that noun is what it speaks of, in its stretch of the sentence and not after a preposition.
"""
from __future__ import annotations

import re
from operator import attrgetter
from typing import NamedTuple

from ..vocabulary import word_set

_WORD = re.compile(r"[^\W\d_]+")
# the same for a text of ASCII characters, in an ASCII class: no Unicode category looked up per character
_ASCII_WORD = re.compile(r"[A-Za-z]+")
# what may follow a separable particle that closes its clause
_CLAUSE_END = re.compile(r"\s*(?:$|[.,;:!?)\]\u2013\u2014\"'\u201c\u201d\u00ab\u00bb]|-\s|(?:und|oder|aber|sondern|denn|weil|dass|als|wie)\b)",
                         re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"(?<![\d\s][a-z])(?<!\d)[.](?=\s*$)|[;:!?\u2013\u2014]")
# what ends the stretch a with_noun verb and its noun must share ("Die Daten liegen vor, die Genehmigung fehlt")
_STRETCH_BREAK = re.compile(r"[,;:!?()\u2013\u2014\"\u201c\u201d\u201e\u00ab\u00bb]|\s-\s")


# a named tuple, not a frozen dataclass: immutable alike, and built in one call where a frozen
# dataclass sets each field with object.__setattr__ (see claims/quantities.Quantity)
class PredicateHit(NamedTuple):
    """A predicate said in a sentence: the span of its word(s), and whether an antonym said it."""

    start: int
    end: int
    predicate: str
    negated: bool
    pos: str
    attributive: bool = False   # an adjective that describes the noun after it ("available data")


def words(text: str) -> list[tuple[str, int, int]]:
    """(lower-case word, start, end) for each word of the text."""
    found = (_ASCII_WORD if text.isascii() else _WORD).finditer(text)
    return [(m.group().lower(), m.start(), m.end()) for m in found]


def _follows(tokens: list, index: int, rest: tuple, text: str, particle_ends_clause: bool) -> tuple | None:
    """The span of `rest` (a particle or a phrase's words) after token `index`, in the same clause."""
    n, first = len(rest), rest[0]
    gap = tokens[index][2]
    for j in range(index + 1, len(tokens) - n + 1):
        # Only the gap before word j is searched: one before it held no break, or we would have stopped, and a
        # closing period counts only where nothing but space follows it. A single space breaks nothing.
        start = tokens[j][1]
        if (start - gap != 1 or text[gap] != " ") and _CLAUSE_BREAK.search(text, gap, start):
            return None
        gap = tokens[j][2]
        # the first word alone rules out most places, without a generator for the rest
        if tokens[j][0] == first and all(tokens[j + k][0] == rest[k] for k in range(1, n)):
            end = tokens[j + n - 1][2]
            if particle_ends_clause and not _CLAUSE_END.match(text, end):
                continue
            return tokens[j][1], end
    return None


def _anywhere(tokens: list, rest: tuple) -> bool:
    n, first = len(rest), rest[0]
    return any(tokens[j][0] == first and all(tokens[j + k][0] == rest[k] for k in range(1, n))
               for j in range(len(tokens) - n + 1))


def _attributive(form, tokens: list, index: int, text: str, lang: str, followers: frozenset) -> bool:
    """An adjective that describes a noun rather than saying something of the subject: in German it is
    inflected ("verfügbare Daten"), in English a noun follows it ("publicly available data")."""
    if form.pos != "adjectives":
        return False
    if lang == "de":
        return form.inflected
    if index + 1 >= len(tokens):
        return False
    end, following = tokens[index][2], tokens[index + 1]
    return not text[end:following[1]].strip() and following[0] not in followers


def _compound_head(word: str, single: dict) -> tuple:
    """The noun forms of the longest vocabulary noun a German compound ends with ("Ankerschaden" ->
    "schaden", "Verkaufsstart" -> "start"); the part before it must be a word of its own (3+ letters)."""
    for cut in range(3, len(word) - 3):
        forms = tuple(f for f in single.get(word[cut:], ()) if f.pos == "nouns")
        if forms:
            return forms
    return ()


class _Forms:
    """One language's forms of a lexicon as the reader looks them up: a word's phrases (by their first
    word) and its own forms in one table, and the compound heads found, by spelling."""

    LIMIT = 100_000     # compounds remembered before starting over

    def __init__(self, lexicon, lang: str) -> None:
        self.lexicon = lexicon
        self.single = lexicon.single.get(lang, {})
        phrases = lexicon.phrases.get(lang, {})
        self.entries = {word: (phrases.get(word, ()), self.single.get(word, ())) for word in {*self.single, *phrases}}
        self.heads: dict[str, tuple] = {}

    def head(self, word: str) -> tuple:
        """_compound_head, remembered."""
        forms = self.heads.get(word)
        if forms is None:
            if len(self.heads) > self.LIMIT:
                self.heads.clear()
            forms = self.heads[word] = _compound_head(word, self.single)
        return forms


_TABLES: dict[tuple[int, str], _Forms] = {}


def _forms(lexicon, lang: str) -> _Forms:
    """The reader's table for a lexicon, built once (a lexicon is built once per pack)."""
    table = _TABLES.get((id(lexicon), lang))
    if table is None or table.lexicon is not lexicon:
        if len(_TABLES) > 16:
            _TABLES.clear()
        table = _TABLES[id(lexicon), lang] = _Forms(lexicon, lang)
    return table


def _with_its_noun(hit: PredicateHit, hits: list, tokens: list, text: str, lang: str) -> PredicateHit | None:
    """A with_noun verb as the verb it is when a noun of its predicate is what it speaks of: in its
    stretch of the sentence (no punctuation between them, and no "und"/"and" after the verb) and not
    governed by a preposition ("der Antrag auf Genehmigung liegt vor" is about the application)."""
    prepositions, determiners = word_set("prepositions", lang), word_set("determiners", lang)
    coordinators = word_set("coordinators", lang)
    starts = {start: index for index, (_, start, _) in enumerate(tokens)}
    for noun in hits:
        if noun.pos != "nouns" or noun.predicate != hit.predicate or noun.start not in starts:
            continue
        if _STRETCH_BREAK.search(text, min(noun.end, hit.end), max(noun.start, hit.start)):
            continue
        index = starts[noun.start]
        between = [word for word, start, _ in tokens[:index] if start >= hit.end]
        if any(word in coordinators for word in between):
            continue    # "Die Daten liegen vor und die Genehmigung ist beantragt"
        before = [word for word, _, _ in tokens[max(0, index - 2):index]]
        if before and (before[-1] in prepositions or len(before) == 2 and before[0] in prepositions
                       and before[1] in determiners):
            continue    # "auf Genehmigung", "for a permit"
        return PredicateHit(hit.start, hit.end, hit.predicate, hit.negated, "verbs")
    return None


_POS = attrgetter("pos")


def find_predicates(text: str, lang: str, lexicon, followers: frozenset = frozenset(),
                    tokens: list | None = None) -> list[PredicateHit]:
    """Every predicate the sentence says, leftmost first; a phrase wins over a word inside it.
    `tokens`: the text's words(), when the caller has them already."""
    tokens = words(text) if tokens is None else tokens
    table = _forms(lexicon, lang)
    entries, compounds, count = table.entries, lang == "de", len(tokens)
    hits: list[PredicateHit] = []
    taken_until = -1
    for index, (word, start, end) in enumerate(tokens):
        phrases, forms = entries.get(word, ((), ()))
        for rest, form in phrases:
            n = len(rest)
            if index + n < count and tokens[index + 1][0] == rest[0] \
                    and tuple(t[0] for t in tokens[index + 1:index + 1 + n]) == rest:
                hits.append(PredicateHit(start, tokens[index + n][2], form.predicate, form.negated, form.pos))
                taken_until = max(taken_until, tokens[index + n][2])
        if start < taken_until:
            continue
        if not forms:
            if not compounds or len(word) < 7 or not text[start].isupper():
                continue
            forms = table.head(word)
        for form in forms:
            if form.companions:
                if form.particle:
                    if _follows(tokens, index, form.companions, text, lang == "de") is None:
                        continue
                elif not _anywhere(tokens, form.companions):
                    continue
            hits.append(PredicateHit(start, end, form.predicate, form.negated, form.pos,
                                     _attributive(form, tokens, index, text, lang, followers)))
    if "with_noun" not in map(_POS, hits):
        return hits
    confirmed = [h if h.pos != "with_noun" else _with_its_noun(h, hits, tokens, text, lang) for h in hits]
    return [h for h in confirmed if h is not None]
