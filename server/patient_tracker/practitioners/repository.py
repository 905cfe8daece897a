"""The SQL particular to practitioners: the by-id SQL is `db.versioned`'s, the rest is here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Row, bindparam, exists, select

from patient_tracker.db.tables import appointments, practitioners
from patient_tracker.db.versioned import VersionedTable

table = VersionedTable(practitioners)

_has_appointments = select(exists().where(appointments.c.practitioner_id == bindparam("id")))


def has_appointments(conn: Connection, practitioner_id: str) -> bool:
    """Whether any appointment, in any status, references the practitioner."""
    return bool(conn.execute(_has_appointments, {"id": practitioner_id}).scalar())


def page(
    conn: Connection,
    *,
    after_id: str | None,
    limit: int,
    specialty: str | None,
    active: bool | None,
) -> Sequence[Row[Any]]:
    """Up to `limit` practitioners after `after_id`, in id (= creation) order."""
    statement = select(practitioners).order_by(practitioners.c.id).limit(limit)
    if after_id is not None:
        statement = statement.where(practitioners.c.id > after_id)
    if specialty is not None:
        statement = statement.where(practitioners.c.specialty == specialty)
    if active is not None:
        statement = statement.where(practitioners.c.active == active)
    return conn.execute(statement).all()
