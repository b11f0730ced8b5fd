"""Word lists compiled into one case-insensitive regex: names, references, cues.

An entry matches at word boundaries; a trailing `*` lets it run on to the end of the word ("geleak*"
matches "geleakt"), a leading `*` lets the word start earlier ("*clips" matches "Testclips"), so German
compounds can be caught without listing each one.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .literals import fold, may_match, required_literals
from .regexcode import compile_program, from_program

_WORD = r"\w"   # str patterns are Unicode: \w covers umlauts and accented letters
ENTRY_PARTS = re.compile(r"[\s\-\u2011]+")   # between the words of an entry: "Sora-Modell", "Sora Modell"
PREFIX_LENGTH = 4     # letters of a name a word start is told by (see InitialAlternation)
_UNKNOWN = object()
# From this length on, a text is first tested for the strings every match of a word list needs
# (literals.py), case-folded: on 100 KB of full stops each list's regex walked every position (10 ms)
# to find nothing. Below it the test costs about what it saves.
PREFILTER_FROM = 2000
# re.IGNORECASE as a plain int: `flags & re.IGNORECASE` runs the enum module's Python code (0.7 µs), and
# Terms.search asks it of every search of a list
_IGNORECASE = int(re.IGNORECASE)


def longest_first(words) -> list[str]:
    """The words without repeats, longest first (an alternation of them then takes the longest at a place),
    in one order in every run: the table of compiled patterns (regexcache.py) knows a pattern by its text."""
    return sorted(set(words), key=lambda word: (-len(word), word))


def any_of(words) -> str:
    """A regex for any of the words as written (longest first)."""
    return "|".join(map(re.escape, longest_first(words)))


def _entry_pattern(entry: str, possessive: bool) -> str:
    """The regex for one list entry."""
    core = entry.strip()
    head = f"{_WORD}*" if core.startswith("*") else ""
    tail = f"{_WORD}*" if core.endswith("*") else ""
    core = core.strip("*")
    # spaces and hyphens in a name may be written either way ("Sora-Modell", "Sora Modell")
    body = ENTRY_PARTS.pattern.join(re.escape(part) for part in ENTRY_PARTS.split(core))
    # names take the genitive and possessive endings of both languages ("Soras", "Altman's")
    suffix = r"(?:s|['\u2019]s?)?" if possessive and not tail else ""
    return f"{head}{body}{tail}{suffix}"


def _first_letter(pattern: str) -> str:
    """The letter an entry's pattern begins with, as written, when it is one `_by_first_letter` can
    dispatch on (Latin-1: see _OTHER_CASES); "" otherwise ("*clips" may begin with any letter)."""
    first = pattern[:1]
    return first if first.isalpha() and first < "\u0100" else ""


# A word list's match may begin with its entries' first letters in either case, and with the characters
# past U+00FF or the micro sign that re.IGNORECASE also takes for Latin-1 letters ("K" (Kelvin), "ſ", "İ",
# "ẞ" …; tests/test_word_lists.py checks every character). So the opening class is written as the
# Latin-1 characters it leaves out: a class that listed U+0100-U+10FFFF cost re's compiler 65,000 steps.
_OTHER_CASES = "\u00b5"


def _by_first_letter(patterns: list[str]) -> str:
    """One regex for entries that all begin with a letter, as `(?<!\\w)(?:a|b|…)(?!\\w)` would match them
    case-insensitively: a class of their first letters opens it, so the engine skips in C to where a
    match can begin (a pattern opening with a lookbehind is tried at every position), and each entry
    is tried only after its own first letter. Entries keep their order within each letter, and entries of
    different letters never match at the same place."""
    by_letter: dict[str, list[str]] = {}
    for pattern in patterns:
        by_letter.setdefault(pattern[0].lower(), []).append(pattern[1:])
    branches = "|".join(f"(?i:(?<={re.escape(letter)})(?:{'|'.join(rests)}))" for letter, rests in by_letter.items())
    # the first letter is consumed: the word boundary before it is looked at from after it
    return rf"{_opening(by_letter)}(?<!{_WORD}.)(?:{branches})(?!{_WORD})"


def _opening(letters) -> str:
    """A class of the characters a match may begin with, for entries that begin with these (lower-case)
    letters: every character but the Latin-1 ones that are none of the letters in either case."""
    cases = {case for letter in letters for case in (letter, letter.upper()) if len(case) == 1}
    left_out = [c for c in range(0x100) if chr(c) not in cases and chr(c) not in _OTHER_CASES]
    runs: list[list[int]] = []
    for c in left_out:
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "[^" + "".join(rf"\x{a:02x}" + (rf"-\x{b:02x}" if b > a else "") for a, b in runs) + "]"


class LazyRegex:
    """A regular expression compiled on first use, that pickles together with its compiled program.

    Compiling the pack's few hundred expressions was most of a one-draft run: a pack loaded from the
    cache (rulebook.load_pack_cached) rebuilds them from their stored programs (see regexcode.py).
    With `prefilter`, it also knows the strings every match contains (`literals`, see literals.py)."""

    __slots__ = ("source", "flags", "_compiled", "_program", "literals", "_needs", "_gate")

    def __init__(self, source: str, flags: int = 0, compiled: re.Pattern | None = None, prefilter: bool = False):
        self.source, self.flags, self._compiled, self._program = source, flags, compiled, None
        self.literals = required_literals(source, flags) if prefilter else None
        self._needs = self.literals if prefilter else _UNKNOWN
        self._gate = _UNKNOWN

    def needs(self):
        """`literals`, worked out on first use when the regex was not made with `prefilter`."""
        if self._needs is _UNKNOWN:
            self._needs = required_literals(self.source, self.flags)
        return self._needs

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = from_program(self._program, self.source, self.flags)
            self._program = None
        return self._compiled

    def search(self, text: str, *args):
        return self.compiled.search(text, *args)

    def may_match(self, text: str) -> bool:
        """False only when the text, folded, holds none of the strings of the most selective group that
        `needs` gives (literals.may_match tests them one by one; here one search in C does)."""
        if self._gate is _UNKNOWN:
            needs = self.needs()
            self._gate = re.compile(any_of(needs[0])) if needs else None
        return self._gate is None or self._gate.search(fold(text)) is not None

    def finditer(self, text: str, *args):
        return self.compiled.finditer(text, *args)

    def __getstate__(self):
        return (self.source, self.flags, compile_program(self.source, self.flags), self.literals)

    def __setstate__(self, state):
        self.source, self.flags, self._program, self.literals = state
        self._compiled, self._needs, self._gate = None, _UNKNOWN, _UNKNOWN


@dataclass(frozen=True)
class Terms:
    """A word list matched as one regular expression; empty lists match nothing."""

    entries: tuple[str, ...]
    regex: LazyRegex | None

    @property
    def pattern(self) -> re.Pattern | None:
        return self.regex.compiled if self.regex is not None else None

    @classmethod
    def of(cls, entries, possessive: bool = False) -> "Terms":
        """Compile a list of entries (longest first, so "Sora Turbo" wins over "Sora")."""
        entries = tuple(e for e in (entries or ()) if isinstance(e, str) and e.strip("* "))
        if not entries:
            return cls((), None)
        ordered = sorted(entries, key=len, reverse=True)
        patterns = [_entry_pattern(e, possessive) for e in ordered]
        if all(_first_letter(pattern) for pattern in patterns):
            return cls(entries, LazyRegex(_by_first_letter(patterns)))
        # one pair of word-boundary checks around the whole alternation: compiling a lookaround per
        # entry was most of the start-up time
        return cls(entries, LazyRegex(rf"(?<!{_WORD})(?:{'|'.join(patterns)})(?!{_WORD})", _IGNORECASE))

    def finditer(self, text: str):
        """Yield the match objects of every entry in `text`."""
        if self.regex is None:
            return iter(())
        return self.regex.finditer(text)

    def search(self, text: str, folded: str | None = None) -> bool:
        """True when any entry occurs in `text`. `folded`: the text case-folded, when the caller has it
        (one fold for several lists): the strings a match needs are then tested first, whatever its length."""
        if self.regex is None:
            return False
        if folded is None and len(text) >= PREFILTER_FROM:
            folded = fold(text)
        if folded is not None and not may_match(self.regex.needs(), folded):
            return False
        # a list in the plain form (case-insensitive throughout: not all its entries begin with a letter)
        # is tried at every position of the text; a search for the strings it needs skips in C
        if folded is None and self.regex.flags & _IGNORECASE and not self.regex.may_match(text):
            return False
        return self.regex.search(text) is not None

    def __bool__(self) -> bool:
        return self.regex is not None


_WORD_START = LazyRegex(rf"(?<!{_WORD})(?=\S)")


@dataclass(frozen=True)
class InitialAlternation:
    """Many regexes matched in one pass as one alternation of them all (in the given order) would match:
    at each position the first regex that matches wins, and matches do not overlap (re.finditer).

    One alternation of thousands of names is slow (the regex engine tries every name at every position),
    so each regex is filed under the initials a match of it begins with (one or two lower-case
    characters; "" for any): at a word start only the regexes filed under the text's first two
    characters, its first and any are tried, as one alternation in the order (the bucket of the first two
    characters holds those of the first and of any, and that of the first those of any: one lookup and
    one match for a word start). With the literal `prefixes` the matches begin with, only the word
    starts that begin so are visited at all."""

    # initial -> (LazyRegex of the regexes tried at a word start so beginning, their positions in the order)
    buckets: dict
    starts: LazyRegex    # the word starts where some regex can begin
    # the same word starts and perhaps more, found in the text lowered (None: not known): the starts
    # regex is case-insensitive, and the regex engine then compares each letter of the trie of
    # prefixes in a call of its own; in the lowered text each branch of the trie is one plain comparison.
    # It matches the character before a word start (the text is searched with a space before it): a
    # regex that opens with a class of characters is tried only where one stands, which the engine
    # finds in C, and no letter or digit of ASCII can stand before a word
    lowered: LazyRegex | None = None

    @classmethod
    def of(cls, patterns, edge: str = _WORD, suffix: str = "", prefixes=None) -> "InitialAlternation":
        """From (regex, initials) pairs; each match is bounded by `edge` characters and may take `suffix`.
        A regex's group in a match is its position in its bucket + 1 (`InitialAlternation.finditer`).
        `prefixes`: texts of which every match begins with one, case aside (None: not known)."""
        grouped: dict[str, list[int]] = {}
        for position, (_, initials) in enumerate(patterns):
            for initial in initials:
                grouped.setdefault(initial, []).append(position)
        buckets = {}
        for initial in grouped:
            positions = sorted({*grouped[initial], *grouped.get(initial[:1], ()), *grouped.get("", ())})
            alternation = "|".join(f"({patterns[p][0]})" for p in positions)
            buckets[initial] = (LazyRegex(rf"(?<!{edge})(?:{alternation}){suffix}(?!{edge})", re.IGNORECASE),
                                tuple(positions))
        # visit only word starts with a regex's first character, unless some regex may begin with any
        firsts = "".join(sorted({re.escape(initial[0]) for initial in grouped if initial}))
        if prefixes and "" not in prefixes:
            # a word start where no name can begin costs a few lookups and a failed match of its
            # initial's names; the regex engine skips it for nothing
            starts = LazyRegex(rf"(?<!{edge})(?={_trie(prefixes)})", re.IGNORECASE)
            if edge == _WORD:
                return cls(buckets, starts,
                           LazyRegex(rf"[^0-9A-Za-z_](?<!{edge})(?={_trie(_lowered(prefixes), _NOT_ASCII)})"))
        elif "" in grouped or not firsts:
            starts = LazyRegex(rf"(?<!{edge})(?=\S)")
        else:
            starts = LazyRegex(rf"(?<!{edge})(?=[{firsts}])", re.IGNORECASE)
        return cls(buckets, starts)

    def finditer(self, text: str) -> list:
        """(position of the regex in the order, match) for each match, in order; the regex's own group in
        the match is `match.lastindex`. A list, not a generator: it is asked of every sentence, mostly
        for none or one match, which a generator's frame cost more than."""
        found: list = []
        if not self.buckets:
            return found
        get, wild = self.buckets.get, self.buckets.get("")
        end = 0
        lowered = text.lower() if self.lowered is not None else None
        # lower() keeps the length of nearly every text: not of one with an "İ", which lowers to two characters
        # a match of either ends where its word starts (in the lowered text searched after a space, one
        # character later than in the text)
        if lowered is not None and len(lowered) == len(text):
            starts, shift = self.lowered.compiled.finditer(" " + lowered), 1
        else:
            starts, shift = self.starts.compiled.finditer(text), 0
        for start in starts:
            position = start.end() - shift
            if position < end:
                continue
            bucket = get(text[position:position + 2].lower()) or get(text[position].lower()) or wild
            if bucket is not None:
                match = bucket[0].compiled.match(text, position)
                if match is not None:
                    end = match.end()
                    found.append((bucket[1][match.lastindex - 1], match))
        return found


def _trie(words, other: str = "") -> str:
    """A regex for a text that begins with one of the words, as a trie ("s(?:am|ora)|v(?:eo|idu)"): the
    engine compares each character once, where an alternation of the words compares it per word.
    `other`: a regex for one character after which, at any place in the trie, the text is taken as well."""
    rests: dict[str, set[str]] = {}
    for word in words:
        rests.setdefault(word[0], set()).add(word[1:])
    branches = [re.escape(first) if "" in rest else f"{re.escape(first)}(?:{_trie(rest, other)})"
                for first, rest in sorted(rests.items())]
    return "|".join(branches + [other] if other else branches)


# In a lowered text, a character beyond ASCII may stand for a letter that the case-insensitive regex
# engine takes for one of a prefix (the long "ſ" for "s", the Kelvin sign for "k"): such a character is
# taken for any, so that the starts found in the lowered text are a superset of the starts in the text
_NOT_ASCII = "[^\x00-\x7f]"


def _lowered(prefixes) -> set[str]:
    """The prefixes as an ASCII letter of the text lowers to where the case-insensitive engine matches
    them; a prefix ends before a character no such letter, nor its own lower case, stands for."""
    spellings = {""}
    for prefix in prefixes:
        spelled = {""}
        for char in prefix:
            forms = _lowered_forms(char)
            if not forms:
                break
            spelled = {head + form for head in spelled for form in forms}
        spellings |= spelled
    spellings.discard("")
    return spellings


@functools.lru_cache(maxsize=None)
def _lowered_forms(char: str) -> frozenset:
    """What the ASCII characters that match `char` case aside, and `char` itself, are in lowered text."""
    letter = re.compile(re.escape(char), re.IGNORECASE)
    forms = {chr(code).lower() for code in range(128) if letter.fullmatch(chr(code))}
    if len(char.lower()) == 1:
        forms.add(char.lower())
    return frozenset(forms)


def _prefix(entry: str) -> str:
    """The first letters that a match of a list entry begins with, as written (case aside): up to four
    of its first word; "" for an entry that may start with any letters ("*clips")."""
    core = entry.strip()
    if core.startswith("*"):
        return ""
    return ENTRY_PARTS.split(core.strip("*"))[0][:PREFIX_LENGTH]


def _initial(entry: str) -> str:
    """The initial of a list entry: its first two characters, lowercased, when both are word characters
    (the text must start the same way there), else its first; "" for an entry that may start with
    any letters ("*clips")."""
    core = entry.strip()
    if core.startswith("*"):
        return ""
    core = core.strip("*")
    two = core[:2]
    return two.lower() if len(two) == 2 and two.isalnum() else core[:1].lower()


@dataclass(frozen=True)
class NameIndex:
    """Many word lists, each with its own key, matched in one pass (see InitialAlternation).

    At each position the longest entry wins, whatever list it belongs to ("Sora Turbo" over "Sora");
    an entry keyed None matches and is then dropped (a longer name of something else)."""

    matcher: InitialAlternation
    keys: tuple          # position in the longest-first order -> the key of that entry

    @classmethod
    def of(cls, keyed_entries) -> "NameIndex":
        """Build from (entry, key) pairs; entries take genitive and possessive endings."""
        pairs = sorted(((e, k) for e, k in keyed_entries if isinstance(e, str) and e.strip("* ")),
                       key=lambda pair: len(pair[0]), reverse=True)
        matcher = InitialAlternation.of([(_entry_pattern(entry, True), {_initial(entry)}) for entry, _ in pairs],
                                        prefixes={_prefix(entry) for entry, _ in pairs})
        return cls(matcher, tuple(key for _, key in pairs))

    def finditer(self, text: str) -> list[tuple[int, int, object]]:
        """(start, end, key) for each match whose key is not None (a list: asked of every sentence,
        mostly for none or one, which a generator's frame cost more than)."""
        found = self.matcher.finditer(text)
        if not found:
            return found        # most sentences: no list comprehension (a frame of its own) over nothing
        keys = self.keys
        return [(match.start(), match.end(), keys[order]) for order, match in found if keys[order] is not None]
