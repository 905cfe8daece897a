"""Python SDK for the Patient Appointment Tracker API.

    with PatientTracker(base_url, api_key=key) as tracker:
        patient = tracker.patients.get(patient_id)

The operations and models are generated from the API's OpenAPI document into
`patient_tracker_client.generated` (`api.<tag>.<operation>`, `models`) by openapi-python-client;
`client/generate.py` writes from the same document the resource classes `PatientTracker` carries
(`_generated_resources`, on the hand-written base in `_resources`) and the exception class per
problem code. The rest is written by hand: a configured client with retries, timeouts and per-call
options (`PatientTracker`, `AsyncPatientTracker`, `with_options`), typed exceptions, all in
`_errors` (`PatientTrackerError`: `ApiError` by status and problem code, `ApiConnectionError`),
`unwrap`, auto-pagination, an `If-Match` helper, request ids
(`request_id_of`, `ApiResponse.request_id`, `ApiError.request_id`), the rate-limit headers parsed
(`parse_rate_limits`), and `verify_webhook` (a delivery's Standard Webhooks signature checked and
its event parsed into its generated model).
"""

# `_errors` before any other module of the package: it imports the generated `_problem_errors`,
# whose classes subclass its own, once those exist (see its end).
from . import _errors, _problem_errors  # noqa: F401 - `_errors` for that order
from ._calls import ApiResponse, amodify, etag, modify, request_id_of, unwrap
from ._client import DEFAULT_TIMEOUT, AsyncPatientTracker, PatientTracker
from ._errors import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    BadRequestError,
    ConflictError,
    FieldProblem,
    ForbiddenError,
    NotFoundError,
    NotModifiedError,
    PatientTrackerError,
    PreconditionFailedError,
    RateLimitedError,
    ServerError,
    UnauthorizedError,
    ValidationError,
)
from ._pagination import apaginate, paginate
from ._problem_errors import *  # noqa: F403 - the generated class per problem code, its __all__
from ._rate_limits import RateLimit, parse_rate_limits
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
    "AsyncPatientTracker",
    "BadRequestError",
    "ConflictError",
    "Event",
    "FieldProblem",
    "ForbiddenError",
    "NotFoundError",
    "NotModifiedError",
    "PatientTracker",
    "PatientTrackerError",
    "PreconditionFailedError",
    "ProblemCode",
    "RateLimit",
    "RateLimitedError",
    "ResponseHeaders",
    "RetryPolicy",
    "ServerError",
    "UnauthorizedError",
    "UnknownEventTypeError",
    "ValidationError",
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
    "parse_rate_limits",
    "request_id_of",
    "unwrap",
    "verify_webhook",
]
# The class per problem code (`PhoneTakenError`, ...), generated from the spec: a code added to the
# spec is exported without a change here. (`_errors` has them too: every exception is there.)
__all__ += _problem_errors.__all__
