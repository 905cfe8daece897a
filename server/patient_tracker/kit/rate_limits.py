"""Rate limits: a budget per integration and one per client address, counted with `limits`.

Two policies, named as the spec's `RateLimit-Policy` names them:

- `"address"`: every request, counted by the client's address before anything else runs (the
  web layer's `RateLimitMiddleware`), so that a flood of unknown keys is refused before it costs
  a key lookup;
- `"integration"`: every request whose key is known, counted by the key's integration right after
  authentication (`auth/route.py`), so that all the keys of one integration draw on one budget.

`limits` has no token bucket. A bucket of burst B refilling at R per second is approximated by
a moving window: at most B requests in any B / R seconds (a whole number of seconds, `Settings`
checks it), the same burst and long-run rate. Its two storage calls are made directly
(`acquire_entry`, then `get_moving_window` for what is left): the strategy class around them,
and the sliding window counter, cost twice as much per request (docs/design.md, "Rate limits",
has the measurements).

The counters live in process (`limits`' asyncio memory storage: one budget per worker process)
or, with `rate_limit_storage=redis://...`, in Redis (one budget for every process using it).
When the store fails (Redis down, unreachable, too slow), requests are served without limits and
without RateLimit headers rather than refused: the store is skipped for `BREAK_SECONDS`, then
one request tries it again; a warning is logged at most every `WARN_EVERY_SECONDS`.
"""

from __future__ import annotations

import logging
import math
import time
from typing import Any

from limits.aio.storage import MovingWindowSupport, RedisStorage
from limits.errors import StorageError
from limits.storage import MemoryStorage

from patient_tracker.contract.problems import RateLimitedError
from patient_tracker.kit import metrics
from patient_tracker.settings import Settings

__all__ = [
    "SCOPE_KEY",
    "Outcome",
    "Policy",
    "RateLimiter",
    "RequestLimits",
]

logger = logging.getLogger("patient_tracker.rate_limits")

SCOPE_KEY = "patient_tracker.rate_limits"
"""Where the web layer leaves a request's `RequestLimits` in its ASGI scope (absent: no limits)."""

STORE_TIMEOUT_SECONDS = 0.25
"""How long a shared store has to connect or answer (Redis answers in well under a millisecond)."""
BREAK_SECONDS = 1.0
"""After a store error, how long requests skip the store before one tries it again."""
WARN_EVERY_SECONDS = 30.0
"""At most one warning this often while the store keeps failing."""
SWEEP_SECONDS = 1.0
"""How often the memory storage may sweep its expired counters (see `_sweep_at_most_every`)."""

_STORE_ERRORS = (StorageError, OSError)


class Policy:
    """One budget: its name in the headers, `quota` requests in any `window` seconds."""

    __slots__ = ("field", "key_prefix", "name", "quota", "subject", "window")

    def __init__(self, name: str, subject: str, per_second: float, burst: int) -> None:
        self.name = name
        self.subject = subject  # how the 429's detail names who used the budget up
        self.quota = burst
        self.window = round(burst / per_second)  # whole seconds (`Settings` checks it)
        self.key_prefix = name + "/"  # its counters' keys: the policy, then whose
        # Its entry in `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers).
        self.field = f'"{name}";q={self.quota};w={self.window}'


class Outcome:
    """A policy checked for one request: whether it let the request through, what is left, and
    in how many seconds the oldest request counted leaves the window, so that there is room for
    one more (at least 1, at most the window)."""

    __slots__ = ("allowed", "policy", "remaining", "reset")

    def __init__(self, policy: Policy, allowed: bool, remaining: int, reset: int) -> None:
        self.policy = policy
        self.allowed = allowed
        self.remaining = remaining
        self.reset = reset

    @property
    def field(self) -> str:
        """Its entry in `RateLimit`."""
        return f'"{self.policy.name}";r={self.remaining};t={self.reset}'

    def refusal(self) -> RateLimitedError:
        """The 429 for a request this policy refused."""
        policy, wait = self.policy, self.reset
        return RateLimitedError(
            f"{policy.subject} has made more than {policy.quota} requests in "
            f"{_seconds(policy.window)}; retry in {_seconds(wait)}.",
            retry_after=wait,
        )


def _seconds(count: int) -> str:
    return f"{count} second{'' if count == 1 else 's'}"


class RateLimiter:
    """The two policies of one server process over its store (see the module docstring)."""

    def __init__(self, settings: Settings) -> None:
        self.integration = Policy(
            "integration",
            "This integration",
            settings.rate_limit_per_second,
            settings.rate_limit_burst,
        )
        self.address = Policy(
            "address",
            "This client address",
            settings.address_rate_limit_per_second,
            settings.address_rate_limit_burst,
        )
        self._pool: Any = None
        self._memory: MemoryStorage | None = None
        self._storage = self._open(settings)
        # The circuit breaker: while `monotonic() < _skip_until` the store is not asked.
        self._skip_until = 0.0
        self._probing = False  # one request is trying the store again; the others skip it
        self._warned_at = -math.inf

    def _open(self, settings: Settings) -> MovingWindowSupport | None:
        url = settings.rate_limit_storage
        if url is None:
            # In process, the synchronous storage: a dict and a lock, no I/O, so nothing to
            # await; its asyncio twin adds an asyncio lock and two awaits per call (measured:
            # ~+14 us a request for the two policies; docs/design.md, "Rate limits").
            self._memory = MemoryStorage()
            _sweep_at_most_every(self._memory, SWEEP_SECONDS)
            return None
        # Imported only when configured; redis-py is `limits`' asyncio Redis client here (its
        # `implementation="redispy"`).
        from redis.asyncio import ConnectionPool
        from redis.asyncio.retry import Retry
        from redis.backoff import NoBackoff
        from redis.exceptions import ConnectionError as RedisConnectionError

        # Short timeouts, and no retry but one at once on a broken connection (a Redis that
        # restarted): redis-py's default retries three times with up to seconds of backoff, which
        # would hold every request while Redis is away.
        self._pool = ConnectionPool.from_url(
            url,
            socket_timeout=STORE_TIMEOUT_SECONDS,
            socket_connect_timeout=STORE_TIMEOUT_SECONDS,
            retry=Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
        )
        options: dict[str, Any] = {"connection_pool": self._pool}
        return RedisStorage(
            "async+" + url,
            wrap_exceptions=True,
            implementation="redispy",
            key_prefix=settings.rate_limit_key_prefix,
            **options,
        )

    async def check(self, policy: Policy, identifier: str) -> Outcome | None:
        """Count one request of `identifier` against `policy`; `None` when the store could not be
        asked (the request then goes on without this limit)."""
        key, quota, window = policy.key_prefix + identifier, policy.quota, policy.window
        if self._memory is not None:  # cannot fail: no breaker
            allowed = self._memory.acquire_entry(key, quota, window)
            oldest, counted = self._memory.get_moving_window(key, quota, window)
            return _outcome(policy, allowed, oldest, counted)
        assert self._storage is not None
        probe = False
        if self._skip_until:
            if self._probing or time.monotonic() < self._skip_until:
                return None
            self._probing = probe = True
        try:
            allowed = await self._storage.acquire_entry(key, quota, window)
            oldest, counted = await self._storage.get_moving_window(key, quota, window)
        except _STORE_ERRORS as error:
            self._failed(error)
            return None
        finally:
            if probe:  # answered, failed or cancelled: the next request may try again
                self._probing = False
        if probe:
            self._recovered()
        return _outcome(policy, allowed, oldest, counted)

    def _failed(self, error: Exception) -> None:
        now = time.monotonic()
        self._skip_until = now + BREAK_SECONDS
        if now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            # The error's type only: its message may name the store's address.
            logger.warning(
                "rate limits suspended: the rate-limit store failed (%s); serving without limits "
                "and without RateLimit headers, trying the store again every %g s",
                type(error.__cause__ or error).__name__,
                BREAK_SECONDS,
            )

    def _recovered(self) -> None:
        self._skip_until = 0.0
        logger.info("rate limits resumed: the rate-limit store answers again")

    async def aclose(self) -> None:
        """Close the connections to a shared store (at shutdown)."""
        if self._pool is not None:
            await self._pool.disconnect()


def _outcome(policy: Policy, allowed: bool, oldest: float, counted: int) -> Outcome:
    """What the store said, as an `Outcome`: `oldest` is the time of the oldest request counted
    in the window (the window opens again for one more when it leaves)."""
    window = policy.window
    reset = min(max(1, math.ceil(oldest + window - time.time())), window)
    return Outcome(policy, allowed, max(0, policy.quota - counted), reset)


class RequestLimits:
    """What one request was checked against, for its response's `RateLimit` fields."""

    __slots__ = ("limiter", "outcomes")

    def __init__(self, limiter: RateLimiter) -> None:
        self.limiter = limiter
        self.outcomes: list[Outcome] = []

    async def check_address(self, address: str) -> RateLimitedError | None:
        """Count the request against its client address's budget; the 429 if it is used up."""
        outcome = await self.limiter.check(self.limiter.address, address)
        if outcome is None:
            return None
        self.outcomes.append(outcome)
        if outcome.allowed:
            return None
        metrics.record_rate_limited("address")
        return outcome.refusal()

    async def enforce_integration(self, integration_id: str) -> None:
        """Count the request against its integration's budget; raise the 429 if it is used up."""
        outcome = await self.limiter.check(self.limiter.integration, integration_id)
        if outcome is None:
            return
        self.outcomes.insert(0, outcome)  # the spec's order: integration, then address
        if not outcome.allowed:
            metrics.record_rate_limited("integration")
            raise outcome.refusal()

    def header_fields(self) -> list[tuple[bytes, bytes]]:
        """`RateLimit-Policy` and `RateLimit` for every policy checked (none if none was)."""
        if not self.outcomes:
            return []
        policies = ", ".join([outcome.policy.field for outcome in self.outcomes])
        states = ", ".join([outcome.field for outcome in self.outcomes])
        return [
            (b"ratelimit-policy", policies.encode("ascii")),
            (b"ratelimit", states.encode("ascii")),
        ]


_SCHEDULE_SWEEP = "_MemoryStorage__schedule_expiry"


def _sweep_at_most_every(storage: MemoryStorage, seconds: float) -> None:
    """Let `storage` sweep its expired entries at most every `seconds`.

    `limits`' memory storage schedules a sweep at every count: a `threading.Timer` 10 ms later, a
    new thread each time the last one has run, which walks every key it holds under each key's
    lock (a thread start and lock contention with the event loop, ~100 times a second under
    load). Swept once a second instead, a key's list keeps up to a second of expired entries more,
    which changes no count: both calls read the entries' timestamps. The hook is the storage's
    private method (`limits` is pinned; `server/tests/test_rate_limits.py` fails if it
    disappears).
    """
    sweep = getattr(storage, _SCHEDULE_SWEEP)
    next_sweep = 0.0

    def sweep_now_and_then() -> None:
        nonlocal next_sweep
        now = time.monotonic()
        if now >= next_sweep:
            next_sweep = now + seconds
            sweep()

    setattr(storage, _SCHEDULE_SWEEP, sweep_now_and_then)
