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
  object      the thing the predicate is done to, in plain words ("C2PA", "Trainingsdaten"): a claim
              must name it in its clause or in the indirect question after it ("offengelegt, mit
              welchen Videos …"); "gegen C2PA", "against it" says the opposite
  planned     true: the fact is a plan or a work in progress ("plant, C2PA zu unterstützen"): a claim
              that denies it, as a plan or a statement, contradicts it ("will C2PA nicht unterstützen");
              one that places the denial in time does not ("noch nicht")
  ended       predicates whose state held once and has ended (true: all): only a claim that it goes on
              ("noch immer", "bis heute", "still") contradicts the fact
  by          subject ids of who does it: a clause that names only them is about the fact's subject
              when that is the one the text is about ("OpenAI hat die Trainingsdaten offengelegt")
  excluded    with holds: restricted, in plain words, whom or what it is not for ("kommerziell"): a
              claim that it is contradicts the fact, unless the clause states a requirement or a
              restriction ("braucht eine Lizenz", "nur mit Lizenz")
  all_of      with holds: restricted, the groups it holds for together, each a list of words
              ([[öffentlich, public], [lizenziert, licensed]]): a restriction to some of them only
              ("nur mit lizenzierten Daten") contradicts the fact

A claim is a sentence that says the predicate about the subject (in its clause, in any word order),
with its polarity (a negation or an antonym flips it, and so does "ohne"/"without" before its noun)
and modality (a plan, a question, a rumour, a hypothetical). A noun alone names the thing ("die
Genehmigung ist beantragt"); with a date, a need ("keine Genehmigung nötig"), "ohne" or the fact's
object it says the predicate. A claim that asserts the opposite of the fact is a finding.
FAIL (holds: no): "Seit März ist das Modell für alle verfügbar."
PASS (holds: no): "Das Modell ist bislang nicht verfügbar." / "Ob das Modell bald erscheint, ist offen."

The older form, kept as a last resort for statements no predicate describes, lists regular
expressions: `contradicted_by` (by language) and `unless`; `factlint rules check` counts facts that
still use it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..fields import FieldReader
from ..findings import Mismatch
from ..stance import HYPOTHETICAL
from . import claim_parts as parts
from .patterns import pattern_mismatches
from .predicates import clause_is_about, has_word, hits_in, introduces_another, negated_in, possessive, read_predicates, word_set

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
    object: tuple = ()
    planned: bool = False
    ended: tuple = ()
    by: tuple = ()
    excluded: tuple = ()
    all_of: tuple = ()


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a status fact."""
    predicate = read_predicates(reader, "predicate")
    scheduled, planned = _flag(reader, "scheduled"), _flag(reader, "planned")
    holds = reader.choice("holds", HOLDS, default="no") if predicate else "no"
    excluded = tuple(w.lower() for w in reader.strings("excluded"))
    if excluded and holds != "restricted":
        raise reader.fail("excluded", 'needs holds: restricted (whom or what the restriction leaves out)')
    return Expected(reader.text("state"), reader.patterns("contradicted_by", required=not predicate),
                    reader.patterns("unless"), predicate, holds,
                    scheduled, reader.date("since", required=False),
                    tuple(w.lower() for w in reader.strings("restricted_to")),
                    tuple(w.lower() for w in reader.strings("object")), bool(planned),
                    _ended(reader, predicate), reader.strings("by"), excluded, _groups(reader, holds))


def _groups(reader: FieldReader, holds: str) -> tuple:
    """`all_of`: a list of groups, each a list of words."""
    value = reader.raw("all_of", required=False)
    if value is None:
        return ()
    if holds != "restricted":
        raise reader.fail("all_of", "needs holds: restricted (the groups it is restricted to together)")
    if not isinstance(value, list) or len(value) < 2 or not all(
            isinstance(g, list) and g and all(isinstance(w, str) and w.strip() for w in g) for g in value):
        raise reader.fail("all_of", "must be a list of two or more groups, each a list of words")
    return tuple(tuple(w.strip().lower() for w in group) for group in value)


def _flag(reader: FieldReader, key: str) -> bool | None:
    value = reader.raw(key, required=False)
    if value is not None and not isinstance(value, bool):
        raise reader.fail(key, "must be true or false")
    return value


def _ended(reader: FieldReader, predicate: tuple) -> tuple:
    """`ended: true` (every predicate of the fact) or a list of the fact's predicates."""
    value = reader.raw("ended", required=False)
    if value is None or value is False:
        return ()
    if value is True:
        return predicate
    names = reader.strings("ended")
    for name in names:
        if name not in predicate:
            raise reader.fail("ended", f'names "{name}", which is not one of the fact\'s predicates ({", ".join(predicate)})')
    return names


def needs(rule) -> tuple | None:
    """One of the fact's predicates, when it has them (see _predicate_mismatches)."""
    return ("predicates", tuple(sorted(rule.expected.predicate))) if rule.expected.predicate else None


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
    if expected.planned:
        return negative     # "will C2PA nicht unterstützen", "hat sich gegen C2PA entschieden"
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


def _about(rule, sentence, hit, left: int, right: int) -> bool:
    """The clause is about the fact's subject: it says so itself (clause_is_about), or — the subject of
    a German clause fronted before a relative clause ("Ein Werkzeug für Texte, das …, ist bis heute im
    Einsatz") — its fronted part does; a noun's act is the subject's ("ohne Freigabe durch OpenAI");
    the clause names only who does it (`by`); or the indirect question it is about names the subject."""
    subject = rule.scope.subject
    if parts.lacking(sentence, hit, left) or parts.required(sentence, left, right):
        agent = parts.noun_agent(sentence, hit, right)
        if agent:
            return agent == subject and sentence.in_context(rule.scope)
        if agent == "":
            return sentence.refers_to(subject, hit.end, right) and sentence.in_context(rule.scope)
    if clause_is_about(sentence, rule.scope, left, right, hit.start):
        # a thing brought in with "ein"/"a" is the fact's object when it has one ("arbeitet an einem Klassifizierer")
        return bool(rule.expected.object) or not introduces_another(sentence, subject, left, right,
                                                                     rule.expected.predicate)
    fronted = parts.fronted(sentence, left)
    if fronted is not None and clause_is_about(sentence, rule.scope, fronted[0], fronted[1], fronted[1]):
        return True
    if not sentence.in_context(rule.scope):
        return False
    following = parts.object_clause(sentence, left, right)
    if following is not None and any(m.subject == subject and following[0] <= m.start < following[1]
                                     for m in sentence.mentions):
        return True
    return parts.relative_to(sentence, subject, left) or _only_agents_named(rule, sentence, left, right)




def _only_agents_named(rule, sentence, left: int, right: int) -> bool:
    """The clause names only who does it (`by`), and the subject is the one the text is about."""
    by = rule.expected.by
    named = {m.subject for m in sentence.mentions if left <= m.start < right and not possessive(sentence, m)}
    kind = sentence.subject_kind.get(rule.scope.subject, "product")
    return bool(by and named and named <= set(by) and sentence.current.get(kind) == rule.scope.subject)


def _said(expected: Expected, sentence, hit, left: int, right: int, dated: bool, restricted: bool,
          everyone: bool, thing) -> bool:
    """A verb or adjective says the predicate; a noun alone names the thing ("die Genehmigung ist
    beantragt") and says it only with a date, a restriction, a need ("keine Genehmigung nötig"), "ohne"
    or the fact's object."""
    if hit.pos not in ("nouns", "dated"):
        return True
    return dated or (expected.holds == "restricted" and (restricted or everyone)) or (
        hit.pos == "nouns" and (thing is not None or parts.lacking(sentence, hit, left)
                                or parts.required(sentence, left, right)
                                or bool(parts.find_words(sentence, expected.excluded, left, right))))


def _predicate_mismatches(rule, sentence) -> Iterator[Mismatch]:
    expected: Expected = rule.expected
    if sentence.predicate_names.isdisjoint(expected.predicate):
        return
    seen = set()
    for hit in hits_in(sentence, expected.predicate, 0, len(sentence.text)):
        if hit.attributive:
            continue    # "öffentlich verfügbare Daten": the adjective describes the data
        if hit.pos == "verbs" and _used_as_noun(sentence, hit):
            hit = hit._replace(pos="nouns")
        left, right = sentence.clause_span(hit.start, hit.end)
        if (left, right) in seen:
            continue
        # the questions up to `seen.add` are pure: whether the clause is about the subject, the costliest
        # of them, is asked last
        if rule.scope.anti_cues and rule.scope.anti_cues.search(sentence.text[left:right]):
            continue    # the clause is about another thing of the kind ("Text-Klassifizierer")
        thing = None
        if expected.object:
            fronted = parts.fronted(sentence, left)
            thing = parts.object_span(sentence, expected.object, fronted[0] if fronted else left, right)
            if thing is None:
                continue    # "OpenAI unterstützt die Initiative": not the fact's thing
        when, dated = _claim_time(sentence, left, right)
        # who has it is often said before the clause of the predicate ("Anyone can sign up and try it")
        restricted = has_word(sentence, "restrictions", 0, right)
        everyone = has_word(sentence, "everyone", 0, right)
        if not _said(expected, sentence, hit, left, right, dated, restricted, everyone, thing):
            continue
        if not _about(rule, sentence, hit, left, right):
            continue
        seen.add((left, right))
        # what follows only passes claims over (the stance, the costliest question, comes last)
        if has_word(sentence, "conditionals", 0, right):
            continue    # "Wenn OpenAI Sora im Juni veröffentlicht, …": a condition asserts nothing
        if has_word(sentence, "hedges", left, right) or parts.hedged_above(sentence, left):
            continue    # "könnte im Herbst erscheinen", "Denkbar ist, dass …": it may be so
        if expected.holds != "yes" and has_word(sentence, "temporary", left, right):
            continue    # "wurde kurz öffentlich zugänglich": an episode, not the state
        # a plan, or a claim about a time still to come ("pushes full operation into 2026")
        plan = parts.plan_marked(sentence, hit, left, right) or (
            dated and sentence.draft_date is not None and when > sentence.draft_date)
        negative = _negative(sentence, hit, left, right, thing)
        if expected.since is not None and when is not None and when < expected.since:
            continue
        if hit.predicate in expected.ended and not negative and not parts.still_holds(sentence, left, right):
            continue    # "wurde nach dem Start von ChatGPT eingeführt": it held then
        if expected.planned and negative and parts.not_yet(sentence, left, right):
            continue    # "unterstützt C2PA noch nicht": a plan allows it
        if expected.excluded and parts.find_words(sentence, expected.excluded, left, right):
            # "auch kommerziell frei nutzbar", when it is not for commercial use; "nur mit Lizenz" is no claim that it is
            if negative or plan or has_word(sentence, "restrictions", left, right) or parts.required(sentence, left, right):
                continue
        elif expected.restricted_to and has_word(sentence, "restrictions", left, right) and not negative and not plan \
                and not _names_group(expected, sentence.text[left:right]):
            pass    # restricted, but to another group than the fact's: a contradiction
        elif expected.all_of and not negative and not plan and has_word(sentence, "restrictions", left, right):
            if not _some_groups_only(expected, sentence, left, right):
                continue    # "nur mit öffentlich verfügbaren und lizenzierten Daten"
        elif not _contradicts(expected, negative, restricted, everyone, plan, dated,
                              _first_time(sentence, left, right)):
            continue
        stance = sentence.stance(hit.start, hit.end)
        if stance.doubted or stance.reason == HYPOTHETICAL and not plan:
            continue    # a rumour, a correction; an imagined case
        start, end = _claim_span(sentence, left, right)
        quoted = stance.quoted_by is not None
        yield Mismatch(start, end, "", expected.state, max_severity=stance.max_severity if quoted else
                       type(stance.max_severity).ERROR, note=stance.note if quoted else "")


def _negative(sentence, hit, left: int, right: int, thing) -> bool:
    """The claim's polarity: an antonym, a negation in the clause, "ohne" before its noun and "gegen"
    before its object each turn it around."""
    negative = hit.negated != bool(negated_in(sentence, left, right))
    if parts.lacking(sentence, hit, left):
        negative = not negative     # "ohne Freigabe veröffentlicht"; "kein Video ohne Freigabe"
    if thing is not None and parts.opposed(sentence, thing, left):
        negative = not negative     # "hat sich gegen C2PA entschieden"
    return negative


def _some_groups_only(expected: Expected, sentence, left: int, right: int) -> bool:
    """The restricted clause names some of the groups of `all_of`, not all ("nur lizenzierte Daten"); a
    list joined by "und"/"and" runs on into the next piece ("only on public and licensed data")."""
    right = parts.coordinated_end(sentence, right)
    named = [bool(parts.find_words(sentence, group, left, right)) for group in expected.all_of]
    return any(named) and not all(named)










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
