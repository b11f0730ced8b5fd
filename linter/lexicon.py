"""Word lists compiled into one case-insensitive regex: names, references, cues.

An entry matches at word boundaries; a trailing `*` lets it run on to the end of the word ("geleak*"
matches "geleakt"), a leading `*` lets the word start earlier ("*clips" matches "Testclips"), so German
compounds can be caught without listing each one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = r"[\w\u00c0-\u024f]"


def _entry_pattern(entry: str, possessive: bool) -> str:
    """The regex for one list entry."""
    core = entry.strip()
    head = f"{_WORD}*" if core.startswith("*") else ""
    tail = f"{_WORD}*" if core.endswith("*") else ""
    core = core.strip("*")
    # spaces and hyphens in a name may be written either way ("Sora-Modell", "Sora Modell")
    body = r"[\s\-\u2011]+".join(re.escape(part) for part in re.split(r"[\s\-\u2011]+", core))
    # names take the genitive and possessive endings of both languages ("Soras", "Altman's")
    suffix = r"(?:s|['\u2019]s?)?" if possessive and not tail else ""
    return rf"(?<!{_WORD}){head}{body}{tail}{suffix}(?!{_WORD})"


@dataclass(frozen=True)
class Terms:
    """A compiled word list; empty lists match nothing."""

    entries: tuple[str, ...]
    pattern: re.Pattern | None

    @classmethod
    def of(cls, entries, possessive: bool = False) -> "Terms":
        """Compile a list of entries (longest first, so "Sora Turbo" wins over "Sora")."""
        entries = tuple(e for e in (entries or ()) if isinstance(e, str) and e.strip("* "))
        if not entries:
            return cls((), None)
        ordered = sorted(entries, key=len, reverse=True)
        return cls(entries, re.compile("|".join(_entry_pattern(e, possessive) for e in ordered), re.IGNORECASE))

    def finditer(self, text: str):
        """Yield the match objects of every entry in `text`."""
        if self.pattern is None:
            return iter(())
        return self.pattern.finditer(text)

    def search(self, text: str) -> bool:
        """True when any entry occurs in `text`."""
        return self.pattern is not None and self.pattern.search(text) is not None

    def __bool__(self) -> bool:
        return self.pattern is not None
