"""Status facts: whether a predicate holds for the subject — released or not, in operation or not,
approved or not, open to everyone or only to a few.

Fields (`expected`), the plain-words model:
  predicate   one or more predicates of the shared vocabulary ("release", "in_operation", "approve")
  holds       yes | no | restricted — the predicate holds; does not hold; holds only for a restricted
              group ("nur Red Teamer", "only selected testers")
  scheduled   false: no date has been set for it either (a plan with a date contradicts the fact)
  since       the day from which the state holds (claims about earlier times are not compared)
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

from dataclasses import dataclass
from typing import Iterator

from ..fields import FieldReader
from ..findings import Mismatch
from .patterns import pattern_mismatches
from .predicates import has_word, hits_in, introduces_another, negated_in, read_predicates

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


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a status fact."""
    predicate = read_predicates(reader, "predicate")
    scheduled = reader.raw("scheduled", required=False)
    if scheduled is not None and not isinstance(scheduled, bool):
        raise reader.fail("scheduled", "must be true or false")
    return Expected(reader.text("state"), reader.patterns("contradicted_by", required=not predicate),
                    reader.patterns("unless"), predicate,
                    reader.choice("holds", HOLDS, default="no") if predicate else "no",
                    scheduled, reader.date("since", required=False))


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each asserted claim that contradicts the fact."""
    if rule.expected.predicate:
        return _predicate_mismatches(rule, sentence)
    return pattern_mismatches(rule, sentence, rule.expected.state)


def _claim_time(sentence, left: int, right: int):
    """When the clause speaks of: its latest date, else the draft's date."""
    dates = [d for d in sentence.dates() if left <= d.start < right]
    return max(d.last for d in dates) if dates else sentence.draft_date, bool(dates)


def _contradicts(expected: Expected, negative: bool, restricted: bool, everyone: bool, plan: bool,
                 dated: bool) -> bool:
    if expected.holds == "yes":
        return negative and not plan
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
        left, right = sentence.clause_span(hit.start, hit.end)
        if (left, right) in seen or not sentence.in_scope(rule.scope, hit.start, hit.end):
            continue
        if introduces_another(sentence, rule.scope.subject, left, right):
            continue
        when, dated = _claim_time(sentence, left, right)
        if hit.pos == "nouns" and not dated:
            continue    # "die Genehmigung ist beantragt": a noun alone names the thing; with a date it is an event
        seen.add((left, right))
        stance = sentence.stance(hit.start, hit.end)
        if stance.reason in ("question", "reported"):
            continue
        # a plan, or a claim about a time still to come ("pushes full operation into 2026")
        plan = has_word(sentence, "plan_markers", left, right) or (
            dated and sentence.draft_date is not None and when > sentence.draft_date)
        if stance.reason == "hypothetical" and not plan:
            continue
        negative = hit.negated != bool(negated_in(sentence, left, right))
        if expected.since is not None and when is not None and when < expected.since:
            continue
        if not _contradicts(expected, negative, has_word(sentence, "restrictions", left, right),
                            has_word(sentence, "everyone", left, right), plan, dated):
            continue
        start, end = _claim_span(sentence, left, right)
        quoted = stance.quoted_by is not None
        yield Mismatch(start, end, "", expected.state, max_severity=stance.max_severity if quoted else
                       type(stance.max_severity).ERROR, note=stance.note if quoted else "")


def _claim_span(sentence, left: int, right: int) -> tuple[int, int]:
    """The clause without the white space and punctuation around it."""
    text = sentence.text
    while left < right and not text[left].isalnum():
        left += 1
    while right > left and not text[right - 1].isalnum():
        right -= 1
    return left, right
