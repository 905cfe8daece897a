"""Retries, with real faults: a loopback proxy that loses the server's answer to a POST after the
server has committed it, a stub server answering 429 / 503, and a port nobody listens on.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

from live_server import LiveServer, free_port
from patient_tracker_client import (
    ApiConnectionError,
    ApiTimeoutError,
    AsyncPatientTracker,
    PatientTracker,
    RateLimitedError,
    RetryPolicy,
    ServerError,
    paginate,
    unwrap,
)
from patient_tracker_client.generated.api.appointments import book_appointment, list_appointments
from patient_tracker_client.generated.api.patients import (
    create_patient,
    get_patient,
    list_patients,
    update_patient,
)
from patient_tracker_client.generated.api.practitioners import create_practitioner
from patient_tracker_client.generated.models import (
    AppointmentCreate,
    Patient,
    PatientCreate,
    PatientUpdate,
    PractitionerCreate,
)

from .conftest import DroppingProxy, Scripted, StubServer, new_phone

FAST = RetryPolicy(max_attempts=3, initial_backoff=0.05, max_backoff=0.2)
PATIENT_JSON = {
    "id": "p1",
    "given_name": "Ada",
    "family_name": "Lovelace",
    "date_of_birth": "1985-12-10",
    "phone": "+442071234567",
    "email": None,
    "created_at": "2026-11-20T10:15:30Z",
    "updated_at": "2026-11-20T10:15:30Z",
}


def test_retried_booking_books_once(
    tracker: PatientTracker,
    make_patient: Callable[..., Patient],
    dropping_proxy: DroppingProxy,
    server: LiveServer,
) -> None:
    patient = make_patient()
    doctor = unwrap(
        create_practitioner.sync_detailed(
            client=tracker.client, body=PractitionerCreate(display_name="Dr R", specialty="retry")
        )
    )
    start = datetime(2033, 6, 6, 8, 0, tzinfo=UTC)
    body = AppointmentCreate(
        patient_id=patient.id,
        practitioner_id=doctor.id,
        start_at=start,
        end_at=start + timedelta(minutes=30),
    )
    with PatientTracker(dropping_proxy.base_url, api_key=server.api_key, retry=FAST) as api:
        response = book_appointment.sync_detailed(client=api.client, body=body)
    booked = unwrap(response)

    assert (dropping_proxy.dropped, dropping_proxy.posts_forwarded) == (1, 2)
    # The second attempt carried the first one's Idempotency-Key: the server replayed it.
    assert response.headers["Idempotent-Replayed"] == "true"
    stored = list(
        paginate(list_appointments.sync_detailed, client=tracker.client, patient_id=patient.id)
    )
    assert [a.id for a in stored] == [booked.id]


def test_the_dropped_response_was_committed(
    tracker: PatientTracker, dropping_proxy: DroppingProxy, server: LiveServer
) -> None:
    # Without retries the caller sees the lost response, yet the server did register the patient:
    # the fault above is real, and it strikes after the commit.
    phone = new_phone()
    body = PatientCreate(
        given_name="Lost", family_name="Answer", date_of_birth=date(1970, 1, 1), phone=phone
    )
    with (
        PatientTracker(
            dropping_proxy.base_url, api_key=server.api_key, retry=RetryPolicy(max_attempts=1)
        ) as api,
        pytest.raises(ApiConnectionError),
    ):
        create_patient.sync_detailed(client=api.client, body=body)
    page = unwrap(list_patients.sync_detailed(client=tracker.client, phone=phone))
    assert [p.phone for p in page.items] == [phone]


def test_get_is_retried_on_503_after_retry_after(stub: StubServer) -> None:
    stub.script = [Scripted(503, None, {"Retry-After": "1"}), Scripted(200, PATIENT_JSON)]
    with PatientTracker(stub.base_url, api_key="k", retry=FAST) as api:
        started = time.monotonic()
        patient = unwrap(get_patient.sync_detailed("p1", client=api.client))
        elapsed = time.monotonic() - started
    assert patient.id == "p1"
    assert [s.method for s in stub.seen] == ["GET", "GET"]
    assert elapsed >= 1.0  # Retry-After wins over the (much shorter) backoff


def rate_limited(request_id: str) -> Scripted:
    """A 429 as the server sends it (spec: components.responses.RateLimited)."""
    problem = {
        "type": "urn:patient-tracker:problem:rate_limited",
        "title": "Rate limit exceeded",
        "status": 429,
        "detail": "This integration has used up its rate limit (200 requests at once, then 100 a"
        " second); retry in 1 second.",
        "code": "rate_limited",
        "instance": "/v1/patients/p1",
        "request_id": request_id,
    }
    headers = {
        "Request-Id": request_id,
        "RateLimit-Policy": '"integration";q=200;w=2, "address";q=400;w=2',
        "RateLimit": '"integration";r=0;t=1, "address";r=398;t=1',
        "Retry-After": "1",
    }
    return Scripted(429, problem, headers)


def test_rate_limited_is_retried_after_retry_after_then_raised(stub: StubServer) -> None:
    first, last = "req_" + "1" * 32, "req_" + "2" * 32
    stub.script = [rate_limited(first), rate_limited(last)]
    policy = RetryPolicy(max_attempts=2, initial_backoff=0.05, max_backoff=0.05)
    with PatientTracker(stub.base_url, api_key="k", retry=policy) as api:
        started = time.monotonic()
        with pytest.raises(RateLimitedError) as caught:
            api.patients.get("p1")
        elapsed = time.monotonic() - started
    assert [s.method for s in stub.seen] == ["GET", "GET"]
    assert elapsed >= 1.0  # the retry waited Retry-After, not the 0.05 s backoff
    error = caught.value
    assert type(error) is RateLimitedError  # the status class stands for `rate_limited`
    assert (error.status, error.code, error.retry_after) == (429, "rate_limited", 1.0)
    assert error.request_id == last  # the answer that ended the call
    assert str(error).endswith(f"second. (request_id: {last})")
    assert error.rate_limits is not None
    assert error.rate_limits["integration"].remaining == 0
    assert error.rate_limits["address"].quota == 400


def test_post_retries_reuse_one_idempotency_key(stub: StubServer) -> None:
    stub.script = [Scripted(429), Scripted(503), Scripted(201, PATIENT_JSON)]
    body = PatientCreate(
        given_name="Ada", family_name="L", date_of_birth=date(1985, 12, 10), phone="+441"
    )
    with PatientTracker(stub.base_url, api_key="k", retry=FAST) as api:
        unwrap(create_patient.sync_detailed(client=api.client, body=body))
    keys = [s.headers.get("Idempotency-Key") for s in stub.seen]
    assert len(keys) == 3
    assert keys[0]
    assert len(set(keys)) == 1


def test_a_given_idempotency_key_is_kept(stub: StubServer) -> None:
    stub.script = [Scripted(503), Scripted(201, PATIENT_JSON)]
    body = PatientCreate(
        given_name="Ada", family_name="L", date_of_birth=date(1985, 12, 10), phone="+441"
    )
    with PatientTracker(stub.base_url, api_key="k", retry=FAST) as api:
        create_patient.sync_detailed(client=api.client, body=body, idempotency_key="mine-1")
    assert [s.headers.get("Idempotency-Key") for s in stub.seen] == ["mine-1", "mine-1"]


def test_patch_is_not_retried(stub: StubServer) -> None:
    stub.script = [Scripted(503), Scripted(200, PATIENT_JSON)]
    with (
        PatientTracker(stub.base_url, api_key="k", retry=FAST) as api,
        pytest.raises(ServerError),
    ):
        update_patient.sync_detailed("p1", client=api.client, body=PatientUpdate(given_name="B"))
    assert [s.method for s in stub.seen] == ["PATCH"]


def test_no_retry_past_max_elapsed(stub: StubServer) -> None:
    stub.script = [Scripted(429, None, {"Retry-After": "120"})]
    policy = RetryPolicy(max_attempts=5, max_elapsed=10.0)
    with (
        PatientTracker(stub.base_url, api_key="k", retry=policy) as api,
        pytest.raises(RateLimitedError) as caught,
    ):
        get_patient.sync_detailed("p1", client=api.client)
    assert len(stub.seen) == 1  # waiting 120 s would break the 10 s budget: give up at once
    assert caught.value.retry_after == 120.0


# (timeout, max_elapsed, attempts): a retry that still fits in the budget gets the rest of it as
# its timeout; the first attempt too (10 s timeout, 1 s budget); no retry starts with less than
# min_attempt_time (0.1 s) left (0.9 s timeout, 1 s budget: the reviewer's case, once 1.81 s).
BUDGETS = [(0.9, 1.0, 1), (1.0, 1.6, 2), (10.0, 1.0, 1)]
SLACK = 0.3  # for scheduling, and for the stub to accept the connection


@pytest.mark.parametrize(("timeout", "max_elapsed", "attempts"), BUDGETS)
def test_max_elapsed_bounds_the_whole_call(
    stub: StubServer, timeout: float, max_elapsed: float, attempts: int
) -> None:
    stub.script = [Scripted(200, PATIENT_JSON, delay=5.0)]  # a server far slower than the budget
    policy = RetryPolicy(
        max_attempts=5, initial_backoff=0.05, max_backoff=0.05, max_elapsed=max_elapsed
    )
    with PatientTracker(stub.base_url, api_key="k", timeout=timeout, retry=policy) as api:
        started = time.monotonic()
        with pytest.raises(ApiTimeoutError):
            get_patient.sync_detailed("p1", client=api.client)
        elapsed = time.monotonic() - started
    assert len(stub.seen) == attempts
    assert elapsed <= max_elapsed + SLACK, elapsed


@pytest.mark.parametrize(("timeout", "max_elapsed", "attempts"), BUDGETS)
def test_max_elapsed_bounds_the_whole_async_call(
    stub: StubServer, timeout: float, max_elapsed: float, attempts: int
) -> None:
    stub.script = [Scripted(200, PATIENT_JSON, delay=5.0)]
    policy = RetryPolicy(
        max_attempts=5, initial_backoff=0.05, max_backoff=0.05, max_elapsed=max_elapsed
    )

    async def fetch() -> None:
        async with AsyncPatientTracker(
            stub.base_url, api_key="k", timeout=timeout, retry=policy
        ) as api:
            await api.patients.get("p1")

    started = time.monotonic()
    with pytest.raises(ApiTimeoutError):
        asyncio.run(fetch())
    elapsed = time.monotonic() - started
    assert len(stub.seen) == attempts
    assert elapsed <= max_elapsed + SLACK, elapsed


def test_connection_refused_is_retried_then_raised() -> None:
    attempts: list[str] = []

    class Counting(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            attempts.append(request.method)
            return super().handle_request(request)

    nobody = f"http://127.0.0.1:{free_port()}"
    with (
        PatientTracker(nobody, api_key="k", retry=FAST, transport=Counting()) as api,
        pytest.raises(ApiConnectionError),
    ):
        # PATCH too: a connection that was never made sent nothing, so any method may retry.
        update_patient.sync_detailed("p1", client=api.client, body=PatientUpdate(given_name="B"))
    assert attempts == ["PATCH"] * 3


def test_async_get_is_retried(stub: StubServer) -> None:
    stub.script = [Scripted(503, None, {"Retry-After": "0"}), Scripted(200, PATIENT_JSON)]

    async def fetch() -> Patient:
        async with PatientTracker(stub.base_url, api_key="k", retry=FAST) as api:
            # A read by id may answer 304 (no body), so the generated union is `Any | Patient`.
            patient: Patient = unwrap(await get_patient.asyncio_detailed("p1", client=api.client))
            return patient

    assert asyncio.run(fetch()).id == "p1"
    assert len(stub.seen) == 2


def test_a_timed_out_get_is_retried(stub: StubServer) -> None:
    stub.script = [Scripted(200, PATIENT_JSON, delay=1.0), Scripted(200, PATIENT_JSON)]
    with PatientTracker(stub.base_url, api_key="k", timeout=0.3, retry=FAST) as api:
        patient = unwrap(get_patient.sync_detailed("p1", client=api.client))
    assert patient.id == "p1"
    assert len(stub.seen) == 2


def test_the_timeout_applies(stub: StubServer) -> None:
    stub.script = [Scripted(200, PATIENT_JSON, delay=1.0)]
    with (
        PatientTracker(
            stub.base_url, api_key="k", timeout=0.3, retry=RetryPolicy(max_attempts=1)
        ) as api,
        pytest.raises(ApiTimeoutError),
    ):
        get_patient.sync_detailed("p1", client=api.client)
