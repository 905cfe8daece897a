"""The kit as an ASGI application, to serve it (`uvicorn`) or test it in process (Schemathesis'
`from_asgi`, Starlette's `TestClient`), with no dependency beyond the kit's own.

    from patient_tracker_client.testing import MockApi, asgi_app

    app = asgi_app(MockApi())            # uvicorn 'module:app', or in process:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)

Each HTTP request goes to the kit's transport, so it is checked, answered and recorded exactly as
one sent by an httpx client is (`kit.calls`, `kit.violations`). Like the server, the application
also serves its spec at `GET /openapi.json` (the spec the kit plays, as JSON; not an operation of
the spec, so it is neither checked nor recorded). A fault injected with `error=` cannot drop an
ASGI connection: the exception propagates to the server running the application.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from ._kit import MockApi

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SPEC_PATH = "/openapi.json"


def asgi_app(kit: MockApi) -> ASGIApp:
    """An ASGI 3 application whose every HTTP request the kit `kit` answers."""
    spec = json.dumps(kit.spec.document).encode()

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            raise ValueError(f"the test kit serves HTTP, not {scope['type']!r}")
        body = bytearray()
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        if scope["method"] == "GET" and scope["path"] == SPEC_PATH:
            headers = [(b"content-type", b"application/json")]
            await _respond(send, 200, headers, spec)
            return
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        query: bytes = scope.get("query_string", b"")
        url = httpx.URL(kit.base_url).copy_with(
            raw_path=raw_path + (b"?" + query if query else b"")
        )
        request = httpx.Request(
            scope["method"], url, headers=list(scope["headers"]), content=bytes(body)
        )
        response = await kit.handle_async_request(request)
        headers = [(name.lower(), value) for name, value in response.headers.raw]
        await _respond(send, response.status_code, headers, response.content)

    return app


async def _respond(
    send: Send, status: int, headers: list[tuple[bytes, bytes]], content: bytes
) -> None:
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": content})


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
