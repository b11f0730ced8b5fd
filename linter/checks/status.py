"""Status facts: whether a predicate holds for the subject — released or not, in operation or not,
approved or not, open to everyone or only to a few.

Fields (`expected`), the plain-words model:
  predicate   one or more predicates of the shared vocabulary ("release", "in_operation", "approve")
  holds       yes | no | restricted — the predicate holds; does not hold; holds only for a restricted
              group ("nur Red Teamer", "only selected testers")
  scheduled   false: no date has been set for it either (a plan with a date contradicts the fact)
  since       the day from which the state holds (claims about earlier times are not compared)
  restricted_to  with holds: restricted, who has it, in plain words ("Red Teamer", "artists"): a
              restriction to anyone else ("nur Mitarbeiter") contradicts the fact
  state       the state in words, shown in the finding

A claim is a sentence that says the predicate about the subject (in its clause, in any word order),
with its polarity (a negation or an antonym flips it) and modality (a plan, a question, a rumour,
a hypothetical). A claim that asserts the opposite of the fact is a finding.
FAIL (holds: no): "Seit März ist das Modell für alle verfügbar."
PASS (holds: no): "Das Modell ist bislang nicht verfügbar." / "Ob das Modell bald erscheint, ist offen."

The older form, kept as a last resort for statements no predicate describes, lists regular
expressions: `contradicted_by` (by language) and `unless`; `factlint rules check` counts facts that
still use it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator

from ..fields import FieldReader
from ..findings import Mismatch
from .patterns import pattern_mismatches
from .predicates import clause_is_about, has_word, hits_in, introduces_another, negated_in, read_predicates, word_set

KIND = "status"
HOLDS = ("yes", "no", "restricted")


@dataclass(frozen=True, slots=True)
class Expected:
    state: str
    contradicted_by: dict
    unless: dict
    predicate: tuple = ()
    holds: str = "no"
    scheduled: bool | None = None
    since: object = None
    restricted_to: tuple = ()


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a status fact."""
    predicate = read_predicates(reader, "predicate")
    scheduled = reader.raw("scheduled", required=False)
    if scheduled is not None and not isinstance(scheduled, bool):
        raise reader.fail("scheduled", "must be true or false")
    return Expected(reader.text("state"), reader.patterns("contradicted_by", required=not predicate),
                    reader.patterns("unless"), predicate,
                    reader.choice("holds", HOLDS, default="no") if predicate else "no",
                    scheduled, reader.date("since", required=False),
                    tuple(w.lower() for w in reader.strings("restricted_to")))


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each asserted claim that contradicts the fact."""
    if rule.expected.predicate:
        return _predicate_mismatches(rule, sentence)
    return pattern_mismatches(rule, sentence, rule.expected.state)


def _claim_time(sentence, left: int, right: int):
    """When the clause speaks of: the earliest day its dates cover ("seit dieser Woche" includes today),
    else the draft's date."""
    dates = [d for d in sentence.dates() if left <= d.start < right]
    return min(d.first for d in dates) if dates else sentence.draft_date, bool(dates)


def _names_group(expected: Expected, clause: str) -> bool:
    """Whether the clause names one of the groups the fact restricts the predicate to (by word start,
    so inflected forms count: "Künstlern", "Filmemacherinnen")."""
    words = clause.lower().replace("-", " ").split()
    text = " ".join(words)
    return any((" " + group.replace("-", " ")) in (" " + text) for group in expected.restricted_to)


def _contradicts(expected: Expected, negative: bool, restricted: bool, everyone: bool, plan: bool,
                 dated: bool, first_time: bool = False) -> bool:
    if expected.holds == "yes":
        # "soll noch in diesem Jahr ersten Strom liefern" when it already has
        return (negative and not plan) or (plan and first_time and not negative)
    if negative:
        return False
    if plan:
        # a plan contradicts "not released" only where the fact says no date is set and the plan names one
        return expected.scheduled is False and dated and not restricted
    if expected.holds == "restricted":
        return everyone and not restricted
    return not restricted


def _predicate_mismatches(rule, sentence) -> Iterator[Mismatch]:
    expected: Expected = rule.expected
    seen = set()
    for hit in hits_in(sentence, expected.predicate, 0, len(sentence.text)):
        if hit.attributive:
            continue    # "öffentlich verfügbare Daten": the adjective describes the data
        if hit.pos == "verbs" and _used_as_noun(sentence, hit):
            hit = replace(hit, pos="nouns")
        left, right = sentence.clause_span(hit.start, hit.end)
        if (left, right) in seen or not clause_is_about(sentence, rule.scope, left, right, hit.start):
            continue
        if introduces_another(sentence, rule.scope.subject, left, right, expected.predicate):
            continue
        when, dated = _claim_time(sentence, left, right)
        # who has it is often said before the clause of the predicate ("Anyone can sign up and try it")
        restricted = has_word(sentence, "restrictions", 0, right)
        everyone = has_word(sentence, "everyone", 0, right)
        if hit.pos in ("nouns", "dated") and not (dated or (expected.holds == "restricted" and (restricted or everyone))):
            continue    # "die Genehmigung ist beantragt": a noun alone names the thing; with a date it is an event
        seen.add((left, right))
        stance = sentence.stance(hit.start, hit.end)
        if stance.reason in ("question", "reported"):
            continue
        # a plan, or a claim about a time still to come ("pushes full operation into 2026")
        if has_word(sentence, "conditionals", 0, right):
            continue    # "Wenn OpenAI Sora im Juni veröffentlicht, …": a condition asserts nothing
        if has_word(sentence, "hedges", left, right):
            continue    # "könnte im Herbst erscheinen": it may be so
        if expected.holds != "yes" and has_word(sentence, "temporary", left, right):
            continue    # "wurde kurz öffentlich zugänglich": an episode, not the state
        plan = has_word(sentence, "plan_markers", left, right) or (
            dated and sentence.draft_date is not None and when > sentence.draft_date)
        if stance.reason == "hypothetical" and not plan:
            continue
        negative = hit.negated != bool(negated_in(sentence, left, right))
        if expected.since is not None and when is not None and when < expected.since:
            continue
        if expected.restricted_to and has_word(sentence, "restrictions", left, right) and not negative and not plan \
                and not _names_group(expected, sentence.text[left:right]):
            pass    # restricted, but to another group than the fact's: a contradiction
        elif not _contradicts(expected, negative, restricted, everyone, plan, dated,
                              _first_time(sentence, left, right)):
            continue
        start, end = _claim_span(sentence, left, right)
        quoted = stance.quoted_by is not None
        yield Mismatch(start, end, "", expected.state, max_severity=stance.max_severity if quoted else
                       type(stance.max_severity).ERROR, note=stance.note if quoted else "")


def _first_time(sentence, left: int, right: int) -> bool:
    """The clause says something happens for the first time ("erstmals", "its first power"), not an
    ordinal of a period ("im ersten Quartal")."""
    words = re.findall(r"[^\W\d_]+", sentence.text[left:right])
    firsts, periods = word_set("first_time", sentence.lang), word_set("period_nouns", sentence.lang)
    return any(w.lower() in firsts and not (i + 1 < len(words) and words[i + 1].lower() in periods)
               for i, w in enumerate(words))


def _used_as_noun(sentence, hit) -> bool:
    """An English word that is both verb and noun ("launch timing") is a verb only after a word that
    asks for one ("will launch", "to launch", "can ship")."""
    if not any(h.pos == "nouns" and (h.start, h.end) == (hit.start, hit.end) for h in sentence.predicates):
        return False
    before = sentence.text[:hit.start].split()
    return not before or before[-1].lower() not in word_set("verb_openers", sentence.lang)


def _claim_span(sentence, left: int, right: int) -> tuple[int, int]:
    """The clause without the white space and punctuation around it."""
    text = sentence.text
    while left < right and not text[left].isalnum():
        left += 1
    while right > left and not text[right - 1].isalnum():
        right -= 1
    return left, right
