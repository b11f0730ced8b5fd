"""The linter's knowledge of how people say things, loaded from the YAML files beside this module.

predicates.yaml lists predicates ("announce", "release", "operate" …) by the base forms of their words;
roles.yaml lists titles by role; words.yaml lists function words and markers. This module expands base
forms into the forms a text uses (German and English inflection, separable German verbs, phrasal English
verbs) once, so that a sentence is read with one dictionary look-up per word (claims/predicates.py).

Inflection is generated, not looked up in a dictionary: a generated form that no text uses costs
nothing, and a pack compiled once (rulebook's cache) pays for none of it at start-up. Irregular forms
are listed in the data after the base form.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

_HERE = Path(__file__).resolve().parent
LANGS = ("de", "en")
POS = ("verbs", "dated", "with_noun", "nouns", "adjectives", "phrases")

# German prefixes after which the past participle takes no ge- ("veröffentlicht", "entwickelt")
_INSEPARABLE = ("be", "ge", "er", "ver", "zer", "ent", "emp", "miss", "hinter", "über", "wider")
_WORD = re.compile(r"[^\W\d_]+")


def words_of(text: str) -> tuple[str, ...]:
    """The lower-case words of a text, as the claim reader splits a sentence (hyphens split too)."""
    return tuple(w.lower() for w in _WORD.findall(text))


@dataclass(frozen=True, slots=True)
class Form:
    """One word form of a predicate (or role): which predicate, how it flips polarity, and what else
    the clause must hold for it to count (a separable particle after it, or the rest of a phrase)."""

    predicate: str
    negated: bool           # an antonym ("zurückhalten")
    pos: str                # "verbs" | "dated" | "with_noun" | "nouns" | "adjectives" | "phrases"
    companions: tuple       # words that must follow in the clause: a particle ("vor") or a phrase's rest
    particle: bool          # companions are a separable particle: it ends the clause
    inflected: bool = False  # a German adjective with an ending: it describes a noun ("verfügbare Daten")


def _parse_entry(entry: str) -> tuple[str, list[str]]:
    """`"erscheinen (erscheint, erschien)"` -> ("erscheinen", ["erscheint", "erschien"])."""
    match = re.match(r"^\s*([^()]+?)\s*(?:\(([^()]*)\))?\s*$", entry)
    if not match:
        raise ValueError(f"cannot read vocabulary entry {entry!r}")
    extra = [x.strip() for x in (match.group(2) or "").split(",") if x.strip()]
    return match.group(1).strip(), extra


def _german_weak(verb: str) -> tuple[list[str], list[str], str]:
    """Finite forms, forms without a prefix use, and the participle of a German verb, regularly."""
    if verb.endswith(("eln", "ern")):
        stem, infinitive = verb[:-1], verb
    elif verb.endswith("en"):
        stem, infinitive = verb[:-2], verb
    else:
        stem, infinitive = verb[:-1], verb
    # "startet": an e before t and st after t or d; after a consonant + m/n ("öffnet", but "lehnt") both
    # are generated, since a form no text uses costs nothing
    if stem.endswith(("t", "d")):
        joins = ("e",)
    elif re.search(r"[^aeiouäöülr][mn]$", stem):
        joins = ("", "e")
    else:
        joins = ("",)
    finite = [stem + "e", infinitive, stem + "est", stem + "et"]
    for e in joins:
        finite += [stem + e + "st", stem + e + "t", stem + e + "te", stem + e + "test", stem + e + "ten", stem + e + "tet"]
    prefix = "" if stem.startswith(_INSEPARABLE) or verb.endswith("ieren") else "ge"
    participle = prefix + stem + joins[-1] + "t"
    return finite, [infinitive], participle


def _german_verb(entry: str) -> list[tuple[str, tuple, bool]]:
    """(form, companions, particle) for each form of a German verb entry."""
    base, extra = _parse_entry(entry)
    words = base.split()
    # "auf den Markt bringen": the verb is the last word, the rest a phrase the clause must hold
    phrase = tuple(w.lower() for w in words[:-1])
    verb = words[-1].lower()
    particle, _, core = verb.rpartition("|")
    finite, infinitives, participle = _german_weak(core)
    forms: list[tuple[str, tuple, bool]] = []
    if particle:
        forms += [(f, (particle,), True) for f in finite]           # "stellte … vor"
        forms += [(particle + f, (), False) for f in finite]         # "…, dass OpenAI Sora vorstellte"
        forms += [(particle + "ge" + participle.removeprefix("ge") if participle.startswith("ge")
                   else particle + participle, (), False)]
        forms += [(particle + "zu" + core, (), False)]
    else:
        forms += [(f, (), False) for f in finite + infinitives + [participle]]
    for form in extra:
        spoken = [p for p in form.lower().split() if p not in phrase]
        if len(spoken) == 2:                    # "fand statt": a finite form and its particle
            forms.append((spoken[0], (spoken[1],), True))
        elif len(spoken) == 1:
            forms.append((spoken[0], (), False))
        else:
            raise ValueError(f"cannot read the form {form!r} of {entry!r}: one word, or a verb and its particle")
    if phrase:
        forms = [(f, phrase if not companions else phrase + companions, False) for f, companions, _ in forms]
    return forms


def _english_verb(entry: str) -> list[tuple[str, tuple, bool]]:
    base, extra = _parse_entry(entry)
    words = base.lower().split()
    verb, rest = words[0], tuple(words[1:])
    forms = {verb, verb + "s", verb + "es", verb + "ed", verb + "d", verb + "ing"}
    if verb.endswith("e"):
        forms |= {verb[:-1] + "ing"}
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", verb):          # ship -> shipped, shipping
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    for form in extra:
        parts = form.lower().split()
        forms.add(parts[0])
    return [(f, rest, bool(rest)) for f in sorted(forms)]


def _german_noun(entry: str) -> list[str]:
    base = entry.lower()
    forms = {base, base + "s", base + "es", base + "e", base + "en", base + "n", base + "er", base + "ern"}
    if base.endswith("in"):
        forms.add(base + "nen")
    return sorted(forms)


def _english_noun(entry: str) -> list[str]:
    base = entry.lower()
    forms = {base, base + "s", base + "es", base + "'s"}
    if base.endswith("y"):
        forms.add(base[:-1] + "ies")
    return sorted(forms)


def _german_adjective(entry: str) -> list[str]:
    base = entry.lower()
    return [base] + [base + ending for ending in ("e", "en", "er", "es", "em")]


@dataclass(frozen=True)
class Lexicon:
    """Every form of every predicate, by language: a word's forms, and phrases by their first word."""

    single: dict        # lang -> {form: tuple[Form, ...]}
    phrases: dict       # lang -> {first word: tuple[(rest words, Form), ...]}
    definitions: dict = None    # the predicates it was built from (properties: together, introduces, ...)

    def forms(self, lang: str, word: str) -> tuple:
        return self.single.get(lang, {}).get(word, ())


def _add(table: dict, key: str, form: Form) -> None:
    table.setdefault(key, [])
    if form not in table[key]:
        table[key].append(form)


def build_lexicon(predicates: dict) -> Lexicon:
    """Expand `predicates` ({name: {lang: {pos: [entries]}, "antonyms": {lang: {pos: [...]}}}})."""
    single: dict = {lang: {} for lang in LANGS}
    phrases: dict = {lang: {} for lang in LANGS}
    # the forms of one entry mostly share one Form ("stellt … vor", "stellte … vor"): one object for
    # each distinct Form keeps the pack cache small and quick to read (5,184 objects were 182 values)
    distinct: dict = {}
    for name, spec in predicates.items():
        for negated, source in ((False, spec), (True, spec.get("antonyms") or {})):
            for lang in LANGS:
                for pos, entries in (source.get(lang) or {}).items():
                    for entry in entries or ():
                        for key, form in _forms(name, negated, lang, pos, str(entry)):
                            form = distinct.setdefault(form, form)
                            if isinstance(key, tuple):
                                phrases[lang].setdefault(key[0], [])
                                if (key[1:], form) not in phrases[lang][key[0]]:
                                    phrases[lang][key[0]].append((key[1:], form))
                            else:
                                _add(single[lang], key, form)
    return Lexicon({lang: {k: tuple(v) for k, v in table.items()} for lang, table in single.items()},
                   {lang: {k: tuple(v) for k, v in table.items()} for lang, table in phrases.items()},
                   predicates)


def _forms(name: str, negated: bool, lang: str, pos: str, entry: str):
    """(key, Form) pairs for one entry: key is a word, or a tuple of words for a fixed phrase."""
    if pos in ("verbs", "dated", "with_noun"):
        expand = _german_verb if lang == "de" else _english_verb
        for form, companions, particle in expand(entry):
            parts = _split(form)
            if len(parts) == 1:
                yield parts[0], Form(name, negated, pos, companions, particle)
            else:
                yield parts, Form(name, negated, pos, companions, particle)
        return
    if pos == "phrases":
        parts = _split(entry)
        yield (parts if len(parts) > 1 else parts[0]), Form(name, negated, pos, (), False)
        return
    words = _split(entry)
    if len(words) > 1:          # "release date", "ersten Strom": a fixed phrase, its last word inflected
        endings = _german_noun if lang == "de" else _english_noun
        for last in endings(words[-1]):
            yield words[:-1] + (last,), Form(name, negated, pos, (), False)
        return
    inflect = {("de", "nouns"): _german_noun, ("en", "nouns"): _english_noun,
               ("de", "adjectives"): _german_adjective}.get((lang, pos), lambda w: [w.lower()])
    base = words[0].lower()
    for form in inflect(words[0]):
        yield form, Form(name, negated, pos, (), False, pos == "adjectives" and form != base)


def _split(text: str) -> tuple[str, ...]:
    return words_of(text.replace("|", ""))


# The YAML files are the source a person edits; vocabulary.json is their compiled twin, read at run time
# (parsing the YAML took ~120 ms, more than half of a one-draft run's budget; json.load takes ~2 ms).
# `python -m linter.vocabulary` regenerates it, and a test fails when the two differ.
SOURCES = ("predicates.yaml", "roles.yaml", "words.yaml")
COMPILED = _HERE / "vocabulary.json"


def parse_sources() -> dict:
    """The vocabulary as the YAML files say it: {file name: content}."""
    result = {}
    for name in SOURCES:
        with open(_HERE / name, encoding="utf-8") as handle:
            result[name] = yaml.safe_load(handle)
    return result


def compiled_text(sources: dict) -> str:
    return json.dumps(sources, ensure_ascii=False, separators=(",", ":")) + "\n"


@functools.lru_cache(maxsize=1)
def _compiled() -> dict:
    with open(COMPILED, encoding="utf-8") as handle:
        return json.load(handle)


def _load(name: str) -> dict:
    return _compiled()[name]


@functools.lru_cache(maxsize=1)
def predicate_definitions() -> dict:
    """The shipped predicates: {name: spec}."""
    return _load("predicates.yaml")["predicates"]


@functools.lru_cache(maxsize=1)
def role_definitions() -> dict:
    """The shipped roles ({role: {lang: [titles]}}) and the words that make a title another role."""
    return _load("roles.yaml")


@functools.lru_cache(maxsize=1)
def word_lists() -> dict:
    """Function words and markers (words.yaml)."""
    return _load("words.yaml")


def merged_predicates(additions: dict | None) -> dict:
    """The shipped predicates with a pack's additions: new words for a predicate, or new predicates."""
    merged = {name: {k: v for k, v in spec.items()} for name, spec in predicate_definitions().items()}
    for name, spec in (additions or {}).items():
        target = merged.setdefault(name, {"about": spec.get("about", "")})
        for flag in ("introduces", "value_after", "maker"):
            if flag in spec:
                target[flag] = spec[flag]
        if spec.get("together"):
            target["together"] = list(target.get("together") or []) + list(spec["together"])
        for section in LANGS + ("antonyms",):
            if section not in spec:
                continue
            if section == "antonyms":
                target.setdefault("antonyms", {})
                for lang, by_pos in spec["antonyms"].items():
                    _merge_pos(target["antonyms"].setdefault(lang, {}), by_pos)
            else:
                _merge_pos(target.setdefault(section, {}), spec[section])
    return merged


def _merge_pos(target: dict, additions: dict) -> None:
    for pos, entries in (additions or {}).items():
        target[pos] = list(target.get(pos) or []) + list(entries or [])


def role_lexicon() -> Lexicon:
    """Titles by role, in the same shape as predicates (each title is a noun or a phrase)."""
    roles = role_definitions()["roles"]
    return build_lexicon({role: {lang: {"nouns": spec[lang]} for lang in LANGS if spec.get(lang)}
                          for role, spec in roles.items()})


@functools.lru_cache(maxsize=None)
def role_lineage(role: str) -> tuple[str, ...]:
    """The role and the roles it is a kind of, narrowest first ("marine_biologist", "biologist",
    "researcher")."""
    roles = role_definitions()["roles"]
    lineage = [role]
    while roles.get(lineage[-1], {}).get("broader") and len(lineage) <= len(roles):
        lineage.append(roles[lineage[-1]]["broader"])
    return tuple(lineage)


def roles_agree(said: str, right: str) -> bool:
    """Whether a title of role `said` is right for a person whose role is `right`: the same role, a
    broader one ("Forscherin" for a communication scientist), or a narrower one ("Informatiker" for a
    researcher)."""
    return said in role_lineage(right) or right in role_lineage(said)


def role_of_title(title: str, lang: str) -> str | None:
    """The role a title names ("Technikchefin" -> "cto"), in either language; None if unknown."""
    lexicon = role_lexicon_cached()
    words = words_of(title)
    if not words:
        return None
    for language in (lang, "de", "en"):
        if len(words) == 1:
            forms = lexicon.forms(language, words[0])
            if forms:
                return forms[0].predicate
        for rest, form in lexicon.phrases.get(language, {}).get(words[0], ()):
            if rest == words[1:]:
                return form.predicate
    return None


@functools.lru_cache(maxsize=1)
def role_lexicon_cached() -> Lexicon:
    return role_lexicon()


@functools.lru_cache(maxsize=None)
def word_set(list_name: str, lang: str) -> frozenset:
    """A list of words.yaml as lower-case single words (multi-word entries are matched as phrases)."""
    return frozenset(w.lower() for w in word_lists().get(list_name, {}).get(lang, ()) if " " not in w)


@functools.lru_cache(maxsize=None)
def contrast_phrases(lang: str) -> tuple[tuple[str, ...], ...]:
    """The words that set a name against what a clause is about (words.yaml contrasts), as word tuples."""
    return tuple(words_of(entry) for entry in word_lists().get("contrasts", {}).get(lang, ()))


@functools.lru_cache(maxsize=None)
def word_phrases(list_name: str, lang: str) -> tuple[tuple[str, ...], ...]:
    """The multi-word entries of a list of words.yaml, each as a tuple of its lower-case words."""
    return tuple(tuple(w.lower().split()) for w in word_lists().get(list_name, {}).get(lang, ()) if " " in w)


@functools.lru_cache(maxsize=None)
def comparison_phrases(lang: str) -> tuple[tuple[str, ...], ...]:
    """The words that compare a name with what a clause is about (words.yaml contrasts and similarities),
    as word tuples."""
    lists = word_lists()
    return tuple(words_of(entry) for name in ("contrasts", "similarities") for entry in lists.get(name, {}).get(lang, ()))


@functools.lru_cache(maxsize=None)
def generic_references(kind: str, lang: str):
    """The words that refer back to the current subject of a kind ("das Unternehmen"), words.yaml."""
    from ..lexicon import Terms
    return Terms.of(list(word_lists().get("references", {}).get(kind, {}).get(lang, ())))
