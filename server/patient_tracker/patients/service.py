"""Patient rules: unique phone, date of birth not in the future, no delete while booked.

Services take an open transaction and never commit (`Database.write` does).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from patient_tracker.api_models import (
    FieldError,
    ListPatientsParametersQuery,
    Patient,
    PatientCreate,
    PatientPage,
    PatientUpdate,
)
from patient_tracker.db.errors import violated_constraint
from patient_tracker.db.tables import PATIENTS_PHONE_UNIQUE
from patient_tracker.http.etags import check_if_match
from patient_tracker.http.pagination import CursorCodec, filters_digest
from patient_tracker.http.params import given, given_root
from patient_tracker.ids import new_id
from patient_tracker.patients import repository
from patient_tracker.problems import (
    NotFoundError,
    PatientHasAppointmentsError,
    PhoneTakenError,
    ValidationFailedError,
)

_FIELDS = tuple(Patient.model_fields)


def to_model(row: Mapping[Any, Any]) -> Patient:
    """The API representation of a patient row (or of the values just written)."""
    return Patient.model_validate({field: row[field] for field in _FIELDS})


def _not_found(patient_id: str) -> NotFoundError:
    return NotFoundError(f"No patient has the id '{patient_id}'.")


def _check_date_of_birth(value: date) -> None:
    if value > datetime.now(UTC).date():
        raise ValidationFailedError(
            "1 field is invalid.",
            errors=[
                FieldError(pointer="/date_of_birth", detail="The date of birth is in the future.")
            ],
        )


def _phone_taken(error: IntegrityError, phone: object) -> Exception:
    if violated_constraint(error) == PATIENTS_PHONE_UNIQUE:
        return PhoneTakenError(f"Another patient already has the phone number '{phone}'.")
    return error


def _set_fields(model: BaseModel) -> dict[str, Any]:
    """The fields a request actually sent (merge-patch semantics), as plain values."""
    return model.model_dump(exclude_unset=True)


def create(conn: Connection, data: PatientCreate) -> tuple[Patient, int]:
    """Register a patient; returns it with its version."""
    _check_date_of_birth(data.date_of_birth)
    now = datetime.now(UTC)
    new = new_id()
    values = {
        "id": new,
        "email": None,
        **_set_fields(data),
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }
    try:
        repository.insert_(conn, values)
    except IntegrityError as error:
        raise _phone_taken(error, data.phone.root) from None
    return to_model(values), 1


def get(conn: Connection, patient_id: str) -> tuple[Patient, int]:
    """One patient with its version, or 404."""
    row = repository.get(conn, patient_id)
    if row is None:
        raise _not_found(patient_id)
    return to_model(row), row["version"]


def update(
    conn: Connection, patient_id: str, patch: PatientUpdate, if_match: str | None
) -> tuple[Patient, int]:
    """Apply a merge patch, honouring `If-Match`."""
    row = repository.get(conn, patient_id, for_update=True)
    if row is None:
        raise _not_found(patient_id)
    check_if_match(if_match, row["version"])
    changes = _set_fields(patch)
    if "date_of_birth" in changes:
        _check_date_of_birth(changes["date_of_birth"])
    if changes:
        changes["version"] = row["version"] + 1
        changes["updated_at"] = datetime.now(UTC)
        try:
            repository.update_(conn, patient_id, changes)
        except IntegrityError as error:
            raise _phone_taken(error, changes.get("phone")) from None
    return get(conn, patient_id)


def delete(conn: Connection, patient_id: str, if_match: str | None) -> None:
    """Delete a patient without appointments, honouring `If-Match`."""
    row = repository.get(conn, patient_id, for_update=True)
    if row is None:
        raise _not_found(patient_id)
    check_if_match(if_match, row["version"])
    in_use = PatientHasAppointmentsError("The patient has appointments and cannot be deleted.")
    if repository.has_appointments(conn, patient_id):
        raise in_use
    try:
        repository.delete_(conn, patient_id)
    except IntegrityError:
        # An appointment was booked between the check and the delete (the foreign key held).
        raise in_use from None


def require_exists(conn: Connection, patient_id: str) -> None:
    """404 unless the patient exists."""
    if not repository.exists_(conn, patient_id):
        raise _not_found(patient_id)


def list_page(
    conn: Connection, query: ListPatientsParametersQuery, cursors: CursorCodec
) -> PatientPage:
    """One page of patients in registration order."""
    phone, name_prefix = given_root(query.phone), given(query.name_prefix)
    digest = filters_digest("patients", {"phone": phone, "name_prefix": name_prefix})
    after = cursors.decode(given(query.cursor), digest, ("id",))
    limit = query.limit
    rows = repository.page(
        conn,
        after_id=after[0] if after else None,
        limit=limit + 1,
        phone=phone,
        name_prefix=name_prefix,
    )
    items = [to_model(row._mapping) for row in rows[:limit]]
    next_cursor = cursors.encode([rows[limit - 1].id], digest) if len(rows) > limit else None
    return PatientPage.model_validate({"items": items, "next_cursor": next_cursor})
