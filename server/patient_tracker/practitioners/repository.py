"""The SQL particular to practitioners: the by-id SQL is `db.versioned`'s, the rest is here."""

from __future__ import annotations

from sqlalchemy import Connection, RowMapping, bindparam, exists, select

from patient_tracker.db.keyset import Keyset, PageKey, Slice
from patient_tracker.db.tables import appointments, practitioners
from patient_tracker.db.versioned import VersionedTable

table = VersionedTable(practitioners)
# Listed in id (= creation) order.
LISTING = Keyset(practitioners.c.id)

_has_appointments = select(exists().where(appointments.c.practitioner_id == bindparam("id")))


def has_appointments(conn: Connection, practitioner_id: str) -> bool:
    """Whether any appointment, in any status, references the practitioner."""
    return bool(conn.execute(_has_appointments, {"id": practitioner_id}).scalar())


def page(
    conn: Connection,
    *,
    after: PageKey | None,
    limit: int,
    specialty: str | None,
    active: bool | None,
) -> Slice[RowMapping]:
    """A page of `limit` practitioners after the key `after`, in creation order."""
    statement = select(practitioners)
    if specialty is not None:
        statement = statement.where(practitioners.c.specialty == specialty)
    if active is not None:
        statement = statement.where(practitioners.c.active == active)
    return LISTING.page(conn, statement, after, limit)
