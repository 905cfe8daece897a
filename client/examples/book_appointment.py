"""Register a patient and a practitioner, book a 30-minute appointment, and reschedule it.

    PATIENT_TRACKER_URL=http://127.0.0.1:8000 PATIENT_TRACKER_API_KEY=ptk_... \\
        python client/examples/book_appointment.py

Prints the booking. Each run uses a new random phone number (phone numbers are unique) and a slot
on a random future day, so it can run again and again against the same server.
"""

from __future__ import annotations

import os
import random
from datetime import UTC, date, datetime, timedelta

from patient_tracker_client import ConflictError, PatientTracker, RetryPolicy
from patient_tracker_client.generated.models import (
    Appointment,
    AppointmentCreate,
    AppointmentUpdate,
    PatientCreate,
    PractitionerCreate,
)


def book_and_reschedule(tracker: PatientTracker) -> Appointment:
    """The booking flow of a front-desk application, in four calls."""
    patient = tracker.patients.create(
        body=PatientCreate(
            given_name="Mary",
            family_name="Somerville",
            date_of_birth=date(1980, 12, 26),
            phone=f"+4420{random.randrange(10**8):08d}",  # noqa: S311 - not a secret
        )
    )
    doctor = tracker.practitioners.create(
        body=PractitionerCreate(display_name="Dr Florence Nightingale", specialty="nursing")
    )
    day = datetime(2035, 1, 1, 9, 0, tzinfo=UTC) + timedelta(days=random.randrange(3650))  # noqa: S311
    booked = tracker.appointments.book(
        body=AppointmentCreate(
            patient_id=patient.id,
            practitioner_id=doctor.id,
            start_at=day,
            end_at=day + timedelta(minutes=30),
            reason="First visit",
        )
    )
    later = day + timedelta(hours=2)
    try:
        return tracker.appointments.update(
            booked.id, body=AppointmentUpdate(start_at=later, end_at=later + timedelta(minutes=30))
        )
    except ConflictError as error:  # e.g. the new slot overlaps another appointment
        print(f"Kept the original time: {error.detail}")
        return booked


def main() -> None:
    """Run the flow against the server named by the environment."""
    with PatientTracker(
        os.environ.get("PATIENT_TRACKER_URL", "http://127.0.0.1:8000"),
        api_key=os.environ["PATIENT_TRACKER_API_KEY"],
        timeout=10.0,
        retry=RetryPolicy(max_attempts=4),
    ) as tracker:
        appointment = book_and_reschedule(tracker)
    print(
        f"Booked {appointment.id}: {appointment.start_at.isoformat()} to "
        f"{appointment.end_at.isoformat()}, {appointment.status.value}"
    )


if __name__ == "__main__":
    main()
