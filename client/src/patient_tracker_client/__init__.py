"""Python SDK for the Patient Appointment Tracker API.

    with PatientTracker(base_url, api_key=key) as tracker:
        patient = tracker.patients.get(patient_id)

The operations and models are generated from the API's OpenAPI document into
`patient_tracker_client.generated` (`api.<tag>.<operation>`, `models`); this package adds what
the generator does not: the resource classes `PatientTracker` carries (`_resources`), a configured
client with retries, timeouts and per-call options (`PatientTracker`, `AsyncPatientTracker`,
`with_options`), typed exceptions (`PatientTrackerError`: `ApiError` by status and problem code,
`ApiConnectionError`), `unwrap`, auto-pagination, an `If-Match` helper, and `verify_webhook`
(a delivery's Standard Webhooks signature checked and its event parsed into its generated model).
"""

from ._calls import ApiResponse, amodify, etag, modify, unwrap
from ._client import DEFAULT_TIMEOUT, AsyncPatientTracker, PatientTracker
from ._errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AppointmentOverlapError,
    BadRequestError,
    ConflictError,
    DatabaseUnavailableError,
    FieldProblem,
    ForbiddenError,
    IdempotencyKeyReusedError,
    InsufficientScopeError,
    InternalError,
    InvalidApiKeyError,
    InvalidCursorError,
    InvalidStatusTransitionError,
    MalformedJsonError,
    MethodNotAllowedError,
    NotFoundError,
    PatientHasAppointmentsError,
    PatientTrackerError,
    PayloadTooLargeError,
    PhoneTakenError,
    PractitionerHasAppointmentsError,
    PractitionerInactiveError,
    PreconditionFailedError,
    RateLimitedError,
    RequestHeaderTooLargeError,
    ServerBusyError,
    ServerError,
    UnauthenticatedError,
    UnauthorizedError,
    UnsupportedMediaTypeError,
    ValidationError,
    ValidationFailedError,
)
from ._pagination import apaginate, paginate
from ._retry import RetryPolicy
from .generated.events import EVENT_MODELS, Event
from .generated.problem_codes import PROBLEM_CODES, ProblemCode
from .generated.response_headers import ResponseHeaders
from .webhooks import (
    UnknownEventTypeError,
    WebhookHeadersError,
    WebhookPayloadError,
    WebhookSignatureError,
    WebhookTimestampError,
    WebhookVerificationError,
    verify_webhook,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "EVENT_MODELS",
    "PROBLEM_CODES",
    "ApiConnectionError",
    "ApiError",
    "ApiResponse",
    "ApiTimeoutError",
    "AppointmentOverlapError",
    "AsyncPatientTracker",
    "BadRequestError",
    "ConflictError",
    "DatabaseUnavailableError",
    "Event",
    "FieldProblem",
    "ForbiddenError",
    "IdempotencyKeyReusedError",
    "InsufficientScopeError",
    "InternalError",
    "InvalidApiKeyError",
    "InvalidCursorError",
    "InvalidStatusTransitionError",
    "MalformedJsonError",
    "MethodNotAllowedError",
    "NotFoundError",
    "PatientHasAppointmentsError",
    "PatientTracker",
    "PatientTrackerError",
    "PayloadTooLargeError",
    "PhoneTakenError",
    "PractitionerHasAppointmentsError",
    "PractitionerInactiveError",
    "PreconditionFailedError",
    "ProblemCode",
    "RateLimitedError",
    "RequestHeaderTooLargeError",
    "ResponseHeaders",
    "RetryPolicy",
    "ServerBusyError",
    "ServerError",
    "UnauthenticatedError",
    "UnauthorizedError",
    "UnknownEventTypeError",
    "UnsupportedMediaTypeError",
    "ValidationError",
    "ValidationFailedError",
    "WebhookHeadersError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookTimestampError",
    "WebhookVerificationError",
    "amodify",
    "apaginate",
    "etag",
    "modify",
    "paginate",
    "unwrap",
    "verify_webhook",
]
