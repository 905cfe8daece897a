"""Webhook delivery benchmark: how soon a receiver hears of a change, what a dead endpoint costs
the others, and how fast a backlog drains against the most this machine can send.

Run it as ``nox -s bench-webhooks`` (or ``PYTHONPATH=. python bench/webhooks.py --help`` in a
dev environment). On SQLite and on PostgreSQL (a fresh database on ``--postgres-url``'s server,
dropped afterwards), each with ``patient-tracker serve`` and its delivery worker at their default
settings (one process; only what loopback receivers need is changed: ``http`` and private
addresses allowed, no DNS):

1. **Latency, idle**: three endpoints subscribed to ``patient.created``; ``--events`` patients
   are created one at a time, ``--pause`` apart. Each delivery's latency is from the moment the
   API's answer (the 201) reached the client to the moment the whole request reached the
   receiver (both ``time.time()``, one machine). Reported: p50, p95, p99 and max, and the same
   from the event's ``created_at`` (written just before the change's COMMIT: an upper bound of
   commit-to-receipt). Targets: p50 < 20 ms, p99 < 100 ms.
2. **Dead endpoint**: the same again with a fourth endpoint that accepts connections and never
   answers. Reported: the three others' p99 over their p99 in (1), measured in the same run.
   Target: under 2x.
3. **Drain**: ``--backlog-events`` patients created with the worker off, each queued for
   ``--endpoints`` endpoints (10,000 deliveries by default); then a server with its worker on
   starts, and drains them. The rate is deliveries over the time from the first receipt to the
   last. Every delivery is checked to arrive, and counted if it arrives more than once.
4. **Floor**: the same deliveries (URL, secret, event id, payload, read from the database) sent
   by a minimal asyncio loop (uvloop) that signs each with ``standardwebhooks`` and POSTs it with
   httpx, as many at once as the worker sends to those endpoints
   (``min(WEBHOOK_CONCURRENCY, endpoints x WEBHOOK_ENDPOINT_CONCURRENCY)``), each on a
   connection of its own as the sender must (no kept-alive connections: docs/design.md,
   "SSRF"; httpx's pool also costs more CPU with them, here, than new connections do). It runs
   before and after the drain; the better run is the floor. Target: the drain at 0.5x the
   floor's rate or better. The CPU time per delivery of both is reported too (the server's
   from when it answers, start-up left out; on PostgreSQL also its backends').

``--scenarios`` and ``--databases`` choose what runs; ``--workdir`` keeps the databases and the
servers' logs.

The receiver (a small HTTP/1.1 server on asyncio and uvloop, answering 204 at once, and the dead
endpoint) runs in a process of its own; the server and the floor are pinned to one CPU and the
receiver to the other when ``taskset`` and two CPUs are there. Printed, and written as JSON to
``bench/results/webhooks.json`` (git-ignored). The exit status is 1 if a delivery is missing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import httpx
from run import (
    DEFAULT_POSTGRES_URL,
    can_pin,
    cli,
    cpu_seconds,
    database_cpu_seconds,
    database_cpu_used,
    libpq_conninfo,
    pinned,
    postgres_database,
    server,
)
from sqlalchemy import select
from sqlalchemy.engine import make_url

from live_server import free_port
from patient_tracker.db.engine import create_engine_from_url
from patient_tracker.db.tables import events, webhook_deliveries, webhook_endpoints
from patient_tracker.settings import Settings

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_OUTPUT = BENCH_DIR / "results" / "webhooks.json"
SERVER_CPU, RECEIVER_CPU = 1, 0
P50_TARGET_MS, P99_TARGET_MS = 20.0, 100.0
DEAD_RATIO_TARGET = 2.0
DRAIN_TARGET = 0.5
LATENCY_ENDPOINTS = 3
# What the server changes from production: loopback receivers over http, no DNS.
SERVER_ENV = {
    "PATIENT_TRACKER_MIGRATE_ON_START": "false",
    "PATIENT_TRACKER_METRICS_PORT": "0",
    "PATIENT_TRACKER_WEBHOOK_ALLOW_HTTP": "true",
    "PATIENT_TRACKER_WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "true",
    "PATIENT_TRACKER_WEBHOOK_RESOLVE_NAMES": "false",
}


# -- the receiver (a process of its own) -------------------------------------------------------

Receipt = tuple[float, str, str]  # when (time.time()), path, webhook-id


class _Receiving(asyncio.Protocol):
    """HTTP/1.1, enough of it: POST is recorded and answered 204 at once; GET /_receipts?from=N
    answers the receipts from the N-th on, as JSON, and GET /_count how many there are."""

    receipts: list[Receipt] = []  # noqa: RUF012 - one list for every connection

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = cast(asyncio.Transport, transport)  # uvloop's is no subclass of it
        self._buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        self._buffer += data
        while True:
            end = self._buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            lines = bytes(self._buffer[:end]).decode("latin-1").split("\r\n")
            method, target, _ = lines[0].split(" ", 2)
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            size = end + 4 + int(headers.get("content-length", "0"))
            if len(self._buffer) < size:
                return
            del self._buffer[:size]
            if method == "POST":
                self.receipts.append((time.time(), target, headers.get("webhook-id", "")))
                self._transport.write(b"HTTP/1.1 204 No Content\r\n\r\n")
            elif target.startswith("/_count"):
                body = str(len(self.receipts)).encode()
                self._transport.write(
                    b"HTTP/1.1 200 OK\r\ncontent-length: %d\r\n\r\n%b" % (len(body), body)
                )
            else:
                start = int(target.partition("from=")[2] or 0)
                body = json.dumps(self.receipts[start:]).encode()
                self._transport.write(
                    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                    b"content-length: %d\r\n\r\n%b" % (len(body), body)
                )


class _Silent(asyncio.Protocol):
    """Accepts, reads, never answers: a receiver that hangs."""

    held: list[asyncio.BaseTransport] = []  # noqa: RUF012 - kept open until the process ends

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.held.append(transport)


def serve_receiver(port: int, dead_port: int) -> None:
    """The receiver's process: both servers on 127.0.0.1, until it is terminated."""
    import uvloop

    async def main() -> None:
        loop = asyncio.get_running_loop()
        await loop.create_server(_Receiving, "127.0.0.1", port, backlog=4096)
        await loop.create_server(_Silent, "127.0.0.1", dead_port, backlog=4096)
        await asyncio.Event().wait()

    uvloop.run(main())


@dataclass
class Receiver:
    """The running receiver, seen from the benchmark."""

    url: str
    dead_url: str
    http: httpx.Client

    def receipts(self, start: int = 0) -> list[Receipt]:
        """What arrived, from the `start`-th receipt on."""
        found = self.http.get(f"{self.url}/_receipts", params={"from": start}).json()
        return [(float(t), str(path), str(webhook_id)) for t, path, webhook_id in found]

    def count(self) -> int:
        """How many deliveries have arrived in all."""
        return int(self.http.get(f"{self.url}/_count").text)

    def wait_for(self, start: int, count: int, timeout: float) -> list[Receipt]:
        """Wait until `count` receipts arrived after the `start`-th; all of them (it may be
        fewer, at the timeout)."""
        deadline = time.monotonic() + timeout
        while self.count() - start < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.receipts(start)


@contextmanager
def receiver(workdir: Path) -> Iterator[Receiver]:
    """Run the receiver's process until the block ends."""
    port, dead_port = free_port(), free_port()
    command = [sys.executable, __file__, "receiver", str(port), str(dead_port)]
    with (workdir / "receiver.log").open("wb") as log:
        process = subprocess.Popen(pinned(RECEIVER_CPU, command), stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=30) as http:
            deadline = time.monotonic() + 10
            while True:
                try:
                    http.get(f"{url}/_receipts")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
            yield Receiver(url, f"http://127.0.0.1:{dead_port}", http)
    finally:
        process.terminate()
        process.wait(timeout=10)


# -- the floor (a process of its own) ----------------------------------------------------------


def run_floor(jobs_file: Path, concurrency: int) -> None:
    """The floor's process: sign and POST every job of `jobs_file`, `concurrency` at once, each
    on a connection of its own; prints its CPU and wall seconds (start-up left out) as JSON."""
    import uvloop
    from standardwebhooks import Webhook

    jobs = json.loads(jobs_file.read_text())

    async def main() -> None:
        limits = httpx.Limits(max_keepalive_connections=0)
        async with httpx.AsyncClient(limits=limits, trust_env=False, timeout=15) as client:
            gate = asyncio.Semaphore(concurrency)

            async def send(url: str, secret: str, event_id: str, payload: str) -> None:
                async with gate:
                    now = datetime.now(UTC)
                    signature = Webhook(secret).sign(event_id, now, payload)
                    response = await client.post(
                        url,
                        content=payload.encode(),
                        headers={
                            "webhook-id": event_id,
                            "webhook-timestamp": str(int(now.timestamp())),
                            "webhook-signature": signature,
                            "content-type": "application/json",
                        },
                    )
                    response.raise_for_status()

            await asyncio.gather(*(send(*job) for job in jobs))

    cpu, wall = time.process_time(), time.perf_counter()
    uvloop.run(main())
    used = {"cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - wall}
    print(json.dumps(used), flush=True)


def floor(
    workdir: Path, jobs: list[list[str]], receiving: Receiver, concurrency: int
) -> dict[str, Any]:
    """Run the floor once; its rate as the receiver saw it, and its CPU time per delivery."""
    jobs_file = workdir / "floor-jobs.json"
    jobs_file.write_text(json.dumps(jobs))
    start = receiving.count()
    command = [sys.executable, __file__, "floor", str(jobs_file), str(concurrency)]
    ran = subprocess.run(pinned(SERVER_CPU, command), check=False, capture_output=True, text=True)
    if ran.returncode != 0:
        sys.exit(f"the floor failed ({ran.returncode}):\n{ran.stderr}")
    used = json.loads(ran.stdout.strip().splitlines()[-1])
    got = receiving.wait_for(start, len(jobs), timeout=30)
    return {
        **_rate(got, len(jobs)),
        "cpu_us_per_delivery": round(used["cpu_s"] / len(jobs) * 1e6),
    }


# -- the scenarios -----------------------------------------------------------------------------


def _rate(got: list[Receipt], expected: int) -> dict[str, Any]:
    """Deliveries per second from the first receipt to the last; what arrived twice."""
    times = sorted(t for t, _, _ in got)
    span = times[-1] - times[0] if len(times) > 1 else 0.0
    pairs = Counter((path, webhook_id) for _, path, webhook_id in got)
    return {
        "deliveries": expected,
        "received": len(got),
        "distinct": len(pairs),
        "doubled": sum(n - 1 for n in pairs.values()),
        "seconds": round(span, 3),
        "per_second": round((len(got) - 1) / span, 1) if span else None,
    }


def _percentiles(values: Sequence[float]) -> dict[str, float]:
    """p50, p95, p99 and max, in ms."""
    if not values:
        return {}
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {
        "p50_ms": round(cuts[49] * 1000, 1),
        "p95_ms": round(cuts[94] * 1000, 1),
        "p99_ms": round(cuts[98] * 1000, 1),
        "max_ms": round(max(values) * 1000, 1),
        "samples": len(values),
    }


def _event_rows(database_url: str) -> dict[str, tuple[str, float]]:
    """Event id -> (the resource it is about, its created_at as a timestamp)."""
    engine = create_engine_from_url(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(events.c.id, events.c.resource_id, events.c.created_at))
            return {row.id: (row.resource_id, row.created_at.timestamp()) for row in rows}
    finally:
        engine.dispose()


def _patient(n: int) -> dict[str, str]:
    return {
        "given_name": "Ada",
        "family_name": "Lovelace",
        "date_of_birth": "1990-01-01",
        "phone": f"+1555{os.getpid() % 1000:03d}{n:05d}",
    }


class Api:
    """The API, through one client with the bench's key."""

    def __init__(self, base_url: str, key: str) -> None:
        self.http = httpx.Client(
            base_url=base_url, headers={"Authorization": f"Bearer {key}"}, timeout=30
        )
        self.patients = 0

    def endpoint(self, url: str) -> str:
        response = self.http.post(
            "/v1/webhook-endpoints", json={"url": url, "event_types": ["patient.created"]}
        )
        response.raise_for_status()
        return str(response.json()["id"])

    def patient(self) -> tuple[str, float]:
        """Create a patient: its id, and when the answer arrived."""
        self.patients += 1
        response = self.http.post("/v1/patients", json=_patient(self.patients))
        answered = time.time()
        if response.status_code != 201:
            sys.exit(f"POST /v1/patients answered {response.status_code}: {response.text}")
        return str(response.json()["id"]), answered


def latency_run(
    api: Api,
    receiving: Receiver,
    database_url: str,
    paths: Sequence[str],
    options: argparse.Namespace,
) -> dict[str, Any]:
    """Create `options.events` patients one at a time; every delivery's latency to `paths`."""
    for _ in range(10):  # warm-up
        api.patient()
    time.sleep(0.5)
    start = receiving.count()
    answered: dict[str, float] = {}
    for _ in range(options.events):
        patient_id, at = api.patient()
        answered[patient_id] = at
        time.sleep(options.pause)
    got = receiving.wait_for(start, options.events * len(paths), timeout=60)
    rows = _event_rows(database_url)
    from_answer, from_event = [], []
    wanted = set(paths)
    for at, path, webhook_id in got:
        resource_id, created = rows[webhook_id]
        if path in wanted and resource_id in answered:
            from_answer.append(at - answered[resource_id])
            from_event.append(at - created)
    missing = options.events * len(paths) - len(from_answer)
    return {
        "from_answer": _percentiles(from_answer),
        "from_event_created": _percentiles(from_event),
        "missing": missing,
    }


def start_api(
    stack: ExitStack, workdir: Path, database_url: str, name: str, **env: str
) -> tuple[str, int]:
    """`patient-tracker serve` on `database_url`, pinned; its URL and PID."""
    port = free_port()
    full_env = {
        **os.environ,
        **SERVER_ENV,
        "PATIENT_TRACKER_DATABASE_URL": database_url,
        "PATIENT_TRACKER_PORT": str(port),
        **env,
    }
    command = [sys.executable, "-m", "patient_tracker", "serve"]
    log = workdir / f"{name}-{port}.log"
    pid = stack.enter_context(server(command, SERVER_CPU, port, "/readyz", log, full_env))
    return f"http://127.0.0.1:{port}", pid


def prepare(database_url: str) -> str:
    """Migrate the database; an API key with every scope."""
    env = {**os.environ, "PATIENT_TRACKER_DATABASE_URL": database_url}
    cli(["db", "upgrade"], env)
    return cli(["keys", "create", "--name", "bench"], env).strip().splitlines()[-1]


def latency(
    workdir: Path, database_url: str, receiving: Receiver, options: argparse.Namespace
) -> dict[str, Any]:
    """Scenarios 1 and 2 on one server."""
    key = prepare(database_url)
    with ExitStack() as stack:
        base_url, _ = start_api(stack, workdir, database_url, "latency")
        api = Api(base_url, key)
        paths = [f"/latency/{n}" for n in range(LATENCY_ENDPOINTS)]
        for path in paths:
            api.endpoint(receiving.url + path)
        idle = latency_run(api, receiving, database_url, paths, options)
        dead_id = api.endpoint(receiving.dead_url + "/dead")
        dead = latency_run(api, receiving, database_url, paths, options)
        api.http.delete(f"/v1/webhook-endpoints/{dead_id}")
        api.http.close()
    ratio = None
    if idle["from_answer"] and dead["from_answer"]:
        ratio = round(dead["from_answer"]["p99_ms"] / max(idle["from_answer"]["p99_ms"], 0.1), 2)
    return {"idle": idle, "dead_endpoint": dead, "dead_p99_ratio": ratio}


def drain(
    workdir: Path, database_url: str, receiving: Receiver, options: argparse.Namespace
) -> dict[str, Any]:
    """Scenarios 3 and 4: a backlog queued with the worker off, drained by one process, and the
    same deliveries sent by the floor."""
    key = prepare(database_url)
    expected = options.backlog_events * options.endpoints
    with ExitStack() as stack:
        base_url, _ = start_api(
            stack, workdir, database_url, "queue", PATIENT_TRACKER_WEBHOOK_WORKER="false"
        )
        api = Api(base_url, key)
        for n in range(options.endpoints):
            api.endpoint(f"{receiving.url}/drain/{n}")
        started = time.perf_counter()
        for _ in range(options.backlog_events):
            api.patient()
        api.http.close()
        print(
            f"  queued {expected:,} deliveries in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
    jobs = _jobs(database_url)
    assert len(jobs) == expected, (len(jobs), expected)
    settings = Settings()
    concurrency = min(
        settings.webhook_concurrency, options.endpoints * settings.webhook_endpoint_concurrency
    )
    floors = [floor(workdir, jobs, receiving, concurrency)]
    start = receiving.count()
    database = make_url(database_url).database if database_url.startswith("postgres") else None
    db_cpu = 0.0
    with ExitStack() as stack:
        # The worker starts draining as the server starts; the CPU counted is from when it
        # answers (start-up left out), for what arrived from then on.
        _, pid = start_api(stack, workdir, database_url, "drain")
        ready_at, cpu_at_ready = time.time(), cpu_seconds(pid)
        admin = libpq_conninfo(options.postgres_url)
        backends = database_cpu_seconds(admin, database) if database else {}
        got = receiving.wait_for(start, expected, timeout=600)
        cpu = cpu_seconds(pid) - cpu_at_ready
        if database:
            db_cpu = database_cpu_used(backends, database_cpu_seconds(admin, database))
    worker = _rate(got, expected)
    after_ready = sum(1 for t, _, _ in got if t >= ready_at) or 1
    worker["server_cpu_us_per_delivery"] = round(cpu / after_ready * 1e6)
    if database:
        worker["database_cpu_us_per_delivery"] = round(db_cpu / after_ready * 1e6)
    floors.append(floor(workdir, jobs, receiving, concurrency))
    best = max(floors, key=lambda f: f["per_second"] or 0)
    ratio = None
    if worker["per_second"] and best["per_second"]:
        ratio = round(worker["per_second"] / best["per_second"], 2)
    return {
        "worker": worker,
        "floor_runs": floors,
        "floor": best,
        "floor_concurrency": concurrency,
        "ratio": ratio,
    }


def _jobs(database_url: str) -> list[list[str]]:
    """Every delivery queued: [url, secret, event id, payload]."""
    d, e, v = webhook_deliveries.c, webhook_endpoints.c, events.c
    engine = create_engine_from_url(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(e.url, e.secret, v.id, v.payload)
                .join_from(webhook_deliveries, webhook_endpoints, e.id == d.endpoint_id)
                .join(events, v.id == d.event_id)
                .order_by(d.next_attempt_at)
            )
            return [[row.url, row.secret, row.id, row.payload] for row in rows]
    finally:
        engine.dispose()


# -- the run -----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--events", type=int, default=300, help="events per latency run (default 300)")
    add("--pause", type=float, default=0.03, help="seconds between them (default 0.03)")
    add("--backlog-events", type=int, default=1000, help="events in the backlog (default 1000)")
    add("--endpoints", type=int, default=10, help="endpoints the backlog goes to (default 10)")
    add(
        "--databases",
        default="sqlite,postgresql",
        help="comma-separated: sqlite, postgresql (default both)",
    )
    add(
        "--scenarios",
        default="latency,drain",
        help="comma-separated: latency (with the dead endpoint), drain (with the floor)",
    )
    add("--postgres-url", default=DEFAULT_POSTGRES_URL, help="the PostgreSQL server to use")
    add("--output", type=Path, default=DEFAULT_OUTPUT, help="JSON results file")
    add(
        "--workdir",
        type=Path,
        help="keep the databases and the servers' logs in this directory (default: a temporary "
        "one, removed)",
    )
    return parser.parse_args(argv)


def _line(label: str, figures: dict[str, Any]) -> str:
    if not figures:
        return f"  {label:<34} (no samples)"
    return (
        f"  {label:<34} p50 {figures['p50_ms']:>6.1f}  p95 {figures['p95_ms']:>6.1f}  "
        f"p99 {figures['p99_ms']:>6.1f}  max {figures['max_ms']:>7.1f} ms  "
        f"(n={figures['samples']})"
    )


def report(kind: str, result: dict[str, Any]) -> list[str]:
    """Print one database's figures; returns what missed a target."""
    missed: list[str] = []
    if "latency" in result:
        missed += report_latency(kind, result["latency"])
    if "drain" in result:
        missed += report_drain(kind, result["drain"])
    return missed


def report_latency(kind: str, lat: dict[str, Any]) -> list[str]:
    """Print the latency scenarios' figures; returns what missed a target."""
    missed: list[str] = []
    idle = lat["idle"]["from_answer"]
    print(f"\n{kind}: latency, API answer -> receipt ({LATENCY_ENDPOINTS} endpoints)")
    print(_line("idle", idle))
    print(_line("idle, from the event's created_at", lat["idle"]["from_event_created"]))
    print(_line("3 others, with a dead endpoint", lat["dead_endpoint"]["from_answer"]))
    print(f"  dead endpoint: others' p99 x{lat['dead_p99_ratio']} (target < {DEAD_RATIO_TARGET}x)")
    if idle and (idle["p50_ms"] >= P50_TARGET_MS or idle["p99_ms"] >= P99_TARGET_MS):
        missed.append(f"{kind} latency")
    if lat["dead_p99_ratio"] is None or lat["dead_p99_ratio"] >= DEAD_RATIO_TARGET:
        missed.append(f"{kind} dead endpoint")
    return missed


def report_drain(kind: str, dr: dict[str, Any]) -> list[str]:
    """Print the drain's figures against the floor's; returns what missed a target."""
    missed: list[str] = []
    worker, best = dr["worker"], dr["floor"]
    print(f"{kind}: drain of {worker['deliveries']:,} deliveries to the endpoints, one process")
    db_cpu = worker.get("database_cpu_us_per_delivery")
    print(
        f"  worker {worker['per_second']}/s in {worker['seconds']} s "
        f"(received {worker['received']:,}, distinct {worker['distinct']:,}, doubled "
        f"{worker['doubled']}); CPU {worker['server_cpu_us_per_delivery']} us/delivery"
        + (f" + PostgreSQL {db_cpu}" if db_cpu is not None else "")
    )
    print(
        f"  floor  {best['per_second']}/s ({dr['floor_concurrency']} at once, no keep-alive; runs: "
        f"{', '.join(str(f['per_second']) for f in dr['floor_runs'])}); CPU "
        f"{best['cpu_us_per_delivery']} us/delivery"
    )
    print(f"  worker / floor: {dr['ratio']}x (target >= {DRAIN_TARGET}x)")
    if dr["ratio"] is None or dr["ratio"] < DRAIN_TARGET:
        missed.append(f"{kind} drain")
    return missed


def main(argv: Sequence[str] | None = None) -> int:
    """Run every scenario on each database; print; write the JSON. 1 if a delivery is missing."""
    options = parse_args(argv)
    kinds = [kind.strip() for kind in options.databases.split(",") if kind.strip()]
    runs = {"latency": latency, "drain": drain}
    wanted = [name.strip() for name in options.scenarios.split(",") if name.strip()]
    if not can_pin():
        print("warning: not pinning (needs taskset and 2 CPUs): figures are noisier", flush=True)
    results: dict[str, Any] = {}
    with ExitStack() as stack:
        if options.workdir is None:
            workdir = Path(
                stack.enter_context(tempfile.TemporaryDirectory(prefix="bench-webhooks-"))
            )
        else:
            workdir = options.workdir
            workdir.mkdir(parents=True, exist_ok=True)
        receiving = stack.enter_context(receiver(workdir))
        for kind in kinds:
            results[kind] = {}
            for scenario in wanted:
                print(f"{kind}: {scenario} ...", flush=True)
                with ExitStack() as databases:
                    if kind == "sqlite":
                        url = f"sqlite:///{workdir / f'{kind}-{scenario}.db'}"
                    else:
                        url = databases.enter_context(postgres_database(options.postgres_url))
                    results[kind][scenario] = runs[scenario](workdir, url, receiving, options)
    missed: list[str] = []
    for kind, result in results.items():
        missed += report(kind, result)
    print("\ntargets missed: " + (", ".join(missed) if missed else "none"))
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps({"results": results, "missed": missed}, indent=2))
    print(f"written to {options.output}")
    incomplete = [
        kind
        for kind, result in results.items()
        if (
            "drain" in result
            and result["drain"]["worker"]["distinct"] < result["drain"]["worker"]["deliveries"]
        )
        or ("latency" in result and result["latency"]["idle"]["missing"])
    ]
    return 1 if incomplete else 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "receiver":
        serve_receiver(int(sys.argv[2]), int(sys.argv[3]))
    elif len(sys.argv) > 1 and sys.argv[1] == "floor":
        run_floor(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        sys.exit(main())
