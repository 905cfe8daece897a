"""An instant UTC cannot hold (year 1 east of Greenwich, year 9999 west of it) is a 422 where it is
parsed (`contract.formats.Instant`), the same problem for every body field and query parameter of
the type: never an `OverflowError`, never a 500."""

from __future__ import annotations

import httpx
import pytest

from tests.api_client import UNKNOWN_ID, Api, fresh_day, iso

TOO_EARLY = "0001-01-01T00:00:00+05:00"
TOO_LATE = "9999-12-31T23:59:59-05:00"
OUT_OF_RANGE = "The instant is out of range."


def _without_request_id(response: httpx.Response) -> dict[str, object]:
    """The problem, its request id checked against the header and set aside (one per request)."""
    problem: dict[str, object] = response.json()
    assert problem.pop("request_id") == response.headers["request-id"]
    return problem


def _problem(instance: str, noun: str, errors: list[dict[str, str]]) -> dict[str, object]:
    count = len(errors)
    return {
        "type": "urn:patient-tracker:problem:validation_failed",
        "title": "Validation failed",
        "status": 422,
        "detail": f"{count} {noun}{'' if count == 1 else 's'} {'is' if count == 1 else 'are'} "
        "invalid.",
        "code": "validation_failed",
        "instance": instance,
        "errors": errors,
    }


@pytest.mark.parametrize("value", [TOO_EARLY, TOO_LATE])
@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/v1/appointments", "start_at_from"),
        ("/v1/appointments", "start_at_before"),
        ("/v1/patients/{patient_id}/appointments", "start_at_from"),
        ("/v1/patients/{patient_id}/appointments", "start_at_before"),
        ("/v1/events", "created_after"),
    ],
)
def test_a_filter_out_of_range_is_422(api: Api, path: str, parameter: str, value: str) -> None:
    path = path.format(patient_id=api.create_patient()["id"])

    response = api.get(path, params={parameter: value})

    assert response.status_code == 422
    assert _without_request_id(response) == _problem(
        path, "parameter", [{"parameter": parameter, "detail": OUT_OF_RANGE}]
    )


def test_both_ends_of_a_window_out_of_range_are_named(api: Api) -> None:
    response = api.get(
        "/v1/appointments", params={"start_at_from": TOO_EARLY, "start_at_before": TOO_LATE}
    )

    assert _without_request_id(response) == _problem(
        "/v1/appointments",
        "parameter",
        [
            {"parameter": "start_at_from", "detail": OUT_OF_RANGE},
            {"parameter": "start_at_before", "detail": OUT_OF_RANGE},
        ],
    )


def test_a_booking_out_of_range_is_422_per_field(api: Api) -> None:
    body = api.booking_body(fresh_day())
    body.update(start_at=TOO_EARLY, end_at=TOO_LATE)

    response = api.post("/v1/appointments", json=body)

    assert _without_request_id(response) == _problem(
        "/v1/appointments",
        "field",
        [
            {"pointer": "/start_at", "detail": OUT_OF_RANGE},
            {"pointer": "/end_at", "detail": OUT_OF_RANGE},
        ],
    )


@pytest.mark.parametrize("field", ["start_at", "end_at"])
def test_a_reschedule_out_of_range_is_422(api: Api, field: str) -> None:
    appointment = api.book(fresh_day())
    path = f"/v1/appointments/{appointment['id']}"

    response = api.patch(path, {field: TOO_EARLY if field == "start_at" else TOO_LATE})

    assert _without_request_id(response) == _problem(
        path, "field", [{"pointer": f"/{field}", "detail": OUT_OF_RANGE}]
    )


def test_the_bounds_are_checked_before_the_resource_is_looked_up(api: Api) -> None:
    # Like every malformed value: a request that cannot be read is not looked up.
    path = f"/v1/patients/{UNKNOWN_ID}/appointments"
    listed = api.get(path, params={"start_at_from": TOO_EARLY})
    changed = api.patch(f"/v1/appointments/{UNKNOWN_ID}", {"start_at": TOO_EARLY})

    assert (listed.status_code, changed.status_code) == (422, 422)


def test_the_last_instants_utc_holds_are_accepted(api: Api) -> None:
    # The edges themselves, in UTC, are instants: they filter (nothing), they do not fail.
    for value in ("0001-01-01T00:00:00Z", "9999-12-31T23:59:59-00:00", iso(fresh_day())):
        response = api.get("/v1/appointments", params={"start_at_from": value})
        assert response.status_code == 200, response.text
