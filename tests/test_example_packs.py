"""The packs in examples/packs/ are shipped as models for a desk's own pack: each must validate
(`factlint rules check`) and pass its own examples (`factlint rules test`), run as a user runs them."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKS = sorted(path for path in (REPO / "examples" / "packs").iterdir() if (path / "rules").is_dir())


def factlint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run the command line in a subprocess (the timeout only keeps a hang from stalling the suite)."""
    return subprocess.run([sys.executable, "-m", "linter", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


def test_there_is_an_example_pack():
    assert [pack.name for pack in PACKS] == ["windpark"]


@pytest.mark.parametrize("pack", PACKS, ids=[pack.name for pack in PACKS])
def test_example_pack_validates(pack: Path, tmp_path: Path):
    result = factlint("rules", "check", "--no-config", "--rules", str(pack / "rules"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert ": ok" in result.stdout


@pytest.mark.parametrize("pack", PACKS, ids=[pack.name for pack in PACKS])
def test_example_pack_passes_its_examples(pack: Path, tmp_path: Path):
    result = factlint("rules", "test", "--no-config", "--rules", str(pack / "rules"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 failed" in result.stdout, result.stdout


@pytest.mark.parametrize("pack", PACKS, ids=[pack.name for pack in PACKS])
def test_the_pack_directory_itself_stands_for_its_rules(pack: Path, tmp_path: Path):
    """`--rules examples/packs/windpark` (rules/ and seeds/ inside) lints as `--rules …/windpark/rules`."""
    draft = tmp_path / "draft.md"
    draft.write_text("# Seeadler Nord\n\nSeeadler Nord besteht aus 46 Windenergieanlagen.\n", encoding="utf-8")
    by_root = factlint("check", "--no-config", "--format", "json", "--rules", str(pack), str(draft), cwd=tmp_path)
    by_rules = factlint("check", "--no-config", "--format", "json", "--rules", str(pack / "rules"), str(draft), cwd=tmp_path)
    assert by_root.returncode == 1, by_root.stderr      # the draft holds a wrong count
    assert (by_root.returncode, by_root.stdout) == (by_rules.returncode, by_rules.stdout)


def test_a_directory_without_rules_is_still_an_error(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    result = factlint("rules", "check", "--no-config", "--rules", str(tmp_path / "empty"), cwd=tmp_path)
    assert result.returncode == 2 and "no rule files (*.yaml) in this directory" in result.stderr
