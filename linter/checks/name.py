"""Name facts: the canonical spelling of a person or organisation, its variants and its role.

Fields (`expected`): canonical, variants, misspellings (lists of texts), role (optional mapping with
de, en and as_of), predicate (a naming predicate: another name given to the thing, checks/naming.py).
A name fact with a `scope.context` is checked only in that context.
FAIL: "OpenAI-Chef Sam Altmann warb in Hollywood für Sora."      (listed misspelling)
FAIL: "Laut Mira Muratti startet Sora noch 2024."                  (found by similarity)
FAIL: "Open AI hat Sora vorgestellt."                              (spacing: "OpenAI")
PASS: "Altmans Firma hat Sora entwickelt."                         (genitive of the right name)
PASS: "Katy Perry und Samuel Alito sind andere Leute."             (other names that look alike)

How a sentence is read. The sentence's name candidates (windows of 1-4 capitalised, CamelCase or
all-caps tokens, see linter/claims/names.py) are computed once and shared by all name rules. For each
rule, a candidate passes a cheap prefilter (its first letter is the first letter of one of the rule's
spellings, its length is within 3 of theirs) and is then judged, in this order, for each of its readings
(as written, and without a final "s", the German genitive "Altmans"; English "'s" is never part of a
candidate):

1. correct: it is the canonical spelling, a variant, or for a person the surname alone ("Altman");
   also in capitals throughout ("OPENAI", a headline) and, inside a hyphenated compound, with hyphens
   for spaces ("Hugging-Face-Space"). A correct candidate hides every finding inside it.
2. listed: it is one of the rule's `misspellings`, exactly (case counts: "OpenAi").
3. spelling form: it has the letters of a correct spelling but other case or spacing ("Open AI",
   "Huggingface", "Laion").
4. similar (rapidfuzz, optimal string alignment distance, case-folded):
   * a name of several words: exactly one word differs and at least one other word is the same and is
     no weak anchor (the, AI, Labs, ML: they say nothing about who is meant). The differing word may
     be one edit away when it has 4-7 letters ("Kevin Weill", "Tyler Parry", "PR Muppets", "Hugging
     Fase") and two edits away from 8 letters on ("Josefine Miller"); words of 3 letters or fewer
     ("Sam", "Tom", "PR") must match, since one letter there makes another first name ("Tim").
   * one word alone (a one-word organisation, a person's surname, or a word with only weak anchors
     beside it): one edit away, with the same first letter, never a double letter written single
     ("Waren" for Warren, "Blomberg" for Bloomberg: that is how other real names differ), and for
     names under 8 letters only the two typing slips that hardly ever make another real word: two
     neighbouring letters swapped ("Hailou", "LIAON") or a letter doubled ("Klingg", "Murrati").
     A dropped, added or changed letter in a short word is far too often a common word or another
     name ("Klang", "Hailu", "Lion", "Müller", "Murat", "Hertz", "Runaway", "OpenAPI"), so those
     are found only when listed.
   * written together or apart differently and one edit away, for names of 8 letters or more
     ("Hugingface" for "Hugging Face").
   A candidate that is exactly a name of another subject (sentence.mentions) is never judged.

Thresholds. They were tuned on the tables in tests/test_names.py (misspellings that must be found and
near-miss real names and common words that must pass, German and English): an edit distance of 1 for
short words finds every misspelling there but also "Klang", "Waren", "Hailu", "Lion", "Murat" and
"Weill" (Kurt Weill) when the word stands alone, which the anchor requirement and the typo shapes
remove; a distance of 2 from 8 letters on is what "Josefine"/"Stephenson" need, and no near miss in the
tables is within 2 of a long name. Listed and spelling-form findings keep the rule's severity; a
similarity finding is at most a warning, since it is a judgement, and carries the fix when exactly one
correct spelling is closest ("Mira Muratti" -> "Mira Murati").

The finding's span is the name as written, without a genitive "s" (so a fix keeps the ending:
"Altmanns" -> "Altmans"); `reading` is what the draft wrote and `expected` the correct spelling it
stands for (the canonical name, or the variant or surname the draft was aiming at).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from rapidfuzz.distance import OSA

from ..claims.names import NameCandidate, compact
from ..fields import FieldReader
from ..findings import Mismatch, Severity
from .naming import called_mismatches, read_naming

KIND = "name"

WEAK_ANCHORS = frozenset({"the", "ai", "labs", "ml"})
GENERATIONAL = frozenset({"i", "ii", "iii", "iv", "jr", "sr"})
LONG_WORD = 8          # from this length on a word may be two edits away (anchored) or any one edit
SHORT_WORD = 3         # anchored words this short must match exactly
TYPO_WORD = 5          # a lone word under LONG_WORD letters allows only swaps and doubled letters, from here
LENGTH_SLACK = 3       # prefilter: candidate length within this of a spelling's length
_SPLIT = re.compile(r"[^\W_]+")
_SUFFIX = ("", "s", "'s", "\u2019s", "'", "\u2019")


@dataclass(frozen=True, slots=True)
class Expected:
    canonical: str
    variants: tuple[str, ...]
    misspellings: tuple[str, ...]
    role: dict
    predicate: tuple[str, ...] = ()     # a naming predicate: another name given to the thing contradicts


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a name fact."""
    role = {}
    if reader.has("role"):
        role_reader = reader.nested("role")
        role = {key: role_reader.raw(key, required=False) for key in role_reader.data}
    return Expected(reader.text("canonical"), reader.strings("variants"), reader.strings("misspellings"), role,
                    read_naming(reader))


@dataclass(frozen=True, slots=True)
class Target:
    """A correct spelling, prepared for comparison."""

    text: str
    words: tuple[str, ...]      # case-folded
    key: str                    # compact form


@dataclass(frozen=True)
class Registry:
    """One rule's spellings, prepared once."""

    targets: tuple[Target, ...]
    correct: frozenset          # exact correct spellings
    correct_upper: frozenset    # the same in capitals
    misspelt: dict              # listed misspelling -> the correct spelling it stands for
    firsts: frozenset           # first letters (case-folded) of all spellings, right and wrong
    shortest: int
    longest: int


def _target(text: str) -> Target:
    """Prepare a correct spelling for comparison."""
    return Target(text, tuple(w.casefold() for w in _SPLIT.findall(text)), compact(text))


def _surnames(names: tuple[str, ...]) -> list[str]:
    """A person's surname alone ("Altman", "Stevenson"), from each full name."""
    found = []
    for name in names:
        words = [w for w in name.split() if w.strip(".").casefold() not in GENERATIONAL]
        if len(words) >= 2 and words[-1] not in found:
            found.append(words[-1])
    return found


@lru_cache(maxsize=None)   # one entry per name rule: a bounded cache thrashed on packs of hundreds of names
def _registry(canonical: str, variants: tuple[str, ...], misspellings: tuple[str, ...],
              person: bool) -> Registry:
    """Prepare a rule's spellings once (keyed by their texts: Expected itself holds a dict)."""
    names = (canonical, *variants)
    spellings = list(dict.fromkeys(names + tuple(_surnames(names) if person else ())))
    targets = tuple(_target(s) for s in spellings)
    misspelt = {}
    for wrong in misspellings:
        key = compact(wrong)
        misspelt[wrong] = min(targets, key=lambda t: (OSA.distance(key, t.key), len(t.words) == 1)).text
    keys = [t.key for t in targets] + [compact(m) for m in misspellings]
    return Registry(targets, frozenset(spellings), frozenset(s.upper() for s in spellings), misspelt,
                    frozenset(k[0] for k in keys if k), min(map(len, keys)), max(map(len, keys)))


def _transposed(a: str, b: str) -> bool:
    """Whether a and b differ by two neighbouring letters swapped."""
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _doubled(written: str, right: str) -> bool:
    """Whether `written` is `right` with one letter doubled ("Klingg", "Murrati")."""
    if len(written) != len(right) + 1:
        return False
    for i in range(len(written)):
        if written[:i] + written[i + 1:] == right:
            if (i and written[i] == written[i - 1]) or (i + 1 < len(written) and written[i] == written[i + 1]):
                return True
    return False


def _lone_word_distance(written: str, right: str) -> int | None:
    """The distance of a word standing alone when it looks like a typing slip of `right`, else None."""
    if not written or written[0] != right[0] or OSA.distance(written, right, score_cutoff=1) != 1:
        return None
    if _doubled(right, written):
        return None     # a dropped double letter makes other real names: Waren, Blomberg, Pery
    if len(right) >= LONG_WORD:
        return 1
    if len(right) >= TYPO_WORD and (_transposed(written, right) or _doubled(written, right)):
        return 1
    return None


def _anchored_word_distance(written: str, right: str) -> int | None:
    """The distance of one word of a name whose other words are right, when within the threshold."""
    if len(right) <= SHORT_WORD:
        return None
    limit = 2 if len(right) >= LONG_WORD else 1
    distance = OSA.distance(written, right, score_cutoff=limit)
    return distance if distance <= limit else None


def _similarity(words: tuple[str, ...], key: str, target: Target) -> int | None:
    """How far a candidate (case-folded words) is from a correct spelling, when close enough to be
    a misspelling of it; None otherwise."""
    if len(words) == len(target.words):
        diff = [i for i in range(len(words)) if words[i] != target.words[i]]
        if len(diff) != 1:
            return None
        i = diff[0]
        anchored = any(w not in WEAK_ANCHORS for j, w in enumerate(target.words) if j != i)
        if anchored:
            return _anchored_word_distance(words[i], target.words[i])
        return _lone_word_distance(words[i], target.words[i])
    if words[:len(target.words)] == target.words:
        return None     # the right name and a word more ("Sam Altman M"): no spelling of it (found by fuzzing)
    if len(target.words) >= 2 and len(target.key) >= LONG_WORD and key[:1] == target.key[:1]:
        distance = OSA.distance(key, target.key, score_cutoff=1)
        return distance if distance == 1 else None
    return None


@dataclass(frozen=True, slots=True)
class Verdict:
    correct: bool
    end: int                    # end of the reading judged (before a genitive "s")
    expected: str = ""
    similar: bool = False       # found by similarity, not listed or a spelling form
    unique: bool = True         # no other correct spelling is as close: `expected` is the one fix


def _reading_texts(tokens: tuple[str, ...], separators: tuple[str, ...],
                   genitive: bool) -> list[tuple[str, tuple[str, ...]]]:
    """A candidate's text and words as written and, for a last word ending in "s", without it (German
    genitive)."""
    # most candidates are one word: nothing to join
    written = tokens[0] + "".join(sep + tok for sep, tok in zip(separators, tokens[1:])) if separators else tokens[0]
    readings = [(written, tokens)]
    if genitive:
        readings.append((written[:-1], tokens[:-1] + (tokens[-1][:-1],)))
    return readings


def _readings(candidate: NameCandidate) -> list[tuple[str, tuple[str, ...], str, int]]:
    """The candidate's readings (see `_reading_texts`) with the compact key and the end of each in the
    sentence. The candidate's key is its text's compact form (its separators are no letters); the
    genitive reading drops the last "s" of the text, and so of the key."""
    texts = _reading_texts(candidate.tokens, candidate.separators, candidate.genitive)
    keys = (candidate.key, candidate.key[:-1])
    return [(text, words, keys[index], candidate.end - index) for index, (text, words) in enumerate(texts)]


def _judge(candidate: NameCandidate, registry: Registry) -> Verdict | None:
    """Whether a candidate is a correct spelling, a misspelling (and of what), or neither (None)."""
    readings = _readings(candidate)
    for text, _, _, end in readings:
        if (text in registry.correct or (candidate.all_caps and text in registry.correct_upper)
                or (candidate.compound and text.replace("-", " ") in registry.correct)):
            return Verdict(True, end)
    for text, _, _, end in reversed(readings):     # "Sam Altmanns": report "Sam Altmann", keep the ending
        if text in registry.misspelt:
            return Verdict(False, end, registry.misspelt[text])
    for _, _, key, end in readings:
        for target in registry.targets:
            if key == target.key:
                return Verdict(False, end, target.text)
    best, tied = None, False
    for _, tokens, key, end in readings:
        words = tuple(t.casefold() for t in tokens)
        for target in registry.targets:
            distance = _similarity(words, key, target)
            if distance is None:
                continue
            if best is None or distance < best[0]:
                best, tied = (distance, end, target.text), False
            elif distance == best[0] and target.text != best[2]:
                tied = True
    if best is None:
        return None
    return Verdict(False, best[1], best[2], similar=True, unique=not tied)


def _is_other_name(candidate: NameCandidate, sentence, subject: str) -> bool:
    """Whether the candidate is exactly a name of another subject (possibly with a genitive ending)."""
    for mention in sentence.mentions:
        if (not mention.foreign and mention.subject != subject and mention.start == candidate.start
                and sentence.text[candidate.end:mention.end] in _SUFFIX):
            return True
    return False


def _near_keys(key: str) -> set[str]:
    """The key and every key one letter shorter: two keys one edit (or one swap) apart share one."""
    return {key, *(key[:i] + key[i + 1:] for i in range(len(key)))}


def index_keys(rule, person: bool) -> set[tuple]:
    """Keys under which the engine files the rule (linter/dispatch.py), so that only the rules a
    sentence's candidates can be judged against (`_judge` returns a verdict) are evaluated at all.

    A candidate gets a verdict only when one of its readings (see `_readings`, `_judge`, `_similarity`):
    * is a correct spelling, a listed misspelling, or has a correct spelling's compact key;
    * is similar to a correct spelling of several words: it has as many words, and all but one are the
      same — so it shares a word at the same place, unless every shared word is a weak anchor; then the
      differing word is one edit away, and so is the compact key;
    * is similar to a correct spelling of one word, or written together or apart differently: its
      compact key is one edit away.
    So a rule is filed under ("near", k) for its compact keys (correct and misspelt) and each of them
    with one letter dropped, and under ("word", words, place, word) for the words of its spellings of
    several words that are no weak anchors; a candidate looks its rules up the same way (`lookup_keys`).
    Two keys at most one edit or swap apart always share a key with one letter dropped (or are equal)."""
    expected = rule.expected
    registry = _registry(expected.canonical, expected.variants, expected.misspellings, person)
    keys: set[tuple] = set()
    for key in [t.key for t in registry.targets] + [compact(m) for m in registry.misspelt]:
        keys.update(("near", near) for near in _near_keys(key))
    for target in registry.targets:
        if len(target.words) >= 2:
            keys.update(("word", len(target.words), place, word) for place, word in enumerate(target.words)
                        if word not in WEAK_ANCHORS)
    return keys


def lookup_keys(tokens: tuple[str, ...], separators: tuple[str, ...], genitive: bool) -> set[tuple]:
    """The keys (see `index_keys`) a candidate (its tokens, the separators between them and whether it
    may end in a genitive "s": NameCandidate's fields) looks its rules up by."""
    keys: set[tuple] = set()
    for text, words in _reading_texts(tokens, separators, genitive):
        keys.update(("near", near) for near in _near_keys(compact(text)))
        folded = [word.casefold() for word in words]
        keys.update(("word", len(folded), place, word) for place, word in enumerate(folded))
    return keys


def _passes_prefilter(candidate: NameCandidate, registry: Registry) -> bool:
    return (candidate.key[:1] in registry.firsts
            and registry.shortest - LENGTH_SLACK <= len(candidate.key) <= registry.longest + LENGTH_SLACK)


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each misspelling of the rule's name in the sentence."""
    expected = rule.expected
    if rule.scope.context and not sentence.in_context(rule.scope):
        return      # a name fact bound to a context ("the group behind the leak") speaks only there
    person = sentence.subject_kind.get(rule.scope.subject) == "person"
    registry = _registry(expected.canonical, expected.variants, expected.misspellings, person)
    correct_spans = []
    flagged = []
    for candidate in sentence.name_candidates:
        if not _passes_prefilter(candidate, registry):
            continue
        if _is_other_name(candidate, sentence, rule.scope.subject):
            continue
        verdict = _judge(candidate, registry)
        if verdict is None:
            continue
        if verdict.correct:
            correct_spans.append((candidate.start, candidate.end))
        else:
            flagged.append((candidate, verdict))
    # the longest misspelt window wins ("Sam Altmann" over "Altmann"); a correct name hides what is in it
    taken: list[tuple[int, int]] = []
    if expected.predicate:
        # another name given to the thing ("eine Gruppe namens Art Rebels"): not a spelling of this one
        for mismatch in called_mismatches(rule, sentence, lambda candidate: _judge(candidate, registry)):
            taken.append((mismatch.start, mismatch.end))
            yield mismatch
    flagged.sort(key=lambda item: (-item[0].size, -(item[1].end - item[0].start), item[0].start))
    for candidate, verdict in flagged:
        start, end = candidate.start, verdict.end
        if any(a <= start and end <= b for a, b in correct_spans):
            continue
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        if verdict.similar:
            # a judgement, so a warning; still one correction when no other spelling is as close
            yield Mismatch(start, end, "", verdict.expected,
                           max_severity=Severity.WARNING, note="similar spelling, not a listed misspelling",
                           replacement=verdict.expected if verdict.unique else None)
        else:
            # a listed misspelling or a case/spacing slip has exactly one correction: --fix may apply it
            yield Mismatch(start, end, "", verdict.expected, replacement=verdict.expected)
