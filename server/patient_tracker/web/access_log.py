"""One log line per request, without patient data.

Uvicorn's access log prints the query string, which carries phone numbers and names
(`?phone=...`, `?name_prefix=...`). This logs the method, the matched route's template
(`/v1/patients/{patient_id}`, never the raw path: a client may put a phone or a name in it), the
status, the duration and the request id (`web.request_ids`, the outer layer, has set it). A
request that matched no route is logged as `UNMATCHED_PATH`.

A client that disconnected before the request was read gets no response; its line shows status
499 ("client closed request", nginx's convention), never 500.
"""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Receive, Scope, Send

from patient_tracker.web.response_status import ResponseStatus

logger = logging.getLogger("patient_tracker.access")

UNMATCHED_PATH = "<unmatched>"
"""Logged instead of the path of a request that matched no route (a 404)."""


def route_template(scope: Scope) -> str:
    """The template of the route that served this request, or `UNMATCHED_PATH`.

    Starlette's router stores the matched route in `scope["route"]` (for a 405, the route whose
    path matched), so this is known once the app has routed the request.
    """
    route = scope.get("route")
    template = getattr(route, "path_format", None) or getattr(route, "path", None)
    return template if isinstance(template, str) else UNMATCHED_PATH


class AccessLogMiddleware:
    """Pure ASGI (no `BaseHTTPMiddleware`, which costs a task and a queue per request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not logger.isEnabledFor(logging.INFO):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        observed = ResponseStatus(send)
        raised = True
        try:
            await self.app(scope, receive, observed.send)
            raised = False
        finally:
            logger.info(
                "%s %s %d %.1fms request_id=%s",
                scope["method"],
                route_template(scope),
                observed.final(raised),
                (time.perf_counter() - started) * 1000,
                scope["state"]["request_id"],
            )
