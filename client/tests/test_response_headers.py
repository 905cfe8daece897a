"""The documented response headers, typed: `ResponseHeaders` (generated from the spec's
`responses.*.headers`) on every `.raw` response as `typed_headers`, on the live server."""

from __future__ import annotations

import asyncio
import dataclasses
import secrets
from datetime import date

import httpx

from live_server import LiveServer
from patient_tracker_client import (
    ApiResponse,
    AsyncPatientTracker,
    PatientTracker,
    ResponseHeaders,
    etag,
    unwrap,
)
from patient_tracker_client.generated.models import PatientCreate
from patient_tracker_client.generated.response_headers import DOCUMENTED

from .conftest import new_phone


def patient_body() -> PatientCreate:
    return PatientCreate(
        given_name="Ada",
        family_name="Lovelace",
        date_of_birth=date(1985, 12, 10),
        phone=new_phone(),
    )


def test_every_documented_header_is_an_attribute() -> None:
    attributes = {field.name for field in dataclasses.fields(ResponseHeaders)}
    documented_names = {
        name for statuses in DOCUMENTED.values() for names in statuses.values() for name in names
    }
    assert {"ETag", "Location", "Idempotent-Replayed", "WWW-Authenticate"} <= documented_names
    assert attributes == {name.lower().replace("-", "_") for name in documented_names}
    assert DOCUMENTED["createPatient"][201] == (
        "ETag",
        "Idempotent-Replayed",
        "Location",
        "RateLimit",
        "RateLimit-Policy",
        "Request-Id",
    )
    # What `request_id_of`, `ApiError.request_id` and `rate_limits` rely on: every response of
    # every operation has its `Request-Id` and rate-limit headers, and every 429 `Retry-After`.
    for statuses in DOCUMENTED.values():
        assert 429 in statuses
        assert "Retry-After" in statuses[429]
        for names in statuses.values():
            assert {"Request-Id", "RateLimit-Policy", "RateLimit"} <= set(names)


def test_parsing_is_typed_and_case_insensitive() -> None:
    headers = httpx.Headers({"etag": '"3"', "idempotent-replayed": "true", "location": "/v1/x"})
    parsed = ResponseHeaders.parse(headers)
    assert parsed == ResponseHeaders(etag='"3"', idempotent_replayed=True, location="/v1/x")
    assert (
        ResponseHeaders.parse(httpx.Headers({"Idempotent-Replayed": "yes"})).idempotent_replayed
        is None
    )
    assert ResponseHeaders.parse(httpx.Headers()) == ResponseHeaders()


def test_created_and_replayed(tracker: PatientTracker) -> None:
    key = f"headers-{secrets.token_hex(8)}"
    body = patient_body()
    created = tracker.patients.raw.create(body=body, idempotency_key=key)
    assert isinstance(created, ApiResponse)
    assert created.status_code == 201
    patient = unwrap(created)
    first = created.typed_headers
    assert first.location == f"/v1/patients/{patient.id}"
    assert first.etag == etag(created) == created.headers["ETag"]  # etag() keeps working
    assert first.idempotent_replayed is None  # a first answer is no replay

    replayed = tracker.patients.raw.create(body=body, idempotency_key=key).typed_headers
    assert replayed.idempotent_replayed is True
    assert replayed.location == first.location

    read = tracker.patients.raw.get(patient.id).typed_headers
    assert (read.etag, read.location) == (first.etag, None)


def test_async_raw_responses_are_typed_too(server: LiveServer) -> None:
    async def run() -> ResponseHeaders:
        async with AsyncPatientTracker(server.base_url, api_key=server.api_key) as atracker:
            created = await atracker.patients.raw.create(body=patient_body())
            return created.typed_headers

    headers = asyncio.run(run())
    assert headers.location is not None
    assert headers.location.startswith("/v1/patients/")
    assert headers.etag is not None
