"""`RateLimitMiddleware`: the client address's budget before anything runs, and the `RateLimit`
fields of every policy checked on every response.

Each request is counted against its client address (`scope["client"]`: the peer, or with
`behind_proxy` the address uvicorn took from `X-Forwarded-For`) before the app routes it or
authenticates it; over the budget it gets the 429 `rate_limited` problem without running the app.
Otherwise the request goes on with its `RequestLimits` in the scope, where authentication adds
the integration's check (`auth/route.py`). Whatever answers, success or problem (401s and 429s
included), carries `RateLimit-Policy` and `RateLimit` for every policy that was checked; none
when none could be (the shared store unreachable: `kit/rate_limits.py`). A request without a
client address (a Unix socket without a proxy) has no address budget.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from patient_tracker.kit.rate_limits import SCOPE_KEY, RateLimiter, RequestLimits
from patient_tracker.web.problem_handlers import render

__all__ = ["RateLimitMiddleware"]


class RateLimitMiddleware:
    """Pure ASGI, like the other middleware of `web`."""

    def __init__(self, app: ASGIApp, *, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limits = RequestLimits(self.limiter)
        scope[SCOPE_KEY] = limits

        async def send_with_limits(message: Message) -> None:
            if message["type"] == "http.response.start" and limits.outcomes:
                message["headers"] = [*message.get("headers", ()), *limits.header_fields()]
            await send(message)

        client = scope.get("client")
        if client:
            refused = await limits.check_address(client[0])
            if refused is not None:
                await render(refused, scope)(scope, receive, send_with_limits)
                return
        await self.app(scope, receive, send_with_limits)
