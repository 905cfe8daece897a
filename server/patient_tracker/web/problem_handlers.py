"""Turns every error, the framework's included, into a documented problem response."""

from __future__ import annotations

import logging
import traceback
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from patient_tracker.contract.api_models import FieldError
from patient_tracker.contract.problems import (
    MAX_ERRORS,
    HttpStatusError,
    InternalError,
    MethodNotAllowedError,
    NotFoundError,
    ProblemError,
    ValidationFailedError,
    field_error,
    invalid_count_detail,
    problem_response,
)
from patient_tracker.web.access_log import route_template
from patient_tracker.web.methods import allowed_methods
from patient_tracker.web.request_ids import request_id_of

logger = logging.getLogger("patient_tracker.errors")

_PARAMETER_LOCATIONS = frozenset({"query", "path", "header"})


def _field_errors(errors: list[dict[str, Any]]) -> list[FieldError]:
    result: list[FieldError] = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        message = str(error.get("msg", "Invalid value."))
        if location and location[0] in _PARAMETER_LOCATIONS and len(location) > 1:
            result.append(field_error(parameter=location[1], detail=message))
        else:
            body_path = location[1:] if location and location[0] == "body" else location
            pointer = "".join("/" + p.replace("~", "~0").replace("/", "~1") for p in body_path)
            result.append(field_error(pointer=pointer, detail=message))
    return result


def request_path(scope: Scope) -> str:
    """The path as the client sent it (percent-encoded), fit for the problem's `instance`."""
    raw = scope.get("raw_path")
    if isinstance(raw, bytes):
        return raw.decode("ascii", "replace").split("?", 1)[0]
    return str(scope.get("path", ""))


def render(error: ProblemError, scope: Scope) -> Response:
    """`error` as the problem+json answer to the request `scope` describes."""
    return problem_response(error, request_path(scope), request_id_of(scope))


async def _on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProblemError)
    return render(exc, request.scope)


async def _on_request_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(error.get("loc", ("",))[0] == "path" for error in errors):
        # An id that breaks the id bounds cannot name a resource.
        return render(NotFoundError("No resource has that id."), request.scope)
    # Only the first MAX_ERRORS are built (thousands of unknown parameters fit in a URL); all count.
    field_errors = _field_errors(errors[:MAX_ERRORS])
    # `MISSING` (an absent `parameter`) is truthy: test for a string.
    noun = "parameter" if all(isinstance(e.parameter, str) for e in field_errors) else "field"
    problem = ValidationFailedError(invalid_count_detail(len(errors), noun), errors=field_errors)
    return render(problem, request.scope)


async def _on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 405:
        # Starlette's `Allow` names only the first matching route's methods, so ask every route;
        # at a mount (the docs' StaticFiles) no route matches, and the mount's own `Allow` is right.
        allowed = allowed_methods(request.scope)
        allow = ", ".join(allowed) if allowed else (exc.headers or {}).get("Allow", "")
        error: ProblemError = MethodNotAllowedError(
            f"{request.method} is not allowed here; use {allow}.", headers={"Allow": allow}
        )
    elif exc.status_code == 404:
        error = NotFoundError("No operation is at this path.")
    else:  # Starlette raises no other HTTPException on our routes; keep the status regardless.
        error = HttpStatusError(exc.status_code, str(exc.detail), headers=exc.headers)
    return render(error, request.scope)


def install_problem_handlers(app: FastAPI) -> None:
    """Register the handlers that render every error as problem+json."""
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_request_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)


class UnexpectedErrorMiddleware:
    """Answers an unhandled exception with a 500 problem that reveals nothing, and logs it safely.

    Starlette's own 500 handler re-raises after responding, so uvicorn logs the exception message,
    which can quote request data (pydantic messages include input values). Here only the
    exception's type and traceback are logged, never its message.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except ClientDisconnect:
            _log_client_disconnect(scope)
            return
        except Exception as exc:
            logger.error(
                "unhandled %s on %s %s request_id=%s\n%s",
                type(exc).__qualname__,
                scope.get("method"),
                route_template(scope),
                request_id_of(scope),
                "".join(traceback.format_tb(exc.__traceback__)),
            )
            if started:
                raise
            response = render(
                InternalError("An unexpected error occurred. It has been logged."), scope
            )
            await response(scope, receive, send)


def _log_client_disconnect(scope: Scope) -> None:
    """A client that went away before its body was read (or sent a body the parser rejected,
    after which uvicorn closes the connection) is not a server error: nothing can be answered,
    so nothing is sent and the access log records status 499 (access_log.py)."""
    logger.info(
        "client disconnected before the request was read: %s %s request_id=%s",
        scope.get("method"),
        route_template(scope),
        request_id_of(scope),
    )
