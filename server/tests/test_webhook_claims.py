"""The delivery SQL in process, on SQLite and PostgreSQL: how a claim shares the worker's slots
between endpoints, how a batch of attempts is recorded, and how a committed delivery announces
itself (NOTIFY on PostgreSQL, `Database.on_commit` on SQLite) while a rolled-back one does not.

The worker over these is tested live (`test_webhook_delivery.py`); its targets are the
benchmark's (`nox -s bench-webhooks`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest
from sqlalchemy import Connection, select, update

from live_server import libpq_conninfo
from patient_tracker.auth.keys import create_key
from patient_tracker.db import outbox
from patient_tracker.db.database import Database
from patient_tracker.db.tables import (
    api_keys,
    webhook_attempts,
    webhook_deliveries,
    webhook_endpoints,
)
from patient_tracker.kit.ids import new_id
from patient_tracker.webhooks.delivery import access, schedule

T0 = datetime(2031, 3, 3, 9, 0, tzinfo=UTC)


def _endpoint(conn: Connection, integration_id: str) -> str:
    endpoint_id = new_id()
    conn.execute(
        webhook_endpoints.insert().values(
            id=endpoint_id,
            integration_id=integration_id,
            version=1,
            url=f"https://hooks.example/{endpoint_id}",
            event_types="patient.deleted",
            enabled=True,
            secret="whsec_x",
            created_at=T0,
            updated_at=T0,
        )
    )
    return endpoint_id


def _queue(conn: Connection, endpoint_ids: list[str], count: int, start: datetime) -> None:
    """`count` events, one a second from `start`, each queued for `endpoint_ids` (and nothing
    else: the endpoints are not enabled for the outbox's own subscriber lookup)."""
    for n in range(count):
        event_id = new_id()
        at = start + timedelta(seconds=n)
        outbox.insert_event(
            conn,
            event_id=event_id,
            event_type="patient.deleted",
            resource_id=new_id(),
            created_at=at,
            payload=f'{{"n": {n}}}',
        )
        for endpoint_id in endpoint_ids:
            conn.execute(
                webhook_deliveries.insert().values(
                    id=new_id(),
                    endpoint_id=endpoint_id,
                    event_id=event_id,
                    status="pending",
                    attempts=0,
                    series_started_at=at,
                    next_attempt_at=at,
                )
            )


@pytest.fixture
def endpoints(database: Database) -> list[str]:
    """Three endpoints of one integration that may read patients: 10, 2 and 1 deliveries due,
    the first endpoint's oldest, the third's newest."""

    def make(conn: Connection) -> list[str]:
        record, _ = create_key(conn, "reader", ["patients:read", "webhooks:write"], "reminders")
        integration_id = conn.execute(
            select(api_keys.c.integration_id).where(api_keys.c.id == record.id)
        ).scalar_one()
        made = [_endpoint(conn, integration_id) for _ in range(3)]
        # Not enabled for new events: only the deliveries queued below exist.
        conn.execute(update(webhook_endpoints).values(enabled=False))
        _queue(conn, made[:1], 10, T0)
        _queue(conn, made[1:2], 2, T0 + timedelta(minutes=1))
        _queue(conn, made[2:], 1, T0 + timedelta(minutes=2))
        conn.execute(update(webhook_endpoints).values(enabled=True))
        return made

    return database.write_sync(make)


def _claim(
    database: Database,
    limit: int,
    busy: dict[str, int] | None = None,
    now: datetime = T0 + timedelta(hours=1),
) -> outbox.Claim:
    return database.write_sync(
        lambda c: outbox.claim(c, "w", now, limit, access.receivable, share=4, busy=busy)
    )


def _count(claim: outbox.Claim) -> dict[str, int]:
    counted: dict[str, int] = {}
    for item in claim.claimed:
        counted[item.endpoint_id] = counted.get(item.endpoint_id, 0) + 1
    return counted


def test_a_claim_shares_the_free_slots_round_robin(
    database: Database, endpoints: list[str]
) -> None:
    """Five free slots, 10 + 2 + 1 due: each endpoint's first, then each one's second; the
    endpoint with the backlog gets no more than the one with two."""
    a, b, c = endpoints
    claim = _claim(database, 5)
    assert _count(claim) == {a: 2, b: 2, c: 1}
    # Oldest first within an endpoint.
    assert [i.payload for i in claim.claimed if i.endpoint_id == a] == ['{"n": 0}', '{"n": 1}']
    # More is due to `a` than it took; `b` and `c` are done.
    assert claim.more == {a}


def test_an_endpoint_gets_at_most_its_share(database: Database, endpoints: list[str]) -> None:
    a, b, c = endpoints
    claim = _claim(database, 64, busy={a: 3})
    assert _count(claim) == {a: 1, b: 2, c: 1}
    assert claim.more == {a}
    # Leased: not claimed again until the lease runs out; a full endpoint is not even read.
    again = _claim(database, 64, busy={a: 4})
    assert again.claimed == []
    assert again.more == frozenset()


def test_a_batch_of_attempts_is_recorded_in_one_go(
    database: Database, endpoints: list[str]
) -> None:
    a, b, c = endpoints
    claimed = _claim(database, 5).claimed  # a: 2, b: 2, c: 1
    by_endpoint: dict[str, list[outbox.Claimed]] = {}
    for item in claimed:
        by_endpoint.setdefault(item.endpoint_id, []).append(item)
    started = T0 + timedelta(hours=1)
    ok = outbox.Attempt(started, timedelta(milliseconds=3), 204, None)
    failed = outbox.Attempt(started, timedelta(milliseconds=3), 500, None)
    retry_at = started + timedelta(seconds=5)
    # `b`'s second delivery was taken over by another worker (its lease ran out).
    database.write_sync(
        lambda conn: conn.execute(
            update(webhook_deliveries)
            .where(webhook_deliveries.c.id == by_endpoint[b][1].delivery_id)
            .values(claimed_by="other")
        )
    )
    finished = [
        outbox.Finished(by_endpoint[a][0], failed, retry_at),
        outbox.Finished(by_endpoint[a][1], ok, None),
        outbox.Finished(by_endpoint[b][0], failed, None),  # the series is over
        outbox.Finished(by_endpoint[b][1], ok, None),
        outbox.Finished(by_endpoint[c][0], failed, retry_at),
    ]

    def never_disable(_since: datetime, _now: datetime) -> bool:
        return False

    results = database.write_sync(
        lambda conn: outbox.record_attempts(conn, finished, "w", never_disable)
    )
    assert results == ["failed", "delivered", "gave_up", None, "failed"]

    def state(conn: Connection) -> tuple[dict[str, Any], dict[str, Any], int]:
        d, e = webhook_deliveries.c, webhook_endpoints.c
        statuses = {row.id: row.status for row in conn.execute(select(d.id, d.status))}
        failing = {row.id: row.failing_since for row in conn.execute(select(e.id, e.failing_since))}
        attempts = len(conn.execute(select(webhook_attempts.c.id)).all())
        return statuses, failing, attempts

    statuses, failing, attempts = database.read_sync(state)
    assert attempts == 4  # not the one another worker holds
    assert statuses[by_endpoint[a][0].delivery_id] == "pending"
    assert statuses[by_endpoint[a][1].delivery_id] == "delivered"
    assert statuses[by_endpoint[b][0].delivery_id] == "failed"
    assert statuses[by_endpoint[b][1].delivery_id] == "pending"  # the other worker's to record
    # `a` failed and then succeeded: not failing. `b` and `c` are failing since their attempt.
    assert failing == {a: None, b: started, c: started}

    # An endpoint failing for long enough is disabled, and what it had pending dropped.
    again = _claim(database, 64, now=retry_at)
    [later] = [i for i in again.claimed if i.endpoint_id == c]
    gone = outbox.Attempt(started + timedelta(days=3), timedelta(milliseconds=3), None, "timeout")
    results = database.write_sync(
        lambda conn: outbox.record_attempts(
            conn, [outbox.Finished(later, gone, retry_at)], "w", schedule.should_disable
        )
    )
    assert results == ["gave_up"]
    row = database.read_sync(
        lambda conn: conn.execute(
            select(webhook_endpoints.c.enabled, webhook_endpoints.c.disabled_reason).where(
                webhook_endpoints.c.id == c
            )
        ).one()
    )
    assert tuple(row) == (False, "failing")


# ---------------------------------------------------------------- announcing a commit


def _enabled_endpoint(database: Database) -> None:
    def make(conn: Connection) -> None:
        record, _ = create_key(conn, "reader", ["patients:read"], "announcer")
        integration_id = conn.execute(
            select(api_keys.c.integration_id).where(api_keys.c.id == record.id)
        ).scalar_one()
        _endpoint(conn, integration_id)

    database.write_sync(make)


def _record(conn: Connection, event_type: str = "patient.deleted") -> None:
    resource_id = new_id()
    outbox.record_event(conn, event_type, resource_id, {"id": resource_id})


class _RollbackError(Exception):
    pass


def _record_and_roll_back(conn: Connection) -> None:
    _record(conn)
    raise _RollbackError


def test_sqlite_announces_a_queued_delivery_after_its_commit(
    sqlite_database: Database,
) -> None:
    _enabled_endpoint(sqlite_database)
    heard: list[bool] = []

    def listener() -> None:
        # Called once committed: the delivery is there for the worker to claim.
        heard.append(sqlite_database.read_sync(lambda c: outbox.has_due(c, datetime.now(UTC))))

    unsubscribe = sqlite_database.on_commit(outbox.NOTIFY_CHANNEL, listener)
    try:
        with pytest.raises(_RollbackError):
            sqlite_database.write_sync(_record_and_roll_back)
        sqlite_database.write_sync(
            lambda c: _record(c, "practitioner.deleted")
        )  # nobody subscribes
        assert heard == []
        sqlite_database.write_sync(_record)
        assert heard == [True]
    finally:
        unsubscribe()
    sqlite_database.write_sync(_record)
    assert heard == [True]


@pytest.fixture
def listening(postgres_database: Database) -> Iterator[psycopg.Connection[Any]]:
    url = postgres_database.engine.url.render_as_string(hide_password=False)
    with psycopg.connect(libpq_conninfo(url), autocommit=True) as conn:
        conn.execute(f"LISTEN {outbox.NOTIFY_CHANNEL}")
        yield conn


def _notifications(conn: psycopg.Connection[Any]) -> int:
    return sum(1 for _ in conn.notifies(timeout=0.3))


def test_postgresql_notifies_a_queued_delivery_on_commit_only(
    postgres_database: Database, listening: psycopg.Connection[Any]
) -> None:
    _enabled_endpoint(postgres_database)
    with pytest.raises(_RollbackError):
        postgres_database.write_sync(_record_and_roll_back)
    postgres_database.write_sync(lambda c: _record(c, "practitioner.deleted"))  # nobody subscribes
    assert _notifications(listening) == 0
    postgres_database.write_sync(_record)
    assert _notifications(listening) == 1
    # The delivery rows of the one-statement insert are as the SQLite path writes them.
    rows = postgres_database.read_sync(
        lambda c: c.execute(
            select(webhook_deliveries.c.status, webhook_deliveries.c.attempts)
        ).all()
    )
    assert [tuple(row) for row in rows] == [("pending", 0)]
