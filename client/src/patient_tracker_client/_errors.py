"""Typed exceptions: every failure of an SDK call is a `PatientTrackerError`.

`ApiError` and its subclasses are built from the server's RFC 9457 problem+json bodies: by status
(`ConflictError`), and, for a documented problem `code`, by code (`PhoneTakenError`, a subclass
of `ConflictError`, generated from the spec into `_problem_errors.py`). `ApiConnectionError` /
`ApiTimeoutError` are the network failing, after the client's retries, with the httpx exception as
`__cause__`. An answer carries the request's id (`request_id`, from `Request-Id`, else the problem
body's `request_id`), and its message ends with it: `... (request_id: req_...)`, the id to quote
when asking about the call; a connection error has none.

Parsing is deliberately tolerant: a body that is not a problem (a proxy's HTML error page, an empty
503) still becomes an `ApiError` of the right class, by status, instead of a `KeyError` deep in
generated code.

The SDK's error handling is all here: the classes; which one an error response raises
(`error_from_response`: its problem code's class, else its status's); the response hooks that raise
it before generated code parses the body (`raise_for_problem`, on every tracker's httpx client);
`raise_for_result`, `unwrap`'s check of a generated `Response`; and `transport_error` for the retry
transport. The class per problem code is generated into `_problem_errors.py` (it subclasses the
status classes, so it is imported at the end of this module) and is reachable from here:
`_errors.PhoneTakenError`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, ClassVar

import httpx

from ._rate_limits import RateLimit, parse_rate_limits
from ._retry_after import retry_after_seconds
from .generated.models.problem import Problem
from .generated.response_headers import ResponseHeaders
from .generated.types import Response

__all__ = [
    "ApiConnectionError",
    "ApiError",
    "ApiTimeoutError",
    "BadRequestError",
    "ConflictError",
    "FieldProblem",
    "ForbiddenError",
    "NotFoundError",
    "NotModifiedError",
    "PatientTrackerError",
    "PreconditionFailedError",
    "RateLimitedError",
    "ServerError",
    "UnauthorizedError",
    "ValidationError",
]


class PatientTrackerError(Exception):
    """The base of every error the SDK raises for a call: `except PatientTrackerError`."""

    request_id: str | None = None
    """The `Request-Id` of the answer that raised this; `None` when no answer came (a connection
    error) or it carried none."""


def with_request_id(message: str, request_id: str | None) -> str:
    """`message`, ending with the request id when there is one (the form every error uses)."""
    return message if request_id is None else f"{message} (request_id: {request_id})"


class ApiConnectionError(PatientTrackerError):
    """No usable response: the connection failed or was lost, after the client's retries.

    `__cause__` is the httpx exception (`httpx.ConnectError`, `httpx.RemoteProtocolError`, ...).
    Whether the server acted on the request is unknown unless it never connected. No answer, so
    no `request_id`.
    """

    def __init__(self, message: str, *, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.request = request


class ApiTimeoutError(ApiConnectionError):
    """A timeout (connect, read, write or pool) ended the call, after the client's retries."""


def transport_error(error: httpx.TransportError, request: httpx.Request) -> ApiConnectionError:
    """The SDK's exception for an httpx transport failure of `request` (raise it `from error`)."""
    kind = ApiTimeoutError if isinstance(error, httpx.TimeoutException) else ApiConnectionError
    where = f"{request.method} {request.url.path}"
    return kind(f"{where}: {type(error).__name__}: {error}", request=request)


@dataclass(frozen=True)
class FieldProblem:
    """One offending field (`pointer`, a JSON Pointer into the body) or parameter (`parameter`)."""

    detail: str
    pointer: str | None = None
    parameter: str | None = None


class NotModifiedError(PatientTrackerError):
    """304: the resource still has the ETag sent as `if_none_match=`, so the copy you hold is
    current (`etag` is the resource's ETag).

    Raised by the methods that return a model (`tracker.patients.get(patient_id,
    if_none_match=tag)`), which have no model to return then; a `.raw` method returns the 304
    response (`status_code == 304`, `parsed` None) instead.
    """

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.etag: str | None = response.headers.get("ETag")
        self.request_id = response.headers.get("Request-Id")
        super().__init__(
            with_request_id(f"304 not modified: the ETag is still {self.etag}", self.request_id)
        )


class ApiError(PatientTrackerError):
    """The server answered with an error status (4xx or 5xx).

    `code` is the problem's stable machine-readable code (`not_found`, `phone_taken`, ...); an
    unknown code should be handled by `status`, as the API may add codes. `request_id` is the
    request's id (the `Request-Id` header, else the problem's `request_id`): quote it when you
    ask about the call; `str(error)` ends with it.
    """

    # The documented problem code a class stands for ("" for a status class that stands for none).
    problem_code: ClassVar[str] = ""

    def __init__(self, response: httpx.Response, problem: Mapping[str, Any]) -> None:
        self.response = response
        self.problem: Mapping[str, Any] = problem
        self.status: int = response.status_code
        self.code: str = text(problem.get("code")) or f"http_{response.status_code}"
        self.title: str = text(problem.get("title")) or response.reason_phrase
        self.detail: str = text(problem.get("detail"))
        self.errors: tuple[FieldProblem, ...] = _field_problems(problem.get("errors"))
        self.request_id = (
            response.headers.get("Request-Id") or text(problem.get("request_id")) or None
        )
        super().__init__(
            with_request_id(
                f"{self.status} {self.code}: {self.detail or self.title}", self.request_id
            )
        )

    @property
    def typed_headers(self) -> ResponseHeaders:
        """The error response's documented headers, typed (`www_authenticate` on a 401)."""
        return ResponseHeaders.parse(self.response.headers)

    @property
    def rate_limits(self) -> dict[str, RateLimit] | None:
        """`RateLimit-Policy` and `RateLimit`, parsed by policy (`parse_rate_limits`)."""
        return parse_rate_limits(self.response.headers)

    @property
    def current_status(self) -> str | None:
        """For `invalid_status_transition`: the appointment's status at the time."""
        value = self.problem.get("current_status")
        return value if isinstance(value, str) else None


class BadRequestError(ApiError):
    """400, 405, 413, 415 and other client errors without a class of their own."""


class UnauthorizedError(ApiError):
    """401: no API key, or an unknown or revoked one."""


class ForbiddenError(ApiError):
    """403: the API key lacks a scope the operation needs."""


class NotFoundError(ApiError):
    """404 `not_found`: nothing has that id (or a referenced id in the body names nothing)."""

    problem_code = "not_found"


class ConflictError(ApiError):
    """409: the request conflicts with the current state (phone taken, overlap, status move)."""


class PreconditionFailedError(ApiError):
    """412 `precondition_failed`: `If-Match` no longer matches; re-read the resource and decide
    again."""

    problem_code = "precondition_failed"


class ValidationError(ApiError):
    """422: a field or parameter breaks the schema or a rule; see `errors`."""


class RateLimitedError(ApiError):
    """429 `rate_limited`: the integration (or the client address) used its budget, and still had
    after the client's retries (which wait `Retry-After` each time); `retry_after` says how long
    to wait now, `rate_limits` which policy ran out (`remaining` 0)."""

    problem_code = "rate_limited"

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait (`Retry-After`), if it said."""

        return retry_after_seconds(self.response.headers.get("Retry-After"))


class ServerError(ApiError):
    """5xx: the server failed (or was unavailable after the client's retries)."""


# ---------------------------------------------------------------- status -> class
#
# The one status -> class mapping. The classes per documented problem code (spec:
# `x-problem-codes`) are generated from it into `_problem_errors.py` by client/generate.py, which
# reads this table and the two fallbacks below with `ast` (it cannot import the package it is
# generating into): `PhoneTakenError(ConflictError)`, so `except ConflictError` still catches it.
# A code whose class would be its status's class (`not_found` -> `NotFoundError`) gets none: the
# status class stands for it and names it in `problem_code`.

_BY_STATUS: dict[int, type[ApiError]] = {
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    412: PreconditionFailedError,
    422: ValidationError,
    429: RateLimitedError,
}
# The class of any other status: 500 and up, and below (400, 405, 413, 415, 431, 418, ...).
_OTHER_SERVER_ERROR: type[ApiError] = ServerError
_OTHER_CLIENT_ERROR: type[ApiError] = BadRequestError


def status_class(status: int) -> type[ApiError]:
    """The class of an error status, whatever its code."""
    kind = _BY_STATUS.get(status)
    if kind is None:
        kind = _OTHER_SERVER_ERROR if status >= 500 else _OTHER_CLIENT_ERROR
    return kind


def problem_body(content: bytes) -> Mapping[str, Any]:
    try:
        body = json.loads(content) if content else {}
    except ValueError:  # not JSON (UnicodeDecodeError is a ValueError too)
        return {}
    return body if isinstance(body, dict) else {}


def text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _field_problems(value: object) -> tuple[FieldProblem, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        FieldProblem(
            detail=text(item.get("detail")),
            pointer=item.get("pointer") if isinstance(item.get("pointer"), str) else None,
            parameter=item.get("parameter") if isinstance(item.get("parameter"), str) else None,
        )
        for item in value
        if isinstance(item, dict)
    )


# ---------------------------------------------------------------- which class an answer raises


def error_from_response(response: httpx.Response) -> ApiError:
    """The typed exception for an error response whose body has been read: the class of its
    problem code, or, for a code without one (or one that came with another status), the class
    of its status."""
    problem = problem_body(response.content)
    kind = status_class(response.status_code)
    by_code = _problem_errors.BY_CODE.get(text(problem.get("code")))
    if by_code is not None and issubclass(by_code, kind):
        kind = by_code
    return kind(response, problem)


def raise_for_problem(response: httpx.Response) -> None:
    """The response hook of a tracker's httpx client: an error status raises its `ApiError`.

    It runs before generated code sees the response, so an error never reaches its parser (which
    raises `KeyError` on a body that is not a problem) and every operation raises instead of
    returning a union.
    """
    if response.status_code >= 400:
        response.read()
        raise error_from_response(response)


async def araise_for_problem(response: httpx.Response) -> None:
    """`raise_for_problem` for the async httpx client."""
    if response.status_code >= 400:
        await response.aread()
        raise error_from_response(response)


def raise_for_result(response: Response[Any]) -> None:
    """`unwrap`'s check of a generated `Response`: `ApiError` for an error (a client without the
    tracker's hook gets here with one), `NotModifiedError` for a `304`."""
    status = response.status_code
    if status >= HTTPStatus.BAD_REQUEST or isinstance(response.parsed, Problem):
        raise error_from_response(_as_httpx(response))
    if status == HTTPStatus.NOT_MODIFIED:
        raise NotModifiedError(_as_httpx(response))


def _as_httpx(response: Response[Any]) -> httpx.Response:
    return httpx.Response(response.status_code, headers=response.headers, content=response.content)


# ---------------------------------------------------------------- one class per problem code
#
# Generated from the spec into `_problem_errors.py`, each a subclass of a status class above, so
# imported once those exist. The package imports this module before any other of its own
# (__init__.py), so `_problem_errors` always finds them here.

from . import _problem_errors  # noqa: E402
from ._problem_errors import *  # noqa: E402, F403

__all__ += _problem_errors.__all__
