"""Categorical facts: who did something to the subject (developed, operates, built, makes it), or which
of several alternatives holds (the damaged cable was the inter-array one, not the export cable).

Fields (`expected`), the plain-words model:
  predicate   what is said: predicates of the shared vocabulary ("develop", "operate", "build")
  by          the subject ids of who does it: another organisation or person named as doing it in the
              clause is a contradiction ("Sora wurde von Google entwickelt")
              (also said without a verb by a maker phrase: claims/makers.py; reversed roles count too:
              "OpenAI verklagt die New York Times"; who does what in a clause: checks/agents.py)
  doer        who does it in plain words ("Bus"): named where the one it is done to stands ("ein Auto
              fährt über einen Bus") it is a contradiction
  wrong       alternatives in plain words that contradict the value when the clause says the
              predicate ("Exportkabel" for a damaged inter-array cable), or lists by predicate; matched
              as checks/alternatives.py matches them, inflected ("Exportkabels"), but a compound that
              starts with one names another thing ("Kirschblütenallee")
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

import itertools
import re
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from ..claims.makers import find_makers, rival_compound
from ..fields import FieldReader
from ..findings import Mismatch
from .agents import after_agent_preposition, agents, done_to_slot, roles_reversed
from .alternatives import first_alternative, phrases, read_alternatives, value_mismatches
from .patterns import pattern_mismatches
from .predicates import definitions, hits_in, introduces_another, negated_in, possessive, read_predicates, word_set

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
    doer: "Listed" = None
    wrong_by: dict = None       # predicate -> Listed: alternatives that contradict only what it says


@dataclass(frozen=True)
class Listed:
    """Words in plain words matched as checks/alternatives.py matches a fact's alternatives (its shape)."""

    wrong: tuple
    among: str = ""
    right: dict = field(default_factory=dict)


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a categorical fact."""
    predicate = read_predicates(reader, "predicate")
    if predicate:
        by, doer = reader.strings("by"), reader.strings("doer")
        wrong_by = _wrong_by_predicate(reader, predicate)
        alternatives, among, right = ((), "", {}) if wrong_by else read_alternatives(reader)
        if right:
            raise reader.fail("right", "is for facts without a predicate (the predicate says the value)")
        if not (by or alternatives or among or wrong_by or doer):
            raise reader.fail("predicate", "needs `by` (who does it), `doer` (who does it, in plain words) or "
                                           "`wrong` (the alternatives that contradict the value)")
        return Expected(reader.text("value"), reader.patterns("contradicted_by"), reader.patterns("unless"),
                        predicate, by, alternatives, among, {}, Listed(phrases(doer)) if doer else None, wrong_by)
    alternatives, among, right = read_alternatives(reader)
    plain = bool(alternatives or among or right)
    if plain and reader.has("contradicted_by"):
        raise reader.fail("contradicted_by", "cannot stand beside wrong, among or right: say the alternatives "
                                             "in plain words or in patterns, not both")
    return Expected(reader.text("value"), reader.patterns("contradicted_by", required=not plain),
                    reader.patterns("unless"), wrong=alternatives, among=among, right=right)


def _wrong_by_predicate(reader: FieldReader, predicates: tuple) -> dict | None:
    """`wrong` as lists by predicate ({rise: [Kirschblüten], fall: [seitwärts]}); None for a plain list."""
    raw = reader.raw("wrong", required=False)
    if not isinstance(raw, dict):
        return None
    for name in raw:
        if name not in predicates:
            raise reader.fail("wrong", f'names predicate "{name}", which is not among the fact\'s predicates '
                                       f'({", ".join(predicates) or "none"})')
    return {name: Listed(phrases([items] if isinstance(items, str) else [str(i) for i in items]))
            for name, items in raw.items()}


def needs(rule) -> tuple | None:
    """One of the fact's predicates, when it has them and no maker can be named without one ("Googles
    Sora": _maker_mismatches)."""
    expected = rule.expected
    if not expected.predicate:
        return None
    said = ("predicates", tuple(sorted(expected.predicate)))
    # whether a predicate names makers can be the pack's word: with `by`, a maker beside the name will do
    return ("any", said, ("named", rule.scope.subject)) if expected.by else said


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
    mentions = [m for m in sentence.mentions if left <= m.start < right and not rival_compound(sentence, m)]
    named = [m for m in mentions if not possessive(sentence, m)]
    if any(m.subject == scope.subject for m in named):
        return True
    if _relative_clause_of(sentence, scope.subject, left):
        return True
    # named only in "Sora-Konkurrent", "Sora rival": the clause is about another thing
    rival_only = not any(m.subject == scope.subject for m in mentions)
    if sentence.refers_to(scope.subject, left, right) and not (rival_only and any(
            m.subject == scope.subject and left <= m.start < right for m in sentence.mentions)):
        return True
    kind = sentence.subject_kind.get(scope.subject, "product")
    if kind == "event" and scope.context:
        # an event is what its context is about, unless the clause names another product the pack
        # knows; a name it does not know is more likely what the claim says of the event ("über Discord")
        of = sentence.event_of.get(scope.subject)
        return not any(m.kind == "product" and m.subject != of and not m.foreign for m in named)
    # a name the pack does not know after "von"/"by" is who did it, not what the clause is about
    if any(m.kind == kind and not (m.foreign and after_agent_preposition(sentence, left, m.start)) for m in named):
        return False
    return sentence.current.get(kind) == scope.subject


def _alternative_in(listed: Listed, sentence, left: int, right: int) -> tuple[int, int] | None:
    """The first of the listed words in [left, right), inflected ("Exportkabels"): with a predicate they
    name things, and a compound that begins with one names another ("Kirschblütenallee", "Busbahnhof")."""
    span = first_alternative(listed, sentence, left, right)
    if span is None:
        return None
    if listed.among:
        return span                     # a class's words come with their endings only
    found = [w.lower() for w in _WORD.findall(sentence.text[span[0]:span[1]])]
    for phrase in listed.wrong:
        said = [w.lower() for w, _ in phrase]
        if len(said) == len(found) and all(f.startswith(w) and len(f) - len(w) <= 3 for f, w in zip(found, said)):
            return span
    return None


def _doer_done_to(doer: Listed, sentence, hit, left: int, right: int) -> tuple[int, int] | None:
    """The one who does it (`doer`, in plain words) named where the predicate puts the one it is done to:
    after its preposition ("ein Auto fährt über einen Bus", "a car drives over a bus" for a bus driving over
    a car). The span of that word, or None."""
    slot = done_to_slot(sentence, hit, left, right)
    return None if slot is None else _alternative_in(doer, sentence, *slot)


def _relative_clause_of(sentence, subject: str, left: int) -> bool:
    """The clause is a relative clause of the subject named right before it ("Sora, das Google vorgestellt
    hat"; "Sora, which Meta unveiled")."""
    first = _WORD.search(sentence.text, left)
    if first is None or first.group() not in word_set("relative_pronouns", sentence.lang):
        return False
    before = sentence.text[:first.start()].rstrip()
    if not before.endswith(","):
        return False
    end = len(before[:-1].rstrip())
    return any(m.subject == subject and m.end == end for m in sentence.mentions)


def _predicate_mismatches(rule, sentence) -> Iterable[Mismatch]:
    # most facts offered a sentence fail one of the two tests: they are asked here, before a generator
    # is built for each (tens of thousands of facts offered, one generator each, cost some 1 % of a run)
    verbs = not sentence.predicate_names.isdisjoint(rule.expected.predicate)
    makers = _may_name_maker(rule, sentence)
    if verbs and makers:
        return itertools.chain(_verb_mismatches(rule, sentence), _maker_mismatches(rule, sentence))
    return _verb_mismatches(rule, sentence) if verbs else _maker_mismatches(rule, sentence) if makers else ()


def _may_name_maker(rule, sentence) -> bool:
    """A maker can be named without a verb ("Googles Sora"): one of the fact's predicates names makers
    and the sentence names the product itself, in the fact's context."""
    return bool(rule.expected.by) and any(definitions(sentence).get(p, {}).get("maker") for p in rule.expected.predicate) \
        and sentence.in_context(rule.scope) and any(m.subject == rule.scope.subject for m in sentence.mentions)


def _maker_mismatches(rule, sentence) -> Iterator[Mismatch]:
    """Another maker named without a verb: "Googles Sora", "das Google-Modell Sora", "Sora von Google"
    (claims/makers.py), in an asserted clause (when _may_name_maker)."""
    for maker in find_makers(sentence):
        if maker.product != rule.scope.subject or maker.subject in rule.expected.by:
            continue
        left, right = sentence.clause_span(min(maker.start, maker.product_start), max(maker.start, maker.product_start))
        if negated_in(sentence, left, right) or negated_in(sentence, *sentence.clause_span(maker.start, maker.end)):
            continue
        stance = sentence.stance(maker.start, maker.end)
        if stance.says_nothing:
            continue
        yield Mismatch(maker.start, maker.end, "", rule.expected.value, max_severity=stance.max_severity,
                       note=stance.note)


def _verb_mismatches(rule, sentence) -> Iterator[Mismatch]:
    """Clauses whose verb says one of the fact's predicates of the subject wrongly (when the sentence
    says one of them: _predicate_mismatches)."""
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
        # a company the pack does not know with "ihr Modell", "a new model": its own, not the subject
        if any(m.foreign for m in sentence.mentions if left <= m.start < right) and \
                introduces_another(sentence, rule.scope.subject, left, right, expected.predicate):
            continue
        # the clause (and, in a table, its row) is about the fact's part, not another ("das Exportkabel")
        if rule.scope.requires and not rule.scope.requires.search(sentence.text[left:right] + " " + sentence.row):
            continue
        if rule.scope.anti_cues and rule.scope.anti_cues.search(sentence.text[left:right] + " " + sentence.row):
            continue
        spans = []
        if expected.by:
            # a person presenting a product does not say which organisation made it: people count
            # only when `by` names one
            people = any(sentence.subject_kind.get(s) == "person" for s in expected.by)
            doers = [m for m in agents(sentence, hit, left, right)
                     if m.subject != rule.scope.subject and (people or m.kind != "person")]
            wrong = [m for m in doers if m.subject not in expected.by]
            if wrong:
                spans.append((wrong[0].start, wrong[0].end))
            reversed_roles = roles_reversed(sentence, hit, left, right, rule.scope.subject, expected.by)
            if reversed_roles is not None:
                spans.append(reversed_roles)
        listed = (expected.wrong_by or {}).get(hit.predicate) or (expected if expected.wrong or expected.among else None)
        wrong = _alternative_in(listed, sentence, left, right) if listed is not None else None
        if wrong is not None:
            spans.append(wrong)
        if expected.doer:
            swapped = _doer_done_to(expected.doer, sentence, hit, left, right)
            if swapped is not None:
                spans.append(swapped)
        for start, end in spans[:1]:
            stance = sentence.stance(start, end)
            if stance.says_nothing:
                continue
            yield Mismatch(start, end, "", expected.value, max_severity=stance.max_severity, note=stance.note)
