"""Quotations in a block of prose, their words, and how they line up with a known quote.

* `find_quotations` finds the quoted passages of a segment („…“, “…”, "…", »…«, «…», ‚…‘) or, for
  a blockquote without quotation marks, the block itself (without a trailing "— Name" line).
* `words` turns a text into comparable words: case, ß/ss, umlauts, typographic apostrophes, hyphens,
  dashes, words broken at a line end and trailing punctuation make no difference; an ellipsis ("…",
  "[…]") or an editor's bracket ("[Sora]") is a gap that may stand for any number of words.
* `align` lines the words of a draft's quotation up with a known quote. The quotation may be an
  excerpt of the quote or run on beyond it; inside the aligned part every replaced, added or left out
  word is a change (word endings fitted to the draft's sentence are not).
* `speaker_cues` finds the words of a sentence that introduce a speaker ("sagte", "laut", "said",
  "according to", "zufolge"); `IMPERSONAL` the ones that name nobody ("heißt es").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

# --- quotations -----------------------------------------------------------------------------------

# opening mark -> the marks that may close it (drafts mix typographic styles: „…” and “…“ occur)
_CLOSERS = {
    "\u201e": "\u201c\u201d\"",     # „ … “
    "\u201c": "\u201d\u201c",       # “ … ”
    "\u00bb": "\u00ab",             # » … «
    "\u00ab": "\u00bb",             # « … »
    "\u201a": "\u2018\u2019",       # ‚ … ‘
    '"': '"',
}
QUOTE_MARKS = frozenset("\u201e\u201c\u201d\u00bb\u00ab\u201a\"")
# the scan jumps from opening mark to opening mark, and from one to the first mark that may close it
_OPENING = re.compile("[" + re.escape("".join(_CLOSERS)) + "]")
_CLOSING = {char: re.compile("[" + re.escape(closers) + "]") for char, closers in _CLOSERS.items()}
_WORDCHAR = re.compile(r"[\w\u00c0-\u024f]")
# "— Tyler Perry, US-Schauspieler" under a blockquote or a quote: the attribution line
DASH_LINE = re.compile(r"(?:^|\n)[ \t]*(?:[\u2014\u2013\u2015]|--?)[ \t]*(?=\S)")
# blockquotes that say they are not verbatim
_NOT_VERBATIM = re.compile(r"^\W*(?:sinngemäß|paraphras\w*|hinweis|anmerkung|note|update|korrektur|correction)\b",
                           re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quoted passage of a segment: [start, end) with its marks, [inner_start, inner_end) the words."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    block: bool = False          # a blockquote without quotation marks

    def inner(self, text: str) -> str:
        return text[self.inner_start:self.inner_end]


def _is_opening(text: str, index: int) -> bool:
    """Whether a straight " at `index` opens a quotation (it follows a space, a bracket or the start)."""
    return index == 0 or not _WORDCHAR.match(text[index - 1]) and text[index - 1] not in ".,;:!?"


@lru_cache(maxsize=512)
def find_quotations(text: str, blockquote: bool = False) -> tuple[Quotation, ...]:
    """The top-level quotations of a segment's text; an unclosed one runs to the end of the text."""
    found: list[Quotation] = []
    opening = _OPENING.search(text)
    while opening is not None:
        index, char = opening.start(), opening.group()
        if char != '"' or _is_opening(text, index):
            closing = _CLOSING[char].search(text, index + 1)
            end = closing.end() if closing else len(text)
            inner_end = closing.start() if closing else len(text)
            if inner_end > index + 1:
                found.append(Quotation(index, end, index + 1, inner_end))
        else:
            end = index + 1
        opening = _OPENING.search(text, end)
    if found or not blockquote or _NOT_VERBATIM.match(text):
        return tuple(found)
    dash = DASH_LINE.search(text)
    end = dash.start() if dash and dash.start() > 0 else len(text)
    end = len(text[:end].rstrip())
    start = len(text) - len(text.lstrip())
    return (Quotation(start, end, start, end, block=True),) if end > start else ()


def mask_quotations(text: str, quotations: Sequence[Quotation]) -> str:
    """The text with every quotation blanked out (same length), so that names inside are not speakers."""
    chars = list(text)
    for quotation in quotations:
        for i in range(quotation.start, quotation.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


# --- words ----------------------------------------------------------------------------------------

_FOLD = str.maketrans({"ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue", "\u2019": "'", "\u2018": "'", "`": "'"})
# an ellipsis or an editor's bracket (none inside it: from each "[" of a run without "]" the rest of
# the text was scanned); else a word (apostrophes inside: "today's", "we'll")
_TOKEN = re.compile(r"(?P<gap>\[[^\[\]]*\]|\(\s*(?:\u2026|\.\.\.)\s*\)|\u2026|\.{3,})"
                    r"|(?P<word>[^\W_]+(?:['\u2019][^\W_]+)*)")
# a word broken at a line end ("Sicherheits-\nmaßnahmen") is one word; "Text- und Bild" is not
_BROKEN = re.compile(r"-[ \t]*\n[ \t]*|\u00ad")
_NOT_A_TAIL = frozenset("und oder bis and or to".split())


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a text, folded for comparison (None for a gap), with its span in the text."""

    norm: str | None
    start: int
    end: int


def fold(word: str) -> str:
    """The comparable form of one word."""
    return unicodedata.normalize("NFC", word).lower().translate(_FOLD)


@lru_cache(maxsize=2048)
def words(text: str) -> tuple[Word, ...]:
    """The words and gaps of a text, in order, with their spans."""
    result: list[Word] = []
    for match in _TOKEN.finditer(text):
        if match.group("gap"):
            if not result or result[-1].norm is not None:
                result.append(Word(None, match.start(), match.end()))
            continue
        norm = fold(match.group("word"))
        last = result[-1] if result else None
        if (last is not None and last.norm is not None and _BROKEN.fullmatch(text, last.end, match.start())
                and match.group("word")[0].islower() and norm not in _NOT_A_TAIL):
            result[-1] = Word(last.norm + norm, last.start, match.end())     # "Sicherheits-\nmaßnahmen"
        else:
            result.append(Word(norm, match.start(), match.end()))
    return tuple(result)


# --- alignment ------------------------------------------------------------------------------------

STOPWORDS = frozenset("""
der die das den dem des ein eine einer eines einem einen und oder aber in im an am auf aus bei mit
von vom zu zur zum fuer ueber unter vor nach als wie es sich sie er wir ihr ich man ist sind war
waren wird werden wurde hat haben dass da so auch noch nur um
the a an and or but of in on at to for from with by as is are was were be been being it its this
that these those we they he she i you our their his her will would can could has have had do does
which who what when than then there so also just into about over
""".split())


@dataclass(frozen=True, slots=True)
class Edit:
    """A run of the alignment: equal words, or words replaced, added (draft only) or left out."""

    op: str                       # equal | replace | insert | delete
    draft: tuple[int, int]        # word indexes [a, b) in the draft's quotation
    source: tuple[int, int]       # word indexes [a, b) in the known quote


@dataclass(frozen=True, slots=True)
class Alignment:
    matched: int                  # draft words equal to a word of the quote
    content: int                  # of those, words that are not function words
    rewritten: int                # draft words that replace words of the quote or are added
    omitted: int                  # words of the quote left out (inside the quoted part)
    edits: tuple[Edit, ...]

    @property
    def changed(self) -> int:
        return self.rewritten + self.omitted

    @property
    def similarity(self) -> float:
        """Equal words against all words of the aligned part, a left out word counting as half."""
        total = self.matched + self.rewritten + OMISSION * self.omitted
        return self.matched / total if total else 0.0

    @property
    def changes(self) -> tuple[Edit, ...]:
        return tuple(e for e in self.edits if e.op != "equal")


OMISSION = 0.5        # the cost of a left out word, against 1 for a changed or added one


_ENDING = re.compile(r"(?:en|em|er|es|e|n|s)$")


def stem(word: str) -> str:
    """A word without its inflectional ending ("verfügbaren", "verfügbare" -> "verfuegbar")."""
    cut = _ENDING.sub("", word)
    return cut if len(cut) >= 4 else word


def _substitution_penalty(draft: str, source: str) -> float:
    # a draft word standing where the quote has a function word is rather an added word
    # ("only licensed data" against "... and licensed data")
    return 1.01 if source in STOPWORDS and draft not in STOPWORDS else 1.0


def align(draft: Sequence[str | None], source: Sequence[str]) -> Alignment | None:
    """The best alignment of the draft's words (None = gap) with a known quote's words.

    An equal word (equal but for its ending: a quotation fitted into the draft's grammar, "öffentlich
    verfügbaren Daten") scores 1, a replaced or added word costs 1, a left out word less (an unmarked
    cut is more common than a changed word: "es sei „schwierig, die Fälschung … zu unterscheiden“").
    Free: known words before the draft's first and after its last word (an excerpt), draft words
    before the quote's first or after its last word (a quotation that goes on), and any known words at
    a gap. None when no word is equal.
    """
    n, m = len(draft), len(source)
    draft_stems = [stem(w) if w is not None else None for w in draft]
    source_stems = [stem(w) for w in source]
    low = float("-inf")
    score = [[low] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, str] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for j in range(m + 1):
        score[0][j] = 0.0
    for i in range(n + 1):
        score[i][0] = 0.0

    # each cell passes its score on to the cells after it; a cell takes a score only when it is higher
    # than what it holds (the first of equal ones wins). Written out, without a function per step (a
    # long quotation has thousands of cells), and with what the cells ask of the words worked out once
    # per word, not once per cell
    pairs = [source[j] + source[j + 1] for j in range(m - 1)]       # "mind" + "blowing"
    source_penalties = [_substitution_penalty("", word) for word in source]
    for i in range(n + 1):
        row, back_row = score[i], back[i]
        last = i == n
        below, back_below = (score[i + 1], back[i + 1]) if not last else (None, None)
        word = draft[i] if not last else None
        gap = not last and word is None
        matching = not last and not gap         # the draft word may stand for a word of the quote
        own_stem = draft_stems[i] if matching else None
        joined = word + draft[i + 1] if matching and i + 1 < n and draft[i + 1] is not None else None
        stopword = word in STOPWORDS
        omission_free = gap or i == 0 or last   # a word of the quote left out at a gap or at an end
        for j in range(m + 1):
            here = row[j]
            if here == low:
                continue
            # draft words before the quote's first word are free, but then the quote must begin:
            # its first word changed is a change, not a cut after a free start
            leading = j == 0 and i > 0
            if matching and j < m:
                if own_stem == source_stems[j]:
                    if here + 1.0 > below[j + 1]:
                        below[j + 1], back_below[j + 1] = here + 1.0, (i, j, "equal")
                elif not leading:
                    value = here - (1.0 if stopword else source_penalties[j])
                    if value > below[j + 1]:
                        below[j + 1], back_below[j + 1] = value, (i, j, "replace")
                # "mindblowing" / "mind-blowing": one word written as two
                if j + 1 < m and word == pairs[j] and here + 1.0 > below[j + 2]:
                    below[j + 2], back_below[j + 2] = here + 1.0, (i, j, "equal")
                if joined is not None and joined == source[j] and here + 1.0 > score[i + 2][j + 1]:
                    score[i + 2][j + 1], back[i + 2][j + 1] = here + 1.0, (i, j, "equal")
            if not last:
                # words after the quote's last word are free only if that word was quoted as it is
                free = gap or j == 0 or j == m and (back_row[j][2] if back_row[j] else "skip") in ("equal", "skip")
                value = here - (0.0 if free else 1.0)
                if value > below[j]:
                    below[j], back_below[j] = value, (i, j, "skip" if free else "insert")
            if j < m and not leading:
                value = here - (0.0 if omission_free else OMISSION)
                if value > row[j + 1]:
                    row[j + 1], back_row[j + 1] = value, (i, j, "skip" if omission_free else "delete")
    # the free ends run into the last cell: the whole draft quotation against the whole quote
    i, j = n, m
    steps = []
    while back[i][j] is not None:
        pi, pj, op = back[i][j]
        steps.append((op, (pi, i), (pj, j)))
        i, j = pi, pj
    steps.reverse()
    edits: list[Edit] = []
    matched = content = rewritten = omitted = 0
    joinable = False
    for op, (a, b), (c, d) in steps:
        if op == "skip":      # free: the ends of an excerpt, the words at a gap
            joinable = False
            continue
        if op == "equal":
            matched += b - a
            content += sum(1 for k in range(a, b) if draft[k] not in STOPWORDS)
        elif op == "delete":
            omitted += d - c
        else:
            rewritten += b - a
        if joinable and (edits[-1].op == "equal") == (op == "equal"):
            last = edits[-1]
            merged = last.op if last.op == op else "replace"
            edits[-1] = Edit(merged, (last.draft[0], b), (last.source[0], d))
        else:
            edits.append(Edit(op, (a, b), (c, d)))
        joinable = True
    if not matched:
        return None
    return Alignment(matched, content, rewritten, omitted, tuple(edits))


# --- speakers -------------------------------------------------------------------------------------

# verbs of saying: the speaker stands right before ("Perry sagte", "OpenAI's report says") or right
# after them ("sagte Sam Altman", "erklärte OpenAI-Chef Sam Altman")
_SAYING = [
    r"sag(?:t|te|ten|en)", r"gesagt", r"erklär(?:t|te|ten|en)", r"betont(?:e|en)?", r"mein(?:t|te|ten)",
    r"schreib(?:t|en)", r"schrieb(?:en)?", r"warn(?:t|te|ten|en)", r"versprich(?:t)", r"versprach(?:en)?",
    r"verspr(?:ochen|echen)", r"kündigt(?:e|en)?", r"teilt(?:e|en)?\s+mit", r"ergänzt(?:e|en)?",
    r"fügt(?:e|en)?\s+hinzu", r"schwärm(?:t|te|ten)", r"räumt(?:e|en)?\s+ein", r"gab(?:en)?\s+an",
    r"gibt\s+an", r"sprach(?:en)?", r"spricht", r"formulier(?:t|te)", r"bekräftig(?:t|te)", r"erläuter(?:t|te)",
    r"antwortet(?:e)?", r"argumentier(?:t|te)", r"verkünde(?:t|te)", r"versicher(?:t|te)", r"äußer(?:t|te)",
    r"mahn(?:t|te)", r"fürchte(?:t|te)?", r"befürchte(?:t|te)?", r"nenn(?:t)", r"nannte(?:n)?",
    r"stell(?:t|te)\s+klar", r"kritisier(?:t|te)", r"sieht", r"sah", r"beschreib(?:t|en)", r"beschrieb(?:en)?",
    r"kommentier(?:t|te)", r"twitter(?:t|te)", r"poste(?:t|te)", r"urteil(?:t|te)", r"fragt(?:e|en)?",
    r"erzähl(?:t|te)", r"verr(?:ät|iet)", r"bestätig(?:t|te)", r"mitgeteilt",
    r"said", r"says", r"say", r"told", r"tells", r"warn(?:s|ed)", r"wr(?:ote|ites)", r"explain(?:s|ed)",
    r"add(?:s|ed)", r"stress(?:es|ed)", r"not(?:es|ed)", r"argu(?:es|ed)", r"promis(?:es|ed)",
    r"announc(?:es|ed)", r"stat(?:es|ed)", r"insist(?:s|ed)", r"admit(?:s|ted)", r"call(?:s|ed)",
    r"describ(?:es|ed)", r"recall(?:s|ed)", r"declar(?:es|ed)", r"comment(?:s|ed)", r"repli(?:es|ed)",
    r"remark(?:s|ed)", r"assert(?:s|ed)", r"acknowledg(?:es|ed)", r"emphasi[sz](?:es|ed)",
    r"put\s+it", r"puts\s+it", r"tweet(?:s|ed)", r"post(?:s|ed)", r"ask(?:s|ed)", r"confirm(?:s|ed)",
    r"recount(?:s|ed)",
]
# the speaker only follows these ("laut OpenAI", "so Perry", "according to OpenAI", "stammt von Perry")
# ("zitiert OpenAI", "quoted Perry": the one quoted follows; the one quoting is not the speaker)
_SPEAKER_AFTER = [r"laut", r"so", r"according\s+to", r"stamm(?:t|te|en)\s+(?:(?!nicht\b|not\b)\w+\s+)?von",
                  r"zitier(?:t|te|ten)", r"quot(?:es|ed)", r"(?:Zitat|Worten|Aussage)\s+von",
                  r"(?:quote|words|statement)\s+(?:from|of|by)"]
# the speaker only precedes these ("OpenAI zufolge", "wird Tyler Perry zugeschrieben")
_SPEAKER_BEFORE = [r"zufolge", r"zugeschrieben", r"words", r"Worten"]
# no one in particular ("heißt es", "it says") unless a name follows with von/bei/in
IMPERSONAL = re.compile(r"\b(?:hei(?:ß|ss)t\s+es|hie(?:ß|ss)\s+es|it\s+says|it\s+is\s+said|it\s+reads)\b",
                        re.IGNORECASE)
_CUE = re.compile(
    r"(?<![\w\u00c0-\u024f])(?:(?P<after>" + "|".join(_SPEAKER_AFTER) + r")|(?P<before>"
    + "|".join(_SPEAKER_BEFORE) + r")|(?P<both>" + "|".join(_SAYING) + r"))(?![\w\u00c0-\u024f])",
    re.IGNORECASE)
PRONOUN = re.compile(r"(?<![\w\u00c0-\u024f])(?:er|sie|he|she|they)(?![\w\u00c0-\u024f])", re.IGNORECASE)
# a name right after these is not the speaker ("sagte über Sora", "told the House of Lords")
PREPOSITION = re.compile(r"(?:\b(?:über|von|vom|vor|mit|für|bei|gegen|nach|durch|zu|zum|zur|an|auf|aus|um|in|im|"
                         r"hinter|neben|wie|als|dem|den|des|"
                         r"of|by|with|about|for|against|from|to|at|like|than|on|behind|nicht|not)\s+"
                         r"(?:[\w\u00c0-\u024f\-]+\s+){0,2})$", re.IGNORECASE)
# sentences that correct or doubt an attribution ("fälschlich Perry zugeschrieben") attribute nothing
RETRACTION = re.compile(r"\b(?:fälschlich\w*|irrtümlich\w*|angeblich\w*|früheren\s+Version|falsch\s+zitiert|"
                        r"wrongly|erroneously|falsely|incorrectly|misquoted|misattributed|earlier\s+version|"
                        r"allegedly|supposedly)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    start: int
    end: int
    direction: str                # before | after | both


def speaker_cues(text: str, start: int = 0, end: int | None = None) -> list[Cue]:
    """The words of text[start:end] that introduce a speaker, with where the speaker stands."""
    cues = []
    for match in _CUE.finditer(text, start, len(text) if end is None else end):
        direction = next(k for k in ("after", "before", "both") if match.group(k))
        cues.append(Cue(match.start(), match.end(), direction))
    return cues


_WORD_COUNT = re.compile(r"[^\W_]+")


def word_distance(text: str, start: int, end: int) -> int:
    """How many words lie in text[start:end]."""
    return len(_WORD_COUNT.findall(text, start, end)) if end > start else 0
