"""Categorical facts: who did something to the subject (developed, operates, built, makes it), or which
of several alternatives holds (the damaged cable was the inter-array one, not the export cable).

Fields (`expected`), the plain-words model:
  predicate   what is said: predicates of the shared vocabulary ("develop", "operate", "build")
  by          the subject ids of who does it: another organisation or person named as doing it in the
              clause is a contradiction ("Sora wurde von Google entwickelt")
  wrong       alternatives in plain words that contradict the value when the clause says the
              predicate ("Exportkabel" for a damaged inter-array cable); matched as
              checks/alternatives.py matches them (by word start, so inflected forms count)
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

from ..claims.clauses import ends_piece
from ..claims.makers import find_makers, rival_compound
from ..claims.organisations import unknown_mentions
from ..fields import FieldReader
from ..findings import Mismatch
from .alternatives import first_alternative, read_alternatives, value_mismatches
from .patterns import pattern_mismatches
from .predicates import definitions, hits_in, introduces_another, negated_in, possessive, read_predicates, word_set

KIND = "category"
_WORD = re.compile(r"[^\W\d_]+")
_HYPHENATED = re.compile(r"[^\W\d_][\w-]*")


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
    alternatives, among, right = read_alternatives(reader)
    if predicate:
        if right:
            raise reader.fail("right", "is for facts without a predicate (the predicate says the value)")
        return Expected(reader.text("value"), reader.patterns("contradicted_by"), reader.patterns("unless"),
                        predicate, by, alternatives, among, {})
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


def _named_as_agent(sentence, mention, left: int) -> bool:
    """The name follows "von"/"by" (an article may stand between)."""
    words = [w.lower() for w in _WORD.findall(sentence.text[left:mention.start])]
    while words and words[-1] in word_set("determiners", sentence.lang):
        words.pop()
    return bool(words) and words[-1] in word_set("agent_prepositions", sentence.lang)


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
    if any(m.kind == kind and not (m.foreign and _named_as_agent(sentence, m, left)) for m in named):
        return False
    return sentence.current.get(kind) == scope.subject


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


def _agents(sentence, hit, left: int, right: int) -> list:
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
                or possessive(sentence, mention):
            continue
        before = [w.lower() for w in _WORD.findall(text[left:mention.start])]
        between = _WORD.findall(text[mention.end:hit.start]) if mention.end <= hit.start else None
        after_von = _after_agent_preposition(sentence, left, mention.start)
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


def _after_agent_preposition(sentence, left: int, start: int) -> bool:
    """The name follows "von"/"by", with determiners and a noun for organisations between ("von der Firma
    Runway", "by the start-up Pika")."""
    skip = word_set("determiners", sentence.lang) | word_set("organisation_nouns", sentence.lang)
    words = [w.lower() for w in _HYPHENATED.findall(sentence.text[left:start])][-4:]
    while words and words[-1] in skip:
        words = words[:-1]
    return bool(words) and words[-1] in word_set("agent_prepositions", sentence.lang)


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


def _roles_reversed(sentence, hit, left: int, right: int, subject: str, by: tuple) -> tuple[int, int] | None:
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
    passive = _passive(sentence, hit, left, right)
    for mention in (m for m in named if m.subject == subject):
        after_von = _after_agent_preposition(sentence, left, mention.start)
        if after_von and passive:
            return mention.start, mention.end         # "Die NYT wird von OpenAI verklagt"
        before = [w.lower() for w in _WORD.findall(sentence.text[left:mention.start])]
        between = _WORD.findall(sentence.text[mention.end:hit.start]) if mention.end <= hit.start else None
        if passive or after_von or between is None or not all(w in word_set("determiners", sentence.lang) for w in before):
            continue
        if not between or between[0].lower() in word_set("auxiliaries", sentence.lang):
            return mention.start, mention.end         # "OpenAI verklagt die NYT", "OpenAI has sued the NYT"
    return None


def _passive(sentence, hit, left: int, right: int) -> bool:
    """The clause is passive: a form of "werden" and a participle ("wird … verklagt"), or a form of "be"
    right before an English participle ("was sued")."""
    words = [w.lower() for w in _WORD.findall(sentence.text[left:right])]
    verb = sentence.text[hit.start:hit.end].lower()
    if sentence.lang == "de":
        return any(w in word_set("passive_auxiliaries", "de") for w in words) and not verb.endswith("en")
    before = _WORD.findall(sentence.text[left:hit.start])
    return bool(before) and before[-1].lower() in word_set("passive_auxiliaries", "en") and not verb.endswith("ing")


def _predicate_mismatches(rule, sentence) -> Iterator[Mismatch]:
    yield from _verb_mismatches(rule, sentence)
    if rule.expected.by and any(definitions(sentence).get(p, {}).get("maker") for p in rule.expected.predicate):
        yield from _maker_mismatches(rule, sentence)


def _maker_mismatches(rule, sentence) -> Iterator[Mismatch]:
    """Another maker named without a verb: "Googles Sora", "das Google-Modell Sora", "Sora von Google"
    (claims/makers.py), in an asserted clause."""
    if not sentence.in_context(rule.scope):
        return
    for maker in find_makers(sentence):
        if maker.product != rule.scope.subject or maker.subject in rule.expected.by:
            continue
        left, right = sentence.clause_span(min(maker.start, maker.product_start), max(maker.start, maker.product_start))
        if negated_in(sentence, left, right) or negated_in(sentence, *sentence.clause_span(maker.start, maker.end)):
            continue
        stance = sentence.stance(maker.start, maker.end)
        if stance.reason in ("question", "reported", "hypothetical"):
            continue
        yield Mismatch(maker.start, maker.end, "", rule.expected.value, max_severity=stance.max_severity,
                       note=stance.note)


def _verb_mismatches(rule, sentence) -> Iterator[Mismatch]:
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
            agents = [m for m in _agents(sentence, hit, left, right)
                      if m.subject != rule.scope.subject and (people or m.kind != "person")]
            wrong = [m for m in agents if m.subject not in expected.by]
            if wrong:
                spans.append((wrong[0].start, wrong[0].end))
            reversed_roles = _roles_reversed(sentence, hit, left, right, rule.scope.subject, expected.by)
            if reversed_roles is not None:
                spans.append(reversed_roles)
        if expected.wrong:
            wrong = first_alternative(expected, sentence, left, right)
            if wrong is not None:
                spans.append(wrong)
        for start, end in spans[:1]:
            stance = sentence.stance(start, end)
            if stance.reason in ("question", "reported", "hypothetical"):
                continue
            yield Mismatch(start, end, "", expected.value, max_severity=stance.max_severity, note=stance.note)
