"""`RequestIdMiddleware`: every request gets an id, and every response says which.

The outermost layer of the app, so that every answer the app gives carries `Request-Id`: its
operations', its problems' (401, 404, 405, 422, 429, 500...) and the docs'. Answers rendered below
the app, by the HTTP protocol (431, 400 `malformed_request`, 501, 503 `server_busy`), make their
own id in `web.slow_clients`.

The id is kept in three places, each for its readers: `scope["state"]["request_id"]` for the
web layer (problem bodies, the access log, traces), the response header, and
`kit.request_ids.current_request_id` for the event log, which records the request that caused
each event. An inbound `X-Request-Id` is adopted only with `behind_proxy` set, and only if well
formed; otherwise it is ignored (not refused: a client that sends one has done nothing wrong).
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from patient_tracker.kit.request_ids import current_request_id, is_well_formed, new_request_id

__all__ = ["RequestIdMiddleware", "request_id_of"]

_INBOUND = b"x-request-id"
_HEADER = b"request-id"
_STATE_KEY = "request_id"


def request_id_of(scope: Scope) -> str:
    """The id of the request `scope` describes (a fresh one if the middleware did not run)."""
    state = scope.get("state")
    found = state.get(_STATE_KEY) if isinstance(state, dict) else None
    return found if isinstance(found, str) else new_request_id()


def _inbound(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == _INBOUND:
            candidate = value.decode("latin-1")
            return candidate if is_well_formed(candidate) else None
    return None


class RequestIdMiddleware:
    """Pure ASGI (a wrapped `send`, ~1 us), like the other middleware of `web`."""

    def __init__(self, app: ASGIApp, *, adopt_inbound: bool) -> None:
        self.app = app
        self.adopt_inbound = adopt_inbound

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = (self.adopt_inbound and _inbound(scope)) or new_request_id()
        # uvicorn gives every request its own copy of the lifespan state as `scope["state"]`.
        scope.setdefault("state", {})[_STATE_KEY] = request_id
        header = (_HEADER, request_id.encode("ascii"))

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), header]
            await send(message)

        token = current_request_id.set(request_id)
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            current_request_id.reset(token)
