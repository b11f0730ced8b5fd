"""Which facts a sentence can concern: the pack's facts indexed once, so that a fact's cost is not paid
on every sentence.

The engine used to ask every fact about every sentence; with a desk's pack of thousands of facts that
was most of the time, although a sentence can only concern a few of them:

* facts bound to a subject (quantity, status, date, category, role) concern a sentence only when it names
  that subject, or the subject is the current product, or the subject is an event (an event is what
  its context is about): indexed by subject id (see Sentence.may_concern, which this mirrors);
* name facts concern a sentence only when one of its name candidates can be judged a spelling of
  the fact's name: indexed by near spellings and by words (checks/name.py: index_keys); one with a
  naming predicate also when the sentence names its thing and says the predicate (checks/naming.py);
* quote facts concern a sentence only when a quotation can start in it (checks/quote.py: may_quote).

Every index returns a superset of the facts whose evaluator can report anything, never fewer; the
evaluators still run their own checks.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby

from .checks import name as name_check
from .checks import needs as needs_of
from .checks import quote as quote_check
from .checks.naming import may_be_called
from .claims.names import find_name_candidates
from .rulebook import Rule, Rulebook, Scope

# kinds whose claims must be about the fact's subject; names and quotes are looked for everywhere
# (a misspelled name or a misattributed quote does not name its subject)
SUBJECT_BOUND = frozenset({"quantity", "status", "date", "category", "role"})
MAX_CACHED_SELECTIONS = 16   # a run sees one selection of facts per configuration in its tree
MAX_CACHED_NAMES = 4096      # name candidates whose facts are remembered; bounded: memory stays flat


@dataclass
class RuleIndex:
    """The facts of one pack (as far as they are checked), looked up by what a sentence contains."""

    # subject-bound facts grouped by context and need (see _grouped): about events, and by subject id
    events: tuple = ()
    by_subject: dict = field(default_factory=dict)
    product_subjects: frozenset = frozenset()                # subjects that can be the current product
    by_name_key: dict = field(default_factory=lambda: defaultdict(list))   # see name.index_keys
    named_by_keys: dict = field(default_factory=dict)        # a candidate's lookup keys -> its name facts
    quotes: list = field(default_factory=list)
    called: list = field(default_factory=list)               # name facts with a naming predicate
    others: list = field(default_factory=list)               # kinds without an index: every sentence

    @classmethod
    def build(cls, rulebook: Rulebook, rules: list[Rule]) -> "RuleIndex":
        kinds = {sid: subject.kind for sid, subject in rulebook.subjects.items()}
        index = cls(product_subjects=frozenset(sid for sid, kind in kinds.items() if kind == "product"))
        events, by_subject = [], defaultdict(list)
        for rule in rules:
            # a subject the registry does not know counts as a product (Sentence.may_concern does the same)
            subject_kind = kinds.get(rule.scope.subject, "product")
            if rule.kind in SUBJECT_BOUND:
                if subject_kind == "event":
                    events.append(rule)
                else:
                    by_subject[rule.scope.subject].append(rule)
            elif rule.kind == name_check.KIND:
                for key in name_check.index_keys(rule, subject_kind == "person"):
                    index.by_name_key[key].append(rule)
                if rule.expected.predicate:
                    index.called.append(rule)   # another name given to the thing is no spelling of it
            elif rule.kind == quote_check.KIND:
                index.quotes.append(rule)
            else:
                index.others.append(rule)
        index.events = _grouped(events)
        index.by_subject = {subject: _grouped(rules) for subject, rules in by_subject.items()}
        index.by_name_key = dict(index.by_name_key)
        return index

    def candidates(self, sentence) -> list[Rule]:
        """The facts that can have something to say about the sentence (the engine sorts the findings)."""
        # A subject-bound fact offered here is about an event, a subject the sentence names or the current
        # product: what Sentence.may_concern asks besides the fact's context, which is checked here.
        subjects = {m.subject for m in sentence.mentions}
        current = sentence.current.get("product")
        if current in self.product_subjects or current is not None and current not in sentence.subject_kind:
            subjects.add(current)
        organisation = sentence.current.get("organisation")
        if organisation is not None and organisation not in subjects and sentence.refers_to(organisation, 0, len(sentence.text)):
            subjects.add(organisation)      # "Das Unternehmen …" after the organisation was named
        chosen = []
        # each fact has one subject: no fact comes twice
        for groups in [self.events, *(self.by_subject.get(subject, ()) for subject in subjects)]:
            for scope, need, rules in groups:
                if sentence.in_context(scope) and (need is None or sentence.holds(need)):
                    chosen += rules
        if self.by_name_key:
            named = {}
            for candidate in find_name_candidates(sentence.text):
                for rule in self._named(name_check.lookup_keys(candidate)):
                    named[rule.id] = rule
            for rule in self.called:
                if rule.id not in named and may_be_called(rule, sentence):
                    named[rule.id] = rule
            chosen += named.values()
        if self.quotes and quote_check.may_quote(sentence):
            chosen += self.quotes
        return chosen + self.others

    def _named(self, keys: frozenset) -> tuple[Rule, ...]:
        """The name facts filed under any of a candidate's lookup keys, remembered: the same names come
        back sentence after sentence (and name.lookup_keys gives the same keys object for them)."""
        rules = self.named_by_keys.get(keys)
        if rules is None:
            if len(self.named_by_keys) >= MAX_CACHED_NAMES:
                self.named_by_keys.clear()
            # the keys filed in the index (most of a candidate's are not): the intersection runs in C
            rules = tuple(rule for key in self.by_name_key.keys() & keys for rule in self.by_name_key[key])
            self.named_by_keys[keys] = rules
        return rules


def _grouped(rules: list[Rule]) -> tuple[tuple[Scope, tuple | None, tuple[Rule, ...]], ...]:
    """The rules grouped by the contexts they hold in and are excluded from and by what a sentence must
    hold for them to have anything to say (checks' `needs`: a quantity of their measure, a date, one of
    their predicates), each group with the scope of its first rule (Sentence.in_context reads only the
    contexts): a sentence is asked once per group, not once per fact (hundreds of facts share a handful
    of contexts and needs), and most facts of a subject have nothing to look at in most of its sentences."""
    def key(rule: Rule) -> tuple:
        return rule.scope.context or "", rule.scope.outside, repr(needs_of(rule))

    groups = (tuple(group) for _, group in groupby(sorted(rules, key=key), key=key))
    return tuple((group[0].scope, needs_of(group[0]), group) for group in groups)


def rule_index(rulebook: Rulebook, rules: list[Rule]) -> RuleIndex:
    """The index of these facts of the pack, built once per pack and selection of facts."""
    # keyed by the rule objects themselves: a draft's configuration may change a rule's severity and keep
    # its id; the index holds the rules, so their ids cannot be reused while it is cached
    key = tuple(map(id, rules))
    cache = rulebook.indexes
    if key not in cache:
        if len(cache) >= MAX_CACHED_SELECTIONS:
            cache.pop(next(iter(cache)))
        cache[key] = RuleIndex.build(rulebook, rules)
    return cache[key]
