"""Python SDK for the Patient Appointment Tracker API.

    with PatientTracker(base_url, api_key=key) as tracker:
        patient = tracker.patients.get(patient_id)

The operations and models are generated from the API's OpenAPI document into
`patient_tracker_client.generated` (`api.<tag>.<operation>`, `models`, and the resource classes
`PatientTracker` carries, `resources`); this package adds what the generator does not: a
configured client with retries and timeouts (`PatientTracker`, `AsyncPatientTracker`), typed
exceptions (`ApiError` and subclasses), `unwrap`, auto-pagination and an `If-Match` helper.
"""

from ._calls import amodify, etag, modify, unwrap
from ._client import DEFAULT_TIMEOUT, AsyncPatientTracker, PatientTracker
from ._errors import (
    ApiError,
    BadRequestError,
    ConflictError,
    FieldProblem,
    ForbiddenError,
    NotFoundError,
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
    "ApiError",
    "AsyncPatientTracker",
    "BadRequestError",
    "ConflictError",
    "FieldProblem",
    "ForbiddenError",
    "NotFoundError",
    "PatientTracker",
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
