"""Every regular expression of the linter runs in time linear in the text it searches.

The patterns are collected by walking the linter's modules for compiled patterns (and the date shapes
built from the word tables), so a new one cannot be forgotten. Each is run, with `finditer` as the
linter runs it, over adversarial texts: one piece repeated n and 2n times, with and without a
character no pattern expects at the end. tests/regex_steps.py counts the steps a backtracking engine
takes (Python's `re` is one); doubling the text may at most double the steps, with some slack. A
nested quantifier that backtracks (`\\S*[^\\W\\d_]\\S*/\\S*` on a long run without a slash) grows
quadratically or worse and fails here on any machine, fast or slow.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import linter
from linter.claims import date_words
from linter.lexicon import LazyRegex
from tests.regex_steps import OverBudget, StepCounter

# pieces of draft text that patterns like to repeat over: letters, digits, spaces, stops, quotes,
# brackets, markup, separators, and the runs of the reproducers of issue 12
PIECES = ["a", "A", "1", " ", ".", ",", "-", "/", ":", "'", '"', "\u201e", "\u201c", "(", "[", "&", "`", "*", "_",
          "\n", "\u00e4", "\u200d", "\0", "\\", "a ", "1 ", "1.", "a.", ". ", "a/", "[a", "Ab", "a-", "1,", "- ",
          "\u201ea\u201c ", "2024 ", "am "]
ENDINGS = ["", "\0!"]
SHORT, LONG = 16, 32
SLACK = 2.6           # steps(2n) / steps(n) allowed: linear is 2, quadratic 4, cubic 8
FLOOR = 300           # below this many steps, growth is start-up cost, not backtracking


def _patterns() -> dict[str, re.Pattern]:
    """Every compiled pattern of the linter's modules, by the name it is found under."""
    found: dict[tuple[str, int], tuple[str, re.Pattern]] = {}

    def visit(value, where: str, depth: int = 0) -> None:
        if isinstance(value, LazyRegex):
            value = value.compiled
        if isinstance(value, re.Pattern):
            found.setdefault((value.pattern, value.flags), (where, value))
        elif depth < 2 and isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                visit(item, where, depth + 1)
        elif depth < 2 and isinstance(value, dict):
            for key, item in value.items():
                visit(item, f"{where}[{key!r}]", depth + 1)

    for info in pkgutil.walk_packages(linter.__path__, "linter."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            visit(value, f"{info.name}.{name}")
    for lang in date_words.LANGS:
        for index, pattern in enumerate(date_words.patterns(lang)):
            visit(pattern, f"date_words.patterns({lang!r})[{index}]")
    return {where: pattern for where, pattern in found.values()}


PATTERNS = _patterns()
PACKAGE = Path(linter.__file__).parent
SOURCES = {path: path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py")}
_SCANNING = r"\.(?:search|finditer|findall|sub|subn|split)\("


def _anchored(name: str) -> bool:
    """Whether the linter only ever anchors this pattern at one position (`match`, `fullmatch`): then
    one attempt must be linear, while `finditer`, `search`, ... try it at every position of the text."""
    module, attribute = name.rsplit(".", 1)
    if not re.fullmatch(r"\w+", attribute) or not module.startswith("linter."):
        return False        # found inside a container: assume the worst
    # a private name is used only in its own module (others may have one of the same name)
    path = PACKAGE.joinpath(*module.split(".")[1:])
    own = [path.with_suffix(".py"), path / "__init__.py"]
    sources = [SOURCES[p] for p in own if p in SOURCES] if attribute.startswith("_") else list(SOURCES.values())
    used = re.findall(rf"\b{attribute}(\.(?:match|fullmatch)\(|{_SCANNING})", "\n".join(sources))
    return bool(used) and all(call.startswith((".match(", ".fullmatch(")) for call in used)


def test_the_walk_finds_the_patterns():
    assert len(PATTERNS) > 100
    assert any(name.startswith("linter.claims.dates.OPAQUE_RE") for name in PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_is_linear(name: str) -> None:
    counter = StepCounter(PATTERNS[name])
    run = counter.match_steps if _anchored(name) else counter.finditer_steps
    for piece in PIECES:
        for ending in ENDINGS:
            short, _ = run(piece * SHORT + ending)
            counter.budget = int(SLACK * max(short, FLOOR))
            try:
                run(piece * LONG + ending)
            except OverBudget:
                pytest.fail(f"{name} is superlinear on {piece!r} * n + {ending!r}: {short} steps at n={SHORT}, "
                            f"over {counter.budget} at n={LONG}")
            finally:
                counter.budget = 10**7


def test_the_step_count_catches_backtracking():
    """The reference itself: a nested quantifier that backtracks is caught, its linear rewrite passes."""
    cubic = re.compile(r"\S*[^\W\d_]\S*/\S*[^\W\d_]\S*")
    linear = re.compile(r"(?<!\S)(?:[^\w\s]|[\d_])*[^\W\d_][^\s/]*/(?:[^\w\s]|[\d_])*[^\W\d_]\S*")
    steps = {}
    for pattern in (cubic, linear):
        counter = StepCounter(pattern)
        steps[pattern] = [counter.finditer_steps("x" * n)[0] for n in (SHORT, LONG)]
        # the counter finds what re finds
        assert counter.finditer_steps("ab/cd x a/b 1/2")[1] == [m.span() for m in pattern.finditer("ab/cd x a/b 1/2")]
    assert steps[cubic][1] > 4 * steps[cubic][0]
    assert steps[linear][1] <= 2.1 * steps[linear][0]
