"""HTTP for `/v1/practitioners`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import Connection
from starlette.responses import Response

from patient_tracker.api_models import (
    ListPractitionersParametersQuery,
    PractitionerCreate,
    PractitionerUpdate,
)
from patient_tracker.auth.route import SecuredRoute
from patient_tracker.deps import (
    Caller,
    IdempotencyKey,
    IdInPath,
    IfMatch,
)
from patient_tracker.http.json_body import JSON, MERGE_PATCH_JSON, json_body
from patient_tracker.http.pagination import cursor_codec
from patient_tracker.http.params import unambiguous_query
from patient_tracker.http.responses import ApiResponse, documented, page_response, resource_response
from patient_tracker.idempotency import request_fingerprint, run_idempotent
from patient_tracker.practitioners import service

router = APIRouter(prefix="/v1/practitioners", tags=["Practitioners"], route_class=SecuredRoute)

_BODY = (400, 413, 415, 422)


@router.get(
    "",
    operation_id="listPractitioners",
    responses=documented(401, 403, 422, 500),
    dependencies=[Depends(unambiguous_query)],
)
async def list_practitioners(
    request: Request,
    query: Annotated[ListPractitionersParametersQuery, Query()],
) -> Response:
    """List practitioners in creation order."""
    caller = Caller.of(request)
    cursors = cursor_codec(request)

    def work(conn: Connection) -> Response:
        return page_response(service.list_page(conn, query, cursors))

    return await caller.db.read(work)


@router.post(
    "",
    operation_id="createPractitioner",
    status_code=201,
    responses=documented(*_BODY, 401, 403, 500),
)
async def create_practitioner(
    request: Request,
    body: Annotated[PractitionerCreate, Depends(json_body(PractitionerCreate))],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Create a practitioner."""
    caller = Caller.of(request)

    def work(conn: Connection) -> ApiResponse:
        practitioner, version = service.create(conn, body)
        location = f"/v1/practitioners/{practitioner.id.root}"
        return resource_response(practitioner, version, status=201, location=location)

    def fingerprint() -> str:
        return request_fingerprint("POST", request.url.path, body.model_dump_json())

    return await run_idempotent(caller.db, caller.principal, idempotency_key, fingerprint, work)


@router.get(
    "/{practitioner_id}",
    operation_id="getPractitioner",
    responses=documented(401, 403, 404, 500),
)
async def get_practitioner(request: Request, practitioner_id: IdInPath) -> Response:
    """One practitioner, with its ETag."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        practitioner, version = service.get(conn, practitioner_id)
        return resource_response(practitioner, version).to_response()

    return await caller.db.read(work)


@router.patch(
    "/{practitioner_id}",
    operation_id="updatePractitioner",
    responses=documented(*_BODY, 401, 403, 404, 412, 500),
)
async def update_practitioner(
    request: Request,
    practitioner_id: IdInPath,
    body: Annotated[
        PractitionerUpdate,
        Depends(json_body(PractitionerUpdate, media_types=(MERGE_PATCH_JSON, JSON))),
    ],
    if_match: IfMatch = None,
) -> Response:
    """Apply a JSON merge patch."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        practitioner, version = service.update(conn, practitioner_id, body, if_match)
        return resource_response(practitioner, version).to_response()

    return await caller.db.write(work)


@router.delete(
    "/{practitioner_id}",
    operation_id="deletePractitioner",
    status_code=204,
    responses=documented(401, 403, 404, 409, 412, 422, 500),
)
async def delete_practitioner(
    request: Request, practitioner_id: IdInPath, if_match: IfMatch = None
) -> Response:
    """Delete a practitioner that has no appointments."""
    caller = Caller.of(request)

    def work(conn: Connection) -> None:
        service.delete(conn, practitioner_id, if_match)

    await caller.db.write(work)
    return Response(status_code=204)
