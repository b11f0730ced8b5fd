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
    if not words:
        return []
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
    """Where the clause names the thing as what the predicate is done to: in the clause itself, or in
    the indirect question that is its object ("offengelegt, mit welchen Videos Sora trainiert wurde";
    "Woher die Trainingsdaten stammen, verrät OpenAI nicht"). A thing after "über"/"about" is the
    topic of something else ("ein Bericht über die Trainingsdaten")."""
    spans = [(left, right)] + [span for span in (object_clause(sentence, left, right),) if span]
    for a, b in spans:
        for found in find_words(sentence, words, a, b):
            if not any(w in word_set("topic_prepositions", sentence.lang) for w in _words_before(sentence, a, found[0])[-2:]):
                return found
    return None


def object_clause(sentence, left: int, right: int) -> tuple[int, int] | None:
    """The clause right after [left, right), or right before it, when it is an indirect question (its
    first words ask: "welche", "which", "woher", "how")."""
    clauses = sentence.clauses
    index = next((i for i, (a, b) in enumerate(clauses) if a <= left < b), None)
    if index is None:
        return None
    for neighbour in (index + 1, index - 1):
        if 0 <= neighbour < len(clauses):
            start, end = clauses[neighbour]
            first = [w.lower() for w in _WORD.findall(sentence.text[start:end])[:2]]
            if any(w in word_set("interrogatives", sentence.lang) for w in first):
                return start, end
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

def fronted(sentence, left: int) -> tuple[int, int] | None:
    """The sentence's first clause, when it has no verb and this clause begins with its finite verb:
    a phrase fronted before a relative clause ("Auf C2PA, das …, will OpenAI verzichten")."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", sentence.text[left:])[:1]]
    if left == 0 or not words:
        return None
    verbs = word_set("finite_verbs", sentence.lang) | word_set("plan_markers", sentence.lang)
    start, end = sentence.clauses[0]
    if words[0] not in verbs or end > left:
        return None
    if any(w.lower() in verbs for w in re.findall(r"[^\W\d_]+", sentence.text[start:end])):
        return None
    return None if any(h.pos == "verbs" and start <= h.start < end for h in sentence.predicates) else (start, end)


def relative_to(sentence, subject: str, left: int) -> bool:
    """A relative clause ("…, das sich auch kommerziell einsetzen lässt"; "…, which is") is about the
    name right before it."""
    opener = re.match(r"[\s,]*([^\W\d_]+)", sentence.text[left:])
    if left == 0 or opener is None or opener.group(1) not in word_set("relative_pronouns", sentence.lang):
        return False
    before = [m for m in sentence.mentions if m.end <= left]
    if not before:
        return False
    between = re.findall(r"[^\W\d_]+", sentence.text[before[-1].end:left])
    return before[-1].subject == subject and len(between) <= 1


def hedged_above(sentence, left: int) -> bool:
    """A "dass"/"that" clause governed by a hedge before it ("Denkbar ist, dass Sora … angeboten wird")."""
    before = [w.lower() for w in re.findall(r"[^\W\d_]+", sentence.text[max(0, left - 8):left])][-1:]
    return bool(before) and before[0] in word_set("complementizers", sentence.lang) and \
        has_word(sentence, "hedges", 0, left)


def coordinated_end(sentence, right: int) -> int:
    """The end of the clauses joined to the one ending at `right` by "und"/"and"/"oder"/"or"."""
    for start, end in sentence.clauses:
        if start >= right and sentence.text[right:start].strip().lower() in word_set("coordinators", sentence.lang):
            right = end
    return right


def plan_marked(sentence, hit, left: int, right: int) -> bool:
    """The clause has a word of plan or future ("will", "soll", "plant"); German "wird"/"werden" beside a
    participle ("darf genutzt werden", "wird eröffnet") is the passive, not the future."""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", sentence.text[left:right])}
    markers = words & word_set("plan_markers", sentence.lang)
    if not markers and not has_word(sentence, "plan_markers", left, right):
        return False
    passive = hit.pos == "verbs" and participle(sentence.text[hit.start:hit.end])
    return not (passive and markers and markers <= word_set("passive_auxiliaries", sentence.lang))


def participle(word: str) -> bool:
    """A German past participle: "genutzt", "eingesetzt", "veröffentlicht", "freigegeben" (an infinitive
    such as "veröffentlichen" is not)."""
    word = word.lower()
    return word.endswith("t") or ("ge" in word[:-3] and word.endswith("en"))
