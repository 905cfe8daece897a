# Generated from spec/openapi.yaml by client/generate.py (nox -s generate). Do not edit.
"""One exception class per problem code of spec/openapi.yaml (`x-problem-codes`).

Each is a subclass of its status's class in `_errors.py` (`PhoneTakenError(ConflictError)`), so
`except ConflictError` catches it too; a code whose class would be its status's class
(`not_found`) has none here, its status class stands for it. `BY_CODE`: code -> class, for
`error_from_response`; a code not in it raises its status's class.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._errors import (
    ApiError,
    BadRequestError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    PreconditionFailedError,
    RateLimitedError,
    ServerError,
    UnauthorizedError,
    ValidationError,
)

__all__ = [
    "AppointmentOverlapError",
    "DatabaseUnavailableError",
    "IdempotencyKeyReusedError",
    "InsufficientScopeError",
    "InternalError",
    "InvalidApiKeyError",
    "InvalidCursorError",
    "InvalidStatusTransitionError",
    "MalformedJsonError",
    "MalformedRequestError",
    "MethodNotAllowedError",
    "MethodNotImplementedError",
    "PatientHasAppointmentsError",
    "PayloadTooLargeError",
    "PhoneTakenError",
    "PractitionerHasAppointmentsError",
    "PractitionerInactiveError",
    "RequestHeaderTooLargeError",
    "ServerBusyError",
    "UnauthenticatedError",
    "UnsupportedMediaTypeError",
    "ValidationFailedError",
]


class MalformedJsonError(BadRequestError):
    """400 `malformed_json`: Malformed JSON."""

    problem_code = "malformed_json"


class UnauthenticatedError(UnauthorizedError):
    """401 `unauthenticated`: Authentication required."""

    problem_code = "unauthenticated"


class InvalidApiKeyError(UnauthorizedError):
    """401 `invalid_api_key`: Invalid API key."""

    problem_code = "invalid_api_key"


class InsufficientScopeError(ForbiddenError):
    """403 `insufficient_scope`: Insufficient scope."""

    problem_code = "insufficient_scope"


class MethodNotAllowedError(BadRequestError):
    """405 `method_not_allowed`: Method not allowed."""

    problem_code = "method_not_allowed"


class PhoneTakenError(ConflictError):
    """409 `phone_taken`: Phone number already registered."""

    problem_code = "phone_taken"


class PatientHasAppointmentsError(ConflictError):
    """409 `patient_has_appointments`: Patient has appointments."""

    problem_code = "patient_has_appointments"


class PractitionerHasAppointmentsError(ConflictError):
    """409 `practitioner_has_appointments`: Practitioner has appointments."""

    problem_code = "practitioner_has_appointments"


class AppointmentOverlapError(ConflictError):
    """409 `appointment_overlap`: Appointment overlaps another."""

    problem_code = "appointment_overlap"


class PractitionerInactiveError(ConflictError):
    """409 `practitioner_inactive`: Practitioner inactive."""

    problem_code = "practitioner_inactive"


class InvalidStatusTransitionError(ConflictError):
    """409 `invalid_status_transition`: Invalid status transition."""

    problem_code = "invalid_status_transition"


class PayloadTooLargeError(BadRequestError):
    """413 `payload_too_large`: Payload too large."""

    problem_code = "payload_too_large"


class RequestHeaderTooLargeError(BadRequestError):
    """431 `request_header_too_large`: Request header too large."""

    problem_code = "request_header_too_large"


class MalformedRequestError(BadRequestError):
    """400 `malformed_request`: Malformed request."""

    problem_code = "malformed_request"


class MethodNotImplementedError(ServerError):
    """501 `method_not_implemented`: Method not implemented."""

    problem_code = "method_not_implemented"


class UnsupportedMediaTypeError(BadRequestError):
    """415 `unsupported_media_type`: Unsupported media type."""

    problem_code = "unsupported_media_type"


class ValidationFailedError(ValidationError):
    """422 `validation_failed`: Validation failed."""

    problem_code = "validation_failed"


class InvalidCursorError(ValidationError):
    """422 `invalid_cursor`: Invalid cursor."""

    problem_code = "invalid_cursor"


class IdempotencyKeyReusedError(ValidationError):
    """422 `idempotency_key_reused`: Idempotency key reused."""

    problem_code = "idempotency_key_reused"


class InternalError(ServerError):
    """500 `internal_error`: Internal server error."""

    problem_code = "internal_error"


class DatabaseUnavailableError(ServerError):
    """503 `database_unavailable`: Database unavailable."""

    problem_code = "database_unavailable"


class ServerBusyError(ServerError):
    """503 `server_busy`: Server busy."""

    problem_code = "server_busy"


BY_CODE: Mapping[str, type[ApiError]] = {
    "malformed_json": MalformedJsonError,
    "unauthenticated": UnauthenticatedError,
    "invalid_api_key": InvalidApiKeyError,
    "insufficient_scope": InsufficientScopeError,
    "not_found": NotFoundError,
    "method_not_allowed": MethodNotAllowedError,
    "phone_taken": PhoneTakenError,
    "patient_has_appointments": PatientHasAppointmentsError,
    "practitioner_has_appointments": PractitionerHasAppointmentsError,
    "appointment_overlap": AppointmentOverlapError,
    "practitioner_inactive": PractitionerInactiveError,
    "invalid_status_transition": InvalidStatusTransitionError,
    "precondition_failed": PreconditionFailedError,
    "payload_too_large": PayloadTooLargeError,
    "request_header_too_large": RequestHeaderTooLargeError,
    "rate_limited": RateLimitedError,
    "malformed_request": MalformedRequestError,
    "method_not_implemented": MethodNotImplementedError,
    "unsupported_media_type": UnsupportedMediaTypeError,
    "validation_failed": ValidationFailedError,
    "invalid_cursor": InvalidCursorError,
    "idempotency_key_reused": IdempotencyKeyReusedError,
    "internal_error": InternalError,
    "database_unavailable": DatabaseUnavailableError,
    "server_busy": ServerBusyError,
}
