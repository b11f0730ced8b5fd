"""Role facts: the title a person holds, and where ("Technikchefin von OpenAI", "Energieminister von
Schleswig-Holstein", "Meeresbiologin beim Meeresschutzbund Nord").

Fields (`expected`):
  title   the person's right titles in plain words ("Technikchefin", "CTO"); each names a role of the
          shared title vocabulary (linter/vocabulary/roles.yaml), so "Technologiechefin" and "chief
          technology officer" are right too
  at      optional: the organisation (a subject id) the person holds it at
  state   the role in words, shown in the finding

A claim is a title next to the person's name: before it ("OpenAI-Technikchefin Mira Murati", "die
ehemalige Chefin Mira Murati"), in an apposition after it between commas, dashes or brackets ("Mira
Murati – seit 2023 Vorstandschefin von OpenAI –"), or after a copula ("Murati ist Vorstandschefin").
A title of another role is a contradiction, unless a word before it makes it another title
("Interim-CEO", "stellvertretende Chefin"); so is another organisation next to the title or after
"von"/"bei"/"of"/"at" in the apposition.
FAIL: "Mira Murati, die Chefin von OpenAI, sprach über Sora."
PASS: "OpenAI-Technikchefin Mira Murati sprach über Sora."
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..fields import FieldReader
from ..findings import Mismatch
from ..vocabulary import role_definitions, role_lexicon_cached, role_of_title
from .predicates import negated_in, word_set

KIND = "role"
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019]s)?")
_OPEN_APPOSITION = re.compile(r"\s*(?:,|\s[\u2013\u2014-]\s|\(|[\u2013\u2014])\s*")
_APPOSITION_END = re.compile(r"[,;:.!?()\u2013\u2014]|\s-\s")
_BEFORE_STOP = re.compile(r"[,;:.!?()\u2013\u2014\"\u201e\u201c\u201d]")


@dataclass(frozen=True, slots=True)
class Expected:
    roles: frozenset          # the right roles (vocabulary role names)
    at: str | None            # the organisation's subject id
    state: str


def parse_expected(reader: FieldReader) -> Expected:
    """Validate the `expected` mapping of a role fact."""
    titles = reader.strings("title")
    roles = set()
    for title in titles:
        role = role_of_title(title, "de") or role_of_title(title, "en")
        if role is None:
            known = ", ".join(sorted(role_definitions()["roles"]))
            raise reader.fail("title", f'has a title the linter does not know: "{title}" (roles it knows: {known}; '
                                       "see linter/vocabulary/roles.yaml)")
        roles.add(role)
    at = reader.text("at", required=False) or None
    if not roles and not at:
        raise reader.fail("title", "is required (or `at`, the organisation)")
    return Expected(frozenset(roles), at, reader.text("state", required=False) or ", ".join(titles))


def _titles(sentence, left: int, right: int) -> list[tuple[int, int, str]]:
    """(start, end, role) of every title in [left, right), longest first at each word."""
    lexicon = role_lexicon_cached()
    lang = sentence.lang
    words = [(m.group().lower().removesuffix("'s").removesuffix("\u2019s"), m.start(), m.end())
             for m in _WORD.finditer(sentence.text, left, right)]
    found, index = [], 0
    while index < len(words):
        word, start, end = words[index]
        match = None
        for language in (lang, "en" if lang == "de" else "de"):
            for rest, form in lexicon.phrases.get(language, {}).get(word, ()):
                if tuple(w for w, _, _ in words[index + 1:index + 1 + len(rest)]) == rest:
                    match = (start, words[index + len(rest)][2], form.predicate, len(rest) + 1)
                    break
            if match is None and lexicon.forms(language, word):
                match = (start, end, lexicon.forms(language, word)[0].predicate, 1)
            if match:
                break
        if match:
            found.append(match[:3])
            index += match[3]
        else:
            index += 1
    return found


def _window_before(sentence, start: int) -> int:
    """Where the words right before a name that may describe it begin ("die ehemalige OpenAI-Technikchefin")."""
    text = sentence.text
    stop = max((m.end() for m in _BEFORE_STOP.finditer(text, 0, start)), default=0)
    words = list(_WORD.finditer(text, stop, start))
    coordinators = word_set("coordinators", sentence.lang)
    kept = []
    for word in reversed(words[-5:]):
        if word.group().lower() in coordinators or any(m.kind == "person" and m.start <= word.start() < m.end
                                                      for m in sentence.mentions):
            break
        kept.append(word)
    return kept[-1].start() if kept else start


def _window_after(sentence, end: int) -> tuple[int, int]:
    """An apposition after the name, or what a copula says of it ("ist Vorstandschefin")."""
    text = sentence.text
    opened = _OPEN_APPOSITION.match(text, end)
    if opened:
        closing = _APPOSITION_END.search(text, opened.end())
        return opened.end(), closing.start() if closing else len(text)
    following = text[end:end + 12].split()
    if following and following[0].lower() in word_set("copulas", sentence.lang):
        closing = _APPOSITION_END.search(text, end)
        return end, closing.start() if closing else len(text)
    return end, end


def _other_organisation(sentence, expected: Expected, left: int, right: int) -> tuple[int, int] | None:
    """An organisation named in the window that is not the one the person holds the role at."""
    if expected.at is None:
        return None
    for mention in sentence.mentions:
        if left <= mention.start < right and mention.kind == "organisation" and mention.subject != expected.at:
            return mention.start, mention.end
    return None


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each title of another role, or another organisation, next to the person."""
    expected: Expected = rule.expected
    if not sentence.in_context(rule.scope):
        return
    modifiers = word_set("not_the_title", sentence.lang) | word_set("not_the_title", "de")
    for mention in sentence.mentions:
        if mention.subject != rule.scope.subject:
            continue
        windows = [(_window_before(sentence, mention.start), mention.start), _window_after(sentence, mention.end)]
        for left, right in windows:
            if right <= left or negated_in(sentence, left, right):
                continue
            for start, end, role in _titles(sentence, left, right):
                if role in expected.roles or not expected.roles:
                    continue
                before = sentence.text[max(left, start - 25):start].replace("-", " ").lower().split()
                if before and before[-1] in modifiers:
                    continue    # "Interim-CEO", "stellvertretende Chefin": another title
                yield from _mismatch(sentence, start, end, expected)
            other = _other_organisation(sentence, expected, left, right)
            if other is not None and _titles(sentence, left, right):
                yield from _mismatch(sentence, *other, expected)


def _mismatch(sentence, start: int, end: int, expected: Expected) -> Iterator[Mismatch]:
    stance = sentence.stance(start, end)
    if stance.reason in ("question", "reported", "hypothetical"):
        return
    yield Mismatch(start, end, "", expected.state, max_severity=stance.max_severity, note=stance.note)
