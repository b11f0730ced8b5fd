"""Progress of an audit on a terminal: drafts done of all, files/s, time left. Silent elsewhere."""
from __future__ import annotations

import time


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"
    if seconds >= 60:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds} s"


class AuditProgress:
    """One line on stderr, rewritten at most a few times a second."""

    INTERVAL = 0.25     # seconds between redraws

    def __init__(self, total: int, stream):
        self.total, self.stream = total, stream
        self.enabled = hasattr(stream, "isatty") and stream.isatty()
        self.done = self.skipped = 0
        self.start = time.monotonic()
        self.shown = float("-inf")      # the first step is shown at once

    def skip(self) -> None:
        self.skipped += 1
        self.step(1)

    def step(self, count: int) -> None:
        self.done += count
        now = time.monotonic()
        if self.enabled and (now - self.shown >= self.INTERVAL or self.done == self.total):
            self.shown = now
            self.stream.write("\r\033[K" + self.line(now - self.start))
            self.stream.flush()

    def line(self, elapsed: float) -> str:
        linted = self.done - self.skipped
        rate = linted / elapsed if elapsed > 0 else 0.0
        left = f", {_duration((self.total - self.done) / rate)} left" if rate and self.done < self.total else ""
        stored = f" ({self.skipped:,} already stored)" if self.skipped else ""
        return f"factlint audit: {self.done:,}/{self.total:,} drafts{stored}, {rate:.1f} files/s{left}"

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()
