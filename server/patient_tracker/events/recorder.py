"""`record_event`: the one way a change of a resource records its event (called by `Resource`).

The payload is the spec's `Event` envelope, rendered once, here, through the generated model:
what is stored is exactly what `GET /v1/events` lists and what the delivery worker posts.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import Connection

from patient_tracker.api_models import Event
from patient_tracker.events import repository
from patient_tracker.ids import new_id

__all__ = ["record_event"]


def record_event(
    conn: Connection, event_type: str, resource_id: str, data: BaseModel | dict[str, str]
) -> str:
    """Write one event about `resource_id` (and its deliveries) in the open transaction.

    `data` is the resource as the API renders it, or `{"id": ...}` for a delete. Returns the
    event's id.
    """
    event_id = new_id()
    created_at = datetime.now(UTC)
    event = Event.model_validate(
        {"id": event_id, "type": event_type, "created_at": created_at, "data": data},
        from_attributes=False,
    )
    repository.insert_event(
        conn,
        event_id=event_id,
        event_type=event_type,
        resource_id=resource_id,
        created_at=created_at,
        payload=event.model_dump_json(),
    )
    return event_id
