"""`RequestSpanMiddleware`: one OpenTelemetry server span per request, when tracing is on.

The span is current while the app runs, so the statements' spans (`db.statement_spans`) are its
children. It starts as the method (the route is not known yet) and is named, once the app has
routed the request, by the spec operationId (`request_metrics.operation_of`); a request that
matched no route keeps the method, as OpenTelemetry's HTTP conventions say.

Attributes: `http.request.method`, `http.route` (the route's template, never the path: a client
may put a phone or a name in it, see `access_log`), `http.response.status_code`,
`patient_tracker.request_id` (set by `web.request_ids` in `scope["state"]`) and, when an
exception escaped, `error.type` (its class; never its message, which may quote patient data:
no exception event is recorded). Never the query string, headers or bodies. A 5xx marks the span
failed; a 4xx does not (the server did what it should).

Not opentelemetry-instrumentation-asgi: it records the full URL (`url.query`: phones and names)
and starts spans of its own for every `send` and `receive`.

Tracing off, this middleware is not installed at all (`web.telemetry`).
"""

from __future__ import annotations

from opentelemetry.trace import Span, SpanKind, Status, StatusCode, Tracer
from starlette.types import ASGIApp, Receive, Scope, Send

from patient_tracker.kit.metrics import UNMATCHED
from patient_tracker.web.access_log import route_template
from patient_tracker.web.request_metrics import operation_of
from patient_tracker.web.response_status import ResponseStatus

__all__ = ["REQUEST_ID_ATTRIBUTE", "RequestSpanMiddleware"]

REQUEST_ID_ATTRIBUTE = "patient_tracker.request_id"


class RequestSpanMiddleware:
    """Pure ASGI, like the other middleware of `web`."""

    def __init__(self, app: ASGIApp, *, tracer: Tracer) -> None:
        self.app = app
        self.tracer = tracer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        method: str = scope["method"]
        observed = ResponseStatus(send)
        with self.tracer.start_as_current_span(
            method,
            kind=SpanKind.SERVER,
            attributes={"http.request.method": method},
            record_exception=False,
            set_status_on_exception=False,
        ) as span:
            raised = True
            try:
                await self.app(scope, receive, observed.send)
                raised = False
            except BaseException as error:
                span.set_attribute("error.type", type(error).__qualname__)
                raise
            finally:
                _describe(span, scope, observed.final(raised))


def _describe(span: Span, scope: Scope, status: int) -> None:
    """Name the span and give it what is known once the app has answered."""
    operation = operation_of(scope)
    if operation != UNMATCHED:
        span.update_name(operation)
        span.set_attribute("http.route", route_template(scope))
    span.set_attribute("http.response.status_code", status)
    state = scope.get("state")
    request_id = state.get("request_id") if isinstance(state, dict) else None
    if isinstance(request_id, str):
        span.set_attribute(REQUEST_ID_ATTRIBUTE, request_id)
    if status >= 500:
        span.set_status(Status(StatusCode.ERROR))
