"""`/v1/practitioners` over a real socket: create, read, list, merge-patch, delete."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from live_server import LiveServer
from tests.api_client import (
    Api,
    api_for,
    assert_problem,
    fresh_day,
    instant,
    pointers,
    practitioner_body,
    unique_word,
)


@pytest.fixture(scope="module")
def api(live_server_sqlite: LiveServer) -> Iterator[Api]:
    yield from api_for(live_server_sqlite)


def test_create_returns_an_active_practitioner_with_location_and_etag(api: Api) -> None:
    body = practitioner_body()

    response = api.post("/v1/practitioners", json=body)

    assert response.status_code == 201, response.text
    practitioner = response.json()
    assert set(practitioner) == {*body, "active", "id", "created_at", "updated_at"}
    assert {key: practitioner[key] for key in body} == body
    assert practitioner["active"] is True
    assert practitioner["created_at"].endswith("Z")
    assert response.headers["location"] == f"/v1/practitioners/{practitioner['id']}"
    assert response.headers["etag"].startswith('"')


def test_create_inactive_practitioner(api: Api) -> None:
    practitioner = api.create_practitioner(active=False)

    assert practitioner["active"] is False


def test_create_without_specialty_is_422_pointing_at_it(api: Api) -> None:
    response = api.post("/v1/practitioners", json={"display_name": "Dr No"})

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/specialty"]


def test_active_must_be_a_boolean(api: Api) -> None:
    response = api.post("/v1/practitioners", json=practitioner_body(active="yes"))

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/active"]


def test_get_returns_the_practitioner_and_its_etag(api: Api) -> None:
    created = api.post("/v1/practitioners", json=practitioner_body())

    response = api.get(created.headers["location"])

    assert response.status_code == 200
    assert response.json() == created.json()
    assert response.headers["etag"] == created.headers["etag"]


def test_get_unknown_practitioner_is_404(api: Api) -> None:
    response = api.get("/v1/practitioners/01936f5e-7a11-7f0e-8d1c-54b2a9e0c3d4")

    assert_problem(response, 404, "not_found")


def test_list_contains_the_created_practitioner(api: Api) -> None:
    specialty = unique_word("specialty ")
    practitioner = api.create_practitioner(specialty=specialty)

    response = api.get("/v1/practitioners", params={"specialty": specialty})

    assert response.status_code == 200
    assert response.json() == {"items": [practitioner], "next_cursor": None}


def test_merge_patch_deactivates_and_leaves_other_fields(api: Api) -> None:
    practitioner = api.create_practitioner()

    response = api.patch(f"/v1/practitioners/{practitioner['id']}", {"active": False})

    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["active"] is False
    assert updated["display_name"] == practitioner["display_name"]
    assert updated["specialty"] == practitioner["specialty"]
    assert instant(updated["updated_at"]) > instant(practitioner["updated_at"])
    assert api.get(f"/v1/practitioners/{practitioner['id']}").json() == updated


def test_patch_accepts_plain_application_json(api: Api) -> None:
    practitioner = api.create_practitioner()

    response = api.patch(
        f"/v1/practitioners/{practitioner['id']}",
        {"specialty": "dermatology"},
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 200, response.text
    assert response.json()["specialty"] == "dermatology"


def test_patch_null_on_a_required_field_is_422(api: Api) -> None:
    practitioner = api.create_practitioner()

    response = api.patch(f"/v1/practitioners/{practitioner['id']}", {"display_name": None})

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/display_name"]
    assert api.get(f"/v1/practitioners/{practitioner['id']}").json() == practitioner


def test_patch_unknown_practitioner_is_404(api: Api) -> None:
    response = api.patch("/v1/practitioners/01936f5e-7a11-7f0e-8d1c-54b2a9e0c3d4", {"active": True})

    assert_problem(response, 404, "not_found")


def test_deactivating_keeps_existing_appointments(api: Api) -> None:
    practitioner = api.create_practitioner()
    appointment = api.book(fresh_day(), practitioner=practitioner)

    api.patch(f"/v1/practitioners/{practitioner['id']}", {"active": False})

    assert api.get(f"/v1/appointments/{appointment['id']}").json() == appointment


def test_delete_removes_the_practitioner(api: Api) -> None:
    practitioner = api.create_practitioner()

    response = api.delete(f"/v1/practitioners/{practitioner['id']}")

    assert response.status_code == 204
    assert response.content == b""
    assert_problem(api.get(f"/v1/practitioners/{practitioner['id']}"), 404, "not_found")


def test_delete_unknown_practitioner_is_404(api: Api) -> None:
    response = api.delete("/v1/practitioners/01936f5e-7a11-7f0e-8d1c-54b2a9e0c3d4")

    assert_problem(response, 404, "not_found")


def test_delete_practitioner_with_appointments_is_409(api: Api) -> None:
    practitioner = api.create_practitioner()
    api.book(fresh_day(), practitioner=practitioner)

    response = api.delete(f"/v1/practitioners/{practitioner['id']}")

    assert_problem(response, 409, "practitioner_has_appointments")
    assert api.get(f"/v1/practitioners/{practitioner['id']}").status_code == 200


def test_delete_practitioner_with_only_cancelled_appointments_is_409(api: Api) -> None:
    practitioner = api.create_practitioner()
    appointment = api.book(fresh_day(), practitioner=practitioner)
    assert api.act(appointment, "cancel").status_code == 200

    response = api.delete(f"/v1/practitioners/{practitioner['id']}")

    assert_problem(response, 409, "practitioner_has_appointments")
