"""Resource-style access to the operations: `tracker.patients.get(patient_id)`.

Hand-owned (it began as generator output and is now maintained here): one class per tag, one
method per generated operation, with the operation's own parameters (minus `client`), returning
its success model (`unwrap`) or raising an `ApiError` subclass; list operations also get
`list_all...` iterators over every page (`paginate` / `apaginate`). `PatientTracker` and
`AsyncPatientTracker` carry them as properties (`Resources`, `AsyncResources`). It lives beside
`generated/`, not in it, so that generated code never imports the hand-written layer. A new
operation in the spec needs a method here: client/tests/test_resources.py fails, naming it, until
it has one with the operation's exact parameters.

Method names: the operation's snake_case operationId without its first word naming the tag's
resource (the tag, or the tag without a final "s"): listPatients -> patients.list, getPatient ->
patients.get, checkInAppointment -> appointments.check_in, listPatientAppointments ->
patients.list_appointments. A list method's iterator turns its leading "list" into "list_all".
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Callable, Iterator
from functools import cached_property
from typing import Any, cast

from ._calls import ApiResponse, typed, unwrap
from ._pagination import apaginate, paginate
from .generated.api.appointments import (
    book_appointment,
    cancel_appointment,
    check_in_appointment,
    complete_appointment,
    get_appointment,
    list_appointments,
    mark_appointment_no_show,
    update_appointment,
)
from .generated.api.health import get_health, get_readiness
from .generated.api.patients import (
    create_patient,
    delete_patient,
    get_patient,
    list_patient_appointments,
    list_patients,
    update_patient,
)
from .generated.api.practitioners import (
    create_practitioner,
    delete_practitioner,
    get_practitioner,
    list_practitioners,
    update_practitioner,
)
from .generated.api.webhooks import (
    create_webhook_endpoint,
    delete_webhook_endpoint,
    get_event,
    get_webhook_endpoint,
    list_events,
    list_webhook_attempts,
    list_webhook_endpoints,
    redeliver_event,
    rotate_webhook_endpoint_secret,
    update_webhook_endpoint,
)
from .generated.client import AuthenticatedClient
from .generated.events import Event
from .generated.models.appointment import Appointment
from .generated.models.appointment_cancellation import AppointmentCancellation
from .generated.models.appointment_create import AppointmentCreate
from .generated.models.appointment_page import AppointmentPage
from .generated.models.appointment_status import AppointmentStatus
from .generated.models.appointment_update import AppointmentUpdate
from .generated.models.event_page import EventPage
from .generated.models.event_type import EventType
from .generated.models.health import Health
from .generated.models.patient import Patient
from .generated.models.patient_create import PatientCreate
from .generated.models.patient_page import PatientPage
from .generated.models.patient_update import PatientUpdate
from .generated.models.practitioner import Practitioner
from .generated.models.practitioner_create import PractitionerCreate
from .generated.models.practitioner_page import PractitionerPage
from .generated.models.practitioner_update import PractitionerUpdate
from .generated.models.problem import Problem
from .generated.models.readiness import Readiness
from .generated.models.webhook_attempt import WebhookAttempt
from .generated.models.webhook_attempt_page import WebhookAttemptPage
from .generated.models.webhook_endpoint import WebhookEndpoint
from .generated.models.webhook_endpoint_create import WebhookEndpointCreate
from .generated.models.webhook_endpoint_page import WebhookEndpointPage
from .generated.models.webhook_endpoint_update import WebhookEndpointUpdate
from .generated.models.webhook_endpoint_with_secret import WebhookEndpointWithSecret
from .generated.types import UNSET, Response, Unset


class AppointmentsResource:
    """The operations tagged `appointments`: `PatientTracker(...).appointments`.

    Each returns the success response's model, or raises an `ApiError` subclass; `.raw` has the same
    methods returning the whole response.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client
        self.raw = AppointmentsRawResource(client)

    def book(self, *, body: AppointmentCreate, idempotency_key: str | Unset = UNSET) -> Appointment:
        """Book an appointment (`POST /v1/appointments`).

        Books an appointment in status `scheduled`. `end_at` must be after `start_at` and at most 8
        hours later; the patient and practitioner must exist (`404` `not_found`, with `errors`
        pointing at the field); the practitioner must be active
        (`409` `practitioner_inactive`); and neither may have another live (not cancelled)
        appointment
        overlapping it (`409` `appointment_overlap`). Intervals are half-open, so back-to-back
        appointments do not overlap. Requires scope `appointments:write`.

        Args:
            idempotency_key (str | Unset):
            body (AppointmentCreate): An appointment to book.

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            book_appointment.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    def cancel(
        self,
        appointment_id: str,
        *,
        body: AppointmentCancellation,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> Appointment:
        """Cancel an appointment (`POST /v1/appointments/{appointment_id}/cancel`).

        Moves a `scheduled` or `checked_in` appointment to `cancelled`, recording why. A cancelled
        appointment no longer blocks its time slot. Any other status is a `409`
        `invalid_status_transition` naming the current status. Requires scope `appointments:write`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            idempotency_key (str | Unset):
            body (AppointmentCancellation): Why an appointment is being cancelled.

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            cancel_appointment.sync_detailed(
                appointment_id,
                client=self._client,
                body=body,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    def check_in(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> Appointment:
        """Check a patient in (`POST /v1/appointments/{appointment_id}/check-in`).

        Moves a `scheduled` appointment to `checked_in`. Any other status is a `409`
        `invalid_status_transition` naming the current status. Takes no body. Requires scope
        `appointments:write`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            idempotency_key (str | Unset):

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            check_in_appointment.sync_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    def complete(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> Appointment:
        """Complete an appointment (`POST /v1/appointments/{appointment_id}/complete`).

        Moves a `checked_in` appointment to `completed`. Any other status is a `409`
        `invalid_status_transition` naming the current status. Takes no body. Requires scope
        `appointments:write`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            idempotency_key (str | Unset):

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            complete_appointment.sync_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    def get(self, appointment_id: str, *, if_none_match: str | Unset = UNSET) -> Appointment:
        """Get an appointment (`GET /v1/appointments/{appointment_id}`).

        Returns one appointment, with its `ETag`. Requires scope `appointments:read`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_none_match (str | Unset): an ETag read before (or several, comma-separated): a
                `304` if the resource still has it.

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
            NotModifiedError: for a `304`: the resource still has the ETag `if_none_match` gave.
        """
        return cast(
            "Appointment",
            unwrap(
                get_appointment.sync_detailed(
                    appointment_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        patient_id: str | Unset = UNSET,
        practitioner_id: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> AppointmentPage:
        """List appointments (`GET /v1/appointments`).

        Lists appointments ordered by `start_at` then `id`, optionally filtered by patient,
        practitioner, status and start window. Requires scope `appointments:read`.

        Args:
            limit (int | Unset):  Default: 20.
            cursor (str | Unset):
            patient_id (str | Unset): An opaque identifier assigned by the server: letters, digits,
                `-` and `_`. Treat it as an
                opaque string; its form may change.
            practitioner_id (str | Unset): An opaque identifier assigned by the server: letters,
                digits, `-` and `_`. Treat it as an
                opaque string; its form may change.
            status (AppointmentStatus | Unset): Where the appointment is in its life: `scheduled`
                (booked), `checked_in` (the patient has
                arrived), `completed`, `cancelled` (frees the slot), or `no_show`.
            start_at_from (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
                offset
                (`Z` or `+hh:mm`), such as
                `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
            start_at_before (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
                offset (`Z` or `+hh:mm`), such as
                `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

        Returns:
            AppointmentPage: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            list_appointments.sync_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                patient_id=patient_id,
                practitioner_id=practitioner_id,
                status=status,
                start_at_from=start_at_from,
                start_at_before=start_at_before,
            )
        )

    def list_all(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        patient_id: str | Unset = UNSET,
        practitioner_id: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> Iterator[Appointment]:
        """Every item of `list`, across all pages (`GET /v1/appointments`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`for item in ...`);
        `limit` is the page size, `cursor` where to start. The parameters are those of `list`.
        """
        return paginate(
            list_appointments.sync_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            patient_id=patient_id,
            practitioner_id=practitioner_id,
            status=status,
            start_at_from=start_at_from,
            start_at_before=start_at_before,
        )

    def mark_no_show(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> Appointment:
        """Mark an appointment as a no-show (`POST /v1/appointments/{appointment_id}/no-show`).

        Moves a `scheduled` appointment to `no_show`. Any other status is a `409`
        `invalid_status_transition` naming the current status. Takes no body. Requires scope
        `appointments:write`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            idempotency_key (str | Unset):

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            mark_appointment_no_show.sync_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    def update(
        self,
        appointment_id: str,
        *,
        body: AppointmentUpdate | AppointmentUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> Appointment:
        """Reschedule or update an appointment (`PATCH /v1/appointments/{appointment_id}`).

        Changes a `scheduled` appointment with a JSON merge patch (RFC 7396): new `start_at` and
        `end_at` reschedule it under the same rules as booking; `reason` and `notes` can be set or
        removed with `null`. An appointment in any other status is a `409`
        `invalid_status_transition`. Requires scope `appointments:write`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            body (AppointmentUpdate): A JSON merge patch of a scheduled appointment. Absent fields
                are
                unchanged; `reason` and
                `notes` may be `null` to remove them. The resulting times follow the booking rules.
            body (AppointmentUpdate): A JSON merge patch of a scheduled appointment. Absent fields
                are
                unchanged; `reason` and
                `notes` may be `null` to remove them. The resulting times follow the booking rules.

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            update_appointment.sync_detailed(
                appointment_id, client=self._client, body=body, if_match=if_match
            )
        )


class AppointmentsRawResource:
    """The operations tagged `appointments`, each returning the whole response.

    `PatientTracker(...).appointments.raw`: the methods of `AppointmentsResource`
    (list_all excepted), returning an `ApiResponse` (`status_code`, `headers`, `parsed`, and
    `typed_headers`: the documented headers, typed, such as `typed_headers.etag`), for `etag()`
    and `modify()`. An error status still raises `ApiError`.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def book(
        self, *, body: AppointmentCreate, idempotency_key: str | Unset = UNSET
    ) -> ApiResponse[Appointment | Problem]:
        """Book an appointment (`POST /v1/appointments`), returning the whole response."""
        return typed(
            book_appointment.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    def cancel(
        self,
        appointment_id: str,
        *,
        body: AppointmentCancellation,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> ApiResponse[Appointment | Problem]:
        """Cancel an appointment (`POST /v1/appointments/{appointment_id}/cancel`), returning the
        whole response.
        """
        return typed(
            cancel_appointment.sync_detailed(
                appointment_id,
                client=self._client,
                body=body,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    def check_in(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> ApiResponse[Appointment | Problem]:
        """Check a patient in (`POST /v1/appointments/{appointment_id}/check-in`), returning the
        whole response.
        """
        return typed(
            check_in_appointment.sync_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    def complete(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> ApiResponse[Appointment | Problem]:
        """Complete an appointment (`POST /v1/appointments/{appointment_id}/complete`), returning
        the
        whole response.
        """
        return typed(
            complete_appointment.sync_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    def get(
        self, appointment_id: str, *, if_none_match: str | Unset = UNSET
    ) -> ApiResponse[Appointment | Problem]:
        """Get an appointment (`GET /v1/appointments/{appointment_id}`), returning the whole
        response.
        With `if_none_match=`: a `304` (`parsed` None) if the resource still has that ETag.
        """
        return typed(
            get_appointment.sync_detailed(
                appointment_id, client=self._client, if_none_match=if_none_match
            )
        )

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        patient_id: str | Unset = UNSET,
        practitioner_id: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> ApiResponse[AppointmentPage | Problem]:
        """List appointments (`GET /v1/appointments`), returning the whole response."""
        return typed(
            list_appointments.sync_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                patient_id=patient_id,
                practitioner_id=practitioner_id,
                status=status,
                start_at_from=start_at_from,
                start_at_before=start_at_before,
            )
        )

    def mark_no_show(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> ApiResponse[Appointment | Problem]:
        """Mark an appointment as a no-show (`POST /v1/appointments/{appointment_id}/no-show`),
        returning the whole response.
        """
        return typed(
            mark_appointment_no_show.sync_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    def update(
        self,
        appointment_id: str,
        *,
        body: AppointmentUpdate | AppointmentUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> ApiResponse[Appointment | Problem]:
        """Reschedule or update an appointment (`PATCH /v1/appointments/{appointment_id}`),
        returning
        the whole response.
        """
        return typed(
            update_appointment.sync_detailed(
                appointment_id, client=self._client, body=body, if_match=if_match
            )
        )


class AsyncAppointmentsResource:
    """The operations tagged `appointments`: `AsyncPatientTracker(...).appointments`.

    Each returns the success response's model, or raises an `ApiError` subclass; `.raw` has the same
    methods returning the whole response.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client
        self.raw = AsyncAppointmentsRawResource(client)

    async def book(
        self, *, body: AppointmentCreate, idempotency_key: str | Unset = UNSET
    ) -> Appointment:
        """Book an appointment (`POST /v1/appointments`).

        Books an appointment in status `scheduled`. `end_at` must be after `start_at` and at most 8
        hours later; the patient and practitioner must exist (`404` `not_found`, with `errors`
        pointing at the field); the practitioner must be active
        (`409` `practitioner_inactive`); and neither may have another live (not cancelled)
        appointment
        overlapping it (`409` `appointment_overlap`). Intervals are half-open, so back-to-back
        appointments do not overlap. Requires scope `appointments:write`.

        Args:
            idempotency_key (str | Unset):
            body (AppointmentCreate): An appointment to book.

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await book_appointment.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    async def cancel(
        self,
        appointment_id: str,
        *,
        body: AppointmentCancellation,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> Appointment:
        """Cancel an appointment (`POST /v1/appointments/{appointment_id}/cancel`).

        Moves a `scheduled` or `checked_in` appointment to `cancelled`, recording why. A cancelled
        appointment no longer blocks its time slot. Any other status is a `409`
        `invalid_status_transition` naming the current status. Requires scope `appointments:write`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            idempotency_key (str | Unset):
            body (AppointmentCancellation): Why an appointment is being cancelled.

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await cancel_appointment.asyncio_detailed(
                appointment_id,
                client=self._client,
                body=body,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    async def check_in(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> Appointment:
        """Check a patient in (`POST /v1/appointments/{appointment_id}/check-in`).

        Moves a `scheduled` appointment to `checked_in`. Any other status is a `409`
        `invalid_status_transition` naming the current status. Takes no body. Requires scope
        `appointments:write`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            idempotency_key (str | Unset):

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await check_in_appointment.asyncio_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    async def complete(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> Appointment:
        """Complete an appointment (`POST /v1/appointments/{appointment_id}/complete`).

        Moves a `checked_in` appointment to `completed`. Any other status is a `409`
        `invalid_status_transition` naming the current status. Takes no body. Requires scope
        `appointments:write`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            idempotency_key (str | Unset):

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await complete_appointment.asyncio_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    async def get(self, appointment_id: str, *, if_none_match: str | Unset = UNSET) -> Appointment:
        """Get an appointment (`GET /v1/appointments/{appointment_id}`).

        Returns one appointment, with its `ETag`. Requires scope `appointments:read`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_none_match (str | Unset): an ETag read before (or several, comma-separated): a
                `304` if the resource still has it.

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
            NotModifiedError: for a `304`: the resource still has the ETag `if_none_match` gave.
        """
        return cast(
            "Appointment",
            unwrap(
                await get_appointment.asyncio_detailed(
                    appointment_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    async def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        patient_id: str | Unset = UNSET,
        practitioner_id: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> AppointmentPage:
        """List appointments (`GET /v1/appointments`).

        Lists appointments ordered by `start_at` then `id`, optionally filtered by patient,
        practitioner, status and start window. Requires scope `appointments:read`.

        Args:
            limit (int | Unset):  Default: 20.
            cursor (str | Unset):
            patient_id (str | Unset): An opaque identifier assigned by the server: letters, digits,
                `-` and `_`. Treat it as an
                opaque string; its form may change.
            practitioner_id (str | Unset): An opaque identifier assigned by the server: letters,
                digits, `-` and `_`. Treat it as an
                opaque string; its form may change.
            status (AppointmentStatus | Unset): Where the appointment is in its life: `scheduled`
                (booked), `checked_in` (the patient has
                arrived), `completed`, `cancelled` (frees the slot), or `no_show`.
            start_at_from (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
                offset
                (`Z` or `+hh:mm`), such as
                `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
            start_at_before (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
                offset (`Z` or `+hh:mm`), such as
                `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

        Returns:
            AppointmentPage: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await list_appointments.asyncio_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                patient_id=patient_id,
                practitioner_id=practitioner_id,
                status=status,
                start_at_from=start_at_from,
                start_at_before=start_at_before,
            )
        )

    def list_all(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        patient_id: str | Unset = UNSET,
        practitioner_id: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> AsyncIterator[Appointment]:
        """Every item of `list`, across all pages (`GET /v1/appointments`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`async for item in
        ...`); `limit` is the page size, `cursor` where to start. The parameters are those of
        `list`.
        """
        return apaginate(
            list_appointments.asyncio_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            patient_id=patient_id,
            practitioner_id=practitioner_id,
            status=status,
            start_at_from=start_at_from,
            start_at_before=start_at_before,
        )

    async def mark_no_show(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> Appointment:
        """Mark an appointment as a no-show (`POST /v1/appointments/{appointment_id}/no-show`).

        Moves a `scheduled` appointment to `no_show`. Any other status is a `409`
        `invalid_status_transition` naming the current status. Takes no body. Requires scope
        `appointments:write`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            idempotency_key (str | Unset):

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await mark_appointment_no_show.asyncio_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    async def update(
        self,
        appointment_id: str,
        *,
        body: AppointmentUpdate | AppointmentUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> Appointment:
        """Reschedule or update an appointment (`PATCH /v1/appointments/{appointment_id}`).

        Changes a `scheduled` appointment with a JSON merge patch (RFC 7396): new `start_at` and
        `end_at` reschedule it under the same rules as booking; `reason` and `notes` can be set or
        removed with `null`. An appointment in any other status is a `409`
        `invalid_status_transition`. Requires scope `appointments:write`.

        Args:
            appointment_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            body (AppointmentUpdate): A JSON merge patch of a scheduled appointment. Absent fields
                are
                unchanged; `reason` and
                `notes` may be `null` to remove them. The resulting times follow the booking rules.
            body (AppointmentUpdate): A JSON merge patch of a scheduled appointment. Absent fields
                are
                unchanged; `reason` and
                `notes` may be `null` to remove them. The resulting times follow the booking rules.

        Returns:
            Appointment: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await update_appointment.asyncio_detailed(
                appointment_id, client=self._client, body=body, if_match=if_match
            )
        )


class AsyncAppointmentsRawResource:
    """The operations tagged `appointments`, each returning the whole response.

    `AsyncPatientTracker(...).appointments.raw`: the methods of `AsyncAppointmentsResource`
    (list_all excepted), returning an `ApiResponse` (`status_code`, `headers`, `parsed`, and
    `typed_headers`: the documented headers, typed, such as `typed_headers.etag`), for `etag()`
    and `modify()`. An error status still raises `ApiError`.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def book(
        self, *, body: AppointmentCreate, idempotency_key: str | Unset = UNSET
    ) -> ApiResponse[Appointment | Problem]:
        """Book an appointment (`POST /v1/appointments`), returning the whole response."""
        return typed(
            await book_appointment.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    async def cancel(
        self,
        appointment_id: str,
        *,
        body: AppointmentCancellation,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> ApiResponse[Appointment | Problem]:
        """Cancel an appointment (`POST /v1/appointments/{appointment_id}/cancel`), returning the
        whole response.
        """
        return typed(
            await cancel_appointment.asyncio_detailed(
                appointment_id,
                client=self._client,
                body=body,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    async def check_in(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> ApiResponse[Appointment | Problem]:
        """Check a patient in (`POST /v1/appointments/{appointment_id}/check-in`), returning the
        whole response.
        """
        return typed(
            await check_in_appointment.asyncio_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    async def complete(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> ApiResponse[Appointment | Problem]:
        """Complete an appointment (`POST /v1/appointments/{appointment_id}/complete`), returning
        the
        whole response.
        """
        return typed(
            await complete_appointment.asyncio_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    async def get(
        self, appointment_id: str, *, if_none_match: str | Unset = UNSET
    ) -> ApiResponse[Appointment | Problem]:
        """Get an appointment (`GET /v1/appointments/{appointment_id}`), returning the whole
        response.
        With `if_none_match=`: a `304` (`parsed` None) if the resource still has that ETag.
        """
        return typed(
            await get_appointment.asyncio_detailed(
                appointment_id, client=self._client, if_none_match=if_none_match
            )
        )

    async def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        patient_id: str | Unset = UNSET,
        practitioner_id: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> ApiResponse[AppointmentPage | Problem]:
        """List appointments (`GET /v1/appointments`), returning the whole response."""
        return typed(
            await list_appointments.asyncio_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                patient_id=patient_id,
                practitioner_id=practitioner_id,
                status=status,
                start_at_from=start_at_from,
                start_at_before=start_at_before,
            )
        )

    async def mark_no_show(
        self,
        appointment_id: str,
        *,
        if_match: str | Unset = UNSET,
        idempotency_key: str | Unset = UNSET,
    ) -> ApiResponse[Appointment | Problem]:
        """Mark an appointment as a no-show (`POST /v1/appointments/{appointment_id}/no-show`),
        returning the whole response.
        """
        return typed(
            await mark_appointment_no_show.asyncio_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    async def update(
        self,
        appointment_id: str,
        *,
        body: AppointmentUpdate | AppointmentUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> ApiResponse[Appointment | Problem]:
        """Reschedule or update an appointment (`PATCH /v1/appointments/{appointment_id}`),
        returning
        the whole response.
        """
        return typed(
            await update_appointment.asyncio_detailed(
                appointment_id, client=self._client, body=body, if_match=if_match
            )
        )


class HealthResource:
    """The operations tagged `health`: `PatientTracker(...).health`.

    Each returns the success response's model, or raises an `ApiError` subclass; `.raw` has the same
    methods returning the whole response.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client
        self.raw = HealthRawResource(client)

    def get(self) -> Health:
        """Check that the process is alive (`GET /healthz`).

        Answers `200` while the process can serve requests. It does not touch the database.

        Returns:
            Health: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(get_health.sync_detailed(client=self._client))

    def get_readiness(self) -> Readiness:
        """Check that the database is reachable (`GET /readyz`).

        Answers `200` when the database answers a trivial query, `503` when it does not.

        Returns:
            Readiness: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(get_readiness.sync_detailed(client=self._client))


class HealthRawResource:
    """The operations tagged `health`, each returning the whole response.

    `PatientTracker(...).health.raw`: the methods of `HealthResource`
    (list_all excepted), returning an `ApiResponse` (`status_code`, `headers`, `parsed`, and
    `typed_headers`: the documented headers, typed, such as `typed_headers.etag`), for `etag()`
    and `modify()`. An error status still raises `ApiError`.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def get(self) -> ApiResponse[Health | Problem]:
        """Check that the process is alive (`GET /healthz`), returning the whole response."""
        return typed(get_health.sync_detailed(client=self._client))

    def get_readiness(self) -> ApiResponse[Problem | Readiness]:
        """Check that the database is reachable (`GET /readyz`), returning the whole response."""
        return typed(get_readiness.sync_detailed(client=self._client))


class AsyncHealthResource:
    """The operations tagged `health`: `AsyncPatientTracker(...).health`.

    Each returns the success response's model, or raises an `ApiError` subclass; `.raw` has the same
    methods returning the whole response.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client
        self.raw = AsyncHealthRawResource(client)

    async def get(self) -> Health:
        """Check that the process is alive (`GET /healthz`).

        Answers `200` while the process can serve requests. It does not touch the database.

        Returns:
            Health: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(await get_health.asyncio_detailed(client=self._client))

    async def get_readiness(self) -> Readiness:
        """Check that the database is reachable (`GET /readyz`).

        Answers `200` when the database answers a trivial query, `503` when it does not.

        Returns:
            Readiness: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(await get_readiness.asyncio_detailed(client=self._client))


class AsyncHealthRawResource:
    """The operations tagged `health`, each returning the whole response.

    `AsyncPatientTracker(...).health.raw`: the methods of `AsyncHealthResource`
    (list_all excepted), returning an `ApiResponse` (`status_code`, `headers`, `parsed`, and
    `typed_headers`: the documented headers, typed, such as `typed_headers.etag`), for `etag()`
    and `modify()`. An error status still raises `ApiError`.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def get(self) -> ApiResponse[Health | Problem]:
        """Check that the process is alive (`GET /healthz`), returning the whole response."""
        return typed(await get_health.asyncio_detailed(client=self._client))

    async def get_readiness(self) -> ApiResponse[Problem | Readiness]:
        """Check that the database is reachable (`GET /readyz`), returning the whole response."""
        return typed(await get_readiness.asyncio_detailed(client=self._client))


class PatientsResource:
    """The operations tagged `patients`: `PatientTracker(...).patients`.

    Each returns the success response's model, or raises an `ApiError` subclass; `.raw` has the same
    methods returning the whole response.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client
        self.raw = PatientsRawResource(client)

    def create(self, *, body: PatientCreate, idempotency_key: str | Unset = UNSET) -> Patient:
        """Register a patient (`POST /v1/patients`).

        Registers a patient. The phone number must not belong to another patient (`409`
        `phone_taken`), and the date of birth must not be in the future (`422`). Requires scope
        `patients:write`.

        Args:
            idempotency_key (str | Unset):
            body (PatientCreate): A patient to register.

        Returns:
            Patient: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            create_patient.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    def delete(self, patient_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a patient (`DELETE /v1/patients/{patient_id}`).

        Deletes a patient that has no appointments (any status); one that has is a `409`
        `patient_has_appointments`. Requires scope `patients:write`.

        Args:
            patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
                `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):

        Returns:
            None (the response has no body).

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        unwrap(delete_patient.sync_detailed(patient_id, client=self._client, if_match=if_match))

    def get(self, patient_id: str, *, if_none_match: str | Unset = UNSET) -> Patient:
        """Get a patient (`GET /v1/patients/{patient_id}`).

        Returns one patient, with its `ETag`. Requires scope `patients:read`.

        Args:
            patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
                `_`. Treat it as an
                opaque string; its form may change.
            if_none_match (str | Unset): an ETag read before (or several, comma-separated): a
                `304` if the resource still has it.

        Returns:
            Patient: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
            NotModifiedError: for a `304`: the resource still has the ETag `if_none_match` gave.
        """
        return cast(
            "Patient",
            unwrap(
                get_patient.sync_detailed(
                    patient_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        phone: str | Unset = UNSET,
        name_prefix: str | Unset = UNSET,
    ) -> PatientPage:
        """List patients (`GET /v1/patients`).

        Lists patients in the order they were registered (oldest first), optionally filtered by
        exact
        phone number or by a name prefix. Requires scope `patients:read`.

        Args:
            limit (int | Unset):  Default: 20.
            cursor (str | Unset):
            phone (str | Unset): A phone number in E.164 form, `+` then 2 to 15 digits, the first
                not
                0.
            name_prefix (str | Unset):

        Returns:
            PatientPage: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            list_patients.sync_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                phone=phone,
                name_prefix=name_prefix,
            )
        )

    def list_all(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        phone: str | Unset = UNSET,
        name_prefix: str | Unset = UNSET,
    ) -> Iterator[Patient]:
        """Every item of `list`, across all pages (`GET /v1/patients`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`for item in ...`);
        `limit` is the page size, `cursor` where to start. The parameters are those of `list`.
        """
        return paginate(
            list_patients.sync_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            phone=phone,
            name_prefix=name_prefix,
        )

    def list_appointments(
        self,
        patient_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> AppointmentPage:
        """List one patient's appointments (`GET /v1/patients/{patient_id}/appointments`).

        Lists the appointments of one patient, ordered by `start_at` then `id`, optionally filtered
        by status and start window. Requires scopes `patients:read` and `appointments:read`.

        Args:
            patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
                `_`. Treat it as an
                opaque string; its form may change.
            limit (int | Unset):  Default: 20.
            cursor (str | Unset):
            status (AppointmentStatus | Unset): Where the appointment is in its life: `scheduled`
                (booked), `checked_in` (the patient has
                arrived), `completed`, `cancelled` (frees the slot), or `no_show`.
            start_at_from (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
                offset
                (`Z` or `+hh:mm`), such as
                `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
            start_at_before (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
                offset (`Z` or `+hh:mm`), such as
                `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

        Returns:
            AppointmentPage: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            list_patient_appointments.sync_detailed(
                patient_id,
                client=self._client,
                limit=limit,
                cursor=cursor,
                status=status,
                start_at_from=start_at_from,
                start_at_before=start_at_before,
            )
        )

    def list_all_appointments(
        self,
        patient_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> Iterator[Appointment]:
        """Every item of `list_appointments`, across all pages (`GET
        /v1/patients/{patient_id}/appointments`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`for item in ...`);
        `limit` is the page size, `cursor` where to start. The parameters are those of
        `list_appointments`.
        """
        return paginate(
            list_patient_appointments.sync_detailed,
            patient_id,
            client=self._client,
            limit=limit,
            cursor=cursor,
            status=status,
            start_at_from=start_at_from,
            start_at_before=start_at_before,
        )

    def update(
        self,
        patient_id: str,
        *,
        body: PatientUpdate | PatientUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> Patient:
        """Update a patient (`PATCH /v1/patients/{patient_id}`).

        Changes a patient with a JSON merge patch (RFC 7396): fields that are present are set,
        `null`
        removes an optional field (`email`), absent fields are left alone. The same rules as on
        registration apply. Requires scope `patients:write`.

        Args:
            patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
                `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            body (PatientUpdate): A JSON merge patch of a patient. Absent fields are unchanged;
                `email` may be `null` to remove it.
            body (PatientUpdate): A JSON merge patch of a patient. Absent fields are unchanged;
                `email` may be `null` to remove it.

        Returns:
            Patient: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            update_patient.sync_detailed(
                patient_id, client=self._client, body=body, if_match=if_match
            )
        )


class PatientsRawResource:
    """The operations tagged `patients`, each returning the whole response.

    `PatientTracker(...).patients.raw`: the methods of `PatientsResource`
    (list_all excepted), returning an `ApiResponse` (`status_code`, `headers`, `parsed`, and
    `typed_headers`: the documented headers, typed, such as `typed_headers.etag`), for `etag()`
    and `modify()`. An error status still raises `ApiError`.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def create(
        self, *, body: PatientCreate, idempotency_key: str | Unset = UNSET
    ) -> ApiResponse[Patient | Problem]:
        """Register a patient (`POST /v1/patients`), returning the whole response."""
        return typed(
            create_patient.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    def delete(
        self, patient_id: str, *, if_match: str | Unset = UNSET
    ) -> ApiResponse[Any | Problem]:
        """Delete a patient (`DELETE /v1/patients/{patient_id}`), returning the whole response."""
        return typed(
            delete_patient.sync_detailed(patient_id, client=self._client, if_match=if_match)
        )

    def get(
        self, patient_id: str, *, if_none_match: str | Unset = UNSET
    ) -> ApiResponse[Patient | Problem]:
        """Get a patient (`GET /v1/patients/{patient_id}`), returning the whole response.
        With `if_none_match=`: a `304` (`parsed` None) if the resource still has that ETag.
        """
        return typed(
            get_patient.sync_detailed(patient_id, client=self._client, if_none_match=if_none_match)
        )

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        phone: str | Unset = UNSET,
        name_prefix: str | Unset = UNSET,
    ) -> ApiResponse[PatientPage | Problem]:
        """List patients (`GET /v1/patients`), returning the whole response."""
        return typed(
            list_patients.sync_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                phone=phone,
                name_prefix=name_prefix,
            )
        )

    def list_appointments(
        self,
        patient_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> ApiResponse[AppointmentPage | Problem]:
        """List one patient's appointments (`GET /v1/patients/{patient_id}/appointments`), returning
        the whole response.
        """
        return typed(
            list_patient_appointments.sync_detailed(
                patient_id,
                client=self._client,
                limit=limit,
                cursor=cursor,
                status=status,
                start_at_from=start_at_from,
                start_at_before=start_at_before,
            )
        )

    def update(
        self,
        patient_id: str,
        *,
        body: PatientUpdate | PatientUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> ApiResponse[Patient | Problem]:
        """Update a patient (`PATCH /v1/patients/{patient_id}`), returning the whole response."""
        return typed(
            update_patient.sync_detailed(
                patient_id, client=self._client, body=body, if_match=if_match
            )
        )


class AsyncPatientsResource:
    """The operations tagged `patients`: `AsyncPatientTracker(...).patients`.

    Each returns the success response's model, or raises an `ApiError` subclass; `.raw` has the same
    methods returning the whole response.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client
        self.raw = AsyncPatientsRawResource(client)

    async def create(self, *, body: PatientCreate, idempotency_key: str | Unset = UNSET) -> Patient:
        """Register a patient (`POST /v1/patients`).

        Registers a patient. The phone number must not belong to another patient (`409`
        `phone_taken`), and the date of birth must not be in the future (`422`). Requires scope
        `patients:write`.

        Args:
            idempotency_key (str | Unset):
            body (PatientCreate): A patient to register.

        Returns:
            Patient: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await create_patient.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    async def delete(self, patient_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a patient (`DELETE /v1/patients/{patient_id}`).

        Deletes a patient that has no appointments (any status); one that has is a `409`
        `patient_has_appointments`. Requires scope `patients:write`.

        Args:
            patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
                `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):

        Returns:
            None (the response has no body).

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        unwrap(
            await delete_patient.asyncio_detailed(
                patient_id, client=self._client, if_match=if_match
            )
        )

    async def get(self, patient_id: str, *, if_none_match: str | Unset = UNSET) -> Patient:
        """Get a patient (`GET /v1/patients/{patient_id}`).

        Returns one patient, with its `ETag`. Requires scope `patients:read`.

        Args:
            patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
                `_`. Treat it as an
                opaque string; its form may change.
            if_none_match (str | Unset): an ETag read before (or several, comma-separated): a
                `304` if the resource still has it.

        Returns:
            Patient: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
            NotModifiedError: for a `304`: the resource still has the ETag `if_none_match` gave.
        """
        return cast(
            "Patient",
            unwrap(
                await get_patient.asyncio_detailed(
                    patient_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    async def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        phone: str | Unset = UNSET,
        name_prefix: str | Unset = UNSET,
    ) -> PatientPage:
        """List patients (`GET /v1/patients`).

        Lists patients in the order they were registered (oldest first), optionally filtered by
        exact
        phone number or by a name prefix. Requires scope `patients:read`.

        Args:
            limit (int | Unset):  Default: 20.
            cursor (str | Unset):
            phone (str | Unset): A phone number in E.164 form, `+` then 2 to 15 digits, the first
                not
                0.
            name_prefix (str | Unset):

        Returns:
            PatientPage: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await list_patients.asyncio_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                phone=phone,
                name_prefix=name_prefix,
            )
        )

    def list_all(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        phone: str | Unset = UNSET,
        name_prefix: str | Unset = UNSET,
    ) -> AsyncIterator[Patient]:
        """Every item of `list`, across all pages (`GET /v1/patients`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`async for item in
        ...`); `limit` is the page size, `cursor` where to start. The parameters are those of
        `list`.
        """
        return apaginate(
            list_patients.asyncio_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            phone=phone,
            name_prefix=name_prefix,
        )

    async def list_appointments(
        self,
        patient_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> AppointmentPage:
        """List one patient's appointments (`GET /v1/patients/{patient_id}/appointments`).

        Lists the appointments of one patient, ordered by `start_at` then `id`, optionally filtered
        by status and start window. Requires scopes `patients:read` and `appointments:read`.

        Args:
            patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
                `_`. Treat it as an
                opaque string; its form may change.
            limit (int | Unset):  Default: 20.
            cursor (str | Unset):
            status (AppointmentStatus | Unset): Where the appointment is in its life: `scheduled`
                (booked), `checked_in` (the patient has
                arrived), `completed`, `cancelled` (frees the slot), or `no_show`.
            start_at_from (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
                offset
                (`Z` or `+hh:mm`), such as
                `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.
            start_at_before (datetime.datetime | Unset): An instant, RFC 3339 `date-time` with an
                offset (`Z` or `+hh:mm`), such as
                `2026-12-01T09:00:00+01:00`. Unix timestamps and other spellings are rejected.

        Returns:
            AppointmentPage: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await list_patient_appointments.asyncio_detailed(
                patient_id,
                client=self._client,
                limit=limit,
                cursor=cursor,
                status=status,
                start_at_from=start_at_from,
                start_at_before=start_at_before,
            )
        )

    def list_all_appointments(
        self,
        patient_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> AsyncIterator[Appointment]:
        """Every item of `list_appointments`, across all pages (`GET
        /v1/patients/{patient_id}/appointments`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`async for item in
        ...`); `limit` is the page size, `cursor` where to start. The parameters are those of
        `list_appointments`.
        """
        return apaginate(
            list_patient_appointments.asyncio_detailed,
            patient_id,
            client=self._client,
            limit=limit,
            cursor=cursor,
            status=status,
            start_at_from=start_at_from,
            start_at_before=start_at_before,
        )

    async def update(
        self,
        patient_id: str,
        *,
        body: PatientUpdate | PatientUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> Patient:
        """Update a patient (`PATCH /v1/patients/{patient_id}`).

        Changes a patient with a JSON merge patch (RFC 7396): fields that are present are set,
        `null`
        removes an optional field (`email`), absent fields are left alone. The same rules as on
        registration apply. Requires scope `patients:write`.

        Args:
            patient_id (str): An opaque identifier assigned by the server: letters, digits, `-` and
                `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            body (PatientUpdate): A JSON merge patch of a patient. Absent fields are unchanged;
                `email` may be `null` to remove it.
            body (PatientUpdate): A JSON merge patch of a patient. Absent fields are unchanged;
                `email` may be `null` to remove it.

        Returns:
            Patient: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await update_patient.asyncio_detailed(
                patient_id, client=self._client, body=body, if_match=if_match
            )
        )


class AsyncPatientsRawResource:
    """The operations tagged `patients`, each returning the whole response.

    `AsyncPatientTracker(...).patients.raw`: the methods of `AsyncPatientsResource`
    (list_all excepted), returning an `ApiResponse` (`status_code`, `headers`, `parsed`, and
    `typed_headers`: the documented headers, typed, such as `typed_headers.etag`), for `etag()`
    and `modify()`. An error status still raises `ApiError`.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def create(
        self, *, body: PatientCreate, idempotency_key: str | Unset = UNSET
    ) -> ApiResponse[Patient | Problem]:
        """Register a patient (`POST /v1/patients`), returning the whole response."""
        return typed(
            await create_patient.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    async def delete(
        self, patient_id: str, *, if_match: str | Unset = UNSET
    ) -> ApiResponse[Any | Problem]:
        """Delete a patient (`DELETE /v1/patients/{patient_id}`), returning the whole response."""
        return typed(
            await delete_patient.asyncio_detailed(
                patient_id, client=self._client, if_match=if_match
            )
        )

    async def get(
        self, patient_id: str, *, if_none_match: str | Unset = UNSET
    ) -> ApiResponse[Patient | Problem]:
        """Get a patient (`GET /v1/patients/{patient_id}`), returning the whole response.
        With `if_none_match=`: a `304` (`parsed` None) if the resource still has that ETag.
        """
        return typed(
            await get_patient.asyncio_detailed(
                patient_id, client=self._client, if_none_match=if_none_match
            )
        )

    async def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        phone: str | Unset = UNSET,
        name_prefix: str | Unset = UNSET,
    ) -> ApiResponse[PatientPage | Problem]:
        """List patients (`GET /v1/patients`), returning the whole response."""
        return typed(
            await list_patients.asyncio_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                phone=phone,
                name_prefix=name_prefix,
            )
        )

    async def list_appointments(
        self,
        patient_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        status: AppointmentStatus | Unset = UNSET,
        start_at_from: datetime.datetime | Unset = UNSET,
        start_at_before: datetime.datetime | Unset = UNSET,
    ) -> ApiResponse[AppointmentPage | Problem]:
        """List one patient's appointments (`GET /v1/patients/{patient_id}/appointments`), returning
        the whole response.
        """
        return typed(
            await list_patient_appointments.asyncio_detailed(
                patient_id,
                client=self._client,
                limit=limit,
                cursor=cursor,
                status=status,
                start_at_from=start_at_from,
                start_at_before=start_at_before,
            )
        )

    async def update(
        self,
        patient_id: str,
        *,
        body: PatientUpdate | PatientUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> ApiResponse[Patient | Problem]:
        """Update a patient (`PATCH /v1/patients/{patient_id}`), returning the whole response."""
        return typed(
            await update_patient.asyncio_detailed(
                patient_id, client=self._client, body=body, if_match=if_match
            )
        )


class PractitionersResource:
    """The operations tagged `practitioners`: `PatientTracker(...).practitioners`.

    Each returns the success response's model, or raises an `ApiError` subclass; `.raw` has the same
    methods returning the whole response.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client
        self.raw = PractitionersRawResource(client)

    def create(
        self, *, body: PractitionerCreate, idempotency_key: str | Unset = UNSET
    ) -> Practitioner:
        """Create a practitioner (`POST /v1/practitioners`).

        Creates a practitioner, active unless `active` is `false`. Requires scope
        `practitioners:write`.

        Args:
            idempotency_key (str | Unset):
            body (PractitionerCreate): A practitioner to create.

        Returns:
            Practitioner: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            create_practitioner.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    def delete(self, practitioner_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a practitioner (`DELETE /v1/practitioners/{practitioner_id}`).

        Deletes a practitioner that has no appointments (any status); one that has is a `409`
        `practitioner_has_appointments` (deactivate it instead). Requires scope
        `practitioners:write`.

        Args:
            practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):

        Returns:
            None (the response has no body).

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        unwrap(
            delete_practitioner.sync_detailed(
                practitioner_id, client=self._client, if_match=if_match
            )
        )

    def get(self, practitioner_id: str, *, if_none_match: str | Unset = UNSET) -> Practitioner:
        """Get a practitioner (`GET /v1/practitioners/{practitioner_id}`).

        Returns one practitioner, with its `ETag`. Requires scope `practitioners:read`.

        Args:
            practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_none_match (str | Unset): an ETag read before (or several, comma-separated): a
                `304` if the resource still has it.

        Returns:
            Practitioner: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
            NotModifiedError: for a `304`: the resource still has the ETag `if_none_match` gave.
        """
        return cast(
            "Practitioner",
            unwrap(
                get_practitioner.sync_detailed(
                    practitioner_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        specialty: str | Unset = UNSET,
        active: bool | Unset = UNSET,
    ) -> PractitionerPage:
        """List practitioners (`GET /v1/practitioners`).

        Lists practitioners in the order they were created (oldest first), optionally filtered by
        exact specialty and by whether they are active. Requires scope `practitioners:read`.

        Args:
            limit (int | Unset):  Default: 20.
            cursor (str | Unset):
            specialty (str | Unset): The practitioner's field, free text such as `general practice`
                or
                `dermatology`.
            active (bool | Unset):

        Returns:
            PractitionerPage: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            list_practitioners.sync_detailed(
                client=self._client, limit=limit, cursor=cursor, specialty=specialty, active=active
            )
        )

    def list_all(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        specialty: str | Unset = UNSET,
        active: bool | Unset = UNSET,
    ) -> Iterator[Practitioner]:
        """Every item of `list`, across all pages (`GET /v1/practitioners`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`for item in ...`);
        `limit` is the page size, `cursor` where to start. The parameters are those of `list`.
        """
        return paginate(
            list_practitioners.sync_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            specialty=specialty,
            active=active,
        )

    def update(
        self,
        practitioner_id: str,
        *,
        body: PractitionerUpdate | PractitionerUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> Practitioner:
        """Update a practitioner (`PATCH /v1/practitioners/{practitioner_id}`).

        Changes a practitioner with a JSON merge patch (RFC 7396). Setting `active` to `false` stops
        new bookings; existing appointments are kept. Requires scope `practitioners:write`.

        Args:
            practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
                unchanged.
            body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
                unchanged.

        Returns:
            Practitioner: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            update_practitioner.sync_detailed(
                practitioner_id, client=self._client, body=body, if_match=if_match
            )
        )


class PractitionersRawResource:
    """The operations tagged `practitioners`, each returning the whole response.

    `PatientTracker(...).practitioners.raw`: the methods of `PractitionersResource`
    (list_all excepted), returning an `ApiResponse` (`status_code`, `headers`, `parsed`, and
    `typed_headers`: the documented headers, typed, such as `typed_headers.etag`), for `etag()`
    and `modify()`. An error status still raises `ApiError`.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def create(
        self, *, body: PractitionerCreate, idempotency_key: str | Unset = UNSET
    ) -> ApiResponse[Practitioner | Problem]:
        """Create a practitioner (`POST /v1/practitioners`), returning the whole response."""
        return typed(
            create_practitioner.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    def delete(
        self, practitioner_id: str, *, if_match: str | Unset = UNSET
    ) -> ApiResponse[Any | Problem]:
        """Delete a practitioner (`DELETE /v1/practitioners/{practitioner_id}`), returning the whole
        response.
        """
        return typed(
            delete_practitioner.sync_detailed(
                practitioner_id, client=self._client, if_match=if_match
            )
        )

    def get(
        self, practitioner_id: str, *, if_none_match: str | Unset = UNSET
    ) -> ApiResponse[Practitioner | Problem]:
        """Get a practitioner (`GET /v1/practitioners/{practitioner_id}`), returning the whole
        response. With `if_none_match=`, a `304` (`parsed` None) when the
        resource still has that ETag.
        """
        return typed(
            get_practitioner.sync_detailed(
                practitioner_id, client=self._client, if_none_match=if_none_match
            )
        )

    def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        specialty: str | Unset = UNSET,
        active: bool | Unset = UNSET,
    ) -> ApiResponse[PractitionerPage | Problem]:
        """List practitioners (`GET /v1/practitioners`), returning the whole response."""
        return typed(
            list_practitioners.sync_detailed(
                client=self._client, limit=limit, cursor=cursor, specialty=specialty, active=active
            )
        )

    def update(
        self,
        practitioner_id: str,
        *,
        body: PractitionerUpdate | PractitionerUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> ApiResponse[Practitioner | Problem]:
        """Update a practitioner (`PATCH /v1/practitioners/{practitioner_id}`), returning the whole
        response.
        """
        return typed(
            update_practitioner.sync_detailed(
                practitioner_id, client=self._client, body=body, if_match=if_match
            )
        )


class AsyncPractitionersResource:
    """The operations tagged `practitioners`: `AsyncPatientTracker(...).practitioners`.

    Each returns the success response's model, or raises an `ApiError` subclass; `.raw` has the same
    methods returning the whole response.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client
        self.raw = AsyncPractitionersRawResource(client)

    async def create(
        self, *, body: PractitionerCreate, idempotency_key: str | Unset = UNSET
    ) -> Practitioner:
        """Create a practitioner (`POST /v1/practitioners`).

        Creates a practitioner, active unless `active` is `false`. Requires scope
        `practitioners:write`.

        Args:
            idempotency_key (str | Unset):
            body (PractitionerCreate): A practitioner to create.

        Returns:
            Practitioner: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await create_practitioner.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    async def delete(self, practitioner_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a practitioner (`DELETE /v1/practitioners/{practitioner_id}`).

        Deletes a practitioner that has no appointments (any status); one that has is a `409`
        `practitioner_has_appointments` (deactivate it instead). Requires scope
        `practitioners:write`.

        Args:
            practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):

        Returns:
            None (the response has no body).

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        unwrap(
            await delete_practitioner.asyncio_detailed(
                practitioner_id, client=self._client, if_match=if_match
            )
        )

    async def get(
        self, practitioner_id: str, *, if_none_match: str | Unset = UNSET
    ) -> Practitioner:
        """Get a practitioner (`GET /v1/practitioners/{practitioner_id}`).

        Returns one practitioner, with its `ETag`. Requires scope `practitioners:read`.

        Args:
            practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_none_match (str | Unset): an ETag read before (or several, comma-separated): a
                `304` if the resource still has it.

        Returns:
            Practitioner: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
            NotModifiedError: for a `304`: the resource still has the ETag `if_none_match` gave.
        """
        return cast(
            "Practitioner",
            unwrap(
                await get_practitioner.asyncio_detailed(
                    practitioner_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    async def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        specialty: str | Unset = UNSET,
        active: bool | Unset = UNSET,
    ) -> PractitionerPage:
        """List practitioners (`GET /v1/practitioners`).

        Lists practitioners in the order they were created (oldest first), optionally filtered by
        exact specialty and by whether they are active. Requires scope `practitioners:read`.

        Args:
            limit (int | Unset):  Default: 20.
            cursor (str | Unset):
            specialty (str | Unset): The practitioner's field, free text such as `general practice`
                or
                `dermatology`.
            active (bool | Unset):

        Returns:
            PractitionerPage: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await list_practitioners.asyncio_detailed(
                client=self._client, limit=limit, cursor=cursor, specialty=specialty, active=active
            )
        )

    def list_all(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        specialty: str | Unset = UNSET,
        active: bool | Unset = UNSET,
    ) -> AsyncIterator[Practitioner]:
        """Every item of `list`, across all pages (`GET /v1/practitioners`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`async for item in
        ...`); `limit` is the page size, `cursor` where to start. The parameters are those of
        `list`.
        """
        return apaginate(
            list_practitioners.asyncio_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            specialty=specialty,
            active=active,
        )

    async def update(
        self,
        practitioner_id: str,
        *,
        body: PractitionerUpdate | PractitionerUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> Practitioner:
        """Update a practitioner (`PATCH /v1/practitioners/{practitioner_id}`).

        Changes a practitioner with a JSON merge patch (RFC 7396). Setting `active` to `false` stops
        new bookings; existing appointments are kept. Requires scope `practitioners:write`.

        Args:
            practitioner_id (str): An opaque identifier assigned by the server: letters, digits, `-`
                and `_`. Treat it as an
                opaque string; its form may change.
            if_match (str | Unset):
            body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
                unchanged.
            body (PractitionerUpdate): A JSON merge patch of a practitioner. Absent fields are
                unchanged.

        Returns:
            Practitioner: the success response's body.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await update_practitioner.asyncio_detailed(
                practitioner_id, client=self._client, body=body, if_match=if_match
            )
        )


class AsyncPractitionersRawResource:
    """The operations tagged `practitioners`, each returning the whole response.

    `AsyncPatientTracker(...).practitioners.raw`: the methods of `AsyncPractitionersResource`
    (list_all excepted), returning an `ApiResponse` (`status_code`, `headers`, `parsed`, and
    `typed_headers`: the documented headers, typed, such as `typed_headers.etag`), for `etag()`
    and `modify()`. An error status still raises `ApiError`.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def create(
        self, *, body: PractitionerCreate, idempotency_key: str | Unset = UNSET
    ) -> ApiResponse[Practitioner | Problem]:
        """Create a practitioner (`POST /v1/practitioners`), returning the whole response."""
        return typed(
            await create_practitioner.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    async def delete(
        self, practitioner_id: str, *, if_match: str | Unset = UNSET
    ) -> ApiResponse[Any | Problem]:
        """Delete a practitioner (`DELETE /v1/practitioners/{practitioner_id}`), returning the whole
        response.
        """
        return typed(
            await delete_practitioner.asyncio_detailed(
                practitioner_id, client=self._client, if_match=if_match
            )
        )

    async def get(
        self, practitioner_id: str, *, if_none_match: str | Unset = UNSET
    ) -> ApiResponse[Practitioner | Problem]:
        """Get a practitioner (`GET /v1/practitioners/{practitioner_id}`), returning the whole
        response. With `if_none_match=`, a `304` (`parsed` None) when the
        resource still has that ETag.
        """
        return typed(
            await get_practitioner.asyncio_detailed(
                practitioner_id, client=self._client, if_none_match=if_none_match
            )
        )

    async def list(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        specialty: str | Unset = UNSET,
        active: bool | Unset = UNSET,
    ) -> ApiResponse[PractitionerPage | Problem]:
        """List practitioners (`GET /v1/practitioners`), returning the whole response."""
        return typed(
            await list_practitioners.asyncio_detailed(
                client=self._client, limit=limit, cursor=cursor, specialty=specialty, active=active
            )
        )

    async def update(
        self,
        practitioner_id: str,
        *,
        body: PractitionerUpdate | PractitionerUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> ApiResponse[Practitioner | Problem]:
        """Update a practitioner (`PATCH /v1/practitioners/{practitioner_id}`), returning the whole
        response.
        """
        return typed(
            await update_practitioner.asyncio_detailed(
                practitioner_id, client=self._client, body=body, if_match=if_match
            )
        )


class WebhooksResource:
    """The operations tagged `webhooks`: `PatientTracker(...).webhooks`.

    Each returns the success response's model, or raises an `ApiError` subclass; `.raw` has the same
    methods returning the whole response. Reading an event takes `webhooks:read` and the read
    scope of its resource.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client
        self.raw = WebhooksRawResource(client)

    def create_endpoint(
        self, *, body: WebhookEndpointCreate, idempotency_key: str | Unset = UNSET
    ) -> WebhookEndpointWithSecret:
        """Create a webhook endpoint (`POST /v1/webhook-endpoints`).

        Subscribes a URL to events: every event of the listed types (all types when
        `event_types` is absent or empty) is delivered to it from now on. The answer carries the
        signing `secret`, once: store it. The URL must be `https` and must not resolve to a
        private, loopback or link-local address (a `422` `validation_failed` pointing at `/url`),
        unless the server's operator allows them for development. The endpoint receives resource
        data, so the key needs the read scope of every subscribed type's resource too
        (`patients:read` for `patient.*`, ...; else `403` `insufficient_scope`). Requires scope
        `webhooks:write`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            create_webhook_endpoint.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    def delete_endpoint(self, endpoint_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a webhook endpoint (`DELETE /v1/webhook-endpoints/{endpoint_id}`).

        Deletes a webhook endpoint, its pending deliveries and its attempt history. Requires scope
        `webhooks:write`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        unwrap(
            delete_webhook_endpoint.sync_detailed(
                endpoint_id, client=self._client, if_match=if_match
            )
        )

    def get_endpoint(
        self, endpoint_id: str, *, if_none_match: str | Unset = UNSET
    ) -> WebhookEndpoint:
        """Get a webhook endpoint (`GET /v1/webhook-endpoints/{endpoint_id}`).

        Returns one webhook endpoint, with its `ETag`, never its secret. `enabled: false` with
        `disabled_reason: failing` means the server disabled it after 3 days of failed
        deliveries. Requires scope `webhooks:read`.

        Args:
            endpoint_id (str): The webhook endpoint's id.
            if_none_match (str | Unset): an ETag read before (or several, comma-separated): a
                `304` if the resource still has it.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
            NotModifiedError: for a `304`: the resource still has the ETag `if_none_match` gave.
        """
        return cast(
            "WebhookEndpoint",
            unwrap(
                get_webhook_endpoint.sync_detailed(
                    endpoint_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    def list_attempts(
        self,
        endpoint_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        event_id: str | Unset = UNSET,
    ) -> WebhookAttemptPage:
        """List an endpoint's delivery attempts (`GET
        /v1/webhook-endpoints/{endpoint_id}/attempts`).

        Lists the delivery attempts made to one endpoint, newest first, optionally for one event:
        when, the answer's status or the error, how long it took, and when the next attempt is due.
        Requires scope `webhooks:read`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            list_webhook_attempts.sync_detailed(
                endpoint_id, client=self._client, limit=limit, cursor=cursor, event_id=event_id
            )
        )

    def list_all_attempts(
        self,
        endpoint_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        event_id: str | Unset = UNSET,
    ) -> Iterator[WebhookAttempt]:
        """Every item of `list_attempts`, across all pages (`GET
        /v1/webhook-endpoints/{endpoint_id}/attempts`).

        Follows `next_cursor`, one request per page as the iteration reaches it; `limit` is the
        page size, `cursor` where to start. The parameters are those of `list_attempts`.
        """
        return paginate(
            list_webhook_attempts.sync_detailed,
            endpoint_id,
            client=self._client,
            limit=limit,
            cursor=cursor,
            event_id=event_id,
        )

    def list_endpoints(
        self, *, limit: int | Unset = 20, cursor: str | Unset = UNSET
    ) -> WebhookEndpointPage:
        """List webhook endpoints (`GET /v1/webhook-endpoints`).

        Lists webhook endpoints, oldest first. Secrets are never listed. Requires scope
        `webhooks:read`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            list_webhook_endpoints.sync_detailed(client=self._client, limit=limit, cursor=cursor)
        )

    def list_all_endpoints(
        self, *, limit: int | Unset = 20, cursor: str | Unset = UNSET
    ) -> Iterator[WebhookEndpoint]:
        """Every item of `list_endpoints`, across all pages (`GET /v1/webhook-endpoints`).

        Follows `next_cursor`, one request per page as the iteration reaches it; `limit` is the
        page size, `cursor` where to start. The parameters are those of `list_endpoints`.
        """
        return paginate(
            list_webhook_endpoints.sync_detailed, client=self._client, limit=limit, cursor=cursor
        )

    def redeliver_event(
        self, endpoint_id: str, event_id: str, *, idempotency_key: str | Unset = UNSET
    ) -> None:
        """Redeliver an event to an endpoint (`POST
        /v1/webhook-endpoints/{endpoint_id}/events/{event_id}/redeliver`).

        Starts a new series of delivery attempts of one event (of the last 30 days) to one
        endpoint, now, with the same `webhook-id`: receivers that deduplicate by it are not
        affected by a redelivery of an event they handled. Also for a disabled endpoint (how one
        tests a fix). Requires scope `webhooks:write`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        unwrap(
            redeliver_event.sync_detailed(
                endpoint_id, event_id, client=self._client, idempotency_key=idempotency_key
            )
        )

    def rotate_endpoint_secret(
        self,
        endpoint_id: str,
        *,
        idempotency_key: str | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> WebhookEndpointWithSecret:
        """Rotate a webhook endpoint's secret (`POST
        /v1/webhook-endpoints/{endpoint_id}/rotate-secret`).

        Replaces the signing secret with a new one, shown in the answer, once. For 24 hours the
        old secret keeps signing too (deliveries carry both signatures), so receivers can switch
        without losing deliveries. Requires scope `webhooks:write`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            rotate_webhook_endpoint_secret.sync_detailed(
                endpoint_id, client=self._client, idempotency_key=idempotency_key, if_match=if_match
            )
        )

    def update_endpoint(
        self,
        endpoint_id: str,
        *,
        body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> WebhookEndpoint:
        """Update a webhook endpoint (`PATCH /v1/webhook-endpoints/{endpoint_id}`).

        Changes a webhook endpoint with a JSON merge patch (RFC 7396): `url`, `event_types`,
        `description` (`null` removes it) and `enabled`. The rules of creation apply to a new
        URL and types. `enabled: true` re-enables an endpoint the server disabled and clears
        `disabled_reason`; deliveries resume with events recorded from then on. Requires scope
        `webhooks:write`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            update_webhook_endpoint.sync_detailed(
                endpoint_id, client=self._client, body=body, if_match=if_match
            )
        )

    def get_event(self, event_id: str) -> Event:
        """Get an event (`GET /v1/events/{event_id}`).

        Returns one event (a generated event model, told apart by `type`); `404` after the 30 days
        events are kept.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        # The 12-member union is more than mypy infers `unwrap`'s type parameter from.
        response = cast("Response[Any]", get_event.sync_detailed(event_id, client=self._client))
        return cast("Event", unwrap(response))

    def list_events(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        type_: EventType | Unset = UNSET,
        resource_id: str | Unset = UNSET,
        created_after: datetime.datetime | Unset = UNSET,
    ) -> EventPage:
        """List events (`GET /v1/events`).

        Lists the events of the last 30 days, oldest first, optionally filtered by type (the
        parameter `type_`), resource and time.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            list_events.sync_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                type_=type_,
                resource_id=resource_id,
                created_after=created_after,
            )
        )

    def list_all_events(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        type_: EventType | Unset = UNSET,
        resource_id: str | Unset = UNSET,
        created_after: datetime.datetime | Unset = UNSET,
    ) -> Iterator[Event]:
        """Every item of `list_events`, across all pages (`GET /v1/events`).

        Follows `next_cursor`, one request per page as the iteration reaches it; `limit` is the
        page size, `cursor` where to start. The parameters are those of `list_events`.
        """
        return cast(
            "Iterator[Event]",
            paginate(
                cast("Callable[..., Any]", list_events.sync_detailed),
                client=self._client,
                limit=limit,
                cursor=cursor,
                type_=type_,
                resource_id=resource_id,
                created_after=created_after,
            ),
        )


class WebhooksRawResource:
    """The operations tagged `webhooks`, each returning the whole response.

    `PatientTracker(...).webhooks.raw`: the methods of `WebhooksResource` (list_all excepted),
    returning an `ApiResponse`. An error status still raises `ApiError`.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    def create_endpoint(
        self, *, body: WebhookEndpointCreate, idempotency_key: str | Unset = UNSET
    ) -> ApiResponse[WebhookEndpointWithSecret | Problem]:
        """Create a webhook endpoint (`POST /v1/webhook-endpoints`), returning the whole
        response."""
        return typed(
            create_webhook_endpoint.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    def delete_endpoint(
        self, endpoint_id: str, *, if_match: str | Unset = UNSET
    ) -> ApiResponse[Any | Problem]:
        """Delete a webhook endpoint (`DELETE /v1/webhook-endpoints/{endpoint_id}`),
        returning the whole response."""
        return typed(
            delete_webhook_endpoint.sync_detailed(
                endpoint_id, client=self._client, if_match=if_match
            )
        )

    def get_endpoint(
        self, endpoint_id: str, *, if_none_match: str | Unset = UNSET
    ) -> ApiResponse[WebhookEndpoint | Problem]:
        """Get a webhook endpoint (`GET /v1/webhook-endpoints/{endpoint_id}`), returning the
        whole response.
        With `if_none_match=`: a `304` (`parsed` None) if the resource still has that ETag.
        """
        return typed(
            get_webhook_endpoint.sync_detailed(
                endpoint_id, client=self._client, if_none_match=if_none_match
            )
        )

    def list_attempts(
        self,
        endpoint_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        event_id: str | Unset = UNSET,
    ) -> ApiResponse[WebhookAttemptPage | Problem]:
        """List an endpoint's delivery attempts (`GET
        /v1/webhook-endpoints/{endpoint_id}/attempts`), returning the whole response."""
        return typed(
            list_webhook_attempts.sync_detailed(
                endpoint_id, client=self._client, limit=limit, cursor=cursor, event_id=event_id
            )
        )

    def list_endpoints(
        self, *, limit: int | Unset = 20, cursor: str | Unset = UNSET
    ) -> ApiResponse[WebhookEndpointPage | Problem]:
        """List webhook endpoints (`GET /v1/webhook-endpoints`), returning the whole response."""
        return typed(
            list_webhook_endpoints.sync_detailed(client=self._client, limit=limit, cursor=cursor)
        )

    def redeliver_event(
        self, endpoint_id: str, event_id: str, *, idempotency_key: str | Unset = UNSET
    ) -> ApiResponse[Any | Problem]:
        """Redeliver an event to an endpoint (`POST
        /v1/webhook-endpoints/{endpoint_id}/events/{event_id}/redeliver`), returning the
        whole response."""
        return typed(
            redeliver_event.sync_detailed(
                endpoint_id, event_id, client=self._client, idempotency_key=idempotency_key
            )
        )

    def rotate_endpoint_secret(
        self,
        endpoint_id: str,
        *,
        idempotency_key: str | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> ApiResponse[WebhookEndpointWithSecret | Problem]:
        """Rotate a webhook endpoint's secret (`POST
        /v1/webhook-endpoints/{endpoint_id}/rotate-secret`), returning the whole
        response."""
        return typed(
            rotate_webhook_endpoint_secret.sync_detailed(
                endpoint_id, client=self._client, idempotency_key=idempotency_key, if_match=if_match
            )
        )

    def update_endpoint(
        self,
        endpoint_id: str,
        *,
        body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> ApiResponse[WebhookEndpoint | Problem]:
        """Update a webhook endpoint (`PATCH /v1/webhook-endpoints/{endpoint_id}`),
        returning the whole response."""
        return typed(
            update_webhook_endpoint.sync_detailed(
                endpoint_id, client=self._client, body=body, if_match=if_match
            )
        )

    def get_event(self, event_id: str) -> ApiResponse[Event | Problem]:
        """Get an event (`GET /v1/events/{event_id}`), returning the whole response."""
        return typed(get_event.sync_detailed(event_id, client=self._client))

    def list_events(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        type_: EventType | Unset = UNSET,
        resource_id: str | Unset = UNSET,
        created_after: datetime.datetime | Unset = UNSET,
    ) -> ApiResponse[EventPage | Problem]:
        """List events (`GET /v1/events`), returning the whole response."""
        return typed(
            list_events.sync_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                type_=type_,
                resource_id=resource_id,
                created_after=created_after,
            )
        )


class AsyncWebhooksResource:
    """The operations tagged `webhooks`: `AsyncPatientTracker(...).webhooks`.

    Each returns the success response's model, or raises an `ApiError` subclass; `.raw` has the same
    methods returning the whole response. Reading an event takes `webhooks:read` and the read
    scope of its resource.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client
        self.raw = AsyncWebhooksRawResource(client)

    async def create_endpoint(
        self, *, body: WebhookEndpointCreate, idempotency_key: str | Unset = UNSET
    ) -> WebhookEndpointWithSecret:
        """Create a webhook endpoint (`POST /v1/webhook-endpoints`).

        Subscribes a URL to events: every event of the listed types (all types when
        `event_types` is absent or empty) is delivered to it from now on. The answer carries the
        signing `secret`, once: store it. The URL must be `https` and must not resolve to a
        private, loopback or link-local address (a `422` `validation_failed` pointing at `/url`),
        unless the server's operator allows them for development. The endpoint receives resource
        data, so the key needs the read scope of every subscribed type's resource too
        (`patients:read` for `patient.*`, ...; else `403` `insufficient_scope`). Requires scope
        `webhooks:write`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await create_webhook_endpoint.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    async def delete_endpoint(self, endpoint_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a webhook endpoint (`DELETE /v1/webhook-endpoints/{endpoint_id}`).

        Deletes a webhook endpoint, its pending deliveries and its attempt history. Requires scope
        `webhooks:write`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        unwrap(
            await delete_webhook_endpoint.asyncio_detailed(
                endpoint_id, client=self._client, if_match=if_match
            )
        )

    async def get_endpoint(
        self, endpoint_id: str, *, if_none_match: str | Unset = UNSET
    ) -> WebhookEndpoint:
        """Get a webhook endpoint (`GET /v1/webhook-endpoints/{endpoint_id}`).

        Returns one webhook endpoint, with its `ETag`, never its secret. `enabled: false` with
        `disabled_reason: failing` means the server disabled it after 3 days of failed
        deliveries. Requires scope `webhooks:read`.

        Args:
            endpoint_id (str): The webhook endpoint's id.
            if_none_match (str | Unset): an ETag read before (or several, comma-separated): a
                `304` if the resource still has it.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
            NotModifiedError: for a `304`: the resource still has the ETag `if_none_match` gave.
        """
        return cast(
            "WebhookEndpoint",
            unwrap(
                await get_webhook_endpoint.asyncio_detailed(
                    endpoint_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    async def list_attempts(
        self,
        endpoint_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        event_id: str | Unset = UNSET,
    ) -> WebhookAttemptPage:
        """List an endpoint's delivery attempts (`GET
        /v1/webhook-endpoints/{endpoint_id}/attempts`).

        Lists the delivery attempts made to one endpoint, newest first, optionally for one event:
        when, the answer's status or the error, how long it took, and when the next attempt is due.
        Requires scope `webhooks:read`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await list_webhook_attempts.asyncio_detailed(
                endpoint_id, client=self._client, limit=limit, cursor=cursor, event_id=event_id
            )
        )

    def list_all_attempts(
        self,
        endpoint_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        event_id: str | Unset = UNSET,
    ) -> AsyncIterator[WebhookAttempt]:
        """Every item of `list_attempts`, across all pages (`GET
        /v1/webhook-endpoints/{endpoint_id}/attempts`).

        Follows `next_cursor`, one request per page as the iteration reaches it; `limit` is the
        page size, `cursor` where to start. The parameters are those of `list_attempts`.
        """
        return apaginate(
            list_webhook_attempts.asyncio_detailed,
            endpoint_id,
            client=self._client,
            limit=limit,
            cursor=cursor,
            event_id=event_id,
        )

    async def list_endpoints(
        self, *, limit: int | Unset = 20, cursor: str | Unset = UNSET
    ) -> WebhookEndpointPage:
        """List webhook endpoints (`GET /v1/webhook-endpoints`).

        Lists webhook endpoints, oldest first. Secrets are never listed. Requires scope
        `webhooks:read`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await list_webhook_endpoints.asyncio_detailed(
                client=self._client, limit=limit, cursor=cursor
            )
        )

    def list_all_endpoints(
        self, *, limit: int | Unset = 20, cursor: str | Unset = UNSET
    ) -> AsyncIterator[WebhookEndpoint]:
        """Every item of `list_endpoints`, across all pages (`GET /v1/webhook-endpoints`).

        Follows `next_cursor`, one request per page as the iteration reaches it; `limit` is the
        page size, `cursor` where to start. The parameters are those of `list_endpoints`.
        """
        return apaginate(
            list_webhook_endpoints.asyncio_detailed, client=self._client, limit=limit, cursor=cursor
        )

    async def redeliver_event(
        self, endpoint_id: str, event_id: str, *, idempotency_key: str | Unset = UNSET
    ) -> None:
        """Redeliver an event to an endpoint (`POST
        /v1/webhook-endpoints/{endpoint_id}/events/{event_id}/redeliver`).

        Starts a new series of delivery attempts of one event (of the last 30 days) to one
        endpoint, now, with the same `webhook-id`: receivers that deduplicate by it are not
        affected by a redelivery of an event they handled. Also for a disabled endpoint (how one
        tests a fix). Requires scope `webhooks:write`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        unwrap(
            await redeliver_event.asyncio_detailed(
                endpoint_id, event_id, client=self._client, idempotency_key=idempotency_key
            )
        )

    async def rotate_endpoint_secret(
        self,
        endpoint_id: str,
        *,
        idempotency_key: str | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> WebhookEndpointWithSecret:
        """Rotate a webhook endpoint's secret (`POST
        /v1/webhook-endpoints/{endpoint_id}/rotate-secret`).

        Replaces the signing secret with a new one, shown in the answer, once. For 24 hours the
        old secret keeps signing too (deliveries carry both signatures), so receivers can switch
        without losing deliveries. Requires scope `webhooks:write`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await rotate_webhook_endpoint_secret.asyncio_detailed(
                endpoint_id, client=self._client, idempotency_key=idempotency_key, if_match=if_match
            )
        )

    async def update_endpoint(
        self,
        endpoint_id: str,
        *,
        body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> WebhookEndpoint:
        """Update a webhook endpoint (`PATCH /v1/webhook-endpoints/{endpoint_id}`).

        Changes a webhook endpoint with a JSON merge patch (RFC 7396): `url`, `event_types`,
        `description` (`null` removes it) and `enabled`. The rules of creation apply to a new
        URL and types. `enabled: true` re-enables an endpoint the server disabled and clears
        `disabled_reason`; deliveries resume with events recorded from then on. Requires scope
        `webhooks:write`.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await update_webhook_endpoint.asyncio_detailed(
                endpoint_id, client=self._client, body=body, if_match=if_match
            )
        )

    async def get_event(self, event_id: str) -> Event:
        """Get an event (`GET /v1/events/{event_id}`).

        Returns one event (a generated event model, told apart by `type`); `404` after the 30 days
        events are kept.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        # The 12-member union is more than mypy infers `unwrap`'s type parameter from.
        response = cast(
            "Response[Any]", await get_event.asyncio_detailed(event_id, client=self._client)
        )
        return cast("Event", unwrap(response))

    async def list_events(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        type_: EventType | Unset = UNSET,
        resource_id: str | Unset = UNSET,
        created_after: datetime.datetime | Unset = UNSET,
    ) -> EventPage:
        """List events (`GET /v1/events`).

        Lists the events of the last 30 days, oldest first, optionally filtered by type (the
        parameter `type_`), resource and time.

        Raises:
            ApiError: for an error response, as its subclass (`NotFoundError`, ...).
        """
        return unwrap(
            await list_events.asyncio_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                type_=type_,
                resource_id=resource_id,
                created_after=created_after,
            )
        )

    def list_all_events(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        type_: EventType | Unset = UNSET,
        resource_id: str | Unset = UNSET,
        created_after: datetime.datetime | Unset = UNSET,
    ) -> AsyncIterator[Event]:
        """Every item of `list_events`, across all pages (`GET /v1/events`).

        Follows `next_cursor`, one request per page as the iteration reaches it; `limit` is the
        page size, `cursor` where to start. The parameters are those of `list_events`.
        """
        return cast(
            "AsyncIterator[Event]",
            apaginate(
                cast("Callable[..., Any]", list_events.asyncio_detailed),
                client=self._client,
                limit=limit,
                cursor=cursor,
                type_=type_,
                resource_id=resource_id,
                created_after=created_after,
            ),
        )


class AsyncWebhooksRawResource:
    """The operations tagged `webhooks`, each returning the whole response.

    `AsyncPatientTracker(...).webhooks.raw`: the methods of `AsyncWebhooksResource` (list_all
    excepted),
    returning an `ApiResponse`. An error status still raises `ApiError`.
    """

    def __init__(self, client: AuthenticatedClient) -> None:
        self._client = client

    async def create_endpoint(
        self, *, body: WebhookEndpointCreate, idempotency_key: str | Unset = UNSET
    ) -> ApiResponse[WebhookEndpointWithSecret | Problem]:
        """Create a webhook endpoint (`POST /v1/webhook-endpoints`), returning the whole
        response."""
        return typed(
            await create_webhook_endpoint.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    async def delete_endpoint(
        self, endpoint_id: str, *, if_match: str | Unset = UNSET
    ) -> ApiResponse[Any | Problem]:
        """Delete a webhook endpoint (`DELETE /v1/webhook-endpoints/{endpoint_id}`),
        returning the whole response."""
        return typed(
            await delete_webhook_endpoint.asyncio_detailed(
                endpoint_id, client=self._client, if_match=if_match
            )
        )

    async def get_endpoint(
        self, endpoint_id: str, *, if_none_match: str | Unset = UNSET
    ) -> ApiResponse[WebhookEndpoint | Problem]:
        """Get a webhook endpoint (`GET /v1/webhook-endpoints/{endpoint_id}`), returning the
        whole response.
        With `if_none_match=`: a `304` (`parsed` None) if the resource still has that ETag.
        """
        return typed(
            await get_webhook_endpoint.asyncio_detailed(
                endpoint_id, client=self._client, if_none_match=if_none_match
            )
        )

    async def list_attempts(
        self,
        endpoint_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        event_id: str | Unset = UNSET,
    ) -> ApiResponse[WebhookAttemptPage | Problem]:
        """List an endpoint's delivery attempts (`GET
        /v1/webhook-endpoints/{endpoint_id}/attempts`), returning the whole response."""
        return typed(
            await list_webhook_attempts.asyncio_detailed(
                endpoint_id, client=self._client, limit=limit, cursor=cursor, event_id=event_id
            )
        )

    async def list_endpoints(
        self, *, limit: int | Unset = 20, cursor: str | Unset = UNSET
    ) -> ApiResponse[WebhookEndpointPage | Problem]:
        """List webhook endpoints (`GET /v1/webhook-endpoints`), returning the whole response."""
        return typed(
            await list_webhook_endpoints.asyncio_detailed(
                client=self._client, limit=limit, cursor=cursor
            )
        )

    async def redeliver_event(
        self, endpoint_id: str, event_id: str, *, idempotency_key: str | Unset = UNSET
    ) -> ApiResponse[Any | Problem]:
        """Redeliver an event to an endpoint (`POST
        /v1/webhook-endpoints/{endpoint_id}/events/{event_id}/redeliver`), returning the
        whole response."""
        return typed(
            await redeliver_event.asyncio_detailed(
                endpoint_id, event_id, client=self._client, idempotency_key=idempotency_key
            )
        )

    async def rotate_endpoint_secret(
        self,
        endpoint_id: str,
        *,
        idempotency_key: str | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> ApiResponse[WebhookEndpointWithSecret | Problem]:
        """Rotate a webhook endpoint's secret (`POST
        /v1/webhook-endpoints/{endpoint_id}/rotate-secret`), returning the whole
        response."""
        return typed(
            await rotate_webhook_endpoint_secret.asyncio_detailed(
                endpoint_id, client=self._client, idempotency_key=idempotency_key, if_match=if_match
            )
        )

    async def update_endpoint(
        self,
        endpoint_id: str,
        *,
        body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> ApiResponse[WebhookEndpoint | Problem]:
        """Update a webhook endpoint (`PATCH /v1/webhook-endpoints/{endpoint_id}`),
        returning the whole response."""
        return typed(
            await update_webhook_endpoint.asyncio_detailed(
                endpoint_id, client=self._client, body=body, if_match=if_match
            )
        )

    async def get_event(self, event_id: str) -> ApiResponse[Event | Problem]:
        """Get an event (`GET /v1/events/{event_id}`), returning the whole response."""
        return typed(await get_event.asyncio_detailed(event_id, client=self._client))

    async def list_events(
        self,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        type_: EventType | Unset = UNSET,
        resource_id: str | Unset = UNSET,
        created_after: datetime.datetime | Unset = UNSET,
    ) -> ApiResponse[EventPage | Problem]:
        """List events (`GET /v1/events`), returning the whole response."""
        return typed(
            await list_events.asyncio_detailed(
                client=self._client,
                limit=limit,
                cursor=cursor,
                type_=type_,
                resource_id=resource_id,
                created_after=created_after,
            )
        )


class Resources:
    """The API's operations by tag, as properties of `PatientTracker` (which sets `client`)."""

    client: AuthenticatedClient

    @cached_property
    def appointments(self) -> AppointmentsResource:
        """The operations tagged `appointments`."""
        return AppointmentsResource(self.client)

    @cached_property
    def health(self) -> HealthResource:
        """The operations tagged `health`."""
        return HealthResource(self.client)

    @cached_property
    def patients(self) -> PatientsResource:
        """The operations tagged `patients`."""
        return PatientsResource(self.client)

    @cached_property
    def practitioners(self) -> PractitionersResource:
        """The operations tagged `practitioners`."""
        return PractitionersResource(self.client)

    @cached_property
    def webhooks(self) -> WebhooksResource:
        """The operations tagged `webhooks`."""
        return WebhooksResource(self.client)


class AsyncResources:
    """The API's operations by tag, as properties of `AsyncPatientTracker` (which sets `client`)."""

    client: AuthenticatedClient

    @cached_property
    def appointments(self) -> AsyncAppointmentsResource:
        """The operations tagged `appointments`."""
        return AsyncAppointmentsResource(self.client)

    @cached_property
    def health(self) -> AsyncHealthResource:
        """The operations tagged `health`."""
        return AsyncHealthResource(self.client)

    @cached_property
    def patients(self) -> AsyncPatientsResource:
        """The operations tagged `patients`."""
        return AsyncPatientsResource(self.client)

    @cached_property
    def practitioners(self) -> AsyncPractitionersResource:
        """The operations tagged `practitioners`."""
        return AsyncPractitionersResource(self.client)

    @cached_property
    def webhooks(self) -> AsyncWebhooksResource:
        """The operations tagged `webhooks`."""
        return AsyncWebhooksResource(self.client)
