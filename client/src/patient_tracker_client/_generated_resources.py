# Generated from spec/openapi.yaml by client/generate.py (nox -s generate). Do not edit.
"""The resource facade, `tracker.patients.get(patient_id)`: the spec's operations.

Per tag a class for `PatientTracker` (`PatientsResource`) and one for `AsyncPatientTracker`
(`AsyncPatientsResource`), on the hand-written `Resource` (`_resources.py`): per operation a
method in each, with the parameters of the generated `sync_detailed` minus `client`, and per list
operation a `list_all...` iterator over every page. `Resources` / `AsyncResources` carry them as
properties. A method's name is the operation's snake_case operationId without its first word
naming the tag's resource (the tag, or the tag without a final "s"): listPatients ->
patients.list, checkInAppointment -> appointments.check_in; the iterator turns a leading "list"
into "list_all".
"""

from __future__ import annotations

import datetime
from collections.abc import AsyncIterator, Iterator
from functools import cached_property
from typing import Any, cast

from ._pagination import aeach_item, each_item
from ._resources import Mode, Parsed, Raw, Resource, async_operation, operation
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
from .generated.models import (
    Appointment,
    AppointmentCancellation,
    AppointmentCreate,
    AppointmentPage,
    AppointmentStatus,
    AppointmentUpdate,
    EventPage,
    EventType,
    Health,
    Patient,
    PatientCreate,
    PatientPage,
    PatientUpdate,
    Practitioner,
    PractitionerCreate,
    PractitionerPage,
    PractitionerUpdate,
    Readiness,
    WebhookAttempt,
    WebhookAttemptPage,
    WebhookEndpoint,
    WebhookEndpointCreate,
    WebhookEndpointPage,
    WebhookEndpointUpdate,
    WebhookEndpointWithSecret,
)
from .generated.types import UNSET, Response, Unset


class PatientsResource(Resource[Mode]):
    """The operations tagged `Patients`: People who book appointments. A patient's phone number is
    unique.

    `PatientTracker(...).patients`: one method per operation, each returning the success response's
    model or raising an `ApiError` subclass (`ApiConnectionError` when the network fails, after the
    client's retries), and per list operation `list_all...`, an iterator over its pages. `.raw` has
    the same methods, each returning the whole response (`ApiResponse`: `status_code`, `headers`,
    `parsed`, `typed_headers`, `request_id`), for `etag()` and `modify()`; an error status still
    raises.
    """

    @cached_property
    def raw(self) -> PatientsResource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return PatientsResource(self._client, raw=True)

    @operation
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
        exact phone number or by a name prefix. Requires scope `patients:read`.

        Scopes: `patients:read`.

        Args:
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            phone: Only the patient with exactly this phone number (E.164).
            name_prefix: Only patients whose given name or family name starts with this text,
                ignoring ASCII case.

        Returns:
            PatientPage: One page of patients (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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
        `limit` is the page size, `cursor` where to start. The parameters and the errors are those
        of `list`, an error raised when the iteration reaches its page.
        """
        return each_item(
            list_patients.sync_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            phone=phone,
            name_prefix=name_prefix,
        )

    @operation
    def create(self, *, body: PatientCreate, idempotency_key: str | Unset = UNSET) -> Patient:
        """Register a patient (`POST /v1/patients`).

        Registers a patient. The phone number must not belong to another patient (`409`
        `phone_taken`), and the date of birth must not be in the future (`422`). Requires scope
        `patients:write`.

        Scopes: `patients:write`.

        Args:
            body: A patient to register.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Patient: The patient was registered (`201`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `location`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ConflictError: Another patient already has this phone number (`409`: `phone_taken`
                (`PhoneTakenError`)).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            create_patient.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    @operation
    def get(self, patient_id: str, *, if_none_match: str | Unset = UNSET) -> Patient:
        """Get a patient (`GET /v1/patients/{patient_id}`).

        Returns one patient, with its `ETag`. Requires scope `patients:read`.

        Scopes: `patients:read`.

        Args:
            patient_id: The patient's `id`.
            if_none_match: The `ETag` (or a comma-separated list of them) last read. When the
                resource still has one of them (weak comparison, RFC 9110 section 13.1.2), the
                answer is `304` with no body. `*` matches any current version.

        Returns:
            Patient: The patient (`200`). On `.raw`: the whole response (`ApiResponse`), its
                documented headers typed in `typed_headers`: `etag`, `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            NotModifiedError: The resource still has the `ETag` given in `If-None-Match`; no body
                (`304`, for `if_none_match=`).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "Patient",
            self._result(
                get_patient.sync_detailed(
                    patient_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    @operation
    def delete(self, patient_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a patient (`DELETE /v1/patients/{patient_id}`).

        Deletes a patient that has no appointments (any status); one that has is a `409`
        `patient_has_appointments`. Requires scope `patients:write`.

        Scopes: `patients:write`.

        Args:
            patient_id: The patient's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            None: The patient was deleted (`204`, no body). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The resource still has appointments, so it cannot be deleted (`409`:
                `patient_has_appointments` (`PatientHasAppointmentsError`),
                `practitioner_has_appointments` (`PractitionerHasAppointmentsError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "None",
            self._result(
                delete_patient.sync_detailed(patient_id, client=self._client, if_match=if_match)
            ),
        )

    @operation
    def update(
        self,
        patient_id: str,
        *,
        body: PatientUpdate | PatientUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> Patient:
        """Update a patient (`PATCH /v1/patients/{patient_id}`).

        Changes a patient with a JSON merge patch (RFC 7396): fields that are present are set,
        `null` removes an optional field (`email`), absent fields are left alone. The same rules as
        on registration apply. Requires scope `patients:write`.

        Scopes: `patients:write`.

        Args:
            patient_id: The patient's `id`.
            body: A JSON merge patch of a patient. Absent fields are unchanged; `email` may be
                `null` to remove it.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            Patient: The updated patient (`200`). On `.raw`: the whole response (`ApiResponse`), its
                documented headers typed in `typed_headers`: `etag`, `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: Another patient already has this phone number (`409`: `phone_taken`
                (`PhoneTakenError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            update_patient.sync_detailed(
                patient_id, client=self._client, body=body, if_match=if_match
            )
        )

    @operation
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

        Scopes: `patients:read` and `appointments:read`.

        Args:
            patient_id: The patient's `id`.
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            status: Only appointments in this status.
            start_at_from: Only appointments that start at or after this instant (RFC 3339, with an
                offset).
            start_at_before: Only appointments that start strictly before this instant (RFC 3339,
                with an offset).

        Returns:
            AppointmentPage: One page of the patient's appointments (`200`). On `.raw`: the whole
                response (`ApiResponse`), its documented headers typed in `typed_headers`:
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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
        """Every item of `list_appointments`, across all pages
        (`GET /v1/patients/{patient_id}/appointments`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`for item in ...`);
        `limit` is the page size, `cursor` where to start. The parameters and the errors are those
        of `list_appointments`, an error raised when the iteration reaches its page.
        """
        return each_item(
            list_patient_appointments.sync_detailed,
            patient_id,
            client=self._client,
            limit=limit,
            cursor=cursor,
            status=status,
            start_at_from=start_at_from,
            start_at_before=start_at_before,
        )


class AsyncPatientsResource(Resource[Mode]):
    """The operations tagged `Patients`: People who book appointments. A patient's phone number is
    unique.

    `AsyncPatientTracker(...).patients`: one method per operation, each a coroutine returning the
    success response's model or raising an `ApiError` subclass (`ApiConnectionError` when the
    network fails, after the client's retries), and per list operation `list_all...`, an async
    iterator over its pages. `.raw` has the same methods, each returning the whole response
    (`ApiResponse`: `status_code`, `headers`, `parsed`, `typed_headers`, `request_id`), for `etag()`
    and `modify()`; an error status still raises.
    """

    @cached_property
    def raw(self) -> AsyncPatientsResource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return AsyncPatientsResource(self._client, raw=True)

    @async_operation
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
        exact phone number or by a name prefix. Requires scope `patients:read`.

        Scopes: `patients:read`.

        Args:
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            phone: Only the patient with exactly this phone number (E.164).
            name_prefix: Only patients whose given name or family name starts with this text,
                ignoring ASCII case.

        Returns:
            PatientPage: One page of patients (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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

        Follows `next_cursor`, one request per page as the iteration reaches it
        (`async for item in ...`); `limit` is the page size, `cursor` where to start. The parameters
        and the errors are those of `list`, an error raised when the iteration reaches its page.
        """
        return aeach_item(
            list_patients.asyncio_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            phone=phone,
            name_prefix=name_prefix,
        )

    @async_operation
    async def create(self, *, body: PatientCreate, idempotency_key: str | Unset = UNSET) -> Patient:
        """Register a patient (`POST /v1/patients`).

        Registers a patient. The phone number must not belong to another patient (`409`
        `phone_taken`), and the date of birth must not be in the future (`422`). Requires scope
        `patients:write`.

        Scopes: `patients:write`.

        Args:
            body: A patient to register.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Patient: The patient was registered (`201`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `location`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ConflictError: Another patient already has this phone number (`409`: `phone_taken`
                (`PhoneTakenError`)).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await create_patient.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    @async_operation
    async def get(self, patient_id: str, *, if_none_match: str | Unset = UNSET) -> Patient:
        """Get a patient (`GET /v1/patients/{patient_id}`).

        Returns one patient, with its `ETag`. Requires scope `patients:read`.

        Scopes: `patients:read`.

        Args:
            patient_id: The patient's `id`.
            if_none_match: The `ETag` (or a comma-separated list of them) last read. When the
                resource still has one of them (weak comparison, RFC 9110 section 13.1.2), the
                answer is `304` with no body. `*` matches any current version.

        Returns:
            Patient: The patient (`200`). On `.raw`: the whole response (`ApiResponse`), its
                documented headers typed in `typed_headers`: `etag`, `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            NotModifiedError: The resource still has the `ETag` given in `If-None-Match`; no body
                (`304`, for `if_none_match=`).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "Patient",
            self._result(
                await get_patient.asyncio_detailed(
                    patient_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    @async_operation
    async def delete(self, patient_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a patient (`DELETE /v1/patients/{patient_id}`).

        Deletes a patient that has no appointments (any status); one that has is a `409`
        `patient_has_appointments`. Requires scope `patients:write`.

        Scopes: `patients:write`.

        Args:
            patient_id: The patient's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            None: The patient was deleted (`204`, no body). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The resource still has appointments, so it cannot be deleted (`409`:
                `patient_has_appointments` (`PatientHasAppointmentsError`),
                `practitioner_has_appointments` (`PractitionerHasAppointmentsError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "None",
            self._result(
                await delete_patient.asyncio_detailed(
                    patient_id, client=self._client, if_match=if_match
                )
            ),
        )

    @async_operation
    async def update(
        self,
        patient_id: str,
        *,
        body: PatientUpdate | PatientUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> Patient:
        """Update a patient (`PATCH /v1/patients/{patient_id}`).

        Changes a patient with a JSON merge patch (RFC 7396): fields that are present are set,
        `null` removes an optional field (`email`), absent fields are left alone. The same rules as
        on registration apply. Requires scope `patients:write`.

        Scopes: `patients:write`.

        Args:
            patient_id: The patient's `id`.
            body: A JSON merge patch of a patient. Absent fields are unchanged; `email` may be
                `null` to remove it.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            Patient: The updated patient (`200`). On `.raw`: the whole response (`ApiResponse`), its
                documented headers typed in `typed_headers`: `etag`, `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: Another patient already has this phone number (`409`: `phone_taken`
                (`PhoneTakenError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await update_patient.asyncio_detailed(
                patient_id, client=self._client, body=body, if_match=if_match
            )
        )

    @async_operation
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

        Scopes: `patients:read` and `appointments:read`.

        Args:
            patient_id: The patient's `id`.
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            status: Only appointments in this status.
            start_at_from: Only appointments that start at or after this instant (RFC 3339, with an
                offset).
            start_at_before: Only appointments that start strictly before this instant (RFC 3339,
                with an offset).

        Returns:
            AppointmentPage: One page of the patient's appointments (`200`). On `.raw`: the whole
                response (`ApiResponse`), its documented headers typed in `typed_headers`:
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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
        """Every item of `list_appointments`, across all pages
        (`GET /v1/patients/{patient_id}/appointments`).

        Follows `next_cursor`, one request per page as the iteration reaches it
        (`async for item in ...`); `limit` is the page size, `cursor` where to start. The parameters
        and the errors are those of `list_appointments`, an error raised when the iteration reaches
        its page.
        """
        return aeach_item(
            list_patient_appointments.asyncio_detailed,
            patient_id,
            client=self._client,
            limit=limit,
            cursor=cursor,
            status=status,
            start_at_from=start_at_from,
            start_at_before=start_at_before,
        )


class PractitionersResource(Resource[Mode]):
    """The operations tagged `Practitioners`: Clinicians who see patients. Inactive practitioners
    take no new bookings.

    `PatientTracker(...).practitioners`: one method per operation, each returning the success
    response's model or raising an `ApiError` subclass (`ApiConnectionError` when the network fails,
    after the client's retries), and per list operation `list_all...`, an iterator over its pages.
    `.raw` has the same methods, each returning the whole response (`ApiResponse`: `status_code`,
    `headers`, `parsed`, `typed_headers`, `request_id`), for `etag()` and `modify()`; an error
    status still raises.
    """

    @cached_property
    def raw(self) -> PractitionersResource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return PractitionersResource(self._client, raw=True)

    @operation
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

        Scopes: `practitioners:read`.

        Args:
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            specialty: Only practitioners with exactly this specialty.
            active: Only active (`true`) or only inactive (`false`) practitioners.

        Returns:
            PractitionerPage: One page of practitioners (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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
        `limit` is the page size, `cursor` where to start. The parameters and the errors are those
        of `list`, an error raised when the iteration reaches its page.
        """
        return each_item(
            list_practitioners.sync_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            specialty=specialty,
            active=active,
        )

    @operation
    def create(
        self, *, body: PractitionerCreate, idempotency_key: str | Unset = UNSET
    ) -> Practitioner:
        """Create a practitioner (`POST /v1/practitioners`).

        Creates a practitioner, active unless `active` is `false`. Requires scope
        `practitioners:write`.

        Scopes: `practitioners:write`.

        Args:
            body: A practitioner to create.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Practitioner: The practitioner was created (`201`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `location`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            create_practitioner.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    @operation
    def get(self, practitioner_id: str, *, if_none_match: str | Unset = UNSET) -> Practitioner:
        """Get a practitioner (`GET /v1/practitioners/{practitioner_id}`).

        Returns one practitioner, with its `ETag`. Requires scope `practitioners:read`.

        Scopes: `practitioners:read`.

        Args:
            practitioner_id: The practitioner's `id`.
            if_none_match: The `ETag` (or a comma-separated list of them) last read. When the
                resource still has one of them (weak comparison, RFC 9110 section 13.1.2), the
                answer is `304` with no body. `*` matches any current version.

        Returns:
            Practitioner: The practitioner (`200`). On `.raw`: the whole response (`ApiResponse`),
                its documented headers typed in `typed_headers`: `etag`, `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            NotModifiedError: The resource still has the `ETag` given in `If-None-Match`; no body
                (`304`, for `if_none_match=`).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "Practitioner",
            self._result(
                get_practitioner.sync_detailed(
                    practitioner_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    @operation
    def delete(self, practitioner_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a practitioner (`DELETE /v1/practitioners/{practitioner_id}`).

        Deletes a practitioner that has no appointments (any status); one that has is a `409`
        `practitioner_has_appointments` (deactivate it instead). Requires scope
        `practitioners:write`.

        Scopes: `practitioners:write`.

        Args:
            practitioner_id: The practitioner's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            None: The practitioner was deleted (`204`, no body). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The resource still has appointments, so it cannot be deleted (`409`:
                `patient_has_appointments` (`PatientHasAppointmentsError`),
                `practitioner_has_appointments` (`PractitionerHasAppointmentsError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "None",
            self._result(
                delete_practitioner.sync_detailed(
                    practitioner_id, client=self._client, if_match=if_match
                )
            ),
        )

    @operation
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

        Scopes: `practitioners:write`.

        Args:
            practitioner_id: The practitioner's `id`.
            body: A JSON merge patch of a practitioner. Absent fields are unchanged.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            Practitioner: The updated practitioner (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            update_practitioner.sync_detailed(
                practitioner_id, client=self._client, body=body, if_match=if_match
            )
        )


class AsyncPractitionersResource(Resource[Mode]):
    """The operations tagged `Practitioners`: Clinicians who see patients. Inactive practitioners
    take no new bookings.

    `AsyncPatientTracker(...).practitioners`: one method per operation, each a coroutine returning
    the success response's model or raising an `ApiError` subclass (`ApiConnectionError` when the
    network fails, after the client's retries), and per list operation `list_all...`, an async
    iterator over its pages. `.raw` has the same methods, each returning the whole response
    (`ApiResponse`: `status_code`, `headers`, `parsed`, `typed_headers`, `request_id`), for `etag()`
    and `modify()`; an error status still raises.
    """

    @cached_property
    def raw(self) -> AsyncPractitionersResource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return AsyncPractitionersResource(self._client, raw=True)

    @async_operation
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

        Scopes: `practitioners:read`.

        Args:
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            specialty: Only practitioners with exactly this specialty.
            active: Only active (`true`) or only inactive (`false`) practitioners.

        Returns:
            PractitionerPage: One page of practitioners (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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

        Follows `next_cursor`, one request per page as the iteration reaches it
        (`async for item in ...`); `limit` is the page size, `cursor` where to start. The parameters
        and the errors are those of `list`, an error raised when the iteration reaches its page.
        """
        return aeach_item(
            list_practitioners.asyncio_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            specialty=specialty,
            active=active,
        )

    @async_operation
    async def create(
        self, *, body: PractitionerCreate, idempotency_key: str | Unset = UNSET
    ) -> Practitioner:
        """Create a practitioner (`POST /v1/practitioners`).

        Creates a practitioner, active unless `active` is `false`. Requires scope
        `practitioners:write`.

        Scopes: `practitioners:write`.

        Args:
            body: A practitioner to create.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Practitioner: The practitioner was created (`201`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `location`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await create_practitioner.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    @async_operation
    async def get(
        self, practitioner_id: str, *, if_none_match: str | Unset = UNSET
    ) -> Practitioner:
        """Get a practitioner (`GET /v1/practitioners/{practitioner_id}`).

        Returns one practitioner, with its `ETag`. Requires scope `practitioners:read`.

        Scopes: `practitioners:read`.

        Args:
            practitioner_id: The practitioner's `id`.
            if_none_match: The `ETag` (or a comma-separated list of them) last read. When the
                resource still has one of them (weak comparison, RFC 9110 section 13.1.2), the
                answer is `304` with no body. `*` matches any current version.

        Returns:
            Practitioner: The practitioner (`200`). On `.raw`: the whole response (`ApiResponse`),
                its documented headers typed in `typed_headers`: `etag`, `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            NotModifiedError: The resource still has the `ETag` given in `If-None-Match`; no body
                (`304`, for `if_none_match=`).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "Practitioner",
            self._result(
                await get_practitioner.asyncio_detailed(
                    practitioner_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    @async_operation
    async def delete(self, practitioner_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a practitioner (`DELETE /v1/practitioners/{practitioner_id}`).

        Deletes a practitioner that has no appointments (any status); one that has is a `409`
        `practitioner_has_appointments` (deactivate it instead). Requires scope
        `practitioners:write`.

        Scopes: `practitioners:write`.

        Args:
            practitioner_id: The practitioner's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            None: The practitioner was deleted (`204`, no body). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The resource still has appointments, so it cannot be deleted (`409`:
                `patient_has_appointments` (`PatientHasAppointmentsError`),
                `practitioner_has_appointments` (`PractitionerHasAppointmentsError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "None",
            self._result(
                await delete_practitioner.asyncio_detailed(
                    practitioner_id, client=self._client, if_match=if_match
                )
            ),
        )

    @async_operation
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

        Scopes: `practitioners:write`.

        Args:
            practitioner_id: The practitioner's `id`.
            body: A JSON merge patch of a practitioner. Absent fields are unchanged.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            Practitioner: The updated practitioner (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await update_practitioner.asyncio_detailed(
                practitioner_id, client=self._client, body=body, if_match=if_match
            )
        )


class AppointmentsResource(Resource[Mode]):
    """The operations tagged `Appointments`: A booking of one patient with one practitioner. Its
    status moves only through the actions: `scheduled -> checked_in -> completed`,
    `scheduled | checked_in -> cancelled`, `scheduled -> no_show`.

    `PatientTracker(...).appointments`: one method per operation, each returning the success
    response's model or raising an `ApiError` subclass (`ApiConnectionError` when the network fails,
    after the client's retries), and per list operation `list_all...`, an iterator over its pages.
    `.raw` has the same methods, each returning the whole response (`ApiResponse`: `status_code`,
    `headers`, `parsed`, `typed_headers`, `request_id`), for `etag()` and `modify()`; an error
    status still raises.
    """

    @cached_property
    def raw(self) -> AppointmentsResource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return AppointmentsResource(self._client, raw=True)

    @operation
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

        Scopes: `appointments:read`.

        Args:
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            patient_id: Only appointments of this patient.
            practitioner_id: Only appointments with this practitioner.
            status: Only appointments in this status.
            start_at_from: Only appointments that start at or after this instant (RFC 3339, with an
                offset).
            start_at_before: Only appointments that start strictly before this instant (RFC 3339,
                with an offset).

        Returns:
            AppointmentPage: One page of appointments (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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
        `limit` is the page size, `cursor` where to start. The parameters and the errors are those
        of `list`, an error raised when the iteration reaches its page.
        """
        return each_item(
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

    @operation
    def book(self, *, body: AppointmentCreate, idempotency_key: str | Unset = UNSET) -> Appointment:
        """Book an appointment (`POST /v1/appointments`).

        Books an appointment in status `scheduled`. `end_at` must be after `start_at` and at most 8
        hours later; the patient and practitioner must exist (`404` `not_found`, with `errors`
        pointing at the field); the practitioner must be active (`409` `practitioner_inactive`); and
        neither may have another live (not cancelled) appointment overlapping it (`409`
        `appointment_overlap`). Intervals are half-open, so back-to-back appointments do not
        overlap. Requires scope `appointments:write`.

        Scopes: `appointments:write`.

        Args:
            body: An appointment to book, at most 8 hours long (`x-max-duration`).
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Appointment: The appointment was booked (`201`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `location`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: The body names a patient or practitioner that does not exist (`404`:
                `not_found`).
            ConflictError: The booking conflicts with another appointment, the practitioner, or the
                appointment's status (`409`: `appointment_overlap` (`AppointmentOverlapError`),
                `practitioner_inactive` (`PractitionerInactiveError`), `invalid_status_transition`
                (`InvalidStatusTransitionError`)).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            book_appointment.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    @operation
    def get(self, appointment_id: str, *, if_none_match: str | Unset = UNSET) -> Appointment:
        """Get an appointment (`GET /v1/appointments/{appointment_id}`).

        Returns one appointment, with its `ETag`. Requires scope `appointments:read`.

        Scopes: `appointments:read`.

        Args:
            appointment_id: The appointment's `id`.
            if_none_match: The `ETag` (or a comma-separated list of them) last read. When the
                resource still has one of them (weak comparison, RFC 9110 section 13.1.2), the
                answer is `304` with no body. `*` matches any current version.

        Returns:
            Appointment: The appointment (`200`). On `.raw`: the whole response (`ApiResponse`), its
                documented headers typed in `typed_headers`: `etag`, `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            NotModifiedError: The resource still has the `ETag` given in `If-None-Match`; no body
                (`304`, for `if_none_match=`).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "Appointment",
            self._result(
                get_appointment.sync_detailed(
                    appointment_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    @operation
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

        Scopes: `appointments:write`.

        Args:
            appointment_id: The appointment's `id`.
            body: A JSON merge patch of a scheduled appointment. Absent fields are unchanged;
                `reason` and `notes` may be `null` to remove them. The resulting times follow the
                booking rules.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            Appointment: The updated appointment (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The booking conflicts with another appointment, the practitioner, or the
                appointment's status (`409`: `appointment_overlap` (`AppointmentOverlapError`),
                `practitioner_inactive` (`PractitionerInactiveError`), `invalid_status_transition`
                (`InvalidStatusTransitionError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            update_appointment.sync_detailed(
                appointment_id, client=self._client, body=body, if_match=if_match
            )
        )

    @operation
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

        Scopes: `appointments:write`.

        Args:
            appointment_id: The appointment's `id`.
            body: Why an appointment is being cancelled.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Appointment: The appointment in its new status (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The appointment's current status does not allow this move (`409`:
                `invalid_status_transition` (`InvalidStatusTransitionError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            cancel_appointment.sync_detailed(
                appointment_id,
                client=self._client,
                body=body,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    @operation
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

        Scopes: `appointments:write`.

        Args:
            appointment_id: The appointment's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Appointment: The appointment in its new status (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The appointment's current status does not allow this move (`409`:
                `invalid_status_transition` (`InvalidStatusTransitionError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`), or the
                `Idempotency-Key` was already used for a different request
                (`idempotency_key_reused`) (`422`: `idempotency_key_reused`
                (`IdempotencyKeyReusedError`), `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            check_in_appointment.sync_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    @operation
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

        Scopes: `appointments:write`.

        Args:
            appointment_id: The appointment's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Appointment: The appointment in its new status (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The appointment's current status does not allow this move (`409`:
                `invalid_status_transition` (`InvalidStatusTransitionError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`), or the
                `Idempotency-Key` was already used for a different request
                (`idempotency_key_reused`) (`422`: `idempotency_key_reused`
                (`IdempotencyKeyReusedError`), `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            complete_appointment.sync_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    @operation
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

        Scopes: `appointments:write`.

        Args:
            appointment_id: The appointment's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Appointment: The appointment in its new status (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The appointment's current status does not allow this move (`409`:
                `invalid_status_transition` (`InvalidStatusTransitionError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`), or the
                `Idempotency-Key` was already used for a different request
                (`idempotency_key_reused`) (`422`: `idempotency_key_reused`
                (`IdempotencyKeyReusedError`), `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            mark_appointment_no_show.sync_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )


class AsyncAppointmentsResource(Resource[Mode]):
    """The operations tagged `Appointments`: A booking of one patient with one practitioner. Its
    status moves only through the actions: `scheduled -> checked_in -> completed`,
    `scheduled | checked_in -> cancelled`, `scheduled -> no_show`.

    `AsyncPatientTracker(...).appointments`: one method per operation, each a coroutine returning
    the success response's model or raising an `ApiError` subclass (`ApiConnectionError` when the
    network fails, after the client's retries), and per list operation `list_all...`, an async
    iterator over its pages. `.raw` has the same methods, each returning the whole response
    (`ApiResponse`: `status_code`, `headers`, `parsed`, `typed_headers`, `request_id`), for `etag()`
    and `modify()`; an error status still raises.
    """

    @cached_property
    def raw(self) -> AsyncAppointmentsResource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return AsyncAppointmentsResource(self._client, raw=True)

    @async_operation
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

        Scopes: `appointments:read`.

        Args:
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            patient_id: Only appointments of this patient.
            practitioner_id: Only appointments with this practitioner.
            status: Only appointments in this status.
            start_at_from: Only appointments that start at or after this instant (RFC 3339, with an
                offset).
            start_at_before: Only appointments that start strictly before this instant (RFC 3339,
                with an offset).

        Returns:
            AppointmentPage: One page of appointments (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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

        Follows `next_cursor`, one request per page as the iteration reaches it
        (`async for item in ...`); `limit` is the page size, `cursor` where to start. The parameters
        and the errors are those of `list`, an error raised when the iteration reaches its page.
        """
        return aeach_item(
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

    @async_operation
    async def book(
        self, *, body: AppointmentCreate, idempotency_key: str | Unset = UNSET
    ) -> Appointment:
        """Book an appointment (`POST /v1/appointments`).

        Books an appointment in status `scheduled`. `end_at` must be after `start_at` and at most 8
        hours later; the patient and practitioner must exist (`404` `not_found`, with `errors`
        pointing at the field); the practitioner must be active (`409` `practitioner_inactive`); and
        neither may have another live (not cancelled) appointment overlapping it (`409`
        `appointment_overlap`). Intervals are half-open, so back-to-back appointments do not
        overlap. Requires scope `appointments:write`.

        Scopes: `appointments:write`.

        Args:
            body: An appointment to book, at most 8 hours long (`x-max-duration`).
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Appointment: The appointment was booked (`201`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `location`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: The body names a patient or practitioner that does not exist (`404`:
                `not_found`).
            ConflictError: The booking conflicts with another appointment, the practitioner, or the
                appointment's status (`409`: `appointment_overlap` (`AppointmentOverlapError`),
                `practitioner_inactive` (`PractitionerInactiveError`), `invalid_status_transition`
                (`InvalidStatusTransitionError`)).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await book_appointment.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    @async_operation
    async def get(self, appointment_id: str, *, if_none_match: str | Unset = UNSET) -> Appointment:
        """Get an appointment (`GET /v1/appointments/{appointment_id}`).

        Returns one appointment, with its `ETag`. Requires scope `appointments:read`.

        Scopes: `appointments:read`.

        Args:
            appointment_id: The appointment's `id`.
            if_none_match: The `ETag` (or a comma-separated list of them) last read. When the
                resource still has one of them (weak comparison, RFC 9110 section 13.1.2), the
                answer is `304` with no body. `*` matches any current version.

        Returns:
            Appointment: The appointment (`200`). On `.raw`: the whole response (`ApiResponse`), its
                documented headers typed in `typed_headers`: `etag`, `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            NotModifiedError: The resource still has the `ETag` given in `If-None-Match`; no body
                (`304`, for `if_none_match=`).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "Appointment",
            self._result(
                await get_appointment.asyncio_detailed(
                    appointment_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    @async_operation
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

        Scopes: `appointments:write`.

        Args:
            appointment_id: The appointment's `id`.
            body: A JSON merge patch of a scheduled appointment. Absent fields are unchanged;
                `reason` and `notes` may be `null` to remove them. The resulting times follow the
                booking rules.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            Appointment: The updated appointment (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The booking conflicts with another appointment, the practitioner, or the
                appointment's status (`409`: `appointment_overlap` (`AppointmentOverlapError`),
                `practitioner_inactive` (`PractitionerInactiveError`), `invalid_status_transition`
                (`InvalidStatusTransitionError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await update_appointment.asyncio_detailed(
                appointment_id, client=self._client, body=body, if_match=if_match
            )
        )

    @async_operation
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

        Scopes: `appointments:write`.

        Args:
            appointment_id: The appointment's `id`.
            body: Why an appointment is being cancelled.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Appointment: The appointment in its new status (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The appointment's current status does not allow this move (`409`:
                `invalid_status_transition` (`InvalidStatusTransitionError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await cancel_appointment.asyncio_detailed(
                appointment_id,
                client=self._client,
                body=body,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    @async_operation
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

        Scopes: `appointments:write`.

        Args:
            appointment_id: The appointment's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Appointment: The appointment in its new status (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The appointment's current status does not allow this move (`409`:
                `invalid_status_transition` (`InvalidStatusTransitionError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`), or the
                `Idempotency-Key` was already used for a different request
                (`idempotency_key_reused`) (`422`: `idempotency_key_reused`
                (`IdempotencyKeyReusedError`), `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await check_in_appointment.asyncio_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    @async_operation
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

        Scopes: `appointments:write`.

        Args:
            appointment_id: The appointment's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Appointment: The appointment in its new status (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The appointment's current status does not allow this move (`409`:
                `invalid_status_transition` (`InvalidStatusTransitionError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`), or the
                `Idempotency-Key` was already used for a different request
                (`idempotency_key_reused`) (`422`: `idempotency_key_reused`
                (`IdempotencyKeyReusedError`), `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await complete_appointment.asyncio_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )

    @async_operation
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

        Scopes: `appointments:write`.

        Args:
            appointment_id: The appointment's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            Appointment: The appointment in its new status (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `idempotent_replayed`, `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ConflictError: The appointment's current status does not allow this move (`409`:
                `invalid_status_transition` (`InvalidStatusTransitionError`)).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`), or the
                `Idempotency-Key` was already used for a different request
                (`idempotency_key_reused`) (`422`: `idempotency_key_reused`
                (`IdempotencyKeyReusedError`), `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await mark_appointment_no_show.asyncio_detailed(
                appointment_id,
                client=self._client,
                if_match=if_match,
                idempotency_key=idempotency_key,
            )
        )


class HealthResource(Resource[Mode]):
    """The operations tagged `Health`: Liveness and readiness probes for orchestrators. They take no
    authentication.

    `PatientTracker(...).health`: one method per operation, each returning the success response's
    model or raising an `ApiError` subclass (`ApiConnectionError` when the network fails, after the
    client's retries), and per list operation `list_all...`, an iterator over its pages. `.raw` has
    the same methods, each returning the whole response (`ApiResponse`: `status_code`, `headers`,
    `parsed`, `typed_headers`, `request_id`), for `etag()` and `modify()`; an error status still
    raises.
    """

    @cached_property
    def raw(self) -> HealthResource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return HealthResource(self._client, raw=True)

    @operation
    def get(self) -> Health:
        """Check that the process is alive (`GET /healthz`).

        Answers `200` while the process can serve requests. It does not touch the database.

        Scopes: none (no API key needed).

        Returns:
            Health: The process is alive (`200`). On `.raw`: the whole response (`ApiResponse`), its
                documented headers typed in `typed_headers`: `ratelimit`, `ratelimit_policy`,
                `request_id`.

        Raises:
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
        """
        return self._result(get_health.sync_detailed(client=self._client))

    @operation
    def get_readiness(self) -> Readiness:
        """Check that the database is reachable (`GET /readyz`).

        Answers `200` when the database answers a trivial query, `503` when it does not.

        Scopes: none (no API key needed).

        Returns:
            Readiness: The server can reach its database (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(get_readiness.sync_detailed(client=self._client))


class AsyncHealthResource(Resource[Mode]):
    """The operations tagged `Health`: Liveness and readiness probes for orchestrators. They take no
    authentication.

    `AsyncPatientTracker(...).health`: one method per operation, each a coroutine returning the
    success response's model or raising an `ApiError` subclass (`ApiConnectionError` when the
    network fails, after the client's retries), and per list operation `list_all...`, an async
    iterator over its pages. `.raw` has the same methods, each returning the whole response
    (`ApiResponse`: `status_code`, `headers`, `parsed`, `typed_headers`, `request_id`), for `etag()`
    and `modify()`; an error status still raises.
    """

    @cached_property
    def raw(self) -> AsyncHealthResource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return AsyncHealthResource(self._client, raw=True)

    @async_operation
    async def get(self) -> Health:
        """Check that the process is alive (`GET /healthz`).

        Answers `200` while the process can serve requests. It does not touch the database.

        Scopes: none (no API key needed).

        Returns:
            Health: The process is alive (`200`). On `.raw`: the whole response (`ApiResponse`), its
                documented headers typed in `typed_headers`: `ratelimit`, `ratelimit_policy`,
                `request_id`.

        Raises:
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
        """
        return self._result(await get_health.asyncio_detailed(client=self._client))

    @async_operation
    async def get_readiness(self) -> Readiness:
        """Check that the database is reachable (`GET /readyz`).

        Answers `200` when the database answers a trivial query, `503` when it does not.

        Scopes: none (no API key needed).

        Returns:
            Readiness: The server can reach its database (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(await get_readiness.asyncio_detailed(client=self._client))


class WebhooksResource(Resource[Mode]):
    """The operations tagged `Webhooks`: Events pushed to your endpoint as they happen, instead of
    polling. Every create, change, status move and delete of a patient, practitioner or appointment
    records one event; each enabled webhook endpoint subscribed to its type gets it as a `POST` of
    the event as JSON. Each event type is listed under `webhooks`, with its payload schema and an
    example.

    `PatientTracker(...).webhooks`: one method per operation, each returning the success response's
    model or raising an `ApiError` subclass (`ApiConnectionError` when the network fails, after the
    client's retries), and per list operation `list_all...`, an iterator over its pages. `.raw` has
    the same methods, each returning the whole response (`ApiResponse`: `status_code`, `headers`,
    `parsed`, `typed_headers`, `request_id`), for `etag()` and `modify()`; an error status still
    raises.
    """

    @cached_property
    def raw(self) -> WebhooksResource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return WebhooksResource(self._client, raw=True)

    @operation
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

        Lists the events of the last 30 days, oldest first (by `created_at`, then `id`), optionally
        filtered by type, resource and time. Requires scope `webhooks:read`; an event is listed only
        if the key may also read its resource (`patients:read` for `patient.*`, `practitioners:read`
        for `practitioner.*`, `appointments:read` for `appointment.*`).

        Scopes: `webhooks:read`.

        Args:
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            type_: Only events of this type.
            resource_id: Only events about the resource with this `id` (a patient, practitioner or
                appointment).
            created_after: Only events created strictly after this instant (RFC 3339, with an
                offset).

        Returns:
            EventPage: One page of events (`200`). On `.raw`: the whole response (`ApiResponse`),
                its documented headers typed in `typed_headers`: `ratelimit`, `ratelimit_policy`,
                `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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

        Follows `next_cursor`, one request per page as the iteration reaches it (`for item in ...`);
        `limit` is the page size, `cursor` where to start. The parameters and the errors are those
        of `list_events`, an error raised when the iteration reaches its page.
        """
        return each_item(
            list_events.sync_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            type_=type_,
            resource_id=resource_id,
            created_after=created_after,
        )

    @operation
    def get_event(self, event_id: str) -> Event:
        """Get an event (`GET /v1/events/{event_id}`).

        Returns one event. Events are kept 30 days; after that, and for an event whose resource the
        key may not read (see `listEvents`), the answer is `404`. Requires scope `webhooks:read`.

        Scopes: `webhooks:read`.

        Args:
            event_id: The event's `id`.

        Returns:
            Event: The event (`200`). On `.raw`: the whole response (`ApiResponse`), its documented
                headers typed in `typed_headers`: `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "Event",
            self._result(
                cast("Response[Any]", get_event.sync_detailed(event_id, client=self._client))
            ),
        )

    @operation
    def list_endpoints(
        self, *, limit: int | Unset = 20, cursor: str | Unset = UNSET
    ) -> WebhookEndpointPage:
        """List webhook endpoints (`GET /v1/webhook-endpoints`).

        Lists the webhook endpoints of the key's integration, oldest first; other integrations'
        endpoints are never listed. Secrets are never listed. Requires scope `webhooks:read`.

        Scopes: `webhooks:read`.

        Args:
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.

        Returns:
            WebhookEndpointPage: One page of webhook endpoints (`200`). On `.raw`: the whole
                response (`ApiResponse`), its documented headers typed in `typed_headers`:
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            list_webhook_endpoints.sync_detailed(client=self._client, limit=limit, cursor=cursor)
        )

    def list_all_endpoints(
        self, *, limit: int | Unset = 20, cursor: str | Unset = UNSET
    ) -> Iterator[WebhookEndpoint]:
        """Every item of `list_endpoints`, across all pages (`GET /v1/webhook-endpoints`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`for item in ...`);
        `limit` is the page size, `cursor` where to start. The parameters and the errors are those
        of `list_endpoints`, an error raised when the iteration reaches its page.
        """
        return each_item(
            list_webhook_endpoints.sync_detailed, client=self._client, limit=limit, cursor=cursor
        )

    @operation
    def create_endpoint(
        self, *, body: WebhookEndpointCreate, idempotency_key: str | Unset = UNSET
    ) -> WebhookEndpointWithSecret:
        """Create a webhook endpoint (`POST /v1/webhook-endpoints`).

        Subscribes a URL to events: every event of the listed types (all types when `event_types` is
        absent or empty) is delivered to it from now on. The answer carries the signing `secret`,
        once: store it. The URL must be `https` and must not resolve to a private, loopback or
        link-local address (a `422` `validation_failed` pointing at `/url`), unless the server's
        operator allows them for development. The endpoint receives resource data, so the key needs
        the read scope of every subscribed type's resource too (the type's `x-read-scope`:
        `patients:read` for `patient.*`, ...; else `403` `insufficient_scope`). The endpoint belongs
        to the key's integration. Requires scope `webhooks:write`.

        Scopes: `webhooks:write`.

        Args:
            body: A webhook endpoint to create.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            WebhookEndpointWithSecret: The endpoint was created; the body shows its secret, this
                once (`201`). On `.raw`: the whole response (`ApiResponse`), its documented headers
                typed in `typed_headers`: `etag`, `idempotent_replayed`, `location`, `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            create_webhook_endpoint.sync_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    @operation
    def get_endpoint(
        self, endpoint_id: str, *, if_none_match: str | Unset = UNSET
    ) -> WebhookEndpoint:
        """Get a webhook endpoint (`GET /v1/webhook-endpoints/{endpoint_id}`).

        Returns one webhook endpoint of the key's integration, with its `ETag`, never its secret
        (another integration's endpoint is a `404`, as an unknown `id`). `enabled: false` with
        `disabled_reason: failing` means the server disabled it after 3 days of failed deliveries;
        `access_revoked`, that its integration no longer holds a read scope its subscription needs.
        Requires scope `webhooks:read`.

        Scopes: `webhooks:read`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            if_none_match: The `ETag` (or a comma-separated list of them) last read. When the
                resource still has one of them (weak comparison, RFC 9110 section 13.1.2), the
                answer is `304` with no body. `*` matches any current version.

        Returns:
            WebhookEndpoint: The webhook endpoint (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            NotModifiedError: The resource still has the `ETag` given in `If-None-Match`; no body
                (`304`, for `if_none_match=`).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "WebhookEndpoint",
            self._result(
                get_webhook_endpoint.sync_detailed(
                    endpoint_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    @operation
    def delete_endpoint(self, endpoint_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a webhook endpoint (`DELETE /v1/webhook-endpoints/{endpoint_id}`).

        Deletes a webhook endpoint of the key's integration, its pending deliveries and its attempt
        history (another integration's endpoint is a `404`). Requires scope `webhooks:write`.

        Scopes: `webhooks:write`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            None: The webhook endpoint was deleted (`204`, no body). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "None",
            self._result(
                delete_webhook_endpoint.sync_detailed(
                    endpoint_id, client=self._client, if_match=if_match
                )
            ),
        )

    @operation
    def update_endpoint(
        self,
        endpoint_id: str,
        *,
        body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> WebhookEndpoint:
        """Update a webhook endpoint (`PATCH /v1/webhook-endpoints/{endpoint_id}`).

        Changes a webhook endpoint with a JSON merge patch (RFC 7396): `url`, `event_types`,
        `description` (`null` removes it) and `enabled`. A patch of `url`, `event_types` or
        `enabled: true` meets the rules of creation for the resulting endpoint: a safe URL, and the
        read scope of every type it then subscribes to (else `403` `insufficient_scope`); pausing
        (`enabled: false`) needs no read scope. `enabled: true` re-enables an endpoint the server
        disabled and clears `disabled_reason`; deliveries resume with events recorded from then on.
        Another integration's endpoint is a `404`. Requires scope `webhooks:write`.

        Scopes: `webhooks:write`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            body: A JSON merge patch of a webhook endpoint. Absent fields are unchanged.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            WebhookEndpoint: The updated webhook endpoint (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            update_webhook_endpoint.sync_detailed(
                endpoint_id, client=self._client, body=body, if_match=if_match
            )
        )

    @operation
    def rotate_endpoint_secret(
        self,
        endpoint_id: str,
        *,
        idempotency_key: str | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> WebhookEndpointWithSecret:
        """Rotate a webhook endpoint's secret
        (`POST /v1/webhook-endpoints/{endpoint_id}/rotate-secret`).

        Replaces the signing secret with a new one, shown in the answer, once. For 24 hours the old
        secret keeps signing too (deliveries carry both signatures), so receivers can switch without
        losing deliveries. Like a change, it needs the read scope of every type the endpoint
        subscribes to (else `403` `insufficient_scope`); another integration's endpoint is a `404`.
        Requires scope `webhooks:write`.

        Scopes: `webhooks:write`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            WebhookEndpointWithSecret: The endpoint with its new secret, shown this once (`200`). On
                `.raw`: the whole response (`ApiResponse`), its documented headers typed in
                `typed_headers`: `etag`, `idempotent_replayed`, `ratelimit`, `ratelimit_policy`,
                `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            rotate_webhook_endpoint_secret.sync_detailed(
                endpoint_id, client=self._client, idempotency_key=idempotency_key, if_match=if_match
            )
        )

    @operation
    def list_attempts(
        self,
        endpoint_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        event_id: str | Unset = UNSET,
    ) -> WebhookAttemptPage:
        """List an endpoint's delivery attempts
        (`GET /v1/webhook-endpoints/{endpoint_id}/attempts`).

        Lists the delivery attempts made to one endpoint, newest first, optionally for one event:
        when, the answer's status or the error, how long it took, and when the next attempt is due.
        Another integration's endpoint is a `404`. Requires scope `webhooks:read`.

        Scopes: `webhooks:read`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            event_id: Only attempts to deliver this event.

        Returns:
            WebhookAttemptPage: One page of attempts (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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
        """Every item of `list_attempts`, across all pages
        (`GET /v1/webhook-endpoints/{endpoint_id}/attempts`).

        Follows `next_cursor`, one request per page as the iteration reaches it (`for item in ...`);
        `limit` is the page size, `cursor` where to start. The parameters and the errors are those
        of `list_attempts`, an error raised when the iteration reaches its page.
        """
        return each_item(
            list_webhook_attempts.sync_detailed,
            endpoint_id,
            client=self._client,
            limit=limit,
            cursor=cursor,
            event_id=event_id,
        )

    @operation
    def redeliver_event(
        self, endpoint_id: str, event_id: str, *, idempotency_key: str | Unset = UNSET
    ) -> None:
        """Redeliver an event to an endpoint
        (`POST /v1/webhook-endpoints/{endpoint_id}/events/{event_id}/redeliver`).

        Starts a new series of delivery attempts of one event (of the last 30 days) to one endpoint,
        now, with the same `webhook-id`: receivers that deduplicate by it are not affected by a
        redelivery of an event they handled. Also for a disabled endpoint (how one tests a fix). The
        key needs the event's read scope (its type's `x-read-scope`), and the endpoint must be
        subscribed to the event's type: a redelivery sends only what the endpoint would have
        received. An event the key may not read, one the endpoint is not subscribed to and an
        unknown one are the same `404`, and so is another integration's endpoint. Requires scope
        `webhooks:write`.

        Scopes: `webhooks:write`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            event_id: The event's `id`.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            None: The redelivery is scheduled; its attempts show in `listWebhookAttempts` (`202`, no
                body). On `.raw`: the whole response (`ApiResponse`), its documented headers typed
                in `typed_headers`: `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "None",
            self._result(
                redeliver_event.sync_detailed(
                    endpoint_id, event_id, client=self._client, idempotency_key=idempotency_key
                )
            ),
        )


class AsyncWebhooksResource(Resource[Mode]):
    """The operations tagged `Webhooks`: Events pushed to your endpoint as they happen, instead of
    polling. Every create, change, status move and delete of a patient, practitioner or appointment
    records one event; each enabled webhook endpoint subscribed to its type gets it as a `POST` of
    the event as JSON. Each event type is listed under `webhooks`, with its payload schema and an
    example.

    `AsyncPatientTracker(...).webhooks`: one method per operation, each a coroutine returning the
    success response's model or raising an `ApiError` subclass (`ApiConnectionError` when the
    network fails, after the client's retries), and per list operation `list_all...`, an async
    iterator over its pages. `.raw` has the same methods, each returning the whole response
    (`ApiResponse`: `status_code`, `headers`, `parsed`, `typed_headers`, `request_id`), for `etag()`
    and `modify()`; an error status still raises.
    """

    @cached_property
    def raw(self) -> AsyncWebhooksResource[Raw]:
        """These operations, each returning the whole response: an `ApiResponse`."""
        return AsyncWebhooksResource(self._client, raw=True)

    @async_operation
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

        Lists the events of the last 30 days, oldest first (by `created_at`, then `id`), optionally
        filtered by type, resource and time. Requires scope `webhooks:read`; an event is listed only
        if the key may also read its resource (`patients:read` for `patient.*`, `practitioners:read`
        for `practitioner.*`, `appointments:read` for `appointment.*`).

        Scopes: `webhooks:read`.

        Args:
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            type_: Only events of this type.
            resource_id: Only events about the resource with this `id` (a patient, practitioner or
                appointment).
            created_after: Only events created strictly after this instant (RFC 3339, with an
                offset).

        Returns:
            EventPage: One page of events (`200`). On `.raw`: the whole response (`ApiResponse`),
                its documented headers typed in `typed_headers`: `ratelimit`, `ratelimit_policy`,
                `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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

        Follows `next_cursor`, one request per page as the iteration reaches it
        (`async for item in ...`); `limit` is the page size, `cursor` where to start. The parameters
        and the errors are those of `list_events`, an error raised when the iteration reaches its
        page.
        """
        return aeach_item(
            list_events.asyncio_detailed,
            client=self._client,
            limit=limit,
            cursor=cursor,
            type_=type_,
            resource_id=resource_id,
            created_after=created_after,
        )

    @async_operation
    async def get_event(self, event_id: str) -> Event:
        """Get an event (`GET /v1/events/{event_id}`).

        Returns one event. Events are kept 30 days; after that, and for an event whose resource the
        key may not read (see `listEvents`), the answer is `404`. Requires scope `webhooks:read`.

        Scopes: `webhooks:read`.

        Args:
            event_id: The event's `id`.

        Returns:
            Event: The event (`200`). On `.raw`: the whole response (`ApiResponse`), its documented
                headers typed in `typed_headers`: `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "Event",
            self._result(
                cast(
                    "Response[Any]", await get_event.asyncio_detailed(event_id, client=self._client)
                )
            ),
        )

    @async_operation
    async def list_endpoints(
        self, *, limit: int | Unset = 20, cursor: str | Unset = UNSET
    ) -> WebhookEndpointPage:
        """List webhook endpoints (`GET /v1/webhook-endpoints`).

        Lists the webhook endpoints of the key's integration, oldest first; other integrations'
        endpoints are never listed. Secrets are never listed. Requires scope `webhooks:read`.

        Scopes: `webhooks:read`.

        Args:
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.

        Returns:
            WebhookEndpointPage: One page of webhook endpoints (`200`). On `.raw`: the whole
                response (`ApiResponse`), its documented headers typed in `typed_headers`:
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await list_webhook_endpoints.asyncio_detailed(
                client=self._client, limit=limit, cursor=cursor
            )
        )

    def list_all_endpoints(
        self, *, limit: int | Unset = 20, cursor: str | Unset = UNSET
    ) -> AsyncIterator[WebhookEndpoint]:
        """Every item of `list_endpoints`, across all pages (`GET /v1/webhook-endpoints`).

        Follows `next_cursor`, one request per page as the iteration reaches it
        (`async for item in ...`); `limit` is the page size, `cursor` where to start. The parameters
        and the errors are those of `list_endpoints`, an error raised when the iteration reaches its
        page.
        """
        return aeach_item(
            list_webhook_endpoints.asyncio_detailed, client=self._client, limit=limit, cursor=cursor
        )

    @async_operation
    async def create_endpoint(
        self, *, body: WebhookEndpointCreate, idempotency_key: str | Unset = UNSET
    ) -> WebhookEndpointWithSecret:
        """Create a webhook endpoint (`POST /v1/webhook-endpoints`).

        Subscribes a URL to events: every event of the listed types (all types when `event_types` is
        absent or empty) is delivered to it from now on. The answer carries the signing `secret`,
        once: store it. The URL must be `https` and must not resolve to a private, loopback or
        link-local address (a `422` `validation_failed` pointing at `/url`), unless the server's
        operator allows them for development. The endpoint receives resource data, so the key needs
        the read scope of every subscribed type's resource too (the type's `x-read-scope`:
        `patients:read` for `patient.*`, ...; else `403` `insufficient_scope`). The endpoint belongs
        to the key's integration. Requires scope `webhooks:write`.

        Scopes: `webhooks:write`.

        Args:
            body: A webhook endpoint to create.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            WebhookEndpointWithSecret: The endpoint was created; the body shows its secret, this
                once (`201`). On `.raw`: the whole response (`ApiResponse`), its documented headers
                typed in `typed_headers`: `etag`, `idempotent_replayed`, `location`, `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await create_webhook_endpoint.asyncio_detailed(
                client=self._client, body=body, idempotency_key=idempotency_key
            )
        )

    @async_operation
    async def get_endpoint(
        self, endpoint_id: str, *, if_none_match: str | Unset = UNSET
    ) -> WebhookEndpoint:
        """Get a webhook endpoint (`GET /v1/webhook-endpoints/{endpoint_id}`).

        Returns one webhook endpoint of the key's integration, with its `ETag`, never its secret
        (another integration's endpoint is a `404`, as an unknown `id`). `enabled: false` with
        `disabled_reason: failing` means the server disabled it after 3 days of failed deliveries;
        `access_revoked`, that its integration no longer holds a read scope its subscription needs.
        Requires scope `webhooks:read`.

        Scopes: `webhooks:read`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            if_none_match: The `ETag` (or a comma-separated list of them) last read. When the
                resource still has one of them (weak comparison, RFC 9110 section 13.1.2), the
                answer is `304` with no body. `*` matches any current version.

        Returns:
            WebhookEndpoint: The webhook endpoint (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            NotModifiedError: The resource still has the `ETag` given in `If-None-Match`; no body
                (`304`, for `if_none_match=`).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "WebhookEndpoint",
            self._result(
                await get_webhook_endpoint.asyncio_detailed(
                    endpoint_id, client=self._client, if_none_match=if_none_match
                )
            ),
        )

    @async_operation
    async def delete_endpoint(self, endpoint_id: str, *, if_match: str | Unset = UNSET) -> None:
        """Delete a webhook endpoint (`DELETE /v1/webhook-endpoints/{endpoint_id}`).

        Deletes a webhook endpoint of the key's integration, its pending deliveries and its attempt
        history (another integration's endpoint is a `404`). Requires scope `webhooks:write`.

        Scopes: `webhooks:write`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            None: The webhook endpoint was deleted (`204`, no body). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "None",
            self._result(
                await delete_webhook_endpoint.asyncio_detailed(
                    endpoint_id, client=self._client, if_match=if_match
                )
            ),
        )

    @async_operation
    async def update_endpoint(
        self,
        endpoint_id: str,
        *,
        body: WebhookEndpointUpdate | WebhookEndpointUpdate | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> WebhookEndpoint:
        """Update a webhook endpoint (`PATCH /v1/webhook-endpoints/{endpoint_id}`).

        Changes a webhook endpoint with a JSON merge patch (RFC 7396): `url`, `event_types`,
        `description` (`null` removes it) and `enabled`. A patch of `url`, `event_types` or
        `enabled: true` meets the rules of creation for the resulting endpoint: a safe URL, and the
        read scope of every type it then subscribes to (else `403` `insufficient_scope`); pausing
        (`enabled: false`) needs no read scope. `enabled: true` re-enables an endpoint the server
        disabled and clears `disabled_reason`; deliveries resume with events recorded from then on.
        Another integration's endpoint is a `404`. Requires scope `webhooks:write`.

        Scopes: `webhooks:write`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            body: A JSON merge patch of a webhook endpoint. Absent fields are unchanged.
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            WebhookEndpoint: The updated webhook endpoint (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `etag`,
                `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            BadRequestError: The body is not well-formed JSON (`400`: `malformed_json`
                (`MalformedJsonError`)).
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            BadRequestError: The body is larger than 65,536 bytes (`413`: `payload_too_large`
                (`PayloadTooLargeError`)).
            BadRequestError: The body is not of a media type this operation accepts (`415`:
                `unsupported_media_type` (`UnsupportedMediaTypeError`)).
            ValidationError: The request is well-formed but invalid: a field or parameter breaks the
                schema or a rule (`validation_failed`, with `errors`), or the `Idempotency-Key` was
                already used for a different request (`idempotency_key_reused`) (`422`:
                `validation_failed` (`ValidationFailedError`), `idempotency_key_reused`
                (`IdempotencyKeyReusedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await update_webhook_endpoint.asyncio_detailed(
                endpoint_id, client=self._client, body=body, if_match=if_match
            )
        )

    @async_operation
    async def rotate_endpoint_secret(
        self,
        endpoint_id: str,
        *,
        idempotency_key: str | Unset = UNSET,
        if_match: str | Unset = UNSET,
    ) -> WebhookEndpointWithSecret:
        """Rotate a webhook endpoint's secret
        (`POST /v1/webhook-endpoints/{endpoint_id}/rotate-secret`).

        Replaces the signing secret with a new one, shown in the answer, once. For 24 hours the old
        secret keeps signing too (deliveries carry both signatures), so receivers can switch without
        losing deliveries. Like a change, it needs the read scope of every type the endpoint
        subscribes to (else `403` `insufficient_scope`); another integration's endpoint is a `404`.
        Requires scope `webhooks:write`.

        Scopes: `webhooks:write`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).
            if_match: The `ETag` last read. When given and the resource has changed since, the
                request fails with `412` and changes nothing. `*` matches any current version.

        Returns:
            WebhookEndpointWithSecret: The endpoint with its new secret, shown this once (`200`). On
                `.raw`: the whole response (`ApiResponse`), its documented headers typed in
                `typed_headers`: `etag`, `idempotent_replayed`, `ratelimit`, `ratelimit_policy`,
                `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            PreconditionFailedError: The `If-Match` header no longer matches the resource's `ETag`
                (`412`: `precondition_failed`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
            await rotate_webhook_endpoint_secret.asyncio_detailed(
                endpoint_id, client=self._client, idempotency_key=idempotency_key, if_match=if_match
            )
        )

    @async_operation
    async def list_attempts(
        self,
        endpoint_id: str,
        *,
        limit: int | Unset = 20,
        cursor: str | Unset = UNSET,
        event_id: str | Unset = UNSET,
    ) -> WebhookAttemptPage:
        """List an endpoint's delivery attempts
        (`GET /v1/webhook-endpoints/{endpoint_id}/attempts`).

        Lists the delivery attempts made to one endpoint, newest first, optionally for one event:
        when, the answer's status or the error, how long it took, and when the next attempt is due.
        Another integration's endpoint is a `404`. Requires scope `webhooks:read`.

        Scopes: `webhooks:read`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            limit: The most items to return in one page.
            cursor: Where the page starts: the `next_cursor` of the previous page, passed back
                unchanged. Omit it for the first page. A cursor is opaque, signed by the server, and
                only valid for the same operation and filters; any other value is a 422
                `invalid_cursor`. Cursors are short-lived: when the server's cursor secret is
                rotated, outstanding cursors stay valid only while the operator keeps the previous
                secret; after that they are `invalid_cursor`, and the client starts again from the
                first page.
            event_id: Only attempts to deliver this event.

        Returns:
            WebhookAttemptPage: One page of attempts (`200`). On `.raw`: the whole response
                (`ApiResponse`), its documented headers typed in `typed_headers`: `ratelimit`,
                `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A query parameter breaks its schema (`validation_failed`, with
                `errors`), or the cursor is not one this server issued for these filters
                (`invalid_cursor`) (`422`: `validation_failed` (`ValidationFailedError`),
                `invalid_cursor` (`InvalidCursorError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return self._result(
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
        """Every item of `list_attempts`, across all pages
        (`GET /v1/webhook-endpoints/{endpoint_id}/attempts`).

        Follows `next_cursor`, one request per page as the iteration reaches it
        (`async for item in ...`); `limit` is the page size, `cursor` where to start. The parameters
        and the errors are those of `list_attempts`, an error raised when the iteration reaches its
        page.
        """
        return aeach_item(
            list_webhook_attempts.asyncio_detailed,
            endpoint_id,
            client=self._client,
            limit=limit,
            cursor=cursor,
            event_id=event_id,
        )

    @async_operation
    async def redeliver_event(
        self, endpoint_id: str, event_id: str, *, idempotency_key: str | Unset = UNSET
    ) -> None:
        """Redeliver an event to an endpoint
        (`POST /v1/webhook-endpoints/{endpoint_id}/events/{event_id}/redeliver`).

        Starts a new series of delivery attempts of one event (of the last 30 days) to one endpoint,
        now, with the same `webhook-id`: receivers that deduplicate by it are not affected by a
        redelivery of an event they handled. Also for a disabled endpoint (how one tests a fix). The
        key needs the event's read scope (its type's `x-read-scope`), and the endpoint must be
        subscribed to the event's type: a redelivery sends only what the endpoint would have
        received. An event the key may not read, one the endpoint is not subscribed to and an
        unknown one are the same `404`, and so is another integration's endpoint. Requires scope
        `webhooks:write`.

        Scopes: `webhooks:write`.

        Args:
            endpoint_id: The webhook endpoint's `id`.
            event_id: The event's `id`.
            idempotency_key: A client-chosen unique key (a UUID is ideal) that makes this POST safe
                to retry: a retry with the same key and request replays the first successful
                response and changes nothing. The replay is that first response even when the
                resource it created has since been changed or deleted (a replayed `201` may name a
                resource that is now `404`).

        Returns:
            None: The redelivery is scheduled; its attempts show in `listWebhookAttempts` (`202`, no
                body). On `.raw`: the whole response (`ApiResponse`), its documented headers typed
                in `typed_headers`: `ratelimit`, `ratelimit_policy`, `request_id`.

        Raises:
            UnauthorizedError: No valid API key was given (`401`: `unauthenticated`
                (`UnauthenticatedError`), `invalid_api_key` (`InvalidApiKeyError`)).
            ForbiddenError: The API key lacks a scope this operation requires (`403`:
                `insufficient_scope` (`InsufficientScopeError`)).
            NotFoundError: No resource has that id (`404`: `not_found`).
            ValidationError: A header breaks its schema (`validation_failed`, with `errors`) (`422`:
                `validation_failed` (`ValidationFailedError`)).
            RateLimitedError: Too many requests: the integration (or, before authentication, the
                client address) has used its budget (see `RateLimit-Policy` and `RateLimit`) (`429`:
                `rate_limited`).
            ServerError: An unexpected error (`500`: `internal_error` (`InternalError`)).
            ServerError: The database cannot be reached, or the connection to it was lost and one
                retry on a fresh connection did not help (`503`: `database_unavailable`
                (`DatabaseUnavailableError`), `server_busy` (`ServerBusyError`)).
        """
        return cast(
            "None",
            self._result(
                await redeliver_event.asyncio_detailed(
                    endpoint_id, event_id, client=self._client, idempotency_key=idempotency_key
                )
            ),
        )


class Resources:
    """The API's operations by tag, as properties of `PatientTracker` (which sets `client`)."""

    client: AuthenticatedClient

    @cached_property
    def patients(self) -> PatientsResource[Parsed]:
        """The operations tagged `Patients`: `PatientsResource`."""
        return PatientsResource(self.client)

    @cached_property
    def practitioners(self) -> PractitionersResource[Parsed]:
        """The operations tagged `Practitioners`: `PractitionersResource`."""
        return PractitionersResource(self.client)

    @cached_property
    def appointments(self) -> AppointmentsResource[Parsed]:
        """The operations tagged `Appointments`: `AppointmentsResource`."""
        return AppointmentsResource(self.client)

    @cached_property
    def health(self) -> HealthResource[Parsed]:
        """The operations tagged `Health`: `HealthResource`."""
        return HealthResource(self.client)

    @cached_property
    def webhooks(self) -> WebhooksResource[Parsed]:
        """The operations tagged `Webhooks`: `WebhooksResource`."""
        return WebhooksResource(self.client)


class AsyncResources:
    """The API's operations by tag, as properties of `AsyncPatientTracker` (which sets `client`)."""

    client: AuthenticatedClient

    @cached_property
    def patients(self) -> AsyncPatientsResource[Parsed]:
        """The operations tagged `Patients`: `AsyncPatientsResource`."""
        return AsyncPatientsResource(self.client)

    @cached_property
    def practitioners(self) -> AsyncPractitionersResource[Parsed]:
        """The operations tagged `Practitioners`: `AsyncPractitionersResource`."""
        return AsyncPractitionersResource(self.client)

    @cached_property
    def appointments(self) -> AsyncAppointmentsResource[Parsed]:
        """The operations tagged `Appointments`: `AsyncAppointmentsResource`."""
        return AsyncAppointmentsResource(self.client)

    @cached_property
    def health(self) -> AsyncHealthResource[Parsed]:
        """The operations tagged `Health`: `AsyncHealthResource`."""
        return AsyncHealthResource(self.client)

    @cached_property
    def webhooks(self) -> AsyncWebhooksResource[Parsed]:
        """The operations tagged `Webhooks`: `AsyncWebhooksResource`."""
        return AsyncWebhooksResource(self.client)
