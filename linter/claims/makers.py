"""Who made a product, said without a verb — the commonest way articles say it.

A maker phrase ties an organisation (a subject of the pack, or a name that says it is one:
claims/organisations.py) to a product's mention in one of three ways (word lists in
vocabulary/words.yaml):

  owner     the maker's genitive before the product, with only adjectives and product nouns between:
            "Googles Sora", "Google's Sora", "Metas neues Videomodell Sora", "Google's new video model
            Sora", and as an apposition after it: "Sora, Googles Videomodell, …"
  compound  the maker as the first part of a product noun right before the product: "das Google-Modell
            Sora", "Google-KI Sora", "the Google video model Sora"
  origin    the product, an optional apposition ending in a product noun, von/from/by and the maker:
            "Sora von Google", "Sora, der neue Videogenerator von Meta", "Gen-2, the model from Pika"

Not maker phrases: a product as the first part of a compound ("Sora-Konkurrent von Google", "Sora-Clips
von Shy Kids"), an owner of another noun ("Googles Antwort auf Sora", "Sora, Googles Konkurrent"), a
product after von ("ein Video von Sora"), a maker that owns another noun ("Sora von Googles Rivalen"), and
a maker phrase that names another product ("Veo, Googles Sora"; "Veo gilt als Googles Sora"). Organisations
and products (a company's product line is often its name: "Runways Gen-2") can be makers; people cannot
(a chief executive presenting a product does not say who made it).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..vocabulary import word_lists, word_set
from .organisations import unknown_mentions

MAKER_KINDS = ("organisation", "product")
_TOKEN = re.compile(r"[^\W\d_][\w\u2011'’-]*")
_GENITIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)(?=\s)")
_APPOSITION = re.compile(r"[^,;:.!?()\u2013\u2014]*")       # up to the end of an apposition
_NOT_IN_OWNER_PHRASE = re.compile(r"[^\w\s\u2011'’-]")     # between "Googles" and "Sora": words only
_NOT_IN_COMPOUND = re.compile(r"[^\w\s\u2011-]")


@dataclass(frozen=True, slots=True)
class Maker:
    """An organisation (`subject` "" when the pack does not know it) named as a product's maker."""

    product: str            # the product's subject id
    product_start: int
    start: int              # the maker's span
    end: int
    subject: str
    way: str                # owner | compound | origin


@functools.lru_cache(maxsize=None)
def _product_nouns(lang: str) -> tuple:
    """Product nouns as word tuples, longest first ("video model" before "model")."""
    nouns = {tuple(w.lower().split()) for w in word_lists()["product_nouns"].get(lang, ())}
    return tuple(sorted(nouns, key=len, reverse=True))


def _words(text: str, start: int, end: int) -> list:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _ends_with_product_noun(words: list, lang: str) -> bool:
    lowered = tuple(w.lower() for w, _, _ in words)
    nouns, lengths = _product_noun_set(lang)
    return any(lowered[-length:] in nouns for length in lengths if length <= len(lowered)) or \
        bool(lowered) and _compound_product_noun(lowered[-1], lang)


@functools.lru_cache(maxsize=None)
def _product_noun_set(lang: str) -> tuple[frozenset, tuple[int, ...]]:
    """The product nouns as one set and their lengths in words: the last words of a phrase are looked
    up once for each length, not compared with every noun."""
    nouns = _product_nouns(lang)
    return frozenset(nouns), tuple(sorted({len(noun) for noun in nouns}))


def _compound_product_noun(word: str, lang: str) -> bool:
    """A German compound whose last part names a product ("Text-zu-Video-Modell", "Vorzeigedrohne"); the
    part before it is a word of its own (three letters or more)."""
    if lang != "de":
        return False
    last = word.rsplit("-", 1)[-1]
    if "-" in word and (last,) in _product_nouns(lang):
        return True
    return any(word[cut:] in _single_product_nouns(lang) for cut in range(3, len(word) - 2))


@functools.lru_cache(maxsize=None)
def _single_product_nouns(lang: str) -> frozenset:
    return frozenset(noun[0] for noun in _product_nouns(lang) if len(noun) == 1 and len(noun[0]) >= 4)


def _modifiers_ok(words: list, lang: str) -> bool:
    """Words between a maker and the product: adjectives, then a product noun last (or nothing)."""
    if not words:
        return True
    if len(words) > 4 or not _ends_with_product_noun(words, lang):
        return False
    nouns = {w for noun in _product_nouns(lang) for w in noun}
    adjectives = word_set("maker_adjectives", lang)
    closed = word_set("determiners", lang) | word_set("negations", lang) | word_set("coordinators", lang)
    for word, _, _ in words:
        lowered = word.lower()
        if lowered in nouns or _compound_product_noun(lowered, lang):
            continue
        if lang == "de" and word[0].islower() and lowered not in closed:
            continue                # a German lower-case word before a noun is an adjective
        if lowered in adjectives:
            continue
        return False
    return True


def _names(sentence) -> list:
    """The sentence's products and organisations: the pack's, and unknown organisations."""
    known = [m for m in sentence.mentions if not m.foreign]
    return sorted(known + unknown_mentions(sentence), key=lambda n: n.start)


def _compound_head(text: str, name) -> bool:
    """The name is glued by a hyphen to the word after it ("Sora-Konkurrent", "Google-Modell")."""
    return text[name.end:name.end + 1] in ("-", "\u2011") and text[name.end + 1:name.end + 2].isalpha()


_OPEN_COMPOUND = re.compile(r" ([a-z]+) ")
_HEAD = re.compile(r"[-\u2011]([^\W\d_][\w-]*)")


def rival_compound(sentence, name) -> bool:
    """The name is the first part of a compound that names another thing: "Sora-Konkurrent", "Sora
    rival", "Sora-Alternative" (words.yaml `rival_nouns`)."""
    return sentence.answer(_rival_compound, name.end)


def _rival_compound(sentence, end: int) -> bool:
    match = _HEAD.match(sentence.text, end) or (sentence.lang == "en" and _OPEN_COMPOUND.match(sentence.text, end))
    if not match:
        return False
    head = match.group(1).lower()
    if sentence.lang == "de":
        return head.startswith(_rival_starts(sentence.lang))    # a German compound: "Sora-Konkurrenten"
    return head in word_set("rival_nouns", sentence.lang)


@functools.lru_cache(maxsize=None)
def _rival_starts(lang: str) -> tuple[str, ...]:
    return tuple(sorted(word_set("rival_nouns", lang)))


def modifier(sentence, name) -> bool:
    """The name is the first part of a compound, not what the phrase is about: "Sora-Konkurrent",
    "Sora-Clips", "Sora rival"."""
    return _compound_head(sentence.text, name) or rival_compound(sentence, name)


def _genitive_end(text: str, name, lang: str) -> int | None:
    """Where a name's genitive ends ("Googles", "Google's", "Reuters'"), or None if it is none."""
    written = text[name.start:name.end]
    if written.endswith(("'s", "’s")):
        return name.end
    match = _GENITIVE.match(text, name.end)
    if match:
        return match.end()
    # a German genitive the pack lists as a name ("Googles", "Metas"): a name ending in s before a word
    if lang == "de" and written.endswith("s") and len(written) > 3 and text[name.end:name.end + 1] == " ":
        return name.end
    return None


def _in_apposition_to_another(text: str, names: list, maker, product, lang: str) -> bool:
    """The phrase describes another product ("Veo, Googles Sora"; "Veo gilt als Googles Sora")."""
    before = text[:maker.start].rstrip()
    words = before.split()
    if before.endswith((",", "\u2013", "\u2014")) or words and words[-1].lower() in word_set("copulas", lang):
        others = [n for n in names if n.end <= maker.start and n.kind == "product" and n.subject != product.subject]
        return bool(others)
    return False


def find_makers(sentence) -> list[Maker]:
    """Every maker phrase of the sentence (see the module's docstring). Read once per sentence: every
    fact about a maker asks."""
    cached = getattr(sentence, "_makers", None)
    if cached is None:
        cached = sentence._makers = _find_makers(sentence)
    return cached


def _find_makers(sentence) -> list[Maker]:
    text, lang = sentence.text, sentence.lang
    names = _names(sentence)
    products = [n for n in names if n.kind == "product" and n.subject and not modifier(sentence, n)]
    makers = [n for n in names if n.kind in MAKER_KINDS]
    found: list[Maker] = []
    for product in products:
        for maker in makers:
            if maker.subject and maker.subject == product.subject:
                continue
            way = _owner(text, maker, product, lang) or _compound(text, maker, product, lang) or \
                _origin(text, maker, product, lang)
            if way and not _in_apposition_to_another(text, names, maker, product, lang):
                found.append(Maker(product.subject, product.start, maker.start, maker.end, maker.subject, way))
    return found


def _owner(text: str, maker, product, lang: str) -> str | None:
    """ "Googles (neues Videomodell) Sora"; "Sora, Googles Videomodell" """
    end = _genitive_end(text, maker, lang)
    if end is None or _compound_head(text, maker):
        return None
    if maker.start >= product.end:
        # an apposition after the product: "Sora, Googles Videomodell," — the noun ends the phrase
        if text[product.end:maker.start].strip() not in (",", "\u2013", "\u2014", "("):
            return None
        match = _APPOSITION.match(text[end:])
        words = _words(text, end, end + match.end())
        return "owner" if words and _modifiers_ok(words, lang) else None
    if maker.end > product.start:
        return None
    between = text[end:product.start]
    if _NOT_IN_OWNER_PHRASE.search(between):
        return None
    return "owner" if _modifiers_ok(_words(text, end, product.start), lang) else None


def _compound(text: str, maker, product, lang: str) -> str | None:
    """ "das Google-Modell Sora", "the Google video model Sora" """
    if maker.end > product.start or _genitive_end(text, maker, lang) is not None:
        return None
    between = text[maker.end:product.start]
    if _NOT_IN_COMPOUND.search(between):
        return None
    if _compound_head(text, maker):
        words = _words(text, maker.end + 1, product.start)
        if len(words) != 1:
            return None
        head = words[0][0].lower()
        nouns = _product_nouns(lang)
        return "compound" if (head,) in nouns or _compound_product_noun(head, lang) else None
    if lang != "en" or not between.startswith(" "):
        return None
    words = _words(text, maker.end, product.start)
    return "compound" if words and _modifiers_ok(words, lang) else None


def _origin(text: str, maker, product, lang: str) -> str | None:
    """ "Sora von Google", "Sora, ein Modell von Meta", "Gen-2, the model from Pika" """
    if maker.start < product.end or _compound_head(text, maker) or _genitive_end(text, maker, lang) is not None:
        return None
    before = _words(text, max(0, product.start - 12), product.start)
    if before and before[-1][0].lower() in word_set("maker_prepositions", lang) | word_set("affiliation_prepositions", lang):
        return None         # "ein Video von Sora von Shy Kids", "a test of Sora from The Verge": not Sora's origin
    words = _words(text, product.end, maker.start)
    if not words or words[-1][0].lower() not in word_set("maker_prepositions", lang):
        # "von der Firma Runway", "from the start-up Pika"
        if len(words) < 2 or words[-2][0].lower() not in word_set("maker_prepositions", lang):
            return None
        if words[-1][0].lower() not in word_set("determiners", lang):
            return None
        words = words[:-1]
    gap = text[product.end:words[-1][1]]
    apposition = words[:-1]
    if not apposition:
        if gap.strip():
            return None
        # "moved to Sora from Runway": in English a direct "from" tells an origin only of an organisation
        return "origin" if lang == "de" or maker.kind == "organisation" else None
    if not gap.startswith(","):
        return None
    if apposition[0][0].lower() in word_set("determiners", lang):
        apposition = apposition[1:]
    return "origin" if apposition and _modifiers_ok(apposition, lang) else None
