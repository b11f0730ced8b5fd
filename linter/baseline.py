"""Baselines: record the findings a desk has accepted, then report only the ones that are new.

An entry is keyed by path, rule and the normalised claim text, with a count, and never by line, so an
edit above a claim does not make it new again; a second identical claim in the same file is new once
the count is used up. The file is JSON, sorted, one entry per key:

    {"version": 1,
     "findings": [{"path": "drafts/sora.md", "rule": "sora.clip.max-length",
                   "claim": "bis zu zwei minuten", "count": 1}]}

Paths are relative to the baseline file's directory, so the baseline works from any working directory.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from pathlib import Path
from typing import Iterable

from .findings import Finding, claim_key

VERSION = 1
Key = tuple[str, str, str]          # (path, rule, claim)


class BaselineError(Exception):
    """A baseline that cannot be read or written; the message names the file."""


def _path_key(path: str, root: Path) -> str:
    """The draft's path relative to the baseline's directory, with forward slashes."""
    absolute = Path(path).resolve()
    try:
        return Path(os.path.relpath(absolute, root.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return absolute.as_posix()


def finding_key(finding: Finding, root: Path) -> Key:
    return _path_key(finding.path, root), finding.rule, claim_key(finding.found)


def key_counts(findings: Iterable[Finding], root: Path) -> Counter:
    """How many of the findings each key has, paths relative to root (the baseline file's directory)."""
    return Counter(finding_key(f, root) for f in findings)


def dumps(counts: Counter) -> str:
    """The baseline file's text for these counts: sorted, stable, one entry per key."""
    entries = [{"path": path, "rule": rule, "claim": claim, "count": counts[(path, rule, claim)]}
               for path, rule, claim in sorted(counts)]
    return json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def write(path: Path, counts: Counter) -> None:
    """Write the baseline atomically (a temporary file in the same directory, then a rename).

    `counts` come from `key_counts(findings, path.parent)`, added up over the drafts."""
    text = dumps(counts)
    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise BaselineError(f"baseline {path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except OSError as exc:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise BaselineError(f"baseline {path}: cannot write: {exc.strerror}") from None


def read(path: Path) -> Counter:
    """The baseline's counts per key; BaselineError when it is missing or not a factlint baseline."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"baseline {path}: cannot read: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise BaselineError(f"baseline {path}: not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"baseline {path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f'baseline {path}: not a factlint baseline (expected {{"version": {VERSION}, '
                            f'"findings": [...]}}; write one with --write-baseline)')
    counts: Counter = Counter()
    root = path.parent
    for number, entry in enumerate(data["findings"], start=1):
        if not (isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("path", "rule", "claim"))
                and isinstance(entry.get("count"), int) and not isinstance(entry["count"], bool)
                and entry["count"] > 0):
            raise BaselineError(f"baseline {path}: entry {number} needs path, rule, claim (strings) "
                                f"and count (a positive number)")
        # normalise again, so a hand-edited entry still matches
        key = (_path_key(str(root / entry["path"]), root), entry["rule"], claim_key(entry["claim"]))
        counts[key] += entry["count"]
    return counts


def new_findings(findings: Iterable[Finding], baseline: Counter, root: Path) -> list[Finding]:
    """The findings the baseline does not account for; repeats beyond a key's count are new."""
    used: Counter = Counter()     # not a copy of the baseline: this runs once per draft
    result = []
    for finding in findings:      # in position order, so the later repeats are the new ones
        key = finding_key(finding, root)
        if used[key] < baseline[key]:
            used[key] += 1
        else:
            result.append(finding)
    return result
