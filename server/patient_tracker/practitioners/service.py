"""Practitioner rules: no delete while booked (deactivate instead).

Services take an open transaction and never commit (`Database.write` does).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from patient_tracker.api_models import (
    ListPractitionersParametersQuery,
    Practitioner,
    PractitionerCreate,
    PractitionerPage,
    PractitionerUpdate,
)
from patient_tracker.http.etags import check_if_match
from patient_tracker.http.pagination import CursorCodec, filters_digest
from patient_tracker.http.params import given, given_root
from patient_tracker.ids import new_id
from patient_tracker.practitioners import repository
from patient_tracker.problems import NotFoundError, PractitionerHasAppointmentsError

_FIELDS = tuple(Practitioner.model_fields)


def to_model(row: Mapping[Any, Any]) -> Practitioner:
    """The API representation of a practitioner row (or of the values just written)."""
    return Practitioner.model_validate({field: row[field] for field in _FIELDS})


def _not_found(practitioner_id: str) -> NotFoundError:
    return NotFoundError(f"No practitioner has the id '{practitioner_id}'.")


def create(conn: Connection, data: PractitionerCreate) -> tuple[Practitioner, int]:
    """Create a practitioner; returns it with its version."""
    now = datetime.now(UTC)
    new = new_id()
    values = {
        "id": new,
        **data.model_dump(),
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }
    repository.insert_(conn, values)
    return to_model(values), 1


def get(conn: Connection, practitioner_id: str) -> tuple[Practitioner, int]:
    """One practitioner with its version, or 404."""
    row = repository.get(conn, practitioner_id)
    if row is None:
        raise _not_found(practitioner_id)
    return to_model(row), row["version"]


def update(
    conn: Connection, practitioner_id: str, patch: PractitionerUpdate, if_match: str | None
) -> tuple[Practitioner, int]:
    """Apply a merge patch, honouring `If-Match`."""
    row = repository.get(conn, practitioner_id, for_update=True)
    if row is None:
        raise _not_found(practitioner_id)
    check_if_match(if_match, row["version"])
    changes = patch.model_dump(exclude_unset=True)
    if changes:
        changes["version"] = row["version"] + 1
        changes["updated_at"] = datetime.now(UTC)
        repository.update_(conn, practitioner_id, changes)
    return get(conn, practitioner_id)


def delete(conn: Connection, practitioner_id: str, if_match: str | None) -> None:
    """Delete a practitioner without appointments, honouring `If-Match`."""
    row = repository.get(conn, practitioner_id, for_update=True)
    if row is None:
        raise _not_found(practitioner_id)
    check_if_match(if_match, row["version"])
    in_use = PractitionerHasAppointmentsError(
        "The practitioner has appointments and cannot be deleted; deactivate them instead."
    )
    if repository.has_appointments(conn, practitioner_id):
        raise in_use
    try:
        repository.delete_(conn, practitioner_id)
    except IntegrityError:
        # An appointment was booked between the check and the delete (the foreign key held).
        raise in_use from None


def list_page(
    conn: Connection, query: ListPractitionersParametersQuery, cursors: CursorCodec
) -> PractitionerPage:
    """One page of practitioners in creation order."""
    specialty, active = given_root(query.specialty), given(query.active)
    digest = filters_digest("practitioners", {"specialty": specialty, "active": active})
    after = cursors.decode(given(query.cursor), digest, ("id",))
    limit = query.limit
    rows = repository.page(
        conn,
        after_id=after[0] if after else None,
        limit=limit + 1,
        specialty=specialty,
        active=active,
    )
    items = [to_model(row._mapping) for row in rows[:limit]]
    next_cursor = cursors.encode([rows[limit - 1].id], digest) if len(rows) > limit else None
    return PractitionerPage.model_validate({"items": items, "next_cursor": next_cursor})
