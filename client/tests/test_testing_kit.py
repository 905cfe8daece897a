"""The test kit (`patient_tracker_client.testing.MockApi`) on its own: no server.

Every answer the kit gives in these tests is checked against the spec (`kit` fixture).
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx
import pytest
import yaml

from patient_tracker_client import (
    ApiConnectionError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    NotModifiedError,
    PatientTracker,
    PreconditionFailedError,
    RateLimit,
    RateLimitedError,
    RetryPolicy,
    ServerError,
    UnauthorizedError,
    ValidationError,
    etag,
    modify,
    parse_rate_limits,
    unwrap,
)
from patient_tracker_client.generated.api.patients import get_patient
from patient_tracker_client.generated.client import AuthenticatedClient
from patient_tracker_client.generated.models import (
    AppointmentCancellation,
    AppointmentCreate,
    AppointmentStatus,
    AppointmentUpdate,
    PatientCreate,
    PatientUpdate,
    PractitionerCreate,
    PractitionerUpdate,
)
from patient_tracker_client.testing import MockApi, SpecViolation, bundled_spec

from .testing_support import SpecCheckedKit

SPEC = Path(__file__).resolve().parents[2] / "spec" / "openapi.yaml"
START = datetime(2031, 5, 5, 9, 0, tzinfo=UTC)
NO_RETRIES = RetryPolicy(max_attempts=1)
# Retries without waiting (the kit answers at once; Retry-After is what these tests set).
QUICK_RETRIES = RetryPolicy(max_attempts=3, initial_backoff=0.0, max_backoff=0.0)


@pytest.fixture
def kit() -> Iterator[SpecCheckedKit]:
    """A fresh kit whose every answer is checked against the spec after the test."""
    checked = SpecCheckedKit()
    yield checked
    assert checked.answers > 0
    assert checked.answer_problems == []


@pytest.fixture
def tracker(kit: SpecCheckedKit) -> Iterator[PatientTracker]:
    with kit.tracker(retry=QUICK_RETRIES) as client:
        yield client


def patient_body(phone: str = "+447700900001", given_name: str = "Ada") -> PatientCreate:
    return PatientCreate(
        given_name=given_name, family_name="Lovelace", date_of_birth=date(1985, 12, 10), phone=phone
    )


def booking(patient_id: str, practitioner_id: str, start: datetime = START) -> AppointmentCreate:
    return AppointmentCreate(
        patient_id=patient_id,
        practitioner_id=practitioner_id,
        start_at=start,
        end_at=start + timedelta(minutes=30),
        reason="Check-up",
    )


def test_bundled_spec_is_the_spec() -> None:
    # `nox -s sdk` checks the file too (client/bundle_spec.py --check); this checks what loads.
    assert bundled_spec().document == yaml.safe_load(SPEC.read_text(encoding="utf-8"))


def test_create_get_list_change_delete(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    created = tracker.patients.raw.create(body=patient_body())
    assert created.status_code == 201
    patient = unwrap(created)
    assert created.headers["Location"] == f"/v1/patients/{patient.id}"
    assert created.headers["ETag"] == '"1"'
    assert tracker.patients.get(patient.id) == patient
    assert [p.id for p in tracker.patients.list_all()] == [patient.id]

    changed = modify(
        lambda: tracker.patients.raw.get(patient.id),
        lambda current, if_match: tracker.patients.raw.update(
            current.id, body=PatientUpdate(email="ada@example.com"), if_match=if_match
        ),
    )
    assert (changed.email, changed.phone) == ("ada@example.com", patient.phone)
    # Merge patch: null removes the email.
    response = httpx.Client(transport=kit, base_url=kit.base_url).patch(
        f"/v1/patients/{patient.id}",
        json={"email": None},
        headers={
            "Authorization": f"Bearer {kit.api_key}",
            "Content-Type": "application/merge-patch+json",
        },
    )
    assert (response.status_code, response.json()["email"]) == (200, None)
    assert response.headers["ETag"] == '"3"'

    doctor = tracker.practitioners.create(
        body=PractitionerCreate(display_name="Dr Who", specialty="general practice")
    )
    retired = tracker.practitioners.update(doctor.id, body=PractitionerUpdate(active=False))
    assert retired.active is False
    assert [d.id for d in tracker.practitioners.list_all(active=False)] == [doctor.id]
    assert list(tracker.practitioners.list_all(active=True)) == []
    tracker.practitioners.delete(doctor.id)
    tracker.patients.delete(patient.id)
    with pytest.raises(NotFoundError):
        tracker.patients.get(patient.id)
    kit.assert_no_violations()


def test_appointment_status_actions(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    patient = tracker.patients.create(body=patient_body())
    doctor = tracker.practitioners.create(
        body=PractitionerCreate(display_name="Dr Who", specialty="general practice")
    )
    kept = tracker.appointments.book(body=booking(patient.id, doctor.id))
    other = tracker.appointments.book(
        body=booking(patient.id, doctor.id, START + timedelta(hours=2))
    )
    later = START + timedelta(hours=1)
    moved = tracker.appointments.update(
        kept.id, body=AppointmentUpdate(start_at=later, end_at=later + timedelta(minutes=45))
    )
    assert (moved.start_at, moved.end_at) == (later, later + timedelta(minutes=45))
    assert tracker.appointments.check_in(kept.id).status is AppointmentStatus.CHECKED_IN
    assert tracker.appointments.complete(kept.id).status is AppointmentStatus.COMPLETED
    cancelled = tracker.appointments.cancel(
        other.id, body=AppointmentCancellation(cancellation_reason="Patient asked.")
    )
    assert (cancelled.status, cancelled.cancellation_reason) == (
        AppointmentStatus.CANCELLED,
        "Patient asked.",
    )
    # The cancelled slot is free again.
    again = tracker.appointments.book(
        body=booking(patient.id, doctor.id, START + timedelta(hours=2))
    )
    assert again.status is AppointmentStatus.SCHEDULED
    listed = [a.id for a in tracker.patients.list_all_appointments(patient.id)]
    assert listed == [kept.id, other.id, again.id]  # by start_at, then id
    scheduled = tracker.appointments.list_all(status=AppointmentStatus.SCHEDULED)
    assert [a.id for a in scheduled] == [again.id]

    with pytest.raises(ConflictError) as transition:
        tracker.appointments.cancel(
            kept.id, body=AppointmentCancellation(cancellation_reason="Too late.")
        )
    assert (transition.value.code, transition.value.current_status) == (
        "invalid_status_transition",
        "completed",
    )
    with pytest.raises(ConflictError) as in_use:
        tracker.patients.delete(patient.id)
    assert in_use.value.code == "patient_has_appointments"
    kit.assert_no_violations()


def test_the_spec_errors(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    patient = tracker.patients.create(body=patient_body())
    with pytest.raises(ConflictError) as taken:
        tracker.patients.create(body=patient_body(given_name="Other"))
    assert taken.value.code == "phone_taken"
    with pytest.raises(NotFoundError) as missing:
        tracker.patients.get("no-such-patient")
    assert missing.value.code == "not_found"

    doctor = tracker.practitioners.create(
        body=PractitionerCreate(display_name="Dr Who", specialty="general practice")
    )
    tracker.appointments.book(body=booking(patient.id, doctor.id))
    with pytest.raises(ConflictError) as overlap:
        tracker.appointments.book(
            body=booking(patient.id, doctor.id, START + timedelta(minutes=10))
        )
    assert overlap.value.code == "appointment_overlap"
    with pytest.raises(NotFoundError) as unknown:
        tracker.appointments.book(body=booking("no-such-patient", doctor.id))
    assert [e.pointer for e in unknown.value.errors] == ["/patient_id"]
    with pytest.raises(ValidationError) as too_long:
        tracker.appointments.book(
            body=AppointmentCreate(
                patient_id=patient.id,
                practitioner_id=doctor.id,
                start_at=START,
                end_at=START + timedelta(hours=9),
            )
        )
    assert [e.pointer for e in too_long.value.errors] == ["/end_at"]

    read = tracker.patients.raw.get(patient.id)
    tracker.patients.update(patient.id, body=PatientUpdate(given_name="Augusta"))
    with pytest.raises(PreconditionFailedError):
        tracker.patients.update(
            patient.id, body=PatientUpdate(given_name="Stale"), if_match=etag(read)
        )
    assert tracker.patients.get(patient.id).given_name == "Augusta"
    # Business-rule errors are the API's answers, not violations of the spec by the caller.
    kit.assert_no_violations()


def test_a_wrong_field_fails_with_a_clear_message(kit: SpecCheckedKit) -> None:
    raw = httpx.Client(
        transport=kit, base_url=kit.base_url, headers={"Authorization": f"Bearer {kit.api_key}"}
    )
    response = raw.post(
        "/v1/patients",
        json={
            "given_name": "Ada",
            "family_name": "Lovelace",
            "date_of_birth": "1985-12-10",
            "phone": "+447700900001",
            "nickname": "Countess",
        },
    )
    assert response.status_code == 422
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "validation_failed"
    assert "nickname" in response.json()["detail"]
    with pytest.raises(SpecViolation, match=r"createPatient: .*nickname"):
        kit.assert_no_violations()


def test_bad_values_fail_through_the_sdk(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    with pytest.raises(ValidationError) as bad_phone:
        tracker.patients.create(body=patient_body(phone="07700 900001"))
    assert [e.pointer for e in bad_phone.value.errors] == ["/phone"]
    with pytest.raises(ValidationError) as bad_limit:
        tracker.patients.list(limit=500)
    assert [e.parameter for e in bad_limit.value.errors] == ["limit"]
    assert [v.operation for v in kit.violations] == ["createPatient", "listPatients"]


def test_requests_outside_the_spec(kit: SpecCheckedKit) -> None:
    raw = httpx.Client(
        transport=kit, base_url=kit.base_url, headers={"Authorization": f"Bearer {kit.api_key}"}
    )
    assert raw.get("/v1/patients", params={"phon": "+447700900001"}).status_code == 422
    assert raw.get("/v1/nothing-here").status_code == 404
    wrong_method = raw.put("/v1/patients")
    assert (wrong_method.status_code, wrong_method.headers["Allow"]) == (405, "GET, POST")
    not_json = raw.post("/v1/patients", content=b"hi", headers={"Content-Type": "text/plain"})
    assert not_json.status_code == 415
    broken = raw.post("/v1/patients", content=b"{", headers={"Content-Type": "application/json"})
    assert (broken.status_code, broken.json()["code"]) == (400, "malformed_json")
    bad_if_match = raw.delete("/v1/patients/x", headers={"If-Match": "\x7f"})
    assert bad_if_match.status_code == 422
    assert len(kit.violations) == 6


def test_keys_and_scopes() -> None:
    reader = SpecCheckedKit(scopes=["patients:read"])
    with reader.tracker(retry=NO_RETRIES) as tracker:
        assert list(tracker.patients.list_all()) == []
        with pytest.raises(ForbiddenError) as forbidden:
            tracker.patients.create(body=patient_body())
    assert forbidden.value.code == "insufficient_scope"
    assert "patients:write" in forbidden.value.detail
    with PatientTracker(
        reader.base_url, api_key="ptk_wrong", transport=reader, retry=NO_RETRIES
    ) as stranger:
        with pytest.raises(UnauthorizedError) as unauthorized:
            stranger.patients.list()
        assert unauthorized.value.response.headers["WWW-Authenticate"].startswith("Bearer")
        assert stranger.health.get().status == "ok"  # no key needed
    assert [v.status for v in reader.violations] == [403, 401]
    assert reader.answer_problems == []


def test_idempotency_keys(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    first = tracker.patients.raw.create(body=patient_body(), idempotency_key="k-1")
    replay = tracker.patients.raw.create(body=patient_body(), idempotency_key="k-1")
    assert replay.content == first.content
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.headers["Location"] == first.headers["Location"]
    with pytest.raises(ValidationError) as reused:
        tracker.patients.create(body=patient_body(given_name="Bob"), idempotency_key="k-1")
    assert reused.value.code == "idempotency_key_reused"
    assert len(kit.store.patients) == 1


def test_pagination(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    made = [tracker.patients.create(body=patient_body(f"+4477009{n:05d}")).id for n in range(25)]
    assert [p.id for p in tracker.patients.list_all()] == made
    first = tracker.patients.list(limit=10)
    assert [p.id for p in first.items] == made[:10]
    assert isinstance(first.next_cursor, str)
    pages = [tracker.patients.list(limit=5)]
    while isinstance(pages[-1].next_cursor, str):
        pages.append(tracker.patients.list(limit=5, cursor=pages[-1].next_cursor))
    assert len(pages) == 5  # 25 in pages of 5: no empty last page
    with pytest.raises(ValidationError) as other_filters:
        tracker.patients.list(limit=10, cursor=first.next_cursor, name_prefix="A")
    assert other_filters.value.code == "invalid_cursor"


def test_faults_answered(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    kit.fail_next("createPatient", status=503, retry_after=0)
    tracker.patients.create(body=patient_body())
    assert [c.status for c in kit.calls_of("createPatient")] == [503, 201]  # the SDK retried

    with kit.tracker(retry=NO_RETRIES) as once:
        kit.fail_next("listPatients", status=429, retry_after=7)
        with pytest.raises(RateLimitedError) as limited:
            once.patients.list()
        assert limited.value.retry_after == 7
        kit.fail_next("getPatient", status=503)
        with pytest.raises(ServerError):
            once.patients.get("anything")
        doctor = once.practitioners.create(
            body=PractitionerCreate(display_name="Dr Who", specialty="general practice")
        )
        patient_id = next(iter(kit.store.patients))
        kit.fail_next("bookAppointment", status=409)
        with pytest.raises(ConflictError) as conflict:
            once.appointments.book(body=booking(patient_id, doctor.id))
        assert conflict.value.code == "appointment_overlap"  # the spec's first 409 example
        assert kit.store.appointments == {}  # an injected failure changes nothing
        kit.fail_next(status=400, code="malformed_json")  # any operation
        with pytest.raises(BadRequestError):
            once.practitioners.list()
    kit.assert_no_violations()


def test_request_ids_and_rate_limit_headers(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    created = tracker.patients.raw.create(body=patient_body(), idempotency_key="k-1")
    replayed = tracker.patients.raw.create(body=patient_body(), idempotency_key="k-1")
    with pytest.raises(ConflictError) as taken:
        tracker.patients.create(body=patient_body(given_name="Twin"))
    anonymous = httpx.Client(transport=kit, base_url=kit.base_url).get("/v1/patients")
    # A fresh id per request, as the server makes them, and the same in `kit.calls`.
    ids = [call.request_id for call in kit.calls]
    assert all(re.fullmatch(r"req_[0-9a-f]{32}", each or "") for each in ids)
    assert len(set(ids)) == 4
    assert ids == [
        created.request_id,
        replayed.request_id,  # a replay is another request: its own id
        taken.value.request_id,
        anonymous.headers["Request-Id"],
    ]
    assert taken.value.problem["request_id"] == taken.value.request_id  # in problems too
    assert anonymous.json()["request_id"] == anonymous.headers["Request-Id"]
    # A fixed budget, never used up: the integration's with the kit's key, the address's always.
    assert created.rate_limits == {
        "integration": RateLimit("integration", quota=200, window=2, remaining=199, reset=2),
        "address": RateLimit("address", quota=400, window=2, remaining=399, reset=2),
    }
    assert created.headers["RateLimit-Policy"] == '"integration";q=200;w=2, "address";q=400;w=2'
    assert taken.value.rate_limits == created.rate_limits
    assert list(parse_rate_limits(anonymous.headers) or {}) == ["address"]  # a 401


def test_injected_rate_limit(kit: SpecCheckedKit) -> None:
    with kit.tracker(retry=NO_RETRIES) as once:
        kit.fail_next("listPatients", status=429)
        with pytest.raises(RateLimitedError) as limited:
            once.patients.list()
        kit.fail_next("listPatients", status=429, retry_after=7)
        with pytest.raises(RateLimitedError) as later:
            once.patients.list()
    error = limited.value
    assert (error.code, error.title, error.retry_after) == (
        "rate_limited",
        "Rate limit exceeded",
        0,
    )
    assert error.response.headers["Retry-After"] == "0"  # the spec documents one: never waits
    assert error.rate_limits is not None
    assert error.rate_limits["integration"] == RateLimit("integration", 200, 2, 0, 0)
    assert error.rate_limits["address"].remaining == 399
    assert error.request_id == error.problem["request_id"] == kit.calls[0].request_id
    assert later.value.retry_after == 7
    assert later.value.rate_limits is not None
    assert later.value.rate_limits["integration"].reset == 7
    # Retried (Retry-After: 0), then answered.
    with kit.tracker(retry=QUICK_RETRIES) as retrying:
        kit.fail_next("listPatients", status=429, times=2)
        assert retrying.patients.list().items == []
    assert [c.status for c in kit.calls_of("listPatients")][2:] == [429, 429, 200]
    kit.assert_no_violations()


def test_conditional_reads(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    patient = tracker.patients.create(body=patient_body())
    created = tracker.practitioners.raw.create(
        body=PractitionerCreate(display_name="Dr Who", specialty="general practice")
    )
    doctor, doctor_tag = unwrap(created), etag(created)
    booked = tracker.appointments.raw.book(body=booking(patient.id, doctor.id))
    appointment, appointment_tag = unwrap(booked), etag(booked)

    still = tracker.practitioners.raw.get(doctor.id, if_none_match=doctor_tag)
    assert (still.status_code, still.headers["ETag"], still.content) == (304, doctor_tag, b"")
    assert "Content-Type" not in still.headers
    with pytest.raises(NotModifiedError):
        tracker.practitioners.get(doctor.id, if_none_match=doctor_tag)
    assert tracker.practitioners.get(doctor.id, if_none_match='"0"') == doctor

    unchanged = tracker.appointments.raw.get(appointment.id, if_none_match=appointment_tag)
    assert unchanged.status_code == 304
    tracker.appointments.check_in(appointment.id)
    fresh = tracker.appointments.get(appointment.id, if_none_match=appointment_tag)
    assert fresh.status is AppointmentStatus.CHECKED_IN
    kit.assert_no_violations()


def test_dropped_connections(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    # Dropped before arriving: nothing happened, and the SDK's retry creates the patient once.
    kit.fail_next("createPatient", error=httpx.ConnectError)
    tracker.patients.create(body=patient_body())
    assert [c.status for c in kit.calls_of("createPatient")] == [None, 201]
    # Dropped after the kit acted: the retry carries the same Idempotency-Key and is replayed.
    kit.fail_next("createPatient", error=httpx.RemoteProtocolError)
    tracker.patients.create(body=patient_body("+447700900002"))
    assert [c.status for c in kit.calls_of("createPatient")][2:] == [None, 201]
    assert len(kit.store.patients) == 2
    keys = {c.headers["Idempotency-Key"] for c in kit.calls_of("createPatient")[2:]}
    assert len(keys) == 1
    with kit.tracker(retry=NO_RETRIES) as once:
        kit.fail_next("getPatient", error=httpx.ConnectError)
        # Transport failures reach integrators as the SDK's own error, the httpx one as cause.
        with pytest.raises(ApiConnectionError) as raised:
            once.patients.get("anything")
        assert isinstance(raised.value.__cause__, httpx.ConnectError)


def test_fail_next_refuses_nonsense() -> None:
    kit = MockApi()
    with pytest.raises(ValueError, match="no operation"):
        kit.fail_next("createPatients", status=503)
    with pytest.raises(ValueError, match="either"):
        kit.fail_next("createPatient")


def test_async_tracker(kit: SpecCheckedKit) -> None:
    async def flow() -> list[str]:
        async with kit.async_tracker(retry=QUICK_RETRIES) as atracker:
            patient = await atracker.patients.create(body=patient_body())
            doctor = await atracker.practitioners.create(
                body=PractitionerCreate(display_name="Dr Async", specialty="cardiology")
            )
            kit.fail_next("bookAppointment", status=503, retry_after=0)
            booked = await atracker.appointments.book(body=booking(patient.id, doctor.id))
            await atracker.appointments.check_in(booked.id)
            return [a.status.value async for a in atracker.appointments.list_all()]

    assert asyncio.run(flow()) == ["checked_in"]
    kit.assert_no_violations()


def test_generated_client_with_httpx_args(kit: SpecCheckedKit) -> None:
    client = AuthenticatedClient(
        base_url=kit.base_url, token=kit.api_key, httpx_args={"transport": kit}
    )
    with client:
        response = get_patient.sync_detailed("nobody", client=client)
    assert response.status_code == 404
    kit.assert_no_violations()
