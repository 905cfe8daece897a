"""The outbox: every statement on `events` writes and on `webhook_deliveries`, in one place.

**Recording** (`record_event`): the resource skeleton calls it (`resource.Resource`) inside the
transaction of the change the event describes: the event row and one `webhook_deliveries` row per
enabled endpoint subscribed to its type commit together with the change, or not at all. The
payload is the spec's `Event` envelope, rendered once, here, through the generated model: what is
stored is exactly what `GET /v1/events` lists and what the delivery worker posts. That is why
this module sits in `db/`, below the skeleton, rather than in the webhooks wing above it.

**Waking the worker**: whenever a delivery row is written (an event someone subscribes to, a
redelivery), the transaction announces it: on PostgreSQL with `pg_notify` (for an event, in the
same statement as its rows: no round trip of its own), delivered to every listening process when
the transaction commits and dropped if it rolls back (`NOTIFY_CHANNEL`, heard by
`db.notifications.Listener`); on SQLite with `database.after_commit` (the committing process's own
worker; other processes poll).

**Delivering** (the wing's worker, `webhooks.delivery.worker`): claiming is a short write
transaction of its own. It takes each endpoint's oldest due deliveries, up to the endpoint's share
of the worker's slots, and then round robin across endpoints up to the slots free (`claim`): one
slow endpoint cannot crowd out the others. On PostgreSQL that is one statement, a `LATERAL` read
per endpoint `FOR UPDATE SKIP LOCKED` (a row another process is claiming is skipped, not waited
for); on SQLite one read per endpoint under the `BEGIN IMMEDIATE` every write takes (one writer
at a time). Either way the claimed rows get a lease (`claimed_by`, `claimed_until`): no other
worker takes them until it runs out, and a worker that died (kill -9) while holding one only
delays those deliveries until then. Sending happens outside any transaction; `record_attempts`
then records the attempts that have finished since its last call, together, in one transaction.

Data scopes are checked when sent: a claim leases only the deliveries the wing's rule lets
through (`Receivable`, `webhooks.delivery.access`), and disables the endpoints of the others
(`access_revoked`) with what is due to them, in the claim's transaction. The rules (who may read
what, the retry schedule) are passed in, not imported: this module holds the SQL only.

**Measuring** (`due_backlog`): how many deliveries are due and how late the oldest is, read once
per metrics scrape by the `serve` process (`webhooks.delivery.backlog`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    Connection,
    Insert,
    String,
    all_,
    bindparam,
    delete,
    func,
    literal,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY

from patient_tracker.contract.api_models import Event
from patient_tracker.db.database import after_commit
from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import (
    events,
    webhook_attempts,
    webhook_deliveries,
    webhook_endpoints,
)
from patient_tracker.db.types import UtcDateTime
from patient_tracker.db.versioned import RowInsert
from patient_tracker.kit.ids import new_id
from patient_tracker.kit.request_ids import current_request_id

__all__ = [
    "ACCESS_REVOKED",
    "BACKLOG_COUNT_CAP",
    "EVENT_RETENTION",
    "LEASE",
    "NOTIFY_CHANNEL",
    "Attempt",
    "Backlog",
    "Candidate",
    "Claim",
    "Claimed",
    "Finished",
    "Receivable",
    "claim",
    "disable_for_lost_access",
    "drop_pending",
    "due_backlog",
    "event_type",
    "has_due",
    "insert_event",
    "purge",
    "record_attempts",
    "record_event",
    "schedule_redelivery",
]

# `disabled_reason` of an endpoint whose integration lost a read scope its subscription needs.
ACCESS_REVOKED = "access_revoked"

# What a transaction that wrote delivery rows announces at commit: PostgreSQL's NOTIFY channel,
# and SQLite's `after_commit` topic.
NOTIFY_CHANNEL = "patient_tracker_webhooks"


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


# PostgreSQL: an event's delivery rows (one per endpoint id in the arrays) and the NOTIFY that
# wakes the delivery workers, in one statement: the NOTIFY costs no round trip of its own, and is
# sent only when a row is written. (A data-modifying WITH runs whatever the query reads.)
_created_at = bindparam("created_at", type_=UtcDateTime())
_insert_deliveries_notifying = Prepared(
    select(func.pg_notify(NOTIFY_CHANNEL, "")).add_cte(
        webhook_deliveries.insert()
        .from_select(
            [
                "id",
                "endpoint_id",
                "event_id",
                "status",
                "attempts",
                "series_started_at",
                "next_attempt_at",
            ],
            select(
                func.unnest(bindparam("ids", type_=ARRAY(String()))),
                func.unnest(bindparam("endpoint_ids", type_=ARRAY(String()))),
                bindparam("event_id", type_=String()),
                literal("pending"),
                literal(0),
                _created_at,
                _created_at,
            ),
        )
        .cte("deliveries")
    )
)
_notify = select(func.pg_notify(NOTIFY_CHANNEL, ""))


def _announce(conn: Connection) -> None:
    """Wake the delivery workers once the open transaction commits: it wrote delivery rows."""
    if conn.dialect.name == "postgresql":
        conn.execute(_notify)
    else:
        after_commit(conn, NOTIFY_CHANNEL)


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
    When an endpoint wants the event, its rows go in one more statement, which on PostgreSQL
    also sends the NOTIFY that wakes the delivery workers at COMMIT; on SQLite the commit wakes
    this process's worker (`after_commit`).
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
    if not endpoint_ids:
        return
    if conn.dialect.name == "postgresql":
        _insert_deliveries_notifying.all(
            conn,
            {
                "ids": [new_id() for _ in endpoint_ids],
                "endpoint_ids": endpoint_ids,
                "event_id": event_id,
                "created_at": created_at,
            },
        )
    else:
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
        after_commit(conn, NOTIFY_CHANNEL)


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


@dataclass(frozen=True, slots=True)
class Claim:
    """What one claim leased, and the endpoints that may have more due now than it took (it
    stopped at their share, or at the slots free): the worker claims again for them as soon as
    one of their slots frees."""

    claimed: list[Claimed]
    more: frozenset[str]


def _due(now: Any) -> Any:
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


# What a claim reads of a due delivery and of its endpoint.
_d, _e, _v = webhook_deliveries.c, webhook_endpoints.c, events.c
_DELIVERY_COLUMNS = (
    _d.id,
    _d.event_id,
    _d.attempts,
    _d.series_started_at,
    _d.next_attempt_at,
    _v.type,
    _v.payload,
)
_ENDPOINT_COLUMNS = (
    _e.id.label("endpoint_id"),
    _e.url,
    _e.secret,
    _e.previous_secret,
    _e.secret_rotated_at,
    _e.integration_id,
    _e.event_types,
)
# The claim's statements, built once (a claim runs after every commit that queues a delivery).
_now = bindparam("now", type_=UtcDateTime())
# PostgreSQL: every endpoint's oldest due deliveries (but those of the endpoints in `skip`), in
# one statement: a LATERAL range read of `ix_webhook_deliveries_endpoint_id_status_next_attempt_at`
# per endpoint, locked, skipping rows another claim holds.
_lateral_heads = (
    select(*_DELIVERY_COLUMNS)
    .join_from(webhook_deliveries, events, _v.id == _d.event_id)
    .where(_d.endpoint_id == _e.id, *_due(_now))
    .order_by(_d.next_attempt_at)
    .limit(bindparam("share"))
    .with_for_update(of=webhook_deliveries, skip_locked=True)
    .lateral("heads")
)
_all_heads = Prepared(
    select(_lateral_heads, *_ENDPOINT_COLUMNS)
    .select_from(webhook_endpoints)
    .join(_lateral_heads, true())
    .where(_e.id != all_(bindparam("skip", type_=ARRAY(String()))))
)
# SQLite: one endpoint's, run once per endpoint. The claim's `BEGIN IMMEDIATE` keeps every other
# writer out meanwhile.
_endpoint_heads = Prepared(
    select(*_DELIVERY_COLUMNS, *_ENDPOINT_COLUMNS)
    .join_from(webhook_deliveries, events, _v.id == _d.event_id)
    .join(webhook_endpoints, _e.id == _d.endpoint_id)
    .where(_d.endpoint_id == bindparam("endpoint_id"), *_due(_now))
    .order_by(_d.next_attempt_at)
    .limit(bindparam("share"))
)
_endpoint_ids = Prepared(select(_e.id))
_lease = (
    update(webhook_deliveries)
    .where(_d.id.in_(bindparam("ids", expanding=True)))
    .values(claimed_by=bindparam("worker_id"), claimed_until=bindparam("until"))
)


def _heads(
    conn: Connection, now: datetime, share: int, skip: Collection[str]
) -> dict[str, list[_Head]]:
    """Endpoint id -> its oldest due deliveries (at most `share`, oldest first), for every
    endpoint but those in `skip`; on PostgreSQL locked, skipping rows another claim holds."""
    found: dict[str, list[_Head]] = {}
    if conn.dialect.name == "postgresql":
        for row in _all_heads.all(conn, {"now": now, "share": share, "skip": sorted(skip)}):
            found.setdefault(row["endpoint_id"], []).append(_Head(**row))
        for heads in found.values():
            heads.sort(key=lambda head: head.next_attempt_at)
        return found
    for endpoint in _endpoint_ids.all(conn, {}):
        if endpoint["id"] in skip:
            continue
        rows = _endpoint_heads.all(
            conn, {"endpoint_id": endpoint["id"], "now": now, "share": share}
        )
        if rows:
            found[endpoint["id"]] = [_Head(**row) for row in rows]
    return found


@dataclass(frozen=True, slots=True)
class _Head:
    """A due delivery a claim read, with its endpoint's columns."""

    id: str
    event_id: str
    attempts: int
    series_started_at: datetime
    next_attempt_at: datetime
    type: str
    payload: str
    endpoint_id: str
    url: str
    secret: str
    previous_secret: str | None
    secret_rotated_at: datetime | None
    integration_id: str
    event_types: str


def _round_robin(queues: list[list[_Head]], limit: int) -> list[_Head]:
    """Every queue's first item (the queue whose first is oldest first), then every queue's
    second, and so on, up to `limit` items: each endpoint gets as many of the free slots as any
    other that has as much waiting, whatever the size of its backlog."""
    queues = sorted((rows for rows in queues if rows), key=lambda rows: rows[0].next_attempt_at)
    picked: list[_Head] = []
    for depth in range(max(map(len, queues), default=0)):
        for rows in queues:
            if depth < len(rows):
                if len(picked) == limit:
                    return picked
                picked.append(rows[depth])
    return picked


def claim(
    conn: Connection,
    worker_id: str,
    now: datetime,
    limit: int,
    receivable: Receivable,
    *,
    share: int | None = None,
    busy: Mapping[str, int] | None = None,
) -> Claim:
    """Lease to `worker_id` up to `limit` due deliveries that `receivable` lets through, at most
    `share` per endpoint counting the `busy` ones it is sending already (endpoint id -> how many).

    Each endpoint's oldest due deliveries are read (up to what its share leaves free), then taken
    round robin across endpoints, the endpoint waiting longest first, until `limit`: an endpoint
    with a backlog of thousands gets no more of the free slots than one with a single delivery
    due. `receivable` is the delivery side's rule of who may still receive what (asked here, in
    the claim's transaction, so that it is checked when sent): the endpoints of the candidates it
    withholds are disabled (`access_revoked`) and what is due to them dropped.
    """
    share = limit if share is None else share
    busy = busy or {}
    full = {endpoint_id for endpoint_id, n in busy.items() if n >= share}
    heads = _heads(conn, now, share, full)
    room = {endpoint_id: share - busy.get(endpoint_id, 0) for endpoint_id in heads}
    rows = _round_robin([found[: room[e]] for e, found in heads.items()], limit)
    taken: dict[str, int] = {}
    for row in rows:
        taken[row.endpoint_id] = taken.get(row.endpoint_id, 0) + 1
    more = frozenset(
        endpoint_id
        for endpoint_id, found in heads.items()
        if len(found) >= share or len(found) > taken.get(endpoint_id, 0)
    )
    if not rows:
        return Claim([], more)
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
        return Claim([], more - withheld)
    conn.execute(
        _lease,
        {"ids": [row.id for row in allowed], "worker_id": worker_id, "until": now + LEASE},
    )
    claimed = [
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
    return Claim(claimed, more - withheld)


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


@dataclass(frozen=True, slots=True)
class Finished:
    """An attempt made, to be recorded: the delivery, the attempt, and when to try again if it
    failed (None: the series is over)."""

    claimed: Claimed
    attempt: Attempt
    next_at: datetime | None


# Recording: each delivery's new state, as an executemany (its own values per row).
_record_delivery = (
    update(webhook_deliveries)
    .where(_d.id == bindparam("b_id"))
    .values(
        attempts=bindparam("b_attempts"),
        status=bindparam("b_status"),
        next_attempt_at=bindparam("b_next_attempt_at"),
        claimed_by=None,
        claimed_until=None,
    )
)
_insert_attempt = webhook_attempts.insert()
# The deliveries of a batch still this worker's, locked, with their endpoints' state.
_still_ours = (
    select(_d.id, _e.failing_since, _e.enabled, _e.version)
    .join_from(webhook_deliveries, webhook_endpoints, _e.id == _d.endpoint_id)
    .where(
        _d.id.in_(bindparam("ids", expanding=True)),
        _d.claimed_by == bindparam("worker_id"),
        _d.status == "pending",
    )
    .with_for_update(of=webhook_deliveries)
)


def record_attempts(
    conn: Connection,
    finished: Sequence[Finished],
    worker_id: str,
    should_disable: Callable[[datetime, datetime], bool],
) -> list[str | None]:
    """Store the attempts (in the order they finished); mark each delivery done, failed or due
    again at its `next_at`; track each failing endpoint, disabled once
    `should_disable(failing_since, now)`.

    Returns, per attempt, what became of its delivery (the metrics' result): `delivered`,
    `failed` (due again at `next_at`) or `gave_up` (its series is over, or its endpoint was
    disabled for failing). Nothing is written for an attempt, and None returned, if this
    worker's lease of the delivery has been taken over (it ran out): the attempt is then the
    other worker's to record.

    A few statements for the whole batch, whatever its size: the deliveries still this worker's
    (locked, with their endpoints' state), their new states, the attempts, and an endpoint only
    where its failing state changes.
    """
    results: list[str | None] = [None] * len(finished)
    if not finished:
        return results
    ids = sorted(f.claimed.delivery_id for f in finished)
    ours = {row.id: row for row in conn.execute(_still_ours, {"ids": ids, "worker_id": worker_id})}
    if not ours:
        return results
    deliveries: list[dict[str, Any]] = []
    attempts: list[dict[str, Any]] = []
    by_endpoint: dict[str, list[int]] = {}
    for index, done in enumerate(finished):
        claimed, record = done.claimed, done.attempt
        if claimed.delivery_id not in ours:
            continue
        next_at = None if record.acknowledged else done.next_at
        status = "delivered" if record.acknowledged else ("pending" if next_at else "failed")
        deliveries.append(
            {
                "b_id": claimed.delivery_id,
                "b_attempts": claimed.attempts + 1,
                "b_status": status,
                "b_next_attempt_at": next_at,
            }
        )
        attempts.append(
            {
                "id": new_id(),
                "endpoint_id": claimed.endpoint_id,
                "event_id": claimed.event_id,
                "attempt": claimed.attempts + 1,
                "started_at": record.started_at,
                "duration_ms": min(int(record.duration / timedelta(milliseconds=1)), 600_000),
                "status_code": record.status_code,
                "error": record.error,
                "next_attempt_at": next_at,
            }
        )
        results[index] = (
            "delivered" if record.acknowledged else ("failed" if next_at else "gave_up")
        )
        by_endpoint.setdefault(claimed.endpoint_id, []).append(index)
    conn.execute(_record_delivery, deliveries)
    conn.execute(_insert_attempt, attempts)
    # In id order: two batches that touch the same endpoints lock them in the same order.
    for endpoint_id, indexes in sorted(by_endpoint.items()):
        endpoint = ours[finished[indexes[0]].claimed.delivery_id]
        failing_since: datetime | None = endpoint.failing_since
        for index in indexes:  # in the order the attempts finished
            record = finished[index].attempt
            if record.acknowledged:
                failing_since = None
            elif failing_since is None:
                failing_since = record.started_at
        if failing_since is None:
            if endpoint.failing_since is not None:
                conn.execute(
                    update(webhook_endpoints).where(_e.id == endpoint_id).values(failing_since=None)
                )
            continue
        last = finished[indexes[-1]].attempt
        now = last.started_at + last.duration
        if endpoint.enabled and should_disable(failing_since, now):
            conn.execute(
                update(webhook_endpoints)
                .where(_e.id == endpoint_id)
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
                    _d.endpoint_id == endpoint_id, _d.status == "pending"
                )
            )
            for index in indexes:  # what was still to be tried is dropped
                if results[index] == "failed":
                    results[index] = "gave_up"
        elif endpoint.failing_since != failing_since:
            conn.execute(
                update(webhook_endpoints)
                .where(_e.id == endpoint_id)
                .values(failing_since=failing_since)
            )
    return results


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
    _announce(conn)
