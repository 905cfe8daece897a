"""What the rate limits cost a request, measured in-process (docs/design.md, "Rate limits").

    python bench/rate_limit_overhead.py [--requests 400] [--rounds 30] [--redis URL]

Builds the app with `create_app` on a fresh SQLite file, runs its lifespan, and sends
authenticated `GET /v1/patients/{id}` through the ASGI app itself (no socket, no HTTP parser: what
is left is the app's own time, where the limits' cost shows). The requests take turns among
`--callers` keys, each of an integration of its own and from a client address of its own, so that
production's default budgets hold (each caller stays under them: every answer must be a 200) and
the in-process store holds as many buckets as such traffic makes. Apps differing only in their
rate-limit settings are measured in alternating rounds, so that a busy machine slows them alike;
printed is each one's median time (and CPU time) per request over the rounds, and its difference
from the first. Both policies are checked on every such request (the address's, then the
integration's): the cost is the same for any operation, a POST included.

With `--redis` (default: `PATIENT_TRACKER_TEST_REDIS_URL`, else the local Redis) the buckets in
Redis are measured too, when it answers; their keys get a prefix of their own and expire in
seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from asgi_requests import call, http_scope, receive

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


async def _measure(
    database_url: str, keys: list[str], configs: dict[str, dict[str, Any]], args: Any
) -> None:
    from patient_tracker.app import create_app
    from patient_tracker.settings import Settings

    apps: dict[str, Any] = {}
    async with AsyncExitStack() as stack:
        for name, overrides in configs.items():
            settings = Settings(
                database_url=database_url, access_log=False, webhook_worker=False, **overrides
            )
            app = create_app(settings)
            await stack.enter_async_context(app.router.lifespan_context(app))
            apps[name] = app
        first = next(iter(apps.values()))
        body = json.dumps(
            {
                "given_name": "Ada",
                "family_name": "Lovelace",
                "date_of_birth": "1985-12-10",
                "phone": "+15550000001",
            }
        ).encode()
        post = http_scope("POST", "/v1/patients", keys[0], b"application/json")
        created = await call(first, post, body)
        path = f"/v1/patients/{json.loads(created[1]['body'])['id']}"
        gets = [http_scope("GET", path, key, client=caller) for caller, key in enumerate(keys)]
        statuses: dict[int, int] = {}

        async def counting_send(message: Any) -> None:
            if message["type"] == "http.response.start":
                statuses[message["status"]] = statuses.get(message["status"], 0) + 1

        for name, app in apps.items():  # warm-up, and a check that the limits are there
            answer = await call(app, gets[0])
            headers = dict(answer[0]["headers"])
            assert answer[0]["status"] == 200, answer
            assert (b"ratelimit" in headers) == (configs[name].get("rate_limits") is not False)
            for turn in range(200):
                await app(dict(gets[turn % len(gets)], state={}), receive, counting_send)
        wall: dict[str, list[float]] = {name: [] for name in apps}
        cpu: dict[str, list[float]] = {name: [] for name in apps}
        for round_number in range(args.rounds):
            names = list(apps)
            names = names[round_number % len(names) :] + names[: round_number % len(names)]
            for name in names:
                app = apps[name]
                started, started_cpu = time.perf_counter(), time.process_time()
                for turn in range(args.requests):
                    await app(dict(gets[turn % len(gets)], state={}), receive, counting_send)
                wall[name].append((time.perf_counter() - started) / args.requests * 1e6)
                cpu[name].append((time.process_time() - started_cpu) / args.requests * 1e6)
        assert set(statuses) == {200}, f"not all 200 (a budget was reached?): {statuses}"
    base_wall = statistics.median(next(iter(wall.values())))
    base_cpu = statistics.median(next(iter(cpu.values())))
    for name in apps:
        median_wall, median_cpu = statistics.median(wall[name]), statistics.median(cpu[name])
        print(
            f"  {name:<30} {median_wall:7.1f} us/request ({median_wall - base_wall:+6.1f} us),"
            f" CPU {median_cpu:7.1f} us ({median_cpu - base_cpu:+6.1f} us)"
        )


def _more_keys(database_url: str, count: int) -> list[str]:
    """`count` more keys with every scope, each of an integration of its own."""
    from patient_tracker.auth.keys import create_key
    from patient_tracker.auth.scopes import ALL_SCOPES
    from patient_tracker.db.database import Database

    database = Database.from_url(database_url)
    try:
        return [
            database.write_sync(lambda conn: create_key(conn, "bench", ALL_SCOPES))[1]
            for _ in range(count)
        ]
    finally:
        database.dispose()


def _redis_answers(url: str) -> bool:
    import redis

    client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False
    finally:
        client.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per round and app")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument(
        "--callers", type=int, default=200, help="keys (integrations) and client addresses"
    )
    parser.add_argument(
        "--redis",
        default=os.environ.get("PATIENT_TRACKER_TEST_REDIS_URL", DEFAULT_REDIS_URL),
        help="Redis URL for the shared-store case ('' to leave it out)",
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # live_server
    from live_server import prepare_database

    configs: dict[str, dict[str, Any]] = {
        "rate limits off": {"rate_limits": False},
        "rate limits on (in process)": {},
    }
    if args.redis and _redis_answers(args.redis):
        configs["rate limits on (Redis)"] = {
            "rate_limit_storage": args.redis,
            "rate_limit_key_prefix": f"bench_{secrets.token_hex(6)}",
        }
    elif args.redis:
        print("Redis does not answer: its case is left out", file=sys.stderr)
    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{Path(directory) / 'bench.db'}"
        keys = [prepare_database(url), *_more_keys(url, args.callers - 1)]
        import uvloop

        uvloop.run(_measure(url, keys, configs, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
