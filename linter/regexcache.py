"""Compiled regular expressions kept between runs.

Python compiles a regular expression with a parser written in Python. A one-draft run compiles some
330 of them (the linter's own, its pack's, markdown-it-py's), and that was a fifth of its start-up.
What the compiler produces, the regex engine's code (a list of integers) and the group names, is plain
data: it is kept in the private cache directory (linter/cache.py) as marshal of plain data, which runs
no code when it is read, and handed to the engine directly the next time.

The table belongs to one Python build (the engine's code changes between versions). A pattern is
stored only when the engine built from the stored data equals the one Python compiled itself, and
on any other interpreter, or when anything about the table is unexpected, patterns are compiled as
usual: the table can make a run faster, never different.
"""
from __future__ import annotations

import array
import marshal
import sys

from .cache import cache_dir, read_private, write_private

try:
    import _sre
    from re import _compiler, _parser
except ImportError:     # Python 3.10 has no re._compiler: patterns are compiled as usual there
    _compiler = None

SUPPORTED = ((3, 11), (3, 12), (3, 13))    # whose compiler hands the engine its code as below
MAX_PATTERNS = 2048     # a pack's patterns change with the pack: beyond this, only a run's own are kept
_WORD = "I"             # the engine's code words: 32 bits (_sre.CODESIZE == 4)


class _Table:
    """The stored patterns and the compiler that fills the table on a miss."""

    def __init__(self, entries: dict, compile_fresh):
        self.entries = entries
        self.compile_fresh = compile_fresh
        self.added = 0
        self.used: set = set()      # the keys this run compiled

    def compile(self, pattern, flags=0):
        """re._compiler.compile, through the table (the re module's own cache still comes first)."""
        if not isinstance(pattern, str) or flags & _compiler.SRE_FLAG_DEBUG:
            return self.compile_fresh(pattern, flags)
        key = (pattern, int(flags))
        self.used.add(key)
        entry = self.entries.get(key)
        if entry is not None:
            compiled = _built(pattern, entry)
            if compiled is not None:
                return compiled
            del self.entries[key]       # not what this Python's engine takes: compile it afresh
        compiled = self.compile_fresh(pattern, flags)
        entry = _entry(pattern, int(flags))
        if entry is not None and _built(pattern, entry) == compiled:
            self.entries[key] = entry
            self.added += 1
        return compiled


def _entry(pattern: str, flags: int) -> tuple | None:
    """What re._compiler.compile hands the engine, as plain data."""
    try:
        parsed = _parser.parse(pattern, flags)
        code = array.array(_WORD, _compiler._code(parsed, flags)).tobytes()
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)
    except Exception:  # noqa: BLE001 - anything unexpected: this pattern is simply not stored
        return None


def _built(pattern: str, entry: tuple):
    """The engine built from stored data (patterns compare equal when their code is the same); None when
    the data is not what this Python's engine takes."""
    try:
        final_flags, code, groups, groupindex, indexgroup = entry
        return _sre.compile(pattern, final_flags, array.array(_WORD, code).tolist(), groups, groupindex, indexgroup)
    except Exception:  # noqa: BLE001
        return None


_installed: _Table | None = None


def _file_name() -> str:
    return f"regex-{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}.marshal"


def install() -> None:
    """Compile regular expressions through the stored table from now on, in this process."""
    global _installed
    if _installed is not None or _compiler is None or sys.version_info[:2] not in SUPPORTED:
        return
    if _sre.CODESIZE != 4 or array.array(_WORD).itemsize != 4:
        return
    directory = cache_dir()
    if directory is None:
        return
    entries = _read(read_private(directory, _file_name()))
    _installed = _Table(entries, _compiler.compile)
    _compiler.compile = _installed.compile


def _read(data: bytes | None) -> dict:
    if data is None:
        return {}
    try:
        entries = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def save() -> None:
    """Store the table if this run compiled patterns it did not hold."""
    table = _installed
    directory = cache_dir()
    if table is None or not table.added or directory is None:
        return
    if len(table.entries) > MAX_PATTERNS:
        table.entries = {key: entry for key, entry in table.entries.items() if key in table.used}
    try:
        data = marshal.dumps(table.entries)
    except ValueError:
        return
    write_private(directory, _file_name(), data, "regex-*.marshal", keep=4)
    table.added = 0


def uninstall() -> None:
    """Compile as Python does again (tests)."""
    global _installed
    if _installed is not None:
        _compiler.compile = _installed.compile_fresh
        _installed = None
