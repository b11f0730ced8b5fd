"""The user's cache directory: files that only make a later run faster (compiled packs, compiled
regular expressions), read only when no one else could have written them.

A cache entry is never needed: any failure to read or write one only costs speed, never a run.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def cache_dir() -> Path | None:
    """Where cache entries are kept: $FACTLINT_CACHE_DIR, else the user's cache directory;
    None when FACTLINT_NO_CACHE is set."""
    if os.environ.get("FACTLINT_NO_CACHE"):
        return None
    if os.environ.get("FACTLINT_CACHE_DIR"):
        return Path(os.environ["FACTLINT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "factlint"


# An entry is read only from a directory that belongs to this user and that no one else may write, and
# only if the entry too is ours and writable by no one else (a pickled pack runs code when it is read;
# a planted table of regular expressions would change what the linter finds). Both are checked on
# open descriptors (O_NOFOLLOW), so a directory or link swapped in between check and read is not
# trusted either.
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def _owned_privately(info: os.stat_result, kind: int) -> bool:
    return stat.S_IFMT(info.st_mode) == kind and info.st_uid == os.geteuid() and not info.st_mode & _OTHERS_WRITE


def _open_private_dir(directory: Path) -> int | None:
    """A descriptor of the cache directory if it is ours and private, else None."""
    try:
        handle = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None
    if _owned_privately(os.fstat(handle), stat.S_IFDIR):
        return handle
    os.close(handle)
    return None


def read_private(directory: Path, name: str) -> bytes | None:
    """The entry's bytes, or None when there is none, it is not trusted or it is unreadable."""
    dir_handle = _open_private_dir(directory)
    if dir_handle is None:
        return None
    try:
        handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=dir_handle)
    except OSError:
        return None
    finally:
        os.close(dir_handle)
    with os.fdopen(handle, "rb") as entry:
        if not _owned_privately(os.fstat(entry.fileno()), stat.S_IFREG):
            return None
        try:
            os.utime(entry.fileno())        # used now: pruning keeps the entries in use (_prune)
        except OSError:
            pass
        try:
            return entry.read()
        except OSError:
            return None


def write_private(directory: Path, name: str, data: bytes, family: str = "", keep: int = 0) -> None:
    """Write the entry atomically into the private cache directory (made 0700 if missing); with a
    `family` (a glob such as "pack-*.pickle"), keep only its `keep` newest entries. Any failure only
    costs speed next time."""
    temporary = None
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        dir_handle = _open_private_dir(directory)
        if dir_handle is None:
            return      # not ours, or others may write it: never fill a cache that others could plant
        os.close(dir_handle)
        handle, temporary = tempfile.mkstemp(dir=directory, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, directory / name)
        if family:
            _prune(directory, family, name, keep)
    except OSError:     # a read-only home or a full disk must not stop a lint
        if temporary and os.path.exists(temporary):
            os.unlink(temporary)


def _prune(directory: Path, family: str, kept: str, keep: int) -> None:
    """Remove all but the newest entries of a family: every change of a pack or of the linter makes a
    new one, and the old ones are never read again (a developer's cache held 555 entries, 230 MB)."""
    entries = []
    for entry in directory.glob(family):
        try:
            entries.append((entry.stat().st_mtime, entry))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, entry in entries[keep:]:
        if entry.name != kept:
            entry.unlink(missing_ok=True)
