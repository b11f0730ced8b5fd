"""The table of compiled patterns (linter/regexcache.py): a pattern read from it is the pattern Python
compiles, a table no one may trust is not read, a broken one costs nothing, and the linter's patterns
are the same text in every run (or the table could never hold them)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from linter import regexcache
from linter.claims import date_words

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "examples"

needs_table = pytest.mark.skipif(regexcache._compiler is None or sys.version_info[:2] not in regexcache.SUPPORTED,
                                 reason="no table on this Python: patterns are compiled as usual")

# patterns of every kind the linter compiles: groups, names, look-behind, case-folding, classes, verbose
PATTERNS = [
    (date_words._sources("de")[0][1], re.IGNORECASE),
    (date_words._sources("en")[-1][1], re.IGNORECASE),
    (r"(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?", 0),
    (r"(?<![\w\u00c0-\u024f])(?:er|sie|he|she|they)(?![\w\u00c0-\u024f])", re.IGNORECASE),
    (r"""(?x) [^\W\d_]+   # a word
         (?:['\u2019]s)?  # and its owner's s""", 0),
    (r"(a|b)\1(?=c)|[^\x00-\x7f]+", re.MULTILINE | re.DOTALL),
]


@pytest.fixture
def table_in(tmp_path, monkeypatch):
    """Patterns compiled through a table in a fresh private cache directory; as Python does after."""
    def use(directory: Path):
        monkeypatch.setenv("FACTLINT_CACHE_DIR", str(directory))
        regexcache.uninstall()
        regexcache.install()
        return regexcache._installed
    saved = regexcache._installed
    regexcache.uninstall()
    yield use
    regexcache.uninstall()
    if saved is not None:       # the test process's own table, as linter.cli installed it
        regexcache._installed = saved
        regexcache._compiler.compile = saved.compile


def _fresh(pattern: str, flags: int) -> re.Pattern:
    compile_fresh = regexcache._installed.compile_fresh if regexcache._installed else re._compiler.compile
    return compile_fresh(pattern, flags)


@needs_table
@pytest.mark.parametrize("pattern, flags", PATTERNS, ids=["date-de", "date-en", "named-groups", "look-behind",
                                                           "verbose", "backreference"])
def test_a_pattern_from_the_table_is_the_one_python_compiles(table_in, tmp_path, pattern, flags):
    table_in(tmp_path / "cache")
    first = regexcache._installed.compile(pattern, flags)
    regexcache.save()
    assert list((tmp_path / "cache").glob("regex-*.marshal"))
    table = table_in(tmp_path / "cache")            # a later run: the pattern is read, not compiled
    assert (pattern, int(flags)) in table.entries
    stored = table.compile(pattern, flags)
    assert stored == first == _fresh(pattern, flags)    # equal patterns have the same engine code
    assert stored.groupindex == first.groupindex and stored.groups == first.groups and stored.flags == first.flags
    text = "Am 3. März 2024 sagte sie: Sora's clip aab. Ünïcödé 2024-03-01"
    assert [m.span() for m in stored.finditer(text)] == [m.span() for m in first.finditer(text)]


@needs_table
@pytest.mark.parametrize("content, mode", [
    (b"not marshal at all", 0o700),
    (b"\xe9\x00\x00\x00\x00", 0o700),           # a truncated table
    (None, 0o777),                              # a directory others may write: not read at all
], ids=["garbage", "truncated", "world-writable"])
def test_a_table_that_cannot_be_used_costs_nothing(table_in, tmp_path, content, mode):
    cache = tmp_path / "cache"
    cache.mkdir()
    table = table_in(cache)
    pattern, flags = PATTERNS[0]
    table.compile(pattern, flags)
    regexcache.save()
    (entry,) = cache.glob("regex-*.marshal") or [cache / regexcache._file_name()]
    if content is not None:
        entry.write_bytes(content)
    os.chmod(cache, mode)
    table = table_in(cache)
    assert table.entries == {}
    assert table.compile(pattern, flags) == _fresh(pattern, flags)


@needs_table
def test_an_entry_this_python_cannot_take_is_compiled_afresh(table_in, tmp_path):
    table = table_in(tmp_path / "cache")
    pattern, flags = PATTERNS[2]
    table.entries[(pattern, flags)] = (0, b"\x01\x02", "not a count", {}, ())
    assert table.compile(pattern, flags) == _fresh(pattern, flags)
    assert table.entries[(pattern, flags)] != (0, b"\x01\x02", "not a count", {}, ())


@needs_table
def test_the_table_keeps_a_runs_own_patterns_when_it_grows_too_big(table_in, tmp_path, monkeypatch):
    monkeypatch.setattr(regexcache, "MAX_PATTERNS", 3)
    table = table_in(tmp_path / "cache")
    for n in range(5):
        table.compile(f"old{n}", 0)
    regexcache.save()
    table = table_in(tmp_path / "cache")
    table.compile("new", 0)
    table.compile("old4", 0)
    regexcache.save()
    assert set(table_in(tmp_path / "cache").entries) == {("new", 0), ("old4", 0)}


def _patterns_compiled(seed: str, tmp_path: Path) -> set[str]:
    """The patterns the linter's own modules compile while linting the example drafts, under one
    string-hash seed."""
    script = (
        "import re, sys\n"
        "seen = set(); real = re._compile\n"
        "def spy(pattern, flags):\n"
        "    if sys._getframe(2).f_globals.get('__name__', '').startswith('linter'):\n"
        "        seen.add(repr((pattern, int(flags))))\n"
        "    return real(pattern, flags)\n"
        "re._compile = spy\n"
        "from linter.cli import main\n"
        "main(['check', '--no-config', '--format', 'json', sys.argv[1]])\n"
        "sys.stderr.write('\\n'.join(sorted(seen)))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed, "FACTLINT_NO_CACHE": "1"}
    done = subprocess.run([sys.executable, "-c", script, str(DRAFTS)], env=env, capture_output=True, text=True,
                          cwd=tmp_path, timeout=600)
    return set(done.stderr.splitlines())


def test_the_linters_patterns_are_the_same_text_in_every_run(tmp_path):
    """A pattern built from a set in its iteration order differs from run to run: the table would
    never find it, and would fill with copies of it."""
    first, second = _patterns_compiled("1", tmp_path), _patterns_compiled("2", tmp_path)
    assert len(first) > 100
    assert first == second, sorted(first ^ second)[:3]
