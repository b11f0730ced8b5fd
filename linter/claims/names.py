"""Name candidates: the runs of capitalised words in a sentence that could be a person's or a company's name.

A candidate is any window of 1 to 4 consecutive name-like tokens ("Sam Altmann", "Hugging Fase",
"OpenAi") joined by a single space or a hyphen. A token is name-like when it starts with a capital
letter or carries one inside (CamelCase "OpenAi", all-caps "LAION", "iPhone"); lower-case words
("runway", "weil", "verge") never are, so common-noun uses of a name are not candidates. Tokens inside
URLs, handles, hashtags and file names are skipped.

A sentence's runs and candidates are computed once (discourse.Sentence.name_runs and name_candidates)
and shared by the dispatch, every name rule and the unknown organisations; each rule then compares only
the few candidates its cheap prefilter lets through.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .tokens import OPAQUE_HINT_RE, OPAQUE_RE, SpanSet

MAX_TOKENS = 4
# the tokens ([^\W_]+, whole, not after "#" or "@") that may be name-like: those with a character other
# than a-z and 0-9. Most words of a sentence are skipped by the regex engine, not one by one, and the
# group `sure` settles most of the rest: a capital A-Z first, or after a-z and digits; only a token with
# a letter beyond ASCII that does not start so ("über", "Ökonom") is asked `is_name_like`
_MAYBE_NAME_RE = re.compile(r"(?<![^\W_])(?<![#@])(?:(?P<sure>[A-Z]|[a-z][a-z0-9]*[A-Z])[^\W_]*"
                            r"|[0-9A-Za-z]*[^\W_\x00-\x7f][^\W_]*)")
# the same for a text of ASCII characters (most sentences), in ASCII classes, where no token is of the
# second kind: a third faster (tests/test_names.py holds the two to the definition)
_ASCII_MAYBE_NAME_RE = re.compile(r"(?<![0-9A-Za-z])(?<![#@])(?P<sure>[A-Z]|[a-z][a-z0-9]*[A-Z])[0-9A-Za-z]*")
SPACES = frozenset(" \u00a0\u202f")
HYPHENS = frozenset("-\u2010\u2011")
_SEPARATORS = {**dict.fromkeys(SPACES, " "), **dict.fromkeys(HYPHENS, "-")}   # as a run records them


class NameCandidate(NamedTuple):
    """A window of name-like tokens: its span in the text, its tokens and the separators between them.
    A named tuple: a sentence has dozens of windows, and a frozen dataclass set each of nine fields by a
    call of its own."""

    start: int
    end: int
    text: str                       # text[start:end]
    tokens: tuple[str, ...]
    separators: tuple[str, ...]     # " " or "-" between consecutive tokens
    key: str                        # letters and digits only, case-folded ("Open AI" -> "openai")
    compound: bool                  # glued to a neighbouring word by a hyphen ("Hugging-Face-Space")
    all_caps: bool                  # written in capitals throughout ("OPENAI", "LAION")
    genitive: bool                  # the last token may carry an "s" ending ("Altmans", "Muratis")

    @property
    def size(self) -> int:
        return len(self.tokens)


def compact(text: str) -> str:
    """Letters and digits only, case-folded: the form in which spacing and case variants coincide."""
    if text.isascii() and text.isalnum():
        return text.lower()     # most tokens: nothing to drop, and ASCII folds as it lowers
    return "".join(filter(str.isalnum, text.casefold()))  # filter: a third faster than a generator here


def is_name_like(token: str) -> bool:
    """Whether a token can be (part of) a name: a capital at its start or inside, not a number."""
    if not token[0].isalpha():
        return False
    # most words are all lower case after the first letter: one C call says so
    return token[0].isupper() or not token[1:].islower() and any(ch.isupper() for ch in token[1:])


def _maybe_names(text: str):
    """The matches of the tokens that may be name-like (see _MAYBE_NAME_RE)."""
    return (_ASCII_MAYBE_NAME_RE if text.isascii() else _MAYBE_NAME_RE).finditer(text)


def name_tokens(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of the name-like tokens of text, outside URLs, handles, hashtags and file names."""
    # opaque runs are rare in prose: look for them only where a character they need occurs
    opaque = [m.span() for m in OPAQUE_RE.finditer(text)] if OPAQUE_HINT_RE.search(text) else None
    spans = [match.span() for match in _maybe_names(text)
             if match.lastgroup == "sure" or is_name_like(match.group())]
    if opaque:
        masked = SpanSet(opaque)
        spans = [(start, end) for start, end in spans if not masked.overlaps(start, end)]
    return tuple(spans)


def _runs(text: str, spans: tuple[tuple[int, int], ...]) -> list[list[tuple[int, int, str]]]:
    """Group token spans into runs joined by exactly one space or hyphen; each entry keeps the
    separator before it ("" for the first token of a run)."""
    runs: list[list[tuple[int, int, str]]] = []
    previous_end = None
    for start, end in spans:
        gap = text[previous_end:start] if previous_end is not None else None
        if gap is not None and len(gap) == 1 and (gap in SPACES or gap in HYPHENS):
            runs[-1].append((start, end, "-" if gap in HYPHENS else " "))
        else:
            runs.append([(start, end, "")])
        previous_end = end
    return runs


def name_runs(text: str) -> list[list[tuple[int, int, str]]]:
    """The runs of name-like tokens of text (see `_runs`): every candidate is a window of one."""
    if OPAQUE_HINT_RE.search(text):
        return _runs(text, name_tokens(text))
    # name_tokens and _runs in one pass, for the text of every sentence: a gap of one character is
    # one that starts where the token before ended
    runs: list[list[tuple[int, int, str]]] = []
    previous_end = -2
    for match in _maybe_names(text):
        if match.lastgroup == "sure" or is_name_like(match.group()):
            start, end = match.span()
            if start == previous_end + 1 and text[previous_end] in _SEPARATORS:
                runs[-1].append((start, end, _SEPARATORS[text[previous_end]]))
            else:
                runs.append([(start, end, "")])
            previous_end = end
    return runs


@lru_cache(maxsize=None)    # one entry per run length seen (a handful)
def windows(size: int) -> tuple[tuple[int, int], ...]:
    """(first, last) token of each candidate window of a run of `size` tokens, in order of position."""
    return tuple((first, last) for first in range(size) for last in range(first, min(first + MAX_TOKENS, size)))


@lru_cache(maxsize=None)
def _window_slices(size: int) -> tuple[tuple[int, int, slice, slice], ...]:
    """`windows` with the slices of a window's tokens and of the separators between them."""
    return tuple((first, last, slice(first, last + 1), slice(first + 1, last + 1)) for first, last in windows(size))


def is_genitive(token: str) -> bool:
    """Whether a name's last token may carry a German genitive "s" ("Altmans", "Muratis")."""
    return len(token) > 3 and token.endswith("s")


def _hyphen_joined(text: str, start: int, end: int) -> bool:
    """Whether the span is glued to a neighbouring word by a hyphen (a compound)."""
    return _hyphen_before(text, start) or _hyphen_after(text, end)


def _hyphen_before(text: str, start: int) -> bool:
    return start >= 2 and text[start - 1] in HYPHENS and text[start - 2].isalnum()


def _hyphen_after(text: str, end: int) -> bool:
    return end + 1 < len(text) and text[end] in HYPHENS and text[end + 1].isalnum()


# a NameCandidate made from the tuple of its fields in one C call (a named tuple's __new__ is a Python function)
_candidate = tuple.__new__


def find_name_candidates(text: str, runs: list | None = None) -> tuple[NameCandidate, ...]:
    """Every window of 1 to 4 consecutive name-like tokens of text, in order of position; `runs`: the
    text's name_runs, when the caller has them."""
    found = []
    for run in name_runs(text) if runs is None else runs:
        if len(run) == 1:       # most runs: one window of one token
            start, end, _ = run[0]
            token = text[start:end]
            found.append(_candidate(NameCandidate, (
                start, end, token, (token,), (), compact(token), _hyphen_joined(text, start, end),
                sum(map(str.isalpha, token)) > 1 and _in_capitals(token), is_genitive(token))))
            continue
        # per token once: its compact form, letters, capitals, hyphens and genitive; a window's key is
        # the join of its tokens' (the separators are no letters), and it is in capitals when every
        # token's letters are
        tokens = [text[a:b] for a, b, _ in run]
        separators = [sep for _, _, sep in run]
        keys = [compact(token) for token in tokens]
        letters = [sum(map(str.isalpha, token)) for token in tokens]
        upper = [_in_capitals(token) for token in tokens]
        glued_before = [_hyphen_before(text, a) for a, _, _ in run]
        glued_after = [_hyphen_after(text, b) for _, b, _ in run]
        genitive = [is_genitive(token) for token in tokens]
        for first, last, window, between in _window_slices(len(run)):
            start, end = run[first][0], run[last][1]
            found.append(_candidate(NameCandidate, (
                start, end, text[start:end], tuple(tokens[window]), tuple(separators[between]), "".join(keys[window]),
                glued_before[first] or glued_after[last], sum(letters[window]) > 1 and all(upper[window]),
                genitive[last])))
    return tuple(found)


def _in_capitals(token: str) -> bool:
    """Every letter of the token is a capital."""
    return all(map(str.isupper, filter(str.isalpha, token)))
