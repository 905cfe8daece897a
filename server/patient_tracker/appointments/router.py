"""HTTP for `/v1/appointments`: booking, changes, the status actions, listing."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy import Connection
from starlette.responses import Response

from patient_tracker.api_models import (
    AppointmentCancellation,
    AppointmentCreate,
    AppointmentUpdate,
    ListAppointmentsParametersQuery,
)
from patient_tracker.appointments import service
from patient_tracker.auth.route import SecuredRoute
from patient_tracker.deps import (
    Caller,
    IdempotencyKey,
    IdInPath,
    IfMatch,
)
from patient_tracker.http.json_body import JSON, MERGE_PATCH_JSON, json_body
from patient_tracker.http.pagination import cursor_codec
from patient_tracker.http.params import given, given_root, unambiguous_query
from patient_tracker.http.responses import ApiResponse, documented, page_response, resource_response
from patient_tracker.idempotency import request_fingerprint, run_idempotent

router = APIRouter(prefix="/v1/appointments", tags=["Appointments"], route_class=SecuredRoute)

_BODY = (400, 413, 415, 422)
_ACTION = (401, 403, 404, 409, 412, 422, 500)


@router.get(
    "",
    operation_id="listAppointments",
    responses=documented(401, 403, 422, 500),
    dependencies=[Depends(unambiguous_query)],
)
async def list_appointments(
    request: Request,
    query: Annotated[ListAppointmentsParametersQuery, Query()],
) -> Response:
    """Appointments by start time, filtered."""
    caller = Caller.of(request)
    cursors = cursor_codec(request)

    def work(conn: Connection) -> Response:
        return page_response(
            service.list_page(
                conn,
                limit=query.limit,
                cursor=given(query.cursor),
                cursors=cursors,
                patient_id=given_root(query.patient_id),
                practitioner_id=given_root(query.practitioner_id),
                status=given(query.status),
                start_at_from=given(query.start_at_from),
                start_at_before=given(query.start_at_before),
            )
        )

    return await caller.db.read(work)


@router.post(
    "",
    operation_id="bookAppointment",
    status_code=201,
    responses=documented(*_BODY, 401, 403, 404, 409, 500),
)
async def book_appointment(
    request: Request,
    body: Annotated[AppointmentCreate, Depends(json_body(AppointmentCreate))],
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Book an appointment."""
    caller = Caller.of(request)

    def work(conn: Connection) -> ApiResponse:
        appointment, version = service.book(conn, body)
        location = f"/v1/appointments/{appointment.id.root}"
        return resource_response(appointment, version, status=201, location=location)

    def fingerprint() -> str:
        return request_fingerprint("POST", request.url.path, body.model_dump_json())

    return await run_idempotent(caller.db, caller.principal, idempotency_key, fingerprint, work)


@router.get(
    "/{appointment_id}",
    operation_id="getAppointment",
    responses=documented(401, 403, 404, 500),
)
async def get_appointment(request: Request, appointment_id: IdInPath) -> Response:
    """One appointment, with its ETag."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        appointment, version = service.get(conn, appointment_id)
        return resource_response(appointment, version).to_response()

    return await caller.db.read(work)


@router.patch(
    "/{appointment_id}",
    operation_id="updateAppointment",
    responses=documented(*_BODY, 401, 403, 404, 409, 412, 500),
)
async def update_appointment(
    request: Request,
    appointment_id: IdInPath,
    body: Annotated[
        AppointmentUpdate,
        Depends(json_body(AppointmentUpdate, media_types=(MERGE_PATCH_JSON, JSON))),
    ],
    if_match: IfMatch = None,
) -> Response:
    """Reschedule or edit a scheduled appointment."""
    caller = Caller.of(request)

    def work(conn: Connection) -> Response:
        appointment, version = service.update(conn, appointment_id, body, if_match)
        return resource_response(appointment, version).to_response()

    return await caller.db.write(work)


async def _act(
    request: Request,
    caller: Caller,
    appointment_id: str,
    action: str,
    if_match: str | None,
    idempotency_key: str | None,
    cancellation_reason: str | None = None,
) -> Response:
    def work(conn: Connection) -> ApiResponse:
        appointment, version = service.transition(
            conn, appointment_id, action, if_match, cancellation_reason
        )
        return resource_response(appointment, version)

    def fingerprint() -> str:
        return request_fingerprint("POST", request.url.path, cancellation_reason or "")

    return await run_idempotent(caller.db, caller.principal, idempotency_key, fingerprint, work)


@router.post(
    "/{appointment_id}/cancel",
    operation_id="cancelAppointment",
    responses=documented(*_BODY, *_ACTION),
)
async def cancel_appointment(
    request: Request,
    appointment_id: IdInPath,
    body: Annotated[AppointmentCancellation, Depends(json_body(AppointmentCancellation))],
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Cancel a scheduled or checked-in appointment."""
    caller = Caller.of(request)
    reason = body.cancellation_reason.root
    return await _act(request, caller, appointment_id, "cancel", if_match, idempotency_key, reason)


def _add_bodiless_action(path: str, operation_id: str, action: str, summary: str) -> None:
    """Register `POST /v1/appointments/{appointment_id}/<path>`, a status move with no body."""

    async def move(
        request: Request,
        appointment_id: IdInPath,
        if_match: IfMatch = None,
        idempotency_key: IdempotencyKey = None,
    ) -> Response:
        caller = Caller.of(request)
        return await _act(request, caller, appointment_id, action, if_match, idempotency_key)

    move.__doc__ = summary
    router.add_api_route(
        f"/{{appointment_id}}/{path}",
        move,
        methods=["POST"],
        name=operation_id,
        operation_id=operation_id,
        responses=documented(*_ACTION),
    )


# The moves that take no body differ only in these; `cancel` above also reads a reason.
for _path, _operation_id, _action, _summary in (
    ("check-in", "checkInAppointment", "check_in", "Check the patient in."),
    ("complete", "completeAppointment", "complete", "Complete a checked-in appointment."),
    ("no-show", "markAppointmentNoShow", "no_show", "Mark a scheduled appointment a no-show."),
):
    _add_bodiless_action(_path, _operation_id, _action, _summary)
