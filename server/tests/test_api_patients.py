"""`/v1/patients` over a real socket: register, read, list, merge-patch, delete, and their rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from live_server import LiveServer
from tests.api_client import (
    Api,
    api_for,
    assert_problem,
    fresh_day,
    instant,
    patient_body,
    pointers,
    unique_phone,
)


@pytest.fixture(scope="module")
def api(live_server_sqlite: LiveServer) -> Iterator[Api]:
    yield from api_for(live_server_sqlite)


def _tomorrow() -> str:
    return (datetime.now(UTC).date() + timedelta(days=2)).isoformat()


# -- create and read ------------------------------------------------------------------------------


def test_create_returns_the_patient_with_location_and_etag(api: Api) -> None:
    body = patient_body(email="ada@example.com")
    response = api.post("/v1/patients", json=body)

    assert response.status_code == 201, response.text
    patient = response.json()
    assert {key: patient[key] for key in body} == body
    assert set(patient) == {*body, "id", "created_at", "updated_at"}
    assert patient["created_at"].endswith("Z")
    assert patient["updated_at"] == patient["created_at"]
    assert response.headers["location"] == f"/v1/patients/{patient['id']}"
    assert response.headers["etag"].startswith('"')


def test_create_without_email_stores_null(api: Api) -> None:
    patient = api.create_patient()

    assert patient["email"] is None


def test_get_returns_the_created_patient_and_its_etag(api: Api) -> None:
    created = api.post("/v1/patients", json=patient_body())

    response = api.get(created.headers["location"])

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == created.json()
    assert response.headers["etag"] == created.headers["etag"]


def test_get_unknown_patient_is_404(api: Api) -> None:
    response = api.get("/v1/patients/01936f5e-6f38-7cc2-9a5e-3c0f1c2b9a10")

    assert_problem(response, 404, "not_found")


def test_list_contains_the_created_patient(api: Api) -> None:
    patient = api.create_patient()

    response = api.get("/v1/patients", params={"phone": patient["phone"]})

    assert response.status_code == 200
    assert response.json() == {"items": [patient], "next_cursor": None}


def test_create_with_a_taken_phone_is_409_phone_taken(api: Api) -> None:
    first = api.create_patient()

    response = api.post("/v1/patients", json=patient_body(phone=first["phone"]))

    assert_problem(response, 409, "phone_taken")
    listed = api.get("/v1/patients", params={"phone": first["phone"]}).json()["items"]
    assert [p["id"] for p in listed] == [first["id"]]


def test_date_of_birth_in_the_future_is_422_pointing_at_it(api: Api) -> None:
    response = api.post("/v1/patients", json=patient_body(date_of_birth=_tomorrow()))

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/date_of_birth"]


def test_date_of_birth_today_is_accepted(api: Api) -> None:
    # "Not in the future (UTC)": today in UTC is fine. Both sides read the same UTC clock.
    today = datetime.now(UTC).date()

    response = api.post("/v1/patients", json=patient_body(date_of_birth=today.isoformat()))

    if datetime.now(UTC).date() != today:
        pytest.skip("the UTC date changed during the request")
    assert response.status_code == 201, response.text


def test_invalid_phone_is_422_pointing_at_it(api: Api) -> None:
    response = api.post("/v1/patients", json=patient_body(phone="0044 20 7123"))

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/phone"]


def test_missing_required_field_is_422_pointing_at_it(api: Api) -> None:
    body = patient_body()
    del body["family_name"]

    response = api.post("/v1/patients", json=body)

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/family_name"]


# -- update (JSON merge patch) ---------------------------------------------------------------------


def test_merge_patch_sets_present_fields_and_leaves_absent_ones(api: Api) -> None:
    patient = api.create_patient(email="old@example.com")

    response = api.patch(f"/v1/patients/{patient['id']}", {"given_name": "Augusta"})

    assert response.status_code == 200, response.text
    updated = response.json()
    assert updated["given_name"] == "Augusta"
    unchanged = ("family_name", "date_of_birth", "phone", "email", "created_at")
    assert {k: updated[k] for k in unchanged} == {k: patient[k] for k in unchanged}
    assert instant(updated["updated_at"]) > instant(patient["updated_at"])
    assert api.get(f"/v1/patients/{patient['id']}").json() == updated


def test_merge_patch_null_removes_the_email(api: Api) -> None:
    patient = api.create_patient(email="ada@example.com")

    response = api.patch(f"/v1/patients/{patient['id']}", {"email": None})

    assert response.status_code == 200, response.text
    assert response.json()["email"] is None
    assert api.get(f"/v1/patients/{patient['id']}").json()["email"] is None


def test_patch_accepts_plain_application_json(api: Api) -> None:
    patient = api.create_patient()

    response = api.patch(
        f"/v1/patients/{patient['id']}",
        {"email": "new@example.com"},
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 200, response.text
    assert response.json()["email"] == "new@example.com"


def test_empty_merge_patch_changes_nothing(api: Api) -> None:
    created = api.post("/v1/patients", json=patient_body())
    path = created.headers["location"]

    response = api.patch(path, {})

    assert response.status_code == 200, response.text
    assert response.json() == created.json()
    assert response.headers["etag"] == created.headers["etag"]


def test_patch_to_a_taken_phone_is_409_phone_taken(api: Api) -> None:
    first, second = api.create_patient(), api.create_patient()

    response = api.patch(f"/v1/patients/{second['id']}", {"phone": first["phone"]})

    assert_problem(response, 409, "phone_taken")
    assert api.get(f"/v1/patients/{second['id']}").json() == second


def test_patch_to_own_phone_is_not_a_conflict(api: Api) -> None:
    patient = api.create_patient()

    response = api.patch(f"/v1/patients/{patient['id']}", {"phone": patient["phone"]})

    assert response.status_code == 200, response.text


def test_patch_phone_frees_the_old_number(api: Api) -> None:
    patient = api.create_patient()

    moved = api.patch(f"/v1/patients/{patient['id']}", {"phone": unique_phone()})
    assert moved.status_code == 200, moved.text

    assert api.post("/v1/patients", json=patient_body(phone=patient["phone"])).status_code == 201


def test_patch_date_of_birth_into_the_future_is_422(api: Api) -> None:
    patient = api.create_patient()

    response = api.patch(f"/v1/patients/{patient['id']}", {"date_of_birth": _tomorrow()})

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/date_of_birth"]
    assert api.get(f"/v1/patients/{patient['id']}").json() == patient


def test_patch_null_on_a_required_field_is_422(api: Api) -> None:
    patient = api.create_patient()

    response = api.patch(f"/v1/patients/{patient['id']}", {"given_name": None})

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/given_name"]


def test_patch_unknown_patient_is_404(api: Api) -> None:
    response = api.patch("/v1/patients/01936f5e-6f38-7cc2-9a5e-3c0f1c2b9a10", {"email": None})

    assert_problem(response, 404, "not_found")


# -- delete ---------------------------------------------------------------------------------------


def test_delete_removes_the_patient(api: Api) -> None:
    patient = api.create_patient()

    response = api.delete(f"/v1/patients/{patient['id']}")

    assert response.status_code == 204
    assert response.content == b""
    assert_problem(api.get(f"/v1/patients/{patient['id']}"), 404, "not_found")


def test_delete_unknown_patient_is_404(api: Api) -> None:
    response = api.delete("/v1/patients/01936f5e-6f38-7cc2-9a5e-3c0f1c2b9a10")

    assert_problem(response, 404, "not_found")


def test_delete_patient_with_appointments_is_409(api: Api) -> None:
    patient = api.create_patient()
    api.book(fresh_day(), patient=patient)

    response = api.delete(f"/v1/patients/{patient['id']}")

    assert_problem(response, 409, "patient_has_appointments")
    assert api.get(f"/v1/patients/{patient['id']}").status_code == 200


def test_delete_patient_with_only_cancelled_appointments_is_409(api: Api) -> None:
    patient = api.create_patient()
    appointment = api.book(fresh_day(), patient=patient)
    assert api.act(appointment, "cancel").status_code == 200

    response = api.delete(f"/v1/patients/{patient['id']}")

    assert_problem(response, 409, "patient_has_appointments")


# -- one patient's appointments --------------------------------------------------------------------


def test_patient_appointments_lists_only_theirs_by_start(api: Api) -> None:
    patient, other = api.create_patient(), api.create_patient()
    practitioner = api.create_practitioner()
    day = fresh_day()
    later = api.book(day + timedelta(hours=3), patient=patient, practitioner=practitioner)
    earlier = api.book(day + timedelta(hours=1), patient=patient, practitioner=practitioner)
    api.book(day + timedelta(hours=2), patient=other, practitioner=practitioner)

    response = api.get(f"/v1/patients/{patient['id']}/appointments")

    assert response.status_code == 200, response.text
    assert response.json() == {"items": [earlier, later], "next_cursor": None}


def test_patient_appointments_of_unknown_patient_is_404(api: Api) -> None:
    response = api.get("/v1/patients/01936f5e-6f38-7cc2-9a5e-3c0f1c2b9a10/appointments")

    assert_problem(response, 404, "not_found")


def test_patient_appointments_filters_by_status(api: Api) -> None:
    patient = api.create_patient()
    day = fresh_day()
    kept = api.book(day, patient=patient)
    cancelled = api.book(day + timedelta(hours=1), patient=patient)
    assert api.act(cancelled, "cancel").status_code == 200

    response = api.get(f"/v1/patients/{patient['id']}/appointments", params={"status": "scheduled"})

    assert [a["id"] for a in response.json()["items"]] == [kept["id"]]
