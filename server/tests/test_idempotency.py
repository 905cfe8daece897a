"""`Idempotency-Key` (`idempotency.py`): replays, reuse with another request, per API key; over a
real socket.
"""

from __future__ import annotations

import pytest

from live_server import LiveServer
from patient_tracker.auth.scopes import ALL_SCOPES
from tests.api_client import (
    Api,
    assert_problem,
    create_api_key,
    fresh_day,
    parameters,
    patient_body,
    practitioner_body,
    unique_phone,
    unique_word,
)


def test_same_key_and_body_replays_the_first_response_and_creates_nothing(api: Api) -> None:
    body = patient_body()
    headers = {"Idempotency-Key": unique_word("key-")}

    first = api.post("/v1/patients", json=body, headers=headers)
    second = api.post("/v1/patients", json=body, headers=headers)

    assert first.status_code == second.status_code == 201
    assert second.content == first.content
    assert second.headers["location"] == first.headers["location"]
    assert second.headers["etag"] == first.headers["etag"]
    assert second.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    listed = api.get("/v1/patients", params={"phone": body["phone"]}).json()["items"]
    assert len(listed) == 1


def test_replay_returns_the_original_even_after_the_resource_changed(api: Api) -> None:
    body = practitioner_body(specialty=unique_word())
    headers = {"Idempotency-Key": unique_word("key-")}
    first = api.post("/v1/practitioners", json=body, headers=headers)
    api.patch(first.headers["location"], {"active": False})

    second = api.post("/v1/practitioners", json=body, headers=headers)

    assert second.content == first.content
    listed = api.get("/v1/practitioners", params={"specialty": body["specialty"]}).json()
    assert len(listed["items"]) == 1


def test_booking_replay_creates_one_appointment(api: Api) -> None:
    body = api.booking_body(fresh_day())
    headers = {"Idempotency-Key": unique_word("key-")}

    first = api.post("/v1/appointments", json=body, headers=headers)
    second = api.post("/v1/appointments", json=body, headers=headers)

    assert first.status_code == second.status_code == 201
    assert second.content == first.content
    assert second.headers["idempotent-replayed"] == "true"
    listed = api.get("/v1/appointments", params={"patient_id": body["patient_id"]}).json()
    assert len(listed["items"]) == 1


def test_action_replay_returns_the_first_result_instead_of_409(api: Api) -> None:
    appointment = api.book(fresh_day())
    headers = {"Idempotency-Key": unique_word("key-")}

    first = api.act(appointment, "check-in", headers=headers)
    second = api.act(appointment, "check-in", headers=headers)

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second.headers["etag"] == first.headers["etag"]
    assert second.headers["idempotent-replayed"] == "true"


def test_same_key_with_a_different_body_is_422_and_creates_nothing(api: Api) -> None:
    headers = {"Idempotency-Key": unique_word("key-")}
    assert api.post("/v1/patients", json=patient_body(), headers=headers).status_code == 201
    other = patient_body()

    response = api.post("/v1/patients", json=other, headers=headers)

    assert_problem(response, 422, "idempotency_key_reused")
    assert api.get("/v1/patients", params={"phone": other["phone"]}).json()["items"] == []


def test_same_key_on_another_operation_is_422(api: Api) -> None:
    headers = {"Idempotency-Key": unique_word("key-")}
    assert (
        api.post("/v1/practitioners", json=practitioner_body(), headers=headers).status_code == 201
    )

    response = api.post("/v1/patients", json=patient_body(), headers=headers)

    assert_problem(response, 422, "idempotency_key_reused")


def test_same_key_cancel_with_another_reason_is_422(api: Api) -> None:
    appointment = api.book(fresh_day())
    headers = {"Idempotency-Key": unique_word("key-")}
    api.act(appointment, "cancel", json={"cancellation_reason": "First."}, headers=headers)

    response = api.act(
        appointment, "cancel", json={"cancellation_reason": "Second."}, headers=headers
    )

    assert_problem(response, 422, "idempotency_key_reused")


def test_a_failed_request_is_not_stored_so_a_retry_runs_again(api: Api) -> None:
    holder = api.create_patient()
    body = patient_body(phone=holder["phone"])
    headers = {"Idempotency-Key": unique_word("key-")}
    assert_problem(api.post("/v1/patients", json=body, headers=headers), 409, "phone_taken")
    api.patch(f"/v1/patients/{holder['id']}", {"phone": unique_phone()})

    retry = api.post("/v1/patients", json=body, headers=headers)

    assert retry.status_code == 201, retry.text
    assert "idempotent-replayed" not in retry.headers


def test_keys_are_per_api_key(api: Api, server: LiveServer) -> None:
    _, other_key = create_api_key(server.database_url, ALL_SCOPES)
    other = Api(server, other_key)
    body = practitioner_body(specialty=unique_word())
    headers = {"Idempotency-Key": unique_word("key-")}
    try:
        first = api.post("/v1/practitioners", json=body, headers=headers)
        second = other.post("/v1/practitioners", json=body, headers=headers)
    finally:
        other.close()

    assert first.status_code == second.status_code == 201
    assert "idempotent-replayed" not in second.headers
    assert second.json()["id"] != first.json()["id"]


@pytest.mark.parametrize(
    "key", ["has space", "x" * 256, "caf\u00e9"], ids=["space", "long", "non-ascii"]
)
def test_malformed_idempotency_key_is_422(api: Api, key: str) -> None:
    response = api.post(
        "/v1/practitioners",
        json=practitioner_body(),
        headers={"Idempotency-Key": key.encode()},
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert parameters(problem) == ["Idempotency-Key"]
