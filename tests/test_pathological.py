"""Drafts that once hung or blew up the linter (issue 12, "Hangs and blow-ups"): each still gives its
findings, exit code and no traceback.

Each case runs `factlint check` in a process of its own. The timeout is only a safety net, so that a
regression fails instead of hanging the suite; it is no assertion about speed (benchmarks/pathological.py
measures that, as ratios to markdown-it-py).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_rulebook import GOOD_RULE, make_pack

SAFETY_TIMEOUT = 300  # seconds; the cases take well under one each
# a wrong claim (the clip length before Sora's launch) after each flood: it must still be found
CLAIM = "Die Clips von Sora sind bis zu zwei Minuten lang."
FRONT = "---\ndate: 2024-03-01\nlang: de\n---\n"


def _backtick_runs(count: int) -> str:
    return "".join("`" * n + " " for n in range(1, count))


def _table(rows: int) -> str:
    return ("| Modell | Angabe |\n|---|---|\n" + "| Runway | Clips von 10 Sekunden |\n" * rows
            + f"| Sora | {CLAIM} |\n")


def _one_paragraph(lines: int) -> str:
    return "\n".join(["Am 15. Februar 2024 stellte OpenAI Sora vor, sagte ein Sprecher von OpenAI."] * lines
                     + [CLAIM])


# name -> (file name, text, extra arguments, expected exit code, expected finding rules)
CASES = {
    "run-without-space-after-date": ("a.md", "Sora wurde im Februar 2024 vorgestellt " + "x" * 4000, [], 0, []),
    "run-of-slashes-and-letters": ("a.md", "a" * 3000 + "/" + "b" * 3000, [], 0, []),
    "run-without-space-before-a-claim": ("a.md", FRONT + "x" * 40_000 + " " + CLAIM, [], 1, ["sora.clip.max-length"]),
    "nul-bytes": ("a.md", "\0" * 40_000, [], 0, []),
    "full-stops": ("a.md", "Hinweis: " + "." * 10_000, [], 0, []),
    "one-paragraph-txt": ("a.txt", _one_paragraph(1500), ["--date", "2024-03-01"], 1, ["sora.clip.max-length"]),
    "brackets": ("a.md", FRONT + "[" * 40_000 + "\n\n" + CLAIM, [], 1, ["sora.clip.max-length"]),
    "bracket-letters": ("a.md", FRONT + "[a" * 20_000 + "\n\n" + CLAIM, [], 1, ["sora.clip.max-length"]),
    "single-guillemets": ("a.md", FRONT + "\u2039" * 40_000 + "\n\n" + CLAIM, [], 1, ["sora.clip.max-length"]),
    "ampersands": ("a.md", FRONT + "&" * 40_000 + "\n\n" + CLAIM, [], 1, ["sora.clip.max-length"]),
    "backtick-runs": ("a.md", FRONT + _backtick_runs(280) + "\n\n" + CLAIM, [], 1, ["sora.clip.max-length"]),
    "low-quotes": ("a.md", FRONT + "\u201e" * 40_000 + "\n\n" + CLAIM, [], 1, ["sora.clip.max-length"]),
    "zero-width-joiners": ("a.md", FRONT + "\u200d" * 40_000 + "\n\n" + CLAIM, [], 1, ["sora.clip.max-length"]),
    "long-table": ("a.md", FRONT + _table(5000), [], 1, ["sora.clip.max-length"]),
    "quotations-in-one-paragraph": ("a.md", FRONT + " ".join(["„Das ist erstaunlich“, sagte Altman."] * 2000)
                                    + "\n\n" + CLAIM, [], 1, ["sora.clip.max-length"]),
}


@pytest.mark.parametrize(("name", "text", "args", "code", "rules"), CASES.values(), ids=CASES.keys())
def test_hostile_draft(tmp_path: Path, name: str, text: str, args: list[str], code: int, rules: list[str]) -> None:
    draft = tmp_path / name
    draft.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "linter", "check", "--no-config", "--format", "json", *args,
                           str(draft)], capture_output=True, text=True, timeout=SAFETY_TIMEOUT, cwd=tmp_path)
    assert (done.returncode, done.stderr) == (code, "")
    findings = json.loads(done.stdout)["findings"]
    assert [f["rule"] for f in findings] == rules
    for finding in findings:
        assert finding["found"] == "bis zu zwei Minuten"


# a desk's pack with a pattern that backtracks exponentially on a run of "a" without an end
CATASTROPHIC_RULE = GOOD_RULE.replace("kind: quantity", "kind: status").replace(
    '    expected:\n      measure: duration\n      max: "60 s"\n',
    "    expected:\n      state: not released\n      contradicted_by:\n        de: ['(a|aa)+$']\n")


def test_catastrophic_pack_pattern_is_a_warning_not_a_hang(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, CATASTROPHIC_RULE)
    draft = tmp_path / "a.md"
    draft.write_text("Sora " + "a" * 60 + "!\n\nSora " + "a" * 60 + "?\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "linter", "check", "--no-config",
                           "--rules", str(pack), "--format", "json", str(draft)],
                          capture_output=True, text=True, timeout=SAFETY_TIMEOUT, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["findings"] == []
    warnings = [line for line in done.stderr.splitlines() if line.startswith("factlint: warning:")]
    assert len(warnings) == 1 and 'rule "sora.clip.max-length"' in warnings[0], done.stderr
    assert "Traceback" not in done.stderr
