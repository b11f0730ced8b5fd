"""Quote facts: the verbatim words of a speaker, and the other renderings of the same statement.

Fields (`expected`): speaker, text, variants (list of mappings with text and source or origin).

A quotation in a draft („…“, "…", »…«, a blockquote) that lines up with the fact's words (or a
variant's) but differs in some of them is a misquote: changed negations, numbers or names are errors,
other changed words warnings. Typography, ß/ss, hyphens, case, trailing punctuation, ellipses, word
endings, cuts and excerpts are no change. A quotation that matches well but is given to another
known person or organisation is a misattribution. Paraphrase without quotation marks is neither.

The speaker is, in this order: a "— Name" line after the quotation; the name a verb of saying stands
next to ("sagte Sam Altman", "Perry said", "laut OpenAI", "according to", "stammt von"; "heißt es"
names nobody), a pronoun there ("sagte sie", "He warned") meaning the person the sentence before
names; the person or organisation the sentence opens with ("Tyler Perry fand es „…“"), if it names
no other; for a quotation standing on its own, a verb of saying in the sentence or paragraph before
("Altman äußerte sich begeistert.", "Perry sagte dazu:") or in one after that points back ("Das
sagte Perry."). Known names are the subjects' names; outside the sentence, where the engine's
mentions do not reach, they are read off the subject ids ("tyler-perry": Tyler Perry, Perry).
FAIL: "Tyler Perry sagte: „Zu hören, dass es all diese Dinge kann, ist eine Sache, aber die Fähigkeiten
      tatsächlich zu sehen, war ernüchternd.“"   (a changed word: warning)
FAIL: "Sam Altman sagte: „Zu hören, dass es all diese Dinge kann, ist eine Sache, aber die Fähigkeiten
      tatsächlich zu sehen, war überwältigend.“"   (Tyler Perry's words)
PASS: "Tyler Perry fand es „überwältigend“, die Fähigkeiten von Sora tatsächlich zu sehen."   (an excerpt)
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..claims.quotes import (
    IMPERSONAL, PREPOSITION, PRONOUN, QUOTE_MARKS, RETRACTION, STOPWORDS, Alignment, Cue, Quotation, Word,
    align, find_quotations, fold, mask_quotations, speaker_cues, stem, word_distance, words,
)
from ..fields import FieldReader
from ..lexicon import InitialAlternation
from ..findings import Mismatch, Severity
from ..sentences import split_sentences

KIND = "quote"

# A quotation is the fact's statement when its words line up with it this well (equal words / all
# words of the aligned part) and enough of them are content words:
OWN_SPEAKER = (0.6, 2)       # the sentence gives the quote to the fact's own speaker
NO_SPEAKER = (0.75, 4)       # no speaker, or one the pack does not know ("sagte der Regisseur")
ATTRIBUTION = (0.8, 4)       # given to another known person or organisation
SPEAKER_KINDS = ("person", "organisation", "product")
_NEAR = 5                    # words between a verb of saying and its speaker


@dataclass(frozen=True, slots=True)
class Form:
    """One rendering of the statement, split into comparable words once."""

    text: str
    words: tuple[Word, ...]
    norms: tuple[str, ...]
    vocabulary: frozenset           # its content words
    stems: frozenset                # and their stems


@dataclass(frozen=True, slots=True, eq=False)
class Expected:
    """The fact's speaker and words; compared by identity, so that matches can be cached per rule."""

    speaker: str
    text: str
    variants: tuple[str, ...]
    forms: tuple[Form, ...] = ()          # text and variants, prepared for matching


def _form(text: str) -> Form:
    found = tuple(w for w in words(text) if w.norm is not None)
    norms = tuple(w.norm for w in found)
    vocabulary = frozenset(n for n in norms if n not in STOPWORDS)
    return Form(text, found, norms, vocabulary, frozenset(stem(n) for n in vocabulary))


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a quote fact."""
    variants = []
    for index, item in enumerate(reader.raw("variants", required=False) or []):
        if isinstance(item, str):
            variants.append(item)
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            variants.append(item["text"])
        else:
            raise reader.fail("variants", f"item {index + 1} must be a text or a mapping with a text")
    text = reader.text("text")
    return Expected(reader.text("speaker"), text, tuple(variants), tuple(_form(t) for t in (text, *variants)))


# --- matching -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Match:
    form: Form
    alignment: Alignment


@lru_cache(maxsize=4096)
def best_match(expected: Expected, quotation: str) -> Match | None:
    """The rendering of the statement the quotation lines up with best, if it shares content words."""
    draft = words(quotation)
    norms = [w.norm for w in draft]
    content = {n for n in norms if n is not None and n not in STOPWORDS}
    stems = {stem(n) for n in content}
    best: tuple | None = None
    for form in expected.forms:
        if len(content & form.vocabulary) < OWN_SPEAKER[1] and len(stems & form.stems) < 2:
            continue        # too few shared words to be this statement
        alignment = align(norms, form.norms)
        if alignment is None:
            continue
        # a rendering the quotation only cuts beats one it rewords (the 001 and 003 translations)
        clean = not alignment.rewritten and alignment.similarity >= NO_SPEAKER[0]
        rank = (clean, alignment.similarity, alignment.matched)
        if best is None or rank > best[0]:
            best = (rank, Match(form, alignment))
    return best[1] if best else None


# --- what kind of change --------------------------------------------------------------------------

_NEGATIONS = frozenset("""nicht kein keine keinen keinem keiner keines nie niemals nichts weder ohne
unmoeglich not no never none nothing neither nor without cannot impossible""".split())
_NUMBERS = frozenset("""eins zwei drei vier fuenf sechs sieben acht neun zehn elf zwoelf zwanzig dreissig
vierzig fuenfzig hundert tausend million millionen milliarde milliarden halb halbe doppelt einmal
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand
million millions billion billions dozen half double twice once
mehrere einige wenige wenigen viele vielen alle allen jede jeder jedes manche beide saemtliche mehr
weniger meisten nur einzig einzige several few many some all every each both most more less fewer only
single""".split())
_NEGATING_PREFIXES = ("un", "in", "im", "ir", "il", "non")


def _negation(norms: list[str]) -> bool:
    return any(n in _NEGATIONS or n.endswith("n't") for n in norms)


def _critical(draft: list[str], source: list[str], names) -> bool:
    """Whether a change touches a negation, a number or a name (an error, not a style slip)."""
    changed = draft + source
    if _negation(changed) or any(n in _NUMBERS or any(c.isdigit() for c in n) for n in changed):
        return True
    for a, b in ((x, y) for x in draft for y in source):
        if any(a == p + b or b == p + a for p in _NEGATING_PREFIXES):
            return True
    return any(names(n) for n in changed)


def _quoted(text: str) -> str:
    return f'"{text}"'


# tried only where a word starts: from every letter of a long word it was rescanned to the word's end
_COMPOUND_LEFT = re.compile(r"(?<![\w\u00c0-\u024f\-\u2011])[\w\u00c0-\u024f\-\u2011]*\Z")
_COMPOUND_RIGHT = re.compile(r"[\w\u00c0-\u024f\-\u2011]*")


def _whole_words(text: str, start: int, end: int) -> str:
    """text[start:end] widened to whole hyphenated words ("mind" -> "mind-blowing")."""
    start = _COMPOUND_LEFT.search(text, 0, start).start()
    end = _COMPOUND_RIGHT.match(text, end).end()
    return text[start:end].strip("-\u2011")


@dataclass(frozen=True, slots=True)
class Change:
    reading: str          # '"langsam" instead of "rasch"', '"nur" added', '"rasch" left out'
    critical: bool        # a negation, number or name changed
    substantive: bool     # not a plain cut: a word replaced or added, or a critical word left out
    content: bool         # a word other than a function word is involved


def changes_of(match: Match, quotation: str, kinds: tuple) -> list[Change]:
    """What the quotation changes against the statement, edit by edit."""
    form, draft = match.form, words(quotation)
    result = []
    for edit in match.alignment.changes:
        (a, b), (c, d) = edit.draft, edit.source
        said_norms = [w.norm for w in draft[a:b] if w.norm]
        source_norms = list(form.norms[c:d])
        said = _whole_words(quotation, draft[a].start, draft[b - 1].end) if b > a else ""
        source = _whole_words(form.text, form.words[c].start, form.words[d - 1].end) if d > c else ""
        critical = _critical(said_norms, source_norms, lambda n: find_names(n.capitalize(), kinds))
        if said and source:
            reading = f"{_quoted(said)} instead of {_quoted(source)}"
        elif said:
            reading = f"{_quoted(said)} added"
        else:
            reading = f"{_quoted(source)} left out"
        result.append(Change(reading, critical, critical or edit.op != "delete",
                             any(n not in STOPWORDS for n in said_norms + source_norms)))
    return result


def _reading(changes: list[Change]) -> str:
    parts = [c.reading for c in changes[:3]] + ([f"{len(changes) - 3} more"] if len(changes) > 3 else [])
    return "; ".join(parts)


def _source_words(match: Match) -> str:
    """The words of the statement the quotation lines up with."""
    form, edits = match.form, match.alignment.edits
    first, last = edits[0].source[0], edits[-1].source[1]
    return form.text[form.words[first].start:form.words[last - 1].end] if last > first else form.text


# --- known names ----------------------------------------------------------------------------------

_SPELLINGS = (("oe", "(?:oe|ö)"), ("ae", "(?:ae|ä)"), ("ue", "(?:ue|ü)"), ("ss", "(?:ss|ß)"))
_NOT_SURNAMES = frozenset("weil will may so long king young new face".split())


def _spell(part: str) -> str:
    """A regex for one part of a subject id that also accepts umlauts ("foertsch" -> "Förtsch")."""
    pattern, index = "", 0
    while index < len(part):
        pair = next((r for s, r in _SPELLINGS if part.startswith(s, index)), None)
        pattern += pair if pair else re.escape(part[index])
        index += 2 if pair else 1
    return pattern


def _initials(part: str) -> set[str]:
    """The letters a name part can begin with in a text ("oe..." also "ö...")."""
    pair = next((s for s, _ in _SPELLINGS if part.startswith(s)), None)
    return {part[0], {"oe": "ö", "ae": "ä", "ue": "ü", "ss": "ß"}[pair]} if pair else {part[0]}


_NAME_EDGE = r"[\w\u00c0-\u024f]"


def speaker_name_entries(kinds: tuple[tuple[str, str], ...]) -> list[tuple[str, str, str, set[str]]]:
    """The speakers' names as their ids spell them ("tyler-perry": Tyler Perry, Perry), longest first:
    (regex, subject id, kind, the letters the name can begin with)."""
    entries = []
    for sid, kind in kinds:
        if kind not in SPEAKER_KINDS:
            continue
        parts = [p for p in sid.split("-") if p]
        if not parts:
            continue
        entries.append((r"[\s\-]+".join(_spell(p) for p in parts), sid, kind, _initials(parts[0])))
        if kind == "person" and len(parts) > 1 and len(parts[-1]) >= 4 and parts[-1] not in _NOT_SURNAMES:
            entries.append((_spell(parts[-1]), sid, kind, _initials(parts[-1])))
    entries.sort(key=lambda e: -len(e[0]))
    return entries


@lru_cache(maxsize=8)
def _speaker_matcher(kinds: tuple[tuple[str, str], ...]) -> tuple[InitialAlternation, list]:
    """All speakers' names in one matcher (one alternation was milliseconds per sentence with a pack of
    hundreds of names), with (subject, kind) by position."""
    entries = speaker_name_entries(kinds)
    matcher = InitialAlternation.of([(pattern, initials) for pattern, _, _, initials in entries],
                                    edge=_NAME_EDGE, suffix=r"(?:s|['\u2019]s?)?")
    return matcher, [(sid, kind) for _, sid, kind, _ in entries]


@dataclass(frozen=True, slots=True)
class Name:
    start: int
    end: int
    subject: str
    kind: str


def find_names(text: str, kinds: tuple[tuple[str, str], ...]) -> list[Name]:
    """Known people, organisations and products named in `text` (capitalised, as names are)."""
    matcher, subjects = _speaker_matcher(kinds)
    found = []
    for order, match in matcher.finditer(text):
        if match.group()[0].isupper():
            # the span without a genitive ending ("Perrys", "Runway's"), so that it reads as the name
            found.append(Name(match.start(), match.end(match.lastindex), *subjects[order]))
    return found


# --- speakers -------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Speaker:
    status: str                 # named | unknown | impersonal | none | retracted
    subject: str | None = None
    kind: str | None = None
    name: str = ""


NONE = Speaker("none")
UNKNOWN = Speaker("unknown")
_PRONOUN_KINDS = {"er": ("person",), "he": ("person",), "she": ("person",),
                  "sie": ("person", "organisation"), "they": ("person", "organisation")}
_CLAUSE_END = re.compile(r"[.;!?]")
# a sentence after a quotation that is about it ("Das sagte Perry.", "Those were Perry's words.")
_BACK_REFERENCE = re.compile(r"[\W_]*(?:das|dies|diese\w*|so|mit\s+diese\w*|that|this|these|those|thus|with\s+th\w+)\b",
                             re.IGNORECASE)
_DASH = re.compile(r"(?:[\u2014\u2013\u2015]|--?)[ \t]*")


@dataclass
class _Text:
    """A text (a segment, or the one before or after it) with its quotations blanked and its names."""

    text: str
    masked: str
    names: list[Name]
    sentences: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str, blockquote: bool, kinds, extra: tuple[Name, ...] = ()) -> "_Text":
        masked, found, sentences = _analysed(text, blockquote, kinds)
        names = list(found)
        for name in extra:      # the engine's own mentions win where they overlap (none inside quotations)
            if masked[name.start:name.end].strip():
                names = [n for n in names if n.end <= name.start or n.start >= name.end] + [name]
        names.sort(key=lambda n: n.start)
        return cls(text, masked, names, list(sentences))

    def sentence_at(self, position: int) -> int:
        """The sentence holding `position`; the last one when it lies between sentences."""
        i = bisect.bisect_right(self.sentences, (position, math.inf)) - 1
        return i if i >= 0 and position < self.sentences[i][1] else len(self.sentences) - 1


@lru_cache(maxsize=16)
def _analysed(text: str, blockquote: bool, kinds) -> tuple[str, tuple[Name, ...], tuple[tuple[int, int], ...]]:
    """The text with its quotations blanked, its names and its sentences: once per segment, however
    many quotations the segment holds (per quotation, a long paragraph took quadratic time)."""
    masked = mask_quotations(text, find_quotations(text, blockquote))
    return masked, tuple(find_names(masked, kinds)), tuple(split_sentences(text))


def _named(text: _Text, name: Name) -> Speaker:
    return Speaker("named", name.subject, name.kind, re.sub(r"['\u2019]s?$", "", text.text[name.start:name.end]))


_AS = re.compile(r"\b(?:wie|as)\s+$", re.IGNORECASE)


def _free(text: _Text, name: Name, left: int, subject: bool = False) -> bool:
    """Whether a name is not governed by a preposition or negated ("über Sora", "nicht von Perry").

    Before a verb of saying (`subject`), "wie"/"as" introduce the speaker: "Wie Perry sagte"."""
    before = text.masked[left:name.start]
    return not PREPOSITION.search(before) or (subject and bool(_AS.search(before)))


def _options(names: list[Name], pronouns) -> list[tuple[object, int, int]]:
    return [(n, n.start, n.end) for n in names] + [(p, p.start(), p.end()) for p in pronouns]


def _cue_speaker(text: _Text, cue: Cue, lo: int, hi: int) -> tuple[object, int, int] | None:
    """The name or pronoun a verb of saying belongs to, within [lo, hi): (name | pronoun match, start, end).

    The speaker stands right before the verb ("Perry sagte", "Tyler Perry, Schauspieler, sagte") or,
    when the verb follows a comma or nothing stands before it, right after it ("…, sagte Perry",
    "erklärte OpenAI-Chef Sam Altman")."""
    masked = text.masked
    before = after = None
    if cue.direction in ("before", "both"):
        names = [n for n in text.names if lo <= n.start and n.end <= cue.start
                 and word_distance(masked, n.end, cue.start) <= _NEAR
                 and not _CLAUSE_END.search(masked, n.end, cue.start) and ":" not in masked[n.end:cue.start]
                 and not _marks(text.text[n.end:cue.start])
                 and (cue.direction == "before" or _free(text, n, lo, subject=True))]
        pronouns = [p for p in PRONOUN.finditer(masked, lo, cue.start)
                    if word_distance(masked, p.end(), cue.start) <= 1]
        options = _options(names, pronouns)
        before = max(options, key=lambda o: o[2]) if options else None
    if cue.direction in ("after", "both"):
        names = [n for n in text.names if n.start >= cue.end and n.end <= hi
                 and word_distance(masked, cue.end, n.start) <= _NEAR
                 and not re.search(r"[.,;:!?]", masked[cue.end:n.start]) and not _marks(text.text[cue.end:n.start])
                 and _free(text, n, cue.end)]
        pronouns = [p for p in PRONOUN.finditer(masked, cue.end, hi)
                    if word_distance(masked, cue.end, p.start()) <= 1]
        options = _options(names, pronouns)
        if options:
            after = min(options, key=lambda o: o[1])
            # "OpenAI-Chef Sam Altman", "OpenAI CEO Sam Altman": the person, not the company
            if isinstance(after[0], Name) and after[0].kind != "person":
                person = next((n for n in names if n.kind == "person" and n.start > after[2]
                               and word_distance(masked, after[2], n.start) <= 2), None)
                after = (person, person.start, person.end) if person else after
    inverted = masked[lo:cue.start].rstrip().endswith(",")
    if after is not None and (before is None or inverted):
        return after
    return before


def _resolve_pronoun(text: _Text, pronoun: str, sentence: int, before: _Text | None) -> Speaker:
    """The person (or group) the pronoun refers to: the subject of one of the two sentences before."""
    kinds = _PRONOUN_KINDS.get(pronoun.lower(), ("person",))
    previous = [(text, i) for i in range(sentence - 1, max(sentence - 3, -1), -1)]
    if sentence == 0 and before is not None and before.sentences:
        previous.append((before, len(before.sentences) - 1))
    for source, index in previous:
        a, b = source.sentences[index]
        name = next((n for n in source.names if a <= n.start < b and n.kind in kinds and _free(source, n, a)), None)
        if name is not None:
            return _named(source, name)
    return UNKNOWN


_CLAUSE_MARK = re.compile(r"[,;:\u2013\u2014]")


def _separation(between: str, cue_first: bool) -> int:
    """How far a cue stands from its quotation: words between, and a clause more for one after it
    ("„…“, sagte Perry" is near; "„…“ erzeugen, Farid warnte" is another clause)."""
    far = not cue_first and _CLAUSE_MARK.search(between.lstrip(" \t\n,"))
    return word_distance(between, 0, len(between)) + (5 if far else 0)


_SOURCE_OF = re.compile(r"\b(?:von|vom|bei|in|im|aus|of|from|by)\s+(?:[\w\-]+\s+){0,2}$", re.IGNORECASE)


def _impersonal(text: _Text, lo: int, hi: int) -> Speaker | None:
    """"heißt es" gives no speaker, unless it names where ("Im Bericht von OpenAI heißt es", "heißt es
    bei OpenAI"); None when the sentence has no such phrase."""
    masked, found = text.masked, None
    for match in IMPERSONAL.finditer(masked, lo, hi):
        near = [n for n in text.names if lo <= n.start < hi and n.kind in ("organisation", "person")
                and _SOURCE_OF.search(masked, max(lo, n.start - 40), n.start)
                and min(word_distance(masked, n.end, match.start()), word_distance(masked, match.end(), n.start))
                <= _NEAR]
        found = _named(text, near[0]) if near else Speaker("impersonal")
    return found


def _cue_analysis(text: _Text, lo: int, hi: int, quote: tuple[int, int], before: _Text | None,
                  sentence: int, lang: str, verbs_only: bool = False) -> Speaker | None:
    """The speaker the verbs of saying in [lo, hi) give the quotation at `quote`, if any.

    `verbs_only`: only verbs of saying count, not "laut", "so" or "heißt es" (for a sentence beside the
    quotation, where these name the source of another statement)."""
    masked = text.masked
    impersonal = None if verbs_only else _impersonal(text, lo, hi)
    best = None
    # lo starts a sentence, after a stop and a space, where no cue (words and spaces) can straddle it
    for cue in speaker_cues(masked, lo, hi):
        if verbs_only and cue.direction != "both":
            continue
        found = _cue_speaker(text, cue, lo, hi)
        # in German a tag after the quotation puts the verb first ("„…“, sagte Perry"); "„…“, OpenAI
        # verspricht …" starts a clause of its own (unless "„…“, wie Perry sagte")
        if (lang == "de" and cue.direction == "both" and found and quote[1] <= found[1] < cue.start
                and not _AS.search(masked, quote[1], found[1])):
            continue
        left = min(cue.start, found[1]) if found else cue.start
        right = max(cue.end, found[2]) if found else cue.end
        between = masked[right:quote[0]] if right <= quote[0] else masked[quote[1]:left]
        rank = (_separation(between, right <= quote[0]), found is None)
        if best is None or rank < best[0]:
            best = (rank, found)
    if best is None:
        return impersonal
    found = best[1]
    if found is None:
        return impersonal or UNKNOWN
    if isinstance(found[0], Name):
        return _named(text, found[0])
    return _resolve_pronoun(text, found[0].group(), sentence, before)


def _subject_speaker(text: _Text, lo: int, quote_start: int, before: _Text | None, sentence: int) -> Speaker | None:
    """The subject of the sentence as the speaker: a person or organisation it opens with ("Tyler Perry
    fand es „überwältigend“"), unless another one stands between it and the quotation."""
    masked = text.masked
    sentence_end = text.sentences[sentence][1] if sentence < len(text.sentences) else len(masked)
    others = [n for n in text.names if lo <= n.start < sentence_end and n.kind != "product"]
    names = [n for n in others if n.end <= quote_start and _free(text, n, lo)]
    if (names and word_distance(masked, lo, names[0].start) <= 4
            and all(n.subject == names[0].subject for n in others)):
        return _named(text, names[0])
    pronoun = PRONOUN.match(masked, lo)
    if pronoun and not names:
        return _resolve_pronoun(text, pronoun.group(), sentence, before)
    return None


_MARKS = tuple(sorted(QUOTE_MARKS))


def _marks(text: str) -> bool:
    """Whether the text holds a quotation mark: a search in C for each of the few marks (most texts are
    Latin-1, where one not in it is ruled out at once), not a test in Python for each character."""
    for mark in _MARKS:
        if mark in text:
            return True
    return False


def _dash_speaker(text: _Text, position: int) -> Speaker | None:
    """The speaker of a "— Tyler Perry, Schauspieler" line (or "„…“ – Tyler Perry") right after `position`."""
    rest = text.text[position:]
    gap = len(rest) - len(rest.lstrip(" \t\n,.;"))
    dash = _DASH.match(text.text, position + gap)
    own_line = position == 0 or "\n" in rest[:gap]
    if not dash or not (own_line or gap):      # "„A“-Klasse": a hyphen glued to the quotation
        return None
    line_end = text.text.find("\n", dash.end())
    line_end = len(text.text) if line_end < 0 else line_end
    comma = text.text.find(",", dash.end(), line_end)
    stop = comma if comma >= 0 else line_end
    name = next((n for n in text.names if dash.end() <= n.start < stop
                 and word_distance(text.masked, dash.end(), n.start) <= (_NEAR if own_line else 2)), None)
    if name is not None:
        return _named(text, name)
    return UNKNOWN if own_line else None


def find_speaker(segment: _Text, quotation: Quotation, before: _Text | None, after: _Text | None,
                 lang: str) -> Speaker:
    """Who the draft says spoke the quotation."""
    masked = segment.masked
    first = segment.sentence_at(quotation.start)
    last = segment.sentence_at(max(quotation.start, quotation.end - 1))
    lo, hi = segment.sentences[first][0], segment.sentences[last][1]
    if RETRACTION.search(masked, lo, hi):
        return Speaker("retracted")
    dash = _dash_speaker(segment, quotation.end)
    if dash is None and after is not None and not segment.text[quotation.end:].strip(" \t\n.,;\"\u201c\u201d\u00ab"):
        dash = _dash_speaker(after, 0)
    if dash is not None:
        return dash
    quote = (quotation.start, quotation.end)
    found = _cue_analysis(segment, lo, hi, quote, before, first, lang)
    if found is not None:
        return found
    found = _subject_speaker(segment, lo, quotation.start, before, first)
    if found is not None:
        return found
    # else the sentence before may introduce it ("Tyler Perry sagte dazu:"); a quotation standing on
    # its own (a quoted sentence, a blockquote) may take its speaker from a verb of saying in the
    # sentence before ("Altman äußerte sich begeistert.") or in one after that points back to it
    # ("Das sagte Perry."), also across paragraphs
    alone = quotation.block or not re.search(r"[^\W_]", masked[lo:hi])
    neighbours = []
    if first > 0:
        neighbours.append((segment, first - 1, True))
    elif before is not None and before.sentences and alone:
        neighbours.append((before, len(before.sentences) - 1, True))
    if last + 1 < len(segment.sentences):
        neighbours.append((segment, last + 1, False))
    elif after is not None and after.sentences and alone:
        neighbours.append((after, 0, False))
    for text, index, previous in neighbours:
        a, b = text.sentences[index]
        if _marks(text.text[a:b]):
            continue            # it has quotations of its own
        end = (b, b) if previous else (a, a)
        if previous and text.text[a:b].rstrip().endswith(":"):
            found = _cue_analysis(text, a, b, end, None, index, lang) or _subject_speaker(text, a, b, None, index)
        elif alone and (previous or _BACK_REFERENCE.match(text.text, a)):
            found = _cue_analysis(text, a, b, end, None, index, lang, verbs_only=True)
        else:
            continue
        if found is not None and found.status == "named":
            return found
    return NONE


@lru_cache(maxsize=256)
def _segment_speaker(text: str, blockquote: bool, before: str, after: str, kinds: tuple,
                     mentions: tuple[Name, ...], quotation: Quotation, lang: str) -> Speaker:
    segment = _Text.of(text, blockquote, kinds, mentions)
    return find_speaker(segment, quotation, _Text.of(before, False, kinds) if before else None,
                        _Text.of(after, False, kinds) if after else None, lang)


def speaker_of(sentence, quotation: Quotation) -> Speaker:
    """Who the sentence (with its segment and neighbours) says spoke the quotation."""
    kinds = sentence.subject_kinds
    mentions = tuple(Name(sentence.start + m.start, sentence.start + m.end, m.subject, m.kind)
                     for m in sentence.mentions if m.kind in SPEAKER_KINDS and not m.foreign)
    return _segment_speaker(sentence.segment.text, sentence.segment.quote_depth > 0, sentence.before,
                            sentence.after, kinds, mentions, quotation, sentence.lang)


# --- the check ------------------------------------------------------------------------------------

def _other_speaker(rule, speaker: Speaker) -> bool:
    """Whether the speaker is a known person or organisation other than the fact's speaker.

    A product counts only when the fact does not name it ("Runway's report"; not "Sora")."""
    if speaker.status != "named" or speaker.subject == rule.scope.subject:
        return False
    if speaker.kind == "product":
        texts = " ".join([*rule.statement.values(), *(f.text for f in rule.expected.forms)]).lower()
        return fold(speaker.name.rstrip("s'\u2019")) not in fold(texts)
    return speaker.kind in ("person", "organisation")


def _good(alignment: Alignment, threshold: tuple[float, int]) -> bool:
    similarity, content = threshold
    return alignment.similarity >= similarity and alignment.content >= content


def may_quote(sentence) -> bool:
    """Whether a quotation can start in the sentence: it has a quotation mark or is in a blockquote."""
    return sentence.segment.quote_depth > 0 or _marks(sentence.text)


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each quotation starting in the sentence that misquotes or misattributes the fact."""
    if not may_quote(sentence):
        return
    segment = sentence.segment
    expected: Expected = rule.expected
    end = sentence.start + len(sentence.text)
    for quotation in find_quotations(segment.text, segment.quote_depth > 0):
        if not sentence.start <= quotation.start < end:
            continue        # reported from the sentence it starts in
        inner = quotation.inner(segment.text)
        match = best_match(expected, inner)
        if match is None or not _good(match.alignment, OWN_SPEAKER):
            continue
        speaker = speaker_of(sentence, quotation)
        if speaker.status == "retracted":
            continue
        changes = changes_of(match, inner, sentence.subject_kinds)
        substantive = [c for c in changes if c.substantive]
        start, stop = quotation.start - sentence.start, quotation.end - sentence.start
        if _other_speaker(rule, speaker):
            if _good(match.alignment, ATTRIBUTION):
                reading = f"attributed to {speaker.name}" + (f"; {_reading(substantive)}" if substantive else "")
                yield Mismatch(start, stop, reading, expected.speaker)
            continue
        own = speaker.status == "named" and speaker.subject == rule.scope.subject
        if not substantive or not _good(match.alignment, OWN_SPEAKER if own else NO_SPEAKER):
            continue
        # a short excerpt that differs only in function words is a term, not a misquote ("Text-zu-Video")
        if not _good(match.alignment, NO_SPEAKER) and not any(c.content for c in substantive):
            continue
        critical = any(c.critical for c in substantive)
        yield Mismatch(start, stop, _reading(substantive), _quoted(_source_words(match)),
                       max_severity=Severity.ERROR if critical else Severity.WARNING)
