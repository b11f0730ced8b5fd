"""The words a regular expression cannot match without: a cheap test before running it.

Most of a pack's status and category patterns match nothing in most sentences, yet each search walks
the whole sentence. A pattern like `(?:ist|sind)\\s+(?:seit|ab)\\s+\\w+\\s+verfügbar` cannot match a
sentence that does not contain "verfügbar"; a substring test on the case-folded sentence says so in a
fraction of the time. `required_literals` reads the pattern's parse tree (CPython's `re._parser`) and
returns a set of strings of which every match contains at least one (case-folded), or None when it
finds no such set worth testing. It errs only towards None: a returned set is never wrong.

Case: the strings are case-folded and so is the text tested, which keeps the test a superset for
IGNORECASE patterns (re's case-insensitive equivalences are folds) and for case-sensitive ones alike.
"""
from __future__ import annotations

try:
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

MIN_LENGTH = 3          # shorter strings occur in nearly every sentence: not worth a test
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)


def required_literals(source: str, flags: int = 0) -> frozenset[str] | None:
    """Strings (case-folded) one of which every match of the pattern contains; None if none found."""
    try:
        parsed = _parser.parse(source, flags)
    except Exception:  # noqa: BLE001 - the pattern compiles elsewhere or fails there with its own error
        return None
    found = _sequence(list(parsed))
    if found is None or min(map(len, found)) < MIN_LENGTH:
        return None
    return frozenset(found)


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The more selective of two requirements: longer shortest string, then fewer strings."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (min(map(len, a)), -len(a)) >= (min(map(len, b)), -len(b)) else b


def _sequence(items: list) -> set[str] | None:
    """A sequence needs all its items: its requirement is the best one among them (runs of literal
    characters are one requirement each)."""
    best, run = None, []
    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            best = _better(best, {"".join(run).casefold()})
            run = []
        best = _better(best, _item(op, arg))
    if run:
        best = _better(best, {"".join(run).casefold()})
    return best


def _item(op, arg) -> set[str] | None:
    if op is _c.BRANCH:
        alternatives = [_sequence(list(branch)) for branch in arg[1]]
        if any(a is None for a in alternatives):
            return None
        return set().union(*alternatives)
    if op is _c.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op in _REPEATS:
        low, _, body = arg
        return _sequence(list(body)) if low >= 1 else None
    if op is _c.ASSERT:     # a lookahead or lookbehind that must hold reads text that is there
        return _sequence(list(arg[1]))
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(list(arg))
    return None


def may_match(literals: frozenset[str] | None, folded_text: str) -> bool:
    """False only when the pattern with these required literals cannot match the (case-folded) text."""
    return literals is None or any(literal in folded_text for literal in literals)
