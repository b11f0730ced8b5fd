"""Include/exclude globs of the configuration, matched in time linear in the path's length.

`*` and `?` stay within one path part, `**` spans parts, `[...]` is a character class (`[!...]`
negated). A pattern without "/" matches at any depth (as in .gitignore); a pattern that matches a
directory matches everything below it.

A glob translated to a regular expression (`*` -> `[^/]*`, `**/` -> `(?:.*/)?`) backtracks: twenty
stars before an `x` took minutes on a long name, twelve `**/` hung on a deep path. Here a glob is a
small automaton, and a path is run through all of its states at once (Thompson's construction), so
every character is looked at once per state.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Steps of the automaton. A state is an index into the steps; the last index accepts.
_CHAR, _ONE, _CLASS, _STAR, _ANY, _DIRS, _IN_DIRS = range(7)


@dataclass(frozen=True, slots=True)
class _Step:
    kind: int
    char: str = ""                      # _CHAR: the character
    charset: re.Pattern | None = None   # _CLASS: a one-character regex


class Glob:
    """One compiled glob; `match(path)` tells whether a "dir/file" path (or a directory above it) matches."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        anchored = "/" in pattern.rstrip("/")
        self.steps = ([] if anchored else _dirs()) + _parse(pattern.strip("/"))

    def _closure(self, states: set[int]) -> set[int]:
        """The states reachable without reading: a star, `**` or `**/` may match nothing."""
        todo, seen = list(states), set(states)
        while todo:
            state = todo.pop()
            if state < len(self.steps) and self.steps[state].kind in (_STAR, _ANY, _DIRS):
                for nxt in (state + 1, state + 2) if self.steps[state].kind == _DIRS else (state + 1,):
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
        return seen

    def _step(self, states: set[int], char: str) -> set[int]:
        """The states after reading one character."""
        after = set()
        for state in states:
            if state >= len(self.steps):
                continue
            step = self.steps[state]
            if step.kind == _CHAR and char == step.char or step.kind == _ONE and char != "/":
                after.add(state + 1)
            elif step.kind == _CLASS and step.charset.fullmatch(char):
                after.add(state + 1)
            elif step.kind == _STAR and char != "/" or step.kind == _ANY and char != "\n":
                after.add(state)
            elif step.kind == _IN_DIRS and char != "\n":
                after.add(state)
                if char == "/":
                    after.add(state + 1)
        return self._closure(after)

    def match(self, path: str) -> bool:
        """Whether the glob matches the path, or one of the directories it lies in."""
        accept, last_break = len(self.steps), path.rfind("\n")
        states = self._closure({0})
        for index, char in enumerate(path):
            # a match of a directory matches everything below it (the rest: no line break, as in ".*")
            if char == "/" and accept in states and last_break < index:
                return True
            states = self._step(states, char)
            if not states:
                return False
        return accept in states


def _dirs() -> list[_Step]:
    """`**/`: nothing, or any characters up to a "/" (two states: before and inside)."""
    return [_Step(_DIRS), _Step(_IN_DIRS)]


def _parse(text: str) -> list[_Step]:
    """The steps of a glob (without its leading and trailing "/")."""
    steps: list[_Step] = []
    i = 0
    while i < len(text):
        if text.startswith("**/", i):
            steps += _dirs()
            i += 3
            continue
        if text.startswith("**", i):
            steps.append(_Step(_ANY))
            i += 2
            continue
        char = text[i]
        closing = text.find("]", i + 2) if char == "[" else -1
        if char == "*":
            steps.append(_Step(_STAR))
        elif char == "?":
            steps.append(_Step(_ONE))
        elif closing > 0:
            inner = text[i + 1:closing]
            members = ("^" + inner[1:] if inner.startswith("!") else inner).replace("\\", "\\\\")
            steps.append(_Step(_CLASS, charset=re.compile(f"[{members}]")))
            i = closing
        else:
            steps.append(_Step(_CHAR, char=char))
        i += 1
    return steps


@functools.lru_cache(maxsize=None)
def compile_glob(pattern: str) -> Glob:
    """The compiled glob (a class that is no valid character class raises re.error)."""
    return Glob(pattern)
