"""The event log as the API shows it: read one, list a slice; only events the key may read.

An event carries its resource's data, so reading it takes the resource's read scope as well as
`webhooks:read` (which the route checks): `webhooks:read` alone is no back door to patient data.
Which scope an event type needs is the spec's (`auth.data_scopes`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from patient_tracker.auth.data_scopes import may_read, readable_types
from patient_tracker.contract.api_models import Event
from patient_tracker.contract.problems import NotFoundError
from patient_tracker.resource import PageKey, Slice
from patient_tracker.webhooks.events import repository

__all__ = ["get", "list_slice"]


def _to_event(row: Any) -> Event:
    return Event.model_validate(json.loads(row["payload"]))


def get(conn: Connection, event_id: str, scopes: Iterable[str]) -> Event:
    """One event the key may read, or 404 (also for one it may not: its existence is data)."""
    row = repository.get(conn, event_id)
    if row is None or not may_read(scopes, row["type"]):
        raise NotFoundError(f"No event has the id '{event_id}'.")
    return _to_event(row)


def list_slice(
    conn: Connection,
    *,
    scopes: Iterable[str],
    after: PageKey | None,
    limit: int,
    event_type: str | None,
    resource_id: str | None,
    created_after: datetime | None,
) -> Slice[Event]:
    """Events oldest first, after the (created_at, id) key of the last one seen."""
    types = readable_types(scopes)
    if event_type is not None:
        types = tuple(t for t in types if t == event_type)
    rows = repository.page(
        conn,
        after=after,
        limit=limit,
        types=types,
        resource_id=resource_id,
        created_after=created_after,
    )
    return rows.map(_to_event)
