"""Name facts with a naming predicate (`predicate: be_called`): another name given to the thing
("eine Gruppe namens Art Rebels", "a group calling itself Prompt Rebels") contradicts the fact's name.

The thing is what the scope's `cues` name (Gruppe, group), in the clause of the naming words, in the
fact's context; without cues, the clause must be about the fact's subject. The name given is the name
right after the naming words (past "sich", "selbst", "itself": words.yaml's `naming_fillers`) or, in a
German subordinate clause, right before the verb ("die sich Art Rebels nennt"). A spelling of the
fact's name is the name check's to judge (checks/name.py): right, or a misspelling reported there; one
only similar to it is reported here, with the fact's severity (given as the name, it is another name).
FAIL: "Hinter dem Leak steckt eine Gruppe namens Art Rebels."
PASS: "Die Gruppe, die sich PR Puppets nennt, …"
"""
from __future__ import annotations

import re
from typing import Iterator

from ..findings import Mismatch
from ..vocabulary import predicate_definitions, word_set
from .predicates import clause_is_about, hits_in, negated_in, read_predicates

_WORD = re.compile(r"[^\W\d_]+")
_QUOTES = "\"'„“”‚‘’»«"


def read_naming(reader) -> tuple[str, ...]:
    """`predicate` of a name fact: predicates whose value follows their words (value_after)."""
    predicate = read_predicates(reader, "predicate")
    for name in predicate:
        if name in predicate_definitions() and not predicate_definitions()[name].get("value_after"):
            raise reader.fail("predicate", f'names "{name}", whose words are not followed by a value; a name '
                                           "fact needs a naming predicate such as be_called")
    return predicate


def may_be_called(rule, sentence) -> bool:
    """Whether the sentence can give the fact's thing a name (cheap: naming words, then cue)."""
    # the naming words anywhere in the sentence (hits_in over all of it); predicate_names is one set
    # the dispatch has mostly asked for already, the cue a regex over the sentence
    if sentence.predicate_names.isdisjoint(rule.expected.predicate):
        return False
    return not rule.scope.cues or rule.scope.cues.search(sentence.text)


def called_mismatches(rule, sentence, judge) -> Iterator[Mismatch]:
    """A mismatch for a name given to the thing that `judge` (the name check) does not know as a spelling
    of the fact's name, right or wrong."""
    scope = rule.scope
    if not sentence.in_context(scope):
        return
    candidates = sentence.name_candidates
    for hit in hits_in(sentence, rule.expected.predicate, 0, len(sentence.text)):
        left, right = sentence.clause_span(hit.start, hit.end)
        if hit.negated or negated_in(sentence, left, right):
            continue
        if scope.cues and not scope.cues.search(sentence.text[left:right]) \
                or not scope.cues and not clause_is_about(sentence, scope, left, right, hit.start):
            continue
        given = _name_after(sentence, candidates, hit.end, right) or _name_before(sentence, candidates, left, hit.start)
        given = [c for c in given if _proper(sentence, c)]
        # a spelling of the fact's name is the name check's, except a merely similar one: given as the
        # thing's name, it is no judgement but another name ("nennt sich PR Muppets")
        if not given or any(judge(c) is not None and not judge(c).similar for c in given):
            continue
        name = max(given, key=lambda c: c.end - c.start)
        # the naming words with the name: quotation marks around a name mark the name, not a quotation
        stance = sentence.stance(min(hit.start, name.start), max(hit.end, name.end))
        if stance.says_nothing:
            continue
        yield Mismatch(name.start, name.end, "", rule.expected.canonical, max_severity=stance.max_severity,
                       note=stance.note)
        return


def _name_after(sentence, candidates, end: int, right: int) -> list:
    """The name candidates that start right after the naming words (past fillers and quotes)."""
    fillers = word_set("naming_fillers", sentence.lang)
    position = end
    while True:
        rest = sentence.text[position:right]
        stripped = rest.lstrip(" " + _QUOTES)
        position += len(rest) - len(stripped)
        word = _WORD.match(sentence.text, position)
        if word is None or word.group().lower() not in fillers or word.group()[0].isupper():
            break
        position = word.end()
    return [c for c in candidates if c.start == position and c.end <= right]


def _name_before(sentence, candidates, left: int, start: int) -> list:
    """German verb-final ("die sich Art Rebels nennt"): the name candidates between a filler and the
    naming verb."""
    if sentence.lang != "de":
        return []
    before = sentence.text[left:start].rstrip(" " + _QUOTES)
    end = left + len(before)
    fillers = word_set("naming_fillers", sentence.lang)
    found = []
    for c in candidates:
        preceding = _WORD.findall(sentence.text[left:c.start].rstrip(" " + _QUOTES))
        if c.end == end and c.start >= left and preceding and preceding[-1] in fillers:
            found.append(c)
    return found


def _proper(sentence, candidate) -> bool:
    """A name rather than a German noun ("nennt Gründe"): several words, capitals inside or throughout,
    or quoted; and no subject of the pack ("nennt OpenAI einen Ausbeuter")."""
    if any(m.start <= candidate.start < m.end and not m.foreign for m in sentence.mentions):
        return False
    if sentence.lang != "de" or candidate.size > 1 or candidate.all_caps:
        return True
    word = candidate.tokens[0]
    quoted = sentence.text[candidate.start - 1:candidate.start] in _QUOTES
    return quoted or any(ch.isupper() for ch in word[1:])
