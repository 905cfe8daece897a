"""The SQL particular to webhook endpoints: the by-id SQL is `db.versioned`'s, the rest is here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, delete, or_, select, update

from patient_tracker.db.tables import webhook_attempts, webhook_deliveries, webhook_endpoints
from patient_tracker.db.versioned import VersionedTable
from patient_tracker.ids import new_id

table = VersionedTable(webhook_endpoints)


def page(
    conn: Connection, *, integration_id: str, after_id: str | None, limit: int
) -> Sequence[Row[Any]]:
    """Up to `limit` of an integration's endpoints after `after_id`, in id (= creation) order."""
    statement = (
        select(webhook_endpoints)
        .where(webhook_endpoints.c.integration_id == integration_id)
        .order_by(webhook_endpoints.c.id)
        .limit(limit)
    )
    if after_id is not None:
        statement = statement.where(webhook_endpoints.c.id > after_id)
    return conn.execute(statement).all()


def attempts_page(
    conn: Connection,
    endpoint_id: str,
    *,
    after: tuple[datetime, str] | None,
    limit: int,
    event_id: str | None,
) -> Sequence[Row[Any]]:
    """Up to `limit` attempts to one endpoint, newest first, after the (started_at, id) key."""
    a = webhook_attempts.c
    statement = (
        select(webhook_attempts)
        .where(a.endpoint_id == endpoint_id)
        .order_by(a.started_at.desc(), a.id.desc())
        .limit(limit)
    )
    if after is not None:
        at, last_id = after
        statement = statement.where(
            or_(a.started_at < at, and_(a.started_at == at, a.id < last_id))
        )
    if event_id is not None:
        statement = statement.where(a.event_id == event_id)
    return conn.execute(statement).all()


def drop_pending(conn: Connection, endpoint_id: str) -> None:
    """Forget the deliveries still due to an endpoint (when it is disabled by its owner)."""
    conn.execute(
        delete(webhook_deliveries).where(
            webhook_deliveries.c.endpoint_id == endpoint_id,
            webhook_deliveries.c.status == "pending",
        )
    )


def schedule_redelivery(conn: Connection, endpoint_id: str, event_id: str, now: datetime) -> None:
    """Start a new series of attempts of one event to one endpoint, due now."""
    d = webhook_deliveries.c
    values = {
        "status": "pending",
        "attempts": 0,
        "series_started_at": now,
        "next_attempt_at": now,
        "claimed_by": None,
        "claimed_until": None,
    }
    changed = conn.execute(
        update(webhook_deliveries)
        .where(d.endpoint_id == endpoint_id, d.event_id == event_id)
        .values(**values)
    ).rowcount
    if not changed:
        conn.execute(
            webhook_deliveries.insert().values(
                id=new_id(), endpoint_id=endpoint_id, event_id=event_id, **values
            )
        )
