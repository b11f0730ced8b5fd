"""The command line: exit codes, output formats, files and directories, unreadable input."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from linter.cli import main

# drafts dated before Sora's public launch, when the clip-length fact still held
FRONT = "---\ndate: 2024-03-01\n---\n"
WRONG = FRONT + "# Sora\n\nOpenAI zeigt Sora. Die Clips von Sora sind bis zu zwei Minuten lang.\n"
CLAIM_LINE = 6
CLAIM_COLUMN = WRONG.splitlines()[CLAIM_LINE - 1].index("bis zu") + 1
RIGHT = FRONT + "# Sora\n\nOpenAI zeigt Sora. Die Clips von Sora sind bis zu einer Minute lang.\n"
QUOTED = FRONT + '# Sora\n\nEin Nutzer schrieb: „Die Clips von Sora sind bis zu zwei Minuten lang.“\n'


def run(capsys, *argv):
    """(exit code, stdout, stderr) of one factlint call, as one value."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "wrong.md").write_text(WRONG, encoding="utf-8")
    (tmp_path / "right.md").write_text(RIGHT, encoding="utf-8")
    return tmp_path


def test_wrong_claim_exits_1_with_position_and_source(drafts, capsys):
    code, out, err = run(capsys, "check", str(drafts / "wrong.md"))
    assert code == 1 and err == ""
    first = out.splitlines()[0]
    assert first.startswith(f"{drafts / 'wrong.md'}:{CLAIM_LINE}:{CLAIM_COLUMN}: error [sora.clip.max-length] \"bis zu zwei Minuten\"")
    assert "Stand 2024-02-26)" in first and ".txt: \"" in first   # a German draft gets German messages


def test_correct_draft_exits_0(drafts, capsys):
    code, out, _ = run(capsys, "check", str(drafts / "right.md"))
    assert code == 0
    assert out.strip().endswith("in 1 file")


def test_json_contract(drafts, capsys):
    code, out, _ = run(capsys, "check", "--format", "json", str(drafts))
    data = json.loads(out)
    assert code == 1 and data["version"] == 1
    assert set(data["summary"]) >= {"files", "error", "warning", "info"} and data["summary"]["files"] == 2
    finding = data["findings"][0]
    assert set(finding) == {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message",
                            "found", "expected", "as_of", "sources", "replacement"}
    end_column = CLAIM_COLUMN + len("bis zu zwei Minuten")
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (CLAIM_LINE, CLAIM_COLUMN, CLAIM_LINE, end_column)
    assert finding["sources"][0]["quote"] and finding["expected"] == "up to 60 s"


def test_quoted_claim_is_info_and_fail_on_decides(tmp_path, capsys):
    (tmp_path / "q.md").write_text(QUOTED, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(tmp_path / "q.md"))
    assert code == 0 and ": info [sora.clip.max-length]" in out
    code, _, _ = run(capsys, "check", "--fail-on", "info", str(tmp_path / "q.md"))
    assert code == 1


def test_undecodable_file_is_reported_and_others_still_linted(drafts, capsys):
    (drafts / "latin1.md").write_bytes("Die Clips sind länger.\n".encode("latin-1"))
    code, out, err = run(capsys, "check", str(drafts))
    assert code == 2
    assert "latin1.md" in err and "UTF-8" in err and "Traceback" not in err
    assert "[sora.clip.max-length]" in out


def test_missing_path_is_an_input_error(capsys):
    code, _, err = run(capsys, "check", "does/not/exist.md")
    assert code == 2 and "does/not/exist.md: no such file or directory" in err


def test_summary_counts_the_drafts_linted_beside_missing_and_unreadable_ones(drafts, capsys):
    (drafts / "latin1.md").write_bytes("Die Clips sind länger.\n".encode("latin-1"))
    code, out, _ = run(capsys, "check", str(drafts / "wrong.md"), str(drafts / "latin1.md"), "does/not/exist.md",
                       str(drafts / "right.md"))
    assert code == 2
    assert out.splitlines()[-1].endswith(" in 2 files, 2 not readable")


def test_directories_are_searched_for_drafts_only(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("sub/a.md", "sub/b.markdown", "sub/c.txt", ".hidden/d.md", "sub/e.html"):
        (tmp_path / name).write_text(WRONG, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "json", str(tmp_path))
    paths = sorted({Path(f["path"]).name for f in json.loads(out)["findings"]})
    assert code == 1 and paths == ["a.md", "b.markdown", "c.txt"]


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["check", "--format", "xml", "x.md"])
    assert exited.value.code == 2


def test_missing_rule_directory_exits_2(tmp_path, capsys):
    code, _, err = run(capsys, "check", "--rules", str(tmp_path / "nope"), str(tmp_path))
    assert code == 2 and "rule directory not found" in err


def test_python_dash_m_runs_the_cli(drafts):
    proc = subprocess.run([sys.executable, "-m", "linter", "check", str(drafts / "wrong.md")],
                          capture_output=True, text=True)
    assert proc.returncode == 1 and "[sora.clip.max-length]" in proc.stdout


def test_undated_draft_uses_date_option_else_today(drafts, capsys):
    undated = drafts / "undated.md"
    undated.write_text(WRONG.replace(FRONT, ""), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(undated))
    assert code == 0 and ": info [sora.clip.max-length]" in out
    assert "das Wissen des Regelpakets dazu endet am 2024-12-09" in out
    code, out, _ = run(capsys, "check", "--date", "2024-03-01", str(undated))
    assert code == 1 and ": error [sora.clip.max-length]" in out


def test_facts_lists_the_pack(capsys):
    code, out, _ = run(capsys, "facts")
    assert code == 0 and "sora.clip.max-length (quantity, state; as of 2024-02-26, until 2024-12-09)" in out
    code, out, _ = run(capsys, "facts", "--format", "json")
    facts = {f["id"]: f for f in json.loads(out)["facts"]}
    clip = facts["sora.clip.max-length"]
    assert clip["until"] == "2024-12-09" and clip["as_of"] == "2024-02-26" and clip["sources"][0]["quote"]
    assert facts["sora.announcement.date"]["lifetime"] == "event" and facts["sora.announcement.date"]["until"] is None


def test_messages_follow_the_draft_language_and_lang_overrides_it(tmp_path, capsys):
    english = tmp_path / "en.md"
    english.write_text(FRONT.replace("---\n", "---\nlang: en\n", 1) + "\nSora clips: up to 90 s.\n", encoding="utf-8")
    _, out, _ = run(capsys, "check", str(english))
    assert "(= up to 90 s)" in out and "Sora generates clips" in out and "as of 2024-02-26)" in out
    _, out, _ = run(capsys, "check", "--lang", "de", str(english))
    assert "(= bis zu 90 s)" in out and "Sora erzeugt Clips" in out and "Stand 2024-02-26)" in out


@pytest.mark.parametrize("option, env, colored", [
    ("--color=always", {}, True), ("--color=never", {}, False), ("--color=auto", {}, False),
    ("--color=always", {"NO_COLOR": "1"}, True),
], ids=["always", "never", "auto-not-a-terminal", "always-beats-no-color"])
def test_color(drafts, capsys, monkeypatch, option, env, colored):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    _, out, _ = run(capsys, "check", option, str(drafts / "wrong.md"))
    assert ("\033[31merror" in out) == colored


def test_no_color_env_turns_auto_off_on_a_terminal(monkeypatch):
    from linter.cli import _use_color

    class Tty:
        def isatty(self):
            return True
    assert _use_color("auto", Tty()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert _use_color("auto", Tty()) is False


def test_progress_only_on_a_terminal_and_for_many_files():
    import io
    from linter.cli import Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True
    terminal, pipe = Tty(), io.StringIO()
    for stream in (terminal, pipe):
        progress = Progress(25, stream)
        for _ in range(25):
            progress.step()
        progress.done()
    assert "linting 20/25" in terminal.getvalue() and "linting 25/25" in terminal.getvalue()
    assert pipe.getvalue() == ""
    few = Tty()
    Progress(3, few).step()
    assert few.getvalue() == ""


def test_jobs_give_identical_output_in_the_same_order(tmp_path, capsys):
    for index in range(12):
        (tmp_path / f"d{index:02d}.md").write_text(WRONG if index % 3 else RIGHT, encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        code, out, _ = run(capsys, "check", "--format", "json", "--jobs", jobs, str(tmp_path))
        outputs.append((code, out))
    assert outputs[0] == outputs[1] and outputs[0][0] == 1
    assert len(json.loads(outputs[0][1])["findings"]) == 8


def test_jobs_must_be_positive(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["check", "--jobs", "0", "x.md"])
    assert exited.value.code == 2


# --- the report is written as each draft is done ------------------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self):
        return True


def _watch_output(monkeypatch, stdout, stderr=None) -> dict:
    """Replace stdout (and stderr); return {file name: stdout so far} as each draft starts being linted."""
    from linter import cli
    monkeypatch.setattr(sys, "stdout", stdout)
    if stderr is not None:
        monkeypatch.setattr(sys, "stderr", stderr)
    seen, lint = {}, cli._lint_file

    def watched(path, *rest):
        seen[path.name] = stdout.getvalue()
        return lint(path, *rest)
    monkeypatch.setattr(cli, "_lint_file", watched)
    return seen


@pytest.mark.parametrize("fmt", ["text", "json", "github", "gitlab"])
def test_first_drafts_findings_are_written_before_the_last_draft_is_linted(tmp_path, monkeypatch, fmt):
    for index in range(4):
        (tmp_path / f"d{index}.md").write_text(WRONG, encoding="utf-8")
    seen = _watch_output(monkeypatch, io.StringIO())
    assert main(["check", "--jobs", "1", "--format", fmt, str(tmp_path)]) == 1
    assert str(tmp_path / "d0.md") not in seen["d0.md"]
    assert str(tmp_path / "d0.md") in seen["d3.md"] and str(tmp_path / "d3.md") not in seen["d3.md"]


def test_with_jobs_each_drafts_findings_are_written_when_its_result_arrives(tmp_path, monkeypatch):
    from linter import cli
    for index in range(10):
        (tmp_path / f"d{index}.md").write_text(WRONG, encoding="utf-8")
    stdout, before_last, run_jobs = io.StringIO(), [], cli._run_jobs
    monkeypatch.setattr(sys, "stdout", stdout)

    def watched(jobs, context, workers):
        results = list(run_jobs(jobs, context, workers))   # everything linted, in the workers
        yield from results[:-1]
        before_last.append(stdout.getvalue())
        yield results[-1]
    monkeypatch.setattr(cli, "_run_jobs", watched)
    assert main(["check", "--jobs", "2", str(tmp_path)]) == 1
    assert str(tmp_path / "d8.md") in before_last[0] and str(tmp_path / "d9.md") not in before_last[0]


def test_report_waits_for_the_end_when_progress_shares_its_terminal(tmp_path, monkeypatch):
    from linter.cli import Progress
    for index in range(Progress.MIN_FILES):
        (tmp_path / f"d{index:02d}.md").write_text(WRONG, encoding="utf-8")
    stdout, stderr = _Terminal(), _Terminal()
    seen = _watch_output(monkeypatch, stdout, stderr)
    assert main(["check", "--jobs", "1", "--color", "never", str(tmp_path)]) == 1
    assert seen[f"d{Progress.MIN_FILES - 1}.md"] == ""
    assert "linting 20/20" in stderr.getvalue()
    assert stdout.getvalue().count("[sora.clip.max-length]") == Progress.MIN_FILES
    assert stdout.getvalue().endswith(f"in {Progress.MIN_FILES} files\n")


def test_diff_base_failing_mid_run_writes_no_report(tmp_path, monkeypatch, capsys):
    from linter.gitdiff import ChangedLines, GitError
    for index in range(3):
        (tmp_path / f"d{index}.md").write_text(WRONG, encoding="utf-8")

    def of(self, path):
        if path.name == "d2.md":
            raise GitError(f"--diff-base: git diff failed for {path}: boom")
        return None
    monkeypatch.setattr(ChangedLines, "of", of)
    assert run(capsys, "check", "--jobs", "1", "--diff-base", "HEAD", str(tmp_path)) == (
        2, "", f"factlint: --diff-base: git diff failed for {tmp_path / 'd2.md'}: boom\n")


def test_a_draft_named_twice_keeps_distinct_fingerprints(tmp_path, capsys):
    draft = tmp_path / "wrong.md"
    draft.write_text(WRONG, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--format", "gitlab", str(draft), str(tmp_path))
    issues = json.loads(out)
    assert code == 1 and len(issues) == 2 and issues[0]["fingerprint"] != issues[1]["fingerprint"]


def test_a_reader_that_leaves_early_does_not_change_the_exit_code(tmp_path):
    # more findings in the first draft than a pipe holds, so writing them fails once the reader has gone
    sentence = "Die Clips von Sora sind bis zu zwei Minuten lang. "
    (tmp_path / "a.md").write_text(FRONT + "# Sora\n\nOpenAI zeigt Sora. " + sentence * 400 + "\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(RIGHT, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "linter", "check", "--no-config", "--jobs", "1", str(tmp_path)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).parent.parent)
    assert proc.stdout.read(10)
    proc.stdout.close()
    assert (proc.wait(timeout=120), proc.stderr.read()) == (1, b"")
    proc.stderr.close()
