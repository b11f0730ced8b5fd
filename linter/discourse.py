"""Who and what each sentence is about: subject mentions, the current subject, and contexts.

A number is only checked against a fact when its sentence is about the fact's subject. The subject is
the nearest product named before the number in the same sentence (or, failing that, after it); a
sentence that names no product is about the paragraph's current one, which carries on until another
product is named. A section heading brings back the draft's main subject (the one its title names),
or the one the heading names; a new paragraph brings back its section's.
Table rows are read as a unit: a cell is about the product its row names. Contexts (the leak) hold
for a section when any of its text mentions them, and for the whole draft when its title does.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from collections import deque
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Iterator, NamedTuple

from .claims.clauses import clause_breaks, clause_of, clause_pieces, german_finite
from .claims.dates import find_dates
from .claims.elsewhere import placed_elsewhere
from .claims.entities import foreign_names
from .claims.names import find_name_candidates, name_runs
from .claims.predicates import find_predicates, words
from .vocabulary import comparison_phrases, contrast_phrases, generic_references, word_phrases, word_set
from .claims.quantities import find_quantities
from .literals import fold
from .rulebook import Rulebook, Scope
from .segments import Document, Segment
from .sentences import split_sentences
from .stance import Stance, clause_bounds, stance_of

TRACKED_KINDS = ("product", "event")
_PREDICATE = attrgetter("predicate")
_UNASKED = object()


class Mention(NamedTuple):
    """A name in a sentence and what it names. A named tuple: made for every name of every sentence,
    where a frozen dataclass set each field in a call of its own."""

    start: int
    end: int
    subject: str
    kind: str
    foreign: bool = False       # a name the pack does not know (claims/entities.py); subject is "~name"


_WORDS = re.compile(r"[^\W\d_]+")
# between a name and a word of its own: a space, or an owner's "'s" and up to two adjectives
_CLAUSE_START = re.compile(r"[:;,.!?\u2013\u2014]")
_OWNED = re.compile(r" |['\u2019]s (?:[a-z-]+ ){0,2}")
def leads(text: str, mention: Mention, lang: str) -> bool:
    """The name is what its sentence is about: among its first words ("Das chinesische Modell Vidu …",
    "Luma's Dream Machine …", "Zum Vergleich: Der Windpark X …"), not compared with ("Anders als
    Runway …", "Unlike Runway …")."""
    before = _WORDS.findall(_CLAUSE_START.split(text[:mention.start])[-1])
    return len(before) <= 3 and not compared(text, mention, lang)


def compared(text: str, mention: Mention, lang: str, contrasts_only: bool = False) -> bool:
    """The name is compared with what the clause is about: right after "anders als", "im Gegensatz
    zu", "unlike", "compared with" (words.yaml contrasts and similarities, or contrasts only; an article
    may stand between)."""
    words = [w.lower() for w in _WORDS.findall(_CLAUSE_START.split(text[max(0, mention.start - 40):mention.start])[-1])]
    while words and words[-1] in word_set("determiners", lang):
        words.pop()
    phrases, lengths = _comparisons(lang, contrasts_only)
    return any(tuple(words[-length:]) in phrases for length in lengths)


@functools.lru_cache(maxsize=None)
def _phrases_by_first(list_name: str, lang: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The multi-word entries of a words.yaml list by their first word."""
    by_first: dict[str, list] = {}
    for phrase in word_phrases(list_name, lang):
        by_first.setdefault(phrase[0], []).append(phrase)
    return {first: tuple(phrases) for first, phrases in by_first.items()}


@functools.lru_cache(maxsize=None)
def _comparisons(lang: str, contrasts_only: bool) -> tuple[frozenset, tuple[int, ...]]:
    """The comparison phrases as one set and their lengths: the last words before a name are looked up
    once for each length, not compared with every phrase."""
    phrases = contrast_phrases(lang) if contrasts_only else comparison_phrases(lang)
    return frozenset(phrases), tuple(sorted({len(phrase) for phrase in phrases}))


def _extends(text: str, mention: Mention, name) -> bool:
    """A capitalised word beside a known name belongs to it: more of its name ("Dune Part Two"), or
    something it owns ("Sora's Tokyo clip", "OpenAIs Sora-Team")."""
    between = text[mention.end:name.start]
    if text[mention.start:mention.end].endswith(("'s", "\u2019s")):
        between = "'s" + between
    return between == " " or bool(_OWNED.fullmatch(between)) or text[name.end:mention.start] == " "


def find_mentions(text: str, rulebook: Rulebook, lang: str | None = None) -> list[Mention]:
    """Subjects named in `text`; overlapping names resolve to the longest ("Sora Turbo" over "Sora").
    With `lang`, also the names the pack does not know (claims/entities.py), as foreign mentions."""
    kinds = rulebook.subjects
    named = rulebook.mentions.finditer(text)
    # most sentences name no subject and no other name: no list is built over nothing
    known = [Mention(start, end, sid, kinds[sid].kind) for start, end, sid in named] if named else []
    if lang is None:
        return known
    spans = [(start, end) for start, end, _ in named] if named else []
    foreign = []
    for n in foreign_names(text, lang, spans):
        if not any(_extends(text, m, n) for m in known):
            foreign.append(Mention(n.start, n.end, "~" + text[n.start:n.end].lower(), n.kind, True))
    # "die Seilbahn im benachbarten Talheim": another one of the subject's kind, not the subject
    for start, end, kind in placed_elsewhere(text, lang, kinds, rulebook.lexicon, spans):
        foreign.append(Mention(start, end, "~" + text[start:end].lower(), kind, True))
    return sorted(known + foreign, key=lambda m: m.start) if foreign else known


class _cached:
    """functools.cached_property without its lock: Python 3.11 takes an RLock at every first reading (some
    3,000 instructions, for each of a sentence's properties, of every sentence). The value is stored in
    the instance, where later readings find it without calling anything; a sentence is read by one
    thread, and its properties are pure, so a race could only compute one twice."""

    def __init__(self, func) -> None:
        self.func = func
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.func(instance)
        return value


@dataclass
class Sentence:
    """One sentence of a draft, with what the engine knows about it."""

    text: str
    lang: str
    segment: Segment
    start: int                                  # offset of the sentence in segment.text
    mentions: list[Mention]
    current: dict                               # subject kind -> current subject id before this sentence
    contexts: frozenset
    event_terms: list                           # (event subject id, its reference Terms) of the pack
    subject_kind: dict = field(default_factory=dict)   # subject id -> its kind
    # the same as sorted (id, kind) pairs, one tuple for the whole draft: the quote check's caches are
    # keyed by it (a tuple made for each sentence held some 3 KB in every cache entry)
    subject_kinds: tuple = ()
    event_of: dict = field(default_factory=dict)       # event subject id -> the product it happened to
    before: str = ""                                   # the text of the segment before this one
    after: str = ""                                    # the text of the segment after this one
    draft_date: dt.date | None = None
    draft_date_known: bool = True                      # False: relative dates cannot be trusted
    main_product: str | None = None                    # the product the draft's title names
    lexicon: object = None                             # the predicate vocabulary (vocabulary.Lexicon)
    subject_references: dict = field(default_factory=dict)  # subject id -> Terms that refer back to it
    row_head: str = ""                                 # a table cell's row's first cell ("Nabenhöhe")
    column_head: str = ""                              # a table cell's column header ("Vorgestellt")
    row: str = ""                                      # for a table cell: every cell of its row
    name_keys: dict = field(default_factory=dict)      # a subject's names by their letters alone -> its id
    _quantities: list | None = field(default=None, repr=False)
    _dates: list | None = field(default=None, repr=False)
    _listed: dict = field(default_factory=dict, repr=False)
    # answers the sentence gave, by question and arguments: fact after fact of one subject asks the same
    _asked: dict = field(default_factory=dict, repr=False)

    @_cached
    def folded(self) -> str:
        """The text case-folded, for substring tests before regular expressions (literals.py)."""
        return fold(self.text)

    def answer(self, question, *arguments):
        """question(self, *arguments), worked out once for the sentence: the checks ask it the same for
        fact after fact. `question` is a function of the sentence and the arguments alone."""
        key = (question, *arguments)
        answer = self._asked.get(key, _UNASKED)
        if answer is _UNASKED:
            answer = self._asked[key] = question(self, *arguments)
        return answer

    @_cached
    def references(self) -> dict:
        """Event subject id -> whether the sentence refers to it ("der Leak"), asked only where an event's
        fact is judged (in_scope)."""
        return {sid: any(terms.search(self.text) for terms in lists) for sid, lists in self.event_terms}

    @_cached
    def words(self) -> list[tuple[str, int, int]]:
        """(lower-case word, start, end) for each word of the sentence (letters only)."""
        return words(self.text)

    @_cached
    def name_runs(self) -> list:
        """The runs of name-like tokens (claims/names.py), read once for the name facts' dispatch, the
        name checks and the unknown organisations."""
        return name_runs(self.text)

    @_cached
    def name_candidates(self) -> tuple:
        """The name candidates (claims/names.py): the windows of `name_runs`."""
        return find_name_candidates(self.text, self.name_runs)

    def listed(self, list_name: str) -> list[tuple[int, int]]:
        """The spans of the words and phrases of a words.yaml list in the sentence, in order: found once
        per list, since the checks ask the same lists of clause after clause ("hedges", "restrictions")."""
        spans = self._listed.get(list_name)
        if spans is None:
            # only the words the sentence and the list share are looked at (a set intersection), not
            # every word of the sentence once for the list and once for each of its phrases; the
            # intersection walks the sentence's words (`list & places.keys()` walked the whole list)
            places, tokens = self.answer(_word_places), self.words
            spans = [tokens[i][1:] for word in word_set(list_name, self.lang).intersection(places)
                     for i in places[word]]
            by_first = _phrases_by_first(list_name, self.lang)
            for first in by_first.keys() & places.keys():
                for phrase in by_first[first]:
                    n = len(phrase)
                    spans += [(tokens[i][1], tokens[i + n - 1][2]) for i in places[first]
                              if tuple(t[0] for t in tokens[i:i + n]) == phrase]
            spans.sort()
            self._listed[list_name] = spans
        return spans

    def quantities(self) -> list:
        """The quantities the sentence states (parsed once)."""
        if self._quantities is None:
            found = find_quantities(self.text, self.lang, self.words)
            self._quantities = [q for q in found if not self._designates(q)] if found else found
        return self._quantities

    def _designates(self, quantity) -> bool:
        """A count in digits inside a subject's name ("Veo 2 videos"), or a version number right after it
        ("Pika 1.0", "Modell 2"), is part of a name; "Seeadler Nord 210 Arbeitsplätze" counts jobs."""
        if quantity.measure == "count" and any(m.foreign and m.start <= quantity.start < m.end for m in self.mentions):
            return True         # "Make-A-Video" is no count of one video
        if quantity.measure != "count" or not quantity.text[:1].isdigit():
            return False
        number = quantity.text.split()[0]
        version = len(number) == 1 or "." in number
        return any(m.start < quantity.start and (m.end > quantity.start
                                                 or version and not self.text[m.end:quantity.start].strip())
                   for m in self.mentions)

    def dates(self) -> list:
        """The date expressions of the sentence, relative ones resolved against the draft's date."""
        if self._dates is None:
            self._dates = find_dates(self.text, self.lang, self.draft_date, self.words)
        return self._dates

    @_cached
    def predicates(self) -> list:
        """The predicates of the shared vocabulary the sentence says (claims/predicates.py)."""
        if self.lexicon is None:
            return []
        hits = find_predicates(self.text, self.lang, self.lexicon, word_set("predicative_followers", self.lang),
                               self.words)
        if not hits or not self.mentions:
            return hits
        # a word inside a name says nothing ("Nordstädter Verkehrsbetriebe" is no "Betrieb")
        return [h for h in hits if not any(m.start <= h.start < m.end for m in self.mentions)]

    @_cached
    def predicate_names(self) -> frozenset:
        """The names of the predicates the sentence says: a fact whose predicates are none of them has
        nothing to check here."""
        return frozenset(map(_PREDICATE, self.predicates))

    @_cached
    def clauses(self) -> list:
        """The sentence's clauses, insertions joined to them (claims/clauses.py)."""
        breaks = clause_breaks(self.text, self.words)
        if not breaks:  # one piece: no verb or event to weigh
            return [(0, len(self.text))]
        # a predicate's verb makes a clause; in German only a finite one: not a participle ("ge…t"), not
        # an infinitive with "zu", not the last word of a piece ("…, Regisseuren und Experten veröffentlicht")
        verbs = [(h.start, h.end) for h in self.predicates if h.pos == "verbs"
                 and (self.lang == "en" or german_finite(self.text, h.start, h.end))]
        # a piece that says a predicate and names its own date is a clause of its own, verb or not
        # ("Construction is to start in 2027, with operation planned for 2029")
        events = [((h.start, h.end), (d.start, d.end)) for h in self.predicates for d in self.dates()]
        return clause_pieces(self.text, self.lang, verbs, events, self.words, breaks)

    def clause_span(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The clause that holds [start, end)."""
        return clause_of(self.clauses, start, end)

    def refers_to(self, subject: str, left: int, right: int) -> bool:
        """Whether [left, right) names the subject or refers back to it ("das Modell"; not "its" as the
        owner of something else: "its rivals")."""
        if any(m.subject == subject and left <= m.start < right for m in self.mentions):
            return True
        kind = self.subject_kind.get(subject)
        if kind == "organisation" and self.current.get(kind) == subject and \
                generic_references(kind, self.lang).search(self.text[left:right]):
            return True     # "Das Unternehmen will C2PA unterstützen" after OpenAI was named
        terms = self.subject_references.get(subject)
        if terms is None:
            return False
        owners = word_set("possessive_determiners", self.lang)
        for match in terms.finditer(self.text[left:right]):
            word = match.group().lower()
            rest = self.text[left + match.end():left + match.end() + 2]
            if word in owners and rest[:1] == " " and rest[1:2].isalpha():
                continue
            return not self._introduced_before(subject, left + match.start())
        return False

    def _introduced_before(self, subject: str, position: int) -> bool:
        """The sentence itself brings in another thing of the subject's kind before `position`, as what
        it is about ("Luma's Dream Machine makes long clips, and it is free"): a reference is to that."""
        kind = self.subject_kind.get(subject)
        before = [m for m in self.mentions if m.end <= position]
        if any(m.subject == subject for m in before):
            return False
        return any(m.kind == kind and leads(self.text, m, self.lang) for m in before)

    def named_at(self, position: int, kind: str) -> str | None:
        """The subject of `kind` the sentence itself names nearest before `position` (else after it)."""
        # a name compared with ("anders als Runway", "unlike Runway") is not what the claim is about
        mentions = [m for m in self.mentions if m.kind == kind and not self._compared(m.start)]
        before = [m for m in mentions if m.start <= position]
        # a name the pack does not know counts only before, not as the claim itself ("… also Full HD",
        # "basiert auf einem Generative Adversarial Network" name no product)
        before = [m for m in before if not m.foreign or m.end <= position]
        after = [m for m in mentions if m.start > position and not m.foreign]
        return before[-1].subject if before else (after[0].subject if after else None)

    def named_product_at(self, position: int) -> str | None:
        return self.named_at(position, "product")

    def subject_at(self, position: int, kind: str) -> str | None:
        """The subject of `kind` a phrase at `position` is about: named in the sentence, else current."""
        return self.named_at(position, kind) or self.current.get(kind)

    def in_context(self, scope: Scope) -> bool:
        """The sentence is in the fact's context and in none it is excluded from."""
        return holds_in(scope, self.contexts)

    def may_concern(self, scope: Scope) -> bool:
        """A cheap test that in_scope can hold anywhere in this sentence (False: skip the fact)."""
        if not self.in_context(scope):
            return False
        kind = self.subject_kind.get(scope.subject, "product")
        if kind == "event":
            return True
        if any(m.subject == scope.subject for m in self.mentions):
            return True
        return kind == "product" and self.current.get("product") == scope.subject

    def _compared(self, start: int, contrasts_only: bool = False) -> bool:
        """Whether the name at `start` is compared with what the clause is about (compared)."""
        key = ("compared", start, contrasts_only)
        answer = self._asked.get(key)
        if answer is None:
            answer = self._asked[key] = compared(self.text, Mention(start, start, "", ""), self.lang, contrasts_only)
        return answer

    def in_scope(self, scope: Scope, start: int, end: int | None = None) -> bool:
        """Whether a claim at [start, end) is about the fact's subject, in the fact's context."""
        # of the fact it reads only the subject and the contexts, which many facts share
        key = ("in_scope", scope.subject, scope.context, scope.outside, start, end)
        answer = self._asked.get(key)
        if answer is None:
            answer = self._asked[key] = self._in_scope(scope, start, end)
        return answer

    def _in_scope(self, scope: Scope, start: int, end: int | None) -> bool:
        if not self.in_context(scope):
            return False
        if any(m.subject == scope.subject and start <= m.start < (end or start + 1) for m in self.mentions):
            return True
        kind = self.subject_kind.get(scope.subject, "product")
        if self._only_compared(scope.subject):
            return False    # "Anders als die Seilbahn braucht der Bus 25 Minuten": about the bus
        if kind == "event":
            # an event is what its context is about (in the leak's context, the leak is the subject),
            # unless the sentence puts the claim on another product ("Kling wirbt mit ...")
            product = self.named_product_at(start)
            if product is not None and product != self.event_of.get(scope.subject):
                return False
            return (scope.context is not None or self.subject_at(start, kind) == scope.subject
                    or self.references.get(scope.subject, False))
        if kind in TRACKED_KINDS:
            return self.subject_at(start, kind) == scope.subject
        if any(m.subject == scope.subject for m in self.mentions):
            return True
        return kind == "organisation" and self.refers_to(scope.subject, 0, len(self.text))

    def _only_compared(self, subject: str) -> bool:
        """The sentence speaks of the subject only as what something else is compared with ("Unlike the
        cable car, the bus …"; words.yaml contrasts)."""
        key = ("only_compared", subject)
        answer = self._asked.get(key)
        if answer is None:
            starts = [m.start for m in self.mentions if m.subject == subject]
            terms = self.subject_references.get(subject)
            if terms is not None:
                starts += [match.start() for match in terms.finditer(self.text)]
            answer = self._asked[key] = bool(starts) and all(self._compared(start, True) for start in starts)
        return answer

    def clause_around(self, start: int, end: int) -> str:
        return self.answer(_clause_around, start, end)

    def stance(self, start: int, end: int, forecast: bool = False, attributive: bool = False) -> Stance:
        return self.answer(_stance, start, end, forecast, attributive)


def holds_in(scope: Scope, contexts: frozenset) -> bool:
    """Whether a fact holds in these contexts: in its own, and in none it is excluded from."""
    if not (scope.context or scope.outside):    # most facts hold in every context
        return True
    if scope.context and scope.context not in contexts:
        return False
    return not any(name in contexts for name in scope.outside)


def _word_places(sentence: Sentence) -> dict[str, list[int]]:
    """Each word of the sentence -> the indexes in `words` where it stands."""
    places: dict[str, list[int]] = {}
    for index, (word, _, _) in enumerate(sentence.words):
        places.setdefault(word, []).append(index)
    return places


def _clause_around(sentence: Sentence, start: int, end: int) -> str:
    left, right = clause_bounds(sentence.text, start, end)
    return sentence.text[left:right]


def _stance(sentence: Sentence, start: int, end: int, forecast: bool, attributive: bool) -> Stance:
    return stance_of(sentence.text, start, end, in_blockquote=sentence.segment.quote_depth > 0, forecast=forecast,
                     attributive=attributive, lang=sentence.lang)


def _contexts_in(text: str, rulebook: Rulebook) -> set:
    # a section's text runs to thousands of characters, which a cue's regex tries at every position:
    # the strings its matches need are looked for first (literals.py), in one fold of the text
    folded = fold(text)
    return {c.id for c in rulebook.contexts.values() if c.cues.search(text, folded)}


@dataclass(frozen=True)
class _Outline:
    """What the draft as a whole says, read before its first sentence: its title, and the contexts
    each section's text mentions (sections in order; the front matter and text before the first
    heading are the first)."""

    title: str
    section_contexts: list[frozenset]


def _starts_section(segment: Segment, section_size: int) -> bool:
    """A heading starts a section, unless nothing came before it in the current one."""
    return segment.kind == "heading" and section_size > 0


def _outline(doc: Document, rulebook: Rulebook) -> _Outline:
    """One pass over the segments (a big draft's are parsed piece by piece, so they are not kept)."""
    titles, first_heading = [], []
    contexts, section, size = [], _Joined(), 0
    # sections mostly share their contexts (none, or the same few): one frozenset for each distinct
    # set, not a set of 200 bytes for every section of a big draft
    shared: dict[frozenset, frozenset] = {}

    def close(section: _Joined) -> None:
        found = frozenset(_contexts_in(section.text(), rulebook))
        contexts.append(shared.setdefault(found, found))

    for segment in doc.segments:
        if _starts_section(segment, size):
            close(section)
            section, size = _Joined(), 0
        section.add(segment.text)
        size += 1
        if segment.kind == "title":
            titles.append(segment.text)
        elif segment.kind == "heading" and segment.heading_level == 1 and not first_heading:
            first_heading.append(segment.text)
    close(section)
    return _Outline(" ".join(titles + first_heading), contexts)


class _Joined:
    """Texts joined by spaces, as " ".join would, with the parts joined in batches as they come: a
    list of a section's segment texts cost some 60 bytes a segment beside the text."""

    BATCH = 1 << 16

    def __init__(self) -> None:
        self.batches: list[str] = []
        self.parts: list[str] = []
        self.size = 0

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.size += len(text)
        if self.size > self.BATCH:
            self.batches.append(" ".join(self.parts))
            self.parts, self.size = [], 0

    def text(self) -> str:
        return " ".join(self.batches + [" ".join(self.parts)] if self.parts else self.batches)


def _line_of(doc: Document, segment: Segment) -> int:
    return doc.position(segment.offsets[0])[0]


def _in_place(doc: Document) -> Iterator[tuple[Segment, str, str, str]]:
    """Each segment with the text of the segment before and after it and, for a table cell, its row:
    every cell on its source line (cells of one row share a line and come one after another).

    One pass, looking ahead no further than the end of a row."""
    source = iter(doc.segments)
    ahead: deque[Segment] = deque()

    def has(count: int) -> bool:
        """Whether `count` segments lie ahead, reading them in as needed."""
        while len(ahead) < count:
            following = next(source, None)
            if following is None:
                return False
            ahead.append(following)
        return True

    before, row_line, row = "", -1, ""
    while has(1):
        segment = ahead.popleft()
        if segment.kind == "table_cell" and _line_of(doc, segment) != row_line:
            row_line, cells = _line_of(doc, segment), [segment.text]
            while has(len(cells)) and ahead[len(cells) - 1].kind == "table_cell" \
                    and _line_of(doc, ahead[len(cells) - 1]) == row_line:
                cells.append(ahead[len(cells) - 1].text)
            row = " | ".join(cells)
        yield segment, before, ahead[0].text if has(1) else "", row if segment.kind == "table_cell" else ""
        before = segment.text


# the characters of a table's delimiter row, under its header: "|---|:--:|", "--- | ---"; no "\r":
# a Document's text has LF line ends only (segments._normalize turns CRLF and CR into LF)
_DELIMITER_CHARS = frozenset("|:- \t")
_PIPE = re.compile(r"(?<!\\)\|")


def _cells_of(line: str) -> list[str]:
    """The cells of a table row as written, outer pipes dropped."""
    cells = _PIPE.split(line.strip())
    if cells and not cells[0].strip():
        cells = cells[1:]
    if cells and not cells[-1].strip():
        cells = cells[:-1]
    return [c.strip().strip("*_`").strip() for c in cells]


class _ColumnHeads:
    """The header of each table cell's column, read cell by cell in the draft's order: a cell in a
    column after the first is read with its header ("| Sora | Januar 2024 |" under "| Modell |
    Vorgestellt |" says when Sora was presented). Cells of the header row have none.

    The header is taken from the draft's text, not from its segments: a big draft's segments come
    piece by piece, and a long table's header is parsed only with its first piece. Each row's text is
    read once, from cell to cell (a long row read from its start at every cell was quadratic)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.header: list[str] = []
        self.header_line = self.last_line = 0
        self.column = 0             # unescaped pipes in the row before `at`, less a leading one
        self.at = 0

    def of(self, segment: Segment) -> str:
        text, offset = self.doc.text, segment.offsets[0]
        line = self.doc.position(offset)[0]
        if line != self.last_line:
            line_start = text.rfind("\n", 0, offset) + 1
            line_end = text.find("\n", offset)
            line_end = len(text) if line_end < 0 else line_end
            next_end = text.find("\n", line_end + 1)
            following = text[line_end + 1:len(text) if next_end < 0 else next_end]
            if "-" in following and set(following) <= _DELIMITER_CHARS:
                self.header, self.header_line = _cells_of(text[line_start:line_end]), line
            elif line - self.last_line > 2:
                self.header = []              # rows of another table, which had no header we saw
            self.last_line = line
            self.at = line_start
            self.column = -1 if text[line_start:offset].lstrip().startswith("|") else 0
        if line == self.header_line:
            return ""
        self.column += len(_PIPE.findall(text, self.at, offset))
        self.at = offset
        return self.header[self.column] if 0 < self.column < len(self.header) else ""


def _next_current(mentions: list[Mention], main: dict, text: str, lang: str) -> dict:
    """The subjects a sentence leaves current: the draft's main subject if the sentence names it (other
    products beside it are comparisons: "OpenAI, das Unternehmen hinter ChatGPT"), else the first named.
    The organisation named last is kept too, for "das Unternehmen", "the company" (Sentence.refers_to).
    A name the pack does not know becomes current only as what the sentence is about — among its first
    words ("Das chinesische Modell Vidu …"), not in passing ("… verglichen mit Vidu")."""
    if not mentions:
        return {}       # half the sentences name nothing
    named: dict[str, str] = {}      # kind -> the main subject if named, else the first of the kind named
    organisation = None
    for m in mentions:
        if m.foreign and not leads(text, m, lang):
            continue
        if m.kind in TRACKED_KINDS:
            if m.subject == main.get(m.kind):
                named[m.kind] = m.subject
            else:
                named.setdefault(m.kind, m.subject)
        elif m.kind == "organisation":
            organisation = m.subject
    result = {}
    for kind in TRACKED_KINDS:
        if kind in named:
            result[kind] = named[kind]
    if organisation is not None:
        result["organisation"] = organisation
    return result


def read_sentences(doc: Document, rulebook: Rulebook, lang: str,
                   draft_date: dt.date | None = None, draft_date_known: bool = True) -> Iterator[Sentence]:
    """Every sentence of the draft's prose, with mentions, current subject and contexts."""
    outline = _outline(doc, rulebook)
    main = {kind: next((m.subject for m in find_mentions(outline.title, rulebook) if m.kind == kind), None)
            for kind in TRACKED_KINDS}
    doc_contexts = _contexts_in(outline.title, rulebook)
    kinds = {s.id: s.kind for s in rulebook.subjects.values()}
    kind_pairs = tuple(sorted(kinds.items()))
    event_of = {s.id: s.of for s in rulebook.subjects.values() if s.kind == "event"}
    event_references = [(s.id, [terms for lang_key, terms in s.references.items() if lang_key in (lang, "*")])
                         for s in rulebook.subjects.values() if s.kind == "event"]
    current = dict(main)
    lexicon = rulebook.lexicon
    subject_references = {s.id: s.references[lang] for s in rulebook.subjects.values() if s.references.get(lang)}
    section, size = 0, 0
    contexts = frozenset(doc_contexts | outline.section_contexts[0])
    section_current = dict(main)
    columns = _ColumnHeads(doc)
    row_read: tuple = ("", [])                  # the last table row read, and the subjects it names
    headed: dict[str, list] = {}                # the subjects each column header of the draft names
    for segment, before, after, row in _in_place(doc):
        if _starts_section(segment, size):
            section, size = section + 1, 0
            contexts = frozenset(doc_contexts | outline.section_contexts[section])
            section_current = dict(main)
        size += 1
        if segment.kind == "heading":
            current = dict(main)
        elif segment.kind == "paragraph":
            # a new paragraph that names no subject is about its section's (if it has one), not about
            # a subject the previous paragraph named in passing ("Schon geplant ist Seeadler Süd …")
            current.update({kind: sid for kind, sid in section_current.items() if sid is not None})
        # every cell is read, in order, to follow the rows and their columns
        column = columns.of(segment) if segment.kind == "table_cell" else ""
        column = column if row else ""
        # the row's subject ("| Sora | Januar 2024 |"), else the column's ("| Eckdaten | Sora |")
        if row and row != row_read[0]:
            row_read = (row, find_mentions(row, rulebook))     # once a row, not once for each of its cells
        if row and not row_read[1] and column not in headed:
            headed[column] = find_mentions(column, rulebook)   # once a header, not once for each cell below
        row_mentions = (row_read[1] or headed[column]) if row else []
        for start, end in split_sentences(segment.text):
            text = segment.text[start:end].replace("\n", " ")
            mentions = find_mentions(text, rulebook, lang)
            state = dict(current)
            for mention in row_mentions[:1]:
                state[mention.kind] = mention.subject
            yield Sentence(text, lang, segment, start, mentions, state, contexts, event_references,
                           subject_kind=kinds, subject_kinds=kind_pairs, event_of=event_of, draft_date=draft_date,
                           before=before, after=after,
                           draft_date_known=draft_date_known,
                           main_product=main["product"], lexicon=lexicon,
                           subject_references=subject_references, row_head=row.split(" | ")[0] if row else "",
                           row=f"{row} | {column}" if column else row, column_head=column,
                           name_keys=rulebook.name_keys)
            current.update(_next_current(mentions, main, text, lang))
        if segment.kind == "heading":
            section_current = dict(current)
