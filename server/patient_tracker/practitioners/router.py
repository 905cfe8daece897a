"""The practitioner operations, bound to the spec by operationId (see `operations`)."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.auth.route import authenticated_by_its_read
from patient_tracker.contract.api_models import (
    ListPractitionersParametersQuery,
    PractitionerCreate,
    PractitionerPage,
    PractitionerUpdate,
)
from patient_tracker.practitioners import service
from patient_tracker.web import handlers
from patient_tracker.web.deps import IdempotencyKey, IdInPath, IfMatch, IfNoneMatch
from patient_tracker.web.operations import operation, spec_operations
from patient_tracker.web.pages import Listing
from patient_tracker.web.params import given, given_root

_GET = spec_operations()["getPractitioner"]
_PRACTITIONERS = Listing("practitioners", PractitionerPage, ("id",))


@operation("listPractitioners")
async def list_practitioners(request: Request, query: ListPractitionersParametersQuery) -> Response:
    """List practitioners in creation order."""
    specialty, active = given_root(query.specialty), given(query.active)
    return await handlers.read_page(
        request,
        _PRACTITIONERS,
        query,
        lambda conn, after: service.list_slice(
            conn, after=after, limit=query.limit, specialty=specialty, active=active
        ),
    )


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
async def get_practitioner(
    request: Request, practitioner_id: IdInPath, if_none_match: IfNoneMatch = None
) -> Response:
    """One practitioner, with its ETag."""
    return await handlers.read_resource(
        request, service.practitioners, practitioner_id, if_none_match
    )


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
