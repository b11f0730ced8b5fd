"""`--diff-base REF`: which lines of a draft changed since a git ref.

For each file, `git diff --unified=0 REF -- FILE` (run in the file's directory, so drafts in different
repositories work) lists the changed lines in its hunk headers `@@ -a,b +c,d @@`: lines c..c+d-1 of the
working tree. A file git does not track counts as changed everywhere.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class GitError(Exception):
    """git cannot answer: not a repository, an unknown ref, git missing."""


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        # literal pathspecs: a draft named "what*.md" is that file, not a pattern
        return subprocess.run(["git", "--literal-pathspecs", *args], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", stdin=subprocess.DEVNULL)
    except FileNotFoundError:
        raise GitError("--diff-base needs git, which is not installed") from None


def changed_lines_in(diff: str) -> set[int]:
    """The new-side line numbers that a --unified=0 diff adds or changes."""
    lines: set[int] = set()
    for match in _HUNK.finditer(diff):
        start, count = int(match.group(1)), int(match.group(2) or 1)
        lines.update(range(start, start + count))
    return lines


class ChangedLines:
    """Changed lines per file since one ref; each repository's ref is checked once."""

    def __init__(self, ref: str):
        if not ref or ref.startswith("-"):
            raise GitError(f"--diff-base: not a git ref: {ref!r}")
        self.ref = ref
        self.checked: set[str] = set()

    def _check_repository(self, directory: Path) -> None:
        top = _git(["rev-parse", "--show-toplevel"], directory)
        if top.returncode != 0:
            raise GitError(f"--diff-base: {directory} is not in a git repository")
        if top.stdout in self.checked:
            return
        known = _git(["rev-parse", "--verify", "--quiet", f"{self.ref}^{{commit}}"], directory)
        if known.returncode != 0:
            raise GitError(f"--diff-base: unknown git ref {self.ref!r} in {top.stdout.strip()}")
        self.checked.add(top.stdout)

    def of(self, path: Path) -> set[int] | None:
        """The file's changed line numbers; None when every line counts as changed (untracked)."""
        directory = path.resolve().parent
        self._check_repository(directory)
        diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-textconv", self.ref,
                     "--", path.name], directory)
        if diff.returncode != 0:
            raise GitError(f"--diff-base: git diff failed for {path}: {diff.stderr.strip()}")
        if not diff.stdout:
            tracked = _git(["ls-files", "--error-unmatch", "--", path.name], directory)
            return set() if tracked.returncode == 0 else None
        return changed_lines_in(diff.stdout)


def on_changed_lines(findings: list, changed: set[int] | None) -> list:
    """The findings that touch a changed line (all of them for an untracked file)."""
    if changed is None:
        return list(findings)
    return [f for f in findings if any(line in changed for line in range(f.line, f.end_line + 1))]
