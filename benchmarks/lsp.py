#!/usr/bin/env python3
"""Latency of `factlint lsp` on a 20 KB draft: open, and a one-character change, median and p95.

    python benchmarks/lsp.py              # 40 rounds each (~1 min)
    python benchmarks/lsp.py --rounds 10 --json

A real client (pygls's) starts `factlint lsp` as a subprocess, as an editor does, and times each
request from the moment it is written to the moment the diagnostics arrive. The draft is German,
built from the benchmark corpus (benchmarks/generate.py) up to 20 KB, with its front matter. Changes
are measured twice: with `--debounce 0`, which is the server's own work (the target: < 150 ms), and
with the default 300 ms debounce, which is what a typist sees after the last keystroke.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402

DRAFT_BYTES = 20_000
TARGET_MS = 150
REPO = Path(__file__).resolve().parent.parent


def german_draft(size: int = DRAFT_BYTES) -> str:
    """The corpus's first German draft, continued with the bodies of the next German ones up to `size`."""
    parts: list[str] = []
    for i in range(1000):
        text = generate.draft(generate.DEFAULT_SEED, i)[1].replace("\r\n", "\n")
        if "lang: de" not in text.split("\n---", 1)[0]:
            continue
        parts.append(text if not parts else text.split("\n---\n", 1)[1])
        if len("\n".join(parts).encode()) >= size:
            break
    whole, cut = "\n".join(parts), 0
    for paragraph in whole.split("\n\n"):      # whole paragraphs, up to `size` bytes
        if len(whole[:cut + len(paragraph) + 2].encode()) > size:
            break
        cut += len(paragraph) + 2
    return whole[:cut]


class Timer:
    """Diagnostics arrive as notifications; each round waits for the next one of its version."""

    def __init__(self, client: LanguageClient):
        self.arrived: dict[int, asyncio.Future] = {}

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            future = self.arrived.get(params.version)
            if future is not None and not future.done():
                future.set_result(len(params.diagnostics))

    async def time(self, version: int, send) -> tuple[float, int]:
        """Seconds from sending to the diagnostics of `version`, and how many there were."""
        self.arrived[version] = asyncio.get_running_loop().create_future()
        start = time.perf_counter()
        send()
        count = await asyncio.wait_for(self.arrived[version], 60)
        return time.perf_counter() - start, count


async def measure(debounce_ms: int, rounds: int, text: str, workdir: Path, changes_only: bool = False) -> dict:
    client = LanguageClient("factlint-benchmark", "1")
    timer = Timer(client)
    await client.start_io(sys.executable, "-m", "linter", "lsp", "--debounce", str(debounce_ms), cwd=str(REPO))
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=workdir.as_uri()))
    client.initialized(types.InitializedParams())
    path = workdir / "entwurf.md"
    path.write_text(text, encoding="utf-8")
    uri, version = path.as_uri(), 1

    def do_open(v: int):
        return lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=v, text=text)))

    def close():
        client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))

    first_open, findings = await timer.time(version, do_open(version))
    opens = []
    if not changes_only:
        for _ in range(rounds):
            close()
            version += 1
            opens.append((await timer.time(version, do_open(version)))[0])
    # a typist's edit in the middle of the draft: one character in, then out again
    line = len(text.split("\n")) // 2
    changes, cpu_before = [], _cpu_seconds(client)
    for index in range(rounds):
        version += 1
        inserting = index % 2 == 0
        edit = types.TextDocumentContentChangePartial(
            range=types.Range(start=types.Position(line=line, character=0),
                              end=types.Position(line=line, character=0 if inserting else 1)),
            text="x" if inserting else "")
        changes.append((await timer.time(version, lambda: client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version), content_changes=[edit]))))[0])
    cpu_per_change = (_cpu_seconds(client) - cpu_before) / rounds if cpu_before is not None else None
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return {"debounce_ms": debounce_ms, "first_open_ms": first_open * 1000, "findings": findings,
            "open": _summary(opens), "change": _summary(changes),
            "change_cpu_ms": cpu_per_change * 1000 if cpu_per_change is not None else None}


def _cpu_seconds(client: LanguageClient) -> float | None:
    """The server process's CPU time so far (Linux), which other processes on the machine do not inflate."""
    try:
        fields = Path(f"/proc/{client._server.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, AttributeError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _summary(seconds: list[float]) -> dict | None:
    if not seconds:
        return None
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return {"rounds": len(ms), "median_ms": statistics.median(ms), "p95_ms": p95, "max_ms": ms[-1]}


def render(result: dict) -> str:
    server, typist = result["no_debounce"], result["default_debounce"]
    lines = [f"factlint lsp, a {result['bytes']:,}-byte German draft ({server['findings']} findings)",
             f"first open (pack loaded from the cache): {server['first_open_ms']:.0f} ms", "",
             "| | rounds | median | p95 | max |", "|---|---|---|---|---|"]
    rows = [("open", server["open"]), ("change, --debounce 0", server["change"]),
            (f"change, default {typist['debounce_ms']} ms debounce", typist["change"])]
    for name, row in rows:
        lines.append(f"| {name} | {row['rounds']} | {row['median_ms']:.0f} ms | {row['p95_ms']:.0f} ms | {row['max_ms']:.0f} ms |")
    if server["change_cpu_ms"] is not None:
        lines += ["", f"server CPU time per change (--debounce 0): {server['change_cpu_ms']:.0f} ms"]
    met = server["change"]["p95_ms"] < TARGET_MS
    lines += ["", f"target: a change answers in < {TARGET_MS} ms (server's work, p95): "
                  f"{server['change']['p95_ms']:.0f} ms, {'met' if met else 'NOT met'}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    text = german_draft()
    with tempfile.TemporaryDirectory() as tmp:
        no_debounce = asyncio.run(measure(0, args.rounds, text, Path(tmp)))
        default = asyncio.run(measure(300, max(5, args.rounds // 4), text, Path(tmp), changes_only=True))
    result = {"bytes": len(text.encode()), "no_debounce": no_debounce, "default_debounce": default}
    print(json.dumps(result, indent=2) if args.json else render(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
