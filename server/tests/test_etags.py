"""ETags and `If-Match` (`etags.py`, the read-modify-write of `resource.py`), over a real socket."""

from __future__ import annotations

import re

import pytest

from tests.api_client import (
    Api,
    Json,
    assert_problem,
    fresh_day,
    parameters,
    patient_body,
    practitioner_body,
    unique_word,
)

STRONG_ETAG = re.compile(r'^"[\x21\x23-\x7E]*"$')
# A change to make to each kind of resource.
CHANGE: dict[str, Json] = {
    "patients": {"given_name": "Changed"},
    "practitioners": {"active": False},
    "appointments": {"notes": "Changed."},
}


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
