"""Who does what in a clause: the doer of a predicate (after "von"/"by", before the verb, after a finite
verb, or the subject of a relative clause), whether the clause is passive, whether the fact's subject is
itself said to do what is done to it (roles reversed), and where the one it is done to stands (after
the preposition a predicate's verb comes with). Shared by the facts that say who does something.
"""
from __future__ import annotations

import functools
import re

from ..claims.clauses import ends_piece
from ..claims.organisations import unknown_mentions
from .predicates import definitions, possessive, word_set

_WORD = re.compile(r"[^\W\d_]+")
_HYPHENATED = re.compile(r"[^\W\d_][\w-]*")


def done_to_slot(sentence, hit, left: int, right: int) -> tuple[int, int] | None:
    """Where the one it is done to stands: the noun phrase after the preposition the predicate's verb
    comes with ("fahren … über", "drive over"), up to its noun."""
    word = sentence.text[hit.start:hit.end].lower()
    prepositions = {c for f in sentence.lexicon.forms(sentence.lang, word) if f.predicate == hit.predicate
                    for c in f.companions[:1]}
    words = list(_WORD.finditer(sentence.text, left, right))
    for index, match in enumerate(words):
        if match.group().lower() not in prepositions:
            continue
        determiners = word_set("determiners", sentence.lang)
        phrase = [w for w in words[index + 1:index + 5]]
        while phrase and phrase[0].group().lower() in determiners:
            phrase = phrase[1:]
        if sentence.lang == "de":
            # a German noun phrase ends with its noun, the first capitalised word
            nouns = [i for i, w in enumerate(phrase) if w.group()[0].isupper()]
            phrase = phrase[:nouns[0] + 1] if nouns else []
        if phrase:
            return phrase[0].start(), phrase[-1].end()
    return None


def agents(sentence, hit, left: int, right: int) -> list:
    """The organisations or people the clause says do what the predicate says: after "von"/"by" ("von der
    Deichnetz Übertragung GmbH betrieben"), right before the predicate ("Korvendal Energie betreibt"),
    right after a finite verb ("hat Deichnetz verlegt"), or — for predicates whose value follows their
    words (member_of) — named after them."""
    text = sentence.text
    linked = []
    value_after = definitions(sentence).get(hit.predicate, {}).get("value_after")
    # names the pack does not know count as agents only when organisations.py reads them as organisations
    known = [m for m in sentence.mentions if not m.foreign]
    for mention in sorted(known + unknown_mentions(sentence), key=lambda m: m.start):
        if not (left <= mention.start < right) or mention.kind not in ("organisation", "person", "product") \
                or possessive(sentence, mention) or _likened(sentence, left, mention.start):
            continue
        before = [w.lower() for w in _WORD.findall(text[left:mention.start])]
        between = _WORD.findall(text[mention.end:hit.start]) if mention.end <= hit.start else None
        after_von = after_agent_preposition(sentence, left, mention.start)
        if after_von and _finite_after(sentence, hit, mention):
            continue                    # "Die Aufnahmen von Vantor zeigen": von belongs to the noun before it
        if after_von:
            linked.append(mention)
        elif len(before) == 1 and before[0] in word_set("relative_pronouns", sentence.lang) and mention.end <= hit.start:
            linked.append(mention)      # "…, das Vantor im Mai vorgestellt hat": the relative clause's subject
        elif between is not None and len(between) <= 1:
            linked.append(mention)
        elif before and before[-1] in word_set("finite_verbs", sentence.lang) and mention.start < hit.start:
            linked.append(mention)
        elif between and _fronted_subject(sentence, before, between[0]):
            linked.append(mention)      # "Google hat Sora im Februar entwickelt": the subject before the verb
        elif sentence.lang == "de" and hit.pos == "verbs" and hit.end <= mention.start \
                and len(_WORD.findall(text[hit.end:mention.start])) <= 1 and not _doer_first(sentence, left, hit):
            linked.append(mention)      # "Die Turbinen liefert Halvardsen Wind": the subject after the verb
        elif value_after and mention.start > hit.start:
            linked.append(mention)
    return linked


def _likened(sentence, left: int, start: int) -> bool:
    """The name follows "wie"/"like" (determiners between): what the doer is likened to, not the doer."""
    words = [w.lower() for w in _WORD.findall(sentence.text[left:start])[-3:]]
    while words and words[-1] in word_set("determiners", sentence.lang):
        words = words[:-1]
    return bool(words) and words[-1] in word_set("likeness_particles", sentence.lang)


def after_agent_preposition(sentence, left: int, start: int) -> bool:
    """The name follows "von"/"by", with determiners and a noun for organisations between ("von der Firma
    Runway", "by the start-up Pika")."""
    skip = _agent_skipped(sentence.lang)
    words = [w.lower() for w in _HYPHENATED.findall(sentence.text[left:start])[-4:]]
    while words and words[-1] in skip:
        words = words[:-1]
    return bool(words) and words[-1] in word_set("agent_prepositions", sentence.lang)


@functools.lru_cache(maxsize=None)
def _agent_skipped(lang: str) -> frozenset:
    """The words between "von"/"by" and the name: determiners and nouns for organisations."""
    return word_set("determiners", lang) | word_set("organisation_nouns", lang)


def _doer_first(sentence, left: int, hit) -> bool:
    """An organisation or person opens the German clause before its verb ("Aerolux verklagt Vantor"): it is
    the subject, and a name after the verb is the object (with a thing first, the order may be the other:
    "Die Turbinen liefert Halvardsen Wind")."""
    for mention in sentence.mentions:
        if left <= mention.start < hit.start and mention.kind in ("organisation", "person"):
            before = [w.lower() for w in _WORD.findall(sentence.text[left:mention.start])]
            return all(w in word_set("determiners", sentence.lang) for w in before)
    return False


def _finite_after(sentence, hit, mention) -> bool:
    """A German finite verb right after "von X" ("Die Aufnahmen von Vantor zeigen"): "von" belongs to the
    noun before it; a passive's agent comes before a participle at the clause's end ("von X entwickelt")."""
    return sentence.lang == "de" and hit.pos == "verbs" and mention.end <= hit.start \
        and not _WORD.findall(sentence.text[mention.end:hit.start]) and not ends_piece(sentence.text, hit.end)


def _fronted_subject(sentence, before: list, next_word: str) -> bool:
    """A name that opens a German clause (after determiners at most), an auxiliary right after it, and the
    verb at the end ("Google hat Sora im Februar entwickelt")."""
    determiners = word_set("determiners", sentence.lang)
    return sentence.lang == "de" and all(w in determiners for w in before) \
        and next_word.lower() in word_set("auxiliaries", sentence.lang)


def roles_reversed(sentence, hit, left: int, right: int, subject: str, by: tuple) -> tuple[int, int] | None:
    """The fact's subject does to one of `by` what `by` does to it ("OpenAI verklagt die New York Times",
    "OpenAI sued the NYT", for the New York Times suing OpenAI): the span of the subject as the doer.
    Only organisations and people can swap roles; another party of the subject's own ("OpenAI verklagt
    Elon Musk") is another claim, not a contradiction."""
    if hit.pos != "verbs" or sentence.subject_kind.get(subject) not in ("organisation", "person") or \
            definitions(sentence).get(hit.predicate, {}).get("value_after"):
        return None
    if sentence.lang == "de" and hit.start > 0 and sentence.text[hit.start].isupper():
        return None                                   # "eine Klage": a German noun, not the verb "klagen"
    named = [m for m in sentence.mentions if left <= m.start < right and not possessive(sentence, m)]
    if not any(m.subject in by for m in named):
        return None
    is_passive = passive(sentence, hit, left, right)
    for mention in (m for m in named if m.subject == subject):
        after_von = after_agent_preposition(sentence, left, mention.start)
        if after_von and is_passive:
            return mention.start, mention.end         # "Die NYT wird von OpenAI verklagt"
        before = [w.lower() for w in _WORD.findall(sentence.text[left:mention.start])]
        between = _WORD.findall(sentence.text[mention.end:hit.start]) if mention.end <= hit.start else None
        if is_passive or after_von or between is None or not all(w in word_set("determiners", sentence.lang) for w in before):
            continue
        if not between or between[0].lower() in word_set("auxiliaries", sentence.lang):
            return mention.start, mention.end         # "OpenAI verklagt die NYT", "OpenAI has sued the NYT"
    return None


def passive(sentence, hit, left: int, right: int) -> bool:
    """The clause is passive: a form of "werden" and a participle ("wird … verklagt"), or a form of "be"
    right before an English participle ("was sued")."""
    words = [w.lower() for w in _WORD.findall(sentence.text[left:right])]
    verb = sentence.text[hit.start:hit.end].lower()
    if sentence.lang == "de":
        return any(w in word_set("passive_auxiliaries", "de") for w in words) and not verb.endswith("en")
    before = _WORD.findall(sentence.text[left:hit.start])
    return bool(before) and before[-1].lower() in word_set("passive_auxiliaries", "en") and not verb.endswith("ing")
