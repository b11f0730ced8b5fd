#!/usr/bin/env python3
"""This checkout against another, side by side in one run: CPU time of the engine on the same drafts.

    git worktree add /tmp/ref bc65b6c
    python benchmarks/run.py --workdir /tmp/fb --quick          # makes a corpus (or use any drafts)
    python benchmarks/pair.py /tmp/ref /tmp/fb/drafts-s0-n60      # ratio other / this (> 1: this is faster)
    python benchmarks/pair.py /tmp/ref DRAFTS --per-draft linter.claims.names:find_name_candidates

What is measured, for each checkout in a fresh process of its own: reading, parsing and linting each
draft with the default pack (the engine of benchmarks/run.py's (a), without the report), by CPU time,
after one draft as a warm-up. The two checkouts take turns, ROUNDS times each; the minimum of each is
compared, so that load that comes and goes on the machine touches both alike.

`--per-draft MODULE:FUNCTION` empties that functools cache (of whichever checkout has it) before
each draft. A cache keyed by a sentence's or a paragraph's text serves the sentences of one draft,
and on a generated corpus, whose drafts repeat their template sentences, also the drafts after it:
emptied per draft, it serves only what one real draft can reuse.
"""
from __future__ import annotations

import argparse
import importlib
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def worker(checkout: str, files: list[str], per_draft: list[str]) -> dict:
    """Lint the files with the checkout's engine (imported from `checkout`): CPU seconds and findings."""
    sys.path.insert(0, checkout)
    import linter
    if not Path(linter.__file__).resolve().is_relative_to(Path(checkout).resolve()):
        raise SystemExit(f"linter imported from {linter.__file__}, not from {checkout}")
    from linter.engine import lint_document
    from linter.resources import default_rules_dir, default_seeds_dir
    from linter.rulebook import load_pack
    from linter.segments import read_document
    caches = []
    for name in per_draft:
        module, _, function = name.partition(":")
        cached = getattr(importlib.import_module(module), function, None)
        if hasattr(cached, "cache_clear"):
            caches.append(cached)
    rulebook = load_pack([default_rules_dir()], (default_seeds_dir(),))
    datas = [(name, Path(name).read_bytes()) for name in files]
    lint_document(read_document(*datas[0]), rulebook)
    findings, start = 0, time.process_time()
    for name, data in datas:
        for cache in caches:
            cache.cache_clear()
        findings += len(lint_document(read_document(name, data), rulebook))
    return {"cpu": time.process_time() - start, "findings": findings, "cleared": len(caches)}


def _measure(checkout: Path, files: list[str], per_draft: list[str]) -> dict:
    spec = json.dumps({"checkout": str(checkout), "files": files, "per_draft": per_draft})
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker"], input=spec,
                          capture_output=True, text=True, cwd=checkout)
    if done.returncode != 0:
        raise RuntimeError(f"{checkout}: {done.stderr}")
    return json.loads(done.stdout)


def pair(other: Path, drafts: Path, limit: int, rounds: int, per_draft: list[str]) -> dict:
    """The minimum CPU time of each checkout over `rounds` turns, and their ratio."""
    files = sorted(str(p) for p in drafts.rglob("*.md"))[:limit]
    if not files:
        raise SystemExit(f"no drafts (*.md) in {drafts}")
    best: dict[str, dict] = {}
    for _ in range(rounds):
        for label, checkout in (("this", REPO), ("other", other)):
            figures = _measure(checkout, files, per_draft)
            if label not in best or figures["cpu"] < best[label]["cpu"]:
                best[label] = figures
    return {"files": len(files), "rounds": rounds, "this": best["this"], "other": best["other"],
            "other_over_this": best["other"]["cpu"] / best["this"]["cpu"]}


def main(argv: list[str] | None = None) -> int:
    if argv is None and sys.argv[1:2] == ["--worker"]:
        spec = json.loads(sys.stdin.read())
        print(json.dumps(worker(spec["checkout"], spec["files"], spec["per_draft"])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("other", type=Path, help="the other checkout (a directory with linter/)")
    parser.add_argument("drafts", type=Path, help="a directory of drafts (*.md, searched recursively)")
    parser.add_argument("--first", type=int, default=500, help="lint the first N drafts (default 500)")
    parser.add_argument("--rounds", type=int, default=3, help="turns of each checkout (default 3)")
    parser.add_argument("--per-draft", action="append", default=[], metavar="MODULE:FUNCTION",
                        help="empty this functools cache before each draft (repeatable)")
    args = parser.parse_args(argv)
    if not (args.other / "linter").is_dir():
        parser.error(f"{args.other} has no linter/ directory")
    result = pair(args.other.resolve(), args.drafts, args.first, args.rounds, args.per_draft)
    for label in ("this", "other"):
        figures = result[label]
        print(f"{label:5} {figures['cpu']:8.3f} s CPU  {figures['findings']} findings  "
              f"({figures['cleared']} caches emptied per draft)")
    print(f"other / this: {result['other_over_this']:.3f} ({result['files']} drafts, min of {result['rounds']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
