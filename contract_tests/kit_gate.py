"""The contract gate's untuned pass against the SDK's test kit, served in process.

The same command as the server's untuned pass (`run_contract.py`, step 5): the Schemathesis CLI,
`schemathesis --config-file contract_tests/schemathesis-untuned.toml run spec/openapi.yaml`, every
check, every phase (stateful included), no hooks on the cases; only the target differs. Instead of
a server on a port, the run talks to `patient_tracker_client.testing.asgi_app(MockApi())` in this
process, through Schemathesis' ASGI transport: the CLI runs in process too, and the one thing
added to it is an `after_load_schema` hook that hands it the application (a harness step: it
changes no case and no check). The configuration's `PATIENT_TRACKER_CONTRACT_KEY` is the kit's
key, which holds every scope. The kit plays the spec it ships (`_spec/openapi.json`, the bundled
copy of the spec the CLI reads; `nox -s sdk` checks that they agree).

Run from the repository root: `python -m contract_tests.kit_gate [schemathesis options]`, e.g.
`--max-examples 250 --seed 7` for a thorough run (the test session's run is bounded:
`test_kit_gate.py`). Prints the CLI's report, then one line of figures (`Kit gate: N operations,
N test cases, N requests, N checks (N failed), N failures, ...`); exits with the CLI's exit code.
Reports (JUnit XML, HAR) go to `reports/contract/kit/`.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from typing import Any, ClassVar

import schemathesis
import schemathesis.cli
from schemathesis.cli.commands.run.context import ExecutionContext
from schemathesis.cli.commands.run.handlers.base import EventHandler
from schemathesis.engine import Status, events
from schemathesis.hooks import HookContext
from schemathesis.schemas import BaseSchema

from contract_tests.run_contract import KEY_VARIABLE, REPORTS, SPEC, UNTUNED_CONFIG
from patient_tracker_client.testing import MockApi, asgi_app

KIT_REPORTS = REPORTS / "kit"
# Where the run's requests go: the ASGI transport hands them to the application in process, and
# the kit ignores the host.
KIT_URL = "http://patient-tracker.test"


class Figures(EventHandler[ExecutionContext]):
    """The run's figures, read from the CLI's own statistics when the engine finishes."""

    last: ClassVar[dict[str, Any]] = {}
    checks: ClassVar[dict[str, int]] = {"run": 0, "failed": 0}

    def handle_event(self, ctx: ExecutionContext, event: events.EngineEvent) -> None:
        if isinstance(event, events.ScenarioFinished) and event.is_test_scenario:
            for results in event.recorder.checks.values():
                Figures.checks["run"] += len(results)
                Figures.checks["failed"] += sum(r.status == Status.FAILURE for r in results)
        if isinstance(event, events.EngineFinished):
            statistic = ctx.statistic
            Figures.last = {
                "operations": len(statistic.tested_operations),
                "test_cases": statistic.total_cases,
                "failures": len(statistic.unique_failures_map),
                "errors": statistic.errored_cases,
                **{f"checks_{name}": count for name, count in Figures.checks.items()},
            }


def kit_pass(passthrough: Sequence[str] = ()) -> int:
    """Run the untuned pass against a fresh kit, in process; print its figures; exit code."""
    kit = MockApi()
    app = asgi_app(kit)

    @schemathesis.hook
    def after_load_schema(context: HookContext, schema: BaseSchema) -> None:
        schema.app = app

    schemathesis.cli.handler()(Figures)
    KIT_REPORTS.mkdir(parents=True, exist_ok=True)
    har = KIT_REPORTS / "requests.har"
    har.unlink(missing_ok=True)
    os.environ[KEY_VARIABLE] = kit.api_key
    arguments = [
        "--config-file",
        str(UNTUNED_CONFIG),
        "run",
        str(SPEC),
        "--url",
        KIT_URL,
        "--report",
        "junit,har",
        "--report-junit-path",
        str(KIT_REPORTS / "junit.xml"),
        "--report-har-path",
        str(har),
        *passthrough,
    ]
    started = time.monotonic()
    exit_code = 0
    try:
        schemathesis.cli.schemathesis.main(args=arguments, prog_name="schemathesis")
    except SystemExit as done:  # the CLI always ends with one, carrying its exit code
        exit_code = done.code if isinstance(done.code, int) else 1
    elapsed = time.monotonic() - started
    requests = len(json.loads(har.read_text())["log"]["entries"]) if har.exists() else 0
    figures = Figures.last
    print(
        f"\nKit gate: {figures.get('operations', 0)} operations, "
        f"{figures.get('test_cases', 0)} test cases, {requests} requests, "
        f"{figures.get('checks_run', 0)} checks ({figures.get('checks_failed', 0)} failed), "
        f"{figures.get('failures', 0)} failures, {figures.get('errors', 0)} errors "
        f"in {elapsed:.0f} s, exit code {exit_code} (reports: {KIT_REPORTS})."
    )
    return exit_code


def main(argv: Sequence[str] | None = None) -> int:
    return kit_pass(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
