"""Lint batches on a Dask cluster (`--scheduler tcp://HOST:PORT`, or `local` for a LocalCluster).

Imported only when --scheduler is given: dask.distributed is the optional extra `factlint[audit]`.
The pack travels to each worker once, as a worker plugin (a worker that joins later gets it too);
tasks then carry only the pack's hash and a batch of drafts.
"""
from __future__ import annotations

import logging

from .batch import AuditPack
from .runners import SchedulerError, install, lint_installed

try:
    import dask
    from distributed import Client, LocalCluster, WorkerPlugin
except ImportError:     # the extra is not installed: the command says how to install it
    Client = LocalCluster = None
    WorkerPlugin = object

# Dask's defaults serve interactive work and its dashboard; for an audit each is a cost (docs/audit.md,
# measured by benchmarks/audit.py). Set in the auditing process, so they hold for its client, the
# LocalCluster's scheduler and its workers (a nanny starts its worker with its own configuration).
AUDIT_CONFIG = {
    # every stream keeps its last messages for debugging, 1,000 by default, and a message that submits
    # a batch holds the batch's drafts: the auditing process held up to 2,000 batches of them
    "distributed.admin.low-level-log-length": 0,
    # a statistical profiler samples each worker's stack 100 times a second
    "distributed.worker.profile.enabled": False,
    # event-loop, system and memory monitors wake every server 50, 2 and 10 times a second
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    # batches are alike and at most two per worker are in flight: there is nothing to steal
    "distributed.scheduler.work-stealing": False,
}


class PackPlugin(WorkerPlugin):
    """Installs the audit's pack in each worker when the worker starts or joins."""

    def __init__(self, pack: AuditPack):
        self.pack = pack
        self.name = f"factlint-pack-{pack.key[:16]}"

    def setup(self, worker) -> None:
        install(self.pack)


class DaskRunner:
    def __init__(self, pack: AuditPack, scheduler: str, jobs: int):
        if Client is None:
            raise SchedulerError("--scheduler needs dask.distributed: pip install 'factlint[audit]'")
        self.key, self.cluster = pack.key, None
        self.config = dask.config.set(AUDIT_CONFIG)
        try:
            if scheduler == "local":
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            dashboard_address=None, silence_logs=logging.ERROR)
                self.client = Client(self.cluster)
            else:
                self.client = Client(scheduler, timeout="20s")
        except OSError as exc:
            self.close()
            raise SchedulerError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        self.client.register_plugin(PackPlugin(pack))
        self.workers = max(1, sum(self.client.nthreads().values()))

    def submit(self, batch: list):
        return self.client.submit(lint_installed, self.key, batch, pure=False)

    def close(self) -> None:
        if getattr(self, "client", None) is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.config.__exit__(None, None, None)
