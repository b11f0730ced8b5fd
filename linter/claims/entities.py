"""Names the pack does not know: another product, company, place or person in a sentence.

A clause that names another model ("das chinesische Modell Vidu erzeugt Clips von zwei Minuten",
"Luma's Dream Machine was released in June") is about that one, not about the pack's subject that the
text was about before; its numbers and dates must not be compared with our facts. The pack lists what
it knows; everything else capitalised is read here, by the shape of the sentence and never by a list
of names (words.yaml holds the function words and the nouns of kinds of things):

* a capitalised word after a noun of a kind of thing is a name of that kind ("Modell Vidu", "the
  start-up Genmo", "Forscher Max Müller");
* a word shaped like a name: a capital inside it ("DreamMachine", "Make-A-Video"), letters and
  digits ("Gen3");
* two or more capitalised words in a row ("Luma Dream Machine", "Washington Post"): in German
  every noun is capitalised, but nouns come one at a time after their article;
* in English any capitalised word inside the sentence (not a nationality, month or acronym of a
  common noun, nor an acronym after "a"/"an" that ends its phrase: "is a GAN.", "an LLM,");
* a single word opening the sentence, right before its verb, with no article and no noun ending
  ("Vidu ist seit Juli verfügbar", "Genmo has released …").

Names after "laut"/"according to", a title or a speech verb are people; otherwise a name is read as a
product unless a kind noun says otherwise. English headings in title case name nothing this way.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..measures_data import MEASURES, SCALES
from ..vocabulary import word_lists, word_set
from .date_words import ABBREVIATIONS, MONTHS, WEEKDAYS
from .numbers import DE_ORDINAL_STEMS, DE_SCALES, DE_WORDS, EN_ORDINALS, EN_WORDS

# a word, hyphens and digits inside it ("Start-up", "Gen-3"); apostrophes end it ("Luma's")
_TOKEN = re.compile(r"[^\W_](?:[\w\u2011-]*\w)?")
_OPENERS = ":\"\u201e\u201c\u201d\u00bb\u00ab\u2018\u2019([*#>|\u2013\u2014"
_LOWER_LAST_PART = re.compile(r"[-\u2011][a-zäöüß]+$")
# shaped like a name: a capital inside a word ("DreamMachine"), letters and digits ("Gen3"), a capital
# letter between hyphens ("Make-A-Video"). None spans a space, so a run of words is searched as one text.
_NAME_SHAPE = re.compile(r"[a-zäöüß][A-ZÄÖÜ]|[^\W\d_]\d|\d[^\W\d_]|\w[-\u2011][A-ZÄÖÜ][-\u2011]\w")


@dataclass(frozen=True, slots=True)
class ForeignName:
    start: int
    end: int
    kind: str          # product | organisation | place | person


@functools.lru_cache(maxsize=None)
def _kind_nouns(lang: str) -> dict[str, str]:
    """{lower-case noun: kind} of words.yaml's name_kinds."""
    return {noun.lower(): kind for kind, by_lang in word_lists().get("name_kinds", {}).items()
            for noun in by_lang.get(lang, ())}


@functools.lru_cache(maxsize=None)
def _no_name(lang: str) -> frozenset:
    """Capitalised words that never make a name: months, weekdays, units and scales ("Milliarden
    Euro"), acronyms of common nouns."""
    words = {w.lower() for w in word_lists().get("not_names", {}).get(lang, ())}
    for table in (MONTHS, WEEKDAYS):
        for names in table.values():
            # not "Jan", "Mar": first names are abbreviations of months too
            words.update(n.lower() for n in names if n.lower() not in ABBREVIATIONS)
    for measure in MEASURES.values():
        for unit in measure["units"].values():
            words.update(w.lower() for w in [*unit.get("words", ()), *unit.get("symbols", ())])
    for scale in SCALES:
        words.update(w.lower().rstrip(".") for w in scale.get(lang, ()))
    # number words open sentences too ("Neun Stockwerke zählt der Turm")
    words.update(DE_WORDS if lang == "de" else EN_WORDS)
    words.update(DE_SCALES if lang == "de" else EN_ORDINALS)
    if lang == "de":
        words.update(stem + ending for stem in DE_ORDINAL_STEMS for ending in ("", "e", "er", "es", "en", "em"))
    return frozenset(words)


@functools.lru_cache(maxsize=None)
def _openers(lang: str) -> frozenset:
    """Words that open a sentence without naming anything: adverbs, prepositions, pronouns, and the
    function words of every other list (determiners, clause openers, hedges …)."""
    words = set(word_set("sentence_openers", lang))
    for name in ("determiners", "clause_openers", "coordinators", "negations", "hedges", "conditionals",
                 "indefinite", "everyone", "copulas", "finite_verbs", "verb_openers", "plan_markers"):
        words |= {w.strip("*") for w in word_set(name, lang)}
    return frozenset(words)


@functools.lru_cache(maxsize=4096)     # the same nouns come back sentence after sentence; bounded: memory stays flat
def _kind_of(word: str, lang: str) -> str | None:
    """The kind a noun names ("Videomodell" -> product), a German compound by its longest last part."""
    nouns = _kind_nouns(lang)
    lowered = word.lower()
    if lang != "de":
        return nouns.get(lowered)
    for start in range(len(lowered) - 3):
        kind = nouns.get(lowered[start:])
        if kind is not None:
            return kind
    return nouns.get(lowered)


def _noun_ending(word: str, lang: str) -> bool:
    return word.lower().endswith(_noun_endings(lang))


@functools.lru_cache(maxsize=None)
def _noun_endings(lang: str) -> tuple[str, ...]:
    """words.yaml's noun_endings, as str.endswith takes them."""
    return tuple(word_set("noun_endings", lang))


def _title_case(tokens: list, capitals: int) -> bool:
    """An English heading in title case: most words capitalised."""
    return len(tokens) >= 3 and capitals * 3 > len(tokens) * 2


def foreign_names(text: str, lang: str, known: list[tuple[int, int]], gated: bool = True) -> list[ForeignName]:
    """The names in `text` that the spans in `known` (the pack's subjects) do not cover. `gated=False`:
    every run judged in full (the reference tests/test_extract_gates.py holds the shortcut to)."""
    if text.islower():
        return []       # not one capital (an upper-case letter is cased and not lower case), in one C call
    tokens = list(_TOKEN.finditer(text))
    capitals = [i for i, token in enumerate(tokens) if text[token.start()].isupper()]
    if not capitals or lang == "en" and _title_case(tokens, len(capitals)):
        return []
    usable_capitals = []
    shaped = set()          # the usable capitals shaped like a name
    for i in capitals:
        usable = _usable(tokens[i].group(), lang)
        if usable:
            start, end = tokens[i].span()
            for a, b in known:
                if a < end and start < b:
                    break       # a name of the pack's
            else:
                usable_capitals.append(i)
                if usable == _SHAPED:
                    shaped.add(i)
    names = []
    openers = _openers(lang)
    for first, last in _runs(text, tokens, usable_capitals):
        start = tokens[first].start()
        initial = not start or _initial(text, start)       # most runs open the text
        if initial and tokens[first].group().lower() in openers:
            first, initial = first + 1, False
            if first > last:
                continue
        if gated and first == last and not initial and lang == "de" \
                and (not first or _kind_of(tokens[first - 1].group(), lang) is None) and first not in shaped:
            continue    # most German runs: one noun inside the sentence, after no noun of a kind (_judge)
        name = _judge(text, tokens, first, last, initial, lang, shaped)
        if name is not None:
            names.append(name)
    return names


_SHAPED = 2     # _usable's answer for a word shaped like a name (_NAME_SHAPE)


@functools.lru_cache(maxsize=4096)     # asked of the same words sentence after sentence; bounded
def _usable(word: str, lang: str) -> int:
    """Whether a capitalised word may be (part of) a name: 0 for a month, unit or other word of _no_name
    and for an adjective made of a name ("Hamburg-based", "KI-generierte"); else 1, or _SHAPED for a
    word shaped like a name, which the German shortcut of foreign_names asks of the same words."""
    if word.lower() in _no_name(lang) or _LOWER_LAST_PART.search(word):
        return 0
    return _SHAPED if _NAME_SHAPE.search(word) else 1


def _runs(text: str, tokens: list, indices: list[int]) -> list[tuple[int, int]]:
    """Consecutive capitalised words joined by single spaces, as (first, last) token indices."""
    runs = []
    for i in indices:
        if runs and runs[-1][1] == i - 1 and text[tokens[i - 1].end():tokens[i].start()] == " ":
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _initial(text: str, start: int) -> bool:
    """The word opens its sentence (or a quotation, a parenthesis, an item after a colon)."""
    before = text[max(0, start - 8):start].rstrip()     # a few characters: a long sentence stays linear
    if before:
        return before[-1] in _OPENERS
    return start < 8 or not text[:start].strip()


def _judge(text: str, tokens: list, first: int, last: int, initial: bool, lang: str, shaped: set) -> ForeignName | None:
    """Whether the run of capitalised words tokens[first..last] is a name, and of what kind; `shaped`: the
    indices of its words shaped like a name (_NAME_SHAPE spans no space: nor does it span two words)."""
    previous = tokens[first - 1].group() if first else ""
    if lang == "en" and first == last and previous.lower() in word_set("indefinite", lang) \
            and tokens[first].group().isupper() and _ends_phrase(text, tokens[first].end()):
        # an acronym after "a"/"an" that ends its noun phrase is a common noun ("is a GAN", "an LLM,");
        # before a noun it may name who made the thing ("a CNN report", "an MIT study")
        return None
    kind = _kind_of(previous, lang) if previous else None
    if kind is None and last > first:
        kind = _kind_of(tokens[first].group(), lang)     # the run opens with it: "Forscher Max Müller"
        first += kind is not None
    elif lang == "de" and kind is not None and not previous[0].isupper():
        kind = None                                      # a German noun of a kind is capitalised
    fronted = lang == "de" and kind is None and last > first and _opens_noun_phrase(text, tokens, first)
    if fronted:
        first += 1                                       # "Die Citybahn Vellmar wurde …": the name after a noun
    start, end = tokens[first].start(), tokens[last].end()
    if fronted:
        return ForeignName(start, end, "product")
    if kind is not None:
        # "Modell Vidu", but not "der Konzern Milliarden", "erzeugt das Modell Clips": a German single
        # word with a noun's ending after the kind noun is its object, unless the noun phrase opens
        # the sentence ("Die Schwebebahn-Linie Wupper wurde …")
        if lang == "de" and first == last and _noun_ending(tokens[first].group(), lang) \
                and not _opens_noun_phrase(text, tokens, first - 1):
            return None
        return ForeignName(start, end, kind)
    if not (not shaped.isdisjoint(range(first, last + 1))
            or last > first and _not_nouns([t.group() for t in tokens[first:last + 1]], lang)
            or lang == "en" and not initial or initial and _opens_before_verb(text, tokens, first, last, lang)):
        return None
    return ForeignName(start, end, _person_or_product(text, tokens, first, last, lang))


def _ends_phrase(text: str, position: int) -> bool:
    """Nothing but punctuation or the end of the text follows."""
    rest = text[position:position + 3].lstrip()
    return not rest or rest[0] in ".,;:!?)\u2013\u2014"


def _opens_noun_phrase(text: str, tokens: list, first: int) -> bool:
    """German: the run follows an article that opens the sentence ("Die Citybahn Vellmar …", "Auch
    die Regiotram Kassel …"); a noun there is followed by its name, not by an object, which comes
    only after the verb ("erzeugt das Modell Clips")."""
    if first < 1 or tokens[first - 1].group().lower() not in word_set("determiners", "de"):
        return False
    article = tokens[first - 1]
    return _initial(text, article.start()) or first >= 2 and _initial(text, tokens[first - 2].start()) \
        and tokens[first - 2].group().lower() in word_set("sentence_openers", "de")


def _not_nouns(words: list[str], lang: str) -> bool:
    """German nouns meet without an article only across phrases ("zwei Minuten Länge"): a run whose
    every word has a noun's ending is not a name ("Washington Post", "Max Müller" are)."""
    return lang != "de" or not all(_noun_ending(w, lang) for w in words)


def _opens_before_verb(text: str, tokens: list, first: int, last: int, lang: str) -> bool:
    """A single word opening the sentence (asked of such a word only) right before a finite verb,
    without an article and without a noun's ending, names something ("Vidu ist seit Juli verfügbar";
    not "Zugang haben nur …")."""
    if first != last or last + 1 >= len(tokens):
        return False
    word = tokens[first].group()
    if _noun_ending(word, lang) or word.isupper():
        return False
    following = tokens[last + 1].group().lower()
    if text[tokens[last].end():tokens[last + 1].start()] != " ":
        return lang == "en" and text[tokens[last].end():tokens[last].end() + 2] in ("'s", "\u2019s")
    return following in word_set("finite_verbs", lang) or following in word_set("speech_verbs", lang)


def _person_or_product(text: str, tokens: list, first: int, last: int, lang: str) -> str:
    """People are named after a title, "laut"/"according to" or beside a speech verb; a name is
    otherwise read as a thing (a product or a company the clause is about)."""
    speech = word_set("speech_verbs", lang)
    before = [t.group().lower() for t in tokens[max(0, first - 3):first]]
    places = word_set("location_prepositions", lang)
    for back, word in enumerate(reversed(before)):
        if word in places:
            between = [t.group() for t in tokens[first - back:first]]
            if all(w[0].islower() or w.lower() in _no_name(lang) for w in between):
                return "place"          # "in the German North Sea", "vor Sylt"
            break
    after = tokens[last + 1].group().lower() if last + 1 < len(tokens) else ""
    if before and (before[-1] in speech or before[-1] in ("laut", "according")
                   or _kind_of(before[-1], lang) == "person"):
        return "person"
    if after in speech or before[-2:] == ["according", "to"]:
        return "person"
    return "product"
