"""The kit's in-memory API: patients, practitioners and appointments, and the rules it models.

Each handler takes a checked request (the kit has validated it against the spec) and returns an
`Answer`, or raises `Problem` with the status and `code` the spec documents. The rules are the
ones an integrator's code meets in normal use; see the package docstring for what is left out.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

Json = dict[str, Any]

MAX_DURATION = timedelta(hours=8)
# status action -> (statuses it may start from, status it leads to); the spec's status machine.
TRANSITIONS = {
    "cancelAppointment": (frozenset({"scheduled", "checked_in"}), "cancelled"),
    "checkInAppointment": (frozenset({"scheduled"}), "checked_in"),
    "completeAppointment": (frozenset({"checked_in"}), "completed"),
    "markAppointmentNoShow": (frozenset({"scheduled"}), "no_show"),
}


@dataclass
class Answer:
    """A success: status, JSON body (None for no body) and headers."""

    status: int
    body: Json | None = None
    headers: dict[str, str] = field(default_factory=dict)


class Problem(Exception):  # noqa: N818 - it is the problem, raised
    """A documented error answer: status, `code`, detail, and the spec's optional members."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        errors: list[Json] | None = None,
        current_status: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail
        self.errors = errors
        self.current_status = current_status
        self.headers = headers or {}


@dataclass
class Record:
    """A stored resource: its representation and version (the ETag is `"<version>"`)."""

    body: Json
    version: int = 1

    @property
    def etag(self) -> str:
        return f'"{self.version}"'


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


def _instant(value: str) -> datetime:
    # The request was validated as an RFC 3339 date-time with an offset.
    return datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00")).astimezone(UTC)


def _wire(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _invalid(pointer: str, detail: str) -> Problem:
    return Problem(
        422, "validation_failed", detail, errors=[{"pointer": pointer, "detail": detail}]
    )


@dataclass(frozen=True)
class Request:
    """What a handler needs of a request the kit has checked."""

    operation_id: str
    path_params: dict[str, str]
    query: Json
    body: Json | None
    if_match: str | None
    if_none_match: str | None = None


class Store:
    """The resources, keyed by kind then id, in creation order (ids sort in creation order)."""

    def __init__(self) -> None:
        self.patients: dict[str, Record] = {}
        self.practitioners: dict[str, Record] = {}
        self.appointments: dict[str, Record] = {}
        self._ids = itertools.count(1)

    def new_id(self) -> str:
        # UUID-shaped and increasing, like the server's UUIDv7 ids: lists sorted by id keep the
        # creation order.
        return f"00000000-0000-7000-8000-{next(self._ids):012x}"

    # -- dispatch

    def handle(self, request: Request) -> Answer:
        handler: Callable[[Request], Answer] = getattr(self, f"_{request.operation_id}", None) or (
            self._transition if request.operation_id in TRANSITIONS else self._unmodelled
        )
        return handler(request)

    def _unmodelled(self, request: Request) -> Answer:
        if request.operation_id == "getHealth":
            return Answer(200, {"status": "ok"})
        if request.operation_id == "getReadiness":
            return Answer(200, {"status": "ready"})
        raise Problem(500, "internal_error", f"The kit does not model {request.operation_id}.")

    # -- shared helpers

    @staticmethod
    def _found(table: dict[str, Record], kind: str, resource_id: str) -> Record:
        record = table.get(resource_id)
        if record is None:
            raise Problem(404, "not_found", f"No {kind} has the id '{resource_id}'.")
        return record

    @staticmethod
    def _check_if_match(request: Request, record: Record) -> None:
        if request.if_match is None:
            return
        tags = [tag.strip() for tag in request.if_match.split(",")]
        if "*" not in tags and record.etag not in tags:
            raise Problem(
                412,
                "precondition_failed",
                f"The resource has changed since it was read; its ETag is now {record.etag}.",
            )

    @staticmethod
    def _read(record: Record, request: Request) -> Answer:
        """A read by id: the resource, or `304` when `If-None-Match` names its ETag (weakly)."""
        if request.if_none_match is not None:
            tags = [tag.strip().removeprefix("W/") for tag in request.if_none_match.split(",")]
            if "*" in tags or record.etag in tags:
                return Answer(304, None, {"ETag": record.etag})
        return Store._single(record)

    @staticmethod
    def _single(record: Record, status: int = 200, location: str | None = None) -> Answer:
        headers = {"ETag": record.etag}
        if location is not None:
            headers["Location"] = location
        return Answer(status, dict(record.body), headers)

    @staticmethod
    def _changed(record: Record, changes: Json) -> None:
        if changes:
            record.body.update(changes)
            record.body["updated_at"] = _now()
            record.version += 1

    @staticmethod
    def _page(
        records: Iterable[Record],
        request: Request,
        sort_key: Callable[[Json], list[str]],
    ) -> Answer:
        """A page of `records` (already filtered) by cursor, in `sort_key` order."""
        limit = int(request.query.get("limit", 20))
        filters = json.dumps(
            {k: v for k, v in request.query.items() if k not in ("cursor", "limit")}
        )
        after: list[str] | None = None
        if "cursor" in request.query:
            after = _decode_cursor(request.query["cursor"], filters)
        ordered = sorted((r.body for r in records), key=sort_key)
        if after is not None:
            ordered = [body for body in ordered if sort_key(body) > after]
        page = ordered[:limit]
        more = len(ordered) > limit
        cursor = _encode_cursor(sort_key(page[-1]), filters) if more else None
        return Answer(200, {"items": [dict(body) for body in page], "next_cursor": cursor})

    # -- patients

    def _phone_free(self, phone: str, except_id: str | None = None) -> None:
        for other in self.patients.values():
            if other.body["phone"] == phone and other.body["id"] != except_id:
                raise Problem(
                    409, "phone_taken", f"Another patient already has the phone number '{phone}'."
                )

    @staticmethod
    def _check_birth(body: Json) -> None:
        born = body.get("date_of_birth")
        if born is not None and date.fromisoformat(born) > datetime.now(UTC).date():
            raise _invalid("/date_of_birth", "The date of birth is in the future.")

    def _createPatient(self, request: Request) -> Answer:  # noqa: N802 - named by operationId
        body = request.body or {}
        self._check_birth(body)
        self._phone_free(body["phone"])
        now, patient_id = _now(), self.new_id()
        record = Record(
            {
                "id": patient_id,
                "given_name": body["given_name"],
                "family_name": body["family_name"],
                "date_of_birth": body["date_of_birth"],
                "phone": body["phone"],
                "email": body.get("email"),
                "created_at": now,
                "updated_at": now,
            }
        )
        self.patients[patient_id] = record
        return self._single(record, 201, f"/v1/patients/{patient_id}")

    def _getPatient(self, request: Request) -> Answer:  # noqa: N802
        record = self._found(self.patients, "patient", request.path_params["patient_id"])
        return self._read(record, request)

    def _listPatients(self, request: Request) -> Answer:  # noqa: N802
        query = request.query
        chosen = [
            record
            for record in self.patients.values()
            if query.get("phone") in (None, record.body["phone"])
            and (
                "name_prefix" not in query
                or any(
                    record.body[name].casefold().startswith(query["name_prefix"].casefold())
                    for name in ("given_name", "family_name")
                )
            )
        ]
        return self._page(chosen, request, lambda body: [body["id"]])

    def _updatePatient(self, request: Request) -> Answer:  # noqa: N802
        record = self._found(self.patients, "patient", request.path_params["patient_id"])
        self._check_if_match(request, record)
        patch = request.body or {}
        self._check_birth(patch)
        if "phone" in patch:
            self._phone_free(patch["phone"], except_id=record.body["id"])
        self._changed(record, patch)
        return self._single(record)

    def _deletePatient(self, request: Request) -> Answer:  # noqa: N802
        patient_id = request.path_params["patient_id"]
        record = self._found(self.patients, "patient", patient_id)
        self._check_if_match(request, record)
        if any(a.body["patient_id"] == patient_id for a in self.appointments.values()):
            raise Problem(
                409,
                "patient_has_appointments",
                "The patient has appointments and cannot be deleted.",
            )
        del self.patients[patient_id]
        return Answer(204)

    def _listPatientAppointments(self, request: Request) -> Answer:  # noqa: N802
        patient_id = request.path_params["patient_id"]
        self._found(self.patients, "patient", patient_id)
        return self._appointment_page(request, {"patient_id": patient_id})

    # -- practitioners

    def _createPractitioner(self, request: Request) -> Answer:  # noqa: N802
        body = request.body or {}
        now, practitioner_id = _now(), self.new_id()
        record = Record(
            {
                "id": practitioner_id,
                "display_name": body["display_name"],
                "specialty": body["specialty"],
                "active": body.get("active", True),
                "created_at": now,
                "updated_at": now,
            }
        )
        self.practitioners[practitioner_id] = record
        return self._single(record, 201, f"/v1/practitioners/{practitioner_id}")

    def _getPractitioner(self, request: Request) -> Answer:  # noqa: N802
        practitioner_id = request.path_params["practitioner_id"]
        record = self._found(self.practitioners, "practitioner", practitioner_id)
        return self._read(record, request)

    def _listPractitioners(self, request: Request) -> Answer:  # noqa: N802
        query = request.query
        chosen = [
            record
            for record in self.practitioners.values()
            if query.get("specialty") in (None, record.body["specialty"])
            and query.get("active") in (None, record.body["active"])
        ]
        return self._page(chosen, request, lambda body: [body["id"]])

    def _updatePractitioner(self, request: Request) -> Answer:  # noqa: N802
        practitioner_id = request.path_params["practitioner_id"]
        record = self._found(self.practitioners, "practitioner", practitioner_id)
        self._check_if_match(request, record)
        self._changed(record, request.body or {})
        return self._single(record)

    def _deletePractitioner(self, request: Request) -> Answer:  # noqa: N802
        practitioner_id = request.path_params["practitioner_id"]
        record = self._found(self.practitioners, "practitioner", practitioner_id)
        self._check_if_match(request, record)
        if any(a.body["practitioner_id"] == practitioner_id for a in self.appointments.values()):
            raise Problem(
                409,
                "practitioner_has_appointments",
                "The practitioner has appointments and cannot be deleted.",
            )
        del self.practitioners[practitioner_id]
        return Answer(204)

    # -- appointments

    @staticmethod
    def _times(start_at: str, end_at: str) -> tuple[datetime, datetime]:
        start, end = _instant(start_at), _instant(end_at)
        if end <= start:
            raise _invalid("/end_at", "end_at must be after start_at.")
        if end - start > MAX_DURATION:
            raise _invalid("/end_at", "An appointment lasts at most 8 hours.")
        return start, end

    def _no_overlap(
        self, patient_id: str, practitioner_id: str, start: datetime, end: datetime, skip: str = ""
    ) -> None:
        for other in self.appointments.values():
            body = other.body
            if body["id"] == skip or body["status"] == "cancelled":
                continue  # a cancelled appointment frees its slot
            if _instant(body["start_at"]) < end and _instant(body["end_at"]) > start:
                for who, key, value in (
                    ("practitioner", "practitioner_id", practitioner_id),
                    ("patient", "patient_id", patient_id),
                ):
                    if body[key] == value:
                        raise Problem(
                            409,
                            "appointment_overlap",
                            f"The {who} already has a live appointment overlapping"
                            f" {body['start_at']} to {body['end_at']}.",
                        )

    def _bookAppointment(self, request: Request) -> Answer:  # noqa: N802
        body = request.body or {}
        start, end = self._times(body["start_at"], body["end_at"])
        for kind, table in (("patient", self.patients), ("practitioner", self.practitioners)):
            if body[f"{kind}_id"] not in table:
                raise Problem(
                    404,
                    "not_found",
                    f"No {kind} has the id '{body[f'{kind}_id']}'.",
                    errors=[{"pointer": f"/{kind}_id", "detail": f"No {kind} has this id."}],
                )
        if not self.practitioners[body["practitioner_id"]].body["active"]:
            raise Problem(
                409,
                "practitioner_inactive",
                "The practitioner is inactive and takes no new bookings.",
            )
        self._no_overlap(body["patient_id"], body["practitioner_id"], start, end)
        now, appointment_id = _now(), self.new_id()
        record = Record(
            {
                "id": appointment_id,
                "patient_id": body["patient_id"],
                "practitioner_id": body["practitioner_id"],
                "start_at": _wire(start),
                "end_at": _wire(end),
                "status": "scheduled",
                "reason": body.get("reason"),
                "notes": body.get("notes"),
                "cancellation_reason": None,
                "created_at": now,
                "updated_at": now,
            }
        )
        self.appointments[appointment_id] = record
        return self._single(record, 201, f"/v1/appointments/{appointment_id}")

    def _getAppointment(self, request: Request) -> Answer:  # noqa: N802
        appointment_id = request.path_params["appointment_id"]
        record = self._found(self.appointments, "appointment", appointment_id)
        return self._read(record, request)

    def _appointment_page(self, request: Request, fixed: dict[str, str]) -> Answer:
        query = {**request.query, **fixed}
        since = _instant(query["start_at_from"]) if "start_at_from" in query else None
        before = _instant(query["start_at_before"]) if "start_at_before" in query else None
        chosen = [
            record
            for record in self.appointments.values()
            if all(
                query.get(key) in (None, record.body[key])
                for key in ("patient_id", "practitioner_id", "status")
            )
            and (since is None or _instant(record.body["start_at"]) >= since)
            and (before is None or _instant(record.body["start_at"]) < before)
        ]
        return self._page(
            chosen, request, lambda body: [_wire(_instant(body["start_at"])), body["id"]]
        )

    def _listAppointments(self, request: Request) -> Answer:  # noqa: N802
        return self._appointment_page(request, {})

    def _updateAppointment(self, request: Request) -> Answer:  # noqa: N802
        appointment_id = request.path_params["appointment_id"]
        record = self._found(self.appointments, "appointment", appointment_id)
        self._check_if_match(request, record)
        current = record.body
        if current["status"] != "scheduled":
            raise Problem(
                409,
                "invalid_status_transition",
                f"The appointment is '{current['status']}'; only a 'scheduled' appointment"
                " can be changed.",
                current_status=current["status"],
            )
        patch: Json = dict(request.body or {})
        if "start_at" in patch or "end_at" in patch:
            start, end = self._times(
                str(patch.get("start_at", current["start_at"])),
                str(patch.get("end_at", current["end_at"])),
            )
            self._no_overlap(
                current["patient_id"], current["practitioner_id"], start, end, appointment_id
            )
            patch.update(start_at=_wire(start), end_at=_wire(end))
        self._changed(record, patch)
        return self._single(record)

    def _transition(self, request: Request) -> Answer:
        allowed_from, target = TRANSITIONS[request.operation_id]
        appointment_id = request.path_params["appointment_id"]
        record = self._found(self.appointments, "appointment", appointment_id)
        self._check_if_match(request, record)
        current = record.body["status"]
        if current not in allowed_from:
            raise Problem(
                409,
                "invalid_status_transition",
                f"The appointment is '{current}'; it cannot move to '{target}'.",
                current_status=current,
            )
        changes: Json = {"status": target}
        if request.body and "cancellation_reason" in request.body:
            changes["cancellation_reason"] = request.body["cancellation_reason"]
        self._changed(record, changes)
        return self._single(record)


# Opaque to clients, as the spec says; the kit only needs to read back its own cursors and refuse
# one made for other filters (the server answers `invalid_cursor` then too).
def _encode_cursor(after: list[str], filters: str) -> str:
    raw = json.dumps({"after": after, "filters": filters}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str, filters: str) -> list[str]:
    try:
        decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError):
        decoded = None
    if not isinstance(decoded, dict) or decoded.get("filters") != filters:
        raise Problem(
            422,
            "invalid_cursor",
            "The cursor is not one this server issued for these filters.",
            errors=[{"parameter": "cursor", "detail": "Not a cursor for this listing."}],
        )
    after: list[str] = decoded["after"]
    return after
