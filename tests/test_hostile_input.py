"""Hostile and odd input (issue 12): every reproducer exits 0, 1 or 2 as documented, says what is wrong
in one line, and never prints a traceback or reads a crash as "findings".

Each case is a row: the files to write, the command line, the exit code, and what stdout and stderr
must (and must not) contain. Cases that need a real process (stdout's encoding, FIFOs, signals, other
users) run `python -m linter` with a generous timeout that only guards against hanging forever.
"""
from __future__ import annotations

import json
import os
import pickle
import signal
import stat
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from linter.cli import main

ROOT = Path(__file__).resolve().parent.parent
FRONT = "---\ndate: 2024-03-01\n---\n"
CLIP = FRONT + "Die Clips von Sora sind bis zu zwei Minuten lang.\n"       # one error
CLEAN = FRONT + "Sora wurde im Februar 2024 vorgestellt.\n"
# relative dates that reach past year 9999 or before year 1 from the extreme draft dates
RELATIVE = ("Im Januar kommt Sora. Letzte Woche regnete es, nächstes Jahr im Dezember auch. Heute vor einem Jahr "
            "schneite es, am Montag nicht, und vor drei Jahren im Sommer. Sora erzeugt Clips von bis zu einer Minute.\n")
ROLE = "Der OpenAI-Finanzchef Sam Altman warb in Hollywood für Sora.\n"   # a state fact without `until`
NEVER = ("Traceback", "internal error")
TIMEOUT = 120       # only so that a hang fails instead of blocking the suite


@dataclass
class Case:
    files: dict                     # relative path -> text (str) or bytes
    argv: list                      # after "check"; "{dir}" is the case's directory
    code: int
    out: tuple = ()                 # substrings of stdout
    err: tuple = ()                 # substrings of stderr
    not_out: tuple = ()
    extra: dict = field(default_factory=dict)


CASES = {
    # -- dates beyond the calendar ----------------------------------------------------------------
    "front-matter-date-9999": Case({"d.md": "---\ndate: 9999-12-31\n---\n" + RELATIVE}, ["d.md"], 0),
    "front-matter-date-0001": Case({"d.md": "---\ndate: 0001-01-01\n---\n" + RELATIVE}, ["d.md"], 0),
    "cli-date-9999": Case({"d.md": RELATIVE}, ["--date", "9999-12-31", "d.md"], 0),
    "cli-date-0001": Case({"d.md": RELATIVE}, ["--date", "0001-01-01", "d.md"], 0),
    "fact-window-3000000": Case({"d.md": FRONT + ROLE}, ["--fact-window", "3000000", "d.md"], 1,
                                out=("[role.sam-altman]",)),
    "fact-window-beyond-timedelta": Case({"d.md": FRONT + ROLE}, ["--fact-window", "99999999999", "d.md"], 1),
    "fact-window-negative": Case({"d.md": CLEAN}, ["--fact-window", "-5", "d.md"], 2,
                                 err=("--fact-window: must be a whole number of days (0 or more)",)),
    "fact-window-not-a-number": Case({"d.md": CLEAN}, ["--fact-window", "x", "d.md"], 2, err=("--fact-window",)),
    # -- configuration ----------------------------------------------------------------------------
    "exclude-backwards-range": Case({".factlint.yaml": "exclude: ['[z-a]']\n", "d.md": CLEAN}, ["d.md"], 2,
                                    err=('.factlint.yaml:1: exclude: "[z-a]" is not a valid pattern',)),
    "toml-error-names-file-and-line": Case({"pyproject.toml": "[tool.factlint]\nfail_on = warn ing\n", "d.md": CLEAN},
                                           ["d.md"], 2, err=("pyproject.toml:2:11: invalid TOML",)),
    "latin1-pyproject": Case({"pyproject.toml": b"# J\xfcrgen\n[tool.factlint]\nfail_on = 'info'\n", "d.md": CLEAN},
                             ["d.md"], 2, err=("pyproject.toml:1: not valid UTF-8 (byte 3)",)),
    "duplicate-config-key": Case({".factlint.yaml": "fail_on: error\nfail_on: info\n", "d.md": CLEAN}, ["d.md"], 2,
                                 err=(".factlint.yaml:2: key 'fail_on' is given twice in one mapping (first at line 1)",)),
    # -- what the parser does not read is reported, once ---------------------------------------------
    "deep-block-quote": Case({"d.md": FRONT + "> " * 25 + "Die Clips von Sora sind bis zu zwei Minuten lang.\n"},
                             ["d.md"], 0, out=("d.md:4:1: warning [factlint.too-deep]", "1 warning")),
    "deep-list": Case({"d.md": FRONT + "".join("  " * i + "- Sora\n" for i in range(12))
                       + "  " * 12 + "- Die Clips von Sora sind bis zu zwei Minuten lang.\n"},
                      ["d.md"], 0, out=("[factlint.too-deep]", "1 warning")),
    "quote-depth-19-is-read": Case({"d.md": FRONT + "> " * 19 + "Die Clips von Sora sind bis zu zwei Minuten lang.\n"},
                                   ["d.md"], 0, out=("info [sora.clip.max-length]",), not_out=("too-deep",)),
    # -- --fix and --diff ---------------------------------------------------------------------------
    "fix-through-markup-is-not-claimed": Case(
        {"d.md": "Open **AI** hat Sora im Februar 2024 vorgestellt.\n"}, ["--fix", "d.md"], 1,
        out=("[name.openai]", "keine automatische Korrektur"), extra={"unchanged": "d.md", "err_lacks": "fixed"}),
    "diff-reports-unfixable-findings": Case(
        {"d.md": CLIP + "Sam Altmann zeigte Sora.\n"}, ["--diff", "d.md"], 1,
        out=("-Sam Altmann zeigte Sora.", "+Sam Altman zeigte Sora."), err=("[sora.clip.max-length]",),
        not_out=("[sora.clip.max-length]",), extra={"unchanged": "d.md"}),
    "close-spelling-carries-its-fix": Case(
        {"d.md": FRONT + "Mira Muratti sprach über Sora.\n"}, ["--format", "json", "d.md"], 0,
        out=('"replacement": "Mira Murati"',)),
    "close-spelling-is-fixed": Case(
        {"d.md": FRONT + "Mira Muratti sprach über Sora.\n"}, ["--fix", "d.md"], 0,
        err=('fixed "Mira Muratti" -> "Mira Murati"',), extra={"becomes": ("d.md", "Mira Murati sprach")}),
}


def _write(directory: Path, files: dict) -> None:
    for name, content in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_reproducer(case, tmp_path, monkeypatch, capsys):
    _write(tmp_path, case.files)
    before = {name: (tmp_path / name).read_bytes() for name in case.files}
    monkeypatch.chdir(tmp_path)
    try:
        code = main(["check", *case.argv])
    except SystemExit as exc:   # argparse's usage errors
        code = exc.code
    out, err = capsys.readouterr()
    assert code == case.code, (out, err)
    assert all(s in out for s in case.out), out
    assert all(s in err for s in case.err), err
    assert not any(s in out for s in case.not_out), out
    assert not any(s in err for s in NEVER), err
    if "unchanged" in case.extra:
        assert (tmp_path / case.extra["unchanged"]).read_bytes() == before[case.extra["unchanged"]]
    if "err_lacks" in case.extra:
        assert case.extra["err_lacks"] not in err
    if "becomes" in case.extra:
        name, text = case.extra["becomes"]
        assert text in (tmp_path / name).read_text(encoding="utf-8")


# -- one bug in one draft: one line, exit 2, the other drafts still linted ---------------------------

def test_internal_error_is_one_line_exit_2_and_the_rest_is_linted(tmp_path, monkeypatch, capsys):
    import linter.engine
    _write(tmp_path, {"a.md": CLIP, "b.md": CLIP, "c.md": CLIP})
    real = linter.engine.lint_document

    def broken(doc, *args, **kwargs):
        if doc.path.endswith("b.md"):
            raise ZeroDivisionError("a bug")
        return real(doc, *args, **kwargs)
    monkeypatch.setattr(linter.engine, "lint_document", broken)
    code = main(["check", "--jobs", "1", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2 and "Traceback" not in err
    assert err.splitlines() == [f"factlint: {tmp_path / 'b.md'}: internal error (ZeroDivisionError: a bug); "
                                "please report it (--debug shows the traceback); skipped"]
    assert out.count("[sora.clip.max-length]") == 2
    code = main(["check", "--jobs", "1", "--debug", str(tmp_path)])
    assert code == 2 and "Traceback" in capsys.readouterr().err


# -- the walk: what it cannot read is reported once --------------------------------------------------

def test_walk_reports_fifos_links_in_a_loop_and_unreadable_directories(tmp_path, monkeypatch, capsys):
    _write(tmp_path, {"a.md": CLIP, "sub/b.md": CLIP, "locked/c.md": CLIP})
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    (tmp_path / "self.md").symlink_to(tmp_path / "self.md")
    real_scandir = os.scandir

    def scandir(path):  # as for a directory without read permission (root may read any)
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)
    monkeypatch.setattr(os, "scandir", scandir)
    code = main(["check", "--jobs", "1", str(tmp_path)])
    out, err = capsys.readouterr()
    assert code == 2 and out.count("[sora.clip.max-length]") == 2
    assert sorted(err.splitlines()) == sorted([
        f"factlint: {tmp_path / 'locked'}: cannot read directory: Permission denied; skipped",
        f"factlint: {tmp_path / 'pipe.md'}: not a regular file (a FIFO, socket or device); skipped",
        f"factlint: {tmp_path / 'self.md'}: symbolic link loop; skipped",
        f"factlint: {tmp_path / 'sub' / 'up'}: symbolic link loop (a link to a directory above it); skipped",
    ])


def _factlint(*argv, cwd=None, timeout=TIMEOUT, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONIOENCODING", None)
    return subprocess.run([sys.executable, "-m", "linter", "check", "--no-config", *argv], cwd=cwd, env=env,
                          capture_output=True, timeout=timeout, **kwargs)


def test_a_fifo_named_explicitly_is_read(tmp_path):
    fifo = tmp_path / "draft.md"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text(CLIP, encoding="utf-8"))
    writer.start()
    proc = _factlint(str(fifo))
    writer.join(timeout=TIMEOUT)
    assert proc.returncode == 1 and b"[sora.clip.max-length]" in proc.stdout, proc.stderr


def test_dev_stdin_named_explicitly_is_read():
    proc = _factlint("/dev/stdin", input=CLIP.encode())
    assert proc.returncode == 1 and b"/dev/stdin:4:" in proc.stdout, proc.stderr


# -- file names and draft text that no terminal or UTF-8 output can take raw ----------------------------

BAD_NAME = os.fsdecode(b"caf\xe9.md")
ESC_NAME = "evil\x1b]0;pwned\x07\x1b[2J.md"


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github", "gitlab"])
@pytest.mark.parametrize("name", [BAD_NAME, ESC_NAME], ids=["latin1-name", "escape-name"])
def test_odd_file_names_in_every_format(tmp_path, fmt, name):
    (tmp_path / name).write_text(CLIP, encoding="utf-8")
    proc = _factlint("--format", fmt, name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("utf-8")             # valid UTF-8
    assert "\x1b" not in out and "\x07" not in out
    assert "Traceback" not in proc.stderr.decode("utf-8", "replace")
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)
    shown = "caf\\xe9.md" if name == BAD_NAME else "evil\\x1b]0;pwned\\x07\\x1b[2J.md"
    if fmt in ("text", "github"):
        assert shown in out


def test_control_characters_in_messages_are_escaped():
    from linter.findings import Finding, Severity
    from linter.formatters import Report, format_github, format_text
    finding = Finding("d.md", 1, 1, 1, 5, "r", Severity.ERROR, 'x "\x1b[2J\x9b31m" y', "\x1b[2J", "", "")
    for text in (format_text(Report((finding,), 1)), format_github(Report((finding,), 1))):
        assert "\x1b" not in text and "\x9b" not in text and "\\x1b[2J" in text


# -- --fix writes faithfully, or refuses with a message -------------------------------------------------

MISSPELT = "Sam Altmann zeigte Sora.\n"
FIXED = "Sam Altman zeigte Sora.\n"


def test_fix_follows_a_symlink_and_keeps_it(tmp_path):
    (tmp_path / "real.md").write_text(MISSPELT, encoding="utf-8")
    (tmp_path / "link.md").symlink_to("real.md")
    assert main(["check", "--no-config", "--fix", str(tmp_path / "link.md")]) == 0
    assert (tmp_path / "link.md").is_symlink() and (tmp_path / "real.md").read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


def test_fix_refuses_a_hard_linked_file(tmp_path, capsys):
    (tmp_path / "a.md").write_text(MISSPELT, encoding="utf-8")
    os.link(tmp_path / "a.md", tmp_path / "b.md")
    assert main(["check", "--no-config", "--fix", str(tmp_path / "a.md")]) == 2
    err = capsys.readouterr().err
    assert "2 hard links" in err and "not changed" in err and "fixed" not in err
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == MISSPELT and os.stat(tmp_path / "b.md").st_nlink == 2


def test_fix_removes_stale_temporary_files(tmp_path):
    (tmp_path / "d.md").write_text(MISSPELT, encoding="utf-8")
    (tmp_path / ".d.md.k3j_x9a2.factlint").write_text("half", encoding="utf-8")
    (tmp_path / ".other.md.k3j_x9a2.factlint").write_text("not ours to judge", encoding="utf-8")
    assert main(["check", "--no-config", "--fix", str(tmp_path / "d.md")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [".other.md.k3j_x9a2.factlint", "d.md"]


def test_fix_keeps_owner_and_group(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("needs root to give a file to another user")
    path = tmp_path / "d.md"
    path.write_text(MISSPELT, encoding="utf-8")
    os.chown(path, 65534, 65534)
    assert main(["check", "--no-config", "--fix", str(path)]) == 0
    assert path.read_text(encoding="utf-8") == FIXED and (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)


@pytest.mark.parametrize("denied, message", [
    ("d.md", "read-only"),              # its mode says writable, but not for this user
    ("", "is not writable"),            # the directory, where the temporary file would go
], ids=["file-this-user-may-not-write", "unwritable-directory"])
def test_fix_asks_the_system_whether_this_user_may_write(tmp_path, monkeypatch, capsys, denied, message):
    """Root may write anything, so the refusal is shown by what os.access answers for another user."""
    path = tmp_path / "d.md"
    path.write_text(MISSPELT, encoding="utf-8")
    os.chmod(path, 0o666)
    real_access = os.access
    target = tmp_path / denied if denied else tmp_path
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == target else real_access(p, mode, **kw))
    code = main(["check", "--no-config", "--fix", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "Traceback" not in err and "fixed" not in err, err
    assert path.read_text(encoding="utf-8") == MISSPELT and [p.name for p in tmp_path.iterdir()] == ["d.md"]


def test_sigkill_during_fix_leaves_no_torn_file_and_no_temporary(tmp_path):
    """Runs killed with SIGKILL the moment their temporary file appears, mid-write (300 such runs were
    made by hand, see CHANGELOG): the draft is always the old or the new text, and the next run
    removes what the killed ones left."""
    path = tmp_path / "d.md"
    body = "".join(f"Absatz {i}: Sam Altmann zeigte Sora.\n\n" for i in range(300))
    fixed = body.replace("Altmann", "Altman")
    command = [sys.executable, "-m", "linter", "check", "--no-config", "--fix", str(path)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    killed_mid_write = 0
    for _ in range(12):
        path.write_text(body, encoding="utf-8")
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        while proc.poll() is None:
            if any(p.name.endswith(".factlint") for p in tmp_path.iterdir()):
                proc.kill()
                killed_mid_write += 1
                break
        proc.wait(timeout=TIMEOUT)
        assert path.read_text(encoding="utf-8") in (body, fixed)
    assert killed_mid_write, "no run was caught with its temporary file: the test proved nothing"
    subprocess.run(command, capture_output=True, env=env, timeout=TIMEOUT)
    assert path.read_text(encoding="utf-8") == fixed
    assert [p.name for p in tmp_path.iterdir()] == ["d.md"]


# -- Ctrl-C in a terminal: the whole process group gets SIGINT ------------------------------------------

def test_ctrl_c_during_parallel_run(tmp_path):
    """SIGINT to the process group once the report has begun (a Ctrl-C during the interpreter's own
    start-up is Python's to handle, not ours)."""
    for index in range(200):
        (tmp_path / f"d{index:03}.md").write_text(CLIP * 20, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for delay in (0.0, 0.2, 0.5):
        proc = subprocess.Popen([sys.executable, "-m", "linter", "check", "--no-config", "--jobs", "2",
                                 "--format", "json", str(tmp_path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, start_new_session=True)
        first = proc.stdout.readline()          # the first draft is reported: the workers are running
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGINT)
        out, err = proc.communicate(timeout=TIMEOUT)
        left = subprocess.run(["ps", "-o", "pid=", "-g", str(proc.pid)], capture_output=True, text=True).stdout
        assert "Traceback" not in err.decode() and not left.split(), err
        if proc.returncode == 130:
            assert err.decode().strip().splitlines()[-1] == "factlint: interrupted; the report is incomplete"
        else:           # done before the interrupt: a whole report
            assert proc.returncode == 1 and json.loads(first + out)


# -- the pack cache runs no code that another user planted ------------------------------------------------

class _Planted:
    def __reduce__(self):
        return (open, (str(Path(tempfile.gettempdir()) / "factlint-planted-ran"), "w"))


@pytest.mark.parametrize("planted, mode", [
    (pickle.dumps(_Planted()), 0o777),          # a directory others may write: not read at all
    (pickle.dumps({"not": "a rule pack"}), 0o700),   # ours, but the wrong type: rebuilt, no traceback
], ids=["world-writable-cache", "wrong-type"])
def test_pack_cache_is_trusted_only_when_private(tmp_path, monkeypatch, capsys, planted, mode):
    from linter.resources import default_rules_dir, default_seeds_dir
    from linter.rulebook import pack_key
    marker = Path(tempfile.gettempdir()) / "factlint-planted-ran"
    marker.unlink(missing_ok=True)
    cache = tmp_path / "cache"
    cache.mkdir()
    os.chmod(cache, mode)
    entry = cache / f"pack-{pack_key([default_rules_dir()], (default_seeds_dir(),))}.pickle"
    entry.write_bytes(planted)
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(cache))
    (tmp_path / "d.md").write_text(CLIP, encoding="utf-8")
    code = main(["check", "--no-config", str(tmp_path / "d.md")])
    out, err = capsys.readouterr()
    assert code == 1 and "[sora.clip.max-length]" in out and err == ""
    assert not marker.exists()
    assert stat.S_IMODE(cache.stat().st_mode) == mode
