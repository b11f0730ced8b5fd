"""Where batches are linted: in this process, on local processes, or on a Dask cluster (dask_runner.py).

Every runner installs the pack once per worker and then runs `lint_installed(pack key, batch)`; the
same loop drives them all, keeping a bounded number of batches in flight so that the auditing
process holds a few batches' bytes, never the archive's.
"""
from __future__ import annotations

import concurrent.futures
import os
import queue
from typing import Iterable, Iterator

from .batch import AuditPack, lint_batch

class SchedulerError(Exception):
    """The Dask scheduler cannot be reached, or dask.distributed is not installed."""


# the packs installed in this process (a worker), by pack hash: several audits may share a Dask cluster
_PACKS: dict[str, AuditPack] = {}


def install(pack: AuditPack) -> None:
    _PACKS[pack.key] = pack


def lint_installed(key: str, batch: list) -> tuple:
    """Lint a batch with a pack installed earlier in this worker (the task every runner sends)."""
    return lint_batch(_PACKS[key], batch)


class InProcessRunner:
    """Lint in the auditing process itself (--jobs 1): no worker to start, nothing to send."""

    workers = 1

    def __init__(self, pack: AuditPack):
        install(pack)
        self.key = pack.key

    def submit(self, batch: list) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        future.set_result(lint_installed(self.key, batch))
        return future

    def close(self) -> None:
        pass


def _start_worker(pack: AuditPack) -> None:
    _die_with_parent()
    install(pack)


def _die_with_parent() -> None:
    """Have Linux end this worker when the auditing process dies, even by SIGKILL, which gives the pool
    no chance to stop its workers; elsewhere a worker ends when it next finds its pipe closed."""
    try:
        import ctypes
        import signal
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)   # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class ProcessRunner:
    """Lint on local worker processes. They are forked, so each inherits the pack instead of unpickling it."""

    def __init__(self, pack: AuditPack, workers: int):
        import multiprocessing
        self.workers, self.key = workers, pack.key
        context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        self.pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=context,
                                                           initializer=_start_worker, initargs=(pack,))

    def submit(self, batch: list) -> concurrent.futures.Future:
        return self.pool.submit(lint_installed, self.key, batch)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def run_batches(runner, batches: Iterable[list], window: int) -> Iterator[tuple]:
    """(records, lint seconds) of each batch as it completes, with at most `window` batches in flight.

    Batches are drawn from the iterable only when there is room, so reading the archive keeps pace
    with linting. A batch that failed on a worker raises here."""
    completed: queue.Queue = queue.Queue()
    pending = iter(batches)
    in_flight, exhausted = 0, False
    while True:
        while not exhausted and in_flight < window:
            batch = next(pending, None)
            if batch is None:
                exhausted = True
            else:
                runner.submit(batch).add_done_callback(completed.put)
                in_flight += 1
        if not in_flight:
            return
        future = completed.get()
        in_flight -= 1
        yield future.result()


def make_runner(pack: AuditPack, scheduler: str | None, jobs: int):
    """A runner for --scheduler (a Dask address or "local") or, without it, for --jobs local processes."""
    if scheduler:
        from .dask_runner import DaskRunner
        return DaskRunner(pack, scheduler, jobs)
    if jobs <= 1:
        return InProcessRunner(pack)
    return ProcessRunner(pack, jobs)
