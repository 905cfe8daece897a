"""HEAD and OPTIONS on every path, answered from the route table; `allowed_methods` for `Allow`.

They are protocol, not operations (the spec's conventions say so; it lists no `head` or
`options` operations, which would double the SDK's surface for nothing), so they are answered
here rather than bound to handlers:

- `HEAD` runs the path's `GET`, authentication, rate limits and all, and sends its status and
  headers (`Content-Length` included) without the body (RFC 9110 section 9.3.2). A path with no
  `GET` gets the usual 405 problem, headers only.
- `OPTIONS` answers `204` with `Allow` listing the path's methods; a path that names no operation
  is the usual 404 problem. It needs no key: it tells nothing the spec does not.

Only these two methods pay anything: any other request passes straight through.
"""

from __future__ import annotations

from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["MethodsMiddleware", "allowed_methods"]

# The order `Allow` lists them in.
_ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(scope: Scope) -> list[str]:
    """Every method some route accepts at this request's path (empty when no route has the path,
    or only a mount such as the docs' static files, which answers for itself).

    Starlette's own 405 names only the first partially matching route's methods; here every route
    is asked, through the public `matches`, which tells a path match (`PARTIAL`: another method)
    from none.
    """
    methods: set[str] = set()
    for route in scope["app"].router.routes:
        route_methods = getattr(route, "methods", None)
        if route_methods and route.matches(scope)[0] is not Match.NONE:
            methods |= route_methods
    if not methods:
        return []
    if "GET" in methods:
        methods.add("HEAD")
    methods.add("OPTIONS")
    return [method for method in _ORDER if method in methods]


class MethodsMiddleware:
    """Pure ASGI; see the module docstring."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope.get("method")
        if scope["type"] != "http" or method not in ("HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        allowed = allowed_methods(scope)
        if method == "OPTIONS" and allowed:
            await _options(allowed, send)
        elif method == "HEAD" and "GET" in allowed:
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
        else:
            await self.app(scope, receive, send)


async def _options(allowed: list[str], send: Send) -> None:
    await send(
        {
            "type": "http.response.start",
            "status": 204,
            "headers": [(b"allow", ", ".join(allowed).encode("ascii"))],
        }
    )
    await send({"type": "http.response.body", "body": b""})


def _without_body(send: Send) -> Send:
    """`send` for a GET served as HEAD: the start as it is, then one empty last body message."""

    async def send_head(message: Message) -> None:
        if message["type"] != "http.response.body":
            await send(message)
        elif not message.get("more_body", False):
            await send({"type": "http.response.body", "body": b""})

    return send_head
