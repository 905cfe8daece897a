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

from patient_tracker.appointments import repository
from patient_tracker.appointments.errors import (
    AppointmentOverlapError,
    InvalidStatusTransitionError,
    PractitionerInactiveError,
)
from patient_tracker.contract.api_models import (
    Appointment,
    AppointmentCreate,
    AppointmentStatus,
    AppointmentUpdate,
    EventType,
    FieldError,
)
from patient_tracker.contract.formats import in_words
from patient_tracker.contract.problems import (
    NotFoundError,
    ValidationFailedError,
    field_errors_detail,
)
from patient_tracker.contract.status_machine import MOVES
from patient_tracker.resource import (
    PageKey,
    Resource,
    ResourceEvents,
    Slice,
    sent_fields,
)

Status = AppointmentStatus

_TOO_LONG = f"An appointment lasts at most {in_words(repository.MAX_DURATION)}."

appointments = Resource(
    "appointment",
    repository.table,
    Appointment,
    ResourceEvents(EventType.appointment_booked, EventType.appointment_rescheduled),
)


def _invalid(errors: list[FieldError]) -> ValidationFailedError:
    return ValidationFailedError(field_errors_detail(errors, "field"), errors=errors)


def _checked_times(start: datetime, end: datetime) -> tuple[datetime, datetime]:
    """The times in UTC, if the end is after the start and not too long after it (an `Instant`
    is one UTC holds: `contract.formats`)."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if end <= start:
        raise _invalid([FieldError(pointer="/end_at", detail="end_at must be after start_at.")])
    if end - start > repository.MAX_DURATION:
        raise _invalid([FieldError(pointer="/end_at", detail=_TOO_LONG)])
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
    sent = sent_fields(data)
    values = {
        "patient_id": patient_id,
        "practitioner_id": practitioner_id,
        "start_at": start,
        "end_at": end,
        "status": Status.scheduled.value,
        "reason": sent.get("reason"),
        "notes": sent.get("notes"),
    }
    return appointments.create(conn, values)


def update(
    conn: Connection, appointment_id: str, patch: AppointmentUpdate, if_match: str | None
) -> tuple[Appointment, int]:
    """Reschedule and/or edit a `scheduled` appointment (merge patch)."""

    def change(row: Mapping[str, Any]) -> dict[str, Any]:
        if row["status"] != Status.scheduled:
            raise InvalidStatusTransitionError(
                f"The appointment is '{row['status']}'; "
                "only a 'scheduled' appointment can be changed.",
                current_status=Status(row["status"]),
            )
        sent = sent_fields(patch)
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
        return changes

    return appointments.read_modify_write(conn, appointment_id, if_match, change)


def transition(
    conn: Connection,
    appointment_id: str,
    action: str,
    if_match: str | None,
    cancellation_reason: str | None = None,
) -> tuple[Appointment, int]:
    """Move an appointment as the spec's status machine says the status action `action` (an
    operationId, e.g. `cancelAppointment`) does, or 409 naming its current status."""
    move = MOVES[action]
    allowed_from, target, moved_event = move.starts, move.target, move.event
    row = appointments.locked(conn, appointment_id, if_match)
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
    # The status actions are hot: one prepared UPDATE of fixed columns (see `repository.move`).
    repository.move(conn, appointment_id, changes)
    moved = appointments.to_model({**row, **changes})
    appointments.record(conn, moved_event, appointment_id, moved)
    return moved, changes["version"]


def require_patient(conn: Connection, patient_id: str) -> None:
    """404 unless the patient exists (a patient's appointments are listed only for one)."""
    if not repository.patient_exists(conn, patient_id):
        raise NotFoundError(f"No patient has the id '{patient_id}'.")


def list_slice(
    conn: Connection,
    *,
    after: PageKey | None,
    limit: int,
    patient_id: str | None,
    practitioner_id: str | None,
    status: Status | None,
    start_at_from: datetime | None,
    start_at_before: datetime | None,
) -> Slice[Appointment]:
    """Appointments ordered by (start_at, id), after the key of the last one seen."""
    rows = repository.page(
        conn,
        after=after,
        limit=limit,
        patient_id=patient_id,
        practitioner_id=practitioner_id,
        status=status.value if status else None,
        start_at_from=start_at_from,
        start_at_before=start_at_before,
    )
    return appointments.slice(rows)
