"""Helpers for the live-server API tests: an HTTP client, fresh test data, problem assertions.

Test modules import this as `tests.api_client`: pytest's importlib mode puts no test directory on
`sys.path`, but the editable install puts `server/` there (that is how `patient_tracker` imports),
so `tests` is a namespace package; mypy (`mypy_path = "server"`) names the module the same way.

Every value that must be unique in a database (phone numbers, names, calendar days) comes from a
process-wide counter, so tests sharing one server never collide and never depend on each other.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import Connection

from live_server import LiveServer
from patient_tracker.auth.keys import create_key
from patient_tracker.contract.api_models import Problem
from patient_tracker.db.database import Database

__all__ = [
    "PROBLEM_MEDIA_TYPE",
    "REPOSITORY",
    "UNKNOWN_ID",
    "Api",
    "Json",
    "api_for",
    "assert_problem",
    "create_api_key",
    "fresh_day",
    "instant",
    "iso",
    "parameters",
    "patient_body",
    "pointers",
    "practitioner_body",
    "unique_phone",
    "unique_word",
    "utc_text",
]

REPOSITORY = Path(__file__).resolve().parents[2]
# An id no resource has (a well-formed UUIDv7).
UNKNOWN_ID = "01936f5e-6f38-7cc2-9a5e-3c0f1c2b9a10"

Json = dict[str, Any]

PROBLEM_MEDIA_TYPE = "application/problem+json"
# The spec's Problem members, through its generated model.
PROBLEM_FIELDS = frozenset(Problem.model_fields)

_sequence = itertools.count(1)

# Appointments are booked in the future, on days handed out one per call to `fresh_day`.
_FIRST_DAY = datetime(2031, 1, 6, tzinfo=UTC)


def unique_phone() -> str:
    """An E.164 number no other test uses."""
    return f"+1555{next(_sequence):08d}"


def unique_word(prefix: str = "") -> str:
    """Six or more letters, different on every call; none is a prefix of another."""
    number = next(_sequence)
    letters = []
    while True:
        number, digit = divmod(number, 26)
        letters.append(string.ascii_lowercase[digit])
        if number == 0:
            break
    return prefix + "".join(reversed(letters)).rjust(6, "a")


def fresh_day() -> datetime:
    """Midnight UTC of a day no other test books appointments on."""
    return _FIRST_DAY + timedelta(days=next(_sequence))


def iso(value: datetime) -> str:
    """RFC 3339 with an offset, as clients send it."""
    return value.isoformat()


def instant(text: str) -> datetime:
    """Parse a `date-time` the server wrote (`...Z`)."""
    return datetime.fromisoformat(text)


def utc_text(value: datetime) -> str:
    """How the server writes an instant: UTC with `Z`, whole seconds here."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def patient_body(**overrides: Any) -> Json:
    """A valid `PatientCreate` with a unique phone; `overrides` replace or add fields."""
    body: Json = {
        "given_name": "Ada",
        "family_name": "Lovelace",
        "date_of_birth": "1985-12-10",
        "phone": unique_phone(),
    }
    body.update(overrides)
    return body


def practitioner_body(**overrides: Any) -> Json:
    """A valid `PractitionerCreate`."""
    body: Json = {"display_name": "Dr Grace Hopper", "specialty": "general practice"}
    body.update(overrides)
    return body


def assert_problem(response: httpx.Response, status: int, code: str) -> Json:
    """Assert an RFC 9457 problem with this status and code, in the spec's shape; return it."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE, response.headers
    problem: Json = response.json()
    assert set(problem) <= PROBLEM_FIELDS, problem
    assert problem["status"] == status
    assert problem["code"] == code, problem
    assert problem["type"] == f"urn:patient-tracker:problem:{code}"
    assert isinstance(problem["title"], str)
    assert problem["title"]
    assert isinstance(problem["detail"], str)
    assert problem["detail"]
    assert problem["instance"] == response.request.url.raw_path.decode().split("?", 1)[0]
    # Every problem names its request, as the response's header does.
    assert problem["request_id"] == response.headers["request-id"], problem
    return problem


def pointers(problem: Json) -> list[str]:
    """The `pointer`s of a problem's `errors`."""
    return [error["pointer"] for error in problem.get("errors", []) if "pointer" in error]


def parameters(problem: Json) -> list[str]:
    """The `parameter`s of a problem's `errors`."""
    return [error["parameter"] for error in problem.get("errors", []) if "parameter" in error]


def create_api_key(
    database_url: str, scopes: tuple[str, ...], integration: str | None = None
) -> tuple[str, str]:
    """Create a key in the server's database, as `patient-tracker keys create` does: (id, key).

    `integration`: the integration it joins (None: one of its own, as without `--integration`).
    """
    db = Database.from_url(database_url)
    try:

        def create(conn: Connection) -> tuple[str, str]:
            record, plaintext = create_key(conn, "api test", scopes, integration)
            return record.id, plaintext

        return db.write_sync(create)
    finally:
        db.dispose()


def create_api_keys(
    database_url: str, wanted: list[tuple[tuple[str, ...], str | None]]
) -> list[str]:
    """Create one key per (scopes, integration) in one transaction: their plaintexts, in order."""
    db = Database.from_url(database_url)
    try:
        return db.write_sync(
            lambda conn: [create_key(conn, "api test", s, i)[1] for s, i in wanted]
        )
    finally:
        db.dispose()


class Api:
    """A client of one live server with one API key, and shortcuts that assert success."""

    def __init__(self, server: LiveServer, api_key: str | None = None) -> None:
        self.server = server
        self.http = httpx.Client(
            base_url=server.base_url,
            headers={"Authorization": f"Bearer {api_key or server.api_key}"},
            timeout=30.0,
        )

    def close(self) -> None:
        self.http.close()

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.get(path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.post(path, **kwargs)

    def patch(self, path: str, body: Json, **kwargs: Any) -> httpx.Response:
        """A JSON merge patch (`application/merge-patch+json` unless headers say otherwise)."""
        headers = {"Content-Type": "application/merge-patch+json", **kwargs.pop("headers", {})}
        return self.http.patch(path, json=body, headers=headers, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.delete(path, **kwargs)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        return self.http.request(method, path, **kwargs)

    def _created(self, path: str, body: Json) -> Json:
        response = self.http.post(path, json=body)
        assert response.status_code == 201, response.text
        created: Json = response.json()
        return created

    def create_patient(self, **overrides: Any) -> Json:
        return self._created("/v1/patients", patient_body(**overrides))

    def create_practitioner(self, **overrides: Any) -> Json:
        return self._created("/v1/practitioners", practitioner_body(**overrides))

    def book(
        self,
        start: datetime,
        minutes: int = 30,
        *,
        patient: Json | None = None,
        practitioner: Json | None = None,
        **extra: Any,
    ) -> Json:
        """Book `minutes` from `start` (new patient/practitioner unless given); assert 201."""
        body = self.booking_body(start, minutes, patient=patient, practitioner=practitioner)
        body.update(extra)
        return self._created("/v1/appointments", body)

    def booking_body(
        self,
        start: datetime,
        minutes: int = 30,
        *,
        patient: Json | None = None,
        practitioner: Json | None = None,
    ) -> Json:
        """An `AppointmentCreate`; creates the patient and practitioner when not given."""
        patient = patient or self.create_patient()
        practitioner = practitioner or self.create_practitioner()
        return {
            "patient_id": patient["id"],
            "practitioner_id": practitioner["id"],
            "start_at": iso(start),
            "end_at": iso(start + timedelta(minutes=minutes)),
        }

    def act(self, appointment: Json, action: str, **kwargs: Any) -> httpx.Response:
        """POST a status action (`check-in`, `complete`, `cancel`, `no-show`)."""
        if action == "cancel" and "json" not in kwargs:
            kwargs["json"] = {"cancellation_reason": "Patient asked to cancel."}
        return self.http.post(f"/v1/appointments/{appointment['id']}/{action}", **kwargs)

    def all_pages(self, path: str, params: dict[str, Any]) -> list[list[Json]]:
        """Follow `next_cursor` to the end; the items of each page."""
        pages: list[list[Json]] = []
        cursor: str | None = None
        while True:
            query = dict(params) if cursor is None else {**params, "cursor": cursor}
            response = self.http.get(path, params=query)
            assert response.status_code == 200, response.text
            page = response.json()
            pages.append(page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                return pages
            assert len(pages) <= 1000, "pagination does not end"


def api_for(server: LiveServer, api_key: str | None = None) -> Iterator[Api]:
    """Body of an `api` fixture: a client for the duration of the fixture."""
    api = Api(server, api_key)
    try:
        yield api
    finally:
        api.close()
