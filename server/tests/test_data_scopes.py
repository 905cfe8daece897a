"""Data scopes travel with the data: patient data never reaches a URL that a key without
`patients:read` created or re-pointed, by any operation or sequence of them, and stops when the
integration's last key holding the scope is revoked.

The live part runs a server that delivers (its worker on) to real receivers on loopback, on
SQLite and PostgreSQL, and revokes with the real `patient-tracker keys revoke`. The in-process
part checks the delivery SQL itself: nothing queued before a revocation is claimed after it, and
a claim checks the owner's scopes again even when the revocation did not (a key revoked by hand).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Connection, select, update

from live_server import LiveServer
from patient_tracker.auth.data_scopes import (
    ALL_EVENT_TYPES,
    event_read_scopes,
    event_read_scopes_in,
    may_read,
    missing_scopes,
)
from patient_tracker.auth.keys import create_key, hash_key, revoke_key
from patient_tracker.auth.scopes import ALL_SCOPES
from patient_tracker.contract.api_models import EventType
from patient_tracker.contract.spec_document import spec_dict
from patient_tracker.db import outbox
from patient_tracker.db.database import Database
from patient_tracker.db.outbox import record_event
from patient_tracker.db.tables import api_keys, webhook_deliveries, webhook_endpoints
from patient_tracker.kit.ids import new_id
from patient_tracker.webhooks.delivery import access
from tests.api_client import Api, Json, assert_problem, create_api_keys, fresh_day, patient_body
from tests.webhook_kit import Receiver, receiving, webhook_server

PATIENT_TYPES = [t for t in ALL_EVENT_TYPES if t.startswith("patient.")]


# ---------------------------------------------------------------- the rule, from the spec


def test_every_event_type_declares_the_read_scope_of_its_data() -> None:
    document = spec_dict()
    enum = document["components"]["schemas"]["EventType"]["enum"]
    assert list(event_read_scopes()) == enum == list(ALL_EVENT_TYPES)
    # The generated enum the server names event types by is the spec's, in its order.
    assert [event_type.value for event_type in EventType] == enum
    for event_type, scope in event_read_scopes().items():
        assert scope in ALL_SCOPES
        assert scope.endswith(":read")
        # The scope that reads the resource the event is about (`getPatient` for `patient.*`).
        assert scope.startswith(event_type.partition(".")[0])


def test_an_event_type_without_a_scope_is_refused_at_start() -> None:
    document = {"webhooks": {"thing.made": {"post": {"operationId": "thingMade"}}}}
    with pytest.raises(ValueError, match=r"thing\.made"):
        event_read_scopes_in(document)


def test_may_read_and_missing_scopes() -> None:
    assert may_read({"patients:read"}, "patient.created")
    assert not may_read({"appointments:read", "webhooks:read"}, "patient.created")
    assert not may_read(set(ALL_SCOPES), "unknown.type")
    assert missing_scopes("", {"patients:read"}) == {"practitioners:read", "appointments:read"}
    assert missing_scopes("appointment.booked", {"appointments:read"}) == set()


# ---------------------------------------------------------------- live, with receivers


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    directory = tmp_path_factory.mktemp(f"data-scopes-{request.param}")
    with webhook_server(request.param, directory) as s:
        yield s


def received_types(receiver: Receiver) -> list[str]:
    with receiver.lock:
        return [json.loads(d.body)["type"] for d in receiver.deliveries]


def revoke(server: LiveServer, key_id: str) -> str:
    """`patient-tracker keys revoke KEY_ID` on the server's database: its stderr."""
    env = {**os.environ, "PATIENT_TRACKER_DATABASE_URL": server.database_url}
    done = subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-m", "patient_tracker", "keys", "revoke", key_id],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stderr


def test_patient_data_never_reaches_a_url_set_by_a_key_without_patients_read(
    server: LiveServer,
) -> None:
    clinic_key, reader_key, writer_key = create_api_keys(
        server.database_url,
        [
            (tuple(ALL_SCOPES), "front-desk"),
            (("patients:read", "webhooks:read", "webhooks:write"), "reminders"),
            (("appointments:read", "webhooks:read", "webhooks:write"), "reminders"),
        ],
    )
    clinic, reader, writer = (
        Api(server, clinic_key),
        Api(server, reader_key),
        Api(server, writer_key),
    )
    try:
        with receiving() as legit, receiving() as attacker:
            _attempt_every_way(clinic, reader, writer, legit, attacker)
    finally:
        for api in (clinic, reader, writer):
            api.close()


def _attempt_every_way(
    clinic: Api, reader: Api, writer: Api, legit: Receiver, attacker: Receiver
) -> None:
    endpoints = "/v1/webhook-endpoints"
    # Subscribing the attacker's URL to patient data, or to everything: refused.
    for types in (PATIENT_TYPES, [], None):
        body: Json = {"url": attacker.url}
        if types is not None:
            body["event_types"] = types
        assert_problem(writer.post(endpoints, json=body), 403, "insufficient_scope")
    # The writer's own endpoint, for appointments only.
    own = writer.post(endpoints, json={"url": attacker.url, "event_types": ["appointment.booked"]})
    assert own.status_code == 201, own.text
    own_id = own.json()["id"]
    # The reader's endpoint (same integration) receives patient data.
    theirs = reader.post(endpoints, json={"url": legit.url, "event_types": PATIENT_TYPES})
    assert theirs.status_code == 201, theirs.text
    theirs_id = theirs.json()["id"]

    # Re-pointing, widening, re-enabling, rotating: refused to the writer.
    assert_problem(
        writer.patch(f"{endpoints}/{theirs_id}", {"url": attacker.url}), 403, "insufficient_scope"
    )
    for types in (["patient.created"], []):
        patched = writer.patch(f"{endpoints}/{own_id}", {"event_types": types})
        assert_problem(patched, 403, "insufficient_scope")
    paused = writer.patch(f"{endpoints}/{theirs_id}", {"enabled": False})
    assert paused.status_code == 200, paused.text  # pausing sends nothing anywhere
    assert_problem(
        writer.patch(f"{endpoints}/{theirs_id}", {"enabled": True}), 403, "insufficient_scope"
    )
    assert reader.patch(f"{endpoints}/{theirs_id}", {"enabled": True}).status_code == 200
    assert_problem(writer.post(f"{endpoints}/{theirs_id}/rotate-secret"), 403, "insufficient_scope")

    patient = clinic.post("/v1/patients", json=patient_body())
    assert patient.status_code == 201
    legit.wait_for(lambda got: len(got) >= 1)
    events = reader.get("/v1/events", params={"resource_id": patient.json()["id"]}).json()
    event_id = events["items"][0]["id"]
    # Redelivering patient data to the writer's endpoint: unknown to the writer, and to the
    # reader too (the endpoint is not subscribed to it).
    redeliver = f"{endpoints}/{own_id}/events/{event_id}/redeliver"
    assert_problem(writer.post(redeliver), 404, "not_found")
    assert_problem(reader.post(redeliver), 404, "not_found")

    # Appointments still reach the writer's endpoint: the rule withholds only what it must.
    clinic.book(fresh_day())
    attacker.wait_for(lambda got: len(got) >= 1)

    # The reader's key is revoked: its integration holds `patients:read` no more.
    key_id = _key_id_of(reader)
    stderr = revoke(reader.server, key_id)
    assert f"disabled webhook endpoint {theirs_id} (access_revoked)" in stderr
    seen = writer.get(f"{endpoints}/{theirs_id}").json()
    assert (seen["enabled"], seen["disabled_reason"]) == (False, "access_revoked")
    assert seen["disabled_at"] is not None
    delivered = len(received_types(legit))
    assert clinic.post("/v1/patients", json=patient_body()).status_code == 201
    # Re-enabling needs the scope, which the writer lacks.
    assert_problem(
        writer.patch(f"{endpoints}/{theirs_id}", {"enabled": True}), 403, "insufficient_scope"
    )
    time.sleep(1.0)  # many worker polls (0.05 s): anything due would have been sent
    assert len(received_types(legit)) == delivered
    assert not [t for t in received_types(attacker) if not t.startswith("appointment.")]


def _key_id_of(api: Api) -> str:
    """The id of the key `api` sends (looked up by its hash, as the server does)."""
    plaintext = api.http.headers["authorization"].removeprefix("Bearer ")
    db = Database.from_url(api.server.database_url)
    try:
        return str(
            db.read_sync(
                lambda c: c.execute(
                    select(api_keys.c.id).where(api_keys.c.key_hash == hash_key(plaintext))
                ).scalar_one()
            )
        )
    finally:
        db.dispose()


# ---------------------------------------------------------------- in process, the delivery SQL


def _endpoint_with_queued_patient_event(database: Database) -> tuple[str, str]:
    """An integration with one key (`patients:read`), an endpoint subscribed to patient events,
    and one patient event queued for it: (key id, endpoint id)."""

    def make(conn: Connection) -> tuple[str, str]:
        record, _ = create_key(conn, "reader", ["patients:read", "webhooks:write"], "reminders")
        integration_id = conn.execute(
            select(api_keys.c.integration_id).where(api_keys.c.id == record.id)
        ).scalar_one()
        endpoint_id = new_id()
        now = datetime.now(UTC)
        conn.execute(
            webhook_endpoints.insert().values(
                id=endpoint_id,
                integration_id=integration_id,
                version=1,
                url="https://hooks.example/x",
                event_types="patient.deleted",
                enabled=True,
                secret="whsec_x",
                created_at=now,
                updated_at=now,
            )
        )
        patient_id = new_id()
        record_event(conn, "patient.deleted", patient_id, {"id": patient_id})
        return record.id, endpoint_id

    return database.write_sync(make)


def _pending(database: Database, endpoint_id: str) -> int:
    return len(
        database.read_sync(
            lambda c: c.execute(
                select(webhook_deliveries.c.id).where(
                    webhook_deliveries.c.endpoint_id == endpoint_id,
                    webhook_deliveries.c.status == "pending",
                )
            ).all()
        )
    )


def _endpoint(database: Database, endpoint_id: str) -> tuple[bool, str | None, int]:
    row = database.read_sync(
        lambda c: c.execute(
            select(
                webhook_endpoints.c.enabled,
                webhook_endpoints.c.disabled_reason,
                webhook_endpoints.c.version,
            ).where(webhook_endpoints.c.id == endpoint_id)
        ).one()
    )
    return row.enabled, row.disabled_reason, row.version


def test_revoking_the_last_key_with_the_scope_drops_what_is_queued(database: Database) -> None:
    key_id, endpoint_id = _endpoint_with_queued_patient_event(database)
    assert _pending(database, endpoint_id) == 1

    def revoke_as_the_cli_does(conn: Connection) -> list[str]:
        integration_id = revoke_key(conn, key_id)
        assert integration_id is not None
        return access.withdraw_unreadable(conn, integration_id, datetime.now(UTC))

    assert database.write_sync(revoke_as_the_cli_does) == [endpoint_id]
    assert _pending(database, endpoint_id) == 0
    assert _endpoint(database, endpoint_id) == (False, "access_revoked", 2)
    now = datetime.now(UTC)
    assert (
        database.write_sync(lambda c: outbox.claim(c, "w", now, 16, access.receivable).claimed)
        == []
    )


def test_a_claim_checks_the_owners_scopes_again(database: Database) -> None:
    """A key revoked without `keys revoke` (by hand in SQL): the next claim finds the owner
    without the scope, sends nothing, and disables the endpoint."""
    key_id, endpoint_id = _endpoint_with_queued_patient_event(database)
    database.write_sync(
        lambda c: c.execute(
            update(api_keys).where(api_keys.c.id == key_id).values(revoked_at=datetime.now(UTC))
        )
    )
    now = datetime.now(UTC)
    assert (
        database.write_sync(lambda c: outbox.claim(c, "w", now, 16, access.receivable).claimed)
        == []
    )
    assert _pending(database, endpoint_id) == 0
    assert _endpoint(database, endpoint_id)[:2] == (False, "access_revoked")


def test_a_claim_sends_what_the_owner_may_read(database: Database) -> None:
    _, endpoint_id = _endpoint_with_queued_patient_event(database)
    now = datetime.now(UTC)
    claimed = database.write_sync(
        lambda c: outbox.claim(c, "w", now, 16, access.receivable).claimed
    )
    assert [c.endpoint_id for c in claimed] == [endpoint_id]
    assert _endpoint(database, endpoint_id) == (True, None, 1)
