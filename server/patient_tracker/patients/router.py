"""HTTP for `/v1/patients`: parse, authorise, run one unit of work, render."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import Connection
from starlette.responses import Response

from patient_tracker.api_models import (
    AppointmentPage,
    ListPatientAppointmentsParametersQuery,
    ListPatientsParametersQuery,
    PatientCreate,
    PatientUpdate,
)
from patient_tracker.appointments import service as appointments
from patient_tracker.auth.route import SecuredRoute
from patient_tracker.deps import (
    Caller,
    IdempotencyKey,
    IdInPath,
    IfMatch,
)
from patient_tracker.http.json_body import JSON, MERGE_PATCH_JSON, json_body
from patient_tracker.http.pagination import cursor_codec
from patient_tracker.http.params import given, unambiguous_query
from patient_tracker.http.responses import ApiResponse, documented, page_response, resource_response
from patient_tracker.idempotency import request_fingerprint, run_idempotent
from patient_tracker.patients import service

router = APIRouter(prefix="/v1/patients", tags=["Patients"], route_class=SecuredRoute)

_COLLECTION = (401, 403, 422, 500)
_BODY = (400, 413, 415, 422)


def _location(patient_id: str) -> str:
    return f"/v1/patients/{patient_id}"


@router.get(
    "",
    operation_id="listPatients",
    responses=documented(*_COLLECTION),
    dependencies=[Depends(unambiguous_query)],
)
async def list_patients(
    request: Request,
    query: Annotated[ListPatientsParametersQuery, Query()],
) -> Response:
    """List patients in registration order."""
    caller = Caller.of(request)
    cursors = cursor_codec(request)

    def work(conn: Connection) -> Response:
        return page_response(service.list_page(conn, query, cursors))

    return await caller.db.read(work)


@router.post(
    "",
    operation_id="createPatient",
    status_code=201,
    responses=documented(*_BODY, 401, 403, 409, 500),
)
async def create_patient(
    request: Request,
    body: Annotated[PatientCreate, Depends(json_body(PatientCreate))],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Register a patient."""
    caller = Caller.of(request)

    def work(conn: Connection) -> ApiResponse:
        patient, version = service.create(conn, body)
        return resource_response(patient, version, status=201, location=_location(patient.id.root))

    def fingerprint() -> str:
        return request_fingerprint("POST", request.url.path, body.model_dump_json())

    return await run_idempotent(caller.db, caller.principal, idempotency_key, fingerprint, work)


@router.get("/{patient_id}", operation_id="getPatient", responses=documented(401, 403, 404, 500))
async def get_patient(request: Request, patient_id: IdInPath) -> Response:
    """One patient, with its ETag."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        patient, version = service.get(conn, patient_id)
        return resource_response(patient, version).to_response()

    return await caller.db.read(work)


@router.patch(
    "/{patient_id}",
    operation_id="updatePatient",
    responses=documented(*_BODY, 401, 403, 404, 409, 412, 500),
)
async def update_patient(
    request: Request,
    patient_id: IdInPath,
    body: Annotated[
        PatientUpdate, Depends(json_body(PatientUpdate, media_types=(MERGE_PATCH_JSON, JSON)))
    ],
    if_match: IfMatch = None,
) -> Response:
    """Apply a JSON merge patch."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        patient, version = service.update(conn, patient_id, body, if_match)
        return resource_response(patient, version).to_response()

    return await caller.db.write(work)


@router.delete(
    "/{patient_id}",
    operation_id="deletePatient",
    status_code=204,
    responses=documented(401, 403, 404, 409, 412, 422, 500),
)
async def delete_patient(
    request: Request, patient_id: IdInPath, if_match: IfMatch = None
) -> Response:
    """Delete a patient that has no appointments."""
    caller = Caller.of(request)

    def work(conn: Connection) -> None:
        service.delete(conn, patient_id, if_match)

    await caller.db.write(work)
    return Response(status_code=204)


@router.get(
    "/{patient_id}/appointments",
    operation_id="listPatientAppointments",
    responses=documented(401, 403, 404, 422, 500),
    dependencies=[Depends(unambiguous_query)],
)
async def list_patient_appointments(
    request: Request,
    patient_id: IdInPath,
    query: Annotated[ListPatientAppointmentsParametersQuery, Query()],
) -> Response:
    """One patient's appointments, by start time."""
    caller = Caller.of(request)
    cursors = cursor_codec(request)

    def work(conn: Connection) -> AppointmentPage:
        service.require_exists(conn, patient_id)
        return appointments.list_page(
            conn,
            limit=query.limit,
            cursor=given(query.cursor),
            cursors=cursors,
            patient_id=patient_id,
            practitioner_id=None,
            status=given(query.status),
            start_at_from=given(query.start_at_from),
            start_at_before=given(query.start_at_before),
        )

    return page_response(await caller.db.read(work))
