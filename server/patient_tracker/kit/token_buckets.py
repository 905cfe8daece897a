"""Token buckets: where the rate limits' counts are kept, in process or in Redis.

Our own code, not a library's, because none does this job well here (docs/design.md, "Rate
limits", has the measurements): `limits` (5.8, the newest) has no token bucket, only windows, and
its moving window, the closest to a bucket, keeps an entry per request, so its cost grows with a
client's rate (the API served 0.67-0.72x of itself without limits); its O(1) sliding window
counter still cost 0.78-0.86x, most of it in the layers around two storage calls.

A bucket holds `burst` requests and gets one back every `interval` seconds. It is kept as one
number, its *theoretical arrival time* (`tat`, the generic cell rate algorithm of ATM networks and
of Redis' own redis-cell): the moment the bucket will be full again. A request is let through when
taking one more leaves the bucket at most `window = burst x interval` seconds short of full, and
then moves `tat` on by `interval`. So there is nothing to sweep for a bucket that is full (no
entry), nothing that grows with the rate, and a count is a few float operations in process, or
one round trip to Redis (a script: read, decide and write in one atomic step, on Redis' clock, so
that every process and machine agrees).

Both stores answer `take(key, interval, window) -> (allowed, debt)`: `debt` is how many seconds
the bucket is short of full, after this request if it was allowed, before it if it was refused.
`kit/rate_limits.py` turns that into what the headers say.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["MemoryBuckets", "RedisBuckets"]

SWEEP_SECONDS = 1.0
"""How often the in-process store forgets its full buckets (at most; when it is counting)."""

# Floats: one request's worth of `interval`s added up may land a hair over `window`.
_EPSILON = 1e-9


class MemoryBuckets:
    """The buckets of one process, in a dict (one budget per worker process).

    No lock: the event loop runs one count at a time, and a count never awaits.
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock  # a test's own clock, to move time in steps it chooses
        self._tats: dict[str, float] = {}
        self._sweep_at = 0.0

    def take(self, key: str, interval: float, window: float) -> tuple[bool, float]:
        now = self._clock()
        tat = self._tats.get(key, now)
        if tat < now:
            tat = now
        debt = tat + interval - now
        if debt > window + _EPSILON:
            return False, tat - now
        self._tats[key] = tat + interval
        if now >= self._sweep_at:
            self._sweep(now)
        return True, debt

    def _sweep(self, now: float) -> None:
        # A bucket whose `tat` has passed is full: the same as no entry. Once a second, so that the
        # dict holds the keys of the last few windows only (an address that sent one request and
        # left is forgotten), at the cost of one pass over it.
        self._sweep_at = now + SWEEP_SECONDS
        self._tats = {key: tat for key, tat in self._tats.items() if tat > now}

    def __len__(self) -> int:
        return len(self._tats)


# KEYS[1]: the bucket; ARGV[1]: interval, ARGV[2]: window, both in microseconds. Returns
# {1 if allowed else 0, debt in microseconds}. Times are whole microseconds: exact in Lua's
# doubles (2^53 us is 285 years), written with `string.format` because Lua's own conversion of a
# number to a string keeps 14 digits; the key expires when the bucket is full again.
_TAKE_SCRIPT = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000000 + tonumber(clock[2])
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local debt = tat + interval - now
if debt > tonumber(ARGV[2]) then return {0, tat - now} end
redis.call('SET', KEYS[1], string.format('%.0f', tat + interval), 'PX', math.ceil(debt / 1000))
return {1, debt}
"""


class RedisBuckets:
    """The buckets in Redis: one budget for every process and machine that uses it.

    Errors are the caller's to handle (redis-py's `RedisError`, or `OSError`); `kit/rate_limits.py`
    serves without limits while the store fails.
    """

    def __init__(self, redis: Redis, key_prefix: str) -> None:
        self._redis = redis
        # redis-py sends the script by its SHA and loads it again when Redis has forgotten it (a
        # restart): one round trip a count.
        self._take = redis.register_script(_TAKE_SCRIPT)
        self._prefix = key_prefix + ":"

    async def take(self, key: str, interval: float, window: float) -> tuple[bool, float]:
        answer: Any = await self._take(
            keys=[self._prefix + key],
            args=[round(interval * 1_000_000), round(window * 1_000_000)],
        )
        allowed, debt = answer
        return bool(allowed), int(debt) / 1_000_000

    async def aclose(self) -> None:
        await self._redis.aclose()
