"""The SQL particular to appointments: the by-id SQL is `db.versioned`'s, the rest is here.

Statements run on every request are `Prepared` once, at import (see `db/prepared.py`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    RowMapping,
    Select,
    bindparam,
    select,
    update,
)
from sqlalchemy.sql.selectable import ScalarSelect

from patient_tracker.appointments.errors import AppointmentOverlapError
from patient_tracker.contract.formats import duration
from patient_tracker.contract.problems import NotFoundError
from patient_tracker.contract.spec_document import spec_dict
from patient_tracker.db.keyset import Keyset, PageKey, Slice
from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import (
    APPOINTMENTS_PATIENT_FK,
    APPOINTMENTS_PATIENT_NO_OVERLAP,
    APPOINTMENTS_PRACTITIONER_FK,
    APPOINTMENTS_PRACTITIONER_NO_OVERLAP,
    appointments,
    patients,
    practitioners,
)
from patient_tracker.db.types import UtcDateTime
from patient_tracker.db.versioned import VersionedTable

# An appointment lasts at most this long: the spec's `x-max-duration` on `AppointmentCreate`,
# read here, once. The booking and reschedule checks (`service`) hold times to it, and one that
# overlaps [start, end) starts after start - MAX_DURATION: that bound lets the overlap query use
# the (person, start_at) index.
MAX_DURATION = duration(spec_dict()["components"]["schemas"]["AppointmentCreate"]["x-max-duration"])
CANCELLED = "cancelled"
# The earliest instant Python can hold: a booking in the first MAX_DURATION of year 1 has nothing
# earlier that could overlap it, and `start - MAX_DURATION` would not be representable.
_EARLIEST = datetime.min.replace(tzinfo=UTC)


def _violations(constraint: str | None, values: Mapping[str, Any]) -> Exception | None:
    """A constraint that fired despite the service's checks: a concurrent request won the race."""
    if constraint == APPOINTMENTS_PRACTITIONER_NO_OVERLAP:
        return AppointmentOverlapError("The practitioner already has an overlapping appointment.")
    if constraint == APPOINTMENTS_PATIENT_NO_OVERLAP:
        return AppointmentOverlapError("The patient already has an overlapping appointment.")
    if constraint in (APPOINTMENTS_PATIENT_FK, APPOINTMENTS_PRACTITIONER_FK):
        return NotFoundError("The patient or practitioner was deleted while booking.")
    return None


table = VersionedTable(appointments, _violations)
# Listed by start, then id.
LISTING = Keyset(appointments.c.start_at, appointments.c.id)


def _live_overlap(person: Column[str], person_param: str) -> list[ColumnElement[bool]]:
    """A live appointment of the person bound to `person_param` overlaps [start_at, end_at)."""
    return [
        person == bindparam(person_param),
        appointments.c.status != CANCELLED,
        appointments.c.start_at >= bindparam("earliest_start", type_=UtcDateTime()),
        appointments.c.start_at < bindparam("end_at", type_=UtcDateTime()),
        appointments.c.end_at > bindparam("start_at", type_=UtcDateTime()),
    ]


def _live_overlap_of(person: Column[str]) -> Select[tuple[datetime, datetime]]:
    return (
        select(appointments.c.start_at, appointments.c.end_at)
        .where(
            *_live_overlap(person, "person_id"),
            appointments.c.id != bindparam("exclude_id"),
        )
        .limit(1)
    )


def _first_clash(person: Column[str], person_param: str) -> ScalarSelect[str]:
    return (
        select(appointments.c.id)
        .where(*_live_overlap(person, person_param))
        .limit(1)
        .scalar_subquery()
    )


# Built once per person column (see docs/design.md, "The hot path").
_OVERLAPS = {
    "practitioner": Prepared(_live_overlap_of(appointments.c.practitioner_id)),
    "patient": Prepared(_live_overlap_of(appointments.c.patient_id)),
}
# Everything a booking checks before it inserts, in one statement: one round trip, not three.
_booking_checks = Prepared(
    select(
        select(patients.c.id)
        .where(patients.c.id == bindparam("patient_id"))
        .scalar_subquery()
        .label("patient_id"),
        select(practitioners.c.active)
        .where(practitioners.c.id == bindparam("practitioner_id"))
        .scalar_subquery()
        .label("practitioner_active"),
        _first_clash(appointments.c.practitioner_id, "practitioner_id").label("practitioner_clash"),
        _first_clash(appointments.c.patient_id, "patient_id").label("patient_clash"),
    )
)
_move = Prepared(
    update(appointments)
    .where(appointments.c.id == bindparam("b_id"))
    .values(
        status=bindparam("status"),
        cancellation_reason=bindparam("cancellation_reason"),
        version=bindparam("version"),
        updated_at=bindparam("updated_at"),
    )
)


@dataclass(frozen=True, slots=True)
class BookingChecks:
    """What a booking must know before it inserts."""

    patient_exists: bool
    practitioner_active: bool | None  # None: no such practitioner
    practitioner_busy: bool  # a live appointment of the practitioner overlaps
    patient_busy: bool  # a live appointment of the patient overlaps


_patient_exists = Prepared(select(patients.c.id).where(patients.c.id == bindparam("id")))


def patient_exists(conn: Connection, patient_id: str) -> bool:
    """Whether a patient has this id."""
    return _patient_exists.first(conn, {"id": patient_id}) is not None


def booking_checks(
    conn: Connection, patient_id: str, practitioner_id: str, start_at: datetime, end_at: datetime
) -> BookingChecks:
    """Whether both parties exist, the practitioner is active, and either is already busy."""
    row = _booking_checks.first(
        conn,
        {
            "patient_id": patient_id,
            "practitioner_id": practitioner_id,
            "earliest_start": _earliest_start(start_at),
            "start_at": start_at,
            "end_at": end_at,
        },
    )
    assert row is not None  # a SELECT without FROM has exactly one row
    active = row["practitioner_active"]
    return BookingChecks(
        patient_exists=row["patient_id"] is not None,
        practitioner_active=None if active is None else bool(active),
        practitioner_busy=row["practitioner_clash"] is not None,
        patient_busy=row["patient_clash"] is not None,
    )


def _earliest_start(start_at: datetime) -> datetime:
    """The earliest start of an appointment that can overlap one starting at `start_at`."""
    return max(start_at, _EARLIEST + MAX_DURATION) - MAX_DURATION


def first_overlap(
    conn: Connection,
    who: str,
    person_id: str,
    start_at: datetime,
    end_at: datetime,
    exclude_id: str | None,
) -> dict[str, Any] | None:
    """A live appointment of `who` ("patient" or "practitioner") overlapping [start_at, end_at)."""
    params = {
        "person_id": person_id,
        "earliest_start": _earliest_start(start_at),
        "start_at": start_at,
        "end_at": end_at,
        "exclude_id": exclude_id or "",  # no appointment has the empty id
    }
    return _OVERLAPS[who].first(conn, params)


def move(conn: Connection, appointment_id: str, values: Mapping[str, Any]) -> None:
    """Set status, cancellation reason, version and updated_at (the status actions)."""
    _move.run(conn, {"b_id": appointment_id, **values})


def page(
    conn: Connection,
    *,
    after: PageKey | None,
    limit: int,
    patient_id: str | None,
    practitioner_id: str | None,
    status: str | None,
    start_at_from: datetime | None,
    start_at_before: datetime | None,
) -> Slice[RowMapping]:
    """A page of `limit` appointments after the key `after`, in (start_at, id) order."""
    statement = select(appointments)
    if patient_id is not None:
        statement = statement.where(appointments.c.patient_id == patient_id)
    if practitioner_id is not None:
        statement = statement.where(appointments.c.practitioner_id == practitioner_id)
    if status is not None:
        statement = statement.where(appointments.c.status == status)
    if start_at_from is not None:
        statement = statement.where(appointments.c.start_at >= start_at_from)
    if start_at_before is not None:
        statement = statement.where(appointments.c.start_at < start_at_before)
    return LISTING.page(conn, statement, after, limit)
