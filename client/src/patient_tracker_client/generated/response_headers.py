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
        201: (
            "ETag",
            "Idempotent-Replayed",
            "Location",
            "RateLimit",
            "RateLimit-Policy",
            "Request-Id",
        ),
        400: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        409: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        413: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        415: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "cancelAppointment": {
        200: ("ETag", "Idempotent-Replayed", "RateLimit", "RateLimit-Policy", "Request-Id"),
        400: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        409: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        413: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        415: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "checkInAppointment": {
        200: ("ETag", "Idempotent-Replayed", "RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        409: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "completeAppointment": {
        200: ("ETag", "Idempotent-Replayed", "RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        409: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "createPatient": {
        201: (
            "ETag",
            "Idempotent-Replayed",
            "Location",
            "RateLimit",
            "RateLimit-Policy",
            "Request-Id",
        ),
        400: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        409: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        413: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        415: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "createPractitioner": {
        201: (
            "ETag",
            "Idempotent-Replayed",
            "Location",
            "RateLimit",
            "RateLimit-Policy",
            "Request-Id",
        ),
        400: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        413: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        415: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "createWebhookEndpoint": {
        201: (
            "ETag",
            "Idempotent-Replayed",
            "Location",
            "RateLimit",
            "RateLimit-Policy",
            "Request-Id",
        ),
        400: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        413: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        415: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "deletePatient": {
        204: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        409: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "deletePractitioner": {
        204: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        409: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "deleteWebhookEndpoint": {
        204: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "getAppointment": {
        200: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        304: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "getEvent": {
        200: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "getHealth": {
        200: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
    },
    "getPatient": {
        200: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        304: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "getPractitioner": {
        200: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        304: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "getReadiness": {
        200: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "getWebhookEndpoint": {
        200: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        304: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "listAppointments": {
        200: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "listEvents": {
        200: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "listPatientAppointments": {
        200: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "listPatients": {
        200: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "listPractitioners": {
        200: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "listWebhookAttempts": {
        200: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "listWebhookEndpoints": {
        200: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "markAppointmentNoShow": {
        200: ("ETag", "Idempotent-Replayed", "RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        409: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "redeliverEvent": {
        202: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "rotateWebhookEndpointSecret": {
        200: ("ETag", "Idempotent-Replayed", "RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "updateAppointment": {
        200: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        400: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        409: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        413: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        415: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "updatePatient": {
        200: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        400: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        409: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        413: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        415: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "updatePractitioner": {
        200: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        400: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        413: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        415: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
    "updateWebhookEndpoint": {
        200: ("ETag", "RateLimit", "RateLimit-Policy", "Request-Id"),
        400: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        401: ("RateLimit", "RateLimit-Policy", "Request-Id", "WWW-Authenticate"),
        403: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        404: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        412: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        413: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        415: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        422: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        429: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
        500: ("RateLimit", "RateLimit-Policy", "Request-Id"),
        503: ("RateLimit", "RateLimit-Policy", "Request-Id", "Retry-After"),
    },
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
    ratelimit: str | None = None
    """RateLimit: What is left of each policy in `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers): the
remaining requests `r` and the seconds `t` until one more request's worth comes back (with
`r=0`, when a request fits again: the 429's `Retry-After`), e.g.
`"integration";r=117;t=1, "address";r=398;t=1`. Present whenever `RateLimit-Policy` is."""
    ratelimit_policy: str | None = None
    """RateLimit-Policy: The rate-limit policies that applied to this request (draft-ietf-httpapi-ratelimit-headers, a
structured-field list): `"integration"` (every key of one integration draws on one budget)
and, before authentication, `"address"` (per client address); each a token bucket of `q`
requests that fills from empty in `w` seconds (a request's worth back every `w / q` seconds),
e.g. `"integration";q=200;w=2, "address";q=400;w=2`.
Absent when no limit could be checked (the limiter's shared store is unreachable: the server
then serves without limits rather than refuse)."""
    request_id: str | None = None
    """Request-Id: The id of this request, on every response: quote it when you ask about a request (a support
ticket, a log search). Problem bodies carry it as `request_id`, and an event carries the id of
the request that caused it. The server makes a new one for each request; it adopts an inbound
`X-Request-Id` only when its operator has said it sits behind a trusted proxy, and only a
well-formed one."""
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
            ratelimit=_as_str(headers.get("RateLimit")),
            ratelimit_policy=_as_str(headers.get("RateLimit-Policy")),
            request_id=_as_str(headers.get("Request-Id")),
            retry_after=_as_int(headers.get("Retry-After")),
            www_authenticate=_as_str(headers.get("WWW-Authenticate")),
        )
