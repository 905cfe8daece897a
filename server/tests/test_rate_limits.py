"""Rate limits (`kit/rate_limits.py`, `web/rate_limits.py`, `auth/route.py`) over real sockets.

- One server on SQLite, its buckets in process, with small budgets (an integration 4 requests
  per 8 s, an address 16 per 8 s: slow enough to refill that a test's burst is not topped up
  while it runs): a burst over an integration's budget, each integration its own
  budget shared by its keys, the address's budget before authentication. Each test sends from a
  loopback address of its own (127.0.0.x), so that each has its own address budget.
- Two servers sharing the real Redis through a TCP proxy the test controls: one budget for both
  processes; Redis stopped, black-holed and back (served without limits, never a 500, never a
  long stall; then limited again); and the two servers started while nothing listened there.
- In process: the settings' checks; the token bucket's arithmetic on a clock the test moves; the
  in-process store forgetting full buckets; the Redis script against the real Redis.
"""

from __future__ import annotations

import asyncio
import re
import secrets
import threading
import time
from collections.abc import Coroutine, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from typing import Any, Literal, TypeVar
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from pydantic import ValidationError

from live_server import (
    LiveServer,
    free_port,
    prepare_database,
    reachable_redis_url,
    run_live_server,
)
from patient_tracker.auth.keys import create_key
from patient_tracker.auth.scopes import ALL_SCOPES
from patient_tracker.db.database import Database
from patient_tracker.kit import rate_limits, token_buckets
from patient_tracker.settings import Settings
from tests.api_client import UNKNOWN_ID

T = TypeVar("T")

WINDOW = 8
INTEGRATION_QUOTA = 4
ADDRESS_QUOTA = 16
SMALL_LIMITS = {
    "PATIENT_TRACKER_RATE_LIMIT_BURST": str(INTEGRATION_QUOTA),
    "PATIENT_TRACKER_RATE_LIMIT_PER_SECOND": str(INTEGRATION_QUOTA / WINDOW),
    "PATIENT_TRACKER_ADDRESS_RATE_LIMIT_BURST": str(ADDRESS_QUOTA),
    "PATIENT_TRACKER_ADDRESS_RATE_LIMIT_PER_SECOND": str(ADDRESS_QUOTA / WINDOW),
}
POLICIES = f'"integration";q={INTEGRATION_QUOTA};w={WINDOW}, "address";q={ADDRESS_QUOTA};w={WINDOW}'
ADDRESS_POLICY = f'"address";q={ADDRESS_QUOTA};w={WINDOW}'
UNKNOWN_KEY = "ptk_" + "x" * 43
# A request that fails over to "no limits" waits at most the store's timeouts (0.25 s, twice for a
# broken connection); far from what redis-py's default retries would cost (seconds).
STALL_BOUND_SECONDS = 1.5

# One member of a RateLimit or RateLimit-Policy list: a quoted name, then integer parameters.
_MEMBER = re.compile(r'"([a-z]+)"((?:;[a-z]+=\d+)+)')


def fields(value: str) -> dict[str, dict[str, int]]:
    """`"integration";r=3;t=1, "address";r=9;t=1` -> {"integration": {"r": 3, "t": 1}, ...},
    checking that the whole value is such a list."""
    parsed: dict[str, dict[str, int]] = {}
    for member in value.split(", "):
        match = _MEMBER.fullmatch(member)
        assert match is not None, value
        parsed[match[1]] = {
            name: int(number)
            for name, number in (part.split("=") for part in match[2].split(";")[1:])
        }
    return parsed


def sender(server: LiveServer, address: str, key: str | None = None) -> httpx.Client:
    """A client of `server` whose requests come from the loopback address `address`."""
    headers = {"Authorization": f"Bearer {key}"} if key is not None else {}
    return httpx.Client(
        base_url=server.base_url,
        headers=headers,
        timeout=30.0,
        transport=httpx.HTTPTransport(local_address=address),
    )


def add_key(server: LiveServer, integration: str) -> str:
    """A new key with every scope, of `integration` (created if new), in `server`'s database."""
    database = Database.from_url(server.database_url)
    try:
        _, plaintext = database.write_sync(
            lambda conn: create_key(conn, f"rate-limit test {integration}", ALL_SCOPES, integration)
        )
    finally:
        database.dispose()
    return plaintext


def assert_rate_limited(response: httpx.Response, policy: str) -> None:
    """A 429 `rate_limited` problem as the spec's `RateLimited` response describes it, `policy`'s
    budget used up: its `r` is 0 and `Retry-After` its `t`."""
    assert response.status_code == 429, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["code"] == "rate_limited"
    assert problem["type"] == "urn:patient-tracker:problem:rate_limited"
    assert problem["title"] == "Rate limit exceeded"
    assert problem["status"] == 429
    assert problem["request_id"] == response.headers["request-id"]
    assert "WWW-Authenticate" not in response.headers
    state = fields(response.headers["ratelimit"])[policy]
    retry_after = int(response.headers["retry-after"])
    assert 1 <= retry_after <= WINDOW
    assert state == {"r": 0, "t": retry_after}
    quota = INTEGRATION_QUOTA if policy == "integration" else ADDRESS_QUOTA
    subject = "This integration" if policy == "integration" else "This client address"
    assert problem["detail"] == (
        f"{subject} has used up its rate limit ({quota} requests at once, then "
        f"{quota / WINDOW:g} a second); retry in "
        f"{retry_after} second{'' if retry_after == 1 else 's'}."
    )


# ---------------------------------------------------------------- buckets in process


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server of its own on SQLite with small budgets, buckets in process."""
    directory = tmp_path_factory.mktemp("rate-limits")
    with run_live_server(
        f"sqlite:///{directory / 'live.db'}", directory, extra_env=SMALL_LIMITS
    ) as server:
        yield server


def test_a_burst_over_the_budget_gets_429s_until_it_refills(limited: LiveServer) -> None:
    key = add_key(limited, f"burst-{secrets.token_hex(4)}")
    with sender(limited, "127.0.0.2", key) as client:
        answers = [client.get("/v1/patients") for _ in range(INTEGRATION_QUOTA + 2)]

        passed, refused = answers[:INTEGRATION_QUOTA], answers[INTEGRATION_QUOTA:]
        for left, response in zip(range(INTEGRATION_QUOTA - 1, -1, -1), passed, strict=True):
            assert response.status_code == 200, response.text
            assert response.headers["ratelimit-policy"] == POLICIES
            state = fields(response.headers["ratelimit"])
            assert state["integration"]["r"] == left
            assert 1 <= state["integration"]["t"] <= WINDOW
            assert "retry-after" not in response.headers
        for response in refused:
            assert_rate_limited(response, "integration")
            assert response.headers["ratelimit-policy"] == POLICIES
        # Every request counts against the address, the refused ones too.
        address_left = [fields(r.headers["ratelimit"])["address"]["r"] for r in answers]
        assert address_left == list(range(ADDRESS_QUOTA - 1, ADDRESS_QUOTA - 1 - len(answers), -1))

        # The budget refills: after `Retry-After` there is room again, and refused requests
        # did not count.
        time.sleep(int(refused[-1].headers["retry-after"]))
        again = client.get("/v1/patients")
        assert again.status_code == 200, again.text
        assert "integration" in fields(again.headers["ratelimit"])


def test_each_integration_has_its_own_budget_shared_by_its_keys(limited: LiveServer) -> None:
    alpha_name = f"alpha-{secrets.token_hex(4)}"
    first, second = add_key(limited, alpha_name), add_key(limited, alpha_name)
    other = add_key(limited, f"beta-{secrets.token_hex(4)}")
    # A list, and a read by id (its key checked by the statement that reads: `keyed_read`).
    paths = {"/v1/patients": 200, f"/v1/patients/{UNKNOWN_ID}": 404}
    with ExitStack() as stack:
        alpha = [stack.enter_context(sender(limited, "127.0.0.3", key)) for key in (first, second)]
        beta = stack.enter_context(sender(limited, "127.0.0.3", other))
        # The two keys of `alpha` draw on one budget, taking turns, on both kinds of route.
        left = []
        for turn in range(INTEGRATION_QUOTA):
            path = list(paths)[turn // 2 % 2]
            response = alpha[turn % 2].get(path)
            assert response.status_code == paths[path], response.text
            left.append(fields(response.headers["ratelimit"])["integration"]["r"])
        assert left == list(range(INTEGRATION_QUOTA - 1, -1, -1))
        for client in alpha:
            for path in paths:
                assert_rate_limited(client.get(path), "integration")

        # `beta`'s budget is whole.
        response = beta.get("/v1/patients")
        assert response.status_code == 200, response.text
        assert fields(response.headers["ratelimit"])["integration"]["r"] == INTEGRATION_QUOTA - 1


def test_the_address_budget_applies_before_authentication(limited: LiveServer) -> None:
    with (
        sender(limited, "127.0.0.4", UNKNOWN_KEY) as flood,
        sender(limited, "127.0.0.4", limited.api_key) as same_address,
        sender(limited, "127.0.0.5", limited.api_key) as elsewhere,
    ):
        # Unknown keys: 401s, each counted against the address only (no integration is known).
        for left in range(ADDRESS_QUOTA - 1, -1, -1):
            response = flood.get("/v1/patients")
            assert response.status_code == 401, response.text
            assert response.headers["ratelimit-policy"] == ADDRESS_POLICY
            assert fields(response.headers["ratelimit"])["address"]["r"] == left
        # Then 429s, before any key is looked up: for unknown keys, a valid key and the
        # probes alike (every operation documents the 429).
        for response in (
            flood.get("/v1/patients"),
            same_address.get("/v1/patients"),
            same_address.get("/healthz"),
        ):
            assert_rate_limited(response, "address")
            assert response.headers["ratelimit-policy"] == ADDRESS_POLICY
        # Another address has a budget of its own.
        response = elsewhere.get("/v1/patients")
        assert response.status_code == 200, response.text
        assert fields(response.headers["ratelimit"])["address"]["r"] == ADDRESS_QUOTA - 1


def test_the_rate_limit_fields_are_on_every_answer(limited: LiveServer) -> None:
    with sender(limited, "127.0.0.6", limited.api_key) as client:
        answers = {
            "GET": client.get("/v1/patients"),
            "404": client.get("/v1/patients/no-such-id"),
            "422": client.get("/v1/patients", params={"limit": 0}),
            "HEAD": client.head("/v1/patients"),
            "OPTIONS": client.options("/v1/patients"),
            "probe": client.get("/readyz"),
        }
    for what, response in answers.items():
        assert response.status_code < 500, what
        assert "ratelimit-policy" in response.headers, what
        assert set(fields(response.headers["ratelimit"])) == set(
            fields(response.headers["ratelimit-policy"])
        ), what


# ---------------------------------------------------------------- one budget in Redis


class RedisProxy:
    """A TCP proxy on loopback to the test Redis, run on an event loop in a thread of its own:
    the test stops it (connections closed, nothing listening), black-holes it (connections
    accepted, nothing answered) and starts it again."""

    def __init__(self, redis_url: str) -> None:
        target = urlsplit(redis_url)
        self._upstream = (target.hostname or "127.0.0.1", target.port or 6379)
        self.port = free_port()
        # The test Redis's URL (its password and database too) with the proxy's address.
        userinfo = target.netloc.rsplit("@", 1)[0] + "@" if "@" in target.netloc else ""
        self.url = urlunsplit(target._replace(netloc=f"{userinfo}127.0.0.1:{self.port}"))
        self.mode: Literal["forward", "blackhole"] = "forward"
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=10)

    def listen(self, mode: Literal["forward", "blackhole"] = "forward") -> None:
        self.mode = mode
        self._run(self._listen())

    def stop(self) -> None:
        self._run(self._stop())

    def close(self) -> None:
        self._run(self._close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    async def _listen(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)

    async def _stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.close()
        for writer in list(self._writers):
            writer.close()
        self._writers.clear()
        if server is not None:
            await server.wait_closed()

    async def _close(self) -> None:
        await self._stop()
        tasks = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        if self.mode == "blackhole":
            try:
                while await reader.read(65536):
                    pass  # swallowed: no answer ever comes
            except OSError:
                pass
            finally:
                writer.close()
            return
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(*self._upstream)
        except OSError:
            writer.close()
            return
        self._writers.add(upstream_writer)
        await asyncio.gather(
            self._pipe(reader, upstream_writer), self._pipe(upstream_reader, writer)
        )

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()
            self._writers.discard(writer)


@dataclass
class SharedStore:
    """Two servers counting in the test Redis through `proxy`, and what the first answered when
    it started with nothing listening at the proxy's port."""

    proxy: RedisProxy
    servers: tuple[LiveServer, LiveServer]
    first_answer: httpx.Response
    first_answer_seconds: float
    logs_at_start: list[str]


def wait_for_limits(server: LiveServer, address: str, timeout: float = 10.0) -> None:
    """Wait until `server` sends RateLimit fields again (it tries its store every second)."""
    deadline = time.monotonic() + timeout
    with sender(server, address) as client:
        while time.monotonic() < deadline:
            if "ratelimit" in client.get("/healthz").headers:
                return
            time.sleep(0.1)
    raise AssertionError(f"no RateLimit fields within {timeout} s:\n{server.log()}")


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SharedStore]:
    redis_url = reachable_redis_url()
    directory = tmp_path_factory.mktemp("rate-limits-redis")
    database_url = f"sqlite:///{directory / 'shared.db'}"
    key = prepare_database(database_url)
    proxy = RedisProxy(redis_url)
    env = {
        **SMALL_LIMITS,
        # The address budget large (the readiness polls and the tests' requests share 127.0.0.1)
        # and slow to refill (a request's worth a second), so that what each request takes from
        # it shows.
        "PATIENT_TRACKER_ADDRESS_RATE_LIMIT_BURST": "1000",
        "PATIENT_TRACKER_ADDRESS_RATE_LIMIT_PER_SECOND": "1",
        "PATIENT_TRACKER_RATE_LIMIT_STORAGE": proxy.url,
        # Keys of their own in the shared Redis, whatever else uses it.
        "PATIENT_TRACKER_RATE_LIMIT_KEY_PREFIX": f"pt_test_{secrets.token_hex(6)}",
    }
    with ExitStack() as stack:
        stack.callback(proxy.close)
        # Nothing listens at the proxy's port yet: the servers must start and serve all the same.
        servers = (
            stack.enter_context(
                run_live_server(database_url, directory, api_key=key, extra_env=env)
            ),
            stack.enter_context(
                run_live_server(database_url, directory, api_key=key, extra_env=env)
            ),
        )
        started = time.monotonic()
        with sender(servers[0], "127.0.0.1", key) as client:
            first_answer = client.get("/v1/patients")
        first_answer_seconds = time.monotonic() - started
        logs_at_start = [server.log() for server in servers]
        proxy.listen()
        for server in servers:
            wait_for_limits(server, "127.0.0.1")
        yield SharedStore(proxy, servers, first_answer, first_answer_seconds, logs_at_start)


@pytest.mark.redis
def test_a_server_whose_redis_is_unreachable_starts_and_serves(shared_store: SharedStore) -> None:
    answer = shared_store.first_answer
    assert answer.status_code == 200, answer.text
    assert "ratelimit" not in answer.headers
    assert "ratelimit-policy" not in answer.headers
    assert shared_store.first_answer_seconds < STALL_BOUND_SECONDS
    for log in shared_store.logs_at_start:
        assert "rate limits suspended: the rate-limit store failed" in log
        assert "Traceback" not in log


@pytest.mark.redis
def test_two_processes_on_one_redis_share_one_budget(shared_store: SharedStore) -> None:
    key = add_key(shared_store.servers[0], f"shared-{secrets.token_hex(4)}")
    with ExitStack() as stack:
        # A new integration and a new address: nothing else has drawn on their budgets.
        clients = [
            stack.enter_context(sender(server, "127.0.0.7", key)) for server in shared_store.servers
        ]
        integration_left, address_left = [], []
        for turn in range(INTEGRATION_QUOTA):
            response = clients[turn % 2].get("/v1/patients")
            assert response.status_code == 200, response.text
            state = fields(response.headers["ratelimit"])
            integration_left.append(state["integration"]["r"])
            address_left.append(state["address"]["r"])
        assert integration_left == list(range(INTEGRATION_QUOTA - 1, -1, -1))
        assert address_left == sorted(address_left, reverse=True)
        assert len(set(address_left)) == len(address_left)
        # Used up on both processes.
        for client in clients:
            assert_rate_limited(client.get("/v1/patients"), "integration")


def timed_get(client: httpx.Client, path: str) -> tuple[httpx.Response, float]:
    started = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - started


def assert_served_without_limits(client: httpx.Client, seconds: float) -> None:
    """Requests for `seconds` (the breaker lets one through to the store every second): each
    answered, none over `STALL_BOUND_SECONDS`, none with RateLimit fields."""
    deadline = time.monotonic() + seconds
    count = 0
    while time.monotonic() < deadline or count < 5:
        response, elapsed = timed_get(client, "/v1/patients")
        assert response.status_code == 200, response.text
        assert elapsed < STALL_BOUND_SECONDS, elapsed
        assert "ratelimit" not in response.headers
        assert "ratelimit-policy" not in response.headers
        count += 1
        time.sleep(0.05)


@pytest.mark.redis
def test_without_redis_requests_are_served_without_limits_then_limited_again(
    shared_store: SharedStore,
) -> None:
    server, proxy = shared_store.servers[0], shared_store.proxy
    key = add_key(server, f"outage-{secrets.token_hex(4)}")
    with sender(server, "127.0.0.8", key) as client:
        assert "integration" in fields(client.get("/v1/patients").headers["ratelimit"])

        # Redis goes away (its connections closed, nothing listening): served, at once.
        proxy.stop()
        assert_served_without_limits(client, 1.5)

        # Redis black-holed (connections accepted, nothing answered): served, each request
        # waiting at most the store's timeouts, and most of them not at all (the breaker).
        proxy.listen("blackhole")
        assert_served_without_limits(client, 1.5)

        # Redis back: limited again.
        proxy.stop()
        proxy.listen()
        wait_for_limits(server, "127.0.0.8")
        response = client.get("/v1/patients")
        assert response.status_code == 200, response.text
        assert "integration" in fields(response.headers["ratelimit"])

    log = server.log()
    assert "rate limits resumed: the rate-limit store answers again" in log
    assert "Traceback" not in log
    assert " 500 " not in log


# ---------------------------------------------------------------- in process


def test_a_budget_must_span_whole_seconds() -> None:
    assert Settings(rate_limit_burst=6, rate_limit_per_second=2).rate_limit_burst == 6
    for settings in (
        {"rate_limit_burst": 5, "rate_limit_per_second": 2},  # 2.5 s
        {"address_rate_limit_burst": 100},  # 0.5 s at the default 200/s
        {"rate_limit_burst": 1, "rate_limit_per_second": 1 / 7200},  # 2 h
    ):
        with pytest.raises(ValidationError, match="whole number of seconds"):
            Settings(**settings)


def test_the_store_must_be_redis_and_its_url_is_never_echoed() -> None:
    with pytest.raises(ValidationError) as refused:
        Settings(rate_limit_storage="memcached://user:hunter2@cache:11211")
    assert "hunter2" not in str(refused.value)
    assert "must be a Redis URL" in str(refused.value)
    settings = Settings(rate_limit_storage="redis://:hunter2@cache:6379/1")
    assert settings.rate_limit_storage == "redis://:hunter2@cache:6379/1"
    assert "hunter2" not in repr(settings)
    assert Settings(rate_limit_storage="").rate_limit_storage is None


class FakeClock:
    """A clock for `token_buckets.MemoryBuckets`, moved by the test."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def headers_of(outcome: rate_limits.Outcome | None) -> tuple[bool, int, int]:
    assert outcome is not None
    return outcome.allowed, outcome.remaining, outcome.reset


def test_a_token_bucket_lets_a_burst_through_then_one_request_per_interval() -> None:
    """4 requests per 8 s: a request's worth comes back every 2 s; `t` is when the next one does,
    and a refused request's `t` (its `Retry-After`) when it may be retried."""
    clock = FakeClock()
    limiter = rate_limits.RateLimiter(Settings(rate_limit_burst=4, rate_limit_per_second=0.5))
    limiter._memory = token_buckets.MemoryBuckets(clock)
    policy = limiter.integration
    assert (policy.quota, policy.window, policy.interval) == (4, 8, 2.0)

    def take() -> tuple[bool, int, int]:
        return headers_of(asyncio.run(limiter.check(policy, "one")))

    assert take() == (True, 3, 2)
    clock.now += 0.5
    assert take() == (True, 2, 2)  # 0.5 s of the first one's 2 s have passed: 1.5 s, rounded up
    assert take() == (True, 1, 2)
    assert take() == (True, 0, 2)
    assert take() == (False, 0, 2)  # retry in 1.5 s
    assert take() == (False, 0, 2)  # a refused request takes nothing
    clock.now += 1.5  # one request's worth is back
    assert take() == (True, 0, 2)
    assert take() == (False, 0, 2)
    clock.now += 20  # full again, and no more than full
    assert [take()[1] for _ in range(5)] == [3, 2, 1, 0, 0]
    # Another key has a bucket of its own.
    assert headers_of(asyncio.run(limiter.check(policy, "two"))) == (True, 3, 2)


def test_the_in_process_store_forgets_full_buckets() -> None:
    clock = FakeClock()
    buckets = token_buckets.MemoryBuckets(clock)
    for address in range(1000):
        assert buckets.take(f"address/10.0.{address // 256}.{address % 256}", 0.5, 4) == (
            True,
            0.5,
        )
    assert len(buckets) == 1000
    # Once their buckets are full again (0.5 s later) they are forgotten at the next sweep.
    clock.now += token_buckets.SWEEP_SECONDS
    assert buckets.take("address/192.0.2.1", 0.5, 4) == (True, 0.5)
    assert len(buckets) == 1


@pytest.mark.redis
def test_the_redis_store_keeps_the_same_buckets() -> None:
    """The Lua script against the real Redis: the same answers as the in-process store, on Redis'
    clock, and its key holds a whole number of microseconds and expires when the bucket is full."""
    import redis.asyncio

    prefix = f"pt_test_{secrets.token_hex(6)}"

    async def run() -> tuple[list[tuple[bool, float]], bytes | None, int]:
        client = redis.asyncio.Redis.from_url(reachable_redis_url())
        buckets = token_buckets.RedisBuckets(client, prefix)
        try:
            # 3 requests per hour: nothing comes back while the test runs.
            answers = [await buckets.take("integration/one", 1200.0, 3600.0) for _ in range(5)]
            stored = await client.get(f"{prefix}:integration/one")
            ttl = await client.pttl(f"{prefix}:integration/one")
            await client.delete(f"{prefix}:integration/one")
            return answers, stored, ttl
        finally:
            await buckets.aclose()

    answers, stored, ttl = asyncio.run(run())
    assert [allowed for allowed, _ in answers] == [True, True, True, False, False]
    debts = [debt for _, debt in answers]
    # Allowed: the debt after the request, 1200 s a request (less the milliseconds between them).
    for debt, expected in zip(debts, (1200, 2400, 3600, 3600, 3600), strict=True):
        assert expected - 1 < debt <= expected
    assert stored is not None
    assert stored.isdigit()
    assert 3599_000 < ttl <= 3600_000


def test_a_failing_store_is_skipped_then_tried_again(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The breaker: after a failure the store is not asked for `BREAK_SECONDS`, then one request
    asks it again; one warning."""
    monkeypatch.setattr(rate_limits, "BREAK_SECONDS", 0.2)
    nothing_listens = f"redis://127.0.0.1:{free_port()}/0"

    async def run() -> tuple[list[bool], float]:
        limiter = rate_limits.RateLimiter(Settings(rate_limit_storage=nothing_listens))
        asked = 0
        store: Any = limiter._shared
        real_take = store.take

        async def counting_take(*args: Any) -> tuple[bool, float]:
            nonlocal asked
            asked += 1
            result: tuple[bool, float] = await real_take(*args)
            return result

        monkeypatch.setattr(store, "take", counting_take)
        outcomes = [await limiter.check(limiter.address, "a") is None for _ in range(50)]
        asked_at_once = asked
        await asyncio.sleep(0.25)
        outcomes.append(await limiter.check(limiter.address, "a") is None)
        await limiter.aclose()
        return outcomes, asked_at_once * 10 + (asked - asked_at_once)

    with caplog.at_level("WARNING", logger="patient_tracker.rate_limits"):
        outcomes, asked = asyncio.run(run())
    assert all(outcomes)
    assert asked == 11  # once for the 50, once more after the break
    warnings = [r.getMessage() for r in caplog.records if r.name == "patient_tracker.rate_limits"]
    assert len(warnings) == 1
    assert warnings[0].startswith("rate limits suspended: the rate-limit store failed")
    assert str(nothing_listens.rsplit(":", 1)[0]) not in warnings[0]
