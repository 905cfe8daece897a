"""Request ids: every result of a call can be traced to its `Request-Id` (`request_id_of` for the
models the methods return, items of pages included; `ApiResponse.request_id` for `.raw`), every
`ApiError` carries it and ends its message with it; conditional reads (`if_none_match=`, `304`).

Offline, on the test kit (which answers with a fresh `Request-Id` each time, as the server does)
and on hand-made responses; the last test checks the same on the live server.
"""

from __future__ import annotations

import asyncio
import gc
import re
from collections.abc import Iterator
from datetime import date

import attrs
import httpx
import pytest

from live_server import LiveServer
from patient_tracker_client import (
    ApiConnectionError,
    ApiError,
    ApiResponse,
    NotFoundError,
    NotModifiedError,
    PatientTracker,
    PatientTrackerError,
    PhoneTakenError,
    RetryPolicy,
    ServerError,
    etag,
    modify,
    paginate,
    request_id_of,
    unwrap,
)
from patient_tracker_client import _calls as calls
from patient_tracker_client.generated.api.patients import get_patient, list_patients
from patient_tracker_client.generated.models import PatientCreate, PatientUpdate

from .conftest import new_phone
from .testing_support import SpecCheckedKit

REQUEST_ID = re.compile(r"req_[0-9a-f]{32}")
NO_RETRIES = RetryPolicy(max_attempts=1)


@pytest.fixture
def kit() -> Iterator[SpecCheckedKit]:
    checked = SpecCheckedKit()
    yield checked
    assert checked.answer_problems == []


@pytest.fixture
def tracker(kit: SpecCheckedKit) -> Iterator[PatientTracker]:
    with kit.tracker(retry=NO_RETRIES) as client:
        yield client


def body(phone: str = "+447700900001", given_name: str = "Ada") -> PatientCreate:
    return PatientCreate(
        given_name=given_name, family_name="Lovelace", date_of_birth=date(1985, 12, 10), phone=phone
    )


def last_id(kit: SpecCheckedKit) -> str | None:
    return kit.calls[-1].request_id


# ---------------------------------------------------------------- results


def test_every_model_a_method_returns_has_its_request_id(
    kit: SpecCheckedKit, tracker: PatientTracker
) -> None:
    created = tracker.patients.create(body=body())
    assert request_id_of(created) == last_id(kit)
    assert REQUEST_ID.fullmatch(request_id_of(created) or "")
    read = tracker.patients.get(created.id)
    assert request_id_of(read) == last_id(kit) != request_id_of(created)  # one per call
    updated = tracker.patients.update(created.id, body=PatientUpdate(email="ada@example.com"))
    assert request_id_of(updated) == last_id(kit)
    assert request_id_of(tracker.health.get()) == last_id(kit)
    # What did not come from a call has none: a copy, a model made here, None, anything else.
    assert request_id_of(attrs.evolve(read)) is None
    assert request_id_of(body()) is None
    assert request_id_of(None) is None
    assert request_id_of("req_0f3c6b1d9a8e4c2b8d7f6a5e4c3b2a19") is None


def test_pages_and_their_items(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    made = [tracker.patients.create(body=body(f"+4477009{n:05d}")).id for n in range(5)]
    page = tracker.patients.list(limit=2)
    assert request_id_of(page) == last_id(kit)
    assert {request_id_of(item) for item in page.items} == {last_id(kit)}

    before = len(kit.calls)
    found = list(tracker.patients.list_all(limit=2))  # three pages: 2 + 2 + 1
    assert [p.id for p in found] == made
    pages = [call.request_id for call in kit.calls[before:]]
    assert len(set(pages)) == 3
    # Each item has the id of the request that fetched its page.
    assert [request_id_of(p) for p in found] == [pages[0]] * 2 + [pages[1]] * 2 + [pages[2]]


def test_raw_responses_and_calls_without_a_body(
    kit: SpecCheckedKit, tracker: PatientTracker
) -> None:
    created = tracker.patients.raw.create(body=body())
    assert isinstance(created, ApiResponse)
    assert created.request_id == created.headers["Request-Id"] == last_id(kit)
    patient = unwrap(created)
    assert request_id_of(patient) == created.request_id  # unwrap keeps it
    deleted = tracker.patients.raw.delete(patient.id)
    assert (deleted.status_code, deleted.parsed) == (204, None)
    assert deleted.request_id == last_id(kit)


def test_the_generated_functions_and_helpers(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    patient = tracker.patients.create(body=body())
    response = get_patient.sync_detailed(patient.id, client=tracker.client)
    assert request_id_of(unwrap(response)) == response.headers["Request-Id"]
    everyone = list(paginate(list_patients.sync_detailed, client=tracker.client))
    assert request_id_of(everyone[0]) == last_id(kit)
    changed = modify(
        lambda: tracker.patients.raw.get(patient.id),
        lambda current, if_match: tracker.patients.raw.update(
            current.id, body=PatientUpdate(given_name="Augusta"), if_match=if_match
        ),
    )
    assert request_id_of(changed) == last_id(kit)  # the write's


def test_async_results(kit: SpecCheckedKit) -> None:
    async def flow() -> list[bool]:
        async with kit.async_tracker(retry=NO_RETRIES) as atracker:
            created = await atracker.patients.create(body=body())
            seen = [request_id_of(created) == last_id(kit)]
            raw = await atracker.patients.raw.get(created.id)
            seen.append(raw.request_id == last_id(kit))
            listed = [p async for p in atracker.patients.list_all()]
            seen.append(request_id_of(listed[0]) == last_id(kit))
            return seen

    assert asyncio.run(flow()) == [True, True, True]


def test_the_table_forgets_collected_values(tracker: PatientTracker) -> None:
    patient = tracker.patients.create(body=body())
    gc.collect()
    before = len(calls._REQUEST_IDS)
    for _ in range(50):
        tracker.patients.get(patient.id)  # each result dropped at once
    tracker.patients.list()
    gc.collect()
    assert len(calls._REQUEST_IDS) == before
    assert request_id_of(patient) is not None  # a value still held keeps its id


# ---------------------------------------------------------------- errors


def test_errors_carry_the_request_id_and_say_it(
    kit: SpecCheckedKit, tracker: PatientTracker
) -> None:
    tracker.patients.create(body=body())
    with pytest.raises(PhoneTakenError) as taken:
        tracker.patients.create(body=body(given_name="Twin"))
    error = taken.value
    assert error.request_id == last_id(kit)
    assert error.request_id == error.response.headers["Request-Id"] == error.problem["request_id"]
    assert str(error) == f"409 phone_taken: {error.detail} (request_id: {error.request_id})"
    with pytest.raises(NotFoundError) as missing:
        tracker.patients.get("nobody")
    assert str(missing.value).endswith(f"(request_id: {last_id(kit)})")


def problem_error(headers: dict[str, str], problem: dict[str, object]) -> ApiError:
    answer = httpx.Response(
        503, headers=headers, json={"status": 503, "code": "server_busy", **problem}
    )
    with (
        PatientTracker(
            "http://api.test",
            api_key="k",
            retry=NO_RETRIES,
            transport=httpx.MockTransport(lambda request: answer),
        ) as api,
        pytest.raises(ServerError) as caught,
    ):
        api.patients.get("p1")
    return caught.value


def test_the_header_first_then_the_problem_body() -> None:
    both = problem_error({"Request-Id": "req_header"}, {"request_id": "req_body"})
    assert both.request_id == "req_header"
    # A proxy may drop the header: the problem body still names the request.
    body_only = problem_error({}, {"request_id": "req_body", "detail": "Busy."})
    assert body_only.request_id == "req_body"
    assert str(body_only) == "503 server_busy: Busy. (request_id: req_body)"
    neither = problem_error({}, {"request_id": 42, "detail": "Busy."})
    assert neither.request_id is None
    assert str(neither) == "503 server_busy: Busy."


def test_connection_errors_have_none() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with (
        PatientTracker(
            "http://api.test", api_key="k", retry=NO_RETRIES, transport=httpx.MockTransport(refuse)
        ) as api,
        pytest.raises(ApiConnectionError) as caught,
    ):
        api.patients.get("p1")
    assert isinstance(caught.value, PatientTrackerError)
    assert caught.value.request_id is None
    assert "request_id" not in str(caught.value)


# ---------------------------------------------------------------- conditional reads (304)


def test_if_none_match(kit: SpecCheckedKit, tracker: PatientTracker) -> None:
    created = tracker.patients.raw.create(body=body())
    patient, tag = unwrap(created), etag(created)

    still = tracker.patients.raw.get(patient.id, if_none_match=tag)
    assert (still.status_code, still.parsed, still.content) == (304, None, b"")
    assert (still.typed_headers.etag, still.request_id) == (tag, last_id(kit))
    with pytest.raises(NotModifiedError) as not_modified:
        tracker.patients.get(patient.id, if_none_match=tag)
    assert (not_modified.value.etag, not_modified.value.request_id) == (tag, last_id(kit))
    assert str(not_modified.value) == f"304 not modified: the ETag is still {tag}" + (
        f" (request_id: {last_id(kit)})"
    )
    assert not isinstance(not_modified.value, ApiError)  # not an error status
    for also_matching in (f"W/{tag}", f'"other", {tag}', "*"):
        assert tracker.patients.raw.get(patient.id, if_none_match=also_matching).status_code == 304

    tracker.patients.update(patient.id, body=PatientUpdate(given_name="Augusta"))
    fresh = tracker.patients.get(patient.id, if_none_match=tag)  # the ETag moved on
    assert fresh.given_name == "Augusta"
    kit.assert_no_violations()


# ---------------------------------------------------------------- the live server


def test_on_the_live_server(server: LiveServer) -> None:
    """Needs the server to send `Request-Id` and the rate-limit headers (spec 46bd442)."""
    with PatientTracker(server.base_url, api_key=server.api_key, retry=NO_RETRIES) as tracker:
        created = tracker.patients.raw.create(body=body(new_phone()))
        assert REQUEST_ID.fullmatch(created.request_id or "")
        assert created.rate_limits is not None
        assert "integration" in created.rate_limits
        patient = tracker.patients.get(unwrap(created).id)
        assert REQUEST_ID.fullmatch(request_id_of(patient) or "")
        assert request_id_of(patient) != created.request_id
        with pytest.raises(NotModifiedError):
            tracker.patients.get(patient.id, if_none_match=etag(created))
        with pytest.raises(NotFoundError) as missing:
            tracker.patients.get("00000000-0000-7000-8000-ffffffffffff")
    error = missing.value
    assert REQUEST_ID.fullmatch(error.request_id or "")
    assert error.problem["request_id"] == error.request_id
    assert str(error).endswith(f"(request_id: {error.request_id})")
