"""Python SDK for the Patient Appointment Tracker API.

    with PatientTracker(base_url, api_key=key) as tracker:
        patient = tracker.patients.get(patient_id)

The operations and models are generated from the API's OpenAPI document into
`patient_tracker_client.generated` (`api.<tag>.<operation>`, `models`); this package adds what
the generator does not: the resource classes `PatientTracker` carries (`_resources`), a configured
client with retries, timeouts and per-call options (`PatientTracker`, `AsyncPatientTracker`,
`with_options`), typed exceptions (`PatientTrackerError`: `ApiError` by status and problem code,
`ApiConnectionError`), `unwrap`, auto-pagination and an `If-Match` helper.
"""

from ._calls import amodify, etag, modify, unwrap
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
    PatientTrackerError,
    PreconditionFailedError,
    RateLimitedError,
    ServerError,
    UnauthorizedError,
    ValidationError,
)
from ._pagination import apaginate, paginate
from ._retry import RetryPolicy

__all__ = [
    "DEFAULT_TIMEOUT",
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "AsyncPatientTracker",
    "BadRequestError",
    "ConflictError",
    "FieldProblem",
    "ForbiddenError",
    "NotFoundError",
    "PatientTracker",
    "PatientTrackerError",
    "PreconditionFailedError",
    "RateLimitedError",
    "RetryPolicy",
    "ServerError",
    "UnauthorizedError",
    "ValidationError",
    "amodify",
    "apaginate",
    "etag",
    "modify",
    "paginate",
    "unwrap",
]
