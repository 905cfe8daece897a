"""All SQL about patients. Statements run on every request are built once, at import."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Row, bindparam, delete, exists, func, insert, or_, select, update

from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import appointments, patients

# Run on most requests: through the DBAPI cursor (see db/prepared.py).
_by_id = Prepared(select(patients).where(patients.c.id == bindparam("id")))
_by_id_for_update = Prepared(
    select(patients).where(patients.c.id == bindparam("id")).with_for_update()
)
_insert = Prepared(insert(patients).values({c.name: bindparam(c.name) for c in patients.c}))
_delete = delete(patients).where(patients.c.id == bindparam("id"))
_has_appointments = select(exists().where(appointments.c.patient_id == bindparam("id")))
_exists = select(exists().where(patients.c.id == bindparam("id")))


def get(conn: Connection, patient_id: str, *, for_update: bool = False) -> dict[str, Any] | None:
    """The patient row, locked for the rest of the transaction when `for_update` (PostgreSQL)."""
    statement = _by_id_for_update if for_update else _by_id
    return statement.first(conn, {"id": patient_id})


def exists_(conn: Connection, patient_id: str) -> bool:
    """Whether a patient has this id."""
    return bool(conn.execute(_exists, {"id": patient_id}).scalar())


def insert_(conn: Connection, values: Mapping[str, Any]) -> None:
    """Insert one patient; raises `IntegrityError` when the phone is taken."""
    _insert.run(conn, values)


def update_(conn: Connection, patient_id: str, values: Mapping[str, Any]) -> None:
    """Set `values` on one patient; raises `IntegrityError` when the phone is taken."""
    conn.execute(update(patients).where(patients.c.id == patient_id).values(**values))


def delete_(conn: Connection, patient_id: str) -> None:
    """Delete one patient; raises `IntegrityError` if it has appointments."""
    conn.execute(_delete, {"id": patient_id})


def has_appointments(conn: Connection, patient_id: str) -> bool:
    """Whether any appointment, in any status, references the patient."""
    return bool(conn.execute(_has_appointments, {"id": patient_id}).scalar())


def _like_prefix(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def page(
    conn: Connection,
    *,
    after_id: str | None,
    limit: int,
    phone: str | None,
    name_prefix: str | None,
) -> Sequence[Row[Any]]:
    """Up to `limit` patients after `after_id`, in id (= registration) order."""
    statement = select(patients).order_by(patients.c.id).limit(limit)
    if after_id is not None:
        statement = statement.where(patients.c.id > after_id)
    if phone is not None:
        statement = statement.where(patients.c.phone == phone)
    if name_prefix is not None:
        pattern = _like_prefix(name_prefix)
        statement = statement.where(
            or_(
                func.lower(patients.c.given_name).like(pattern, escape="\\"),
                func.lower(patients.c.family_name).like(pattern, escape="\\"),
            )
        )
    return conn.execute(statement).all()
