"""Does a sentence assert what it says? Questions, denials, hypotheticals and rumours do not.

A claim is only a finding when the draft asserts it. The cues are word lists of
vocabulary/words.yaml, by language, matched case-insensitively at word boundaries. A claim inside quotation marks is someone's words: it
is reported at `info` at most, naming the speaker when the sentence gives one.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .findings import Severity
from .lexicon import Terms
from .vocabulary import word_lists

# the word lists are language data (vocabulary/words.yaml), one matcher per language
_LISTS = ("negations", "hypotheticals", "looking_ahead", "reported", "capacity")
_CAPACITY_MODALS = frozenset({"would", "würde", "würden"})
_FIRST_WORD = re.compile(r"[\W_]*([^\W\d_]+)")


@functools.lru_cache(maxsize=None)
def _openers(lang: str | None) -> frozenset:
    """The condition_openers of the language (of both when it is unknown)."""
    lists = word_lists()["condition_openers"]
    return frozenset(w.lower() for key, items in lists.items() if lang in (None, key) or lang not in lists for w in items)


@functools.lru_cache(maxsize=None)
def _terms(name: str, lang: str | None) -> Terms:
    """A words.yaml list as one matcher: the language's entries, or both languages' when it is unknown."""
    lists = word_lists()[name]
    entries = lists.get(lang, ()) if lang in lists else [w for items in lists.values() for w in items]
    return Terms.of(list(entries))


def negations(lang: str | None = None) -> Terms:
    """Words that deny what a clause says, in the language."""
    return _terms("negations", lang)


# English "could" is also the past of "can" ("anyone could generate clips"): hypothetical only
# beside a word that looks ahead (words.yaml)
_COULD = re.compile(r"\bcould\b", re.IGNORECASE)
# the number right after these is the rejected alternative ("60 statt 90 Sekunden")
_REJECTED_BEFORE = re.compile(r"(?:\b(?:statt|anstatt|anstelle\s+von|instead\s+of|rather\s+than|nicht|not)\s+)$",
                              re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:\u2013\u2014()]|\s-\s|\b(?:aber|sondern|doch|jedoch|während|but|while|whereas)\b",
                           re.IGNORECASE)
_QUOTE_PAIRS = (("\u201e", "\u201c"), ("\u201c", "\u201d"), ("\u00bb", "\u00ab"), ("\u00ab", "\u00bb"), ('"', '"'))
_SPEAKER = re.compile(
    r"(?:sagte?|sagt|so|erklärte?|betont(?:e)?|meinte?|schreibt|schrieb|said|says|wrote|told|according\s+to|laut)"
    r"\s+((?:[A-ZÄÖÜ][\w\-]+\s?){1,3})")


# why a claim is not asserted: every check reads these names, never the strings
QUESTION, REPORTED, HYPOTHETICAL, NEGATED, QUOTED = "question", "reported or debunked", "hypothetical", "negated", "quoted"


@dataclass(frozen=True, slots=True)
class Stance:
    """How a sentence holds a claim: asserted, quoted (someone else's words), or not at all."""

    asserted: bool
    quoted_by: str | None = None
    reason: str = ""

    @property
    def doubted(self) -> bool:
        """Asked, or told as a rumour or a claim since corrected: the draft says it is not known or not so."""
        return self.reason in (QUESTION, REPORTED)

    @property
    def says_nothing(self) -> bool:
        """Doubted, or imagined ("könnte", "would"): nothing is claimed, not even at `info` as a quotation is."""
        return self.doubted or self.reason == HYPOTHETICAL

    @property
    def max_severity(self) -> Severity:
        return Severity.ERROR if self.asserted else Severity.INFO

    @property
    def note(self) -> str:
        if self.quoted_by is None:
            return ""
        return f"inside a quotation ({self.quoted_by})" if self.quoted_by else "inside a quotation"


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): between the nearest commas, colons, dashes or conjunctions."""
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(text, end)
    return left, right_match.start() if right_match else len(text)


_OPENERS = {"\u201e": "\u201c\u201d", "\u201c": "\u201d", "\u00bb": "\u00ab", "\u00ab": "\u00bb", '"': '"'}
# the marks alone are read: the rest of the text opens and closes nothing
_MARKS = re.compile("[" + re.escape("".join(sorted(set("".join(_OPENERS)) | set("".join(_OPENERS.values()))))) + "]")


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Spans of quotations, each from its opening mark to just after its closing one (or the end).

    German „…“ closes with the mark English opens with, so marks are paired by what is open, not by
    their shape alone."""
    regions, open_at, closers = [], None, ""
    for mark in _MARKS.finditer(text):
        index, char = mark.start(), mark.group()
        if open_at is not None and char in closers:
            regions.append((open_at, index + 1))
            open_at = None
        elif open_at is None and char in _OPENERS:
            open_at, closers = index, _OPENERS[char]
    if open_at is not None:
        regions.append((open_at, len(text)))
    return regions


def _quoted_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The quotation around [start, end), if any."""
    return next(((a, b) for a, b in quoted_regions(text) if a < start and end <= b), None)


def _speaker(text: str, quote: tuple[int, int]) -> str:
    """The speaker a sentence names next to a quotation ("sagte Sam Altman", "so Perry")."""
    outside = text[:quote[0]] + " " + text[quote[1]:]
    match = _SPEAKER.search(outside)
    return match.group(1).strip() if match else ""


def _opens_a_condition(sentence: str, lang: str | None) -> bool:
    """"Wäre die Bahn länger, bräuchte sie …", "Had the line been longer, it would …": a sentence that
    opens with the verb of a condition (not a question) imagines both its clauses."""
    first = _FIRST_WORD.match(sentence)
    return bool(first) and "," in sentence and first.group(1).lower() in _openers(lang)


def _is_hypothetical(sentence: str, lang: str | None) -> bool:
    hits = [m.group().lower() for m in _terms("hypotheticals", lang).finditer(sentence)]
    # "would be enough to power 1.8 million homes", "würde für 1,1 Millionen Haushalte reichen": the
    # usual way of stating a capacity, not an imagined case
    if hits and not (all(h in _CAPACITY_MODALS for h in hits) and _terms("capacity", lang).search(sentence)):
        return True
    return lang != "de" and bool(_COULD.search(sentence)) and _terms("looking_ahead", lang).search(sentence)


def stance_of(sentence: str, start: int, end: int, in_blockquote: bool = False, forecast: bool = False,
              attributive: bool = False, lang: str | None = None) -> Stance:
    """The stance the sentence takes towards the claim at [start, end).

    For a claim about a forecast (`forecast`), hedges and negations are what forecasts are made of
    ("könnte Ende 2024 starten", "would not be released before 2026"), so only questions, rumours and
    quotations count. A figure that qualifies a noun (`attributive`: "the 143-km export cable") is
    presupposed: a negation after it denies what is said of the noun ("was not affected"), not the figure."""
    if sentence.rstrip(" \"'\u201c\u201d\u00bb\u00ab)*_").endswith("?"):
        return Stance(False, reason=QUESTION)
    if _terms("reported", lang).search(sentence):
        return Stance(False, reason=REPORTED)
    left, right = clause_bounds(sentence, start, end)
    # a hedge governs its own clause and what follows ("Wenn …, dann …", "Sora könnte, so OpenAI, …"),
    # not a claim made before it ("OpenAI-Technikchef Kevin Weil sagte, Sora komme erst, wenn …")
    if not forecast and (_is_hypothetical(sentence[:right], lang) or _opens_a_condition(sentence, lang)):
        return Stance(False, reason=HYPOTHETICAL)
    if forecast:
        left = right = start
    # a negation inside the claim is part of it ("setzt nicht auf Diffusion"); one around it denies it
    negated_after = not attributive and negations(lang).search(sentence[end:max(end, right)])
    if (negations(lang).search(sentence[left:start]) or negated_after
            or _REJECTED_BEFORE.search(sentence[left:start])):
        return Stance(False, reason=NEGATED)
    quote = _quoted_span(sentence, start, end)
    if quote is not None:
        return Stance(False, quoted_by=_speaker(sentence, quote), reason=QUOTED)
    if in_blockquote:
        return Stance(False, quoted_by="", reason=QUOTED)
    return Stance(True)
