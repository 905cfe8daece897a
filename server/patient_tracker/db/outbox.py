"""The outbox: every statement on `events` writes and on `webhook_deliveries`, in one place.

**Recording** (`record_event`): the resource skeleton calls it (`resource.Resource`) inside the
transaction of the change the event describes: the event row and one `webhook_deliveries` row per
enabled endpoint subscribed to its type commit together with the change, or not at all. The
payload is the spec's `Event` envelope, rendered once, here, through the generated model: what is
stored is exactly what `GET /v1/events` lists and what the delivery worker posts. That is why
this module sits in `db/`, below the skeleton, rather than in the webhooks wing above it.

**Delivering** (the wing's worker, `webhooks.delivery.worker`): claiming is a short write
transaction of its own: the due rows are selected `FOR UPDATE SKIP LOCKED` on PostgreSQL (a row
another process is claiming is skipped, not waited for), and on SQLite under the `BEGIN
IMMEDIATE` every write takes (one writer at a time; SQLAlchemy renders no `FOR UPDATE` there).
Either way the claimed rows get a lease (`claimed_by`, `claimed_until`): no other worker takes
them until it runs out, and a worker that died (kill -9) while holding one only delays those
deliveries until then. Sending happens outside any transaction; `record_attempt` then records it.

Data scopes are checked when sent: a claim leases only the deliveries the wing's rule lets
through (`Receivable`, `webhooks.delivery.access`), and disables the endpoints of the others
(`access_revoked`) with what is due to them, in the claim's transaction. The rules (who may read
what, the retry schedule) are passed in, not imported: this module holds the SQL only.

**Measuring** (`due_backlog`): how many deliveries are due and how late the oldest is, read once
per metrics scrape by the `serve` process (`webhooks.delivery.backlog`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, Insert, bindparam, delete, func, or_, select, update

from patient_tracker.contract.api_models import Event
from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import (
    events,
    webhook_attempts,
    webhook_deliveries,
    webhook_endpoints,
)
from patient_tracker.db.versioned import RowInsert
from patient_tracker.kit.ids import new_id
from patient_tracker.kit.request_ids import current_request_id

__all__ = [
    "ACCESS_REVOKED",
    "BACKLOG_COUNT_CAP",
    "EVENT_RETENTION",
    "LEASE",
    "Attempt",
    "Backlog",
    "Candidate",
    "Claimed",
    "Receivable",
    "claim",
    "disable_for_lost_access",
    "drop_pending",
    "due_backlog",
    "event_type",
    "has_due",
    "insert_event",
    "purge",
    "record_attempt",
    "record_event",
    "schedule_redelivery",
]

# `disabled_reason` of an endpoint whose integration lost a read scope its subscription needs.
ACCESS_REVOKED = "access_revoked"


@dataclass(frozen=True, slots=True)
class Attempt:
    """What is kept of one attempt: `status_code` when an answer came, else `error`."""

    started_at: datetime
    duration: timedelta
    status_code: int | None
    error: str | None

    @property
    def acknowledged(self) -> bool:
        """Whether the endpoint acknowledged the event (any 2xx)."""
        return self.status_code is not None and 200 <= self.status_code < 300


@dataclass(frozen=True, slots=True)
class Candidate:
    """A due delivery a claim may lease: whose endpoint, and what it would send."""

    delivery_id: str
    endpoint_id: str
    integration_id: str
    subscribed: str  # the endpoint's `event_types`, as stored
    event_type: str


# (the claim's connection, the candidates) -> the ids of the deliveries that may be sent.
Receivable = Callable[[Connection, Sequence[Candidate]], set[str]]

# ---------------------------------------------------------------- recording
# The event's bind parameters are prefixed, so that they cannot clash with those of a row
# inserted in the same statement (`db.versioned.RowInsert`), which are its column names.
_event_values = events.insert().values({c.name: bindparam(f"event_{c.name}") for c in events.c})
_insert_delivery = webhook_deliveries.insert()
_enabled_endpoints = select(webhook_endpoints.c.id, webhook_endpoints.c.event_types).where(
    webhook_endpoints.c.enabled.is_(True)
)
_insert_event = Prepared(_event_values)
_list_enabled_endpoints = Prepared(_enabled_endpoints)
# PostgreSQL: the event's INSERT and the subscribers' SELECT in one statement, one round trip
# instead of two on every change (a data-modifying WITH runs once, whether or not the query
# reads it). SQLite has no data-modifying WITH, and no round trips to save.
_insert_event_listing_endpoints = Prepared(_enabled_endpoints.add_cte(_event_values.cte("event")))


# A row's insert statement -> that insert, the event's and the subscribers' SELECT in one
# statement; a handful, one per resource table.
_with_event: dict[Insert, Prepared] = {}


def _row_and_event(statement: Insert) -> Prepared:
    found = _with_event.get(statement)
    if found is None:
        found = _with_event[statement] = Prepared(
            _enabled_endpoints.add_cte(statement.cte("new_row")).add_cte(_event_values.cte("event"))
        )
    return found


def record_event(
    conn: Connection,
    event_type: str,
    resource_id: str,
    data: BaseModel | dict[str, str],
    *,
    along_with: RowInsert | None = None,
) -> str:
    """Write one event about `resource_id` (and its deliveries) in the open transaction.

    `data` is the resource as the API renders it, or `{"id": ...}` for a delete. `along_with`:
    the new row a create writes, written here too (see `insert_event`). Returns the event's id.
    """
    event_id = new_id()
    created_at = datetime.now(UTC)
    fields: dict[str, Any] = {
        "id": event_id,
        "type": event_type,
        "created_at": created_at,
        "data": data,
    }
    # The request that caused the change (Stripe's events say so too): read from the request's
    # context rather than passed through every service that records an event.
    request_id = current_request_id.get()
    if request_id is not None:
        fields["request_id"] = request_id
    event = Event.model_validate(fields, from_attributes=False)
    insert_event(
        conn,
        event_id=event_id,
        event_type=event_type,
        resource_id=resource_id,
        created_at=created_at,
        payload=event.model_dump_json(),
        along_with=along_with,
    )
    return event_id


def _wanting(endpoints: list[dict[str, Any]], event_type: str) -> list[str]:
    """Filtered here rather than in SQL: endpoints are few (tens), and a space-separated list is
    simpler to keep portable than array columns on two databases."""
    return [
        endpoint["id"]
        for endpoint in endpoints
        if not endpoint["event_types"] or event_type in endpoint["event_types"].split()
    ]


def insert_event(
    conn: Connection,
    *,
    event_id: str,
    event_type: str,
    resource_id: str,
    created_at: datetime,
    payload: str,
    along_with: RowInsert | None = None,
) -> None:
    """Write the event and its outbox rows, in the caller's transaction.

    With `along_with`, the row it is about first: on PostgreSQL in the same statement as the
    event and the subscribers' lookup (a create is then one round trip, not two), elsewhere just
    before. A constraint the row violates raises `IntegrityError` as its insert alone would.
    """
    values = {
        "event_id": event_id,
        "event_type": event_type,
        "event_resource_id": resource_id,
        "event_created_at": created_at,
        "event_payload": payload,
    }
    if conn.dialect.name == "postgresql":
        if along_with is None:
            endpoints = _insert_event_listing_endpoints.all(conn, values)
        else:
            combined = _row_and_event(along_with.statement)
            endpoints = combined.all(conn, {**along_with.values, **values})
    else:
        if along_with is not None:
            along_with.prepared.run(conn, along_with.values)
        _insert_event.run(conn, values)
        endpoints = _list_enabled_endpoints.all(conn, {})
    endpoint_ids = _wanting(endpoints, event_type)
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


# ---------------------------------------------------------------- delivering

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


def claim(
    conn: Connection, worker_id: str, now: datetime, limit: int, receivable: Receivable
) -> list[Claimed]:
    """Lease to `worker_id` up to `limit` due deliveries that `receivable` lets through.

    `receivable` is the delivery side's rule of who may still receive what (asked here, in the
    claim's transaction, so that it is checked when sent): the endpoints of the candidates it
    withholds are disabled (`access_revoked`) and what is due to them dropped.
    """
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
    candidates = [
        Candidate(row.id, row.endpoint_id, row.integration_id, row.event_types, row.type)
        for row in rows
    ]
    allowed_ids = receivable(conn, candidates)
    allowed = [row for row in rows if row.id in allowed_ids]
    withheld = {row.endpoint_id for row in rows} - {row.endpoint_id for row in allowed}
    if withheld:
        disable_for_lost_access(conn, withheld, now)
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


def disable_for_lost_access(conn: Connection, endpoint_ids: set[str], now: datetime) -> None:
    """Disable endpoints (`access_revoked`): their integration may no longer read what they
    subscribe to. What is still due to them is dropped: nothing queued is sent."""
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
    record: Attempt,
    worker_id: str,
    next_at: datetime | None,
    should_disable: Callable[[datetime, datetime], bool],
) -> str | None:
    """Store the attempt; mark the delivery done, failed or due again at `next_at` (None: the
    series is over); track a failing endpoint, disabled once `should_disable(failing_since, now)`.

    Returns what became of the delivery (the metrics' result): `delivered`, `failed` (due again
    at `next_at`) or `gave_up` (its series is over, or its endpoint was disabled for failing).
    Nothing is written, and None returned, if this worker's lease has been taken over (it ran
    out): the attempt is then the other worker's to record.
    """
    d, e = webhook_deliveries.c, webhook_endpoints.c
    attempt = claimed.attempts + 1
    now = record.started_at + record.duration
    if record.acknowledged:
        next_at = None
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
        return None
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
        return "delivered"
    outcome = "failed" if next_at else "gave_up"
    endpoint = conn.execute(
        select(e.failing_since, e.enabled, e.version).where(e.id == claimed.endpoint_id)
    ).first()
    if endpoint is None:
        return outcome
    failing_since = endpoint.failing_since or record.started_at
    if endpoint.enabled and should_disable(failing_since, now):
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
        return "gave_up"
    if endpoint.failing_since is None:
        conn.execute(
            update(webhook_endpoints)
            .where(e.id == claimed.endpoint_id)
            .values(failing_since=failing_since)
        )
    return outcome


# ---------------------------------------------------------------- the backlog (metrics)

BACKLOG_COUNT_CAP = 10_000
"""The most due deliveries `due_backlog` counts: a scrape reads at most this many index entries."""


@dataclass(frozen=True, slots=True)
class Backlog:
    """How far behind delivery is: what is due, and since when the oldest of it has been."""

    due: int  # at most BACKLOG_COUNT_CAP
    oldest_due_at: datetime | None


def due_backlog(conn: Connection, now: datetime) -> Backlog:
    """The deliveries due by `now` and not yet made (pending, in flight included), counted up to
    `BACKLOG_COUNT_CAP`, and the oldest one's due time.

    Both are range reads of `ix_webhook_deliveries_status_next_attempt_at`: the count stops at the
    cap, and the minimum is its first entry. A delivery waiting for a retry is not due until its
    retry is, so a failing endpoint does not make delivery look late.
    """
    d = webhook_deliveries.c
    due = (d.status == "pending", d.next_attempt_at <= now)
    capped = select(d.id).where(*due).limit(BACKLOG_COUNT_CAP).subquery()
    count = conn.execute(select(func.count()).select_from(capped)).scalar_one()
    oldest = conn.execute(select(func.min(d.next_attempt_at)).where(*due)).scalar_one()
    return Backlog(due=int(count), oldest_due_at=oldest)


def purge(conn: Connection, now: datetime) -> int:
    """Delete events older than 30 days (their deliveries and attempts cascade)."""
    return conn.execute(delete(events).where(events.c.created_at < now - EVENT_RETENTION)).rowcount


def event_type(conn: Connection, event_id: str) -> str | None:
    """The type of the event `event_id` (kept 30 days), or None: what a redelivery checks."""
    found = conn.execute(select(events.c.type).where(events.c.id == event_id)).scalar()
    return None if found is None else str(found)


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
