"""Prometheus metrics (`kit.metrics`, `web.request_metrics`, `web.metrics_exposition`): what real
servers expose on their metrics port after a known mix of requests, over real sockets.

- SQLite, two workers (prometheus-client's multiprocess mode, the private directory `serve`
  makes): the counts of both workers add up exactly, and the webhook backlog shows the
  deliveries a stopped worker left due.
- PostgreSQL, one worker (the app in the `serve` process, its own registry): the same counts,
  and the delivery results of a worker that delivers to a receiver answering 500 once.

And in-process: a dead worker's live gauges are dropped, a port that is taken is a clear error,
`PATIENT_TRACKER_METRICS=false` installs nothing, the connections gauge counts what is lent.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import anyio
import httpx
import pytest
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import literal, select

from live_server import LiveServer, run_live_server, throwaway_postgres_database
from patient_tracker import cli
from patient_tracker.app import create_app
from patient_tracker.db.database import Database
from patient_tracker.db.engine import create_engine_from_url
from patient_tracker.db.prepared import Prepared
from patient_tracker.kit import metrics
from patient_tracker.settings import Settings
from patient_tracker.web.metrics_exposition import serving_metrics
from patient_tracker.web.request_metrics import RequestMetricsMiddleware
from patient_tracker.web.request_spans import RequestSpanMiddleware
from tests.api_client import UNKNOWN_ID, patient_body
from tests.webhook_kit import QUIET_WEBHOOK_ENV, WEBHOOK_TEST_ENV, receiving

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]
T = TypeVar("T")

# What each test sends, by (operation, status class). The probes are left out of this check:
# the start-up wait polls getReadiness as many times as it takes, and getHealth is counted apart.
KNOWN_MIX = {
    ("getPatient", "2xx"): 7,
    ("getPatient", "4xx"): 3,
    ("createPatient", "2xx"): 2,
    ("createWebhookEndpoint", "2xx"): 1,
    ("unmatched", "4xx"): 1,
}


def scrape(url: str) -> Samples:
    """Every sample the metrics listener at `url` exposes, by name and labels."""
    response = httpx.get(url, timeout=10)
    assert response.status_code == 200, response.text
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float | None:
    return samples.get((name, frozenset(labels.items())))


def requests_by_operation(
    samples: Samples, *, probes: bool = False
) -> dict[tuple[str, str], float]:
    """`patient_tracker_requests_total` by (operation, status class); the readiness probes
    aside, and the health probes unless `probes`."""
    left_out = ("getReadiness",) if probes else ("getReadiness", "getHealth")
    found = {}
    for (name, labels), count in samples.items():
        if name == "patient_tracker_requests_total":
            label = dict(labels)
            if label["operation"] not in left_out:
                found[(label["operation"], label["status_class"])] = count
    return found


def eventually(check: Callable[[], T], timeout: float = 10.0) -> T:
    """`check()`'s result once it stops failing. A request is counted after its response is
    sent, so a scrape right after the last response may come a moment before it is."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return check()
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def counted(samples: Samples, requests: int) -> Samples:
    """`samples`, once they count `requests` requests (the probes included, readiness aside)."""
    assert sum(requests_by_operation(samples, probes=True).values()) == requests, samples
    return samples


def metrics_url(server: LiveServer) -> str:
    """The address `serve` printed for its metrics."""
    found = re.search(r"Metrics on (http://\S+/metrics)", server.log())
    assert found, server.log()
    return found.group(1)


def send_known_mix(server: LiveServer, receiver_url: str) -> None:
    """`KNOWN_MIX`, each request on a connection of its own (so the workers share them)."""
    with httpx.Client(
        base_url=server.base_url,
        headers=server.auth_headers,
        timeout=30,
        limits=httpx.Limits(max_keepalive_connections=0),
    ) as client:
        endpoint = client.post(
            "/v1/webhook-endpoints", json={"url": receiver_url, "event_types": ["patient.created"]}
        )
        assert endpoint.status_code == 201, endpoint.text
        created = [client.post("/v1/patients", json=patient_body()) for _ in range(2)]
        assert [response.status_code for response in created] == [201, 201]
        patient_id = created[0].json()["id"]
        for _ in range(7):
            assert client.get(f"/v1/patients/{patient_id}").status_code == 200
        for _ in range(3):
            assert client.get(f"/v1/patients/{UNKNOWN_ID}").status_code == 404
        assert client.get("/v1/no-such-thing").status_code == 404


def assert_request_metrics(samples: Samples, extra_patients: int = 0) -> None:
    """The known mix (and `extra_patients` created), exactly: counts by class, and the
    histogram's count per operation."""
    created = 2 + extra_patients
    assert requests_by_operation(samples) == {**KNOWN_MIX, ("createPatient", "2xx"): created}
    for operation, count in {"getPatient": 10, "createPatient": created, "unmatched": 1}.items():
        histogram = "patient_tracker_request_duration_seconds"
        assert value(samples, f"{histogram}_count", operation=operation) == count
        assert value(samples, f"{histogram}_bucket", operation=operation, le="+Inf") == count
        assert (value(samples, f"{histogram}_sum", operation=operation) or 0) > 0
        # A bucket counts what took at most its bound: never fewer than the bucket below.
        buckets = [
            value(samples, f"{histogram}_bucket", operation=operation, le=repr(bound)) or 0.0
            for bound in metrics.REQUEST_DURATION_BUCKETS
        ]
        assert buckets == sorted(buckets)


def requests_per_worker(directory: Path, *operations: str) -> dict[str, float]:
    """From the workers' own files: how many requests of `operations` each worker answered."""
    found = {}
    for path in directory.glob("counter_*.db"):
        merged = MultiProcessCollector.merge([str(path)], accumulate=False)  # type: ignore[no-untyped-call]
        found[path.stem.removeprefix("counter_")] = sum(
            sample.value
            for family in merged
            for sample in family.samples
            if sample.name == "patient_tracker_requests_total"
            and sample.labels["operation"] in operations
        )
    return found


def keep_one_worker_busy(server: LiveServer) -> int:
    """Make both workers answer: hold SQLite's write lock, so that the worker a POST reaches
    waits for it (a unit of work runs on its event loop: the whole worker waits), and send
    `/healthz` probes meanwhile, which only the other worker can accept. Returns the probes sent.

    Left to itself, the kernel may hand every new connection to the same worker."""
    lock = sqlite3.connect(server.database_url.removeprefix("sqlite:///"), isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")
    probes = 10
    try:
        with (
            ThreadPoolExecutor(1) as pool,
            httpx.Client(base_url=server.base_url, headers=server.auth_headers) as poster,
            httpx.Client(
                base_url=server.base_url, limits=httpx.Limits(max_keepalive_connections=0)
            ) as prober,
        ):
            created = pool.submit(poster.post, "/v1/patients", json=patient_body())
            time.sleep(0.5)  # the POST reaches a worker, which waits for the lock
            for _ in range(probes):
                assert prober.get("/healthz").status_code == 200
            lock.execute("ROLLBACK")
            assert created.result().status_code == 201
    finally:
        lock.close()
    return probes


def test_two_workers_add_up_and_show_the_backlog(tmp_path: Path) -> None:
    env = {**QUIET_WEBHOOK_ENV, "PATIENT_TRACKER_WORKERS": "2"}
    with run_live_server(f"sqlite:///{tmp_path / 'live.db'}", tmp_path, extra_env=env) as server:
        found = re.search(r"worker values in (\S+)\)", server.log())
        assert found, server.log()
        directory = Path(found.group(1))
        probes = keep_one_worker_busy(server)

        def both_answered() -> None:
            answered = requests_per_worker(directory, "getHealth", "createPatient")
            assert len([n for n in answered.values() if n]) == 2, answered

        # Each worker has answered some: the totals below add up what both counted.
        eventually(both_answered)
        send_known_mix(server, "http://127.0.0.1:9/hooks")

        url = metrics_url(server)
        samples = eventually(lambda: counted(scrape(url), sum(KNOWN_MIX.values()) + 1 + probes))

        assert_request_metrics(samples, extra_patients=1)
        health = {"operation": "getHealth", "status_class": "2xx"}
        assert value(samples, "patient_tracker_requests_total", **health) == probes
        # The worker is off: both patients' deliveries are due, waiting since their creation.
        assert value(samples, "patient_tracker_webhook_deliveries_due") == 2
        age = value(samples, "patient_tracker_webhook_oldest_due_age_seconds")
        assert age is not None
        assert 0 < age < 120
        assert value(samples, "patient_tracker_db_connections_in_use") == 0  # SQLite: no pool
        for result in metrics.DELIVERY_RESULTS:
            assert value(samples, "patient_tracker_webhook_deliveries_total", result=result) == 0
        for scope in metrics.RATE_LIMIT_SCOPES:
            assert value(samples, "patient_tracker_rate_limited_total", scope=scope) is not None
        # Multiprocess mode has no per-process collectors (they would describe this process).
        assert not any(name.startswith("process_") for name, _ in samples)
        assert directory.is_dir()
    assert not directory.exists()  # removed when `serve` ended


@pytest.mark.postgres
def test_one_worker_counts_deliveries_and_requests(tmp_path: Path) -> None:
    with (
        receiving(answers=[500]) as receiver,
        throwaway_postgres_database() as url,
        run_live_server(url, tmp_path, extra_env=WEBHOOK_TEST_ENV) as server,
    ):
        assert "worker values in" not in server.log()  # one process: no files
        send_known_mix(server, receiver.url)
        # Three attempts: one patient's first answered 500, its retry and the other's 204.
        receiver.wait_for(lambda got: len(got) == 3)
        url = metrics_url(server)

        def delivered() -> Samples:
            samples = counted(scrape(url), sum(KNOWN_MIX.values()))
            found = value(samples, "patient_tracker_webhook_deliveries_total", result="delivered")
            assert found == 2, samples
            return samples

        samples = eventually(delivered)

        assert_request_metrics(samples)
        assert value(samples, "patient_tracker_webhook_deliveries_total", result="failed") == 1
        assert value(samples, "patient_tracker_webhook_deliveries_total", result="gave_up") == 0
        assert value(samples, "patient_tracker_webhook_deliveries_due") == 0
        assert value(samples, "patient_tracker_webhook_oldest_due_age_seconds") == 0
        assert value(samples, "patient_tracker_db_connections_in_use") == 0  # all given back
        assert value(samples, "process_cpu_seconds_total") is not None  # the process's own


# ---------------------------------------------------------------- in-process

_WORKER = """
import os, sys, time
from prometheus_client import Gauge
Gauge("in_use", "d", multiprocess_mode="livesum").set(float(sys.argv[1]))
print("ready", flush=True)
if sys.argv[2] == "stay":
    time.sleep(60)
"""


def _worker(directory: Path, amount: int, stay: bool) -> subprocess.Popen[str]:
    process = subprocess.Popen(  # noqa: S603 - this interpreter, our script
        [sys.executable, "-c", _WORKER, str(amount), "stay" if stay else "go"],
        env={**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(directory)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    with process.stdout:  # it writes nothing more
        assert process.stdout.readline() == "ready\n"
    return process


def test_a_dead_workers_live_gauge_is_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that ended with nobody telling prometheus-client (killed, crashed) leaves its
    gauge file; the next scrape drops it, and keeps the live worker's value."""
    dead = _worker(tmp_path, 5, stay=False)
    dead.wait(timeout=30)
    alive = _worker(tmp_path, 2, stay=True)
    try:
        monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))  # as an operator's
        with serving_metrics("127.0.0.1", 0, one_process=False) as listener:
            samples = scrape(listener.url)
        assert value(samples, "in_use") == 2
        assert not (tmp_path / f"gauge_livesum_{dead.pid}.db").exists()
        assert (tmp_path / f"gauge_livesum_{alive.pid}.db").exists()
    finally:
        alive.kill()
        alive.wait(timeout=30)


def test_a_taken_metrics_port_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    ran: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda *args, **kwargs: ran.append(args))
    monkeypatch.setenv("PATIENT_TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("PATIENT_TRACKER_MIGRATE_ON_START", "false")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setenv("PATIENT_TRACKER_METRICS_PORT", str(port))
        status = cli.main(["serve"])
    assert status == 1
    assert ran == []  # the server never started
    assert capsys.readouterr().err == (
        f"error: cannot serve metrics on 127.0.0.1:{port} (Address already in use); set "
        "PATIENT_TRACKER_METRICS_PORT (and _HOST) to a free address, or "
        "PATIENT_TRACKER_METRICS=false\n"
    )


def test_several_workers_get_a_private_directory_for_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Set for uvicorn (whose workers inherit it), gone with the run; this process unchanged."""
    import uvicorn

    seen: list[str] = []

    def run(*_args: Any, **_kwargs: Any) -> None:
        directory = os.environ["PROMETHEUS_MULTIPROC_DIR"]
        assert Path(directory).is_dir()
        assert (Path(directory).stat().st_mode & 0o777) == 0o700
        seen.append(directory)

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    monkeypatch.setenv("PATIENT_TRACKER_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("PATIENT_TRACKER_MIGRATE_ON_START", "false")
    assert cli.main(["serve", "--workers", "2"]) == 0
    (directory,) = seen
    assert not Path(directory).exists()
    assert "PROMETHEUS_MULTIPROC_DIR" not in os.environ


def _middleware(settings: Settings) -> set[type]:
    return {entry.cls for entry in create_app(settings).user_middleware}  # type: ignore[misc]


def test_switched_off_nothing_is_installed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'off.db'}"
    off = _middleware(Settings(database_url=url, metrics=False))
    assert RequestMetricsMiddleware not in off
    assert RequestSpanMiddleware not in off  # tracing is off by default
    assert RequestMetricsMiddleware in _middleware(Settings(database_url=url))


def test_labels_are_from_fixed_lists() -> None:
    with pytest.raises(ValueError, match="scope"):
        metrics.record_rate_limited("everyone")
    with pytest.raises(ValueError, match="result"):
        metrics.record_webhook_delivery("lost")
    before = metrics.RATE_LIMITED.labels("address")._value.get()
    metrics.record_rate_limited("address")
    assert metrics.RATE_LIMITED.labels("address")._value.get() == before + 1


_ONE = Prepared(select(literal(1).label("one")))


class _Tally:
    def __init__(self) -> None:
        self.now = 0.0
        self.most = 0.0

    def inc(self, amount: float = 1) -> None:
        self.now += amount
        self.most = max(self.most, self.now)

    def dec(self, amount: float = 1) -> None:
        self.now -= amount


def test_connections_in_use_counts_what_is_lent(postgres_url: str) -> None:
    """PostgreSQL: one more while a unit of work holds a connection, back to 0 after."""
    tally = _Tally()
    database = Database(create_engine_from_url(postgres_url), connections_in_use=tally)

    async def scenario() -> tuple[float, float]:
        try:
            inside = await database.read(lambda _conn: tally.now)
            found = await database.read_one(_ONE, {})
            assert found == {"one": 1}
            return inside, tally.now
        finally:
            await database.aclose()

    assert anyio.run(scenario) == (1, 0)
    assert tally.most == 1
