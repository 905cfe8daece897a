"""All SQL about practitioners. Statements run on every request are built once, at import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Row, bindparam, delete, exists, insert, select, update

from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import appointments, practitioners

# Run on most requests: through the DBAPI cursor (see db/prepared.py).
_by_id = Prepared(select(practitioners).where(practitioners.c.id == bindparam("id")))
_by_id_for_update = Prepared(
    select(practitioners).where(practitioners.c.id == bindparam("id")).with_for_update()
)
_insert = Prepared(
    insert(practitioners).values({c.name: bindparam(c.name) for c in practitioners.c})
)
_delete = delete(practitioners).where(practitioners.c.id == bindparam("id"))
_has_appointments = select(exists().where(appointments.c.practitioner_id == bindparam("id")))


def get(
    conn: Connection, practitioner_id: str, *, for_update: bool = False
) -> dict[str, Any] | None:
    """The practitioner row, locked for the rest of the transaction when `for_update`."""
    statement = _by_id_for_update if for_update else _by_id
    return statement.first(conn, {"id": practitioner_id})


def insert_(conn: Connection, values: Mapping[str, Any]) -> None:
    """Insert one practitioner."""
    _insert.run(conn, values)


def update_(conn: Connection, practitioner_id: str, values: Mapping[str, Any]) -> None:
    """Set `values` on one practitioner."""
    conn.execute(
        update(practitioners).where(practitioners.c.id == practitioner_id).values(**values)
    )


def delete_(conn: Connection, practitioner_id: str) -> None:
    """Delete one practitioner; raises `IntegrityError` if it has appointments."""
    conn.execute(_delete, {"id": practitioner_id})


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
