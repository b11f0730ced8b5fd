"""The values that flow out of the engine: severities, mismatches and findings."""
from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Finding levels, ordered so that `>=` means "at least as serious"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        """Severity from its lower-case name; ValueError on anything else."""
        try:
            return cls[name.upper()]
        except KeyError:
            raise ValueError(name) from None

    def __str__(self) -> str:
        return self.name.lower()


def claim_key(found: str) -> str:
    """A claim as baselines and fingerprints compare it: NFC, white space folded, case folded.

    Never a line number, so the key survives edits above the claim."""
    return " ".join(unicodedata.normalize("NFC", found).split()).casefold()


@dataclass(frozen=True, slots=True)
class Source:
    """A verbatim quote from a seed document that backs a fact."""

    file: str
    quote: str


@dataclass(frozen=True, slots=True)
class Mismatch:
    """What an evaluator reports: a span of the sentence that contradicts a fact.

    Offsets are relative to the sentence text; the engine turns them into file positions and stamps
    rule id and severity (evaluators know neither).
    """

    start: int
    end: int
    reading: str          # what the claim means, e.g. "up to 120 s"
    expected: str         # what the fact says, e.g. "up to 60 s"
    # an evaluator may lower the rule's severity (a claim inside someone's quotation is info at most)
    max_severity: Severity = Severity.ERROR
    note: str = ""
    # the unambiguous correction of the span, if there is one (a name's spelling); `--fix` applies it
    replacement: str | None = None


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """One reported contradiction, with its exact position in the original file (1-based)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    found: str = field(compare=False)       # the claim as the draft writes it (markup removed)
    expected: str = field(compare=False)
    as_of: str = field(compare=False)
    sources: tuple[Source, ...] = field(compare=False, default=())
    replacement: str | None = field(compare=False, default=None)

    def to_dict(self) -> dict:
        """The JSON contract of one finding (see README, "JSON output")."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
            "found": self.found,
            "expected": self.expected,
            "as_of": self.as_of,
            "sources": [{"file": s.file, "quote": s.quote} for s in self.sources],
            "replacement": self.replacement,
        }
