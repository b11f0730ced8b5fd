"""`--diff-base REF`: only findings on lines changed since a git ref, in a temporary repository."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from linter.cli import main
from linter.gitdiff import changed_lines_in

FRONT = "---\ndate: 2024-03-01\n---\n"
CLAIM = "Die Clips von Sora sind bis zu zwei Minuten lang."
CLIP = "sora.clip.max-length"
DRAFT = FRONT + f"# Sora\n\n{CLAIM}\n"        # the claim is on line 6


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A git repository with drafts/a.md committed; the working directory."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    git(tmp_path, "config", "user.name", "Desk")
    git(tmp_path, "config", "user.email", "desk@example.org")
    git(tmp_path, "config", "commit.gpgsign", "false")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(DRAFT, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first draft")
    return tmp_path


def reported(capsys, *argv) -> tuple[int, list[tuple[str, int]]]:
    code = main(["check", "--format", "json", *map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, [(Path(f["path"]).name, f["line"]) for f in json.loads(out)["findings"] if f["rule"] == CLIP]


EDITS = {
    "unchanged": (lambda t: t, []),
    "lines-inserted-above": (lambda t: t.replace("# Sora\n", "# Sora\n\nNeu.\n\nNeu.\n"), []),
    "new-claim-appended": (lambda t: t + f"\n{CLAIM}\n", [("a.md", 8)]),
    "claim-line-edited": (lambda t: t.replace("Die Clips", "Alle Clips"), [("a.md", 6)]),
    "claim-moved-down-and-edited": (lambda t: t.replace(f"{CLAIM}\n", f"Neu.\n\n{CLAIM} Mehr.\n"), [("a.md", 8)]),
}


@pytest.mark.parametrize("edit, expected", EDITS.values(), ids=EDITS.keys())
def test_working_tree_against_head(repo, capsys, edit, expected):
    draft = repo / "drafts" / "a.md"
    draft.write_text(edit(draft.read_text(encoding="utf-8")), encoding="utf-8")
    assert reported(capsys, "--diff-base", "HEAD", "drafts") == (1 if expected else 0, expected)


def test_committed_changes_since_an_older_ref(repo, capsys):
    draft = repo / "drafts" / "a.md"
    draft.write_text(DRAFT + f"\n{CLAIM}\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "second claim")
    assert reported(capsys, "--diff-base", "HEAD", "drafts") == (0, [])
    assert reported(capsys, "--diff-base", "HEAD~1", "drafts") == (1, [("a.md", 8)])


def test_untracked_file_counts_as_changed(repo, capsys):
    (repo / "drafts" / "new.md").write_text(DRAFT, encoding="utf-8")
    assert reported(capsys, "--diff-base", "HEAD", "drafts") == (1, [("new.md", 6)])


def test_works_from_another_directory(repo, capsys, monkeypatch, tmp_path_factory):
    (repo / "drafts" / "a.md").write_text(DRAFT + f"\n{CLAIM}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path_factory.mktemp("elsewhere"))
    assert reported(capsys, "--diff-base", "HEAD", repo / "drafts" / "a.md") == (1, [("a.md", 8)])


ERRORS = {
    "unknown-ref": ("no-such-branch", "unknown git ref 'no-such-branch'"),
    "option-as-ref": ("--output=x", "not a git ref"),
}


@pytest.mark.parametrize("ref, message", ERRORS.values(), ids=ERRORS.keys())
def test_bad_ref_is_an_input_error(repo, capsys, ref, message):
    code = main(["check", f"--diff-base={ref}", "drafts"])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "") and message in err and "Traceback" not in err
    assert not (repo / "x").exists()


def test_outside_a_repository_is_an_input_error(tmp_path_factory, capsys, monkeypatch):
    outside = tmp_path_factory.mktemp("plain")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(outside.parent))
    (outside / "a.md").write_text(DRAFT, encoding="utf-8")
    code = main(["check", "--diff-base", "HEAD", str(outside / "a.md")])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "") and "is not in a git repository" in err and "Traceback" not in err


HUNKS = {
    "added-lines": ("@@ -3,0 +4,2 @@\n+a\n+b\n", {4, 5}),
    "single-line-without-count": ("@@ -5 +5 @@\n-a\n+b\n", {5}),
    "deletion-adds-nothing": ("@@ -3,2 +2,0 @@\n-a\n-b\n", set()),
    "several-hunks": ("@@ -1 +1 @@\n-a\n+b\n@@ -9,0 +10,1 @@ heading\n+c\n", {1, 10}),
    "new-file": ("--- /dev/null\n+++ b/a.md\n@@ -0,0 +1,3 @@\n+a\n+b\n+c\n", {1, 2, 3}),
}


@pytest.mark.parametrize("diff, lines", HUNKS.values(), ids=HUNKS.keys())
def test_hunk_headers(diff, lines):
    assert changed_lines_in(diff) == lines
