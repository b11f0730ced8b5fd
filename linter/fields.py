"""Typed access to one YAML mapping of a rule file, with errors that name file, line, rule and field."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .lexicon import LazyRegex, Terms
from .yamlload import LineDict

LANGS = ("de", "en")


class RuleError(Exception):
    """A rule pack that cannot be used; `messages` holds one `file:line: ...` line per problem."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


class FieldError(Exception):
    """One bad field; the loader collects these into a RuleError."""


@dataclass
class FieldReader:
    """Reads fields of `data` (a mapping from a rule file) for the rule `rule_id`."""

    data: LineDict
    label: str           # the file as shown to the user, e.g. "rules/sora.yaml"
    rule_id: str = ""
    prefix: str = ""     # "expected." when reading a nested mapping
    spec: object = None  # the schema.Mapping that declares this mapping's keys, when known

    def line(self, key: str | None = None) -> int:
        """Line of a key, or of the mapping."""
        if isinstance(self.data, LineDict):
            return self.data.line_of(key) if key else self.data.line
        return 0

    def fail(self, key: str, problem: str) -> FieldError:
        """An error for field `key` that says exactly what is wrong."""
        who = f'rule "{self.rule_id}": ' if self.rule_id else ""
        return FieldError(f'{self.label}:{self.line(key)}: {who}field "{self.prefix}{key}" {problem}')

    def has(self, key: str) -> bool:
        return isinstance(self.data, dict) and self.data.get(key) is not None

    def raw(self, key: str, required: bool = True):
        """The value of `key`; a missing required field is an error."""
        if self.spec is not None and key not in self.spec.names:
            # the loader validated the mapping against linter/schema.py: a key read here but not declared
            # there would be refused in every pack, so this is the code's mistake, not the pack's
            raise LookupError(f'"{self.prefix}{key}" is read but not declared in linter/schema.py')
        value = self.data.get(key) if isinstance(self.data, dict) else None
        if value is None and required:
            raise self.fail(key, "is required")
        return value

    def text(self, key: str, required: bool = True) -> str:
        value = self.raw(key, required)
        if value is None:
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool) or not str(value).strip():
            raise self.fail(key, "must be a non-empty text")
        return str(value).strip()

    def choice(self, key: str, options: tuple[str, ...], default: str | None = None) -> str:
        value = self.raw(key, default is None)
        if value is None:
            return default
        if value not in options:
            raise self.fail(key, f"must be one of {', '.join(options)} (got {value!r})")
        return value

    def date(self, key: str, required: bool = True) -> dt.date | None:
        value = self.raw(key, required)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            if isinstance(value, str):
                return dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise self.fail(key, f"must be a date such as 2024-02-26 (got {value!r})")

    def strings(self, key: str, required: bool = False) -> tuple[str, ...]:
        value = self.raw(key, required)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, "must be a list of texts")
        return tuple(v.strip() for v in value)

    def by_language(self, key: str, required: bool = False) -> dict[str, tuple[str, ...]]:
        """A list of texts, or a mapping from language (de, en) to a list of texts."""
        value = self.raw(key, required)
        if value is None:
            return {}
        if isinstance(value, list):
            return {"*": self.strings(key)}
        if not isinstance(value, dict):
            raise self.fail(key, "must be a list of texts or a mapping from de/en to lists of texts")
        result = {}
        for lang, items in value.items():
            if lang not in LANGS:
                raise self.fail(key, f"has unknown language {lang!r} (use {', '.join(LANGS)})")
            result[lang] = self.nested(key).strings(lang, required=True)
        return result

    def terms(self, key: str) -> Terms:
        """A word list (all languages together) compiled for matching."""
        return Terms.of([t for items in self.by_language(key).values() for t in items])

    def patterns(self, key: str, required: bool = False) -> dict[str, tuple[re.Pattern, ...]]:
        """Regular expressions by language, compiled now so a bad one is reported at load time."""
        compiled = {}
        for lang, items in self.by_language(key, required).items():
            out = []
            for item in items:
                try:
                    out.append(LazyRegex(item, re.IGNORECASE, re.compile(item, re.IGNORECASE), prefilter=True))
                except (re.error, OverflowError, RecursionError) as exc:
                    raise self.fail(key, f"has an invalid regular expression {item!r}: {exc}") from None
            compiled[lang] = tuple(out)
        return compiled

    def nested(self, key: str) -> "FieldReader":
        """A reader for the mapping under `key`."""
        value = self.raw(key)
        if not isinstance(value, dict):
            raise self.fail(key, "must be a mapping")
        declared = self.spec[key].type if self.spec is not None else None
        inner = declared if hasattr(declared, "names") else None    # a schema.Mapping declares keys; a list does not
        return FieldReader(value, self.label, self.rule_id, f"{self.prefix}{key}.", inner)
