"""`nox -s contract`: the Schemathesis CLI over the whole spec against a fresh server.

1. Start `patient-tracker serve` on a fresh SQLite file with a fresh all-scopes key (the shared
   live-server helpers in `conftest.py`).
2. Run `schemathesis run spec/openapi.yaml` with `schemathesis-ci.toml`: every check, every phase,
   a fixed seed, no example database, one worker; JUnit XML and HAR under `reports/contract/`.
3. Run the coverage phase twice more with keys that each hold a single, different scope: between
   them every operation meets a key without its scope, so its documented 403 is exercised (with
   every check, like the rest).
4. Print the contract coverage table from the HAR files (`contract_coverage.py`) and fail when
   an operation went unexercised, fewer than `--threshold` of the documented (operation, status)
   pairs were observed, or fewer than `--min-requests` requests were sent.

Run from the repository root: `python -m contract_tests.run_contract [--threshold 0.9]`; other
arguments go to every `schemathesis run`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from contract_tests.contract_coverage import measure, render
from live_server import prepare_database, run_live_server

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = ROOT / "contract_tests" / "schemathesis-ci.toml"
REPORTS = ROOT / "reports" / "contract"
KEY_VARIABLE = "PATIENT_TRACKER_CONTRACT_KEY"  # read by schemathesis-ci.toml
DEFAULT_THRESHOLD = 0.90
# A run this small is a misconfiguration (few examples, a filter left in), not a contract check.
DEFAULT_MIN_REQUESTS = 5000


def single_scope_keys(spec: Mapping[str, Any]) -> list[tuple[str]]:
    """Two single-scope key definitions that, between them, lack every operation's scopes.

    A key holding only scope S satisfies just the operations that need S alone, so two keys with
    different scopes leave no operation that both keys may call.
    """
    scopes: set[str] = set()
    for item in spec["paths"].values():
        for definition in item.values():
            for requirement in (
                definition.get("security", []) if isinstance(definition, dict) else []
            ):
                for needed in requirement.values():
                    scopes.update(needed)
    first, second, *_ = sorted(scopes)
    return [(first,), (second,)]


def schemathesis(base_url: str, key: str, *options: str) -> int:
    """Run the Schemathesis CLI of this interpreter's environment; return its exit code."""
    executable = Path(sys.executable).parent / "schemathesis"
    command = [str(executable), "--config-file", str(CONFIG), "run", str(SPEC), "--url", base_url]
    # `contract_tests.cli_hooks` is imported from the working directory: the repository root.
    env = {**os.environ, KEY_VARIABLE: key}
    return subprocess.run([*command, *options], cwd=ROOT, env=env, check=False).returncode  # noqa: S603


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--min-requests", type=int, default=DEFAULT_MIN_REQUESTS)
    args, passthrough = parser.parse_known_args(argv)

    spec = yaml.safe_load(SPEC.read_text())
    REPORTS.mkdir(parents=True, exist_ok=True)
    for stale in [*REPORTS.glob("*.har"), *REPORTS.glob("*.xml")]:
        stale.unlink()

    started = time.monotonic()
    exit_codes = []
    with tempfile.TemporaryDirectory(prefix="contract-") as tmp:
        database_url = f"sqlite:///{Path(tmp) / 'contract.db'}"
        with run_live_server(database_url, Path(tmp)) as server:
            exit_codes.append(schemathesis(server.base_url, server.api_key, *passthrough))
            for scopes in single_scope_keys(spec):
                name = "forbidden-" + "-".join(scope.replace(":", "_") for scope in scopes)
                exit_codes.append(
                    schemathesis(
                        server.base_url,
                        prepare_database(database_url, scopes=scopes),
                        "--phases",
                        "coverage",
                        "--report-junit-path",
                        str(REPORTS / f"junit-{name}.xml"),
                        "--report-har-path",
                        str(REPORTS / f"{name}.har"),
                    )
                )
    elapsed = time.monotonic() - started

    entries = [
        entry
        for har in sorted(REPORTS.glob("*.har"))
        for entry in json.loads(har.read_text())["log"]["entries"]
    ]
    coverage = measure(spec, {"log": {"entries": entries}})
    print("\nContract coverage (documented status codes observed at least once):\n")
    print(render(coverage))
    print(
        f"\nSchemathesis sent {coverage.requests} requests in {elapsed:.0f} s (reports: {REPORTS})."
    )

    shortfalls = coverage.shortfalls(args.threshold)
    if coverage.requests < args.min_requests:
        shortfalls.append(f"only {coverage.requests} requests, fewer than {args.min_requests}")
    for problem in shortfalls:
        print(f"contract coverage: {problem}", file=sys.stderr)
    if any(exit_codes):
        print(f"Schemathesis failed (exit codes {exit_codes})", file=sys.stderr)
    return 1 if any(exit_codes) or shortfalls else 0


if __name__ == "__main__":
    sys.exit(main())
