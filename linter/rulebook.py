"""Load a rule pack (rules/*.yaml) into frozen rules, validating every field and every source quote.

Errors are collected for the whole pack and raised together as one RuleError, each line naming file,
line, rule and field, so a desk fixes all of them in one pass.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import pickle
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .checks import RULE_TYPES
from .fields import LANGS, FieldError, FieldReader, RuleError
from .findings import Severity, Source
from .lexicon import NameIndex, Terms
from .normalize import normalise
from .yamlload import LineDict, YamlError, load_yaml

_ID = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")
SUBJECT_KINDS = ("product", "event", "person", "organisation")


@dataclass(frozen=True)
class Subject:
    id: str
    kind: str
    names: Terms
    references: dict            # language -> Terms
    not_names: Terms            # longer names of other things that contain ours ("Sora Turbo")
    of: str | None = None       # for events: the product the event happened to


@dataclass(frozen=True)
class Context:
    id: str
    cues: Terms


@dataclass(frozen=True)
class Scope:
    subject: str
    context: str | None
    outside: tuple[str, ...]
    cues: Terms
    anti_cues: Terms
    requires: Terms = Terms.of(())      # one of these must occur somewhere in the sentence


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    topic: str
    severity: Severity
    statement: dict             # language -> text
    as_of: dt.date
    until: dt.date | None
    until_note: str
    lifetime: str               # "event": never expires; "state": holds up to until (or as_of + window)
    sources: tuple[Source, ...]
    scope: Scope
    expected: object            # the kind module's Expected
    examples: dict              # "flag"/"pass" -> tuple of (language, sentence)
    origin: str                 # "rules/x.yaml:12"


@dataclass(frozen=True)
class Rulebook:
    rules: tuple[Rule, ...]
    subjects: dict
    contexts: dict

    @functools.cached_property
    def mentions(self) -> NameIndex:
        """Every subject's names in one matcher (built once; kept in the pack cache)."""
        return _mention_index(self.subjects)

    @functools.cached_property
    def lexicon(self):
        """Every form of every predicate of the shared vocabulary (linter/vocabulary), built once and
        kept in the pack cache: expanding the vocabulary costs more than a whole one-draft run."""
        from .vocabulary import build_lexicon, predicate_definitions
        return build_lexicon(predicate_definitions())

    @functools.cached_property
    def indexes(self) -> dict:
        """The facts indexed for dispatch (linter/dispatch.py), per selection of facts; built on use."""
        return {}

    def rule(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)


def _label(path: Path, pack: Path) -> str:
    """The file as users see it: relative to the pack's parent ("rules/sora.yaml")."""
    try:
        return str(path.relative_to(pack.parent))
    except ValueError:
        return str(path)


def seed_dirs_of(pack: Path, extra: tuple[Path, ...]) -> tuple[Path, ...]:
    """Where a pack's source files may live: beside the pack, inside it, then the defaults."""
    return tuple(d for d in (pack.parent / "seeds", pack / "seeds", *extra) if d.is_dir())


class _SeedTexts:
    """Normalised seed texts, read once each."""

    def __init__(self, dirs: tuple[Path, ...]):
        self.dirs = dirs
        self.cache: dict[str, str | None] = {}

    def get(self, name: str) -> str | None:
        if name not in self.cache:
            found = next((d / name for d in self.dirs if (d / name).is_file()), None)
            self.cache[name] = normalise(found.read_text(encoding="utf-8")) if found else None
        return self.cache[name]


def _read_sources(reader: FieldReader, seeds: _SeedTexts) -> tuple[Source, ...]:
    items = reader.raw("sources")
    if not isinstance(items, list) or not items:
        raise reader.fail("sources", "must be a list of {file, quote}")
    sources = []
    for item in items:
        if not isinstance(item, dict):
            raise reader.fail("sources", "must be a list of {file, quote}")
        src = FieldReader(item, reader.label, reader.rule_id, "sources.")
        file, quote = src.text("file"), src.text("quote")
        text = seeds.get(file)
        if text is None:
            raise src.fail("file", f"names {file!r}, which is not in seeds/")
        if normalise(quote) not in text:
            raise src.fail("quote", f"is not in {file}: {quote[:60]!r}")
        sources.append(Source(file, quote))
    return tuple(sources)


def _read_examples(reader: FieldReader) -> dict:
    examples = reader.nested("examples")
    result = {}
    for key in ("flag", "pass"):
        pairs = tuple((lang, text) for lang, texts in examples.by_language(key, required=True).items()
                      for text in texts)
        if len(pairs) < 2:
            raise examples.fail(key, "needs at least two sentences")
        result[key] = tuple(("de" if lang == "*" else lang, text) for lang, text in pairs)
    return result


def _read_scope(reader: FieldReader, subjects: dict, contexts: dict) -> Scope:
    scope = reader.nested("scope")
    subject = scope.text("subject")
    if subject not in subjects:
        raise scope.fail("subject", f"names unknown subject {subject!r} (see subjects.yaml)")
    context = scope.text("context", required=False) or None
    outside = scope.strings("outside")
    for name in (context, *outside):
        if name and name not in contexts:
            raise scope.fail("context" if name == context else "outside", f"names unknown context {name!r}")
    return Scope(subject, context, outside, scope.terms("cues"), scope.terms("anti_cues"), scope.terms("requires"))


def _read_rule(data, label: str, seeds: _SeedTexts, subjects: dict, contexts: dict) -> Rule:
    if not isinstance(data, dict):
        raise FieldError(f"{label}:{getattr(data, 'line', 0)}: each fact must be a mapping")
    reader = FieldReader(data, label)
    rule_id = reader.text("id")
    if not _ID.match(rule_id):
        raise reader.fail("id", f"must be dotted lower-case words such as sora.clip.max-length (got {rule_id!r})")
    reader.rule_id = rule_id
    kind = reader.choice("kind", tuple(RULE_TYPES))
    statement = reader.nested("statement")
    until = reader.date("until", required=False)
    if until and not reader.has("until_note"):
        raise reader.fail("until", "needs an until_note saying what changed and where that is known from")
    lifetime = reader.choice("lifetime", ("event", "state"), default="state" if until else "event")
    if until and lifetime != "state":
        raise reader.fail("until", "only facts with lifetime: state can end")
    expected = RULE_TYPES[kind].parse_expected(reader.nested("expected"))
    return Rule(
        id=rule_id, kind=kind, topic=reader.text("topic"),
        severity=Severity.parse(reader.choice("severity", ("error", "warning", "info"), default="error")),
        statement={lang: statement.text(lang) for lang in LANGS if statement.has(lang)} or
        {"de": statement.text("de")},
        as_of=reader.date("as_of"), until=until, until_note=reader.text("until_note", required=False),
        lifetime=lifetime, sources=_read_sources(reader, seeds),
        scope=_read_scope(reader, subjects, contexts), expected=expected,
        examples=_read_examples(reader), origin=f"{label}:{reader.line()}",
    )


def _read_subjects(data, label: str) -> tuple[dict, dict]:
    subjects, contexts = {}, {}
    for item in (data.get("subjects") or []) if isinstance(data, dict) else []:
        reader = FieldReader(item if isinstance(item, dict) else LineDict(), label)
        sid = reader.text("id")
        reader.rule_id = sid
        names = reader.strings("names", required=True)
        references = {lang: Terms.of(items) for lang, items in reader.by_language("references").items()}
        subjects[sid] = Subject(sid, reader.choice("kind", SUBJECT_KINDS), Terms.of(names, possessive=True),
                                references, Terms.of(reader.strings("not"), possessive=True),
                                reader.text("of", required=False) or None)
    for item in (data.get("contexts") or []) if isinstance(data, dict) else []:
        reader = FieldReader(item if isinstance(item, dict) else LineDict(), label)
        cid = reader.text("id")
        reader.rule_id = cid
        contexts[cid] = Context(cid, reader.terms("cues"))
    return subjects, contexts


def load_pack(pack_dirs: list[Path], seed_dirs: tuple[Path, ...] = ()) -> Rulebook:
    """Load and validate every rule file of the given pack directories; raise RuleError on any problem."""
    errors: list[str] = []
    files: list[tuple[Path, Path]] = []
    for pack in pack_dirs:
        if not pack.is_dir():
            errors.append(f"{pack}: rule directory not found")
            continue
        files += [(pack, f) for f in sorted(pack.glob("*.yaml")) + sorted(pack.glob("*.yml"))]
    parsed = []
    for pack, path in files:
        try:
            parsed.append((pack, path, load_yaml(path, _label(path, pack))))
        except YamlError as exc:
            errors.append(str(exc))
    subjects, contexts = {}, {}
    for pack, path, data in parsed:
        if isinstance(data, dict) and ("subjects" in data or "contexts" in data):
            try:
                more_subjects, more_contexts = _read_subjects(data, _label(path, pack))
                subjects.update(more_subjects)
                contexts.update(more_contexts)
            except FieldError as exc:
                errors.append(str(exc))
    rules, origins = [], {}
    for pack, path, data in parsed:
        label = _label(path, pack)
        if isinstance(data, dict) and ("subjects" in data or "contexts" in data):
            continue
        if not isinstance(data, dict) or not isinstance(data.get("facts"), list):
            errors.append(f"{label}:1: a rule file needs a top-level list `facts:` (or `subjects:`)")
            continue
        seeds = _SeedTexts(seed_dirs_of(pack, seed_dirs))
        for item in data["facts"]:
            try:
                rule = _read_rule(item, label, seeds, subjects, contexts)
            except FieldError as exc:
                errors.append(str(exc))
                continue
            if rule.id in origins:
                errors.append(f'{rule.origin}: rule "{rule.id}": id already used at {origins[rule.id]}')
            origins[rule.id] = rule.origin
            rules.append(rule)
    if errors:
        raise RuleError(errors)
    return Rulebook(tuple(rules), subjects, contexts)


def _mention_index(subjects: dict) -> NameIndex:
    """One matcher for the names of all subjects; `not` names of a subject match as nobody's."""
    pairs = [(name, sid) for sid, subject in subjects.items() for name in subject.names.entries]
    pairs += [(name, None) for subject in subjects.values() for name in subject.not_names.entries]
    return NameIndex.of(pairs)


# -- the compiled-pack cache

_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where validated packs are kept: $FACTLINT_CACHE_DIR, else the user's cache directory;
    None when FACTLINT_NO_CACHE is set."""
    if os.environ.get("FACTLINT_NO_CACHE"):
        return None
    if os.environ.get("FACTLINT_CACHE_DIR"):
        return Path(os.environ["FACTLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factlint"


def pack_key(pack_dirs: list[Path], seed_dirs: tuple[Path, ...]) -> str:
    """A hash of everything a loaded pack depends on: every rule and seed file's name and bytes, and
    the linter's own code (the pickled objects are its classes), so a stale cache is never used."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    sources = sorted(_PACKAGE.rglob("*.py")) + sorted((_PACKAGE / "vocabulary").glob("*.yaml"))
    for directory in (*pack_dirs, *seed_dirs, *(p.parent / "seeds" for p in pack_dirs), *(p / "seeds" for p in pack_dirs)):
        if directory.is_dir():
            sources += sorted(f for f in directory.iterdir() if f.is_file())
    for path in sources:
        digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_pack_cached(pack_dirs: list[Path], seed_dirs: tuple[Path, ...] = ()) -> Rulebook:
    """load_pack, through a cache keyed by the pack's content hash. A pack with errors is never cached
    (its RuleError is raised as load_pack raises it)."""
    directory = cache_dir()
    if directory is None or not all(p.is_dir() for p in pack_dirs):
        return load_pack(pack_dirs, seed_dirs)
    path = directory / f"pack-{pack_key(pack_dirs, seed_dirs)}.pickle"
    try:
        with path.open("rb") as cached:
            return pickle.load(cached)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass  # no cache, or an unreadable one: build it anew
    rulebook = load_pack(pack_dirs, seed_dirs)
    rulebook.mentions  # noqa: B018 - build the matchers now, so the cache entry carries them
    rulebook.lexicon  # noqa: B018
    _store(path, rulebook)
    return rulebook


def _store(path: Path, rulebook: Rulebook) -> None:
    """Write the cache entry atomically; any failure only costs speed next time."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(rulebook, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except Exception:  # noqa: BLE001 - a read-only home or an unpicklable object must not stop a lint
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)
