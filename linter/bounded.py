"""Run a pack's regular expressions with a time bound.

A pack's patterns (`contradicted_by`, `unless`) are written by whoever may commit to the pack, and one
that backtracks catastrophically ("(a|aa)+$" on "aaaa…!") would stall every run: Python's `re` cannot be
interrupted. So pack patterns run on the `regex` engine (its V0 mode reads them as `re` does), which
takes a timeout (checked now and then while it backtracks, so a search may run a few times longer
before it stops). A pattern that overruns it is dropped for the rest of the run: it gives no finding,
and a `PatternOverrun` warning names the rule once (the command line prints it on stderr).

The linter's own patterns stay on `re`: tests/test_regex_linear.py keeps each of them linear.
"""
from __future__ import annotations

import warnings

# Seconds one search may take. An ordinary pattern takes microseconds on a sentence; a catastrophic one
# takes longer than the age of the universe, so the bound decides nothing between the two.
TIMEOUT = 1.0


class PatternOverrun(UserWarning):
    """A pack pattern took longer than TIMEOUT on a sentence; its rule skips it from then on."""


_COMPILED: dict[tuple[str, int], object] = {}
_OVERRUN: set[tuple[str, int]] = set()


def _compiled(pattern):
    """The pattern compiled by `regex` (imported here: most runs never search a pack pattern)."""
    import regex

    key = (pattern.source, pattern.flags)
    found = _COMPILED.get(key)
    if found is None:
        # re's flags have the same values in regex; V0 keeps re's behaviour (and its case folding)
        found = _COMPILED[key] = regex.compile(pattern.source, pattern.flags | regex.V0)
    return found


def finditer(pattern, text: str, rule_id: str) -> list:
    """The matches of a pack pattern in text: all of them, or none (and a warning) when it overruns."""
    return _bounded(pattern, rule_id, lambda compiled: list(compiled.finditer(text, timeout=TIMEOUT))) or []


def search(pattern, text: str, rule_id: str):
    """The first match of a pack pattern in text, or None (also when it overruns)."""
    return _bounded(pattern, rule_id, lambda compiled: compiled.search(text, timeout=TIMEOUT))


def _bounded(pattern, rule_id: str, run):
    """run(the compiled pattern), or None once the pattern has overrun the bound (warned about once)."""
    key = (pattern.source, pattern.flags)
    if key in _OVERRUN:
        return None
    try:
        return run(_compiled(pattern))
    except TimeoutError:
        _OVERRUN.add(key)
        warnings.warn(PatternOverrun(f'rule "{rule_id}": pattern {pattern.source!r} took longer than '
                                     f"{TIMEOUT:g} s on one sentence; it is skipped from now on"), stacklevel=3)
        return None


_FORMAT = warnings.formatwarning


def format_warning(message, category, filename, lineno, line=None) -> str:
    """warnings.formatwarning for the command line: a pattern overrun as one line of its own."""
    if issubclass(category, PatternOverrun):
        return f"factlint: warning: {message}\n"
    return _FORMAT(message, category, filename, lineno, line)
