"""Counted nouns: what a number counts ("48 Videos", "50 demo videos") and the nouns a duration qualifies."""
from __future__ import annotations

import math
import re

from linter.claims import numbers as lex
from linter.claims.bounds import Hit
from linter.claims.numbers import ordinal, parse_number
from linter.claims.tokens import TokenView
from linter.vocabulary import word_set

_LANG_FORMS = frozenset({"lange", "langen", "langer", "langes", "langem"})  # "zehn Sekunden lange Videos"
_HEAD_REACH = 12    # tokens between "die Zahl der Welpen" and the number it is given


def count(view: TokenView, i: int, j: int, value: float) -> Hit | None:
    """ "48 Videos", "48 von KI-produzierte Videos", "50 demo videos", "100 Millionen Menschen", and a
    number the clause gives a count of ("Die Zahl der Welpen schwankt zwischen zwei und fünf")."""
    if designated(view, i):
        return None
    noun = noun_after(view, j)
    if noun:
        return Hit(i, noun[1], "count", value, "", noun[0])
    counted = counted_before(view, i)
    return Hit(i, j, "count", value, "", counted) if counted else None


def ordinal_count(view: TokenView, i: int) -> Hit | None:
    """ "eine fünfte Pfote", "a sixth leg": an indefinite article, an ordinal and a noun say there are
    at least that many."""
    if view.low(i) not in lex.ARTICLES[view.lang] or view.kind(i + 1) != "word" or not view.spaced(i, i + 1):
        return None
    number = ordinal(view.texts[i + 1], view.lang)
    if not number:
        return None
    noun = noun_after(view, i + 2) if view.lang == "de" else _singular_after(view, i + 2)
    return Hit(i, noun[1], "count", number, "", noun[0], "min", number, math.inf) if noun else None


def _singular_after(view: TokenView, k: int) -> tuple[str, int] | None:
    """An English noun in the singular at k, or after one adjective ("a fifth paw", "a sixth hind leg")."""
    for m in (k, k + 1):
        if view.kind(m) != "word" or not view.spaced(m - 1, m) or view.low(m) in lex.EN_STOP:
            return None
        if parse_number(view.low(m), "en") is not None or view.low(m) in lex.UNIT_WORDS["en"]:
            return None
        if not _is_adjective(view.low(m)):
            return view.texts[m], m + 1
    return None


def counted_before(view: TokenView, i: int) -> str:
    """The noun of "die Zahl der spielenden Welpen", "the number of wolf pups" shortly before token i
    (the heads are words.yaml's `count_heads`), or ""."""
    heads = word_set("count_heads", view.lang)
    for h in range(i - 1, max(-1, i - _HEAD_REACH), -1):
        if view.low(h) in (".", ";", ":", "?", "!"):
            return ""
        if view.low(h) in heads and view.low(h + 1) in word_set("genitive_links", view.lang):
            return _head_noun(view, h + 2, i)
    return ""


def _head_noun(view: TokenView, k: int, end: int) -> str:
    """The counted noun from token k on (before `end`): German the first capitalised word after
    adjectives, English the words up to the first plural ("wolf pups")."""
    first = k
    for m in range(k, min(end, k + 4)):
        if view.kind(m) != "word":
            return ""
        text = view.texts[m]
        if view.lang == "de" and text[0].isupper():
            return text
        if view.lang == "en" and _is_count_noun(text.lower(), text, "en"):
            return view.span_text(first, m + 1) if view.low(first) not in lex.EN_STOP else text
    return ""


def designated(view: TokenView, i: int) -> bool:
    """The number names a model, part or date ("Sora 2", "DALL·E 3", "Teil 2", "December 9").

    Only digits do: "von Sora zwei Dutzend Videos" counts videos."""
    if not view.texts[i][:1].isdigit():
        return False
    if view.kind(i - 1) != "word" or not view.spaced(i - 1, i):
        return False
    return view.lows[i - 1] in lex.DESIGNATORS or view.texts[i - 1].isupper()


def noun_after(view: TokenView, j: int) -> tuple[str, int] | None:
    """The counted noun within a few words after j, and the index after it."""
    between: list[int] = []
    k, needs_adjective = j, False
    for _ in range(5):
        if view.kind(k) != "word" or not view.spaced(k - 1, k):
            return None
        first, last = view.chunk(k)
        text, head = view.span_text(first, last).lower(), view.texts[last - 1]
        if not needs_adjective and _is_count_noun(text, head, view.lang):
            return _noun_text(view, between, first, last), last
        after_object = _object_end(view, last) if text in lex.DE_PREPOSITIONS and view.lang == "de" else None
        if after_object is not None:
            # "50 mit Sora erzeugte Videos": the capitalised object belongs to a participle still to come.
            needs_adjective, last = True, after_object
        elif _is_filler(text, head, view.lang):
            needs_adjective = False
        else:
            return None
        between.append(first)
        k = last
    return None


def _object_end(view: TokenView, k: int) -> int | None:
    """After a German preposition at k-1: the index after its object (k itself if an adjective follows)."""
    if view.kind(k) != "word" or not view.spaced(k - 1, k):
        return None
    first, last = view.chunk(k)
    text = view.span_text(first, last).lower()
    if parse_number(text, "de") is not None:
        return None  # "drei von zehn Nutzern" counts the ten
    return k if _is_filler(text, view.texts[last - 1], view.lang) else last


def _is_count_noun(text: str, head: str, lang: str) -> bool:
    """German nouns are capitalised; English counted nouns are plural."""
    lower = head.lower()
    if {text, lower} & lex.NOT_COUNT_NOUNS or lower in lex.UNIT_WORDS[lang] or not head.isalpha():
        return False
    if lang == "de":
        return head[0].isupper()
    plural = len(lower) > 2 and lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
    return text not in lex.EN_STOP and (plural or lower in lex.EN_IRREGULAR_PLURALS)


def _is_filler(text: str, head: str, lang: str) -> bool:
    """A word that may stand between number and noun: adjectives, participles, "solcher"."""
    if parse_number(text, lang) is not None or head.lower() in lex.UNIT_WORDS[lang]:
        return False
    if lang == "en":
        return text not in lex.EN_STOP and text not in lex.NOT_COUNT_NOUNS
    adjective = head[0].islower() and re.search(r"(?:e|en|er|es|em)$", head) is not None
    return text in lex.DE_FILLERS or adjective and text not in lex.DE_STOP


def _noun_text(view: TokenView, between: list[int], first: int, last: int) -> str:
    """The noun as written; English keeps noun modifiers ("demo videos") but drops adjectives."""
    if view.lang == "de":
        return view.span_text(first, last)
    kept = [k for k in between if not _is_adjective(view.low(view.chunk(k)[1] - 1))]
    return view.span_text(kept[0] if kept else first, last)


def _is_adjective(word: str) -> bool:
    """An English word that qualifies the noun rather than naming it."""
    return word in lex.EN_ADJECTIVES or word.endswith(lex.EN_ADJECTIVE_ENDINGS)


def next_noun(view: TokenView, k: int) -> str:
    """The word a compound quantity qualifies ("einminütige Clips", "ten-second clips"), if any."""
    if view.kind(k) != "word" or not view.spaced(k - 1, k):
        return ""
    first, last = view.chunk(k)
    text, head = view.span_text(first, last), view.texts[last - 1]
    if view.lang == "de":
        return text if head[0].isupper() and head.lower() not in lex.NOT_COUNT_NOUNS else ""
    return text if text.lower() not in lex.EN_STOP and parse_number(text, "en") is None else ""


def long_noun(view: TokenView, k: int) -> str:
    """ "zehn Sekunden lange Videos" qualifies "Videos"."""
    if view.lang == "de" and view.low(k) in _LANG_FORMS and view.spaced(k - 1, k):
        return next_noun(view, k + 1)
    return ""
