"""Count the steps a backtracking regex engine takes: a deterministic measure of a pattern's cost.

A small backtracking matcher over the parse tree Python's own `re` builds (re._parser), in the way
`re` itself matches: alternatives left to right, greedy repeats longest first, lazy ones shortest
first, lookarounds and atomic groups without backtracking into them. Each attempt to match a node at
a position is one step. A pattern whose steps on a family of inputs grow faster than the input's
length backtracks catastrophically there, whatever the machine's speed; tests compare step counts,
never clocks.
"""
from __future__ import annotations

import re
import sys
from typing import Callable

try:                                  # Python 3.11+
    from re import _constants as C
    from re import _parser as P
except ImportError:                   # Python 3.10
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]


class OverBudget(Exception):
    """More steps than allowed: the pattern is slower than the budget on this input."""


_CATEGORIES: dict[object, Callable[[str], bool]] = {
    C.CATEGORY_DIGIT: str.isdecimal,
    C.CATEGORY_NOT_DIGIT: lambda ch: not ch.isdecimal(),
    C.CATEGORY_SPACE: str.isspace,
    C.CATEGORY_NOT_SPACE: lambda ch: not ch.isspace(),
    C.CATEGORY_WORD: lambda ch: ch.isalnum() or ch == "_",
    C.CATEGORY_NOT_WORD: lambda ch: not (ch.isalnum() or ch == "_"),
}
_ATOMIC = getattr(C, "ATOMIC_GROUP", None)
_POSSESSIVE = getattr(C, "POSSESSIVE_REPEAT", None)


def _plain(sub) -> tuple:
    """A parsed (sub)pattern as nested tuples of (op, argument), converted once, not at every step."""
    nodes = []
    for op, av in sub.data if hasattr(sub, "data") else sub:
        if op is C.BRANCH:
            alternatives = tuple(_plain(alt) for alt in av[1])
            av = (tuple(_first_chars(alt) for alt in alternatives), alternatives)
        elif op is C.SUBPATTERN:
            av = (av[0], av[1], av[2], _plain(av[3]))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is _POSSESSIVE:
            av = (av[0], av[1], _plain(av[2]))
        elif op is _ATOMIC:
            av = _plain(av)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            av = (av[0], _plain(av[1]), av[1].getwidth()[0])
        elif op is C.GROUPREF_EXISTS:
            av = (av[0], _plain(av[1]), None if av[2] is None else _plain(av[2]))
        nodes.append((op, av))
    return tuple(nodes)


def _first_chars(nodes: tuple) -> frozenset | None:
    """The characters (in either case) an alternative must start with, when it starts with a literal."""
    if not nodes or nodes[0][0] is not C.LITERAL:
        return None
    char = chr(nodes[0][1])
    return frozenset({char, char.lower(), char.upper(), char.casefold()})


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class StepCounter:
    """One pattern, ready to count the steps of `finditer` over texts."""

    def __init__(self, pattern: re.Pattern, budget: int = 10**7) -> None:
        parsed = P.parse(pattern.pattern, pattern.flags)
        self.tree = _plain(parsed)
        self.flags = parsed.state.flags
        self.budget = budget
        self.steps = 0
        self.text = ""
        self.groups: dict[int, tuple[int, int]] = {}

    def finditer_steps(self, text: str) -> tuple[int, list[tuple[int, int]]]:
        """The steps `finditer` over the whole text takes, and the spans it finds."""
        self.steps, self.text, spans, pos = 0, text, [], 0
        while pos <= len(text):
            end = self._attempt(pos)
            if end is not None:
                spans.append((pos, end))
            pos = end if end is not None and end > pos else pos + 1
        return self.steps, spans

    def match_steps(self, text: str) -> tuple[int, int | None]:
        """The steps of one `match` at the start of the text, and where the match ends (None: no match)."""
        self.steps, self.text = 0, text
        end = self._attempt(0)
        return self.steps, end

    def _attempt(self, pos: int) -> int | None:
        """Where a match starting at pos ends, or None."""
        self.groups = {}
        end: list[int] = []
        limit = sys.getrecursionlimit()
        sys.setrecursionlimit(max(limit, 50_000))
        try:
            found = self._seq(self.tree, 0, pos, self.flags, lambda q: end.append(q) or True)
        finally:
            sys.setrecursionlimit(limit)
        return end[0] if found else None

    # --- matching ---------------------------------------------------------------------------------

    def _tick(self) -> None:
        self.steps += 1
        if self.steps > self.budget:
            raise OverBudget(self.steps)

    def _seq(self, items, i: int, pos: int, flags: int, k) -> bool:
        """Match items[i:] at pos, then the continuation k(end)."""
        self._tick()
        if i == len(items):
            return k(pos)
        op, av = items[i]
        text = self.text

        def rest(p: int) -> bool:
            return self._seq(items, i + 1, p, flags, k)

        if op is C.LITERAL or op is C.NOT_LITERAL:
            if pos >= len(text):
                return False
            same = self._same(text[pos], chr(av), flags)
            return (same if op is C.LITERAL else not same) and rest(pos + 1)
        if op is C.ANY:
            return pos < len(text) and (text[pos] != "\n" or bool(flags & re.DOTALL)) and rest(pos + 1)
        if op is C.IN:
            return pos < len(text) and self._in(text[pos], av, flags) and rest(pos + 1)
        if op is C.BRANCH:
            # an alternative that starts with a letter other than the text's is not tried (nor is it in re)
            char = text[pos] if pos < len(text) else ""
            return any(self._seq(alt, 0, pos, flags, rest) for first, alt in zip(*av)
                       if first is None or char in first or char.lower() in first)
        if op is C.SUBPATTERN:
            group, add, remove, sub = av
            return self._group(group, sub, pos, (flags | add) & ~remove, rest)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            low, high, sub = av
            return self._repeat(low, high, sub, pos, flags, rest, greedy=op is C.MAX_REPEAT)
        if op is _POSSESSIVE:
            low, high, sub = av
            return self._atomic(((C.MAX_REPEAT, (low, high, sub)),), pos, flags, rest)
        if op is _ATOMIC:
            return self._atomic(av, pos, flags, rest)
        if op in (C.ASSERT, C.ASSERT_NOT):
            return self._assert(op is C.ASSERT, av, pos, flags) and rest(pos)
        if op is C.AT:
            return self._at(av, pos, flags) and rest(pos)
        if op is C.GROUPREF:
            if av not in self.groups:
                return False
            a, b = self.groups[av]
            return text.startswith(text[a:b], pos) and rest(pos + b - a)
        if op is C.GROUPREF_EXISTS:
            group, yes, no = av
            branch = yes if group in self.groups else no
            return self._seq(branch if branch is not None else (), 0, pos, flags, rest)
        raise NotImplementedError(f"regex node {op}")

    def _group(self, group, items, pos: int, flags: int, k) -> bool:
        if group is None:
            return self._seq(items, 0, pos, flags, k)
        saved = self.groups.get(group)

        def close(p: int) -> bool:
            before = self.groups.get(group)
            self.groups[group] = (pos, p)
            if k(p):
                return True
            if before is None:
                self.groups.pop(group, None)
            else:
                self.groups[group] = before
            return False

        found = self._seq(items, 0, pos, flags, close)
        if not found and saved is not None:
            self.groups[group] = saved
        return found

    def _repeat(self, low: int, high, items, pos: int, flags: int, k, greedy: bool) -> bool:
        high = float("inf") if high is C.MAXREPEAT else high

        def loop(count: int, p: int) -> bool:
            self._tick()

            def again(q: int) -> bool:
                if q == p and count + 1 > low:
                    return False        # an empty iteration ends the loop, as in re
                return loop(count + 1, q)

            if greedy:
                if count < high and self._seq(items, 0, p, flags, again):
                    return True
                return count >= low and k(p)
            if count >= low and k(p):
                return True
            return count < high and self._seq(items, 0, p, flags, again)

        return loop(0, pos)

    def _atomic(self, items, pos: int, flags: int, k) -> bool:
        end: list[int] = []
        if self._seq(items, 0, pos, flags, lambda q: end.append(q) or True):
            return k(end[0])
        return False

    def _assert(self, positive: bool, av, pos: int, flags: int) -> bool:
        direction, items, width = av
        if direction == 1:
            found = self._seq(items, 0, pos, flags, lambda q: True)
        else:
            found = pos - width >= 0 and self._seq(items, 0, pos - width, flags, lambda q: q == pos)
        return found if positive else not found

    def _at(self, code, pos: int, flags: int) -> bool:
        text, multiline = self.text, bool(flags & re.MULTILINE)
        if code in (C.AT_BEGINNING, C.AT_BEGINNING_LINE):
            return pos == 0 or multiline and text[pos - 1] == "\n"
        if code is C.AT_BEGINNING_STRING:
            return pos == 0
        if code in (C.AT_END, C.AT_END_LINE):
            return (pos == len(text) or pos == len(text) - 1 and text[pos] == "\n"
                    or multiline and text[pos] == "\n")
        if code is C.AT_END_STRING:
            return pos == len(text)
        before = pos > 0 and _word(text[pos - 1])
        after = pos < len(text) and _word(text[pos])
        if code is C.AT_BOUNDARY:
            return before != after
        if code is C.AT_NON_BOUNDARY:
            return before == after
        raise NotImplementedError(f"anchor {code}")

    # --- characters -------------------------------------------------------------------------------

    @staticmethod
    def _variants(ch: str, flags: int) -> set[str]:
        if not flags & re.IGNORECASE:
            return {ch}
        return {ch, ch.lower(), ch.upper(), ch.casefold()} - {""}

    def _same(self, ch: str, literal: str, flags: int) -> bool:
        return bool(self._variants(ch, flags) & self._variants(literal, flags))

    def _in(self, ch: str, items, flags: int) -> bool:
        negate = bool(items) and items[0][0] is C.NEGATE
        found = False
        for variant in self._variants(ch, flags):
            for op, av in items:
                if op is C.LITERAL and variant == chr(av) or op is C.RANGE and av[0] <= ord(variant) <= av[1]:
                    found = True
                elif op is C.CATEGORY and av in _CATEGORIES:
                    found = found or _CATEGORIES[av](variant)    # Unicode classes (no pattern uses re.ASCII)
                elif op is C.CATEGORY:
                    found = found or av is C.CATEGORY_LINEBREAK and variant == "\n"
        return found != negate
