"""The listings' query parameters (`http/params.py` and the generated query models): filters and
unknown parameters, over a real socket.
"""

from __future__ import annotations

from datetime import timedelta, timezone
from typing import Any

import pytest

from tests.api_client import (
    Api,
    assert_problem,
    fresh_day,
    iso,
    parameters,
    unique_phone,
    unique_word,
)


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


def test_unknown_query_parameter_is_422(api: Api) -> None:
    response = api.get("/v1/patients", params={"phon": "+15550000000"})

    problem = assert_problem(response, 422, "validation_failed")
    assert parameters(problem) == ["phon"]
