"""What both floors (`floor_app.py`, `floor_pg_app.py`) render for a booking: the new appointment
and its `appointment.booked` event, through the generated models, as the server does."""

from __future__ import annotations

from datetime import datetime

from patient_tracker.contract.api_models import Appointment, Event

__all__ = ["BOOKED", "booked_appointment", "booked_event"]

BOOKED = "appointment.booked"


def booked_appointment(
    appointment_id: str,
    patient_id: str,
    practitioner_id: str,
    start: datetime,
    end: datetime,
    reason: str | None,
    now: datetime,
) -> Appointment:
    """The appointment a booking just created, as the API renders it."""
    return Appointment.model_validate(
        {
            "id": appointment_id,
            "patient_id": patient_id,
            "practitioner_id": practitioner_id,
            "start_at": start,
            "end_at": end,
            "status": "scheduled",
            "reason": reason,
            "notes": None,
            "cancellation_reason": None,
            "created_at": now,
            "updated_at": now,
        }
    )


def booked_event(event_id: str, appointment: Appointment, now: datetime) -> str:
    """The booking's event payload: the spec's `Event` envelope, as the server stores it."""
    event = Event.model_validate(
        {"id": event_id, "type": BOOKED, "created_at": now, "data": appointment}
    )
    return event.model_dump_json()
