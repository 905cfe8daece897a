"""The event log operations, bound to the spec by operationId (see `operations`)."""

from __future__ import annotations

from sqlalchemy import Connection
from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.auth.caller import Caller
from patient_tracker.contract.api_models import Event, EventPage, ListEventsParametersQuery
from patient_tracker.resource import PageKey, Slice
from patient_tracker.web import handlers
from patient_tracker.web.deps import EventIdInPath
from patient_tracker.web.operations import operation
from patient_tracker.web.pages import Listing
from patient_tracker.web.params import given, given_root
from patient_tracker.webhooks.events import service

_EVENTS = Listing("events", EventPage, ("instant", "id"))


@operation("listEvents")
async def list_events(request: Request, query: ListEventsParametersQuery) -> Response:
    """The event log, oldest first."""
    scopes = Caller.of(request).principal.scopes
    event_type = given(query.type)

    def fetch(conn: Connection, after: PageKey | None) -> Slice[Event]:
        return service.list_slice(
            conn,
            scopes=scopes,
            after=after,
            limit=query.limit,
            event_type=event_type.value if event_type else None,
            resource_id=given_root(query.resource_id),
            created_after=given(query.created_after),
        )

    return await handlers.read_page(request, _EVENTS, query, fetch)


@operation("getEvent")
async def get_event(request: Request, event_id: EventIdInPath) -> Response:
    """One event."""
    scopes = Caller.of(request).principal.scopes
    return await handlers.read_model(request, lambda conn: service.get(conn, event_id, scopes))
