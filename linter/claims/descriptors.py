"""What a text says of a person right beside the name, besides the title: a nationality ("der
britische Filmemacher", "Tyler Perry, the Canadian director", "Filmemacher aus Kanada"), a place
("die Leipziger Forscherin", "Berlin-based", "Universität Leipzig", "Forscherin in Leipzig") and an
institution ("Stanford-Forscher", "MIT's", "von der Harvard University", "at MIT").

Only the words that describe the person count: the run of title, adjectives and names that ends at
the name, and the head of an apposition or of what a copula or a verb of working says after it ("ist
Professorin an der Universität Leipzig", "who teaches at Stanford"). A word further away belongs to
someone else ("Anders als der Leipziger Forscher X sagt Humprecht"); a relative clause without a
present verb of working ("who once studied at MIT") and anything said as past ("früher", "once") name
no place or institution of the person now. The words are language knowledge (words.yaml:
nationalities, institutions, field_prefixes, affiliation_verbs, place_prepositions, ...).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..vocabulary import _german_adjective, _german_noun, word_lists, word_set, words_of

_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019]s)?")
_RELATIVE_EN = frozenset({"who", "which", "that", "whom", "whose", "where"})


@dataclass(frozen=True, slots=True)
class Descriptor:
    kind: str       # "nationality" | "place" | "organisation"
    start: int
    end: int
    value: str      # a nationality key ("us"), a place or an organisation as written


@dataclass(frozen=True, slots=True)
class _Token:
    word: str       # as written, without a possessive 's
    lower: str
    start: int
    end: int
    hyphen: bool    # a hyphen joins it to the next word ("US-Schauspieler")
    possessive: bool


def _tokens(text: str, left: int, right: int) -> list[_Token]:
    found = []
    for match in _TOKEN.finditer(text, left, right):
        word = match.group()
        possessive = word.endswith(("'s", "\u2019s"))
        word = word[:-2] if possessive else word
        end = match.start() + len(word)
        found.append(_Token(word, word.lower(), match.start(), end, text[end:end + 1] == "-", possessive))
    return found


# --- nationalities -------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def nationality_lexicon(lang: str) -> dict:
    """{first word: ((rest words, nationality key, spelt in capitals), ...)} for a language."""
    table: dict = {}
    for key, by_lang in word_lists().get("nationalities", {}).items():
        for entry in by_lang.get(lang, ()):
            words = words_of(entry)
            if lang == "de" and entry[:1].islower():
                lasts = _german_adjective(words[-1])
            elif lang == "de" and not entry.isupper():
                lasts = _german_noun(words[-1])
            else:
                lasts = [words[-1]]
            for last in lasts:
                phrase = words[:-1] + (last,)
                table.setdefault(phrase[0], []).append((phrase[1:], str(key), entry.replace(".", "").isupper()))
    return {first: tuple(sorted(rest, key=lambda r: -len(r[0]))) for first, rest in table.items()}


def nationality_of(word: str) -> str | None:
    """The nationality a word or phrase of the list names ("amerikanisch", "US", "Canadian"), or None."""
    words = words_of(word)
    for lang in ("de", "en"):
        for rest, key, _ in nationality_lexicon(lang).get(words[0] if words else "", ()):
            if rest == words[1:]:
                return key
    return None


def known_nationalities() -> list[str]:
    return sorted(str(k) for k in word_lists().get("nationalities", {}))


def _nationality_at(tokens: list[_Token], index: int, lang: str) -> tuple[str, int] | None:
    """(nationality, number of tokens) of a nationality word starting at tokens[index]."""
    token = tokens[index]
    for rest, key, capitals in nationality_lexicon(lang).get(token.lower, ()):
        following = tokens[index + 1:index + 1 + len(rest)]
        if tuple(t.lower for t in following) != rest:
            continue
        written = "".join(t.word for t in [token] + following)
        if capitals and not written.isupper():
            continue            # "us" is a pronoun, "US" the country
        return key, len(rest) + 1
    return None


# --- the words that describe the person ------------------------------------------------------------------

def _adjective(token: _Token, lang: str) -> bool:
    """A word that may stand between a determiner and a title ("die renommierte", "former")."""
    if token.lower in word_set("title_adjectives", lang) or token.lower in word_set("not_the_title", lang):
        return True
    return lang == "de" and token.word.islower() and token.lower.endswith(("e", "en", "er", "es", "em")) \
        and token.lower not in word_set("finite_verbs", lang) and token.lower not in word_set("determiners", lang)


def _demonym(token: _Token, lang: str) -> bool:
    """A German place adjective ("Leipziger", "Jenaer"): a capitalised word in -er before a title."""
    return lang == "de" and token.word[:1].isupper() and token.lower.endswith("er") and len(token.word) >= 5 \
        and not token.word.isupper()


def field_word(word: str, lang: str) -> bool:
    """A word before a hyphenated title that says the person's field ("KI-Experte",
    "Verteidigungs-Experte"), not where the person works ("Stanford-Forscher")."""
    lower = word.lower()
    return lower in word_set("field_prefixes", lang) or (not word.isupper() and lower.endswith(
        tuple(word_lists().get("field_endings", {}).get(lang, ()))) and len(lower) > 5)


def _in_title(token: _Token, titles: list) -> bool:
    return any(start <= token.start < end for start, end, _ in titles)


def before(sentence, left: int, name_start: int, titles: list) -> list[Descriptor]:
    """What the words right before the name say of the person: read from the name leftwards while the
    words are titles, adjectives, nationalities, places and names ("die Leipziger
    Kommunikationswissenschaftlerin", "der britische Filmemacher", "MIT's", "Berlin-based researcher").
    The word right before the name must be one of them: after a verb ("Der Brite lobte Tyler Perry",
    "The British actor met X") the words before belong to someone else."""
    lang = sentence.lang
    tokens = _tokens(sentence.text, left, name_start)
    if not tokens:
        return []
    last = tokens[-1]
    if last.possessive and last.word[:1].isupper():
        return [Descriptor("organisation", last.start, last.end, last.word)]                 # "MIT's Hany Farid"
    head = _noun_head(last, lang) and not (len(tokens) > 1 and _in_title(tokens[-2], titles))
    if not (_in_title(last, titles) or head or last.lower in word_set("place_suffixes", lang)
            or _ending_nationality(tokens, len(tokens) - 1, lang)):
        return []
    return _descriptor_run(tokens, lang, titles)


def _descriptor_run(tokens: list[_Token], lang: str, titles: list) -> list[Descriptor]:
    found = []
    titled = False          # a title stands between the word and the name
    index = len(tokens) - 1
    while index >= 0:
        token = tokens[index]
        if _in_title(token, titles) or (index == len(tokens) - 1 and _noun_head(token, lang)):
            titled = True
        elif token.hyphen and index + 1 < len(tokens) and tokens[index + 1].lower in word_set("place_suffixes", lang):
            found.append(Descriptor("place", token.start, token.end, token.word))            # "Berlin-based"
        elif token.lower in word_set("place_suffixes", lang) and index and tokens[index - 1].hyphen:
            pass
        elif (nationality := _ending_nationality(tokens, index, lang)) is not None:
            key, length = nationality
            if index - length >= 0 and tokens[index - length].lower in word_set("place_prepositions", lang):
                break           # "der in Kanada bekannte Filmemacher": a place the words speak of
            found.append(Descriptor("nationality", tokens[index - length + 1].start, token.end, key))
            index -= length
            continue
        elif token.hyphen and titled:
            pass                # "Stanford-Forscher", "KI-Experte": the organisation is read by checks/role.py
        elif titled and _demonym(token, lang) and not field_word(token.word, lang):
            found.append(Descriptor("place", token.start, token.end, token.word))            # "Leipziger"
        elif _adjective(token, lang) or (lang == "en" and titled and token.word[:1].isupper()):
            pass                # "renommierte", "UC Berkeley professor"
        else:
            break
        index -= 1
    return found


_FUNCTION_LISTS = ("finite_verbs", "determiners", "coordinators", "place_prepositions", "institution_prepositions",
                   "agent_prepositions", "predicative_followers", "verb_openers", "copulas", "clause_openers",
                   "speech_verbs", "former", "title_adjectives")


def _noun_head(token: _Token, lang: str) -> bool:
    """An English lower-case word right before a name that no list knows, read as the title it is
    ("Canadian director Tyler Perry"): not a function word or a verb of the lists."""
    return lang == "en" and token.word.islower() and len(token.word) > 2 \
        and not any(token.lower in word_set(name, lang) for name in _FUNCTION_LISTS)


def _ending_nationality(tokens: list[_Token], index: int, lang: str) -> tuple[str, int] | None:
    """A nationality word or phrase that ends at tokens[index] ("US-amerikanische", "South African")."""
    for length in (3, 2, 1):
        first = index - length + 1
        if first < 0:
            continue
        hit = _nationality_at(tokens, first, lang)
        if hit and hit[1] == length:
            return hit
    return None


def speaks_of_now(sentence, left: int, right: int) -> bool:
    """Whether a window after the name may say where the person is now: nothing in it is past
    ("früher", "once"), and a relative clause in it says so with a verb of working ("who teaches at")."""
    lang = sentence.lang
    tokens = _tokens(sentence.text, left, right)
    words = {t.lower for t in tokens}
    if words & (word_set("superseded", lang) | word_set("former", lang)):
        return False
    clause = relative_clause(tokens, lang) or bool(words & word_set("finite_verbs", lang))
    return not clause or bool(words & word_set("affiliation_verbs", lang))


def relative_clause(tokens: list, lang: str) -> bool:
    """Whether the words after a comma are a relative clause: "who …", or a German pronoun that no noun
    follows ("die an der Universität Zürich promovierte"; "die Chefin von OpenAI" is an apposition)."""
    if not tokens:
        return False
    if tokens[0].lower in _RELATIVE_EN and lang == "en":
        return True
    return lang == "de" and tokens[0].lower in word_set("clause_openers", lang) and len(tokens) > 1 \
        and tokens[0].word.islower() and not tokens[1].word[:1].isupper() and not _adjective(tokens[1], lang)


def said_as_former(sentence, left: int, right: int) -> bool:
    """Whether the words before a name put it in the past ("der ehemalige Stanford-Forscher")."""
    return any(t.lower in word_set("former", sentence.lang) for t in _tokens(sentence.text, left, right))


def after(sentence, left: int, right: int, titles: list) -> list[Descriptor]:
    """What an apposition, a copula or a verb of working after the name says of the person: its head
    ("ein kanadischer Filmemacher", "the Canadian director", "Brite") and the places and institutions
    joined to it ("Filmemacherin aus Kanada", "Professorin an der Universität Leipzig in Sachsen")."""
    lang, found = sentence.lang, []
    tokens = _tokens(sentence.text, left, right)
    if not speaks_of_now(sentence, left, right):
        return [d for d in _head(tokens, lang, titles) if d.kind == "nationality"]
    if relative_clause(tokens, lang):
        # "der in Stanford lehrt", "who teaches at MIT" (speaks_of_now: it has a verb of working): the
        # places and institutions anywhere in it
        for index, token in enumerate(tokens):
            found += _joined(sentence, tokens, index, lang)
        return found
    found += _head(tokens, lang, titles)
    index = _head_end(tokens, lang, titles)
    while index < len(tokens):
        joined = _joined(sentence, tokens, index, lang)
        if not joined:
            break
        found += joined
        index = next((i for i, t in enumerate(tokens) if t.start >= joined[-1].end), len(tokens))
    return found


def _head_end(tokens: list[_Token], lang: str, titles: list) -> int:
    """Where the head of an apposition ends: after determiners, adjectives, nationalities and titles."""
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.lower in word_set("copulas", lang) | word_set("affiliation_verbs", lang) \
                | word_set("determiners", lang) or _adjective(token, lang) or _in_title(token, titles) \
                or _demonym(token, lang) or token.hyphen:
            index += 1
        elif (hit := _nationality_at(tokens, index, lang)) is not None:
            index += hit[1]
        elif not any(_in_title(t, titles) for t in tokens[:index]) and _unknown_head(token, lang):
            index += 1          # "Informatikprofessor an der …", "archivist at …": a title no list knows
            break
        else:
            break
    return index


def _unknown_head(token: _Token, lang: str) -> bool:
    """A noun no list knows, read as the head of an apposition: in German a capitalised word, in English a
    lower-case one; not a function word, not an English participle ("speaking at Stanford")."""
    if any(token.lower in word_set(name, lang) for name in _FUNCTION_LISTS) or token.word.isupper():
        return False
    if lang == "de":
        return token.word[:1].isupper() and not token.possessive
    return token.word.islower() and len(token.word) > 2 and not token.lower.endswith(("ing", "ed"))


def _head(tokens: list[_Token], lang: str, titles: list) -> list[Descriptor]:
    """Nationalities and place adjectives in the head of an apposition ("der Leipziger Forscherin")."""
    found, end = [], _head_end(tokens, lang, titles)
    index = 0
    while index < end:
        token = tokens[index]
        hit = _nationality_at(tokens, index, lang)
        if hit is not None:
            found.append(Descriptor("nationality", token.start, tokens[index + hit[1] - 1].end, hit[0]))
            index += hit[1]
            continue
        if token.hyphen and index + 1 < len(tokens) and tokens[index + 1].lower in word_set("place_suffixes", lang):
            found.append(Descriptor("place", token.start, token.end, token.word))
        elif _demonym(token, lang) and not _in_title(token, titles) and index + 1 < end \
                and _in_title(tokens[index + 1], titles) and not field_word(token.word, lang):
            found.append(Descriptor("place", token.start, token.end, token.word))
        index += 1
    return found


def _name_run(tokens: list[_Token], index: int) -> int:
    """How many capitalised words (with "of", "für", "der" inside: "University of California") start at
    tokens[index]."""
    length = 0
    while index + length < len(tokens):
        token = tokens[index + length]
        if token.word[:1].isupper():
            length += 1
        elif token.lower in ("of", "for", "für") and index + length + 1 < len(tokens) \
                and tokens[index + length + 1].word[:1].isupper() and length:
            length += 1
        else:
            break
        if token.possessive:
            break
    return length


def _joined(sentence, tokens: list[_Token], index: int, lang: str) -> list[Descriptor]:
    """The place or institution a preposition at tokens[index] joins to the person ("in Leipzig", "aus
    Kanada", "an der Universität Leipzig", "at MIT", "of the University of California")."""
    token = tokens[index]
    places, institutions = word_set("place_prepositions", lang), word_set("institution_prepositions", lang)
    if token.lower not in places | institutions:
        return []
    start = index + 1
    while start < len(tokens) and tokens[start].lower in word_set("determiners", lang) \
            and tokens[start].word[:1].islower():
        start += 1
    length = _name_run(tokens, start)
    if not length or any(t.lower in word_set("indefinite", lang) for t in tokens[index + 1:start]):
        return []           # "guest at a Stanford workshop": a name that describes a thing, not a place of work
    run = tokens[start:start + length]
    text = sentence.text[run[0].start:run[-1].end]
    nationality = _nationality_at(tokens, start, lang)
    if nationality and nationality[1] == length:
        return [Descriptor("nationality", run[0].start, run[-1].end, nationality[0])]   # "aus Kanada"
    institution_words = word_set("institutions", "de") | word_set("institutions", "en")
    found = []
    if any(t.lower in {w.lower() for w in institution_words} for t in run):
        found.append(Descriptor("organisation", run[0].start, run[-1].end, text))
        found += _place_of_institution(run, institution_words)
    elif token.lower in institutions and (token.lower not in ("an", "am") or run[0].word.isupper()) \
            and (start == index + 1 or lang == "en" or _named(sentence, run)):
        # "bei Google", "am MIT"; after an article a German noun is a name only when it is one ("bei der
        # Telekom AG", "von der NVB"), not a common noun ("bei dem Empfang")
        found.append(Descriptor("organisation", run[0].start, run[-1].end, text))
    elif token.lower in places:
        found.append(Descriptor("place", run[0].start, run[-1].end, text))                # "in Leipzig"
    return found


def _named(sentence, run: list[_Token]) -> bool:
    """Whether a German capitalised run is a name: more than one word, an acronym or a subject."""
    start, end = run[0].start, run[-1].end
    return len(run) > 1 or run[0].word.isupper() or any(m.start < end and start < m.end for m in sentence.mentions)


def _place_of_institution(run: list[_Token], institution_words: frozenset) -> list[Descriptor]:
    """The place an institution's name gives: the name after "Universität", "Uni", "University of"."""
    lowered = {w.lower() for w in institution_words}
    for index, token in enumerate(run[:-1]):
        if token.lower not in lowered:
            continue
        rest = run[index + 1:]
        if rest[0].lower == "of":
            rest = rest[1:]
        place = [t for t in rest if t.lower not in lowered]
        if place and place == rest and all(t.word[:1].isupper() for t in place):
            return [Descriptor("place", place[0].start, place[-1].end, " ".join(t.word for t in place))]
    return []
