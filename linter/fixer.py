"""Apply unambiguous fixes (name spellings) to a draft's bytes, and write files atomically.

Positions are the findings' 1-based lines and columns; they are turned into offsets of the original
text with its own line endings, so CRLF files stay CRLF and a BOM stays in place. A file is replaced
through a temporary file in the same directory and a rename, keeping its permissions, owner and group;
what cannot be written faithfully (see `write_atomically`) is left alone with a message.
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


def apply_fixes(text: str, fixes: list[Fix]) -> tuple[str, list[Fix]]:
    """`text` (decoded, BOM removed, line endings as in the file) with the fixes applied, and the fixes
    that were applied: one whose span no longer holds what the finding saw is left out."""
    starts = _line_starts(text)
    result, applied = text, []
    for fix in sorted(fixes, key=lambda f: (f.line, f.column), reverse=True):
        if fix.end_line > len(starts):
            continue
        start = starts[fix.line - 1] + fix.column - 1
        end = starts[fix.end_line - 1] + fix.end_column - 1
        if " ".join(result[start:end].split()) != " ".join(fix.found.split()):
            continue  # the text is not what the finding saw: leave it
        result = result[:start] + fix.replacement + result[end:]
        applied.append(fix)
    return result, applied[::-1]


def fixed_bytes(data: bytes, fixes: list[Fix]) -> tuple[bytes, list[Fix]]:
    """The file's bytes with the fixes applied, encoding, BOM and line endings kept, and the fixes applied."""
    text = data.decode("utf-8")
    bom = text.startswith(_BOM)
    new, applied = apply_fixes(text[1:] if bom else text, fixes)
    return ((_BOM if bom else "") + new).encode("utf-8"), applied


def unified_diff(path: str, old: bytes, new: bytes) -> str:
    """The change as a unified diff."""
    before = old.decode("utf-8").splitlines(keepends=True)
    after = new.decode("utf-8").splitlines(keepends=True)
    name = path.lstrip("/")
    return "".join(difflib.unified_diff(before, after, f"a/{name}", f"b/{name}"))


_TEMP_SUFFIX = ".factlint"


def _temp_prefix(name: str) -> str:
    return f".{name}."


def remove_stale_temporaries(path: Path) -> None:
    """Remove the temporary files an earlier --fix of this file left when it was killed (SIGKILL
    cannot be caught): `.NAME.XXXXXXXX.factlint` beside the file, ours, regular files."""
    target = Path(os.path.realpath(path))
    if not target.is_file():
        return      # a FIFO or /dev/stdin has no directory of ours to tidy
    stale = re.compile(re.escape(_temp_prefix(target.name)) + r"[a-z0-9_]{8}" + re.escape(_TEMP_SUFFIX))
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        try:
            if (stale.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
                    and entry.stat(follow_symlinks=False).st_uid == os.geteuid()):
                os.unlink(entry.path)
        except OSError:
            pass  # gone already, or not ours to remove


def write_atomically(path: Path, data: bytes) -> None:
    """Replace the file's content via a temporary file and a rename; raise FixError, with the file
    unchanged, when that cannot be done faithfully.

    A symlink is followed (its target is written, the link stays); a file with several hard links is
    refused (a rename would split them); owner, group and permissions are kept (a file whose owner
    cannot be kept is refused); a read-only file, a file this user may not write and an unwritable
    directory are refused. The temporary file is removed on every way out but SIGKILL, and stale ones
    are removed by the next run (`remove_stale_temporaries`)."""
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except OSError as exc:
        raise FixError(f"cannot write: {exc.strerror}; not changed") from None
    mode = info.st_mode
    if not stat.S_ISREG(mode):
        raise FixError("not a regular file; not changed")
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise FixError("file is read-only; not changed")
    if info.st_nlink > 1:
        raise FixError(f"file has {info.st_nlink} hard links, which a rewrite would split; not changed "
                       "(apply the fix by hand, see --diff)")
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise FixError(f"directory {target.parent} is not writable (the file is replaced through a "
                       "temporary file beside it); not changed")
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=_temp_prefix(target.name),
                                             suffix=_TEMP_SUFFIX)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        _keep_owner(temporary, info)
        os.chmod(temporary, stat.S_IMODE(mode))
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        raise FixError(f"cannot write: {exc.strerror}; not changed") from None
    finally:
        if temporary is not None:       # also on KeyboardInterrupt and SystemExit
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _keep_owner(temporary: str, info: os.stat_result) -> None:
    """Give the temporary file the original's owner and group, or refuse: the rename must not change them."""
    if (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(temporary, info.st_uid, info.st_gid)
    except PermissionError:
        raise FixError("file belongs to another user or group, which a rewrite would change; not changed "
                       "(apply the fix by hand, see --diff)") from None
