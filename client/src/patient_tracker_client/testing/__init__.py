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

What it checks, on every request, in the server's order: that an operation of the spec has that
path and method (else 404 / 405), the API key (`Authorization: Bearer <kit.api_key>`, else 401)
and that the key's scopes (`MockApi(scopes=...)`, all by default) include the operation's (else
403), a query parameter given twice or not UTF-8 (422), the body's media type (415), JSON (400)
and schema (422), then the parameters (an id in the path that is no id: 404, as an unknown one;
the rest, and an unknown query parameter: 422). Schemas are JSON Schema 2020-12 with formats, a
`date-time` read as the server reads it (RFC 3339 with an offset, an instant UTC can hold). A
`validation_failed` problem has one `errors` entry per offending field or parameter, as the spec
says. A refused request is answered with the spec's `application/problem+json` and recorded in
`kit.violations`.

The rules come from the spec the kit ships, not from the kit's code: every success status (the
operation's one documented 2xx) and problem status (`x-problem-codes`), each `Location` (the path
of the operation that reads the new resource), the appointment status machine (`x-status-machine`
on `AppointmentStatus`: each action's moves, the status a booking starts in, the one that frees
its slot, the event each records), the longest appointment (`x-max-duration`) and which scope
reads which event type (`x-read-scope`). `MockApi(spec=Spec(document))` plays another spec.

What it models: patients, practitioners and appointments, created, read, listed (filters, cursor
pagination, the spec's orders), changed by merge patch, deleted; `ETag` (`"<version>"`) on every
single resource, `Location` on creation, `If-Match` (412 when stale), `If-None-Match` on reads by
id (304 while the ETag matches); a `Request-Id` (`req_` and 32 hex digits, new for each request,
also in `kit.calls`) on every answer and as `request_id` in every problem and event;
`RateLimit-Policy` and `RateLimit` on every answer, for a fixed budget (`RATE_LIMIT_POLICIES`: the
spec's example, `"integration";q=200;w=2, "address";q=400;w=2`, never used up); `Idempotency-Key`
replays where the spec documents `Idempotent-Replayed` (422 `idempotency_key_reused`); phone
numbers unique (409 `phone_taken`); a future date of birth (422); an unknown patient or
practitioner when booking (404 with the field), an inactive practitioner (409
`practitioner_inactive`), times (end after start, within the spec's limit: 422), overlapping live
appointments of the practitioner or the patient (409 `appointment_overlap`; a cancelled one frees
its slot), the status machine (409 `invalid_status_transition` with `current_status`; changes
only while the status a booking starts in); deleting a patient or practitioner who has
appointments (409). The event log: every create, change, status action and delete records the
spec's event (with the resource as `getX` would answer, and the request's `request_id`), listed
and read by `listEvents` / `getEvent` within the key's read scopes. Webhook endpoints: created
(the secret shown once), read, listed, changed, paused, rotated, deleted, with production's URL
rules (`https`, no credentials, a host DNS can carry, an IP literal only if public; else 422 on
`/url`) and the read scopes of every subscribed type (else 403); their attempts (always none) and
redeliveries (202 for an event the key may read and the endpoint subscribes to, else 404).

What it does not model: rate limiting and outages unless injected (`fail_next`), body size limits
(413), idempotency keys' 24-hour expiry and their scoping per API key, several API keys and
integrations, the exact `detail` texts, ids and times of the real server (ids are UUID-shaped and
increase), readiness (`getReadiness`) failing, concurrency beyond one request at a time; webhook
deliveries (nothing is sent, so no endpoint has attempts and none is disabled as `failing`), DNS
(a host name is taken as public: the server resolves it and refuses one that does not resolve or
resolves to a private address), the operator's development settings (`http` and private
addresses stay refused), and events expiring after 30 days.

The kit as an ASGI application: `asgi_app(kit)` (to serve it, or to test it in process; the
contract gate runs the untuned Schemathesis pass against it, `contract_tests/kit_gate.py`).

Faults: `kit.fail_next("createPatient", status=503, retry_after=1)` answers the next call with a
problem (and `Retry-After`); `kit.fail_next("listPatients", status=429)` with `rate_limited`, the
integration's budget used up in `RateLimit` and `Retry-After: 0` (the spec documents one for 429
and 503; `retry_after=` sets it); `kit.fail_next("bookAppointment",
error=httpx.RemoteProtocolError)` lets the booking happen and then drops the connection;
`error=httpx.ConnectError` drops it before.
"""

from ._asgi import asgi_app
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
    "asgi_app",
    "bundled_spec",
]
