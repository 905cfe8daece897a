"""Practitioner rules: no delete while booked (deactivate instead)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection

from patient_tracker.contract.api_models import (
    EventType,
    Practitioner,
    PractitionerCreate,
    PractitionerUpdate,
)
from patient_tracker.practitioners import repository
from patient_tracker.practitioners.errors import PractitionerHasAppointmentsError
from patient_tracker.resource import PageKey, Resource, ResourceEvents, Slice, sent_fields

practitioners = Resource(
    "practitioner",
    repository.table,
    Practitioner,
    ResourceEvents(
        EventType.practitioner_created,
        EventType.practitioner_updated,
        EventType.practitioner_deleted,
    ),
)


def create(conn: Connection, data: PractitionerCreate) -> tuple[Practitioner, int]:
    """Create a practitioner (defaults included); returns it with its version."""
    return practitioners.create(conn, data.model_dump())


def update(
    conn: Connection, practitioner_id: str, patch: PractitionerUpdate, if_match: str | None
) -> tuple[Practitioner, int]:
    """Apply a merge patch, honouring `If-Match`."""

    def change(row: Mapping[str, Any]) -> dict[str, Any]:
        return sent_fields(patch)

    return practitioners.read_modify_write(conn, practitioner_id, if_match, change)


def delete(conn: Connection, practitioner_id: str, if_match: str | None) -> None:
    """Delete a practitioner without appointments, honouring `If-Match`."""
    practitioners.delete(
        conn,
        practitioner_id,
        if_match,
        is_referenced=repository.has_appointments,
        in_use=PractitionerHasAppointmentsError(
            "The practitioner has appointments and cannot be deleted; deactivate them instead."
        ),
    )


def list_slice(
    conn: Connection,
    *,
    after: PageKey | None,
    limit: int,
    specialty: str | None,
    active: bool | None,
) -> Slice[Practitioner]:
    """Practitioners in creation order, after the key of the last one seen."""
    rows = repository.page(conn, after=after, limit=limit, specialty=specialty, active=active)
    return practitioners.slice(rows)
