"""The kit's in-memory API: patients, practitioners, appointments, the event log and webhook
endpoints, and the rules it models.

Each handler takes a checked request (the kit has validated it against the spec) and returns an
`Answer`, or raises `Problem` with the `code` the spec documents. What the spec declares is read
from it, never restated here: every success status (the operation's one documented 2xx) and
problem status (`x-problem-codes`), each `Location` (the path of the operation that reads the new
resource), the appointment status machine (`x-status-machine`: the moves, the status a booking
starts in, the one that frees its slot), the longest appointment (`x-max-duration`) and which
scope reads which event type (`x-read-scope`). The rules are the ones an integrator's code meets
in normal use; see the package docstring for what is left out.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import itertools
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from ._spec import Spec, bundled_spec, in_words, parse_date, parse_instant

Json = dict[str, Any]

# The event types each kind of resource records, as the spec's `webhooks` name them.
_EVENTS = {
    kind: (f"{kind}.created", f"{kind}.updated", f"{kind}.deleted")
    for kind in ("patient", "practitioner")
}
_BOOKED, _RESCHEDULED = "appointment.booked", "appointment.rescheduled"
# The status action whose target frees the appointment's slot (the spec: `cancelled` frees it).
_FREEING_ACTION = "cancelAppointment"
# DNS's limits on a host name (RFC 1035): 253 characters written with dots, labels of 1 to 63.
_MAX_HOST, _MAX_LABEL = 253, 63


@dataclass
class Answer:
    """A success: status (0: the operation's documented 2xx), JSON body (None for no body) and
    headers."""

    status: int = 0
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
    """A stored resource: its representation and version (the ETag is `"<version>"`), and what
    it keeps but never shows (a webhook endpoint's secret)."""

    body: Json
    version: int = 1
    hidden: Json = field(default_factory=dict)

    @property
    def etag(self) -> str:
        return f'"{self.version}"'


@dataclass(frozen=True)
class Event:
    """One event of the log: its `Event` body, and the resource it is about."""

    body: Json
    resource_id: str


def _now() -> str:
    return _wire(datetime.now(UTC))


def _wire(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _key(value: str) -> str:
    """An instant as a sort key: UTC, microseconds always written (so strings sort by time)."""
    return parse_instant(value).isoformat(timespec="microseconds")


@dataclass(frozen=True)
class Request:
    """What a handler needs of a request the kit has checked."""

    operation_id: str
    path_params: dict[str, str]
    query: Json
    body: Json | None
    if_match: str | None = None
    if_none_match: str | None = None
    request_id: str | None = None  # the `Request-Id` the kit gave it: events carry it
    scopes: frozenset[str] = frozenset()  # the key's: what events it may read or subscribe to


class Store:
    """The resources, keyed by kind then id, in creation order (ids sort in creation order)."""

    def __init__(self, spec: Spec | None = None) -> None:
        self.spec = spec or bundled_spec()
        self.patients: dict[str, Record] = {}
        self.practitioners: dict[str, Record] = {}
        self.appointments: dict[str, Record] = {}
        self.webhook_endpoints: dict[str, Record] = {}
        self.events: dict[str, Event] = {}
        self._ids = itertools.count(1)
        machine = self.spec.status_machine
        self._initial = self.spec.initial_status if machine else None
        freeing = machine.get(_FREEING_ACTION)
        self._freed = freeing.target if freeing else None
        self._max_duration = self.spec.max_duration("bookAppointment")

    def new_id(self) -> str:
        # UUID-shaped and increasing, like the server's UUIDv7 ids: lists sorted by id keep the
        # creation order.
        return f"00000000-0000-7000-8000-{next(self._ids):012x}"

    # -- dispatch

    def handle(self, request: Request) -> Answer:
        handler: Callable[[Request], Answer] = getattr(self, f"_{request.operation_id}", None) or (
            self._transition
            if request.operation_id in self.spec.status_machine
            else self._unmodelled
        )
        answer = handler(request)
        if not answer.status:
            answer.status = self.spec.success_status(request.operation_id)
        return answer

    def _unmodelled(self, request: Request) -> Answer:
        raise self.problem("internal_error", f"The kit does not model {request.operation_id}.")

    def _getHealth(self, request: Request) -> Answer:  # noqa: N802 - named by operationId
        return Answer(body={"status": "ok"})

    def _getReadiness(self, request: Request) -> Answer:  # noqa: N802
        return Answer(body={"status": "ready"})

    # -- shared helpers

    def problem(self, code: str, detail: str, **members: Any) -> Problem:
        """The spec's problem `code` (its status from `x-problem-codes`)."""
        return Problem(self.spec.problem_status(code), code, detail, **members)

    def invalid(self, pointer: str, detail: str) -> Problem:
        """A 422 `validation_failed` naming one field of the body."""
        return self.problem(
            "validation_failed",
            "1 field is invalid.",
            errors=[{"pointer": pointer, "detail": detail}],
        )

    def _found(self, table: dict[str, Record], kind: str, resource_id: str) -> Record:
        record = table.get(resource_id)
        if record is None:
            raise self.problem("not_found", f"No {kind} has the id '{resource_id}'.")
        return record

    def _check_if_match(self, request: Request, record: Record) -> None:
        if request.if_match is None:
            return
        tags = [tag.strip() for tag in request.if_match.split(",") if tag.strip()]
        if "*" not in tags and record.etag not in tags:
            raise self.problem(
                "precondition_failed",
                f"The resource has changed since it was read; its ETag is now {record.etag}.",
            )

    def _read(self, record: Record, request: Request) -> Answer:
        """A read by id: the resource, or the operation's 3xx (`304`) when `If-None-Match` names
        its ETag (weakly)."""
        if request.if_none_match is not None:
            tags = [tag.strip().removeprefix("W/") for tag in request.if_none_match.split(",")]
            if "*" in tags or record.etag in tags:
                operation = self.spec.by_id[request.operation_id]
                (status,) = [int(s) for s in operation.responses if s.startswith("3")]
                return Answer(status, None, {"ETag": record.etag})
        return self._single(record)

    @staticmethod
    def _single(record: Record, location: str | None = None, **shown: Any) -> Answer:
        headers = {"ETag": record.etag}
        if location is not None:
            headers["Location"] = location
        return Answer(0, {**record.body, **shown}, headers)

    @staticmethod
    def _changed(record: Record, changes: Json) -> bool:
        """Apply `changes` (a change of nothing keeps the version, and so the ETag)."""
        if not changes:
            return False
        record.body.update(changes)
        record.body["updated_at"] = _now()
        record.version += 1
        return True

    def _record_event(
        self, request: Request, event_type: str, resource_id: str, data: Json
    ) -> None:
        """Log that `resource_id` had an `event_type` change; `data` is the resource now."""
        body: Json = {"id": self.new_id(), "type": event_type, "created_at": _now(), "data": data}
        if request.request_id is not None:
            body["request_id"] = request.request_id
        self.events[body["id"]] = Event(body, resource_id)

    def _limit(self, request: Request) -> int:
        if "limit" in request.query:
            return int(request.query["limit"])
        for parameter in self.spec.by_id[request.operation_id].parameters:
            if parameter.location == "query" and parameter.name == "limit":
                return int(parameter.schema.get("default", 20))
        return 20

    def _page(
        self,
        bodies: Iterable[Json],
        request: Request,
        sort_key: Callable[[Json], list[str]],
    ) -> Answer:
        """A page of `bodies` (already filtered) by cursor, in `sort_key` order."""
        limit = self._limit(request)
        filters = json.dumps(
            {
                "listing": request.operation_id,
                "path": request.path_params,
                "query": {k: v for k, v in request.query.items() if k not in ("cursor", "limit")},
            },
            sort_keys=True,
        )
        after: list[str] | None = None
        if "cursor" in request.query:
            after = self._decode_cursor(request.query["cursor"], filters)
        ordered = sorted(bodies, key=sort_key)
        if after is not None:
            ordered = [body for body in ordered if sort_key(body) > after]
        page = ordered[:limit]
        more = len(ordered) > limit
        cursor = _encode_cursor(sort_key(page[-1]), filters) if more else None
        return Answer(0, {"items": [dict(body) for body in page], "next_cursor": cursor})

    # Opaque to clients, as the spec says; the kit only needs to read back its own cursors and
    # refuse one made for another listing or other filters (the server answers
    # `invalid_cursor` then too).
    def _decode_cursor(self, cursor: str, filters: str) -> list[str]:
        try:
            decoded = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        except (binascii.Error, ValueError):
            decoded = None
        if not isinstance(decoded, dict) or decoded.get("filters") != filters:
            raise self.problem(
                "invalid_cursor",
                "The cursor is malformed or was issued for other filters.",
                errors=[{"parameter": "cursor", "detail": "Not a cursor for this listing."}],
            )
        after: list[str] = decoded["after"]
        return after

    # -- patients

    def _phone_free(self, phone: str, except_id: str | None = None) -> None:
        for other in self.patients.values():
            if other.body["phone"] == phone and other.body["id"] != except_id:
                raise self.problem(
                    "phone_taken", f"Another patient already has the phone number '{phone}'."
                )

    def _check_birth(self, body: Json) -> None:
        born = body.get("date_of_birth")
        if born is not None and parse_date(born) > datetime.now(UTC).date():
            raise self.invalid("/date_of_birth", "The date of birth is in the future.")

    def _create(
        self, request: Request, table: dict[str, Record], kind: str, fields: Json
    ) -> Answer:
        """A new resource of `kind` with `fields`: stored, its creation logged, answered with
        the path of the operation that reads it as `Location`."""
        now, resource_id = _now(), self.new_id()
        record = Record({"id": resource_id, **fields, "created_at": now, "updated_at": now})
        table[resource_id] = record
        created = {"patient": _EVENTS["patient"][0], "practitioner": _EVENTS["practitioner"][0]}
        self._record_event(request, created.get(kind, _BOOKED), resource_id, dict(record.body))
        reader = f"get{kind.title()}"
        location = self.spec.path_of(reader, **{f"{kind}_id": resource_id})
        return self._single(record, location)

    def _update(self, request: Request, record: Record, changes: Json, event_type: str) -> Answer:
        if self._changed(record, changes):
            self._record_event(request, event_type, record.body["id"], dict(record.body))
        return self._single(record)

    def _delete(
        self,
        request: Request,
        table: dict[str, Record],
        kind: str,
        in_use: Callable[[str], bool],
    ) -> Answer:
        resource_id = request.path_params[f"{kind}_id"]
        record = self._found(table, kind, resource_id)
        self._check_if_match(request, record)
        if in_use(resource_id):
            code = f"{kind}_has_appointments"
            raise self.problem(code, f"The {kind} has appointments and cannot be deleted.")
        del table[resource_id]
        self._record_event(request, _EVENTS[kind][2], resource_id, {"id": resource_id})
        return Answer()

    def _createPatient(self, request: Request) -> Answer:  # noqa: N802 - named by operationId
        body = request.body or {}
        self._check_birth(body)
        self._phone_free(body["phone"])
        fields = {
            name: body.get(name)
            for name in ("given_name", "family_name", "date_of_birth", "phone", "email")
        }
        return self._create(request, self.patients, "patient", fields)

    def _getPatient(self, request: Request) -> Answer:  # noqa: N802
        record = self._found(self.patients, "patient", request.path_params["patient_id"])
        return self._read(record, request)

    def _listPatients(self, request: Request) -> Answer:  # noqa: N802
        query = request.query
        prefix = str(query.get("name_prefix", ""))
        chosen = [
            record.body
            for record in self.patients.values()
            if query.get("phone") in (None, record.body["phone"])
            and (
                not prefix
                or any(
                    _ascii_lower(record.body[name]).startswith(_ascii_lower(prefix))
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
        return self._update(request, record, dict(patch), _EVENTS["patient"][1])

    def _deletePatient(self, request: Request) -> Answer:  # noqa: N802
        return self._delete(
            request,
            self.patients,
            "patient",
            lambda patient_id: any(
                a.body["patient_id"] == patient_id for a in self.appointments.values()
            ),
        )

    def _listPatientAppointments(self, request: Request) -> Answer:  # noqa: N802
        patient_id = request.path_params["patient_id"]
        self._found(self.patients, "patient", patient_id)
        return self._appointment_page(request, {"patient_id": patient_id})

    # -- practitioners

    def _createPractitioner(self, request: Request) -> Answer:  # noqa: N802
        body = request.body or {}
        fields = {
            "display_name": body["display_name"],
            "specialty": body["specialty"],
            "active": body["active"],  # the spec's default filled in when not sent
        }
        return self._create(request, self.practitioners, "practitioner", fields)

    def _getPractitioner(self, request: Request) -> Answer:  # noqa: N802
        practitioner_id = request.path_params["practitioner_id"]
        record = self._found(self.practitioners, "practitioner", practitioner_id)
        return self._read(record, request)

    def _listPractitioners(self, request: Request) -> Answer:  # noqa: N802
        query = request.query
        chosen = [
            record.body
            for record in self.practitioners.values()
            if query.get("specialty") in (None, record.body["specialty"])
            and query.get("active") in (None, record.body["active"])
        ]
        return self._page(chosen, request, lambda body: [body["id"]])

    def _updatePractitioner(self, request: Request) -> Answer:  # noqa: N802
        practitioner_id = request.path_params["practitioner_id"]
        record = self._found(self.practitioners, "practitioner", practitioner_id)
        self._check_if_match(request, record)
        return self._update(request, record, dict(request.body or {}), _EVENTS["practitioner"][1])

    def _deletePractitioner(self, request: Request) -> Answer:  # noqa: N802
        return self._delete(
            request,
            self.practitioners,
            "practitioner",
            lambda practitioner_id: any(
                a.body["practitioner_id"] == practitioner_id for a in self.appointments.values()
            ),
        )

    # -- appointments

    def _times(self, start_at: str, end_at: str) -> tuple[datetime, datetime]:
        start, end = parse_instant(start_at), parse_instant(end_at)
        if end <= start:
            raise self.invalid("/end_at", "end_at must be after start_at.")
        if self._max_duration is not None and end - start > self._max_duration:
            raise self.invalid(
                "/end_at", f"An appointment lasts at most {in_words(self._max_duration)}."
            )
        return start, end

    def _no_overlap(
        self, patient_id: str, practitioner_id: str, start: datetime, end: datetime, skip: str = ""
    ) -> None:
        for who, key, value in (
            ("practitioner", "practitioner_id", practitioner_id),
            ("patient", "patient_id", patient_id),
        ):
            for other in self.appointments.values():
                body = other.body
                if body["id"] == skip or body["status"] == self._freed or body[key] != value:
                    continue  # a freed appointment (cancelled) no longer holds its slot
                if parse_instant(body["start_at"]) < end and parse_instant(body["end_at"]) > start:
                    raise self.problem(
                        "appointment_overlap",
                        f"The {who} already has a live appointment overlapping"
                        f" {body['start_at']} to {body['end_at']}.",
                    )

    def _bookAppointment(self, request: Request) -> Answer:  # noqa: N802
        body = request.body or {}
        start, end = self._times(body["start_at"], body["end_at"])
        for kind, table in (("patient", self.patients), ("practitioner", self.practitioners)):
            if body[f"{kind}_id"] not in table:
                raise self.problem(
                    "not_found",
                    f"No {kind} has the id '{body[f'{kind}_id']}'.",
                    errors=[{"pointer": f"/{kind}_id", "detail": f"No {kind} has this id."}],
                )
        if not self.practitioners[body["practitioner_id"]].body["active"]:
            raise self.problem(
                "practitioner_inactive", "The practitioner is inactive and takes no new bookings."
            )
        self._no_overlap(body["patient_id"], body["practitioner_id"], start, end)
        fields = {
            "patient_id": body["patient_id"],
            "practitioner_id": body["practitioner_id"],
            "start_at": _wire(start),
            "end_at": _wire(end),
            "status": self._initial,
            "reason": body.get("reason"),
            "notes": body.get("notes"),
            "cancellation_reason": None,
        }
        return self._create(request, self.appointments, "appointment", fields)

    def _getAppointment(self, request: Request) -> Answer:  # noqa: N802
        appointment_id = request.path_params["appointment_id"]
        record = self._found(self.appointments, "appointment", appointment_id)
        return self._read(record, request)

    def _appointment_page(self, request: Request, fixed: dict[str, str]) -> Answer:
        query = {**request.query, **fixed}
        since = parse_instant(query["start_at_from"]) if "start_at_from" in query else None
        before = parse_instant(query["start_at_before"]) if "start_at_before" in query else None
        chosen = [
            record.body
            for record in self.appointments.values()
            if all(
                query.get(key) in (None, record.body[key])
                for key in ("patient_id", "practitioner_id", "status")
            )
            and (since is None or parse_instant(record.body["start_at"]) >= since)
            and (before is None or parse_instant(record.body["start_at"]) < before)
        ]
        return self._page(chosen, request, lambda body: [_key(body["start_at"]), body["id"]])

    def _listAppointments(self, request: Request) -> Answer:  # noqa: N802
        return self._appointment_page(request, {})

    def _updateAppointment(self, request: Request) -> Answer:  # noqa: N802
        appointment_id = request.path_params["appointment_id"]
        record = self._found(self.appointments, "appointment", appointment_id)
        self._check_if_match(request, record)
        current = record.body
        if current["status"] != self._initial:
            raise self.problem(
                "invalid_status_transition",
                f"The appointment is '{current['status']}'; only a '{self._initial}' appointment"
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
        return self._update(request, record, patch, _RESCHEDULED)

    def _transition(self, request: Request) -> Answer:
        move = self.spec.status_machine[request.operation_id]
        appointment_id = request.path_params["appointment_id"]
        record = self._found(self.appointments, "appointment", appointment_id)
        self._check_if_match(request, record)
        current = record.body["status"]
        if current not in move.starts:
            raise self.problem(
                "invalid_status_transition",
                f"The appointment is '{current}'; it cannot move to '{move.target}'.",
                current_status=current,
            )
        reason = (request.body or {}).get("cancellation_reason")
        changes: Json = {
            "status": move.target,
            "cancellation_reason": reason or record.body["cancellation_reason"],
        }
        record.body.update(changes)
        record.body["updated_at"] = _now()
        record.version += 1
        self._record_event(request, move.event, appointment_id, dict(record.body))
        return self._single(record)

    # -- the event log

    def _readable(self, request: Request) -> list[Event]:
        return [
            event
            for event in self.events.values()
            if self.spec.may_read(request.scopes, event.body["type"])
        ]

    def _listEvents(self, request: Request) -> Answer:  # noqa: N802
        query = request.query
        after = parse_instant(query["created_after"]) if "created_after" in query else None
        chosen = [
            event.body
            for event in self._readable(request)
            if query.get("type") in (None, event.body["type"])
            and query.get("resource_id") in (None, event.resource_id)
            and (after is None or parse_instant(event.body["created_at"]) > after)
        ]
        return self._page(chosen, request, lambda body: [_key(body["created_at"]), body["id"]])

    def _getEvent(self, request: Request) -> Answer:  # noqa: N802
        return Answer(0, dict(self._event(request, request.path_params["event_id"]).body))

    def _event(self, request: Request, event_id: str) -> Event:
        """An event the key may read, else the 404 of an unknown one (its existence is data)."""
        event = self.events.get(event_id)
        if event is None or not self.spec.may_read(request.scopes, event.body["type"]):
            raise self.problem("not_found", f"No event has the id '{event_id}'.")
        return event

    # -- webhook endpoints

    def _subscribed(self, event_types: list[str]) -> list[str]:
        """The types an endpoint subscribed to `event_types` receives (none listed: all)."""
        return list(event_types) or list(self.spec.read_scopes)

    def _check_subscription(self, request: Request, event_types: list[str]) -> None:
        """403 unless the key may read every type the endpoint would receive."""
        missing = {
            self.spec.read_scopes[t]
            for t in self._subscribed(event_types)
            if not self.spec.may_read(request.scopes, t)
        }
        if missing:
            raise self.problem(
                "insufficient_scope",
                "The subscribed event types carry data this key may not read; it also needs: "
                + ", ".join(sorted(missing))
                + ".",
            )

    def _ordered(self, event_types: Iterable[str]) -> list[str]:
        """Subscribed types as stored and shown: the spec's order, each once."""
        wanted = set(event_types)
        return [t for t in self.spec.read_scopes if t in wanted]

    def _vet_url(self, url: str) -> None:
        """422 naming `/url` unless the URL is one the API may send to (production's rules:
        `https`, no credentials, a host DNS can carry, an IP literal only if public). The kit
        resolves no names: any well-formed host name is taken as public."""
        reason = _unsafe_url(url)
        if reason is not None:
            raise self.invalid("/url", f"The URL is not allowed ({reason}).")

    def _createWebhookEndpoint(self, request: Request) -> Answer:  # noqa: N802
        body = request.body or {}
        self._vet_url(body["url"])
        event_types = self._ordered(body.get("event_types") or [])
        self._check_subscription(request, event_types)
        now, endpoint_id = _now(), self.new_id()
        secret = _new_secret()
        record = Record(
            {
                "id": endpoint_id,
                "url": body["url"],
                "event_types": event_types,
                "description": body.get("description"),
                "enabled": True,
                "disabled_reason": None,
                "disabled_at": None,
                "secret_rotated_at": None,
                "created_at": now,
                "updated_at": now,
            },
            hidden={"secret": secret},
        )
        self.webhook_endpoints[endpoint_id] = record
        location = self.spec.path_of("getWebhookEndpoint", endpoint_id=endpoint_id)
        return self._single(record, location, secret=secret)

    def _endpoint(self, request: Request) -> Record:
        endpoint_id = request.path_params["endpoint_id"]
        return self._found(self.webhook_endpoints, "webhook endpoint", endpoint_id)

    def _getWebhookEndpoint(self, request: Request) -> Answer:  # noqa: N802
        return self._read(self._endpoint(request), request)

    def _listWebhookEndpoints(self, request: Request) -> Answer:  # noqa: N802
        chosen = [record.body for record in self.webhook_endpoints.values()]
        return self._page(chosen, request, lambda body: [body["id"]])

    def _updateWebhookEndpoint(self, request: Request) -> Answer:  # noqa: N802
        patch = request.body or {}
        if "url" in patch:
            self._vet_url(patch["url"])
        record = self._endpoint(request)
        self._check_if_match(request, record)
        changes: Json = {}
        if "url" in patch:
            changes["url"] = patch["url"]
        if "event_types" in patch:
            changes["event_types"] = self._ordered(patch["event_types"])
        # Pausing sends nothing anywhere: `enabled: false` alone needs no read scope.
        if {"url", "event_types"} & patch.keys() or patch.get("enabled") is True:
            subscribed: list[str] = (changes if "event_types" in changes else record.body)[
                "event_types"
            ]
            self._check_subscription(request, subscribed)
        if "description" in patch:
            changes["description"] = patch["description"]
        if "enabled" in patch and patch["enabled"] != record.body["enabled"]:
            changes["enabled"] = patch["enabled"]
            if patch["enabled"]:
                changes.update(disabled_reason=None, disabled_at=None)
        self._changed(record, changes)
        return self._single(record)

    def _deleteWebhookEndpoint(self, request: Request) -> Answer:  # noqa: N802
        record = self._endpoint(request)
        self._check_if_match(request, record)
        del self.webhook_endpoints[record.body["id"]]
        return Answer()

    def _rotateWebhookEndpointSecret(self, request: Request) -> Answer:  # noqa: N802
        record = self._endpoint(request)
        self._check_if_match(request, record)
        self._check_subscription(request, record.body["event_types"])
        secret = _new_secret()
        record.hidden.update(previous_secret=record.hidden["secret"], secret=secret)
        self._changed(record, {"secret_rotated_at": _now()})
        return self._single(record, secret=secret)

    def _listWebhookAttempts(self, request: Request) -> Answer:  # noqa: N802
        # The kit delivers nothing, so no endpoint has attempts; the cursor is checked first.
        page = self._page([], request, lambda body: [body["id"]])
        self._endpoint(request)
        return page

    def _redeliverEvent(self, request: Request) -> Answer:  # noqa: N802
        record = self._endpoint(request)
        event_id = request.path_params["event_id"]
        event = self.events.get(event_id)
        subscribed = self._subscribed(record.body["event_types"])
        if (
            event is None
            or not self.spec.may_read(request.scopes, event.body["type"])
            or event.body["type"] not in subscribed
        ):
            raise self.problem("not_found", f"No event has the id '{event_id}'.")
        return Answer()


def _ascii_lower(text: str) -> str:
    """`text` with ASCII letters lower-cased (the spec's "ignoring ASCII case")."""
    return text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _encode_cursor(after: list[str], filters: str) -> str:
    raw = json.dumps({"after": after, "filters": filters}).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _new_secret() -> str:
    """A signing secret as the spec's `WebhookSecret` has it: `whsec_` and 32 random bytes."""
    return "whsec_" + base64.b64encode(os.urandom(32)).decode()


def _unsafe_url(url: str) -> str | None:
    """Why the API may not send to `url` (a reason code), or None."""
    try:
        parsed = httpx.URL(url)
        host = parsed.host
    except (httpx.InvalidURL, UnicodeError):
        return "invalid_url"
    if parsed.scheme != "https":
        return "scheme_not_allowed"
    if not host:
        return "invalid_url"
    if parsed.port is not None and not 0 < parsed.port < 65536:
        return "invalid_url"
    if parsed.userinfo:
        return "credentials_in_url"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        name = parsed.raw_host.removesuffix(b".")
        labels = name.split(b".")
        if len(name) > _MAX_HOST or any(not 0 < len(label) <= _MAX_LABEL for label in labels):
            return "invalid_url"
        return None
    return None if _public(address) else "private_address"


def _public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether `address` is public unicast (`ipaddress`'s `is_global`, minus multicast, reserved,
    unspecified, loopback, link-local and private ranges; the IPv4 address inside IPv4-mapped,
    NAT64 and 6to4 addresses judged too; Teredo refused)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.teredo is not None:
            return False
        translated = address.ipv4_mapped
        if address in _NAT64:
            translated = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if translated is not None:
            return _public(translated)
        if address.sixtofour is not None and not _public(address.sixtofour):
            return False
    return address.is_global and not (
        address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or address.is_loopback
        or address.is_link_local
        or address.is_private
    )


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
