"""Shared by the facts written as subject + predicate + value: reading `predicate:` and asking a
sentence whether, where and how it says a predicate (claims/predicates.py finds the words).
"""
from __future__ import annotations

import contextvars
import difflib
import re

from ..stance import negations
from ..vocabulary import predicate_definitions, word_set

_WORD = re.compile(r"[^\W\d_]+")


# the predicates the pack being loaded defines itself (set by rulebook.load_pack while it reads the facts)
pack_predicates: contextvars.ContextVar[frozenset] = contextvars.ContextVar("pack_predicates", default=frozenset())


def definitions(sentence) -> dict:
    """The predicates in force for a sentence: the shared vocabulary with the pack's additions."""
    lexicon = sentence.lexicon
    return getattr(lexicon, "definitions", None) or predicate_definitions()


def read_predicates(reader, key: str, required: bool = False) -> tuple[str, ...]:
    """`predicate: announce` or a list of them; each must be a predicate of the shared vocabulary or of
    the pack."""
    raw = reader.raw(key, required=required)
    if raw is None:
        return ()
    names = [raw] if isinstance(raw, str) else raw
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise reader.fail(key, "must be a predicate name or a list of them")
    known = set(predicate_definitions()) | pack_predicates.get()
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, list(known), n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            raise reader.fail(key, f'names unknown predicate "{name}"{hint}; the predicates are listed in '
                                   "docs/rule-format.md")
    return tuple(names)


def hits_in(sentence, predicates: tuple, left: int, right: int) -> list:
    """The sentence's hits of any of `predicates` inside [left, right)."""
    return [h for h in sentence.predicates if h.predicate in predicates and left <= h.start < right]


def said_in(sentence, predicates: tuple, left: int, right: int) -> bool:
    """Whether the span says one of the predicates (not by an antonym), by its own words or by the
    predicates the vocabulary says it is made of ("together": begin + build = start of construction)."""
    if any(not h.negated for h in hits_in(sentence, predicates, left, right)):
        return True
    known = definitions(sentence)
    return any(all(said_in(sentence, (part,), left, right) for part in group)
               for name in predicates for group in known.get(name, {}).get("together") or ())


def has_word(sentence, list_name: str, left: int, right: int) -> bool:
    """Whether [left, right) holds a word or phrase of the words.yaml list `list_name`."""
    spans = sentence.listed(list_name)
    # most sentences hold no word of most lists: no generator for them
    return bool(spans) and any(left <= start and end <= right for start, end in spans)


def introduces_another(sentence, subject: str, left: int, right: int, predicates: tuple = ()) -> bool:
    """The clause brings in a new, unnamed thing ("präsentierte Meta ein Videomodell") and does not name
    the subject: its predicate is about that thing, not about the subject current before."""
    # an event is what its context is about, whoever the clause names (a leak "set up" by a group),
    # unless the clause brings in another such event ("floated an end-of-2024 launch")
    if sentence.subject_kind.get(subject) == "event" and sentence.contexts:
        return _indefinite_event(sentence, predicates, left, right)
    # an event is also spoken of through the thing it happened to ("den Videogenerator" for the leak)
    if any(sentence.refers_to(s, left, right) for s in (subject, sentence.event_of.get(subject)) if s):
        return False
    # and — unless the predicate brings in new things ("präsentierte ein Videomodell") — names someone
    # else who did it: an unnamed thing alone ("ein Kabel beschädigt") is part of the claim
    known = definitions(sentence)
    introduces = any(known.get(p, {}).get("introduces") for p in predicates)
    if not introduces and not any(m.subject != subject and left <= m.start < right for m in sentence.mentions):
        return False
    indefinite = word_set("indefinite", sentence.lang)
    if any(m.foreign and m.kind != "place" and left <= m.start < right for m in sentence.mentions):
        # a company the pack does not know and "its model": its own, not ours ("Die Firma Synthesia
        # stellte ihr Modell im Januar vor")
        indefinite = indefinite | word_set("possessive_determiners", sentence.lang)
    tokens = list(_WORD.finditer(sentence.text, left, right))
    for index, word in enumerate(tokens):
        if word.group().lower() in indefinite and word.group()[0].islower():
            # English: any noun phrase; German: a noun (capitalised) within the next words
            following = tokens[index + 1:index + 4]
            if following and (sentence.lang == "en" or any(t.group()[0].isupper() for t in following)):
                return True
    return False


def _indefinite_event(sentence, predicates: tuple, left: int, right: int) -> bool:
    """An indefinite noun phrase in the clause whose noun says one of the predicates ("an end-of-2024
    launch"): the clause is about another event of that kind."""
    indefinite = word_set("indefinite", sentence.lang)
    tokens = list(_WORD.finditer(sentence.text, left, right))
    nouns = [h for h in hits_in(sentence, predicates, left, right) if h.pos == "nouns"]
    for index, word in enumerate(tokens):
        if word.group().lower() in indefinite and word.group()[0].islower():
            window_end = tokens[min(index + 6, len(tokens) - 1)].end()
            if any(word.end() < h.start < window_end for h in nouns):
                return True
    return False


def possessive(sentence, mention) -> bool:
    """A name as the owner of something else ("Sora's rivals", "Soras Konkurrenten", "Beispielvideos
    seines Videomodells Sora"): not the one the clause is about."""
    return sentence.answer(_possessive, mention.start, mention.end)


def _possessive(sentence, start: int, end: int) -> bool:
    name = sentence.text[start:end]
    if name.endswith(("'s", "\u2019s", "'", "\u2019")) or sentence.text.startswith(("'s", "\u2019s"), end):
        return True
    after = sentence.text[end:end + 3].lstrip()
    if sentence.lang == "de" and name.endswith("s") and after[:1].isupper():
        return True
    # the two words before the name (only those are lowered)
    before = _WORD.findall(sentence.text[max(0, start - 40):start])[-2:]
    return not word_set("genitive_determiners", sentence.lang).isdisjoint(w.lower() for w in before)


def _named(sentence, left: int, right: int) -> set:
    """The subjects a span names as what it is about (not as owners of something else)."""
    return {m.subject for m in sentence.mentions if left <= m.start < right and not possessive(sentence, m)
            and m.kind in ("product", "organisation", "person", "event")}


def _coordinated(sentence, left: int) -> bool:
    """The clause joins the one before with "und"/"and"/"oder"/"or" and may share its subject."""
    before = sentence.text[max(0, left - 6):left].split()
    return bool(before) and before[-1].lower() in word_set("coordinators", sentence.lang)


def clause_is_about(sentence, scope, left: int, right: int, at: int) -> bool:
    """Whether the clause [left, right) is about the fact's subject: it names the subject (not as the
    owner of something else: "Sora's rivals"), or refers back to it ("das Modell"), or — naming no one
    and having no subject of its own before the predicate at `at` ("Marktstart: 15. Juni") — the
    subject is the one the text is about. A clause joined by "und"/"and" may share the subject of the
    clause before it ("… ist berüchtigt und wurde zu spät eingeführt")."""
    if not sentence.in_context(scope):
        return False
    spans = [(left, right)] + ([(0, left)] if _coordinated(sentence, left) else [])
    for a, b in spans:
        named = _named(sentence, a, b)
        if scope.subject in named:
            return True
        if named:
            return False
        if sentence.refers_to(scope.subject, a, b) and not any(m.subject == scope.subject for m in sentence.mentions
                                                               if a <= m.start < b):
            return True
        if has_word(sentence, "determiners", a, min(b, at)) or any(a <= m.start < b for m in sentence.mentions):
            return False
    kind = sentence.subject_kind.get(scope.subject, "product")
    return sentence.current.get(kind) == scope.subject


def negated_in(sentence, left: int, right: int) -> bool:
    """Whether the clause denies what it says ("nicht", "kein", "not", "never", "n't")."""
    return sentence.answer(_negated_in, left, right)


def _negated_in(sentence, left: int, right: int) -> bool:
    return negations(sentence.lang).search(sentence.text[left:right])
