"""Uniqueness and no-overlap hold under simultaneous requests, across server processes.

Two server processes share one database (a SQLite file, then a throwaway PostgreSQL database).
Each test opens 50 connections spread over both and releases the 50 requests together at a
barrier. The database is then checked directly: the rule must hold in the data, not only in the
responses.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import Connection, Select, func, select

from live_server import (
    LiveServer,
    prepare_database,
    run_live_server,
    throwaway_postgres_database,
)
from patient_tracker.db.database import Database
from patient_tracker.db.tables import appointments, patients
from tests.api_client import (
    Api,
    Json,
    assert_problem,
    fresh_day,
    iso,
    patient_body,
    unique_phone,
    unique_word,
)

REQUESTS = 50
PROCESSES = 2


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def servers(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[list[LiveServer]]:
    """Two server processes sharing one freshly migrated database, started in parallel.

    Shared by the tests of this module (each uses its own phone numbers, practitioner and keys):
    starting two servers costs seconds, the tests themselves well under one.
    """
    directory = tmp_path_factory.mktemp(f"concurrency-{request.param}")
    with ExitStack() as stack:
        if request.param == "sqlite":
            database_url = f"sqlite:///{directory / 'shared.db'}"
        else:
            database_url = stack.enter_context(throwaway_postgres_database())
        key = prepare_database(database_url)
        managers = [run_live_server(database_url, directory, api_key=key) for _ in range(PROCESSES)]
        with ThreadPoolExecutor(PROCESSES) as pool:
            starting = [pool.submit(manager.__enter__) for manager in managers]
        for manager, future in zip(managers, starting, strict=True):
            if future.exception() is None:
                stack.push(manager.__exit__)
        yield [future.result() for future in starting]


def _all_at_once(
    servers: list[LiveServer], path: str, bodies: list[Json], headers: dict[str, str] | None = None
) -> list[httpx.Response]:
    """POST each body to `path` at the same moment, round-robin over the servers."""
    barrier = threading.Barrier(len(bodies))

    def send(index: int) -> httpx.Response:
        server = servers[index % len(servers)]
        with httpx.Client(
            base_url=server.base_url, headers=server.auth_headers, timeout=60.0
        ) as client:
            assert client.get("/healthz").status_code == 200  # connected before the barrier
            barrier.wait(timeout=60)
            return client.post(path, json=bodies[index], headers=headers)

    with ThreadPoolExecutor(len(bodies)) as pool:
        return list(pool.map(send, range(len(bodies))))


def _count(database_url: str, statement: Select[Any]) -> int:
    db = Database.from_url(database_url)
    try:

        def count(conn: Connection) -> int:
            value: int = conn.execute(statement).scalar_one()
            return value

        return db.read_sync(count)
    finally:
        db.dispose()


def test_one_phone_number_registers_exactly_once(servers: list[LiveServer]) -> None:
    phone = unique_phone()
    bodies = [patient_body(given_name=unique_word().title(), phone=phone) for _ in range(REQUESTS)]

    responses = _all_at_once(servers, "/v1/patients", bodies)

    assert Counter(r.status_code for r in responses) == {201: 1, 409: REQUESTS - 1}
    for response in responses:
        if response.status_code == 409:
            assert_problem(response, 409, "phone_taken")
    stored = select(func.count()).select_from(patients).where(patients.c.phone == phone)
    assert _count(servers[0].database_url, stored) == 1


def test_one_slot_books_exactly_once(servers: list[LiveServer]) -> None:
    api = Api(servers[0])
    try:
        practitioner = api.create_practitioner()
        people = [api.create_patient() for _ in range(REQUESTS)]
    finally:
        api.close()
    start = fresh_day() + timedelta(hours=9)
    # Every interval overlaps every other: each starts within the first hour-long one.
    bodies = [
        {
            "patient_id": patient["id"],
            "practitioner_id": practitioner["id"],
            "start_at": iso(start + timedelta(minutes=index)),
            "end_at": iso(start + timedelta(minutes=60 + index)),
        }
        for index, patient in enumerate(people)
    ]

    responses = _all_at_once(servers, "/v1/appointments", bodies)

    assert Counter(r.status_code for r in responses) == {201: 1, 409: REQUESTS - 1}
    for response in responses:
        if response.status_code == 409:
            assert_problem(response, 409, "appointment_overlap")
    stored = (
        select(func.count())
        .select_from(appointments)
        .where(appointments.c.practitioner_id == practitioner["id"])
    )
    assert _count(servers[0].database_url, stored) == 1


def test_one_idempotency_key_creates_exactly_once(servers: list[LiveServer]) -> None:
    body = patient_body()
    headers = {"Idempotency-Key": unique_word("key-")}

    responses = _all_at_once(servers, "/v1/patients", [body] * REQUESTS, headers)

    assert {r.status_code for r in responses} == {201}
    assert len({r.content for r in responses}) == 1
    replayed = [r.headers.get("idempotent-replayed") for r in responses]
    assert Counter(replayed) == {None: 1, "true": REQUESTS - 1}
    stored = select(func.count()).select_from(patients).where(patients.c.phone == body["phone"])
    assert _count(servers[0].database_url, stored) == 1
