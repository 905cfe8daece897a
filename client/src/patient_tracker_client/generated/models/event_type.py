# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from enum import StrEnum


class EventType(StrEnum):
    APPOINTMENT_BOOKED = "appointment.booked"
    APPOINTMENT_CANCELLED = "appointment.cancelled"
    APPOINTMENT_CHECKED_IN = "appointment.checked_in"
    APPOINTMENT_COMPLETED = "appointment.completed"
    APPOINTMENT_NO_SHOW = "appointment.no_show"
    APPOINTMENT_RESCHEDULED = "appointment.rescheduled"
    PATIENT_CREATED = "patient.created"
    PATIENT_DELETED = "patient.deleted"
    PATIENT_UPDATED = "patient.updated"
    PRACTITIONER_CREATED = "practitioner.created"
    PRACTITIONER_DELETED = "practitioner.deleted"
    PRACTITIONER_UPDATED = "practitioner.updated"

    def __str__(self) -> str:
        return str(self.value)
