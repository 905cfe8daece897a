"""`RequestMetricsMiddleware`: counts every request and times it, by spec operation.

Records `patient_tracker_requests_total{operation, status_class}` and
`patient_tracker_request_duration_seconds{operation}` (`kit.metrics`). The operation is the
operationId of the route the request was routed to (`operation_of`), known once the app has run;
`unmatched` when no route matched. Status as in the access log (`web.response_status`): 500 when
an exception escaped, 499 (a 4xx) when the client went away before any response.

Cost on the hot path (measured, docs/design.md "Metrics and traces"): a wrapped `send`, two
clock reads, a dict lookup and two metric updates. The labelled children are looked up once per
(operation, status class) and kept, so `labels()` (a lock and a dict of its own) runs only the
first time.
"""

from __future__ import annotations

import time

from prometheus_client import Counter, Histogram
from starlette.types import ASGIApp, Receive, Scope, Send

from patient_tracker.kit import metrics
from patient_tracker.web.response_status import ResponseStatus

__all__ = ["RequestMetricsMiddleware", "operation_of"]

_STATUS_CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")


def operation_of(scope: Scope) -> str:
    """The spec operationId of the route that served this request, or `metrics.UNMATCHED`.

    The binder gives every route it binds its operation's id (`operations.bind_operations`), and
    the router leaves the matched route in `scope["route"]`. Routes that are no operation of the
    spec (the spec document, the docs pages) are named by their route name; a fixed set either way.
    """
    route = scope.get("route")
    name = getattr(route, "operation_id", None) or getattr(route, "name", None)
    return name if isinstance(name, str) else metrics.UNMATCHED


def _status_class(status: int) -> str:
    return _STATUS_CLASSES[status // 100 - 1] if 100 <= status < 600 else "5xx"


class RequestMetricsMiddleware:
    """Pure ASGI, like `access_log.AccessLogMiddleware`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        # (id of the matched route, status) -> the labelled counter and histogram children to
        # update. By the route's identity (routes are unhashable; they live as long as the app,
        # as this middleware does), so a hit reads none of its attributes. None: unmatched.
        self._children: dict[tuple[int, int], tuple[Counter, Histogram]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        observed = ResponseStatus(send)
        raised = True
        try:
            await self.app(scope, receive, observed.send)
            raised = False
        finally:
            elapsed = time.perf_counter() - started
            self._record(scope, observed.final(raised), elapsed)

    def _record(self, scope: Scope, status: int, elapsed: float) -> None:
        key = (id(scope.get("route")), status)
        children = self._children.get(key)
        if children is None:
            operation = operation_of(scope)
            children = self._children[key] = (
                metrics.REQUESTS.labels(operation, _status_class(status)),
                metrics.REQUEST_DURATION.labels(operation),
            )
        counter, histogram = children
        counter.inc()
        histogram.observe(elapsed)
