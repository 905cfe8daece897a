"""The test kit against the real server: one booking flow, run through the SDK on both, must get
the same outcomes (operation, status, `code`, response shape, `request_id` in problems included,
and which of `ETag`, `Location`, `Idempotent-Replayed`, `Request-Id`, `RateLimit-Policy` and
`RateLimit` came back; ids, times and problem `detail` texts aside)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import httpx

from live_server import LiveServer
from patient_tracker_client import ApiError, PatientTracker, RetryPolicy, etag
from patient_tracker_client.generated.models import (
    AppointmentCancellation,
    AppointmentCreate,
    AppointmentUpdate,
    PatientCreate,
    PatientUpdate,
    PractitionerCreate,
)

from .conftest import new_phone
from .testing_support import Outcome, Recorder, SpecCheckedKit

NO_RETRIES = RetryPolicy(max_attempts=1)


def attempt(step: Callable[[], object]) -> None:
    """Run a step that may be refused: the outcome is recorded either way."""
    with contextlib.suppress(ApiError):
        step()


def booking_flow(tracker: PatientTracker) -> None:
    """The booking flow of test_booking_flow.py, with the errors an integrator meets on the way."""
    phone = new_phone()

    def patient(given_name: str, phone: str) -> PatientCreate:
        return PatientCreate(
            given_name=given_name,
            family_name="Lovelace",
            date_of_birth=date(1985, 12, 10),
            phone=phone,
        )

    ada = tracker.patients.create(body=patient("Ada", phone))
    attempt(lambda: tracker.patients.create(body=patient("Twin", phone)))  # 409 phone_taken
    tracker.patients.get(ada.id)
    attempt(lambda: tracker.patients.get("00000000-0000-7000-8000-ffffffffffff"))  # 404
    tracker.patients.update(ada.id, body=PatientUpdate(email="ada@example.com"))
    doctor = tracker.practitioners.create(
        body=PractitionerCreate(display_name="Dr Parity", specialty="general practice")
    )
    start = datetime(2032, 2, 2, 9, 0, tzinfo=UTC)

    def book(at: datetime) -> AppointmentCreate:
        return AppointmentCreate(
            patient_id=ada.id,
            practitioner_id=doctor.id,
            start_at=at,
            end_at=at + timedelta(minutes=30),
            reason="Check-up",
        )

    kept = tracker.appointments.book(body=book(start))
    attempt(lambda: tracker.appointments.book(body=book(start + timedelta(minutes=15))))  # 409
    other = tracker.appointments.book(body=book(start + timedelta(hours=2)))
    tracker.patients.list_appointments(ada.id)
    read = tracker.appointments.raw.get(kept.id)
    later = start + timedelta(hours=1)
    tracker.appointments.update(
        kept.id, body=AppointmentUpdate(start_at=later, end_at=later + timedelta(minutes=45))
    )
    stale = AppointmentUpdate(notes="Bring the X-rays.")
    attempt(lambda: tracker.appointments.update(kept.id, body=stale, if_match=etag(read)))  # 412
    tracker.appointments.check_in(kept.id)
    tracker.appointments.complete(kept.id)
    reason = AppointmentCancellation(cancellation_reason="Patient asked to cancel.")
    attempt(lambda: tracker.appointments.cancel(kept.id, body=reason))  # 409 invalid transition
    tracker.appointments.cancel(other.id, body=reason)
    list(tracker.appointments.list_all(patient_id=ada.id))
    attempt(lambda: tracker.patients.delete(ada.id))  # 409 patient_has_appointments
    grace = tracker.patients.create(body=patient("Grace", new_phone()))
    tracker.patients.delete(grace.id)
    attempt(lambda: tracker.patients.get(grace.id))  # 404
    raw = tracker.client.get_httpx_client()
    wrong = {"given_name": "Ada", "family_name": "L", "date_of_birth": "1985-12-10"}
    attempt(lambda: raw.post("/v1/patients", json={**wrong, "phone": new_phone(), "nick": "x"}))


def outcomes(base_url: str, api_key: str, transport: httpx.BaseTransport) -> list[Outcome]:
    recorder = Recorder(transport)
    with PatientTracker(base_url, api_key=api_key, transport=recorder, retry=NO_RETRIES) as tracker:
        booking_flow(tracker)
    return recorder.outcomes


def test_kit_and_server_agree_on_the_booking_flow(server: LiveServer) -> None:
    real = outcomes(server.base_url, server.api_key, httpx.HTTPTransport())
    kit = SpecCheckedKit()
    fake = outcomes(kit.base_url, kit.api_key, kit)
    assert len(real) == len(fake) == 23
    for number, (from_server, from_kit) in enumerate(zip(real, fake, strict=True), start=1):
        assert from_kit == from_server, f"step {number}"
    assert {o.status for o in real} == {200, 201, 204, 404, 409, 412, 422}
    assert kit.answer_problems == []
    # The kit recorded only the deliberate spec violation (the unknown field).
    assert [(v.operation, v.status) for v in kit.violations] == [("createPatient", 422)]
