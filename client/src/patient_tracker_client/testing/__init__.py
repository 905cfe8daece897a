"""A test kit for code that uses the SDK: a fake API, played from the spec, in memory.

    from patient_tracker_client.testing import MockApi

    kit = MockApi()                      # pass scopes=[...] to test a narrower key
    with kit.tracker() as tracker:       # a PatientTracker whose transport is the kit
        my_code_under_test(tracker)
    kit.assert_no_violations()           # every request followed the spec

`MockApi` is an `httpx.BaseTransport` and `httpx.AsyncBaseTransport`, so it also plugs into
`PatientTracker(..., transport=kit, async_transport=kit)` and the generated `Client(httpx_args=
{"transport": kit})`. Install it with the extra: `pip install 'patient-tracker-client[testing]'`
(it validates with `jsonschema`). It reads the spec shipped inside the SDK: no network, no server.

What it checks, on every request: that an operation of the spec has that path and method (else
404 / 405), the API key (`Authorization: Bearer <kit.api_key>`, else 401) and that the key's
scopes (`MockApi(scopes=...)`, all by default) include the operation's (else 403), query, path and
header parameters against their schemas, no unknown query parameter, the body's media type (415),
JSON (400) and schema (JSON Schema 2020-12 with formats, 422). A refused request is answered with
the spec's `application/problem+json` and recorded in `kit.violations`.

What it models: patients, practitioners and appointments, created, read, listed (filters, cursor
pagination, the spec's orders), changed by merge patch, deleted; `ETag` (`"<version>"`) on every
single resource, `Location` on creation, `If-Match` (412 when stale), `If-None-Match` on reads by
id (304 while the ETag matches); a `Request-Id` (`req_` and 32 hex digits, new for each request,
also in `kit.calls`) on every answer and as `request_id` in every problem; `RateLimit-Policy` and
`RateLimit` on every answer, for a fixed budget (`RATE_LIMIT_POLICIES`: the spec's example,
`"integration";q=200;w=2, "address";q=400;w=2`, never used up); `Idempotency-Key` replays
(`Idempotent-Replayed: true`; 422 `idempotency_key_reused`); phone numbers unique (409
`phone_taken`); a future date of birth (422); an unknown patient or practitioner when booking (404
with the field), an inactive practitioner (409 `practitioner_inactive`), times (end after start,
at most 8 hours: 422), overlapping live appointments of the practitioner or the patient (409
`appointment_overlap`; a cancelled one frees its slot), the status machine (check-in, complete,
cancel, no-show, and changes only while `scheduled`: 409 `invalid_status_transition` with
`current_status`); deleting a patient or practitioner who has appointments (409).

What it does not model: rate limiting and outages unless injected (`fail_next`), body size limits
(413), idempotency keys' 24-hour expiry and their scoping per API key, several API keys, the exact
`detail` texts, ids and times of the real server (ids are UUID-shaped and increase), `/readyz`
failing, and concurrency beyond one request at a time.

Faults: `kit.fail_next("createPatient", status=503, retry_after=1)` answers the next call with a
problem (and `Retry-After`); `kit.fail_next("listPatients", status=429)` with `rate_limited`, the
integration's budget used up in `RateLimit` and `Retry-After: 0` (the spec documents one for 429
and 503; `retry_after=` sets it); `kit.fail_next("bookAppointment",
error=httpx.RemoteProtocolError)` lets the booking happen and then drops the connection;
`error=httpx.ConnectError` drops it before.
"""

from ._kit import (
    BASE_URL,
    DEFAULT_API_KEY,
    RATE_LIMIT_POLICIES,
    Call,
    MockApi,
    SpecViolation,
    Violation,
)
from ._spec import Spec, bundled_spec

__all__ = [
    "BASE_URL",
    "DEFAULT_API_KEY",
    "RATE_LIMIT_POLICIES",
    "Call",
    "MockApi",
    "Spec",
    "SpecViolation",
    "Violation",
    "bundled_spec",
]
