"""The delivery worker's SQL: claim due deliveries, record an attempt, purge old events.

Claiming is a short write transaction of its own: the due rows are selected `FOR UPDATE SKIP
LOCKED` on PostgreSQL (a row another process is claiming is skipped, not waited for), and on
SQLite under the `BEGIN IMMEDIATE` every write takes (one writer at a time; SQLAlchemy renders no
`FOR UPDATE` there). Either way the claimed rows get a lease (`claimed_by`, `claimed_until`): no
other worker takes them until it runs out, and a worker that died (kill -9) while holding one
only delays those deliveries until then. Sending happens outside any transaction.

Data scopes are checked when sent, not only when subscribed: a claim leases a delivery only if
the endpoint's integration still holds, through its keys not revoked, the read scope of the event
and of every type the endpoint subscribes to (`auth.data_scopes`). An endpoint that fails that
is disabled (`access_revoked`) with its pending deliveries dropped, in the claim's transaction;
revoking a key does the same at once (`withdraw_unreadable`, called by `keys revoke`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, or_, select, update

from patient_tracker.auth.data_scopes import may_read, missing_scopes
from patient_tracker.auth.integrations import scopes_held
from patient_tracker.db.tables import (
    events,
    webhook_attempts,
    webhook_deliveries,
    webhook_endpoints,
)
from patient_tracker.ids import new_id
from patient_tracker.webhooks import schedule
from patient_tracker.webhooks.sender import AttemptRecord

__all__ = [
    "EVENT_RETENTION",
    "LEASE",
    "Claimed",
    "claim",
    "has_due",
    "purge",
    "record_attempt",
    "withdraw_unreadable",
]

# `disabled_reason` of an endpoint whose integration lost a read scope its subscription needs.
ACCESS_REVOKED = "access_revoked"

# Longer than an attempt can take (sender.DELIVERY_TIMEOUT, 15 s), with room for recording it.
LEASE = timedelta(seconds=30)
EVENT_RETENTION = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class Claimed:
    """One delivery this worker holds the lease of, with what sending it needs."""

    delivery_id: str
    endpoint_id: str
    event_id: str
    attempts: int
    series_started_at: datetime
    url: str
    secret: str
    previous_secret: str | None
    secret_rotated_at: datetime | None
    payload: str


def _due(now: datetime) -> Any:
    d = webhook_deliveries.c
    return (
        d.status == "pending",
        d.next_attempt_at <= now,
        or_(d.claimed_until.is_(None), d.claimed_until < now),
    )


def has_due(conn: Connection, now: datetime) -> bool:
    """Whether any delivery is due: a read, so that an idle worker never takes the write lock
    (on SQLite, `BEGIN IMMEDIATE` would queue the API's writers behind it once a poll)."""
    found = conn.execute(select(webhook_deliveries.c.id).where(*_due(now)).limit(1)).first()
    return found is not None


def claim(conn: Connection, worker_id: str, now: datetime, limit: int) -> list[Claimed]:
    """Lease up to `limit` due deliveries to enabled endpoints to `worker_id`."""
    d, e, v = webhook_deliveries.c, webhook_endpoints.c, events.c
    due = (
        select(d.id)
        .where(*_due(now))
        .order_by(d.next_attempt_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    ids = list(conn.execute(due).scalars())
    if not ids:
        return []
    rows = conn.execute(
        select(
            d.id,
            d.endpoint_id,
            d.event_id,
            d.attempts,
            d.series_started_at,
            e.url,
            e.secret,
            e.previous_secret,
            e.secret_rotated_at,
            e.integration_id,
            e.event_types,
            v.type,
            v.payload,
        )
        .join(webhook_endpoints, webhook_endpoints.c.id == d.endpoint_id)
        .join(events, events.c.id == d.event_id)
        .where(d.id.in_(ids))
    ).all()
    held = scopes_held(conn, (row.integration_id for row in rows))
    allowed = [
        row
        for row in rows
        if may_read(held[row.integration_id], row.type)
        and not missing_scopes(row.event_types, held[row.integration_id])
    ]
    withheld = {row.endpoint_id for row in rows} - {row.endpoint_id for row in allowed}
    if withheld:
        _disable_for_lost_access(conn, withheld, now)
    if not allowed:
        return []
    conn.execute(
        update(webhook_deliveries)
        .where(d.id.in_([row.id for row in allowed]))
        .values(claimed_by=worker_id, claimed_until=now + LEASE)
    )
    return [
        Claimed(
            delivery_id=row.id,
            endpoint_id=row.endpoint_id,
            event_id=row.event_id,
            attempts=row.attempts,
            series_started_at=row.series_started_at,
            url=row.url,
            secret=row.secret,
            previous_secret=row.previous_secret,
            secret_rotated_at=row.secret_rotated_at,
            payload=row.payload,
        )
        for row in allowed
    ]


def withdraw_unreadable(conn: Connection, integration_id: str, now: datetime) -> list[str]:
    """Disable the integration's endpoints whose subscription its keys no longer cover (after a
    key was revoked, in that transaction); returns their ids. Nothing queued for them is sent."""
    e = webhook_endpoints.c
    held = scopes_held(conn, [integration_id])[integration_id]
    endpoints = conn.execute(
        select(e.id, e.event_types).where(e.integration_id == integration_id, e.enabled.is_(True))
    ).all()
    lost = [row.id for row in endpoints if missing_scopes(row.event_types, held)]
    if lost:
        _disable_for_lost_access(conn, set(lost), now)
    return lost


def _disable_for_lost_access(conn: Connection, endpoint_ids: set[str], now: datetime) -> None:
    """Disable endpoints (`access_revoked`) and drop what is still due to them."""
    e, d = webhook_endpoints.c, webhook_deliveries.c
    ids = sorted(endpoint_ids)
    conn.execute(
        update(webhook_endpoints)
        .where(e.id.in_(ids), e.enabled.is_(True))
        .values(
            enabled=False,
            disabled_reason=ACCESS_REVOKED,
            disabled_at=now,
            version=e.version + 1,
            updated_at=now,
        )
    )
    conn.execute(delete(webhook_deliveries).where(d.endpoint_id.in_(ids), d.status == "pending"))


def record_attempt(
    conn: Connection,
    claimed: Claimed,
    record: AttemptRecord,
    worker_id: str,
    retry_scale: float,
) -> None:
    """Store the attempt; mark the delivery done, failed or due again; track a failing endpoint.

    Nothing is written if this worker's lease has been taken over (it ran out): the attempt is
    then the other worker's to record.
    """
    d, e = webhook_deliveries.c, webhook_endpoints.c
    attempt = claimed.attempts + 1
    now = record.started_at + record.duration
    next_at: datetime | None = None
    if not record.acknowledged:
        next_at = schedule.next_attempt_at(claimed.series_started_at, attempt, record.started_at)
        if next_at is not None:
            # Tests shorten the waits; the window (3 days from the series start) stays.
            next_at = record.started_at + (next_at - record.started_at) * retry_scale
    still_ours = conn.execute(
        update(webhook_deliveries)
        .where(d.id == claimed.delivery_id, d.claimed_by == worker_id, d.status == "pending")
        .values(
            attempts=attempt,
            status="delivered" if record.acknowledged else ("pending" if next_at else "failed"),
            next_attempt_at=next_at,
            claimed_by=None,
            claimed_until=None,
        )
    ).rowcount
    if not still_ours:
        return
    conn.execute(
        webhook_attempts.insert().values(
            id=new_id(),
            endpoint_id=claimed.endpoint_id,
            event_id=claimed.event_id,
            attempt=attempt,
            started_at=record.started_at,
            duration_ms=min(int(record.duration / timedelta(milliseconds=1)), 600_000),
            status_code=record.status_code,
            error=record.error,
            next_attempt_at=next_at,
        )
    )
    if record.acknowledged:
        conn.execute(
            update(webhook_endpoints)
            .where(e.id == claimed.endpoint_id, e.failing_since.is_not(None))
            .values(failing_since=None)
        )
        return
    endpoint = conn.execute(
        select(e.failing_since, e.enabled, e.version).where(e.id == claimed.endpoint_id)
    ).first()
    if endpoint is None:
        return
    failing_since = endpoint.failing_since or record.started_at
    if endpoint.enabled and schedule.should_disable(failing_since, now):
        conn.execute(
            update(webhook_endpoints)
            .where(e.id == claimed.endpoint_id)
            .values(
                failing_since=failing_since,
                enabled=False,
                disabled_reason="failing",
                disabled_at=now,
                version=endpoint.version + 1,
                updated_at=now,
            )
        )
        conn.execute(
            delete(webhook_deliveries).where(
                d.endpoint_id == claimed.endpoint_id, d.status == "pending"
            )
        )
    elif endpoint.failing_since is None:
        conn.execute(
            update(webhook_endpoints)
            .where(e.id == claimed.endpoint_id)
            .values(failing_since=failing_since)
        )


def purge(conn: Connection, now: datetime) -> int:
    """Delete events older than 30 days (their deliveries and attempts cascade)."""
    return conn.execute(delete(events).where(events.c.created_at < now - EVENT_RETENTION)).rowcount
