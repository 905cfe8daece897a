"""The SQL particular to webhook endpoints: the by-id SQL is `db.versioned`'s, the rest is here."""

from __future__ import annotations

from sqlalchemy import Connection, RowMapping, select

from patient_tracker.db.keyset import Keyset, PageKey, Slice
from patient_tracker.db.tables import webhook_attempts, webhook_endpoints
from patient_tracker.db.versioned import VersionedTable

table = VersionedTable(webhook_endpoints)
# Endpoints are listed in id (= creation) order; attempts newest first, by time, then id.
LISTING = Keyset(webhook_endpoints.c.id)
ATTEMPTS = Keyset(webhook_attempts.c.started_at, webhook_attempts.c.id, descending=True)


def page(
    conn: Connection, *, integration_id: str, after: PageKey | None, limit: int
) -> Slice[RowMapping]:
    """A page of `limit` of an integration's endpoints after the key `after`, oldest first."""
    statement = select(webhook_endpoints).where(
        webhook_endpoints.c.integration_id == integration_id
    )
    return LISTING.page(conn, statement, after, limit)


def attempts_page(
    conn: Connection,
    endpoint_id: str,
    *,
    after: PageKey | None,
    limit: int,
    event_id: str | None,
) -> Slice[RowMapping]:
    """A page of `limit` attempts to one endpoint, newest first, after the (started_at, id)
    key `after`."""
    statement = select(webhook_attempts).where(webhook_attempts.c.endpoint_id == endpoint_id)
    if event_id is not None:
        statement = statement.where(webhook_attempts.c.event_id == event_id)
    return ATTEMPTS.page(conn, statement, after, limit)
