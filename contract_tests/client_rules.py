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

# A reschedule: the resulting times, old and new merged, follow the booking rules.
RESCHEDULE = "PATCH /v1/appointments/{appointment_id}"


def _moving_both_ends(body: dict[str, Any]) -> None:
    """A reschedule sends `start_at` and `end_at` together: a client moving only one end does not
    know where the other one is, and a merge that ends before it starts is rightly a 422."""
    start, end = body.get("start_at"), body.get("end_at")
    if isinstance(start, str) and end is None and "end_at" not in body:
        body["end_at"] = (datetime.fromisoformat(start.upper()) + timedelta(minutes=30)).isoformat()
    elif isinstance(end, str) and "start_at" not in body:
        body["start_at"] = (datetime.fromisoformat(end.upper()) - timedelta(minutes=30)).isoformat()


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
        _obeying_the_booking_rules(case.body)


# Which operation creates what a body field refers to.
REFERENCE_CREATORS = {
    "patient_id": "POST /v1/patients",
    "practitioner_id": "POST /v1/practitioners",
}


class KnownResources:
    """The patients and practitioners a client has created and not deleted, newest last."""

    def __init__(self, created: dict[str, list[str]] | None = None) -> None:
        self.created: dict[str, list[str]] = {
            creator: list((created or {}).get(creator, []))
            for creator in REFERENCE_CREATORS.values()
        }

    def record(self, case: Case[Any], response: Response) -> None:
        """Note what a 201 created, and forget what a 2xx DELETE deleted."""
        label = case.operation.label
        if label in self.created and response.status_code == 201:
            self.created[label].append(response.json()["id"])
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
        if case.meta is None or case.meta.generation.mode is not GenerationMode.POSITIVE:
            return
        if not isinstance(case.body, dict):
            return
        for field, creator in REFERENCE_CREATORS.items():
            known = self.created[creator]
            if field in case.body and known and case.body[field] not in known:
                case.body[field] = known[-1]
