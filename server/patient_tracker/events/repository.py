"""The SQL of the event log: recording an event with its outbox rows, reading and listing events.

`record` runs inside the transaction of the change the event describes (the resource skeleton
calls it, see `resource.Resource`): the event row and one `webhook_deliveries` row per enabled
endpoint subscribed to its type commit together with the change, or not at all (the outbox).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, bindparam, or_, select

from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import events, webhook_deliveries, webhook_endpoints
from patient_tracker.ids import new_id

__all__ = ["get", "insert_event", "page", "subscribed_endpoints"]

_insert_event = Prepared(events.insert().values({c.name: bindparam(c.name) for c in events.c}))
_insert_delivery = webhook_deliveries.insert()
_enabled_endpoints = select(webhook_endpoints.c.id, webhook_endpoints.c.event_types).where(
    webhook_endpoints.c.enabled.is_(True)
)
_by_id = Prepared(select(events).where(events.c.id == bindparam("id")))


def subscribed_endpoints(conn: Connection, event_type: str) -> list[str]:
    """The ids of the enabled endpoints that want `event_type` (no types listed = all).

    Filtered here rather than in SQL: endpoints are few (tens), and a space-separated list is
    simpler to keep portable than array columns on two databases.
    """
    rows = conn.execute(_enabled_endpoints).all()
    return [row.id for row in rows if not row.event_types or event_type in row.event_types.split()]


def insert_event(
    conn: Connection,
    *,
    event_id: str,
    event_type: str,
    resource_id: str,
    created_at: datetime,
    payload: str,
) -> None:
    """Write the event and its outbox rows, in the caller's transaction."""
    _insert_event.run(
        conn,
        {
            "id": event_id,
            "type": event_type,
            "resource_id": resource_id,
            "created_at": created_at,
            "payload": payload,
        },
    )
    endpoint_ids = subscribed_endpoints(conn, event_type)
    if endpoint_ids:
        conn.execute(
            _insert_delivery,
            [
                {
                    "id": new_id(),
                    "endpoint_id": endpoint_id,
                    "event_id": event_id,
                    "status": "pending",
                    "attempts": 0,
                    "series_started_at": created_at,
                    "next_attempt_at": created_at,
                    "claimed_by": None,
                    "claimed_until": None,
                }
                for endpoint_id in endpoint_ids
            ],
        )


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
