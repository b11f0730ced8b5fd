"""Fixes are applied byte-exactly: encoding, BOM, line endings and permissions kept; read-only files
are refused and left unchanged."""
from __future__ import annotations

import os
import stat

import pytest

from linter.fixer import Fix, FixError, fixed_bytes, fixes_from, unified_diff, write_atomically

ALTMAN = Fix(3, 1, 3, 12, "Sam Altman", "Sam Altmann")


@pytest.mark.parametrize("before, after", [
    (b"# T\n\nSam Altmann sagte.\n", b"# T\n\nSam Altman sagte.\n"),
    (b"# T\r\n\r\nSam Altmann sagte.\r\n", b"# T\r\n\r\nSam Altman sagte.\r\n"),
    ("\ufeff# T\n\nSam Altmann sagte.\n".encode(), "\ufeff# T\n\nSam Altman sagte.\n".encode()),
    (b"# T\r\rSam Altmann sagte.", b"# T\r\rSam Altman sagte."),
], ids=["lf", "crlf", "bom", "cr-no-final-newline"])
def test_fix_keeps_everything_but_the_name(before, after):
    assert fixed_bytes(before, [ALTMAN]) == (after, [ALTMAN])


def test_text_that_changed_since_linting_is_left_alone():
    assert fixed_bytes(b"# T\n\nSam Altman sagte.\n", [ALTMAN]) == (b"# T\n\nSam Altman sagte.\n", [])


def test_several_fixes_on_one_line_and_across_lines():
    data = "Open AI und OpenAi\nund Sam Altmann\n".encode()
    fixes = [Fix(1, 1, 1, 8, "OpenAI", "Open AI"), Fix(1, 13, 1, 19, "OpenAI", "OpenAi"),
             Fix(2, 5, 2, 16, "Sam Altman", "Sam Altmann")]
    assert fixed_bytes(data, fixes) == ("OpenAI und OpenAI\nund Sam Altman\n".encode(), fixes)


class _F:
    def __init__(self, line, column, end_line, end_column, replacement, found):
        self.line, self.column, self.end_line, self.end_column = line, column, end_line, end_column
        self.replacement, self.found = replacement, found


def test_overlapping_fixes_are_not_unambiguous():
    findings = [_F(1, 1, 1, 8, "OpenAI", "Open AI"), _F(1, 5, 1, 10, "X", "AI un"), _F(2, 1, 2, 3, "Y", "ab"),
                _F(3, 1, 3, 3, None, "cd")]
    assert [(f.line, f.replacement) for f in fixes_from(findings)] == [(2, "Y")]


def test_atomic_write_keeps_permissions(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes(b"Sam Altmann\n")
    os.chmod(path, 0o640)
    write_atomically(path, b"Sam Altman\n")
    assert path.read_bytes() == b"Sam Altman\n" and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]


def test_read_only_file_is_refused_and_unchanged(tmp_path):
    path = tmp_path / "draft.md"
    path.write_bytes(b"Sam Altmann\n")
    os.chmod(path, 0o444)
    with pytest.raises(FixError, match="read-only"):
        write_atomically(path, b"Sam Altman\n")
    assert path.read_bytes() == b"Sam Altmann\n"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.md"]


def test_unified_diff():
    diff = unified_diff("d.md", b"a\nSam Altmann\n", b"a\nSam Altman\n")
    assert "-Sam Altmann\n+Sam Altman\n" in diff and diff.startswith("--- a/d.md\n+++ b/d.md\n")
