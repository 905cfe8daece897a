"""Patient rules: unique phone, date of birth not in the future, no delete while booked."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection

from patient_tracker.contract.api_models import (
    EventType,
    FieldError,
    Patient,
    PatientCreate,
    PatientUpdate,
)
from patient_tracker.contract.problems import ValidationFailedError
from patient_tracker.patients import repository
from patient_tracker.patients.errors import PatientHasAppointmentsError
from patient_tracker.resource import PageKey, Resource, ResourceEvents, Slice, sent_fields

patients = Resource(
    "patient",
    repository.table,
    Patient,
    ResourceEvents(EventType.patient_created, EventType.patient_updated, EventType.patient_deleted),
)


def _check_date_of_birth(value: date) -> None:
    if value > datetime.now(UTC).date():
        raise ValidationFailedError(
            "1 field is invalid.",
            errors=[
                FieldError(pointer="/date_of_birth", detail="The date of birth is in the future.")
            ],
        )


def create(conn: Connection, data: PatientCreate) -> tuple[Patient, int]:
    """Register a patient; returns it with its version."""
    _check_date_of_birth(data.date_of_birth)
    return patients.create(conn, sent_fields(data))


def update(
    conn: Connection, patient_id: str, patch: PatientUpdate, if_match: str | None
) -> tuple[Patient, int]:
    """Apply a merge patch, honouring `If-Match`."""

    def change(row: Mapping[str, Any]) -> dict[str, Any]:
        changes = sent_fields(patch)
        if "date_of_birth" in changes:
            _check_date_of_birth(changes["date_of_birth"])
        return changes

    return patients.read_modify_write(conn, patient_id, if_match, change)


def delete(conn: Connection, patient_id: str, if_match: str | None) -> None:
    """Delete a patient without appointments, honouring `If-Match`."""
    patients.delete(
        conn,
        patient_id,
        if_match,
        is_referenced=repository.has_appointments,
        in_use=PatientHasAppointmentsError("The patient has appointments and cannot be deleted."),
    )


def list_slice(
    conn: Connection,
    *,
    after: PageKey | None,
    limit: int,
    phone: str | None,
    name_prefix: str | None,
) -> Slice[Patient]:
    """Patients in registration order, after the key of the last one seen."""
    rows = repository.page(conn, after=after, limit=limit, phone=phone, name_prefix=name_prefix)
    return patients.slice(rows)
