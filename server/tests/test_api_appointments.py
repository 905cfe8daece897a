"""`/v1/appointments` over a real socket: booking rules, overlaps, rescheduling, status moves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone

import pytest

from live_server import LiveServer
from tests.api_client import (
    Api,
    Json,
    api_for,
    assert_problem,
    fresh_day,
    instant,
    iso,
    pointers,
    utc_text,
)

UNKNOWN_ID = "01936f5e-6f38-7cc2-9a5e-3c0f1c2b9a10"

# The status machine of the spec: action (its path segment) -> {from status: to status}.
MOVES: dict[str, dict[str, str]] = {
    "check-in": {"scheduled": "checked_in"},
    "complete": {"checked_in": "completed"},
    "cancel": {"scheduled": "cancelled", "checked_in": "cancelled"},
    "no-show": {"scheduled": "no_show"},
}
# How to bring a newly booked appointment into each status.
PATH_TO: dict[str, tuple[str, ...]] = {
    "scheduled": (),
    "checked_in": ("check-in",),
    "completed": ("check-in", "complete"),
    "cancelled": ("cancel",),
    "no_show": ("no-show",),
}
ALLOWED = [(status, action) for action, moves in MOVES.items() for status in moves]
DISALLOWED = [
    (status, action) for status in PATH_TO for action in MOVES if status not in MOVES[action]
]


@pytest.fixture(scope="module")
def api(live_server_sqlite: LiveServer) -> Iterator[Api]:
    yield from api_for(live_server_sqlite)


def _in_status(api: Api, status: str, start: datetime | None = None) -> Json:
    appointment = api.book(start or fresh_day())
    for action in PATH_TO[status]:
        response = api.act(appointment, action)
        assert response.status_code == 200, response.text
        appointment = response.json()
    assert appointment["status"] == status
    return appointment


def _get(api: Api, appointment: Json) -> Json:
    response = api.get(f"/v1/appointments/{appointment['id']}")
    assert response.status_code == 200, response.text
    fetched: Json = response.json()
    return fetched


# -- booking --------------------------------------------------------------------------------------


def test_book_returns_a_scheduled_appointment_with_location_and_etag(api: Api) -> None:
    start = fresh_day() + timedelta(hours=9)
    body = api.booking_body(start)
    body.update(reason="Annual check-up", notes="Bring results.\nFasting.")

    response = api.post("/v1/appointments", json=body)

    assert response.status_code == 201, response.text
    appointment = response.json()
    assert appointment["status"] == "scheduled"
    assert appointment["patient_id"] == body["patient_id"]
    assert appointment["practitioner_id"] == body["practitioner_id"]
    assert appointment["reason"] == "Annual check-up"
    assert appointment["notes"] == "Bring results.\nFasting."
    assert appointment["cancellation_reason"] is None
    assert response.headers["location"] == f"/v1/appointments/{appointment['id']}"
    assert response.headers["etag"].startswith('"')
    assert _get(api, appointment) == appointment


def test_book_without_reason_and_notes_stores_null(api: Api) -> None:
    appointment = api.book(fresh_day())

    assert appointment["reason"] is None
    assert appointment["notes"] is None


def test_times_with_an_offset_are_returned_in_utc(api: Api) -> None:
    plus_two = timezone(timedelta(hours=2))
    start = (fresh_day() + timedelta(hours=10)).astimezone(plus_two)

    appointment = api.book(start, minutes=45)

    assert appointment["start_at"] == utc_text(start)
    assert appointment["end_at"] == utc_text(start + timedelta(minutes=45))
    assert appointment["start_at"].endswith("Z")


def test_time_without_offset_is_422(api: Api) -> None:
    body = api.booking_body(fresh_day())
    body["start_at"] = body["start_at"].replace("+00:00", "")

    response = api.post("/v1/appointments", json=body)

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/start_at"]


@pytest.mark.parametrize("minutes", [0, -30], ids=["end-equals-start", "end-before-start"])
def test_end_not_after_start_is_422(api: Api, minutes: int) -> None:
    body = api.booking_body(fresh_day(), minutes=minutes)

    response = api.post("/v1/appointments", json=body)

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/end_at"]


def test_longer_than_eight_hours_is_422(api: Api) -> None:
    body = api.booking_body(fresh_day(), minutes=8 * 60 + 1)

    response = api.post("/v1/appointments", json=body)

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/end_at"]


def test_exactly_eight_hours_is_accepted(api: Api) -> None:
    appointment = api.book(fresh_day(), minutes=8 * 60)

    assert appointment["status"] == "scheduled"


def test_unknown_patient_is_404_pointing_at_patient_id(api: Api) -> None:
    body = api.booking_body(fresh_day())
    body["patient_id"] = UNKNOWN_ID

    response = api.post("/v1/appointments", json=body)

    problem = assert_problem(response, 404, "not_found")
    assert pointers(problem) == ["/patient_id"]


def test_unknown_practitioner_is_404_pointing_at_practitioner_id(api: Api) -> None:
    body = api.booking_body(fresh_day())
    body["practitioner_id"] = UNKNOWN_ID

    response = api.post("/v1/appointments", json=body)

    problem = assert_problem(response, 404, "not_found")
    assert pointers(problem) == ["/practitioner_id"]


def test_inactive_practitioner_is_409_practitioner_inactive(api: Api) -> None:
    practitioner = api.create_practitioner(active=False)
    body = api.booking_body(fresh_day(), practitioner=practitioner)

    response = api.post("/v1/appointments", json=body)

    assert_problem(response, 409, "practitioner_inactive")


def test_reactivated_practitioner_takes_bookings_again(api: Api) -> None:
    practitioner = api.create_practitioner(active=False)
    api.patch(f"/v1/practitioners/{practitioner['id']}", {"active": True})

    appointment = api.book(fresh_day(), practitioner=practitioner)

    assert appointment["status"] == "scheduled"


# -- overlaps -------------------------------------------------------------------------------------


def test_overlap_for_the_practitioner_is_409(api: Api) -> None:
    practitioner = api.create_practitioner()
    start = fresh_day() + timedelta(hours=9)
    api.book(start, 60, practitioner=practitioner)
    # Another patient, starting inside the first appointment.
    body = api.booking_body(start + timedelta(minutes=59), practitioner=practitioner)

    response = api.post("/v1/appointments", json=body)

    problem = assert_problem(response, 409, "appointment_overlap")
    assert "practitioner" in problem["detail"]


def test_overlap_for_the_patient_is_409(api: Api) -> None:
    patient = api.create_patient()
    start = fresh_day() + timedelta(hours=9)
    api.book(start, 60, patient=patient)
    # Another practitioner, covering the first appointment entirely.
    body = api.booking_body(start - timedelta(minutes=30), 120, patient=patient)

    response = api.post("/v1/appointments", json=body)

    problem = assert_problem(response, 409, "appointment_overlap")
    assert "patient" in problem["detail"]


def test_overlap_is_found_across_utc_offsets(api: Api) -> None:
    practitioner = api.create_practitioner()
    start = fresh_day() + timedelta(hours=9)
    api.book(start, 60, practitioner=practitioner)
    plus_one = timezone(timedelta(hours=1))
    # 10:30+01:00 is 09:30Z: inside the first appointment, though "later" on the clock face.
    inside = (start + timedelta(minutes=30)).astimezone(plus_one)
    body = api.booking_body(inside, practitioner=practitioner)

    response = api.post("/v1/appointments", json=body)

    assert_problem(response, 409, "appointment_overlap")


def test_overlaps_are_found_at_the_start_of_time(api: Api) -> None:
    """Year 1, 00:00: the overlap query's lower bound (start - 8 h) would not be representable."""
    practitioner = api.create_practitioner()
    start = datetime(1, 1, 1, tzinfo=UTC)
    api.book(start, 60, practitioner=practitioner)
    body = api.booking_body(start + timedelta(seconds=1), practitioner=practitioner)

    response = api.post("/v1/appointments", json=body)

    assert_problem(response, 409, "appointment_overlap")


def test_back_to_back_appointments_do_not_overlap(api: Api) -> None:
    patient, practitioner = api.create_patient(), api.create_practitioner()
    start = fresh_day() + timedelta(hours=9)
    first = api.book(start, 30, patient=patient, practitioner=practitioner)

    after = api.book(start + timedelta(minutes=30), 30, patient=patient, practitioner=practitioner)
    before = api.book(start - timedelta(minutes=30), 30, patient=patient, practitioner=practitioner)

    assert after["start_at"] == first["end_at"]
    assert before["end_at"] == first["start_at"]


def test_a_cancelled_appointment_frees_its_slot(api: Api) -> None:
    patient, practitioner = api.create_patient(), api.create_practitioner()
    start = fresh_day() + timedelta(hours=9)
    first = api.book(start, patient=patient, practitioner=practitioner)
    assert api.act(first, "cancel").status_code == 200

    again = api.book(start, patient=patient, practitioner=practitioner)

    assert again["status"] == "scheduled"


@pytest.mark.parametrize("status", ["checked_in", "completed", "no_show"])
def test_appointments_in_other_statuses_keep_their_slot(api: Api, status: str) -> None:
    start = fresh_day() + timedelta(hours=9)
    appointment = _in_status(api, status, start)
    practitioner = {"id": appointment["practitioner_id"]}
    body = api.booking_body(start, practitioner=practitioner)

    response = api.post("/v1/appointments", json=body)

    assert_problem(response, 409, "appointment_overlap")


# -- reschedule / update (PATCH) ------------------------------------------------------------------


def test_reschedule_moves_the_appointment(api: Api) -> None:
    appointment = api.book(fresh_day() + timedelta(hours=9), reason="Check-up")
    new_start = fresh_day() + timedelta(hours=14)
    patch = {"start_at": iso(new_start), "end_at": iso(new_start + timedelta(minutes=20))}

    response = api.patch(f"/v1/appointments/{appointment['id']}", patch)

    assert response.status_code == 200, response.text
    moved = response.json()
    assert moved["start_at"] == utc_text(new_start)
    assert moved["end_at"] == utc_text(new_start + timedelta(minutes=20))
    assert moved["reason"] == "Check-up"
    assert moved["status"] == "scheduled"
    assert _get(api, appointment) == moved


def test_reschedule_accepts_plain_application_json(api: Api) -> None:
    appointment = api.book(fresh_day())

    response = api.patch(
        f"/v1/appointments/{appointment['id']}",
        {"notes": "Wheelchair access."},
        headers={"Content-Type": "application/json"},
    )

    assert response.status_code == 200, response.text
    assert response.json()["notes"] == "Wheelchair access."


def test_patch_null_removes_reason_and_notes(api: Api) -> None:
    appointment = api.book(fresh_day(), reason="Check-up", notes="Note.")

    response = api.patch(f"/v1/appointments/{appointment['id']}", {"reason": None, "notes": None})

    assert response.status_code == 200, response.text
    assert response.json()["reason"] is None
    assert response.json()["notes"] is None


def test_reschedule_start_only_keeps_end_and_checks_it(api: Api) -> None:
    start = fresh_day() + timedelta(hours=9)
    appointment = api.book(start, 30)

    response = api.patch(
        f"/v1/appointments/{appointment['id']}", {"start_at": iso(start + timedelta(hours=1))}
    )

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/end_at"]
    assert _get(api, appointment) == appointment


def test_reschedule_longer_than_eight_hours_is_422(api: Api) -> None:
    start = fresh_day() + timedelta(hours=9)
    appointment = api.book(start, 30)

    response = api.patch(
        f"/v1/appointments/{appointment['id']}", {"end_at": iso(start + timedelta(hours=9))}
    )

    assert_problem(response, 422, "validation_failed")


def test_reschedule_into_an_overlap_is_409(api: Api) -> None:
    practitioner = api.create_practitioner()
    day = fresh_day()
    api.book(day + timedelta(hours=9), 60, practitioner=practitioner)
    appointment = api.book(day + timedelta(hours=11), 60, practitioner=practitioner)

    response = api.patch(
        f"/v1/appointments/{appointment['id']}",
        {
            "start_at": iso(day + timedelta(hours=9, minutes=30)),
            "end_at": iso(day + timedelta(hours=10, minutes=30)),
        },
    )

    assert_problem(response, 409, "appointment_overlap")
    assert _get(api, appointment) == appointment


def test_reschedule_overlapping_its_own_slot_is_allowed(api: Api) -> None:
    start = fresh_day() + timedelta(hours=9)
    appointment = api.book(start, 60)

    response = api.patch(
        f"/v1/appointments/{appointment['id']}",
        {"start_at": iso(start + timedelta(minutes=15)), "end_at": iso(start + timedelta(hours=1))},
    )

    assert response.status_code == 200, response.text


@pytest.mark.parametrize("status", ["checked_in", "completed", "cancelled", "no_show"])
def test_patch_when_not_scheduled_is_409_naming_the_status(api: Api, status: str) -> None:
    appointment = _in_status(api, status)

    response = api.patch(f"/v1/appointments/{appointment['id']}", {"notes": "Too late."})

    problem = assert_problem(response, 409, "invalid_status_transition")
    assert problem["current_status"] == status
    assert _get(api, appointment) == appointment


def test_patch_unknown_appointment_is_404(api: Api) -> None:
    response = api.patch(f"/v1/appointments/{UNKNOWN_ID}", {"notes": "x"})

    assert_problem(response, 404, "not_found")


def test_get_unknown_appointment_is_404(api: Api) -> None:
    assert_problem(api.get(f"/v1/appointments/{UNKNOWN_ID}"), 404, "not_found")


# -- the status machine ---------------------------------------------------------------------------


@pytest.mark.parametrize(("status", "action"), ALLOWED, ids=[f"{s}-{a}" for s, a in ALLOWED])
def test_allowed_move_changes_the_status(api: Api, status: str, action: str) -> None:
    appointment = _in_status(api, status)

    response = api.act(appointment, action)

    assert response.status_code == 200, response.text
    moved = response.json()
    assert moved["status"] == MOVES[action][status]
    assert instant(moved["updated_at"]) > instant(appointment["updated_at"])
    assert response.headers["etag"] == api.get(f"/v1/appointments/{moved['id']}").headers["etag"]
    assert _get(api, appointment) == moved


@pytest.mark.parametrize(("status", "action"), DISALLOWED, ids=[f"{s}-{a}" for s, a in DISALLOWED])
def test_disallowed_move_is_409_naming_the_current_status(
    api: Api, status: str, action: str
) -> None:
    appointment = _in_status(api, status)

    response = api.act(appointment, action)

    problem = assert_problem(response, 409, "invalid_status_transition")
    assert problem["current_status"] == status
    assert _get(api, appointment) == appointment


def test_every_status_and_action_pair_is_covered() -> None:
    assert len(ALLOWED) == 5
    assert len(ALLOWED) + len(DISALLOWED) == len(PATH_TO) * len(MOVES)


def test_cancel_stores_the_cancellation_reason(api: Api) -> None:
    appointment = api.book(fresh_day())

    response = api.act(appointment, "cancel", json={"cancellation_reason": "Feeling better."})

    assert response.status_code == 200, response.text
    assert response.json()["cancellation_reason"] == "Feeling better."
    assert _get(api, appointment)["cancellation_reason"] == "Feeling better."


def test_cancel_without_a_reason_is_422(api: Api) -> None:
    appointment = api.book(fresh_day())

    response = api.act(appointment, "cancel", json={})

    problem = assert_problem(response, 422, "validation_failed")
    assert pointers(problem) == ["/cancellation_reason"]
    assert _get(api, appointment)["status"] == "scheduled"


@pytest.mark.parametrize("action", list(MOVES))
def test_action_on_unknown_appointment_is_404(api: Api, action: str) -> None:
    response = api.act({"id": UNKNOWN_ID}, action)

    assert_problem(response, 404, "not_found")
