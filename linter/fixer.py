"""Apply unambiguous fixes (name spellings) to a draft's bytes, and write files atomically.

Positions are the findings' 1-based lines and columns; they are turned into offsets of the original
text with its own line endings, so CRLF files stay CRLF and a BOM stays in place. A file is replaced
through a temporary file in the same directory and a rename, keeping its permissions; a file without
write permission is left alone.
"""
from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

_BOM = "\ufeff"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")


@dataclass(frozen=True, slots=True)
class Fix:
    line: int
    column: int
    end_line: int
    end_column: int        # exclusive, as in findings
    replacement: str
    found: str


class FixError(Exception):
    """A file that cannot be fixed; the message says why."""


def fixes_from(findings) -> list[Fix]:
    """The fixes findings carry; two that touch the same text are both dropped (not unambiguous)."""
    fixes = sorted({Fix(f.line, f.column, f.end_line, f.end_column, f.replacement, f.found)
                    for f in findings if f.replacement is not None}, key=lambda f: (f.line, f.column))
    clean = []
    for fix in fixes:
        overlapping = [o for o in fixes if o is not fix and (o.line, o.column) < (fix.end_line, fix.end_column)
                       and (fix.line, fix.column) < (o.end_line, o.end_column)]
        if not overlapping:
            clean.append(fix)
    return clean


def _line_starts(text: str) -> list[int]:
    starts, offset = [], 0
    for match in _LINE.finditer(text):
        if match.start() == len(text) and starts:
            break
        starts.append(offset)
        offset = match.end()
    return starts


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """`text` (decoded, BOM removed, line endings as in the file) with the fixes applied."""
    starts = _line_starts(text)
    result = text
    for fix in sorted(fixes, key=lambda f: (f.line, f.column), reverse=True):
        start = starts[fix.line - 1] + fix.column - 1
        end = starts[fix.end_line - 1] + fix.end_column - 1
        if " ".join(result[start:end].split()) != " ".join(fix.found.split()):
            continue  # the text is not what the finding saw: leave it
        result = result[:start] + fix.replacement + result[end:]
    return result


def fixed_bytes(data: bytes, fixes: list[Fix]) -> bytes:
    """The file's bytes with the fixes applied, encoding, BOM and line endings kept."""
    text = data.decode("utf-8")
    bom = text.startswith(_BOM)
    new = apply_fixes(text[1:] if bom else text, fixes)
    return ((_BOM if bom else "") + new).encode("utf-8")


def unified_diff(path: str, old: bytes, new: bytes) -> str:
    """The change as a unified diff."""
    before = old.decode("utf-8").splitlines(keepends=True)
    after = new.decode("utf-8").splitlines(keepends=True)
    name = path.lstrip("/")
    return "".join(difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"))


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file's content via a temporary file and a rename; refuse read-only files."""
    mode = path.stat().st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError("file is read-only; not changed")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".factlint")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, stat.S_IMODE(mode))
        os.replace(temporary, path)
    except OSError as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise FixError(f"cannot write: {exc.strerror}; not changed") from None
