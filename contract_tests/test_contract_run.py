"""The contract gate as integrators run it: `run_contract.py` (the Schemathesis CLI, the
coverage table and its thresholds), run as a test; its untuned pass is
`test_contract_untuned.py`'s.

It used to be a nox session of its own (`nox -s contract`, still there to run it whole and read
its table), run after the test session; as two tests in two files it runs beside the others (the
test command spreads test files over the machine's cores), and nothing of it runs twice.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Generous: the run takes 2-3 minutes here; a hang must still end.
TIMEOUT_SECONDS = 900


def run_contract(*options: str) -> subprocess.CompletedProcess[str]:
    """`python -m contract_tests.run_contract OPTIONS` from the repository root."""
    return subprocess.run(  # noqa: S603 - our own module, our own options
        [sys.executable, "-m", "contract_tests.run_contract", *options],
        cwd=ROOT,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=TIMEOUT_SECONDS,
        check=False,
    )


def test_the_contract_run_passes() -> None:
    done = run_contract("--without-untuned")
    report = done.stdout[-6000:] + done.stderr[-4000:]
    assert done.returncode == 0, report
    # The run printed its coverage table.
    assert "Contract coverage" in done.stdout, report
