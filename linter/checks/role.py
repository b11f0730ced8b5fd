"""Role facts: the title a person holds, and where ("Technikchefin von OpenAI", "Energieminister von
Schleswig-Holstein", "Meeresbiologin beim Meeresschutzbund Nord").

Fields (`expected`):
  title   the person's right titles in plain words ("Technikchefin", "CTO"); each names a role of the
          shared title vocabulary (linter/vocabulary/roles.yaml), so "Technologiechefin" and "chief
          technology officer" are right too
  at      optional: the organisation (a subject id) the person holds it at
  in      optional: the place (a city) the person works in, in plain words ("Jena")
  nationality  optional: the person's nationality in plain words ("US", "amerikanisch", "American")
  state   the role in words, shown in the finding

A claim is a title next to the person's name: before it ("OpenAI-Technikchefin Mira Murati", "die
ehemalige Chefin Mira Murati"), in an apposition after it between commas, dashes or brackets ("Mira
Murati – seit 2023 Vorstandschefin von OpenAI –"), or after a copula ("Murati ist Vorstandschefin").
A title of another role is a contradiction, unless a word before it makes it another title
("Interim-CEO", "stellvertretende Chefin"); so is another organisation next to the title or after
"von"/"bei"/"of"/"at" in the apposition, and another place or nationality said of the person
(claims/descriptors.py reads them).
FAIL: "Mira Murati, die Chefin von OpenAI, sprach über Sora."
PASS: "OpenAI-Technikchefin Mira Murati sprach über Sora."
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ..fields import FieldReader
from ..findings import Mismatch
from ..claims import descriptors
from ..claims.descriptors import field_word, nationality_of
from ..vocabulary import role_definitions, role_lexicon_cached, role_lineage, role_of_title, roles_agree
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
    places: tuple = ()        # the place the person works in, in its spellings ("Jena", "Jenaer")
    nationalities: frozenset = frozenset()   # nationality keys of words.yaml ("us")


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
    nationalities = set()
    for word in reader.strings("nationality"):
        key = nationality_of(word)
        if key is None:
            raise reader.fail("nationality", f'has a word the linter does not know as a nationality: "{word}" '
                                             "(write it as an adjective or a country: US, amerikanisch, American, "
                                             "Kanada; see nationalities in linter/vocabulary/words.yaml)")
        nationalities.add(key)
    return Expected(frozenset(roles), at, reader.text("state", required=False) or ", ".join(titles),
                    reader.strings("in"), frozenset(nationalities))


def _titles(sentence, left: int, right: int) -> tuple[tuple[int, int, str], ...]:
    """(start, end, role) of every title in [left, right), longest first at each word (read once for a
    span: a person's windows are read for whether the right title is among them, then one by one)."""
    return sentence.answer(_read_titles, left, right)


def _read_titles(sentence, left: int, right: int) -> tuple[tuple[int, int, str], ...]:
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
    return tuple(found)


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
    following = text[end:end + 12].split()
    if following and following[0].lower() in word_set("affiliation_prepositions", sentence.lang):
        closing = _APPOSITION_END.search(text, end)        # "Tom Warren of Engadget"
        return end, closing.start() if closing else len(text)
    if opened:
        closing = _APPOSITION_END.search(text, opened.end())
        return opened.end(), closing.start() if closing else len(text)
    if following and following[0].lower() in word_set("copulas", sentence.lang) | word_set("affiliation_verbs", sentence.lang):
        closing = _APPOSITION_END.search(text, end)
        return end, closing.start() if closing else len(text)
    return end, end


_NAME_RUN = re.compile(r"(?:[A-ZÄÖÜ][\w&.'\u2019-]*)(?:\s+(?:[A-ZÄÖÜ][\w&.'\u2019-]*|of|for|&))*")


def _affiliations(sentence, left: int, right: int, titles: list, prepositions_too: bool = True) -> list[tuple[int, int]]:
    """Names of organisations the window ties the person to: a prefix joined to a title
    ("Wired-Chefredakteur"), capitalised words right before an English title ("Wired editor"), or a name
    after "von", "bei", "of", "at" ("Redakteur bei TechCrunch", "Tom Warren of Engadget"). After the name
    the prepositions are left to claims/descriptors.py, which reads only those joined to the person
    ("Hany Farid, speaking at Stanford," names no employer)."""
    text, found = sentence.text, []
    prepositions = word_set("affiliation_prepositions", sentence.lang)
    articles = word_set("determiners", sentence.lang)
    describing = word_set("not_the_title", sentence.lang) | word_set("title_adjectives", sentence.lang)
    for start, end, role in titles:
        head = re.search(r"([A-ZÄÖÜ][\w&.'\u2019]*)-$", text[left:start])
        if head and head.group(1).lower() not in describing and nationality_of(head.group(1)) is None \
                and not field_word(head.group(1), sentence.lang):
            found.append((left + head.start(1), left + head.end(1)))
        elif sentence.lang == "en":
            words = list(re.finditer(r"[A-Z][\w&.'\u2019]*", text[left:start]))
            if words and not text[left + words[-1].end():start].strip() and words[-1].group().lower() not in articles \
                    and words[-1].group().lower() not in describing and nationality_of(words[-1].group()) is None \
                    and not field_word(words[-1].group(), sentence.lang) \
                    and _capitalised_as_name(sentence, left + words[-1].start(), left + words[-1].end(), role):
                found.append((left + words[-1].start(), left + words[-1].end()))
        # "Chefredakteur des Magazins Wired": a genitive after the title names where the role is held
        genitive = re.match(r"\s+(\w+)\s+", text[end:])
        if genitive and genitive.group(1).lower() in word_set("genitive_determiners", sentence.lang) | {"der"}:
            name = _NAME_RUN.match(text, end + genitive.end())
            if name and _names_an_organisation(sentence, *name.span()):
                found.append(name.span())
    for word in re.finditer(r"[^\W\d_]+", text[left:right] if prepositions_too else ""):
        if word.group().lower() not in prepositions:
            continue
        position = left + word.end()
        after = re.match(r"\s+(?:(\w+)\s+)?", text[position:])
        if after and after.group(1) and after.group(1).lower() not in articles:
            after = re.match(r"\s+", text[position:])
        name = _NAME_RUN.match(text, position + (after.end() if after else 0))
        if name and name.end() <= right + 40:
            found.append(name.span())
    return found


def _capitalised_as_name(sentence, start: int, end: int, role: str) -> bool:
    """Whether an English capitalised word before a title is capitalised because it is a name. The first
    word of a sentence may be an adjective; before a profession it is taken for one ("Renowned expert X",
    "Veteran researcher X"), before a post at an organisation for its name ("Wired editor-in-chief X"),
    and an acronym ("MIT") or a subject of the pack is a name anywhere."""
    word = sentence.text[start:end]
    first = not sentence.text[:start].strip(" \"'\u201c\u2018*_([")
    if not first or word.isupper() or any(m.start < end and start < m.end for m in sentence.mentions):
        return True
    return not any(role_definitions()["roles"].get(r, {}).get("profession") for r in role_lineage(role))


def _names_an_organisation(sentence, start: int, end: int) -> bool:
    """Whether a genitive after a title names where the role is held ("Chefredakteur des Magazins Wired",
    "Professorin der Stanford University", "Chefin der NVB"), not a common noun ("einer der bekanntesten
    Experten der Welt"): a subject, more than one word, an acronym or an institution."""
    words = sentence.text[start:end].split()
    institutions = {w.lower() for w in word_set("institutions", "de") | word_set("institutions", "en")}
    return len(words) > 1 or words[0].isupper() or words[0].lower() in institutions \
        or any(m.start < end and start < m.end for m in sentence.mentions)


def _title_before_comma(sentence, mention) -> list[tuple[int, int]]:
    """The name as an apposition of the title before it ("Germany's federal energy minister, Malte
    Ingwersen, attended")."""
    text = sentence.text
    comma = re.search(r"(?:,|\s[\u2013\u2014-])\s*$", text[:mention.start])
    if not comma:
        return []
    stop = max((m.end() for m in _BEFORE_STOP.finditer(text, 0, comma.start())), default=0)
    titles = _titles(sentence, stop, comma.start())
    if titles and not text[titles[-1][1]:comma.start()].strip():
        return [(stop, comma.start())]
    return []


def _detached_apposition(sentence, mention) -> list[tuple[int, int]]:
    """A piece between commas that begins with a title, later in a sentence that names this person and no
    other ("… hatte Tom Warren aufmerksam gemacht, Chefredakteur des Magazins Wired.")."""
    if any(m.kind == "person" and m.subject != mention.subject for m in sentence.mentions):
        return []
    text, found = sentence.text, []
    for comma in re.finditer(r",\s*", text[mention.end:]):
        start = mention.end + comma.end()
        closing = _APPOSITION_END.search(text, start)
        end = closing.start() if closing else len(text)
        titles = _titles(sentence, start, end)
        if titles and not text[start:titles[0][0]].strip(" ").replace("der ", "").replace("die ", "").strip():
            found.append((start, end))
    return found


def _other_organisation(sentence, expected: Expected, left: int, right: int, titles: list,
                        said: list, prepositions_too: bool) -> tuple[int, int] | None:
    """An organisation the window ties the person to that is not the one the role is held at."""
    if expected.at is None:
        return None
    named = _affiliations(sentence, left, right, titles, prepositions_too)
    named += [(d.start, d.end) for d in said if d.kind == "organisation"
              and not any(start < d.end and d.start < end for start, end in named)]
    for start, end in sorted(named):
        mentions = [m for m in sentence.mentions if m.start < end and start < m.end]
        if any(m.subject == expected.at for m in mentions):
            continue
        if mentions and all(m.kind == "person" for m in mentions):
            continue
        return start, end
    return None


def evaluate(rule, sentence) -> Iterator[Mismatch]:
    """Yield a mismatch for each title of another role, or another organisation, place or nationality,
    next to the person."""
    expected: Expected = rule.expected
    if not sentence.in_context(rule.scope):
        return
    for mention in sentence.mentions:
        if mention.subject != rule.scope.subject:
            continue
        before = (_window_before(sentence, mention.start), mention.start)
        after = _window_after(sentence, mention.end)
        windows = [before, after] + _detached_apposition(sentence, mention) + _title_before_comma(sentence, mention)
        # "Mayor X, a former spokeswoman": beside the right title, a former one is the person's history
        now_right = any(roles_agree(role, right) for w in windows if w[1] > w[0]
                        for _, _, role in _titles(sentence, *w) for right in expected.roles)
        for left, right in windows:
            if right <= left or negated_in(sentence, left, right):
                continue
            titles = _titles(sentence, left, right)
            said = []
            if (left, right) == before:
                said = descriptors.before(sentence, left, right, titles)
            elif (left, right) == after:
                said = descriptors.after(sentence, left, right, titles)
            # one finding for one wrong description: the title if it is wrong, else the organisation, the
            # place, the nationality
            wrong = _wrong_titles(sentence, expected, left, right, titles, now_right)
            if not wrong:
                wrong = _wrong_descriptions(sentence, expected, (left, right), after, titles, said)
            for start, end in wrong:
                yield from _mismatch(sentence, start, end, expected)


def _wrong_titles(sentence, expected: Expected, left: int, right: int, titles: list,
                  now_right: bool = False) -> list[tuple[int, int]]:
    """Titles of a role that is not the person's (nor broader or narrower than it); with the right title
    given too (`now_right`), one put in the past ("a former spokeswoman") is not wrong."""
    modifiers = word_set("not_the_title", sentence.lang) | word_set("not_the_title", "de")
    wrong = []
    for start, end, role in titles:
        if not expected.roles or any(roles_agree(role, right) for right in expected.roles):
            continue
        before = sentence.text[max(left, start - 25):start].replace("-", " ").lower().split()
        if before and before[-1] in modifiers:
            continue    # "Interim-CEO", "stellvertretende Chefin": another title
        if now_right and any(word.strip(",") in word_set("former", sentence.lang) for word in before[-3:]):
            continue
        wrong.append((start, end))
    return wrong


def _wrong_descriptions(sentence, expected: Expected, window: tuple, after: tuple, titles: list,
                        said: list) -> list[tuple[int, int]]:
    """Another organisation, else another place, else another nationality the window gives the person."""
    left, right = window
    now = descriptors.speaks_of_now(sentence, left, right) if window == after else \
        not descriptors.said_as_former(sentence, left, right)
    if now:
        other = _other_organisation(sentence, expected, left, right, titles, said, window != after)
        if other is not None:
            return [other]
        places = [(d.start, d.end) for d in said if d.kind == "place" and _other_place(sentence, expected, d)]
        if places:
            return places[:1]
    if expected.nationalities:
        return [(d.start, d.end) for d in said if d.kind == "nationality" and d.value not in expected.nationalities][:1]
    return []


def _other_place(sentence, expected: Expected, place) -> bool:
    """A place that is not the person's: not one of its spellings, not its German adjective ("Jenaer"),
    not a country (a country is a nationality) and not a name of the person's organisation."""
    if not expected.places or nationality_of(place.value) is not None:
        return False
    if any(m.subject == expected.at and m.start < place.end and place.start < m.end for m in sentence.mentions):
        return False
    written = place.value.lower()
    for name in expected.places:
        name = name.lower()
        stem = name[:max(3, len(name) - 2)]
        if written == name or written.startswith(name + "-") or (written.endswith("er") and written.startswith(stem)
                                                                  and len(written) <= len(name) + 4):
            return False
    return True


def _mismatch(sentence, start: int, end: int, expected: Expected) -> Iterator[Mismatch]:
    stance = sentence.stance(start, end)
    if stance.says_nothing:
        return
    yield Mismatch(start, end, "", expected.state, max_severity=stance.max_severity, note=stance.note)
