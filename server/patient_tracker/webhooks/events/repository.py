"""The SQL of reading and listing events (`patient_tracker.db.outbox` writes them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, bindparam, or_, select

from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import events

__all__ = ["get", "page"]

_by_id = Prepared(select(events).where(events.c.id == bindparam("id")))


def get(conn: Connection, event_id: str) -> dict[str, Any] | None:
    """One event row, or None."""
    return _by_id.first(conn, {"id": event_id})


def page(
    conn: Connection,
    *,
    after: tuple[datetime, str] | None,
    limit: int,
    types: Sequence[str],
    resource_id: str | None,
    created_after: datetime | None,
) -> Sequence[Row[Any]]:
    """Up to `limit` events of `types`, oldest first, after the (created_at, id) key `after`."""
    statement = (
        select(events)
        .where(events.c.type.in_(types))
        .order_by(events.c.created_at, events.c.id)
        .limit(limit)
    )
    if after is not None:
        after_at, after_id = after
        statement = statement.where(
            or_(
                events.c.created_at > after_at,
                and_(events.c.created_at == after_at, events.c.id > after_id),
            )
        )
    if resource_id is not None:
        statement = statement.where(events.c.resource_id == resource_id)
    if created_after is not None:
        statement = statement.where(events.c.created_at > created_after)
    return conn.execute(statement).all()
