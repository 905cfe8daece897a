"""The floor for `bench/run.py --floor`: the least work the two measured requests can do.

**Not an implementation of the API.** It answers `GET /v1/patients/{id}` and
`POST /v1/appointments` for the benchmark's own well-formed requests with FastAPI and the
`sqlite3` module directly, on the same database file, doing only what no implementation can skip:
look the API key up by its hash, validate the path id or the JSON body with the generated model,
run the same queries (the booking in one `BEGIN IMMEDIATE` transaction with a durable commit,
together with its `appointment.booked` event and the lookup of the webhook endpoints subscribed
to it, which every change has written since events and webhooks came), and render the generated
response model. It leaves out what the real server must also do:
scopes, problem+json errors, `Idempotency-Key`, strict time formats, the unit-of-work layer,
PostgreSQL. Its cost is therefore a lower bound for this stack on this machine: if the floor
itself sits near a target, the target cannot be met by removing layers from the server.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import FastAPI, Path, Request
from floor_booking import BOOKED, booked_appointment, booked_event
from starlette.responses import Response

from patient_tracker.contract.api_models import AppointmentCreate, Patient
from patient_tracker.web.params import given_root

_DB = sqlite3.connect(os.environ["FLOOR_DATABASE"], isolation_level=None, check_same_thread=False)
for _pragma in ("busy_timeout = 5000", "journal_mode = WAL", "synchronous = NORMAL"):
    _DB.execute(f"PRAGMA {_pragma}")
_DB.execute("PRAGMA mmap_size = 268435456")

_KEY = "SELECT id FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL"
_PATIENT = (
    "SELECT id, given_name, family_name, date_of_birth, phone, email, created_at, updated_at, "
    "version FROM patients WHERE id = ?"
)
_PARTIES = (
    "SELECT (SELECT id FROM patients WHERE id = ?), (SELECT active FROM practitioners WHERE id = ?)"
)
_OVERLAP = (
    "SELECT 1 FROM appointments WHERE {column} = ? AND status != 'cancelled' AND start_at >= ? "
    "AND start_at < ? AND end_at > ? LIMIT 1"
)
_INSERT = "INSERT INTO appointments VALUES (?, ?, ?, ?, ?, 'scheduled', ?, NULL, NULL, 1, ?, ?)"
# The event a booking records in its transaction, and who is to be told (the outbox).
_EVENT = "INSERT INTO events (id, type, resource_id, created_at, payload) VALUES (?, ?, ?, ?, ?)"
_SUBSCRIBERS = "SELECT id, event_types FROM webhook_endpoints WHERE enabled"
_DELIVERY = (
    "INSERT INTO webhook_deliveries (id, endpoint_id, event_id, status, attempts, "
    "series_started_at, next_attempt_at) VALUES (?, ?, ?, 'pending', 0, ?, ?)"
)

app = FastAPI()


def _authenticated(request: Request) -> None:
    token = request.headers["authorization"].removeprefix("Bearer ")
    digest = hashlib.sha256(token.encode()).hexdigest()
    if _DB.execute(_KEY, (digest,)).fetchone() is None:
        raise PermissionError("unknown key")


def _stored(instant: datetime) -> str:
    # The server's SQLite format (see patient_tracker.db.types.UtcDateTime).
    return instant.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds")


@app.get("/v1/patients/{patient_id}")
async def get_patient(
    request: Request,
    patient_id: Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")],
) -> Response:
    """One patient, as the API renders it."""
    _authenticated(request)
    row = _DB.execute(_PATIENT, (patient_id,)).fetchone()
    fields: dict[str, Any] = dict(zip(Patient.model_fields, row[:8], strict=True))
    fields["created_at"] += "Z"
    fields["updated_at"] += "Z"
    body = Patient.model_validate(fields).model_dump_json()
    return Response(body, media_type="application/json", headers={"etag": f'"{row[8]}"'})


@app.post("/v1/appointments", status_code=201)
async def book_appointment(request: Request) -> Response:
    """A booking with the API's checks, in one write transaction."""
    _authenticated(request)
    data = AppointmentCreate.model_validate_json(await request.body())
    patient_id, practitioner_id = data.patient_id.root, data.practitioner_id.root
    start, end = data.start_at, data.end_at
    reason = given_root(data.reason)
    new_id, now = str(uuid.uuid4()), datetime.now(UTC)
    _DB.execute("BEGIN IMMEDIATE")
    try:
        patient, active = _DB.execute(_PARTIES, (patient_id, practitioner_id)).fetchone()
        if patient is None or not active:
            raise LookupError("unknown patient or inactive practitioner")
        window = (_stored(start - timedelta(hours=8)), _stored(end), _stored(start))
        for column, person in (("practitioner_id", practitioner_id), ("patient_id", patient_id)):
            if _DB.execute(_OVERLAP.format(column=column), (person, *window)).fetchone():
                raise ValueError("overlap")
        stamp = _stored(now)
        values = (new_id, patient_id, practitioner_id, _stored(start), _stored(end), reason)
        _DB.execute(_INSERT, (*values, stamp, stamp))
        appointment = booked_appointment(
            new_id, patient_id, practitioner_id, start, end, reason, now
        )
        event_id = str(uuid.uuid4())
        payload = booked_event(event_id, appointment, now)
        _DB.execute(_EVENT, (event_id, BOOKED, new_id, stamp, payload))
        for endpoint_id, types in _DB.execute(_SUBSCRIBERS).fetchall():
            if not types or BOOKED in types.split():
                _DB.execute(_DELIVERY, (str(uuid.uuid4()), endpoint_id, event_id, stamp, stamp))
        _DB.execute("COMMIT")
    except BaseException:
        _DB.execute("ROLLBACK")
        raise
    return Response(
        appointment.model_dump_json(),
        status_code=201,
        media_type="application/json",
        headers={"etag": '"1"', "location": f"/v1/appointments/{new_id}"},
    )
