"""The PostgreSQL floor (`bench/run.py --postgres --floor`): the least work the two requests do.

**Not an implementation of the API.** Like `floor_app.py` (SQLite), it answers
`GET /v1/patients/{id}` and `POST /v1/appointments` for the benchmark's own well-formed requests
only, here with FastAPI and psycopg 3 directly, on the benchmark's PostgreSQL database: look the
API key up by its hash, validate the path id or the JSON body with the generated model, run the
same queries as the server (the booking's checks in one statement, then the insert, its
`appointment.booked` event and the lookup of the webhook endpoints subscribed to it in one
statement, as the server's creates do on PostgreSQL; both in one transaction), and render the
generated response model. It uses psycopg's async connections, so no request hands off to a
thread, and 16 connections kept open in a queue (the least pool there is), each with one cursor
that all its statements reuse (as the server's do). Single statements run in autocommit (no
BEGIN/COMMIT round trips); the booking is one transaction. Left out: scopes, problem+json errors,
`Idempotency-Key`, strict time formats, the unit-of-work layer, SQLAlchemy, connection-loss
handling.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import psycopg
from fastapi import FastAPI, Path, Request
from floor_booking import BOOKED, booked_appointment, booked_event
from starlette.responses import Response

from patient_tracker.contract.api_models import AppointmentCreate, Patient
from patient_tracker.kit.ids import new_id
from patient_tracker.web.params import given_root

# Half of wrk's 32 connections: enough to keep the server's CPU busy, few enough to leave room
# on a shared PostgreSQL (max_connections 100) beside the API's pools.
CONNECTIONS = 16

_KEY = "SELECT id FROM api_keys WHERE key_hash = %s AND revoked_at IS NULL"
_PATIENT = (
    "SELECT id, given_name, family_name, date_of_birth, phone, email, created_at, updated_at, "
    "version FROM patients WHERE id = %s"
)
# The server's booking check (appointments/repository.py `_booking_checks`), as SQL.
_CHECKS = (
    "SELECT (SELECT id FROM patients WHERE id = %(patient)s), "
    "(SELECT active FROM practitioners WHERE id = %(practitioner)s), "
    "(SELECT a.id FROM appointments a WHERE a.practitioner_id = %(practitioner)s "
    "AND a.status != 'cancelled' AND a.start_at >= %(earliest)s AND a.start_at < %(end)s "
    "AND a.end_at > %(start)s LIMIT 1), "
    "(SELECT a.id FROM appointments a WHERE a.patient_id = %(patient)s "
    "AND a.status != 'cancelled' AND a.start_at >= %(earliest)s AND a.start_at < %(end)s "
    "AND a.end_at > %(start)s LIMIT 1)"
)
# The appointment, the event a booking records in its transaction, and who is to be told (the
# outbox), in one round trip (the server's event_log does the same on PostgreSQL).
_INSERT_EVENT_AND_SUBSCRIBERS = (
    "WITH new_row AS (INSERT INTO appointments (id, patient_id, practitioner_id, start_at, end_at, "
    "status, reason, notes, cancellation_reason, version, created_at, updated_at) "
    "VALUES (%s, %s, %s, %s, %s, 'scheduled', %s, NULL, NULL, 1, %s, %s)), "
    "event AS (INSERT INTO events (id, type, resource_id, created_at, payload) "
    "VALUES (%s, %s, %s, %s, %s)) SELECT id, event_types FROM webhook_endpoints WHERE enabled"
)
_DELIVERY = (
    "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, attempts, "
    "series_started_at, next_attempt_at) VALUES (%s, %s, %s, 'pending', 0, %s, %s)"
)

# One cursor per connection: `AsyncConnection.execute` would make a new one per statement.
_pool: asyncio.Queue[psycopg.AsyncCursor[Any]] = asyncio.Queue()


@asynccontextmanager
async def _lifespan(_app: FastAPI) -> AsyncIterator[None]:
    for _ in range(CONNECTIONS):
        conn = await psycopg.AsyncConnection.connect(
            os.environ["FLOOR_POSTGRES"], autocommit=True, options="-c timezone=UTC"
        )
        _pool.put_nowait(conn.cursor())
    yield
    while not _pool.empty():
        await _pool.get_nowait().connection.close()


@asynccontextmanager
async def _cursor() -> AsyncIterator[psycopg.AsyncCursor[Any]]:
    cursor = await _pool.get()
    try:
        yield cursor
    finally:
        _pool.put_nowait(cursor)


app = FastAPI(lifespan=_lifespan)


async def _authenticate(cursor: psycopg.AsyncCursor[Any], request: Request) -> None:
    token = request.headers["authorization"].removeprefix("Bearer ")
    digest = hashlib.sha256(token.encode()).hexdigest()
    await cursor.execute(_KEY, (digest,))
    if await cursor.fetchone() is None:
        raise PermissionError("unknown key")


@app.get("/v1/patients/{patient_id}")
async def get_patient(
    request: Request,
    patient_id: Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")],
) -> Response:
    """One patient, as the API renders it."""
    async with _cursor() as cursor:
        await _authenticate(cursor, request)
        await cursor.execute(_PATIENT, (patient_id,))
        row = await cursor.fetchone()
    assert row is not None  # the benchmark asks only for existing ids
    fields: dict[str, Any] = dict(zip(Patient.model_fields, row[:8], strict=True))
    body = Patient.model_validate(fields).model_dump_json()
    return Response(body, media_type="application/json", headers={"etag": f'"{row[8]}"'})


@app.post("/v1/appointments", status_code=201)
async def book_appointment(request: Request) -> Response:
    """A booking with the API's checks, in one transaction."""
    data = AppointmentCreate.model_validate_json(await request.body())
    patient_id, practitioner_id = data.patient_id.root, data.practitioner_id.root
    start, end = data.start_at.astimezone(UTC), data.end_at.astimezone(UTC)
    reason = given_root(data.reason)
    appointment_id, now = new_id(), datetime.now(UTC)
    async with _cursor() as cursor:
        await _authenticate(cursor, request)
        async with cursor.connection.transaction():
            await cursor.execute(
                _CHECKS,
                {
                    "patient": patient_id,
                    "practitioner": practitioner_id,
                    "earliest": start - timedelta(hours=8),
                    "start": start,
                    "end": end,
                },
            )
            checks = await cursor.fetchone()
            assert checks is not None  # one row, always
            patient, active, practitioner_clash, patient_clash = checks
            if patient is None or not active or practitioner_clash or patient_clash:
                raise LookupError("unknown party, inactive practitioner or overlap")
            appointment = booked_appointment(
                appointment_id, patient_id, practitioner_id, start, end, reason, now
            )
            event_id = new_id()
            payload = booked_event(event_id, appointment, now)
            row = (appointment_id, patient_id, practitioner_id, start, end, reason, now, now)
            event = (event_id, BOOKED, appointment_id, now, payload)
            await cursor.execute(_INSERT_EVENT_AND_SUBSCRIBERS, (*row, *event))
            for endpoint_id, types in await cursor.fetchall():
                if not types or BOOKED in types.split():
                    await cursor.execute(_DELIVERY, (new_id(), endpoint_id, event_id, now, now))
    return Response(
        appointment.model_dump_json(),
        status_code=201,
        media_type="application/json",
        headers={"etag": '"1"', "location": f"/v1/appointments/{appointment_id}"},
    )
