"""The practitioner operations, bound to the spec by operationId (see `operations`)."""

from __future__ import annotations

from sqlalchemy import Connection
from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.auth.route import authenticated_by_its_read
from patient_tracker.contract.api_models import (
    ListPractitionersParametersQuery,
    Practitioner,
    PractitionerCreate,
    PractitionerPage,
    PractitionerUpdate,
)
from patient_tracker.kit.cursors import CursorCodec
from patient_tracker.practitioners import service
from patient_tracker.resource import Slice
from patient_tracker.web import handlers
from patient_tracker.web.deps import IdempotencyKey, IdInPath, IfMatch
from patient_tracker.web.operations import operation, spec_operations
from patient_tracker.web.pages import keyset_page
from patient_tracker.web.params import given, given_root

_GET = spec_operations()["getPractitioner"]


@operation("listPractitioners")
async def list_practitioners(request: Request, query: ListPractitionersParametersQuery) -> Response:
    """List practitioners in creation order."""
    specialty, active = given_root(query.specialty), given(query.active)

    def page(conn: Connection, cursors: CursorCodec) -> PractitionerPage:
        def fetch(after: tuple[str, ...] | None) -> Slice[Practitioner]:
            return service.list_slice(
                conn, after=after, limit=query.limit, specialty=specialty, active=active
            )

        filters = {"specialty": specialty, "active": active}
        cursor = given(query.cursor)
        return keyset_page(
            PractitionerPage, cursors, "practitioners", filters, cursor, ("id",), fetch
        )

    return await handlers.read_page(request, page)


@operation("createPractitioner")
async def create_practitioner(
    request: Request, body: PractitionerCreate, idempotency_key: IdempotencyKey = None
) -> Response:
    """Create a practitioner."""
    return await handlers.create_resource(
        request,
        body,
        idempotency_key,
        lambda conn: service.create(conn, body),
        lambda practitioner: _GET.location(practitioner_id=practitioner.id.root),
    )


@operation("getPractitioner")
@authenticated_by_its_read
async def get_practitioner(request: Request, practitioner_id: IdInPath) -> Response:
    """One practitioner, with its ETag."""
    return await handlers.read_resource(request, service.practitioners, practitioner_id)


@operation("updatePractitioner")
async def update_practitioner(
    request: Request, practitioner_id: IdInPath, body: PractitionerUpdate, if_match: IfMatch = None
) -> Response:
    """Apply a JSON merge patch."""
    return await handlers.change_resource(
        request, lambda conn: service.update(conn, practitioner_id, body, if_match)
    )


@operation("deletePractitioner")
async def delete_practitioner(
    request: Request, practitioner_id: IdInPath, if_match: IfMatch = None
) -> Response:
    """Delete a practitioner that has no appointments."""
    return await handlers.delete_resource(
        request, lambda conn: service.delete(conn, practitioner_id, if_match)
    )
