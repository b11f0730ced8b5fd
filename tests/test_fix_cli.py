"""`factlint check --fix` and `--diff` on real drafts: only name spellings change, byte for byte."""
from __future__ import annotations

import os

from linter.cli import main

DRAFT = "---\r\ndate: 2024-03-01\r\n---\r\n\r\nSam Altmann und Open AI zeigten Sora, Clips bis zu zwei Minuten.\r\n"
FIXED = "---\r\ndate: 2024-03-01\r\n---\r\n\r\nSam Altman und OpenAI zeigten Sora, Clips bis zu zwei Minuten.\r\n"


def test_fix_rewrites_names_only_and_keeps_crlf(tmp_path, capsys):
    path = tmp_path / "d.md"
    path.write_bytes(DRAFT.encode())
    code = main(["check", "--fix", str(path)])
    out, err = capsys.readouterr()
    assert path.read_bytes() == FIXED.encode()
    assert 'fixed "Sam Altmann" -> "Sam Altman"' in err and 'fixed "Open AI" -> "OpenAI"' in err
    # the clip length is no spelling: it stays, reported
    assert code == 1 and "[sora.clip.max-length]" in out and "[name." not in out


def test_diff_shows_fixes_and_writes_nothing(tmp_path, capsys):
    path = tmp_path / "d.md"
    path.write_bytes(DRAFT.encode())
    code = main(["check", "--diff", str(path)])
    out, err = capsys.readouterr()
    assert path.read_bytes() == DRAFT.encode()
    assert "-Sam Altmann und Open AI" in out and "+Sam Altman und OpenAI" in out
    # exits as `check` does, and the findings (among them the clip length, which no fix changes) go
    # to stderr, so that stdout stays a diff `git apply` takes
    assert code == 1 and "[sora.clip.max-length]" in err and "[sora.clip.max-length]" not in out


def test_read_only_file_is_an_error_and_unchanged(tmp_path, capsys):
    path = tmp_path / "d.md"
    path.write_bytes(DRAFT.encode())
    os.chmod(path, 0o444)
    code = main(["check", "--fix", str(path)])
    _, err = capsys.readouterr()
    assert code == 2 and "read-only" in err and "Traceback" not in err
    assert path.read_bytes() == DRAFT.encode()


def test_unreadable_file_is_never_touched(tmp_path, capsys):
    path = tmp_path / "d.md"
    data = DRAFT.encode() + b"\xff\xfe broken"
    path.write_bytes(data)
    code = main(["check", "--fix", str(path)])
    assert code == 2 and path.read_bytes() == data
