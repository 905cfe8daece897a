"""Load benchmark of the API against FastAPI's hello world, with wrk over loopback.

Run it as ``nox -s bench`` (or ``python bench/run.py --help`` in a dev environment).

What is measured, as requests/s, p50 and p99 latency, and server CPU time per request:

1. **hello (reference)**: ``GET /hello`` on ``bench/hello_app.py``, FastAPI's hello world.
2. **GET patient**: authenticated ``GET /v1/patients/{id}`` on a table of 100,000 patients,
   rotating through 10,000 random ids (``lua/get_patient.lua``). Target: >= 0.6x the reference.
3. **POST appointment**: ``POST /v1/appointments``, each request booking a distinct slot so that
   every one succeeds with 201 (``lua/book_appointment.lua`` says how). Target: >= 0.25x.
4. only with ``--idempotency-key``: the same POST with a unique ``Idempotency-Key`` each.
5. only with ``--floor``: the GET and POST against ``bench/floor_app.py``, which does the least
   any implementation must (key lookup, validation by the generated models, the same queries,
   a durable commit) with FastAPI and sqlite3 and nothing else: a lower bound for this stack;
   and the API again with rate limits and metrics off (``OFF_ENV``), to measure what they cost.
6. only with ``--postgres``: the GET and POST (and the Idempotency-Key POST if asked) on
   PostgreSQL: a fresh database on the server ``--postgres-url`` names, created, seeded the same
   way and dropped by the run, served by the API with 1 and with 2 uvicorn workers
   (``--postgres-workers``); with ``--floor`` also against ``bench/floor_pg_app.py``, the same
   floor written with FastAPI and psycopg. PostgreSQL itself is not pinned: its backends run
   wherever the OS puts them, and their CPU time per request is reported apart ("DB CPU").

Every response status is counted: a case with a response other than the expected one (200, 201)
or a socket error is INVALID, and the exit status is then 1.

How: each server is one uvicorn process (httptools, uvloop, one worker, no access log unless
``--access-log``), pinned to one CPU with ``taskset``; wrk is pinned to another. The API is
started with ``patient-tracker serve`` on a fresh SQLite file in a temporary directory, after
``patient-tracker db upgrade`` and ``patient-tracker keys create``; the patients and
practitioners are bulk-inserted with SQLAlchemy Core into the project's tables. Every other
server (the floors, the second PostgreSQL API) gets a copy of that seeded database of its own, so
that the rows one case books never slow another down. The servers run side by side (an idle one
costs nothing). Each case is warmed up once, then the cases are measured in turn, ``--rounds``
times, each round starting further along the list, so that a disturbance on a shared machine
hits one round rather than one case, and no case is always measured first or last; reported is
the median over rounds.

Columns: "x ref" is req/s over the reference's in the same round (the targets apply to it).
"CPU us/req" is the server's CPU time per request (its process and any worker processes, from
/proc), "DB CPU" that of the PostgreSQL backends serving its database, and "x ref CPU" the
reference's over this one's: the req/s ratio if each server had a whole CPU, which holds steadier
than req/s when other processes compete for the CPU. "busy" is the server's CPU time over wall
time: below 0.9 the server was not the bottleneck or did not have its CPU to itself, and req/s
understates it. Results are also written to ``bench/results/latest.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import text
from sqlalchemy.engine import make_url

from live_server import free_port, serving
from patient_tracker.db.engine import PG_MAX_OVERFLOW, PG_POOL_SIZE, create_engine_from_url
from patient_tracker.db.tables import appointments, patients, practitioners
from patient_tracker.kit.ids import new_id
from patient_tracker.settings import normalize_database_url

BENCH_DIR = Path(__file__).resolve().parent
LUA_DIR = BENCH_DIR / "lua"
DEFAULT_OUTPUT = BENCH_DIR / "results" / "latest.json"
# Bookings start here, in 30-minute slots: see lua/book_appointment.lua.
BOOKING_BASE = datetime(2031, 1, 1, tzinfo=UTC)
# The past each practitioner has when a run starts (see `seed`).
SEEDED_BOOKINGS_PER_PRACTITIONER = 20
# Each wrk run numbers its bookings from the next multiple of this, so runs never share a slot.
BOOKINGS_PER_RUN = 10_000_000
SEED_CHUNK = 10_000
RESULT_MARKER = "BENCH_RESULT "
GET_TARGET = 0.6
POST_TARGET = 0.25
LOW_BUSY = 0.9
DEFAULT_POSTGRES_URL = os.environ.get(
    "PATIENT_TRACKER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@dataclass(frozen=True)
class Options:
    """The command line, typed."""

    duration: int
    warmup: int
    rounds: int
    connections: int
    threads: int
    patients: int
    get_ids: int
    practitioners: int
    booking_patients: int
    server_cpu: int
    wrk_cpu: int
    access_log: bool
    idempotency_key: bool
    floor: bool
    postgres: bool
    postgres_url: str
    postgres_workers: tuple[int, ...]
    output: Path


@dataclass(frozen=True)
class Case:
    """One thing to measure: a running server and the wrk script that loads it."""

    name: str
    pid: int
    url: str
    script: Path
    env: dict[str, str]
    expected_status: int = 200
    target: float | None = None
    # The PostgreSQL database it uses, whose backends' CPU time is measured too.
    database: str | None = None


@dataclass(frozen=True)
class Sample:
    """One measured wrk run of a case."""

    requests: int
    requests_per_s: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    max_ms: float
    server_cpu_us_per_request: float
    db_cpu_us_per_request: float | None
    busy: float
    wrk_busy: float
    statuses: dict[str, int]
    socket_errors: dict[str, int]


@dataclass
class Result:
    """A case's samples over all rounds, and their summary."""

    name: str
    expected_status: int
    target: float | None
    samples: list[Sample] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)
    cpu_ratios: list[float] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        """The median over rounds of one of :class:`Sample`'s numbers."""
        return float(statistics.median(getattr(sample, attribute) for sample in self.samples))

    @property
    def ratio(self) -> float:
        """Median of the per-round ratios of req/s to the reference's."""
        return statistics.median(self.ratios)

    @property
    def cpu_ratio(self) -> float:
        """Median of the per-round ratios of the reference's CPU time per request to this one's.

        What the req/s ratio would be if both servers had a whole CPU: steadier than the req/s
        ratio on a shared machine.
        """
        return statistics.median(self.cpu_ratios)

    @property
    def statuses(self) -> dict[str, int]:
        """Response statuses over all rounds."""
        total: Counter[str] = Counter()
        for sample in self.samples:
            total.update(sample.statuses)
        return dict(sorted(total.items()))

    @property
    def failures(self) -> list[str]:
        """Why the case's figures cannot be trusted (empty if they can)."""
        found = []
        unexpected = {s: n for s, n in self.statuses.items() if s != str(self.expected_status)}
        if unexpected:
            found.append(f"responses other than {self.expected_status}: {unexpected}")
        errors: Counter[str] = Counter()
        for sample in self.samples:
            errors.update({kind: n for kind, n in sample.socket_errors.items() if n})
        if errors:
            found.append(f"socket errors: {dict(errors)}")
        return found

    @property
    def db_cpu(self) -> float | None:
        """Median PostgreSQL backend CPU us per request, if the case runs on PostgreSQL."""
        values = [s.db_cpu_us_per_request for s in self.samples]
        known = [v for v in values if v is not None]
        return float(statistics.median(known)) if known else None

    def summary(self) -> dict[str, Any]:
        """What goes into the JSON file."""
        return {
            "name": self.name,
            "requests_per_s": self.median("requests_per_s"),
            "p50_ms": self.median("p50_ms"),
            "p99_ms": self.median("p99_ms"),
            "ratio_to_reference": round(self.ratio, 3),
            "cpu_ratio_to_reference": round(self.cpu_ratio, 3),
            "target": self.target,
            "meets_target": None if self.target is None else self.ratio >= self.target,
            "server_cpu_us_per_request": self.median("server_cpu_us_per_request"),
            "db_cpu_us_per_request": self.db_cpu,
            "busy": self.median("busy"),
            "statuses": self.statuses,
            "expected_status": self.expected_status,
            "failures": self.failures,
            "rounds": [asdict(sample) for sample in self.samples],
        }


def parse_args(argv: Sequence[str] | None) -> Options:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add = parser.add_argument
    add("--duration", type=int, default=10, help="seconds per measured run (default 10)")
    add("--warmup", type=int, default=3, help="seconds of warm-up per case (default 3)")
    add("--rounds", type=int, default=3, help="times every case is measured (default 3)")
    add("--connections", type=int, default=32, help="wrk connections (default 32)")
    add("--threads", type=int, default=1, help="wrk threads (default 1: wrk gets one CPU)")
    add("--patients", type=int, default=100_000, help="patients in the table (default 100000)")
    add("--get-ids", type=int, default=10_000, help="random patient ids the GET rotates through")
    add("--practitioners", type=int, default=500, help="practitioners bookings rotate through")
    add("--booking-patients", type=int, default=10_000, help="patients bookings rotate through")
    add("--server-cpu", type=int, default=0, help="CPU the servers are pinned to (default 0)")
    add("--wrk-cpu", type=int, default=1, help="CPU wrk is pinned to (default 1)")
    add("--access-log", action="store_true", help="run the API with its access log on")
    add(
        "--idempotency-key",
        action="store_true",
        help="also measure POST /v1/appointments with a unique Idempotency-Key per request",
    )
    add(
        "--floor",
        action="store_true",
        help="also measure bench/floor_app.py: the least work the same GET and POST can do with "
        "FastAPI and sqlite3 on the same database (a lower bound, not an implementation)",
    )
    add(
        "--postgres",
        action="store_true",
        help="also measure the API on PostgreSQL (a fresh database on --postgres-url's server)",
    )
    add(
        "--postgres-url",
        default=DEFAULT_POSTGRES_URL,
        help="a database on the PostgreSQL server to use; the run creates and drops its own "
        "database there (default: PATIENT_TRACKER_TEST_POSTGRES_URL or the local test database)",
    )
    add(
        "--postgres-workers",
        type=lambda text: tuple(int(n) for n in text.split(",")),
        default=(1, 2),
        help="uvicorn worker counts to measure on PostgreSQL, comma-separated (default 1,2)",
    )
    add("--output", type=Path, default=DEFAULT_OUTPUT, help="JSON results file")
    options = Options(**vars(parser.parse_args(argv)))
    if min(options.duration, options.rounds, options.connections, options.threads) < 1:
        parser.error("--duration, --rounds, --connections and --threads must be at least 1")
    if not 0 < options.practitioners <= options.booking_patients <= options.patients:
        parser.error("need 0 < --practitioners <= --booking-patients <= --patients")
    if not 0 < options.get_ids <= options.patients:
        parser.error("need 0 < --get-ids <= --patients")
    return options


# -- processes ---------------------------------------------------------------------------------


def can_pin() -> bool:
    """Whether processes can be pinned to separate CPUs."""
    return shutil.which("taskset") is not None and (os.cpu_count() or 1) >= 2


def pinned(cpu: int | str, command: list[str]) -> list[str]:
    """``command`` run on one CPU (or a ``taskset`` CPU list) with ``taskset``, or as is when
    pinning is not possible."""
    return ["taskset", "--cpu-list", str(cpu), *command] if can_pin() else command


@contextmanager
def server(
    command: list[str], cpu: int | str, port: int, ready_path: str, log: Path, env: dict[str, str]
) -> Iterator[int]:
    """Run a server pinned to ``cpu`` until the block ends (``live_server.serving``); yields its
    PID once ``ready_path`` answers."""
    started = serving(pinned(cpu, command), port, log, env, ready_path=ready_path, timeout=60)
    with started as (_, process):
        yield process.pid


def process_cpu_seconds(pid: int) -> float:
    """User + system CPU time one process has used so far (Linux /proc); 0 if it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2 :].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants(pid: int) -> list[int]:
    """``pid``'s child processes, their children, and so on (uvicorn's worker processes)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in map(int, children):
            found += [child, *descendants(child)]
    return found


def cpu_seconds(pid: int) -> float:
    """CPU time of a server: its process and its worker processes."""
    return sum(process_cpu_seconds(p) for p in (pid, *descendants(pid)))


def database_cpu_seconds(admin_conninfo: str, database: str) -> dict[int, float]:
    """CPU time of each PostgreSQL backend connected to ``database`` (same machine only)."""
    with psycopg.connect(admin_conninfo, autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s", (database,)
        ).fetchall()
    return {int(pid): process_cpu_seconds(int(pid)) for (pid,) in rows}


def database_cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU time the backends used between two readings. A backend that exited in between (a
    pool's overflow connection closed) is not counted: the figure is a lower bound."""
    return sum(max(cpu - before.get(pid, 0.0), 0.0) for pid, cpu in after.items())


def run_wrk(options: Options, case: Case, seconds: int, offset: int) -> dict[str, Any]:
    """One wrk run of ``case``; returns what lua/report.lua printed, plus wrk's CPU seconds."""
    command = [
        "wrk",
        f"--threads={options.threads}",
        f"--connections={options.connections}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={case.script}",
        case.url,
    ]
    env = {
        **os.environ,
        **case.env,
        "BENCH_THREADS": str(options.threads),
        "BENCH_OFFSET": str(offset),
    }
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    completed = subprocess.run(
        pinned(options.wrk_cpu, command), capture_output=True, text=True, env=env, check=False
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    for line in completed.stdout.splitlines():
        if line.startswith(RESULT_MARKER):
            result: dict[str, Any] = json.loads(line.removeprefix(RESULT_MARKER))
            result["cpu_s"] = (after.ru_utime + after.ru_stime) - (
                before.ru_utime + before.ru_stime
            )
            return result
    sys.exit(f"wrk failed ({completed.returncode}):\n{completed.stdout}\n{completed.stderr}")


def measure(options: Options, case: Case, offset: int) -> Sample:
    """One measured wrk run of ``case``, with the server's CPU time over it."""
    admin = libpq_conninfo(options.postgres_url)
    db_before = database_cpu_seconds(admin, case.database) if case.database else {}
    cpu_before, wall_before = cpu_seconds(case.pid), time.monotonic()
    raw = run_wrk(options, case, options.duration, offset)
    cpu_used, wall = cpu_seconds(case.pid) - cpu_before, time.monotonic() - wall_before
    requests = int(raw["requests"])
    db_cpu = None
    if case.database:
        db_used = database_cpu_used(db_before, database_cpu_seconds(admin, case.database))
        db_cpu = round(db_used / max(requests, 1) * 1e6, 1)
    latency_ms = {key: value / 1000 for key, value in raw["latency_us"].items()}
    return Sample(
        requests=requests,
        requests_per_s=round(requests / (raw["duration_us"] / 1e6), 1),
        p50_ms=latency_ms["p50"],
        p90_ms=latency_ms["p90"],
        p99_ms=latency_ms["p99"],
        max_ms=latency_ms["max"],
        server_cpu_us_per_request=round(cpu_used / max(requests, 1) * 1e6, 1),
        db_cpu_us_per_request=db_cpu,
        busy=round(cpu_used / wall, 2),
        wrk_busy=round(raw["cpu_s"] / wall, 2),
        statuses=dict(sorted(raw["statuses"].items())),
        socket_errors=raw["socket_errors"],
    )


def lua_script(workdir: Path, name: str) -> Path:
    """A case's script with lua/report.lua appended (wrk takes a single script)."""
    script = workdir / name
    script.write_text((LUA_DIR / name).read_text() + (LUA_DIR / "report.lua").read_text())
    return script


# -- the servers -------------------------------------------------------------------------------


def uvicorn_command(app: str, port: int) -> list[str]:
    """Serve ``app`` (``module:attribute`` in bench/) as the API is served: one worker,
    httptools, uvloop, no access log."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        app,
        f"--app-dir={BENCH_DIR}",
        f"--port={port}",
        "--http=httptools",
        "--loop=uvloop",
        "--workers=1",
        "--no-access-log",
        "--log-level=warning",
    ]


def start_reference(options: Options, workdir: Path, stack: ExitStack) -> Case:
    """Start the hello-world app; returns its case."""
    port = free_port()
    command = uvicorn_command("hello_app:app", port)
    log = workdir / "hello.log"
    pid = stack.enter_context(
        server(command, options.server_cpu, port, "/hello", log, dict(os.environ))
    )
    return Case(
        "hello (reference)", pid, f"http://127.0.0.1:{port}", lua_script(workdir, "hello.lua"), {}
    )


def cli(command: list[str], env: dict[str, str]) -> str:
    """Run ``patient-tracker COMMAND``; returns its stdout, exits with its output on failure."""
    completed = subprocess.run(
        [*patient_tracker_command(), *command], capture_output=True, text=True, env=env, check=False
    )
    if completed.returncode != 0:
        sys.exit(
            f"`patient-tracker {' '.join(command)}` failed ({completed.returncode}):\n"
            f"{completed.stdout}{completed.stderr}"
        )
    return completed.stdout


def patient_tracker_command() -> list[str]:
    """The ``patient-tracker`` script of this environment (``python -m`` if it has none)."""
    script = Path(sys.executable).parent / "patient-tracker"
    return [str(script)] if script.exists() else [sys.executable, "-m", "patient_tracker.cli"]


def seed(database_url: str, options: Options) -> tuple[list[str], list[str]]:
    """Bulk-insert the patients (unique phones), the practitioners and a past of bookings, then
    ANALYZE; returns the patients' and practitioners' ids.

    The past (SEEDED_BOOKINGS_PER_PRACTITIONER each, before the benchmark's slots) and the
    statistics make the database look like one in use. Without them PostgreSQL plans the booking
    checks for an empty `appointments` table, and a server keeps the generic plan of a prepared
    statement for the life of its connection: measured here, the check then walked the start-time
    index of every booking in its 8-hour window (2,255 rows per check, ~1.7 ms of PostgreSQL CPU
    per POST) instead of one practitioner's. In production, autovacuum's ANALYZE of a growing table
    invalidates such plans; on this machine autovacuum is off.
    """
    now = datetime.now(UTC)
    patient_ids = [new_id() for _ in range(options.patients)]
    practitioner_ids = [new_id() for _ in range(options.practitioners)]
    engine = create_engine_from_url(database_url)
    try:
        with engine.begin() as conn:
            for start in range(0, options.patients, SEED_CHUNK):
                rows = [
                    {
                        "id": patient_ids[n],
                        "given_name": f"Given{n}",
                        "family_name": f"Family{n}",
                        "date_of_birth": date(1940 + n % 80, 1 + n % 12, 1 + n % 28),
                        "phone": f"+1555{n:07d}",
                        "email": f"patient{n}@example.com",
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for n in range(start, min(start + SEED_CHUNK, options.patients))
                ]
                conn.execute(patients.insert(), rows)
            conn.execute(
                practitioners.insert(),
                [
                    {
                        "id": practitioner_id,
                        "display_name": f"Dr Bench {n}",
                        "specialty": "general practice",
                        "active": True,
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                    }
                    for n, practitioner_id in enumerate(practitioner_ids)
                ],
            )
            conn.execute(appointments.insert(), past_bookings(patient_ids, practitioner_ids, now))
        with engine.connect() as conn:
            conn.execute(text("ANALYZE"))
            conn.commit()
    finally:
        engine.dispose()
    return patient_ids, practitioner_ids


def past_bookings(
    patient_ids: Sequence[str], practitioner_ids: Sequence[str], now: datetime
) -> list[dict[str, Any]]:
    """Completed bookings before BOOKING_BASE: practitioner k % P in 30-minute slot k // P, with
    patient k (every one distinct), so that no two overlap."""
    count = min(len(practitioner_ids) * SEEDED_BOOKINGS_PER_PRACTITIONER, len(patient_ids))
    first = BOOKING_BASE - timedelta(days=30)
    rows = []
    for k in range(count):
        start = first + timedelta(minutes=30 * (k // len(practitioner_ids)))
        rows.append(
            {
                "id": new_id(),
                "patient_id": patient_ids[k],
                "practitioner_id": practitioner_ids[k % len(practitioner_ids)],
                "start_at": start,
                "end_at": start + timedelta(minutes=20),
                "status": "completed",
                "reason": None,
                "notes": None,
                "cancellation_reason": None,
                "version": 1,
                "created_at": now,
                "updated_at": now,
            }
        )
    return rows


def write_lines(path: Path, lines: Sequence[str]) -> str:
    """Write one item per line; returns the path as a string."""
    path.write_text("".join(f"{line}\n" for line in lines))
    return str(path)


@dataclass(frozen=True)
class ApiDatabase:
    """A migrated, seeded database for the API, and what the wrk scripts need to load it."""

    url: str
    get_env: dict[str, str]
    post_env: dict[str, str]
    postgres_name: str | None = None


def prepare_api_database(options: Options, workdir: Path, url: str, tag: str) -> ApiDatabase:
    """Migrate and seed the database at ``url``, create a key; files go to ``workdir/tag-*``."""
    env = {**os.environ, "PATIENT_TRACKER_DATABASE_URL": url}
    cli(["db", "upgrade"], env)
    token = cli(["keys", "create", "--name", "bench"], env).strip().splitlines()[-1]
    started = time.perf_counter()
    patient_ids, practitioner_ids = seed(url, options)
    print(
        f"  seeded {len(patient_ids):,} patients and {len(practitioner_ids):,} practitioners "
        f"({tag}) in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    rng = random.Random(2026)  # noqa: S311 - picking test data, not secrets
    get_env = {
        "BENCH_TOKEN": token,
        "BENCH_IDS_FILE": write_lines(
            workdir / f"{tag}-get_ids.txt", rng.sample(patient_ids, options.get_ids)
        ),
    }
    post_env = {
        "BENCH_TOKEN": token,
        "BENCH_PATIENTS_FILE": write_lines(
            workdir / f"{tag}-booking_patients.txt",
            rng.sample(patient_ids, options.booking_patients),
        ),
        "BENCH_PRACTITIONERS_FILE": write_lines(
            workdir / f"{tag}-practitioners.txt", practitioner_ids
        ),
        "BENCH_BASE_EPOCH": str(int(BOOKING_BASE.timestamp())),
        "BENCH_IDEMPOTENCY_KEY": "0",
    }
    name = make_url(url).database if url.startswith("postgresql") else None
    return ApiDatabase(url, get_env, post_env, name)


def sqlite_copy(database: ApiDatabase, path: Path) -> ApiDatabase:
    """``database`` (SQLite) copied to ``path``: the same rows and key, for another server."""
    source = sqlite3.connect(make_url(database.url).database or "")
    target = sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
    return replace(database, url=f"sqlite:///{path}")


@contextmanager
def postgres_copy(server_url: str, database: ApiDatabase, suffix: str) -> Iterator[ApiDatabase]:
    """``database`` (PostgreSQL, on ``server_url``'s server) copied as a new database
    (``CREATE DATABASE ... TEMPLATE``, a file copy): the same rows, statistics and key, for
    another server; dropped at the end."""
    template = database.postgres_name
    if template is None:
        raise ValueError(f"not a PostgreSQL database: {database.url}")
    name = f"{template}_{suffix}"
    # Connected to the server's own database: a template may have no session at all.
    admin_statement(
        server_url,
        sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
            sql.Identifier(name), sql.Identifier(template)
        ),
    )
    try:
        url = make_url(database.url).set(database=name)
        yield replace(database, url=url.render_as_string(hide_password=False), postgres_name=name)
    finally:
        admin_statement(server_url, _DROP_DATABASE.format(sql.Identifier(name)))


_DROP_DATABASE = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")


def admin_statement(server_url: str, statement: sql.Composed) -> None:
    """Run ``statement`` on a session of its own: no admin session stays open during the run,
    where losing it (a restart, an idle-session timeout) would leave a database behind."""
    with psycopg.connect(libpq_conninfo(server_url), autocommit=True, connect_timeout=5) as admin:
        admin.execute(statement)


def start_api(
    options: Options,
    workdir: Path,
    stack: ExitStack,
    database: ApiDatabase,
    *,
    workers: int = 1,
    label: str = "",
    extra_env: dict[str, str] | None = None,
) -> list[Case]:
    """Start the API on a prepared database with ``workers`` processes; returns its cases."""
    port = free_port()
    env = {
        **os.environ,
        "PATIENT_TRACKER_DATABASE_URL": database.url,
        "PATIENT_TRACKER_MIGRATE_ON_START": "false",
        "PATIENT_TRACKER_PORT": str(port),
        "PATIENT_TRACKER_WORKERS": str(workers),
        # The servers run side by side: each serves its metrics on a port of its own.
        "PATIENT_TRACKER_METRICS_PORT": "0",
        "PATIENT_TRACKER_ACCESS_LOG": "true" if options.access_log else "false",
        # The access log is written at INFO: a higher level would silence it.
        "PATIENT_TRACKER_LOG_LEVEL": "info" if options.access_log else "warning",
        **(extra_env or {}),
    }
    command = [*patient_tracker_command(), "serve"]
    log = workdir / f"api-{port}.log"
    # Several workers share every CPU (wrk's and PostgreSQL's too): pinned to one, a second
    # worker could only take turns with the first.
    cpus = options.server_cpu if workers == 1 else f"0-{(os.cpu_count() or 1) - 1}"
    pid = stack.enter_context(server(command, cpus, port, "/healthz", log, env))
    url = f"http://127.0.0.1:{port}"
    get = lua_script(workdir, "get_patient.lua")
    post = lua_script(workdir, "book_appointment.lua")
    # Targets are for the default set-up (SQLite, one worker); other cases are for comparison.
    default = database.postgres_name is None and workers == 1 and not label
    db = database.postgres_name
    cases = [
        Case(
            f"{label}GET /v1/patients/{{id}}",
            pid,
            url,
            get,
            database.get_env,
            200,
            GET_TARGET if default else None,
            db,
        ),
        Case(
            f"{label}POST /v1/appointments",
            pid,
            url,
            post,
            database.post_env,
            201,
            POST_TARGET if default else None,
            db,
        ),
    ]
    if options.idempotency_key:
        with_key = {**database.post_env, "BENCH_IDEMPOTENCY_KEY": "1"}
        name = f"{label}POST /v1/appointments + Idempotency-Key"
        cases.append(Case(name, pid, url, post, with_key, 201, None, db))
    return cases


# `--floor` also runs the API with these off, to measure what they cost (request ids cannot be
# switched off: every response of the spec carries one).
OFF_LABEL = "limits+metrics off: "
OFF_ENV = {"PATIENT_TRACKER_RATE_LIMITS": "false", "PATIENT_TRACKER_METRICS": "false"}


def start_floor(
    options: Options,
    workdir: Path,
    stack: ExitStack,
    database: ApiDatabase,
    api_cases: Sequence[Case],
) -> list[Case]:
    """Start bench/floor_app.py on a copy of the API's database; the API's GET and POST cases
    against it."""
    port = free_port()
    command = uvicorn_command("floor_app:app", port)
    env = {**os.environ, "FLOOR_DATABASE": make_url(database.url).database or ""}
    log = workdir / "floor.log"
    pid = stack.enter_context(server(command, options.server_cpu, port, "/docs", log, env))
    url = f"http://127.0.0.1:{port}"
    return [
        Case(f"floor: {case.name}", pid, url, case.script, case.env, case.expected_status)
        for case in api_cases
    ]


def start_floor_postgres(
    options: Options,
    workdir: Path,
    stack: ExitStack,
    database: ApiDatabase,
    api_cases: Sequence[Case],
) -> list[Case]:
    """Start bench/floor_pg_app.py on the PostgreSQL database; the GET and POST against it."""
    port = free_port()
    command = uvicorn_command("floor_pg_app:app", port)
    env = {**os.environ, "FLOOR_POSTGRES": libpq_conninfo(database.url)}
    log = workdir / "floor-pg.log"
    pid = stack.enter_context(server(command, options.server_cpu, port, "/docs", log, env))
    url = f"http://127.0.0.1:{port}"
    return [
        Case(
            f"PG floor: {case.name.split(': ', 1)[-1]}",
            pid,
            url,
            case.script,
            case.env,
            case.expected_status,
            None,
            database.postgres_name,
        )
        for case in api_cases
    ]


def libpq_conninfo(url: str) -> str:
    """A libpq connection string for a SQLAlchemy URL (psycopg does not take "+psycopg")."""
    return (
        make_url(normalize_database_url(url))
        .set(drivername="postgresql")
        .render_as_string(hide_password=False)
    )


# Connections the PostgreSQL cases may hold at once: each API process its pool and its overflow
# for health checks (6 + 10; three processes: one worker, then two), and the floor its 16.
POSTGRES_CONNECTIONS_NEEDED = 3 * (PG_POOL_SIZE + PG_MAX_OVERFLOW) + 16


@contextmanager
def postgres_database(server_url: str) -> Iterator[str]:
    """A new, empty database on ``server_url``'s server for this run; dropped at the end."""
    name = f"pt_bench_{os.getpid()}_{random.getrandbits(24):06x}"
    with psycopg.connect(libpq_conninfo(server_url), autocommit=True, connect_timeout=5) as admin:
        free = admin.execute(
            "SELECT current_setting('max_connections')::int - count(*) FROM pg_stat_activity "
            "WHERE backend_type = 'client backend'"
        ).fetchone()
        if free is not None and free[0] < POSTGRES_CONNECTIONS_NEEDED:
            print(
                f"warning: PostgreSQL has room for {free[0]} more connections and the cases may "
                f"open up to {POSTGRES_CONNECTIONS_NEEDED}: past that the API answers 503 "
                "database_unavailable (too many clients), which makes a case INVALID",
                flush=True,
            )
    admin_statement(server_url, sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        url = make_url(normalize_database_url(server_url)).set(database=name)
        yield url.render_as_string(hide_password=False)
    finally:
        admin_statement(server_url, _DROP_DATABASE.format(sql.Identifier(name)))


# -- the run and its report --------------------------------------------------------------------


def run_cases(options: Options, cases: Sequence[Case]) -> list[Result]:
    """Warm every case up once, then measure them in turn, ``options.rounds`` times.

    Each round starts further along the list (and wraps around), so that no case is always
    measured first or last: a machine that slows down or speeds up during a run, and what one
    case leaves behind for the next (PostgreSQL's dirty pages, say), fall on different cases in
    different rounds.
    """
    offsets = itertools.count(0, BOOKINGS_PER_RUN)
    results = [Result(case.name, case.expected_status, case.target) for case in cases]
    paired = list(zip(cases, results, strict=True))
    for round_number in range(1, options.rounds + 1):
        start = (round_number - 1) * len(paired) // options.rounds
        for case, result in paired[start:] + paired[:start]:
            if round_number == 1 and options.warmup > 0:
                run_wrk(options, case, options.warmup, next(offsets))
            print(f"  round {round_number}/{options.rounds}: {case.name}", flush=True)
            result.samples.append(measure(options, case, next(offsets)))
        reference = results[0].samples[-1]
        for result in results:
            sample = result.samples[-1]
            result.ratios.append(sample.requests_per_s / reference.requests_per_s)
            result.cpu_ratios.append(
                reference.server_cpu_us_per_request / max(sample.server_cpu_us_per_request, 1e-3)
            )
    return results


def print_switched_off_cost(results: Sequence[Result]) -> None:
    """Each API case over the same case with rate limits and metrics off (same round's ratios to
    the reference): the share of the throughput they keep."""
    by_name = {result.name: result for result in results}
    for result in results:
        off = by_name.get(OFF_LABEL + result.name)
        if off is not None:
            print(
                f"{result.name}: {result.ratio / off.ratio:.3f}x of itself with rate limits and "
                f"metrics off (req/s), {result.cpu_ratio / off.cpu_ratio:.3f}x (CPU)"
            )


def print_table(results: Sequence[Result], options: Options) -> None:
    """The results as a table on stdout."""
    header = (
        "case",
        "req/s",
        "p50 ms",
        "p99 ms",
        "x ref",
        "target",
        "CPU us/req",
        "DB CPU",
        "x ref CPU",
        "busy",
    )
    rows = [header]
    for r in results:
        verdict = (
            "" if r.target is None else f">={r.target} {'ok' if r.ratio >= r.target else 'MISS'}"
        )
        rows.append(
            (
                r.name,
                f"{r.median('requests_per_s'):,.0f}",
                f"{r.median('p50_ms'):.2f}",
                f"{r.median('p99_ms'):.2f}",
                f"{r.ratio:.2f}",
                verdict or "-",
                f"{r.median('server_cpu_us_per_request'):,.0f}",
                "-" if r.db_cpu is None else f"{r.db_cpu:,.0f}",
                f"{r.cpu_ratio:.2f}",
                f"{r.median('busy'):.2f}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    print()
    for row in rows:
        numbers = [cell.rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)]
        print("  ".join([row[0].ljust(widths[0]), *numbers]))
    pinning = (
        f"pinned to CPU {options.server_cpu}, wrk to CPU {options.wrk_cpu} (several workers: "
        "all CPUs)"
        if can_pin()
        else "NOT pinned (no taskset or one CPU)"
    )
    print(
        f"\nOne uvicorn worker per server (httptools, uvloop), {pinning}. wrk: "
        f"{options.connections} connections, {options.threads} thread(s), {options.duration} s "
        f"per run; median of {options.rounds} round(s), after {options.warmup} s of warm-up.\n"
        f"Access log: {'ON' if options.access_log else 'OFF'} for the API, none for the "
        "reference.\n"
        "x ref: req/s over the reference's (the target applies to it). CPU us/req: the server's "
        "CPU time per request (all its processes). DB CPU: the PostgreSQL backends' CPU time per "
        "request (not pinned; not in x ref CPU). x ref CPU: the reference's CPU us/req over "
        "this one's, i.e. the req/s ratio with both servers given a whole CPU. busy: server CPU "
        "time / wall time."
    )
    print_cpu_use(results)
    for r in results:
        print(f"{r.name}: statuses {r.statuses}")
        for failure in r.failures:
            print(f"INVALID {r.name}: {failure}")
    idle = [r.name for r in results if r.median("busy") < LOW_BUSY]
    if idle:
        print(
            f"WARNING: busy < {LOW_BUSY} for {', '.join(idle)}: the server did not have its CPU "
            "to itself, or wrk could not keep it busy, so req/s understates it; trust x ref CPU "
            "more, or rerun on an idle machine."
        )
    client_bound = [r.name for r in results if r.median("wrk_busy") > LOW_BUSY]
    if client_bound:
        print(
            f"WARNING: wrk used > {LOW_BUSY} of its CPU for {', '.join(client_bound)}: it may "
            "be the bottleneck; try --threads 2 or a faster machine."
        )


def print_cpu_use(results: Sequence[Result]) -> None:
    """Where the machine's CPUs went in the PostgreSQL cases: the server, PostgreSQL, wrk."""
    rows = [r for r in results if r.db_cpu is not None]
    if not rows:
        return
    print(f"\nCPUs used (of {os.cpu_count()}) in the PostgreSQL cases:")
    for r in rows:
        rate = r.median("requests_per_s")
        server_cores = r.median("server_cpu_us_per_request") * rate / 1e6
        db_cores = (r.db_cpu or 0.0) * rate / 1e6
        wrk_cores = r.median("wrk_busy")
        total = server_cores + db_cores + wrk_cores
        print(
            f"  {r.name}: server {server_cores:.2f} + PostgreSQL {db_cores:.2f} + wrk "
            f"{wrk_cores:.2f} = {total:.2f}"
        )


def cpu_model() -> str:
    """The CPU's model name (from /proc/cpuinfo on Linux)."""
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        lines = []
    models = (line.split(":", 1)[1].strip() for line in lines if line.startswith("model name"))
    return next(models, platform.processor())


def environment() -> dict[str, Any]:
    """The machine and the versions that set the figures."""
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    packages = (
        "fastapi",
        "starlette",
        "uvicorn",
        "httptools",
        "uvloop",
        "pydantic",
        "sqlalchemy",
        "psycopg",
    )
    return {
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "wrk": (wrk.stdout or wrk.stderr).split(" [")[0].removeprefix("wrk ").strip(),
        **{name: metadata.version(name) for name in packages},
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Run every case, print the table, write the JSON; 1 if any case is invalid."""
    options = parse_args(argv)
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian/Ubuntu: apt-get install wrk)")
    if not can_pin():
        print("warning: not pinning (needs taskset and 2 CPUs): figures are noisier", flush=True)
    with tempfile.TemporaryDirectory(prefix="patient-tracker-bench-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        print("Starting the reference and the API ...", flush=True)
        sqlite = prepare_api_database(
            options, workdir, f"sqlite:///{workdir / 'bench.db'}", "sqlite"
        )
        # Every server books into a copy of the seeded database of its own, so that no case
        # pays for the rows another case wrote (docs/design.md, "The PostgreSQL path", the
        # fourth round).
        floor_sqlite = sqlite_copy(sqlite, workdir / "floor.db") if options.floor else None
        off_sqlite = sqlite_copy(sqlite, workdir / "off.db") if options.floor else None
        api_cases = start_api(options, workdir, stack, sqlite)
        cases = [start_reference(options, workdir, stack), *api_cases]
        if floor_sqlite is not None:
            cases += start_floor(options, workdir, stack, floor_sqlite, api_cases[:2])
        if off_sqlite is not None:
            # The same build with what can be switched off switched off: its distance to the
            # API above is the cost of rate limits and metrics (docs/performance.md).
            cases += start_api(
                options, workdir, stack, off_sqlite, label=OFF_LABEL, extra_env=OFF_ENV
            )[:2]
        if options.postgres:
            print("Creating and seeding a PostgreSQL database ...", flush=True)
            url = stack.enter_context(postgres_database(options.postgres_url))
            postgres = prepare_api_database(options, workdir, url, "postgres")
            # Copied before any server connects: a template database must have no sessions.
            copies = [
                stack.enter_context(
                    postgres_copy(options.postgres_url, postgres, f"{index}_{workers}w")
                )
                for index, workers in enumerate(options.postgres_workers[1:], start=1)
            ]
            floor_postgres = (
                stack.enter_context(postgres_copy(options.postgres_url, postgres, "floor"))
                if options.floor
                else None
            )
            pg_databases = [postgres, *copies]
            for workers, database in zip(options.postgres_workers, pg_databases, strict=True):
                label = f"PG {workers}w: "
                pg_cases = start_api(
                    options, workdir, stack, database, workers=workers, label=label
                )
                cases += pg_cases
            if floor_postgres is not None:
                cases += start_floor_postgres(options, workdir, stack, floor_postgres, pg_cases[:2])
        results = run_cases(options, cases)
    print_table(results, options)
    print_switched_off_cost(results)
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "environment": environment(),
        "options": {**asdict(options), "output": str(options.output)},
        "results": [result.summary() for result in results],
    }
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(report, indent=2) + "\n")
    print(f"Results written to {options.output}")
    return 1 if any(result.failures for result in results) else 0


if __name__ == "__main__":
    sys.exit(main())
