"""The event log's writing side: `record_event`, the one way a change records its event.

The resource skeleton calls it (`resource.Resource`) inside the transaction of the change the
event describes: the event row and one `webhook_deliveries` row per enabled endpoint subscribed to
its type commit together with the change, or not at all (the outbox). The payload is the spec's
`Event` envelope, rendered once, here, through the generated model: what is stored is exactly
what `GET /v1/events` lists and what the delivery worker posts.

A module of its own, below the resource packages (`events/` reads and lists the log over HTTP),
so that the skeleton depends on nothing above it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, Insert, bindparam, select

from patient_tracker.api_models import Event
from patient_tracker.db.prepared import Prepared
from patient_tracker.db.tables import events, webhook_deliveries, webhook_endpoints
from patient_tracker.db.versioned import RowInsert
from patient_tracker.ids import new_id

__all__ = ["insert_event", "record_event", "subscribed_endpoints"]

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
    event = Event.model_validate(
        {"id": event_id, "type": event_type, "created_at": created_at, "data": data},
        from_attributes=False,
    )
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


def subscribed_endpoints(conn: Connection, event_type: str) -> list[str]:
    """The ids of the enabled endpoints that want `event_type` (no types listed = all)."""
    return _wanting(_list_enabled_endpoints.all(conn, {}), event_type)


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
