"""What the SDK costs on the client: `get_patient` through it against bare `httpx.Client` + `json`.

Run it as ``nox -s bench-sdk`` (or ``python bench/sdk_vs_httpx.py --calls 3000`` in an environment
with the server and the SDK installed).

One run starts the API as ``bench/run.py`` does (``patient-tracker db upgrade``, ``keys create``,
``serve`` on a fresh SQLite file, pinned to one CPU when ``taskset`` is there), registers one
patient, and then, single-threaded on the other CPU, times ``--calls`` sequential
``GET /v1/patients/{id}`` calls each way:

- **bare**: one ``httpx.Client`` with the key in its headers; ``client.get(url)``,
  ``raise_for_status()``, ``json.loads(response.content)``.
- **sdk**: one ``PatientTracker`` (default retry policy and timeouts), through the generated
  resource method ``tracker.patients.get(id)``, which returns a typed ``Patient`` (dates parsed).
- **lowlevel**: the same tracker, calling the generated function underneath directly,
  ``unwrap(get_patient.sync_detailed(id, client=tracker.client))``: what the resource method
  itself costs is the difference to **sdk**.

The ways alternate in ``--rounds`` blocks, each going first in turn, so that a disturbance on a
shared machine hits all.
Reported: wall time per call (median over rounds) of each, the client CPU time per call, and the
ratios SDK / bare (the target: at most 1.1) and lowlevel / bare. The server's time is in all,
which is the point: it is what an integrator sees.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import Any, cast

import httpx
from run import can_pin, cli, server

from live_server import free_port
from patient_tracker_client import PatientTracker, unwrap
from patient_tracker_client.generated.api.patients import get_patient
from patient_tracker_client.generated.models import Patient, PatientCreate

TARGET = 1.1
SERVER_CPU, CLIENT_CPU = 1, 0


def parse_args() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=500, help="calls per round and way")
    parser.add_argument("--rounds", type=int, default=20, help="alternating rounds")
    parser.add_argument("--warmup", type=int, default=200, help="untimed calls per way first")
    return parser.parse_args()


def timed(call: Callable[[], object], n: int) -> tuple[float, float]:
    """Wall and CPU seconds per call over `n` calls."""
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        call()
    return (time.perf_counter() - wall) / n, (time.process_time() - cpu) / n


def main() -> int:
    """Start the server, measure, print; exit 1 if the ratio misses the target."""
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-sdk-") as tmp, ExitStack() as stack:
        workdir = Path(tmp)
        port = free_port()
        env = {
            **os.environ,
            "PATIENT_TRACKER_DATABASE_URL": f"sqlite:///{workdir / 'bench.db'}",
            "PATIENT_TRACKER_PORT": str(port),
            "PATIENT_TRACKER_ACCESS_LOG": "false",
            "PATIENT_TRACKER_LOG_LEVEL": "warning",
        }
        cli(["db", "upgrade"], env)
        key = cli(["keys", "create", "--name", "bench-sdk"], env).strip().splitlines()[-1]
        command = [sys.executable, "-m", "patient_tracker", "serve"]
        stack.enter_context(server(command, SERVER_CPU, port, "/readyz", workdir / "api.log", env))
        if can_pin():
            os.sched_setaffinity(0, {CLIENT_CPU})
        base_url = f"http://127.0.0.1:{port}"

        tracker = stack.enter_context(PatientTracker(base_url, api_key=key))
        patient = tracker.patients.create(
            body=PatientCreate(
                given_name="Ada",
                family_name="Lovelace",
                date_of_birth=date(1985, 12, 10),
                phone="+442071234567",
            )
        )
        bare = stack.enter_context(
            httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {key}"})
        )
        path = f"/v1/patients/{patient.id}"

        def bare_call() -> Any:
            response = bare.get(path)
            response.raise_for_status()
            return json.loads(response.content)

        def sdk_call() -> Patient:
            return tracker.patients.get(patient.id)

        def lowlevel_call() -> Patient:
            # `cast`: the generator types getPatient's body-less 304 as `Any`, which absorbs the
            # union `unwrap` narrows (the resource method returns `Patient` itself).
            return cast(
                Patient, unwrap(get_patient.sync_detailed(patient.id, client=tracker.client))
            )

        calls: dict[str, Callable[[], object]] = {
            "bare": bare_call,
            "sdk": sdk_call,
            "lowlevel": lowlevel_call,
        }
        # The same resource every way.
        assert bare_call()["id"] == sdk_call().id == lowlevel_call().id == patient.id
        for call in calls.values():
            timed(call, args.warmup)
        samples: dict[str, list[tuple[float, float]]] = {way: [] for way in calls}
        ways = list(calls)
        for round_number in range(args.rounds):
            # Rotate which goes first, so that none always follows another.
            shift = round_number % len(ways)
            for way in ways[shift:] + ways[:shift]:
                samples[way].append(timed(calls[way], args.calls))

    print(f"get_patient, {args.rounds} rounds x {args.calls} calls each way, single-threaded")
    print(f"{'way':<9} {'wall us/call':>13} {'client CPU us/call':>19}")
    for way, rows in samples.items():
        wall = statistics.median(w for w, _ in rows) * 1e6
        cpu = statistics.median(c for _, c in rows) * 1e6
        print(f"{way:<9} {wall:>13.0f} {cpu:>19.0f}")
    ratio = median_ratio(samples["sdk"], samples["bare"])
    lowlevel = median_ratio(samples["lowlevel"], samples["bare"])
    verdict = "meets" if ratio <= TARGET else "MISSES"
    print(f"SDK / bare (median of per-round ratios): {ratio:.3f} ({verdict} the {TARGET} target)")
    print(f"lowlevel / bare: {lowlevel:.3f} (the generated function without the resource method)")
    return 0 if ratio <= TARGET else 1


def median_ratio(way: list[tuple[float, float]], base: list[tuple[float, float]]) -> float:
    """The median over rounds of the wall-time ratio way / base."""
    return statistics.median(w / b for (w, _), (b, _) in zip(way, base, strict=True))


if __name__ == "__main__":
    sys.exit(main())
