"""The SQL particular to patients: the by-id SQL is `db.versioned`'s, the rest is here."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, RowMapping, bindparam, exists, func, or_, select

from patient_tracker.db.keyset import Keyset, PageKey, Slice
from patient_tracker.db.tables import PATIENTS_PHONE_UNIQUE, appointments, patients
from patient_tracker.db.versioned import VersionedTable
from patient_tracker.patients.errors import PhoneTakenError


def _violations(constraint: str | None, values: Mapping[str, Any]) -> Exception | None:
    if constraint == PATIENTS_PHONE_UNIQUE:
        phone = values.get("phone")
        return PhoneTakenError(f"Another patient already has the phone number '{phone}'.")
    return None


table = VersionedTable(patients, _violations)
# Listed in id (= registration) order.
LISTING = Keyset(patients.c.id)

_has_appointments = select(exists().where(appointments.c.patient_id == bindparam("id")))


def has_appointments(conn: Connection, patient_id: str) -> bool:
    """Whether any appointment, in any status, references the patient."""
    return bool(conn.execute(_has_appointments, {"id": patient_id}).scalar())


def _like_prefix(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


def page(
    conn: Connection,
    *,
    after: PageKey | None,
    limit: int,
    phone: str | None,
    name_prefix: str | None,
) -> Slice[RowMapping]:
    """A page of `limit` patients after the key `after`, in registration order."""
    statement = select(patients)
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
    return LISTING.page(conn, statement, after, limit)
