"""Retries with exponential backoff and full jitter, as httpx transports.

Retrying inside the transport means every generated operation, sync or async, gets the same rules
without wrapping each one, and a retried request is the very same `httpx.Request`: same body, same
`Idempotency-Key`.

What is retried: a connection that could not be made (the request never left, so any method);
and, for GET, HEAD, OPTIONS, PUT, DELETE, and POST carrying an `Idempotency-Key`, a connection lost
mid-request, a timeout, or a 429 / 503 answer. A POST without a key gets one here, generated once
per logical call, so its retries replay instead of booking twice. PATCH is not retried once sent.

The time budget (`RetryPolicy.max_elapsed`) is kept by cutting each attempt's httpx timeouts
(`request.extensions["timeout"]`: connect, read, write, pool) to what is left of it when the
attempt starts, and by starting no retry that would have less than `min_attempt_time` left.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from ._errors import transport_error
from ._retry_after import retry_after_seconds

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Errors raised before a byte of the request reached the server: safe to retry for any method.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Errors after which the server may or may not have acted: retried only when that is harmless.
_MAYBE_SENT = (httpx.NetworkError, httpx.TimeoutException, httpx.RemoteProtocolError)


@dataclass(frozen=True)
class RetryPolicy:
    """How a client retries. `RetryPolicy(max_attempts=1)` turns retries off.

    The wait before retry n (n = 1, 2, ...) is `Retry-After` when the server sent one, else a
    random time in [0, min(max_backoff, initial_backoff * 2 ** (n - 1))] ("full jitter", so that
    many clients do not retry in step).

    `max_elapsed` is the time budget of one call, retries and waits included, counted from when
    the first attempt starts:

    - every attempt, the first too, has its timeouts (connect, read, write, pool) cut to the
      budget left when it starts, so no single wait on the network outlasts the budget;
    - a retry is made only if, after its wait, at least `min_attempt_time` seconds of the budget
      are left (a `Retry-After` too long for the budget ends the call at once).

    So a call to a server that does not answer, or answers slowly, ends within `max_elapsed`
    (plus scheduling jitter). httpx applies each timeout to one network operation (connecting,
    sending, each read of the response), not to the attempt as a whole: a server that keeps
    sending a byte now and then, or is slow both to accept and to answer, can hold the last
    attempt past `max_elapsed`.
    """

    max_attempts: int = 3
    initial_backoff: float = 0.5
    max_backoff: float = 8.0
    max_elapsed: float = 30.0
    min_attempt_time: float = 0.1
    retry_statuses: frozenset[int] = frozenset({429, 503})

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.max_elapsed <= 0:
            raise ValueError("max_elapsed must be positive")
        if self.min_attempt_time < 0:
            raise ValueError("min_attempt_time must not be negative")


class _Attempts:
    """The retry decisions for one logical request (shared by the sync and async transports)."""

    def __init__(self, policy: RetryPolicy, request: httpx.Request, clock: Callable[[], float]):
        self.policy = policy
        self.clock = clock
        self.started = clock()
        self.attempt = 1
        self.request = request
        # The caller's timeouts, which each attempt gets at most (None: no limit).
        self.timeouts: dict[str, float | None] = dict(
            request.extensions.get("timeout") or httpx.Timeout(None).as_dict()
        )
        method = request.method.upper()
        if method == "POST" and "Idempotency-Key" not in request.headers:
            request.headers["Idempotency-Key"] = str(uuid.uuid4())
        self.replayable = method in IDEMPOTENT_METHODS or "Idempotency-Key" in request.headers

    def start(self) -> None:
        """Fit this attempt's timeouts into what is left of the budget; call before each attempt."""
        # A wait that overslept can leave nothing (or less): a millisecond is the floor.
        left = max(0.001, self.policy.max_elapsed - (self.clock() - self.started))
        self.request.extensions["timeout"] = {
            name: left if limit is None else min(limit, left)
            for name, limit in self.timeouts.items()
        }

    def after_error(self, error: Exception) -> float | None:
        """Seconds to wait before retrying after a transport error, or None to give up."""
        if isinstance(error, _NOT_SENT) or (self.replayable and isinstance(error, _MAYBE_SENT)):
            return self._next_wait(None)
        return None

    def after_response(self, response: httpx.Response) -> float | None:
        """Seconds to wait before retrying after this response, or None to return it."""
        if response.status_code not in self.policy.retry_statuses or not self.replayable:
            return None
        return self._next_wait(retry_after_seconds(response.headers.get("Retry-After")))

    def _next_wait(self, retry_after: float | None) -> float | None:
        if self.attempt >= self.policy.max_attempts:
            return None
        if retry_after is None:
            ceiling = self.policy.initial_backoff * 2 ** (self.attempt - 1)
            wait = random.uniform(0, min(self.policy.max_backoff, ceiling))  # noqa: S311 - jitter
        else:
            wait = retry_after
        elapsed = self.clock() - self.started
        if elapsed + wait + self.policy.min_attempt_time > self.policy.max_elapsed:
            return None
        self.attempt += 1
        return wait


class RetryTransport(httpx.BaseTransport):
    """Wraps a sync transport with the retry rules of a `RetryPolicy`."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._inner, self._policy, self._sleep, self._clock = inner, policy, sleep, clock

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, retrying as the policy allows."""
        attempts = _Attempts(self._policy, request, self._clock)
        while True:
            attempts.start()
            try:
                response = self._inner.handle_request(request)
                # Read the body here, so that a connection lost mid-body is retried like one
                # lost before the headers, and ends as an SDK error too (the SDK never streams).
                response.read()
            except httpx.TransportError as error:
                wait = attempts.after_error(error)
                if wait is None:
                    raise transport_error(error, request) from error
            else:
                wait = attempts.after_response(response)
                if wait is None:
                    return response
                response.close()
            self._sleep(wait)

    def close(self) -> None:
        """Close the wrapped transport."""
        self._inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps an async transport with the retry rules of a `RetryPolicy`."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._inner, self._policy, self._clock = inner, policy, clock

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send `request`, retrying as the policy allows."""
        attempts = _Attempts(self._policy, request, self._clock)
        while True:
            attempts.start()
            try:
                response = await self._inner.handle_async_request(request)
                await response.aread()  # see RetryTransport
            except httpx.TransportError as error:
                wait = attempts.after_error(error)
                if wait is None:
                    raise transport_error(error, request) from error
            else:
                wait = attempts.after_response(response)
                if wait is None:
                    return response
                await response.aclose()
            await asyncio.sleep(wait)

    async def aclose(self) -> None:
        """Close the wrapped transport."""
        await self._inner.aclose()
