"""The speed benchmark (benchmarks/run.py) at a small size, with the targets of the "Speed" issue.

Each target is asserted with a generous margin, since CI machines are noisy. Ratios are taken from CPU
times, which other load on the machine does not inflate. Targets that fail by a wide margin today are
expected failures (not strict): they turn into XPASS once the optimisation lands, and then their
marks should go.

Figures of the run are printed (`pytest -s tests/test_benchmark.py`).
"""
from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

import generate  # noqa: E402
import run  # noqa: E402

DRAFTS, FACTS, LARGE_FACTS = 60, 200, 2000
MARGIN = 0.5          # a ratio target T is asserted as T * MARGIN (a ceiling T as T / MARGIN)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("bench")


@pytest.fixture(scope="module")
def result(workdir) -> dict:
    figures = run.benchmark(DRAFTS, FACTS, workdir=workdir, synthetic_budget=4.0, startup_runs=5)
    print("\n" + run.render(figures))
    return figures


def test_generated_pack_is_a_valid_rule_pack(workdir):
    _, rules = run.prepare(workdir, DRAFTS, FACTS)
    done = subprocess.run([sys.executable, "-m", "linter", "rules", "check", "--rules", str(rules)],
                          capture_output=True, text=True, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert f"{FACTS} rules" in done.stdout


def test_generated_drafts_have_front_matter_and_size(workdir):
    corpus, _ = run.prepare(workdir, DRAFTS, FACTS)
    files = sorted(corpus.rglob("*.md"))
    assert len(files) == DRAFTS
    langs = set()
    for path in files:
        text = path.read_text(encoding="utf-8").replace("\r\n", "\n")
        assert generate.DRAFT_MIN_BYTES <= path.stat().st_size <= generate.DRAFT_MAX_BYTES, path
        assert text.startswith("---\ntitle: ") and "\ndate: " in text
        langs.add(text.split("\nlang: ", 1)[1][:2])
    assert langs == {"de", "en"}


def test_generation_is_deterministic(tmp_path):
    for name in ("a", "b"):
        generate.generate_drafts(20, tmp_path / name / "drafts", seed=7)
        generate.generate_pack(150, tmp_path / name / "pack", seed=7)
    for sub in ("drafts", "pack/rules", "pack/seeds"):
        left, right = sorted((tmp_path / "a" / sub).rglob("*")), sorted((tmp_path / "b" / sub).rglob("*"))
        assert [p.relative_to(tmp_path / "a") for p in left] == [p.relative_to(tmp_path / "b") for p in right]
        for one, other in zip(left, right):
            assert one.is_dir() or filecmp.cmp(one, other, shallow=False), one
    # a bigger corpus starts with the smaller one, and another seed gives another corpus
    assert generate.draft(7, 3) == generate.draft(7, 3) and generate.draft(7, 3) != generate.draft(8, 3)


@pytest.mark.xfail(strict=False, reason="target (a): factlint runs at 0.08x the speed of markdown-it-py alone in one "
                                        "process, 0.15x as `factlint check` on 2 CPUs (2,000 drafts; needs >= 0.5)")
def test_throughput_against_markdown_it(result):
    ratio = result["ratios"]["a_throughput_vs_markdown_it"]["value"]
    assert ratio >= run.TARGETS["a"] * MARGIN, f"factlint / markdown-it throughput {ratio:.3f}"


# (a) as measured at commit bc65b6c (0.085 on 2,000 drafts, 0.084 on this small corpus): while the target
# is out of reach, a fall below this floor by more than the margin is a regression
A_MEASURED = 0.085


def test_throughput_does_not_fall_below_the_last_measurement(result):
    ratio = result["ratios"]["a_throughput_vs_markdown_it"]["value"]
    assert ratio >= A_MEASURED * MARGIN, f"factlint / markdown-it throughput {ratio:.3f}, was {A_MEASURED}"


def test_throughput_with_a_small_synthetic_pack(result):
    ratio = result["ratios"]["b_large_pack_vs_default"]["value"]
    assert ratio >= run.TARGETS["b"] * MARGIN, f"{FACTS}-fact pack / default pack throughput {ratio:.3f}"


def test_throughput_with_a_2000_fact_pack(workdir):
    corpus, rules = run.prepare(workdir, DRAFTS, LARGE_FACTS)
    files = [str(p) for p in sorted(corpus.rglob("*.md"), key=run._draft_index)]
    figures = run.measure_pack_size(files, rules, budget=4.0)
    ratio = figures["with_synthetic"]["cpu_files_per_s"] / figures["default"]["cpu_files_per_s"]
    print(f"\n(b) {LARGE_FACTS}-fact pack / default pack on {figures['files']} files: {ratio:.3f}")
    assert ratio >= run.TARGETS["b"] * MARGIN, f"{LARGE_FACTS}-fact pack / default pack throughput {ratio:.3f}"


def test_startup(result):
    ratio = result["ratios"]["c_startup"]["value"]
    assert ratio <= 1 / MARGIN, f"start-up is {ratio:.2f} x its budget"


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="--jobs 2 needs two CPUs to be faster")
def test_jobs_speed_up(result):
    jobs = result["jobs"]
    assert jobs["implemented"], "factlint check has no --jobs option"
    assert jobs["same_output"], "--jobs 2 must give the same output, in the same order, as --jobs 1"
    speedup = jobs["jobs1_s"] / jobs["jobs2_s"]
    assert speedup >= 1 + (run.TARGETS["d"] - 1) * MARGIN, f"--jobs 2 is {speedup:.2f}x --jobs 1"


def test_memory_does_not_grow_with_files(result):
    # 15 vs 60 files only catches gross growth (holding every parsed draft, say); the full run's
    # N/4 vs N figure is the one to watch
    growth = result["ratios"]["e_memory_growth"]["value"]
    assert growth <= 1.5, f"peak RSS grows {growth:.2f}x from N/4 to N files"


def test_json_output_is_complete(result):
    assert set(result["ratios"]) == {"a_throughput_vs_markdown_it", "a_check_vs_markdown_it", "b_large_pack_vs_default", "c_startup",
                                     "d_jobs_speedup", "e_memory_growth"}
    json.dumps(result)
