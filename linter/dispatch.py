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

What a subject-bound fact needs a sentence to hold (checks' `needs`: a quantity of a measure, a date,
one of some predicates, the subject's name, or any of several) is compiled once per pack into the
"atoms" any one of which will do (`_atoms`); a sentence's atoms are drawn, kind by kind, only when a
fact asks about that kind. Which of a subject's facts the atoms held offer is worked out once for each
set of them (`_InContexts`): a sentence pays one set intersection per subject, not one per group of facts.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby

from .checks import name as name_check
from .checks import needs as needs_of
from .checks import quote as quote_check
from .checks.naming import may_be_called
from .claims.names import is_genitive, windows
from .discourse import holds_in
from .rulebook import Rule, Rulebook, Scope

# kinds whose claims must be about the fact's subject; names and quotes are looked for everywhere
# (a misspelled name or a misattributed quote does not name its subject)
SUBJECT_BOUND = frozenset({"quantity", "status", "date", "category", "role"})
MAX_CACHED_SELECTIONS = 16   # a run sees one selection of facts per configuration in its tree
MAX_CACHED_RUNS = 4096       # runs of names whose facts are remembered; bounded: memory stays flat


@dataclass
class RuleIndex:
    """The facts of one pack (as far as they are checked), looked up by what a sentence contains."""

    # subject-bound facts grouped by context and need (see _Offers): about events, and by subject id
    events: "_Offers" = None
    by_subject: dict = field(default_factory=dict)
    product_subjects: frozenset = frozenset()                # subjects that can be the current product
    by_name_key: dict = field(default_factory=lambda: defaultdict(list))   # see name.index_keys
    named_by_run: dict = field(default_factory=dict)         # a run of names' text -> its name facts
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
        index.events = _Offers(events)
        index.by_subject = {subject: _Offers(rules) for subject, rules in by_subject.items()}
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
        held = _Held(sentence)
        # each fact has one subject: no fact comes twice
        chosen = list(held.offered(self.events))
        for subject in subjects:
            if subject in self.by_subject:      # most names in a sentence have no fact of their own
                chosen += held.offered(self.by_subject[subject])
        organisation = sentence.current.get("organisation")
        if organisation is not None and organisation not in subjects and organisation in self.by_subject:
            # "Das Unternehmen …" after the organisation was named; whether the sentence refers to it is
            # asked only when one of its facts would have anything to look at
            offered = held.offered(self.by_subject[organisation])
            if offered and sentence.refers_to(organisation, 0, len(sentence.text)):
                chosen += offered
        if self.by_name_key:
            named = {}
            text = sentence.text
            for run in sentence.name_runs:
                for rule in self._named(text, run):
                    named[rule.id] = rule
            for rule in self.called:
                if rule.id not in named and may_be_called(rule, sentence):
                    named[rule.id] = rule
            chosen += named.values()
        if self.quotes and quote_check.may_quote(sentence):
            chosen += self.quotes
        return chosen + self.others

    def _named(self, text: str, run: list[tuple[int, int, str]]) -> tuple[Rule, ...]:
        """The name facts any window of a run of names (claims/names.py) is filed under, remembered by the
        run's text (its tokens and separators follow from it): the same names come back sentence after
        sentence."""
        spelling = text[run[0][0]:run[-1][1]]
        rules = self.named_by_run.get(spelling)
        if rules is None:
            if len(self.named_by_run) >= MAX_CACHED_RUNS:
                self.named_by_run.clear()
            tokens = tuple(text[start:end] for start, end, _ in run)
            separators = tuple(separator for _, _, separator in run[1:])
            found = {}
            for first, last in windows(len(tokens)):
                keys = name_check.lookup_keys(tokens[first:last + 1], separators[first:last],
                                              is_genitive(tokens[last]))
                # the keys filed in the index (most of a window's are not): the intersection runs in C
                for key in self.by_name_key.keys() & keys:
                    for rule in self.by_name_key[key]:
                        found[rule.id] = rule
            rules = self.named_by_run[spelling] = tuple(found.values())
        return rules


class _Held:
    """What one sentence holds of what facts need (see `_atoms`), drawn kind by kind as facts ask."""

    __slots__ = ("sentence", "atoms", "drawn")

    def __init__(self, sentence) -> None:
        self.sentence = sentence
        self.atoms: set = set()
        self.drawn: set = set()     # the kinds of atoms drawn so far

    def offered(self, offers: "_Offers") -> tuple[Rule, ...]:
        """The facts of these groups whose context the sentence is in and whose need it holds."""
        # the look-ups that nearly always find their answer are made here, not in a call
        contexts = self.sentence.contexts
        in_context = offers.by_contexts.get(contexts)
        if in_context is None:
            in_context = offers.gathered(contexts)
        if not in_context.atoms:    # no group needs anything (or there is none): no atoms to draw
            return in_context.always
        if not in_context.kinds <= self.drawn:
            for kind in in_context.kinds - self.drawn:
                self.atoms.update(_DRAW[kind](self.sentence))
            self.drawn |= in_context.kinds
        held = in_context.atoms.intersection(self.atoms)
        rules = in_context.by_held.get(held)
        return in_context.chosen(held) if rules is None else rules


class _Offers:
    """The facts of one subject (or of the events) grouped by context and need (see `_grouped`), and what
    sentences in each set of contexts are offered (a handful of sets recur sentence after sentence)."""

    __slots__ = ("by_context", "by_contexts")

    def __init__(self, rules: list[Rule]) -> None:
        self.by_context = _grouped(rules)
        self.by_contexts: dict = {}     # a sentence's contexts -> _InContexts

    def gathered(self, contexts: frozenset) -> "_InContexts":
        """The groups that hold in these contexts, remembered."""
        if len(self.by_contexts) >= MAX_CACHED_SELECTIONS:
            self.by_contexts.clear()
        groups = [group for scope, groups in self.by_context if scope is None or holds_in(scope, contexts)
                  for group in groups]
        found = self.by_contexts[contexts] = _InContexts(tuple(groups))
        return found


class _InContexts:
    """The groups of facts that hold in one set of contexts, the kinds and atoms they need, and the facts
    offered by each set of atoms held, remembered: the same few sets recur sentence after sentence."""

    __slots__ = ("groups", "kinds", "atoms", "by_held", "always")

    def __init__(self, groups: tuple) -> None:
        self.groups = groups
        self.kinds = frozenset().union(*(kinds for _, kinds, _ in groups))
        self.atoms = frozenset().union(*(atoms for atoms, _, _ in groups if atoms is not None))
        self.by_held: dict = {}         # atoms held -> the facts they offer
        self.always = self.chosen(frozenset())

    def chosen(self, held: frozenset) -> tuple[Rule, ...]:
        """The facts of the groups any of whose atoms is held (or that need none), in the groups' order,
        remembered."""
        if len(self.by_held) >= MAX_CACHED_RUNS:
            self.by_held.clear()
        rules = self.by_held[held] = tuple(rule for atoms, _, group in self.groups
                                           if atoms is None or not atoms.isdisjoint(held) for rule in group)
        return rules


# a sentence's atoms of each kind (an atom's first item): what Sentence computes lazily (its quantities,
# dates, predicates) is asked for only when a fact needs atoms of that kind
_DRAW = {
    "measure": lambda sentence: [("measure", quantity.measure) for quantity in sentence.quantities()],
    "dates": lambda sentence: [("dates",)] if sentence.dates() else [],
    "predicates": lambda sentence: [("predicates", name) for name in sentence.predicate_names],
    "named": lambda sentence: [("named", mention.subject) for mention in sentence.mentions],
}


def _atoms(need: tuple) -> frozenset:
    """The atoms a sentence must hold one of for a fact with this need (checks' `needs`): a quantity of
    the measure, a date, one of the predicates, a mention of the subject; of several needs, any."""
    what = need[0]
    if what == "measure":
        return frozenset({("measure", need[1])})
    if what == "dates":
        return frozenset({("dates",)})
    if what == "predicates":
        return frozenset(("predicates", name) for name in need[1])
    if what == "named":
        return frozenset({("named", need[1])})
    if what == "any":
        return frozenset().union(*map(_atoms, need[1:]))
    raise ValueError(f"unknown need {need!r}")


def _grouped(rules: list[Rule]) -> tuple[tuple[Scope | None, tuple], ...]:
    """The rules grouped by the contexts they hold in and are excluded from (with the scope of the
    group's first rule, since Sentence.in_context reads only the contexts; None when that is every
    context), and within a context by what a sentence must hold for them to have anything to say (as
    (atoms, the kinds of the atoms, rules); atoms None when any sentence will do): a sentence is asked
    once per group, not once per fact (hundreds of facts share a handful of contexts and needs), and
    most facts of a subject have nothing to look at in most of its sentences."""
    def context(rule: Rule) -> tuple:
        return rule.scope.context or "", rule.scope.outside

    def need(rule: Rule) -> str:
        return repr(needs_of(rule))

    grouped = []
    for _, in_context in groupby(sorted(rules, key=context), key=context):
        in_context = list(in_context)
        scope = in_context[0].scope
        groups = []
        for _, by_need in groupby(sorted(in_context, key=need), key=need):
            by_need = tuple(by_need)
            wanted = needs_of(by_need[0])
            atoms = None if wanted is None else _atoms(wanted)
            kinds = frozenset() if atoms is None else frozenset(atom[0] for atom in atoms)
            groups.append((atoms, kinds, by_need))
        grouped.append((scope if scope.context or scope.outside else None, tuple(groups)))
    return tuple(grouped)


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
