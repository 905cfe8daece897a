# Generated from spec/openapi.yaml by client/generate.py (nox -s generate). Do not edit.
"""The events of spec/openapi.yaml: `Event` (every event schema) and its table.

openapi-python-client makes no type of a `oneOf` schema and ignores `discriminator`; this module
is both, from the spec's `Event`: `EVENT_MODELS[type]` is the generated model of an event `type`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeAlias

from .models import (
    AppointmentBookedEvent,
    AppointmentCancelledEvent,
    AppointmentCheckedInEvent,
    AppointmentCompletedEvent,
    AppointmentNoShowEvent,
    AppointmentRescheduledEvent,
    PatientCreatedEvent,
    PatientDeletedEvent,
    PatientUpdatedEvent,
    PractitionerCreatedEvent,
    PractitionerDeletedEvent,
    PractitionerUpdatedEvent,
)

Event: TypeAlias = (
    AppointmentBookedEvent
    | AppointmentRescheduledEvent
    | AppointmentCancelledEvent
    | AppointmentCheckedInEvent
    | AppointmentCompletedEvent
    | AppointmentNoShowEvent
    | PatientCreatedEvent
    | PatientUpdatedEvent
    | PatientDeletedEvent
    | PractitionerCreatedEvent
    | PractitionerUpdatedEvent
    | PractitionerDeletedEvent
)

EVENT_MODELS: Mapping[str, type[Event]] = {
    "appointment.booked": AppointmentBookedEvent,
    "appointment.rescheduled": AppointmentRescheduledEvent,
    "appointment.cancelled": AppointmentCancelledEvent,
    "appointment.checked_in": AppointmentCheckedInEvent,
    "appointment.completed": AppointmentCompletedEvent,
    "appointment.no_show": AppointmentNoShowEvent,
    "patient.created": PatientCreatedEvent,
    "patient.updated": PatientUpdatedEvent,
    "patient.deleted": PatientDeletedEvent,
    "practitioner.created": PractitionerCreatedEvent,
    "practitioner.updated": PractitionerUpdatedEvent,
    "practitioner.deleted": PractitionerDeletedEvent,
}
