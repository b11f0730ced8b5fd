"""Load a rule pack (rules/*.yaml) into frozen rules, validating every field and every source quote.

Errors are collected for the whole pack and raised together as one RuleError, each line naming file,
line, rule and field, so a desk fixes all of them in one pass.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import hashlib
import os
import pickle
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import schema
from .checks import RULE_TYPES
from .checks.predicates import pack_predicates
from .cache import cache_dir, read_private, write_private
from .fields import LANGS, FieldError, FieldReader, RuleError
from .findings import Severity, Source
from .lexicon import NameIndex, Terms
from .normalize import normalise
from .yamlload import LineDict, YamlError, load_yaml, read_regular


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
    predicates: dict = dataclasses.field(default_factory=dict)   # words the pack adds to the vocabulary

    @functools.cached_property
    def mentions(self) -> NameIndex:
        """Every subject's names in one matcher (built once; kept in the pack cache)."""
        return _mention_index(self.subjects)

    @functools.cached_property
    def name_keys(self) -> dict:
        """Every subject's names by their letters alone ("openai"): a name written with other spacing or
        case ("Open AI") is that subject, misspelt, and no other."""
        from .claims.names import compact
        return {compact(name): s.id for s in self.subjects.values() for name in s.names.entries}

    @functools.cached_property
    def lexicon(self):
        """Every form of every predicate of the shared vocabulary (linter/vocabulary), built once and
        kept in the pack cache: expanding the vocabulary costs more than a whole one-draft run."""
        from .vocabulary import build_lexicon, merged_predicates
        return build_lexicon(merged_predicates(self.predicates))

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


def seed_dir_candidates(pack: Path, extra: tuple[Path, ...]) -> tuple[Path, ...]:
    """Where a pack's source files are looked for, in this order: seeds/ beside the pack directory,
    seeds/ inside it, then the directories the caller adds (the packaged seeds). docs/rule-format.md."""
    return (pack.parent / "seeds", pack / "seeds", *extra)


def seed_dirs_of(pack: Path, extra: tuple[Path, ...]) -> tuple[Path, ...]:
    """The seed directories of a pack that exist, in the order they are looked in."""
    return tuple(d for d in seed_dir_candidates(pack, extra) if d.is_dir())


class _SeedTexts:
    """Normalised seed texts, read once each, from inside the seed directories only: a pack is data
    anyone may edit, so its `file:` must not reach /proc, /etc or a link that leaves the directory."""

    MAX_BYTES = 50_000_000

    def __init__(self, pack: Path, extra: tuple[Path, ...]):
        self.candidates = seed_dir_candidates(pack, extra)
        self.dirs = seed_dirs_of(pack, extra)
        self.cache: dict[str, tuple[str | None, str]] = {}

    def get(self, name: str) -> tuple[str | None, str]:
        """(the file's normalised text, "") or (None, what is wrong)."""
        if name not in self.cache:
            self.cache[name] = self._read(name)
        return self.cache[name]

    def _read(self, name: str) -> tuple[str | None, str]:
        parts = PurePosixPath(name).parts
        if name.startswith(("/", "~", "\\")) or re.match(r"^[A-Za-z]:", name):
            return None, f"must name a file inside the seeds directory, not an absolute path ({name!r})"
        if ".." in parts:
            return None, f"must name a file inside the seeds directory; \"..\" leaves it ({name!r})"
        for directory in self.dirs:
            path = directory / name
            if not os.path.lexists(path):
                continue
            if not path.resolve().is_relative_to(directory.resolve()):
                return None, f"names {name!r}, a link that leads outside {directory}"
            try:
                return normalise(read_regular(path, name, self.MAX_BYTES).decode("utf-8")), ""
            except UnicodeDecodeError as exc:
                return None, f"names {name!r}, which is not UTF-8 text (byte {exc.start})"
            except OSError as exc:
                return None, f"names {name!r}: {exc.strerror or exc}".replace(f"{name}: ", "")
        looked = ", ".join(str(d) for d in self.candidates)
        return None, f"names {name!r}, which is in none of the seed directories ({looked}; see docs/rule-format.md)"


def _read_sources(reader: FieldReader, seeds: _SeedTexts) -> tuple[Source, ...]:
    sources, problems = [], []
    for item in reader.raw("sources"):
        src = FieldReader(item, reader.label, reader.rule_id, "sources.", schema.SOURCE)
        file, quote = src.text("file"), src.text("quote")
        text, problem = seeds.get(file)
        if text is None:
            problems.append(src.fail("file", problem))
        elif normalise(quote) not in text:
            problems.append(src.fail("quote", f"is not in {file}: {quote_divergence(normalise(quote), text)}"))
        sources.append(Source(file, quote))
    if problems:
        raise FieldErrors(problems)
    return tuple(sources)


def quote_divergence(quote: str, text: str) -> str:
    """Where a quote and its source part ways: the longest start of the quote found in the source, and
    what each has after it; with no common start, the source passage nearest the quote's first words."""
    low, high = 0, len(quote)        # the longest prefix in the text (every shorter prefix is in it too)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    if low >= min(12, len(quote) // 2):
        at = text.find(quote[:low]) + low
        return (f"the first {low} characters match (\"…{quote[max(0, low - 40):low]}\"), then the quote has "
                f"\"{_snippet(quote, low)}\" where the source has \"{_snippet(text, at)}\"")
    nearest = difflib.SequenceMatcher(None, text, quote, autojunk=False).find_longest_match(
        0, len(text), 0, min(len(quote), 200))
    if nearest.size < 4:
        return f"no passage of the source resembles it ({_snippet(quote, 0)!r})"
    start = text.rfind(" ", 0, max(0, nearest.a - nearest.b)) + 1     # where the quote would start, at a word
    return (f"its start is not in the source; the nearest passage is \"{_snippet(text, start, 80)}\" "
            f"(the quote: \"{_snippet(quote, 0, 80)}\")")


def _snippet(text: str, start: int, size: int = 30) -> str:
    piece = text[start:start + size]
    return (piece + "…" if start + size < len(text) else piece) or "(end)"


def _read_examples(reader: FieldReader) -> dict:
    examples = reader.nested("examples")
    result, problems = {}, []
    for key in ("flag", "pass"):
        pairs = tuple((lang, text) for lang, texts in examples.by_language(key, required=True).items()
                      for text in texts)
        if len(pairs) < 2:
            problems.append(examples.fail(key, "needs at least two sentences"))
        result[key] = tuple(("de" if lang == "*" else lang, text) for lang, text in pairs)
    if problems:
        raise FieldErrors(problems)
    return result


def _read_scope(reader: FieldReader, subjects: dict, contexts: dict) -> Scope:
    scope = reader.nested("scope")
    problems = []
    subject = scope.text("subject")
    if subject not in subjects:
        hint = difflib.get_close_matches(subject, list(subjects), n=1)
        problems.append(scope.fail("subject", f"names unknown subject {subject!r}" +
                                   (f'; did you mean "{hint[0]}"?' if hint else " (subjects are declared under "
                                    "`subjects:`, see docs/rule-format.md)")))
    context = scope.text("context", required=False) or None
    outside = scope.strings("outside")
    for name in (context, *outside):
        if name and name not in contexts:
            problems.append(scope.fail("context" if name == context else "outside", f"names unknown context {name!r}"))
    if problems:
        raise FieldErrors(problems)
    return Scope(subject, context, outside, scope.terms("cues"), scope.terms("anti_cues"), scope.terms("requires"))


def _read_rule(data: LineDict, label: str, seeds: _SeedTexts, subjects: dict, contexts: dict,
               invalid: set[str]) -> Rule:
    """The rule of a fact the schema has validated, but for the keys in `invalid` (already reported);
    every other problem of the fact is raised together as FieldErrors."""
    reader = FieldReader(data, label, data["id"], spec=schema.FACT)
    parts, problems = {}, []

    def read(key: str, how) -> None:
        if key in invalid:
            return
        try:
            parts[key] = how()
        except FieldErrors as exc:
            problems.extend(exc.errors)
        except FieldError as exc:
            problems.append(exc)

    read("until", lambda: _read_lifetime(reader))
    read("sources", lambda: _read_sources(reader, seeds))
    read("scope", lambda: _read_scope(reader, subjects, contexts))
    if "kind" not in invalid:
        spec = schema.EXPECTED[data["kind"]]
        read("expected", lambda: RULE_TYPES[data["kind"]].parse_expected(
            FieldReader(data["expected"], label, data["id"], "expected.", spec)))
    read("examples", lambda: _read_examples(reader))
    if problems or invalid:
        raise FieldErrors(problems)
    statement = reader.nested("statement")
    return Rule(
        id=data["id"], kind=data["kind"], topic=reader.text("topic"),
        severity=Severity.parse(reader.choice("severity", schema.SEVERITIES, default="error")),
        statement={lang: statement.text(lang) for lang in LANGS if statement.has(lang)},
        as_of=reader.date("as_of"), until=parts["until"][0], until_note=reader.text("until_note", required=False),
        lifetime=parts["until"][1], sources=parts["sources"], scope=parts["scope"], expected=parts["expected"],
        examples=parts["examples"], origin=f"{label}:{reader.line()}",
    )


def _read_lifetime(reader: FieldReader) -> tuple[dt.date | None, str]:
    """(until, lifetime), consistent with each other."""
    until = reader.date("until", required=False)
    if until and not reader.has("until_note"):
        raise reader.fail("until", "needs an until_note saying what changed and where that is known from")
    lifetime = reader.choice("lifetime", schema.LIFETIMES, default="state" if until else "event")
    if until and lifetime != "state":
        raise reader.fail("until", "only facts with lifetime: state can end")
    return until, lifetime


class FieldErrors(Exception):
    """Several problems of one fact, each a FieldError."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors


@dataclass
class _File:
    """One rule file as loaded: its pack, the label users see, its data and its schema problems."""

    pack: Path
    label: str
    data: dict
    problems: list


def _rule_files(pack_dirs: list[Path], errors: list[str]) -> list[tuple[Path, Path]]:
    """(pack, file) for every *.yaml and *.yml file of the packs (hidden files aside: editors' locks)."""
    files = []
    for pack in pack_dirs:
        try:
            names = sorted((n.endswith(".yml"), n) for n in os.listdir(pack)
                           if n.endswith((".yaml", ".yml")) and not n.startswith("."))
        except (FileNotFoundError, NotADirectoryError):
            errors.append(f"{pack}: rule directory not found")
            continue
        except OSError as exc:
            errors.append(f"{pack}: cannot read the rule directory: {exc.strerror}")
            continue
        if not names:
            errors.append(f"{pack}: no rule files (*.yaml) in this directory: write facts as docs/rule-format.md "
                          f"shows, or point --rules (or the configuration's `rules`) at the pack's directory")
        files += [(pack, pack / name) for _, name in names]
    return files


def _load_files(pack_dirs: list[Path], errors: list[str]) -> list[_File]:
    """Every rule file parsed and checked against the schema; each problem appended to `errors`."""
    loaded = []
    for pack, path in _rule_files(pack_dirs, errors):
        label = _label(path, pack)
        try:
            data = load_yaml(path, label)
        except YamlError as exc:
            errors.extend(exc.messages)
            continue
        if not isinstance(data, dict):
            errors.append(f"{label}:{getattr(data, 'line', 1) or 1}: a rule file needs a top-level list `facts:` "
                          "(or `subjects:`), see docs/rule-format.md")
            continue
        problems = list(schema.PACK_FILE.problems(data, schema.At(1)))
        errors.extend(_message(label, p) for p in problems)
        loaded.append(_File(pack, label, data, problems))
    return loaded


def _message(label: str, problem: schema.Problem) -> str:
    who = f"{problem.owner}: " if problem.owner else ""
    what = f'field "{problem.path}" {problem.message}' if problem.path else problem.message
    return f"{label}:{problem.line}: {who}{what}"


def _records(file: _File, key: str):
    """The file's valid-enough records under `key`: mappings with a text id."""
    items = file.data.get(key)
    for item in items if isinstance(items, list) else ():
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            yield item


def _read_subjects(files: list[_File], errors: list[str]) -> tuple[dict, dict]:
    """Subjects and contexts of all packs; a second, different definition of an id is an error, in the
    same pack or another one (a minimal `sora` of a desk's pack must not silently replace the packaged
    one)."""
    found: dict = {"subjects": {}, "contexts": {}}
    origins: dict = {}
    for file in files:
        for key, build in (("subjects", _subject), ("contexts", _context)):
            for item in _records(file, key):
                reader = FieldReader(item, file.label, item["id"],
                                     spec=schema.SUBJECT if key == "subjects" else schema.CONTEXT)
                name = f"{key[:-1]} \"{item['id']}\""
                where = f"{file.label}:{reader.line()}"
                if (key, item["id"]) in origins:
                    first, pack, same = origins[key, item["id"]]
                    if same == item:
                        continue        # a copy, word for word (a pack that also works alone carries one)
                    advice = ("give one of them another id" if pack == file.pack else
                              "give yours another id, or load only your pack (`default_rules: false` in the "
                              "configuration, or --rules) to replace the other")
                    errors.append(f"{where}: {name} is already defined at {first}"
                                  f"{'' if pack == file.pack else ' by another loaded pack'}; {advice}")
                    continue
                origins[key, item["id"]] = (where, file.pack, item)
                if not any(p.record == id(item) for p in file.problems):
                    found[key][item["id"]] = build(reader)
    for subject in found["subjects"].values():
        if subject.of and subject.of not in found["subjects"]:
            errors.append(f'{origins["subjects", subject.id][0]}: subject "{subject.id}": field "of" names unknown '
                          f"subject {subject.of!r}")
    return found["subjects"], found["contexts"]


def _subject(reader: FieldReader) -> Subject:
    references = {lang: Terms.of(items) for lang, items in reader.by_language("references").items()}
    return Subject(reader.rule_id, reader.choice("kind", schema.SUBJECT_KINDS),
                   Terms.of(reader.strings("names", required=True), possessive=True), references,
                   Terms.of(reader.strings("not"), possessive=True), reader.text("of", required=False) or None)


def _context(reader: FieldReader) -> Context:
    return Context(reader.rule_id, reader.terms("cues"))


def rule_dir(pack: Path) -> Path:
    """The directory that holds a pack's rule files: the one given, or — given a pack's own directory
    laid out as docs/rule-format.md shows (rules/ and seeds/ side by side, "examples/packs/windpark") —
    its rules/, when the directory itself holds no rule file."""
    rules = pack / "rules"
    try:
        if not any(n.endswith((".yaml", ".yml")) for n in os.listdir(pack)) and rules.is_dir():
            return rules
    except OSError:
        pass        # reported by _rule_files, with the directory as given
    return pack


def load_pack(pack_dirs: list[Path], seed_dirs: tuple[Path, ...] = ()) -> Rulebook:
    """Load and validate every rule file of the given pack directories; raise RuleError listing every
    problem of every file, each with file and line."""
    pack_dirs = [rule_dir(p) for p in pack_dirs]
    errors: list[str] = []
    files = _load_files(pack_dirs, errors)
    subjects, contexts = _read_subjects(files, errors)
    predicates = _read_predicates(files, errors)
    token = pack_predicates.set(frozenset(predicates))
    rules, origins, seeds = [], {}, {}
    for file in files:
        if file.pack not in seeds:
            seeds[file.pack] = _SeedTexts(file.pack, seed_dirs)
        for item in _records(file, "facts"):
            where = f"{file.label}:{item.line}"
            if item["id"] in origins:
                errors.append(f'{where}: rule "{item["id"]}": id already used at {origins[item["id"]]}')
            origins.setdefault(item["id"], where)
            # a key with a problem is not read further (its problem is reported); an unknown key is read by nobody
            invalid = {p.path.split(".")[0] for p in file.problems if p.record == id(item) and not p.unknown}
            try:
                rules.append(_read_rule(item, file.label, seeds[file.pack], subjects, contexts, invalid))
            except FieldErrors as exc:
                errors.extend(map(str, exc.errors))
    pack_predicates.reset(token)
    if not errors and not rules:
        errors.append(f"{', '.join(map(str, pack_dirs))}: the pack has no facts: add a file with a top-level list "
                      "`facts:` (see docs/rule-format.md)")
    if errors:
        raise RuleError(_in_file_order(errors))
    return Rulebook(tuple(rules), subjects, contexts, predicates)


def _plain(value):
    """A loaded YAML value as plain dicts, lists and texts (the pack cache and the vocabulary take those)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _read_predicates(files: list, errors: list[str]) -> dict:
    """Words packs add to the shared vocabulary: {predicate: spec}; a new predicate needs `about` and words,
    every predicate it is made of (`together`) must exist, and no two files may define one twice."""
    from .vocabulary import LANGS as VOCABULARY_LANGS
    from .vocabulary import predicate_definitions
    shipped = predicate_definitions()
    found, origins = {}, {}
    for file in files:
        for item in _records(file, "predicates"):
            where = f"{file.label}:{getattr(item, 'line', 0)}"
            name = item["id"]
            if name in origins:
                errors.append(f'{where}: predicate "{name}": already defined at {origins[name]}')
                continue
            origins[name] = where
            if name not in shipped and not (item.get("about") and any(item.get(lang) for lang in VOCABULARY_LANGS)):
                errors.append(f'{where}: predicate "{name}": a new predicate needs `about` and words in de or en '
                              f"(or add words to one of the shared predicates: {', '.join(sorted(shipped))})")
                continue
            found[name] = {k: v for k, v in _plain(dict(item)).items() if k != "id"}
    known = set(shipped) | set(found)
    for name, spec in found.items():
        for group in spec.get("together") or ():
            for part in group:
                if part not in known:
                    errors.append(f'{origins[name]}: predicate "{name}": field "together" names unknown predicate "{part}"')
    return found


def _in_file_order(errors: list[str]) -> list[str]:
    """The messages of each file together, by line (files in the order they were read)."""
    files: dict[str, int] = {}
    keys = []
    for message in errors:
        match = re.match(r"(.*?):(\d+): ", message)
        label, line = (match.group(1), int(match.group(2))) if match else (message, 0)
        keys.append((files.setdefault(label, len(files)), line))
    return [message for _, message in sorted(zip(keys, errors), key=lambda pair: pair[0])]


def _mention_index(subjects: dict) -> NameIndex:
    """One matcher for the names of all subjects; `not` names of a subject match as nobody's."""
    pairs = [(name, sid) for sid, subject in subjects.items() for name in subject.names.entries]
    pairs += [(name, None) for subject in subjects.values() for name in subject.not_names.entries]
    return NameIndex.of(pairs)


# -- the compiled-pack cache (kept in linter/cache.py's private directory)

_PACKAGE = Path(__file__).resolve().parent
MAX_CACHE_ENTRIES = 64     # packs (and versions of the linter) kept; each entry is about half a megabyte


def pack_key(pack_dirs: list[Path], seed_dirs: tuple[Path, ...]) -> str | None:
    """A hash of everything a loaded pack depends on: every rule and seed file's name and bytes, and
    the linter's own code (the pickled objects are its classes), so a stale cache is never used.
    None when a file cannot be read: the pack is then loaded uncached, which reports the problem."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    sources = sorted(_PACKAGE.rglob("*.py")) + sorted((_PACKAGE / "vocabulary").glob("*.[yj]s*"))
    directories = (*pack_dirs, *seed_dirs, *(d for p in pack_dirs for d in seed_dir_candidates(p, ())))
    try:
        for directory in directories:
            if directory.is_dir():
                sources += sorted(f for f in directory.iterdir() if f.is_file())
        for path in sources:
            digest.update(str(path).encode() + b"\0" + read_regular(path, str(path), _SeedTexts.MAX_BYTES) + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def load_pack_cached(pack_dirs: list[Path], seed_dirs: tuple[Path, ...] = ()) -> Rulebook:
    """load_pack, through a cache keyed by the pack's content hash. A pack with errors is never cached
    (its RuleError is raised as load_pack raises it)."""
    pack_dirs = [rule_dir(p) for p in pack_dirs]
    directory = cache_dir()
    if directory is None or not all(p.is_dir() for p in pack_dirs):
        return load_pack(pack_dirs, seed_dirs)
    key = pack_key(pack_dirs, seed_dirs)
    if key is None:
        return load_pack(pack_dirs, seed_dirs)
    name = f"pack-{key}.pickle"
    cached = _unpickled(read_private(directory, name))
    if isinstance(cached, Rulebook):
        return cached
    rulebook = load_pack(pack_dirs, seed_dirs)
    rulebook.mentions  # noqa: B018 - build the matchers now, so the cache entry carries them
    rulebook.lexicon  # noqa: B018
    try:
        data = pickle.dumps(rulebook, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - an unpicklable object (a pack's own pattern) only costs speed
        return rulebook
    write_private(directory, name, data, "pack-*.pickle", MAX_CACHE_ENTRIES)
    return rulebook


def _unpickled(data: bytes | None) -> object | None:
    """The cached object (read only from a private cache: linter/cache.py), None when it is unreadable."""
    if data is None:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # noqa: BLE001 - a corrupt or stale entry (any unpickling error) is rebuilt
        return None
