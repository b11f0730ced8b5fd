"""Parts of a status claim beyond its predicate, each read from the clause in plain words: the thing
the predicate is done to ("unterstützt C2PA"), a noun said as lacking ("ohne Freigabe"), who a noun's
act is by ("Freigabe durch OpenAI", "OpenAI's approval"), and the words that place it in time
("noch immer", "still") or state a need ("nötig", "required").

The words are lists of vocabulary/words.yaml; the things are the fact's own plain words.
"""
from __future__ import annotations

import functools
import re

from .predicates import has_word, possessive, word_set

_WORD = re.compile(r"[^\W\d_]+")
# how many words may stand between "ohne"/"gegen" and its noun ("without the company's prior approval")
_NOUN_PHRASE = 4


@functools.lru_cache(maxsize=None)
def words_pattern(words: tuple) -> re.Pattern:
    """Plain words matched at a word start, in any inflected form or compound ending ("C2PA-Metadaten",
    "Klassifizierers"); not inside another word ("Textklassifizierer" is no "Klassifizierer")."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})", re.IGNORECASE)


def find_words(sentence, words: tuple, left: int, right: int) -> list[tuple[int, int]]:
    """The spans of the words in [left, right), without those a negating prefix turns around
    ("nicht-kommerziell", "non-commercial")."""
    prefixes = word_set("negating_prefixes", sentence.lang)
    spans = []
    for match in words_pattern(words).finditer(sentence.text, left, right):
        if sentence.text[match.start() - 1:match.start()] in ("-", "\u2011"):
            before = _WORD.findall(sentence.text[max(left, match.start() - 12):match.start()])
            if before and before[-1].lower() in prefixes:
                continue
        spans.append(match.span())
    return spans


def object_span(sentence, words: tuple, left: int, right: int) -> tuple[int, int] | None:
    """Where the clause names the thing: in the clause itself, or in the indirect question that is its
    object ("offengelegt, mit welchen Videos Sora trainiert wurde")."""
    found = find_words(sentence, words, left, right)
    if found:
        return found[0]
    following = object_clause(sentence, right)
    if following is not None:
        found = find_words(sentence, words, *following)
        if found:
            return found[0]
    return None


def object_clause(sentence, right: int) -> tuple[int, int] | None:
    """The clause after [.., right) when it is an indirect question (its first words ask: "welche",
    "which", "woher", "how")."""
    for start, end in sentence.clauses:
        if start >= right:
            first = [w.lower() for w in _WORD.findall(sentence.text[start:end])[:2]]
            return (start, end) if any(w in word_set("interrogatives", sentence.lang) for w in first) else None
    return None


def _words_before(sentence, left: int, position: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(sentence.text[left:position])][-_NOUN_PHRASE:]


def lacking(sentence, hit, left: int) -> bool:
    """A noun said as lacking: "ohne (vorherige) Freigabe", "without OpenAI's approval"."""
    return hit.pos == "nouns" and any(w in word_set("privatives", sentence.lang)
                                      for w in _words_before(sentence, left, hit.start))


def opposed(sentence, span: tuple[int, int], left: int) -> bool:
    """The thing is named as what someone is against: "gegen C2PA", "against the standard"."""
    return any(w in word_set("opposition", sentence.lang) for w in _words_before(sentence, left, span[0]))


def noun_agent(sentence, hit, right: int) -> str | None:
    """Who a noun's act is by, when the clause says it: a possessor right before it ("OpenAIs
    Freigabe", "OpenAI's approval") or a name after "durch"/"von"/"by"/"from" right after it ("Freigabe
    durch OpenAI"). The subject id, "" for someone the pack does not know, None when no one is said."""
    for mention in sentence.mentions:
        gap = sentence.text[mention.end:hit.start]
        if mention.end <= hit.start and not _WORD.search(gap) and possessive(sentence, mention):
            return mention.subject
    after = list(_WORD.finditer(sentence.text, hit.end, right))[:3]
    if not after or after[0].group().lower() not in word_set("noun_agents", sentence.lang):
        return None
    for mention in sentence.mentions:
        if after[0].end() <= mention.start and (len(after) < 2 or mention.start <= after[-1].start()):
            return mention.subject
    return ""


def still_holds(sentence, left: int, right: int) -> bool:
    """The clause says a state goes on to this day: "noch immer", "bis heute", "still", "remains"."""
    return has_word(sentence, "still", left, right)


def required(sentence, left: int, right: int) -> bool:
    """The clause says something is needed or not: "keine Genehmigung nötig", "did not need approval"."""
    return has_word(sentence, "requirements", left, right)


def not_yet(sentence, left: int, right: int) -> bool:
    """The clause places a denial in time: "noch nicht", "not yet", "bislang": it has not happened so far."""
    return has_word(sentence, "not_yet", left, right)
