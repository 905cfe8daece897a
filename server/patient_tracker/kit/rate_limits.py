"""Rate limits: a token bucket per integration and one per client address.

Two policies, named as the spec's `RateLimit-Policy` names them:

- `"address"`: every request, counted by the client's address before anything else runs (the
  web layer's `RateLimitMiddleware`), so that a flood of unknown keys is refused before it costs
  a key lookup;
- `"integration"`: every request whose key is known, counted by the key's integration right after
  authentication (`auth/route.py`), so that all the keys of one integration draw on one budget.

Each is a token bucket of `burst` requests refilling at `per_second` (`kit/token_buckets.py`,
which says why it is ours and not `limits`'). Its `RateLimit-Policy` entry states it as a quota
`q` (the burst) per window `w` (the time the bucket takes to fill from empty, a whole number of
seconds: `Settings` checks it).

The buckets live in process (one budget per worker process) or, with
`rate_limit_storage=redis://...`, in Redis (one budget for every process using it). When the
store fails (Redis down, unreachable, too slow), requests are served without limits and without
RateLimit headers rather than refused: the store is skipped for `BREAK_SECONDS`, then one request
tries it again; a warning is logged at most every `WARN_EVERY_SECONDS`.
"""

from __future__ import annotations

import logging
import math
import time

from redis.exceptions import RedisError

from patient_tracker.contract.problems import RateLimitedError
from patient_tracker.kit import metrics
from patient_tracker.kit.token_buckets import MemoryBuckets, RedisBuckets
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

_STORE_ERRORS = (RedisError, OSError)


class Policy:
    """One budget: its name in the headers, a bucket of `quota` requests that fills from empty in
    `window` seconds (one request back every `interval`)."""

    __slots__ = (
        "field",
        "field_bytes",
        "interval",
        "key_prefix",
        "name",
        "quota",
        "subject",
        "window",
    )

    def __init__(self, name: str, subject: str, per_second: float, burst: int) -> None:
        self.name = name
        self.subject = subject  # how the 429's detail names who used the budget up
        self.quota = burst
        self.window = round(burst / per_second)  # whole seconds (`Settings` checks it)
        # From the window as stated, so that what the headers say is what is enforced.
        self.interval = self.window / burst
        self.key_prefix = name + "/"  # its buckets' keys: the policy, then whose
        # Its entry in `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers).
        self.field = f'"{name}";q={self.quota};w={self.window}'
        self.field_bytes = self.field.encode("ascii")

    def outcome(self, allowed: bool, debt: float) -> Outcome:
        """What a bucket's answer (`token_buckets`: allowed, and how many seconds it is short of
        full) means for the headers; waits in whole seconds, rounded up, at least 1."""
        interval = self.interval
        if not allowed:
            # One request's worth comes back when the debt is down to a window less one request.
            wait = math.ceil(debt + interval - self.window - _EPSILON)
            return Outcome(self, False, 0, wait if wait > 1 else 1)
        # Requests' worth missing from the bucket, this one included, counting a part as whole.
        missing = math.ceil(debt / interval - _EPSILON)
        # The next one comes back when the debt is down to one request's worth less.
        wait = math.ceil(debt - (missing - 1) * interval - _EPSILON)
        remaining = self.quota - missing
        return Outcome(self, True, remaining if remaining > 0 else 0, wait if wait > 1 else 1)


# Floats: a debt of exactly N requests' worth may come out a hair over N.
_EPSILON = 1e-9


class Outcome:
    """A policy checked for one request: whether it let the request through, what is left, and
    in how many seconds one more request's worth comes back (at least 1; for a refused request,
    when it may be retried)."""

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
            f"{policy.subject} has used up its rate limit ({policy.quota} requests at once, then "
            f"{policy.quota / policy.window:g} a second); retry in {_seconds(wait)}.",
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
        # Both policies' entries in `RateLimit-Policy`, in the spec's order: the header of every
        # authenticated request, made once.
        self.both_fields = b", ".join([self.integration.field_bytes, self.address.field_bytes])
        self._memory: MemoryBuckets | None = None
        self._shared: RedisBuckets | None = None
        if settings.rate_limit_storage is None:
            self._memory = MemoryBuckets()
        else:
            self._shared = _redis_buckets(
                settings.rate_limit_storage, settings.rate_limit_key_prefix
            )
        # The circuit breaker: while `monotonic() < _skip_until` the store is not asked.
        self._skip_until = 0.0
        self._probing = False  # one request is trying the store again; the others skip it
        self._warned_at = -math.inf

    @property
    def in_process(self) -> bool:
        """Whether the buckets are this process's own (`check_now`), not a shared store's."""
        return self._memory is not None

    def check_now(self, policy: Policy, identifier: str) -> Outcome:
        """`check` for buckets in process: it cannot fail (no breaker), and has nothing to await,
        so it is no coroutine (one less a check, on every request)."""
        assert self._memory is not None
        key = policy.key_prefix + identifier
        return policy.outcome(*self._memory.take(key, policy.interval, policy.window))

    async def check(self, policy: Policy, identifier: str) -> Outcome | None:
        """Count one request of `identifier` against `policy`; `None` when the store could not be
        asked (the request then goes on without this limit)."""
        if self._memory is not None:
            return self.check_now(policy, identifier)
        key = policy.key_prefix + identifier
        assert self._shared is not None
        probe = False
        if self._skip_until:
            if self._probing or time.monotonic() < self._skip_until:
                return None
            self._probing = probe = True
        try:
            allowed, debt = await self._shared.take(key, policy.interval, policy.window)
        except _STORE_ERRORS as error:
            self._failed(error)
            return None
        finally:
            if probe:  # answered, failed or cancelled: the next request may try again
                self._probing = False
        if probe:
            self._recovered()
        return policy.outcome(allowed, debt)

    def _failed(self, error: Exception) -> None:
        now = time.monotonic()
        self._skip_until = now + BREAK_SECONDS
        if now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            # The error's type only: its message may name the store's address.
            logger.warning(
                "rate limits suspended: the rate-limit store failed (%s); serving without limits "
                "and without RateLimit headers, trying the store again every %g s",
                type(error).__name__,
                BREAK_SECONDS,
            )

    def _recovered(self) -> None:
        self._skip_until = 0.0
        logger.info("rate limits resumed: the rate-limit store answers again")

    async def aclose(self) -> None:
        """Close the connections to a shared store (at shutdown)."""
        if self._shared is not None:
            await self._shared.aclose()


def _redis_buckets(url: str, key_prefix: str) -> RedisBuckets:
    # Imported only when configured.
    from redis.asyncio import Redis
    from redis.asyncio.retry import Retry
    from redis.backoff import NoBackoff
    from redis.exceptions import ConnectionError as RedisConnectionError

    # Short timeouts, and no retry but one at once on a broken connection (a Redis that
    # restarted): redis-py's default retries three times with up to seconds of backoff, which
    # would hold every request while Redis is away.
    redis = Redis.from_url(
        url,
        socket_timeout=STORE_TIMEOUT_SECONDS,
        socket_connect_timeout=STORE_TIMEOUT_SECONDS,
        retry=Retry(NoBackoff(), 1, supported_errors=(RedisConnectionError,)),
    )
    return RedisBuckets(redis, key_prefix)


class RequestLimits:
    """What one request was checked against, for its response's `RateLimit` fields."""

    __slots__ = ("limiter", "outcomes")

    def __init__(self, limiter: RateLimiter) -> None:
        self.limiter = limiter
        self.outcomes: list[Outcome] = []

    async def check_address(self, address: str) -> RateLimitedError | None:
        """Count the request against its client address's budget; the 429 if it is used up."""
        limiter = self.limiter
        if limiter.in_process:
            outcome: Outcome | None = limiter.check_now(limiter.address, address)
        else:
            outcome = await limiter.check(limiter.address, address)
        if outcome is None:
            return None
        self.outcomes.append(outcome)
        if outcome.allowed:
            return None
        metrics.record_rate_limited("address")
        return outcome.refusal()

    async def enforce_integration(self, integration_id: str) -> None:
        """Count the request against its integration's budget; raise the 429 if it is used up."""
        limiter = self.limiter
        if limiter.in_process:
            outcome: Outcome | None = limiter.check_now(limiter.integration, integration_id)
        else:
            outcome = await limiter.check(limiter.integration, integration_id)
        if outcome is None:
            return
        self.outcomes.insert(0, outcome)  # the spec's order: integration, then address
        if not outcome.allowed:
            metrics.record_rate_limited("integration")
            raise outcome.refusal()

    def header_fields(self) -> list[tuple[bytes, bytes]]:
        """`RateLimit-Policy` and `RateLimit` for every policy checked (none if none was)."""
        outcomes = self.outcomes
        if not outcomes:
            return []
        if len(outcomes) == 1:
            policies, states = outcomes[0].policy.field_bytes, outcomes[0].field
        else:  # both, integration first
            policies, states = self.limiter.both_fields, f"{outcomes[0].field}, {outcomes[1].field}"
        return [(b"ratelimit-policy", policies), (b"ratelimit", states.encode("ascii"))]
