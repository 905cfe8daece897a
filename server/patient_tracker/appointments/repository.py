"""All SQL about appointments. Statements run on every request are built once, at import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Row,
    and_,
    bindparam,
    insert,
    or_,
    select,
    update,
)

from patient_tracker.db.tables import appointments

# An appointment lasts at most this long, so one that overlaps [start, end) starts after
# start - MAX_DURATION: that bound lets the overlap query use the (person, start_at) index.
MAX_DURATION = timedelta(hours=8)
CANCELLED = "cancelled"

_by_id = select(appointments).where(appointments.c.id == bindparam("id"))
_by_id_for_update = _by_id.with_for_update()
_insert = insert(appointments)


def get(conn: Connection, appointment_id: str, *, for_update: bool = False) -> Row[Any] | None:
    """The appointment row, locked for the rest of the transaction when `for_update`."""
    statement = _by_id_for_update if for_update else _by_id
    return conn.execute(statement, {"id": appointment_id}).first()


def insert_(conn: Connection, values: Mapping[str, Any]) -> None:
    """Insert one appointment (PostgreSQL's exclusion constraints may raise `IntegrityError`)."""
    conn.execute(_insert, dict(values))


def update_(conn: Connection, appointment_id: str, values: Mapping[str, Any]) -> None:
    """Set `values` on one appointment."""
    conn.execute(update(appointments).where(appointments.c.id == appointment_id).values(**values))


def first_overlap(
    conn: Connection,
    person: Column[str],
    person_id: str,
    start_at: datetime,
    end_at: datetime,
    exclude_id: str | None,
) -> Row[Any, Any] | None:
    """A live appointment of this person overlapping [start_at, end_at), if any."""
    statement = (
        select(appointments.c.start_at, appointments.c.end_at)
        .where(
            person == person_id,
            appointments.c.status != CANCELLED,
            appointments.c.start_at > start_at - MAX_DURATION,
            appointments.c.start_at < end_at,
            appointments.c.end_at > start_at,
        )
        .limit(1)
    )
    if exclude_id is not None:
        statement = statement.where(appointments.c.id != exclude_id)
    return conn.execute(statement).first()


def page(
    conn: Connection,
    *,
    after: tuple[datetime, str] | None,
    limit: int,
    patient_id: str | None,
    practitioner_id: str | None,
    status: str | None,
    start_at_from: datetime | None,
    start_at_before: datetime | None,
) -> Sequence[Row[Any]]:
    """Up to `limit` appointments after the key `after`, in (start_at, id) order."""
    statement = (
        select(appointments).order_by(appointments.c.start_at, appointments.c.id).limit(limit)
    )
    if after is not None:
        after_start, after_id = after
        statement = statement.where(
            or_(
                appointments.c.start_at > after_start,
                and_(appointments.c.start_at == after_start, appointments.c.id > after_id),
            )
        )
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
    return conn.execute(statement).all()
