"""RFC 9457 problem details: the one error base class and the responses that render it.

Every error the server sends, its own and the framework's, goes through `problem_response`, so every
4xx and 5xx is `application/problem+json` with the spec's `Problem` shape and a stable `code`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from starlette.responses import Response

from patient_tracker.api_models import AppointmentStatus, FieldError, Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:patient-tracker:problem:"


class ProblemError(Exception):
    """An error with a documented status, code and title; raised anywhere, rendered in one place."""

    status: int = 500
    code: str = "internal_error"
    title: str = "Internal server error"

    def __init__(
        self,
        detail: str,
        *,
        errors: Sequence[FieldError] = (),
        headers: Mapping[str, str] | None = None,
        current_status: AppointmentStatus | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors)
        self.headers = dict(headers or {})
        self.current_status = current_status


class MalformedJsonError(ProblemError):
    status, code, title = 400, "malformed_json", "Malformed JSON"


class UnauthenticatedError(ProblemError):
    status, code, title = 401, "unauthenticated", "Authentication required"


class InvalidApiKeyError(ProblemError):
    status, code, title = 401, "invalid_api_key", "Invalid API key"


class InsufficientScopeError(ProblemError):
    status, code, title = 403, "insufficient_scope", "Insufficient scope"


class NotFoundError(ProblemError):
    status, code, title = 404, "not_found", "Not found"


class MethodNotAllowedError(ProblemError):
    status, code, title = 405, "method_not_allowed", "Method not allowed"


class PhoneTakenError(ProblemError):
    status, code, title = 409, "phone_taken", "Phone number already registered"


class PatientHasAppointmentsError(ProblemError):
    status, code, title = 409, "patient_has_appointments", "Patient has appointments"


class PractitionerHasAppointmentsError(ProblemError):
    status, code, title = 409, "practitioner_has_appointments", "Practitioner has appointments"


class AppointmentOverlapError(ProblemError):
    status, code, title = 409, "appointment_overlap", "Appointment overlaps another"


class PractitionerInactiveError(ProblemError):
    status, code, title = 409, "practitioner_inactive", "Practitioner inactive"


class InvalidStatusTransitionError(ProblemError):
    status, code, title = 409, "invalid_status_transition", "Invalid status transition"


class PreconditionFailedError(ProblemError):
    status, code, title = 412, "precondition_failed", "Precondition failed"


class PayloadTooLargeError(ProblemError):
    status, code, title = 413, "payload_too_large", "Payload too large"


class UnsupportedMediaTypeError(ProblemError):
    status, code, title = 415, "unsupported_media_type", "Unsupported media type"


class ValidationFailedError(ProblemError):
    status, code, title = 422, "validation_failed", "Validation failed"


class InvalidCursorError(ProblemError):
    status, code, title = 422, "invalid_cursor", "Invalid cursor"


class IdempotencyKeyReusedError(ProblemError):
    status, code, title = 422, "idempotency_key_reused", "Idempotency key reused"


class InternalError(ProblemError):
    status, code, title = 500, "internal_error", "Internal server error"


class DatabaseUnavailableError(ProblemError):
    status, code, title = 503, "database_unavailable", "Database unavailable"


def field_errors_detail(errors: Sequence[FieldError], noun: str) -> str:
    """`"2 fields are invalid."`-style summary for a validation problem."""
    count = len(errors)
    return f"{count} {noun}{'' if count == 1 else 's'} {'is' if count == 1 else 'are'} invalid."


def problem_response(error: ProblemError, instance: str) -> Response:
    """Render `error` as an `application/problem+json` response for the request path `instance`."""
    problem = Problem(
        type=PROBLEM_TYPE_PREFIX + error.code,
        title=error.title,
        status=error.status,
        detail=error.detail[:2000],
        code=error.code,
        instance=instance[:2048],
    )
    if error.errors:
        problem.errors = error.errors[:100]
    if error.current_status is not None:
        problem.current_status = error.current_status
    return Response(
        content=problem.model_dump_json(),
        status_code=error.status,
        headers=error.headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )
