"""Losing the database: a retry before COMMIT, a 503 with `Retry-After` otherwise, never a 500.

PostgreSQL drops a server's connections when it restarts, fails over, or an idle-connection reaper
runs; `pg_terminate_backend` does the same on demand. Each test runs against a real PostgreSQL
(a throwaway database) and, for the load tests, a live server over loopback. SQLite's "database
is locked" is checked in-process, with the busy timeout shortened.
"""

from __future__ import annotations

import asyncio
import logging
import re
import socket
import sqlite3
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import anyio
import httpx
import psycopg
import pytest
from psycopg import sql
from sqlalchemy import bindparam, func, select
from sqlalchemy.engine import Connection, make_url

from live_server import (
    LiveServer,
    libpq_conninfo,
    migrated_database,
    run_live_server,
    throwaway_postgres_database,
)
from patient_tracker.auth.keys import hash_key
from patient_tracker.contract.problems import DatabaseUnavailableError
from patient_tracker.db import database as database_module
from patient_tracker.db import engine as engine_module
from patient_tracker.db.database import PING_TIMEOUT_SECONDS, Database
from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import api_keys, patients
from patient_tracker.kit.ids import new_id
from tests.api_client import patient_body, unique_phone

pytestmark = pytest.mark.postgres

TERMINATE_OTHERS = (
    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
)
LOAD_THREADS = 4
REQUESTS_PER_THREAD = 75
# Between two rounds of pg_terminate_backend: several requests run on each pooled connection.
KILL_INTERVAL_S = 0.05
SERVER_ERROR_MARKERS = ("unhandled", "Traceback", "internal_error", '" 500')


def terminate_sessions(database_url: str) -> int:
    """Terminate every other session on the database (the server's pooled connections)."""
    with psycopg.connect(libpq_conninfo(database_url), autocommit=True) as admin:
        row = admin.execute(TERMINATE_OTHERS).fetchone()
    return int(row[0]) if row else 0


def assert_unavailable(response: httpx.Response) -> None:
    """A 503 `database_unavailable` problem with `Retry-After` in whole seconds."""
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "database_unavailable"
    assert re.fullmatch(r"[1-9][0-9]*", response.headers.get("retry-after", "")), response.headers


def assert_no_server_error_logged(server: LiveServer) -> None:
    log = server.log()
    found = [marker for marker in SERVER_ERROR_MARKERS if marker in log]
    assert found == [], log[-4000:]


# -- in-process: the Database itself ---------------------------------------------------------


@pytest.fixture
def warm_postgres(postgres_url: str) -> Iterator[Database]:
    """A migrated PostgreSQL `Database` whose pool holds a few open connections."""
    with migrated_database(postgres_url) as db:

        async def warm() -> None:
            async with anyio.create_task_group() as group:
                for _ in range(4):
                    group.start_soon(db.read, _sleep_then_count)

        anyio.run(warm)
        yield db


def _sleep_then_count(conn: Connection) -> int:
    # Held long enough that four concurrent reads use four connections.
    time.sleep(0.05)
    return len(conn.execute(select(patients.c.id)).all())


def _patient_row(phone: str) -> dict[str, Any]:
    now = datetime.now(UTC)
    return {
        "id": new_id(),
        "given_name": "Ada",
        "family_name": "Lovelace",
        "date_of_birth": date(1985, 12, 10),
        "phone": phone,
        "email": None,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }


def test_units_of_work_survive_their_connections_being_terminated(
    warm_postgres: Database, postgres_url: str
) -> None:
    db = warm_postgres
    key_lookup = Prepared(select(api_keys.c.id).where(api_keys.c.key_hash == bindparam("h")))
    phone = unique_phone()

    def insert(conn: Connection) -> None:
        conn.execute(patients.insert().values(_patient_row(phone)))

    async def scenario() -> None:
        # Every pooled connection is dead after each of these; each call must still succeed.
        assert terminate_sessions(postgres_url) >= 1
        assert await db.read(_sleep_then_count) >= 0
        terminate_sessions(postgres_url)
        await db.write(insert)
        terminate_sessions(postgres_url)
        assert await db.read_one(key_lookup, {"h": hash_key("ptk_unknown")}) is None
        rows = await db.read(
            lambda conn: conn.execute(select(patients.c.id).where(patients.c.phone == phone)).all()
        )
        assert len(rows) == 1

    anyio.run(scenario)


def _backend_pid_after_a_nap(conn: Connection) -> int:
    # pg_sleep, not time.sleep: the nap must leave the event loop free for the other units.
    pid = conn.exec_driver_sql("SELECT pg_backend_pid() FROM pg_sleep(0.05)").scalar_one()
    return int(pid)


def test_units_of_work_in_flight_are_at_most_the_pool_size(postgres_url: str) -> None:
    db = Database.from_url(postgres_url, pool_size=2)
    try:

        async def scenario() -> set[int]:
            pids = await asyncio.gather(*(db.read(_backend_pid_after_a_nap) for _ in range(6)))
            return set(pids)

        # Six at once share the two connections the loop keeps; none is opened for a seventh.
        assert len(anyio.run(scenario)) == 2
    finally:
        db.dispose()


def test_one_loss_replaces_every_connection_opened_before_it(
    postgres_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    db = Database.from_url(postgres_url, pool_size=3)
    try:

        async def scenario() -> tuple[set[int], set[int]]:
            # Three connections open, then all three terminated.
            before = set(
                await asyncio.gather(*(db.read(_backend_pid_after_a_nap) for _ in range(3)))
            )
            assert terminate_sessions(postgres_url) == 3
            with caplog.at_level(logging.WARNING, logger="patient_tracker.db.database"):
                after = {await db.read(_backend_pid_after_a_nap) for _ in range(3)}
                after |= set(
                    await asyncio.gather(*(db.read(_backend_pid_after_a_nap) for _ in range(3)))
                )
            return before, after

        before, after = anyio.run(scenario)
        assert before.isdisjoint(after)
        # The first unit of work found its connection dead and ran again; the two others opened
        # before the loss were replaced before use, without failing a unit of work first.
        retries = [r for r in caplog.records if "retrying the unit of work" in r.getMessage()]
        assert len(retries) == 1
    finally:
        db.dispose()


def test_an_unreachable_database_is_database_unavailable_with_retry_after() -> None:
    # A port nothing listens on: the connect fails at once.
    db = Database.from_url("postgresql+psycopg://postgres@127.0.0.1:9/none")
    try:

        async def scenario() -> None:
            for call in (db.read(_sleep_then_count), db.write(_sleep_then_count)):
                with pytest.raises(DatabaseUnavailableError) as caught:
                    await call
                assert caught.value.status == 503
                assert caught.value.headers["Retry-After"].isdigit()
            assert await db.ping() is False

        anyio.run(scenario)
    finally:
        db.dispose()


def test_a_server_that_never_answers_is_database_unavailable() -> None:
    """A PostgreSQL that accepts the connection and then says nothing (a hung server, a
    half-open failover): a unit of work gives up after the connect timeout with 503, `/readyz`'s
    ping after its own timeout, and nothing hangs with the server."""
    with socket.create_server(("127.0.0.1", 0), backlog=16) as silent:
        port = silent.getsockname()[1]
        db = Database.from_url(f"postgresql+psycopg://postgres@127.0.0.1:{port}/none")
        try:

            async def scenario() -> tuple[float, float]:
                started = time.perf_counter()
                with pytest.raises(DatabaseUnavailableError) as caught:
                    await db.write(_sleep_then_count)
                assert caught.value.headers["Retry-After"].isdigit()
                wrote = time.perf_counter()
                assert await db.ping() is False
                return wrote - started, time.perf_counter() - wrote

            write_took, ping_took = anyio.run(scenario)
            assert write_took < engine_module.PG_CONNECT_TIMEOUT_S + 1
            assert ping_took < PING_TIMEOUT_SECONDS + 1
        finally:
            db.dispose()


_NAP = Prepared(select(func.pg_sleep(1)))


def _backend_pid(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one())


async def _until(postgres_url: str, query: str, pid: int, *, present: bool) -> None:
    """Wait (on the loop, so units of work go on) until ``query`` about backend ``pid`` finds a
    row (``present``) or none; fail after 5 s."""
    deadline = time.monotonic() + 5
    with psycopg.connect(libpq_conninfo(postgres_url), autocommit=True) as watcher:
        while (watcher.execute(query, (pid,)).fetchone() is not None) != present:
            assert time.monotonic() < deadline, f"backend {pid}: {query} never {present}"
            await asyncio.sleep(0.01)


_NAPPING = "SELECT 1 FROM pg_stat_activity WHERE pid = %s AND wait_event = 'PgSleep'"
_ALIVE = "SELECT 1 FROM pg_stat_activity WHERE pid = %s"


@pytest.mark.parametrize("through", ["sqlalchemy", "prepared"])
def test_a_cancelled_unit_of_work_is_rolled_back_and_its_connection_replaced(
    postgres_url: str, through: str
) -> None:
    """A unit of work whose task is cancelled half-way (at shutdown, or by a timeout around the
    call) leaves nothing behind: its insert is not committed, its locks are gone, its session
    ends, and the next unit of work on the same slot runs on a new connection, not inside the
    old transaction. The cancellation lands in a nap run through SQLAlchemy's `execute` (which
    sees it itself) or through `Prepared` on psycopg (which does not)."""
    phone = unique_phone()
    napping_on: list[int] = []

    def insert_then_nap(conn: Connection) -> None:
        napping_on.append(_backend_pid(conn))
        conn.execute(patients.insert().values(_patient_row(phone)))
        if through == "sqlalchemy":
            conn.exec_driver_sql("SELECT pg_sleep(1)")
        else:
            _NAP.first(conn, {})

    with migrated_database(postgres_url):
        pass  # migrated; the test's own Database has one connection, so one slot to reuse
    db = Database.from_url(postgres_url, pool_size=1)
    try:

        async def scenario() -> tuple[int, int]:
            first = await db.read(_backend_pid)
            task = asyncio.ensure_future(db.write(insert_then_nap))
            await _until(postgres_url, _NAPPING, first, present=True)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            await _until(postgres_url, _ALIVE, first, present=False)
            row = _patient_row(phone)
            with psycopg.connect(libpq_conninfo(postgres_url), autocommit=True) as other:
                # The same phone (unique) goes in from another session without waiting: the
                # cancelled insert was not committed (no unique violation) and holds no lock.
                other.execute("SET lock_timeout = '2s'")
                other.execute(
                    sql.SQL("INSERT INTO patients ({}) VALUES ({})").format(
                        sql.SQL(", ").join(map(sql.Identifier, row)),
                        sql.SQL(", ").join(map(sql.Placeholder, row)),
                    ),
                    row,
                )
                other.execute("DELETE FROM patients WHERE phone = %s", (phone,))
            # The slot works, on a new connection.
            await db.write(lambda conn: conn.execute(patients.insert().values(_patient_row(phone))))
            return first, await db.read(_backend_pid)

        first, after = anyio.run(scenario)
        assert napping_on == [first]
        assert after != first
    finally:
        db.dispose()


def test_a_connection_whose_rollback_failed_is_replaced(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A unit of work fails and so does its rollback (which a live session cannot be made to do
    on demand, so the rollback is made to fail here): the connection's state is unknown, and
    the next unit of work on its slot runs on a new one. The unit of work's own error is the
    one raised."""
    end_on_loop = database_module._end_on_loop

    async def failing_rollback(conn: Connection, driver: Any, *, commit: bool) -> None:
        if not commit:
            raise psycopg.InterfaceError("the rollback failed")
        await end_on_loop(conn, driver, commit=commit)

    def refused(conn: Connection) -> None:
        _backend_pid(conn)
        raise ValueError("refused by the service")

    with migrated_database(postgres_url):
        pass
    db = Database.from_url(postgres_url, pool_size=1)
    try:

        async def scenario() -> tuple[int, int]:
            first = await db.read(_backend_pid)
            monkeypatch.setattr(database_module, "_end_on_loop", failing_rollback)
            with pytest.raises(ValueError, match="refused by the service"):
                await db.write(refused)
            monkeypatch.setattr(database_module, "_end_on_loop", end_on_loop)
            return first, await db.read(_backend_pid)

        first, after = anyio.run(scenario)
        assert after != first
    finally:
        db.dispose()


@pytest.mark.parametrize("operation", ["read", "write"])
def test_sqlite_database_is_locked_is_503_not_500(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, operation: str
) -> None:
    # Wait 0.1 s for the lock instead of 5 s.
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_TIMEOUT_MS", 100)
    with migrated_database(sqlite_url) as db:
        path = make_url(sqlite_url).database
        assert path is not None
        holder = sqlite3.connect(path, isolation_level=None)
        try:
            # EXCLUSIVE: in WAL mode it keeps out writers (a reader would still get in).
            holder.execute("BEGIN EXCLUSIVE")
            with pytest.raises(DatabaseUnavailableError) as caught:
                anyio.run(db.write, _sleep_then_count)
            assert caught.value.headers["Retry-After"].isdigit()
        finally:
            holder.rollback()
            holder.close()
        # The lock gone, the same Database works again.
        run = db.write if operation == "write" else db.read
        assert anyio.run(run, _sleep_then_count) >= 0


# -- live server: terminations under load --------------------------------------------------


@dataclass
class Post:
    """One POST /v1/patients sent under fire, and what it got."""

    body: dict[str, Any]
    idempotency_key: str | None
    status: int
    patient_id: str | None


@pytest.fixture(scope="module")
def postgres_live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with throwaway_postgres_database() as url:
        directory = tmp_path_factory.mktemp("connection-loss")
        with run_live_server(url, directory) as server:
            yield server


def _load(server: LiveServer, worker: int, seed_id: str, posts: list[Post]) -> Counter[int]:
    statuses: Counter[int] = Counter()
    with httpx.Client(base_url=server.base_url, headers=server.auth_headers, timeout=30) as http:
        for n in range(REQUESTS_PER_THREAD):
            kind = (n + worker) % 4
            if kind == 0:
                response = http.get(f"/v1/patients/{seed_id}")
            elif kind == 1:
                response = http.get("/v1/patients", params={"limit": 5})
            else:
                body = patient_body()
                key = str(uuid.uuid4()) if kind == 3 else None
                headers = {"Idempotency-Key": key} if key else {}
                response = http.post("/v1/patients", json=body, headers=headers)
                created = response.json().get("id") if response.status_code == 201 else None
                posts.append(Post(body, key, response.status_code, created))
            statuses[response.status_code] += 1
            if response.status_code == 503:
                assert_unavailable(response)
            else:
                assert response.status_code in (200, 201), response.text
    return statuses


def test_terminated_connections_under_load_give_no_500_and_no_lost_or_doubled_write(
    postgres_live: LiveServer,
) -> None:
    server = postgres_live
    seed = httpx.post(
        f"{server.base_url}/v1/patients", json=patient_body(), headers=server.auth_headers
    )
    assert seed.status_code == 201, seed.text
    seed_id = seed.json()["id"]

    stop = threading.Event()
    kills: list[int] = []

    def killer() -> None:
        while not stop.wait(KILL_INTERVAL_S):
            kills.append(terminate_sessions(server.database_url))

    posts: list[Post] = []
    totals: Counter[int] = Counter()
    failures: list[BaseException] = []
    lock = threading.Lock()

    def worker(index: int) -> None:
        try:
            counted = _load(server, index, seed_id, posts)
            with lock:
                totals.update(counted)
        except BaseException as error:  # noqa: BLE001 - reported below, with the others
            failures.append(error)

    kill_thread = threading.Thread(target=killer)
    kill_thread.start()
    workers = [threading.Thread(target=worker, args=(i,)) for i in range(LOAD_THREADS)]
    try:
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join(timeout=300)
    finally:
        stop.set()
        kill_thread.join()
    if failures:
        raise failures[0]
    assert sum(totals.values()) == LOAD_THREADS * REQUESTS_PER_THREAD
    # The terminations hit live sessions, and most requests still succeeded (the retry).
    assert sum(kills) >= 10, kills
    assert totals[200] + totals[201] > sum(totals.values()) // 2, totals
    assert set(totals) <= {200, 201, 503}, totals
    assert_no_server_error_logged(server)

    # No lost or doubled write. The killer has stopped: these requests run undisturbed.
    with httpx.Client(base_url=server.base_url, headers=server.auth_headers, timeout=30) as http:

        def stored(phone: str) -> list[str]:
            response = http.get("/v1/patients", params={"phone": phone})
            assert response.status_code == 200, response.text
            return [item["id"] for item in response.json()["items"]]

        for post in posts:
            found = stored(post.body["phone"])
            if post.status == 201:
                assert found == [post.patient_id]
            else:
                assert post.status == 503
                assert len(found) <= 1
                if post.idempotency_key is None:
                    continue
                # The client's retry: same key, same body.
                again = http.post(
                    "/v1/patients",
                    json=post.body,
                    headers={"Idempotency-Key": post.idempotency_key},
                )
                assert again.status_code == 201, again.text
                if found:
                    assert again.json()["id"] == found[0]
                    assert again.headers.get("idempotent-replayed") == "true"
                assert stored(post.body["phone"]) == [again.json()["id"]]
    print(f"statuses {dict(totals)}; terminated sessions per round {kills}")


# -- live server: the database goes away and comes back --------------------------------------


def test_an_unreachable_database_is_503_with_retry_after_and_recovers(
    tmp_path: Path,
) -> None:
    with throwaway_postgres_database() as url, run_live_server(url, tmp_path) as server:
        name = make_url(url).database
        admin_url = make_url(url).set(database="postgres").render_as_string(hide_password=False)
        headers = server.auth_headers
        base = server.base_url
        assert httpx.get(f"{base}/v1/patients", headers=headers).status_code == 200
        with psycopg.connect(libpq_conninfo(admin_url), autocommit=True) as admin:
            admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            try:
                terminate_sessions_of(admin, str(name))
                for _ in range(3):
                    assert_unavailable(httpx.get(f"{base}/v1/patients", headers=headers))
                    assert_unavailable(
                        httpx.post(f"{base}/v1/patients", json=patient_body(), headers=headers)
                    )
                    assert_unavailable(httpx.get(f"{base}/readyz"))
            finally:
                admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        assert httpx.get(f"{base}/readyz").status_code == 200
        assert httpx.get(f"{base}/v1/patients", headers=headers).status_code == 200
        created = httpx.post(f"{base}/v1/patients", json=patient_body(), headers=headers)
        assert created.status_code == 201, created.text
        assert_no_server_error_logged(server)


def terminate_sessions_of(admin: psycopg.Connection[Any], name: str) -> None:
    admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = %s AND pid <> pg_backend_pid()",
        (name,),
    )
