"""The words a regular expression cannot match without: a cheap test before running it.

Most of a pack's status and category patterns match nothing in most sentences, yet each search walks
the whole sentence. A pattern like `(?:ist|sind)\\s+(?:seit|ab)\\s+\\w+\\s+verfügbar` cannot match a
sentence that does not contain "verfügbar"; a substring test on the case-folded sentence says so in a
fraction of the time. `required_literals` reads the pattern's parse tree (CPython's `re._parser`) and
returns groups of strings such that every match contains one string of each group (case-folded):
`\bSora\b.{0,40}(?:frei|für alle)` needs "sora" and one of "frei", "für alle" — a sentence about Sora
meets the first group, rarely the second. None when it finds no group worth testing. It errs only
towards None or fewer groups: a returned group is never wrong.

Case: the strings are folded by `fold` and so is the text tested, which keeps the test a superset for
IGNORECASE patterns and for case-sensitive ones alike. `fold` is str.casefold, except for the one set of
letters that re.IGNORECASE takes for one letter and casefold keeps apart: "I", "i", "İ" and dotless "ı"
(casefold makes "İ" two characters, "i̇", and leaves "ı"). tests/test_literals.py checks every character.
"""
from __future__ import annotations

import re

try:
    from re import _constants as _c
    from re import _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# the letters re.IGNORECASE matches as "i" that casefold does not fold to it
_FOLDS_APART = str.maketrans("\u0130\u0131", "ii")
# re.IGNORECASE takes "İ" and "ı" for "i" and "ſ" for "s", which str.lower() does not: a test of
# lowered text cannot see them, so a text holding one is searched by the regex (tests/test_extract_gates.py
# checks every character of the words so tested)
LOWER_KEEPS_APART = re.compile("[\u0130\u0131\u017f]")
MIN_LENGTH = 3          # shorter strings occur in nearly every sentence: not worth a test
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())
_ATOMIC = getattr(_c, "ATOMIC_GROUP", None)

Needs = tuple[frozenset[str], ...]     # every group must be met: one string of each occurs


def fold(text: str) -> str:
    """The text as `may_match` tests it: case-folded, the i-letters made one (see above)."""
    if "\u0130" in text or "\u0131" in text:      # rare: two substring tests cost less than translate
        text = text.translate(_FOLDS_APART)
    return text.casefold()


def required_literals(source: str, flags: int = 0) -> Needs | None:
    """Groups of strings (case-folded): every match of the pattern contains one string of each group;
    the most selective group first. None if no group worth testing is found."""
    try:
        parsed = _parser.parse(source, flags)
    except Exception:  # noqa: BLE001 - the pattern compiles elsewhere or fails there with its own error
        return None
    groups = {frozenset(g) for g in _sequence(list(parsed)) if min(map(len, g)) >= MIN_LENGTH}
    if not groups:
        return None
    return tuple(sorted(groups, key=_selectivity, reverse=True))


def _selectivity(group) -> tuple:
    """Longer shortest string, then fewer strings: the less likely a sentence meets the group."""
    return min(map(len, group)), -len(group), sorted(group)


def _sequence(items: list) -> list[set[str]]:
    """A sequence needs all its items: runs of literal characters and what each other item needs."""
    needs, run = [], []
    for op, arg in items:
        if op is _c.LITERAL:
            run.append(chr(arg))
            continue
        if run:
            needs.append({fold("".join(run))})
            run = []
        needs += _item(op, arg)
    if run:
        needs.append({fold("".join(run))})
    return needs


def _item(op, arg) -> list[set[str]]:
    if op is _c.BRANCH:
        # one alternative matches: each must need something, and the best group of each joins one group
        best = []
        for branch in arg[1]:
            groups = _sequence(list(branch))
            if not groups:
                return []
            best.append(max(groups, key=_selectivity))
        return [set().union(*best)]
    if op is _c.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op in _REPEATS:
        low, _, body = arg
        return _sequence(list(body)) if low >= 1 else []
    if op is _c.ASSERT:     # a lookahead or lookbehind that must hold reads text that is there
        return _sequence(list(arg[1]))
    if _ATOMIC is not None and op is _ATOMIC:
        return _sequence(list(arg))
    return []


def may_match(needs: Needs | None, folded_text: str) -> bool:
    """False only when a pattern that needs these cannot match the text (folded by `fold`)."""
    return needs is None or all(any(literal in folded_text for literal in group) for group in needs)
