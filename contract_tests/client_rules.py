"""The rules a real client obeys that the spec states in prose, applied to *positive* cases.

Shared by every Schemathesis run here: the pytest tests call `as_a_client_may_send_it` on each
case, and the CLI run (`nox -s contract`) loads it through `cli_hooks.py`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from schemathesis import Case, GenerationMode
from schemathesis.core.transport import Response
from schemathesis.generation.meta import TestPhase

# A reschedule: the resulting times, old and new merged, follow the booking rules.
RESCHEDULE = "PATCH /v1/appointments/{appointment_id}"
# The operations whose body names a webhook endpoint's URL.
WEBHOOK_URL_OPERATIONS = frozenset(
    {"POST /v1/webhook-endpoints", "PATCH /v1/webhook-endpoints/{endpoint_id}"}
)
# A URL the contract servers accept (with the settings below) and never deliver to: their
# delivery worker is off (live_server.py), and nothing listens on the discard port anyway.
LOOPBACK_WEBHOOK = "http://127.0.0.1:9/hooks"
# The settings of every server a tuned contract run talks to: loopback http URLs are accepted
# (in production they are not: https and public addresses only, which no host here can give).
CONTRACT_SERVER_ENV = {
    "PATIENT_TRACKER_WEBHOOK_ALLOW_HTTP": "true",
    "PATIENT_TRACKER_WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "true",
}


def _moving_both_ends(body: dict[str, Any]) -> None:
    """A reschedule sends `start_at` and `end_at` together: a client moving only one end does not
    know where the other one is, and a merge that ends before it starts is rightly a 422."""
    start, end = body.get("start_at"), body.get("end_at")
    try:
        if isinstance(start, str) and end is None and "end_at" not in body:
            moved = datetime.fromisoformat(start.upper()) + timedelta(minutes=30)
            body["end_at"] = moved.isoformat()
        elif isinstance(end, str) and "start_at" not in body:
            moved = datetime.fromisoformat(end.upper()) - timedelta(minutes=30)
            body["start_at"] = moved.isoformat()
    except OverflowError:
        # An end at 0001-01-01T00:00 (or a start at 9999-12-31T23:59) has no other end half an
        # hour away: sent as drawn, it gets the server's 422 for an instant out of range.
        pass


def _obeying_the_booking_rules(body: dict[str, Any]) -> None:
    """`end_at` after `start_at` and at most 8 hours later; a date of birth not in the future."""
    start, end = body.get("start_at"), body.get("end_at")
    if isinstance(start, str) and isinstance(end, str):
        start_at, end_at = (
            datetime.fromisoformat(start.upper()),
            datetime.fromisoformat(end.upper()),
        )
        if not timedelta(0) < end_at - start_at <= timedelta(hours=8):
            body["end_at"] = (start_at + timedelta(minutes=30)).isoformat()
    birth = body.get("date_of_birth")
    if isinstance(birth, str) and date.fromisoformat(birth) > datetime.now(UTC).date():
        body["date_of_birth"] = "1990-01-01"


def as_a_client_may_send_it(case: Case[Any]) -> None:
    """Make a *positive* case obey the rules the spec states in prose, which no schema can hold.

    - A `cursor` must be one a previous page returned; an invented one is rightly a 422
      `invalid_cursor`. Positive cases omit it (real cursors: the pagination tests).
    - An `Idempotency-Key` must be unique per request; Hypothesis reuses generated values, and a
      reused key with another body is rightly a 422 `idempotency_key_reused`. Positive cases get a
      fresh key (replays: the idempotency tests).
    - Booking times and dates of birth follow the rules in the operations' descriptions; a case
      that breaks them is moved inside them, and a reschedule moves both ends (the rules
      themselves: the service tests).
    - A webhook endpoint's URL must resolve to an address the server may send to; a generated
      host names nothing, so positive cases register `LOOPBACK_WEBHOOK` (the URL rules
      themselves: test_webhook_endpoints_api.py).

    Negative cases are sent as generated, and must still be rejected.
    """
    if case.meta is None or case.meta.generation.mode is not GenerationMode.POSITIVE:
        return
    if case.query:
        case.query.pop("cursor", None)
    if case.headers and "Idempotency-Key" in case.headers:
        case.headers["Idempotency-Key"] = str(uuid.uuid4())
    if isinstance(case.body, dict):
        if case.operation.label == RESCHEDULE:
            _moving_both_ends(case.body)
        if case.operation.label in WEBHOOK_URL_OPERATIONS and "url" in case.body:
            case.body["url"] = LOOPBACK_WEBHOOK
        _obeying_the_booking_rules(case.body)


# Which operation creates what a body field refers to.
REFERENCE_CREATORS = {
    "patient_id": "POST /v1/patients",
    "practitioner_id": "POST /v1/practitioners",
}
# Which operation creates what a path parameter names.
PATH_CREATORS = {**REFERENCE_CREATORS, "appointment_id": "POST /v1/appointments"}


def _positive(case: Case[Any]) -> bool:
    return case.meta is not None and case.meta.generation.mode is GenerationMode.POSITIVE


def _stateful(case: Case[Any]) -> bool:
    return case.meta is not None and case.meta.phase.name is TestPhase.STATEFUL


class KnownResources:
    """What a client has heard from the server: the resources it created and the ETags it read.

    `created` holds, per creating operation, the ids created and not deleted, newest last;
    `ever_created` every id ever created, deleted ones included; `etags` every `ETag` read.
    """

    def __init__(self, created: dict[str, list[str]] | None = None) -> None:
        self.created: dict[str, list[str]] = {
            creator: list((created or {}).get(creator, [])) for creator in PATH_CREATORS.values()
        }
        self.ever_created: set[str] = {known for ids in self.created.values() for known in ids}
        self.etags: set[str] = set()

    def record(self, case: Case[Any], response: Response) -> None:
        """Note what a 201 created and any `ETag` read; forget what a 2xx DELETE deleted."""
        label = case.operation.label
        self.etags.update(response.headers.get("etag", []))
        if label in self.created and response.status_code == 201:
            created = response.json()["id"]
            self.created[label].append(created)
            self.ever_created.add(created)
        elif case.method.upper() == "DELETE" and 200 <= response.status_code < 300:
            deleted = set((case.path_parameters or {}).values())
            for ids in self.created.values():
                ids[:] = [known for known in ids if known not in deleted]

    def name_in(self, case: Case[Any]) -> None:
        """Make a *positive* case's references name resources the client created.

        A booking names a patient and a practitioner. A link may supply one of them (the one
        just created); an invented id is rightly a 404, so it is replaced by the most recent one
        of its kind the client created, when there is one.
        """
        if not _positive(case) or not isinstance(case.body, dict):
            return
        for field, creator in REFERENCE_CREATORS.items():
            known = self.created[creator]
            if field in case.body and known and case.body[field] not in known:
                case.body[field] = known[-1]

    def walk_with_known_ids(self, case: Case[Any]) -> None:
        """In a stateful walk, make a *positive* step name resources the client has heard of.

        A walk follows the spec's links, which carry the id from an earlier response. Where a
        step has none from a link (a scenario's first step, or Schemathesis leaving a link's value
        out to explore), Schemathesis invents one, an invented id is rightly a 404, and the walk
        never reaches the operation's success path. So, as a client would, a path id the server
        never returned is replaced by the most recent live one of its kind, when there is one. An
        id a link supplied is kept, deleted ones included: reusing a deleted id is what
        `use_after_free` probes.

        Only the stateful phase: the other phases of the CLI run probe invented ids on purpose
        (their 404s), and negative cases are sent as generated.
        """
        if not _positive(case) or not _stateful(case):
            return
        for name, creator in PATH_CREATORS.items():
            value = (case.path_parameters or {}).get(name)
            known = self.created[creator]
            if value is not None and value not in self.ever_created and known:
                assert case.path_parameters is not None
                case.path_parameters[name] = known[-1]

    def walk_with_read_etags(self, case: Case[Any]) -> None:
        """In a stateful walk, make a *positive* step's `If-Match` an `ETag` the client read.

        Links carry the `ETag` of the response they follow; where Schemathesis leaves it out, it
        invents one, which is rightly a 412, so that step never reaches the success path. An
        `If-Match` that is no `ETag` the client read (nor `*`) is left out, as a client that read
        none would; a stale one a link supplied is kept (and rightly a 412). Stateful phase only;
        negative cases are sent as generated.
        """
        if not _positive(case) or not _stateful(case):
            return
        if case.headers and "If-Match" in case.headers:
            if_match = case.headers["If-Match"]
            if if_match != "*" and if_match not in self.etags:
                del case.headers["If-Match"]
