"""One exception class per documented problem code (spec: `x-problem-codes`), each a subclass of
its status's class; an unknown code falls back to the status's class. Checked against the
generated list, on made-up responses, and on the live server for the codes a client meets."""

from __future__ import annotations

import importlib
import re
import secrets
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest

import patient_tracker_client
from live_server import LiveServer
from patient_tracker_client import (
    PROBLEM_CODES,
    ApiError,
    AppointmentOverlapError,
    BadRequestError,
    ConflictError,
    IdempotencyKeyReusedError,
    InvalidApiKeyError,
    InvalidCursorError,
    InvalidStatusTransitionError,
    NotFoundError,
    PatientTracker,
    PhoneTakenError,
    PreconditionFailedError,
    ServerError,
    ValidationError,
    ValidationFailedError,
)
from patient_tracker_client._errors import BY_CODE, error_from_response, status_class
from patient_tracker_client.generated.models import (
    AppointmentCreate,
    PatientCreate,
    PatientUpdate,
    PractitionerCreate,
)

from .conftest import new_phone


def class_name(code: str) -> str:
    """phone_taken -> PhoneTakenError, internal_error -> InternalError."""
    camel = "".join(word.capitalize() for word in code.split("_"))
    return camel if camel.endswith("Error") else camel + "Error"


def problem_response(status: int, code: str) -> httpx.Response:
    body = {"type": f"urn:patient-tracker:problem:{code}", "title": "T", "status": status}
    body |= {"detail": "D", "code": code}
    return httpx.Response(status, json=body, headers={"Content-Type": "application/problem+json"})


def test_the_spec_lists_the_codes() -> None:
    assert len(PROBLEM_CODES) >= 20
    assert PROBLEM_CODES["phone_taken"].status == 409


@pytest.mark.parametrize("code", sorted(PROBLEM_CODES))
def test_every_documented_code_has_its_class(code: str) -> None:
    documented = PROBLEM_CODES[code]
    name = class_name(code)
    kind = getattr(patient_tracker_client, name, None)
    assert kind is not None, (
        f"the spec documents problem code {code!r} ({documented.status}) but the SDK has no"
        f" {name}: add it to src/patient_tracker_client/_errors.py, a subclass of"
        f" {status_class(documented.status).__name__}, with problem_code = {code!r}, and export it"
    )
    assert kind.problem_code == code
    assert issubclass(kind, status_class(documented.status))
    error = error_from_response(problem_response(documented.status, code))
    assert type(error) is kind
    assert (error.code, error.status) == (code, documented.status)


def test_no_class_names_an_undocumented_code() -> None:
    assert set(BY_CODE) == set(PROBLEM_CODES)


def test_an_unknown_code_falls_back_to_its_status_class() -> None:
    assert type(error_from_response(problem_response(409, "brand_new_conflict"))) is ConflictError
    assert type(error_from_response(problem_response(422, "brand_new_rule"))) is ValidationError
    assert type(error_from_response(problem_response(418, "teapot"))) is BadRequestError
    assert type(error_from_response(problem_response(502, "bad_gateway"))) is ServerError
    # A known code with a status it never comes with: the status decides.
    assert type(error_from_response(problem_response(400, "phone_taken"))) is BadRequestError


def test_a_body_that_is_not_a_problem_still_gets_its_status_class() -> None:
    error = error_from_response(httpx.Response(409, text="<html>conflict</html>"))
    assert type(error) is ConflictError
    assert error.code == "http_409"


# ---------------------------------------------------------------- on the live server


def patient_body(phone: str | None = None) -> PatientCreate:
    return PatientCreate(
        given_name="Ada",
        family_name="Lovelace",
        date_of_birth=date(1985, 12, 10),
        phone=phone or new_phone(),
    )


def test_phone_taken_is_caught_as_conflict_too(tracker: PatientTracker) -> None:
    first = tracker.patients.create(body=patient_body())
    with pytest.raises(ConflictError) as caught:
        tracker.patients.create(body=patient_body(first.phone))
    assert isinstance(caught.value, PhoneTakenError)
    assert caught.value.code == "phone_taken"


def test_codes_of_the_booking_flow(tracker: PatientTracker) -> None:
    patient = tracker.patients.create(body=patient_body())
    doctor = tracker.practitioners.create(
        body=PractitionerCreate(display_name="Dr Codes", specialty="general practice")
    )
    start = datetime(2034, 3, 1, 9, tzinfo=UTC) + timedelta(days=secrets.randbelow(3000))
    booking = AppointmentCreate(
        patient_id=patient.id,
        practitioner_id=doctor.id,
        start_at=start,
        end_at=start + timedelta(minutes=30),
        reason="Check-up",
    )
    appointment = tracker.appointments.book(body=booking)
    with pytest.raises(AppointmentOverlapError):
        tracker.appointments.book(body=booking)
    with pytest.raises(InvalidStatusTransitionError) as caught:
        tracker.appointments.complete(appointment.id)
    assert caught.value.current_status == "scheduled"


def test_codes_of_reads_and_writes(tracker: PatientTracker, server: LiveServer) -> None:
    patient = tracker.patients.create(body=patient_body())
    with pytest.raises(NotFoundError) as missing:
        tracker.patients.get("no-such-patient")
    assert missing.value.code == "not_found"
    with pytest.raises(PreconditionFailedError):
        tracker.patients.update(patient.id, body=PatientUpdate(given_name="B"), if_match='"0"')
    with pytest.raises(InvalidCursorError):
        tracker.patients.list(cursor="not-a-cursor")
    with pytest.raises(ValidationFailedError) as invalid:
        tracker.patients.create(body=patient_body("not a phone"))
    assert [field.pointer for field in invalid.value.errors] == ["/phone"]
    key = f"codes-{secrets.token_hex(8)}"
    tracker.patients.create(body=patient_body(), idempotency_key=key)
    with pytest.raises(IdempotencyKeyReusedError):
        tracker.patients.create(body=patient_body(), idempotency_key=key)
    with (
        PatientTracker(server.base_url, api_key="not-a-key") as stranger,
        pytest.raises(InvalidApiKeyError) as unknown,
    ):
        stranger.patients.get(patient.id)
    assert isinstance(unknown.value, ApiError)
    challenge = unknown.value.typed_headers.www_authenticate
    assert challenge is not None
    assert re.match("Bearer", challenge)


def test_the_spec_list_matches_the_server() -> None:
    """`x-problem-codes` is written by hand in the spec: it must name exactly the problems the
    server can send, with their statuses and titles (the server's one class per problem)."""
    # The server package, for this test only; the app imports every module that may define one.
    importlib.import_module("patient_tracker.app")
    from patient_tracker.problems import ProblemError

    def every(kind: type[ProblemError]) -> list[type[ProblemError]]:
        return [kind, *(each for sub in kind.__subclasses__() for each in every(sub))]

    server = {(k.code, k.status, k.title) for k in every(ProblemError)}
    spec = {(c.code, c.status, c.title) for c in PROBLEM_CODES.values()}
    assert spec == server
