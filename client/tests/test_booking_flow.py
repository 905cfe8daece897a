"""The whole booking flow through the installed SDK against the live server: sync through the
generated functions, async through `AsyncPatientTracker`'s methods."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from live_server import LiveServer
from patient_tracker_client import AsyncPatientTracker, PatientTracker, paginate, unwrap
from patient_tracker_client.generated.api.appointments import (
    book_appointment,
    cancel_appointment,
    check_in_appointment,
    complete_appointment,
    get_appointment,
    list_appointments,
    update_appointment,
)
from patient_tracker_client.generated.api.patients import list_patient_appointments
from patient_tracker_client.generated.api.practitioners import create_practitioner
from patient_tracker_client.generated.models import (
    Appointment,
    AppointmentCancellation,
    AppointmentCreate,
    AppointmentStatus,
    AppointmentUpdate,
    Patient,
    PatientCreate,
    PractitionerCreate,
)

from .conftest import new_phone


def book(
    tracker: PatientTracker, patient_id: str, practitioner_id: str, start: datetime
) -> Appointment:
    body = AppointmentCreate(
        patient_id=patient_id,
        practitioner_id=practitioner_id,
        start_at=start,
        end_at=start + timedelta(minutes=30),
        reason="Check-up",
    )
    return unwrap(book_appointment.sync_detailed(client=tracker.client, body=body))


def test_booking_flow_sync(tracker: PatientTracker, make_patient: Callable[..., Patient]) -> None:
    patient = make_patient("Grace")
    doctor = unwrap(
        create_practitioner.sync_detailed(
            client=tracker.client,
            body=PractitionerCreate(display_name="Dr Who", specialty="general practice"),
        )
    )
    assert doctor.active is True
    start = datetime(2031, 3, 3, 9, 0, tzinfo=UTC)

    kept = book(tracker, patient.id, doctor.id, start)
    other = book(tracker, patient.id, doctor.id, start + timedelta(hours=2))
    assert kept.status is AppointmentStatus.SCHEDULED
    assert (kept.start_at, kept.end_at) == (start, start + timedelta(minutes=30))

    listed = list(
        paginate(list_appointments.sync_detailed, client=tracker.client, patient_id=patient.id)
    )
    assert [a.id for a in listed] == [kept.id, other.id]  # ordered by start_at

    later = start + timedelta(hours=1)
    moved = unwrap(
        update_appointment.sync_detailed(
            kept.id,
            client=tracker.client,
            body=AppointmentUpdate(start_at=later, end_at=later + timedelta(minutes=45)),
        )
    )
    assert (moved.start_at, moved.end_at) == (later, later + timedelta(minutes=45))

    checked_in = unwrap(check_in_appointment.sync_detailed(kept.id, client=tracker.client))
    assert checked_in.status is AppointmentStatus.CHECKED_IN
    completed = unwrap(complete_appointment.sync_detailed(kept.id, client=tracker.client))
    assert completed.status is AppointmentStatus.COMPLETED

    cancelled = unwrap(
        cancel_appointment.sync_detailed(
            other.id,
            client=tracker.client,
            body=AppointmentCancellation(cancellation_reason="Patient asked to cancel."),
        )
    )
    assert cancelled.status is AppointmentStatus.CANCELLED
    assert cancelled.cancellation_reason == "Patient asked to cancel."

    # What the server now holds, read back through other operations.
    stored = unwrap(get_appointment.sync_detailed(kept.id, client=tracker.client))
    assert (stored.status, stored.start_at) == (AppointmentStatus.COMPLETED, later)
    statuses = {
        a.id: a.status
        for a in paginate(
            list_patient_appointments.sync_detailed, patient.id, client=tracker.client
        )
    }
    assert statuses == {kept.id: AppointmentStatus.COMPLETED, other.id: AppointmentStatus.CANCELLED}


def test_booking_flow_async(server: LiveServer) -> None:
    # The same flow as above, every step through AsyncPatientTracker's methods.
    async def flow() -> None:
        async with AsyncPatientTracker(server.base_url, api_key=server.api_key) as atracker:
            patient = await atracker.patients.create(
                body=PatientCreate(
                    given_name="Alan",
                    family_name="Turing",
                    date_of_birth=date(1912, 6, 23),
                    phone=new_phone(),
                )
            )
            doctor = await atracker.practitioners.create(
                body=PractitionerCreate(display_name="Dr Async", specialty="cardiology")
            )
            assert doctor.active is True
            start = datetime(2031, 4, 4, 14, 0, tzinfo=UTC)

            async def book(at: datetime) -> Appointment:
                return await atracker.appointments.book(
                    body=AppointmentCreate(
                        patient_id=patient.id,
                        practitioner_id=doctor.id,
                        start_at=at,
                        end_at=at + timedelta(minutes=20),
                        reason="Check-up",
                    )
                )

            kept = await book(start)
            other = await book(start + timedelta(hours=2))
            assert (kept.status, kept.start_at) == (AppointmentStatus.SCHEDULED, start)

            listed = [a.id async for a in atracker.appointments.list_all(patient_id=patient.id)]
            assert listed == [kept.id, other.id]  # ordered by start_at

            later = start + timedelta(hours=1)
            moved = await atracker.appointments.update(
                kept.id,
                body=AppointmentUpdate(start_at=later, end_at=later + timedelta(minutes=45)),
            )
            assert (moved.start_at, moved.end_at) == (later, later + timedelta(minutes=45))

            checked_in = await atracker.appointments.check_in(kept.id)
            assert checked_in.status is AppointmentStatus.CHECKED_IN
            completed = await atracker.appointments.complete(kept.id)
            assert completed.status is AppointmentStatus.COMPLETED

            cancelled = await atracker.appointments.cancel(
                other.id,
                body=AppointmentCancellation(cancellation_reason="Patient asked to cancel."),
            )
            assert cancelled.status is AppointmentStatus.CANCELLED
            assert cancelled.cancellation_reason == "Patient asked to cancel."

            # What the server now holds, read back through other operations.
            stored = await atracker.appointments.get(kept.id)
            assert (stored.status, stored.start_at) == (AppointmentStatus.COMPLETED, later)
            statuses = {
                a.id: a.status async for a in atracker.patients.list_all_appointments(patient.id)
            }
            assert statuses == {
                kept.id: AppointmentStatus.COMPLETED,
                other.id: AppointmentStatus.CANCELLED,
            }

    asyncio.run(flow())
