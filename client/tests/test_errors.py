"""Every error kind comes back as its typed exception, from the live server where it can send it,
and from a stub server for the statuses the real one does not send on purpose (429, 500, 503).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

from live_server import LiveServer, prepare_database
from patient_tracker_client import (
    ApiError,
    ConflictError,
    FieldProblem,
    ForbiddenError,
    NotFoundError,
    PatientTracker,
    PreconditionFailedError,
    RateLimitedError,
    RetryPolicy,
    ServerError,
    UnauthorizedError,
    ValidationError,
    amodify,
    etag,
    modify,
    unwrap,
)
from patient_tracker_client.generated.api.appointments import (
    book_appointment,
    check_in_appointment,
    complete_appointment,
    list_appointments,
    mark_appointment_no_show,
)
from patient_tracker_client.generated.api.patients import (
    create_patient,
    get_patient,
    list_patients,
    update_patient,
)
from patient_tracker_client.generated.api.practitioners import create_practitioner
from patient_tracker_client.generated.models import (
    AppointmentCreate,
    Patient,
    PatientCreate,
    PatientUpdate,
    PractitionerCreate,
    Problem,
)
from patient_tracker_client.generated.types import Response

from .conftest import (
    AsyncCountingTransport,
    CountingTransport,
    Scripted,
    StubServer,
    new_phone,
)

NO_RETRY = RetryPolicy(max_attempts=1)


def test_validation_error_names_the_field(tracker: PatientTracker) -> None:
    body = PatientCreate(
        given_name="Bad", family_name="Phone", date_of_birth=date(1990, 1, 1), phone="12345"
    )
    with pytest.raises(ValidationError) as caught:
        unwrap(create_patient.sync_detailed(client=tracker.client, body=body))
    error = caught.value
    assert (error.status, error.code) == (422, "validation_failed")
    assert [e.pointer for e in error.errors] == ["/phone"]
    assert error.response.headers["content-type"].startswith("application/problem+json")


def test_validation_error_for_a_query_parameter(tracker: PatientTracker) -> None:
    with pytest.raises(ValidationError) as caught:
        unwrap(list_patients.sync_detailed(client=tracker.client, limit=1000))
    assert caught.value.errors == (
        FieldProblem(detail=caught.value.errors[0].detail, parameter="limit"),
    )


def test_not_found(tracker: PatientTracker) -> None:
    with pytest.raises(NotFoundError) as caught:
        unwrap(get_patient.sync_detailed("no-such-patient", client=tracker.client))
    assert (caught.value.status, caught.value.code) == (404, "not_found")
    assert "no-such-patient" in caught.value.detail


def test_conflict_phone_taken(
    tracker: PatientTracker, make_patient: Callable[..., Patient]
) -> None:
    taken = make_patient().phone
    with pytest.raises(ConflictError) as caught:
        make_patient(phone=taken)
    assert (caught.value.status, caught.value.code) == (409, "phone_taken")


def test_conflict_invalid_status_transition_names_the_status(
    tracker: PatientTracker, make_patient: Callable[..., Patient]
) -> None:
    patient = make_patient()
    doctor = unwrap(
        create_practitioner.sync_detailed(
            client=tracker.client, body=PractitionerCreate(display_name="Dr X", specialty="x-ray")
        )
    )
    start = datetime(2032, 5, 5, 10, 0, tzinfo=UTC)
    booked = unwrap(
        book_appointment.sync_detailed(
            client=tracker.client,
            body=AppointmentCreate(
                patient_id=patient.id,
                practitioner_id=doctor.id,
                start_at=start,
                end_at=start + timedelta(minutes=15),
            ),
        )
    )
    unwrap(check_in_appointment.sync_detailed(booked.id, client=tracker.client))
    unwrap(complete_appointment.sync_detailed(booked.id, client=tracker.client))
    with pytest.raises(ConflictError) as caught:
        unwrap(mark_appointment_no_show.sync_detailed(booked.id, client=tracker.client))
    assert caught.value.code == "invalid_status_transition"
    assert caught.value.current_status == "completed"


def test_precondition_failed_when_changed_in_between(
    tracker: PatientTracker, make_patient: Callable[..., Patient]
) -> None:
    # The server refuses the write only if the If-Match that modify() filled in reached it.
    patient = make_patient()

    def write_after_someone_else(current: Patient, *, if_match: str) -> Response[Patient | Problem]:
        # Another writer changes the patient after our read: our ETag is now stale.
        unwrap(
            update_patient.sync_detailed(
                current.id, client=tracker.client, body=PatientUpdate(family_name="Byron")
            )
        )
        return update_patient.sync_detailed(
            current.id,
            client=tracker.client,
            body=PatientUpdate(phone=new_phone()),
            if_match=if_match,
        )

    with pytest.raises(PreconditionFailedError) as caught:
        modify(
            lambda: get_patient.sync_detailed(patient.id, client=tracker.client),
            write_after_someone_else,
        )
    assert (caught.value.status, caught.value.code) == (412, "precondition_failed")
    stored = unwrap(get_patient.sync_detailed(patient.id, client=tracker.client))
    # The other writer's change stands; the stale write changed nothing.
    assert (stored.family_name, stored.phone) == ("Byron", patient.phone)


def test_modify_sends_the_etag_it_read(
    server: LiveServer, make_patient: Callable[..., Patient]
) -> None:
    patient = make_patient()
    phone = new_phone()
    wire = CountingTransport()  # the real transport, under the retries: what goes to the server
    with PatientTracker(server.base_url, api_key=server.api_key, transport=wire) as api:
        updated = modify(
            lambda: get_patient.sync_detailed(patient.id, client=api.client),
            lambda current, if_match: update_patient.sync_detailed(
                current.id, client=api.client, body=PatientUpdate(phone=phone), if_match=if_match
            ),
        )
    assert updated.phone == phone
    assert updated.updated_at > patient.updated_at
    read, write = wire.exchanges
    assert (read.method, read.status, write.method, write.status) == ("GET", 200, "PATCH", 200)
    assert "If-Match" not in read.sent
    assert write.sent["If-Match"] == read.received["ETag"]  # the ETag just read, as sent


def test_a_write_that_does_not_take_if_match_is_refused(
    tracker: PatientTracker, make_patient: Callable[..., Patient]
) -> None:
    # modify() hands the ETag over as the keyword if_match=; a write without that parameter fails
    # before it sends anything (and mypy rejects it: hence the ignore, which must stay needed).
    patient = make_patient()
    with pytest.raises(TypeError, match="if_match"):
        modify(
            lambda: get_patient.sync_detailed(patient.id, client=tracker.client),
            lambda current, tag: update_patient.sync_detailed(  # type: ignore[arg-type]
                current.id, client=tracker.client, body=PatientUpdate(given_name="X"), if_match=tag
            ),
        )
    assert unwrap(get_patient.sync_detailed(patient.id, client=tracker.client)) == patient


def test_amodify_and_a_stale_async_write(
    server: LiveServer, make_patient: Callable[..., Patient]
) -> None:
    patient = make_patient()
    phone = new_phone()
    wire = AsyncCountingTransport()

    async def change() -> tuple[Patient, str]:
        async with PatientTracker(
            server.base_url, api_key=server.api_key, async_transport=wire
        ) as api:
            first = await get_patient.asyncio_detailed(patient.id, client=api.client)
            updated = await amodify(
                lambda: get_patient.asyncio_detailed(patient.id, client=api.client),
                lambda current, if_match: update_patient.asyncio_detailed(
                    current.id,
                    client=api.client,
                    body=PatientUpdate(phone=phone),
                    if_match=if_match,
                ),
            )
            try:  # the ETag read before that change is stale now
                await update_patient.asyncio_detailed(
                    patient.id,
                    client=api.client,
                    body=PatientUpdate(given_name="Stale"),
                    if_match=etag(first),
                )
            except PreconditionFailedError as error:
                return updated, error.code
            return updated, "no error"

    updated, code = asyncio.run(change())
    assert updated.phone == phone
    assert code == "precondition_failed"
    _, read, write, _ = wire.exchanges
    assert (read.method, write.method, write.status) == ("GET", "PATCH", 200)
    assert write.sent["If-Match"] == read.received["ETag"]


def test_unauthorized(server: LiveServer) -> None:
    with (
        PatientTracker(server.base_url, api_key="ptk_not-a-real-key", retry=NO_RETRY) as bad,
        pytest.raises(UnauthorizedError) as caught,
    ):
        unwrap(list_patients.sync_detailed(client=bad.client))
    assert (caught.value.status, caught.value.code) == (401, "invalid_api_key")
    assert caught.value.response.headers["WWW-Authenticate"].startswith("Bearer")


def test_forbidden(server: LiveServer) -> None:
    read_only = prepare_database(server.database_url, scopes=("patients:read",))
    with PatientTracker(server.base_url, api_key=read_only) as limited:
        unwrap(list_patients.sync_detailed(client=limited.client, limit=1))  # the key works
        with pytest.raises(ForbiddenError) as caught:
            unwrap(list_appointments.sync_detailed(client=limited.client))
    assert (caught.value.status, caught.value.code) == (403, "insufficient_scope")


def test_rate_limited_after_retries(stub: StubServer) -> None:
    problem = {
        "type": "urn:x",
        "title": "Too many",
        "status": 429,
        "detail": "Slow down.",
        "code": "rate_limited",
    }
    stub.script = [Scripted(429, problem, {"Retry-After": "0"})]
    with (
        PatientTracker(stub.base_url, api_key="k", retry=RetryPolicy(max_attempts=3)) as api,
        pytest.raises(RateLimitedError) as caught,
    ):
        unwrap(get_patient.sync_detailed("p1", client=api.client))
    assert len(stub.seen) == 3
    assert (caught.value.code, caught.value.detail, caught.value.retry_after) == (
        "rate_limited",
        "Slow down.",
        0.0,
    )


def test_server_error_and_an_unparseable_body(stub: StubServer) -> None:
    # A 500 with a body that is no problem at all (a proxy's page): still a typed ServerError.
    stub.script = [Scripted(500, ["not", "a", "problem"])]
    with (
        PatientTracker(stub.base_url, api_key="k") as api,
        pytest.raises(ServerError) as caught,
    ):
        unwrap(get_patient.sync_detailed("p1", client=api.client))
    assert (caught.value.status, caught.value.code, caught.value.errors) == (500, "http_500", ())
    assert len(stub.seen) == 1  # a 500 is not retried: the server may have failed half-way


def test_unavailable_is_a_server_error_after_retries(stub: StubServer) -> None:
    stub.script = [Scripted(503, None, {"Retry-After": "0"})]
    with (
        PatientTracker(stub.base_url, api_key="k", retry=RetryPolicy(max_attempts=2)) as api,
        pytest.raises(ServerError) as caught,
    ):
        unwrap(get_patient.sync_detailed("p1", client=api.client))
    assert caught.value.status == 503
    assert isinstance(caught.value, ApiError)
    assert len(stub.seen) == 2
