"""The installed package finds its default rules and sources without a checkout.

Builds a wheel, installs it into a fresh virtualenv outside the repository and lints a draft there;
an editable install is checked the same way. Needs the package registry (pip) like the README does.
"""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DRAFT = "---\ndate: 2024-03-01\n---\n# Sora\n\nDie Clips von Sora sind bis zu zwei Minuten lang.\n"


def _run(*cmd, cwd=None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def _venv(path: Path) -> Path:
    assert _run(sys.executable, "-m", "venv", path).returncode == 0
    return path / "bin"


def _lint_outside(bin_dir: Path, workdir: Path) -> None:
    (workdir / "draft.md").write_text(DRAFT, encoding="utf-8")
    checked = _run(bin_dir / "factlint", "rules", "check", cwd=workdir)
    assert checked.returncode == 0, checked.stderr
    linted = _run(bin_dir / "factlint", "check", "draft.md", cwd=workdir)
    assert linted.returncode == 1, linted.stderr
    assert "draft.md:6:25: error [sora.clip.max-length]" in linted.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", out, ROOT)
    assert built.returncode == 0, built.stderr
    return next(out.glob("factlint-*.whl"))


def test_wheel_carries_rules_and_seeds(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "linter/_pack/rules/subjects.yaml" in names
    assert sum(n.startswith("linter/_pack/seeds/") and n.endswith(".txt") for n in names) == 5


def test_installed_wheel_lints_outside_the_checkout(wheel, tmp_path):
    bin_dir = _venv(tmp_path / "venv")
    installed = _run(bin_dir / "pip", "install", "-q", wheel)
    assert installed.returncode == 0, installed.stderr
    (tmp_path / "work").mkdir()
    _lint_outside(bin_dir, tmp_path / "work")


def test_editable_install_finds_the_checkout_rules(tmp_path):
    bin_dir = _venv(tmp_path / "venv")
    installed = _run(bin_dir / "pip", "install", "-q", "-e", ROOT)
    assert installed.returncode == 0, installed.stderr
    (tmp_path / "work").mkdir()
    _lint_outside(bin_dir, tmp_path / "work")
