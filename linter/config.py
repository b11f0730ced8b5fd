"""Project configuration: `[tool.factlint]` in pyproject.toml or a `.factlint.yaml`.

The nearest configuration upward from a draft's directory applies to that draft; in one directory a
`.factlint.yaml` wins over pyproject.toml, and a pyproject.toml without `[tool.factlint]` does not count.
Paths inside a configuration are relative to its directory. Every key is validated when the file is
read; a problem names file and line (docs/configuration.md lists the keys).
"""
from __future__ import annotations

import dataclasses
import difflib
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .findings import Finding, Severity
from .globs import compile_glob
from .suppress import META_RULES, RULE_PREFIX, id_matches
from .yamlload import LineDict, YamlError, load_yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

YAML_NAME = ".factlint.yaml"
PYPROJECT = "pyproject.toml"
LEVELS = ("error", "warning", "info")
DEFAULT_FAIL_ON = "error"
DEFAULT_FACT_WINDOW = 365      # engine.DEFAULT_FACT_WINDOW; not imported, to keep `factlint --version` fast


class ConfigError(Exception):
    """An unusable configuration; `messages` hold one "file:line: problem" each."""

    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Config:
    """The settings for the drafts under one directory (or the built-in defaults, `source` None)."""

    source: Path | None = None
    base: Path = Path(".")                  # include/exclude patterns are relative to this directory
    rule_dirs: tuple[Path, ...] = ()
    default_rules: bool = True
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    severity: tuple[tuple[str, str], ...] = ()     # (rule id prefix, level or "off")
    fail_on: str = DEFAULT_FAIL_ON
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fact_window: int = DEFAULT_FACT_WINDOW
    lang: str | None = None
    # (key, prefix, "file:line") of each rule id prefix, to check them against the loaded pack
    prefixes: tuple[tuple[str, str, str], ...] = field(default=(), compare=False, repr=False)

    def pack_dirs(self, default_dir: Path) -> tuple[Path, ...]:
        """The rule directories to load: the packaged pack (unless default_rules is false), then ours."""
        return ((default_dir,) if self.default_rules else ()) + self.rule_dirs

    def level(self, rule_id: str, default: Severity) -> Severity | None:
        """The rule's severity under this configuration; None when it is disabled."""
        if not self._enabled(rule_id):
            return None
        override = _most_specific(self.severity, rule_id)
        if override == "off":
            return None
        return Severity.parse(override) if override else default

    def _enabled(self, rule_id: str) -> bool:
        """The most specific matching prefix of enable/disable decides; a tie disables."""
        choices = [(prefix, "enable") for prefix in self.enable] + [(prefix, "disable") for prefix in self.disable]
        choices.sort(key=lambda pair: pair[1] == "disable")   # on equal length, disable comes last and wins
        decision = _most_specific(choices, rule_id)
        if decision is None:
            # `enable` selects the pack's rules; factlint's own findings stay on unless disabled
            return not self.enable or rule_id.startswith(RULE_PREFIX)
        return decision == "enable"

    def select_rules(self, rules: Iterable) -> list:
        """The pack's rules that are enabled, with their severities overridden."""
        selected = []
        for rule in rules:
            level = self.level(rule.id, rule.severity)
            if level is not None:
                selected.append(rule if level == rule.severity else dataclasses.replace(rule, severity=level))
        return selected

    def adjust_meta(self, findings: Iterable[Finding]) -> list[Finding]:
        """Apply enable/disable/severity to factlint's own findings (the pack's rules are already selected)."""
        result = []
        for finding in findings:
            if not finding.rule.startswith(RULE_PREFIX):
                result.append(finding)
                continue
            level = self.level(finding.rule, finding.severity)
            if level is not None:
                result.append(finding if level == finding.severity else dataclasses.replace(finding, severity=level))
        return result

    def unknown_prefixes(self, rule_ids: Iterable[str]) -> list[str]:
        """An error for each enable/disable/severity prefix that names no rule of the pack."""
        known = set(rule_ids) | set(META_RULES)
        return [f'{where}: {key}: "{prefix}" matches no rule of the pack'
                for key, prefix, where in self.prefixes if not any(id_matches(prefix, r) for r in known)]

    def excluded(self, path: Path) -> bool:
        """Whether an `exclude` pattern matches the file."""
        return _matches_any(self.exclude, self._relative(path))

    def walked_file_selected(self, path: Path) -> bool:
        """Whether a file found by walking a directory is linted: included (if `include` is set), not excluded."""
        relative = self._relative(path)
        if self.include and not _matches_any(self.include, relative):
            return False
        return not _matches_any(self.exclude, relative)

    def _relative(self, path: Path) -> str:
        """The file's path relative to the configuration's directory, with forward slashes."""
        try:
            return Path(os.path.relpath(path.resolve(), self.base.resolve())).as_posix()
        except ValueError:  # another drive on Windows: no pattern relative to us can match
            return path.resolve().as_posix()


def _most_specific(pairs: Iterable[tuple[str, str]], rule_id: str) -> str | None:
    """The value of the longest prefix that matches the rule id (the last one on equal length)."""
    best, value = -1, None
    for prefix, choice in pairs:
        if id_matches(prefix, rule_id) and len(prefix) >= best:
            best, value = len(prefix), choice
    return value


# --- include / exclude patterns (linter/globs.py) ----------------------------------------------------

def _matches_any(patterns: tuple[str, ...], relative: str) -> bool:
    return any(compile_glob(p).match(relative) for p in patterns)


# --- discovery ---------------------------------------------------------------------------------------

def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working directory when below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class ConfigFinder:
    """Find and load the configuration of each directory, reading every file once."""

    def __init__(self, explicit: Path | None = None, isolated: bool = False):
        self.fixed = Config(base=Path.cwd()) if isolated else (load_config(explicit) if explicit else None)
        self.by_dir: dict[Path, Config] = {}

    def for_path(self, path: Path) -> Config:
        """The configuration that applies to a file (or to a directory's own drafts)."""
        if self.fixed is not None:
            return self.fixed
        directory = path.resolve() if path.is_dir() else path.resolve().parent
        return self._for_dir(directory)

    def _for_dir(self, directory: Path) -> Config:
        if directory not in self.by_dir:
            found = config_file_in(directory)
            if found is not None:
                self.by_dir[directory] = load_config(found)
            elif directory.parent == directory:
                self.by_dir[directory] = Config(base=directory)
            else:
                self.by_dir[directory] = self._for_dir(directory.parent)
        return self.by_dir[directory]


def config_file_in(directory: Path) -> Path | None:
    """The directory's own configuration file, if it has one."""
    yaml_file = directory / YAML_NAME
    if yaml_file.is_file():
        return yaml_file
    pyproject = directory / PYPROJECT
    if pyproject.is_file() and _has_factlint_table(pyproject):
        return pyproject
    return None


def _has_factlint_table(path: Path) -> bool:
    """Whether a pyproject.toml configures factlint; a broken one counts if it mentions tool.factlint."""
    try:
        data = path.read_bytes()
    except OSError:
        return False
    try:
        tool = tomllib.loads(data.decode("utf-8")).get("tool")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        # a broken file that means to configure us must be reported, not ignored (load_config says why)
        return b"tool.factlint" in data
    return isinstance(tool, dict) and "factlint" in tool


# --- loading -----------------------------------------------------------------------------------------

def load_config(path: Path) -> Config:
    """Read and validate one configuration file; raise ConfigError naming file and line."""
    label = display_path(path)
    if path.suffix == ".toml":
        data, line_of = _read_pyproject(path, label)
    else:
        data, line_of = _read_yaml(path, label)
    return _Validator(path, label, line_of).config(data)


LineOf = Callable[[str, "str | None"], int]


def _read_yaml(path: Path, label: str) -> tuple[dict, LineOf]:
    try:
        data = load_yaml(path, label)
    except YamlError as exc:
        raise ConfigError([str(exc)]) from None
    data = LineDict() if data is None else data
    if not isinstance(data, dict):
        raise ConfigError([f"{label}:1: the configuration must be a mapping of keys (see docs/configuration.md)"])

    def line_of(key: str, sub: str | None = None) -> int:
        inner = data.get(key)
        if sub is not None and isinstance(inner, LineDict) and sub in inner.key_lines:
            return inner.line_of(sub)
        return data.line_of(key) or 1
    return data, line_of


def _read_pyproject(path: Path, label: str) -> tuple[dict, LineOf]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError([f"{label}: cannot read: {exc.strerror}"]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ConfigError([f"{label}:{line}: not valid UTF-8 (byte {exc.start}); TOML files must be UTF-8"]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([_toml_error(label, exc)]) from None
    tool = data.get("tool")
    table = tool.get("factlint") if isinstance(tool, dict) else None
    lines = _toml_key_lines(text)
    if table is None:
        raise ConfigError([f"{label}: has no [tool.factlint] table"])
    if not isinstance(table, dict):
        raise ConfigError([f"{label}:{lines.get((), 1)}: [tool.factlint] must be a table"])

    def line_of(key: str, sub: str | None = None) -> int:
        return lines.get((key, sub)) or lines.get((key,)) or lines.get((), 1)
    return table, line_of


_TOML_POSITION = re.compile(r"(?<!\s)\s*\(at line (\d+), column (\d+)\)$")   # from a run's start: linear


def _toml_error(label: str, exc: Exception) -> str:
    """`file:line:column: invalid TOML: problem` from tomllib's "problem (at line L, column C)"."""
    message = str(exc)
    where = _TOML_POSITION.search(message)
    if where is None:
        return f"{label}: invalid TOML: {message}"
    return f"{label}:{where.group(1)}:{where.group(2)}: invalid TOML: {message[:where.start()]}"


_TOML_HEADER = re.compile(r"^\s*\[(?!\[)\s*(.+?)\s*\]\s*(?:#.*)?$")
_TOML_KEY_PART = re.compile(r"\s*(\"(?:[^\"\\]|\\.)*\"|'[^']*'|[A-Za-z0-9_-]+)\s*")


def _toml_key_path(text: str) -> tuple[tuple[str, ...], int]:
    """The dotted key at the start of text (quotes removed) and where it ends; ((), 0) if none."""
    parts, pos = [], 0
    while True:
        match = _TOML_KEY_PART.match(text, pos)
        if not match:
            return (), 0
        parts.append(match.group(1).strip("\"'"))
        pos = match.end()
        if not text.startswith(".", pos):
            return tuple(parts), pos
        pos += 1


def _toml_key_lines(text: str) -> dict[tuple[str, ...], int]:
    """1-based lines of the keys below [tool.factlint]: () for the table, (key,) and (key, sub).

    tomllib keeps no positions, so the file is scanned: table headers and `key =` lines.
    """
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _TOML_HEADER.match(line)
        if header:
            table, _ = _toml_key_path(header.group(1))
            key: tuple[str, ...] = ()
        else:
            key, end = _toml_key_path(line)
            if not key or not line[end:].startswith("="):
                continue
        full = table + key
        if full[:2] == ("tool", "factlint"):
            lines.setdefault(full[2:4], number)
    return lines


_ID_PREFIX = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*$")


class _Validator:
    """Turn a configuration mapping into a Config, collecting every problem with its line."""

    def __init__(self, path: Path, label: str, line_of: LineOf):
        self.path, self.label, self.line_of = path, label, line_of
        self.errors: list[tuple[int, str]] = []      # (line, message), reported in line order
        self.prefixes: list[tuple[str, str, str]] = []

    def fail(self, key: str, problem: str, sub: str | None = None) -> None:
        line = self.line_of(key, sub)
        self.errors.append((line, f"{self.label}:{line}: {key}: {problem}"))

    def config(self, data: dict) -> Config:
        for key in data:
            if key not in _KEYS:
                close = difflib.get_close_matches(str(key), _KEYS, n=1)
                hint = f'; did you mean "{close[0]}"?' if close else f" (known keys: {', '.join(_KEYS)})"
                line = self.line_of(str(key), None)
                self.errors.append((line, f'{self.label}:{line}: unknown key "{key}"{hint}'))
        values = {}
        for key, read in _KEYS.items():
            if key in data:
                values.update(read(self, key, data[key]) or {})
        if data.get("default_rules") is False and not values.get("rule_dirs"):
            self.fail("default_rules", "false needs at least one directory in `rules`")
        if self.errors:
            raise ConfigError([message for _, message in sorted(self.errors)])
        return Config(source=self.path, base=self.path.parent, prefixes=tuple(self.prefixes), **values)

    def strings(self, key: str, value) -> tuple[str, ...] | None:
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, "must be a list of strings")
            return None
        return tuple(v.strip() for v in value)

    def rule_dirs(self, key: str, value) -> dict | None:
        names = self.strings(key, value)
        if names is None:
            return None
        dirs = tuple(self.path.parent / name for name in names)
        for name, directory in zip(names, dirs):
            if not directory.is_dir():
                self.fail(key, f'"{name}" is not a directory (paths are relative to {self.label})')
        return {"rule_dirs": dirs}

    def default_rules(self, key: str, value) -> dict | None:
        if not isinstance(value, bool):
            self.fail(key, f"must be true or false, not {value!r}")
            return None
        return {"default_rules": value}

    def rule_prefixes(self, key: str, value) -> dict | None:
        prefixes = self.strings(key, value)
        if prefixes is None:
            return None
        for prefix in prefixes:
            self._prefix(key, prefix)
        return {key: prefixes}

    def _prefix(self, key: str, prefix: str, sub: str | None = None) -> None:
        if not _ID_PREFIX.match(prefix):
            self.fail(key, f'"{prefix}" is not a rule id or prefix such as people.roles', sub)
        else:
            self.prefixes.append((key, prefix, f"{self.label}:{self.line_of(key, sub)}"))

    def severity(self, key: str, value) -> dict | None:
        if not isinstance(value, dict):
            self.fail(key, "must map rule ids or prefixes to error, warning, info or off")
            return None
        pairs = []
        for prefix, level in value.items():
            # YAML 1.1 reads a bare `off` as false
            level = "off" if level is False else level
            if not isinstance(level, str) or level.lower() not in (*LEVELS, "off"):
                self.fail(key, f'"{prefix}": must be error, warning, info or off, not {level!r}', str(prefix))
                continue
            self._prefix(key, str(prefix), str(prefix))
            pairs.append((str(prefix), level.lower()))
        return {"severity": tuple(pairs)}

    def choice(self, key: str, value, choices: tuple[str, ...]) -> str | None:
        if not isinstance(value, str) or value.lower() not in choices:
            self.fail(key, f"must be one of {', '.join(choices)}, not {value!r}")
            return None
        return value.lower()

    def fail_on(self, key: str, value) -> dict | None:
        level = self.choice(key, value, LEVELS)
        return None if level is None else {"fail_on": level}

    def lang(self, key: str, value) -> dict | None:
        lang = self.choice(key, value, ("de", "en"))
        return None if lang is None else {"lang": lang}

    def globs(self, key: str, value) -> dict | None:
        patterns = self.strings(key, value)
        if patterns is None:
            return None
        for pattern in patterns:
            try:
                compile_glob(pattern)
            except re.error as exc:     # "[z-a]": a character range backwards
                self.fail(key, f'"{pattern}" is not a valid pattern ({exc.msg})')
        return {key: patterns}

    def fact_window(self, key: str, value) -> dict | None:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(key, f"must be a whole number of days (0 or more), not {value!r}")
            return None
        return {"fact_window": value}


# key -> reader returning the Config fields it sets (None when the value was bad)
_KEYS: dict[str, Callable[[_Validator, str, object], dict | None]] = {
    "rules": _Validator.rule_dirs,
    "default_rules": _Validator.default_rules,
    "enable": _Validator.rule_prefixes,
    "disable": _Validator.rule_prefixes,
    "severity": _Validator.severity,
    "fail_on": _Validator.fail_on,
    "include": _Validator.globs,
    "exclude": _Validator.globs,
    "fact_window": _Validator.fact_window,
    "lang": _Validator.lang,
}
