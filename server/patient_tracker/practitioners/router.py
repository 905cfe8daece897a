"""The practitioner operations, bound to the spec by operationId (see `operations`)."""

from __future__ import annotations

from sqlalchemy import Connection
from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.api_models import (
    ListPractitionersParametersQuery,
    Practitioner,
    PractitionerCreate,
    PractitionerPage,
    PractitionerUpdate,
)
from patient_tracker.auth.caller import Caller
from patient_tracker.deps import IdempotencyKey, IdInPath, IfMatch
from patient_tracker.http.pages import keyset_page
from patient_tracker.http.params import given, given_root
from patient_tracker.http.responses import ApiResponse, page_response, resource_response
from patient_tracker.idempotency import request_fingerprint, run_idempotent
from patient_tracker.operations import operation, spec_operations
from patient_tracker.practitioners import service
from patient_tracker.resource import Slice

_GET = spec_operations()["getPractitioner"]


@operation("listPractitioners")
async def list_practitioners(request: Request, query: ListPractitionersParametersQuery) -> Response:
    """List practitioners in creation order."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        specialty, active = given_root(query.specialty), given(query.active)
        filters = {"specialty": specialty, "active": active}

        def fetch(after: tuple[str, ...] | None) -> Slice[Practitioner]:
            return service.list_slice(
                conn, after=after, limit=query.limit, specialty=specialty, active=active
            )

        cursor = given(query.cursor)
        page = keyset_page(PractitionerPage, "practitioners", filters, cursor, 1, fetch)
        return page_response(page)

    return await caller.db.read(work)


@operation("createPractitioner")
async def create_practitioner(
    request: Request, body: PractitionerCreate, idempotency_key: IdempotencyKey = None
) -> Response:
    """Create a practitioner."""
    caller = Caller.of(request)

    def work(conn: Connection) -> ApiResponse:
        practitioner, version = service.create(conn, body)
        location = _GET.location(practitioner_id=practitioner.id.root)
        return resource_response(practitioner, version, status=201, location=location)

    def fingerprint() -> str:
        return request_fingerprint("POST", request.url.path, body.model_dump_json())

    return await run_idempotent(caller.db, caller.principal, idempotency_key, fingerprint, work)


@operation("getPractitioner")
async def get_practitioner(request: Request, practitioner_id: IdInPath) -> Response:
    """One practitioner, with its ETag."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        practitioner, version = service.get(conn, practitioner_id)
        return resource_response(practitioner, version).to_response()

    return await caller.db.read(work)


@operation("updatePractitioner")
async def update_practitioner(
    request: Request, practitioner_id: IdInPath, body: PractitionerUpdate, if_match: IfMatch = None
) -> Response:
    """Apply a JSON merge patch."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        practitioner, version = service.update(conn, practitioner_id, body, if_match)
        return resource_response(practitioner, version).to_response()

    return await caller.db.write(work)


@operation("deletePractitioner")
async def delete_practitioner(
    request: Request, practitioner_id: IdInPath, if_match: IfMatch = None
) -> Response:
    """Delete a practitioner that has no appointments."""
    caller = Caller.of(request)

    def work(conn: Connection) -> None:
        service.delete(conn, practitioner_id, if_match)

    await caller.db.write(work)
    return Response(status_code=204)
