"""`/metrics` on a listener of its own, run by the `serve` process for the whole server.

Not a route of the API: the API's port is for integrators, whose keys must never see traffic
across integrations (request counts by operation and status, delivery results, the backlog);
operators scrape this port from their own network (`PATIENT_TRACKER_METRICS_HOST`, loopback by
default, and `..._PORT`, 9464 by default: the port OpenTelemetry's Prometheus exporter uses).

Where the values come from (`kit.metrics` defines them):

- **One process** (one worker, no reload): uvicorn runs the app in the `serve` process itself,
  so its metrics are read from prometheus-client's default registry, with the process's own
  (`process_*`, `python_*`) beside them. No files, and the cheaper in-memory values.
- **Several** (`--workers` > 1, or `--reload`, whose app runs in a child): prometheus-client's
  multiprocess mode. `serving_metrics` sets `PROMETHEUS_MULTIPROC_DIR` to a fresh private directory
  before the workers start (unless the operator set one: then theirs is used, and emptying it
  between runs is theirs to do), each worker writes its values to files of its own there (the
  workers are new interpreters, spawned, so they read the variable when they import
  prometheus-client), and a scrape merges the files. The directory is removed when `serve` ends.
  This process reads the files only; it makes no values of its own, so importing
  prometheus-client here before setting the variable is right.

The live gauges of a worker that died (killed, crashed) would stay summed in: each scrape first
drops the live-gauge files of processes that no longer exist (`mark_process_dead`, what
prometheus-client leaves to the server's supervisor, which uvicorn's does not call). Counters and
histograms of a dead worker stay, as they should: what it counted happened.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from wsgiref.simple_server import WSGIServer

from prometheus_client import REGISTRY, CollectorRegistry, start_http_server
from prometheus_client.core import Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from prometheus_client.registry import Collector

__all__ = ["MULTIPROC_DIR_ENV", "MetricsListenError", "MetricsListener", "serving_metrics"]

MULTIPROC_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"
"""Where prometheus-client's multiprocess mode keeps the workers' values."""

# gauge_livesum_1234.db and its siblings: the files `mark_process_dead` removes.
_LIVE_GAUGE_FILE = re.compile(r"gauge_live[a-z]+_(\d+)\.db")


class MetricsListenError(Exception):
    """The metrics listener could not be opened (its port is taken, its host is not ours)."""


@dataclass(frozen=True, slots=True)
class MetricsListener:
    """Where the metrics are served, and where the workers write them (None: one process)."""

    host: str
    port: int
    directory: str | None

    @property
    def url(self) -> str:
        """The address to scrape."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/metrics"


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


class _LiveWorkers:
    """The workers' values from their files, less the live gauges of workers that are gone."""

    def __init__(self, path: str) -> None:
        self._path = path
        # prometheus-client's multiprocess module has no type hints.
        self._files = MultiProcessCollector(None, path=path)  # type: ignore[no-untyped-call]

    def collect(self) -> Iterable[Metric]:
        for name in os.listdir(self._path):
            found = _LIVE_GAUGE_FILE.fullmatch(name)
            if found and not _process_exists(int(found.group(1))):
                mark_process_dead(int(found.group(1)), self._path)  # type: ignore[no-untyped-call]
        metrics: Iterable[Metric] = self._files.collect()  # type: ignore[no-untyped-call]
        return metrics


@contextmanager
def _multiprocess_dir() -> Iterator[str]:
    """The directory the workers write to: the operator's, or a private one made (0700) and set
    for the workers here, and removed (the variable too) when the block ends."""
    given = os.environ.get(MULTIPROC_DIR_ENV)
    if given:
        yield given
        return
    path = tempfile.mkdtemp(prefix="patient-tracker-metrics-")
    os.environ[MULTIPROC_DIR_ENV] = path
    try:
        yield path
    finally:
        os.environ.pop(MULTIPROC_DIR_ENV, None)
        shutil.rmtree(path, ignore_errors=True)


def _stop(server: WSGIServer, thread: threading.Thread) -> None:
    server.shutdown()
    server.server_close()
    thread.join()


@contextmanager
def serving_metrics(
    host: str, port: int, *, one_process: bool, collectors: Sequence[Collector] = ()
) -> Iterator[MetricsListener]:
    """Serve the server's metrics, and `collectors`', on `host:port` (0: a free port) until the
    block ends; yields where.

    `one_process`: the app runs in this process (see the module docstring); otherwise the
    multiprocess directory is set up first, so enter this before uvicorn starts its workers.
    Raises `MetricsListenError` if the port cannot be opened.
    """
    with ExitStack() as stack:
        registry = CollectorRegistry()
        directory = None
        if one_process:
            registry.register(REGISTRY)  # a registry is a collector of its metrics
        else:
            directory = stack.enter_context(_multiprocess_dir())
            registry.register(_LiveWorkers(directory))
        for collector in collectors:
            registry.register(collector)
        try:
            server, thread = start_http_server(port, host, registry=registry)
        except OSError as error:
            raise MetricsListenError(
                f"cannot serve metrics on {host}:{port} ({error.strerror or error}); set "
                "PATIENT_TRACKER_METRICS_PORT (and _HOST) to a free address, or "
                "PATIENT_TRACKER_METRICS=false"
            ) from None
        stack.callback(_stop, server, thread)
        bound_host, bound_port = server.server_address[:2]
        yield MetricsListener(str(bound_host), int(bound_port), directory)
