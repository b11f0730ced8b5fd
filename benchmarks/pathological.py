#!/usr/bin/env python3
"""Measure factlint on hostile drafts, as ratios to markdown-it-py parsing the same file.

    python benchmarks/pathological.py            # every case (~2 min; the 10 MB draft is most of it)
    python benchmarks/pathological.py --quick    # without the 10 MB draft
    python benchmarks/pathological.py --json     # the figures as JSON

The cases are the inputs that once hung or blew up (issue 12): a long run without spaces after a
date, floods of NUL bytes, full stops, brackets, entities, backticks, quotation marks or zero-width
joiners, one paragraph of 200 KB, a 1 MB table, and an ordinary draft of 1 MB and of 10 MB. Each case
runs in a process of its own, which parses the file with markdown-it-py alone (the floor) and then
reads and lints it with the default pack, by CPU time (other load on the machine does not inflate it;
files under 1 MB are timed five times and the least time of each side counts).

The targets:

* time: factlint / markdown-it-py on the same file <= 20 for every case;
* size: the 10 MB draft takes <= 12 x the time of the 1 MB draft (linear, with some slack);
* memory: what linting adds to the process's peak RSS <= 10 x the file's size (measured on the
  cases of 1 MB and more; on smaller files the interpreter's own memory is all one sees). Beside it,
  what markdown-it-py alone adds parsing the file, in a process of its own: its token list is the
  largest part of the peak.

The timings are judged here, never in the test suite (tests/test_pathological.py checks behaviour).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

import generate  # noqa: E402  (benchmarks/generate.py)

TARGETS = {"time_ratio": 20.0, "size_ratio": 12.0, "memory_ratio": 10.0}
MB = 1_000_000
MEMORY_FROM_BYTES = MB  # below this the interpreter's own memory hides what linting adds
# Files below a megabyte are timed this many times, and the least CPU time of each side counts: one
# markdown-it-py parse of them takes a millisecond or less, where one slow run moved the ratio by half.
REPEATS_BELOW_MB = 5


def _repeat(unit: str, size: int) -> str:
    """`unit` repeated up to `size` characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _backtick_runs(size: int) -> str:
    """Runs of 1, 2, 3, ... backticks separated by spaces: every opener has no closer of its length."""
    parts, total, n = [], 0, 1
    while total < size:
        parts.append("`" * n + " ")
        total += n + 1
        n += 1
    return "".join(parts)


def _table(size: int) -> str:
    """A table of claims, one row per line."""
    row = "| Sora erzeugt Clips von 60 Sekunden | OpenAI, Februar 2024 |\n"
    return "| Modell | Quelle |\n|---|---|\n" + _repeat(row, size)


def _drafts(size: int) -> str:
    """Ordinary drafts of the benchmark corpus, concatenated (front matter kept only for the first)."""
    parts, total, index = [], 0, 0
    while total < size:
        text = generate.draft(generate.DEFAULT_SEED, index)[1].replace("\r\n", "\n")
        if index:
            text = text.split("\n---\n", 1)[-1]
        parts.append(text)
        total += len(text.encode())
        index += 1
    return "\n\n".join(parts)


def _one_paragraph(size: int) -> str:
    """The prose of ordinary drafts as one paragraph: single line breaks, no blank line."""
    lines = [line for line in _drafts(size * 2).split("\n")
             if line.strip() and line[0].isalpha() and not line.startswith(("title:", "date:", "lang:"))]
    return "\n".join(lines)[:size]


# name -> (file suffix, text); sizes as in the reproducers, or larger
CASES = {
    "run-after-date": (".md", lambda: "Sora wurde im Februar 2024 vorgestellt " + "x" * 40_000),
    "nul-bytes": (".md", lambda: "\0" * MB),
    "full-stops": (".md", lambda: "Hinweis: " + "." * 100_000),
    "one-paragraph": (".txt", lambda: _one_paragraph(200_000)),
    "brackets": (".md", lambda: "[" * 40_000),
    "bracket-letters": (".md", lambda: "[a" * 20_000),
    "single-guillemets": (".md", lambda: "\u2039" * 40_000),
    "ampersands": (".md", lambda: "&" * 40_000),
    "backtick-runs": (".md", lambda: _backtick_runs(40_000)),
    "low-quotes": (".md", lambda: "\u201e" * 40_000),
    "zero-width-joiners": (".md", lambda: "\u200d" * 40_000),
    "table-1mb": (".md", lambda: _table(MB)),
    "draft-1mb": (".md", lambda: _drafts(MB)),
    "draft-10mb": (".md", lambda: _drafts(10 * MB)),
}
QUICK_SKIP = {"draft-10mb"}
WARM_UP_DRAFTS = 20


def _maxrss_bytes() -> int:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return usage if sys.platform == "darwin" else usage * 1024


def worker(path: str) -> dict:
    """In one fresh process: factlint, then markdown-it-py alone, on one file (CPU seconds, peak RSS)."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    from linter.engine import lint_document
    from linter.resources import default_rules_dir, default_seeds_dir
    from linter.rulebook import load_pack
    from linter.segments import read_document

    rulebook = load_pack([default_rules_dir()], (default_seeds_dir(),))
    # ordinary drafts first: what any first lint of a process sets up (the pack's lazily compiled
    # patterns) is no part of what a draft's size costs; one draft left some 60 patterns to compile
    for index in range(WARM_UP_DRAFTS):
        lint_document(read_document("warm-up.md", generate.draft(generate.DEFAULT_SEED, index)[1].encode()), rulebook)
    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    parser.parse("warm-up")
    data = Path(path).read_bytes()
    repeats = REPEATS_BELOW_MB if len(data) < MB else 1
    before = _maxrss_bytes()
    seconds = []
    for _ in range(repeats):
        start = time.process_time()
        findings = lint_document(read_document(path, data), rulebook)
        seconds.append(time.process_time() - start)
    added = max(_maxrss_bytes() - before, 0)
    floor = []
    for _ in range(repeats):
        start = time.process_time()
        parser.parse(data.decode("utf-8"))
        floor.append(time.process_time() - start)
    return {"bytes": len(data), "floor_cpu": min(floor), "factlint_cpu": min(seconds), "findings": len(findings),
            "rss_added": added}


def floor_worker(path: str) -> dict:
    """In one fresh process: what markdown-it-py alone adds to the peak RSS, parsing the file."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    parser.parse("warm-up")
    text = Path(path).read_bytes().decode("utf-8")
    before = _maxrss_bytes()
    parser.parse(text)
    return {"floor_rss_added": max(_maxrss_bytes() - before, 0)}


def _run_case(path: Path) -> dict:
    figures = {}
    for mode in ("--worker", "--floor-worker"):
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), mode, str(path)],
                              capture_output=True, text=True, cwd=REPO)
        if done.returncode != 0:
            raise RuntimeError(f"worker on {path.name} failed:\n{done.stderr}")
        figures.update(json.loads(done.stdout))
    return figures


def benchmark(names: list[str], quiet: bool = False) -> dict:
    """Every case's figures and the targets."""
    cases = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            suffix, make = CASES[name]
            path = Path(tmp) / (name + suffix)
            path.write_text(make(), encoding="utf-8")
            if not quiet:
                print(f"[pathological] {name} ({path.stat().st_size:,} bytes)", file=sys.stderr, flush=True)
            figures = _run_case(path)
            figures["time_ratio"] = figures["factlint_cpu"] / max(figures["floor_cpu"], 1e-3)
            if figures["bytes"] >= MEMORY_FROM_BYTES:
                figures["memory_ratio"] = figures["rss_added"] / figures["bytes"]
                figures["floor_memory_ratio"] = figures["floor_rss_added"] / figures["bytes"]
            cases[name] = figures
    result = {"cases": cases, "targets": TARGETS,
              "worst_time_ratio": max(c["time_ratio"] for c in cases.values()),
              "worst_memory_ratio": max((c["memory_ratio"] for c in cases.values() if "memory_ratio" in c), default=None)}
    if "draft-1mb" in cases and "draft-10mb" in cases:
        result["size_ratio"] = cases["draft-10mb"]["factlint_cpu"] / cases["draft-1mb"]["factlint_cpu"]
    return result


def render(result: dict) -> str:
    row = "{:<22}{:>12}{:>13}{:>14}{:>9}{:>10}{:>10}{:>14}"
    lines = [row.format("case", "bytes", "markdown-it", "factlint CPU", "ratio", "findings", "RSS/size",
                        "markdown-it's")]
    for name, c in result["cases"].items():
        memory = f"{c['memory_ratio']:.1f}" if "memory_ratio" in c else "-"
        floor_memory = f"{c['floor_memory_ratio']:.1f}" if "floor_memory_ratio" in c else "-"
        lines.append(row.format(name, f"{c['bytes']:,}", f"{c['floor_cpu']:.3f} s", f"{c['factlint_cpu']:.3f} s",
                                f"{c['time_ratio']:.1f}", c["findings"], memory, floor_memory))
    t = result["targets"]
    lines.append("")
    lines.append(_verdict("worst time ratio to markdown-it-py", result["worst_time_ratio"], t["time_ratio"]))
    if "size_ratio" in result:
        lines.append(_verdict("10 MB draft / 1 MB draft", result["size_ratio"], t["size_ratio"]))
    if result["worst_memory_ratio"] is not None:
        lines.append(_verdict("peak memory added / file size", result["worst_memory_ratio"], t["memory_ratio"]))
    return "\n".join(lines) + "\n"


def _verdict(label: str, value: float, target: float) -> str:
    return f"{label:<36}{value:>8.2f}  target <= {target:g}  {'ok' if value <= target else 'FAIL'}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="factlint on hostile drafts, as ratios to markdown-it-py.")
    parser.add_argument("--quick", action="store_true", help="leave out the 10 MB draft")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="only this case (repeatable)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--floor-worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker or args.floor_worker:
        print(json.dumps(worker(args.worker) if args.worker else floor_worker(args.floor_worker)))
        return 0
    names = args.case or [name for name in CASES if not (args.quick and name in QUICK_SKIP)]
    result = benchmark(names, quiet=args.json)
    sys.stdout.write(json.dumps(result, indent=2) + "\n" if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
