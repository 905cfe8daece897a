"""Cursor pagination of the listings (`http/pages.py`, `http/pagination.py`), over a real socket."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.api_client import (
    Api,
    Json,
    assert_problem,
    fresh_day,
    iso,
    parameters,
    unique_word,
)


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
