"""The appointment operations: booking, changes, the status actions, listing.

Bound to the spec by operationId (see `operations`).
"""

from __future__ import annotations

from sqlalchemy import Connection
from starlette.requests import Request
from starlette.responses import Response

from patient_tracker.appointments import service
from patient_tracker.auth.route import authenticated_by_its_read
from patient_tracker.contract.api_models import (
    Appointment,
    AppointmentCancellation,
    AppointmentCreate,
    AppointmentPage,
    AppointmentUpdate,
    ListAppointmentsParametersQuery,
    ListPatientAppointmentsParametersQuery,
)
from patient_tracker.resource import PageKey, Slice
from patient_tracker.web import handlers
from patient_tracker.web.deps import IdempotencyKey, IdInPath, IfMatch, IfNoneMatch
from patient_tracker.web.operations import operation, spec_operations
from patient_tracker.web.pages import Listing
from patient_tracker.web.params import given, given_root

_GET = spec_operations()["getAppointment"]
# One listing, two operations: a patient's appointments are the listing with `patient_id` set
# (from the path), and a cursor of either serves the other for the same filters.
_APPOINTMENTS = Listing("appointments", AppointmentPage, ("instant", "id"))


@operation("listPatientAppointments")
async def list_patient_appointments(
    request: Request, patient_id: IdInPath, query: ListPatientAppointmentsParametersQuery
) -> Response:
    """One patient's appointments, by start time (404 for an unknown patient)."""

    def fetch(conn: Connection, after: PageKey | None) -> Slice[Appointment]:
        return service.list_slice(
            conn,
            after=after,
            limit=query.limit,
            patient_id=patient_id,
            practitioner_id=None,
            status=given(query.status),
            start_at_from=given(query.start_at_from),
            start_at_before=given(query.start_at_before),
        )

    return await handlers.read_page(
        request,
        _APPOINTMENTS,
        query,
        fetch,
        path={"patient_id": patient_id},
        parent=lambda conn: service.require_patient(conn, patient_id),
    )


@operation("listAppointments")
async def list_appointments(request: Request, query: ListAppointmentsParametersQuery) -> Response:
    """Appointments by start time, filtered."""

    def fetch(conn: Connection, after: PageKey | None) -> Slice[Appointment]:
        return service.list_slice(
            conn,
            after=after,
            limit=query.limit,
            patient_id=given_root(query.patient_id),
            practitioner_id=given_root(query.practitioner_id),
            status=given(query.status),
            start_at_from=given(query.start_at_from),
            start_at_before=given(query.start_at_before),
        )

    return await handlers.read_page(request, _APPOINTMENTS, query, fetch)


@operation("bookAppointment")
async def book_appointment(
    request: Request, body: AppointmentCreate, idempotency_key: IdempotencyKey = None
) -> Response:
    """Book an appointment."""
    return await handlers.create_resource(
        request,
        body,
        idempotency_key,
        lambda conn: service.book(conn, body),
        lambda appointment: _GET.location(appointment_id=appointment.id.root),
    )


@operation("getAppointment")
@authenticated_by_its_read
async def get_appointment(
    request: Request, appointment_id: IdInPath, if_none_match: IfNoneMatch = None
) -> Response:
    """One appointment, with its ETag."""
    return await handlers.read_resource(
        request, service.appointments, appointment_id, if_none_match
    )


@operation("updateAppointment")
async def update_appointment(
    request: Request, appointment_id: IdInPath, body: AppointmentUpdate, if_match: IfMatch = None
) -> Response:
    """Reschedule or edit a scheduled appointment."""
    return await handlers.change_resource(
        request, lambda conn: service.update(conn, appointment_id, body, if_match)
    )


async def _act(
    request: Request,
    appointment_id: str,
    action: str,
    if_match: str | None,
    idempotency_key: str | None,
    cancellation_reason: str | None = None,
) -> Response:
    """Move the appointment along the status machine (idempotently, with a key)."""

    def act(conn: Connection) -> tuple[Appointment, int]:
        return service.transition(conn, appointment_id, action, if_match, cancellation_reason)

    sent = cancellation_reason or ""
    return await handlers.act_on_resource(request, idempotency_key, act, sent=sent)


@operation("cancelAppointment")
async def cancel_appointment(
    request: Request,
    appointment_id: IdInPath,
    body: AppointmentCancellation,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Cancel a scheduled or checked-in appointment."""
    reason = body.cancellation_reason.root
    return await _act(
        request, appointment_id, "cancelAppointment", if_match, idempotency_key, reason
    )


@operation("checkInAppointment")
async def check_in_appointment(
    request: Request,
    appointment_id: IdInPath,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Check the patient in."""
    return await _act(request, appointment_id, "checkInAppointment", if_match, idempotency_key)


@operation("completeAppointment")
async def complete_appointment(
    request: Request,
    appointment_id: IdInPath,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Complete a checked-in appointment."""
    return await _act(request, appointment_id, "completeAppointment", if_match, idempotency_key)


@operation("markAppointmentNoShow")
async def mark_appointment_no_show(
    request: Request,
    appointment_id: IdInPath,
    if_match: IfMatch = None,
    idempotency_key: IdempotencyKey = None,
) -> Response:
    """Mark a scheduled appointment a no-show."""
    return await _act(request, appointment_id, "markAppointmentNoShow", if_match, idempotency_key)
