"""RFC 9457 problem details: the one error base class and the responses that render it.

Every error the server sends, its own and the framework's, goes through `problem_response`, so every
4xx and 5xx is `application/problem+json` with the spec's `Problem` shape and a stable `code`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from annotated_types import MaxLen
from pydantic import BaseModel
from starlette.responses import Response

from patient_tracker.contract.api_models import AppointmentStatus, FieldError, Problem, RequestId
from patient_tracker.contract.spec_document import spec_dict

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_PREFIX = "urn:patient-tracker:problem:"
# What marks a value cut to fit its bound (the rule is in the spec's field descriptions): in
# text, the ellipsis; in `instance`, which must stay a URI reference, the ellipsis percent-encoded.
CUT_MARKER = "\u2026"
URI_CUT_MARKER = "%E2%80%A6"


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def max_length(model: type[BaseModel], field: str) -> int:
    """The spec's `maxLength` (or `maxItems`) of `model.field`, as the generator recorded it.

    Read from the generated model so the bound is written once, in spec/openapi.yaml.
    """
    for constraint in model.model_fields[field].metadata:
        if isinstance(constraint, MaxLen):
            return constraint.max_length
    raise LookupError(f"{model.__name__}.{field} has no maxLength in the spec")


def fit(text: str, bound: int, marker: str = CUT_MARKER) -> str:
    """`text` if it fits `bound` characters, else its start cut so that it plus `marker` fit.

    Lone surrogates (which JSON cannot carry) become U+FFFD, so the response always serializes.
    """
    text = _LONE_SURROGATE.sub("\ufffd", text)
    if len(text) <= bound:
        return text
    cut = text[: bound - len(marker)]
    if marker == URI_CUT_MARKER:
        # Never leave half a percent-escape before the marker: the result stays a URI reference.
        percent = cut.rfind("%", max(len(cut) - 2, 0))
        cut = cut if percent == -1 else cut[:percent]
    return cut + marker


_FIELD_ERROR_BOUNDS = {
    name: max_length(FieldError, name) for name in ("pointer", "parameter", "detail")
}
_PROBLEM_BOUNDS = {name: max_length(Problem, name) for name in ("title", "detail", "instance")}
MAX_ERRORS = max_length(Problem, "errors")


def field_error(
    *, pointer: str | None = None, parameter: str | None = None, detail: str
) -> FieldError:
    """A `FieldError` whose values, which may quote the request, are cut to the spec's bounds."""
    error = FieldError(detail=fit(detail, _FIELD_ERROR_BOUNDS["detail"]))
    if pointer is not None:
        error.pointer = fit(pointer, _FIELD_ERROR_BOUNDS["pointer"])
    if parameter is not None:
        error.parameter = fit(parameter, _FIELD_ERROR_BOUNDS["parameter"])
    return error


def _documented_problems() -> dict[str, tuple[int, str]]:
    """code -> (status, title), as the spec's `x-problem-codes` on `Problem` lists them."""
    listed: list[dict[str, Any]] = spec_dict()["components"]["schemas"]["Problem"][
        "x-problem-codes"
    ]
    return {str(entry["code"]): (int(entry["status"]), str(entry["title"])) for entry in listed}


DOCUMENTED_PROBLEMS = _documented_problems()


class ProblemError(Exception):
    """An error with a documented status, code and title; raised anywhere, rendered in one place.

    A subclass declares only its `code`; its `status` and `title` are read from the spec's
    `x-problem-codes`, so they are written once, there. A code the spec does not list fails at
    import, so the server cannot send a problem the contract does not document.
    """

    code: str = "internal_error"
    status: int = DOCUMENTED_PROBLEMS[code][0]
    title: str = DOCUMENTED_PROBLEMS[code][1]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "code" not in cls.__dict__:  # e.g. HttpStatusError, which sets its own per instance
            return
        try:
            cls.status, cls.title = DOCUMENTED_PROBLEMS[cls.code]
        except KeyError:
            raise TypeError(
                f"{cls.__name__}: problem code {cls.code!r} is not listed in the spec's"
                " `x-problem-codes` (components/schemas/Problem); add it there first"
            ) from None

    def __init__(
        self,
        detail: str,
        *,
        errors: Sequence[FieldError] = (),
        headers: Mapping[str, str] | None = None,
        current_status: AppointmentStatus | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = list(errors)
        self.headers = dict(headers or {})
        self.current_status = current_status


class MalformedJsonError(ProblemError):
    code = "malformed_json"


class UnauthenticatedError(ProblemError):
    code = "unauthenticated"


class InvalidApiKeyError(ProblemError):
    code = "invalid_api_key"


class InsufficientScopeError(ProblemError):
    code = "insufficient_scope"


class NotFoundError(ProblemError):
    code = "not_found"


class MethodNotAllowedError(ProblemError):
    code = "method_not_allowed"


class PreconditionFailedError(ProblemError):
    code = "precondition_failed"


class PayloadTooLargeError(ProblemError):
    code = "payload_too_large"


class RequestHeaderTooLargeError(ProblemError):
    # Answered by the HTTP protocol layer (slow_clients.py) before any route runs.
    code = "request_header_too_large"


class MalformedRequestError(ProblemError):
    """Bytes that are not an HTTP/1.1 request (answered by the HTTP protocol, before any app)."""

    code = "malformed_request"


class MethodNotImplementedError(ProblemError):
    """A method token HTTP does not know (answered by the HTTP protocol, before any app)."""

    code = "method_not_implemented"


class UnsupportedMediaTypeError(ProblemError):
    code = "unsupported_media_type"


class ValidationFailedError(ProblemError):
    code = "validation_failed"


class InvalidCursorError(ProblemError):
    code = "invalid_cursor"


class IdempotencyKeyReusedError(ProblemError):
    code = "idempotency_key_reused"


class HttpStatusError(ProblemError):
    """A status the framework raised that has no problem class of its own (never seen on our
    routes today): its code and title come from the status's reason phrase, e.g. `bad_request`."""

    def __init__(self, status: int, detail: str, *, headers: Mapping[str, str] | None = None):
        super().__init__(detail, headers=headers)
        if 400 <= status < 500:
            try:
                phrase = HTTPStatus(status).phrase
            except ValueError:  # a status without a registered reason phrase
                phrase = "Client error"
            self.status, self.title = status, phrase
            # `code` must match the spec's `^[a-z][a-z0-9_]*$`: "I'm a Teapot" -> i_m_a_teapot
            self.code = re.sub("[^a-z0-9]+", "_", self.title.lower()).strip("_")
        else:  # Anything else is the server's fault: the generic 500.
            self.status, self.code, self.title = 500, InternalError.code, InternalError.title


class InternalError(ProblemError):
    code = "internal_error"


# Seconds a client should wait before retrying after a 503: long enough for a pool to reconnect
# after a restart or failover, short enough not to stall a client for a blip.
RETRY_AFTER_SECONDS = 2


class DatabaseUnavailableError(ProblemError):
    """The database cannot serve the request now; always sent with `Retry-After` (the spec's
    `ServiceUnavailable` response)."""

    code = "database_unavailable"

    def __init__(self, detail: str) -> None:
        super().__init__(detail, headers={"Retry-After": str(RETRY_AFTER_SECONDS)})


class ServerBusyError(ProblemError):
    # Answered by the HTTP protocol layer (slow_clients.py) above the concurrency limit.
    code = "server_busy"


class RateLimitedError(ProblemError):
    """Over a rate limit (the spec's `RateLimited` response): always sent with `Retry-After`, in
    whole seconds, at least 1. The `RateLimit` fields of every policy checked are added to the
    response, this one's with `r=0`, by the web layer (`web/rate_limits.py`)."""

    code = "rate_limited"

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail, headers={"Retry-After": str(max(1, retry_after))})


def field_errors_detail(errors: Sequence[FieldError], noun: str) -> str:
    """`"2 fields are invalid."`-style summary for a validation problem."""
    return invalid_count_detail(len(errors), noun)


def invalid_count_detail(count: int, noun: str) -> str:
    """The same summary from a count, for callers that keep only the first `MAX_ERRORS` errors."""
    return f"{count} {noun}{'' if count == 1 else 's'} {'is' if count == 1 else 'are'} invalid."


def problem_response(error: ProblemError, instance: str, request_id: str) -> Response:
    """Render `error` as an `application/problem+json` response for the request path `instance`
    and the request `request_id` (the web layer's `request_id_of(scope)`)."""
    # Every value that may quote the request is fitted to its bound here, so no caller can make
    # an error response fail to render.
    problem = Problem(
        type=PROBLEM_TYPE_PREFIX + error.code,
        title=fit(error.title, _PROBLEM_BOUNDS["title"]),
        status=error.status,
        detail=fit(error.detail, _PROBLEM_BOUNDS["detail"]),
        code=error.code,
        instance=fit(instance, _PROBLEM_BOUNDS["instance"], URI_CUT_MARKER),
        request_id=RequestId(request_id),
    )
    if error.errors:
        problem.errors = error.errors[:MAX_ERRORS]
    if error.current_status is not None:
        problem.current_status = error.current_status
    return Response(
        content=problem.model_dump_json(),
        status_code=error.status,
        headers=error.headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )
