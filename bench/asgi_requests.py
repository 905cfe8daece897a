"""Requests sent straight to an ASGI app, for the in-process cost benchmarks
(`rate_limit_overhead.py`, `telemetry_overhead.py`): no socket and no HTTP parser, so what is
left is the app's own time."""

from __future__ import annotations

from typing import Any

Message = dict[str, Any]


async def receive(body: bytes = b"") -> Message:
    """The whole request body, in one message."""
    return {"type": "http.request", "body": body, "more_body": False}


async def ignore(_message: Any) -> None:
    """A `send` that drops what the app answers."""
    return None


def http_scope(
    method: str, path: str, key: str, content_type: bytes | None = None, client: int = 1
) -> Message:
    """An ASGI HTTP scope with `key` as the bearer key, from client address number `client`."""
    headers = [(b"host", b"bench"), (b"authorization", f"Bearer {key}".encode())]
    if content_type is not None:
        headers.append((b"content-type", content_type))
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": (f"10.0.{client // 256}.{client % 256}", 40000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }


async def call(app: Any, scope: Message, body: bytes = b"") -> list[Message]:
    """Run one request through `app` (with a fresh `state`, as uvicorn gives each); its messages."""
    messages: list[Message] = []

    async def send(message: Any) -> None:
        messages.append(message)

    await app(dict(scope, state={}), lambda: receive(body), send)
    return messages
