"""The patient operations: parse, authorise, run one unit of work, render.

What each operation is (method, path, statuses, scopes, parameter bounds) is in the spec; the
handlers are bound to it by operationId (see `operations`).
"""

from __future__ import annotations

from sqlalchemy import Connection
from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.api_models import (
    AppointmentPage,
    ListPatientAppointmentsParametersQuery,
    ListPatientsParametersQuery,
    Patient,
    PatientCreate,
    PatientPage,
    PatientUpdate,
)
from patient_tracker.appointments.router import appointment_page
from patient_tracker.auth.caller import Caller
from patient_tracker.deps import IdempotencyKey, IdInPath, IfMatch
from patient_tracker.http.pages import keyset_page
from patient_tracker.http.params import given, given_root
from patient_tracker.http.responses import ApiResponse, page_response, resource_response
from patient_tracker.idempotency import request_fingerprint, run_idempotent
from patient_tracker.operations import operation, spec_operations
from patient_tracker.patients import service
from patient_tracker.resource import Slice

_GET = spec_operations()["getPatient"]


@operation("listPatients")
async def list_patients(request: Request, query: ListPatientsParametersQuery) -> Response:
    """List patients in registration order."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        phone, name_prefix = given_root(query.phone), given(query.name_prefix)
        filters = {"phone": phone, "name_prefix": name_prefix}

        def fetch(after: tuple[str, ...] | None) -> Slice[Patient]:
            return service.list_slice(
                conn, after=after, limit=query.limit, phone=phone, name_prefix=name_prefix
            )

        cursor = given(query.cursor)
        return page_response(keyset_page(PatientPage, "patients", filters, cursor, 1, fetch))

    return await caller.db.read(work)


@operation("createPatient")
async def create_patient(
    request: Request, body: PatientCreate, idempotency_key: IdempotencyKey = None
) -> Response:
    """Register a patient."""
    caller = Caller.of(request)

    def work(conn: Connection) -> ApiResponse:
        patient, version = service.create(conn, body)
        location = _GET.location(patient_id=patient.id.root)
        return resource_response(patient, version, status=201, location=location)

    def fingerprint() -> str:
        return request_fingerprint("POST", request.url.path, body.model_dump_json())

    return await run_idempotent(caller.db, caller.principal, idempotency_key, fingerprint, work)


@operation("getPatient")
async def get_patient(request: Request, patient_id: IdInPath) -> Response:
    """One patient, with its ETag."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        patient, version = service.get(conn, patient_id)
        return resource_response(patient, version).to_response()

    return await caller.db.read(work)


@operation("updatePatient")
async def update_patient(
    request: Request, patient_id: IdInPath, body: PatientUpdate, if_match: IfMatch = None
) -> Response:
    """Apply a JSON merge patch."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        patient, version = service.update(conn, patient_id, body, if_match)
        return resource_response(patient, version).to_response()

    return await caller.db.write(work)


@operation("deletePatient")
async def delete_patient(
    request: Request, patient_id: IdInPath, if_match: IfMatch = None
) -> Response:
    """Delete a patient that has no appointments."""
    caller = Caller.of(request)

    def work(conn: Connection) -> None:
        service.delete(conn, patient_id, if_match)

    await caller.db.write(work)
    return Response(status_code=204)


@operation("listPatientAppointments")
async def list_patient_appointments(
    request: Request, patient_id: IdInPath, query: ListPatientAppointmentsParametersQuery
) -> Response:
    """One patient's appointments, by start time."""
    caller = Caller.of(request)

    def work(conn: Connection) -> AppointmentPage:
        service.require_exists(conn, patient_id)
        return appointment_page(
            conn,
            limit=query.limit,
            cursor=given(query.cursor),
            patient_id=patient_id,
            practitioner_id=None,
            status=given(query.status),
            start_at_from=given(query.start_at_from),
            start_at_before=given(query.start_at_before),
        )

    return page_response(await caller.db.read(work))
