"""A categorical value among alternatives, without a predicate: "Sora is a diffusion model" (a GAN
contradicts it, and so does "kein Diffusionsmodell"), "the AI coloured the eyes blue" (any other
colour of the eyes contradicts it).

Fields of a category fact (`expected`) read here:
  wrong   alternatives in plain words ("GAN", "Generative Adversarial Network"); matched by word start
          ("GANs"), an alternative in capitals only as written ("GAN", not "ganz"), never as the end
          of a hyphenated compound (category facts with a predicate match theirs the same way)
  among   a class of words.yaml (`classes:`, e.g. colours) whose every word but the right one is a
          wrong alternative, in any inflected form ("grüne", "grün")
  right   the words that say the value, by language; a clause that denies them ("kein
          Diffusionsmodell", "without a transformer") contradicts the fact

A clause is read when it is about the fact's subject; when the fact has `cues`, the clause (or the
clause before it that "und"/"and" joins it to) must also name the thing the value belongs to (the
eyes), and an alternative that describes another noun ("im grünen Kostüm") is not its value. An
alternative is no claim when it is denied ("nicht grün"), contrasted ("anders als ein GAN", "statt
grün", "unlike GANs") or said of older systems ("ältere Generatoren nutzten GANs"); the words are
words.yaml's `negations`, `contrasts`, `older`.
FAIL (wrong: [GAN], right: {de: [Diffusion]}): "Sora ist kein Diffusionsmodell."
PASS: "Anders als ältere Modelle, die auf GANs setzten, ist Sora ein Diffusionsmodell."
"""
from __future__ import annotations

import bisect
import functools
import re
from typing import Iterable, Iterator

from ..findings import Mismatch
from ..stance import negations
from ..vocabulary import word_lists, word_phrases, word_set
from .predicates import clause_is_about, has_word

_WORD = re.compile(r"[^\W\d_]+")
_CONTRAST_REACH = 6      # words after "anders als", "unlike" that the contrast covers
_DENIAL_REACH = 3        # link words ("auf ein", "a") between a negation and the word it denies


def classes() -> dict:
    """The classes of alternatives of words.yaml (colours ...): name -> language -> words."""
    return word_lists().get("classes", {})


def read_alternatives(reader) -> tuple[tuple, str, dict]:
    """`wrong`, `among` and `right` of a category fact, validated."""
    wrong = tuple(_phrase(w) for w in reader.strings("wrong"))
    among = reader.text("among", required=False) or ""
    if among and among not in classes():
        raise reader.fail("among", f'names unknown class "{among}" (the classes are listed under `classes:` '
                                   f'in linter/vocabulary/words.yaml: {", ".join(sorted(classes()))})')
    right = {lang: tuple(_phrase(w) for w in words) for lang, words in reader.by_language("right").items()}
    if among and not right:
        raise reader.fail("among", "needs `right` beside it: the words of the class that say the value")
    return wrong, among, right


def phrases(texts) -> tuple:
    """Words in plain words as the alternatives are read (for category facts with a predicate)."""
    return tuple(_phrase(t) for t in texts)


def _phrase(text: str) -> tuple:
    """An alternative as its words, each (word, capitals): capitals are matched only as written."""
    return tuple((w, w.isupper() and len(w) > 1) for w in _WORD.findall(text))


def value_mismatches(rule, sentence) -> Iterable[Mismatch]:
    """One mismatch for the first clause that denies the value or asserts a wrong alternative."""
    wrong, right, _, either = _compiled(rule.expected, sentence.lang)
    # most sentences hold neither an alternative nor the value's words: the gate, then one search each,
    # decides, before a generator is built (asked of most sentences, for fact after fact)
    if not (_may_hold(either, sentence) and (wrong and wrong.search(sentence.text)
                                             or right and right.search(sentence.text))):
        return ()
    return _clause_mismatches(rule, sentence)


def _clause_mismatches(rule, sentence) -> Iterator[Mismatch]:
    for left, end in sentence.clauses:
        span = _contradiction(rule, sentence, left, end)
        if span is None:
            continue
        stance = sentence.stance(*span)
        if stance.says_nothing:
            continue
        yield Mismatch(span[0], span[1], "", rule.expected.value, max_severity=stance.max_severity, note=stance.note)
        return


def _contradiction(rule, sentence, left: int, right: int) -> tuple[int, int] | None:
    expected, scope = rule.expected, rule.scope
    words = list(_WORD.finditer(sentence.text, left, right))
    cue_from = _joined_start(sentence, left)
    if not words or scope.cues and not scope.cues.search(sentence.text[cue_from:right]):
        return None
    if not (clause_is_about(sentence, scope, left, right, words[0].start()) or scope.cues and _owner_named(
            sentence, scope, cue_from, right)):
        return None
    denied = _denied_value(expected, sentence, words)
    if denied is not None:
        return denied
    for index, size in _alternatives(expected, sentence, words):
        if not _excused(sentence, words, index, left) and not (scope.cues and _describes_another(sentence, scope,
                                                                                                words, index + size)):
            return words[index].start(), words[index + size - 1].end()
    return None


def _owner_named(sentence, scope, left: int, right: int) -> bool:
    """The clause names the subject as the owner of the thing the value belongs to ("das Leuchtfeuer des
    Leuchtturms", "Soras Augen")."""
    return sentence.in_context(scope) and any(m.subject == scope.subject and left <= m.start < right
                                              for m in sentence.mentions)


def _joined_start(sentence, left: int) -> int:
    """Where the clause's subject may stand: in the clause before, when "und"/"and" joins them."""
    before = sentence.text[max(0, left - 6):left].split()
    if before and before[-1].lower() in word_set("coordinators", sentence.lang):
        return max((a for a, b in sentence.clauses if b <= left), default=left)
    return left


_LETTER = r"[^\W\d_]"
_COMPILED: dict = {}


def _compiled(expected, lang: str) -> tuple:
    """The wrong alternatives (listed, and the class's words but the right one) and the right words of
    a fact, each compiled into one pattern for a language (None when there are none), with the gates
    (see `_gate`) of the wrong ones and of either."""
    key = (id(expected), lang)
    entry = _COMPILED.get(key)
    if entry is None or entry[0] is not expected:
        right = expected.right.get(lang, ()) + expected.right.get("*", ())
        wrong = [(p, False) for p in expected.wrong]
        if expected.among:
            said = {p[0][0].lower() for p in right}
            wrong += [(_phrase(w), True) for w in _class_words(expected.among, lang) if w.lower() not in said]
        right = [(p, False) for p in right]
        # the fact is kept with its entry, so that its id is not reused by another while cached
        entry = _COMPILED[key] = (expected, _either([_pattern(p, lang, inflected) for p, inflected in wrong]),
                                  _either([_pattern(p, lang, False) for p, _ in right]),
                                  _gate([p for p, _ in wrong]), _gate([p for p, _ in wrong + right]))
    return entry[1:]


_ASCII_LETTERS = re.compile("[A-Za-z]+")


def _gate(phrases: list) -> tuple | None:
    """Two searches, each cheap (neither begins with a lookbehind, so the engine skips to the places where
    a key's first letter stands), at least one of which finds something in every text where one of the
    phrases' patterns (`_pattern`) matches: the first word of an alternative in capitals as written, in
    the text; of another, its longest run of ASCII letters case-folded, in the sentence's text folded as
    literals.fold folds it (re's IGNORECASE matches an ASCII letter only by one that this fold makes that
    letter: tests/test_alternatives_gate.py checks every character). None (no gate) when a phrase has no
    such run: its pattern is not bound to one."""
    if not phrases:
        return None
    written, folded = set(), set()
    for phrase in phrases:
        if not phrase:
            return None
        text, capitals = phrase[0]
        if capitals:
            written.add(re.escape(text))
            continue
        runs = _ASCII_LETTERS.findall(text)
        if not runs:
            return None
        folded.add(re.escape(max(runs, key=len).casefold()))
    return (re.compile("|".join(sorted(written))) if written else None,
            re.compile("|".join(sorted(folded))) if folded else None)


def _may_hold(gate: tuple | None, sentence) -> bool:
    """Whether the sentence passes the gate (see `_gate`): False only where no phrase of it can match."""
    if gate is None:
        return True
    written, folded = gate
    return bool(written and written.search(sentence.text) or folded and folded.search(sentence.folded))


def _pattern(phrase: tuple, lang: str, inflected: bool) -> str:
    """A phrase's words in a row: capitals as written (with a plural "s"), a class's words with their
    German endings, other words by word start ("GANs", "Generativen", "Diffusionsmodell")."""
    parts = []
    for text, capitals in phrase:
        if capitals:
            parts.append(re.escape(text) + "s?")
        elif inflected:
            parts.append(f"(?i:{re.escape(text)})" + ("(?:e|en|er|es|em)?" if lang == "de" else ""))
        else:
            parts.append(f"(?i:{re.escape(text)}){_LETTER}*")
    return r"[\W\d_]+".join(parts)


def _either(patterns: list) -> re.Pattern | None:
    """One pattern for whole words, not the end of a hyphenated compound ("west of" is not in
    "north-west of"); the longest alternative wins at one place."""
    if not patterns:
        return None
    ordered = sorted(patterns, key=len, reverse=True)
    return re.compile(f"(?<!{_LETTER})(?<![-\u2011])(?:{'|'.join(ordered)})(?!{_LETTER})")


def first_alternative(expected, sentence, left: int, right: int) -> tuple[int, int] | None:
    """The span of the first wrong alternative in [left, right), if any."""
    pattern, _, gate, _ = _compiled(expected, sentence.lang)
    match = pattern.search(sentence.text, left, right) if pattern and _may_hold(gate, sentence) else None
    return match.span() if match else None


def _find(pattern, sentence, words) -> Iterator[tuple[int, int]]:
    """(word index, number of words) of each match of the pattern among the clause's words."""
    if pattern is None or not words:
        return
    index = {w.start(): i for i, w in enumerate(words)}
    ends = [w.end() for w in words]
    for match in pattern.finditer(sentence.text, words[0].start(), words[-1].end()):
        if match.start() in index:
            first = index[match.start()]
            # the words that end within the match (counting them one by one to the clause's end, at
            # every match, was quadratic in a long clause)
            yield first, bisect.bisect_right(ends, match.end(), first) - first


def _alternatives(expected, sentence, words) -> Iterator[tuple[int, int]]:
    """(word index, length) of each wrong alternative in the clause, in order."""
    return _find(_compiled(expected, sentence.lang)[0], sentence, words)


@functools.lru_cache(maxsize=None)
def _class_words(name: str, lang: str) -> tuple:
    return tuple(classes().get(name, {}).get(lang, ()))


def _denied_value(expected, sentence, words) -> tuple[int, int] | None:
    """The span from a negation (or "ohne"/"without") to the right value it denies: "kein
    Diffusionsmodell", "nicht auf Diffusion", "not a diffusion model"; not "nicht nur"/"not only"."""
    for index, size in _find(_compiled(expected, sentence.lang)[1], sentence, words):
        denial = _denial_before(sentence, words, index)
        if denial is not None:
            if words[denial].group().lower() == "t" and denial:
                denial -= 1             # "isn't": the span starts at the verb
            return words[denial].start(), words[index + size - 1].end()
    return None


def _denial_before(sentence, words, index: int) -> int | None:
    """The index of a negation or "ohne"/"without" a few link words before word `index`."""
    links = word_set("determiners", sentence.lang) | word_set("denial_links", sentence.lang)
    k = index - 1
    while k >= 0 and index - k <= _DENIAL_REACH + 1:
        word = words[k].group().lower()
        if _is_negation(sentence, words[k]) or word in word_set("privatives", sentence.lang):
            following = words[k + 1].group().lower()
            return None if following in word_set("not_only", sentence.lang) else k
        if word not in links or "," in sentence.text[words[k].end():words[k + 1].start()]:
            return None
        k -= 1
    return None


def _is_negation(sentence, word) -> bool:
    """A word of words.yaml's `negations`; "n't" is split off its verb ("isn't": "isn", "t")."""
    if word.group().lower() == "t" and sentence.text[word.start() - 2:word.start()] in ("n'", "n\u2019"):
        return True
    terms = negations(sentence.lang)
    return bool(terms) and terms.pattern.fullmatch(word.group()) is not None


def _excused(sentence, words, index: int, left: int) -> bool:
    """The alternative is denied ("kein GAN", "nicht grün"), contrasted ("anders als ein GAN", "statt
    grün", "unlike GANs") or said of older systems ("ältere Generatoren nutzten GANs")."""
    if _denial_before(sentence, words, index) is not None:
        return True
    start = words[index].start()
    if has_word(sentence, "older", left, start):
        return True
    # the contrast covers a few words after it, up to a finite verb; the clause may begin inside it
    # ("Anders als | ein GAN entfernt Sora …")
    before = list(_WORD.finditer(sentence.text, 0, start))[-_CONTRAST_REACH - 3:]
    for k in range(len(before)):
        if (_ends_phrase(sentence, "contrasts", before, k) or _ends_phrase(sentence, "similarities", before, k)) \
                and len(before) - k <= _CONTRAST_REACH + 1 \
                and not has_word(sentence, "finite_verbs", before[k].end(), start):
            return True
    return False


def _ends_phrase(sentence, list_name: str, words, k: int) -> bool:
    """Whether a word or phrase of the words.yaml list ends at words[k] ("statt", "anders als")."""
    if words[k].group().lower() in word_set(list_name, sentence.lang):
        return True
    return any(tuple(w.group().lower() for w in words[k - len(p) + 1:k + 1]) == p
               for p in word_phrases(list_name, sentence.lang) if k - len(p) + 1 >= 0)


def _describes_another(sentence, scope, words, after: int) -> bool:
    """The alternative is an attribute of the noun after it, and that noun is not the fact's thing:
    "im grünen Kostüm", "a green costume" (but "grüne Augen", "eyes green in Dune")."""
    if after >= len(words):
        return False
    gap = sentence.text[words[after - 1].end():words[after].start()]
    if gap.strip():
        return False            # punctuation between: the word ends its phrase
    following = words[after]
    if scope.cues.search(sentence.text[following.start():following.end()]):
        return False
    if sentence.lang == "de":
        return following.group()[0].isupper()
    return following.group().lower() not in word_set("predicative_followers", "en")
