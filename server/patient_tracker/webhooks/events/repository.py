"""The SQL of reading and listing events (`patient_tracker.db.outbox` writes them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, RowMapping, bindparam, select

from patient_tracker.db.keyset import Keyset, PageKey, Slice
from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import events

__all__ = ["LISTING", "get", "page"]

_by_id = Prepared(select(events).where(events.c.id == bindparam("id")))
# Listed oldest first: by time, then id.
LISTING = Keyset(events.c.created_at, events.c.id)


def get(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """One event row, or None."""
    return _by_id.first(conn, {"id": event_id})


def page(
    conn: Connection,
    *,
    after: PageKey | None,
    limit: int,
    types: Sequence[str],
    resource_id: str | None,
    created_after: datetime | None,
) -> Slice[RowMapping]:
    """A page of `limit` events of `types`, oldest first, after the (created_at, id) key."""
    statement = select(events).where(events.c.type.in_(types))
    if resource_id is not None:
        statement = statement.where(events.c.resource_id == resource_id)
    if created_after is not None:
        statement = statement.where(events.c.created_at > created_after)
    return LISTING.page(conn, statement, after, limit)
