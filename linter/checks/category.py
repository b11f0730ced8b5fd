"""Categorical facts: who did something to the subject (developed, operates, built, makes it), or which
of several alternatives holds (the damaged cable was the inter-array one, not the export cable).

Fields (`expected`), the plain-words model:
  predicate   what is said: predicates of the shared vocabulary ("develop", "operate", "build")
  by          the subject ids of who does it: another organisation or person named as doing it in the
              clause is a contradiction ("Sora wurde von Google entwickelt")
  wrong       alternatives in plain words that contradict the value when the clause says the
              predicate ("Exportkabel" for a damaged inter-array cable); matched by word start, so
              inflected forms count
  value       the value in words, shown in the finding
Without a predicate (what something is, which colour it has: checks/alternatives.py): `wrong` (the
alternatives), `among` (a class of words.yaml: colours) and `right` (the words that say the value, whose
denial contradicts it), read in clauses about the subject and, with cues, about the thing named by a cue.

The older form lists regular expressions (`contradicted_by` by language, and `unless`): the last resort
for values no predicate describes; `factlint rules check` counts facts that use it.
FAIL (by: openai): "Sora wurde von Google entwickelt."
PASS (by: openai): "Entwickelt hat Sora das Unternehmen OpenAI."
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..fields import FieldReader
from ..findings import Mismatch
from .alternatives import read_alternatives, value_mismatches
from .patterns import pattern_mismatches
from .predicates import definitions, hits_in, negated_in, possessive, read_predicates, word_set

KIND = "category"
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Expected:
    value: str
    contradicted_by: dict
    unless: dict
    predicate: tuple = ()
    by: tuple = ()
    wrong: tuple = ()
    among: str = ""
    right: dict = None


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a categorical fact."""
    predicate = read_predicates(reader, "predicate")
    by, wrong = reader.strings("by"), reader.strings("wrong")
    if predicate and not (by or wrong):
        raise reader.fail("predicate", "needs `by` (who does it) or `wrong` (the alternatives that contradict the value)")
    if predicate:
        return Expected(reader.text("value"), reader.patterns("contradicted_by"), reader.patterns("unless"),
                        predicate, by, tuple(tuple(w.lower() for w in _WORD.findall(item)) for item in wrong))
    alternatives, among, right = read_alternatives(reader)
    plain = bool(alternatives or among or right)
    if plain and reader.has("contradicted_by"):
        raise reader.fail("contradicted_by", "cannot stand beside wrong, among or right: say the alternatives "
                                             "in plain words or in patterns, not both")
    return Expected(reader.text("value"), reader.patterns("contradicted_by", required=not plain),
                    reader.patterns("unless"), wrong=alternatives, among=among, right=right)


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each asserted claim that contradicts the fact."""
    if rule.expected.predicate:
        return _predicate_mismatches(rule, sentence)
    if rule.expected.wrong or rule.expected.right:
        return value_mismatches(rule, sentence)
    return pattern_mismatches(rule, sentence, rule.expected.value)


def _about(sentence, scope, left: int, right: int) -> bool:
    """The clause is about the subject: names it (not as an owner), refers to it, or it is current and
    the clause names no other product."""
    if not sentence.in_context(scope):
        return False
    named = [m for m in sentence.mentions if left <= m.start < right and not possessive(sentence, m)]
    if any(m.subject == scope.subject for m in named):
        return True
    if sentence.refers_to(scope.subject, left, right):
        return True
    kind = sentence.subject_kind.get(scope.subject, "product")
    if kind == "event" and scope.context:
        # an event is what its context is about, unless the clause names another product
        of = sentence.event_of.get(scope.subject)
        return not any(m.kind == "product" and m.subject != of for m in named)
    if any(m.kind == kind for m in named):
        return False
    return sentence.current.get(kind) == scope.subject


def _wrong_alternative(expected: Expected, sentence, left: int, right: int) -> tuple[int, int] | None:
    """The span of a listed wrong alternative in the clause (by word start: "Exportkabels")."""
    words = list(_WORD.finditer(sentence.text, left, right))
    lowered = [w.group().lower() for w in words]
    for alternative in expected.wrong:
        n = len(alternative)
        for i in range(len(words) - n + 1):
            # a whole word, not the end of a compound ("west of" inside "north-west of")
            if sentence.text[words[i].start() - 1:words[i].start()] in ("-", "\u2011"):
                continue
            if all(lowered[i + k].startswith(alternative[k]) for k in range(n)):
                return words[i].start(), words[i + n - 1].end()
    return None


def _agents(sentence, hit, left: int, right: int) -> list:
    """The organisations or people the clause says do what the predicate says: after "von"/"by" ("von der
    Deichnetz Übertragung GmbH betrieben"), right before the predicate ("Korvendal Energie betreibt"),
    right after a finite verb ("hat Deichnetz verlegt"), or — for predicates whose value follows their
    words (member_of) — named after them."""
    text = sentence.text
    linked = []
    value_after = definitions(sentence).get(hit.predicate, {}).get("value_after")
    for mention in sentence.mentions:
        if not (left <= mention.start < right) or mention.kind not in ("organisation", "person", "product") \
                or possessive(sentence, mention):
            continue
        before = [w.lower() for w in _WORD.findall(text[left:mention.start])]
        between = _WORD.findall(text[mention.end:hit.start]) if mention.end <= hit.start else None
        if before and (before[-1] in word_set("agent_prepositions", sentence.lang)
                       or len(before) > 1 and before[-2] in word_set("agent_prepositions", sentence.lang)
                       and before[-1] in word_set("determiners", sentence.lang)):
            linked.append(mention)
        elif between is not None and len(between) <= 1:
            linked.append(mention)
        elif before and before[-1] in word_set("finite_verbs", sentence.lang) and mention.start < hit.start:
            linked.append(mention)
        elif sentence.lang == "de" and hit.end <= mention.start and len(_WORD.findall(text[hit.end:mention.start])) <= 1:
            linked.append(mention)      # "Die Turbinen liefert Halvardsen Wind": the subject after the verb
        elif value_after and mention.start > hit.start:
            linked.append(mention)
    return linked


def _predicate_mismatches(rule, sentence) -> Iterator[Mismatch]:
    expected: Expected = rule.expected
    seen = set()
    for hit in hits_in(sentence, expected.predicate, 0, len(sentence.text)):
        if hit.negated:
            continue
        left, right = sentence.clause_span(hit.start, hit.end)
        if (left, right) in seen or not _about(sentence, rule.scope, left, right):
            continue
        seen.add((left, right))
        if negated_in(sentence, left, right):
            continue
        # the clause (and, in a table, its row) is about the fact's part, not another ("das Exportkabel")
        if rule.scope.requires and not rule.scope.requires.search(sentence.text[left:right] + " " + sentence.row):
            continue
        if rule.scope.anti_cues and rule.scope.anti_cues.search(sentence.text[left:right] + " " + sentence.row):
            continue
        spans = []
        if expected.by:
            agents = [m for m in _agents(sentence, hit, left, right) if m.subject != rule.scope.subject]
            wrong = [m for m in agents if m.subject not in expected.by]
            if wrong:
                spans.append((wrong[0].start, wrong[0].end))
        if expected.wrong:
            wrong = _wrong_alternative(expected, sentence, left, right)
            if wrong is not None:
                spans.append(wrong)
        for start, end in spans[:1]:
            stance = sentence.stance(start, end)
            if stance.reason in ("question", "reported", "hypothetical"):
                continue
            yield Mismatch(start, end, "", expected.value, max_severity=stance.max_severity, note=stance.note)
