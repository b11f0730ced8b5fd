"""The drafts of an archive, streamed one at a time with their bytes: from folders, or from a git revision.

Walking is streamed and each folder is listed in sorted order, so an archive of any size is read in
the same order every time while only one folder's listing is held. The bytes are read here, in the
auditing process: it hashes them to skip stored drafts, and workers then need no shared file system.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..cli import DRAFT_SUFFIXES, MAX_FILE_BYTES


class ArchiveError(Exception):
    """An archive path or git revision that cannot be read."""


@dataclass(frozen=True, slots=True)
class RawDraft:
    path: str
    data: bytes | None          # None when it could not be read
    problem: str | None = None


def _walk(folder: Path, selected) -> Iterator[Path]:
    """Draft files under a folder (hidden ones skipped), depth first, each folder in sorted order."""
    with os.scandir(folder) as entries:
        ordered = sorted(entries, key=lambda entry: entry.name)
    for entry in ordered:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, selected)
        elif path.suffix.lower() in DRAFT_SUFFIXES and entry.is_file() and selected(path):
            yield path


class FolderArchive:
    """Draft files of folders (or single files) as named on the command line."""

    def __init__(self, paths: list[str], selected=lambda path: True):
        self.paths, self.selected = paths, selected
        missing = [p for p in paths if not Path(p).exists()]
        if missing:
            raise ArchiveError(f"{missing[0]}: no such file or directory")

    def files(self) -> Iterator[Path]:
        for raw in self.paths:
            path = Path(raw)
            yield from _walk(path, self.selected) if path.is_dir() else [path]

    def count(self) -> int:
        return sum(1 for _ in self.files())

    def drafts(self) -> Iterator[RawDraft]:
        for path in self.files():
            yield _read_file(path)


def _read_file(path: Path) -> RawDraft:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return RawDraft(str(path), None, f"file too large ({size} bytes; the limit is {MAX_FILE_BYTES})")
        return RawDraft(str(path), path.read_bytes())
    except OSError as exc:
        return RawDraft(str(path), None, f"cannot read: {exc.strerror}")


class GitArchive:
    """Draft files of folders as they are at a git revision (`--rev`), read from git's object store.

    Paths are relative to the current directory, as for folders, so a draft's row is the same whether
    it was audited from the working tree or from a commit."""

    def __init__(self, paths: list[str], revision: str):
        self.paths, self.revision = paths, revision
        self.top = Path(self._git("rev-parse", "--show-toplevel").strip())
        self._git("rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")

    def _git(self, *args: str) -> str:
        done = subprocess.run(["git", *args], capture_output=True, text=True)
        if done.returncode:
            raise ArchiveError(f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
        return done.stdout

    def _entries(self) -> Iterator[tuple[str, str]]:
        """(blob id, path relative to the current directory) of each draft at the revision, streamed."""
        command = ["git", "ls-tree", "-r", "-z", "--full-name", self.revision, "--", *self.paths]
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as lister:
            for record in _split_nul(lister.stdout):
                meta, _, name = record.partition(b"\t")
                _, kind, blob = meta.split()
                path = os.path.relpath(self.top / os.fsdecode(name))
                if kind == b"blob" and Path(path).suffix.lower() in DRAFT_SUFFIXES \
                        and not any(part.startswith(".") for part in Path(path).parts if part != ".."):
                    yield blob.decode(), path

    def count(self) -> int:
        return sum(1 for _ in self._entries())

    def drafts(self) -> Iterator[RawDraft]:
        with subprocess.Popen(["git", "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as cat:
            for blob, path in self._entries():
                cat.stdin.write(blob.encode() + b"\n")
                cat.stdin.flush()
                size = int(cat.stdout.readline().split()[2])
                data = cat.stdout.read(size)
                cat.stdout.read(1)      # the newline after each object
                yield RawDraft(path, data) if size <= MAX_FILE_BYTES else \
                    RawDraft(path, None, f"file too large ({size} bytes; the limit is {MAX_FILE_BYTES})")
            cat.stdin.close()


def _split_nul(stream) -> Iterator[bytes]:
    """NUL-terminated records of a byte stream, read in blocks."""
    pending = b""
    for block in iter(lambda: stream.read(1 << 16), b""):
        pending += block
        *records, pending = pending.split(b"\0")
        yield from records
