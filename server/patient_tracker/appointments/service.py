"""Appointment rules: valid times, no overlaps, active practitioners, and the status machine.

No-overlap is enforced by the database, not by this code alone: on PostgreSQL by exclusion
constraints (so two server processes cannot both book a slot), on SQLite by the `BEGIN IMMEDIATE`
transaction `Database.write` opens, which serialises the check below with the insert. The check
here gives the caller a precise message; the constraint makes it true under concurrency.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from patient_tracker.api_models import (
    Appointment,
    AppointmentCreate,
    AppointmentPage,
    AppointmentStatus,
    AppointmentUpdate,
    FieldError,
)
from patient_tracker.appointments import repository
from patient_tracker.db.errors import violated_constraint
from patient_tracker.db.tables import (
    APPOINTMENTS_PATIENT_FK,
    APPOINTMENTS_PATIENT_NO_OVERLAP,
    APPOINTMENTS_PRACTITIONER_FK,
    APPOINTMENTS_PRACTITIONER_NO_OVERLAP,
)
from patient_tracker.http.etags import check_if_match
from patient_tracker.http.pagination import CursorCodec, filters_digest, invalid_cursor
from patient_tracker.http.params import given_root
from patient_tracker.ids import new_id
from patient_tracker.problems import (
    AppointmentOverlapError,
    InvalidStatusTransitionError,
    NotFoundError,
    PractitionerInactiveError,
    ValidationFailedError,
    field_errors_detail,
)

Status = AppointmentStatus

# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[Status], Status]] = {
    "check_in": (frozenset({Status.scheduled}), Status.checked_in),
    "complete": (frozenset({Status.checked_in}), Status.completed),
    "cancel": (frozenset({Status.scheduled, Status.checked_in}), Status.cancelled),
    "no_show": (frozenset({Status.scheduled}), Status.no_show),
}


_FIELDS = tuple(Appointment.model_fields)


def to_model(row: Mapping[Any, Any]) -> Appointment:
    """The API representation of an appointment row (or of the values just written)."""
    return Appointment.model_validate({field: row[field] for field in _FIELDS})


def _not_found(appointment_id: str) -> NotFoundError:
    return NotFoundError(f"No appointment has the id '{appointment_id}'.")


def _invalid(errors: list[FieldError]) -> ValidationFailedError:
    return ValidationFailedError(field_errors_detail(errors, "field"), errors=errors)


def _utc(value: datetime, pointer: str, errors: list[FieldError]) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError:
        errors.append(FieldError(pointer=pointer, detail="The instant is out of range."))
        return value


def _checked_times(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    errors: list[FieldError] = []
    start, end = _utc(start, "/start_at", errors), _utc(end, "/end_at", errors)
    if not errors:
        if end <= start:
            errors.append(FieldError(pointer="/end_at", detail="end_at must be after start_at."))
        elif end - start > repository.MAX_DURATION:
            errors.append(
                FieldError(pointer="/end_at", detail="An appointment lasts at most 8 hours.")
            )
    if errors:
        raise _invalid(errors)
    return start, end


def _overlap_error(who: str, row: Mapping[str, Any]) -> AppointmentOverlapError:
    start = row["start_at"].isoformat().replace("+00:00", "Z")
    end = row["end_at"].isoformat().replace("+00:00", "Z")
    return AppointmentOverlapError(
        f"The {who} already has a live appointment overlapping {start} to {end}."
    )


def _check_no_overlap(
    conn: Connection,
    patient_id: str,
    practitioner_id: str,
    start: datetime,
    end: datetime,
    exclude_id: str | None,
) -> None:
    for who, person_id in (("practitioner", practitioner_id), ("patient", patient_id)):
        clash = repository.first_overlap(conn, who, person_id, start, end, exclude_id)
        if clash is not None:
            raise _overlap_error(who, clash)


def _map_integrity_error(error: IntegrityError) -> Exception:
    """A constraint that fired despite the checks above: a concurrent request won the race."""
    name = violated_constraint(error)
    if name == APPOINTMENTS_PRACTITIONER_NO_OVERLAP:
        return AppointmentOverlapError("The practitioner already has an overlapping appointment.")
    if name == APPOINTMENTS_PATIENT_NO_OVERLAP:
        return AppointmentOverlapError("The patient already has an overlapping appointment.")
    if name in (APPOINTMENTS_PATIENT_FK, APPOINTMENTS_PRACTITIONER_FK):
        return NotFoundError("The patient or practitioner was deleted while booking.")
    return error


def book(conn: Connection, data: AppointmentCreate) -> tuple[Appointment, int]:
    """Book an appointment in status `scheduled`."""
    start, end = _checked_times(data.start_at, data.end_at)
    patient_id, practitioner_id = data.patient_id.root, data.practitioner_id.root
    checks = repository.booking_checks(conn, patient_id, practitioner_id, start, end)
    if not checks.patient_exists:
        raise NotFoundError(
            f"No patient has the id '{patient_id}'.",
            errors=[FieldError(pointer="/patient_id", detail="No patient has this id.")],
        )
    if checks.practitioner_active is None:
        raise NotFoundError(
            f"No practitioner has the id '{practitioner_id}'.",
            errors=[FieldError(pointer="/practitioner_id", detail="No practitioner has this id.")],
        )
    if not checks.practitioner_active:
        raise PractitionerInactiveError("The practitioner is inactive and takes no new bookings.")
    if checks.practitioner_busy or checks.patient_busy:
        # Rare: look the clash up again, for the times the error names.
        _check_no_overlap(conn, patient_id, practitioner_id, start, end, exclude_id=None)
    now = datetime.now(UTC)
    appointment_id = new_id()
    values = {
        "id": appointment_id,
        "patient_id": patient_id,
        "practitioner_id": practitioner_id,
        "start_at": start,
        "end_at": end,
        "status": Status.scheduled.value,
        "reason": given_root(data.reason),
        "notes": given_root(data.notes),
        "cancellation_reason": None,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }
    try:
        repository.insert_(conn, values)
    except IntegrityError as error:
        raise _map_integrity_error(error) from None
    return to_model(values), 1


def get(conn: Connection, appointment_id: str) -> tuple[Appointment, int]:
    """One appointment with its version, or 404."""
    row = repository.get(conn, appointment_id)
    if row is None:
        raise _not_found(appointment_id)
    return to_model(row), row["version"]


def _locked_for_change(
    conn: Connection, appointment_id: str, if_match: str | None
) -> dict[str, Any]:
    row = repository.get(conn, appointment_id, for_update=True)
    if row is None:
        raise _not_found(appointment_id)
    check_if_match(if_match, row["version"])
    return row


def update(
    conn: Connection, appointment_id: str, patch: AppointmentUpdate, if_match: str | None
) -> tuple[Appointment, int]:
    """Reschedule and/or edit a `scheduled` appointment (merge patch)."""
    row = _locked_for_change(conn, appointment_id, if_match)
    if row["status"] != Status.scheduled:
        raise InvalidStatusTransitionError(
            f"The appointment is '{row['status']}'; only a 'scheduled' appointment can be changed.",
            current_status=Status(row["status"]),
        )
    sent = patch.model_dump(exclude_unset=True)
    changes: dict[str, Any] = {}
    if "start_at" in sent or "end_at" in sent:
        start, end = _checked_times(
            sent.get("start_at", row["start_at"]), sent.get("end_at", row["end_at"])
        )
        _check_no_overlap(
            conn, row["patient_id"], row["practitioner_id"], start, end, appointment_id
        )
        changes.update(start_at=start, end_at=end)
    for field in ("reason", "notes"):
        if field in sent:
            changes[field] = sent[field]
    if changes:
        changes.update(version=row["version"] + 1, updated_at=datetime.now(UTC))
        try:
            repository.update_(conn, appointment_id, changes)
        except IntegrityError as error:
            raise _map_integrity_error(error) from None
    return get(conn, appointment_id)


def transition(
    conn: Connection,
    appointment_id: str,
    action: str,
    if_match: str | None,
    cancellation_reason: str | None = None,
) -> tuple[Appointment, int]:
    """Move an appointment along the status machine, or 409 naming its current status."""
    allowed_from, target = TRANSITIONS[action]
    row = _locked_for_change(conn, appointment_id, if_match)
    current = Status(row["status"])
    if current not in allowed_from:
        raise InvalidStatusTransitionError(
            f"The appointment is '{current.value}'; it cannot move to '{target.value}'.",
            current_status=current,
        )
    changes: dict[str, Any] = {
        "status": target.value,
        "cancellation_reason": cancellation_reason or row["cancellation_reason"],
        "version": row["version"] + 1,
        "updated_at": datetime.now(UTC),
    }
    repository.move(conn, appointment_id, changes)
    return to_model({**row, **changes}), changes["version"]


def _decode_key(
    cursors: CursorCodec, cursor: str | None, digest: str
) -> tuple[datetime, str] | None:
    key = cursors.decode(cursor, digest, ("instant", "id"))
    if key is None:
        return None
    try:
        start = datetime.fromisoformat(key[0])
    except ValueError:
        start = None
    if start is None or start.tzinfo is None:
        raise invalid_cursor()
    return start, key[1]


def list_page(
    conn: Connection,
    *,
    limit: int,
    cursor: str | None,
    cursors: CursorCodec,
    patient_id: str | None,
    practitioner_id: str | None,
    status: Status | None,
    start_at_from: datetime | None,
    start_at_before: datetime | None,
) -> AppointmentPage:
    """One page of appointments ordered by (start_at, id)."""
    filters = {
        "patient_id": patient_id,
        "practitioner_id": practitioner_id,
        "status": status.value if status else None,
        "start_at_from": start_at_from.isoformat() if start_at_from else None,
        "start_at_before": start_at_before.isoformat() if start_at_before else None,
    }
    digest = filters_digest("appointments", filters)
    errors: list[FieldError] = []
    window: list[datetime | None] = []
    for name, value in (("start_at_from", start_at_from), ("start_at_before", start_at_before)):
        try:
            window.append(value.astimezone(UTC) if value is not None else None)
        except OverflowError:
            errors.append(FieldError(parameter=name, detail="The instant is out of range."))
    if errors:
        raise ValidationFailedError(field_errors_detail(errors, "parameter"), errors=errors)
    rows = repository.page(
        conn,
        after=_decode_key(cursors, cursor, digest),
        limit=limit + 1,
        patient_id=patient_id,
        practitioner_id=practitioner_id,
        status=filters["status"],
        start_at_from=window[0],
        start_at_before=window[1],
    )
    items = [to_model(row._mapping) for row in rows[:limit]]
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1]
        next_cursor = cursors.encode([last.start_at.isoformat(), last.id], digest)
    return AppointmentPage.model_validate({"items": items, "next_cursor": next_cursor})
