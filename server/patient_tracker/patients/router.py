"""The patient operations, bound to the spec by operationId (see `operations`).

What each operation is (method, path, statuses, scopes, parameter bounds) is in the spec; the
unit of work and the response around each service call are `web.handlers`'. A patient's
appointments (`listPatientAppointments`) are listed by `appointments.router`.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.auth.route import authenticated_by_its_read
from patient_tracker.contract.api_models import (
    ListPatientsParametersQuery,
    PatientCreate,
    PatientPage,
    PatientUpdate,
)
from patient_tracker.patients import service
from patient_tracker.web import handlers
from patient_tracker.web.deps import IdempotencyKey, IdInPath, IfMatch, IfNoneMatch
from patient_tracker.web.operations import operation, spec_operations
from patient_tracker.web.pages import Listing
from patient_tracker.web.params import given, given_root

_GET = spec_operations()["getPatient"]
_PATIENTS = Listing("patients", PatientPage, ("id",))


@operation("listPatients")
async def list_patients(request: Request, query: ListPatientsParametersQuery) -> Response:
    """List patients in registration order."""
    phone, name_prefix = given_root(query.phone), given(query.name_prefix)
    return await handlers.read_page(
        request,
        _PATIENTS,
        query,
        lambda conn, after: service.list_slice(
            conn, after=after, limit=query.limit, phone=phone, name_prefix=name_prefix
        ),
    )


@operation("createPatient")
async def create_patient(
    request: Request, body: PatientCreate, idempotency_key: IdempotencyKey = None
) -> Response:
    """Register a patient."""
    return await handlers.create_resource(
        request,
        body,
        idempotency_key,
        lambda conn: service.create(conn, body),
        lambda patient: _GET.location(patient_id=patient.id.root),
    )


@operation("getPatient")
@authenticated_by_its_read
async def get_patient(
    request: Request, patient_id: IdInPath, if_none_match: IfNoneMatch = None
) -> Response:
    """One patient, with its ETag."""
    return await handlers.read_resource(request, service.patients, patient_id, if_none_match)


@operation("updatePatient")
async def update_patient(
    request: Request, patient_id: IdInPath, body: PatientUpdate, if_match: IfMatch = None
) -> Response:
    """Apply a JSON merge patch."""
    return await handlers.change_resource(
        request, lambda conn: service.update(conn, patient_id, body, if_match)
    )


@operation("deletePatient")
async def delete_patient(
    request: Request, patient_id: IdInPath, if_match: IfMatch = None
) -> Response:
    """Delete a patient that has no appointments."""
    return await handlers.delete_resource(
        request, lambda conn: service.delete(conn, patient_id, if_match)
    )
