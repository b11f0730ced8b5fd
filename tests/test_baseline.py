"""Baselines: the file format, findings that survive edits, new findings, and unusable baseline files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.baseline import claim_key
from linter.cli import main

FRONT = "---\ndate: 2024-03-01\n---\n"
CLAIM = "Die Clips von Sora sind bis zu zwei Minuten lang."
CLIP = "sora.clip.max-length"
DRAFT = FRONT + f"# Sora\n\n{CLAIM}\n"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def reported(capsys, *argv) -> tuple[int, list[tuple[str, int, str]]]:
    """Exit code and (file name, line, rule) of each reported finding."""
    code, out, err = run(capsys, "check", "--format", "json", *argv)
    assert "Traceback" not in err
    return code, [(Path(f["path"]).name, f["line"], f["rule"]) for f in json.loads(out)["findings"]]


@pytest.fixture
def desk(tmp_path, monkeypatch, capsys):
    """A working directory with drafts/a.md and a baseline that records its one finding."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(DRAFT, encoding="utf-8")
    assert run(capsys, "check", "--write-baseline", "baseline.json", "drafts")[0] == 0
    return tmp_path


def test_file_format(desk):
    data = json.loads((desk / "baseline.json").read_text(encoding="utf-8"))
    assert data == {"version": 1, "findings": [
        {"path": "drafts/a.md", "rule": CLIP, "claim": "bis zu zwei minuten", "count": 1}]}


def test_writing_is_stable_and_sorted(desk, capsys):
    (desk / "drafts" / "b.md").write_text(DRAFT + f"\n{CLAIM}\n\nSam Altmann leitet OpenAI.\n", encoding="utf-8")
    run(capsys, "check", "--write-baseline", "one.json", "drafts")
    run(capsys, "check", "--write-baseline", "two.json", "drafts/b.md", "drafts/a.md")
    one = (desk / "one.json").read_text(encoding="utf-8")
    assert one == (desk / "two.json").read_text(encoding="utf-8")
    entries = json.loads(one)["findings"]
    keys = [(e["path"], e["rule"], e["claim"]) for e in entries]
    assert keys == sorted(keys) and [e["count"] for e in entries if e["path"] == "drafts/b.md" and e["rule"] == CLIP] == [2]


def test_write_reports_nothing_and_says_what_it_wrote(desk, capsys):
    code, out, err = run(capsys, "check", "--write-baseline", "again.json", "drafts")
    assert (code, out) == (0, "") and "again.json: 1 finding recorded" in err


def test_baselined_finding_is_not_reported(desk, capsys):
    assert reported(capsys, "--baseline", "baseline.json", "drafts") == (0, [])


EDITS = {
    "lines-inserted-above": (lambda t: t.replace("# Sora\n", "# Sora\n\nEin neuer Absatz.\n\nNoch einer.\n"), []),
    "claim-reflowed-and-recased": (lambda t: t.replace("bis zu zwei Minuten", "bis zu\nZWEI  Minuten"), []),
    "second-identical-claim-is-new": (lambda t: t + f"\n{CLAIM}\n", [("a.md", 8, CLIP)]),
    "second-identical-claim-above-reports-the-later": (
        lambda t: t.replace("# Sora\n", f"# Sora\n\n{CLAIM}\n"), [("a.md", 8, CLIP)]),
    "different-claim-is-new": (lambda t: t.replace("zwei Minuten", "drei Minuten"), [("a.md", 6, CLIP)]),
    "claim-removed": (lambda t: t.replace(CLAIM, "Sora ist ein Videomodell."), []),
}


@pytest.mark.parametrize("edit, expected", EDITS.values(), ids=EDITS.keys())
def test_baseline_after_edit(desk, capsys, edit, expected):
    draft = desk / "drafts" / "a.md"
    draft.write_text(edit(draft.read_text(encoding="utf-8")), encoding="utf-8")
    assert reported(capsys, "--baseline", "baseline.json", "drafts") == (1 if expected else 0, expected)


def test_same_claim_in_another_file_is_new(desk, capsys):
    (desk / "drafts" / "b.md").write_text(DRAFT, encoding="utf-8")
    assert reported(capsys, "--baseline", "baseline.json", "drafts") == (1, [("b.md", 6, CLIP)])


def test_paths_are_relative_to_the_baseline_not_the_working_directory(desk, capsys, monkeypatch):
    monkeypatch.chdir(desk / "drafts")
    assert reported(capsys, "--baseline", desk / "baseline.json", "a.md") == (0, [])
    assert reported(capsys, "--baseline", "../baseline.json", desk / "drafts") == (0, [])


def test_suppression_findings_can_be_baselined(desk, capsys):
    draft = desk / "drafts" / "a.md"
    draft.write_text(DRAFT + "\n<!-- factlint-disable-line sora.leak -->\n", encoding="utf-8")
    run(capsys, "check", "--write-baseline", "baseline.json", "drafts")
    draft.write_text(FRONT + "Neu.\n\n" + draft.read_text(encoding="utf-8")[len(FRONT):], encoding="utf-8")
    assert reported(capsys, "--baseline", "baseline.json", "drafts") == (0, [])


BAD_BASELINES = {
    "missing": (None, "baseline.json: cannot read: No such file or directory"),
    "not-json": ("{\n  \"version\": 1,\n  oops\n}", "baseline.json:3: not valid JSON"),
    "not-a-baseline": ('{"findings": {}}', "not a factlint baseline"),
    "wrong-version": ('{"version": 2, "findings": []}', "not a factlint baseline"),
    "entry-without-count": ('{"version": 1, "findings": [{"path": "a.md", "rule": "x", "claim": "y"}]}',
                            "entry 1 needs path, rule, claim"),
    "entry-count-zero": ('{"version": 1, "findings": [{"path": "a.md", "rule": "x", "claim": "y", "count": 0}]}',
                         "entry 1 needs"),
    "not-utf8": (b"\xff\xfe{}", "not valid UTF-8"),
}


@pytest.mark.parametrize("content, message", BAD_BASELINES.values(), ids=BAD_BASELINES.keys())
def test_unusable_baseline_is_an_input_error(tmp_path, capsys, monkeypatch, content, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(DRAFT, encoding="utf-8")
    if isinstance(content, bytes):
        (tmp_path / "baseline.json").write_bytes(content)
    elif content is not None:
        (tmp_path / "baseline.json").write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "check", "--baseline", "baseline.json", "a.md")
    assert (code, out) == (2, "")
    assert message in err and err.startswith("factlint: baseline ") and "Traceback" not in err


def test_write_baseline_cannot_be_combined(desk, capsys):
    code, _, err = run(capsys, "check", "--write-baseline", "x.json", "--baseline", "baseline.json", "drafts")
    assert code == 2 and "--write-baseline" in err and not (desk / "x.json").exists()


def test_unreadable_draft_writes_no_baseline(desk, capsys):
    (desk / "drafts" / "latin1.md").write_bytes("Die Clips sind länger.\n".encode("latin-1"))
    code, _, err = run(capsys, "check", "--write-baseline", "new.json", "drafts")
    assert code == 2 and "not written" in err and not (desk / "new.json").exists()


CLAIM_KEYS = {
    "whitespace-folded": ("bis zu\n  zwei\tMinuten", "bis zu zwei minuten"),
    "case-folded": ("STRASSE", "strasse"),
    "eszett-case-folded": ("Straße", "strasse"),
    "nfc": ("La\u0308nge", "länge"),
}


@pytest.mark.parametrize("found, key", CLAIM_KEYS.values(), ids=CLAIM_KEYS.keys())
def test_claim_key(found, key):
    assert claim_key(found) == key
