#!/usr/bin/env python3
"""Measure factlint's speed and memory on a generated corpus, and check the targets of the "Speed" issue.

    python benchmarks/run.py                       # 2,000 drafts, a 2,000-fact synthetic pack (~6 min)
    python benchmarks/run.py --quick               # 60 drafts, a 200-fact pack: for CI (~30 s)
    python benchmarks/run.py --json                # the same figures as JSON on stdout
    python benchmarks/run.py --workdir /tmp/fb     # keep the generated corpus and pack there, and reuse them
    python benchmarks/run.py --profile             # add cProfile summaries of linting

Every measurement runs in a fresh Python process of its own, so that peak memory (ru_maxrss) and
caches do not mix between measurements. What is measured, on one generated corpus
(benchmarks/generate.py):

* the floor: markdown-it-py alone (CommonMark + tables + front matter) reading and parsing every file;
* factlint in-process, stage by stage, calling the stage functions separately: read (bytes), parse
  (`read_document`), extract (`read_sentences` + each sentence's quantities, dates and name
  candidates, for every sentence), lint (`lint_document`, which extracts again, as far as its facts
  need; evaluate = lint - extract, a lower bound where the engine skips extraction) and report (the
  text and JSON formatters); the engine's throughput is read + parse + lint + text report;
* `factlint check DIR` as a whole process (`python -m linter`, the same code as the console script),
  with its default options (with `--jobs`, that is one process per CPU).

The targets:

(a) engine throughput / markdown-it throughput >= 0.5 (single process); also shown: `factlint check DIR`
    with its defaults (one process per CPU) / markdown-it in one process, by the wall clock; and that
    ratio against the same ratio of the saved run at bc65b6c (results/full-2000x2000-bc65b6c.json),
    which issue 10 asks to keep (>= 1);
(b) throughput with the default pack plus an N-fact synthetic pack / with the default pack alone
    >= 0.5, on the same files: the synthetic pack is loaded beside the default pack (`--rules rules
    --rules PACK`), as a desk's pack grows; the files are the first ones of the corpus, as many as
    `--synthetic-budget` seconds allow with the big pack;
(c) start-up: `factlint check` on one 5 KB draft <= 1.5 x `python -c "import yaml, markdown_it,
    rapidfuzz"` + 100 ms (medians of 5 runs after a warm-up run);
(d) `--jobs 2` vs `--jobs 1` on the corpus (same output required), when `factlint check --help`
    offers `--jobs`; the target is 1.6 on 2 CPUs;
(e) memory: peak RSS of `factlint check` (on one process: `--jobs 1` where there is `--jobs`) on all
    N files / on the first N/4 files (the same 4x step as N vs 4N, without linting 4N files) <= 1.1:
    it should not grow with the number of files.

Ratios are computed from CPU time (user + system of the process measured), which other load on the
machine does not inflate; the wall-clock ratio is shown beside it. (d) can only be judged by the wall
clock.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(HERE), str(REPO)]

import generate  # noqa: E402  (benchmarks/generate.py)

# issue 10: one-process throughput no lower than at bc65b6c, each as a ratio to markdown-it-py in its own run
REFERENCE_RUN = HERE / "results" / "full-2000x2000-bc65b6c.json"
TARGETS = {"a": 0.5, "b": 0.5, "c_factor": 1.5, "c_slack": 0.100, "d": 1.6, "e": 1.1}
STARTUP_DRAFT_BYTES = 5 * 1024


# ---------------------------------------------------------------------------------------------------
# Workers: each runs in its own process and prints one JSON object
# ---------------------------------------------------------------------------------------------------

def _maxrss_mb(usage) -> float:
    """ru_maxrss in MB (kilobytes on Linux, bytes on macOS)."""
    return usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


class _Clock:
    """Wall-clock and CPU time of a block. CPU time is what the ratios use: other processes on the
    machine slow the wall clock down, not the CPU time of the process measured."""

    def __enter__(self):
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall, self.cpu = time.perf_counter() - self._wall, time.process_time() - self._cpu


def _clear_caches() -> None:
    """Empty the functools caches of the linter, so that a stage does not profit from the one before."""
    for name, module in list(sys.modules.items()):
        if name == "linter" or name.startswith("linter."):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def _rulebook(rule_dirs: list[str]):
    from linter.resources import default_rules_dir, default_seeds_dir
    from linter.rulebook import load_pack
    dirs = [Path(d) for d in rule_dirs] if rule_dirs else [default_rules_dir()]
    return load_pack(dirs, (default_seeds_dir(),))


def worker_floor(spec: dict) -> dict:
    """markdown-it-py alone: read, decode and parse every file."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin
    files = [Path(p) for p in spec["files"]]
    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    size = tokens = 0
    with _Clock() as clock:
        for path in files:
            data = path.read_bytes()
            size += len(data)
            tokens += len(parser.parse(data.decode("utf-8-sig")))
    return {"files": len(files), "bytes": size, "seconds": clock.wall, "cpu": clock.cpu, "tokens": tokens,
            "maxrss_mb": _maxrss_mb(resource.getrusage(resource.RUSAGE_SELF))}


def worker_stages(spec: dict) -> dict:
    """factlint in-process, one stage at a time over all files."""
    import datetime as dt

    from linter.discourse import read_sentences
    from linter.engine import document_date, document_language, lint_document
    from linter.formatters import Report, format_json, format_text
    from linter.segments import read_document
    files = [Path(p) for p in spec["files"]]
    wall, cpu = {}, {}

    def record(key, clock):
        wall[key], cpu[key] = clock.wall, clock.cpu

    with _Clock() as clock:
        rulebook = _rulebook(spec.get("rules", []))
    record("load", clock)
    with _Clock() as clock:
        datas = [path.read_bytes() for path in files]
    record("read", clock)
    with _Clock() as clock:
        docs = [read_document(str(path), data) for path, data in zip(files, datas)]
    record("parse", clock)

    _clear_caches()
    sentences = 0
    with _Clock() as clock:
        for doc in docs:
            known = document_date(doc)
            for sentence in read_sentences(doc, rulebook, document_language(doc), known or dt.date.today(),
                                           known is not None):
                sentence.quantities()
                sentence.dates()
                sentence.name_candidates
                sentences += 1
    record("extract", clock)

    _clear_caches()
    findings = []
    with _Clock() as clock:
        for doc in docs:
            findings += lint_document(doc, rulebook)
    record("lint", clock)
    for times in (wall, cpu):
        times["evaluate"] = max(times["lint"] - times["extract"], 0.0)

    report = Report(tuple(findings), len(docs))
    with _Clock() as clock:
        text = format_text(report)
    record("report_text", clock)
    with _Clock() as clock:
        format_json(report)
    record("report_json", clock)

    engine = ("read", "parse", "lint", "report_text")
    return {"files": len(files), "bytes": sum(map(len, datas)), "sentences": sentences, "findings": len(findings),
            "rules": len(rulebook.rules), "subjects": len(rulebook.subjects), "times": wall, "cpu_times": cpu,
            "engine_seconds": sum(wall[k] for k in engine), "engine_cpu": sum(cpu[k] for k in engine),
            "summary": text.rsplit("\n", 2)[-2], "maxrss_mb": _maxrss_mb(resource.getrusage(resource.RUSAGE_SELF))}


def worker_lint(spec: dict) -> dict:
    """Read, parse and lint file after file with the given packs; stop after `budget` seconds, if any."""
    from linter.engine import lint_document
    from linter.segments import read_document
    with _Clock() as load:
        rulebook = _rulebook(spec.get("rules", []))
    budget = spec.get("budget")
    done, size, findings = [], 0, 0
    with _Clock() as clock:
        start = time.perf_counter()
        for name in spec["files"]:
            data = Path(name).read_bytes()
            findings += len(lint_document(read_document(name, data), rulebook))
            done.append(name)
            size += len(data)
            if budget is not None and len(done) >= spec.get("min_files", 2) and time.perf_counter() - start >= budget:
                break
    return {"files": len(done), "done": done, "bytes": size, "seconds": clock.wall, "cpu": clock.cpu,
            "load": load.wall, "load_cpu": load.cpu, "findings": findings, "rules": len(rulebook.rules),
            "maxrss_mb": _maxrss_mb(resource.getrusage(resource.RUSAGE_SELF))}


def worker_profile(spec: dict) -> dict:
    """cProfile of read + parse + lint over the files: the functions that take the time."""
    import cProfile
    import io
    import pstats

    from linter.engine import lint_document
    from linter.segments import read_document
    rulebook = _rulebook(spec.get("rules", []))
    profiler = cProfile.Profile()
    profiler.enable()
    for name in spec["files"]:
        lint_document(read_document(name, Path(name).read_bytes()), rulebook)
    profiler.disable()
    out = {}
    for key in ("tottime", "cumulative"):
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(key).print_stats(spec.get("top", 25))
        out[key] = stream.getvalue()
    return out


WORKERS = {"floor": worker_floor, "stages": worker_stages, "lint": worker_lint, "profile": worker_profile}


def _run_worker(kind: str, **spec) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(spec, handle)       # file lists can be long for a command line
    try:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", kind, handle.name],
                              capture_output=True, text=True, env=_env(), cwd=REPO)
    finally:
        os.unlink(handle.name)
    if done.returncode != 0:
        raise RuntimeError(f"worker {kind} failed:\n{done.stderr}")
    return json.loads(done.stdout)


# ---------------------------------------------------------------------------------------------------
# Whole processes
# ---------------------------------------------------------------------------------------------------

FACTLINT = [sys.executable, "-m", "linter"]


_CACHE_DIR: list[str] = []      # the compiled-pack cache of this run (FACTLINT_CACHE_DIR), when set


def _env() -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    # an installed factlint runs from compiled bytecode (pip writes it at install time); a shell that
    # forbids writing it would make every measured run compile the package again
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if _CACHE_DIR and "FACTLINT_CACHE_DIR" not in os.environ:
        env["FACTLINT_CACHE_DIR"] = _CACHE_DIR[-1]
    return env


def _process(argv: list[str]) -> dict:
    """Run a command to completion: wall time, CPU time and peak RSS of that process, exit code, output."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.PIPE, env=_env(), cwd=REPO)
        stderr = proc.stderr.read().decode("utf-8", "replace")     # small: only unreadable files are reported
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stderr.close()
        out.seek(0)
        output = out.read()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(argv)} exited {proc.returncode}:\n{stderr}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "maxrss_mb": _maxrss_mb(usage),
            "exit": proc.returncode, "output": output}


def _median_run(argv: list[str], runs: int) -> dict:
    _process(argv)                      # warm-up: page cache, .pyc files
    done = [_process(argv) for _ in range(runs)]
    return {"median": statistics.median(d["seconds"] for d in done), "median_cpu": statistics.median(d["cpu"] for d in done),
            "runs": [d["seconds"] for d in done]}


def _jobs_option() -> bool:
    done = subprocess.run(FACTLINT + ["check", "--help"], capture_output=True, text=True, cwd=REPO, env=_env())
    return "--jobs" in done.stdout


# ---------------------------------------------------------------------------------------------------
# Orchestration
# ---------------------------------------------------------------------------------------------------

def _log(quiet: bool, message: str) -> None:
    if not quiet:
        print(f"[bench] {message}", file=sys.stderr, flush=True)


def _draft_index(path: Path) -> int:
    return int(path.name.split("-", 1)[0])


def prepare(workdir: Path, drafts: int, facts: int, seed: int = generate.DEFAULT_SEED,
            quiet: bool = True) -> tuple[Path, Path]:
    """The corpus and the synthetic pack (its rules directory) under workdir, generated unless there."""
    corpus = workdir / f"drafts-s{seed}-n{drafts}"
    pack = workdir / f"pack-s{seed}-f{facts}"
    if not (corpus / ".complete").exists():
        _log(quiet, f"generating {drafts} drafts in {corpus}")
        shutil.rmtree(corpus, ignore_errors=True)
        generate.generate_drafts(drafts, corpus, seed)
        (corpus / ".complete").write_text("ok\n")
    if not (pack / ".complete").exists():
        _log(quiet, f"generating a {facts}-fact pack in {pack}")
        shutil.rmtree(pack, ignore_errors=True)
        generate.generate_pack(facts, pack, seed)
        (pack / ".complete").write_text("ok\n")
    return corpus, pack / "rules"


def _rate(files: int, size: int, seconds: float, cpu: float) -> dict:
    """Throughput by the wall clock and by CPU time."""
    return {"files_per_s": files / max(seconds, 1e-9), "mb_per_s": size / 1e6 / max(seconds, 1e-9), "seconds": seconds,
            "cpu_files_per_s": files / max(cpu, 1e-9), "cpu_mb_per_s": size / 1e6 / max(cpu, 1e-9), "cpu": cpu}


def measure_pack_size(files: list[str], pack: Path, budget: float) -> dict:
    """(b): lint the first files with the default pack plus `pack` for `budget` seconds, then exactly
    those files with the default pack alone."""
    default_pack = str(REPO / "rules")
    synthetic = _run_worker("lint", files=files, rules=[default_pack, str(pack)], budget=budget)
    default = _run_worker("lint", files=synthetic["done"], rules=[default_pack])
    out = {"files": synthetic["files"], "sample": synthetic["done"],
           "rules_default": default["rules"], "rules_with_synthetic": synthetic["rules"]}
    for key, run in (("default", default), ("with_synthetic", synthetic)):
        out[key] = {**_rate(run["files"], run["bytes"], run["seconds"], run["cpu"]), "load_s": run["load"],
                    "load_cpu": run["load_cpu"], "maxrss_mb": run["maxrss_mb"], "findings": run["findings"]}
    return out


def benchmark(drafts: int = 2000, facts: int = 2000, seed: int = generate.DEFAULT_SEED, workdir: Path | None = None,
              synthetic_budget: float = 60.0, startup_runs: int = 5, profile: bool = False, quiet: bool = True) -> dict:
    """Run every measurement once on one corpus; return the figures (see the module's docstring)."""
    own = workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="factlint-bench-")) if own else workdir
    workdir.mkdir(parents=True, exist_ok=True)
    # factlint's compiled-pack cache (if it has one) lives in the work directory, not in ~/.cache;
    # the start-up measurement's warm-up run fills it
    _CACHE_DIR.append(str(workdir / "factlint-cache"))
    try:
        corpus, pack = prepare(workdir, drafts, facts, seed, quiet)
        files = sorted(corpus.rglob("*.md"), key=_draft_index)
        names = [str(p) for p in files]
        size = sum(p.stat().st_size for p in files)
        result = {"corpus": {"dir": str(corpus), "files": len(files), "bytes": size, "seed": seed,
                             "en": sum(1 for p in files if "\nlang: en" in p.read_text(encoding="utf-8").replace("\r", ""))},
                  "pack": {"dir": str(pack), "facts": facts}, "environment": _environment()}

        _log(quiet, "floor: markdown-it-py alone")
        floor = _run_worker("floor", files=names)
        result["floor"] = {**_rate(floor["files"], floor["bytes"], floor["seconds"], floor["cpu"]),
                           "maxrss_mb": floor["maxrss_mb"]}

        _log(quiet, "factlint in-process, stage by stage")
        stages = _run_worker("stages", files=names)
        result["engine"] = {**_rate(stages["files"], stages["bytes"], stages["engine_seconds"], stages["engine_cpu"]),
                            "maxrss_mb": stages["maxrss_mb"], "rules": stages["rules"], "findings": stages["findings"],
                            "sentences": stages["sentences"], "summary": stages["summary"]}
        result["stages"], result["stages_cpu"] = stages["times"], stages["cpu_times"]

        _log(quiet, "(c) start-up")
        one = min(files, key=lambda p: (abs(p.stat().st_size - STARTUP_DRAFT_BYTES), _draft_index(p)))
        lint_one = _median_run(FACTLINT + ["check", str(one)], startup_runs)
        imports = _median_run([sys.executable, "-c", "import yaml, markdown_it, rapidfuzz"], startup_runs)
        result["startup"] = {"draft": str(one), "draft_bytes": one.stat().st_size, "factlint_s": lint_one["median"],
                             "imports_s": imports["median"], "factlint_cpu": lint_one["median_cpu"],
                             "imports_cpu": imports["median_cpu"],
                             "runs": {"factlint": lint_one["runs"], "imports": imports["runs"]}}

        _log(quiet, "factlint check DIR as a process")
        whole = _process(FACTLINT + ["check", str(corpus)])
        result["process"] = {**_rate(len(files), size, whole["seconds"], whole["cpu"]), "maxrss_mb": whole["maxrss_mb"],
                             "exit": whole["exit"]}

        _log(quiet, f"(b) default + {facts}-fact pack vs default pack, {synthetic_budget:g} s budget")
        result["pack_size"] = measure_pack_size(names, pack, synthetic_budget)

        _log(quiet, "(d) --jobs")
        jobs = _jobs_option()
        if jobs:
            one_job = _process(FACTLINT + ["check", "--jobs", "1", str(corpus)])
            two_jobs = _process(FACTLINT + ["check", "--jobs", "2", str(corpus)])
            result["jobs"] = {"implemented": True, "jobs1_s": one_job["seconds"], "jobs2_s": two_jobs["seconds"],
                              "jobs1_cpu": one_job["cpu"], "jobs2_cpu": two_jobs["cpu"],
                              "same_output": one_job["output"] == two_jobs["output"],
                              "maxrss_mb": {"1": one_job["maxrss_mb"], "2": two_jobs["maxrss_mb"]}}
        else:
            result["jobs"] = {"implemented": False}

        # one process's peak: with --jobs, the run on one process
        _log(quiet, "(e) memory: N/4 vs N files")
        single = ["--jobs", "1"] if jobs else []
        quarter = names[:max(1, len(names) // 4)]
        small = _process(FACTLINT + ["check", *single, *quarter])
        large = one_job if jobs else whole
        result["memory"] = {"files_small": len(quarter), "files_large": len(names), "maxrss_small_mb": small["maxrss_mb"],
                            "maxrss_large_mb": large["maxrss_mb"], "single_process": True}

        if profile:
            _log(quiet, "profiles")
            result["profile"] = {"default": _run_worker("profile", files=names[:min(len(names), 100)]),
                                 "with_synthetic": _run_worker("profile", files=result["pack_size"]["sample"][:5],
                                                               rules=[str(REPO / "rules"), str(pack)])}
        result["ratios"] = ratios(result)
        return result
    finally:
        _CACHE_DIR.pop()
        if own:
            shutil.rmtree(workdir, ignore_errors=True)


def ratios(result: dict) -> dict:
    """The issue's targets. `value` is computed from CPU times (other load on the machine slows the wall
    clock, not the CPU time of the process measured), `wall` from the wall clock; `ok` judges `value`.
    (d) can only be judged by the wall clock."""
    out = {}
    floor, engine = result["floor"], result["engine"]
    a = engine["cpu_files_per_s"] / floor["cpu_files_per_s"]
    out["a_throughput_vs_markdown_it"] = {"value": a, "wall": engine["files_per_s"] / floor["files_per_s"],
                                          "target": TARGETS["a"], "ok": a >= TARGETS["a"]}
    reference = _reference_throughput()
    if reference is not None:
        out["a_kept_vs_reference"] = {"value": a / reference, "wall": out["a_throughput_vs_markdown_it"]["wall"] / reference,
                                      "target": 1.0, "ok": a >= reference, "reference": reference}
    # the wording: `factlint check` (its defaults, so one process per CPU) against markdown-it-py
    # in one process; by the wall clock, since the CPU time of several processes adds up
    whole = result["process"]["files_per_s"] / floor["files_per_s"]
    out["a_check_vs_markdown_it"] = {"value": whole, "wall": whole, "target": TARGETS["a"], "ok": whole >= TARGETS["a"]}
    ps = result["pack_size"]
    b = ps["with_synthetic"]["cpu_files_per_s"] / ps["default"]["cpu_files_per_s"]
    out["b_large_pack_vs_default"] = {"value": b, "wall": ps["with_synthetic"]["files_per_s"] / ps["default"]["files_per_s"],
                                      "target": TARGETS["b"], "ok": b >= TARGETS["b"],
                                      "facts": result["pack"]["facts"], "files": ps["files"]}
    st = result["startup"]
    budget = TARGETS["c_factor"] * st["imports_cpu"] + TARGETS["c_slack"]
    wall_budget = TARGETS["c_factor"] * st["imports_s"] + TARGETS["c_slack"]
    out["c_startup"] = {"value": st["factlint_cpu"] / budget, "wall": st["factlint_s"] / wall_budget, "target": 1.0,
                        "ok": st["factlint_cpu"] <= budget, "factlint_s": st["factlint_cpu"], "imports_s": st["imports_cpu"],
                        "budget_s": budget}
    jobs = result["jobs"]
    if jobs["implemented"]:
        speedup = jobs["jobs1_s"] / jobs["jobs2_s"]
        out["d_jobs_speedup"] = {"value": speedup, "wall": speedup, "target": TARGETS["d"],
                                 "ok": speedup >= TARGETS["d"] and jobs["same_output"], "same_output": jobs["same_output"]}
    else:
        out["d_jobs_speedup"] = {"value": None, "wall": None, "target": TARGETS["d"], "ok": False, "note": "not implemented"}
    mem = result["memory"]
    growth = mem["maxrss_large_mb"] / mem["maxrss_small_mb"]
    out["e_memory_growth"] = {"value": growth, "wall": growth, "target": TARGETS["e"], "ok": growth <= TARGETS["e"]}
    return out


def _reference_throughput() -> float | None:
    """(a) of the saved reference run (engine / markdown-it-py by CPU time), or None without it."""
    try:
        return json.loads(REFERENCE_RUN.read_text(encoding="utf-8"))["ratios"]["a_throughput_vs_markdown_it"]["value"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _environment() -> dict:
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=REPO).stdout.strip() or "unknown (not a git checkout)"
    dirty = subprocess.run(["git", "status", "--porcelain", "--", "linter", "rules"], capture_output=True, text=True,
                           cwd=REPO).stdout.strip()
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "commit": commit + ("+dirty" if dirty else ""), "loadavg_at_start": os.getloadavg()[0]}


# ---------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------

_LABELS = {"a_throughput_vs_markdown_it": "(a) throughput factlint / markdown-it",
           "a_kept_vs_reference": "(a) that ratio / the same at bc65b6c (issue 10)",
           "a_check_vs_markdown_it": "(a) factlint check (defaults) / markdown-it",
           "b_large_pack_vs_default": "(b) throughput {facts}-fact pack / default",
           "c_startup": "(c) start-up / (1.5 x imports + 0.1 s)", "d_jobs_speedup": "(d) --jobs 2 vs --jobs 1",
           "e_memory_growth": "(e) peak RSS, N files / N/4 files"}
_COMPARE = {"a_throughput_vs_markdown_it": ">=", "a_kept_vs_reference": ">=", "a_check_vs_markdown_it": ">=", "b_large_pack_vs_default": ">=", "c_startup": "<=",
            "d_jobs_speedup": ">=", "e_memory_growth": "<="}


def render(result: dict) -> str:
    c, env = result["corpus"], result["environment"]
    lines = [f"factlint benchmark: {c['files']} drafts ({c['bytes'] / 1e6:.1f} MB, {c['en']} English, "
             f"{c['files'] - c['en']} German; seed {c['seed']}), default pack {result['engine']['rules']} facts, "
             f"synthetic pack {result['pack']['facts']} facts",
             f"Python {env['python']}, {env['platform']}, {env['cpus']} CPUs, commit {env['commit']}, "
             f"load average {env['loadavg_at_start']:.2f} at the start", ""]
    row = "{:<48}{:>9}{:>9}{:>13}{:>10}"
    lines.append(row.format("Throughput (wall clock, and by CPU time)", "files/s", "MB/s", "files/s CPU", "peak RSS"))
    for label, key in (("markdown-it-py alone (the floor)", "floor"), ("factlint in-process (engine)", "engine"),
                       ("factlint check DIR (whole process, defaults)", "process")):
        r = result[key]
        lines.append(row.format("  " + label, f"{r['files_per_s']:.1f}", f"{r['mb_per_s']:.2f}",
                                f"{r['cpu_files_per_s']:.1f}", f"{r['maxrss_mb']:.0f} MB"))
    ps = result["pack_size"]
    lines.append(f"  on the first {ps['files']} files, in-process:")
    for label, key, rules in (("default pack", "default", ps["rules_default"]),
                              ("default + synthetic pack", "with_synthetic", ps["rules_with_synthetic"])):
        r = ps[key]
        lines.append(row.format(f"    {label} ({rules} facts)", f"{r['files_per_s']:.2f}", f"{r['mb_per_s']:.3f}",
                                f"{r['cpu_files_per_s']:.2f}", f"{r['maxrss_mb']:.0f} MB"))
    lines.append(f"  ({result['engine']['sentences']} sentences; default pack: {result['engine']['summary']}; the engine's "
                 "peak RSS holds every parsed draft at once, as it runs stage by stage)")
    lines.append("")
    srow = "{:<48}{:>9}{:>9}{:>13}{:>10}"
    lines.append(srow.format("Stages (in-process, whole corpus)", "seconds", "ms/file", "CPU seconds", "% of CPU"))
    st, cpu, n, total = result["stages"], result["stages_cpu"], c["files"], result["engine"]["cpu"]
    for label, key in (("load pack (load_pack, uncached)", "load"), ("read (bytes)", "read"), ("parse (read_document)", "parse"),
                       ("extract (sentences, quantities, dates, names)", "extract"),
                       ("evaluate (lint_document - extract, at least)", "evaluate"), ("lint_document (extract + evaluate)", "lint"),
                       ("report (text)", "report_text"), ("report (json)", "report_json")):
        share = "" if key in ("load", "report_json") else f"{100 * cpu[key] / total:.0f} %"
        lines.append(srow.format("  " + label, f"{st[key]:.2f}", f"{1000 * st[key] / n:.2f}", f"{cpu[key]:.2f}", share))
    lines.append("")
    trow = "{:<48}{:>9}{:>9}  {:<8}{}"
    lines.append(trow.format("Targets (value by CPU time)", "value", "wall", "target", "status"))
    for key, r in result["ratios"].items():
        label = _LABELS[key].format(facts=r.get("facts", ""))
        value = "-" if r["value"] is None else f"{r['value']:.3f}"
        wall = "-" if r["wall"] is None else f"{r['wall']:.3f}"
        status = r.get("note") or ("ok" if r["ok"] else "FAIL")
        lines.append(trow.format(label, value, wall, f"{_COMPARE[key]} {r['target']:g}", status))
    m, s, cr = result["memory"], result["startup"], result["ratios"]["c_startup"]
    lines.append(f"  (b) on {result['ratios']['b_large_pack_vs_default']['files']} files; (c) one {s['draft_bytes']}-byte "
                 f"draft: factlint {s['factlint_cpu']:.3f} s CPU ({s['factlint_s']:.3f} s wall), imports alone "
                 f"{s['imports_cpu']:.3f} s CPU ({s['imports_s']:.3f} s wall), budget {cr['budget_s']:.3f} s")
    lines.append(f"  (e) {m['maxrss_small_mb']:.0f} MB on {m['files_small']} files, {m['maxrss_large_mb']:.0f} MB on "
                 f"{m['files_large']} files")
    if "profile" in result:
        for key, text in (("default pack", result["profile"]["default"]["tottime"]),
                          ("with the synthetic pack", result["profile"]["with_synthetic"]["tottime"])):
            lines += ["", f"Profile, {key} (by own time)", text.strip()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure factlint's throughput, start-up and memory.")
    parser.add_argument("--drafts", type=int, help="drafts in the corpus (default 2000; --quick 60)")
    parser.add_argument("--facts", type=int, help="facts in the synthetic pack (default 2000; --quick 200)")
    parser.add_argument("--quick", action="store_true", help="small sizes for CI")
    parser.add_argument("--seed", type=int, default=generate.DEFAULT_SEED)
    parser.add_argument("--workdir", type=Path, help="generate into (and reuse from) this directory; default a temporary one")
    parser.add_argument("--synthetic-budget", type=float, metavar="SECONDS",
                        help="time for linting with the synthetic pack (b); files beyond it are not used (default 60; --quick 5)")
    parser.add_argument("--startup-runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="add cProfile summaries")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--show", type=Path, metavar="JSON", help="print the table of a saved --json result; measure nothing")
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "SPEC"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, spec = args.worker
        print(json.dumps(WORKERS[kind](json.loads(Path(spec).read_text()))))
        return 0
    if args.show:
        sys.stdout.write(render(json.loads(args.show.read_text())))
        return 0
    drafts = args.drafts or (60 if args.quick else 2000)
    facts = args.facts or (200 if args.quick else 2000)
    budget = args.synthetic_budget if args.synthetic_budget is not None else (5.0 if args.quick else 60.0)
    result = benchmark(drafts, facts, args.seed, args.workdir, budget, args.startup_runs, args.profile, quiet=False)
    sys.stdout.write(json.dumps(result, indent=2) + "\n" if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
