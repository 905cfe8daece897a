"""The conventions every operation follows, over a real socket.

ETags and `If-Match`, `Idempotency-Key`, cursor pagination and filters, problem responses for
every kind of bad request, authentication and scopes, the served contract and docs, and logs
without patient data.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import timedelta, timezone
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import yaml
from sqlalchemy import Connection

from live_server import LiveServer
from patient_tracker.auth.keys import revoke_key
from patient_tracker.auth.scopes import ALL_SCOPES
from patient_tracker.db.database import Database
from tests.api_client import (
    REPOSITORY,
    Api,
    Json,
    api_for,
    assert_problem,
    create_api_key,
    fresh_day,
    iso,
    parameters,
    patient_body,
    pointers,
    practitioner_body,
    unique_phone,
    unique_word,
)

SPEC_PATH = REPOSITORY / "spec" / "openapi.yaml"
UNKNOWN_ID = "01936f5e-6f38-7cc2-9a5e-3c0f1c2b9a10"
STRONG_ETAG = re.compile(r'^"[\x21\x23-\x7E]*"$')
MAX_BODY = 65536
# A change to make to each kind of resource.
CHANGE: dict[str, Json] = {
    "patients": {"given_name": "Changed"},
    "practitioners": {"active": False},
    "appointments": {"notes": "Changed."},
}


@pytest.fixture(scope="module")
def server(live_server_sqlite: LiveServer) -> LiveServer:
    return live_server_sqlite


@pytest.fixture(scope="module")
def api(server: LiveServer) -> Iterator[Api]:
    yield from api_for(server)


@pytest.fixture
def anonymous(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.base_url, timeout=30.0) as client:
        yield client


def _spec() -> Json:
    spec: Json = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return spec


def _operations() -> list[tuple[str, str, Json]]:
    """(method, path, operation) for every operation of the spec."""
    return [
        (method.upper(), path, operation)
        for path, item in _spec()["paths"].items()
        for method, operation in item.items()
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", UNKNOWN_ID, path)


# -- ETag and If-Match ----------------------------------------------------------------------------


def test_post_get_patch_carry_a_strong_etag_that_changes_with_the_resource(api: Api) -> None:
    created = api.post("/v1/patients", json=patient_body())
    path = created.headers["location"]

    patched = api.patch(path, {"given_name": "Augusta"})
    fetched = api.get(path)

    assert STRONG_ETAG.match(created.headers["etag"])
    assert STRONG_ETAG.match(patched.headers["etag"])
    assert patched.headers["etag"] != created.headers["etag"]
    assert fetched.headers["etag"] == patched.headers["etag"]


def test_status_actions_return_the_new_etag(api: Api) -> None:
    booked = api.post("/v1/appointments", json=api.booking_body(fresh_day()))

    checked_in = api.act(booked.json(), "check-in")

    assert STRONG_ETAG.match(checked_in.headers["etag"])
    assert checked_in.headers["etag"] != booked.headers["etag"]
    assert api.get(booked.headers["location"]).headers["etag"] == checked_in.headers["etag"]


def test_lists_carry_no_etag(api: Api) -> None:
    assert "etag" not in api.get("/v1/patients").headers


def _stale_etag(api: Api, path: str) -> str:
    """The ETag of `path`, then change the resource so that the tag is stale."""
    etag = api.get(path).headers["etag"]
    resource = path.split("/")[2]
    change: Json = {
        "patients": {"given_name": unique_word().title()},
        "practitioners": {"display_name": unique_word().title()},
        "appointments": {"notes": unique_word()},
    }[resource]
    assert api.patch(path, change).status_code == 200
    return etag


def _resource(api: Api, kind: str) -> str:
    if kind == "patients":
        return f"/v1/patients/{api.create_patient()['id']}"
    if kind == "practitioners":
        return f"/v1/practitioners/{api.create_practitioner()['id']}"
    return f"/v1/appointments/{api.book(fresh_day())['id']}"


@pytest.mark.parametrize("kind", ["patients", "practitioners", "appointments"])
def test_patch_with_stale_if_match_is_412_and_changes_nothing(api: Api, kind: str) -> None:
    path = _resource(api, kind)
    stale = _stale_etag(api, path)
    before = api.get(path)

    response = api.patch(path, CHANGE[kind], headers={"If-Match": stale})

    assert_problem(response, 412, "precondition_failed")
    after = api.get(path)
    assert after.json() == before.json()
    assert after.headers["etag"] == before.headers["etag"]


@pytest.mark.parametrize("kind", ["patients", "practitioners"])
def test_delete_with_stale_if_match_is_412_and_deletes_nothing(api: Api, kind: str) -> None:
    path = _resource(api, kind)
    stale = _stale_etag(api, path)
    before = api.get(path).json()

    response = api.delete(path, headers={"If-Match": stale})

    assert_problem(response, 412, "precondition_failed")
    assert api.get(path).json() == before


@pytest.mark.parametrize("action", ["check-in", "no-show", "cancel"])
def test_action_with_stale_if_match_is_412(api: Api, action: str) -> None:
    path = _resource(api, "appointments")
    stale = _stale_etag(api, path)

    response = api.act(api.get(path).json(), action, headers={"If-Match": stale})

    assert_problem(response, 412, "precondition_failed")
    assert api.get(path).json()["status"] == "scheduled"


def test_if_match_with_the_current_etag_succeeds(api: Api) -> None:
    created = api.post("/v1/patients", json=patient_body())

    response = api.patch(
        created.headers["location"],
        {"given_name": "Ada"},
        headers={"If-Match": created.headers["etag"]},
    )

    assert response.status_code == 200, response.text


def test_if_match_star_succeeds(api: Api) -> None:
    path = _resource(api, "patients")
    _stale_etag(api, path)

    response = api.patch(path, {"given_name": "Ada"}, headers={"If-Match": "*"})

    assert response.status_code == 200, response.text


def test_if_match_list_containing_the_current_etag_succeeds(api: Api) -> None:
    created = api.post("/v1/patients", json=patient_body())
    listed = f'"999999", {created.headers["etag"]}'

    response = api.patch(
        created.headers["location"], {"given_name": "Ada"}, headers={"If-Match": listed}
    )

    assert response.status_code == 200, response.text


def test_weak_etag_never_matches(api: Api) -> None:
    created = api.post("/v1/patients", json=patient_body())

    response = api.patch(
        created.headers["location"],
        {"given_name": "Ada"},
        headers={"If-Match": f"W/{created.headers['etag']}"},
    )

    assert_problem(response, 412, "precondition_failed")


def test_delete_with_current_if_match_succeeds(api: Api) -> None:
    created = api.post("/v1/practitioners", json=practitioner_body())

    response = api.delete(
        created.headers["location"], headers={"If-Match": created.headers["etag"]}
    )

    assert response.status_code == 204


def test_action_with_current_if_match_succeeds(api: Api) -> None:
    booked = api.post("/v1/appointments", json=api.booking_body(fresh_day()))

    response = api.act(booked.json(), "check-in", headers={"If-Match": booked.headers["etag"]})

    assert response.status_code == 200, response.text


def test_malformed_if_match_is_422(api: Api) -> None:
    path = _resource(api, "patients")

    response = api.patch(path, {"given_name": "Ada"}, headers={"If-Match": '"' + "1" * 250 + '"'})

    problem = assert_problem(response, 422, "validation_failed")
    assert parameters(problem) == ["If-Match"]


# -- Idempotency-Key ------------------------------------------------------------------------------


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


# -- pagination -----------------------------------------------------------------------------------


def test_pages_cover_every_patient_once_in_registration_order(api: Api) -> None:
    family = unique_word("Pager").title()
    created = [api.create_patient(family_name=family)["id"] for _ in range(45)]

    pages = api.all_pages("/v1/patients", {"name_prefix": family, "limit": 20})

    assert [len(page) for page in pages] == [20, 20, 5]
    listed = [patient["id"] for page in pages for patient in page]
    assert listed == created
    assert listed == sorted(listed)


def test_next_cursor_is_null_on_a_full_last_page(api: Api) -> None:
    family = unique_word("Full").title()
    for _ in range(4):
        api.create_patient(family_name=family)

    pages = api.all_pages("/v1/patients", {"name_prefix": family, "limit": 2})

    assert [len(page) for page in pages] == [2, 2]


def test_default_limit_is_20(api: Api) -> None:
    family = unique_word("Default").title()
    for _ in range(21):
        api.create_patient(family_name=family)

    page = api.get("/v1/patients", params={"name_prefix": family}).json()

    assert len(page["items"]) == 20
    assert page["next_cursor"] is not None


@pytest.mark.parametrize("limit", ["0", "101", "ten"])
def test_limit_out_of_range_is_422(api: Api, limit: str) -> None:
    response = api.get("/v1/patients", params={"limit": limit})

    problem = assert_problem(response, 422, "validation_failed")
    assert parameters(problem) == ["limit"]


def test_appointments_page_by_start_then_id(api: Api) -> None:
    day = fresh_day()
    pairs = [(api.create_patient(), api.create_practitioner()) for _ in range(3)]
    # Each pair books the same five times; booked latest first, so ids do not follow start times.
    booked: list[Json] = []
    for hour in (13, 12, 11, 10, 9):
        for patient, practitioner in pairs:
            start = day + timedelta(hours=hour)
            booked.append(api.book(start, patient=patient, practitioner=practitioner))
    window = {"start_at_from": iso(day), "start_at_before": iso(day + timedelta(days=1))}

    pages = api.all_pages("/v1/appointments", {**window, "limit": 4})

    assert [len(page) for page in pages] == [4, 4, 4, 3]
    listed = [(a["start_at"], a["id"]) for page in pages for a in page]
    assert listed == sorted((a["start_at"], a["id"]) for a in booked)


def test_cursor_with_other_filters_is_422_invalid_cursor(api: Api) -> None:
    family = unique_word("Cursor").title()
    for _ in range(3):
        api.create_patient(family_name=family)
    cursor = api.get("/v1/patients", params={"name_prefix": family, "limit": 1}).json()[
        "next_cursor"
    ]

    response = api.get("/v1/patients", params={"name_prefix": "Ada", "cursor": cursor})

    problem = assert_problem(response, 422, "invalid_cursor")
    assert parameters(problem) == ["cursor"]


def test_appointment_cursor_with_other_filters_is_422_invalid_cursor(api: Api) -> None:
    practitioner = api.create_practitioner()
    day = fresh_day()
    for hour in (9, 10):
        api.book(day + timedelta(hours=hour), practitioner=practitioner)
    first = api.get(
        "/v1/appointments", params={"practitioner_id": practitioner["id"], "limit": 1}
    ).json()

    response = api.get(
        "/v1/appointments",
        params={
            "practitioner_id": practitioner["id"],
            "status": "scheduled",
            "cursor": first["next_cursor"],
        },
    )

    assert_problem(response, 422, "invalid_cursor")


@pytest.mark.parametrize("cursor", ["garbage", "eyJrIjpbXX0", "%%%", "e30"])
def test_garbage_cursor_is_422_invalid_cursor(api: Api, cursor: str) -> None:
    response = api.get("/v1/patients", params={"cursor": cursor})

    problem = assert_problem(response, 422, "invalid_cursor")
    assert parameters(problem) == ["cursor"]


def test_cursor_of_another_collection_is_422(api: Api) -> None:
    for _ in range(2):
        api.create_patient()
    cursor = api.get("/v1/patients", params={"limit": 1}).json()["next_cursor"]

    response = api.get("/v1/practitioners", params={"cursor": cursor})

    assert_problem(response, 422, "invalid_cursor")


# -- filters --------------------------------------------------------------------------------------


def test_phone_filter_is_exact(api: Api) -> None:
    phone = unique_phone()
    patient = api.create_patient(phone=phone)
    api.create_patient(phone=phone + "9")

    listed = api.get("/v1/patients", params={"phone": phone}).json()["items"]

    assert listed == [patient]


def test_invalid_phone_filter_is_422(api: Api) -> None:
    response = api.get("/v1/patients", params={"phone": "12345"})

    problem = assert_problem(response, 422, "validation_failed")
    assert parameters(problem) == ["phone"]


def test_name_prefix_matches_given_or_family_name_ignoring_case(api: Api) -> None:
    word = unique_word()
    by_given = api.create_patient(given_name=word.title() + "ina", family_name="Smith")
    by_family = api.create_patient(given_name="Ada", family_name=word.upper() + "son")
    api.create_patient(given_name="Ada", family_name="Mc" + word)  # contains it, not a prefix

    listed = api.get("/v1/patients", params={"name_prefix": word.lower()}).json()["items"]

    assert [p["id"] for p in listed] == [by_given["id"], by_family["id"]]


@pytest.mark.parametrize("wildcard", ["%", "_"])
def test_name_prefix_treats_sql_wildcards_literally(api: Api, wildcard: str) -> None:
    word = unique_word()
    api.create_patient(given_name=word)

    listed = api.get("/v1/patients", params={"name_prefix": word[:2] + wildcard}).json()

    assert listed["items"] == []


def test_specialty_and_active_filters(api: Api) -> None:
    specialty = unique_word("specialty ")
    active = api.create_practitioner(specialty=specialty)
    inactive = api.create_practitioner(specialty=specialty, active=False)
    api.create_practitioner(specialty=specialty + " extra")

    def ids(**params: Any) -> list[str]:
        page = api.get("/v1/practitioners", params={"specialty": specialty, **params}).json()
        return [p["id"] for p in page["items"]]

    assert ids() == [active["id"], inactive["id"]]
    assert ids(active="true") == [active["id"]]
    assert ids(active="false") == [inactive["id"]]


@pytest.fixture
def agenda(api: Api) -> dict[str, Any]:
    """One day: practitioner P sees A at 9, B at 10, A at 11 (cancelled); Q sees A at 12."""
    day = fresh_day()
    a, b = api.create_patient(), api.create_patient()
    p, q = api.create_practitioner(), api.create_practitioner()
    a9 = api.book(day + timedelta(hours=9), patient=a, practitioner=p)
    b10 = api.book(day + timedelta(hours=10), patient=b, practitioner=p)
    a11 = api.book(day + timedelta(hours=11), patient=a, practitioner=p)
    a11 = api.act(a11, "cancel").json()
    a12 = api.book(day + timedelta(hours=12), patient=a, practitioner=q)
    return {"day": day, "a": a, "p": p, "a9": a9, "b10": b10, "a11": a11, "a12": a12}


def _appointment_ids(api: Api, **params: Any) -> list[str]:
    response = api.get("/v1/appointments", params=params)
    assert response.status_code == 200, response.text
    return [a["id"] for a in response.json()["items"]]


def test_appointments_filter_by_practitioner(api: Api, agenda: dict[str, Any]) -> None:
    ids = _appointment_ids(api, practitioner_id=agenda["p"]["id"])

    assert ids == [agenda[k]["id"] for k in ("a9", "b10", "a11")]


def test_appointments_filter_by_patient(api: Api, agenda: dict[str, Any]) -> None:
    ids = _appointment_ids(api, patient_id=agenda["a"]["id"])

    assert ids == [agenda[k]["id"] for k in ("a9", "a11", "a12")]


def test_appointments_filter_by_status(api: Api, agenda: dict[str, Any]) -> None:
    p = agenda["p"]["id"]

    assert _appointment_ids(api, practitioner_id=p, status="cancelled") == [agenda["a11"]["id"]]
    assert _appointment_ids(api, practitioner_id=p, status="scheduled") == [
        agenda["a9"]["id"],
        agenda["b10"]["id"],
    ]


def test_appointments_start_window_is_half_open(api: Api, agenda: dict[str, Any]) -> None:
    day = agenda["day"]

    ids = _appointment_ids(
        api,
        start_at_from=iso(day + timedelta(hours=10)),
        start_at_before=iso(day + timedelta(hours=12)),
    )

    assert ids == [agenda["b10"]["id"], agenda["a11"]["id"]]


def test_appointments_start_window_honours_offsets(api: Api, agenda: dict[str, Any]) -> None:
    plus_two = timezone(timedelta(hours=2))
    start = (agenda["day"] + timedelta(hours=12)).astimezone(plus_two)

    ids = _appointment_ids(
        api, start_at_from=iso(start), start_at_before=iso(start + timedelta(hours=1))
    )

    assert ids == [agenda["a12"]["id"]]


def test_start_window_without_offset_is_422(api: Api) -> None:
    response = api.get("/v1/appointments", params={"start_at_from": "2031-01-01T09:00:00"})

    problem = assert_problem(response, 422, "validation_failed")
    assert parameters(problem) == ["start_at_from"]


def test_unknown_status_filter_is_422(api: Api) -> None:
    response = api.get("/v1/appointments", params={"status": "lost"})

    problem = assert_problem(response, 422, "validation_failed")
    assert parameters(problem) == ["status"]


# -- error responses ------------------------------------------------------------------------------


def test_unknown_route_is_404_problem(api: Api) -> None:
    assert_problem(api.get("/v1/nothing-here"), 404, "not_found")


def test_trailing_slash_is_404_problem(api: Api) -> None:
    assert_problem(api.get("/v1/patients/"), 404, "not_found")


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("PUT", f"/v1/patients/{UNKNOWN_ID}", {"GET", "PATCH", "DELETE"}),
        ("DELETE", "/v1/patients", {"GET", "POST"}),
        ("PUT", "/v1/practitioners", {"GET", "POST"}),
        ("POST", f"/v1/appointments/{UNKNOWN_ID}", {"GET", "PATCH"}),
        ("GET", f"/v1/appointments/{UNKNOWN_ID}/cancel", {"POST"}),
        ("DELETE", f"/v1/patients/{UNKNOWN_ID}/appointments", {"GET"}),
        ("POST", "/healthz", {"GET"}),
    ],
)
def test_wrong_method_is_405_with_allow_listing_every_method(
    api: Api, method: str, path: str, allowed: set[str]
) -> None:
    response = api.request(method, path)

    assert_problem(response, 405, "method_not_allowed")
    assert {m.strip() for m in response.headers["allow"].split(",")} == allowed


def test_body_over_the_limit_is_413(api: Api) -> None:
    body = patient_body(given_name="A" * MAX_BODY)

    response = api.post("/v1/patients", json=body)

    assert_problem(response, 413, "payload_too_large")


def test_chunked_body_over_the_limit_is_413(api: Api) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"given_name": "'
        for _ in range(MAX_BODY // 1024 + 1):
            yield b"A" * 1024
        yield b'"}'

    response = api.post(
        "/v1/patients", content=chunks(), headers={"Content-Type": "application/json"}
    )

    assert "content-length" not in response.request.headers
    assert response.request.headers["transfer-encoding"] == "chunked"
    assert_problem(response, 413, "payload_too_large")


def test_body_of_exactly_the_limit_is_accepted(api: Api) -> None:
    text = httpx.Request("POST", "/", json=patient_body()).content
    padded = text[:-1] + b" " * (MAX_BODY - len(text)) + b"}"
    assert len(padded) == MAX_BODY

    response = api.post(
        "/v1/patients", content=padded, headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/xml", "application/merge-patch+json", None]
)
def test_wrong_media_type_is_415(api: Api, content_type: str | None) -> None:
    headers = {} if content_type is None else {"Content-Type": content_type}
    content = httpx.Request("POST", "/", json=patient_body()).content

    response = api.post("/v1/patients", content=content, headers=headers)

    assert_problem(response, 415, "unsupported_media_type")


def test_media_type_parameters_are_accepted(api: Api) -> None:
    content = httpx.Request("POST", "/", json=patient_body()).content

    response = api.post(
        "/v1/patients", content=content, headers={"Content-Type": "application/json; charset=utf-8"}
    )

    assert response.status_code == 201, response.text


@pytest.mark.parametrize("content", [b"{", b"", b"{'a': 1}", b'{"given_name": "A",}'])
def test_malformed_json_is_400(api: Api, content: bytes) -> None:
    response = api.post(
        "/v1/patients", content=content, headers={"Content-Type": "application/json"}
    )

    assert_problem(response, 400, "malformed_json")


def test_malformed_json_in_a_patch_is_400(api: Api) -> None:
    path = _resource(api, "patients")

    response = api.request(
        "PATCH", path, content=b"{nope", headers={"Content-Type": "application/merge-patch+json"}
    )

    assert_problem(response, 400, "malformed_json")


def test_unknown_body_field_is_422_pointing_at_it(api: Api) -> None:
    response = api.post("/v1/patients", json=patient_body(nickname="Ada"))

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/nickname"]


def test_body_that_is_not_an_object_is_422(api: Api) -> None:
    response = api.post("/v1/patients", json=[patient_body()])

    assert_problem(response, 422, "validation_failed")


def test_unknown_query_parameter_is_422(api: Api) -> None:
    response = api.get("/v1/patients", params={"phon": "+15550000000"})

    problem = assert_problem(response, 422, "validation_failed")
    assert parameters(problem) == ["phon"]


# -- authentication and scopes --------------------------------------------------------------------


def test_missing_key_is_401_with_www_authenticate(anonymous: httpx.Client) -> None:
    response = anonymous.get("/v1/patients")

    assert_problem(response, 401, "unauthenticated")
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "authorization",
    [
        "Bearer ptk_" + "A" * 43,
        "Bearer not-a-key",
        "Basic dXNlcjpwYXNz",
        "Bearer",
    ],
    ids=["unknown", "malformed", "basic", "empty"],
)
def test_unknown_or_malformed_key_is_401_invalid_api_key(
    anonymous: httpx.Client, authorization: str
) -> None:
    response = anonymous.get("/v1/patients", headers={"Authorization": authorization})

    assert_problem(response, 401, "invalid_api_key")
    assert response.headers["www-authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    ("method", "path"),
    [(m, p) for m, p, op in _operations() if op.get("security") != []],
    ids=[f"{m} {p}" for m, p, op in _operations() if op.get("security") != []],
)
def test_every_v1_operation_needs_a_key(anonymous: httpx.Client, method: str, path: str) -> None:
    response = anonymous.request(
        method, _concrete(path), json={} if method in {"POST", "PATCH"} else None
    )

    assert_problem(response, 401, "unauthenticated")


@pytest.fixture(scope="module")
def single_scope_keys(server: LiveServer) -> dict[str, str]:
    """An API key per scope, holding only that scope."""
    return {scope: create_api_key(server.database_url, (scope,))[1] for scope in ALL_SCOPES}


def _scoped_operations() -> list[tuple[str, str, frozenset[str]]]:
    return [
        (method, path, frozenset(op["security"][0]["bearerAuth"]))
        for method, path, op in _operations()
        if op.get("security")
    ]


@pytest.mark.parametrize(
    ("method", "path", "required"),
    _scoped_operations(),
    ids=[f"{m} {p}" for m, p, _ in _scoped_operations()],
)
def test_every_v1_operation_needs_its_scope(
    server: LiveServer,
    single_scope_keys: dict[str, str],
    method: str,
    path: str,
    required: frozenset[str],
) -> None:
    other_scope = next(scope for scope in ALL_SCOPES if scope not in required)
    key = single_scope_keys[other_scope]

    response = httpx.request(
        method,
        server.base_url + _concrete(path),
        headers={"Authorization": f"Bearer {key}"},
        json={} if method in {"POST", "PATCH"} else None,
    )

    assert_problem(response, 403, "insufficient_scope")


@pytest.mark.parametrize(
    ("held", "missing"),
    [("patients:read", "appointments:read"), ("appointments:read", "patients:read")],
)
def test_operation_needing_two_scopes_needs_both(
    server: LiveServer, single_scope_keys: dict[str, str], held: str, missing: str
) -> None:
    patient = f"/v1/patients/{UNKNOWN_ID}/appointments"
    headers = {"Authorization": f"Bearer {single_scope_keys[held]}"}

    response = httpx.get(server.base_url + patient, headers=headers)

    problem = assert_problem(response, 403, "insufficient_scope")
    assert missing in problem["detail"]


def test_read_scope_reads_but_does_not_write(server: LiveServer) -> None:
    _, key = create_api_key(server.database_url, ("patients:read",))
    reader = Api(server, key)
    try:
        listed = reader.get("/v1/patients")
        created = reader.post("/v1/patients", json=patient_body())
    finally:
        reader.close()

    assert listed.status_code == 200
    assert_problem(created, 403, "insufficient_scope")


def test_revoked_key_stops_working_on_the_next_request(server: LiveServer) -> None:
    key_id, key = create_api_key(server.database_url, ALL_SCOPES)
    client = Api(server, key)
    try:
        assert client.get("/v1/patients").status_code == 200
        db = Database.from_url(server.database_url)
        try:

            def revoke(conn: Connection) -> bool:
                return revoke_key(conn, key_id)

            assert db.write_sync(revoke)
        finally:
            db.dispose()

        response = client.get("/v1/patients")
    finally:
        client.close()

    assert_problem(response, 401, "invalid_api_key")


@pytest.mark.parametrize(
    ("path", "body"), [("/healthz", {"status": "ok"}), ("/readyz", {"status": "ready"})]
)
def test_health_probes_need_no_key(anonymous: httpx.Client, path: str, body: Json) -> None:
    response = anonymous.get(path)

    assert response.status_code == 200
    assert response.json() == body


# -- the served contract and docs -----------------------------------------------------------------


def test_openapi_json_is_the_spec(anonymous: httpx.Client) -> None:
    response = anonymous.get("/openapi.json")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == _spec()


def test_openapi_yaml_is_the_spec_file(anonymous: httpx.Client) -> None:
    response = anonymous.get("/openapi.yaml")

    assert response.status_code == 200
    assert response.text == SPEC_PATH.read_text(encoding="utf-8")


class _AssetLinks(HTMLParser):
    """The URLs a page loads through `<script src>` and `<link href>`."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = {"script": "src", "link": "href", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.urls.append(value)


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_load_only_same_origin_assets(anonymous: httpx.Client, page: str) -> None:
    response = anonymous.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    parser = _AssetLinks()
    parser.feed(response.text)

    assert parser.urls, "the page loads no assets"
    for url in parser.urls:
        parts = urlsplit(url)
        assert not parts.scheme, f"{page} loads {url} from another origin"
        assert not parts.netloc, f"{page} loads {url} from another origin"
        assert anonymous.get(url).status_code == 200, url
    assert "/openapi.json" in response.text


# -- logs -----------------------------------------------------------------------------------------


def test_patient_data_in_bodies_never_reaches_the_log(api: Api, server: LiveServer) -> None:
    given, family = unique_word("Logname").title(), unique_word("Logfamily").title()
    phone = unique_phone()
    patient = api.create_patient(given_name=given, family_name=family, phone=phone)
    api.post("/v1/patients", json=patient_body(given_name=given, phone=phone))  # 409 phone_taken
    api.post("/v1/patients", json=patient_body(given_name=given, phone="bad " + phone))  # 422
    api.patch(f"/v1/patients/{patient['id']}", {"family_name": family + "x"})

    log = server.log()

    assert "POST /v1/patients" in log  # requests are logged, only without patient data
    for secret in (given, family, phone[1:]):
        assert secret not in log


def test_patient_data_in_query_strings_never_reaches_the_log(api: Api, server: LiveServer) -> None:
    given = unique_word("Queryname").title()
    phone = unique_phone()
    api.create_patient(given_name=given, phone=phone)
    assert len(api.get("/v1/patients", params={"phone": phone}).json()["items"]) == 1
    assert len(api.get("/v1/patients", params={"name_prefix": given}).json()["items"]) == 1

    log = server.log()

    assert "GET /v1/patients" in log  # requests are logged, only without their query
    for secret in (given, phone[1:]):
        assert secret not in log
