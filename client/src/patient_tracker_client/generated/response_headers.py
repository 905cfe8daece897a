# Generated from spec/openapi.yaml by client/generate.py (nox -s generate). Do not edit.
"""The response headers spec/openapi.yaml documents (`responses.*.headers`), typed.

`ResponseHeaders.parse(response.headers)`: one optional attribute per documented header, `None`
when the response does not carry it (or carries a value its schema does not allow).
`DOCUMENTED` lists, per operationId and status, the headers the spec documents there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

DOCUMENTED: Mapping[str, Mapping[int, tuple[str, ...]]] = {
    "bookAppointment": {
        201: ("ETag", "Idempotent-Replayed", "Location"),
        401: ("WWW-Authenticate",),
        503: ("Retry-After",),
    },
    "cancelAppointment": {
        200: ("ETag", "Idempotent-Replayed"),
        401: ("WWW-Authenticate",),
        503: ("Retry-After",),
    },
    "checkInAppointment": {
        200: ("ETag", "Idempotent-Replayed"),
        401: ("WWW-Authenticate",),
        503: ("Retry-After",),
    },
    "completeAppointment": {
        200: ("ETag", "Idempotent-Replayed"),
        401: ("WWW-Authenticate",),
        503: ("Retry-After",),
    },
    "createPatient": {
        201: ("ETag", "Idempotent-Replayed", "Location"),
        401: ("WWW-Authenticate",),
        503: ("Retry-After",),
    },
    "createPractitioner": {
        201: ("ETag", "Idempotent-Replayed", "Location"),
        401: ("WWW-Authenticate",),
        503: ("Retry-After",),
    },
    "createWebhookEndpoint": {
        201: ("ETag", "Idempotent-Replayed", "Location"),
        401: ("WWW-Authenticate",),
        503: ("Retry-After",),
    },
    "deletePatient": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "deletePractitioner": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "deleteWebhookEndpoint": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "getAppointment": {200: ("ETag",), 401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "getEvent": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "getPatient": {200: ("ETag",), 401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "getPractitioner": {200: ("ETag",), 401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "getReadiness": {503: ("Retry-After",)},
    "getWebhookEndpoint": {200: ("ETag",), 401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "listAppointments": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "listEvents": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "listPatientAppointments": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "listPatients": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "listPractitioners": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "listWebhookAttempts": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "listWebhookEndpoints": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "markAppointmentNoShow": {
        200: ("ETag", "Idempotent-Replayed"),
        401: ("WWW-Authenticate",),
        503: ("Retry-After",),
    },
    "redeliverEvent": {401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "rotateWebhookEndpointSecret": {
        200: ("ETag", "Idempotent-Replayed"),
        401: ("WWW-Authenticate",),
        503: ("Retry-After",),
    },
    "updateAppointment": {200: ("ETag",), 401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "updatePatient": {200: ("ETag",), 401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "updatePractitioner": {200: ("ETag",), 401: ("WWW-Authenticate",), 503: ("Retry-After",)},
    "updateWebhookEndpoint": {200: ("ETag",), 401: ("WWW-Authenticate",), 503: ("Retry-After",)},
}


def _as_str(value: str | None) -> str | None:
    return value


def _as_bool(value: str | None) -> bool | None:
    if value is None:
        return None
    return {"true": True, "false": False}.get(value.strip().lower())


def _as_int(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().isdigit() else None


def _as_float(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


@dataclass(frozen=True)
class ResponseHeaders:
    """The documented headers of one response."""

    etag: str | None = None
    """ETag: The version of the resource, to send back in `If-Match`."""
    idempotent_replayed: bool | None = None
    """Idempotent-Replayed: `true` when this response is a replay of an earlier request with the same `Idempotency-Key`."""
    location: str | None = None
    """Location: The URL path of the created resource."""
    retry_after: int | None = None
    """Retry-After: Seconds to wait before retrying (RFC 9110, section 10.2.3; always a number of seconds here, never a date)."""
    www_authenticate: str | None = None
    """WWW-Authenticate: The authentication scheme to use (`Bearer`), with the error when a key was given."""

    @classmethod
    def parse(cls, headers: Mapping[str, str]) -> ResponseHeaders:
        """From a response's headers (`httpx.Headers`: names are matched case-insensitively)."""
        return cls(
            etag=_as_str(headers.get("ETag")),
            idempotent_replayed=_as_bool(headers.get("Idempotent-Replayed")),
            location=_as_str(headers.get("Location")),
            retry_after=_as_int(headers.get("Retry-After")),
            www_authenticate=_as_str(headers.get("WWW-Authenticate")),
        )
