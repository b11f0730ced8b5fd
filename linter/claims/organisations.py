"""Organisations the pack does not know, found by how their names are made.

A capitalised name that is no subject of the pack may be a person, a place, a product or a common noun
(German capitalises every noun): taken as someone who did something, it would make a claim of every
"Der Kläger" or "Brockman". It counts as an organisation only when the name says so (word lists in
vocabulary/words.yaml):

- it ends, after other capitalised words, with a word organisation names end with ("Washington Post",
  "Financial Times", "Hollmann GmbH"; `organisation_endings`),
- it is a word that only names are made of ("der Guardian"; `organisation_names`),
- it is an acronym or written in camel case ("BBC", "ByteDance"), and no word of the vocabulary
  ("KI", "CEO"),
- or a noun introduces it as one ("der Konzern Microsoft", "the newspaper Le Monde"; `organisation_nouns`).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..vocabulary import role_definitions, word_lists, word_set
from .names import compact

_LOWER_IN_WORD = re.compile(r"[a-z][A-Z]")
_WORD = re.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True)
class UnknownOrganisation:
    """A name found as an organisation's, shaped like a subject mention (no subject id: the pack does not
    know it)."""

    start: int
    end: int
    subject: str = ""
    kind: str = "organisation"


@functools.lru_cache(maxsize=None)
def _exact(list_name: str, lang: str) -> frozenset:
    """A words.yaml list as written (case counts: "AI" is an ending, "ai" is not)."""
    return frozenset(word_lists().get(list_name, {}).get(lang, ()))


@functools.lru_cache(maxsize=None)
def _vocabulary_words(lang: str) -> frozenset:
    """Upper-case words the vocabulary knows as common words or titles ("KI", "CEO"): no acronym of a name."""
    titles = {t for spec in role_definitions()["roles"].values() for t in spec.get(lang, ()) + spec.get("en", ())}
    words = set(word_lists()["product_nouns"].get(lang, ())) | titles
    return frozenset(w for w in words if w.isupper())


@functools.lru_cache(maxsize=None)
def _run_openers(lang: str) -> frozenset:
    """Capitalised words that may open a run of names without being one: function words that start a
    sentence ("Die", "Laut", "The") and the nouns that introduce an organisation ("Konzern")."""
    lists = ("determiners", "clause_openers", "coordinators", "relative_pronouns", "negations", "indefinite",
             "organisation_nouns")
    return frozenset().union(*(word_set(name, lang) for name in lists))


def _acronym_or_camel(token: str, lang: str) -> bool:
    letters = list(filter(str.isalpha, token))
    if len(letters) >= 2 and all(map(str.isupper, letters)):
        return token not in _vocabulary_words(lang)
    return bool(_LOWER_IN_WORD.search(token))


def _is_organisation(tokens: list[str], introduced: bool, lang: str) -> bool:
    if introduced:
        return True
    if len(tokens) >= 2 and tokens[-1] in _exact("organisation_endings", lang):
        return True
    if len(tokens) == 1 and tokens[0] in _exact("organisation_names", lang):
        return True
    # an acronym or camel-case word alone ("BBC", "ByteDance"; not "Typ HW", "US-Schauspieler")
    return len(tokens) == 1 and _acronym_or_camel(tokens[0], lang)


def _glued(text: str, start: int, end: int) -> bool:
    """Part of a hyphenated compound ("US-Schauspieler", "KI-Forscher")."""
    return text[start - 1:start] in ("-", "\u2011") or text[end:end + 1] in ("-", "\u2011")


def _introduced_before(text: str, start: int, organisation_nouns: frozenset) -> bool:
    """A noun that introduces an organisation stands right before the name ("der Konzern Microsoft")."""
    before = _WORD.findall(text, max(0, start - 30), start)
    return bool(before) and before[-1].lower() in organisation_nouns


def unknown_organisations(text: str, lang: str, known: list, runs: list) -> list[tuple[int, int]]:
    """Spans of names in `text` that say they are organisations and are none of the `known` mentions;
    `runs`: the text's runs of name-like tokens (names.name_runs)."""
    found = []
    organisation_nouns, openers = word_set("organisation_nouns", lang), _run_openers(lang)
    for tokens in runs:
        if known and any(m.start < tokens[-1][1] and tokens[0][0] < m.end for m in known):
            continue
        # a run may begin with a capitalised function word ("Die Washington Post") or a noun that
        # introduces the name ("Konzern Microsoft")
        introduced = False
        while tokens and (word := text[tokens[0][0]:tokens[0][1]].lower()) in openers:
            introduced = introduced or word in organisation_nouns
            tokens = tokens[1:]
        if not tokens or _glued(text, tokens[0][0], tokens[-1][1]):
            continue
        # the word before is read only when the name's own shape does not already tell
        if _is_organisation([text[a:b] for a, b, _ in tokens], introduced, lang) or \
                _introduced_before(text, tokens[0][0], organisation_nouns):
            found.append((tokens[0][0], tokens[-1][1]))
    return found


def unknown_mentions(sentence) -> list[UnknownOrganisation]:
    """The organisations of a sentence that none of its mentions names; one that is a subject's name with
    other spacing or case ("Open AI") is that subject (the name facts report the spelling). Read once per
    sentence: several facts ask."""
    cached = getattr(sentence, "_unknown_organisations", None)
    if cached is not None:
        return cached
    found = []
    # the pack's own mentions; names read only by the shape of the sentence (claims/entities.py) may be
    # one of these organisations
    known = [m for m in sentence.mentions if not getattr(m, "foreign", False)]
    for a, b in unknown_organisations(sentence.text, sentence.lang, known, sentence.name_runs):
        subject = sentence.name_keys.get(compact(sentence.text[a:b]), "")
        found.append(UnknownOrganisation(a, b, subject, sentence.subject_kind.get(subject, "organisation")))
    sentence._unknown_organisations = found
    return found
