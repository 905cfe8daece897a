"""The SQL particular to webhook endpoints: the by-id SQL is `db.versioned`'s, the rest is here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, or_, select

from patient_tracker.db.tables import webhook_attempts, webhook_endpoints
from patient_tracker.db.versioned import VersionedTable

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
