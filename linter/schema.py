"""The rule format: every key a pack may hold, with its type and meaning, declared once.

These definitions drive three things, so they cannot drift apart:
- the loader's validation (rulebook.py): unknown keys (with "did you mean"), wrong types, bad dates,
  numbers and sizes out of bounds, each reported with file and line;
- the JSON Schema for editors (`factlint rules schema`, docs/rule-pack.schema.json);
- the documentation check (docs/rule-format.md must mention every key; tests/test_schema.py).

A new key is added here, then read where its meaning lives (rulebook.py, or the kind's parse_expected;
a reader refuses to read a key that is not declared here). What a key's value means beyond its type
(a subject that exists, a quote that is in its source, a unit) is checked by those readers.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .checks import date as date_kind
from .checks import quantity as quantity_kind
from .checks import status as status_kind

LANGS = ("de", "en")
SUBJECT_KINDS = ("product", "event", "person", "organisation")
SEVERITIES = ("error", "warning", "info")
LIFETIMES = ("event", "state")
ID_PATTERN = r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$"

# bounds on what a pack may ask of the linter (a pack is data anyone on the desk may edit)
MAX_NUMBER = 1e15           # |number|: beyond any count, sum or length a newsroom states
YEARS = (1000, 2999)        # dates: date arithmetic (as_of + window) must stay within Python's calendar
MAX_TEXT = 20_000           # characters of one text (quotes and statements are a few hundred)
MAX_PATTERN = 5_000         # characters of one regular expression
MAX_REPEAT = 1_000          # a{n}, a{n,m}: larger counts are no sentence's pattern and cost memory to compile
MAX_ITEMS = 10_000          # entries of one list


@dataclass(frozen=True)
class Problem:
    line: int
    path: str           # the key, dotted from the record it belongs to ("scope.cues")
    message: str        # completes 'field "<path>" ...'
    owner: str = ""     # the subject, context or fact it belongs to: 'rule "sora.clip.max-length"'
    record: int = 0     # id() of that record's mapping, so the loader can tell whose problem it is
    unknown: bool = False   # a key that is not declared (its value is read by nobody)


@dataclass(frozen=True)
class At:
    """Where a value was found: its line, its key path and the record (fact, subject) it belongs to."""

    line: int
    path: str = ""
    owner: str = ""
    record: int = 0
    parent: dict | None = None      # the mapping that holds the value (ByKind reads its sibling `kind`)

    def key(self, name: str, line: int, parent: dict) -> "At":
        return At(line, f"{self.path}.{name}" if self.path else name, self.owner, self.record, parent)

    def inner(self, line: int, parent: dict | None = None) -> "At":
        """The same key, at another line (an item of a list, a language of a mapping)."""
        return At(line, self.path, self.owner, self.record, parent or self.parent)

    def problem(self, message: str, unknown: bool = False) -> Problem:
        return Problem(self.line, self.path, message, self.owner, self.record, unknown)


def _line(value, default: int) -> int:
    return getattr(value, "line", 0) or default


class Type:
    """A value's type: `problems` validates a loaded YAML value, `json` describes it as JSON Schema."""

    summary = ""        # a few words for messages and docs ("a text", "a date such as 2024-02-26")

    @property
    def plural(self) -> str:
        """The summary for a list of them ("texts")."""
        return self.summary.removeprefix("a ").removeprefix("an ") + "s"

    def accepts(self, value) -> bool:
        """Whether the value is of this type's shape at all (OneOf picks the alternative to blame)."""
        return True

    def problems(self, value, at: At) -> Iterator[Problem]:
        return iter(())

    def json(self) -> dict:
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Type):
    pattern: str | None = None
    hint: str = ""              # what the pattern means, for the message
    summary: str = "a text"

    def accepts(self, value) -> bool:
        return isinstance(value, str)

    def problems(self, value, at):
        if not isinstance(value, str):
            yield at.problem(f"must be a text (got {_shown(value)})")
        elif not value.strip():
            yield at.problem("must not be empty")
        elif len(value) > MAX_TEXT:
            yield at.problem(f"is longer than {MAX_TEXT:,} characters")
        elif self.pattern and not re.match(self.pattern, value.strip()):
            yield at.problem(f"must be {self.hint} (got {value!r})")

    def json(self):
        schema = {"type": "string", "minLength": 1, "maxLength": MAX_TEXT}
        return schema | ({"pattern": self.pattern} if self.pattern else {})


@dataclass(frozen=True)
class Number(Type):
    low: float = -MAX_NUMBER
    high: float = MAX_NUMBER
    summary: str = "a number"

    def accepts(self, value) -> bool:
        return isinstance(value, (int, float)) and not isinstance(value, bool)

    def problems(self, value, at):
        if not self.accepts(value):
            yield at.problem(f"must be a number (got {_shown(value)})")
        elif isinstance(value, float) and not math.isfinite(value):
            yield at.problem(f"must be a finite number (got {value!r})")
        elif not self.low <= value <= self.high:
            yield at.problem(f"must be between {_number(self.low)} and {_number(self.high)} (got {_shown(value)})")

    def json(self):
        return {"type": "number", "minimum": self.low, "maximum": self.high}


@dataclass(frozen=True)
class Boolean(Type):
    summary: str = "true or false"

    def accepts(self, value) -> bool:
        return isinstance(value, bool)

    def problems(self, value, at):
        if not isinstance(value, bool):
            yield at.problem(f"must be true or false (got {_shown(value)})")

    def json(self):
        return {"type": "boolean"}


@dataclass(frozen=True)
class Choice(Type):
    options: tuple[str, ...] | Callable[[], tuple[str, ...]]

    @property
    def values(self) -> tuple[str, ...]:
        return self.options() if callable(self.options) else self.options

    @property
    def summary(self) -> str:
        return f"one of {', '.join(self.values)}"

    def accepts(self, value) -> bool:
        return isinstance(value, str)

    def problems(self, value, at):
        if value not in self.values:
            yield at.problem(f"must be {self.summary} (got {_shown(value)}){_did_you_mean(value, self.values)}")

    def json(self):
        return {"enum": list(self.values)}


_ISO = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class Date(Type):
    """A calendar day (2024-02-26); with `partial`, also a month (2024-02) or a year (2024)."""

    partial: bool = False

    @property
    def summary(self) -> str:
        return "a date such as 2024-02-26, 2024-02 or 2024" if self.partial else "a date such as 2024-02-26"

    @property
    def plural(self) -> str:
        return "dates" + self.summary.removeprefix("a date")

    def accepts(self, value) -> bool:
        return isinstance(value, (dt.date, str, int)) and not isinstance(value, bool)

    def problems(self, value, at):
        text = value.isoformat() if isinstance(value, dt.date) else str(value) if self.accepts(value) else ""
        match = _ISO.match(text)
        if not match or (not self.partial and not match.group(3)):
            yield at.problem(f"must be {self.summary} (got {_shown(value)})")
            return
        year, month, day = (int(g) if g else 1 for g in match.groups())
        try:
            dt.date(year, month, day)
        except ValueError:
            yield at.problem(f"is not a calendar date (got {text!r})")
            return
        if not YEARS[0] <= year <= YEARS[1]:
            yield at.problem(f"must lie in the years {YEARS[0]} to {YEARS[1]} (got {text!r})")

    def json(self):
        # months 01-12 and days 01-31 (which day a month has is the format checker's and the loader's)
        month, day = r"-(0[1-9]|1[0-2])", r"-(0[1-9]|[12][0-9]|3[01])"
        pattern = rf"^[0-9]{{4}}({month}({day})?)?$" if self.partial else rf"^[0-9]{{4}}{month}{day}$"
        text = {"type": "string", "pattern": pattern} | ({} if self.partial else {"format": "date"})
        if self.partial:
            return {"anyOf": [text, {"type": "integer", "minimum": YEARS[0], "maximum": YEARS[1]}]}
        return text


_REPEAT = re.compile(r"(?<!\\)\{(\d+)(?:,(\d*))?\}")


@dataclass(frozen=True)
class Pattern(Type):
    """A Python regular expression (compiled case-insensitively by the fact's kind)."""

    summary: str = "a regular expression"

    def accepts(self, value) -> bool:
        return isinstance(value, str)

    def problems(self, value, at):
        if not isinstance(value, str) or not value:
            yield at.problem(f"must be a regular expression (got {_shown(value)})")
            return
        if len(value) > MAX_PATTERN:
            yield at.problem(f"has a regular expression longer than {MAX_PATTERN:,} characters")
            return
        counts = [int(n) for match in _REPEAT.finditer(value) for n in match.groups() if n]
        if counts and max(counts) > MAX_REPEAT:
            yield at.problem(f"has a repetition count above {MAX_REPEAT} ({{{max(counts)}}}) in {value[:80]!r}")
            return
        try:
            re.compile(value, re.IGNORECASE)
        except (re.error, OverflowError, RecursionError) as exc:
            yield at.problem(f"has an invalid regular expression {value!r}: {exc}")

    def json(self):
        # no "format": "regex": editors would judge Python's syntax ((?P<claim>...), (?-i:...)) as JavaScript's
        return {"type": "string", "minLength": 1, "maxLength": MAX_PATTERN}


@dataclass(frozen=True)
class ListOf(Type):
    item: Type
    min_items: int = 0
    max_items: int = MAX_ITEMS
    single: bool = False        # a lone item may stand for a list of one ("names: Sora")

    @property
    def summary(self) -> str:
        return f"a list of {self.item.plural}" + (f" (or one {self.item.summary.split(' ', 1)[1]})" if self.single else "")

    def accepts(self, value) -> bool:
        return isinstance(value, list) or (self.single and self.item.accepts(value))

    def problems(self, value, at):
        if self.single and not isinstance(value, list) and self.item.accepts(value):
            value = [value]
        if not isinstance(value, list):
            yield at.problem(f"must be {self.summary} (got {_shown(value)})")
            return
        if not self.min_items <= len(value) <= self.max_items:
            wanted = f"at least {self.min_items}" if len(value) < self.min_items else f"at most {self.max_items}"
            yield at.problem(f"must have {wanted} entr{'y' if wanted.endswith(' 1') else 'ies'} (has {len(value)})")
        for item in value:
            yield from self.item.problems(item, at.inner(_line(item, at.line)))

    def json(self):
        schema = {"type": "array", "items": self.item.json(), "minItems": self.min_items, "maxItems": self.max_items}
        return {"anyOf": [self.item.json(), schema]} if self.single else schema


def texts(min_items: int = 0) -> ListOf:
    """A list of texts, or one text standing for a list of one."""
    return ListOf(Text(), min_items=min_items, single=True)


@dataclass(frozen=True)
class ByLanguage(Type):
    """Entries for all languages (a list), or per language: {de: [...], en: [...]}, where one entry may
    stand alone (de: Leak*)."""

    item: Type
    min_items: int = 0

    @property
    def as_list(self) -> ListOf:
        return ListOf(self.item, self.min_items)

    @property
    def per_language(self) -> ListOf:
        return ListOf(self.item, self.min_items, single=True)

    @property
    def summary(self) -> str:
        return f"{self.as_list.summary}, or a mapping from {'/'.join(LANGS)} to such lists"

    def problems(self, value, at):
        if isinstance(value, dict):
            for lang, items in value.items():
                line = value.line_of(lang) if hasattr(value, "line_of") else at.line
                if lang not in LANGS:
                    yield at.inner(line).problem(f"has unknown language {lang!r}{_did_you_mean(lang, LANGS)}")
                else:
                    yield from self.per_language.problems(items, at.inner(line, value))
        elif isinstance(value, list):
            yield from self.as_list.problems(value, at)
        else:
            yield at.problem(f"must be {self.summary} (got {_shown(value)})")

    def json(self):
        per_language = {"type": "object", "properties": {lang: self.per_language.json() for lang in LANGS},
                        "additionalProperties": False, "minProperties": 1}
        return {"anyOf": [self.as_list.json(), per_language]}


@dataclass(frozen=True)
class ByPredicate(Type):
    """A mapping from predicate names to lists ({rise: [Kirschblüten], fall: [seitwärts]}); which names are
    allowed depends on the fact, so the kind's reader checks them."""

    item: Type
    summary = "a mapping from predicates to lists of texts"

    def accepts(self, value) -> bool:
        return isinstance(value, dict)

    def problems(self, value, at):
        for key, items in value.items():
            line = value.line_of(key) if hasattr(value, "line_of") else at.line
            yield from ListOf(self.item, single=True).problems(items, at.inner(line, value))

    def json(self):
        return {"type": "object", "additionalProperties": ListOf(self.item, single=True).json(), "minProperties": 1}


@dataclass(frozen=True)
class OneOf(Type):
    """The first alternative that takes the value's shape judges it."""

    alternatives: tuple[Type, ...]

    @property
    def summary(self) -> str:
        return " or ".join(a.summary for a in self.alternatives)

    @property
    def plural(self) -> str:
        return " or ".join(a.plural for a in self.alternatives)

    def accepts(self, value) -> bool:
        return any(a.accepts(value) for a in self.alternatives)

    def problems(self, value, at):
        judge = next((a for a in self.alternatives if a.accepts(value)), None)
        if judge is None:
            yield at.problem(f"must be {self.summary} (got {_shown(value)})")
        else:
            yield from judge.problems(value, at)

    def json(self):
        return {"anyOf": [a.json() for a in self.alternatives]}


@dataclass(frozen=True)
class Field:
    name: str
    type: Type
    doc: str
    required: bool = False


@dataclass(frozen=True)
class Mapping(Type):
    """A mapping with declared keys: any other key is an error."""

    title: str
    fields: tuple[Field, ...]
    record: str = ""                # what a record is called in messages ("rule"): errors inside name its id
    min_keys: int = 0
    one_of: tuple[str, ...] = ()    # at least one of these keys must be given

    @property
    def summary(self) -> str:
        return self.title if self.title.startswith(("a ", "an ")) else "a mapping"

    @property
    def plural(self) -> str:
        return "mappings" if self.summary == "a mapping" else super().plural

    def __getitem__(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def accepts(self, value) -> bool:
        return isinstance(value, dict)

    def problems(self, value, at):
        if not isinstance(value, dict):
            yield at.problem(f"must be {self.summary} with keys {', '.join(self.names)} (got {_shown(value)})")
            return
        line_of = value.line_of if hasattr(value, "line_of") else (lambda key: at.line)
        if self.record:
            owner = value.get("id")
            at = At(_line(value, at.line), "", f'{self.record} "{owner}"' if isinstance(owner, str) else self.record,
                    id(value), value)
        for key in value:
            if key not in self.names:
                yield at.key(str(key), line_of(key), value).problem(
                    f"is not a key of {self.title}{_did_you_mean(key, self.names)}", unknown=True)
        for spec in self.fields:
            where = at.key(spec.name, line_of(spec.name), value)
            if value.get(spec.name) is not None:
                yield from spec.type.problems(value[spec.name], where)
            elif spec.required:
                yield where.problem("is required")
        if len(value) < self.min_keys:
            yield at.problem(f"needs at least one of {', '.join(self.names)}")
        if self.one_of and not any(value.get(key) is not None for key in self.one_of):
            yield at.problem(f"needs {' or '.join(self.one_of)}")

    def json(self):
        schema = {"type": "object", "title": self.title,
                  "properties": {f.name: f.type.json() | {"description": f.doc} for f in self.fields},
                  "additionalProperties": False}
        required = [f.name for f in self.fields if f.required]
        return schema | ({"required": required} if required else {}) | (
            {"minProperties": self.min_keys} if self.min_keys else {}) | (
            {"anyOf": [{"required": [key]} for key in self.one_of]} if self.one_of else {})


@dataclass(frozen=True)
class ByKind(Type):
    """A mapping whose keys depend on a sibling key (`expected` by the fact's `kind`)."""

    key: str
    by_value: dict = field(hash=False)
    summary: str = "a mapping"

    def problems(self, value, at):
        kind = at.parent.get(self.key) if at.parent else None
        if isinstance(kind, str) and kind in self.by_value:
            yield from self.by_value[kind].problems(value, at)
        elif not isinstance(value, dict):
            yield at.problem(f"must be a mapping (got {_shown(value)})")

    def json(self):
        return {"type": "object"}       # narrowed by the record's `allOf` (see json_schema)


def _did_you_mean(key, names) -> str:
    close = difflib.get_close_matches(str(key), [str(n) for n in names], n=1, cutoff=0.6)
    return f'; did you mean "{close[0]}"?' if close else f" (known: {', '.join(map(str, names))})"


def _shown(value) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
        return f"a number of about {int(value.bit_length() * math.log10(2)) + 1} digits"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _number(value: float) -> str:
    return f"{value:g}" if abs(value) >= 1e6 else f"{value:,g}"


# -- the rule format ---------------------------------------------------------------------------------

def _patterns() -> ByLanguage:
    return ByLanguage(Pattern(), min_items=1)


SUBJECT = Mapping("a subject", (
    Field("id", Text(), "The id facts name in scope.subject.", required=True),
    Field("kind", Choice(SUBJECT_KINDS), "What the subject is.", required=True),
    Field("names", texts(min_items=1), "Names that bind a sentence to the subject (a trailing * makes a prefix).",
          required=True),
    Field("references", ByLanguage(Text()), "Words that point back to the subject while it is the current one."),
    Field("not", texts(), "Longer names of other things that contain one of ours (\"Model X Pro\" beside \"Model X\")."),
    Field("of", Text(), "For events: the subject id of the product the event happened to."),
), record="subject")

_WORDS = Mapping("words of a predicate", tuple(
    Field(pos, texts(), doc) for pos, doc in (
        ("verbs", "Verbs by base form: vor|stellen for a separable verb, irregular forms in brackets."),
        ("dated", "Verbs that say the predicate only together with a date (starten)."),
        ("with_noun", "Verbs that say the predicate only of one of its nouns (vor|liegen: die Genehmigung liegt vor)."),
        ("nouns", "Nouns, singular; several words make a fixed phrase."),
        ("adjectives", "Adjectives, base form."),
        ("phrases", "Fixed word sequences (zur Verfügung)."))))

PREDICATE = Mapping("a predicate", (
    Field("id", Text(r"^[a-z][a-z_]*$", "lower-case words joined by _ such as put_in_service"),
          "A predicate of the shared vocabulary to add words to, or a new one.", required=True),
    Field("about", Text(), "What the predicate says, in a few words (required for a new one)."),
    Field("de", _WORDS, "German words."),
    Field("en", _WORDS, "English words."),
    Field("antonyms", Mapping("antonyms", (Field("de", _WORDS, "German words."), Field("en", _WORDS, "English words."))),
          "Words that say the opposite (zurückhalten, withhold)."),
    Field("together", ListOf(texts(min_items=2)), "Groups of predicates whose words in one clause say this one."),
    Field("introduces", Boolean(), "What it is said of with ein/a is a new thing, not a subject named before."),
    Field("value_after", Boolean(), "The names after its words are its value (members of a consortium)."),
    Field("maker", Boolean(), "Also said without a verb, by a maker phrase (\"Vantors Skyra\", \"Skyra von Vantor\")."),
), record="predicate")

CONTEXT = Mapping("a context", (
    Field("id", Text(), "The id facts name in scope.context and scope.outside.", required=True),
    Field("cues", ByLanguage(Text()), "Words whose mention puts a sentence, its paragraph or section in the context."),
), record="context")

SOURCE = Mapping("a source", (
    Field("file", Text(), "A file in the pack's seeds (see \"Where source files are looked for\").", required=True),
    Field("quote", Text(), "Words of that file, verbatim (typographic quotes, dashes and spaces aside).",
          required=True),
))

SCOPE = Mapping("scope", (
    Field("subject", Text(), "The id of the subject the fact is about.", required=True),
    Field("context", Text(), "The fact holds only in this context (a context id)."),
    Field("outside", texts(), "Context ids in which the fact does not apply."),
    Field("cues", ByLanguage(Text()), "Words that tie a sentence to this fact."),
    Field("requires", ByLanguage(Text()), "One of these must occur in the sentence."),
    Field("anti_cues", ByLanguage(Text()), "Words that tie a sentence to something else."),
))

EXAMPLES = Mapping("examples", (
    Field("flag", ByLanguage(Text(), min_items=1), "Sentences that must each give exactly one finding of the fact.",
          required=True),
    Field("pass", ByLanguage(Text(), min_items=1), "Sentences that must give no finding of the fact.",
          required=True),
))

STATEMENT = Mapping("statement", tuple(
    Field(lang, Text(), f"The fact in one sentence ({lang}).") for lang in LANGS), min_keys=1)

_QUANTITY_VALUE = OneOf((Number(low=0), Text()))

EXPECTED = {
    "quantity": Mapping("expected (quantity)", (
        Field("measure", Choice(quantity_kind.MEASURES), "What is measured.", required=True),
        Field("max", _QUANTITY_VALUE, "The fact is an upper limit."),
        Field("exact", _QUANTITY_VALUE, "The fact is this value."),
        Field("range", ListOf(_QUANTITY_VALUE, min_items=2, max_items=2), "The fact lies in [low, high]."),
        Field("tolerance", OneOf((Number(low=0), Text())),
              'How far a hedged figure ("rund", "knapp") may be off, relative ("5%", the default).'),
        Field("per", Choice(quantity_kind.PERIODS), "The period of a rate: the fact is an amount per year, "
              "month, week, day or hour."),
        Field("nouns", ByLanguage(Text()), "Counts: the counted thing in its base form, matched in any "
              "inflected form; other measures: what a compound figure qualifies (15-MW-Anlagen)."),
        Field("units", texts(), "Durations: the units claims about this fact are written in ([s, min])."),
    )),
    "status": Mapping("expected (status)", (
        Field("state", Text(), "The state, in words (for messages).", required=True),
        Field("predicate", texts(), "What holds or not: predicates of the shared vocabulary "
              "(linter/vocabulary/predicates.yaml), such as release or in_operation."),
        Field("holds", Choice(status_kind.HOLDS), "With predicate: the predicate holds (yes), does not (no, "
              "the default), or only for a restricted group."),
        Field("scheduled", Boolean(), "false: no date has been set for it either (a dated plan contradicts)."),
        Field("since", Date(), "The day from which the state holds (earlier claims are not compared)."),
        Field("restricted_to", texts(), "With holds: restricted, who has it, in plain words (a restriction "
              "to anyone else contradicts)."),
        Field("object", texts(), "The thing the predicate is done to, in plain words (C2PA): a claim names it in "
              "its clause or in the indirect question after it."),
        Field("planned", Boolean(), "true: the fact is a plan or a work in progress; a claim that denies it, as a "
              "plan or a statement, contradicts it."),
        Field("ended", OneOf((Boolean(), texts())), "The predicates whose state held once and has ended (true: "
              "all); only a claim that it still holds contradicts."),
        Field("by", texts(), "Who does it (subject ids): a clause that names only them is about the subject "
              "the text is about."),
        Field("excluded", texts(), "With holds: restricted, whom or what it is not for, in plain words (a claim "
              "that it is contradicts, unless it states a requirement)."),
        Field("all_of", ListOf(texts(min_items=1)), "With holds: restricted, the groups it holds for together, each "
              "a list of words; a restriction to some of them only contradicts."),
        Field("contradicted_by", _patterns(), "Without predicate: patterns whose match in a sentence about the "
              "subject contradicts the state."),
        Field("unless", _patterns(), "Patterns whose match in the same sentence keeps it from contradicting."),
    ), one_of=("predicate", "contradicted_by")),
    "date": Mapping("expected (date)", (
        Field("predicate", texts(), "What happened on the date: predicates of the shared vocabulary "
              "(linter/vocabulary/predicates.yaml), such as announce or release."),
        Field("date", Date(partial=True), "The date: a day, a month or a year.", required=True),
        Field("granularity", Choice(date_kind.GRANULARITIES), "How precisely the fact knows the date.",
              required=True),
        Field("weekday", Choice(date_kind.WEEKDAYS), "The weekday, when drafts name it."),
        Field("period", Choice(tuple(date_kind._PERIODS)), "Part of the year or month the fact covers."),
        Field("forecast", Boolean(), "The fact is a forecast: hedged claims about it are checked too."),
        Field("other_dates", ListOf(Date(partial=True)), "Dates that belong to the fact without being its value."),
        Field("since", Date(), "The day from which the fact holds (earlier claims are not compared)."),
    )),
    "category": Mapping("expected (category)", (
        Field("value", Text(), "The value, in words (for messages).", required=True),
        Field("predicate", texts(), "What is said: predicates of the shared vocabulary (develop, operate, build...)."),
        Field("by", texts(), "With predicate: subject ids of who does it; another one named as doing it "
              "contradicts the fact."),
        Field("wrong", OneOf((texts(), ByPredicate(Text()))), "Alternatives in plain words that contradict the "
              "value: with predicate, when the clause says the predicate (a list), or a given one of the fact's "
              "predicates ({rise: [Regentropfen], fall: [seitwärts]}); without, when the clause is about the subject "
              "(and names a cue)."),
        Field("among", Text(), "Without predicate: a class of alternatives of linter/vocabulary/words.yaml "
              "(classes: colours); every word of it but the right one contradicts the value."),
        Field("right", ByLanguage(Text()), "Without predicate: the words that say the value; a clause that "
              "denies them (\"kein Diffusionsmodell\") contradicts it."),
        Field("doer", texts(), "With predicate: who does it, in plain words; named as the one it is done to (after "
              "the predicate's preposition: \"ein Auto fährt über einen Bus\") it contradicts the fact."),
        Field("contradicted_by", _patterns(), "Without predicate: patterns of the alternatives that contradict "
              "the value (the last resort)."),
        Field("unless", _patterns(), "Patterns whose match in the same sentence keeps it from contradicting."),
    ), one_of=("predicate", "wrong", "among", "right", "contradicted_by")),
    "role": Mapping("expected (role)", (
        Field("title", texts(), "The person's right titles in plain words (\"Technikchefin\", \"CTO\"); each names a "
              "role of linter/vocabulary/roles.yaml."),
        Field("at", Text(), "The organisation the person holds the role at (a subject id)."),
        Field("state", Text(), "The role in words (for messages)."),
        Field("in", texts(), "The place the person works in, in plain words (\"Jena\"; other spellings may follow: "
              "\"Jenaer\"); another place named as the person's contradicts the fact."),
        Field("nationality", texts(), "The person's nationality in plain words (\"US\", \"amerikanisch\", "
              "\"American\"); another nationality in the person's title or apposition contradicts the fact."),
    ), one_of=("title", "at")),
    "name": Mapping("expected (name)", (
        Field("canonical", Text(), "The correct spelling.", required=True),
        Field("variants", texts(), "Other correct spellings."),
        Field("misspellings", texts(), "Known wrong spellings (close ones are found without a list)."),
        Field("predicate", texts(), "A naming predicate (be_called): another name given to the thing the "
              "scope's cues name (\"eine Gruppe namens …\") contradicts the name."),
        Field("role", Mapping("role", (
            Field("de", Text(), "The role in German."),
            Field("en", Text(), "The role in English."),
            Field("as_of", Date(), "When the role was last confirmed."),
        )), "The person's role, for the facts listing."),
    )),
    "quote": Mapping("expected (quote)", (
        Field("speaker", Text(), "Who said it.", required=True),
        Field("text", Text(), "The words, verbatim.", required=True),
        Field("variants", ListOf(OneOf((Text(), Mapping("a quote variant", (
            Field("text", Text(), "Another rendering of the statement.", required=True),
            Field("source", Text(), "The seed file it is from."),
            Field("origin", Text(), "Where the rendering comes from, when not from a seed."),
        ))))), "Other renderings of the same statement (a second translation, the original wording)."),
    )),
}


def _kinds() -> tuple[str, ...]:
    from .checks import RULE_TYPES
    return tuple(RULE_TYPES)


FACT = Mapping("a fact", (
    Field("id", Text(ID_PATTERN, "dotted lower-case words such as product.price.max"),
          "Unique across the loaded packs; prefixes switch families of facts on and off.", required=True),
    Field("kind", Choice(_kinds), "The kind of fact; it decides the keys of `expected`.", required=True),
    Field("topic", Text(), "The topic of the fact inventory.", required=True),
    Field("severity", Choice(SEVERITIES), "Severity of its findings (default error)."),
    Field("statement", STATEMENT, "The fact in words, per language.", required=True),
    Field("as_of", Date(), "Date of the latest source stating the fact.", required=True),
    Field("until", Date(), "When the desk learnt the state changed (needs until_note)."),
    Field("until_note", Text(), "What changed and where that is known from."),
    Field("lifetime", Choice(LIFETIMES), "state: can change and expires; event: never expires."),
    Field("note", Text(), "A note for the desk (e.g. why a source is not a seed); not used by the linter."),
    Field("sources", ListOf(SOURCE, min_items=1), "Where the fact is written, each quote checked at load.",
          required=True),
    Field("scope", SCOPE, "Which sentences the fact is about.", required=True),
    Field("expected", ByKind("kind", EXPECTED), "The value, with keys by kind.", required=True),
    Field("examples", EXAMPLES, "Sentences run by `factlint rules test` and by the tests.", required=True),
), record="rule")

PACK_FILE = Mapping("a rule file", (
    Field("subjects", ListOf(SUBJECT), "The things facts are about."),
    Field("contexts", ListOf(CONTEXT), "Contexts in which some facts hold or do not."),
    Field("predicates", ListOf(PREDICATE), "Words a pack adds to the shared predicate vocabulary, or predicates "
          "of its own."),
    Field("facts", ListOf(FACT), "Fact rules."),
), min_keys=1)


def json_schema() -> dict:
    """The JSON Schema of one rule file, for editors (yaml-language-server) and other tools."""
    schema = PACK_FILE.json()
    fact = schema["properties"]["facts"]["items"]
    fact["allOf"] = [{"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
                      "then": {"properties": {"expected": spec.json()}}} for kind, spec in EXPECTED.items()]
    return {"$schema": "http://json-schema.org/draft-07/schema#",
            "description": "A factlint rule file (docs/rule-format.md); generated by `factlint rules schema`."} | schema


def json_schema_text() -> str:
    """The JSON Schema as committed in docs/rule-pack.schema.json."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


REFERENCE_MARKERS = ("<!-- key reference: begin -->\n", "<!-- key reference: end -->")


def with_reference(doc: str) -> str:
    """docs/rule-format.md with its key reference replaced by the one generated from these definitions."""
    begin, end = REFERENCE_MARKERS
    head, _, rest = doc.partition(begin)
    _, _, tail = rest.partition(end)
    return f"{head}{begin}\n{reference_markdown()}{end}{tail}"


def regenerate(repository: Path) -> None:
    """Write docs/rule-pack.schema.json and the key reference of docs/rule-format.md anew."""
    docs = repository / "docs"
    (docs / "rule-pack.schema.json").write_text(json_schema_text(), encoding="utf-8")
    doc = docs / "rule-format.md"
    doc.write_text(with_reference(doc.read_text(encoding="utf-8")), encoding="utf-8")


def sections() -> list[tuple[str, Mapping]]:
    """The format's mappings as docs/rule-format.md lists them: each record, then `expected` by kind."""
    return [("a rule file", PACK_FILE), ("`subjects:` entries", SUBJECT), ("`contexts:` entries", CONTEXT),
            ("`predicates:` entries", PREDICATE), ("`facts:` entries", FACT)] + [(f"`expected` of {kind} facts", spec) for kind, spec in EXPECTED.items()]


def rows(spec: Mapping, path: str = "") -> Iterator[tuple[str, Field]]:
    """Every key of a mapping with its dotted path, descending into mappings that are no record of their own."""
    for item in spec.fields:
        yield path + item.name, item
        inner, suffix = item.type, "."
        while isinstance(inner, (ListOf, OneOf)):
            suffix = "[]." if isinstance(inner, ListOf) else suffix
            inner = inner.item if isinstance(inner, ListOf) else next(
                (a for a in inner.alternatives if isinstance(a, Mapping)), None)
        if isinstance(inner, Mapping) and not inner.record:
            yield from rows(inner, path + item.name + suffix)


def reference_markdown() -> str:
    """The key reference of docs/rule-format.md, generated so it lists exactly what the loader accepts."""
    out = []
    for title, spec in sections():
        out += [f"Keys of {title}:", "", "| key | value | required | meaning |", "|---|---|---|---|"]
        out += [f"| `{path}` | {_described(item.type)} | {'yes' if item.required else ''} | {item.doc} |"
                for path, item in rows(spec)]
        out.append("")
    return "\n".join(out)


def _described(spec: Type) -> str:
    if isinstance(spec, Mapping):
        return "a mapping (keys below)"
    if isinstance(spec, ListOf) and isinstance(spec.item, Mapping):
        return "a list of entries" + ("" if spec.item.record else " (keys below)")
    if isinstance(spec, ByKind):
        return f"a mapping, keys by `{spec.key}` (below)"
    return spec.summary.replace("|", "\\|")


if __name__ == "__main__":      # python -m linter.schema: after changing a definition above
    regenerate(Path(__file__).resolve().parent.parent)
