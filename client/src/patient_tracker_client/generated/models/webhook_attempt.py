# Generated from spec/openapi.yaml by openapi-python-client (nox -s generate). Do not edit.
from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="WebhookAttempt")


@_attrs_define
class WebhookAttempt:
    """One attempt to deliver an event to an endpoint.

    Attributes:
        id (str): An opaque identifier assigned by the server: letters, digits, `-` and `_`. Treat it as an
            opaque string; its form may change.
        event_id (str): The event's opaque id, unique across events. A delivery carries it as the `webhook-id`
            header too, and every retry or redelivery of the event carries the same id: receivers
            deduplicate by it.
        attempt (int): Which attempt of its series (a redelivery starts a new series at 1).
        started_at (datetime.datetime): An instant, RFC 3339, in UTC.
        duration_ms (int): How long it took, in milliseconds.
        status_code (int | None): The HTTP status the endpoint answered, or `null` when it did not answer.
        error (None | str): Why no status came back (`timeout`, `connection_failed`, `tls_failed`,
            `protocol_error`, `invalid_url`, `scheme_not_allowed`, `credentials_in_url`,
            `unresolvable`, `private_address`; more may be added), or `null`.
        next_attempt_at (datetime.datetime | None): When the next attempt is due, or `null` when none will follow.
    """

    id: str
    event_id: str
    attempt: int
    started_at: datetime.datetime
    duration_ms: int
    status_code: int | None
    error: None | str
    next_attempt_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        event_id = self.event_id

        attempt = self.attempt

        started_at = self.started_at.isoformat()

        duration_ms = self.duration_ms

        status_code: int | None
        status_code = self.status_code

        error: None | str
        error = self.error

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "event_id": event_id,
                "attempt": attempt,
                "started_at": started_at,
                "duration_ms": duration_ms,
                "status_code": status_code,
                "error": error,
                "next_attempt_at": next_attempt_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        event_id = d.pop("event_id")

        attempt = d.pop("attempt")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))

        duration_ms = d.pop("duration_ms")

        def _parse_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        status_code = _parse_status_code(d.pop("status_code"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        webhook_attempt = cls(
            id=id,
            event_id=event_id,
            attempt=attempt,
            started_at=started_at,
            duration_ms=duration_ms,
            status_code=status_code,
            error=error,
            next_attempt_at=next_attempt_at,
        )

        return webhook_attempt
