"""The tracker's own life and options: nothing opened until used (sync and async apart), closing
closes what was opened, `with_options` views sharing the connections, network failures as SDK
errors (`ApiConnectionError`, `ApiTimeoutError`), and PATCH sent as merge-patch."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
import pytest

from live_server import LiveServer, free_port
from patient_tracker_client import (
    ApiConnectionError,
    ApiError,
    ApiTimeoutError,
    AsyncPatientTracker,
    PatientTracker,
    PatientTrackerError,
    RetryPolicy,
    ServerError,
)
from patient_tracker_client.generated.api.patients import get_patient
from patient_tracker_client.generated.models import Patient, PatientUpdate

from .conftest import AsyncCountingTransport, CountingTransport, Scripted, StubServer

FAST = RetryPolicy(max_attempts=3, initial_backoff=0.01, max_backoff=0.05)
PATIENT_JSON = {
    "id": "p1",
    "given_name": "Ada",
    "family_name": "Lovelace",
    "date_of_birth": "1985-12-10",
    "phone": "+442071234567",
    "email": None,
    "created_at": "2030-01-01T00:00:00Z",
    "updated_at": "2030-01-01T00:00:00Z",
}


@pytest.fixture
def patient(make_patient: Callable[..., Patient]) -> Patient:
    return make_patient()


# ---------------------------------------------------------------- lazy construction and closing


def test_a_sync_tracker_opens_only_the_sync_client_and_closes_it(
    server: LiveServer, patient: Patient
) -> None:
    tracker = PatientTracker(server.base_url, api_key=server.api_key)
    assert tracker._lazy.opened() == (None, None)  # nothing built before a call
    assert tracker.patients.get(patient.id).id == patient.id
    sync_client, async_client = tracker._lazy.opened()
    assert sync_client is not None
    assert async_client is None  # never used: never built
    assert not sync_client.is_closed
    tracker.close()
    assert sync_client.is_closed


def test_an_async_tracker_opens_only_the_async_client_and_closes_it(
    server: LiveServer, patient: Patient
) -> None:
    async def run() -> tuple[httpx.Client | None, httpx.AsyncClient | None, bool]:
        async with AsyncPatientTracker(server.base_url, api_key=server.api_key) as atracker:
            assert atracker._lazy.opened() == (None, None)
            assert (await atracker.patients.get(patient.id)).id == patient.id
            sync_client, async_client = atracker._lazy.opened()
            assert async_client is not None
            open_inside = not async_client.is_closed
        return sync_client, async_client, open_inside

    sync_client, async_client, open_inside = asyncio.run(run())
    assert sync_client is None
    assert open_inside
    assert async_client is not None
    assert async_client.is_closed


def test_closing_a_tracker_closes_the_pool_its_views_used(
    server: LiveServer, patient: Patient
) -> None:
    network = CountingTransport()
    tracker = PatientTracker(server.base_url, api_key=server.api_key, transport=network)
    tracker.with_options(timeout=10.0).patients.get(patient.id)  # only a view made a call
    assert tracker._lazy.opened() == (None, None)
    pool = network._pool
    assert pool.connections  # the view's call left a kept-alive connection in the shared pool
    tracker.close()
    assert not pool.connections


# ---------------------------------------------------------------- with_options


def test_with_options_adds_headers_for_its_calls_only(server: LiveServer, patient: Patient) -> None:
    network = CountingTransport()
    with PatientTracker(server.base_url, api_key=server.api_key, transport=network) as tracker:
        view = tracker.with_options(headers={"X-Request-ID": "per-call-options-1"})
        assert view.patients.get(patient.id).id == patient.id
        assert tracker.patients.get(patient.id).id == patient.id
        view.close()  # a no-op: the connections are the tracker's
        assert tracker.patients.get(patient.id).id == patient.id
    first, second, third = network.exchanges
    assert first.sent["X-Request-ID"] == "per-call-options-1"
    assert first.sent["Authorization"] == second.sent["Authorization"]  # the rest is kept
    assert "X-Request-ID" not in second.sent
    assert third.status == 200


def test_with_options_shares_the_connection_pool(server: LiveServer, patient: Patient) -> None:
    network = CountingTransport()
    with PatientTracker(server.base_url, api_key=server.api_key, transport=network) as tracker:
        tracker.patients.get(patient.id)
        for _ in range(3):
            tracker.with_options(retries=0).patients.get(patient.id)
        assert len(network._pool.connections) == 1  # one keep-alive connection, reused


def test_with_options_timeout_and_retries(stub: StubServer) -> None:
    stub.script = [Scripted(200, PATIENT_JSON, delay=0.5)]
    with PatientTracker(stub.base_url, api_key="k", timeout=5.0, retry=FAST) as tracker:
        with pytest.raises(ApiTimeoutError) as caught:
            tracker.with_options(timeout=0.1, retries=0).patients.get("p1")
        assert isinstance(caught.value.__cause__, httpx.ReadTimeout)
        assert len(stub.seen) == 1  # retries=0: one attempt
        assert tracker.patients.get("p1").id == "p1"  # the tracker kept its own timeout


def test_with_options_retries_override_the_policy(stub: StubServer) -> None:
    stub.script = [Scripted(503), Scripted(503), Scripted(200, PATIENT_JSON)]
    with PatientTracker(stub.base_url, api_key="k", retry=FAST) as tracker:
        with pytest.raises(ServerError):
            tracker.with_options(retries=RetryPolicy(max_attempts=1)).patients.get("p1")
        assert len(stub.seen) == 1
        assert tracker.patients.get("p1").id == "p1"  # 503, then 200: the tracker's 3 attempts
        assert len(stub.seen) == 3


def test_async_with_options(server: LiveServer, patient: Patient) -> None:
    network = AsyncCountingTransport()

    async def run() -> None:
        async with AsyncPatientTracker(
            server.base_url, api_key=server.api_key, async_transport=network
        ) as atracker:
            view = atracker.with_options(headers={"X-Request-ID": "per-call-options-2"})
            assert (await view.patients.get(patient.id)).id == patient.id
            assert (await atracker.patients.get(patient.id)).id == patient.id

    asyncio.run(run())
    first, second = network.exchanges
    assert first.sent["X-Request-ID"] == "per-call-options-2"
    assert "X-Request-ID" not in second.sent


# ---------------------------------------------------------------- network failures


def test_a_refused_connection_is_an_sdk_error() -> None:
    nobody = f"http://127.0.0.1:{free_port()}"
    with (
        PatientTracker(nobody, api_key="k", retry=FAST) as tracker,
        pytest.raises(ApiConnectionError) as caught,
    ):
        tracker.patients.get("p1")
    error = caught.value
    assert isinstance(error, PatientTrackerError)
    assert not isinstance(error, ApiError | ApiTimeoutError)
    assert isinstance(error.__cause__, httpx.ConnectError)
    assert error.request is not None
    assert error.request.url.path == "/v1/patients/p1"


def test_a_refused_connection_is_an_sdk_error_async() -> None:
    nobody = f"http://127.0.0.1:{free_port()}"

    async def run() -> None:
        async with AsyncPatientTracker(nobody, api_key="k", retry=FAST) as atracker:
            await atracker.patients.get("p1")

    with pytest.raises(ApiConnectionError) as caught:
        asyncio.run(run())
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


# ---------------------------------------------------------------- PATCH


def test_patch_is_sent_as_merge_patch(server: LiveServer, patient: Patient) -> None:
    network = CountingTransport()
    with PatientTracker(server.base_url, api_key=server.api_key, transport=network) as tracker:
        updated = tracker.patients.update(patient.id, body=PatientUpdate(given_name="Merged"))
    assert updated.given_name == "Merged"
    (exchange,) = network.exchanges
    assert (exchange.method, exchange.status) == ("PATCH", 200)
    assert exchange.sent["Content-Type"] == "application/merge-patch+json"


def test_the_generated_clients_own_copies_still_work(server: LiveServer, patient: Patient) -> None:
    with PatientTracker(server.base_url, api_key=server.api_key) as tracker:
        copy = tracker.client.with_headers({"X-Request-ID": "generated-copy"})  # attrs evolve
        with copy:  # a plain generated client: its own httpx client, the same key
            assert get_patient.sync_detailed(patient.id, client=copy).status_code == 200
        assert tracker._lazy.opened() == (None, None)  # the tracker's own are still unbuilt


@pytest.mark.parametrize("api_key", ["", " ", "\t", "ptk_abc\n", "ptk abc", "ptk_é"])
@pytest.mark.parametrize("client_class", [PatientTracker, AsyncPatientTracker])
def test_a_key_no_server_can_accept_is_refused_when_the_client_is_built(
    api_key: str, client_class: type[PatientTracker] | type[AsyncPatientTracker]
) -> None:
    with pytest.raises(ValueError, match="api_key"):
        client_class("http://127.0.0.1:9", api_key=api_key)
