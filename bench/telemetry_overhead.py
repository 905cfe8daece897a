"""What metrics and traces cost a request, measured in-process (docs/design.md, "Metrics and
traces").

    python bench/telemetry_overhead.py [--requests 400] [--rounds 30]

Builds the app with `create_app` on a fresh SQLite file, runs its lifespan, and sends
authenticated `GET /v1/patients/{id}` through the ASGI app itself (no socket, no HTTP parser: what
is left is the app's own time, where the middleware's cost shows). Apps differing only in their
settings are measured in alternating rounds, so that a busy machine slows them alike; printed is
each one's median time per request over the rounds, and its difference from the first.

prometheus-client chooses between in-memory values and multiprocess files when it is imported, so
each mode is a process of its own: this script runs itself once per mode
(`--mode single`: `serve` with one worker; `--mode multiprocess`: with several, the files;
`--mode tracing`: tracing on, spans batched to an exporter that drops them).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

from asgi_requests import call, http_scope, ignore, receive

MODES = ("single", "multiprocess", "tracing")


async def _measure(
    database_url: str, key: str, configs: dict[str, dict[str, Any]], args: Any
) -> None:
    from patient_tracker.app import create_app
    from patient_tracker.db import statement_spans
    from patient_tracker.settings import Settings

    apps: dict[str, Any] = {}
    async with AsyncExitStack() as stack:
        for name, overrides in configs.items():
            settings = Settings(
                database_url=database_url,
                access_log=False,
                webhook_worker=False,
                # Telemetry alone is measured: a limit would answer 429 within the first round.
                rate_limits=False,
                **overrides,
            )
            app = create_app(settings)
            await stack.enter_async_context(app.router.lifespan_context(app))
            apps[name] = app
        # The statement tracer is one per process (one app per process in production): here it
        # is handed to the traced app's rounds only.
        statement_tracer = statement_spans.tracer
        tracers = {
            name: statement_tracer if c.get("tracing") else None for name, c in configs.items()
        }
        first = next(iter(apps.values()))
        body = json.dumps(
            {
                "given_name": "Ada",
                "family_name": "Lovelace",
                "date_of_birth": "1985-12-10",
                "phone": "+15550000001",
            }
        ).encode()
        created = await call(
            first, http_scope("POST", "/v1/patients", key, b"application/json"), body
        )
        patient = json.loads(created[1]["body"])
        get = http_scope("GET", f"/v1/patients/{patient['id']}", key)
        for name, app in apps.items():  # warm-up: caches, prepared statements, labelled children
            statement_spans.tracer = tracers[name]
            answer = await call(app, get)
            status = answer[0]["status"]
            assert status == 200, f"{name}: GET answered {status}, not 200"
            for _ in range(200):
                await app(dict(get, state={}), receive, ignore)
        timings: dict[str, list[float]] = {name: [] for name in apps}
        for round_number in range(args.rounds):
            names = list(apps)
            names = names[round_number % len(names) :] + names[: round_number % len(names)]
            for name in names:
                app = apps[name]
                statement_spans.tracer = tracers[name]
                started = time.perf_counter()
                for _ in range(args.requests):
                    await app(dict(get, state={}), receive, ignore)
                timings[name].append((time.perf_counter() - started) / args.requests * 1e6)
    base = statistics.median(next(iter(timings.values())))
    for name, values in timings.items():
        median = statistics.median(values)
        print(f"  {name:<28} {median:7.1f} us/request  ({median - base:+5.1f} us)")


def _run_mode(mode: str, args: Any) -> None:
    from live_server import prepare_database

    with tempfile.TemporaryDirectory() as directory:
        url = f"sqlite:///{Path(directory) / 'bench.db'}"
        key = prepare_database(url)
        configs: dict[str, dict[str, Any]] = {"metrics and tracing off": {"metrics": False}}
        if mode == "tracing":
            _drop_spans()
            configs["tracing on (metrics off)"] = {"metrics": False, "tracing": True}
        else:
            configs[f"metrics on ({mode})"] = {"metrics": True}
        import uvloop

        uvloop.run(_measure(url, key, configs, args))


def _drop_spans() -> None:
    """A real SDK provider batching to an exporter that drops everything: the cost of making and
    queueing spans, without a collector."""
    from opentelemetry import trace
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult

    class _Drop(SpanExporter):
        def export(self, spans: Sequence[Any]) -> SpanExportResult:
            return SpanExportResult.SUCCESS

    provider = TracerProvider()
    provider.add_span_processor(BatchSpanProcessor(_Drop()))
    trace.set_tracer_provider(provider)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per round and app")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--mode", choices=MODES, help="one mode, in this process")
    args = parser.parse_args(argv)
    if args.mode is not None:
        _run_mode(args.mode, args)
        return 0
    for mode in MODES:
        print(f"{mode}:", flush=True)
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        with tempfile.TemporaryDirectory() as directory:
            if mode == "multiprocess":
                env["PROMETHEUS_MULTIPROC_DIR"] = directory
            else:
                env.pop("PROMETHEUS_MULTIPROC_DIR", None)
            command = [
                sys.executable,
                __file__,
                "--mode",
                mode,
                "--requests",
                str(args.requests),
                "--rounds",
                str(args.rounds),
            ]
            subprocess.run(command, env=env, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
