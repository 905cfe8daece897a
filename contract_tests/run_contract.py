"""`nox -s contract`: the Schemathesis CLI over the whole spec against a fresh server.

1. Start `patient-tracker serve` on a fresh SQLite file with a fresh all-scopes key (the shared
   live-server helpers in `live_server.py`).
2. Run `schemathesis run spec/openapi.yaml` with `schemathesis-ci.toml`: every check, every phase,
   a fixed seed, no example database, one worker; JUnit XML and HAR under `reports/contract/`.
3. Run the coverage phase twice more with keys that each hold a single, different scope: between
   them every operation meets a key without its scope, so its documented 403 is exercised (with
   every check, like the rest).
4. Print the contract coverage table from the HAR files (`contract_coverage.py`) and fail when
   an operation went unexercised, fewer than `--threshold` of the documented (operation, status)
   pairs were observed, or fewer than `--min-requests` requests were sent.
5. The untuned pass: on another fresh server with its own fresh database, the plain Schemathesis
   CLI as integrators run it, with `schemathesis-untuned.toml`: every check, every phase, no hooks,
   another seed; only the spec's per-operation semantic rejections declared. That server runs
   with production's webhook URL rules (`UNTUNED_SERVER_ENV`: host names resolved), not the
   tests' hermetic ones. Its HAR and JUnit XML go to `reports/contract/untuned/` (not counted in
   the coverage table, which is the tuned run's).
6. The same untuned pass against the SDK's test kit, served in process (`kit_gate.py`): the kit
   passes the gate the server passes. Its reports go to `reports/contract/kit/`.

Run from the repository root: `python -m contract_tests.run_contract [--threshold 0.9]`; other
arguments go to every `schemathesis run`. `--untuned-only` runs step 5 alone (the thorough runs:
`--untuned-only --database postgresql --seed 7 --max-examples 250`), `--kit-only` step 6 alone,
`--without-untuned` steps 1-4 without them (the test session runs them apart, to spread them
over its workers);
`--database postgresql`
puts the servers on a throwaway PostgreSQL database instead of a SQLite file.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from contract_tests.client_rules import CONTRACT_SERVER_ENV
from contract_tests.contract_coverage import measure, render
from live_server import (
    prepare_database,
    run_live_server,
    schemathesis_command,
    throwaway_postgres_database,
)

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = ROOT / "contract_tests" / "schemathesis-ci.toml"
UNTUNED_CONFIG = ROOT / "contract_tests" / "schemathesis-untuned.toml"
REPORTS = ROOT / "reports" / "contract"
UNTUNED_REPORTS = REPORTS / "untuned"
KEY_VARIABLE = "PATIENT_TRACKER_CONTRACT_KEY"  # read by both configuration files
DEFAULT_THRESHOLD = 0.90
# A run this small is a misconfiguration (few examples, a filter left in), not a contract check.
DEFAULT_MIN_REQUESTS = 5000
# The untuned pass's server: production's webhook URL rules, where the other servers here run the
# hermetic tests' (`run_live_server` turns name resolution off). Host names are resolved, as in
# production (with no DNS on this machine a name does not resolve: the documented 422
# `unresolvable`), and only `https` URLs to public addresses are accepted, whatever the caller's
# environment says. The one departure from production: the delivery worker stays off, because a
# fuzzed endpoint URL may name a public IP literal and this run may send traffic to loopback only.
UNTUNED_SERVER_ENV = {
    "PATIENT_TRACKER_WEBHOOK_RESOLVE_NAMES": "true",
    "PATIENT_TRACKER_WEBHOOK_ALLOW_HTTP": "false",
    "PATIENT_TRACKER_WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "false",
    "PATIENT_TRACKER_WEBHOOK_WORKER": "false",
}


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


@contextmanager
def fresh_database(kind: str, directory: Path) -> Iterator[str]:
    """The URL of an empty database: a new SQLite file in `directory`, or a throwaway PostgreSQL
    database (dropped afterwards) on the test server of `live_server.py`."""
    if kind == "postgresql":
        with throwaway_postgres_database() as url:
            yield url
    else:
        yield f"sqlite:///{directory / 'contract.db'}"


def schemathesis(base_url: str, key: str, *options: str, config: Path = CONFIG) -> int:
    """Run the Schemathesis CLI with `config` as `key`'s holder; return its exit code."""
    env = {**os.environ, KEY_VARIABLE: key}
    command = schemathesis_command(base_url, *options, config=config)
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode  # noqa: S603


def untuned_pass(database: str, passthrough: Sequence[str]) -> int:
    """Step 5: the plain CLI on its own fresh server; print its requests and time; exit code."""
    UNTUNED_REPORTS.mkdir(parents=True, exist_ok=True)
    har = UNTUNED_REPORTS / "requests.har"
    har.unlink(missing_ok=True)
    started = time.monotonic()
    with (
        tempfile.TemporaryDirectory(prefix="contract-untuned-") as tmp,
        fresh_database(database, Path(tmp)) as database_url,
        run_live_server(database_url, Path(tmp), extra_env=UNTUNED_SERVER_ENV) as server,
    ):
        exit_code = schemathesis(
            server.base_url,
            server.api_key,
            "--report",
            "junit,har",
            "--report-junit-path",
            str(UNTUNED_REPORTS / "junit.xml"),
            "--report-har-path",
            str(har),
            *passthrough,
            config=UNTUNED_CONFIG,
        )
    elapsed = time.monotonic() - started
    requests = len(json.loads(har.read_text())["log"]["entries"]) if har.exists() else 0
    print(
        f"\nUntuned pass ({database}): {requests} requests in {elapsed:.0f} s, "
        f"exit code {exit_code} (reports: {UNTUNED_REPORTS})."
    )
    return exit_code


def kit_pass(passthrough: Sequence[str]) -> int:
    """Step 6: the untuned pass against the SDK's test kit, in process (`kit_gate.py`; imported
    here, not at the top: it imports this module, and the SDK)."""
    from contract_tests.kit_gate import kit_pass as run_on_the_kit

    return run_on_the_kit(passthrough)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--min-requests", type=int, default=DEFAULT_MIN_REQUESTS)
    parser.add_argument("--database", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--untuned-only", action="store_true", help="run the untuned pass alone")
    parser.add_argument(
        "--kit-only", action="store_true", help="run the untuned pass against the test kit alone"
    )
    parser.add_argument(
        "--without-untuned", action="store_true", help="run steps 1-4, not the untuned pass"
    )
    args, passthrough = parser.parse_known_args(argv)

    if args.untuned_only:
        return untuned_pass(args.database, passthrough)
    if args.kit_only:
        return kit_pass(passthrough)

    spec = yaml.safe_load(SPEC.read_text())
    REPORTS.mkdir(parents=True, exist_ok=True)
    for stale in [*REPORTS.glob("*.har"), *REPORTS.glob("*.xml")]:
        stale.unlink()

    started = time.monotonic()
    exit_codes = []
    with (
        tempfile.TemporaryDirectory(prefix="contract-") as tmp,
        fresh_database(args.database, Path(tmp)) as database_url,
        run_live_server(database_url, Path(tmp), extra_env=CONTRACT_SERVER_ENV) as server,
    ):
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

    if not args.without_untuned:
        exit_codes.append(untuned_pass(args.database, passthrough))
        exit_codes.append(kit_pass(passthrough))
    if any(exit_codes):
        print(f"Schemathesis failed (exit codes {exit_codes})", file=sys.stderr)
    return 1 if any(exit_codes) or shortfalls else 0


if __name__ == "__main__":
    sys.exit(main())
